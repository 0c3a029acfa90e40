"""Writing named graphs to a real Neo4j and reading them back: lossless, idempotent, replaceable."""
from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kadrey_kg.ontology import CURATED_GRAPH, KKG, ONTOLOGY_GRAPH

from neo4j_testkit import assert_same, counts, open_neo4j
from neo4j_fixture_rdf import DOC_A, DOC_B, LLAMA, META, ZUCK, graph_a, graph_b, graphs


def test_round_trip_is_isomorphic_per_graph(neo4j_store):
    neo4j_store.replace_graphs(graphs())
    assert_same(neo4j_store, graphs())


def test_round_trip_of_the_base_graphs(neo4j_store):
    from kadrey_kg.graph.base_graphs import curated_graph, ontology_graph

    base = {str(ONTOLOGY_GRAPH): ontology_graph(), str(CURATED_GRAPH): curated_graph()}
    neo4j_store.replace_graphs(base)
    assert_same(neo4j_store, base)


def test_rewrite_is_idempotent(neo4j_store):
    neo4j_store.replace_graphs(graphs())
    before = counts(neo4j_store)
    neo4j_store.replace_graphs(graphs())
    neo4j_store.replace_document(str(DOC_A), graph_a())
    assert counts(neo4j_store) == before
    assert_same(neo4j_store, graphs())


def test_replacing_one_document_leaves_the_other_alone(neo4j_store):
    neo4j_store.replace_graphs(graphs())
    edited = graph_a()
    edited.remove((META, RDFS.label, Literal("Meta Platforms", lang="fr")))
    edited.remove((META, KKG.develops, LLAMA))
    for triple in list(edited):
        if triple[0] == LLAMA or isinstance(triple[0], BNode):
            edited.remove(triple)
    edited.add((META, RDFS.label, Literal("Meta (nouveau nom)", lang="fr")))
    neo4j_store.replace_document(str(DOC_A), edited)
    assert_same(neo4j_store, {str(DOC_A): edited, str(DOC_B): graph_b()})
    # Llama and the blank nodes only lived in document A: they are gone, not left as orphans.
    assert not neo4j_store._read("MATCH (n:Resource {uri: $u}) RETURN n", u=str(LLAMA))
    assert not neo4j_store._read("MATCH (n:Resource) WHERE n.uri STARTS WITH '_:' RETURN n")
    meta = neo4j_store._read("MATCH (n:Resource {uri: $u}) RETURN n.label_fr AS fr, n.label_en AS en", u=str(META))[0]
    assert meta == {"fr": "Meta (nouveau nom)", "en": "Meta Platforms"}


def test_a_triple_in_two_graphs_survives_removing_one(neo4j_store):
    neo4j_store.replace_graphs(graphs())
    assert neo4j_store.remove_document(str(DOC_A)) is True
    assert neo4j_store.remove_document(str(DOC_A)) is False
    assert_same(neo4j_store, {str(DOC_B): graph_b()})
    rel = neo4j_store._read("MATCH (:Resource {uri: $z})-[r:ceoOf]->(:Resource {uri: $m}) RETURN r.graphs AS g",
                            z=str(ZUCK), m=str(META))
    assert rel == [{"g": [str(DOC_B)]}]
    labels = neo4j_store._read("MATCH (n:Resource {uri: $m}) RETURN labels(n) AS l", m=str(META))[0]["l"]
    assert sorted(labels) == ["Company", "Organization", "Resource"]


def test_types_become_labels_and_relationships_keep_the_predicate(neo4j_store):
    neo4j_store.replace_graphs(graphs())
    row = neo4j_store._read(
        "MATCH (p:Person)-[r:ceoOf]->(c:Company) RETURN p.uri AS p, r.iri AS iri, r.ns AS ns, c.alt_fr AS alt")[0]
    assert row["p"] == str(ZUCK) and row["iri"] == str(KKG.ceoOf) and row["ns"] == str(KKG)
    assert sorted(row["alt"]) == ["Facebook", "Méta"]


def test_french_full_text_index_stems(neo4j_store):
    neo4j_store.replace_graphs(graphs())
    import time
    for _ in range(50):  # full-text indexes are eventually consistent
        rows = neo4j_store._read("CALL db.index.fulltext.queryNodes('kkg_names_fr', 'meta') YIELD node RETURN node.uri AS u")
        if rows:
            break
        time.sleep(0.1)
    assert [r["u"] for r in rows] == [str(META)]


def test_document_hash(neo4j_store):
    neo4j_store.replace_graphs(graphs())
    assert neo4j_store.document_hash(str(DOC_A)) == "a" * 64
    assert neo4j_store.document_hash("https://w3id.org/kadrey-kg/doc/none") is None


def test_concurrent_writers_sharing_nodes_lose_nothing(neo4j_server, neo4j_store):
    """Two processes ingesting documents that mention the same entities: both contributions stay."""
    import threading

    errors = []

    def write(name, graph):
        try:
            with open_neo4j(neo4j_server) as store:
                for _ in range(3):
                    store.replace_document(name, graph)
        except Exception as err:  # surfaced by the assert below
            errors.append(err)

    threads = [threading.Thread(target=write, args=(name, g)) for name, g in graphs().items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert_same(neo4j_store, graphs())


def test_open_store_loads_the_base_graphs_once(neo4j_server, neo4j_store, monkeypatch):
    from kadrey_kg.graph import open_store

    monkeypatch.setenv("NEO4J_USER", neo4j_server.cfg.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.cfg.password)
    with open_store(neo4j_server.cfg.uri) as store:
        assert store.kind == "neo4j"
        graphs_loaded = set(store.named_graphs())
        assert {str(ONTOLOGY_GRAPH), str(CURATED_GRAPH)} <= graphs_loaded
        generation = store.generation
        store.ensure_base()                      # unchanged fingerprint: nothing rewritten
        assert store.generation == generation
        assert store.stats().entities > 10


def test_named_graph_index_follows_writes_and_is_built_for_older_databases(neo4j_server, neo4j_store):
    def index():
        return {r["g"]: sorted(r["u"]) for r in neo4j_store._read("MATCH (x:NamedGraph) RETURN x.name AS g, x.uris AS u")}

    def members():  # the truth the index must match: every node's own graph list
        out: dict[str, list] = {}
        for r in neo4j_store._read("MATCH (n:Resource) UNWIND n._graphs AS g RETURN g, n.uri AS u ORDER BY u"):
            out.setdefault(r["g"], []).append(r["u"])
        return out

    neo4j_store.replace_graphs(graphs())
    assert index() == members() and set(index()) == {str(DOC_A), str(DOC_B)}
    neo4j_store.remove_document(str(DOC_B))
    assert index() == members() and set(index()) == {str(DOC_A)}
    assert neo4j_store.named_graphs() == [str(DOC_A)]
    # a database written before the index existed: no :NamedGraph nodes, no schema marker
    neo4j_store.replace_document(str(DOC_B), graph_b())
    before = counts(neo4j_store)
    neo4j_store._write(lambda tx: tx.run("MATCH (x:NamedGraph|KadreyKGSchema) DELETE x").consume())
    with open_neo4j(neo4j_server) as reopened:
        assert index() == members()
        reopened.replace_graphs(graphs())   # replaces, no duplicates: it found what each graph touched
        assert counts(reopened) == before
        assert_same(reopened, graphs())


def test_types_and_predicates_that_are_not_plain_identifiers(neo4j_store):
    """Plain names go into the statement text, others through `$(...)`: both must round-trip, and a
    name shaped like Cypher must stay a name (brackets, quotes, a keyword)."""
    ns = "https://example.org/odd#"
    doc = "https://w3id.org/kadrey-kg/doc/odd-names"
    g = Graph()
    odd_type = URIRef(ns + "Evil]-(n);DETACH_DELETE(n)'x")
    for i, (cls, pred) in enumerate([(URIRef(ns + "Match"), URIRef(ns + "set")),
                                     (odd_type, URIRef(ns + "rel-with.dash:%20(x)")),
                                     (URIRef(ns + "Personne_é"), URIRef(ns + "ünïcode"))]):
        s, o = URIRef(f"{ns}s{i}"), URIRef(f"{ns}o{i}")
        g.add((s, RDFS.label, Literal(f"s{i}", lang="en")))
        g.add((s, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), cls))
        g.add((s, pred, o))
    neo4j_store.replace_graphs({**graphs(), doc: g})
    assert_same(neo4j_store, {**graphs(), doc: g})
    labels = {r["l"] for r in neo4j_store._read("MATCH (n:Resource) UNWIND labels(n) AS l RETURN DISTINCT l")}
    assert {"Match", "Evil]-(n);DETACH_DELETE(n)'x", "Personne_é"} <= labels
    types = {r["t"] for r in neo4j_store._read("MATCH ()-[r]->() RETURN DISTINCT type(r) AS t")}
    assert {"set", "rel-with.dash:%20(x)", "ünïcode"} <= types
