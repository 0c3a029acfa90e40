"""Hubs on both stores: a fact asserted by more documents than a fact shows, and an entity with
more edges of one relation than a neighbourhood shows, give the same answers on Neo4j and on the
embedded store (the sources and the per-relation cut are computed inside each store's queries)."""
from __future__ import annotations

from hub_graphs import HUB, PARTNER, hub_documents
from kadrey_kg.graph.embedded import EmbeddedStore
from kadrey_kg.graph.shaping import MAX_SOURCES_PER_FACT
from kadrey_kg.ontology import KKG

N_DOCS = 40


def test_hub_queries_agree(neo4j_store, tmp_path):
    embedded = EmbeddedStore(tmp_path / "store")
    docs = hub_documents(N_DOCS)
    embedded.replace_graphs(docs)
    neo4j_store.replace_graphs(docs)
    try:
        card = neo4j_store.entity(str(HUB))
        assert card == embedded.entity(str(HUB))
        (fact,) = [f for f in card.facts if f.predicate == str(KKG.sharesRevenueWith)]
        assert len(fact.sources) == MAX_SOURCES_PER_FACT and all(s.start is not None for s in fact.sources)
        for hops in (1, 2):
            assert neo4j_store.neighbourhood(str(HUB), hops=hops) == embedded.neighbourhood(str(HUB), hops=hops)
        accuser = next(n.iri for n in embedded.neighbourhood(str(HUB), hops=2).nodes if "/person/" in n.iri)
        assert neo4j_store.shortest_paths(accuser, str(PARTNER)) == embedded.shortest_paths(accuser, str(PARTNER))
    finally:
        embedded.close()
