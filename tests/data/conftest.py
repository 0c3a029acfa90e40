"""Fixtures for curated-data tests: a fresh cache before and after tests that swap data files."""
from __future__ import annotations

import pytest

from kadrey_kg.data import curated


@pytest.fixture
def fresh_curated(monkeypatch):
    """Lets a test point curated.* paths at temp files; caches are cleared around it."""
    curated.reload()
    yield curated
    monkeypatch.undo()
    curated.reload()
