"""Every stored code has one label, in one table (labels.py), and the Russian catalogue translates it."""

import ast
from pathlib import Path

from snowleopard_plugin.core import model
from snowleopard_plugin.core.validation import ACTIONS, PROBLEMS

LABELS = Path(__file__).resolve().parents[2] / "snowleopard_plugin" / "labels.py"


def _tables():
    """The keys of each label table of labels.py, read from its source (labels.py needs QGIS to import)."""
    tree = ast.parse(LABELS.read_text(encoding="utf-8"))
    tables = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            keys = [key.value for sub in ast.walk(node) if isinstance(sub, ast.Dict)
                    for key in sub.keys if isinstance(key, ast.Constant)]
            tables[node.name] = set(keys)
    return tables


def test_every_validation_code_has_a_label():
    tables = _tables()
    assert set(tables["problem_labels"]) == set(PROBLEMS)
    assert set(tables["action_labels"]) == set(ACTIONS)
    assert set(tables["severity_labels"]) == set(model.SEVERITIES)


def test_every_sign_type_and_season_layer_has_a_label():
    tables = _tables()
    assert set(tables["obs_type_labels"]) == set(model.OBS_TYPES)
    assert {"routes", "observations", "cameras", "detections", "validation"} <= set(tables["layer_labels"])


def test_every_coverage_code_has_a_label():
    # core.analysis.coverage.coverage_raster: 0 not covered, 1 routes, 2 cameras, 3 both
    assert set(_tables()["coverage_labels"]) == {0, 1, 2, 3}


def test_labels_live_only_in_labels_py():
    """No other module builds its own table of problem labels (the report's copy lacked six codes)."""
    root = LABELS.parent
    offenders = [str(path.relative_to(root)) for path in root.rglob("*.py")
                 if path != LABELS and "def problem_labels" in path.read_text(encoding="utf-8")]
    assert offenders == []
