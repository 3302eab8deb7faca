"""One vocabulary for every reader: each real phrasing of a sign, written through every reader the season build
uses (CSV tables under every type header, GPX waypoint names, GeoJSON and Shapefile attributes, NextGIS Web
exports), gives the same obs_type and age_class."""

import json
import os
import re
from xml.sax.saxutils import escape

import geopandas as gpd
import pytest

from snowleopard_plugin.core.io.vocabulary import (
    ATTRIBUTE_SYNONYMS,
    COORDINATE_SYNONYMS,
    HEADER_SYNONYMS,
    age_class_code,
    match_headers,
    sign_and_age,
    sign_type_code,
)
from snowleopard_plugin.core.model import OBSERVATIONS
from snowleopard_plugin.core.season.build import build_season

#: (phrasing, obs_type, age_class) as field teams write them: Russian and English, typos, ё/е, plural and case
#: forms, capitals, type and age in one cell.
SIGNS = [
    # tracks
    ("Свежие следы", "track", "fresh"),
    ("Свежии следы", "track", "fresh"),  # typo
    ("следы ирбиса", "track", None),
    ("Следы Ирбиса", "track", None),
    ("следов ирбиса", "track", None),
    ("след снежного барса", "track", None),
    ("СЛЕД", "track", None),
    ("старый след", "track", "old"),
    ("след (свежий)", "track", "fresh"),
    ("Следовая дорожка", "track", None),
    ("тропа ирбиса", "track", None),
    ("отпечатки лап", "track", None),
    ("fresh pugmark", "track", "fresh"),
    ("pug marks", "track", None),
    ("Pugmarks", "track", None),
    ("snow leopard tracks", "track", None),
    ("old track", "track", "old"),
    ("footprints", "track", None),
    # scrapes
    ("поскрёб свежий", "scrape", "fresh"),
    ("Поскрёб, свежий", "scrape", "fresh"),
    ("поскреб", "scrape", None),
    ("Поскрёбы", "scrape", None),
    ("поскрёб старый", "scrape", "old"),
    ("несвежий поскрёб", "scrape", "old"),
    ("поскрёп", "scrape", None),  # typo
    ("old scrape", "scrape", "old"),
    ("Scrapes", "scrape", None),
    # scats
    ("экскременты", "scat", None),
    ("Экскременты ирбиса", "scat", None),
    ("экскрименты", "scat", None),  # typo
    ("помёт", "scat", None),
    ("помет свежий", "scat", "fresh"),
    ("Помёт (старый)", "scat", "old"),
    ("scat", "scat", None),
    ("Scat 12", "scat", None),
    ("fresh scat", "scat", "fresh"),
    ("faeces", "scat", None),
    # scent marks
    ("мочевая метка", "scent_mark", None),
    ("Мочевая метка на скале", "scent_mark", None),
    ("метка ирбиса", "scent_mark", None),
    ("scent mark", "scent_mark", None),
    ("urine spray", "scent_mark", None),
    # mating calls
    ("брачный крик", "mating_call", None),
    ("Брачные крики", "mating_call", None),
    ("голос барса", "mating_call", None),
    ("крик ирбиса", "mating_call", None),
    ("mating call", "mating_call", None),
    # prey remains
    ("остатки добычи", "prey_remains", None),
    ("Остатки добычи ирбиса", "prey_remains", None),
    ("задранный козерог", "prey_remains", None),
    ("задавленный козерог", "prey_remains", None),
    ("prey remains", "prey_remains", None),
    ("kill", "prey_remains", None),
    # sightings
    ("визуальная встреча", "sighting", None),
    ("Встреча с барсом", "sighting", None),
    ("sighting", "sighting", None),
    ("direct sighting", "sighting", None),
]

#: Names that are not signs: defaults GPS units and apps give points, places, other animals, and a resting site
#: ("лёжка"), which has no code in the model. Tables and attributes store them as ``other``; GPX waypoints with
#: such names are not imported.
NOT_SIGNS = ["Метка 12", "Метка без названия", "Waypoint 003", "001", "Барсучья нора", "Остатки костра",
             "Рёв маралов", "Голос кеклика", "тропа к перевалу", "Trailhead", "Кордон Кара-Кем", "Лагерь", "лёжка",
             "медведь"]

PHRASES = [(text, code, age) for text, code, age in SIGNS] + [(text, None, None) for text in NOT_SIGNS]
TABLE_HEADERS = ["Тип", "Вид знака", "Знак", "Тип следа", "Вид следа", "type", "sign"]


def _lonlat(index):
    return 88.0 + 0.003 * index, 49.9 + 0.001 * (index % 7)


@pytest.mark.parametrize("text, code, age", PHRASES)
def test_vocabulary_functions(text, code, age):
    assert sign_type_code(text) == code
    assert age_class_code(text) == age
    assert sign_and_age(text) == (code, age)


@pytest.mark.parametrize("header", TABLE_HEADERS)
def test_every_type_header_is_the_type_column(header):
    found = match_headers(["№", "Дата", "Широта", "Долгота", header, "Примечание"], OBSERVATIONS)
    assert found["obs_type"] == header


# ----------------------------------------------------------------------------- writers, one per reader

def _csv(folder, header):
    path = os.path.join(folder, "signs.csv")
    lines = [f"№;Дата;Широта;Долгота;{header}"]
    for i, (text, _, _) in enumerate(PHRASES):
        lon, lat = _lonlat(i)
        lat_text, lon_text = f"{lat:.5f}".replace(".", ","), f"{lon:.5f}".replace(".", ",")  # decimal comma
        lines.append(f"{i};17.02.2024;{lat_text};{lon_text};{text}")
    with open(path, "w", encoding="cp1251", newline="") as handle:
        handle.write("\r\n".join(lines) + "\r\n")
    return path


def _gpx(folder):
    path = os.path.join(folder, "signs.gpx")
    points = []
    for i, (text, _, _) in enumerate(PHRASES):
        lon, lat = _lonlat(i)
        points.append(f'<wpt lat="{lat:.6f}" lon="{lon:.6f}"><time>2024-02-17T05:00:00Z</time>'
                      f"<name>{escape(text)}</name></wpt>")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" '
                     'xmlns="http://www.topografix.com/GPX/1/1">' + "".join(points) + "</gpx>\n")
    return path


def _geojson(folder, field, extra=None, name="signs.geojson"):
    features = []
    for i, (text, _, _) in enumerate(PHRASES):
        lon, lat = _lonlat(i)
        properties = {field: text, "дата": "2024-02-17"}
        properties.update(extra or {})
        features.append({"type": "Feature", "id": i + 1, "properties": properties,
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"type": "FeatureCollection", "features": features}, handle, ensure_ascii=False)
    return path


def _shapefile(folder, field, encoding):
    path = os.path.join(folder, "signs.shp")
    frame = gpd.GeoDataFrame({field: [text for text, _, _ in PHRASES], "date": ["2024-02-17"] * len(PHRASES)},
                             geometry=gpd.points_from_xy(*zip(*[_lonlat(i) for i in range(len(PHRASES))])),
                             crs="EPSG:4326")
    frame.to_file(path, encoding=encoding)
    return path


def _ngw_csv(folder):
    """A NextGIS Web layer exported as CSV: UTF-8 with BOM, comma separated, ``fid``, WKT ``geom``, field keys."""
    path = os.path.join(folder, "ngw_signs.csv")
    lines = ["fid,geom,тип_следа,дата"]
    for i, (text, _, _) in enumerate(PHRASES):
        lon, lat = _lonlat(i)
        lines.append(f'{i + 1},"POINT ({lon:.6f} {lat:.6f})","{text}",2024-02-17')
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


READERS = {
    **{f"csv {header}": (lambda folder, header=header: _csv(folder, header)) for header in TABLE_HEADERS},
    "gpx waypoint names": _gpx,
    "geojson attribute": lambda folder: _geojson(folder, "type"),
    "geojson Вид знака": lambda folder: _geojson(folder, "Вид знака"),
    "shapefile cp1251": lambda folder: _shapefile(folder, "Вид_знака", "cp1251"),
    "shapefile utf-8": lambda folder: _shapefile(folder, "тип", "utf-8"),
    "ngw geojson": lambda folder: _geojson(folder, "тип_следа", {"наблюдатель": "Иванов И."}, "ngw.geojson"),
    "ngw csv": _ngw_csv,
}


def _season_observations(path, out):
    build_season(observations=[path], output=out, crs="EPSG:32645")
    frame = gpd.read_file(out, layer=OBSERVATIONS).to_crs("EPSG:4326")
    found = {}
    for _, row in frame.iterrows():
        index = round((row.geometry.x - 88.0) / 0.003)
        age = row["age_class"]
        found[index] = (row["obs_type"], age if isinstance(age, str) and age else None)
    return found


@pytest.mark.parametrize("reader", list(READERS))
def test_every_phrasing_through_every_reader(tmp_path, reader):
    path = READERS[reader](str(tmp_path))
    found = _season_observations(path, str(tmp_path / "season.gpkg"))
    wrong = []
    for i, (text, code, age) in enumerate(PHRASES):
        if code is None and reader.startswith("gpx"):
            expected = None  # a waypoint that names no sign is not imported
        else:
            expected = (code or "other", age)
        if found.get(i) != expected:
            wrong.append(f"{text!r}: {found.get(i)} instead of {expected}")
    assert not wrong, reader + ": " + "; ".join(wrong)


def test_docs_list_the_names_of_the_vocabulary():
    """docs/import.md lists every column and attribute name of vocabulary.py, and no other."""
    doc = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "import.md")
    with open(doc, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    tables, attributes = {}, {}
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1].startswith("`"):
            tables[(cells[0], cells[1].strip("`"))] = tuple(re.findall(r"`([^`]*)`", cells[2]))
        elif len(cells) == 2 and cells[0].startswith("`") and cells[1].startswith("`"):
            attributes[cells[0].strip("`")] = tuple(re.findall(r"`([^`]*)`", cells[1]))
    expected = {("coordinates", role): words for role, words in COORDINATE_SYNONYMS.items()}
    expected.update({(layer, role): words for layer, roles in HEADER_SYNONYMS.items() for role, words in roles.items()})
    assert tables == expected
    assert attributes == dict(ATTRIBUTE_SYNONYMS)


def test_vocabulary_and_text_import_no_reader():
    """The word list and the text rules stand alone: no import cycle with the readers."""
    import subprocess
    import sys

    code = ("import sys; import snowleopard_plugin.core.io.vocabulary, snowleopard_plugin.core.io.text; "
            "bad = [m for m in sys.modules if m.split('.')[-1] in ('tables', 'table_rows', 'vector', 'gpx') "
            "and m.startswith('snowleopard_plugin.core.io')]; assert not bad, bad")
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
