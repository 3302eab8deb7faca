"""Display names of the stored English codes, translated for the interface and legends."""

from __future__ import annotations

from typing import Callable, Dict

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
