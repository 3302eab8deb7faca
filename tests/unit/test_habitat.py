"""Habitat suitability: hand-chosen cells for the DEM rules, cell-centre rasterisation, the real Tost layer."""

import math
from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, box

from snowleopard_plugin.core.analysis.habitat import (
    ALTAI_DEFAULTS,
    HabitatRules,
    Ramp,
    habitat_from_dem,
    habitat_from_polygons,
    habitat_from_raster,
    habitat_scores,
)
from snowleopard_plugin.core.exceptions import CrsError, InputError, ParameterError
from snowleopard_plugin.core.raster import Grid
from tests import paths

TOST = paths.TOST
P = 30.0


def test_ramp_scores_by_hand():
    r = Ramp(1000, 2000, 3000, 3500)
    got = r.score(np.array([500, 1000, 1500, 2000, 2500, 3000, 3250, 3500, 4000, np.nan]))
    np.testing.assert_allclose(got, [0, 0, 0.5, 1, 1, 1, 0.5, 0, 0, np.nan])
    floored = Ramp(-math.inf, -math.inf, 300, 1500, floor=0.3).score(np.array([0, 300, 900, 1500, 5000]))
    np.testing.assert_allclose(floored, [1, 1, 0.3 + 0.7 * 0.5, 0.3, 0.3])
    with pytest.raises(ParameterError):
        Ramp(10, 5)


def slope_dem():
    """A plane tilting east, elevation rising north: known slope and elevation at every cell."""
    g = Grid(400000.0, 5500000.0, P, 40, 60, "EPSG:32645")
    rows, cols = np.mgrid[0:60, 0:40]
    z = 1500.0 + 0.5 * (cols * P) + 40.0 * (59 - rows)  # 0.5 m/m east: 26.57 degrees; +40 m per row north
    return z, g


def test_dem_rules_at_hand_chosen_cells():
    z, g = slope_dem()
    rules = HabitatRules(elevation_m=Ramp(1800, 2400, 3300, 3900), slope_deg=Ramp(8, 25),
                         ruggedness_vrm=None, ridge_distance_m=None, weights={"elevation": 1, "slope": 1})
    out = habitat_from_dem(z, g, rules)
    s = math.degrees(math.atan(math.hypot(0.5, 40 / P)))  # Horn's slope of this plane
    slope_score = min(1.0, (s - 8) / 17)
    for r, c in [(55, 3), (40, 10), (30, 20), (5, 35)]:
        elev = z[r, c]
        e = np.clip(min((elev - 1800) / 600, (3900 - elev) / 600), 0, 1)
        expected = math.sqrt(e * slope_score)  # geometric mean of two equally weighted scores
        assert out[r, c] == pytest.approx(expected, abs=1e-9), (r, c, elev)
    assert out.min() == 0.0 and out.max() <= 1.0
    prod = habitat_from_dem(z, g, replace(rules, combine="product"))
    mini = habitat_from_dem(z, g, replace(rules, combine="min"))
    elev_scores = rules.elevation_m.score(z)
    np.testing.assert_allclose(prod, elev_scores * slope_score, atol=1e-9)
    np.testing.assert_allclose(mini, np.minimum(elev_scores, slope_score), atol=1e-9)


def test_ridge_distance_rule_uses_given_ridges():
    z, g = slope_dem()
    ridge_x = g.x0 + 20.5 * P  # a vertical line through the centres of column 20
    ridge = LineString([(ridge_x, g.y0), (ridge_x, g.y0 - 60 * P)])
    rules = replace(ALTAI_DEFAULTS, ridge_distance_m=Ramp(-math.inf, -math.inf, 300, 1500, floor=0.3))
    scores = habitat_scores(z, g, rules, ridges=[ridge])
    ridge_score = scores["ridge"]
    # cells crossed by the line (column 20) are at distance 0; col 35 is 15 cells from it, col 0 is 20
    assert ridge_score[30, 20] == pytest.approx(1.0)
    assert ridge_score[30, 35] == pytest.approx(0.3 + 0.7 * (1500 - 15 * P) / 1200)
    assert ridge_score[30, 0] == pytest.approx(0.3 + 0.7 * (1500 - 20 * P) / 1200)
    assert set(scores) == {"elevation", "slope", "ruggedness", "ridge"}
    out = habitat_from_dem(z, g, rules, ridges=[ridge])
    w = rules.weights
    expected = np.exp(sum(w[k] * np.log(np.maximum(scores[k], 1e-300)) for k in scores) / sum(w.values()))
    expected[np.minimum.reduce(list(scores.values())) == 0] = 0
    np.testing.assert_allclose(out, expected, atol=1e-9)


def test_square_rasterises_to_cells_with_centres_inside():
    g = Grid(0.0, 1000.0, 100.0, 10, 10, "EPSG:32645")
    square = box(140.0, 360.0, 560.0, 790.0)
    out = habitat_from_polygons([square], g)
    xs, ys = g.centres()
    inside = (xs[None, :] > 140) & (xs[None, :] < 560) & (ys[:, None] > 360) & (ys[:, None] < 790)
    assert np.array_equal(out == 1.0, inside)
    assert set(np.unique(out)) == {0.0, 1.0}
    # values per polygon; overlaps take the highest
    out = habitat_from_polygons([square, box(0, 0, 300, 500)], g, values=[0.4, 0.9])
    assert out[7, 1] == 0.9 and out[3, 4] == 0.4
    with pytest.raises(InputError):
        habitat_from_polygons([square], g, values=[2.0])
    with pytest.raises(CrsError):
        habitat_from_polygons([square], Grid(87.0, 50.0, 0.001, 10, 10, "EPSG:4326"))


def test_tost_habitat_layer_rasterises_to_its_own_area():
    polygons = gpd.read_file(TOST / "tost_sl.shp")
    cams = pd.read_csv(TOST / "Tost_cams.csv")
    xmin, ymin = cams.X.min() - 5000, cams.Y.min() - 5000
    xmax, ymax = cams.X.max() + 5000, cams.Y.max() + 5000
    g = Grid.from_extent(xmin, ymin, xmax, ymax, 500.0, "EPSG:32647")
    habitat = polygons[polygons.GRIDCODE == 1]
    out = habitat_from_polygons(habitat, g)
    raster_km2 = out.sum() * 0.25
    clipped_km2 = habitat.geometry.intersection(box(*g.extent)).area.sum() / 1e6
    assert clipped_km2 > 100
    assert raster_km2 == pytest.approx(clipped_km2, rel=0.03)


def test_raster_source_is_resampled_to_the_grid():
    src = Grid(0.0, 1000.0, 50.0, 20, 20, "EPSG:32645")
    a = np.zeros(src.shape)
    a[:, :10] = 1.0  # west half habitat
    dst = Grid(0.0, 1000.0, 200.0, 5, 5, "EPSG:32645")
    out = habitat_from_raster(a, dst, src_grid=src)
    # columns of 200 m: x 0-200, 200-400 habitat, 400-600 half, then none
    np.testing.assert_allclose(out, np.tile([1, 1, 0.5, 0, 0], (5, 1)))
    with pytest.raises(InputError):
        habitat_from_raster(a, dst)


def test_bad_inputs():
    z, g = slope_dem()
    with pytest.raises(CrsError):
        habitat_from_dem(z, Grid(87.0, 50.0, 0.001, 40, 60, "EPSG:4326"))
    with pytest.raises(InputError):
        habitat_from_dem(np.full(z.shape, np.nan), g)
    off = HabitatRules(elevation_m=None, slope_deg=None, ruggedness_vrm=None, ridge_distance_m=None)
    with pytest.raises(ParameterError):
        habitat_from_dem(z, g, off)
