"""Shared fixtures: real stores in temp folders, paths to ../shared inputs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KADREY_KG_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED} (set KADREY_KG_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared_dir) -> list[Path]:
    return sorted((shared_dir / "seeds").glob("*.txt"))


@pytest.fixture
def store_home(tmp_path, monkeypatch) -> Path:
    """A fresh KADREY_KG_HOME for CLI and library calls."""
    home = tmp_path / "home"
    monkeypatch.setenv("KADREY_KG_HOME", str(home))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return home
