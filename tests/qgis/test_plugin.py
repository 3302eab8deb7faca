"""The plugin inside QGIS: loads, shows its button, registers its provider, unloads cleanly."""

import importlib

import pytest
from qgis.core import QgsApplication, QgsUnitTypes

_KEEP = []


@pytest.fixture(autouse=True)
def no_provider_registered(qgis_app):
    """Start as a fresh QGIS does: no "snowleopard" provider yet (other tests may have added one)."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("snowleopard")
    if existing is not None:
        registry.removeProvider(existing)
    yield
    if existing is not None and registry.providerById("snowleopard") is None:
        from snowleopard_plugin.processing.provider import SnowLeopardProvider

        _KEEP.append(SnowLeopardProvider())  # Python providers must outlive the registration
        registry.addProvider(_KEEP[-1])


def _plugin(qgis_iface):
    import snowleopard_plugin

    plugin = snowleopard_plugin.classFactory(qgis_iface)
    plugin.initGui()
    return plugin


def test_toolbar_action_menu_and_provider(qgis_iface):
    plugin = _plugin(qgis_iface)
    try:
        action = plugin.actions[0]
        assert action.objectName() == "SnowLeopardCensusDockAction"
        assert not action.icon().isNull()
        assert action in plugin.toolbar.actions()
        provider = QgsApplication.processingRegistry().providerById("snowleopard")
        assert provider is not None
        assert provider.name() == "Snow leopard census"
        ids = [alg.id() for alg in provider.algorithms()]
        assert "snowleopard:importseason" in ids
        distances = 0
        for alg in provider.algorithms():
            assert alg.name() == alg.name().lower()
            assert alg.groupId() and alg.groupId() == alg.groupId().lower()
            assert isinstance(alg.createInstance(), type(alg))
            for parameter in alg.parameterDefinitions():
                if parameter.type() == "distance":  # metres whatever the input layers' CRS (GPX, SRTM)
                    distances += 1
                    assert parameter.parentParameterName() == "", (alg.id(), parameter.name())
                    assert parameter.defaultUnit() == QgsUnitTypes.DistanceMeters, (alg.id(), parameter.name())
        assert distances >= 20
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("snowleopard") is None
    assert plugin.actions == []


def test_dock_opens_and_closes(qgis_iface):
    plugin = _plugin(qgis_iface)
    try:
        plugin.actions[0].setChecked(True)
        dock = plugin.current_dock()
        assert dock is not None and not dock.isHidden()
        assert dock.pages.count() == 5
        plugin.actions[0].setChecked(False)
        assert dock.isHidden()
    finally:
        plugin.unload()
    assert plugin.current_dock() is None


def test_missing_package_gives_hint_not_traceback(qgis_iface, monkeypatch):
    """With rasterio broken, QGIS keeps working: no provider, a message-bar hint naming the package."""
    real_import = importlib.import_module

    def broken(name, *args, **kwargs):
        if name == "rasterio":
            raise ImportError("libgdal.so: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("snowleopard_plugin.deps.importlib.import_module", broken)
    shown = []
    monkeypatch.setattr(qgis_iface.messageBar(), "pushMessage",
                        lambda *args, **kwargs: shown.append(" ".join(str(a) for a in args)))
    plugin = _plugin(qgis_iface)
    try:
        assert QgsApplication.processingRegistry().providerById("snowleopard") is None
        assert shown and "rasterio" in shown[0] and "apt install python3-rasterio" in shown[0]
        assert plugin.actions[0].isEnabled()
    finally:
        plugin.unload()
