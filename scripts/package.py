"""Build the installable plugin ZIP and check it against plugins.qgis.org's upload rules.

Usage: python3 scripts/package.py [--check-only ZIP]

The ZIP holds one folder ``snowleopard_plugin/``: the Python package,
metadata.txt, LICENSE, resources/ and the compiled translations (i18n/*.qm);
no tests, no caches, no .ts sources. The checks follow the rules the plugin
site's validator applies to an upload (size, one top-level folder named as a
Python identifier, __init__.py, metadata.txt with the required fields, LICENSE,
no .pyc/__pycache__/.git/__MACOSX, no absolute or parent paths, valid URLs).
Reachability of the URLs cannot be checked offline; the site checks it.
"""

from __future__ import annotations

import argparse
import configparser
import io
import os
import re
import shutil
import sys
import zipfile
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = "snowleopard_plugin"
MAX_SIZE = 25_000_000
REQUIRED = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker",
            "repository")
SKIP_DIRS = {"__pycache__", ".git", "__MACOSX", ".pytest_cache"}
SKIP_SUFFIXES = (".pyc", ".pyo", ".ts", ".qrc~", ".orig")


def _version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    return parser["general"]["version"]


def _add_tree(archive: zipfile.ZipFile, source: str, target: str) -> None:
    for folder, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            if name.endswith(SKIP_SUFFIXES) or name.startswith("."):
                continue
            path = os.path.join(folder, name)
            archive.write(path, os.path.join(target, os.path.relpath(path, source)).replace(os.sep, "/"))


def build(dist: str) -> str:
    """Write dist/snowleopard_plugin-<version>.zip and return its path."""
    qm = os.path.join(ROOT, "i18n", f"{PLUGIN}_ru.qm")
    if not os.path.exists(qm):
        sys.exit(f"{qm} is missing: run 'make translations' first")
    os.makedirs(dist, exist_ok=True)
    path = os.path.join(dist, f"{PLUGIN}-{_version()}.zip")
    tmp = path + ".part"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        _add_tree(archive, os.path.join(ROOT, PLUGIN), PLUGIN)
        for name in ("metadata.txt", "LICENSE"):
            archive.write(os.path.join(ROOT, name), f"{PLUGIN}/{name}")
        _add_tree(archive, os.path.join(ROOT, "resources"), f"{PLUGIN}/resources")
        for name in sorted(os.listdir(os.path.join(ROOT, "i18n"))):
            if name.endswith(".qm"):
                archive.write(os.path.join(ROOT, "i18n", name), f"{PLUGIN}/i18n/{name}")
    shutil.move(tmp, path)
    return path


def check(path: str) -> list:
    """Return the list of problems plugins.qgis.org would reject the ZIP for (empty when fine)."""
    problems = []
    if os.path.getsize(path) > MAX_SIZE:
        problems.append(f"ZIP is {os.path.getsize(path) / 1e6:.1f} MB, over the 25 MB limit")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if archive.testzip() is not None:
            problems.append("corrupt ZIP member")
        for name in names:
            parts = name.split("/")
            if ".." in name or name.startswith("/") or "\\" in name or re.match(r"^[A-Za-z]:", name):
                problems.append(f"path not allowed: {name}")
            if ".pyc" in name or any(p in ("__MACOSX", ".git", "__pycache__") for p in parts):
                problems.append(f"forbidden file: {name}")
            if parts[0] == PLUGIN and len(parts) > 1 and parts[1] == "tests":
                problems.append(f"tests must not be packaged: {name}")
        tops = {name.split("/")[0] for name in names}
        if tops != {PLUGIN}:
            problems.append(f"top-level folders {sorted(tops)}: expected only {PLUGIN}")
        if not PLUGIN.isidentifier() or not re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", PLUGIN):
            problems.append("folder name is not a Python identifier")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{PLUGIN}/{required}" not in names:
                problems.append(f"missing {PLUGIN}/{required}")
        if f"{PLUGIN}/metadata.txt" in names:
            parser = configparser.ConfigParser()  # the site's parser: with % interpolation
            parser.optionxform = str
            try:
                parser.read_file(io.StringIO(archive.read(f"{PLUGIN}/metadata.txt").decode("utf-8")))
                general = dict(parser.items("general"))
            except Exception as error:  # noqa: BLE001 - any parse error is a rejection
                problems.append(f"metadata.txt does not parse: {error}")
                general = {}
            for key in REQUIRED:
                if not general.get(key, "").strip():
                    problems.append(f"metadata.txt lacks {key}")
            for key in ("tracker", "repository", "homepage"):
                url = urlparse(general.get(key, ""))
                if general.get(key) and not (url.scheme and url.netloc):
                    problems.append(f"metadata.txt {key} is not a URL")
            if "/" in general.get("author", ""):
                problems.append("author contains a slash")
            icon = general.get("icon", "")
            if icon and f"{PLUGIN}/{icon.removeprefix('./')}" not in names:
                problems.append(f"icon {icon} is not in the ZIP")
        for qm in ("i18n/snowleopard_plugin_ru.qm",):
            if f"{PLUGIN}/{qm}" not in names:
                problems.append(f"missing compiled translation {qm}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-only", metavar="ZIP")
    parser.add_argument("--dist", default=os.path.join(ROOT, "dist"))
    args = parser.parse_args()
    path = args.check_only or build(args.dist)
    problems = check(path)
    size = os.path.getsize(path) / 1e6
    if problems:
        print(f"{path} ({size:.1f} MB) would be rejected by plugins.qgis.org:")
        for problem in problems:
            print("  - " + problem)
        return 1
    print(f"{path} ({size:.1f} MB): passes the plugins.qgis.org upload checks (URL reachability is checked online)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
