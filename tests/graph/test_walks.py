"""graph/walks.py on the embedded store: the per-relation cap of neighbourhoods, exact shortest
paths (checked against a brute-force enumeration on random graphs), the adjacency cache's
invalidation, and the evidence of a fact asserted by more documents than a fact shows."""
from __future__ import annotations

from collections import defaultdict

import pytest
from hub_graphs import HUB, PARTNER, doc_iri, evidence_span, hub_documents
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kadrey_kg.graph.embedded import EmbeddedStore
from kadrey_kg.graph.shaping import MAX_SOURCES_PER_FACT
from kadrey_kg.graph.walks import EDGES_PER_RELATION
from kadrey_kg.ontology import KKG, KKGDOC, KKGID
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

N_DOCS = 40  # more than both caps


@pytest.fixture(scope="module")
def hub_store(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("hub") / "store")
    store.replace_graphs(hub_documents(N_DOCS))
    yield store
    store.close()


def test_hub_neighbourhood_keeps_the_first_edges_of_each_relation(hub_store):
    sub = hub_store.neighbourhood(str(HUB), hops=1)
    assert sub.truncated
    alleged = sorted(e.subject for e in sub.edges if e.predicate == str(KKG.allegedAgainst))
    every = sorted(f"{doc_iri(i)}/allegation/1" for i in range(N_DOCS))
    assert alleged == every[:EDGES_PER_RELATION]
    assert {e.object for e in sub.edges if e.predicate == str(KKG.sharesRevenueWith)} == {str(PARTNER)}
    assert {n.iri for n in sub.nodes} == {str(HUB), str(PARTNER), *alleged}


def test_hub_fact_sources_are_the_first_documents_with_their_spans(hub_store):
    (edge,) = [e for e in hub_store.neighbourhood(str(HUB), hops=1).edges if e.predicate == str(KKG.sharesRevenueWith)]
    firsts = sorted(range(N_DOCS), key=lambda i: str(doc_iri(i)))[:MAX_SOURCES_PER_FACT]
    assert [(s.document, s.start, s.end) for s in edge.sources] == \
        [(str(doc_iri(i)), *evidence_span(i)) for i in firsts]
    card = hub_store.entity(str(HUB))
    (fact,) = [f for f in card.facts if f.predicate == str(KKG.sharesRevenueWith)]
    assert fact.sources == edge.sources


def test_a_write_is_seen_by_the_next_walk(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graphs(hub_documents(3))
    before = store.neighbourhood(str(HUB), hops=1)
    g = Graph()
    other = KKGID["org/new-partner"]
    g.add((other, RDF.type, KKG.Company))
    g.add((other, RDFS.label, Literal("New partner", lang="en")))
    g.add((HUB, KKG.sharesRevenueWith, other))
    store.replace_document(str(KKGDOC["late-doc"]), g)
    after = store.neighbourhood(str(HUB), hops=1)
    assert str(other) not in {n.iri for n in before.nodes}
    assert str(other) in {n.iri for n in after.nodes}
    store.remove_document(str(KKGDOC["late-doc"]))
    assert store.neighbourhood(str(HUB), hops=1) == before
    store.close()


# ---- exact shortest paths on random graphs -----------------------------------------------------------
NODES = [KKGID[f"org/n{i:02d}"] for i in range(10)]
PREDICATES = [KKG.partnerOf, KKG.owns, KKG.sharesRevenueWith]
edge_lists = st.lists(st.tuples(st.integers(0, 9), st.integers(0, 2), st.integers(0, 9)), max_size=25, unique=True)


def brute_force_paths(edges, source, target, max_hops, relations=None):
    """All shortest walks source→target over undirected edges, by plain BFS layers."""
    adj = defaultdict(set)
    for s, p, o in edges:
        if relations is None or p in relations:
            adj[s].add((o, (s, p, o)))
            adj[o].add((s, (s, p, o)))
    paths = [([source], [])]
    for _ in range(max_hops):
        paths = [(ns + [n], hs + [e]) for ns, hs in paths for n, e in adj[ns[-1]] if n not in ns]
        done = [p for p in paths if p[0][-1] == target]
        if done:
            return sorted(done)
    return []


@pytest.fixture(scope="module")
def random_store(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("random") / "store")
    yield store
    store.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edges=edge_lists, pair=st.tuples(st.integers(0, 9), st.integers(0, 9)), max_hops=st.integers(1, 5),
       only=st.sampled_from([None, (0, 1)]))
def test_shortest_paths_are_every_shortest_path(random_store, edges, pair, max_hops, only):
    g = Graph()
    for n in NODES:
        g.add((n, RDF.type, KKG.Company))
        g.add((n, RDFS.label, Literal(str(n)[-3:], lang="en")))
    triples = sorted({(str(NODES[s]), str(PREDICATES[p]), str(NODES[o])) for s, p, o in edges})
    for s, p, o in triples:
        g.add((URIRef(s), URIRef(p), URIRef(o)))
    random_store.replace_document(str(KKGDOC["random"]), g)
    source, target = str(NODES[pair[0]]), str(NODES[pair[1]])
    relations = [str(PREDICATES[i]) for i in only] if only else None
    got = random_store.shortest_paths(source, target, max_hops=max_hops, limit=10_000, relations=relations)
    shown = sorted(([n.iri for n in p.nodes], [(e.subject, e.predicate, e.object) for e in p.hops]) for p in got)
    if source == target:
        assert shown == [([source], [])]
    else:
        assert shown == brute_force_paths(triples, source, target, max_hops, set(relations) if relations else None)
