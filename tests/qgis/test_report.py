"""``snowleopard:report`` end to end on the sample season: the PDF's numbers against the GeoPackage's."""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
import unicodedata

import pytest
from qgis.core import QgsProcessingException, QgsProject


@pytest.fixture(scope="module")
def season(processing_ready, sample_dir, tmp_path_factory):
    """The sample season imported, its effort-corrected heatmap, and a gaps layer of a habitat box."""
    import geopandas as gpd
    import processing
    from shapely.geometry import box

    from snowleopard_plugin.core.analysis.gaps import coverage_gaps_vector

    folder = tmp_path_factory.mktemp("report")
    gpkg = str(folder / "season.gpkg")
    processing.run("snowleopard:importseason", {
        "ROUTES": sorted(glob.glob(os.path.join(sample_dir, "tracks", "*.gpx"))),
        "OBSERVATIONS": [os.path.join(sample_dir, "signs.csv")],
        "CAMERAS": [os.path.join(sample_dir, "camtrap", "datapackage.json")],
        "DEM": os.path.join(sample_dir, "dem.tif"), "OUTPUT": gpkg})
    heatmap = str(folder / "heatmap.tif")
    processing.run("snowleopard:heatmap", {"INPUT": gpkg + "|layername=observations",
                                           "EFFORT": gpkg + "|layername=routes", "RADIUS": 2000,
                                           "PIXEL_SIZE": 200, "OUTPUT": heatmap})
    routes = gpd.read_file(gpkg, layer="routes")
    cameras = gpd.read_file(gpkg, layer="cameras")
    x0, y0, x1, y1 = routes.total_bounds
    habitat = gpd.GeoDataFrame(geometry=[box(x0 - 3000, y0 - 3000, x1 + 3000, y1 + 3000)], crs=routes.crs)
    gaps = coverage_gaps_vector(habitat, routes, cameras, max_distance=1500.0, min_area_km2=0.5)
    gaps_path = str(folder / "gaps.gpkg")
    gaps.to_file(gaps_path, layer="gaps", driver="GPKG")
    return {"gpkg": gpkg, "heatmap": heatmap, "gaps": gaps_path, "dem": os.path.join(sample_dir, "dem.tif"),
            "folder": folder}


def _pdf_text(path):
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return unicodedata.normalize("NFKC", text)  # ligatures (ﬁ, ﬀ) back to letters


def _truth(gpkg, gaps):
    with sqlite3.connect(gpkg) as db:
        km = db.execute("SELECT SUM(length_km) FROM routes").fetchone()[0]
        signs = db.execute("SELECT COUNT(*) FROM observations").fetchone()[0]
        trap_nights = db.execute("SELECT SUM(trap_nights) FROM cameras").fetchone()[0]
        individuals = db.execute("SELECT COUNT(DISTINCT individual_id) FROM detections WHERE individual_id <> '' "
                                 "AND (species IS NULL OR LOWER(species) LIKE '%panthera uncia%')").fetchone()[0]
        routes = db.execute("SELECT COUNT(*) FROM routes").fetchone()[0]
    with sqlite3.connect(gaps) as db:
        top_area = db.execute("SELECT area_km2 FROM gaps ORDER BY rank LIMIT 1").fetchone()[0]
    return {"km": km, "signs": signs, "trap_nights": trap_nights, "individuals": individuals, "routes": routes,
            "top_area": top_area}


def _row_value(text, label):
    """The last number on the line that starts with ``label`` (the 'Season in numbers' table)."""
    for line in text.splitlines():
        if label in line:
            numbers = re.findall(r"\d+(?:[.,]\d+)?", line.split(label, 1)[1])
            if numbers:
                return numbers[0]
    raise AssertionError(f"{label!r} not in the report")


def test_report_numbers_equal_the_geopackage(season, processing_ready):
    import processing

    out = season["folder"] / "report_en.pdf"
    result = processing.run("snowleopard:report", {
        "SEASON": season["gpkg"], "HEATMAP": season["heatmap"], "GAPS": season["gaps"], "DEM": season["dem"],
        "TITLE": "Sample season 2026", "LANGUAGE": "en", "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and out.exists()
    pages = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+6", pages)
    assert re.search(r"Page size:\s+84[12](\.\d+)? x 595(\.\d+)?", pages), "A4 landscape"
    text = _pdf_text(out)
    truth = _truth(season["gpkg"], season["gaps"])
    assert _row_value(text, "Km walked") == f"{truth['km']:.1f}"
    assert _row_value(text, "Signs recorded") == str(truth["signs"])
    assert _row_value(text, "Trap-nights") == f"{truth['trap_nights']:.1f}"
    assert _row_value(text, "Individuals identified") == str(truth["individuals"])
    assert _row_value(text, "Routes walked") == str(truth["routes"])
    # page 4: the gaps table, rank 1 first with its area
    gap_line = next(line for line in text.splitlines() if re.match(r"\s*1\s+\d+\.\d\d\s+\d\.\d\d", line))
    assert gap_line.split()[1] == f"{truth['top_area']:.2f}"
    # page 6: the season row of the team table
    season_row = next(line for line in text.splitlines() if line.strip().startswith("Season ")
                      and f"{truth['km']:.1f}" in line)
    assert str(truth["signs"]) in season_row.split()
    for heading in ("Signs and the effort-corrected heatmap", "Camera traps", "Survey coverage and the ranked gaps",
                    "Plan for next season", "Totals per team and import validation"):
        assert heading in text
    assert "No plan was given" in text  # page 5 says so instead of failing
    # charts kept beside the PDF for the layout in the project
    assert os.path.isfile(season["folder"] / "report_en_files" / "signs_per_km.png")
    layout = QgsProject.instance().layoutManager().layoutByName("Sample season 2026")
    assert layout is not None and layout.pageCollection().pageCount() == 6


def test_report_in_russian(season, processing_ready):
    import processing

    out = season["folder"] / "report_ru.pdf"
    processing.run("snowleopard:report", {"SEASON": season["gpkg"], "LANGUAGE": "ru", "OUTPUT": str(out)})
    text = _pdf_text(out)
    for heading in ("Учёт снежного барса 2026: отчёт о сезоне", "Сезон в цифрах", "Фотоловушки",
                    "Итоги по группам и проверка импорта", "Тепловая карта не задана"):
        assert heading in text
    truth = _truth(season["gpkg"], season["gaps"])
    assert _row_value(text, "Пройдено км") == f"{truth['km']:.1f}".replace(".", ",")
    assert "Signs recorded" not in text


def test_coverage_legend_in_the_report_language(season, processing_ready):
    """Coverage run with QGIS in English, report in Russian: the legend's classes are Russian, without the
    raster's "Band 1" caption nor the transparent "not covered" class."""
    import processing

    coverage = processing.run("snowleopard:coverage", {
        "ROUTES": f"{season['gpkg']}|layername=routes", "CAMERAS": f"{season['gpkg']}|layername=cameras",
        "PIXEL_SIZE": 50, "COVERAGE": str(season["folder"] / "coverage.tif"), "GRID": "TEMPORARY_OUTPUT"})
    out = season["folder"] / "report_ru_coverage.pdf"
    processing.run("snowleopard:report", {"SEASON": season["gpkg"], "COVERAGE": coverage["COVERAGE"],
                                          "LANGUAGE": "ru", "OUTPUT": str(out)})
    text = _pdf_text(out)
    assert "Обследовано на маршрутах" in text and "Охвачено фотоловушками" in text
    for english in ("Searched along routes", "Sampled by cameras", "Band 1", "Not covered", "Не охвачено"):
        assert english not in text


def test_gaps_in_another_crs_are_framed_in_the_season_crs(season, processing_ready):
    """Gaps saved in the next UTM zone (e.g. by another tool): the gaps page's map still frames the season
    (tens of km), not a box mixing coordinates of two CRSs (hundreds of km)."""
    import geopandas as gpd
    import processing
    from qgis.core import QgsLayoutItemMap, QgsProject

    other = str(season["folder"] / "gaps_32646.gpkg")
    gpd.read_file(season["gaps"], layer="gaps").to_crs(32646).to_file(other, layer="gaps", driver="GPKG")
    out = season["folder"] / "report_gaps46.pdf"
    processing.run("snowleopard:report", {"SEASON": season["gpkg"], "GAPS": other, "TITLE": "Gaps in 46",
                                          "LANGUAGE": "en", "OUTPUT": str(out)})
    layout = QgsProject.instance().layoutManager().layoutByName("Gaps in 46")
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    assert maps
    for item in maps:
        assert item.crs().authid() == "EPSG:32645"
        assert item.extent().width() < 60_000 and item.extent().height() < 60_000, item.extent().toString()


def test_bad_inputs_say_what_to_fix(season, processing_ready, tmp_path):
    import processing
    from osgeo import ogr

    empty = tmp_path / "empty.gpkg"
    shutil.copy(season["gpkg"], empty)
    with sqlite3.connect(empty) as db:
        for name in ("routes", "observations", "cameras", "detections", "validation"):
            db.execute(f"DELETE FROM {name}")  # noqa: S608 - fixed names
    with pytest.raises(QgsProcessingException, match="empty"):
        processing.run("snowleopard:report", {"SEASON": str(empty), "LANGUAGE": "en",
                                              "OUTPUT": str(tmp_path / "a.pdf")})
    other = tmp_path / "roads.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(other))
    ds.CreateLayer("roads", None, ogr.wkbLineString)
    ds = None
    with pytest.raises(QgsProcessingException, match="not a census season"):
        processing.run("snowleopard:report", {"SEASON": str(other), "LANGUAGE": "en",
                                              "OUTPUT": str(tmp_path / "b.pdf")})
    with pytest.raises(QgsProcessingException, match="does not exist"):
        processing.run("snowleopard:report", {"SEASON": season["gpkg"], "LANGUAGE": "en",
                                              "OUTPUT": str(tmp_path / "no" / "such" / "c.pdf")})
    with pytest.raises(QgsProcessingException, match="ru or en"):
        processing.run("snowleopard:report", {"SEASON": season["gpkg"], "LANGUAGE": "de",
                                              "OUTPUT": str(tmp_path / "d.pdf")})
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".pdf")], "no PDF left behind"


def _season_with_every_validation_code(gpkg, folder):
    """A copy of the season whose validation layer holds one row group per problem code, cycling through
    every action and severity (written with OGR through the model's schema)."""
    from osgeo import ogr

    from snowleopard_plugin.core import model
    from snowleopard_plugin.core.validation import ACTIONS, PROBLEMS

    copy = str(folder / "every_code.gpkg")
    shutil.copy(gpkg, copy)
    ds = ogr.Open(copy, 1)
    layer = ds.GetLayerByName(model.VALIDATION)
    for feature in list(layer):
        layer.DeleteFeature(feature.GetFID())
    for i, problem in enumerate(PROBLEMS):
        for _ in range(i + 1):  # distinct counts: a fixed order in the table
            feature = ogr.Feature(layer.GetLayerDefn())
            for name, value in (("source", "test.csv"), ("layer", "observations"), ("feature", str(i)),
                                ("problem", problem), ("action", ACTIONS[i % len(ACTIONS)]),
                                ("severity", model.SEVERITIES[i % len(model.SEVERITIES)]), ("detail", "")):
                feature.SetField(name, value)
            layer.CreateFeature(feature)
    ds = None
    return copy


@pytest.mark.parametrize("language", ["ru", "en"])
def test_validation_table_prints_every_code_as_words(season, processing_ready, language):
    """Every problem, action and severity code in the season: the report prints each as its label in the
    report's language, never the stored code (the report's old copy of the labels lacked six codes)."""
    import processing

    from snowleopard_plugin.core import model
    from snowleopard_plugin.core.validation import ACTIONS, PROBLEMS
    from snowleopard_plugin.labels import action_labels, problem_labels, severity_labels
    from snowleopard_plugin.report import report_language, tr

    gpkg = _season_with_every_validation_code(season["gpkg"], season["folder"])
    out = season["folder"] / f"report_codes_{language}.pdf"
    processing.run("snowleopard:report", {"SEASON": gpkg, "TITLE": f"Codes {language}", "LANGUAGE": language,
                                          "OUTPUT": str(out)})
    text = " ".join(_pdf_text(out).split())
    english = {**problem_labels(lambda s: s), **action_labels(lambda s: s), **severity_labels(lambda s: s)}
    with report_language(language):
        tables = [(PROBLEMS, problem_labels(tr)), (ACTIONS, action_labels(tr)),
                  (model.SEVERITIES, severity_labels(tr))]
    for codes, labels in tables:
        assert set(labels) == set(codes)
        for code in codes:
            label = labels[code]
            assert label in text, (code, label)
            if language == "ru":
                assert re.search("[а-яё]", label, re.I), f"{code}: {label!r} is not translated"
            if label != code:  # English action labels are the codes themselves
                assert not re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text), f"raw code {code!r} printed"
    if language == "ru":
        leaked = [label for label in english.values() if re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text)]
        assert leaked == [], f"English labels in the Russian report: {leaked}"
