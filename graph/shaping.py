"""Result-shaping rules shared by both stores, so the parity suite compares like with like."""
from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox
from rdflib import RDFS
from rdflib.namespace import SKOS

from kadrey_kg.ontology import KKG, SCHEMA

from .errors import InvalidIRI
from .model import SourceRef
from .vocab import pick_labels

_IRI_OK = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\s\x00-\x20]*")


def match_score(query: str, name: str) -> float:
    """Score a normalized name against a normalized query: exact 1.0, prefix of the name or of one
    of its words 0.8, substring 0.5, else 0."""
    if not query or not name:
        return 0.0
    if name == query:
        return 1.0
    if name.startswith(query) or f" {query}" in f" {name}":
        return 0.8
    if query in name:
        return 0.5
    return 0.0


MAX_SOURCES_PER_FACT = 25  # a caption fact repeated by every court order would otherwise carry thousands


def first_sources(evidence: Iterable[tuple], graphs: Iterable[str], curated: str, ontology: str) -> list[tuple]:
    """A fact's sources as (document, start, end, span text): its evidence spans, plus each document
    graph holding it without evidence there (the curated graph only when nothing else is known);
    ordered by document, then offsets (unknown first); the first MAX_SOURCES_PER_FACT, so both
    stores cut the same way."""
    refs = list(evidence)
    covered = {d for d, *_ in refs}
    for g in sorted(graphs, key=lambda g: (g == curated, g)):
        if g != ontology and g not in covered and not (g == curated and refs):
            refs.append((g, None, None, None))
    ordered = sorted(set(refs), key=lambda r: (r[0], -1 if r[1] is None else r[1], -1 if r[2] is None else r[2], r[3] or ""))
    return ordered[:MAX_SOURCES_PER_FACT]


def source_refs(chosen: Iterable[tuple], meta: dict[str, dict]) -> tuple[SourceRef, ...]:
    """SourceRefs for first_sources' tuples, with each document's title and URL from `meta`."""
    return tuple(SourceRef(d, meta.get(d, {}).get("title"), st, en, tx, meta.get(d, {}).get("url")) for d, st, en, tx in chosen)


def evidence_graphs(graphs: Iterable[str], curated: str, ontology: str) -> list[str]:
    """The graphs whose evidence can reach a fact's first MAX_SOURCES_PER_FACT sources: a document's
    evidence names the document itself (its graph), so documents past the first MAX_SOURCES_PER_FACT
    (by IRI) can only sort after them; the curated graph cites other documents, so it always counts.
    Looking up evidence in these graphs only keeps a hub fact (asserted by thousands of documents)
    as cheap as an ordinary one."""
    docs = sorted(g for g in set(graphs) if g not in (curated, ontology))[:MAX_SOURCES_PER_FACT]
    return docs + ([curated] if curated in graphs else [])


def check_iri(iri: str) -> str:
    iri = str(iri)
    if not _IRI_OK.fullmatch(iri):
        raise InvalidIRI(f"not a valid IRI: {iri[:200]!r}")
    try:
        ox.NamedNode(iri)  # Oxigraph's own IRI check is stricter (percent-encoding, ports...)
    except ValueError as err:
        raise InvalidIRI(f"not a valid IRI: {iri[:200]!r} ({err})") from None
    return iri


def relation_set(relations) -> set[str] | None:
    if not relations:
        return None
    return {check_iri(r if ":" in r else str(KKG[r])) for r in relations}


def shape_labels(preds: dict[str, list]) -> dict:
    labels = pick_labels(preds.get(str(RDFS.label), []))
    mt = pick_labels(preds.get(str(KKG.machineTranslatedLabel), []))
    for k, v in mt.items():
        labels.setdefault(k, v)
    if not labels:
        labels = pick_labels(preds.get(str(SKOS.prefLabel), []) + preds.get(str(SCHEMA.name), []))
    return labels
