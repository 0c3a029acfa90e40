"""A real Neo4j for the tests: $NEO4J_URI when set, else the project's launcher on a free port.

Tests here are marked `neo4j`; without a server (no NEO4J_URI, and no java/mvn to build the
launcher) they are skipped with the reason. An external server is only wiped when it is empty at
the start or KADREY_KG_TEST_WIPE=1 says its data may go.
"""
from __future__ import annotations

import os
import secrets
import shutil
import sys
from pathlib import Path

import pytest

from kadrey_kg.graph import StoreUnavailable
from kadrey_kg.graph import neo4j_server as srv
from kadrey_kg.graph.config import StoreConfig

# --import-mode=importlib keeps test folders off sys.path; the helper modules live here.
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "graph"))  # hub_graphs, shared with tests/graph

from neo4j_testkit import Server, open_neo4j, wipe  # noqa: E402


def pytest_collection_modifyitems(items):
    # Everything that needs the server is marked, so `-m "not neo4j"` leaves only the pure mapping tests.
    for item in items:
        if "neo4j_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    uri = os.environ.get("NEO4J_URI")
    if uri:
        cfg = StoreConfig("neo4j", uri=uri, user=os.environ.get("NEO4J_USER", "neo4j"),
                          password=os.environ.get("NEO4J_PASSWORD"), database=os.environ.get("NEO4J_DATABASE"))
        # scripts/test.sh names the data folder of the launcher it started: then the tests own that
        # server too (the fault test may kill and restart it)
        own = os.environ.get("KADREY_KG_NEO4J_DATA_DIR")
        yield Server(cfg, Path(own) if own else None)
        return
    missing = [tool for tool in ("java", "mvn") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"no Neo4j: NEO4J_URI is not set and {', '.join(missing)} is missing to build the launcher")
    data_dir = tmp_path_factory.mktemp("neo4j")
    password = secrets.token_urlsafe(16)
    try:
        status = srv.start(data_dir, port=srv.free_port(), password=password, timeout=300)
    except StoreUnavailable as err:
        pytest.skip(f"no Neo4j: the launcher did not start: {err}")
    try:
        yield Server(StoreConfig("neo4j", uri=status.uri, user="neo4j", password=password), data_dir)
    finally:
        srv.stop(data_dir)


@pytest.fixture(scope="session")
def _wipe_allowed(neo4j_server):
    if neo4j_server.local or os.environ.get("KADREY_KG_TEST_WIPE") == "1":
        return True
    with open_neo4j(neo4j_server) as store:
        if store._read("MATCH (n) RETURN count(n) AS n")[0]["n"]:
            pytest.skip(f"{neo4j_server.cfg.describe()} holds data; set KADREY_KG_TEST_WIPE=1 to let the tests clear it")
    return True


@pytest.fixture
def neo4j_store(neo4j_server, _wipe_allowed):
    """An empty Neo4j store (the database is cleared before each test)."""
    store = open_neo4j(neo4j_server)
    wipe(store)
    yield store
    store.close()
