"""SHACL shapes: the shipped graphs conform; broken nodes fail with a message naming the node."""
from __future__ import annotations

import time

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from kadrey_kg.graph.base_graphs import curated_graph, ontology_graph
from kadrey_kg.graph.validate import validate
from kadrey_kg.ontology import KKG, KKGDOC, KKGID, sub_iri

DOC = KKGDOC["note-txt"]
MEG = KKGID["person/meg-example"]


def base_doc() -> Graph:
    """A small valid document graph: one document, one entity, one mention."""
    g = Graph()
    g.add((DOC, RDF.type, KKG.NewsArticle))
    g.add((DOC, KKG.contentHash, Literal("0" * 64)))
    g.add((MEG, RDF.type, KKG.Person))
    g.add((MEG, RDFS.label, Literal("Meg Example", lang="en")))
    g.add((MEG, KKG.machineTranslatedLabel, Literal("Meg Example", lang="fr")))
    m = sub_iri(DOC, "mention", 0, 11)
    g.add((m, RDF.type, KKG.Mention))
    g.add((m, KKG.sourceDocument, DOC))
    g.add((m, KKG.startOffset, Literal(0)))
    g.add((m, KKG.endOffset, Literal(11)))
    g.add((m, KKG.refersTo, MEG))
    return g


def messages_for(report, node) -> list[str]:
    return [r.message for r in report.results if r.focus == str(node)]


def test_curated_and_ontology_conform_fast():
    g = curated_graph() + ontology_graph()
    validate(g)  # warm up pyshacl imports and the shapes cache
    start = time.perf_counter()
    report = validate(g)
    elapsed = time.perf_counter() - start
    assert report.conforms, report.text()
    assert report.triples > 2000
    assert elapsed < 2.0, f"validation took {elapsed:.2f} s"


def test_small_valid_document_conforms():
    report = validate(base_doc())
    assert report.conforms, report.text()


def test_statement_without_speaker_names_the_statement():
    g = base_doc()
    st = sub_iri(DOC, "statement", "x")
    g.add((st, RDF.type, KKG.Statement))
    g.add((st, KKG.text, Literal("Selling access is not our business model.", lang="en")))
    g.add((st, KKG.sourceDocument, DOC))
    report = validate(g)
    assert not report.conforms
    assert any("kkg:speaker" in m for m in messages_for(report, st))
    assert str(st) in report.text() or "kkgdoc:note-txt/statement/" in report.text()


def test_statement_text_must_be_language_tagged():
    g = base_doc()
    st = sub_iri(DOC, "statement", "y")
    g.add((st, RDF.type, KKG.Statement))
    g.add((st, KKG.speaker, MEG))
    g.add((st, KKG.text, Literal("untagged")))
    g.add((st, KKG.sourceDocument, DOC))
    report = validate(g)
    assert any("language-tagged" in m for m in messages_for(report, st))


@pytest.mark.parametrize("standing, with_accuser, ok", [
    (KKG.AllegedByParty, True, True),
    (KKG.AllegedByParty, False, False),
    (KKG.FoundByCourt, False, False),
    (KKG.ReportedByPress, False, True),
])
def test_allegation_needs_an_accuser_unless_reported_by_press(standing, with_accuser, ok):
    g = base_doc()
    al = sub_iri(DOC, "allegation", str(standing))
    g.add((al, RDF.type, KKG.Allegation))
    g.add((al, KKG.allegedAgainst, MEG))
    g.add((al, KKG.text, Literal("Meg is said to have copied books.", lang="en")))
    g.add((al, KKG.standing, standing))
    g.add((al, KKG.sourceDocument, DOC))
    if with_accuser:
        g.add((al, KKG.allegedBy, KKGID["group/plaintiffs"]))
        g.add((KKGID["group/plaintiffs"], RDF.type, KKG.PartyGroup))
        g.add((KKGID["group/plaintiffs"], RDFS.label, Literal("the plaintiffs", lang="en")))
        g.add((KKGID["group/plaintiffs"], RDFS.label, Literal("les plaignants", lang="fr")))
    report = validate(g)
    assert report.conforms is ok, report.text()
    if not ok:
        assert any("kkg:allegedBy" in m for m in messages_for(report, al))


def test_allegation_standing_must_be_one_of_three():
    g = base_doc()
    al = sub_iri(DOC, "allegation", "bad")
    g.add((al, RDF.type, KKG.Allegation))
    g.add((al, KKG.allegedAgainst, MEG))
    g.add((al, KKG.text, Literal("x", lang="en")))
    g.add((al, KKG.standing, KKG.Rumour))
    g.add((al, KKG.sourceDocument, DOC))
    report = validate(g)
    assert any("standing" in m for m in messages_for(report, al))


def test_mention_offsets_pairs_order_and_names():
    g = base_doc()
    m = sub_iri(DOC, "mention", "broken")
    g.add((m, RDF.type, KKG.Mention))
    g.add((m, KKG.sourceDocument, DOC))
    g.add((m, KKG.refersTo, MEG))
    g.add((m, KKG.startOffset, Literal(9)))
    g.add((m, RDFS.label, Literal("Meg Example")))
    report = validate(g)
    msgs = messages_for(report, m)
    assert any("must come together (no kkg:endOffset)" in x for x in msgs)
    assert any("no rdfs:label" in x for x in msgs)
    g.remove((m, KKG.startOffset, None))
    assert any("needs kkg:startOffset and kkg:endOffset" in x for x in messages_for(validate(g), m))
    g.add((m, KKG.startOffset, Literal(9)))
    g.add((m, KKG.endOffset, Literal(3)))
    assert any("not after kkg:endOffset" in x for x in messages_for(validate(g), m))


def test_evidence_must_point_to_a_document():
    g = base_doc()
    ev = sub_iri(DOC, "evidence", "e")
    g.add((ev, RDF.type, KKG.RelationEvidence))
    g.add((ev, RDF.subject, MEG))
    g.add((ev, RDF.predicate, KKG.worksFor))
    g.add((ev, RDF.object, KKGID["org/meta-platforms"]))
    g.add((ev, KKG.sourceDocument, URIRef("http://example.org/not-a-document")))
    report = validate(g)
    assert any("kkg:Document" in m for m in messages_for(report, ev))


def test_entity_without_french_label_fails():
    g = base_doc()
    g.remove((MEG, KKG.machineTranslatedLabel, None))
    report = validate(g)
    assert messages_for(report, MEG) == ["entity has no French label (rdfs:label or kkg:machineTranslatedLabel @fr)"]


def test_dataset_is_validated_as_a_union_of_graphs():
    """A statement in a document graph may name a speaker defined in the curated graph."""
    ds = Dataset()
    doc_graph = ds.graph(DOC)
    for t in base_doc():
        doc_graph.add(t)
    st = sub_iri(DOC, "statement", "z")
    doc_graph.add((st, RDF.type, KKG.Statement))
    doc_graph.add((st, KKG.speaker, KKGID["person/mark-zuckerberg"]))
    doc_graph.add((st, KKG.text, Literal("x", lang="en")))
    doc_graph.add((st, KKG.statedOn, Literal("2024-07-23", datatype=XSD.date)))
    doc_graph.add((st, KKG.sourceDocument, DOC))
    curated = ds.graph(URIRef("https://w3id.org/kadrey-kg/graph/curated"))
    for t in curated_graph():
        curated.add(t)
    assert validate(ds).conforms
    # strictly alone, the document graph does not know the speaker is an Agent;
    # by default the curated entities it points to are context
    alone = Graph()
    for t in doc_graph:
        alone.add(t)
    strict = validate(alone, with_base=False)
    assert [r.focus for r in strict.results] == [str(st)]
    report = validate(alone)
    assert report.conforms, report.text()
    assert report.triples == len(alone)


def test_context_does_not_hide_problems_of_the_data():
    g = base_doc()
    st = sub_iri(DOC, "statement", "w")
    g.add((st, RDF.type, KKG.Statement))
    g.add((st, KKG.speaker, KKGID["dataset/books3"]))  # curated, but a Dataset is no Agent
    g.add((st, KKG.text, Literal("x", lang="en")))
    g.add((st, KKG.sourceDocument, DOC))
    report = validate(g)
    assert [r.focus for r in report.results] == [str(st)]
    assert "kkg:Agent" in report.results[0].message
