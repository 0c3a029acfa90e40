"""The RDF ↔ property-graph mapping without a server: rows, typed properties, export."""
from __future__ import annotations

import datetime as dt

from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kadrey_kg.graph.neo4j_mapping import (
    NodeState, build_dataset, derived_properties, graph_rows, node_record, typed_value,
)

from neo4j_fixture_rdf import DOC_A, LLAMA, META, graph_a, graphs


def _simulate(named: dict) -> tuple[list[dict], list[tuple]]:
    """What the writer stores, computed without Neo4j: node records and (s, p, o, graphs)."""
    states: dict[str, NodeState] = {}
    rels: dict[tuple, list] = {}
    for name, graph in named.items():
        rows = graph_rows(name, graph)
        for uri in rows.uris:
            state = states.setdefault(uri, NodeState(uri))
            state.graphs.add(name)
            state.lits.extend(rows.lits.get(uri, ()))
            state.types.extend(rows.types.get(uri, ()))
        for r in rows.rels:
            rels.setdefault((r["s"], r["iri"], r["o"]), []).append(name)
    nodes = [node_record(s)["props"] for s in states.values()]
    return nodes, [(s, p, o, g) for (s, p, o), g in rels.items()]


def test_export_of_the_stored_form_is_isomorphic_per_graph():
    named = graphs()
    nodes, rels = _simulate(named)
    ds = build_dataset(nodes, rels)
    for name, graph in named.items():
        assert isomorphic(ds.graph(URIRef(name)), graph), name


def test_only_requested_graphs_are_exported():
    nodes, rels = _simulate(graphs())
    ds = build_dataset(nodes, rels, {str(DOC_A)})
    assert {str(c.identifier) for c in ds.graphs() if len(c)} == {str(DOC_A)}


def test_typed_properties_for_cypher():
    record = node_record(_state(LLAMA))["props"]
    assert record["score"] == 0.5
    assert record["open"] is True
    assert record["released"] == dt.datetime(2023, 2, 24, 10, 0, tzinfo=dt.timezone.utc)
    assert record["regional_en_gb"] == "colour"
    assert record["custom"] == "x1"
    doc = node_record(_state(DOC_A))["props"]
    assert doc["datePublished"] == dt.date(2025, 3, 7)
    assert doc["docketEntry"] == 7 and "7" in doc["_v"]      # typed for queries, lexical kept for export
    assert doc["name_fr"] == "Un article de test"


def test_labels_per_language_and_aliases_always_lists():
    props = node_record(_state(META))["props"]
    assert props["label_en"] == "Meta Platforms" and props["label_fr"] == "Meta Platforms"
    assert sorted(props["alt_fr"]) == ["Facebook", "Méta"]
    assert "meta" in props["_norm"] and "meta platforms" in props["_norm"]


def test_node_labels_are_type_local_names():
    rec = node_record(_state(DOC_A))
    assert rec["labels"] == ["Document", "NewsArticle"]


def test_blank_nodes_get_stable_keys():
    first = graph_rows(str(DOC_A), graph_a())
    second = graph_rows(str(DOC_A), graph_a())          # new BNode ids, same structure
    assert {u for u in first.uris if u.startswith("_:")} == {u for u in second.uris if u.startswith("_:")}
    assert len([u for u in first.uris if u.startswith("_:")]) == 2


def test_unparseable_typed_literal_falls_back_to_lexical():
    assert typed_value("abc", str(XSD.integer)) == "abc"
    assert typed_value("2025-13-45", str(XSD.date)) == "2025-13-45"


def test_mixed_values_become_strings():
    state = NodeState("urn:x", lits=[("g", "urn:x#p", "1", str(XSD.integer), ""), ("g", "urn:x#p", "a", "", "")])
    assert sorted(derived_properties(state)["p"]) == ["1", "a"]


def _state(uri) -> NodeState:
    state = NodeState(str(uri))
    for name, graph in graphs().items():
        rows = graph_rows(name, graph)
        state.lits.extend(rows.lits.get(str(uri), ()))
        state.types.extend(rows.types.get(str(uri), ()))
        state.graphs.add(name)
    return state
