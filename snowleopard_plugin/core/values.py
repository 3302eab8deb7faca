"""Small helpers for values read from tables and layers."""

from __future__ import annotations

import math
from typing import Any


def is_null(value: Any) -> bool:
    """True for a missing value as tables and layers write it: None, NaN, '' or the words NULL/nan/NaT/None."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return str(value).strip() in ("", "NULL", "nan", "NaN", "NaT", "None")
