"""The embedded store: Oxigraph (pyoxigraph) on disk, no server, one named graph per document.

Chosen by measurement over rdflib's own stores (see bench/store_choice.py and bench/README.md):
Oxigraph loads and answers SPARQL an order of magnitude faster and keeps its data in RocksDB.
Writes go through one SPARQL update per call, which Oxigraph applies as a single transaction:
a document is replaced whole or not at all.
"""
from __future__ import annotations

import io
import re
import threading
import time
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kadrey_kg.ontology import CURATED_GRAPH, KKG, ONTOLOGY_GRAPH, SYSTEM_GRAPHS

from .base import Store
from .errors import QueryFailed, QueryRefused, StoreUnavailable
from .model import QueryResult, Stats
from .shaping import check_iri
from .sparql_queries import SparqlQueries

# SPARQL keywords a read-only console refuses outright (updates fail to parse as queries anyway;
# SERVICE would make the store call out to the network).
_UPDATE_WORDS = re.compile(r"\b(LOAD|INSERT|DELETE|DROP|CLEAR|CREATE|COPY|MOVE|ADD)\b", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
# Variables and prefixed names may spell keywords (?add, kkg:load): they are not keywords.
_NAMES = re.compile(r"[?$]\w+|[\w.-]*:[\w.%-]*")
_SELECT_HEAD = re.compile(r"SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?", re.IGNORECASE)
_STRINGS_AND_IRIS = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|<[^<>\"{}|^`\\\s]*>|#[^\n]*", re.S)


def _nt(graph: Graph) -> str:
    return graph.serialize(format="nt")


class EmbeddedStore(SparqlQueries, Store):
    kind = "embedded"
    query_language = "sparql"

    def __init__(self, path: Path | str | None, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self._lock = threading.RLock()
        self.generation = 0  # bumped on every write; query caches key on it
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreUnavailable(f"no store at {self.path}: build one with `kadrey-kg demo` or `kadrey-kg ingest PATH`")
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreUnavailable(
                    f"the store at {self.path} is in use by another kadrey-kg process (a running `kadrey-kg serve` "
                    f"or ingest); stop it first, or point KADREY_KG_HOME / --store elsewhere"
                ) from None
            raise StoreUnavailable(f"cannot open the store at {self.path}: {err}") from None
        self.read_only = read_only

    # ---- writing -------------------------------------------------------------------------------
    def ensure_base(self) -> None:
        from .base_graphs import curated_graph, ontology_graph
        from .fingerprint import base_fingerprint

        fingerprint = base_fingerprint()
        if self._ask(f"ASK {{ GRAPH <{CURATED_GRAPH}> {{ <{CURATED_GRAPH}> <{KKG.contentHash}> \"{fingerprint}\" }} }}"):
            return
        curated = curated_graph()
        curated.add((URIRef(str(CURATED_GRAPH)), KKG.contentHash, _literal(fingerprint)))
        self.replace_graphs({str(ONTOLOGY_GRAPH): ontology_graph(), str(CURATED_GRAPH): curated})

    def replace_document(self, doc_iri: str, graph: Graph) -> None:
        self.replace_graphs({str(doc_iri): graph})

    def replace_graphs(self, graphs: dict[str, Graph]) -> None:
        parts = []
        for name, graph in graphs.items():
            _check_iri(name)
            parts.append(f"DROP SILENT GRAPH <{name}> ;")
            if len(graph):
                parts.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{_nt(graph)}}} }} ;")
        self._update("\n".join(parts).rstrip(" ;"))

    def remove_document(self, doc_iri: str) -> bool:
        _check_iri(doc_iri)
        existed = self._ox.contains_named_graph(ox.NamedNode(str(doc_iri)))
        if existed:
            self._update(f"DROP GRAPH <{doc_iri}>")
        return existed

    def document_hash(self, doc_iri: str) -> str | None:
        _check_iri(doc_iri)
        for row in self._select(
            f"SELECT ?h WHERE {{ GRAPH <{doc_iri}> {{ <{doc_iri}> <{KKG.contentHash}> ?h }} }} LIMIT 1"
        ):
            return row[0]
        return None

    def _update(self, text: str) -> None:
        if self.read_only:
            raise StoreUnavailable(f"the store at {self.path} is open read-only")
        with self._lock:
            try:
                self._ox.update(text)
            except (OSError, SyntaxError) as err:
                raise StoreUnavailable(f"write to the store at {self.path} failed: {err}") from None
            self.generation += 1
            self._invalidate()

    def _invalidate(self) -> None:
        """Hook for caches built on top of the store (search index)."""
        self._name_index = None

    # ---- export --------------------------------------------------------------------------------
    def dataset(self, graphs: Iterable[str] | None = None) -> Dataset:
        buf = io.BytesIO()
        if graphs is None:
            self._ox.dump(buf, format=ox.RdfFormat.N_QUADS)
        else:
            for name in graphs:
                out = io.BytesIO()
                self._ox.dump(out, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(name)))
                for line in out.getvalue().decode("utf-8").splitlines():
                    if line.strip():
                        buf.write(f"{line.rstrip().rstrip('.').rstrip()} <{name}> .\n".encode("utf-8"))
        ds = Dataset()
        if buf.getvalue():
            ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
        return ds

    # ---- low-level reads -----------------------------------------------------------------------
    def _ask(self, query: str, **subs) -> bool:
        return bool(self._ox.query(query, use_default_graph_as_union=True, substitutions=_subs(subs)))

    def _select(self, query: str, **subs) -> list[list]:
        """Rows of plain Python values: IRIs as str, literals as str (use _select_terms for tags)."""
        return [[_py(t) for t in row] for row in self._select_terms(query, **subs)]

    def _select_terms(self, query: str, **subs) -> list[list]:
        """Rows of pyoxigraph terms. `subs` bind variables to values (never spliced into the text);
        Oxigraph wants substituted variables projected, so they are added and dropped again."""
        if subs:
            extra = " ".join(f"?{name}" for name in subs)
            query = _SELECT_HEAD.sub(lambda m: f"{m.group(0)}{extra} ", query, count=1)
        skip = len(subs)
        return [list(sol)[skip:] for sol in self._ox.query(query, use_default_graph_as_union=True, substitutions=_subs(subs))]

    # ---- console -------------------------------------------------------------------------------
    def read_query(self, query: str, limit: int = 1000, timeout: float = 10.0) -> QueryResult:
        code = _NAMES.sub(" ", _STRINGS_AND_IRIS.sub(" ", query))
        if _SERVICE.search(code):
            raise QueryRefused("the query console is read-only and offline: SERVICE is not allowed")
        try:
            # Oxigraph's query parser accepts no update operation: a query that parses only reads.
            result = self._ox.query(query, use_default_graph_as_union=True)
        except SyntaxError as err:
            update = _UPDATE_WORDS.search(code)
            if update:
                raise QueryRefused(
                    f"the query console is read-only: {update.group(1).upper()} is not allowed "
                    f"(use SELECT, ASK, CONSTRUCT or DESCRIBE)"
                ) from None
            raise QueryFailed(f"SPARQL syntax error: {err}") from None
        except OSError as err:
            raise QueryFailed(f"query failed: {err}") from None
        deadline = time.monotonic() + timeout
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(["result"], [[bool(result)]])
        if isinstance(result, ox.QuerySolutions):
            columns = [v.value for v in result.variables]
            rows, truncated = [], False
            for sol in result:
                if len(rows) >= limit or time.monotonic() > deadline:
                    truncated = True
                    break
                rows.append([_display(sol[c]) for c in columns])
            return QueryResult(columns, rows, truncated)
        rows, truncated = [], False  # CONSTRUCT / DESCRIBE
        for triple in result:
            if len(rows) >= limit or time.monotonic() > deadline:
                truncated = True
                break
            rows.append([_display(triple.subject), _display(triple.predicate), _display(triple.object)])
        return QueryResult(["subject", "predicate", "object"], rows, truncated)

    def stats(self) -> Stats:
        from .vocab import ENTITY_TYPES, local_name

        triples = len(self._ox)
        by_type = {}
        for cls, count in self._select(
            f"SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?t }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }} GROUP BY ?t"
        ):
            by_type[cls] = int(count)
        docs = sum(1 for g in self._ox.named_graphs() if g.value not in {str(x) for x in SYSTEM_GRAPHS})
        ent = self._select(
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t . VALUES ?t { %s } }"
            % " ".join(f"<{t}>" for t in ENTITY_TYPES)
        )[0][0]
        return Stats(
            triples=triples,
            documents=docs,
            entities=int(ent),
            statements=by_type.get(str(KKG.Statement), 0),
            allegations=by_type.get(str(KKG.Allegation), 0),
            by_type={local_name(k): v for k, v in sorted(by_type.items()) if k.startswith(str(KKG))},
        )

    def flush(self) -> None:
        """Write Oxigraph's in-memory buffers to disk; long ingests call it so memory stays flat."""
        if self._ox is not None and not self.read_only:
            self._ox.flush()

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs())

    def close(self) -> None:
        with self._lock:
            if getattr(self, "_ox", None) is not None and not self.read_only:
                try:
                    self._ox.flush()
                except OSError:
                    pass
            self._ox = None


def _check_iri(iri: str) -> None:
    check_iri(iri)


def _literal(value: str):
    from rdflib import Literal
    return Literal(value)


def _subs(subs: dict) -> dict | None:
    if not subs:
        return None
    out = {}
    for name, value in subs.items():
        if isinstance(value, (ox.NamedNode, ox.Literal)):
            out[ox.Variable(name)] = value
        else:
            out[ox.Variable(name)] = ox.NamedNode(str(value))
    return out


def _py(term):
    if term is None:
        return None
    return term.value


def _display(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.language:
            return f"{term.value}@{term.language}"
        return term.value
    return term.value
