"""Export a store (or some of its graphs) as Turtle, TriG, JSON-LD, N-Triples or N-Quads.

    from kadrey_kg.graph import open_store
    from kadrey_kg.graph.export import export
    with open_store() as store, open("case.ttl", "wb") as out:
        export(store, out, "turtle")
"""
from __future__ import annotations

from typing import BinaryIO, Iterable

from rdflib import Dataset, Graph

from kadrey_kg.ontology import PREFIXES

from .formats import FORMATS, RdfFormat, lookup_format


def _bind(g) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


def union_graph(ds: Dataset) -> Graph:
    union = Graph()
    _bind(union)
    for g in ds.graphs():
        for t in g:
            union.add(t)
    return union


def export(store, out: BinaryIO, fmt: str | RdfFormat = "turtle", graphs: Iterable[str] | None = None) -> dict:
    """Write the store to `out`; returns {"format", "triples", "graphs", "merged"}.

    A format without named graphs (Turtle, N-Triples) gets the union of the graphs (`merged` is
    True): each extracted fact still points to its document through kkg:sourceDocument, but the
    graph boundaries are gone, so the caller should say so (TriG / N-Quads / JSON-LD keep them)."""
    fmt = fmt if isinstance(fmt, RdfFormat) else lookup_format(fmt)
    ds = store.dataset(graphs)
    named = [g for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier]
    if fmt.named_graphs:
        _bind(ds)
        data, triples = ds, sum(len(g) for g in ds.graphs())
    else:
        data = union_graph(ds)
        triples = len(data)
    out.write(data.serialize(format=fmt.rdflib_name, encoding="utf-8"))
    return {"format": fmt.name, "triples": triples, "graphs": len(named), "merged": not fmt.named_graphs}


__all__ = ["export", "union_graph", "FORMATS", "lookup_format"]
