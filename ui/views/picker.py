"""Pick an entity by typing part of a name (either language): a search box feeding a select box."""
from __future__ import annotations

import streamlit as st

from ..i18n import name_of, t
from . import common as c


def entity_picker(label: str, key: str, lang: str, default: str | None = None) -> str | None:
    """The chosen entity IRI: the best search hit for the typed text, else `default`."""
    text = st.text_input(label, key=f"{key}-q", placeholder=t("search.placeholder", lang)).strip()
    names: dict[str, str] = {}
    if text:
        for hit in c.q("search", text, limit=20):
            names[hit.iri] = f"{name_of(hit.iri, hit.labels, lang)} ({c.type_name(c.primary_type(hit.types), lang)})"
        if not names:
            st.caption(t("search.none", lang, q=text))
    if default and default not in names:
        names[default] = name_of(default, c.labels([default]).get(default), lang)
    if not names:
        return None
    # The key follows the text, so a new search selects its best hit instead of keeping a stale choice.
    return st.selectbox(t("paths.pick", lang), list(names), format_func=names.get, key=f"{key}-sel-{text}",
                        label_visibility="collapsed")
