"""Running the algorithms leaves the user's input folders exactly as they were (no .aux.xml beside a DEM)."""

import glob
import hashlib
import os
import shutil


def _state(folder):
    return {name: hashlib.sha256(open(os.path.join(folder, name), "rb").read()).hexdigest()
            for name in sorted(os.listdir(folder))}


def test_dem_folder_unchanged_by_import_terrain_and_habitat(processing_ready, sample_dir, tmp_path):
    import processing

    inputs = tmp_path / "field"
    inputs.mkdir()
    shutil.copy(os.path.join(sample_dir, "dem.tif"), inputs / "dem.tif")
    for path in sorted(glob.glob(os.path.join(sample_dir, "tracks", "*.gpx")))[:2]:
        shutil.copy(path, inputs)
    before = _state(inputs)
    out = tmp_path / "out"
    out.mkdir()
    dem = str(inputs / "dem.tif")
    processing.run("snowleopard:importseason", {"ROUTES": sorted(glob.glob(str(inputs / "*.gpx"))), "DEM": dem,
                                                "OUTPUT": str(out / "season.gpkg")})
    processing.run("snowleopard:habitat", {"DEM": dem, "OUTPUT": str(out / "habitat.tif")})
    assert _state(inputs) == before
