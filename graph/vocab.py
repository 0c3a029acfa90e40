"""Which classes are entities and which predicates are relations: shared by both stores."""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS
from rdflib.namespace import SKOS

from kadrey_kg.ontology import KKG, SCHEMA

ENTITY_TYPES = frozenset(
    KKG[n] for n in (
        "Agent", "Person", "Organization", "Company", "Court", "LawFirm", "GovernmentBody", "PartyGroup",
        "Product", "LegalCase", "AIModel", "Dataset", "LegalClaim", "Event", "DocketEvent", "Ruling",
        "EarningsCall",
    )
)
DOCUMENT_TYPES = frozenset(
    KKG[n] for n in ("Document", "NewsArticle", "CourtFiling", "CourtOrder", "BlogPost", "LawFirmNote", "CaseNote", "Transcript")
)
# Nodes that carry provenance, not knowledge: never shown as graph nodes.
PLUMBING_TYPES = frozenset(KKG[n] for n in ("Mention", "RelationEvidence"))

LABEL = RDFS.label
ALT_LABEL = SKOS.altLabel
MT_LABEL = KKG.machineTranslatedLabel
NAME_PREDICATES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SCHEMA.name, KKG.machineTranslatedLabel)
# What a node is displayed as (aliases are searched, not displayed).
LABEL_PREDICATES = (RDFS.label, KKG.machineTranslatedLabel, SCHEMA.name, SKOS.prefLabel)

# Predicates that link resources but are provenance plumbing or external links, not relations.
NON_RELATIONS = frozenset({
    RDF.type, RDF.subject, RDF.predicate, RDF.object, KKG.sourceDocument, KKG.refersTo, KKG.mentions,
    KKG.wikidata, KKG.courtListener, KKG.standing, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain,
    RDFS.range, OWL.equivalentProperty, OWL.equivalentClass, OWL.inverseOf, OWL.sameAs, SCHEMA.url,
    SCHEMA.sameAs, RDFS.seeAlso, RDFS.isDefinedBy,
})

DATE_PREDICATES = (SCHEMA.startDate, KKG.date, SCHEMA.datePublished, KKG.filedDate, KKG.statedOn, SCHEMA.dateCreated)


def local_name(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def kkg_types(type_iris) -> tuple[str, ...]:
    """Local names of the vocabulary's classes among `type_iris`, sorted."""
    return tuple(sorted({local_name(str(t)) for t in type_iris if str(t).startswith(str(KKG))}))


def pick_labels(rows) -> dict:
    """rows: (value, lang) pairs of one resource's rdfs:labels → {"fr": .., "en": ..}.
    Deterministic (smallest value per language); an untagged label serves both languages."""
    out: dict[str, str] = {}
    untagged = sorted(v for v, lang in rows if not lang)
    for value, lang in sorted(rows):
        if lang:
            key = lang.split("-")[0].lower()
            if key in ("fr", "en") and key not in out:
                out[key] = value
    if untagged:
        for key in ("fr", "en"):
            out.setdefault(key, untagged[0])
    return out


# Outgoing statements an entity card shows in its header (names, links), not as facts.
CARD_SKIP_OUT = frozenset(str(p) for p in (RDF.type, RDFS.label, SKOS.altLabel, SKOS.prefLabel, KKG.machineTranslatedLabel,
                                           KKG.wikidata, KKG.courtListener, SCHEMA.url, SCHEMA.sameAs))
# Incoming links an entity card does not list as facts: plumbing (mentions, evidence) and the
# statement/allegation links shown in their own tabs. On a hub they are most of its in-links.
CARD_SKIP_IN = frozenset(str(p) for p in (KKG.refersTo, KKG.mentions, RDF.subject, RDF.object, KKG.sourceDocument,
                                          KKG.speaker, KKG.allegedBy, KKG.allegedAgainst, KKG.about, RDF.type))
