"""The one interface both stores implement. Callers (CLI, UI, scripts) never branch on backend.

Reads are capped and say when they were cut; the console query is read-only and time-limited.
All query methods take IRIs as strings and return the dataclasses of `graph.model`.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Iterable

from rdflib import Dataset, Graph

from .model import (
    AllegationRow, DocumentSummary, DocumentView, EntityCard, EntityHit, MentionRow, PathResult,
    QueryResult, StatementRow, Stats, Subgraph, TimelineItem,
)


class Store(ABC):
    kind: str = "?"                  # "embedded" | "neo4j"
    query_language: str = "?"        # "sparql" | "cypher" (what `read_query` accepts)

    # ---- writing -------------------------------------------------------------------------------
    @abstractmethod
    def ensure_base(self) -> None:
        """Load (or refresh) the ontology and curated graphs so a fresh store is usable."""

    @abstractmethod
    def replace_document(self, doc_iri: str, graph: Graph) -> None:
        """Atomically replace the named graph `doc_iri` with `graph`: all of it or nothing."""

    @abstractmethod
    def replace_graphs(self, graphs: dict[str, Graph]) -> None:
        """Atomically replace several named graphs (used for base graphs and sync)."""

    @abstractmethod
    def remove_document(self, doc_iri: str) -> bool:
        """Drop a document's graph. True if it existed."""

    @abstractmethod
    def document_hash(self, doc_iri: str) -> str | None:
        """The `kkg:contentHash` stored for a document, or None: lets ingest skip unchanged files."""

    # ---- export --------------------------------------------------------------------------------
    @abstractmethod
    def dataset(self, graphs: Iterable[str] | None = None) -> Dataset:
        """The store (or some named graphs) as an rdflib Dataset, one graph per document."""

    # ---- queries the UI and CLI need -------------------------------------------------------------
    @abstractmethod
    def search(self, text: str, limit: int = 20) -> list[EntityHit]:
        """Entities whose label/alias (either language, MT labels too) matches `text`: case-,
        accent- and punctuation-insensitive (graph/text.py `normalize_name`), partial names allowed.
        Documents, mentions, statements and allegations are not entities. Sorted as EntityHit says."""

    @abstractmethod
    def entity(self, iri: str) -> EntityCard | None:
        """Types, labels, aliases, Wikidata, and every fact (in and out) with its sources."""

    @abstractmethod
    def neighbourhood(self, iri: str, hops: int = 1, relations: Iterable[str] | None = None,
                      types: Iterable[str] | None = None, limit: int = 300) -> Subgraph:
        """Entities and statements/allegations within `hops` relation edges of `iri`. Edges are
        triples whose predicate is an object property of the vocabulary, except provenance
        plumbing (kkg:sourceDocument, kkg:refersTo, kkg:mentions, rdf:subject/predicate/object) and
        rdf:type. `relations` keeps only those predicates; `types` keeps only nodes of those class
        local names (the start node always stays)."""

    @abstractmethod
    def shortest_paths(self, source: str, target: str, max_hops: int = 4, limit: int = 5,
                       relations: Iterable[str] | None = None) -> list[PathResult]:
        """Shortest paths over the same edges as `neighbourhood`, ignoring direction; each hop's
        Edge carries its sources. Sorted by length then by the node IRIs along the path."""

    @abstractmethod
    def statements_by(self, iri: str) -> list[StatementRow]: ...

    @abstractmethod
    def statements_about(self, iri: str) -> list[StatementRow]: ...

    @abstractmethod
    def allegations_against(self, iri: str) -> list[AllegationRow]: ...

    @abstractmethod
    def allegations_by(self, iri: str) -> list[AllegationRow]: ...

    @abstractmethod
    def documents_mentioning(self, iri: str) -> list[MentionRow]: ...

    @abstractmethod
    def timeline(self, entity: str | None = None) -> list[TimelineItem]:
        """Dated events, statements and documents (only those touching `entity` when given)."""

    @abstractmethod
    def document(self, iri: str) -> DocumentView | None: ...

    @abstractmethod
    def documents(self) -> list[DocumentSummary]: ...

    @abstractmethod
    def labels(self, iris: Iterable[str]) -> dict[str, dict]:
        """{iri: {"fr": .., "en": ..}} for classes, properties and entities (original labels,
        falling back to MT labels)."""

    @abstractmethod
    def stats(self) -> Stats: ...

    @abstractmethod
    def read_query(self, query: str, limit: int = 1000, timeout: float = 10.0) -> QueryResult:
        """Run a read-only query in the store's language; writes are refused with QueryRefused."""

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
