"""Security: writes, file loads, federated calls and procedure calls through the read-only console
(SPARQL on the embedded store, Cypher on Neo4j) are refused, never reach the network, and leave
the store exactly as it was. Legitimate read queries that merely contain those words still run."""
from __future__ import annotations

import socket
import threading

import pytest

from kadrey_kg.graph.errors import QueryFailed, QueryRefused

from .conftest import same_snapshot, snapshot


class Listener:
    """A TCP socket on 127.0.0.1 that records whether anything connected (SERVICE/LOAD exfiltration)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self._stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lis = Listener()
    yield lis
    lis.close()


G = "https://w3id.org/kadrey-kg/doc/reliability-hostile-names-txt"


def sparql_attacks(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "insert data { graph <urn:g> { <urn:a> <urn:b> \"x\" } }",
        f"DELETE WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}",
        "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        f"WITH <{G}> DELETE {{ ?s ?p ?o }} INSERT {{ ?s ?p \"pwned\" }} WHERE {{ ?s ?p ?o }}",
        "DROP ALL", "drop silent all", "CLEAR DEFAULT", f"CLEAR GRAPH <{G}>", "CREATE GRAPH <urn:new>",
        f"COPY <{G}> TO <urn:copy>", f"MOVE <{G}> TO <urn:moved>", f"ADD <{G}> TO <urn:added>",
        "LOAD <file:///etc/passwd>", f"LOAD <{url}> INTO GRAPH <urn:x>",
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o }} ; DROP ALL",
        f"SELECT * WHERE {{ ?s ?p ?o }}\nINSERT DATA {{ <urn:a> <urn:b> <urn:c> }}",
        "# a comment\nDROP ALL",
        "PREFIX x: <urn:x>\nINSERT DATA { x:a x:b x:c }",
        "SELECT * WHERE { ?s ?p ?o } #\nDROP ALL",
        "\\u0044ROP ALL",                                    # SPARQL codepoint escape of D
        "SELECT * WHERE { ?s ?p ?o }\\u003B DROP ALL",
        f"SELECT * WHERE {{ BIND(IRI(\"{url}\") AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
    ]


CYPHER_ATTACKS = [
    "CREATE (n:Pwned) RETURN n", "create (n) return n", "MATCH (n) DETACH DELETE n", "MATCH (n) DELETE n",
    "MATCH (n) SET n.pwned = true RETURN n", "MATCH (n) REMOVE n.iri RETURN n", "MERGE (n:X {a: 1}) RETURN n",
    "MATCH (n) WITH n LIMIT 1 CALL { WITH n SET n.x = 1 } RETURN 1",
    "MATCH (n) FOREACH (x IN [1] | SET n.y = 1) RETURN n", "CALL dbms.procedures()", "CALL dbms.security.listUsers()",
    "call dbms.components()", "SHOW USERS", "SHOW DATABASES", "CREATE USER evil SET PASSWORD 'x'",
    "DROP DATABASE neo4j", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line RETURN line",
    "MATCH (n) RETURN n; MATCH (n) DETACH DELETE n", "MATCH (n) RETURN n // \nCREATE (m)",
    "/* hi */ CREATE (n)", "MATCH (n) RETURN n UNION CALL dbms.procedures() YIELD name RETURN name AS n",
    "CALL apoc.load.json('file:///etc/passwd')", "CALL apoc.cypher.runWrite('CREATE (n)', {})",
    "USING PERIODIC COMMIT LOAD CSV FROM 'file:///x' AS l CREATE (n)", "CALL db.index.fulltext.drop('x')",
    "TERMINATE TRANSACTIONS 'x'", "STOP DATABASE neo4j", "CREATE INDEX FOR (n:X) ON (n.y)",
]


def _attacks(store, port):
    return sparql_attacks(port) if store.query_language == "sparql" else CYPHER_ATTACKS


def test_console_refuses_writes_loads_and_calls(hostile_store, listener):
    before = snapshot(hostile_store)
    executed = []
    attacks = _attacks(hostile_store, listener.port)
    if hostile_store.query_language == "sparql":
        # FROM is a legitimate read (it picks graphs of the store) but must never dereference the URL.
        probe = f"SELECT * FROM <http://127.0.0.1:{listener.port}/x> WHERE {{ ?s ?p ?o }}"
        try:
            hostile_store.read_query(probe, limit=10, timeout=2.0)
        except (QueryRefused, QueryFailed):
            pass
    for query in attacks:
        try:
            hostile_store.read_query(query, limit=10, timeout=2.0)
        except (QueryRefused, QueryFailed):
            continue
        executed.append(query)
    assert not executed, f"the read-only console ran {executed!r}"
    assert listener.hits == 0, "the console made a network connection"
    assert same_snapshot(before, snapshot(hostile_store)), "an injection changed the store"


def test_explicit_writes_are_refused_not_just_failed(hostile_store, listener):
    """Plain update/write statements get the 'read-only' refusal, which tells the user why."""
    plain = ["INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DROP ALL", "LOAD <file:///etc/passwd>",
             f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}"] \
        if hostile_store.query_language == "sparql" else \
        ["CREATE (n) RETURN n", "MATCH (n) DETACH DELETE n", "CALL dbms.procedures()",
         "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"]
    for query in plain:
        with pytest.raises(QueryRefused):
            hostile_store.read_query(query)


def test_search_box_injection_is_inert(hostile_store):
    before = snapshot(hostile_store)
    attacks = sparql_attacks(9) + CYPHER_ATTACKS + ['" } ; DROP ALL ; #', "') } DETACH DELETE n //", "\\\" }"]
    for text in attacks:
        hits = hostile_store.search(text)
        assert isinstance(hits, list)
    assert same_snapshot(before, snapshot(hostile_store))


def test_read_queries_mentioning_keywords_still_run(hostile_store):
    """The refusal must look at the query, not at words in strings, IRIs, comments or variable names."""
    if hostile_store.query_language == "sparql":
        ok = [
            'SELECT ?s WHERE { ?s ?p "INSERT DATA { <a:b> <a:b> <a:b> }" }',
            "SELECT ?s WHERE { ?s ?p ?o } # DROP ALL",
            "SELECT ?s WHERE { ?s <urn:LOAD> ?o }",
            "SELECT ?add ?created ?loaded WHERE { ?add ?created ?loaded } LIMIT 3",
            'ASK { FILTER(CONTAINS("delete me", "delete")) }',
        ]
    else:
        ok = [
            "MATCH (n) WHERE n.text CONTAINS 'CREATE (x)' RETURN n LIMIT 3",
            "MATCH (n) RETURN n.iri AS created LIMIT 3",
            "// DETACH DELETE\nMATCH (n) RETURN count(n)",
        ]
    failed = {}
    for query in ok:
        try:
            hostile_store.read_query(query, limit=5)
        except (QueryRefused, QueryFailed) as err:
            failed[query] = str(err)
    assert not failed, f"legitimate read queries refused: {failed}"
