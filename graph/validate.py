"""SHACL validation of kadrey-kg graphs against ontology/shapes.ttl (pyshacl).

    from kadrey_kg.graph.validate import validate
    report = validate(graph_or_dataset)       # the ontology's class hierarchy is mixed in
    if not report.conforms:
        print(report.text())                  # one line per problem: focus node, shape, path, message

A Dataset is validated as the union of its graphs. By default the curated entities `data` points
to are added as context (not re-checked), so one document's graph validates on its own even when
its statements name curated speakers; `with_base=False` checks `data` strictly alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef
from rdflib.term import Node

from kadrey_kg.ontology import PREFIXES, SHAPES_TTL

from .base_graphs import curated_graph, ontology_graph, parse_turtle

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class ValidationResult:
    focus: str                 # the node that broke a shape
    message: str
    shape: str | None          # the node shape's IRI (its property shape's path is in `path`)
    path: str | None
    value: str | None
    severity: str              # Violation | Warning | Info

    def line(self, short=lambda iri: iri) -> str:
        where = f" [{short(self.shape)}" + (f" {short(self.path)}" if self.path else "") + "]" if self.shape else ""
        value = f" (value: {self.value})" if self.value is not None and self.value != self.focus else ""
        return f"{self.severity}: {short(self.focus)}: {self.message}{value}{where}"

    def __str__(self) -> str:
        return self.line(_shorten)


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    triples: int = 0

    def text(self) -> str:
        if self.conforms:
            return f"conforms ({self.triples} triples checked)"
        lines = [r.line(_shorten) for r in self.results]
        return f"{len(self.results)} problem(s) in {self.triples} triples:\n" + "\n".join(lines)

    __str__ = text


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return parse_turtle(SHAPES_TTL)


@lru_cache(maxsize=1)
def _class_hierarchy() -> Graph:
    """Only the rdfs:subClassOf triples of the ontology: enough for sh:class / sh:targetClass to see
    that a kkg:Company is a kkg:Agent, without re-adding labels the data under test may lack."""
    out = Graph()
    for triple in ontology_graph().triples((None, RDFS.subClassOf, None)):
        out.add(triple)
    return out


def _flatten(data: Graph | Dataset) -> Graph:
    out = Graph()
    if isinstance(data, Dataset):
        for s, p, o, _g in data.quads((None, None, None, None)):
            out.add((s, p, o))
    else:
        for triple in data:
            out.add(triple)
    return out


def validate(data: Graph | Dataset, *, with_base: bool = True, shapes: Graph | None = None) -> ValidationReport:
    """Check the nodes of `data` against the kadrey-kg shapes.

    With `with_base` (default) curated entities that `data` mentions are context: a statement
    whose speaker is a curated entity passes `sh:class kkg:Agent` even when `data` is one
    document's graph. Only problems of `data`'s own subjects are reported, and the context is
    limited to the curated nodes `data` touches, so the cost grows with `data`."""
    from pyshacl import validate as shacl_validate

    graph = _flatten(data)
    checked = len(graph)
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    if with_base:
        by_subject = _curated_by_subject()
        touched = subjects | {o for o in graph.objects() if isinstance(o, URIRef)}
        for node in touched & by_subject.keys():
            for triple in by_subject[node]:
                graph.add(triple)
    graph += _class_hierarchy()
    conforms, results_graph, _ = shacl_validate(
        graph, shacl_graph=shapes if shapes is not None else shapes_graph(), inference="none",
        abort_on_first=False, allow_warnings=True, advanced=False,
    )
    results = [_result(results_graph, r) for r in results_graph.subjects(RDF.type, SH.ValidationResult)]
    if with_base:  # context nodes are validated with the curated graph itself, not here
        results = [r for r in results if URIRef(r.focus) in subjects]
    results.sort(key=lambda r: (r.focus, r.shape or "", r.path or "", r.message))
    return ValidationReport(conforms=not results, results=results, triples=checked)


@lru_cache(maxsize=1)
def _curated_by_subject() -> dict[URIRef, list]:
    out: dict[URIRef, list] = {}
    for s, p, o in curated_graph():
        out.setdefault(s, []).append((s, p, o))
    return out


def _result(g: Graph, node: Node) -> ValidationResult:
    def one(p) -> str | None:
        value = g.value(node, p)
        return None if value is None else str(value)

    source_shape = g.value(node, SH.sourceShape)
    # Property shapes are blank nodes: name the node shape that holds them instead.
    shape = source_shape
    if source_shape is not None and not isinstance(source_shape, URIRef):
        holder = shapes_graph().value(None, SH.property, source_shape)
        shape = holder if holder is not None else None
    messages = sorted(str(m) for m in g.objects(node, SH.resultMessage))
    severity = one(SH.resultSeverity) or str(SH.Violation)
    return ValidationResult(
        focus=one(SH.focusNode) or "?",
        message=messages[0] if messages else "violates a shape",
        shape=None if shape is None else str(shape),
        path=_path(g, g.value(node, SH.resultPath)),
        value=one(SH.value),
        severity=severity.rsplit("#", 1)[-1],
    )


def _path(g: Graph, path) -> str | None:
    """A result path as text; an alternative path (a blank node) as `a|b|c`."""
    if path is None:
        return None
    alternatives = g.value(path, SH.alternativePath)
    if alternatives is not None:
        from rdflib.collection import Collection

        return "|".join(str(p) for p in Collection(g, alternatives))
    return str(path)


def _shorten(iri: str | None) -> str:
    if not iri:
        return ""
    if "|" in iri:
        return "|".join(_shorten(part) for part in iri.split("|"))
    best = iri
    for prefix, ns in PREFIXES.items():
        if iri.startswith(str(ns)) and len(iri) - len(str(ns)) < len(best):
            best = f"{prefix}:{iri[len(str(ns)):]}"
    if iri.startswith("https://w3id.org/kadrey-kg/shapes#"):
        best = "kkgsh:" + iri.rsplit("#", 1)[1]
    return best
