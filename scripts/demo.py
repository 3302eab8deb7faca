"""The main job on the bundled sample season, headless (``make demo``).

Imports the sample season with ``snowleopard:importseason`` and renders the
styled season over a hillshade through QGIS's own map renderer. Later steps
(heatmaps, coverage and gaps, plan, report) are added here as they land.

Usage: python scripts/demo.py --sample resources/sample --out demo-output
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def step(text: str) -> float:
    print(f"• {text}", flush=True)
    return time.time()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", default=os.path.join(ROOT, "resources", "sample"))
    parser.add_argument("--out", default=os.path.join(ROOT, "demo-output"))
    args = parser.parse_args()
    sample, out = os.path.abspath(args.sample), os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)

    from qgis.core import QgsApplication, QgsProject

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing
    from qgis.core import QgsRectangle

    from snowleopard_plugin.maps import elevation_tint_layer, hillshade_layer, render_png
    from snowleopard_plugin.processing.provider import SnowLeopardProvider
    from snowleopard_plugin.qgis_io import add_season_to_project

    provider = SnowLeopardProvider()  # keep a reference: the registry does not own Python providers
    QgsApplication.processingRegistry().addProvider(provider)

    dem = os.path.join(sample, "dem.tif")
    tracks = sorted(glob.glob(os.path.join(sample, "tracks", "*.gpx")))
    signs = os.path.join(sample, "signs.csv")
    camtrap = os.path.join(sample, "camtrap", "datapackage.json")
    for path in (dem, signs, camtrap):
        if not os.path.exists(path):
            sys.exit(f"Sample season incomplete, {path} is missing: run 'make sample'.")

    season = os.path.join(out, "season.gpkg")
    started = step(f"Importing the sample season: {len(tracks)} GPX tracks, signs.csv, a Camtrap DP package")
    result = processing.run("snowleopard:importseason", {
        "ROUTES": tracks, "OBSERVATIONS": [signs], "CAMERAS": [camtrap], "DEM": dem, "OUTPUT": season})
    counts = {key: int(value) for key, value in result.items() if key.endswith("_COUNT")}
    print(f"  {season}  ({time.time() - started:.1f} s)")
    print("  " + ", ".join(f"{key[:-6].lower()}: {value}" for key, value in counts.items()))

    started = step("Rendering the season map with QGIS's map renderer")
    project = QgsProject.instance()
    group = add_season_to_project(season, project)
    season_layers = [node.layer() for node in group.findLayers() if node.isVisible()]
    routes = [layer for layer in season_layers if "routes" in layer.source()][0]
    crs = routes.crs()
    shade, tint = hillshade_layer(dem), elevation_tint_layer(dem)
    extent = QgsRectangle(shade.extent())
    png = render_png(season_layers + [tint, shade], os.path.join(out, "season_map.png"), extent, crs)
    print(f"  {png}  ({time.time() - started:.1f} s)")

    print("\nOutputs:")
    for path in (season, png):
        print(f"  {path}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
