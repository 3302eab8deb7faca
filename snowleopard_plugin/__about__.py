"""Plugin metadata, read once from metadata.txt (the single source of the version).

In the installed plugin, metadata.txt, resources/ and i18n/ sit inside the
plugin folder; in a source checkout they sit one level up, beside the
package. ``plugin_file()`` finds either.
"""

from __future__ import annotations

import configparser
import os
from typing import Dict

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def plugin_file(*parts: str) -> str:
    """Path of a plugin file (metadata.txt, resources/..., i18n/...), installed or in a checkout."""
    inside = os.path.join(PACKAGE_DIR, *parts)
    if os.path.exists(inside):
        return inside
    return os.path.join(os.path.dirname(PACKAGE_DIR), *parts)


def _read_metadata() -> Dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep keys like description[ru] as written
    parser.read(plugin_file("metadata.txt"), encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


METADATA: Dict[str, str] = _read_metadata()
__title__ = METADATA.get("name", "Snow Leopard Census")
__version__ = METADATA.get("version", "0.0.0")
__summary__ = METADATA.get("description", "")
PLUGIN_NAME = "snowleopard_plugin"
PROVIDER_ID = "snowleopard"
