"""Document view: metadata, the cleaned text with recognised entities highlighted (each mark links
to its entity), the cited span when the URL names one, and the facts extracted from it."""
from __future__ import annotations

import html

import streamlit as st

from ..i18n import local_name, meta_label, name_of, t
from . import common as c
from .passages import allegation_block, highlight, statement_block

CITED = "#ffd54f"


def render(lang: str) -> None:
    docs = c.q("documents")
    if not docs:
        st.info(t("doc.none", lang))
        return
    titles = {d.iri: " · ".join(x for x in (d.date, d.title or local_name(d.iri), d.lang) if x) for d in docs}
    current = c.param("doc")
    if current and current not in titles:  # a source document known from its manifest, not ingested
        known = c.q("document", current)
        titles = {current: (known.title if known and known.title else local_name(current)), **titles}
    options = list(titles)
    st.session_state["doc-pick"] = current if current in options else options[0]
    choice = st.selectbox(t("doc.pick", lang), options, format_func=lambda i: titles.get(i, i), key="doc-pick",
                          on_change=lambda: c.set_params(doc=st.session_state["doc-pick"], start=None, end=None))
    view = c.q("document", choice)
    if view is None:
        st.warning(t("doc.missing", lang, iri=choice))
        return
    _header(view, lang)
    start, end = _int(c.param("start")), _int(c.param("end"))
    if view.body and start is not None and end is not None and 0 <= start < end <= len(view.body):
        st.markdown(f"**{t('doc.cited', lang, start=start, end=end)}**")
        st.markdown(f"<div style='border-left:4px solid {CITED};padding-left:10px'>{highlight(view.body, start, end, CITED)}</div>",
                    unsafe_allow_html=True)
    st.subheader(t("doc.text", lang))
    if view.body:
        st.markdown(_marked_body(view, lang, start, end), unsafe_allow_html=True)
    else:
        st.caption(t("doc.no_body", lang))
    _extracted(view, lang)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _header(view, lang: str) -> None:
    st.header(view.title or local_name(view.iri))
    rows = {t("meta.kind", lang): view.kind, t("meta.lang", lang): view.lang, t("meta.date", lang): view.date,
            **{meta_label(k, lang): v for k, v in sorted(view.metadata.items()) if v not in (None, "")}}
    table = "\n".join(f"| {c.md_escape(k)} | {c.md_escape(v)} |" for k, v in rows.items() if v not in (None, ""))
    st.markdown(f"| {t('doc.meta', lang)} | |\n|---|---|\n{table}")
    if view.url:
        st.markdown(f"[{t('doc.open_source', lang)}]({view.url})")
    st.caption(f"`{view.iri}`")


def _marked_body(view, lang: str, cited_start: int | None, cited_end: int | None) -> str:
    """The body as HTML with every mention wrapped in a coloured link to its entity.
    Overlapping mentions keep the first (they come sorted by start)."""
    body = view.body
    names = c.labels(view.mention_entities)
    types = {}
    out, pos = [], 0
    for mention, entity in sorted(zip(view.mentions, view.mention_entities), key=lambda me: (me[0].start, -me[0].end)):
        if mention.start < pos or not (0 <= mention.start < mention.end <= len(body)):
            continue
        if entity not in types:
            card = c.q("entity", entity)
            types[entity] = c.primary_type(card.types) if card else "Other"
        colour = c.style_of(types[entity])[0]
        out.append(html.escape(body[pos:mention.start]))
        title = html.escape(f"{name_of(entity, names.get(entity), lang)} — {c.type_name(types[entity], lang)}")
        out.append(f"<a href='{html.escape(c.href('entity', entity=entity))}' target='_self' title='{title}' "
                   f"style='background:{colour}33;border-bottom:2px solid {colour};color:inherit;text-decoration:none'>"
                   f"{html.escape(body[mention.start:mention.end])}</a>")
        pos = mention.end
    out.append(html.escape(body[pos:]))
    return ("<div style='white-space:pre-wrap;max-height:640px;overflow-y:auto;border:1px solid #ddd;"
            "padding:12px;border-radius:6px;font-family:Georgia,serif;line-height:1.5'>" + "".join(out) + "</div>")


def _extracted(view, lang: str) -> None:
    st.subheader(t("doc.extracted", lang))
    counts: dict[str, list[int]] = {}
    for mention, entity in zip(view.mentions, view.mention_entities):
        counts.setdefault(entity, []).append(mention.start)
    names = c.labels(counts)
    with st.expander(t("doc.mentions", lang, n=len(view.mentions))):
        for entity, starts in sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            st.markdown(f"{c.entity_link(entity, names.get(entity), lang)} × {len(starts)}")
    st.markdown(f"**{t('entity.tab.statements', lang)} ({len(view.statements)})**")
    for row in view.statements:
        statement_block(row, lang)
    st.markdown(f"**{t('entity.tab.allegations', lang)} ({len(view.allegations)})**")
    for row in view.allegations:
        allegation_block(row, lang)
