"""A real embedded store for the explorer tests: base graphs (ontology + curated data), the team's
case notes and the two French seed articles, ingested once per session with the real pipeline."""
from __future__ import annotations

import socket
import warnings
from pathlib import Path

import pytest
from kadrey_kg.graph import open_store

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "output" / "screenshots"

META = "https://w3id.org/kadrey-kg/id/org/meta-platforms"
ZUCKERBERG = "https://w3id.org/kadrey-kg/id/person/mark-zuckerberg"
CASE = "https://w3id.org/kadrey-kg/id/case/kadrey-v-meta"


@pytest.fixture(scope="session")
def ui_store_path(tmp_path_factory, shared_dir) -> Path:
    from kadrey_kg.data import NOTES_DIR
    from kadrey_kg.loaders.ingest import ingest

    path = tmp_path_factory.mktemp("ui") / "store"
    with open_store(path) as store:  # read-write: loads the ontology and curated graphs
        results = list(ingest([NOTES_DIR, shared_dir / "seeds"], store))
    # Loader failures are the loader suites' business; the explorer needs a graph with documents.
    for r in results:
        if r.status == "failed":
            warnings.warn(f"UI test store: {r.error}", stacklevel=1)
    assert sum(r.status == "added" for r in results) >= 2, [r.error for r in results]
    return path


@pytest.fixture
def ui_env(ui_store_path, monkeypatch) -> Path:
    """Point the app at the test store (what `kadrey-kg serve` does through serve.py)."""
    monkeypatch.setenv("KADREY_KG_STORE", str(ui_store_path))
    return ui_store_path


@pytest.fixture(scope="session")
def reader(ui_store_path):
    """The test's own read-only view of the same store, to compute what the UI should show."""
    store = open_store(ui_store_path, read_only=True)
    yield store
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
