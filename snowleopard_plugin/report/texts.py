"""The report's language and how it writes things: its own ``tr``, numbers, dates, and the labels it prints.

The report's texts are in the report's language, whatever language QGIS runs in: :func:`report_language`
loads the plugin's translation for it into translators that only this module's :func:`tr` reads, so
nothing else in QGIS changes language. Every code → label table comes from :mod:`..labels`, translated
through this :func:`tr`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
from typing import Any, Dict, Iterator, List, Optional

from qgis.PyQt.QtCore import QTranslator

from ..i18n import CONTEXT, qm_path
from ..labels import month_labels, obs_type_labels, team_label

_translators: List[QTranslator] = []
_language = "en"


def tr(text: str) -> str:
    """Translate a report text into the report's language (see :func:`report_language`)."""
    source = text.encode("utf-8")  # QTranslator takes UTF-8 bytes (PyQt passes str as ASCII)
    for translator in _translators:
        translated = translator.translate(CONTEXT, source)
        if translated:
            return translated
    return text


@contextlib.contextmanager
def report_language(language: str) -> Iterator[None]:
    """Make :func:`tr` answer in ``language`` (``ru``, ``en``) inside the block, without touching QGIS's language."""
    global _translators, _language
    old, old_language = _translators, _language
    translators = []
    if language != "en":
        path = qm_path(language)  # the plugin's own translation, built by make translations
        translator = QTranslator()
        if os.path.isfile(path) and translator.load(path):
            translators.append(translator)
    _translators, _language = translators, language
    try:
        yield
    finally:
        _translators, _language = old, old_language


def number(value: Optional[float], decimals: int = 1) -> str:
    """A number as the report prints it (decimal comma in Russian); an en dash for none."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if _language == "ru" else text


def cell(value: Any) -> str:
    """A table cell: floats with two decimals, an en dash for none."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return number(value, 2)
    return str(value)


def date_text(iso: Optional[str]) -> str:
    """An ISO date as dd.mm.yyyy."""
    if not iso or len(iso) < 10:
        return "–"
    return f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}"


def sign_labels() -> Dict[str, str]:
    """Sign-type code → name in the report's language."""
    return obs_type_labels(tr)


def team_name(team: Optional[str]) -> str:
    """A team as the report names it (teams are stored as numbers or names)."""
    return team_label(team, tr)


def month_names() -> List[str]:
    """Month names in the report's language."""
    return month_labels(tr)


def chart_texts() -> Dict[str, str]:
    """Titles and axis labels of the report's charts, in the report's language."""
    return {
        "weekly_title": tr("Signs per km by survey week"),
        "weekly_x": tr("Survey week (starting Monday)"),
        "per_km": tr("signs per km"),
        "stations_title": tr("Snow leopard detections per station"),
        "detections": tr("detections"),
        "rate": tr("per 100 trap-nights"),
        "km_title": tr("Km walked by team and month"),
        "km": tr("km"),
    }


def default_title(data: Any) -> str:
    """"Snow leopard census {year}: season report" from the season's first date."""
    year = (data.summary.get("first_date") or "")[:4] or str(dt.date.today().year)
    return tr("Snow leopard census {year}: season report").format(year=year)


def report_group_name(title: str) -> str:
    """The layer-tree group that holds a report's layers in the user's project."""
    return tr("Report: {title}").format(title=title)
