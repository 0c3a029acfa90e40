"""The stores behind one query interface: embedded (Oxigraph, default) and Neo4j.

    from kadrey_kg.graph import open_store
    with open_store() as store:          # $KADREY_KG_HOME/store, or NEO4J_URI when set
        hits = store.search("zuckerberg")
"""
from __future__ import annotations

from .base import Store
from .config import StoreConfig, resolve
from .errors import GraphError, QueryFailed, QueryRefused, StoreUnavailable, UnsupportedFormat


def open_store(location: str | None = None, *, read_only: bool = False, base: bool = True) -> Store:
    """Open the store at `location` (a folder, or a bolt://, neo4j:// URI; default: config).

    With `base=True` a fresh store gets the ontology and curated graphs loaded."""
    cfg = resolve(location)
    if cfg.kind == "neo4j":
        from .neo4j_store import Neo4jStore
        store: Store = Neo4jStore(cfg)
    else:
        from .embedded import EmbeddedStore
        store = EmbeddedStore(cfg.path, read_only=read_only)
    if base and not read_only:
        store.ensure_base()
    return store


__all__ = ["open_store", "Store", "StoreConfig", "resolve", "GraphError", "QueryFailed",
           "QueryRefused", "StoreUnavailable", "UnsupportedFormat"]
