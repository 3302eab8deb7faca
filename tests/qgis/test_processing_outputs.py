"""Declared outputs, advanced flags and tags of the algorithms; numeric outputs chained in a Processing model;
``qgis_process help`` lists them."""

import configparser
import os
import shutil
import subprocess
import sys
import zipfile

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterLayer,
    QgsVectorLayer,
)
from rasterio.transform import from_origin

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

#: Numeric outputs every algorithm declares (names users' models rely on).
NUMBER_OUTPUTS = {
    "importseason": {"ROUTES_COUNT", "OBSERVATIONS_COUNT", "CAMERAS_COUNT", "DETECTIONS_COUNT", "VALIDATION_COUNT",
                     "SEASON_EPSG"},
    "heatmap": {"SIGNS_MAPPED", "MAX_VALUE"},
    "camerarate": {"STATION_COUNT", "TRAP_NIGHTS_TOTAL", "DETECTION_COUNT", "RATE_PER_100"},
    "terrain": {"RIDGE_KM", "RIDGE_SEGMENTS", "SADDLE_COUNT"},
    "habitat": {"SUITABLE_KM2", "MEAN_SUITABILITY"},
    "coverage": {"SEARCHED_KM2", "SAMPLED_KM2", "BOTH_KM2", "KM_WALKED", "GRID_CELLS", "RIDGE_KM",
                 "RIDGE_WALKED_KM"},
    "gaps": {"GAP_COUNT", "GAP_KM2", "LARGEST_GAP_KM2"},
    "plantransects": {"TOTAL_KM", "NEW_HABITAT_KM2", "TRANSECT_COUNT"},
    "plancameras": {"STATION_COUNT", "NEW_STATION_COUNT"},
    "compareplan": {"WALKED_SHARE", "OFFPLAN_KM"},
    "report": set(),
    "exportoccupancy": {"SITE_COUNT", "REPLICATE_COUNT", "OCCUPIED_SITES"},
    "exportsecr": {"TRAP_COUNT", "CAPTURE_COUNT", "OCCASION_COUNT"},
    "exportcamtrapdp": {"DEPLOYMENT_COUNT", "OBSERVATION_COUNT"},
    "generalise": {"POINT_COUNT"},
}

#: Tuning knobs that are flagged advanced (a sample; the main inputs never are).
ADVANCED = {
    "heatmap": {"KERNEL", "DECAY", "MIN_EFFORT_KM"},
    "terrain": {"TPI_RADIUS", "VRM_WINDOW", "RIDGE_TPI_MIN", "TARGET_CRS"},
    "habitat": {"ELEV_MIN", "WEIGHT_RIDGE", "COMBINE", "TARGET_CRS"},
    "gaps": {"THRESHOLD", "MIN_AREA"},
    "plantransects": {"GPX_FOLDER", "GAP_WEIGHT"},
}


def _algorithms(registry):
    provider = registry.providerById("snowleopard")
    return {alg.name(): alg for alg in provider.algorithms()}


def test_every_algorithm_declares_its_numeric_outputs(processing_ready):
    algorithms = _algorithms(processing_ready)
    assert set(algorithms) == set(NUMBER_OUTPUTS)
    for name, expected in NUMBER_OUTPUTS.items():
        numbers = {o.name() for o in algorithms[name].outputDefinitions() if o.type() == "outputNumber"}
        assert expected <= numbers, (name, expected - numbers)


def test_advanced_flags_and_tags(processing_ready):
    from snowleopard_plugin.processing.base import is_advanced

    algorithms = _algorithms(processing_ready)
    for name, alg in algorithms.items():
        flagged = {p.name() for p in alg.parameterDefinitions() if is_advanced(p)}
        assert ADVANCED.get(name, set()) <= flagged, (name, ADVANCED.get(name, set()) - flagged)
        # never a required input or an output
        for parameter in alg.parameterDefinitions():
            if parameter.name() in flagged:
                assert parameter.isDestination() is False or parameter.name() == "GPX_FOLDER", (name, parameter.name())
        assert "snow leopard" in alg.tags() and len(alg.tags()) > 3, name
        assert alg.shortHelpString()


def test_tags_in_russian(processing_ready):
    from snowleopard_plugin import i18n

    algorithms = _algorithms(processing_ready)
    try:
        i18n.install_translator("ru")
        for name, alg in algorithms.items():
            tags = alg.tags()
            assert "ирбис" in tags or "снежный барс" in tags, (name, tags)
            assert any(any("а" <= c <= "я" for c in t) for t in tags[len(alg.TAGS) + 3:]), (name, tags)
    finally:
        i18n.remove_translator()


def _dem(path):
    """100 x 100 cells of 50 m: the western half at 2500 m (suitable), the eastern half at 500 m (not)."""
    z = np.full((100, 100), 500.0, dtype="float32")
    z[:, :50] = 2500.0
    with rasterio.open(path, "w", driver="GTiff", width=100, height=100, count=1, dtype="float32",
                       crs="EPSG:32645", transform=from_origin(500000.0, 5600000.0, 50.0, 50.0),
                       nodata=-9999.0) as dst:
        dst.write(z, 1)
    return str(path)


def _points(path):
    layer = QgsVectorLayer("Point?crs=EPSG:32645&field=name:string", "points", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(500123.0, 5597777.0)))
    feature.setAttributes(["a"])
    layer.dataProvider().addFeatures([feature])
    return layer


def test_model_feeds_habitat_km2_into_generalise_cell_size(processing_ready, tmp_path):
    """A model (as a .model3 built in the Modeler): habitat's SUITABLE_KM2 becomes generalise's CELL_SIZE."""
    model = QgsProcessingModelAlgorithm("chain", "tests")
    model.addModelParameter(QgsProcessingParameterRasterLayer("dem", "DEM"), QgsProcessingModelParameter("dem"))
    model.addModelParameter(QgsProcessingParameterFeatureSource("points", "Points"),
                            QgsProcessingModelParameter("points"))

    habitat = QgsProcessingModelChildAlgorithm("snowleopard:habitat")
    habitat.setChildId("habitat")
    habitat.addParameterSources("DEM", [QgsProcessingModelChildParameterSource.fromModelParameter("dem")])
    for key in ("WEIGHT_SLOPE", "WEIGHT_RUGGEDNESS", "WEIGHT_RIDGE"):  # elevation alone decides
        habitat.addParameterSources(key, [QgsProcessingModelChildParameterSource.fromStaticValue(0.0)])
    model.addChildAlgorithm(habitat)

    generalise = QgsProcessingModelChildAlgorithm("snowleopard:generalise")
    generalise.setChildId("generalise")
    generalise.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("points")])
    generalise.addParameterSources("CELL_SIZE", [QgsProcessingModelChildParameterSource.fromChildOutput(
        "habitat", "SUITABLE_KM2")])
    output = QgsProcessingModelOutput("generalised", "Generalised")
    output.setChildId("generalise")
    output.setChildOutputName("OUTPUT")
    generalise.setModelOutputs({"generalised": output})
    model.addChildAlgorithm(generalise)
    model.updateDestinationParameters()
    assert model.dependsOnChildAlgorithms("generalise") == {"habitat"}

    # the model survives a save and load, as a .model3 file would
    path = str(tmp_path / "chain.model3")
    assert model.toFile(path)
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(path)

    points = _points(tmp_path)
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    target = str(tmp_path / "generalised.gpkg")
    params = {"dem": _dem(tmp_path / "dem.tif"), "points": points, "generalise:generalised": target}
    ok, error = loaded.checkParameterValues(params, context)
    assert ok, error
    results, ok = loaded.run(params, context, feedback)
    assert ok, feedback.textLog()
    layer = QgsVectorLayer(results["generalise:generalised"], "g", "ogr")
    assert layer.isValid()
    features = list(layer.getFeatures())
    assert len(features) == 1
    # 50 x 100 cells of 50 m are suitable: 12.5 km², so 12.5 m cells
    assert features[0]["generalised_m"] == pytest.approx(12.5)
    point = features[0].geometry().asPoint()  # the centre of its 12.5 m cell
    assert (point.x(), point.y()) == (pytest.approx(500118.75), pytest.approx(5597781.25))


def test_algorithm_results_carry_the_declared_numbers(processing_ready, tmp_path):
    import processing

    dem = _dem(tmp_path / "dem.tif")
    result = processing.run("snowleopard:habitat", {"DEM": dem, "WEIGHT_SLOPE": 0, "WEIGHT_RUGGEDNESS": 0,
                                                    "WEIGHT_RIDGE": 0, "OUTPUT": str(tmp_path / "hab.tif")})
    assert result["SUITABLE_KM2"] == pytest.approx(12.5)
    assert result["MEAN_SUITABILITY"] == pytest.approx(0.5)
    gen = processing.run("snowleopard:generalise", {"INPUT": _points(tmp_path), "CELL_SIZE": 1000,
                                                    "OUTPUT": "TEMPORARY_OUTPUT"})
    assert gen["POINT_COUNT"] == 1


# -- qgis_process ---------------------------------------------------------------------------------------------------

def _qgis_process():
    # Debian's qgis_process wrapper adds --noversioncheck, which qgis_process 3.22 rejects
    for name in ("qgis_process.bin", "qgis_process"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail("qgis_process not found: run 'make deps'")


@pytest.fixture(scope="module")
def plugin_home(tmp_path_factory):
    """A throw-away HOME whose default QGIS profile has the plugin installed from its ZIP and enabled."""
    tmp = tmp_path_factory.mktemp("qgis_process")
    out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "package.py"), "--dist", str(tmp / "dist")],
                         check=True, capture_output=True, text=True).stdout
    zip_path = out.split(" (")[0].strip()
    profile = tmp / "home" / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default"
    (profile / "python" / "plugins").mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(profile / "python" / "plugins")
        names = archive.namelist()
    ini = configparser.ConfigParser()
    ini.optionxform = str
    ini["PythonPlugins"] = {"snowleopard_plugin": "true"}
    (profile / "QGIS").mkdir()
    with open(profile / "QGIS" / "QGIS3.ini", "w") as handle:
        ini.write(handle)
    return tmp / "home", names


def test_zip_holds_the_help_pages(plugin_home):
    _, names = plugin_home
    assert "snowleopard_plugin/resources/help/en/coverage.html" in names
    assert "snowleopard_plugin/resources/help/ru/dock.html" in names


def test_qgis_process_help_lists_numeric_outputs(plugin_home):
    home, _ = plugin_home
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([_qgis_process(), "help", "snowleopard:coverage"], env=env, capture_output=True, text=True,
                         timeout=180)
    text = run.stdout
    assert run.returncode == 0, text + run.stderr
    outputs = text[text.index("Outputs"):]
    for name in NUMBER_OUTPUTS["coverage"]:
        assert f"{name}: <outputNumber>" in outputs, outputs
    assert "COVERAGE: <outputRaster>" in outputs
