"""`kadrey-kg models ...` on real tiny argos packages, through Click's CliRunner."""
from __future__ import annotations

import functools
import http.server
import json
import threading
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kadrey_kg.loaders import argos
from kadrey_kg.ui.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_install_from_path_then_list_and_remove(tiny_packages, empty_argos_dir, no_network):
    result = run("models", "install", "--from", str(tiny_packages["fr-en"]))
    assert result.exit_code == 0, result.output
    assert "installed fr→en 0.0.1-tiny" in result.stderr
    assert (empty_argos_dir / "translate-fr_en-tiny" / "model" / "model.bin").is_file()

    listed = run("models", "list", "-f", "json")
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert [(r["from"], r["to"], r["package_version"]) for r in rows] == [("fr", "en", "0.0.1-tiny")]
    assert f"packages folder: {empty_argos_dir}" in listed.stderr
    assert "fr→en" in run("models", "list").stdout

    removed = run("models", "remove", "fr", "en", "--one-way")
    assert removed.exit_code == 0 and "removed fr→en" in removed.stderr
    assert argos.installed() == []
    again = run("models", "remove", "fr", "en")
    assert again.exit_code == 1
    assert again.stderr.startswith(f"Error: no fr→en / en→fr package installed in {empty_argos_dir}")
    assert no_network == []


def test_install_refuses_what_is_not_a_package(tmp_path, empty_argos_dir):
    text = tmp_path / "notes.txt"
    text.write_text("not a zip")
    result = run("models", "install", "--from", str(text))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {text}: not an argos package (.argosmodel files are zip archives)\n"

    no_model = tmp_path / "broken.argosmodel"
    with zipfile.ZipFile(no_model, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "fr", "to_code": "en"}))
        zf.writestr("pkg/sentencepiece.model", b"")
    result = run("models", "install", "--from", str(no_model))
    assert result.exit_code == 1
    assert "pkg/model/model.bin (the CTranslate2 model) is missing" in result.stderr
    assert not any(empty_argos_dir.iterdir())


def test_install_from_index_offline_names_the_network_failure(empty_argos_dir, monkeypatch, no_network):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "https://index.example.org/argos/")
    result = run("models", "install", "fr", "en", "--timeout", "2")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: https://index.example.org/argos/index.json: cannot download (URLError: test socket guard: name lookup")
    assert "kadrey-kg models install --from PATH" in result.stderr
    assert no_network  # the guard saw (and refused) the attempt


def test_usage_errors(empty_argos_dir, tiny_packages):
    assert run("models", "install", "fr").exit_code == 2
    both = run("models", "install", "--from", str(tiny_packages["fr-en"]), "--from-index")
    assert both.exit_code == 2 and "exclude each other" in both.output


@pytest.fixture
def local_index(tiny_packages, tmp_path):
    """A real HTTP server on loopback serving an argos index.json and the two tiny packages."""
    root = tmp_path / "www"
    root.mkdir()
    for path in tiny_packages.values():
        (root / path.name).write_bytes(path.read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    index = []
    for key, path in tiny_packages.items():
        src, tgt = key.split("-")
        index.append({"type": "translate", "from_code": src, "to_code": tgt, "package_version": "0.0.1-tiny",
                      "argos_version": "1.11", "links": [base + path.name]})
    (root / "index.json").write_text(json.dumps(index))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_install_from_index_both_directions(local_index, empty_argos_dir, monkeypatch, no_network):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index)
    result = run("models", "install", "fr", "en")
    assert result.exit_code == 0, result.output
    assert [i.direction for i in argos.installed()] == ["en→fr", "fr→en"]
    missing = run("models", "install", "fr", "de", "--one-way")
    assert missing.exit_code == 1
    assert "no fr→de package in the index; it lists en→fr, fr→en" in missing.stderr
    assert no_network == []
