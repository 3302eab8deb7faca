"""The season report as a QGIS print layout."""

from .pages import (  # noqa: F401
    LayerSource, ReportInputs, add_layout_to_project, build_layout, chart_texts, default_title, export_pdf,
    month_names, report_group_name, report_language, sign_labels, team_name,
)
