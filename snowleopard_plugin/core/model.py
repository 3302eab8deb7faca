"""The season data model: layer names, field schemas and enumeration codes.

Everything the plugin writes to a season GeoPackage follows this module.
Enumerations are stored as stable English codes; the interface translates
them for display (see ``snowleopard_plugin.i18n``).

Units: lengths in kilometres (``*_km``), distances in metres (``*_m``),
effort in trap-nights, datetimes as ISO 8601 text with the offset when known.
"""

from __future__ import annotations

from typing import Dict, List, Tuple

#: Layer names inside a season GeoPackage.
ROUTES = "routes"
OBSERVATIONS = "observations"
CAMERAS = "cameras"
DETECTIONS = "detections"
VALIDATION = "validation"

SEASON_LAYERS: Tuple[str, ...] = (ROUTES, OBSERVATIONS, CAMERAS, DETECTIONS, VALIDATION)

#: Sign and observation types (``observations.obs_type``).
OBS_TYPES: Tuple[str, ...] = (
    "track",
    "scrape",
    "scat",
    "scent_mark",
    "mating_call",
    "sighting",
    "prey_remains",
    "other",
)

#: Age of a sign (``observations.age_class``).
AGE_CLASSES: Tuple[str, ...] = ("fresh", "old")

#: Severity of a validation row.
SEVERITIES: Tuple[str, ...] = ("info", "warning", "error")

#: Field schemas: (name, type) with type one of "str", "int", "float", "datetime", "date".
FIELDS: Dict[str, List[Tuple[str, str]]] = {
    ROUTES: [
        ("route_id", "str"),
        ("team", "str"),
        ("date", "date"),
        ("start_time", "datetime"),
        ("end_time", "datetime"),
        ("length_km", "float"),
        ("surface_km", "float"),
        ("days_since_snow", "int"),
        ("n_points", "int"),
        ("source", "str"),
    ],
    OBSERVATIONS: [
        ("obs_id", "str"),
        ("obs_type", "str"),
        ("datetime", "datetime"),
        ("count", "int"),
        ("age_class", "str"),
        ("uncertainty_m", "float"),
        ("bearing_deg", "float"),
        ("route_id", "str"),
        ("observer", "str"),
        ("note", "str"),
        ("source", "str"),
    ],
    CAMERAS: [
        ("station_id", "str"),
        ("deployment_start", "datetime"),
        ("deployment_end", "datetime"),
        ("trap_nights", "float"),
        ("status", "str"),
        ("source", "str"),
    ],
    DETECTIONS: [
        ("station_id", "str"),
        ("datetime", "datetime"),
        ("species", "str"),
        ("individual_id", "str"),
        ("sex", "str"),
        ("count", "int"),
        ("event_id", "str"),
        ("session", "str"),
        ("occasion", "int"),
        ("source", "str"),
    ],
    VALIDATION: [
        ("source", "str"),
        ("layer", "str"),
        ("feature", "str"),
        ("problem", "str"),
        ("action", "str"),
        ("severity", "str"),
        ("detail", "str"),
    ],
}

#: Geometry type of each layer (None: no geometry stored).
GEOMETRY: Dict[str, str] = {
    ROUTES: "MultiLineString",  # one part per GPS segment: the gap between segments is not walked
    OBSERVATIONS: "Point",
    CAMERAS: "Point",
    DETECTIONS: "Point",
    VALIDATION: "Point",
}


def field_names(layer: str) -> List[str]:
    """Return the attribute names of a season layer, in order."""
    return [name for name, _ in FIELDS[layer]]
