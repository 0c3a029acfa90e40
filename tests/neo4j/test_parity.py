"""Both stores, loaded with the same data, answer every query of graph/base.py identically.

The data: the ontology and curated graphs plus the shared seeds and English court orders run
through the real loader pipeline into an embedded store, then synced into Neo4j with `sync`
(the code path of `kadrey-kg sync`). SHACL validation is off here: this suite compares stores,
not extraction quality (tests/loaders_* do that).
"""
from __future__ import annotations

import pytest

from kadrey_kg.graph.embedded import EmbeddedStore
from kadrey_kg.graph.neo4j_store import sync
from kadrey_kg.ontology import KKG

from neo4j_testkit import open_neo4j, wipe

pytestmark = pytest.mark.slow

PER_ENTITY = ("entity", "statements_by", "statements_about", "allegations_against", "allegations_by",
              "documents_mentioning", "timeline", "document")


@pytest.fixture(scope="module")
def stores(neo4j_server, _wipe_allowed, shared_dir, tmp_path_factory):
    from kadrey_kg.loaders.ingest import ingest

    embedded = EmbeddedStore(tmp_path_factory.mktemp("embedded") / "store")
    embedded.ensure_base()
    results = list(ingest([shared_dir / "seeds", shared_dir / "corpus" / "en"], embedded, validate=False))
    failed = [r for r in results if not r.ok]
    assert not failed, [r.error for r in failed]
    neo = open_neo4j(neo4j_server)
    wipe(neo)
    counts = sync(embedded, neo)
    assert len(counts) == len(results) + 2          # documents + ontology + curated
    yield embedded, neo
    neo.close()
    embedded.close()


@pytest.fixture(scope="module")
def subjects(stores):
    embedded, _ = stores
    rows = embedded._select(
        "SELECT DISTINCT ?s WHERE { ?s a ?t FILTER(isIRI(?s) && !STRSTARTS(STR(?s), STR(?kkg))) }", kkg=KKG[""])
    return sorted(r[0] for r in rows)


def test_export_is_isomorphic(stores):
    from rdflib.compare import isomorphic

    embedded, neo = stores
    a, b = embedded.dataset(), neo.dataset()
    names = {str(c.identifier) for c in a.graphs() if len(c)}
    assert names == {str(c.identifier) for c in b.graphs() if len(c)}
    for name in names:
        assert isomorphic(a.graph(name), b.graph(name)), name


def test_stats_documents_labels(stores, subjects):
    embedded, neo = stores
    assert neo.stats() == embedded.stats()
    assert neo.documents() == embedded.documents()
    assert neo.labels(subjects) == embedded.labels(subjects)
    assert neo.timeline() == embedded.timeline()


@pytest.mark.parametrize("text", ["meta", "Zuckerberg", "kadrey", "llama", "chhabria", "plaint", "cour", "a", "É", ""])
def test_search(stores, text):
    embedded, neo = stores
    assert neo.search(text) == embedded.search(text)


@pytest.mark.parametrize("method", PER_ENTITY)
def test_per_entity_queries(stores, subjects, method):
    embedded, neo = stores
    assert len(subjects) > 50
    for iri in subjects:
        assert getattr(neo, method)(iri) == getattr(embedded, method)(iri), f"{method}({iri})"


def test_neighbourhood_and_paths(stores, subjects):
    embedded, neo = stores
    entities = [s for s in subjects if "/id/" in s]
    for iri in entities[::3]:
        assert neo.neighbourhood(iri, hops=2) == embedded.neighbourhood(iri, hops=2), iri
    assert neo.neighbourhood(entities[0], hops=1, relations=["plaintiff", "defendant"]) == \
        embedded.neighbourhood(entities[0], hops=1, relations=["plaintiff", "defendant"])
    for a, b in zip(entities[::7], entities[3::7]):
        assert neo.shortest_paths(a, b) == embedded.shortest_paths(a, b), (a, b)


@pytest.mark.parametrize("method", PER_ENTITY + ("neighbourhood",))
def test_invalid_iris_are_refused_alike(stores, method):
    from kadrey_kg.graph.errors import InvalidIRI

    for store in stores:
        with pytest.raises(InvalidIRI, match="not a valid IRI"):
            getattr(store, method)("https://x/a b> } DETACH DELETE n //")
    for store in stores:
        with pytest.raises(InvalidIRI):
            store.labels(["<bad>"])
        with pytest.raises(InvalidIRI):
            store.neighbourhood("https://w3id.org/kadrey-kg/id/org/meta-platforms", relations=["bad name"])
