"""The server dies in the middle of a document: nothing partial stays, a re-run ends as an
uninterrupted run would. Needs the launcher these tests started (it is killed and restarted)."""
from __future__ import annotations

import threading
import time

import pytest

from kadrey_kg.graph import StoreUnavailable
from kadrey_kg.graph import neo4j_server as srv
from kadrey_kg.ontology import KKGDOC

from neo4j_fixture_rdf import big_graph, graphs
from neo4j_testkit import assert_same, counts, open_neo4j

BIG = KKGDOC["fixture-big"]


def _write_in_progress(store) -> bool:
    rows = store._read("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery")
    return any("UNWIND $rows" in (r["currentQuery"] or "") or "UNWIND $rels" in (r["currentQuery"] or "") for r in rows)


def test_killed_mid_document_then_rerun(neo4j_server, neo4j_store):
    if not neo4j_server.local:
        pytest.skip("kills the server: only with the launcher the tests started (unset NEO4J_URI)")
    neo4j_store.replace_graphs(graphs())
    before = counts(neo4j_store)
    big = big_graph(BIG, 8000)      # 40k triples: many write batches

    writer = open_neo4j(neo4j_server, retry_seconds=3)
    outcome: dict = {}

    def write():
        try:
            writer.replace_document(str(BIG), big)
            outcome["done"] = True
        except StoreUnavailable as err:
            outcome["error"] = err

    thread = threading.Thread(target=write)
    thread.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not _write_in_progress(neo4j_store) and thread.is_alive():
        time.sleep(0.05)
    assert thread.is_alive(), f"the write finished before it could be interrupted: {outcome}"
    srv.kill(neo4j_server.data_dir)          # SIGKILL: no clean shutdown, the transaction is cut
    thread.join(120)
    assert "error" in outcome and "nothing was committed" in str(outcome["error"])
    assert neo4j_server.cfg.password not in str(outcome["error"])
    writer.close()
    neo4j_store.close()

    port = int(neo4j_server.cfg.uri.rsplit(":", 1)[1])
    srv.start(neo4j_server.data_dir, port=port, password=neo4j_server.cfg.password, timeout=300)
    with open_neo4j(neo4j_server) as store:
        assert counts(store) == before                      # nothing of the big document
        assert store.document_hash(str(BIG)) is None
        store.replace_document(str(BIG), big)               # the re-run
        expected = {**graphs(), str(BIG): big}
        assert_same(store, expected)
        after = counts(store)
    # ... and it is the state an uninterrupted run reaches: same graphs, same nodes and relationships.
    with open_neo4j(neo4j_server) as fresh:
        fresh._write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())
        fresh.replace_graphs(graphs())
        fresh.replace_document(str(BIG), big)
        assert counts(fresh) == after
