"""The command line on real files and a real embedded store (issue 2's must-hold tests)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kadrey_kg.data import NOTES_DIR
from kadrey_kg.ui.cli import cli


@pytest.fixture
def run(store_home):
    runner = CliRunner()

    def invoke(*args, **kw):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)

    return invoke


def triple_count(run) -> int:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["triples"]


def test_help_everywhere(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "export", "stats", "validate", "query", "serve", "demo", "pipeline"):
        sub = run(command, "--help")
        assert sub.exit_code == 0, command
        assert "Usage:" in sub.output


def test_empty_store_export_is_the_base_graphs(run, tmp_path):
    out = tmp_path / "empty.trig"
    result = run("export", "--format", "trig", "-o", out)
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(out, format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {"https://w3id.org/kadrey-kg/graph/ontology", "https://w3id.org/kadrey-kg/graph/curated"}


def test_demo_graph_passes_shacl_and_reingest_is_idempotent(run):
    result = run("ingest", NOTES_DIR)
    assert result.exit_code == 0, result.output
    first = triple_count(run)
    assert run("validate").exit_code == 0
    again = run("ingest", NOTES_DIR, "--force")
    assert again.exit_code == 0, again.output
    assert triple_count(run) == first
    unchanged = run("ingest", NOTES_DIR)
    assert "unchanged" in unchanged.output and unchanged.exit_code == 0
    assert triple_count(run) == first


def test_turtle_export_reparses_isomorphic(run, tmp_path, seeds):
    assert run("ingest", seeds[0]).exit_code == 0
    ttl, nq = tmp_path / "all.ttl", tmp_path / "all.nq"
    assert run("export", "-o", ttl).exit_code == 0          # format from the suffix
    assert run("export", "--format", "nquads", "-o", nq).exit_code == 0
    union = Graph()
    ds = Dataset()
    ds.parse(nq, format="nquads")
    for g in ds.graphs():
        for t in g:
            union.add(t)
    assert isomorphic(Graph().parse(ttl, format="turtle"), union)


def test_unknown_output_suffix_is_a_usage_error(run, tmp_path):
    result = run("export", "-o", tmp_path / "graph.xyz")
    assert result.exit_code == 2
    assert "'.xyz'" in result.output and "--format" in result.output


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("notes.docx", b"PK\x03\x04 not really a docx", "unsupported"),
    ],
)
def test_bad_files_are_named_and_nothing_is_written(run, tmp_path, name, content, reason):
    before = triple_count(run)
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run("ingest", bad)
    assert result.exit_code == 1
    assert f"Error: {bad}" in result.output
    assert reason in result.output.lower()
    assert triple_count(run) == before


def test_missing_path_is_named_and_batch_goes_on(run, tmp_path, seeds):
    missing = tmp_path / "nope.txt"
    result = run("ingest", missing, seeds[1])
    assert result.exit_code == 1
    assert f"Error: {missing}: no such file or folder" in result.output
    assert "1 added" in result.output


def test_query_is_read_only(run):
    ok = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kkg:Person }", "--format", "json")
    assert ok.exit_code == 0, ok.output
    assert int(json.loads(ok.stdout)["rows"][0][0]) > 0
    refused = run("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert refused.exit_code == 1
    assert "Error: the query console is read-only: INSERT is not allowed" in refused.output
