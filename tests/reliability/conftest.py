"""Fixtures of the reliability suite: real stores in temp folders, filled with a document whose
entities have hostile names (quotes, backslashes, query syntax) and, when the loaders are there,
with the real seed articles; a helper that snapshots a store's whole export for comparison."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import SKOS

from kadrey_kg.ontology import KKG, SCHEMA, document_iri, entity_iri, sub_iri

from .hostile import NASTY_NAMES

# The suite's examples are the same on every run (a gate must not turn red on a new random draw);
# KKG_FUZZ_RANDOM=1 explores new inputs, KKG_FUZZ_EXAMPLES sets how many. Anything exploration finds
# becomes an @example.
settings.register_profile(
    "reliability", max_examples=int(os.environ.get("KKG_FUZZ_EXAMPLES", "60")), deadline=None,
    derandomize=os.environ.get("KKG_FUZZ_RANDOM", "") not in ("1", "true", "yes"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
settings.load_profile("reliability")


def hostile_document() -> tuple[URIRef, Graph]:
    """A document graph shaped as the loaders write it (mentions with spans, a statement, an
    allegation, a relation with evidence) whose entity names are the nasty ones."""
    doc = document_iri("reliability-hostile-names.txt")
    names = [n.replace("\x00", "") for n in NASTY_NAMES]
    body = "\n".join(f"{n} a parlé de Meta." for n in names)
    g = Graph()
    g.add((doc, RDF.type, KKG.NewsArticle))
    g.add((doc, KKG.contentHash, Literal("0" * 64)))
    g.add((doc, KKG.fileName, Literal("reliability-hostile-names.txt")))
    g.add((doc, SCHEMA.name, Literal("Noms hostiles « \" \\ »", lang="fr")))
    g.add((doc, SCHEMA.inLanguage, Literal("fr")))
    g.add((doc, SCHEMA.datePublished, Literal("2025-03-20", datatype=XSD.date)))
    g.add((doc, KKG.kind, Literal("news")))
    g.add((doc, KKG.body, Literal(body)))
    meta = entity_iri("org", "Meta Platforms")
    g.add((meta, RDF.type, KKG.Company))
    g.add((meta, RDFS.label, Literal("Meta Platforms", lang="en")))
    offset = 0
    people = []
    for i, name in enumerate(names):
        kind = "person" if i % 2 == 0 else "org"
        ent = entity_iri(kind, name)
        people.append(ent)
        g.add((ent, RDF.type, KKG.Person if kind == "person" else KKG.Company))
        g.add((ent, RDFS.label, Literal(name, lang="fr")))
        g.add((ent, SKOS.altLabel, Literal(name + " \\\"alias\\\"", lang="en")))
        m = sub_iri(doc, "mention", offset, name)
        g.add((m, RDF.type, KKG.Mention))
        g.add((m, KKG.refersTo, ent))
        g.add((m, KKG.sourceDocument, doc))
        g.add((m, KKG.startOffset, Literal(offset)))
        g.add((m, KKG.endOffset, Literal(offset + len(name))))
        g.add((m, KKG.spanText, Literal(name)))
        g.add((doc, KKG.mentions, ent))
        g.add((ent, KKG.worksFor if kind == "person" else KKG.partnerOf, meta))
        offset += len(name) + len(" a parlé de Meta.\n")
    st = sub_iri(doc, "statement", names[0])
    g.add((st, RDF.type, KKG.Statement))
    g.add((st, KKG.speaker, people[0]))
    g.add((st, KKG.text, Literal(f"{names[1]} a parlé de Meta.", lang="fr")))
    g.add((st, KKG.isQuote, Literal(False)))
    g.add((st, KKG.about, meta))
    g.add((st, KKG.sourceDocument, doc))
    al = sub_iri(doc, "allegation", names[2])
    g.add((al, RDF.type, KKG.Allegation))
    g.add((al, KKG.allegedBy, people[2]))
    g.add((al, KKG.allegedAgainst, meta))
    g.add((al, KKG.text, Literal("Meta a \"copié\" des livres \\ piratés", lang="fr")))
    g.add((al, KKG.standing, KKG.ReportedByPress))
    g.add((al, KKG.sourceDocument, doc))
    return doc, g


def open_embedded(path: Path):
    from kadrey_kg.graph import open_store

    return open_store(str(path))            # a fresh store gets the ontology and curated graphs


def backends() -> list:
    return [pytest.param("embedded", id="embedded"),
            pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j)]


def open_backend(kind: str, tmp_path: Path):
    """The embedded store in a temp folder, or the Neo4j at $NEO4J_URI (CI starts one)."""
    if kind == "embedded":
        return open_embedded(tmp_path / "store")
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("needs a running Neo4j server (NEO4J_URI)")
    from kadrey_kg.graph import StoreUnavailable, open_store
    try:
        return open_store(uri)
    except StoreUnavailable as err:
        pytest.skip(f"Neo4j at {uri} unavailable: {err}")


@pytest.fixture(params=backends())
def hostile_store(request, tmp_path):
    """A real store holding the base graphs and the hostile-names document (removed afterwards,
    so a shared Neo4j is left as it was found)."""
    store = open_backend(request.param, tmp_path)
    doc, graph = hostile_document()
    store.replace_document(str(doc), graph)
    yield store
    store.remove_document(str(doc))
    store.close()


def snapshot(store) -> dict[str, Graph]:
    """Every named graph of the store's export, canonicalised (rdflib.compare.to_isomorphic)."""
    ds = store.dataset()
    return {str(g.identifier): to_isomorphic(g) for g in ds.graphs() if len(g)}


def same_snapshot(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(a[k] == b[k] for k in a)
