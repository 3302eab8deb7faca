"""The one bridge between QGIS (layers, projects, styles) and the core's data.

The core reads and writes files (GeoPackage, GeoTIFF) and works on GeoDataFrames and numpy arrays; this
package turns QGIS layers into what the core takes, loads what it wrote as layers, and styles them. Nothing
else in the plugin converts between the two.

* :mod:`.layers`: vector layers and feature sources ↔ numpy arrays, GeoDataFrames, rows; memory layers.
* :mod:`.crs`: the analysis CRS, reprojection on reading, the CRS checks.
* :mod:`.rasters`: raster layers as numpy arrays with their grid (warped VRTs), raster checks.
* :mod:`.styles`: renderers, ramps, labelling, default styles in the GeoPackage or a ``.qml``.
* :mod:`.project`: a season's layers added to the project as a group.
"""

from .crs import analysis_crs, check_has_crs, check_metric_crs, crs_text, layer_extent, to_crs
from .layers import (
    features_to_arrays,
    geodataframe_fields,
    layer_records,
    lines_to_arrays,
    new_field,
    points_layer,
    season_layer,
    source_to_geodataframe,
    write_geodataframe,
)
from .project import add_season_to_project, season_group_name
from .rasters import check_dem_values, check_raster_size, inputs_left_alone, raster_layer_path, read_raster_layer
from .styles import (
    coverage_renderer,
    heatmap_renderer,
    save_default_style,
    save_season_styles,
    style_coverage_file,
    style_habitat_file,
    style_heatmap_file,
    style_layer,
    style_occupancy_layer,
    style_occupancy_output,
    style_plan_output,
    style_terrain_file,
    style_vector_layer,
    style_vector_output,
)

__all__ = [
    "add_season_to_project", "analysis_crs", "check_dem_values", "check_has_crs", "check_metric_crs",
    "check_raster_size", "coverage_renderer", "crs_text", "features_to_arrays", "geodataframe_fields",
    "heatmap_renderer", "inputs_left_alone", "layer_extent", "layer_records", "lines_to_arrays", "new_field",
    "points_layer", "raster_layer_path", "read_raster_layer", "save_default_style", "save_season_styles",
    "season_group_name", "season_layer", "source_to_geodataframe", "style_coverage_file", "style_habitat_file",
    "style_heatmap_file", "style_layer", "style_occupancy_layer", "style_occupancy_output", "style_plan_output",
    "style_terrain_file", "style_vector_layer", "style_vector_output", "to_crs", "write_geodataframe",
]
