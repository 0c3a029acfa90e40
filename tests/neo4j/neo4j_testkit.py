"""Helpers shared by the Neo4j tests (imported by name: --import-mode=importlib keeps this folder
on sys.path through conftest.py; names are prefixed so they cannot clash with other folders)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kadrey_kg.graph.config import StoreConfig


@dataclass
class Server:
    cfg: StoreConfig
    data_dir: Path | None       # set when the tests started the launcher themselves

    @property
    def local(self) -> bool:
        return self.data_dir is not None


def open_neo4j(server: Server, **kw):
    from kadrey_kg.graph.neo4j_store import Neo4jStore
    return Neo4jStore(server.cfg, **kw)


def wipe(store) -> None:
    store._write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())


def counts(store) -> tuple[int, int]:
    nodes = store._read("MATCH (n:Resource) RETURN count(n) AS n")[0]["n"]
    rels = store._read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return nodes, rels


def assert_same(store, expected: dict[str, Graph]) -> None:
    ds = store.dataset()
    stored = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert stored == {name for name, g in expected.items() if len(g)}
    for name, graph in expected.items():
        assert isomorphic(ds.graph(URIRef(name)), graph), f"graph {name} differs after the round trip"
