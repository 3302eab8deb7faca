"""The core must run without QGIS: importing every core module loads no qgis or Qt module."""

import importlib
import pkgutil
import sys

import snowleopard_plugin.core as core


def test_core_imports_no_qgis():
    assert "qgis.core" not in sys.modules, "run the core tests with -p no:qgis"
    for module in pkgutil.walk_packages(core.__path__, core.__name__ + "."):
        importlib.import_module(module.name)
    loaded = [name for name in sys.modules if name == "qgis" or name.startswith(("qgis.", "PyQt5", "PyQt6"))]
    assert loaded == []
