"""What every view shares: the one open store, cached queries, navigation state, labels and links.

The store is opened once per process (`st.cache_resource`) read-only, so a running explorer never
blocks `kadrey-kg ingest`; query results are cached per (store, method, arguments) so clicking
around is instant. "Reload the graph" drops both caches to see a fresh ingest.
"""
from __future__ import annotations

import html
import os
import sys
from urllib.parse import urlencode

import streamlit as st
from kadrey_kg.graph import open_store
from kadrey_kg.graph.model import SourceRef
from kadrey_kg.graph.warmup import warm_up
from kadrey_kg.ontology import KKG, KKGDOC

from ..i18n import DEFAULT_LANG, LANGS, local_name, name_of, pick, t

STORE_ENV = "KADREY_KG_STORE"
PAGES = ("search", "entity", "graph", "paths", "timeline", "document", "console", "export")
# Query parameters that make a view linkable; everything else is widget state.
PARAMS = ("page", "lang", "entity", "doc", "q", "from", "to", "start", "end")

# Most specific first: a node is drawn with the first of its types found here.
TYPE_ORDER = (
    "Person", "Court", "LawFirm", "GovernmentBody", "Company", "PartyGroup", "Organization", "Agent",
    "LegalCase", "LegalClaim", "AIModel", "Dataset", "Product", "Ruling", "DocketEvent", "EarningsCall",
    "Event", "Statement", "Allegation", "CourtOrder", "CourtFiling", "NewsArticle", "BlogPost",
    "LawFirmNote", "CaseNote", "Transcript", "Document",
)
TYPE_STYLE = {  # colour (colour-blind-safe-ish palette), Material icon shipped with st-link-analysis
    "Person": ("#1f77b4", "person"), "Court": ("#8c564b", "account_balance"),
    "LawFirm": ("#9467bd", "badge"), "GovernmentBody": ("#7f7f7f", "account_balance"),
    "Company": ("#d62728", "business"), "PartyGroup": ("#e377c2", "group"),
    "Organization": ("#ff7f0e", "business"), "Agent": ("#ff7f0e", "person"),
    "LegalCase": ("#2ca02c", "assured_workload"), "LegalClaim": ("#98df8a", "request_quote"),
    "AIModel": ("#17becf", "science"), "Dataset": ("#bcbd22", "storage"),
    "Product": ("#aec7e8", "smartphone"), "Ruling": ("#006400", "assured_workload"),
    "DocketEvent": ("#5b8c5a", "flag"), "EarningsCall": ("#c49c94", "phone"), "Event": ("#5b8c5a", "flag"),
    "Statement": ("#f7b6d2", "chat"), "Allegation": ("#ff9896", "campaign"),
    # documents: greys and muted tints, told apart in the legend
    "CourtOrder": ("#8d8d8d", "description"), "CourtFiling": ("#b8b8b8", "description"),
    "NewsArticle": ("#b39ddb", "description"), "BlogPost": ("#9fa8da", "description"),
    "LawFirmNote": ("#bcaaa4", "description"), "CaseNote": ("#a5d6a7", "description"),
    "Transcript": ("#90a4ae", "description"),
}
DOC_STYLE = ("#c7c7c7", "description")
OTHER_STYLE = ("#999999", "link")


# ---- store and caches ---------------------------------------------------------------------------
def store_location() -> str:
    """Where the explorer reads: `-- --store LOC` after `streamlit run app.py`, else $KADREY_KG_STORE,
    else "" (the configured default store)."""
    argv = sys.argv
    if "--store" in argv[:-1]:
        return argv[argv.index("--store") + 1]
    return os.environ.get(STORE_ENV, "")


@st.cache_resource(show_spinner=False)
def _open(location: str):
    store = open_store(location or None, read_only=True)
    warm_up(store)   # a background thread: the first hub card of a session is then not the slow one
    return store


def store():
    return _open(store_location())


@st.cache_data(show_spinner=False, max_entries=4000)
def _call(location: str, method: str, args: tuple, kwargs: tuple):
    return getattr(_open(location), method)(*args, **dict(kwargs))


def q(method: str, *args, **kwargs):
    """A cached call of a `Store` query method (results are small dataclasses, safe to pickle)."""
    return _call(store_location(), method, tuple(args), tuple(sorted(kwargs.items())))


def reload_store() -> None:
    """Forget the open store and every cached answer. The old store is not closed here: another
    browser session may be mid-query on it; it is released when the last reference goes."""
    st.cache_data.clear()
    _TYPE_LABELS.clear()
    _open.clear()


def labels(iris) -> dict[str, dict]:
    iris = tuple(sorted(set(iris)))
    return q("labels", iris) if iris else {}


_TYPE_LABELS: dict[str, dict] = {}  # per store location; asked for hundreds of times per page


def type_labels() -> dict[str, dict]:
    """{class local name: {"fr":..,"en":..}} from the ontology."""
    location = store_location()
    if location not in _TYPE_LABELS:
        names = TYPE_ORDER + ("Standing", "AllegedByParty", "FoundByCourt", "ReportedByPress")
        _TYPE_LABELS[location] = {local_name(iri): lab for iri, lab in labels(str(KKG[n]) for n in names).items()}
    return _TYPE_LABELS[location]


def type_name(local: str, lang: str) -> str:
    return pick(type_labels().get(local), lang, local)


def primary_type(types) -> str:
    for name in TYPE_ORDER:
        if name in types:
            return name
    return "Other"


def style_of(type_local: str) -> tuple[str, str]:
    if type_local in TYPE_STYLE:
        return TYPE_STYLE[type_local]
    if type_local in TYPE_ORDER:  # document kinds
        return DOC_STYLE
    return OTHER_STYLE


# ---- navigation ---------------------------------------------------------------------------------
def lang() -> str:
    value = st.query_params.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def page() -> str:
    value = st.query_params.get("page")
    if value in PAGES:
        return value
    if st.query_params.get("doc"):
        return "document"
    return "entity" if st.query_params.get("entity") else "search"


def param(name: str, default: str | None = None) -> str | None:
    return st.query_params.get(name, default)


def set_params(**params) -> None:
    """Update linkable state (None removes a parameter) without leaving the page."""
    for key, value in params.items():
        if value is None or value == "":
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = str(value)


def goto(page_name: str, **params) -> None:
    """Navigate: the new view is fully described by the URL, so it can be bookmarked and shared."""
    current_lang = lang()
    keep = {k: st.query_params.get(k) for k in ("entity",) if k not in params}
    st.query_params.clear()
    set_params(page=page_name, lang=current_lang, **keep, **params)
    st.rerun()


def href(page_name: str, **params) -> str:
    clean = {"page": page_name, "lang": lang(), **{k: v for k, v in params.items() if v not in (None, "")}}
    return "?" + urlencode(clean)


def entity_link(iri: str, labels_: dict | None, lang_: str) -> str:
    """A markdown link to an entity's page, or a document's (opens in a new tab: the current view stays)."""
    target = href("document", doc=iri) if iri.startswith(str(KKGDOC)) else href("entity", entity=iri)
    return f"[{md_escape(name_of(iri, labels_, lang_))}]({target})"


def source_link(src: SourceRef | None, lang_: str) -> str:
    """Markdown for a fact's source: the document (linked to the view, span highlighted) and the span."""
    if src is None or not src.document:
        return t("curated", lang_)
    title = src.title or local_name(src.document)
    link = f"[{md_escape(title)}]({href('document', doc=src.document, start=src.start, end=src.end)})"
    if src.text:
        link += f" — « {md_escape(shorten(src.text, 160))} »"
    elif src.start is not None:
        link += f" [{src.start}–{src.end}]"
    if src.url:
        link += f" [↗]({src.url})"
    return link


def md_escape(text: str) -> str:
    """Neutralise markdown (and HTML) in text taken from documents."""
    text = html.escape(str(text), quote=False).replace("\n", " ")
    for ch in "\\`*_[]#|$~":
        text = text.replace(ch, "\\" + ch)
    return text


def shorten(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def lang_badge(code: str | None) -> str:
    return f"`{code}`" if code else ""
