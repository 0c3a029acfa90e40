"""Blocks shared by several views: a statement, an allegation, a document's mentions in context.

Text is always shown in its original language, with the machine translation beside it and
labelled as such: a legal reader must never mistake a translation for the source.
"""
from __future__ import annotations

import html

import streamlit as st

from ..i18n import local_name, name_of, t, tc
from . import common as c

CONTEXT = 140  # characters of document text shown around a mention


def original_and_mt(text: str, text_lang: str | None, mt: str | None, mt_lang: str | None, lang: str) -> None:
    left, right = st.columns(2)
    left.caption(t("original", lang, code=text_lang or "?"))
    left.markdown(f"> {c.md_escape(text)}")
    if mt:
        right.caption(f"⚙ {t('mt', lang)} ({mt_lang or '?'})")
        right.markdown(f"> _{c.md_escape(mt)}_")
    elif text_lang and text_lang != lang:
        right.caption(t("mt.none", lang))


def statement_block(row, lang: str) -> None:
    with st.container(border=True):
        bits = [f"**{tc('speaker', lang)}** {c.entity_link(row.speaker, row.speaker_labels, lang)}"]
        if row.date:
            bits.append(row.date)
        bits.append(t("quote" if row.is_quote else "reported", lang))
        if row.medium:
            medium = row.medium
            shown = (c.entity_link(medium, c.labels([medium]).get(medium), lang) if medium.startswith("http")
                     else c.md_escape(medium))
            bits.append(f"{tc('medium', lang)} {shown}")
        st.markdown(" · ".join(bits))
        original_and_mt(row.text, row.lang, row.translation, row.translation_lang, lang)
        st.markdown(f"{tc('col.source', lang)} {c.source_link(row.source, lang)}")


def allegation_block(row, lang: str) -> None:
    with st.container(border=True):
        by = c.entity_link(row.by, row.by_labels, lang) if row.by else "—"
        against = c.entity_link(row.against, row.against_labels, lang)
        standing = c.type_name(row.standing, lang)
        st.markdown(f"**{tc('by', lang)}** {by} · **{tc('against', lang)}** {against} · "
                    f"**{tc('standing', lang)}** `{c.md_escape(standing)}`")
        original_and_mt(row.text, row.lang, row.translation, row.translation_lang, lang)
        st.markdown(f"{tc('col.source', lang)} {c.source_link(row.source, lang)}")


def highlight(body: str, start: int, end: int, colour: str = "#ffe08a") -> str:
    """HTML of `body[start:end]` in its context, the span marked."""
    lo, hi = max(0, start - CONTEXT), min(len(body), end + CONTEXT)
    before, span, after = body[lo:start], body[start:end], body[end:hi]
    return ("…" if lo else "") + html.escape(before) + f"<mark style='background:{colour}'>" + html.escape(span) + \
        "</mark>" + html.escape(after) + ("…" if hi < len(body) else "")


def mention_block(doc: str, mentions, lang: str) -> None:
    view = c.q("document", doc)
    title = (view.title if view else None) or mentions[0].title or local_name(doc)
    with st.container(border=True):
        meta = " · ".join(x for x in ((view.date if view else None), c.lang_badge(mentions[0].lang)) if x)
        st.markdown(f"**[{c.md_escape(title)}]({c.href('document', doc=doc)})** {meta}")
        for m in mentions[:5]:
            body = view.body if view and view.body else None
            if body and 0 <= m.start < m.end <= len(body):
                st.markdown(f"<div style='font-size:0.9em'>{highlight(body, m.start, m.end)}</div>", unsafe_allow_html=True)
            else:
                st.markdown(f"« {c.md_escape(m.text)} »")
            st.markdown(f"[{t('view.doc', lang)} [{m.start}–{m.end}]]({c.href('document', doc=doc, start=m.start, end=m.end)})")
        if len(mentions) > 5:
            st.caption(f"+{len(mentions) - 5}")


def node_name(node, lang: str) -> str:
    return name_of(node.iri, node.labels, lang)
