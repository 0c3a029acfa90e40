"""RDF named graphs ↔ Neo4j property graph, lossless (see docs/neo4j.md for the full mapping).

One node (label `:Resource`, key `uri`) per IRI; labels are the local names of its rdf:types.
Per-statement provenance without reifying triples:

* literal statements live on the subject node as parallel lists `_g` (graph), `_p` (predicate IRI),
  `_v` (lexical form), `_dt` (datatype IRI, '' = plain), `_l` (language tag, '' = none);
  rdf:type statements as `_tg` (graph) / `_t` (class IRI). These lists are the source of truth
  for export: lexical forms, datatypes and tags come back exactly.
* derived, typed properties make Cypher pleasant: `label_fr`, `label_en`, `alt_fr` (list),
  `mtLabel_en`, `startOffset` (int), `isQuote` (bool), `statedOn` (date), `text_fr`, ... and `_norm`
  (normalized names, for search). They are recomputed from the lists on every write.
* IRI-valued statements are relationships typed by the predicate's local name, with `iri` (the
  full predicate), `ns` and `graphs` (the named graphs asserting it).
* `_graphs` on a node lists every graph that touches it, so one document's contributions can be
  found and removed alone; a node no graph touches any more is deleted.

Blank nodes (the ontology's OWL lists may have some) become nodes with `uri` "_:<id>", where the id
is derived from the graph's canonical form so re-writing the same graph is idempotent.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kadrey_kg.ontology import KKG, normalize_name

from .vocab import NAME_PREDICATES, local_name

LIST_KEYS = ("_g", "_p", "_v", "_dt", "_l", "_tg", "_t")
RESERVED = {"uri", "_graphs", "_norm", *LIST_KEYS}
# Predicates whose derived property gets a short, documented name.
SHORT_KEYS = {str(RDFS.label): "label", str(SKOS.altLabel): "alt", str(SKOS.prefLabel): "prefLabel",
              str(KKG.machineTranslatedLabel): "mtLabel"}
ALWAYS_LIST = {"alt"}
_NAMES = {str(p) for p in NAME_PREDICATES}
_INTEGER = {str(XSD[t]) for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                  "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                  "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOAT = {str(XSD.double), str(XSD.float), str(XSD.decimal)}


class MappingError(ValueError):
    """An RDF term the property-graph mapping cannot hold (e.g. a literal as subject)."""


@dataclass
class NodeState:
    """Everything stored on one node; `lits` rows are (graph, predicate, lexical, datatype, lang)."""
    uri: str
    lits: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    types: list[tuple[str, str]] = field(default_factory=list)     # (graph, class IRI)
    graphs: set[str] = field(default_factory=set)

    @classmethod
    def from_record(cls, rec: dict) -> "NodeState":
        g, p, v, d, l = (rec.get(k) or [] for k in ("_g", "_p", "_v", "_dt", "_l"))
        tg, t = rec.get("_tg") or [], rec.get("_t") or []
        return cls(rec["uri"], list(zip(g, p, v, d, l)), list(zip(tg, t)), set(rec.get("_graphs") or []))

    def drop_graphs(self, graphs: set[str]) -> None:
        self.lits = [row for row in self.lits if row[0] not in graphs]
        self.types = [row for row in self.types if row[0] not in graphs]
        self.graphs -= graphs


@dataclass
class GraphRows:
    """One named graph cut into what each node stores and the relationships it asserts."""
    name: str
    lits: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    types: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    rels: list[dict] = field(default_factory=list)     # {s, o, iri, type, ns}

    @property
    def uris(self) -> set[str]:
        return set(self.lits) | set(self.types) | {r["s"] for r in self.rels} | {r["o"] for r in self.rels}

    def __len__(self) -> int:
        return sum(map(len, self.lits.values())) + sum(map(len, self.types.values())) + len(self.rels)


def node_key(term, bnode_prefix: str = "") -> str:
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{bnode_prefix}{term}"
    raise MappingError(f"a literal cannot be a subject: {term!r}")


_RDF_TYPE = RDF.type


def graph_rows(name: str, graph: Graph) -> GraphRows:
    """Cut `graph` (named `name`) into node and relationship rows."""
    plain, with_bnodes = [], []
    for t in graph:   # one pass: iterating an rdflib graph is the slow part of a big write
        (with_bnodes if isinstance(t[0], BNode) or isinstance(t[2], BNode) else plain).append(t)
    prefix = ""
    if with_bnodes:
        # Canonical blank node ids (of the blank-node part only: cheap): the same graph written
        # twice gives the same node keys, so re-writes stay idempotent.
        part = Graph()
        for t in with_bnodes:
            part.add(t)
        plain.extend(to_canonical_graph(part))
        prefix = hashlib.sha1(name.encode("utf-8")).hexdigest()[:10] + "_"
    rows = GraphRows(name)
    lits, types, rels = rows.lits, rows.types, rows.rels
    keys: dict = {}          # term -> node key, and predicate -> its relationship columns
    predicates: dict = {}
    datatypes: dict = {None: ""}
    for s, p, o in plain:
        subject = keys.get(s) or keys.setdefault(s, node_key(s, prefix))
        if isinstance(o, Literal):
            dtype = o.datatype
            if dtype not in datatypes:
                datatypes[dtype] = str(dtype)
            lits[subject].append((name, str(p), str(o), datatypes[dtype], o.language or ""))
        elif p == _RDF_TYPE:
            types[subject].append((name, keys.get(o) or keys.setdefault(o, node_key(o, prefix))))
        else:
            if p not in predicates:
                iri = str(p)
                predicates[p] = (iri, local_name(iri) or iri, _namespace(iri))
            iri, rel_type, ns = predicates[p]
            rels.append({"s": subject, "o": keys.get(o) or keys.setdefault(o, node_key(o, prefix)),
                         "iri": iri, "type": rel_type, "ns": ns})
    return rows


def _namespace(iri: str) -> str:
    name = local_name(iri)
    return iri[: len(iri) - len(name)] if name else iri


# ---- derived properties --------------------------------------------------------------------------
def typed_value(lexical: str, datatype: str):
    """The Cypher-friendly value of a literal; falls back to the lexical form when it does not parse."""
    try:
        if datatype in _INTEGER:
            return int(lexical)
        if datatype == str(XSD.boolean):
            return lexical.strip() in ("true", "1")
        if datatype in _FLOAT:
            return float(lexical)
        if datatype == str(XSD.date):
            return dt.date.fromisoformat(lexical)
        if datatype == str(XSD.dateTime):
            return dt.datetime.fromisoformat(lexical.replace("Z", "+00:00"))
    except ValueError:
        pass
    return lexical


@lru_cache(maxsize=4096)
def property_key(predicate: str, lang: str) -> str:
    key = SHORT_KEYS.get(predicate) or local_name(predicate) or "value"
    if lang:
        key = f"{key}_{lang.lower().replace('-', '_')}"
    return f"p_{key}" if key in RESERVED else key


def derived_properties(state: NodeState, lits: list | None = None) -> dict:
    """`lits`: the node's literal rows, deduplicated and sorted (computed when not given)."""
    values: dict[str, list] = defaultdict(list)
    norms = set()
    for _, p, v, d, l in (lits if lits is not None else sorted(set(state.lits))):
        key = property_key(p, l)
        value = typed_value(v, d)
        if value not in values[key]:
            values[key].append(value)
        if p in _NAMES:
            norm = normalize_name(v)
            if norm:
                norms.add(norm)
    props = {}
    for key, vals in values.items():
        if len(vals) == 1 and key.split("_")[0] not in ALWAYS_LIST:
            props[key] = vals[0]
        elif len({type(v) for v in vals}) == 1:
            props[key] = vals
        else:  # Neo4j lists are homogeneous: mixed values fall back to their lexical forms
            props[key] = [str(v) for v in vals]
    props["_norm"] = sorted(norms)
    return props


def node_record(state: NodeState) -> dict:
    """The full property map (SET n = ...) and the labels of a node."""
    lits = sorted(set(state.lits))
    types = sorted(set(state.types))
    props = derived_properties(state, lits)
    props.update({
        "uri": state.uri,
        "_g": [r[0] for r in lits], "_p": [r[1] for r in lits], "_v": [r[2] for r in lits],
        "_dt": [r[3] for r in lits], "_l": [r[4] for r in lits],
        "_tg": [t[0] for t in types], "_t": [t[1] for t in types],
        "_graphs": sorted(state.graphs),
    })
    return {"uri": state.uri, "props": props, "labels": node_labels(state)}


def node_labels(state: NodeState) -> list[str]:
    """The node's labels besides :Resource: the local names of its classes."""
    return sorted({local_name(t) for _, t in state.types if local_name(t)} - {"Resource"})


# ---- export --------------------------------------------------------------------------------------
def term(key: str):
    return BNode(key[2:]) if key.startswith("_:") else URIRef(key)


def literal(lexical: str, datatype: str, lang: str) -> Literal:
    if lang:
        return Literal(lexical, lang=lang)
    return Literal(lexical, datatype=URIRef(datatype) if datatype else None)


def build_dataset(nodes, rels, graphs: set[str] | None = None) -> Dataset:
    """nodes: records with uri and the list keys; rels: (s, iri, o, graphs). Only `graphs` if given."""
    ds = Dataset()
    contexts: dict[str, Graph] = {}

    def ctx(name: str) -> Graph | None:
        if graphs is not None and name not in graphs:
            return None
        if name not in contexts:
            contexts[name] = ds.graph(URIRef(name))
        return contexts[name]

    for rec in nodes:
        state = NodeState.from_record(rec)
        s = term(state.uri)
        for g, p, v, d, l in state.lits:
            if (c := ctx(g)) is not None:
                c.add((s, URIRef(p), literal(v, d, l)))
        for g, t in state.types:
            if (c := ctx(g)) is not None:
                c.add((s, RDF.type, term(t)))
    for s, p, o, rel_graphs in rels:
        for g in rel_graphs:
            if (c := ctx(g)) is not None:
                c.add((term(s), URIRef(p), term(o)))
    return ds
