"""Display names of the stored English codes, translated: every code → label table, once.

The dock, the layer tree, legends and the report all take their labels from here. Each function takes
the ``tr`` to translate with: the interface's by default, or the report's (whose language is its own).
A test checks that every code of :mod:`.core.validation` and :mod:`.core.model` has a label.
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional

from .i18n import tr as _tr


def obs_type_labels(tr: Callable[[str], str] = _tr) -> Dict[str, str]:
    """``observations.obs_type`` code → label in the user's language (or through another ``tr``, e.g. the report's)."""
    return {
        "track": tr("Paw-print trail"),
        "scrape": tr("Scrape"),
        "scat": tr("Scat"),
        "scent_mark": tr("Scent mark"),
        "mating_call": tr("Mating call"),
        "sighting": tr("Sighting"),
        "prey_remains": tr("Prey remains"),
        "other": tr("Other sign"),
    }


def layer_labels(tr: Callable[[str], str] = _tr) -> Dict[str, str]:
    """Season layer name → title in the layer tree."""
    return {
        "routes": tr("Routes"),
        "observations": tr("Signs and calls"),
        "cameras": tr("Camera stations"),
        "detections": tr("Camera detections"),
        "validation": tr("Import validation"),
    }


def severity_labels(tr: Callable[[str], str] = _tr) -> Dict[str, str]:
    """``validation.severity`` code → label."""
    return {"info": tr("Information"), "warning": tr("Warning"), "error": tr("Error")}


def problem_labels(tr: Callable[[str], str] = _tr) -> Dict[str, str]:
    """``validation.problem`` code → label (every code of ``core.validation.PROBLEMS``)."""
    return {
        "unreadable_row": tr("Unreadable rows"), "invalid_geometry": tr("Invalid geometries"),
        "coordinates_out_of_range": tr("Coordinates out of range"),
        "latlon_swapped": tr("Latitude and longitude swapped"), "far_outside_extent": tr("Far outside the season"),
        "missing_date": tr("Missing dates"), "unparseable_date": tr("Unreadable dates"),
        "duplicate_point": tr("Duplicate points"), "duplicate_file": tr("Files given twice"),
        "duplicate_route": tr("Tracks given twice"),
        "gps_jump": tr("GPS jumps"), "unknown_station": tr("Unknown camera stations"),
        "unknown_type": tr("Unknown sign types"), "missing_value": tr("Missing values"),
        "empty_input": tr("Empty inputs"), "other": tr("Other problems"),
    }


def action_labels(tr: Callable[[str], str] = _tr) -> Dict[str, str]:
    """``validation.action`` code → label (every code of ``core.validation.ACTIONS``)."""
    return {"fixed": tr("fixed"), "flagged": tr("flagged"), "rejected": tr("rejected"), "kept": tr("kept")}


def role_labels(tr: Callable[[str], str] = _tr) -> Dict[str, str]:
    """Import role code (what a file is imported as) → label."""
    return {"routes": tr("Routes (GPS tracks)"), "observations": tr("Signs"), "cameras": tr("Cameras"),
            "detections": tr("Detections"), "ignore": tr("Do not import")}


def team_label(team: Optional[str], tr: Callable[[str], str] = _tr) -> str:
    """A team as reports and legends name it: teams are stored as numbers ("Team 2") or names (kept as they
    are); '' is a route whose team was not recorded, None a sign on no route's team."""
    if team is None:
        return tr("not attributed")
    if team == "":
        return tr("team not recorded")
    return tr("Team {team}").format(team=team) if team.isdigit() else team


def month_labels(tr: Callable[[str], str] = _tr) -> List[str]:
    """Month names, January first."""
    return [tr("January"), tr("February"), tr("March"), tr("April"), tr("May"), tr("June"), tr("July"),
            tr("August"), tr("September"), tr("October"), tr("November"), tr("December")]


def plan_column_labels(tr: Callable[[str], str] = _tr) -> Dict[str, str]:
    """Column of the planner's transects → heading in the plan table."""
    return {"transect_id": tr("Transect"), "team": tr("Team"), "day": tr("Day"), "surface_km": tr("Surface km"),
            "ascent_m": tr("Ascent, m"), "new_habitat_km2": tr("New habitat, km²")}


def coverage_labels(tr: Callable[[str], str] = _tr) -> Dict[int, str]:
    """Coverage raster code (``core.analysis.coverage.coverage_raster``) → class label."""
    return {0: tr("Not covered"), 1: tr("Searched along routes"), 2: tr("Sampled by cameras"),
            3: tr("Routes and cameras")}
