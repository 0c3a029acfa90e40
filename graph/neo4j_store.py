"""The Neo4j store: any Neo4j 5 server over Bolt, with our own lossless RDF writer.

    store = Neo4jStore(resolve("bolt://127.0.0.1:7687"))      # NEO4J_USER / NEO4J_PASSWORD from env
    store.replace_document(doc_iri, graph)                      # one managed transaction

Writes are batched UNWINDs inside one `session.execute_write` per call: a document is written whole
or not at all, transient errors are retried by the driver, re-writing the same graph changes
nothing (MERGE on `uri`, relationships MERGEd on their predicate IRI). The mapping is in
graph/neo4j_mapping.py and docs/neo4j.md; the read queries in graph/neo4j_queries.py.
"""
from __future__ import annotations

import re
from typing import Iterable

import neo4j
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from rdflib import Dataset, Graph

from kadrey_kg.ontology import CURATED_GRAPH, KKG, ONTOLOGY_GRAPH, SYSTEM_GRAPHS

from .base import Store
from .config import StoreConfig
from .errors import QueryFailed, QueryRefused, StoreUnavailable
from .model import QueryResult, Stats
from .neo4j_mapping import GraphRows, NodeState, build_dataset, graph_rows, node_labels, node_record
from .neo4j_queries import CypherQueries

BATCH = 5000     # rows per UNWIND: fewer round trips, still small transactions state per statement
LIST_PROPS = "n{.uri, ._g, ._p, ._v, ._dt, ._l, ._tg, ._t, ._graphs}"
SCHEMA_STATEMENTS = (
    "CREATE CONSTRAINT kkg_resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE",
    "CREATE CONSTRAINT kkg_named_graph IF NOT EXISTS FOR (x:NamedGraph) REQUIRE x.name IS UNIQUE",
    "CREATE FULLTEXT INDEX kkg_names_fr IF NOT EXISTS FOR (n:Resource) ON EACH [n.label_fr, n.alt_fr, n.mtLabel_fr] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'french'}}",
    "CREATE FULLTEXT INDEX kkg_names_en IF NOT EXISTS FOR (n:Resource) ON EACH [n.label_en, n.alt_en, n.mtLabel_en] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}",
    "CREATE FULLTEXT INDEX kkg_text_fr IF NOT EXISTS FOR (n:Statement|Allegation) ON EACH [n.text_fr, n.machineTranslation_fr] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'french'}}",
    "CREATE FULLTEXT INDEX kkg_text_en IF NOT EXISTS FOR (n:Statement|Allegation) ON EACH [n.text_en, n.machineTranslation_en] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}",
)

# 2: named graphs are indexed by (:NamedGraph {name, uris}) nodes, so a write never scans every node
SCHEMA_VERSION = 2

# The read-only console: clauses that write or reach outside the graph, refused before running.
_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|RENAME|GRANT|DENY|REVOKE|"
    r"TERMINATE|START\s+DATABASE|STOP\s+DATABASE|IN\s+TRANSACTIONS|USE)\b", re.IGNORECASE)
_CALLS = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.IGNORECASE)
_ALLOWED_PROCEDURES = {"db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                       "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
                       "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships"}
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


class Neo4jStore(CypherQueries, Store):
    kind = "neo4j"
    query_language = "cypher"

    def __init__(self, cfg: StoreConfig, *, retry_seconds: float = 30.0):
        self.cfg = cfg
        self.database = cfg.database or None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                cfg.uri, auth=(cfg.user or "neo4j", cfg.password or ""),
                max_transaction_retry_time=retry_seconds, connection_timeout=10.0,
                notifications_min_severity="OFF")  # "unknown property" warnings on a fresh graph are noise
            self._driver.verify_connectivity()
        except AuthError:
            raise StoreUnavailable(
                f"Neo4j at {cfg.uri} refused the credentials of user {cfg.user!r}: check NEO4J_USER / NEO4J_PASSWORD"
            ) from None
        except (ServiceUnavailable, SessionExpired, OSError) as err:
            raise StoreUnavailable(
                f"cannot reach Neo4j at {cfg.uri} ({type(err).__name__}); start one with `kadrey-kg neo4j start` "
                f"or check NEO4J_URI"
            ) from None
        except (DriverError, Neo4jError, ValueError) as err:
            raise StoreUnavailable(f"cannot open Neo4j at {cfg.uri}: {type(err).__name__}: {_safe(err, cfg)}") from None
        self.generation = 0
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        """Create the constraint and full-text indexes that are missing (one read when all exist)."""
        present = {r["name"] for r in self._read("SHOW INDEXES YIELD name RETURN name")}
        present |= {r["name"] for r in self._read("SHOW CONSTRAINTS YIELD name RETURN name")}
        for statement in SCHEMA_STATEMENTS:
            name = statement.split()[2] if statement.startswith("CREATE CONSTRAINT") else statement.split()[3]
            if name not in present:
                self._write(lambda tx, q=statement: tx.run(q).consume())
        if not self._read("MATCH (m:KadreyKGSchema) WHERE m.version >= $v RETURN m LIMIT 1", v=SCHEMA_VERSION):
            self._write(_index_named_graphs)

    # ---- plumbing ------------------------------------------------------------------------------
    def _session(self, access=neo4j.WRITE_ACCESS):
        return self._driver.session(database=self.database, default_access_mode=access)

    def _write(self, fn, *args):
        try:
            with self._session() as session:
                result = session.execute_write(fn, *args)
        except (ServiceUnavailable, SessionExpired) as err:
            raise StoreUnavailable(f"lost Neo4j at {self.cfg.uri} during a write; nothing was committed "
                                   f"({type(err).__name__})") from None
        self.generation += 1
        return result

    def _read(self, query: str, **params) -> list[dict]:
        """Rows (as dicts) of a parameterized read query in a managed read transaction."""
        def work(tx):
            return [record.data() for record in tx.run(query, **params)]
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except (ServiceUnavailable, SessionExpired) as err:
            raise StoreUnavailable(f"lost Neo4j at {self.cfg.uri} ({type(err).__name__})") from None

    def close(self) -> None:
        if getattr(self, "_driver", None) is not None:
            self._driver.close()
            self._driver = None

    # ---- writing -------------------------------------------------------------------------------
    def ensure_base(self) -> None:
        from .base_graphs import curated_graph, ontology_graph
        from .fingerprint import base_fingerprint
        from .neo4j_mapping import literal

        fingerprint = base_fingerprint()
        if self.document_hash(str(CURATED_GRAPH)) == fingerprint:
            return
        curated = curated_graph()
        curated.add((CURATED_GRAPH, KKG.contentHash, literal(fingerprint, "", "")))
        self.replace_graphs({str(ONTOLOGY_GRAPH): ontology_graph(), str(CURATED_GRAPH): curated})

    def replace_document(self, doc_iri: str, graph: Graph) -> None:
        self.replace_graphs({str(doc_iri): graph})

    def replace_graphs(self, graphs: dict[str, Graph]) -> None:
        rows = [graph_rows(str(name), graph) for name, graph in graphs.items()]
        self._write(_replace_tx, rows)

    def remove_document(self, doc_iri: str) -> bool:
        existed = bool(self._read("MATCH (x:NamedGraph {name: $g}) RETURN x.name", g=str(doc_iri)))
        if existed:
            self.replace_graphs({str(doc_iri): Graph()})
        return existed

    def document_hash(self, doc_iri: str) -> str | None:
        rows = self._read(
            "MATCH (n:Resource {uri: $g}) "
            "RETURN [i IN range(0, size(coalesce(n._p, [])) - 1) WHERE n._g[i] = $g AND n._p[i] = $p | n._v[i]] AS v",
            g=str(doc_iri), p=str(KKG.contentHash))
        values = sorted(rows[0]["v"]) if rows else []
        return values[0] if values else None

    # ---- export --------------------------------------------------------------------------------
    def dataset(self, graphs: Iterable[str] | None = None) -> Dataset:
        wanted = sorted({str(g) for g in graphs}) if graphs is not None else None
        if wanted is None:
            nodes = self._read(f"MATCH (n:Resource) RETURN {LIST_PROPS} AS n")
            rels = self._read("MATCH (a:Resource)-[r]->(b:Resource) RETURN a.uri AS s, r.iri AS p, b.uri AS o, r.graphs AS g")
        else:
            members = "MATCH (x:NamedGraph) WHERE x.name IN $gs UNWIND x.uris AS u WITH DISTINCT u "
            nodes = self._read(members + f"MATCH (n:Resource {{uri: u}}) RETURN {LIST_PROPS} AS n", gs=wanted)
            rels = self._read(
                members + "MATCH (a:Resource {uri: u})-[r]->(b:Resource) WHERE any(g IN r.graphs WHERE g IN $gs) "
                "RETURN a.uri AS s, r.iri AS p, b.uri AS o, r.graphs AS g", gs=wanted)
        return build_dataset([r["n"] for r in nodes], [(r["s"], r["p"], r["o"], r["g"]) for r in rels],
                             set(wanted) if wanted is not None else None)

    def named_graphs(self) -> list[str]:
        return sorted(r["g"] for r in self._read("MATCH (x:NamedGraph) RETURN x.name AS g"))

    # ---- console and stats -----------------------------------------------------------------------
    def read_query(self, query: str, limit: int = 1000, timeout: float = 10.0) -> QueryResult:
        check_read_only(query)
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                plan = session.run(neo4j.Query("EXPLAIN " + query, timeout=timeout)).consume()
                if plan.query_type not in ("r", None):
                    raise QueryRefused("the query console is read-only: this query would write (use MATCH ... RETURN)")
                with session.begin_transaction(timeout=timeout) as tx:
                    result = tx.run(query)
                    columns = list(result.keys())
                    rows, truncated = [], False
                    for record in result:
                        if len(rows) >= limit:
                            truncated = True
                            break
                        rows.append([_display(v) for v in record.values()])
                    tx.rollback()
        except QueryRefused:
            raise
        except ClientError as err:
            code = err.code or ""
            if "AccessMode" in code or "Forbidden" in code:
                raise QueryRefused(f"the query console is read-only: {err.message}") from None
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise QueryFailed(f"the query ran longer than {timeout:g}s and was stopped") from None
            raise QueryFailed(f"Cypher error: {err.message}") from None
        except (ServiceUnavailable, SessionExpired) as err:
            raise StoreUnavailable(f"lost Neo4j at {self.cfg.uri} ({type(err).__name__})") from None
        except Neo4jError as err:
            raise QueryFailed(f"query failed: {err.message}") from None
        return QueryResult(columns, rows, truncated)

    def stats(self) -> Stats:
        from .vocab import ENTITY_TYPES, local_name

        triples = self._read(
            "MATCH (n:Resource) RETURN sum(size(coalesce(n._g, [])) + size(coalesce(n._tg, []))) AS n")[0]["n"] or 0
        triples += self._read("MATCH ()-[r]->() RETURN sum(size(r.graphs)) AS n")[0]["n"] or 0
        type_rows = self._read(
            "MATCH (n:Resource) WHERE size(coalesce(n._t, [])) > 0 "
            "RETURN n.uri AS uri, [i IN range(0, size(n._t) - 1) WHERE n._tg[i] <> $onto | n._t[i]] AS local, "
            "n._t AS all", onto=str(ONTOLOGY_GRAPH))
        by_type: dict[str, int] = {}
        entity_types = {str(t) for t in ENTITY_TYPES}
        entities = 0
        for row in type_rows:
            for t in set(row["local"]):
                by_type[t] = by_type.get(t, 0) + 1
            entities += bool(entity_types & set(row["all"]))
        system = {str(g) for g in SYSTEM_GRAPHS}
        documents = sum(1 for g in self.named_graphs() if g not in system)
        return Stats(
            triples=int(triples), documents=documents, entities=entities,
            statements=by_type.get(str(KKG.Statement), 0), allegations=by_type.get(str(KKG.Allegation), 0),
            by_type={local_name(k): v for k, v in sorted(by_type.items()) if k.startswith(str(KKG))},
        )


def check_read_only(query: str) -> None:
    """Refuse writes and procedures outside a small read-only list (before the server sees them)."""
    code = _STRINGS_AND_COMMENTS.sub(" ", query)
    clause = _WRITE_CLAUSES.search(code)
    if clause:
        raise QueryRefused(f"the query console is read-only: {' '.join(clause.group(1).upper().split())} is not "
                           f"allowed (use MATCH ... RETURN)")
    for call in _CALLS.finditer(code):
        if call.group(1).lower() not in _ALLOWED_PROCEDURES:
            raise QueryRefused(f"the query console is read-only: procedure {call.group(1)} is not allowed "
                               f"(allowed: {', '.join(sorted(_ALLOWED_PROCEDURES))})")
    if re.search(r"\bCALL\s*\{", code, re.IGNORECASE) and re.search(r"\bIN\s+TRANSACTIONS\b", code, re.IGNORECASE):
        raise QueryRefused("the query console is read-only: CALL { } IN TRANSACTIONS is not allowed")


# ---- the write transaction -----------------------------------------------------------------------
def _replace_tx(tx, rows: list[GraphRows]) -> None:
    """Replace the named graphs in `rows` inside the caller's transaction (re-run on retry).

    Node state is read, merged in Python and written back, so every node involved is write-locked
    (`SET n._lock`, in URI order) before it is read: a concurrent writer touching the same node
    waits for this commit instead of overwriting it with a stale copy."""
    names = [r.name for r in rows]
    # the nodes these graphs touched so far, from their :NamedGraph index (not a scan of every node)
    touched = tx.run("UNWIND $names AS g MATCH (x:NamedGraph {name: g}) UNWIND x.uris AS u WITH DISTINCT u "
                     "MATCH (n:Resource {uri: u}) WITH n ORDER BY n.uri "
                     f"SET n._lock = true RETURN {LIST_PROPS} AS n", names=names).data()
    states = {rec["n"]["uri"]: NodeState.from_record(rec["n"]) for rec in touched}
    new_uris = sorted(set().union(*(r.uris for r in rows)) - set(states))
    for chunk in _chunks(new_uris):
        # Only nodes other graphs already hold come back: a node MERGE just created has no state.
        for rec in tx.run("UNWIND $uris AS u MERGE (n:Resource {uri: u}) SET n._lock = true "
                          f"WITH n WHERE n._graphs IS NOT NULL RETURN {LIST_PROPS} AS n", uris=chunk):
            states[rec["n"]["uri"]] = NodeState.from_record(rec["n"])
    relabel = set(states)    # nodes that may carry labels from before; the rest are new
    # 1. this graph's relationships go (or lose this graph from their `graphs`)
    if states:
        tx.run("UNWIND $uris AS u MATCH (n:Resource {uri: u})-[r]->() WHERE any(g IN r.graphs WHERE g IN $names) "
               "WITH r, [g IN r.graphs WHERE NOT g IN $names] AS keep "
               "FOREACH (_ IN CASE WHEN size(keep) = 0 THEN [1] ELSE [] END | DELETE r) "
               "FOREACH (_ IN CASE WHEN size(keep) > 0 THEN [1] ELSE [] END | SET r.graphs = keep)",
               uris=list(states), names=names).consume()
    # 2. node state: drop these graphs' statements, add the new ones
    drop = set(names)
    for state in states.values():
        state.drop_graphs(drop)
    others = {uri: set(state.graphs) for uri, state in states.items()}  # graphs kept from before
    for r in rows:
        for uri in r.uris:
            state = states.setdefault(uri, NodeState(uri))
            state.graphs.add(r.name)
            state.lits.extend(r.lits.get(uri, ()))
            state.types.extend(r.types.get(uri, ()))
    keep = [s for s in states.values() if s.graphs]
    gone = [s.uri for s in states.values() if not s.graphs]
    # SET n = props also drops the _lock marker. Labels and relationship types written into the
    # query text (when they are plain identifiers) spare the planner the dynamic `$(...)` path.
    # Results are not consumed statement by statement: the server works on one chunk while Python
    # builds the next (the commit reports any failure, and the whole transaction goes).
    for chunk in _chunks([s for s in keep if s.uri in relabel]):
        tx.run("UNWIND $rows AS row MATCH (n:Resource {uri: row.uri}) SET n = row.props "
               "WITH n, row, [l IN labels(n) WHERE l <> 'Resource' AND NOT l IN row.labels] AS stale "
               "REMOVE n:$(stale) SET n:$(row.labels)", rows=[node_record(s) for s in chunk])
    for set_labels, group in _label_groups([s for s in keep if s.uri not in relabel]):
        for chunk in _chunks(group):
            tx.run(f"UNWIND $rows AS row MATCH (n:Resource {{uri: row.uri}}) SET n = row.props {set_labels}",
                   rows=[node_record(s) for s in chunk])
    for chunk in _chunks(gone):
        tx.run("UNWIND $uris AS u MATCH (n:Resource {uri: u}) DETACH DELETE n", uris=chunk).consume()
    # 3. relationships, typed by the predicate's local name, keyed by its full IRI. Only a subject
    # that another graph also touches can already have the relationship: the rest is a plain
    # CREATE, much cheaper than MERGE. All graphs go in the same few statements.
    rel_graphs: dict[str, set] = {}
    for r in rows:
        for x in r.rels:
            rel_graphs.setdefault(x["s"], set()).add(r.name)
    fresh, shared = [], []
    for r in rows:
        for x in r.rels:
            alone = not others.get(x["s"]) and len(rel_graphs[x["s"]]) == 1
            (fresh if alone else shared).append({**x, "g": r.name})
    for rel_type, group in _type_groups(fresh):
        for chunk in _chunks(group):
            tx.run("UNWIND $rels AS r MATCH (a:Resource {uri: r.s}) MATCH (b:Resource {uri: r.o}) "
                   f"CREATE (a)-[x:{rel_type} {{iri: r.iri, ns: r.ns, graphs: [r.g]}}]->(b)", rels=chunk)
    for rel_type, group in _type_groups(shared):
        for chunk in _chunks(group):
            tx.run("UNWIND $rels AS r MATCH (a:Resource {uri: r.s}) MATCH (b:Resource {uri: r.o}) "
                   f"MERGE (a)-[x:{rel_type} {{iri: r.iri}}]->(b) "
                   "ON CREATE SET x.ns = r.ns, x.graphs = [r.g] "
                   "ON MATCH SET x.graphs = CASE WHEN r.g IN x.graphs THEN x.graphs ELSE x.graphs + r.g END",
                   rels=chunk)
    # 4. each graph's index: the nodes it touches now
    tx.run("UNWIND $graphs AS g MERGE (x:NamedGraph {name: g.name}) SET x.uris = g.uris",
           graphs=[{"name": r.name, "uris": sorted(r.uris)} for r in rows if r.uris]).consume()
    tx.run("UNWIND $names AS g MATCH (x:NamedGraph {name: g}) DELETE x",
           names=[r.name for r in rows if not r.uris]).consume()


def _index_named_graphs(tx) -> None:
    """Build the :NamedGraph index of a database written before it existed (or an empty one),
    then mark the schema version so this runs once."""
    tx.run("MATCH (n:Resource) UNWIND n._graphs AS g WITH g, collect(n.uri) AS uris "
           "MERGE (x:NamedGraph {name: g}) SET x.uris = uris").consume()
    tx.run("MERGE (m:KadreyKGSchema) SET m.version = $v", v=SCHEMA_VERSION).consume()


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _label_groups(states: list[NodeState]):
    """(SET clause, node states) per label set: plain identifiers go into the query text, anything
    else stays a parameter (`$(row.labels)`), so no label can inject Cypher."""
    groups: dict = {}
    for state in states:
        labels = node_labels(state)
        plain = all(_IDENTIFIER.fullmatch(label) for label in labels)
        clause = ("SET n" + "".join(f":`{label}`" for label in labels) if labels else "") \
            if plain else "SET n:$(row.labels)"
        groups.setdefault(clause, []).append(state)
    return groups.items()


def _type_groups(rels: list[dict]):
    """(relationship type as written in the query, rels); like _label_groups."""
    groups: dict = {}
    for rel in rels:
        groups.setdefault(f"`{rel['type']}`" if _IDENTIFIER.fullmatch(rel["type"]) else "$(r.type)", []).append(rel)
    return groups.items()


def _chunks(items, size: int = BATCH):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _display(value):
    if isinstance(value, neo4j.graph.Node):
        return value.get("uri") or f"node {value.element_id}"
    if isinstance(value, neo4j.graph.Relationship):
        return value.get("iri") or value.type
    if isinstance(value, neo4j.graph.Path):
        return " → ".join(str(n.get("uri")) for n in value.nodes)
    if isinstance(value, (list, tuple)):
        return [_display(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _safe(err: Exception, cfg: StoreConfig) -> str:
    text = str(err)
    return text.replace(cfg.password, "***") if cfg.password else text


def sync(source: Store, target: Store, graphs: Iterable[str] | None = None) -> dict[str, int]:
    """Make `target` hold the named graphs of `source` (all of them, or `graphs`), in one
    transaction; with all graphs, graphs the source no longer has are dropped from the target.
    Returns {graph: triples}."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    ds = source.dataset(graphs)
    named: dict[str, Graph] = {}
    for ctx in ds.graphs():
        if ctx.identifier != DATASET_DEFAULT_GRAPH_ID and len(ctx):
            copy = Graph()
            for triple in ctx:
                copy.add(triple)
            named[str(ctx.identifier)] = copy
    if graphs is None and hasattr(target, "named_graphs"):
        for stale in set(target.named_graphs()) - set(named):
            named[stale] = Graph()
    target.replace_graphs(named)
    return {name: len(g) for name, g in sorted(named.items())}
