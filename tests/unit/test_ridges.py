"""Ridgelines: synthetic DEMs with known crests, flat slopes, segment lengths, saddles."""

import math

import numpy as np
import pytest
from shapely.geometry import LineString, box
from shapely.ops import unary_union

from snowleopard_plugin.core.analysis.ridges import extract_ridges, ridges, thin
from snowleopard_plugin.core.exceptions import CrsError, InputError, ParameterError
from snowleopard_plugin.core.raster import Grid

P = 30.0


def make_grid(n, crs="EPSG:32645"):
    return Grid(400000.0, 5500000.0, P, n, n, crs)


def coords(g):
    rows, cols = np.mgrid[0:g.height, 0:g.width]
    return g.x0 + (cols + 0.5) * P, g.y0 - (rows + 0.5) * P


def diagonal_ridge(n=200, angle_deg=30.0, noise=1.0, seed=3):
    """Gaussian ridge 400 m high through the grid centre at angle_deg from east, rising 5 % along its crest."""
    g = make_grid(n)
    x, y = coords(g)
    cx, cy = g.x0 + n * P / 2, g.y0 - n * P / 2
    th = math.radians(angle_deg)
    ux, uy = math.cos(th), math.sin(th)
    along = (x - cx) * ux + (y - cy) * uy
    across = -(x - cx) * uy + (y - cy) * ux
    z = 2000 + 0.05 * along + 400 * np.exp(-across ** 2 / (2 * 400.0 ** 2))
    z += np.random.default_rng(seed).normal(0, noise, z.shape)
    crest = LineString([(cx - 1e5 * ux, cy - 1e5 * uy), (cx + 1e5 * ux, cy + 1e5 * uy)])
    return z, g, crest


def sample_line(geom, step):
    return [geom.interpolate(d) for d in np.arange(0, geom.length + step / 2, step)]


def test_gaussian_ridge_is_found_on_its_crest():
    z, g, crest = diagonal_ridge()
    lines = ridges(z, g)
    assert len(lines) > 0
    found = unary_union(list(lines.geometry))
    pts = sample_line(found, P / 3)
    near = np.array([crest.distance(q) for q in pts]) <= 2 * P
    assert near.mean() >= 0.9
    # and the crest is found: the part of the true crest at least 2 TPI radii (600 m) + margin from the edge
    xmin, ymin, xmax, ymax = g.extent
    inner = crest.intersection(box(xmin + 700, ymin + 700, xmax - 700, ymax - 700))
    crest_pts = sample_line(inner, P)
    covered = np.array([found.distance(q) for q in crest_pts]) <= 2 * P
    assert covered.mean() >= 0.9


def test_asymmetric_tent_ridge_is_found_on_its_crest():
    g = make_grid(150)
    x, y = coords(g)
    crest_x = g.x0 + 70.5 * P  # a cell centre column
    d = x - crest_x
    z = 3000 - np.where(d < 0, 0.6 * -d, 0.25 * d) + 0.02 * (y - g.y0)
    z += np.random.default_rng(0).normal(0, 0.5, z.shape)
    lines = ridges(z, g)
    found = unary_union(list(lines.geometry))
    dist = np.array([abs(q.x - crest_x) for q in sample_line(found, P / 3)])
    assert (dist <= 2 * P).mean() >= 0.9
    assert found.length > 0.8 * (150 * P - 4 * 300)


def test_no_ridge_on_a_plain_slope():
    g = make_grid(150)
    x, y = coords(g)
    z = 1800 + 0.35 * (x - g.x0) - 0.2 * (y - g.y0) + np.random.default_rng(1).normal(0, 1.0, x.shape)
    net = extract_ridges(z, g)
    assert net.lines.length_km.sum() == 0 or net.lines.length_km.max() < 0.3


@pytest.mark.parametrize("segment_length_m", [250.0, 1000.0])
def test_segments_never_longer_than_asked_and_add_up(segment_length_m):
    z, g, _ = diagonal_ridge()
    lines = ridges(z, g, segment_length_m=segment_length_m)
    assert (lines.geometry.length <= segment_length_m + 1e-6).all()
    assert np.allclose(lines.length_km * 1000, lines.geometry.length)
    # the pieces of a ridge add up to the ridge, and each ridge is cut into the fewest equal pieces
    for _, group in lines.groupby("ridge_id"):
        total = group.geometry.length.sum()
        assert len(group) == math.ceil(total / segment_length_m - 1e-9)
    assert list(lines.segment_id) == list(range(1, len(lines) + 1))
    assert lines.crs is not None and lines.crs.to_epsg() == 32645
    assert {"segment_id", "length_km", "mean_elev_m", "max_elev_m", "mean_slope_deg"} <= set(lines.columns)


def test_segment_attributes_on_a_north_south_ridge():
    g = make_grid(120)
    x, y = coords(g)
    crest_x = g.x0 + 60.5 * P
    along = y - (g.y0 - 60 * P)  # metres north of the grid centre
    z = 2500 + 0.1 * along + 300 * np.exp(-((x - crest_x) ** 2) / (2 * 300.0 ** 2))
    lines = ridges(z, g, segment_length_m=600.0)
    assert len(lines) >= 3
    for _, seg in lines.iterrows():
        xs, ys = np.array(seg.geometry.coords).T
        assert np.allclose(xs, crest_x, atol=1.0)
        # crest elevation is 2800 + 0.1 * along: mean at the segment's middle, max at its north end
        mid_along = ys.mean() - (g.y0 - 60 * P)
        assert seg.mean_elev_m == pytest.approx(2800 + 0.1 * mid_along, abs=2.0)
        assert seg.max_elev_m == pytest.approx(2800 + 0.1 * (ys.max() - (g.y0 - 60 * P)), abs=3.0)
        # on the crest the slope is the along-crest gradient only
        assert seg.mean_slope_deg == pytest.approx(math.degrees(math.atan(0.1)), abs=0.05)


def test_saddle_between_two_summits():
    g = make_grid(160)
    x, y = coords(g)
    crest_y = g.y0 - 80.5 * P
    along = x - g.x0
    # crest profile: two summits at 1500 m and 3300 m along, an 80 m deep saddle at 2400 m, a 5 m dip at 3900 m
    profile = (2600 + 100 * np.exp(-((along - 1500) ** 2) / (2 * 500.0 ** 2))
               + 100 * np.exp(-((along - 3300) ** 2) / (2 * 500.0 ** 2))
               - 5 * np.exp(-((along - 3900) ** 2) / (2 * 60.0 ** 2)))
    z = profile + 300 * np.exp(-((y - crest_y) ** 2) / (2 * 300.0 ** 2))
    net = extract_ridges(z, g, saddle_min_drop_m=20.0)
    assert len(net.saddles) == 1
    s = net.saddles.iloc[0]
    assert s.geometry.x - g.x0 == pytest.approx(2400, abs=2 * P)
    assert abs(s.geometry.y - crest_y) <= 2 * P
    lowest = profile[0, int(2400 / P)] + 300
    expected_depth = profile[0, int(3300 / P)] + 300 - lowest  # the lower of the two summits (equal here)
    assert s.depth_m == pytest.approx(expected_depth, abs=3.0)
    assert s.elev_m == pytest.approx(lowest, abs=2.0)


def test_thinning_keeps_one_cell_wide_connected_lines():
    from scipy import ndimage

    mask = np.zeros((40, 60), bool)
    mask[10:20, 5:55] = True  # a bar
    mask[15:35, 25:32] = True  # and a leg: a T
    skel = thin(mask)
    assert skel.sum() < 0.2 * mask.sum()
    assert (skel <= mask).all()
    _, n = ndimage.label(skel, structure=np.ones((3, 3)))
    assert n == 1
    # no 2x2 block of skeleton cells
    blocks = skel[:-1, :-1] & skel[1:, :-1] & skel[:-1, 1:] & skel[1:, 1:]
    assert not blocks.any()


def test_errors():
    z, g, _ = diagonal_ridge(n=60)
    with pytest.raises(CrsError):
        ridges(z, Grid(87.0, 50.0, 0.0008, 60, 60, "EPSG:4326"))
    with pytest.raises(InputError):
        ridges(np.full(z.shape, np.nan), g)
    with pytest.raises(ParameterError):
        ridges(z[:15, :15], make_grid(15))  # smaller than the 300 m TPI circle
    with pytest.raises(ParameterError):
        ridges(z, g, segment_length_m=0)
