"""Where the tests find the project's files and the shared real data (``../shared/data/real``)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "data" / "real"
TOST = REAL / "tost"
CAMTRAP_DP = REAL / "camtrap-dp"
SAMPLE = ROOT / "resources" / "sample"
