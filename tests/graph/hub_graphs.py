"""Synthetic document graphs around one hub entity (written for these tests, no third-party text):
the hub is alleged against in every document and shares revenue with a partner, each document
giving that fact its own evidence span, as the loaders do."""
from __future__ import annotations

from kadrey_kg.ontology import KKG, KKGDOC, KKGID
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

HUB = KKGID["org/hub-corp"]
PARTNER = KKGID["org/partner-cloud"]


def doc_iri(i: int) -> URIRef:
    return KKGDOC[f"hub-doc-{i:03d}"]


def evidence_span(i: int) -> tuple[int, int]:
    return 10 + i, 30 + i


def hub_document(i: int) -> Graph:
    doc, g = doc_iri(i), Graph()
    g.add((doc, RDF.type, KKG.NewsArticle))
    for iri, cls, name in ((HUB, KKG.Company, "Hub Corp"), (PARTNER, KKG.Company, "Partner Cloud")):
        g.add((iri, RDF.type, cls))
        for lang in ("en", "fr"):
            g.add((iri, RDFS.label, Literal(name, lang=lang)))
    accuser = KKGID[f"person/accuser-{i:03d}"]
    allegation = URIRef(f"{doc}/allegation/1")
    g.add((accuser, RDF.type, KKG.Person))
    g.add((accuser, RDFS.label, Literal(f"Accuser {i}", lang="en")))
    g.add((allegation, RDF.type, KKG.Allegation))
    g.add((allegation, KKG.allegedBy, accuser))
    g.add((allegation, KKG.allegedAgainst, HUB))
    g.add((allegation, KKG.sourceDocument, doc))
    g.add((HUB, KKG.sharesRevenueWith, PARTNER))
    start, end = evidence_span(i)
    ev = URIRef(f"{doc}/evidence/1")
    g.add((ev, RDF.type, KKG.RelationEvidence))
    g.add((ev, RDF.subject, HUB))
    g.add((ev, RDF.predicate, KKG.sharesRevenueWith))
    g.add((ev, RDF.object, PARTNER))
    g.add((ev, KKG.sourceDocument, doc))
    g.add((ev, KKG.startOffset, Literal(start, datatype=XSD.integer)))
    g.add((ev, KKG.endOffset, Literal(end, datatype=XSD.integer)))
    return g


def hub_documents(n: int) -> dict[str, Graph]:
    # written in a shuffled order, so nothing depends on insertion order
    return {str(doc_iri(i)): hub_document(i) for i in sorted(range(n), key=lambda i: (i * 37) % n)}
