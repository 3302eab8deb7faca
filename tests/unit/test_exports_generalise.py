"""Generalised copies: every point on a cell centre, no input coordinate left, counts per cell kept."""

from __future__ import annotations

from collections import Counter

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import MultiPoint, Point

from snowleopard_plugin.core.exceptions import CrsError, ParameterError
from snowleopard_plugin.core.exports.generalise import cell_centres, coordinate_fields, generalise_frame


def random_points(n=500, seed=7):
    rng = np.random.default_rng(seed)
    x = 580000 + rng.uniform(0, 30000, n)
    y = 5520000 + rng.uniform(0, 30000, n)
    return x, y


def test_cell_centres_by_hand():
    gx, gy = cell_centres([12345.0, 19999.9, -1.0], [5000.0, 0.0, -9999.0], 10000)
    assert list(gx) == [15000.0, 15000.0, -5000.0]
    assert list(gy) == [5000.0, 5000.0, -5000.0]


def test_frame_points_on_centres_counts_kept_no_coordinate_left():
    x, y = random_points()
    frame = gpd.GeoDataFrame({"obs_id": [f"o{i}" for i in range(len(x))], "obs_type": ["scrape"] * len(x),
                              "lon": x / 1e4, "Широта": y / 1e5, "count": 1},
                             geometry=[Point(a, b, 2500.0) for a, b in zip(x, y)], crs="EPSG:32645")
    out = generalise_frame(frame, 5000)
    assert len(out) == len(frame) and list(out["obs_id"]) == list(frame["obs_id"])
    assert set(out["generalised_m"]) == {5000}
    assert "lon" not in out.columns and "Широта" not in out.columns and "obs_type" in out.columns
    ox = np.array([g.x for g in out.geometry])
    oy = np.array([g.y for g in out.geometry])
    assert not any(g.has_z for g in out.geometry)
    # on centres: (k + 1/2) * 5000
    assert np.allclose((ox / 5000 - 0.5) % 1, 0) and np.allclose((oy / 5000 - 0.5) % 1, 0)
    # no input coordinate survives
    assert not set(np.round(x, 6)) & set(np.round(ox, 6))
    assert not set(np.round(y, 6)) & set(np.round(oy, 6))
    # counts per cell, computed independently with integer division
    before = Counter(zip((x // 5000).astype(int), (y // 5000).astype(int)))
    after = Counter(zip(((ox - 2500) / 5000).round().astype(int), ((oy - 2500) / 5000).round().astype(int)))
    assert before == after
    # each point moved by at most half a cell diagonal
    assert np.all(np.hypot(ox - x, oy - y) <= 5000 * np.sqrt(2) / 2 + 1e-6)


def test_multipoints_give_one_point_per_part():
    frame = gpd.GeoDataFrame({"id": [1]}, geometry=[MultiPoint([(100, 100), (1500, 100)])], crs="EPSG:32645")
    out = generalise_frame(frame, 1000)
    assert sorted((g.x, g.y) for g in out.geometry) == [(500, 500), (1500, 500)]


def test_bad_input():
    frame = gpd.GeoDataFrame({"id": [1]}, geometry=[Point(88.5, 49.9)], crs="EPSG:4326")
    with pytest.raises(CrsError, match="metric CRS"):
        generalise_frame(frame, 1000)
    with pytest.raises(ParameterError, match="more than 0 m"):
        cell_centres([1.0], [1.0], 0)


def test_coordinate_fields():
    assert coordinate_fields(["X", "y_utm", "latitude", "obs_type", "count", "lon_deg", "note"]) == [
        "X", "y_utm", "latitude", "lon_deg"]
