"""The kadrey-kg explorer (Streamlit). Run with `kadrey-kg serve`, or
`streamlit run ui/app.py -- --store PATH`.

Every view is described by the URL (?page=entity&entity=<IRI>&lang=fr), so any screen can be
bookmarked, cited or shared. Errors are messages, never tracebacks.
"""
from __future__ import annotations

import logging

import streamlit as st
from kadrey_kg.graph import GraphError
from kadrey_kg.ui.i18n import LANGS, t
from kadrey_kg.ui.views import common as c
from kadrey_kg.ui.views import console, document, entity, export, graph, paths, search, timeline

VIEWS = {"search": search, "entity": entity, "graph": graph, "paths": paths, "timeline": timeline,
         "document": document, "console": console, "export": export}
LANG_NAMES = {"fr": "Français", "en": "English"}
log = logging.getLogger("kadrey_kg.ui")


def _sync_widgets() -> None:
    """The URL is the source of truth: copy it into the navigation widgets before they are drawn."""
    st.session_state["w_lang"] = c.lang()
    st.session_state["w_page"] = c.page()


def _sidebar(lang: str) -> None:
    with st.sidebar:
        st.radio(t("lang.label", lang), LANGS, key="w_lang", horizontal=True, format_func=LANG_NAMES.get,
                 on_change=lambda: c.set_params(lang=st.session_state["w_lang"]))
        st.radio(t("nav.label", lang), list(VIEWS), key="w_page", format_func=lambda p: t(f"page.{p}", lang),
                 on_change=lambda: c.set_params(page=st.session_state["w_page"]))
        if st.button(t("store.reload", lang), key="reload"):
            c.reload_store()
            st.rerun()


def _stats(lang: str):
    stats = c.q("stats")
    st.sidebar.caption(t("store.stats", lang, entities=stats.entities, documents=stats.documents,
                         statements=stats.statements, allegations=stats.allegations, triples=stats.triples))
    return stats


def _empty(lang: str, reason: str | None = None) -> None:
    st.subheader(t("empty.title", lang))
    if reason:
        st.warning(t("empty.unavailable", lang, reason=reason))
    st.markdown(t("empty.body", lang))


def main() -> None:
    st.set_page_config(page_title="kadrey-kg", page_icon="⚖️", layout="wide")
    _sync_widgets()
    lang = c.lang()
    _sidebar(lang)
    st.title(t("app.title", lang))
    st.caption(t("app.caption", lang))
    try:
        c.store()
        stats = _stats(lang)
    except GraphError as err:
        _empty(lang, str(err))
        return
    if stats.entities == 0 and stats.documents == 0:
        _empty(lang)
        c.reload_store()  # so the next page load sees the graph once `demo` / `ingest` has built it
        return
    try:
        VIEWS[c.page()].render(lang)
    except GraphError as err:
        st.error(str(err))
    except Exception as err:  # a message for the user, the traceback for the log
        log.exception("view %s failed", c.page())
        st.error(t("error.unexpected", lang, kind=type(err).__name__, reason=err))


main()
