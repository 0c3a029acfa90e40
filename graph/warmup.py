"""Warming a store's caches in the background, so the first clicks of a session are not the slow ones.

On a large graph the first touch of a hub costs seconds (Meta's card reads the evidence of tens of
thousands of facts once; the name index behind search is built on the first search); afterwards the
store's caches (graph/cache.py) answer in milliseconds until the store writes. The explorer calls
`warm_up(store)` when it opens a store: a daemon thread builds the name index, then opens the
cards and 1-hop neighbourhoods of the curated entities with the most curated relations (the case,
Meta, the plaintiffs, the judge...): the pages a session starts from. The thread only reads; a
failure is logged and changes nothing.
"""
from __future__ import annotations

import logging
import threading
from collections import Counter

from rdflib import RDF, URIRef

from kadrey_kg.ontology import KKGID

log = logging.getLogger(__name__)

WARM_ENTITIES = 8


def busiest_curated_entities(n: int = WARM_ENTITIES) -> list[str]:
    """The `n` curated entities linked to the most other resources in the curated facts."""
    from .base_graphs import curated_graph

    degree: Counter[str] = Counter()
    for s, p, o in curated_graph():
        if p == RDF.type or not isinstance(o, URIRef):
            continue
        for end in (s, o):
            if str(end).startswith(str(KKGID)):
                degree[str(end)] += 1
    return [iri for iri, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def warm_up(store, iris: list[str] | None = None) -> threading.Thread:
    """Start (and return) a daemon thread that fills `store`'s caches; see the module docstring."""
    def run() -> None:
        try:
            store.search("meta", limit=1)         # builds the name index
            for iri in iris if iris is not None else busiest_curated_entities():
                store.entity(iri)
                store.neighbourhood(iri, hops=1)
        except Exception as err:   # a closed store (the explorer reloaded it), a lost server: no harm done
            log.info("cache warm-up stopped: %s: %s", type(err).__name__, err)

    thread = threading.Thread(target=run, name="kadrey-kg-warm-up", daemon=True)
    thread.start()
    return thread
