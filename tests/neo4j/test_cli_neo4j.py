"""`kadrey-kg neo4j ...` and `kadrey-kg sync` through Click's runner, on real stores."""
from __future__ import annotations

from click.testing import CliRunner
from rdflib import URIRef
from rdflib.compare import isomorphic

from kadrey_kg.graph.embedded import EmbeddedStore
from kadrey_kg.ui.cli import cli

from neo4j_fixture_rdf import DOC_A, graphs


def test_status_of_a_stopped_server(tmp_path):
    result = CliRunner().invoke(cli, ["neo4j", "status", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "not running" in result.output


def test_start_refuses_a_short_password(tmp_path):
    result = CliRunner().invoke(cli, ["neo4j", "start", "--data-dir", str(tmp_path), "--password", "short"])
    assert result.exit_code == 1
    assert "Error: a password of at least 8 characters is needed" in result.output


def test_start_refuses_a_busy_port(tmp_path, neo4j_server):
    port = neo4j_server.cfg.uri.rsplit(":", 1)[1]
    result = CliRunner().invoke(cli, ["neo4j", "start", "--data-dir", str(tmp_path), "--port", port,
                                      "--password", "long-enough-pw"])
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.output


def test_sync_needs_a_target(store_home):
    result = CliRunner().invoke(cli, ["sync"])
    assert result.exit_code == 2
    assert "no target" in result.output


def test_sync_copies_the_embedded_graphs(store_home, neo4j_server, neo4j_store, monkeypatch):
    source = store_home / "store"
    with EmbeddedStore(source) as embedded:
        embedded.replace_graphs(graphs())
        expected = embedded.dataset()      # Oxigraph writes "a"^^xsd:string as plain "a" (RDF 1.1)
    neo4j_store.replace_graphs({"https://w3id.org/kadrey-kg/doc/stale": graphs()[str(DOC_A)]})
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.cfg.password)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.cfg.user)
    result = CliRunner().invoke(cli, ["sync", "--to", neo4j_server.cfg.uri])
    assert result.exit_code == 0, result.output
    assert "synced 3 graphs" in result.output               # two documents + the stale one dropped
    assert neo4j_server.cfg.password not in result.output
    ds = neo4j_store.dataset()
    assert {str(c.identifier) for c in ds.graphs() if len(c)} == set(graphs())
    for name in graphs():
        assert isomorphic(ds.graph(URIRef(name)), expected.graph(URIRef(name))), name
