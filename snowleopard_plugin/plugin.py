"""The QGIS side of the plugin: menu, toolbar button, dock and Processing provider."""

from __future__ import annotations

from typing import List, Optional

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMessageBox

from .__about__ import __title__, plugin_file
from .deps import install_hint, missing_packages
from .i18n import install_translator, remove_translator, tr

LOG_TAG = "Snow Leopard Census"


class SnowLeopardPlugin:
    """Created by ``classFactory``; QGIS calls ``initGui`` and ``unload``."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.dock = None
        self.actions: List[QAction] = []
        self.toolbar = None
        self.missing: List[tuple] = []
        try:
            install_translator()
        except Exception as error:  # noqa: BLE001 - a broken .qm must not stop QGIS: English then
            QgsMessageLog.logMessage(f"Translation not loaded: {error}", LOG_TAG, Qgis.Warning)

    # Processing -------------------------------------------------------------------------------
    def initProcessing(self) -> None:
        """Register the ``snowleopard`` provider (also called by qgis_process, without a GUI)."""
        self.missing = missing_packages()
        if self.missing:
            names = ", ".join(name for name, _ in self.missing)
            QgsMessageLog.logMessage(
                tr("Snow Leopard Census needs these Python packages: {names}. Install them with: {hint}").format(
                    names=names, hint=install_hint([n for n, _ in self.missing])), LOG_TAG, Qgis.Critical)
            return
        from .processing.provider import SnowLeopardProvider

        provider = SnowLeopardProvider()
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        else:  # another copy of the plugin already registered "snowleopard": keep that one
            QgsMessageLog.logMessage("The snowleopard Processing provider is already registered.", LOG_TAG,
                                     Qgis.Warning)

    # GUI ------------------------------------------------------------------------------------
    def initGui(self) -> None:
        """Menu, toolbar button and dock; then the provider."""
        icon = QIcon(plugin_file("resources", "icons", "snowleopard.svg"))
        self.toolbar = self.iface.addToolBar(tr("Snow Leopard Census"))
        self.toolbar.setObjectName("SnowLeopardCensusToolbar")
        action = QAction(icon, tr("Snow Leopard Census"), self.iface.mainWindow())
        action.setObjectName("SnowLeopardCensusDockAction")
        action.setToolTip(tr("Open the snow leopard census season workflow"))
        action.setCheckable(True)
        action.toggled.connect(self.toggle_dock)
        self.toolbar.addAction(action)
        self.iface.addPluginToMenu(self.menu_name(), action)
        self.actions.append(action)

        help_action = QAction(tr("Help on missing Python packages"), self.iface.mainWindow())
        help_action.triggered.connect(self.show_dependency_help)
        self.iface.addPluginToMenu(self.menu_name(), help_action)
        self.actions.append(help_action)

        self.initProcessing()
        if self.missing:
            self.warn_missing()

    @staticmethod
    def menu_name() -> str:
        return tr("&Snow Leopard Census")

    def toggle_dock(self, visible: bool) -> None:
        """Show or hide the season dock, creating it on first use."""
        if self.dock is None:
            if not visible:
                return
            from .gui.dock import SeasonDock

            self.dock = SeasonDock(self.iface, self.iface.mainWindow())
            self.dock.setWindowTitle(tr("Snow Leopard Census"))
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self.actions[0].setChecked)
        self.dock.setVisible(visible)

    def warn_missing(self) -> None:
        """A message-bar hint with the install command, instead of a traceback."""
        names = [name for name, _ in self.missing]
        bar = self.iface.messageBar()
        bar.pushMessage(
            __title__,
            tr("Python packages missing: {names}. The analyses are disabled until you install them: {hint}").format(
                names=", ".join(names), hint=install_hint(names)),
            level=Qgis.Warning, duration=0)

    def show_dependency_help(self) -> None:
        """Explain which packages are needed and whether they are present."""
        missing = missing_packages()
        if missing:
            text = tr("Missing: {names}.\n\nInstall with:\n{hint}\n\nThen restart QGIS.").format(
                names=", ".join(f"{n} ({why})" for n, why in missing), hint=install_hint([n for n, _ in missing]))
        else:
            text = tr("All the Python packages the plugin needs are installed.")
        QMessageBox.information(self.iface.mainWindow(), __title__, text)

    def unload(self) -> None:
        """Remove everything the plugin added: provider, menu, toolbar, dock, translator."""
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        for action in self.actions:
            self.iface.removePluginMenu(self.menu_name(), action)
            self.iface.removeToolBarIcon(action)
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        remove_translator()

    def current_dock(self) -> Optional[object]:
        """The dock, once opened (for tests)."""
        return self.dock
