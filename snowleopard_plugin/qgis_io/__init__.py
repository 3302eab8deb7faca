"""The one bridge between QGIS (layers, projects, styles) and the core's data."""

from .styles import (  # noqa: F401
    add_season_to_project, analysis_crs, check_dem_values, check_raster_size, coverage_renderer, crs_text,
    features_to_arrays, geodataframe_fields, heatmap_renderer, inputs_left_alone, layer_extent, layer_records,
    lines_to_arrays, new_field, points_layer, raster_layer_path, read_raster_layer, save_season_styles,
    season_group_name, season_layer, source_to_geodataframe, style_coverage_file, style_habitat_file,
    style_heatmap_file, style_layer, style_occupancy_layer, style_occupancy_output, style_plan_output,
    style_terrain_file, style_vector_output, to_crs, write_geodataframe,
)
