"""Validation rows: what was fixed, flagged or rejected on import, and why.

Every reader appends :class:`Issue` objects to an :class:`IssueLog` instead of
silently dropping or changing data. ``problem`` and ``action`` are stable
English codes (grouped and translated by the interface); ``template`` is an
English sentence with ``{fields}``, marked with ``QT_TR_NOOP`` so the writer
can store it translated into the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Optional

#: Problem codes (``validation.problem``).
PROBLEMS = (
    "unreadable_row",
    "invalid_geometry",
    "coordinates_out_of_range",
    "latlon_swapped",
    "far_outside_extent",
    "missing_date",
    "unparseable_date",
    "duplicate_point",
    "duplicate_file",
    "duplicate_route",
    "gps_jump",
    "unknown_station",
    "unknown_type",
    "missing_value",
    "empty_input",
    "other",
)

#: Action codes (``validation.action``).
ACTIONS = ("kept", "fixed", "flagged", "rejected")


@dataclass
class Issue:
    """One validation row.

    Attributes:
        source: the input file name (not its full path).
        layer: the season layer concerned (``routes``, ``observations``, ...).
        feature: row number, feature id or name in the source, as text.
        problem: a code from :data:`PROBLEMS`.
        action: a code from :data:`ACTIONS`.
        severity: ``info``, ``warning`` or ``error``.
        template: English description with ``{name}`` fields (a QT_TR_NOOP literal).
        fields: values of the fields.
        lon: longitude of the place concerned, degrees, when known.
        lat: latitude of the place concerned, degrees, when known.
    """

    source: str
    layer: str
    feature: str
    problem: str
    action: str
    severity: str
    template: str
    fields: Dict[str, Any] = field(default_factory=dict)
    lon: Optional[float] = None
    lat: Optional[float] = None

    def detail(self, translate: Callable[[str], str] = lambda text: text) -> str:
        """The description, translated by ``translate`` and filled in."""
        try:
            return translate(self.template).format(**self.fields)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.fields)


class IssueLog:
    """Collects :class:`Issue` rows in the order they were found."""

    def __init__(self) -> None:
        self.issues: List[Issue] = []

    def add(self, source: str, layer: str, feature: Any, problem: str, action: str, severity: str,
            template: str, lon: Optional[float] = None, lat: Optional[float] = None, **fields: Any) -> Issue:
        """Append a row and return it."""
        if problem not in PROBLEMS:
            raise ValueError(f"unknown problem code {problem!r}")
        if action not in ACTIONS:
            raise ValueError(f"unknown action code {action!r}")
        issue = Issue(source, layer, str(feature), problem, action, severity, template, fields, lon, lat)
        self.issues.append(issue)
        return issue

    def __iter__(self) -> Iterator[Issue]:
        return iter(self.issues)

    def __len__(self) -> int:
        return len(self.issues)

    def by_problem(self, problem: str) -> List[Issue]:
        """The rows with one problem code."""
        return [issue for issue in self.issues if issue.problem == problem]
