"""Fixtures for tests that need QGIS (run with pytest-qgis, offscreen)."""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "resources", "sample")
_KEEP = []


@pytest.fixture(scope="session")
def processing_ready(qgis_app):
    """QGIS Processing initialised with the native algorithms and the plugin's provider."""
    from processing.core.Processing import Processing
    from qgis.analysis import QgsNativeAlgorithms
    from qgis.core import QgsApplication

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        registry.addProvider(QgsNativeAlgorithms())
    from snowleopard_plugin.processing.provider import SnowLeopardProvider

    if registry.providerById("snowleopard") is None:
        _KEEP.append(SnowLeopardProvider())  # Python providers must outlive the registration
        registry.addProvider(_KEEP[-1])
    return registry


@pytest.fixture(scope="session")
def sample_dir():
    """The generated sample season (make sample)."""
    if not os.path.exists(os.path.join(SAMPLE, "dem.tif")):
        pytest.fail("The sample season is missing: run 'make sample' (make test does it).")
    return SAMPLE


# QGIS 3.22 can crash while Python tears down its last Qt objects after exitQgis(), once every
# test has passed and pytest has printed its summary; the crash would turn a green run into
# "Segmentation fault" for make. Leave with pytest's own exit status instead of that teardown.
_EXIT = {"status": 0}


def pytest_sessionfinish(session, exitstatus):
    _EXIT["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT["status"])
