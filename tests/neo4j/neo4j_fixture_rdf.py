"""Small named graphs that exercise every corner of the mapping (written for these tests, no
third-party text): language tags, datatypes (canonical or not), the same triple in two graphs,
nodes shared between documents, a self loop, blank nodes, several types per node."""
from __future__ import annotations

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kadrey_kg.ontology import KKG, KKGDOC, KKGID, SCHEMA

EX = Namespace("https://example.org/vocab/")
DOC_A = KKGDOC["fixture-a"]
DOC_B = KKGDOC["fixture-b"]
META = KKGID["org/fixture-meta"]
ZUCK = KKGID["person/fixture-ceo"]
LLAMA = KKGID["model/fixture-llama"]


def graph_a() -> Graph:
    g = Graph()
    g.add((DOC_A, RDF.type, KKG.NewsArticle))
    g.add((DOC_A, RDF.type, KKG.Document))
    g.add((DOC_A, SCHEMA.name, Literal("Un article de test", lang="fr")))
    g.add((DOC_A, SCHEMA.datePublished, Literal("2025-03-07", datatype=XSD.date)))
    g.add((DOC_A, KKG.pageCount, Literal(3, datatype=XSD.integer)))
    g.add((DOC_A, KKG.docketEntry, Literal("007", datatype=XSD.integer)))     # rdflib normalizes it to "7"
    g.add((DOC_A, KKG.contentHash, Literal("a" * 64)))
    g.add((DOC_A, KKG.fileName, Literal("a.txt", datatype=XSD.string)))        # explicit xsd:string
    g.add((DOC_A, SCHEMA.url, URIRef("https://example.org/a")))
    g.add((META, RDF.type, KKG.Company))
    g.add((META, RDFS.label, Literal("Meta Platforms", lang="en")))
    g.add((META, RDFS.label, Literal("Meta Platforms", lang="fr")))
    g.add((META, SKOS.altLabel, Literal("Méta", lang="fr")))
    g.add((META, SKOS.altLabel, Literal("Facebook", lang="fr")))
    g.add((META, KKG.sharesRevenueWith, META))                                  # self loop
    g.add((ZUCK, RDF.type, KKG.Person))
    g.add((ZUCK, RDFS.label, Literal("Fixture CEO")))
    g.add((ZUCK, KKG.ceoOf, META))
    g.add((META, KKG.develops, LLAMA))
    g.add((LLAMA, RDF.type, KKG.AIModel))
    g.add((LLAMA, EX.score, Literal("0.5", datatype=XSD.decimal)))
    g.add((LLAMA, EX.released, Literal("2023-02-24T10:00:00Z", datatype=XSD.dateTime)))
    g.add((LLAMA, EX.open, Literal("true", datatype=XSD.boolean)))
    g.add((LLAMA, EX.custom, Literal("x1", datatype=EX.MyType)))
    g.add((LLAMA, EX.regional, Literal("colour", lang="en-GB")))
    node = BNode()
    g.add((LLAMA, EX.variant, node))
    g.add((node, RDFS.label, Literal("blank variant", lang="en")))
    g.add((node, EX.next, BNode()))
    return g


def graph_b() -> Graph:
    g = Graph()
    g.add((DOC_B, RDF.type, KKG.CourtOrder))
    g.add((DOC_B, SCHEMA.name, Literal("A test order", lang="en")))
    g.add((DOC_B, KKG.contentHash, Literal("b" * 64)))
    g.add((META, RDF.type, KKG.Company))                          # same triple as in graph A
    g.add((META, RDFS.label, Literal("Meta Platforms", lang="en")))
    g.add((ZUCK, KKG.ceoOf, META))
    g.add((META, RDF.type, KKG.Organization))
    g.add((META, KKG.wikidata, URIRef("http://www.wikidata.org/entity/Q380")))
    g.add((DOC_B, KKG.mentions, META))
    return g


def graphs() -> dict[str, Graph]:
    return {str(DOC_A): graph_a(), str(DOC_B): graph_b()}


def big_graph(doc: URIRef, n: int) -> Graph:
    """A document graph with `n` mention-like nodes: enough to span many write batches."""
    g = Graph()
    g.add((doc, RDF.type, KKG.CourtFiling))
    for i in range(n):
        m = URIRef(f"{doc}/mention/{i:06d}")
        g.add((m, RDF.type, KKG.Mention))
        g.add((m, KKG.sourceDocument, doc))
        g.add((m, KKG.refersTo, META))
        g.add((m, KKG.startOffset, Literal(i * 10, datatype=XSD.integer)))
        g.add((m, KKG.spanText, Literal(f"mention {i}", lang="en")))
    return g
