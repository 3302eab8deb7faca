"""The season report as a QGIS print layout: pages, maps, legends, tables and charts.

:func:`build_layout` lays out an A4 landscape :class:`QgsPrintLayout` of six pages from :class:`ReportInputs`
(the numbers of :mod:`.core.reporting.data`, the chart PNGs of :mod:`.core.reporting.charts` and the optional
analysis layers), in a project the caller controls: the layers its maps show are added to that project.
:func:`export_pdf` writes it to a PDF with text kept as text. Texts are in the report's own language
(:func:`report_language`), whatever language QGIS runs in. Main thread only (print layouts are not
thread-safe).

* :mod:`.texts`: the report's ``tr``, numbers, dates and labels; :mod:`.inputs`: what a report shows;
* :mod:`.layers`: the layers its maps show, styled for print; :mod:`.maps`: hillshade and map rendering;
* :mod:`.layout`: page set-up and the items pages are built from; :mod:`.pages`: one function per page.
"""

from .inputs import LayerSource, ReportInputs
from .layout import add_layout_to_project, export_pdf
from .pages import build_layout
from .texts import (
    chart_texts,
    date_text,
    default_title,
    month_names,
    number,
    report_group_name,
    report_language,
    sign_labels,
    team_name,
    tr,
)

__all__ = [
    "LayerSource", "ReportInputs", "add_layout_to_project", "build_layout", "chart_texts", "date_text",
    "default_title", "export_pdf", "month_names", "number", "report_group_name", "report_language", "sign_labels",
    "team_name", "tr",
]
