"""Translation: one ``tr()`` with a fixed context, and the plugin's translator.

Every user-visible string in the plugin's Python goes through :func:`tr` (or is
a core ``QT_TR_NOOP`` template translated by :func:`tr_error`). The context is
fixed so that ``pylupdate5`` and the running plugin agree on it whatever class
the call stands in: ``make translations`` files these strings under
:data:`CONTEXT` in ``i18n/snowleopard_plugin_ru.ts``.
"""

from __future__ import annotations

import os
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .__about__ import plugin_file

#: The translation context of every string of the plugin's Python code.
CONTEXT = "SnowLeopard"

_translator: Optional[QTranslator] = None


def tr(text: str) -> str:
    """Translate ``text`` (an English literal) into the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_error(error: Exception) -> str:
    """The translated message of a core error (see ``core.exceptions``)."""
    template = getattr(error, "template", None)
    if template is None:
        return str(error)
    return error.format(tr(template))


def user_locale() -> str:
    """The two-letter language QGIS runs in (``ru``, ``en``, ...).

    Read from QGIS's settings (``locale/userLocale``, honoured when
    ``locale/overrideFlag`` is set, as QGIS itself does), else from the
    system locale; ``en`` when neither can be read.
    """
    name = ""
    try:
        from qgis.core import QgsSettings

        settings = QgsSettings()
        override = settings.value("locale/overrideFlag", False, type=bool)
        if override:
            name = settings.value("locale/userLocale", "", type=str) or ""
    except Exception:  # noqa: BLE001 - settings unreadable: fall back below, never fail
        name = ""
    if not name:
        name = QLocale().name() or ""
    language = name.replace("-", "_").split("_")[0].lower()
    return language if language.isalpha() and len(language) in (2, 3) else "en"


def qm_path(language: str) -> str:
    """Path of the compiled translation for ``language`` (may not exist)."""
    return plugin_file("i18n", f"snowleopard_plugin_{language}.qm")


def install_translator(language: Optional[str] = None) -> Optional[str]:
    """Load the plugin's ``.qm`` for the user's language into the application.

    Returns:
        the loaded ``.qm`` path, or None when there is none for that language
        (English, the source language, needs none).
    """
    global _translator
    remove_translator()
    path = qm_path(language or user_locale())
    if not os.path.isfile(path):
        return None
    translator = QTranslator()
    if not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return path


def remove_translator() -> None:
    """Uninstall the plugin's translator (on unload)."""
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
