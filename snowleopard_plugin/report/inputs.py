"""What a report shows: the season, its numbers and charts, and the analysis layers, by source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import QgsRasterLayer, QgsVectorLayer


@dataclass
class LayerSource:
    """A layer to show, by source so it can be loaded into any project: (uri, provider, kind, name)."""

    uri: str
    provider: str
    kind: str  # "vector" or "raster"
    name: str = ""

    @classmethod
    def of(cls, layer: Any) -> Optional[LayerSource]:
        """The source of a QgsMapLayer (None for None)."""
        if layer is None:
            return None
        kind = "raster" if isinstance(layer, QgsRasterLayer) else "vector"
        return cls(layer.source(), layer.providerType(), kind, layer.name())

    def load(self, name: str) -> Any:
        """A new layer on this source, with its default style when it has one."""
        layer = (QgsRasterLayer(self.uri, name, self.provider) if self.kind == "raster"
                 else QgsVectorLayer(self.uri, name, self.provider))
        return layer if layer.isValid() else None


@dataclass
class ReportInputs:
    """What the report shows.

    Attributes:
        season: the season GeoPackage path.
        data: :class:`.core.reporting.data.ReportData` of the season.
        charts: chart name (``weekly``, ``stations``, ``km``) → PNG path.
        title: the report's title ('' → a default title in the report's language).
        heatmap, coverage, gaps, plan, dem, boundary: optional layers (by source).
        gap_rows: :func:`.core.reporting.data.top_gaps` rows; plan_table: (columns, rows).
        files: the folder of the report's own files (charts, the hillshade), beside the PDF.
    """

    season: str
    data: Any
    charts: Dict[str, str] = field(default_factory=dict)
    title: str = ""
    heatmap: Optional[LayerSource] = None
    coverage: Optional[LayerSource] = None
    gaps: Optional[LayerSource] = None
    plan: Optional[LayerSource] = None
    dem: Optional[LayerSource] = None
    boundary: Optional[LayerSource] = None
    gap_rows: List[Dict[str, Any]] = field(default_factory=list)
    plan_table: Tuple[List[str], List[List[Any]]] = field(default_factory=lambda: ([], []))
    files: str = ""
