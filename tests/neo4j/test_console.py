"""The read-only Cypher console and the connection errors users see."""
from __future__ import annotations

import dataclasses

import pytest

from kadrey_kg.graph import QueryFailed, QueryRefused, StoreUnavailable
from kadrey_kg.graph.neo4j_server import free_port
from kadrey_kg.graph.neo4j_store import check_read_only

from neo4j_testkit import open_neo4j
from neo4j_fixture_rdf import META, graphs

WRITES = [
    "CREATE (n:Resource {uri: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "match (n) set n.x = 1 return n",
    "MERGE (n:X)",
    "MATCH (n:Company) REMOVE n:Company",
    "DROP INDEX kkg_names_fr",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL dbms.listConfig()",
    "CALL apoc.periodic.iterate('a', 'b', {})",
    "CALL db.createLabel('X')",
    "MATCH (n) CALL { WITH n RETURN n.uri AS u } IN TRANSACTIONS RETURN u",
    "UNWIND [1] AS x FOREACH (i IN [1] | CREATE (:X))",
]


@pytest.mark.parametrize("query", WRITES)
def test_writes_are_refused_before_reaching_the_server(query):
    with pytest.raises(QueryRefused, match="read-only"):
        check_read_only(query)


def test_keywords_inside_strings_are_fine():
    check_read_only("MATCH (n) WHERE n.label_en = 'CREATE something' RETURN n.uri // DELETE in a comment")


def test_console_reads_and_caps(neo4j_store):
    neo4j_store.replace_graphs(graphs())
    result = neo4j_store.read_query("MATCH (n:Company) RETURN n.uri AS uri, n.alt_fr AS alt, labels(n) AS l")
    assert result.columns == ["uri", "alt", "l"]
    assert result.rows[0][0] == str(META)
    capped = neo4j_store.read_query("UNWIND range(1, 50) AS i RETURN i", limit=10)
    assert capped.truncated and len(capped.rows) == 10
    listed = neo4j_store.read_query("CALL db.labels()")
    assert ["Company"] in listed.rows


def test_console_refuses_writes_on_the_server_too(neo4j_store):
    """Even a write the text check would miss stays impossible: the session is READ mode and the
    EXPLAIN plan must be read-only."""
    for query in WRITES[:3]:
        with pytest.raises(QueryRefused):
            neo4j_store.read_query(query)
    assert neo4j_store._read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


def test_console_time_limit(neo4j_store):
    with pytest.raises(QueryFailed, match="longer than"):
        neo4j_store.read_query("UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(*)", timeout=0.5)


def test_syntax_error_is_a_query_failure(neo4j_store):
    with pytest.raises(QueryFailed, match="Cypher error"):
        neo4j_store.read_query("MATCH (n RETURN n")


def test_wrong_password_message_names_the_fix_not_the_password(neo4j_server):
    secret = "not-the-password-123"
    cfg = dataclasses.replace(neo4j_server.cfg, password=secret)
    with pytest.raises(StoreUnavailable) as info:
        open_neo4j(neo4j_server.__class__(cfg, neo4j_server.data_dir))
    message = str(info.value)
    assert "refused the credentials" in message and "NEO4J_PASSWORD" in message
    assert secret not in message


def test_unreachable_server_message():
    from kadrey_kg.graph.config import StoreConfig
    from kadrey_kg.graph.neo4j_store import Neo4jStore

    port = free_port()
    with pytest.raises(StoreUnavailable, match=f"cannot reach Neo4j at bolt://127.0.0.1:{port}.*neo4j start"):
        Neo4jStore(StoreConfig("neo4j", uri=f"bolt://127.0.0.1:{port}", user="neo4j", password="whatever-pw"))
