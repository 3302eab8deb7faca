"""The season workflow dock: Data → Heatmaps → Coverage & gaps → Plan → Report."""

from __future__ import annotations

import os

from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDockWidget

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "dock_season.ui"))


class SeasonDock(QDockWidget, FORM_CLASS):
    """The dock; its pages gather parameters and run the Processing algorithms."""

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setupUi(self)
        self.setObjectName("SnowLeopardSeasonDock")
        self.openToolboxButton.clicked.connect(self.open_toolbox)

    def open_toolbox(self) -> None:
        """Show the Processing Toolbox filtered to this plugin's algorithms."""
        if self.iface is None:
            return
        from qgis.utils import plugins

        processing = plugins.get("processing")
        if processing is not None and hasattr(processing, "toolbox"):
            processing.toolbox.setVisible(True)
            processing.toolbox.searchBox.setText("snowleopard")
