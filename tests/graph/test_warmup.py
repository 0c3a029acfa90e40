"""graph/warmup.py and the entity-card cache it fills: which entities it picks, that a warmed card
is the card a fresh store computes, that a write is seen by the next card, and that a warm-up on a
store that goes away ends quietly."""
from __future__ import annotations

import logging

from hub_graphs import HUB, hub_documents
from kadrey_kg.graph.embedded import EmbeddedStore
from kadrey_kg.graph.warmup import busiest_curated_entities, warm_up
from kadrey_kg.ontology import KKG, KKGDOC, KKGID
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS


def test_the_busiest_curated_entities_start_with_the_case():
    picked = busiest_curated_entities(5)
    assert len(picked) == 5 and len(set(picked)) == 5
    assert all(iri.startswith(str(KKGID)) for iri in picked)
    # the case links its parties, judges, court and events: no curated entity has more links
    assert picked[0] == str(KKGID["case/kadrey-v-meta"])
    assert str(KKGID["org/meta-platforms"]) in picked


def test_warm_up_builds_the_cards_a_fresh_store_would(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graphs(hub_documents(30))
    warm_up(store, [str(HUB)]).join(30)
    computed = []
    original = store._entity_card
    store._entity_card = lambda iri: computed.append(iri) or original(iri)
    warmed = store.entity(str(HUB))
    assert computed == [], "the warmed card was computed again"
    store.close()
    fresh = EmbeddedStore(tmp_path / "store", read_only=True)
    assert fresh.entity(str(HUB)) == warmed
    fresh.close()


def test_a_write_is_seen_by_the_next_card(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graphs(hub_documents(3))
    before = store.entity(str(HUB))
    g = Graph()
    g.add((HUB, RDF.type, KKG.Company))
    g.add((HUB, SKOS.altLabel, Literal("HubCo", lang="en")))
    store.replace_document(str(KKGDOC["rename"]), g)
    after = store.entity(str(HUB))
    assert "HubCo" not in before.aliases.get("en", [])
    assert "HubCo" in after.aliases["en"]
    store.remove_document(str(KKGDOC["rename"]))
    assert store.entity(str(HUB)) == before
    store.close()


def test_a_warm_up_on_a_closed_store_ends_quietly(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="kadrey_kg.graph.warmup")
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graphs(hub_documents(3))
    store.close()
    thread = warm_up(store, [str(HUB)])
    thread.join(30)
    assert not thread.is_alive()
    assert "cache warm-up stopped" in caplog.text
