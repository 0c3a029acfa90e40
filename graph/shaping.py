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


def sort_sources(refs: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    """Distinct sources ordered by document, then start offset (unknown spans first); at most
    MAX_SOURCES_PER_FACT, the first in that order, so both stores cut the same way."""
    ordered = sorted(set(refs), key=lambda r: (r.document, -1 if r.start is None else r.start, -1 if r.end is None else r.end, r.text or ""))
    return tuple(ordered[:MAX_SOURCES_PER_FACT])


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
