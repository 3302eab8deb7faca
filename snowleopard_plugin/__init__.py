"""Snow Leopard Census: a QGIS plugin for snow leopard census seasons.

QGIS calls :func:`classFactory`. Nothing here imports QGIS at module level, so
``snowleopard_plugin.core`` stays importable (and testable) without QGIS.
"""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Create the plugin for the running QGIS (``iface`` is QgisInterface)."""
    from .plugin import SnowLeopardPlugin

    return SnowLeopardPlugin(iface)
