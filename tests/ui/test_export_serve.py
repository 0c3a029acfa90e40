"""The explorer's export of the subgraph on screen, and the `streamlit run` command serve() builds."""
from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from kadrey_kg.ontology import KKG
from kadrey_kg.ui.serve import APP, command, environment, start
from kadrey_kg.ui.views.export import subgraph_rdf
from rdflib import RDF, Graph, URIRef
from streamlit.testing.v1 import AppTest

from .conftest import CASE, free_port


def test_subgraph_export_keeps_every_edge_with_its_evidence(reader):
    sub = reader.neighbourhood(CASE, hops=1)
    assert sub.edges
    for fmt in ("turtle", "json-ld"):
        data = subgraph_rdf(sub).serialize(format=fmt, encoding="utf-8")
        back = Graph().parse(data=data, format=fmt)
        for edge in sub.edges:
            s, p, o = URIRef(edge.subject), URIRef(edge.predicate), URIRef(edge.object)
            assert (s, p, o) in back
            evidence = {ev for ev in back.subjects(RDF.subject, s) if (ev, RDF.object, o) in back and (ev, RDF.predicate, p) in back}
            assert {str(x) for e in evidence for x in back.objects(e, KKG.sourceDocument)} == {x.document for x in edge.sources}
        for node in sub.nodes:
            assert {str(t) for t in back.objects(URIRef(node.iri), RDF.type)} == {str(KKG[t]) for t in node.types}


def test_export_page_offers_the_entity_neighbourhood(ui_env, reader):
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params.update(page="export", entity=CASE, lang="en")
    at.run()
    assert not at.exception
    scope = at.radio(key="export-scope")
    assert scope.options[1] == f"The neighbourhood of: {reader.entity(CASE).labels['en']}"
    scope.set_value("sub").run()
    assert not at.exception and not at.error
    triples = len(subgraph_rdf(reader.neighbourhood(CASE, hops=1)))
    assert any(c.value.startswith(f"{triples} triples, ") for c in at.caption)


def test_serve_command_passes_the_store_through(tmp_path):
    cmd = command(tmp_path / "store", port=8600, open_browser=False)
    assert cmd[:5] == [sys.executable, "-m", "streamlit", "run", str(APP)]
    assert cmd[cmd.index("--server.port") + 1] == "8600"
    assert cmd[cmd.index("--server.headless") + 1] == "true"
    assert cmd[-2:] == ["--store", str(tmp_path / "store")]
    assert environment(tmp_path / "store")["KADREY_KG_STORE"] == str(tmp_path / "store")
    assert "--store" not in command(None)


def test_served_app_answers_health_and_shows_the_empty_state_text(tmp_path):
    """A real `streamlit run` on a missing store starts and stays up (the page explains what to do)."""
    port = free_port()
    proc = start(tmp_path / "missing", port=port, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError("streamlit did not answer /_stcore/health within 60 s")
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_with_a_browser_starts_without_a_terminal_and_opens_the_page(tmp_path):
    """`serve` as `kadrey-kg serve` / `demo` run it on a fresh machine (no ~/.streamlit, stdin closed):
    no first-run prompt may block or kill it, and the page is opened once the server answers."""
    port = free_port()
    opened = tmp_path / "opened.txt"
    opener = tmp_path / "browser.sh"   # what `webbrowser` runs: records the URL instead of a window
    opener.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    opener.chmod(0o755)
    env = {**environment(tmp_path / "missing"), "HOME": str(tmp_path / "home"), "BROWSER": str(opener)}
    code = f"from kadrey_kg.ui.serve import serve; serve({str(tmp_path / 'missing')!r}, port={port})"
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 90
        while time.time() < deadline and not (opened.exists() and opened.read_text().strip()):
            assert proc.poll() is None, "the explorer exited before serving"
            time.sleep(0.5)
        assert opened.read_text().split() == [f"http://localhost:{port}"]
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5).read() == b"ok"
        # stopping `serve` (SIGTERM: `kill`, a service manager) stops the Streamlit server it started
        proc.terminate()
        proc.wait(timeout=30)
        deadline = time.time() + 30
        while time.time() < deadline and _answers(port):
            time.sleep(0.5)
        assert not _answers(port), "Streamlit kept running after serve was stopped"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _answers(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
        return True
    except OSError:
        return False
