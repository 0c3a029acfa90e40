"""Path finder: the shortest chains of relations linking two entities, each hop with its sources."""
from __future__ import annotations

import streamlit as st
from kadrey_kg.graph.model import Subgraph
from st_link_analysis import st_link_analysis

from ..i18n import t
from . import common as c
from . import graph as graph_view
from .picker import entity_picker


def render(lang: str) -> None:
    left, right = st.columns(2)
    with left:
        source = entity_picker(t("paths.from", lang), "path-from", lang, c.param("from") or c.param("entity"))
    with right:
        target = entity_picker(t("paths.to", lang), "path-to", lang, c.param("to"))
    max_hops = st.slider(t("paths.max_hops", lang), 1, 6, 4, key="path-hops")
    if st.button(t("paths.find", lang), key="path-find", type="primary"):
        if not source or not target:
            st.warning(t("paths.need_two", lang))
            return
        c.set_params(**{"from": source, "to": target})
    source, target = c.param("from"), c.param("to")
    if not source or not target:
        st.caption(t("paths.need_two", lang))
        return
    paths = c.q("shortest_paths", source, target, max_hops=max_hops, limit=5)
    if not paths:
        st.info(t("paths.none", lang, n=max_hops))
        return
    for i, path in enumerate(paths, 1):
        with st.container(border=True):
            st.markdown(f"**{t('paths.path', lang, i=i, n=len(path.hops))}**")
            names = {n.iri: n for n in path.nodes}
            for hop in path.hops:
                s, o = names.get(hop.subject), names.get(hop.object)
                rel = graph_view.edge_label(hop, lang)
                st.markdown(f"{c.entity_link(hop.subject, s.labels if s else {}, lang)} —*{c.md_escape(rel)}*→ "
                            f"{c.entity_link(hop.object, o.labels if o else {}, lang)}")
                if hop.sources:
                    st.markdown("\n".join(f"  - ↳ {c.source_link(x, lang)}" for x in hop.sources))
                else:
                    st.caption(f"↳ {t('paths.no_source', lang)}")
    sub = graph_view.merge([_as_subgraph(p) for p in paths])
    st_link_analysis(graph_view.elements(sub, lang), layout="breadthfirst", node_styles=graph_view.node_styles(sub),
                     edge_styles=graph_view.edge_styles(sub), height=200 + 60 * min(len(sub.nodes), 8),
                     key=f"paths-cy-{len(sub.nodes)}-{len(sub.edges)}")


def _as_subgraph(path) -> Subgraph:
    return Subgraph(nodes=list(path.nodes), edges=list(path.hops))

