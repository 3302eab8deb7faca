"""Saved field mappings: which column of a table holds which model field (UTF-8 JSON)."""

from __future__ import annotations

import json
from typing import Any, Dict

from ..exceptions import QT_TR_NOOP, InputError
from ..fileio import atomic_output


def load_mapping(path: str) -> Dict[str, Any]:
    """Read a saved field mapping (JSON object ``{model field or role: file header}``, or such objects per table kind).

    Raises:
        InputError: when the file cannot be read or is not such an object.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise InputError(QT_TR_NOOP("Cannot read the field mapping {path}: {reason}"), path=path,
                         reason=str(error)) from error
    if isinstance(data, dict) and isinstance(data.get("mapping"), dict):
        data = data["mapping"]
    def pairs(value: Any) -> bool:
        return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())

    # flat {field: header}, or per table kind {"observations": {field: header}, "cameras": {...}}
    if not isinstance(data, dict) or not all(isinstance(k, str) and (isinstance(v, str) or pairs(v))
                                             for k, v in data.items()):
        raise InputError(QT_TR_NOOP("The field mapping {path} is not a list of field: column pairs; "
                                    "save the mapping again from the import dialog."), path=path)
    return dict(data)


def save_mapping(mapping: Dict[str, str], path: str) -> None:
    """Save a field mapping as UTF-8 JSON (written atomically)."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump({"mapping": dict(mapping)}, handle, ensure_ascii=False, indent=2, sort_keys=True)
