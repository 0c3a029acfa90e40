"""Typed results of the query interface: both stores return exactly these, in the same order.

Ordering rules (so the parity suite can compare stores with ==): lists are sorted as each
docstring says; ties break on IRI. Labels are dicts {"fr": ..., "en": ...} with a key only when a
label exists in that language (original first; machine-translated labels are in `mt_labels`).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceRef:
    """Where a fact comes from: a document and, when known, the character span in its text."""
    document: str
    title: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None          # the span's exact text
    url: str | None = None


@dataclass(frozen=True)
class EntityHit:
    """A search result. Sorted by score desc, then the normalized matched name, then IRI
    (graph/shaping.py `match_score`; the best-scoring name of an entity is its `matched`)."""
    iri: str
    types: tuple[str, ...]          # local names of kkg classes, sorted, e.g. ("Company", "Organization")
    labels: dict                    # {"fr": str, "en": str}
    matched: str                    # the name that matched the query
    score: float                    # 1.0 exact, 0.8 prefix, 0.5 substring (of the normalized name)


@dataclass(frozen=True)
class Fact:
    """One triple about the entity (outgoing or incoming). Sorted by predicate, direction, other IRI/value."""
    predicate: str
    predicate_labels: dict
    direction: str                  # "out" (entity is subject) or "in"
    other: str                      # IRI, or the literal's lexical value
    other_is_iri: bool
    other_labels: dict              # labels of `other` when it is an IRI, else {"<lang or ''>": value}
    datatype: str | None = None     # literal datatype IRI
    lang: str | None = None         # literal language tag
    sources: tuple[SourceRef, ...] = ()


@dataclass
class EntityCard:
    iri: str
    types: tuple[str, ...]
    labels: dict
    mt_labels: dict                 # machine-translated labels, {"fr": ..., "en": ...}
    aliases: dict                   # {"fr": [..], "en": [..], "": [..]} sorted
    wikidata: str | None
    links: tuple[str, ...]          # other external links (CourtListener...), sorted
    facts: list[Fact]


@dataclass(frozen=True)
class Node:
    iri: str
    types: tuple[str, ...]
    labels: dict


@dataclass(frozen=True)
class Edge:
    subject: str
    predicate: str
    object: str
    predicate_labels: dict
    sources: tuple[SourceRef, ...] = ()


@dataclass
class Subgraph:
    """Nodes sorted by IRI, edges by (subject, predicate, object). `truncated` when a cap cut it."""
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = False


@dataclass
class PathResult:
    """A shortest path: its nodes in order and one Edge per hop (edge direction as stored)."""
    nodes: list[Node]
    hops: list[Edge]


@dataclass(frozen=True)
class StatementRow:
    """Sorted by date (None last), then IRI."""
    iri: str
    speaker: str
    speaker_labels: dict
    text: str
    lang: str | None
    translation: str | None         # machine translation (marked as such in the UI)
    translation_lang: str | None
    date: str | None
    medium: str | None
    is_quote: bool
    source: SourceRef


@dataclass(frozen=True)
class AllegationRow:
    """Sorted by IRI."""
    iri: str
    by: str | None
    by_labels: dict
    against: str
    against_labels: dict
    text: str
    lang: str | None
    translation: str | None
    translation_lang: str | None
    standing: str                   # AllegedByParty | FoundByCourt | ReportedByPress
    source: SourceRef


@dataclass(frozen=True)
class MentionRow:
    """A document mentioning an entity, with the span. Sorted by document, then start."""
    document: str
    title: str | None
    start: int
    end: int
    text: str
    lang: str | None


@dataclass(frozen=True)
class TimelineItem:
    """Sorted by date, then kind, then IRI. kind: event | statement | document."""
    date: str
    kind: str
    iri: str
    labels: dict
    source: SourceRef | None


@dataclass
class DocumentView:
    iri: str
    title: str | None
    kind: str | None
    lang: str | None
    date: str | None
    url: str | None
    metadata: dict                  # case number, docket entry, filed date, publisher, pages...
    body: str | None
    mentions: list[MentionRow]      # with entity IRIs in `text`? no: see `mention_entities`
    mention_entities: list[str]     # entity IRI per mention, parallel to `mentions`
    statements: list[StatementRow]
    allegations: list[AllegationRow]


@dataclass(frozen=True)
class DocumentSummary:
    """Sorted by IRI."""
    iri: str
    title: str | None
    kind: str | None
    lang: str | None
    date: str | None
    triples: int


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list]
    truncated: bool = False


@dataclass
class Stats:
    triples: int
    documents: int
    entities: int
    statements: int
    allegations: int
    by_type: dict = field(default_factory=dict)
