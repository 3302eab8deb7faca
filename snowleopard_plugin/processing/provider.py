"""The ``snowleopard`` Processing provider: lists its algorithms explicitly."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PROVIDER_ID, __version__, plugin_file
from ..i18n import tr


class SnowLeopardProvider(QgsProcessingProvider):
    """Snow leopard census algorithms (import, heatmaps, coverage, plan, report)."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Snow leopard census")

    def longName(self) -> str:
        return tr("Snow leopard census {version}").format(version=__version__)

    def icon(self) -> QIcon:
        return QIcon(plugin_file("resources", "icons", "snowleopard.svg"))

    def versionInfo(self) -> str:
        return __version__

    def loadAlgorithms(self) -> None:
        for algorithm in self.algorithms_list():
            self.addAlgorithm(algorithm)

    @staticmethod
    def algorithms_list() -> list:
        """One instance of every algorithm, in the order of the season workflow."""
        from .alg_camerarate import CameraRateAlgorithm
        from .alg_coverage import CoverageAlgorithm
        from .alg_exports import (
            ExportCamtrapDpAlgorithm,
            ExportOccupancyAlgorithm,
            ExportSecrAlgorithm,
            GeneraliseAlgorithm,
        )
        from .alg_gaps import GapsAlgorithm
        from .alg_habitat import HabitatAlgorithm
        from .alg_heatmap import HeatmapAlgorithm
        from .alg_importseason import ImportSeasonAlgorithm
        from .alg_plan import ComparePlanAlgorithm, PlanCamerasAlgorithm, PlanTransectsAlgorithm
        from .alg_report import ReportAlgorithm
        from .alg_terrain import TerrainAlgorithm

        return [
            ImportSeasonAlgorithm(),
            HeatmapAlgorithm(),
            CameraRateAlgorithm(),
            TerrainAlgorithm(),
            HabitatAlgorithm(),
            CoverageAlgorithm(),
            GapsAlgorithm(),
            PlanTransectsAlgorithm(),
            PlanCamerasAlgorithm(),
            ComparePlanAlgorithm(),
            ReportAlgorithm(),
            ExportOccupancyAlgorithm(),
            ExportSecrAlgorithm(),
            ExportCamtrapDpAlgorithm(),
            GeneraliseAlgorithm(),
        ]
