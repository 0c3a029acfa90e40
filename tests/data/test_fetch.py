"""fetch_sources against a real local HTTP server: good URLs saved, bad ones reported, batch goes on."""
from __future__ import annotations

import functools
import http.server
import json
import socket
import threading

import click
import pytest
from click.testing import CliRunner

from kadrey_kg.loaders.fetch import fetch_sources
from kadrey_kg.ui import cli_fetch


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "order.txt").write_text("ORDER GRANTING MOTION TO DISMISS", encoding="utf-8")
    (root / "note.html").write_text("<html><body>note</body></html>", encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manifest(base: str) -> list[dict]:
    return [
        {"id": "order", "file": "en01_order.txt", "url": f"{base}/order.txt"},
        {"id": "unreachable", "file": "gone.html", "url": f"http://127.0.0.1:{closed_port()}/gone.html"},
        {"id": "missing", "file": "missing.html", "url": f"{base}/missing.html"},
        {"id": "no-url", "file": "filing.pdf", "url": None},
        {"id": "note", "file": "note.html", "url": f"{base}/note.html"},
    ]


def test_fetch_saves_good_urls_and_reports_bad_ones(server, tmp_path):
    dest = tmp_path / "sources"
    results = {r.id: r for r in fetch_sources(dest, manifest(server), timeout=5)}
    assert [r.status for r in results.values()] == ["fetched", "failed", "failed", "skipped", "fetched"]
    assert (dest / "en01_order.txt").read_text(encoding="utf-8") == "ORDER GRANTING MOTION TO DISMISS"
    assert results["order"].bytes == 32 and len(results["order"].sha256) == 64
    assert (dest / "note.html").exists()
    gone = results["unreachable"]
    assert gone.error.startswith(gone.url) and "cannot connect" in gone.error and gone.file is None
    assert results["missing"].error == f"{server}/missing.html: HTTP 404 File not found"
    assert "no URL" in results["no-url"].error
    assert not (dest / "gone.html").exists() and not list(dest.glob("*.part"))


def test_second_run_keeps_existing_files_unless_overwrite(server, tmp_path):
    dest = tmp_path / "sources"
    entries = manifest(server)[:1]
    fetch_sources(dest, entries)
    (dest / "en01_order.txt").write_text("edited", encoding="utf-8")
    assert fetch_sources(dest, entries)[0].status == "unchanged"
    assert (dest / "en01_order.txt").read_text(encoding="utf-8") == "edited"
    assert fetch_sources(dest, entries, overwrite=True)[0].status == "fetched"
    assert (dest / "en01_order.txt").read_text(encoding="utf-8").startswith("ORDER")


def test_file_names_cannot_escape_dest(tmp_path, server):
    result = fetch_sources(tmp_path / "d", [{"id": "x", "file": "../evil.txt", "url": f"{server}/order.txt"}])[0]
    assert result.status == "failed" and "plain file name" in result.error
    assert not (tmp_path / "evil.txt").exists()


def test_default_manifest_is_the_curated_one(tmp_path):
    # Without network the built-in manifest still yields one result per source, never an exception.
    from kadrey_kg.data import curated

    entries = [dict(m, url=None) for m in curated.manifest()]
    results = fetch_sources(tmp_path, entries)
    assert len(results) == len(curated.manifest()) and {r.status for r in results} == {"skipped"}


def cli() -> click.Group:
    group = click.Group()
    cli_fetch.register(group)
    return group


def test_cli_fetch_reports_and_exits_1(server, tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(manifest(server)), encoding="utf-8")
    result = CliRunner().invoke(cli(), ["fetch", "--dest", str(tmp_path / "out"), "--manifest", str(path),
                                        "--timeout", "5", "--json"])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["status"] for r in rows] == ["fetched", "failed", "failed", "skipped", "fetched"]
    assert "Error: 2 source(s) could not be fetched" in result.stderr


def test_cli_fetch_rejects_a_broken_manifest(tmp_path):
    path = tmp_path / "manifest.json"
    path.write_text("[{\"id\": }]", encoding="utf-8")
    result = CliRunner().invoke(cli(), ["fetch", "--dest", str(tmp_path / "out"), "--manifest", str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}: invalid JSON at line 1, column 9" in result.stderr
