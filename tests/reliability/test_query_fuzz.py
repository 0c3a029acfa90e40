"""Property-based fuzzing of the query interface: any string in, a typed result or a GraphError
out, and the store unchanged afterwards (its whole export compared before and after)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kadrey_kg.graph.errors import GraphError
from kadrey_kg.graph.model import EntityCard, EntityHit, PathResult, QueryResult, Subgraph
from kadrey_kg.ontology import KKGID, normalize_name

from .conftest import hostile_document, same_snapshot, snapshot
from .hostile import NASTY_NAMES, control_chars

# Query-language fragments a user (or an attacker) might paste into the search box.
SYNTAX = ["\"", "'", "\\", "\\\"", "}", "{", "<", ">", ";", "#", "//", "/*", "*/", "`", "$", "?s", "%",
          "SELECT * WHERE { ?s ?p ?o }", "INSERT DATA { <a:b> <a:b> <a:b> }", "DROP ALL", "LOAD <file:///etc/passwd>",
          "SERVICE <http://127.0.0.1:9/>", "MATCH (n) DETACH DELETE n", "CALL dbms.procedures()",
          "LOAD CSV FROM 'file:///etc/passwd' AS l", "') OR 1=1 --", "\\u0022", "%22", "&quot;", "\u0000"]
search_text = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.sampled_from(NASTY_NAMES), control_chars,
                       st.text(max_size=8)), max_size=8).map("".join),
)
iri_like = st.one_of(
    st.sampled_from([str(KKGID["person/o-brien"]), str(KKGID["org/meta-platforms"]), "urn:x", ""]),
    st.text(max_size=40),
    st.builds(lambda s: str(KKGID) + s, st.text(max_size=30)),
)

VALID = (GraphError,)     # the one family of errors the query interface may raise


def _call(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs), None
    except VALID as err:
        return None, err


def test_search_any_text_is_safe_and_read_only(hostile_store):
    before = snapshot(hostile_store)
    seen = {"tried": 0, "hits": 0}

    @given(search_text, st.integers(-3, 50))
    def run(text, limit):
        hits, err = _call(hostile_store.search, text, limit)
        seen["tried"] += 1
        if err is not None:
            return
        assert isinstance(hits, list) and all(isinstance(h, EntityHit) for h in hits)
        assert len(hits) <= max(limit, 0)
        assert all(h.score in (1.0, 0.8, 0.5) for h in hits)
        keys = [(-h.score, normalize_name(h.matched), h.iri) for h in hits]
        assert keys == sorted(keys), "hits not sorted as EntityHit documents"
        seen["hits"] += len(hits)

    run()
    assert seen["tried"] >= 20
    assert same_snapshot(before, snapshot(hostile_store)), "a search changed the store"


def test_every_hostile_name_is_found_by_exact_search(hostile_store):
    """Quotes, backslashes and query syntax in a name must not stop search from finding it."""
    missing = []
    for name in NASTY_NAMES:
        name = name.replace("\x00", "")
        if not normalize_name(name):
            continue
        hits = hostile_store.search(name, limit=50)
        exact = {h.iri for h in hits if h.score == 1.0}
        kinds = ("person", "org")
        if not any(str(KKGID[f"{k}/"]) in i for i in exact for k in kinds):
            missing.append(name)
    assert not missing, f"exact search missed {missing!r}"


def test_entity_and_graph_walks_any_iri(hostile_store):
    before = snapshot(hostile_store)
    counts = {"tried": 0, "errors": 0}

    @given(iri_like, iri_like, st.integers(0, 4), st.lists(st.text(max_size=20), max_size=3))
    def run(a, b, hops, relations):
        counts["tried"] += 1
        card, err = _call(hostile_store.entity, a)
        assert err is not None or card is None or isinstance(card, EntityCard)
        sub, err2 = _call(hostile_store.neighbourhood, a, hops=hops, relations=relations or None)
        assert err2 is not None or isinstance(sub, Subgraph)
        paths, err3 = _call(hostile_store.shortest_paths, a, b, max_hops=hops)
        assert err3 is not None or (isinstance(paths, list) and all(isinstance(p, PathResult) for p in paths))
        for fn in (hostile_store.statements_by, hostile_store.allegations_against, hostile_store.documents_mentioning):
            rows, err4 = _call(fn, a)
            assert err4 is not None or isinstance(rows, list)
        counts["errors"] += sum(e is not None for e in (err, err2, err3))

    run()
    assert counts["tried"] >= 20
    assert same_snapshot(before, snapshot(hostile_store))


def test_hostile_entities_round_trip_through_the_card(hostile_store):
    """An entity whose name holds quotes/backslashes comes back with exactly that label."""
    doc, graph = hostile_document()
    for name in NASTY_NAMES[:6]:
        hit = hostile_store.search(name, limit=5)
        assert hit, name
        card = hostile_store.entity(hit[0].iri)
        assert card is not None
        assert name.replace("\x00", "") in card.labels.values() or any(
            name.replace("\x00", "") in v for v in card.aliases.values()) or normalize_name(name) == "meta platforms"


def test_console_any_text_is_typed_and_read_only(hostile_store):
    before = snapshot(hostile_store)
    outcomes = {"result": 0, "error": 0}
    fragments = st.sampled_from([
        "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o", "<urn:x>", ".", ";",
        "INSERT", "DELETE", "DATA", "LOAD", "SERVICE", "DROP", "ALL", "GRAPH", "FILTER(", ")", "\"x\"", "'",
        "\\", "#", "\n", "LIMIT 1", "MATCH (n)", "RETURN n", "CALL", "dbms.procedures()", "UNION", "OPTIONAL",
        "BIND(", "AS", "COUNT(*)", "GROUP BY", "REGEX(?o, \"(a+)+$\")", "PREFIX kkg: <https://w3id.org/kadrey-kg/ontology#>",
    ])

    @given(st.lists(fragments, min_size=1, max_size=14).map(" ".join))
    def run(query):
        res, err = _call(hostile_store.read_query, query, limit=50, timeout=2.0)
        if err is None:
            assert isinstance(res, QueryResult) and len(res.rows) <= 50
            outcomes["result"] += 1
        else:
            outcomes["error"] += 1

    run()
    assert outcomes["result"] + outcomes["error"] >= 20
    assert same_snapshot(before, snapshot(hostile_store)), "a console query changed the store"
