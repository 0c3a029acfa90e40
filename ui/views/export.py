"""Export: the whole graph (graph/export.py, one graph per document kept by JSON-LD) or the
subgraph on screen, with each edge's evidence (document, offsets, span) so provenance travels."""
from __future__ import annotations

import io

import streamlit as st
from kadrey_kg.graph.export import export
from kadrey_kg.graph.model import Subgraph
from kadrey_kg.ontology import KKG, PREFIXES, sub_iri
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD

from ..i18n import name_of, t
from . import common as c

FORMATS = {"turtle": ("Turtle", ".ttl", "text/turtle"), "jsonld": ("JSON-LD", ".jsonld", "application/ld+json")}


@st.cache_data(show_spinner=True, max_entries=4)
def _whole(location: str, fmt: str) -> tuple[bytes, int]:
    out = io.BytesIO()
    info = export(c.store(), out, fmt)
    return out.getvalue(), info["triples"]


def subgraph_rdf(sub: Subgraph) -> Graph:
    """The shown nodes (types, labels) and edges; each edge's sources become kkg:RelationEvidence
    nodes named as the pipeline names them (under the source document), so re-imports line up."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for node in sub.nodes:
        iri = URIRef(node.iri)
        for local in node.types:
            g.add((iri, RDF.type, KKG[local]))
        for lang_, label in node.labels.items():
            g.add((iri, RDFS.label, Literal(label, lang=lang_ or None)))
    for edge in sub.edges:
        s, p, o = URIRef(edge.subject), URIRef(edge.predicate), URIRef(edge.object)
        g.add((s, p, o))
        for src in edge.sources:
            ev = sub_iri(URIRef(src.document), "evidence", s, p, o, src.start, src.end)
            g.add((ev, RDF.type, KKG.RelationEvidence))
            g.add((ev, RDF.subject, s))
            g.add((ev, RDF.predicate, p))
            g.add((ev, RDF.object, o))
            g.add((ev, KKG.sourceDocument, URIRef(src.document)))
            if src.start is not None:
                g.add((ev, KKG.startOffset, Literal(src.start, datatype=XSD.integer)))
                g.add((ev, KKG.endOffset, Literal(src.end, datatype=XSD.integer)))
            if src.text:
                g.add((ev, KKG.spanText, Literal(src.text)))
    return g


def render(lang: str) -> None:
    current = st.session_state.get("current_subgraph")
    entity = c.param("entity")
    if entity and (not current or current["root"] != entity):
        # Opened from a link: the subgraph is the entity's 1-hop neighbourhood, as its page shows it.
        current = {"root": entity, "subgraph": c.q("neighbourhood", entity, hops=1, limit=300)}
    scopes = ["whole"]
    if current:
        root = current["root"]
        scopes.append("sub")
        root_name = name_of(root, c.labels([root]).get(root), lang)
    scope = st.radio(t("export.scope", lang), scopes, key="export-scope", horizontal=True,
                     format_func=lambda s: t("export.whole", lang) if s == "whole" else t("export.sub", lang, name=root_name))
    fmt = st.radio(t("export.format", lang), list(FORMATS), key="export-format", horizontal=True,
                   format_func=lambda f: FORMATS[f][0])
    label, suffix, mime = FORMATS[fmt]
    if scope == "whole":
        if fmt == "turtle":
            st.caption(t("export.turtle_note", lang))
        if not st.toggle(t("export.prepare", lang), key=f"export-prepare-{fmt}"):
            return
        data, triples = _whole(c.store_location(), fmt)
        name = f"kadrey-kg{suffix}"
    else:
        st.caption(t("export.sub_note", lang))
        graph = subgraph_rdf(current["subgraph"])
        data = graph.serialize(format="turtle" if fmt == "turtle" else "json-ld", encoding="utf-8")
        triples = len(graph)
        name = f"kadrey-kg-{root.rsplit('/', 1)[-1]}{suffix}"
    st.caption(t("export.size", lang, triples=triples, kb=max(1, len(data) // 1024)))
    st.download_button(t("export.download", lang, file=name), data, file_name=name, mime=mime, key="export-download",
                       on_click="ignore", type="primary")
