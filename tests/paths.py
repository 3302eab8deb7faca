"""Where the tests find the project's files and the real data copied under ``tests/data/real``.

The real data (the Tost survey, the Camtrap DP schemas and example) live inside the
repository, so a plain clone runs every test. A test that needs a file which is not
there fails with a message naming it (through :func:`real`); it never skips.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
TOST = REAL / "tost"
CAMTRAP_DP = REAL / "camtrap-dp"
SAMPLE = ROOT / "resources" / "sample"


def real(*parts) -> Path:
    """Path of a file of the real data; fails the test (never skips) when it is missing."""
    path = REAL.joinpath(*parts)
    if not path.exists():
        import pytest

        pytest.fail(f"real test data missing: {path} (see tests/data/real/README.md; "
                    "restore it with git checkout -- tests/data/real)", pytrace=False)
    return path
