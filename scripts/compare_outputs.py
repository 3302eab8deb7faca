#!/usr/bin/env python3
"""Compare two output folders of ``make demo`` (before and after a change): same results, or what differs.

Usage: python3 scripts/compare_outputs.py BEFORE_DIR AFTER_DIR

What it compares, file by file (both folders walked; a file in only one is a difference):
- GeoPackages and other OGR files: the layers, their feature counts, each field's values (numbers
  summed and compared to 1e-9 relative, texts and dates counted as a multiset), total geometry length
  and area in the layer's CRS, the layer CRS;
- GeoTIFFs: size, geotransform, CRS, nodata, and a checksum of each band's pixels (results are
  deterministic);
- CSV and text files: their lines, less the lines that hold a run's own time stamp or id;
- JSON (Camtrap DP's datapackage.json): equal after removing the fields a run makes anew (``id``,
  ``created``);
- GPX: the number of tracks, points and waypoints and the coordinates;
- PDF: the text (pdftotext), less the date line;
- PNG maps and QML styles: PNGs by size only (fonts and antialiasing may shift pixels), QML by text.
Prints one line per compared item and a summary; exits 1 when something differs.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from typing import Dict, List, Tuple

from osgeo import gdal, ogr

gdal.UseExceptions()
ogr.UseExceptions()

#: Files a run names after its own content hash or time: compared by kind, not by name.
VOLATILE_NAME = re.compile(r"hillshade_[0-9a-f]+\.tif$")
#: Lines of text files that carry a run's time stamp or random id.
VOLATILE_LINE = re.compile(r"(created|generated|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}|uuid|urn:uuid)", re.I)


def files(folder: str) -> Dict[str, str]:
    out = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, folder)
            if rel.endswith((".aux.xml", "-wal", "-shm")):
                continue
            out[VOLATILE_NAME.sub("hillshade_*.tif", rel)] = path
    return out


def vector_summary(path: str) -> Dict[str, object]:
    summary: Dict[str, object] = {}
    source = ogr.Open(path)
    for index in range(source.GetLayerCount()):
        layer = source.GetLayerByIndex(index)
        name = layer.GetName()
        if name in ("layer_styles",):
            summary[name] = ("rows", layer.GetFeatureCount())
            continue
        definition = layer.GetLayerDefn()
        fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        sums = {f: 0.0 for f in fields}
        texts = {f: Counter() for f in fields}
        length = area = 0.0
        count = 0
        for feature in layer:
            count += 1
            for f in fields:
                value = feature.GetField(f)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    if math.isfinite(value):
                        sums[f] += float(value)
                else:
                    texts[f][str(value)] += 1
            geometry = feature.GetGeometryRef()
            if geometry is not None:
                flat = ogr.GT_Flatten(geometry.GetGeometryType())
                if flat in (ogr.wkbLineString, ogr.wkbMultiLineString):
                    length += geometry.Length()
                elif flat in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
                    area += geometry.GetArea()
        srs = layer.GetSpatialRef()
        summary[name] = {
            "count": count, "fields": fields, "crs": srs.GetAuthorityCode(None) if srs else None,
            "length": length, "area": area, "sums": sums,
            "texts": {f: sorted(c.items()) for f, c in texts.items() if c},
        }
    return summary


def raster_summary(path: str) -> Dict[str, object]:
    dataset = gdal.Open(path)
    bands = []
    for i in range(1, dataset.RasterCount + 1):
        band = dataset.GetRasterBand(i)
        array = band.ReadAsArray()
        bands.append((str(array.dtype), band.GetNoDataValue(), hashlib.md5(array.tobytes()).hexdigest()))
    return {"size": (dataset.RasterXSize, dataset.RasterYSize), "transform": dataset.GetGeoTransform(),
            "crs": dataset.GetProjection()[-40:], "bands": bands}


ATTRIBUTE = re.compile(r'\s([\w:.-]+)="([^"]*)"')
TAG = re.compile(r'<([\w:]+)((?:\s+[\w:.-]+="[^"]*")+)\s*(/?)>')


def _sorted_tag(match: re.Match) -> str:
    attributes = " ".join(f'{k}="{v}"' for k, v in sorted(ATTRIBUTE.findall(match.group(2))))
    return f"<{match.group(1)} {attributes}{match.group(3)}>"


def text_lines(path: str) -> List[str]:
    """The lines of a text file; in XML (QML, GPX) each tag's attributes sorted (Qt writes them in any order)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        lines = [line.rstrip("\n") for line in handle if not VOLATILE_LINE.search(line)]
    if path.lower().endswith((".qml", ".gpx", ".xml")):
        lines = [TAG.sub(_sorted_tag, line) for line in lines]
    return lines


def json_clean(path: str) -> object:
    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in ("id", "created", "uri")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    with open(path, encoding="utf-8") as handle:
        return clean(json.load(handle))


def pdf_text(path: str) -> List[str]:
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout
    return [line for line in text.splitlines() if not re.search(r"\d{2}\.\d{2}\.\d{4}\s+\d{2}:\d{2}", line)]


def close(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    return a == b


def describe(path: str) -> Tuple[str, object]:
    ext = os.path.splitext(path)[1].lower()
    if ext in (".gpkg", ".shp", ".geojson"):
        return "vector", vector_summary(path)
    if ext in (".tif", ".tiff"):
        return "raster", raster_summary(path)
    if ext == ".json":
        return "json", json_clean(path)
    if ext == ".pdf":
        return "pdf", pdf_text(path)
    if ext == ".png":
        with open(path, "rb") as handle:
            head = handle.read(24)
        return "png", (int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big"))
    if ext in (".csv", ".txt", ".qml", ".gpx", ".md", ".xml"):
        return "text", text_lines(path)
    with open(path, "rb") as handle:
        return "bytes", hashlib.md5(handle.read()).hexdigest()


def first_difference(a: object, b: object, where: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key not in a or key not in b:
                return f"{where}/{key}: only in {'after' if key not in a else 'before'}"
            if not close(a[key], b[key]):
                return first_difference(a[key], b[key], f"{where}/{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if not close(x, y):
                return first_difference(x, y, f"{where}[{i}]")
    text_a, text_b = str(a), str(b)
    return f"{where}: {text_a[:160]} != {text_b[:160]}"


def main(argv: List[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    before, after = files(argv[0]), files(argv[1])
    differences = 0
    compared = Counter()
    for rel in sorted(set(before) | set(after)):
        if rel not in before or rel not in after:
            print(f"DIFF  {rel}: only in {'after' if rel not in before else 'before'}")
            differences += 1
            continue
        kind, a = describe(before[rel])
        _, b = describe(after[rel])
        compared[kind] += 1
        if close(a, b):
            detail = ""
            if kind == "vector":
                detail = ", ".join(f"{k} {v['count']}" for k, v in a.items() if isinstance(v, dict))
            print(f"same  {rel} ({kind}{': ' + detail if detail else ''})")
        else:
            differences += 1
            print(f"DIFF  {rel} ({kind}) {first_difference(a, b)}")
    print(f"\ncompared {sum(compared.values())} files ({', '.join(f'{n} {k}' for k, n in sorted(compared.items()))}); "
          f"{differences} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
