"""Map rendering: the hillshade under every map and report page."""

import os
import shutil

import numpy as np


def _grey_rows(path):
    from qgis.PyQt.QtGui import QImage

    image = QImage(path)
    ptr = image.convertToFormat(QImage.Format_Grayscale8)
    width, height = ptr.width(), ptr.height()
    data = np.frombuffer(ptr.constBits().asstring(ptr.bytesPerLine() * height), dtype=np.uint8)
    return data.reshape(height, ptr.bytesPerLine())[:, :width].astype(float)


def test_hillshade_has_no_seam_and_leaves_the_dem_folder_alone(qgis_app, sample_dir, tmp_path):
    """QGIS 3.22's hillshade renderer, drawn with resampling, leaves a line where the map is split for
    rendering (at half height of a 1600 px map); the shading computed by GDAL does not. No row of the image
    may differ from the next much more than the rows do anywhere else, and nothing is written beside the DEM."""
    from snowleopard_plugin.report.maps import hillshade_layer, render_png

    folder = tmp_path / "dem"
    folder.mkdir()
    dem = str(folder / "dem.tif")
    shutil.copy(os.path.join(sample_dir, "dem.tif"), dem)
    files = tmp_path / "files"
    layer = hillshade_layer(dem, "Hillshade", str(files))
    assert layer.isValid() and layer.source().startswith(str(files))
    out = render_png([layer], str(tmp_path / "shade.png"), layer.extent(), layer.crs(), width=1600)
    grey = _grey_rows(out)
    assert grey.std() > 10  # a relief, not a flat grey
    jumps = np.abs(np.diff(grey, axis=0)).mean(axis=1)[2:-2]
    assert jumps.max() < 3.0 * np.median(jumps), (int(jumps.argmax()) + 2, jumps.max(), np.median(jumps))
    assert os.listdir(folder) == ["dem.tif"]
    # a second map of the same DEM reuses the shading
    again = hillshade_layer(dem, "Hillshade", str(files))
    assert again.source() == layer.source() and len(os.listdir(files)) == 1
