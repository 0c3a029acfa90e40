"""The explorer driven in process by streamlit's AppTest on a real embedded store."""
from __future__ import annotations

from urllib.parse import quote_plus

import pytest
from kadrey_kg.ui.i18n import STRINGS, t
from streamlit.testing.v1 import AppTest

from .conftest import APP, CASE, META, ZUCKERBERG

pytestmark = pytest.mark.slow


def app(**params) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def text(at: AppTest) -> str:
    """Everything the page shows as text (markdown, captions, headers, messages)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(el.value) for el in getattr(at, kind)]
    return "\n".join(parts)


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_every_ui_string_has_both_languages():
    for key, value in STRINGS.items():
        assert set(value) == {"fr", "en"} and all(value.values()), key
    with pytest.raises(KeyError, match="no UI string"):
        t("no.such.key", "fr")


def test_empty_state_says_how_to_build_a_graph(tmp_path, monkeypatch):
    monkeypatch.setenv("KADREY_KG_STORE", str(tmp_path / "nowhere"))
    at = ok(app(lang="en"))
    shown = text(at)
    assert t("empty.title", "en") in shown
    assert "kadrey-kg demo" in shown and "kadrey-kg ingest" in shown


def test_search_groups_by_type_and_opens_the_entity(ui_env, reader):
    at = ok(app(lang="fr"))
    at.text_input(key="w_q").input("zuckerb").run()
    ok(at)
    assert at.query_params["q"] == "zuckerb"
    hits = reader.search("zuckerb")
    assert hits and hits[0].iri == ZUCKERBERG
    person_type = reader.labels(["https://w3id.org/kadrey-kg/ontology#Person"])
    assert person_type["https://w3id.org/kadrey-kg/ontology#Person"]["fr"] in text(at)  # group heading
    at.button(key=f"open-{ZUCKERBERG}").click().run()
    ok(at)
    assert at.query_params["page"] == "entity" and at.query_params["entity"] == ZUCKERBERG
    assert at.header[0].value == reader.entity(ZUCKERBERG).labels["fr"]


def test_accent_and_case_insensitive_search_in_both_languages(ui_env):
    at = ok(app(lang="fr", q="MÉTA platforms"))
    assert at.button(key=f"open-{META}")


def test_language_switch_changes_relation_labels(ui_env, reader):
    card = reader.entity(CASE)
    predicates = {f.predicate for f in card.facts}
    labels = reader.labels(predicates)
    changing = [p for p in predicates if labels.get(p, {}).get("fr") and labels[p].get("en")
                and labels[p]["fr"] != labels[p]["en"]]
    assert changing, "the case should have relations whose FR and EN labels differ"
    at = ok(app(page="entity", entity=CASE, lang="fr"))
    shown = text(at)
    assert all(labels[p]["fr"] in shown for p in changing)
    assert t("entity.tab.facts", "fr") in [tab.label for tab in at.tabs]
    at.radio(key="w_lang").set_value("en").run()
    ok(at)
    assert at.query_params["lang"] == "en"
    shown = text(at)
    assert all(labels[p]["en"] in shown for p in changing)
    assert at.header[0].value == card.labels["en"]
    assert t("entity.tab.facts", "en") in [tab.label for tab in at.tabs]


def test_facts_cite_their_source_document_and_span(ui_env, reader):
    card = reader.entity(META)
    sourced = [s for f in card.facts for s in f.sources if s.start is not None]
    at = ok(app(page="entity", entity=META, lang="en"))
    facts_table = next(m.value for m in at.markdown if m.value.startswith(f"| {t('col.relation', 'en')}"))
    if sourced:
        assert f"start={sourced[0].start}" in facts_table and "page=document" in facts_table


def test_expanding_a_node_grows_the_graph(ui_env, reader):
    at = ok(app(page="graph", entity=CASE, lang="en"))
    before = reader.neighbourhood(CASE, hops=1, limit=300)
    count = t("graph.counts", "en", nodes=len(before.nodes), edges=len(before.edges))
    assert any(count in c.value for c in at.caption)
    # expand the neighbour whose own neighbourhood brings the most new nodes
    known = {n.iri for n in before.nodes}
    gains = {n.iri: len({m.iri for m in reader.neighbourhood(n.iri, hops=1, limit=300).nodes} - known)
             for n in before.nodes if n.iri != CASE}
    best = max(gains, key=gains.get)
    assert gains[best] > 0
    at.selectbox(key="graph-page-pick").set_value(best).run()
    at.button(key="graph-page-expand").click().run()
    ok(at)
    grown = t("graph.counts", "en", nodes=len(before.nodes) + gains[best], edges=0).split(",")[0]
    assert any(c.value.startswith(grown) for c in at.caption), [c.value for c in at.caption]
    at.button(key="graph-page-reset").click().run()
    assert any(count in c.value for c in at.caption)


def test_graph_filters_by_type(ui_env, reader):
    at = ok(app(page="graph", entity=CASE, lang="fr"))
    at.multiselect(key="graph-page-types").select("Person").run()
    ok(at)
    sub = reader.neighbourhood(CASE, hops=1, types=["Person"], limit=300)
    assert any(t("graph.counts", "fr", nodes=len(sub.nodes), edges=len(sub.edges)) in c.value for c in at.caption)


def test_path_finder_shows_hops_with_sources(ui_env, reader):
    paths = reader.shortest_paths(ZUCKERBERG, CASE, max_hops=4)
    assert paths
    at = ok(app(page="paths", lang="fr", **{"from": ZUCKERBERG, "to": CASE}))
    shown = text(at)
    assert t("paths.path", "fr", i=1, n=len(paths[0].hops)) in shown
    for hop in paths[0].hops:  # every hop cites its sources, linked to the document view
        for src in hop.sources:
            assert "doc=" + quote_plus(src.document) in shown
        if not hop.sources:
            assert t("paths.no_source", "fr") in shown


def test_path_finder_from_the_pickers(ui_env):
    at = ok(app(page="paths", lang="en"))
    at.text_input(key="path-from-q").input("zuckerberg").run()
    at.text_input(key="path-to-q").input("chhabria").run()
    at.button(key="path-find").click().run()
    ok(at)
    assert at.query_params["from"] == ZUCKERBERG
    assert t("paths.path", "en", i=1, n=1).split("(")[0] in text(at)


def test_console_runs_a_read_query(ui_env):
    at = ok(app(page="console", lang="en"))
    at.text_area(key="console-query").input(
        "SELECT ?label WHERE { <%s> <http://www.w3.org/2000/01/rdf-schema#label> ?label }" % META).run()
    at.button(key="console-run").click().run()
    ok(at)
    assert not at.error
    frame = at.dataframe[0].value
    assert list(frame.columns) == ["label"] and len(frame) >= 2


def test_console_refuses_a_write_query(ui_env, reader):
    at = ok(app(page="console", lang="fr"))
    at.text_area(key="console-query").input(
        "INSERT DATA { <urn:x> <urn:y> <urn:z> }").run()
    at.button(key="console-run").click().run()
    ok(at)
    assert at.error and at.error[0].value.startswith(t("console.refused", "fr", reason="").strip())
    assert not reader.read_query("ASK { <urn:x> <urn:y> <urn:z> }").rows[0][0]


def test_console_reports_a_syntax_error_as_a_message(ui_env):
    at = ok(app(page="console", lang="en"))
    at.text_area(key="console-query").input("SELECT WHERE {").run()
    at.button(key="console-run").click().run()
    ok(at)
    assert at.error and at.error[0].value.startswith("The query failed")


def test_document_view_highlights_mentions_and_the_cited_span(ui_env, reader):
    docs = [d for d in reader.documents() if reader.document(d.iri).mentions]
    assert docs
    view = reader.document(docs[0].iri)
    m = view.mentions[0]
    at = ok(app(page="document", doc=view.iri, lang="en", start=str(m.start), end=str(m.end)))
    shown = text(at)
    assert t("doc.cited", "en", start=m.start, end=m.end) in shown
    body = next(md.value for md in at.markdown if "white-space:pre-wrap" in md.value)
    assert body.count("<a href=") >= min(len(view.mentions), 1)
    assert "page=entity" in body


def test_timeline_lists_dated_items(ui_env, reader):
    items = reader.timeline()
    assert items
    at = ok(app(page="timeline", lang="en"))
    assert f"`{items[0].date}`" in text(at)


def test_every_page_renders_in_both_languages(ui_env):
    for page in ("search", "entity", "graph", "paths", "timeline", "document", "console", "export"):
        for lang in ("fr", "en"):
            at = ok(app(page=page, lang=lang, entity=META))
            assert not at.error, (page, lang, [e.value for e in at.error])
            assert at.title[0].value == t("app.title", lang)


def test_every_sparql_example_of_the_console_answers(reader):
    from kadrey_kg.ui.views.console import EXAMPLES

    for name, query in EXAMPLES["sparql"].items():
        assert reader.read_query(query).rows, name


def test_statement_shows_original_with_machine_translation_marked(ui_env):
    """A translated statement: original text and language, the MT beside it, labelled as MT."""
    def page():
        from kadrey_kg.graph.model import SourceRef, StatementRow
        from kadrey_kg.ui.views.passages import statement_block

        statement_block(StatementRow(
            iri="https://w3id.org/kadrey-kg/doc/x/statement/1", speaker="https://w3id.org/kadrey-kg/id/person/mark-zuckerberg",
            speaker_labels={"en": "Mark Zuckerberg"}, text="Nous partageons les revenus.", lang="fr",
            translation="We share the revenue.", translation_lang="en", date="2024-04-24", medium=None,
            is_quote=True, source=SourceRef("https://w3id.org/kadrey-kg/doc/x", "Un article", 10, 38, "Nous partageons les revenus.")), "en")

    at = AppTest.from_function(page).run()
    ok(at)
    captions = [c.value for c in at.caption]
    assert "Original (fr)" in captions and f"⚙ {t('mt', 'en')} (en)" in captions
    shown = text(at)
    assert "> Nous partageons les revenus." in shown and "> _We share the revenue._" in shown
    assert "start=10" in shown and "end=38" in shown


def test_an_empty_store_then_filled_is_seen_on_the_next_load(tmp_path, monkeypatch):
    from kadrey_kg.graph import open_store

    location = tmp_path / "store"
    open_store(location, base=False).close()  # exists, holds nothing
    monkeypatch.setenv("KADREY_KG_STORE", str(location))
    at = ok(app(lang="fr"))
    assert t("empty.title", "fr") in text(at)
    with open_store(location) as store:  # what `kadrey-kg demo` does meanwhile: base graphs
        assert store.stats().entities > 0
    at = ok(app(lang="fr", q="chhabria"))
    assert t("empty.title", "fr") not in text(at)
    assert at.button(key="open-https://w3id.org/kadrey-kg/id/person/vince-chhabria")


def test_a_statement_opened_as_a_node_shows_its_text_and_source_span(ui_env, reader):
    row = next(r for r in reader.statements_by(ZUCKERBERG) if r.source.start is not None)
    at = ok(app(page="entity", entity=row.iri, lang="en"))
    shown = text(at)
    assert at.header[0].value.startswith(reader.labels(["https://w3id.org/kadrey-kg/ontology#Statement"])
                                         ["https://w3id.org/kadrey-kg/ontology#Statement"]["en"])
    assert f"start={row.source.start}&end={row.source.end}" in shown
    assert row.text.split()[0] in shown
