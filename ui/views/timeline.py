"""Timeline: dated events, statements and documents, optionally only those touching one entity."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ..i18n import name_of, t
from . import common as c

KINDS = ("event", "statement", "document")
KIND_COLOURS = {"event": "#5b8c5a", "statement": "#d6616b", "document": "#6b6ecf"}


def render(lang: str) -> None:
    entity = c.param("entity")
    only = False
    if entity:
        name = name_of(entity, c.labels([entity]).get(entity), lang)
        only = st.toggle(t("timeline.only", lang, name=name), value=True, key="timeline-only")
    items = c.q("timeline", entity if only else None)
    kinds = st.multiselect(t("col.kind", lang), KINDS, default=list(KINDS), key="timeline-kinds",
                           format_func=lambda k: t(f"kind.{k}", lang))
    items = [i for i in items if i.kind in kinds]
    if not items:
        st.info(t("timeline.empty", lang))
        return
    _chart(items, lang)
    year = None
    for item in items:
        if item.date[:4] != year:
            year = item.date[:4]
            st.markdown(f"#### {year}")
        st.markdown(f"`{item.date}` <span style='color:{KIND_COLOURS.get(item.kind, '#999')}'>●</span> "
                    f"{t('kind.' + item.kind, lang) if item.kind in KINDS else item.kind} · {_what(item, lang)}",
                    unsafe_allow_html=True)


def _what(item, lang: str) -> str:
    label = c.md_escape(c.shorten(name_of(item.iri, item.labels, lang), 180))
    if item.kind == "document":
        return f"[{label}]({c.href('document', doc=item.iri)})"
    if item.kind == "event":
        text = f"[{label}]({c.href('entity', entity=item.iri)})"
    else:
        text = label
    if item.source is not None:
        text += f" — {c.source_link(item.source, lang)}"
    return text


def _chart(items, lang: str) -> None:
    frame = pd.DataFrame({
        "date": pd.to_datetime([i.date for i in items], errors="coerce", format="mixed"),
        "kind": [t(f"kind.{i.kind}", lang) if i.kind in KINDS else i.kind for i in items],
        "what": [c.shorten(name_of(i.iri, i.labels, lang), 80) for i in items],
    }).dropna(subset=["date"])
    if frame.empty:
        return
    colours = alt.Scale(domain=[t(f"kind.{k}", lang) for k in KINDS], range=[KIND_COLOURS[k] for k in KINDS])
    chart = alt.Chart(frame).mark_circle(size=90, opacity=0.8).encode(
        x=alt.X("date:T", title=t("col.date", lang)),
        y=alt.Y("kind:N", title=None),
        color=alt.Color("kind:N", scale=colours, legend=None),
        tooltip=[alt.Tooltip("date:T", title=t("col.date", lang)), alt.Tooltip("what:N", title=t("col.what", lang))],
    ).properties(height=160).interactive(bind_y=False)
    st.altair_chart(chart, width="stretch")
