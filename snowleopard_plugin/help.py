"""Where the help pages are: ``resources/help/<language>/<page>.html``, one per algorithm and one for the dock.

The algorithm dialogs' Help button (``helpUrl``) and the dock's help button open the page in QGIS's
language (see :func:`.i18n.user_locale`), the English one when there is none in that language.
"""

from __future__ import annotations

import os
from typing import Optional

from .__about__ import plugin_file

#: Languages the help pages are written in; the first is the fallback.
HELP_LANGUAGES = ("en", "ru")


def help_path(page: str, language: Optional[str] = None) -> str:
    """Path of help page ``page`` (an algorithm's ``name()`` or ``"dock"``) in ``language``, or ``""``.

    ``language`` defaults to QGIS's; a page missing in it falls back to English.
    """
    if language is None:
        from .i18n import user_locale

        language = user_locale()
    for lang in (language, HELP_LANGUAGES[0]):
        path = plugin_file("resources", "help", lang, f"{page}.html")
        if os.path.exists(path):
            return path
    return ""


def help_url(page: str, language: Optional[str] = None) -> str:
    """``file://`` URL of :func:`help_path`, or ``""`` when there is no such page."""
    path = help_path(page, language)
    if not path:
        return ""
    from pathlib import Path

    return Path(path).resolve().as_uri()
