"""The vocabulary file: parses, defines every term of the architecture, labels each in FR and EN."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kadrey_kg.graph.base_graphs import BaseGraphError, ontology_graph, parse_turtle
from kadrey_kg.graph.validate import validate
from kadrey_kg.ontology import KKG, ONTOLOGY_TTL, PROV, SCHEMA, SHAPES_TTL, WDT

REPO = Path(__file__).resolve().parents[2]
ARCHITECTURE = REPO / "docs" / "architecture.md"


@pytest.fixture(scope="module")
def onto() -> Graph:
    # Read the Turtle itself (not a cached object) so the test sees exactly what ships.
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


def kkg_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(KKG))}


def test_turtle_files_parse():
    assert len(ontology_graph()) > 500
    assert len(parse_turtle(SHAPES_TTL)) > 100


def test_every_term_has_one_label_and_a_comment_per_language(onto):
    terms = kkg_terms(onto)
    assert len(terms) > 80
    problems = []
    for term in sorted(terms):
        for prop in (RDFS.label, RDFS.comment):
            langs = sorted(o.language or "" for o in onto.objects(term, prop))
            if langs != ["en", "fr"]:
                problems.append(f"{term} {prop}: {langs}")
    assert problems == []


def test_every_architecture_term_is_defined(onto):
    names = set(re.findall(r"\bkkg:([A-Za-z]\w*)", ARCHITECTURE.read_text(encoding="utf-8")))
    assert {"Statement", "sharesRevenueWith", "machineTranslatedLabel", "ReportedByPress"} <= names
    missing = sorted(n for n in names if (KKG[n], RDF.type, None) not in onto)
    assert missing == []


def test_properties_are_typed_and_classes_are_classes(onto):
    for term in kkg_terms(onto):
        types = set(onto.objects(term, RDF.type))
        local = str(term)[len(str(KKG)):]
        if local[0].islower():
            assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, local
        else:
            assert types & {OWL.Class, KKG.Standing}, local


def test_alignment_to_wikidata_prov_and_schema(onto):
    assert (KKG.plaintiff, OWL.equivalentProperty, WDT.P1620) in onto
    assert (KKG.defendant, OWL.equivalentProperty, WDT.P1591) in onto
    assert (KKG.judge, OWL.equivalentProperty, WDT.P1594) in onto
    assert (KKG.court, OWL.equivalentProperty, WDT.P4884) in onto
    assert (KKG.magistrateJudge, RDFS.subPropertyOf, KKG.judge) in onto
    assert (KKG.sourceDocument, RDFS.subPropertyOf, PROV.wasDerivedFrom) in onto
    assert (KKG.Document, RDFS.subClassOf, PROV.Entity) in onto
    assert (KKG.Person, RDFS.subClassOf, SCHEMA.Person) in onto
    assert set(onto.subjects(RDF.type, KKG.Standing)) == {KKG.AllegedByParty, KKG.FoundByCourt, KKG.ReportedByPress}


def test_ontology_header_is_bilingual_and_versioned(onto):
    header = URIRef("https://w3id.org/kadrey-kg/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert onto.value(header, OWL.versionInfo) is not None
    assert {o.language for o in onto.objects(header, RDFS.comment)} == {"fr", "en"}


def test_ontology_conforms_to_its_shapes():
    report = validate(ontology_graph())
    assert report.conforms, report.text()


def test_a_term_missing_its_french_label_fails_shacl():
    g = ontology_graph()
    g.remove((KKG.hosts, RDFS.label, None))
    report = validate(g)
    assert not report.conforms
    assert {r.focus for r in report.results} == {str(KKG.hosts)}
    assert any("French rdfs:label" in r.message for r in report.results)


def test_broken_turtle_names_file_line_and_column(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix kkg: <https://w3id.org/kadrey-kg/ontology#> .\n'
                   'kkg:A a kkg:B .\n'
                   'kkg:C kkg:d "never closed .\n', encoding="utf-8")
    with pytest.raises(BaseGraphError) as info:
        ontology_graph(bad)
    err = info.value
    assert err.path == bad and err.line == 3 and err.column is not None
    assert str(err).startswith(f"{bad}, line 3, column ")


def test_unbound_prefix_is_located(tmp_path):
    bad = tmp_path / "prefix.ttl"
    bad.write_text('@prefix kkg: <https://w3id.org/kadrey-kg/ontology#> .\n\nkkg:A nope:b kkg:C .\n', encoding="utf-8")
    with pytest.raises(BaseGraphError, match=r"line 3.*nope"):
        parse_turtle(bad)


def test_every_term_is_documented(onto):
    doc = (REPO / "docs" / "ontology.md").read_text(encoding="utf-8")
    undocumented = sorted(str(t)[len(str(KKG)):] for t in kkg_terms(onto) if f"`kkg:{str(t)[len(str(KKG)):]}`" not in doc)
    assert undocumented == []
