"""Plan next season: day transects along ridges under a km budget, camera stations, planned against walked.

All coordinates are metres in one projected (metric) CRS, the season's UTM zone; rasters follow
:class:`~.raster.Grid`. Lengths returned are km, areas km², elevations and ascents metres.

Day transects (:func:`plan_transects`, method and guarantee in ``docs/planner.md``):

* The ridge lines are a graph: segment end points (snapped within ``snap_m``) are nodes, segments are edges,
  each with its planimetric length, its surface length over the DEM and its climb in both directions.
  Edges touching an exclusion polygon are removed.
* With access points, every node gets an **approach**: the least-effort path from the nearest access point
  over a raster of the terrain (8-neighbour Dijkstra; effort = surface metres + ``climb_factor`` x climb),
  never through a cell an exclusion polygon touches. A day transect walks in from the access point nearest
  its start, along the ridge path, and back out to the access point nearest its end.
* Candidates are the simple ridge paths whose day length (approach in + ridge + approach out, surface km
  over the DEM; planimetric without one) is at most ``max_day_km``, enumerated depth-first from every node
  (at most ``max_paths_per_start`` per start node, best edges first).
* A candidate's value is the suitable habitat it newly searches: the sum, over the habitat grid's cells whose
  centre is within ``half_width`` of the walked line, of habitat value x cell area (km²), for cells with
  habitat >= ``threshold`` not already searched by the routes walked, the locked transects or earlier picks.
  This is a weighted coverage function: monotone and submodular.
* Locked transects come first (their km charged to the budget); then two lazy greedy runs on the rest of the
  budget, one by value per km (cost-benefit) and one by value, skipping candidates that no longer fit; the
  better of the two is returned. Transects go to teams by longest-first balancing of km, one per day.

The pieces: :mod:`.graph` (ridge graph, approaches), :mod:`.greedy` (line values, lazy greedy),
:mod:`.candidates` (day-long ridge paths), :mod:`.transects` (:func:`plan_transects`, teams and days),
:mod:`.cameras` (:func:`plan_cameras`), :mod:`.compare` (:func:`compare_plan`), :mod:`.inputs` (input adapters
shared by the pieces). The names callers use are
re-exported here: ``from ..core import planner`` then ``planner.plan_transects``.
"""

from __future__ import annotations

from .cameras import STATION_FIELDS, CameraPlan, plan_cameras, saddles_on_ridges
from .candidates import Candidates, enumerate_candidates, transect_walk
from .compare import compare_plan
from .graph import (
    NAISMITH_FACTOR,
    Approaches,
    RidgeGraph,
    approaches,
    line_profile,
    line_profiles,
    link_ridge_ends,
    ridge_graph,
)
from .greedy import cells_near_line, cells_near_lines, coverage_value, habitat_weights, lazy_greedy
from .inputs import PlanWarning
from .transects import DEFAULT_GAP_WEIGHT, TRANSECT_FIELDS, TransectPlan, assign_teams, plan_transects

__all__ = [
    "DEFAULT_GAP_WEIGHT",
    "NAISMITH_FACTOR",
    "STATION_FIELDS",
    "TRANSECT_FIELDS",
    "Approaches",
    "CameraPlan",
    "Candidates",
    "PlanWarning",
    "RidgeGraph",
    "TransectPlan",
    "approaches",
    "assign_teams",
    "cells_near_line",
    "cells_near_lines",
    "compare_plan",
    "coverage_value",
    "enumerate_candidates",
    "habitat_weights",
    "lazy_greedy",
    "line_profile",
    "line_profiles",
    "link_ridge_ends",
    "plan_cameras",
    "plan_transects",
    "ridge_graph",
    "saddles_on_ridges",
    "transect_walk",
]
