"""Interactive neighbourhood graph (st-link-analysis, Cytoscape.js): coloured by type with a legend,
edge labels in the chosen language, filters by relation and type, click to select a node, double-click
(or the expand control) to add its neighbours; every edge listed with its sources underneath.

Style selectors use class/property local names (ASCII); the visible captions are the localized
labels, so a French label with an apostrophe can never break a Cytoscape selector.
"""
from __future__ import annotations

import hashlib

import streamlit as st
from kadrey_kg.graph.model import Subgraph
from st_link_analysis import EdgeStyle, Event, NodeStyle, st_link_analysis

from ..i18n import colon, local_name, name_of, pick, t, tc
from . import common as c
from .picker import entity_picker

NODE_LIMIT = 300
LAYOUT = {"name": "fcose", "padding": 15, "animationDuration": 400, "fit": True, "animate": "end",
          "nodeDimensionsIncludeLabels": True, "nodeRepulsion": 6500, "idealEdgeLength": 90, "quality": "proof",
          "randomize": True, "nodeSeparation": 60}


class BaseStyle:
    """Readable captions: the component's defaults (3.6 px text hidden below 10 px on screen) leave a
    fitted 30-node graph without a single visible name."""

    def dump(self) -> dict:
        return {"selector": "node", "style": {"font-size": 8, "min-zoomed-font-size": 5, "text-wrap": "ellipsis",
                                           "text-max-width": 90}}


class EdgeTextStyle:
    def dump(self) -> dict:
        return {"selector": "edge", "style": {"font-size": 5.5, "min-zoomed-font-size": 5}}


def render(lang: str) -> None:
    iri = entity_picker(t("page.entity", lang), "graph-root", lang, c.param("entity"))
    if not iri:
        st.info(t("entity.none", lang))
        return
    if iri != c.param("entity"):
        c.set_params(entity=iri)
    hops = st.slider(t("graph.hops", lang), 1, 3, 1, key="graph-hops")
    panel(iri, lang, key="graph-page", height=650, hops=hops)


def merge(parts: list[Subgraph]) -> Subgraph:
    nodes, edges, truncated = {}, {}, False
    for part in parts:
        truncated |= part.truncated
        for node in part.nodes:
            nodes.setdefault(node.iri, node)
        for edge in part.edges:
            edges.setdefault((edge.subject, edge.predicate, edge.object), edge)
    return Subgraph(nodes=[nodes[k] for k in sorted(nodes)], edges=[edges[k] for k in sorted(edges)],
                    truncated=truncated)


def current_subgraph(iri: str, key: str, hops: int, relations, types) -> Subgraph:
    """The root's neighbourhood plus the 1-hop neighbourhoods of every node the user expanded."""
    rel = tuple(sorted(relations)) or None
    typ = tuple(sorted(types)) or None
    expanded = st.session_state.setdefault(f"{key}-expanded", {}).get(iri, [])
    parts = [c.q("neighbourhood", iri, hops=hops, relations=rel, types=typ, limit=NODE_LIMIT)]
    parts += [c.q("neighbourhood", n, hops=1, relations=rel, types=typ, limit=NODE_LIMIT) for n in expanded]
    return merge(parts)


def expand(key: str, root: str, node: str) -> None:
    expanded = st.session_state.setdefault(f"{key}-expanded", {}).setdefault(root, [])
    if node != root and node not in expanded:
        expanded.append(node)


def panel(iri: str, lang: str, key: str, height: int = 500, hops: int = 1, compact: bool = False) -> Subgraph:
    st.subheader(t("graph.title", lang))
    unfiltered = c.q("neighbourhood", iri, hops=hops, limit=NODE_LIMIT)
    rel_options = sorted({e.predicate for e in unfiltered.edges},
                         key=lambda p: _rel_name(p, unfiltered, lang).lower())
    type_options = sorted({c.primary_type(n.types) for n in unfiltered.nodes}, key=lambda x: c.type_name(x, lang))
    box = st.expander(t("graph.relations", lang) + " / " + t("graph.types", lang), expanded=not compact)
    relations = box.multiselect(t("graph.relations", lang), rel_options, key=f"{key}-rel",
                                format_func=lambda p: _rel_name(p, unfiltered, lang))
    types = box.multiselect(t("graph.types", lang), type_options, key=f"{key}-types",
                            format_func=lambda x: c.type_name(x, lang))
    sub = current_subgraph(iri, key, hops, relations, types)
    st.session_state["current_subgraph"] = {"root": iri, "subgraph": sub}
    if not sub.edges:
        st.caption(t("graph.empty", lang))
    _legend(sub, lang)
    roots = (iri, *st.session_state[f"{key}-expanded"].get(iri, []))
    # A new node set gets a fresh component (key), hence a fresh layout fitted to the frame.
    shape = hashlib.sha1(" ".join(n.iri for n in sub.nodes).encode()).hexdigest()[:10]
    event = st_link_analysis(elements(sub, lang, roots), layout=LAYOUT, node_styles=node_styles(sub),
                             edge_styles=edge_styles(sub), height=height, key=f"{key}-cy-{shape}",
                             node_actions=["expand"], events=[Event("select", "tap", "node")])
    _handle_event(event, iri, key)
    _controls(sub, roots, key, lang)
    caption = t("graph.counts", lang, nodes=len(sub.nodes), edges=len(sub.edges)) + " · " + t("graph.help", lang)
    st.caption(caption)
    if sub.truncated:
        st.warning(t("graph.truncated", lang))
    with st.expander(t("graph.edges", lang) + f" ({len(sub.edges)})"):
        names = {n.iri: n for n in sub.nodes}
        for edge in sub.edges:
            s, o = names.get(edge.subject), names.get(edge.object)
            line = (f"{c.entity_link(edge.subject, s.labels if s else {}, lang)} —{c.md_escape(edge_label(edge, lang))}→ "
                    f"{c.entity_link(edge.object, o.labels if o else {}, lang)}{colon(lang)} ")
            st.markdown(line + ("; ".join(c.source_link(x, lang) for x in edge.sources) or t("curated", lang)))
    return sub


def _rel_name(predicate: str, sub: Subgraph, lang: str) -> str:
    for edge in sub.edges:
        if edge.predicate == predicate:
            return edge_label(edge, lang)
    return local_name(predicate)


def edge_label(edge, lang: str) -> str:
    return pick(edge.predicate_labels, lang) or local_name(edge.predicate)


def node_names(sub: Subgraph, lang: str, roots: tuple[str, ...] = ()) -> dict[str, str]:
    """Display names; statements and allegations have no label, so they are named by their text
    (known for those of the root and expanded nodes) or by their type, never by a hash alone."""
    texts = {}
    if any(n.labels == {} for n in sub.nodes):
        for root in roots:
            for method in ("statements_by", "statements_about", "allegations_by", "allegations_against"):
                texts.update({row.iri: row.text for row in c.q(method, root)})
    names = {}
    for n in sub.nodes:
        if n.labels:
            names[n.iri] = name_of(n.iri, n.labels, lang)
        else:
            kind = c.type_name(c.primary_type(n.types), lang)
            names[n.iri] = f"{kind} « {c.shorten(texts[n.iri], 50)} »" if n.iri in texts else f"{kind} {local_name(n.iri)[:6]}"
    return names


def elements(sub: Subgraph, lang: str, roots: tuple[str, ...] = ()) -> dict:
    names = node_names(sub, lang, roots)
    nodes = [{"data": {"id": n.iri, "label": c.primary_type(n.types),
                       "name": c.shorten(names[n.iri], 40),
                       "type": c.type_name(c.primary_type(n.types), lang)}} for n in sub.nodes]
    edges = [{"data": {"id": f"{e.subject} {e.predicate} {e.object}", "label": local_name(e.predicate),
                       "name": edge_label(e, lang), "source": e.subject, "target": e.object}} for e in sub.edges]
    return {"nodes": nodes, "edges": edges}


def node_styles(sub: Subgraph) -> list[NodeStyle]:
    present = sorted({c.primary_type(n.types) for n in sub.nodes})
    return [BaseStyle()] + [NodeStyle(x, c.style_of(x)[0], caption="name", icon=c.style_of(x)[1]) for x in present]


def edge_styles(sub: Subgraph) -> list[EdgeStyle]:
    present = sorted({local_name(e.predicate) for e in sub.edges})
    return [EdgeTextStyle()] + [EdgeStyle(x, caption="name", directed=True, labeled=None) for x in present]


def _legend(sub: Subgraph, lang: str) -> None:
    counts: dict[str, int] = {}
    for n in sub.nodes:
        counts[c.primary_type(n.types)] = counts.get(c.primary_type(n.types), 0) + 1
    chips = [f"<span style='display:inline-block;margin-right:14px'><span style='color:{c.style_of(x)[0]};"
             f"font-size:1.2em'>●</span> {c.md_escape(c.type_name(x, lang))} ({n})</span>"
             for x, n in sorted(counts.items(), key=lambda kv: -kv[1])]
    st.markdown(f"**{tc('graph.legend', lang)}** " + "".join(chips), unsafe_allow_html=True)


def _handle_event(event, root: str, key: str) -> None:
    """The component keeps returning its last event: act on each timestamp once."""
    if not event or event.get("timestamp") == st.session_state.get(f"{key}-last-ts"):
        return
    st.session_state[f"{key}-last-ts"] = event.get("timestamp")
    data = event.get("data") or {}
    if event.get("action") == "expand":
        for node in data.get("node_ids", []):
            expand(key, root, node)
        st.rerun()
    elif event.get("action") == "select" and data.get("target_id"):
        st.session_state[f"{key}-selected"] = data["target_id"]


def _controls(sub: Subgraph, roots: tuple[str, ...], key: str, lang: str) -> None:
    """Open or expand the clicked node; the same by picking it from a list (keyboard, tests)."""
    root = roots[0]
    names = node_names(sub, lang, roots)
    selected = st.session_state.get(f"{key}-selected")
    if selected in names:
        cols = st.columns([3, 1, 1], vertical_alignment="center")
        cols[0].markdown(t("graph.selected", lang, name=c.md_escape(names[selected])))
        if cols[1].button(t("open", lang), key=f"{key}-open-sel"):
            c.goto("entity", entity=selected)
        if cols[2].button(t("graph.expand", lang), key=f"{key}-expand-sel"):
            expand(key, root, selected)
            st.rerun()
    options = [i for i in sorted(names, key=lambda i: names[i].lower()) if i != root]
    if not options:
        return
    cols = st.columns([3, 1, 1, 1], vertical_alignment="bottom")
    pick_ = cols[0].selectbox(t("graph.expand_pick", lang), options, format_func=names.get, key=f"{key}-pick")
    if cols[1].button(t("graph.expand", lang), key=f"{key}-expand"):
        expand(key, root, pick_)
        st.rerun()
    if cols[2].button(t("open", lang), key=f"{key}-open"):
        c.goto("entity", entity=pick_)
    if cols[3].button(t("graph.reset", lang), key=f"{key}-reset"):
        st.session_state[f"{key}-expanded"].pop(root, None)
        st.rerun()
