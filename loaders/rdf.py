"""The `to_rdf` component: a document's named graph, every node traced to a character span.

No blank nodes: sub-nodes get `sub_iri(doc.iri, kind, ...content...)`, so the same input gives
the same graph. Known (curated) entities are only referenced; new entities carry their names
(a person's or organisation's name is the same in French and English, so both labels are the
name; other labels missing in a language come from `doc.translations` as machine-translated).
"""
from __future__ import annotations

import json
import re

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kadrey_kg.ontology import KKG, PREFIXES, SCHEMA, entity_iri, sub_iri

from .errors import LoaderError
from .gazetteer import case_number_key, default_gazetteer
from .linking import canonical_name, canonical_org
from .nlp import lang_at
from .pipeline import Doc, component

DOC_CLASS = {"news": KKG.NewsArticle, "court-order": KKG.CourtOrder, "filing": KKG.CourtFiling,
             "blog": KKG.BlogPost, "law-firm-note": KKG.LawFirmNote, "case-note": KKG.CaseNote,
             "transcript": KKG.Transcript}
KIND_CLASS = {"person": KKG.Person, "org": KKG.Organization, "court": KKG.Court, "case": KKG.LegalCase,
              "model": KKG.AIModel, "dataset": KKG.Dataset, "product": KKG.Product, "claim": KKG.LegalClaim,
              "event": KKG.Event, "group": KKG.PartyGroup}
# Proper names: the same string labels the entity in both languages (not a translation).
NAME_KINDS = {"person", "org", "court", "case", "model", "dataset", "product"}
LANGS = ("fr", "en")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: str | None, partial: bool = False) -> Literal | None:
    """xsd:date for a full ISO date; with `partial`, "2024-04" → xsd:gYearMonth and "2024" →
    xsd:gYear ("en avril 2024" is all a text may say)."""
    if not value:
        return None
    if ISO_DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if partial and re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if partial and re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return None


def _provenance(g: Graph, node: URIRef, doc: Doc, start: int, end: int) -> None:
    g.add((node, KKG.sourceDocument, doc.iri))
    g.add((node, KKG.startOffset, Literal(start, datatype=XSD.integer)))
    g.add((node, KKG.endOffset, Literal(end, datatype=XSD.integer)))
    g.add((node, KKG.spanText, Literal(doc.text[start:end])))


def _translation(g: Graph, node: URIRef, text: str, doc: Doc, prop=KKG.machineTranslation) -> None:
    if text not in doc.translations:
        return
    mt = doc.translations[text]
    if mt is None:
        g.add((node, KKG.untranslated, Literal(True)))
    elif mt.get("text"):
        g.add((node, prop, Literal(mt["text"], lang=mt.get("lang"))))
        if mt.get("engine"):
            g.add((node, KKG.translationEngine, Literal(mt["engine"])))


def document_node(g: Graph, doc: Doc) -> None:
    d, meta = doc.iri, doc.meta
    g.add((d, RDF.type, DOC_CLASS.get(meta.kind, KKG.Document)))
    g.add((d, KKG.kind, Literal(meta.kind)))
    g.add((d, KKG.fileName, Literal(meta.file_name or doc.path.name)))
    if meta.content_hash:
        g.add((d, KKG.contentHash, Literal(meta.content_hash)))
    if meta.title:
        g.add((d, SCHEMA.name, Literal(meta.title)))
    if lang := doc.lang or meta.language:
        g.add((d, SCHEMA.inLanguage, Literal(lang)))
    if date := _date(meta.date):
        g.add((d, SCHEMA.datePublished, date))
    if date := _date(meta.filed_date):
        g.add((d, KKG.filedDate, date))
    if meta.url:
        g.add((d, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI)))  # as the curated manifest writes it
    if meta.case_number:
        g.add((d, KKG.caseNumber, Literal(meta.case_number)))
    if meta.docket_entry:
        g.add((d, KKG.docketEntry, Literal(str(meta.docket_entry))))
    if meta.page_count is not None:
        g.add((d, KKG.pageCount, Literal(meta.page_count, datatype=XSD.integer)))
    g.add((d, KKG.body, Literal(doc.text)))
    runs = [[p.start, p.end, p.lang] for p in doc.paragraphs]
    g.add((d, KKG.paragraphLanguages, Literal(json.dumps(runs), datatype=RDF.JSON)))
    publisher(g, doc)
    for case in filed_in(doc):
        g.add((d, KKG.filedIn, case))


def publisher(g: Graph, doc: Doc) -> None:
    """`kkg:publisherName` always; `kkg:publishedBy` the known court/org, or the new organisation
    `link` made when the text names the publisher."""
    name = doc.meta.publisher
    if not name:
        return
    g.add((doc.iri, KKG.publisherName, Literal(name)))
    gaz = default_gazetteer()
    iri = gaz.lookup(name, "court") or gaz.lookup(name, "org")
    if iri is None and entity_iri("org", canonical_org(name)) in doc.entities:  # named in the text
        iri = entity_iri("org", canonical_org(name))
    if iri is not None:
        g.add((doc.iri, KKG.publishedBy, iri))


def filed_in(doc: Doc) -> list[URIRef]:
    """The case a court document belongs to: by its case number, or a caption/number in its text."""
    gaz = default_gazetteer()
    cases = set()
    if doc.meta.case_number and (key := case_number_key(doc.meta.case_number)) in gaz.case_numbers:
        cases.add(gaz.case_numbers[key])
    if doc.meta.kind in ("court-order", "filing", "transcript"):
        head = min(len(doc.text), 1500)  # the caption is at the top of the first page
        for m in doc.mentions:
            if m.start < head and m.entity is not None and _kind(doc, m.entity) == "case" and case_number_key(m.text):
                cases.add(m.entity)
    return sorted(cases)


def _kind(doc: Doc, iri: URIRef) -> str:
    ent = doc.entities.get(iri)
    return ent.kind if ent else default_gazetteer().kinds.get(iri, "")


def entity_nodes(g: Graph, doc: Doc) -> None:
    for iri, ent in sorted(doc.entities.items()):
        g.add((doc.iri, KKG.mentions, iri))
        if ent.known:
            continue
        name = canonical_name(ent)
        if ent.kind == "document":  # a document the text cites: a title, not an entity name
            cited_document(g, doc, iri, ent, name)
            continue
        g.add((iri, RDF.type, KIND_CLASS.get(ent.kind, KKG.Agent)))
        label_langs = set()
        if ent.kind in NAME_KINDS:
            for lang in LANGS:
                g.add((iri, RDFS.label, Literal(name, lang=lang)))
                label_langs.add(lang)
        else:  # a description-like name: label in the language it was written in, MT for the other
            langs = sorted({lang for lang, ns in ent.names.items() if lang and name in ns}) or [doc.lang or "en"]
            for lang in langs:
                g.add((iri, RDFS.label, Literal(name, lang=lang)))
            _translation(g, iri, name, doc, KKG.machineTranslatedLabel)
            if doc.translations.get(name) is None:
                # No model (or nothing to translate with): the name as written labels the other
                # language too, flagged kkg:untranslated, so the document is still stored whole.
                for lang in LANGS:
                    if lang not in langs:
                        g.add((iri, RDFS.label, Literal(name, lang=lang)))
                g.add((iri, KKG.untranslated, Literal(True)))
        for lang, names in ent.names.items():
            for n in names:
                if lang and n != name:
                    g.add((iri, SKOS.altLabel, Literal(n, lang=lang)))


def cited_document(g: Graph, doc: Doc, iri: URIRef, ent, name: str) -> None:
    """A document the text cites or reports on: its description as schema:name (other wordings as
    schema:alternateName), what it is about, who published it, the case it was filed in."""
    g.add((iri, RDF.type, KKG.Document))
    langs = sorted({lang for lang, ns in ent.names.items() if lang and name in ns}) or [doc.lang or "en"]
    g.add((iri, SCHEMA.name, Literal(name, lang=langs[0])))
    for lang, names in ent.names.items():
        for other in names:
            if lang and other != name and other[:1].islower():  # not the anaphors ("Ce document")
                g.add((iri, SCHEMA.alternateName, Literal(other, lang=lang)))
    _translation(g, iri, name, doc, KKG.machineTranslatedLabel)
    for f in doc.meta.extra.get("reported_filings", []):
        if f["iri"] == iri:
            g.add((iri, RDF.type, KKG.CourtFiling))
            g.add((iri, KKG.filedIn, f["case"]))
            first = min((m for m in doc.mentions if m.entity == iri), key=lambda m: m.start)
            node = sub_iri(doc.iri, "evidence", iri, KKG.filedIn, f["case"], first.start, first.end)
            g.add((node, RDF.type, KKG.RelationEvidence))
            g.add((node, RDF.subject, iri))
            g.add((node, RDF.predicate, KKG.filedIn))
            g.add((node, RDF.object, f["case"]))
            _provenance(g, node, doc, first.start, first.end)
    for c in doc.meta.extra.get("cited_documents", []):
        if c["iri"] != iri:
            continue
        for p, o in ((KKG.about, c["about"]), (KKG.publishedBy, c["publisher"])):
            if o is not None:
                g.add((iri, p, o))
                node = sub_iri(doc.iri, "evidence", iri, p, o, c["start"], c["end"])
                g.add((node, RDF.type, KKG.RelationEvidence))
                g.add((node, RDF.subject, iri))
                g.add((node, RDF.predicate, p))
                g.add((node, RDF.object, o))
                _provenance(g, node, doc, c["start"], c["end"])


def mention_nodes(g: Graph, doc: Doc) -> None:
    for m in doc.mentions:
        node = sub_iri(doc.iri, "mention", m.start, m.end, m.entity)
        g.add((node, RDF.type, KKG.Mention))
        g.add((node, KKG.refersTo, m.entity))
        g.add((node, KKG.surfaceForm, Literal(m.text, lang=lang_at(doc, m.start))))
        _provenance(g, node, doc, m.start, m.end)


def statement_nodes(g: Graph, doc: Doc) -> None:
    for st in doc.statements:
        node = sub_iri(doc.iri, "statement", st.start, st.end, st.speaker, st.text)
        g.add((node, RDF.type, KKG.Statement))
        g.add((node, KKG.speaker, st.speaker))
        g.add((node, KKG.text, Literal(st.text, lang=st.lang)))
        g.add((node, KKG.isQuote, Literal(bool(st.is_quote))))
        if date := _date(st.date, partial=True):
            g.add((node, KKG.statedOn, date))
        if st.medium:
            if re.match(r"^https?://", st.medium):
                g.add((node, KKG.medium, URIRef(st.medium)))
            else:
                g.add((node, KKG.mediumLabel, Literal(st.medium, lang=st.lang)))
        if st.occasion is not None:
            g.add((node, KKG.medium, st.occasion))
        for about in st.about:
            g.add((node, KKG.about, about))
        _provenance(g, node, doc, st.start, st.end)
        _translation(g, node, st.text, doc)


def allegation_nodes(g: Graph, doc: Doc) -> None:
    for al in doc.allegations:
        node = sub_iri(doc.iri, "allegation", al.start, al.end, al.by, al.against, al.text)
        g.add((node, RDF.type, KKG.Allegation))
        if al.by is not None:
            g.add((node, KKG.allegedBy, al.by))
        g.add((node, KKG.allegedAgainst, al.against))
        g.add((node, KKG.text, Literal(al.text, lang=al.lang)))
        g.add((node, KKG.standing, KKG[al.standing]))
        if al.claim is not None:
            g.add((node, KKG.legalClaim, al.claim))
        _provenance(g, node, doc, al.start, al.end)
        _translation(g, node, al.text, doc)


def relation_nodes(g: Graph, doc: Doc) -> None:
    for rel in doc.relations:
        g.add((rel.subject, rel.predicate, rel.object))
        node = sub_iri(doc.iri, "evidence", rel.subject, rel.predicate, rel.object, rel.start, rel.end)
        g.add((node, RDF.type, KKG.RelationEvidence))
        g.add((node, RDF.subject, rel.subject))
        g.add((node, RDF.predicate, rel.predicate))
        g.add((node, RDF.object, rel.object))
        _provenance(g, node, doc, rel.start, rel.end)


def occasion_nodes(g: Graph, doc: Doc) -> None:
    """Occasions the document's statements were made at (curated ones are only referenced)."""
    for occ in doc.occasions.values():
        if occ.curated:
            continue
        g.add((occ.iri, RDF.type, KKG.EarningsCall if occ.medium == "earnings call" else KKG.Event))
        for lang, label in occ.labels.items():
            g.add((occ.iri, RDFS.label, Literal(label, lang=lang)))
        g.add((occ.iri, KKG.date, Literal(occ.month, datatype=XSD.gYearMonth)))
        g.add((occ.iri, KKG.about, occ.speaker))


def document_graph(doc: Doc) -> Graph:
    g = Graph(identifier=doc.iri)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    document_node(g, doc)
    entity_nodes(g, doc)
    mention_nodes(g, doc)
    statement_nodes(g, doc)
    occasion_nodes(g, doc)
    allegation_nodes(g, doc)
    relation_nodes(g, doc)
    return g


@component("to_rdf", requires=["iri", "text", "mentions", "entities"], assigns=["graph"])
def to_rdf(doc: Doc) -> Doc:
    """Build the document's named graph (document node, mentions, new entities, statements,
    allegations, relations with evidence, machine translations)."""
    if doc.iri is None:
        raise LoaderError(doc.path, "document has no IRI: the `read` component must run first")
    doc.graph = document_graph(doc)
    return doc
