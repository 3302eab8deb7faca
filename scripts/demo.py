"""The main job on the bundled sample season, headless (``make demo``).

Imports the sample season with ``snowleopard:importseason``, draws its
heatmaps, terrain, habitat, coverage and ranked gaps, writes the exports for
analysts and the season report, and renders the maps through QGIS's own map
renderer. Every step is a Processing algorithm, run as a user would run it.

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
    from qgis.core import QgsRasterLayer, QgsRectangle, QgsVectorLayer

    from snowleopard_plugin.processing.provider import SnowLeopardProvider
    from snowleopard_plugin.qgis_io import add_season_to_project
    from snowleopard_plugin.report.maps import elevation_tint_layer, hillshade_layer, render_png

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

    def table(name: str) -> str:
        """A new table of the season GeoPackage as a Processing output."""
        return f"ogr:dbname='{season}' table=\"{name}\" (geom)"

    started = step("Terrain: slope, ruggedness, TPI and ridgelines from the DEM")
    terrain = processing.run("snowleopard:terrain", {
        "DEM": dem, "TPI_RADIUS": 300, "SLOPE": os.path.join(out, "slope.tif"),
        "RUGGEDNESS": os.path.join(out, "ruggedness.tif"), "TPI": os.path.join(out, "tpi.tif"),
        "RIDGES": table("ridges"), "SADDLES": table("saddles")})
    print(f"  ridges: {terrain['RIDGE_SEGMENTS']} segments, {terrain['RIDGE_KM']:.0f} km  "
          f"({time.time() - started:.1f} s)")
    outputs += [terrain["SLOPE"], terrain["RUGGEDNESS"], terrain["TPI"]]

    started = step("Habitat from the DEM (Altai rules), survey coverage, effort grid, ranked coverage gaps")
    habitat = processing.run("snowleopard:habitat", {"DEM": dem, "RIDGES": layer + "ridges",
                                                     "OUTPUT": os.path.join(out, "habitat.tif")})["OUTPUT"]
    coverage = processing.run("snowleopard:coverage", {
        "ROUTES": layer + "routes", "CAMERAS": layer + "cameras", "OBSERVATIONS": layer + "observations",
        "DETECTIONS": layer + "detections", "RIDGES": layer + "ridges", "DEM": dem, "SEARCH_HALF_WIDTH": 50,
        "CAMERA_RADIUS": 500, "GRID_SIZE": 2000, "COVERAGE": os.path.join(out, "coverage.tif"),
        "GRID": table("effort_grid"), "RIDGE_COVERAGE": table("ridge_coverage")})
    access = QgsVectorLayer(f"file://{sample}/access.csv?type=csv&xField=x_utm45n&yField=y_utm45n&crs=EPSG:32645",
                            "access", "delimitedtext")
    gaps = processing.run("snowleopard:gaps", {
        "HABITAT": habitat, "ROUTES": layer + "routes", "CAMERAS": layer + "cameras", "RIDGES": layer + "ridges",
        "ACCESS": access, "MAX_DISTANCE": 2000, "MIN_AREA": 1.0, "OUTPUT": table("gaps")})
    print(f"  ridges walked: {coverage['RIDGE_WALKED_KM']:.0f} of {coverage['RIDGE_KM']:.0f} km; "
          f"gaps: {gaps['GAP_COUNT']}, {gaps['GAP_KM2']:.0f} km²  ({time.time() - started:.1f} s)")
    outputs += [habitat, coverage["COVERAGE"]]

    started = step("Plan for next season: day transects along the ridges (150 km, 4 teams) and 20 new cameras")
    plan = processing.run("snowleopard:plantransects", {
        "RIDGES": layer + "ridges", "HABITAT": habitat, "ROUTES": layer + "routes", "DEM": dem, "ACCESS": access,
        "BUDGET_KM": 150.0, "MAX_DAY_KM": 20.0, "TEAMS": 4, "SEARCH_HALF_WIDTH": 50.0, "GAPS": layer + "gaps",
        "OUTPUT": table("plan_transects"), "GPX_FOLDER": os.path.join(out, "gpx")})
    processing.run("snowleopard:plancameras", {
        "HABITAT": habitat, "RIDGES": layer + "ridges", "DEM": dem, "N_STATIONS": 20, "SIGMA": 3000.0,
        "MIN_SPACING": 3000.0, "EXISTING": layer + "cameras", "OUTPUT": table("plan_cameras")})
    print(f"  {plan['TOTAL_KM']:.0f} km planned, {plan['NEW_HABITAT_KM2']:.1f} km² of habitat newly searched; "
          f"GPX per team in {os.path.join(out, 'gpx')}  ({time.time() - started:.1f} s)")
    outputs.append(os.path.join(out, "gpx"))

    started = step("Exports for analysts: occupancy histories, secr, Camtrap DP, generalised signs (10 km)")
    processing.run("snowleopard:exportoccupancy", {
        "OBSERVATIONS": layer + "observations", "ROUTES": layer + "routes", "GRID_SIZE": 3000, "SEGMENT_KM": 1.0,
        "SEARCH_HALF_WIDTH": 50, "SIGN_TYPES": "track, scrape, scat, scent_mark", "DEM": dem,
        "OUTPUT_FOLDER": os.path.join(out, "occupancy"), "SITES_OUTPUT": os.path.join(out, "occupancy", "sites.gpkg")})
    processing.run("snowleopard:exportsecr", {
        "CAMERAS": layer + "cameras", "DETECTIONS": layer + "detections", "OCCASION_DAYS": 7, "DETECTOR": 0,
        "SPECIES": "Panthera uncia", "OUTPUT_FOLDER": os.path.join(out, "secr")})
    processing.run("snowleopard:exportcamtrapdp", {
        "CAMERAS": layer + "cameras", "DETECTIONS": layer + "detections",
        "TITLE": "Sailugem snow leopard census 2026 (sample)", "OUTPUT_FOLDER": os.path.join(out, "camtrapdp"),
        "GENERALISE_CELL_M": 10000})
    shared = processing.run("snowleopard:generalise", {
        "INPUT": layer + "observations", "CELL_SIZE": 10000,
        "OUTPUT": os.path.join(out, "observations_generalised_10km.gpkg")})["OUTPUT"]
    outputs += [os.path.join(out, name) for name in ("occupancy", "secr", "camtrapdp")] + [shared]
    print(f"  {os.path.join(out, 'occupancy')}, secr, camtrapdp  ({time.time() - started:.1f} s)")

    started = step("Rendering the season maps with QGIS's map renderer")
    project = QgsProject.instance()
    group = add_season_to_project(season, project)
    season_layers = [node.layer() for node in group.findLayers() if node.isVisible()]
    routes = [lyr for lyr in season_layers if lyr.source().endswith("routes")]
    crs = routes[0].crs()
    shade, tint = hillshade_layer(dem, folder=out), elevation_tint_layer(dem)
    extent = QgsRectangle(shade.extent())
    maps = [render_png(season_layers + [tint, shade], os.path.join(out, "season_map.png"), extent, crs)]
    for path, name in ((effort, "heatmap_map.png"), (rate["OUTPUT"], "camera_rate_map.png")):
        raster = QgsRasterLayer(path, os.path.basename(path))  # opens with the .qml saved beside it
        raster.renderer().setOpacity(0.75)
        maps.append(render_png(season_layers[:1] + routes + [raster, shade], os.path.join(out, name), extent, crs))
    gap_layer = QgsVectorLayer(layer + "gaps", "gaps", "ogr")
    cover = QgsRasterLayer(coverage["COVERAGE"], "coverage")
    cameras = [lyr for lyr in season_layers if lyr.source().endswith("cameras")]
    maps.append(render_png(cameras + routes + [gap_layer, cover, shade], os.path.join(out, "gaps_map.png"), extent,
                           crs))
    planned = [QgsVectorLayer(layer + name, name, "ogr") for name in ("plan_cameras", "plan_transects")]
    maps.append(render_png(planned + [gap_layer, shade], os.path.join(out, "plan_map.png"), extent, crs))
    outputs += maps
    print("  " + "\n  ".join(maps) + f"  ({time.time() - started:.1f} s)")

    started = step("Season report (PDF, Russian)")
    report = processing.run("snowleopard:report", {
        "SEASON": season, "HEATMAP": effort, "COVERAGE": coverage["COVERAGE"], "GAPS": layer + "gaps",
        "PLAN": layer + "plan_transects", "DEM": dem,
        "TITLE": "", "LANGUAGE": "ru", "OUTPUT": os.path.join(out, "season_report.pdf")})["OUTPUT"]
    outputs.append(report)
    print(f"  {report}  ({time.time() - started:.1f} s)")

    print("\nOutputs:")
    for path in outputs:
        print(f"  {path}")
    sys.stdout.flush()
    project.clear()
    # QGIS 3.22 can crash while tearing down Python-owned layers and providers at exit; all outputs
    # are written and closed by now, so leave without the teardown.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
