"""Walk tests: real embedded stores in temp folders; hub_graphs.py builds their data."""
from __future__ import annotations

import sys
from pathlib import Path

# --import-mode=importlib keeps test folders off sys.path; the helper module lives here.
sys.path.insert(0, str(Path(__file__).parent))
