"""Entity page: names in both languages, links out, the neighbourhood graph, then every fact,
statement, allegation and mention with its source document and span."""
from __future__ import annotations

import streamlit as st
from kadrey_kg.ontology import KKGDOC

from ..i18n import colon, local_name, name_of, other_lang, pick, t, tc
from . import common as c
from . import graph as graph_view
from .passages import allegation_block, mention_block, original_and_mt, statement_block


def render(lang: str) -> None:
    iri = c.param("entity")
    if not iri:
        st.info(t("entity.none", lang))
        return
    card = c.q("entity", iri)
    if card is None:
        st.warning(t("entity.missing", lang, iri=iri))
        return
    _header(card, lang)
    if {"Statement", "Allegation"} & set(card.types):
        _passage(card, lang)
    elif card.iri.startswith(str(KKGDOC)):
        st.markdown(f"[{t('doc.open', lang)}]({c.href('document', doc=card.iri)})")
    graph_view.panel(iri, lang, key="entity-graph", height=560, compact=True)
    tabs = st.tabs([t("entity.tab.facts", lang), t("entity.tab.statements", lang),
                    t("entity.tab.allegations", lang), t("entity.tab.documents", lang)])
    with tabs[0]:
        _facts(card, lang)
    with tabs[1]:
        _statements(iri, lang)
    with tabs[2]:
        _allegations(iri, lang)
    with tabs[3]:
        _documents(iri, lang)


def _value(card, local: str):
    """The (first) literal fact `kkg:<local>` of a card, as the Fact."""
    return next((f for f in card.facts if f.direction == "out" and local_name(f.predicate) == local), None)


def _passage(card, lang: str) -> None:
    """A statement or allegation opened as a node: its text, its MT, and where it stands in its source."""
    text, mt = _value(card, "text"), _value(card, "machineTranslation")
    doc, start, end = _value(card, "sourceDocument"), _value(card, "startOffset"), _value(card, "endOffset")
    if text:
        original_and_mt(text.other, text.lang, mt.other if mt else None, mt.lang if mt else None, lang)
    if doc:
        span = {"start": start.other, "end": end.other} if start and end else {}
        st.markdown(f"[{t('view.doc', lang)}]({c.href('document', doc=doc.other, **span)})")


def _header(card, lang: str) -> None:
    name = name_of(card.iri, card.labels or card.mt_labels, lang)
    if not (card.labels or card.mt_labels) and _value(card, "text"):  # statements, allegations
        name = f"{c.type_name(c.primary_type(card.types), lang)} « {c.shorten(_value(card, 'text').other, 80)} »"
    st.header(name)
    names = []
    for code in (lang, other_lang(lang)):
        if card.labels.get(code):
            names.append(f"**{code}**{colon(lang)} {c.md_escape(card.labels[code])}")
        elif card.mt_labels.get(code):
            names.append(f"**{code}**{colon(lang)} {c.md_escape(card.mt_labels[code])} _({t('mt.label', lang)})_")
    types = " · ".join(c.type_name(x, lang) for x in sorted(card.types, key=_type_rank))
    st.markdown(f"{tc('entity.types', lang)} {types}  \n{tc('entity.names', lang)} {' — '.join(names) or '—'}")
    aliases = sorted({a for values in card.aliases.values() for a in values} - set(card.labels.values()))
    if aliases:
        st.markdown(f"{tc('entity.aliases', lang)} " + ", ".join(c.md_escape(a) for a in aliases))
    links = ([f"[Wikidata {local_name(card.wikidata)}]({card.wikidata})"] if card.wikidata else []) + [
        f"[{_host(url)}]({url})" for url in card.links]
    if links:
        st.markdown(f"{tc('entity.links', lang)} " + " · ".join(links))
    st.caption(f"`{card.iri}`")


def _type_rank(name: str) -> int:
    return c.TYPE_ORDER.index(name) if name in c.TYPE_ORDER else len(c.TYPE_ORDER)


def _host(url: str) -> str:
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return "CourtListener" if "courtlistener" in host else host


def _facts(card, lang: str) -> None:
    if not card.facts:
        st.caption(t("entity.no_facts", lang))
        return
    rows = [f"| {t('col.relation', lang)} | | {t('col.other', lang)} | {t('col.source', lang)} |", "|---|---|---|---|"]
    related: dict[str, str] = {}
    for fact in card.facts:
        rel = pick(fact.predicate_labels, lang) or local_name(fact.predicate)
        if fact.other_is_iri:
            other = c.entity_link(fact.other, fact.other_labels, lang)
            related.setdefault(fact.other, name_of(fact.other, fact.other_labels, lang))
        else:
            value = pick(fact.other_labels, lang, fact.other)
            other = c.md_escape(c.shorten(value, 200)) + (f" {c.lang_badge(fact.lang)}" if fact.lang else "")
        sources = "<br>".join(c.source_link(s, lang) for s in fact.sources) or t("curated", lang)
        rows.append(f"| {c.md_escape(rel)} | {t('dir.' + fact.direction, lang)} | {other} | {sources} |")
    st.markdown("\n".join(rows), unsafe_allow_html=True)
    related.pop(card.iri, None)
    if related:  # in-app navigation (the table's links open a new tab)
        left, right = st.columns([4, 1], vertical_alignment="bottom")
        choice = left.selectbox(t("entity.goto", lang), list(related), format_func=related.get, key="goto-related")
        if right.button(t("open", lang), key="goto-related-btn"):
            c.goto("entity", entity=choice)


def _statements(iri: str, lang: str) -> None:
    for title_key, method in (("entity.statements_by", "statements_by"), ("entity.statements_about", "statements_about")):
        rows = c.q(method, iri)
        st.subheader(f"{t(title_key, lang)} ({len(rows)})")
        if not rows:
            st.caption(t("entity.none_rows", lang))
        for row in rows:
            statement_block(row, lang)


def _allegations(iri: str, lang: str) -> None:
    for title_key, method in (("entity.allegations_by", "allegations_by"), ("entity.allegations_against", "allegations_against")):
        rows = c.q(method, iri)
        st.subheader(f"{t(title_key, lang)} ({len(rows)})")
        if not rows:
            st.caption(t("entity.none_rows", lang))
        for row in rows:
            allegation_block(row, lang)


def _documents(iri: str, lang: str) -> None:
    rows = c.q("documents_mentioning", iri)
    if not rows:
        st.caption(t("entity.no_mentions", lang))
        return
    by_doc: dict[str, list] = {}
    for row in rows:
        by_doc.setdefault(row.document, []).append(row)
    for doc, mentions in by_doc.items():
        mention_block(doc, mentions, lang)

