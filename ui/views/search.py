"""Search page: one box, either language, results grouped by type, each opening the entity page."""
from __future__ import annotations

import streamlit as st

from ..i18n import name_of, other_lang, pick, t
from . import common as c


def _on_query_change() -> None:
    c.set_params(q=st.session_state["w_q"].strip() or None)


def render(lang: str) -> None:
    st.session_state["w_q"] = c.param("q", "")
    text = st.text_input(t("search.input", lang), key="w_q", placeholder=t("search.placeholder", lang),
                         on_change=_on_query_change).strip()
    if not text:
        st.caption(t("search.hint", lang))
        return
    hits = c.q("search", text, limit=50)
    if not hits:
        st.info(t("search.none", lang, q=text))
        return
    st.caption(t("search.count", lang, n=len(hits)))
    groups: dict[str, list] = {}
    for hit in hits:  # hits arrive best first; groups keep that order inside and by their best hit
        groups.setdefault(c.primary_type(hit.types), []).append(hit)
    for type_local, members in groups.items():
        colour, _ = c.style_of(type_local)
        st.markdown(f"<span style='color:{colour}'>●</span> **{c.type_name(type_local, lang)}** ({len(members)})",
                    unsafe_allow_html=True)
        for hit in members:
            _hit_row(hit, lang)


def _hit_row(hit, lang: str) -> None:
    name = name_of(hit.iri, hit.labels, lang)
    other = pick({k: v for k, v in hit.labels.items() if k == other_lang(lang)}, other_lang(lang))
    left, right = st.columns([5, 1])
    line = f"**{c.md_escape(name)}**"
    if other and other != name:
        line += f" · _{c.md_escape(other)}_ ({other_lang(lang)})"
    if hit.matched and hit.matched not in (name, other):
        line += f" — {t('search.matched', lang, m=c.md_escape(hit.matched))}"
    left.markdown(line)
    if right.button(t("open", lang), key=f"open-{hit.iri}"):
        c.goto("entity", entity=hit.iri)
