"""Offline validation of a Camtrap DP package against the local official schemas (shared by the tests)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests import paths

CAMTRAP_DIR = paths.CAMTRAP_DP


def validate_camtrap(folder: Path, tmp: Path):
    """Validate a Camtrap DP package offline against the local official schemas.

    The package profile is checked with jsonschema (its remote $refs resolved
    locally: frictionless's bundled GeoJSON schema; the generic data-package
    base is checked by frictionless itself), then frictionless validates the
    descriptor and the three tables with the resources pointing at the local
    table schemas.

    Returns:
        the list of error messages (empty: valid).
    """
    import frictionless  # test tools from requirements-dev.txt: a missing one fails, never skips
    import jsonschema
    import referencing
    from referencing.jsonschema import DRAFT4

    paths.real("camtrap-dp", "camtrap-dp-profile.json")
    folder, tmp = Path(folder), Path(tmp)
    work = tmp / "pkg"
    shutil.copytree(folder, work)
    for f in CAMTRAP_DIR.glob("*.json"):
        shutil.copy(f, work / f.name)
    desc = json.loads((work / "datapackage.json").read_text(encoding="utf-8"))
    profile = json.loads((CAMTRAP_DIR / "camtrap-dp-profile.json").read_text(encoding="utf-8"))
    geojson = json.loads((Path(frictionless.__file__).parent / "assets/profiles/geojson.json").read_text())
    registry = referencing.Registry().with_resources([
        ("https://specs.frictionlessdata.io/schemas/data-package.json", DRAFT4.create_resource({})),
        ("http://json.schemastore.org/geojson.json", DRAFT4.create_resource(geojson)),
    ])
    validator = jsonschema.Draft4Validator(profile, registry=registry,
                                           format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [e.message for e in validator.iter_errors(desc)]
    for res in desc["resources"]:
        if "schema" in res:
            res["schema"] = f"{res['name']}-table-schema.json"
    desc["profile"] = "data-package"
    (work / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    report = frictionless.validate(str(work / "datapackage.json"))
    errors += [f"{e[0]}: {e[1]}" for e in report.flatten(["type", "note"])]
    return errors
