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
    from qgis.core import QgsRasterLayer, QgsRectangle

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

    outputs = [season]
    layer = f"{season}|layername="
    started = step("Heatmaps: signs per km² and signs per km of route searched (quartic, 1.5 km, 50 m pixels)")
    heat = processing.run("snowleopard:heatmap", {
        "INPUT": layer + "observations", "RADIUS": 1500, "PIXEL_SIZE": 50, "KERNEL": 0,
        "SIGN_TYPES": "track,scrape,scat,scent_mark", "OUTPUT": os.path.join(out, "heatmap_signs.tif")})["OUTPUT"]
    effort = processing.run("snowleopard:heatmap", {
        "INPUT": layer + "observations", "RADIUS": 1500, "PIXEL_SIZE": 50, "KERNEL": 0,
        "SIGN_TYPES": "track,scrape,scat,scent_mark", "EFFORT": layer + "routes", "MIN_EFFORT_KM": 1.0,
        "OUTPUT": os.path.join(out, "heatmap_signs_per_km.tif")})["OUTPUT"]
    rate = processing.run("snowleopard:camerarate", {
        "CAMERAS": layer + "cameras", "DETECTIONS": layer + "detections", "SPECIES": "Panthera uncia",
        "RADIUS": 3000, "PIXEL_SIZE": 100, "OUTPUT": os.path.join(out, "camera_rate.tif"),
        "OUTPUT_STATIONS": os.path.join(out, "camera_rate_stations.gpkg")})
    outputs += [heat, effort, rate["OUTPUT"], rate["OUTPUT_STATIONS"]]
    print(f"  {heat}\n  {effort}\n  {rate['OUTPUT']}  ({time.time() - started:.1f} s)")

    started = step("Rendering the season maps with QGIS's map renderer")
    project = QgsProject.instance()
    group = add_season_to_project(season, project)
    season_layers = [node.layer() for node in group.findLayers() if node.isVisible()]
    routes = [layer for layer in season_layers if "routes" in layer.source()][0]
    crs = routes.crs()
    shade, tint = hillshade_layer(dem), elevation_tint_layer(dem)
    extent = QgsRectangle(shade.extent())
    maps = [render_png(season_layers + [tint, shade], os.path.join(out, "season_map.png"), extent, crs)]
    for path, name in ((effort, "heatmap_map.png"), (rate["OUTPUT"], "camera_rate_map.png")):
        raster = QgsRasterLayer(path, os.path.basename(path))  # opens with the .qml saved beside it
        raster.renderer().setOpacity(0.75)
        maps.append(render_png(season_layers[:1] + [lyr for lyr in season_layers if "routes" in lyr.source()] +
                               [raster, shade], os.path.join(out, name), extent, crs))
    outputs += maps
    print("  " + "\n  ".join(maps) + f"  ({time.time() - started:.1f} s)")

    print("\nOutputs:")
    for path in outputs:
        print(f"  {path}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
