"""A real browser (Debian chromium via Playwright) on `streamlit run` against a real store:
the entity page with its graph, in French then English; screenshots in tests/output/screenshots/."""
from __future__ import annotations

import shutil
import time
import urllib.request
from urllib.parse import urlencode

import pytest
from kadrey_kg.ui.i18n import t
from kadrey_kg.ui.serve import start

from .conftest import CASE, META, SCREENSHOTS, free_port

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"{CHROMIUM} missing: apt-get install chromium"),
]


@pytest.fixture(scope="module")
def server(ui_store_path, tmp_path_factory):
    port = free_port()
    log = open(tmp_path_factory.mktemp("streamlit") / "server.log", "w+")
    proc = start(ui_store_path, port=port, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            log.seek(0)
            pytest.fail(f"streamlit did not start on {url}: {log.read()[-2000:]}")
        time.sleep(0.5)
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, url: str, **params):
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    page.goto(f"{url}/?{urlencode(params)}")
    page.get_by_role("heading", level=1).first.wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")
    return page


def graph_frame(page):
    """The st-link-analysis iframe, once Cytoscape has drawn into it."""
    frame_el = page.locator("iframe[title*='st_link_analysis']").first
    frame_el.wait_for(timeout=30_000)
    frame = frame_el.content_frame
    frame.locator("canvas").first.wait_for(timeout=30_000)
    return frame_el


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_entity_page_with_graph(server, browser, reader, lang):
    card = reader.entity(CASE)
    page = open_page(browser, server, page="entity", entity=CASE, lang=lang)
    page.get_by_text(card.labels[lang], exact=True).first.wait_for(timeout=60_000)
    frame_el = graph_frame(page)
    box = frame_el.bounding_box()
    assert box and box["height"] > 300 and box["width"] > 300
    time.sleep(2.5)  # let the force layout settle before the picture
    body = page.inner_text("body")
    assert t("graph.title", lang) in body and t("entity.tab.facts", lang) in body
    judge = reader.labels(["https://w3id.org/kadrey-kg/ontology#judge"])["https://w3id.org/kadrey-kg/ontology#judge"]
    assert judge[lang] in body  # relation names in the chosen language
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"entity-case-{lang}.png"), full_page=True)
    page.close()


def test_search_then_graph_click_through(server, browser, reader):
    page = open_page(browser, server, page="search", lang="en", q="meta platforms")
    page.get_by_role("button", name=t("open", "en")).first.click()
    page.wait_for_url(lambda u: "page=entity" in u, timeout=30_000)
    page.get_by_text(reader.entity(META).labels["en"], exact=True).first.wait_for(timeout=30_000)
    graph_frame(page)
    time.sleep(2.5)
    page.screenshot(path=str(SCREENSHOTS / "entity-meta-en.png"), full_page=True)
    page.close()


def test_document_and_paths_pages(server, browser, reader):
    docs = [d for d in reader.documents() if d.lang == "fr"]
    assert docs
    page = open_page(browser, server, page="document", doc=docs[0].iri, lang="fr")
    page.get_by_text(t("doc.text", "fr")).first.wait_for(timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "document-fr.png"), full_page=False)
    page.close()
    page = open_page(browser, server, page="paths", lang="en", **{"from": META, "to": CASE})
    page.get_by_text(t("paths.path", "en", i=1, n=1)).first.wait_for(timeout=30_000)
    page.screenshot(path=str(SCREENSHOTS / "paths-en.png"), full_page=True)
    page.close()


def _node_on_screen(page, frame_el, wanted: str):
    """Page coordinates of node `wanted`, read from the Cytoscape instance inside the iframe once
    the layout has stopped moving it."""
    frame = frame_el.element_handle().content_frame()
    script = """(id) => { const box = document.getElementById('cy'), cy = box._cyreg.cy;
        const p = cy.getElementById(id).renderedPosition(), r = box.getBoundingClientRect();
        return [Math.round(r.left + p.x), Math.round(r.top + p.y)]; }"""
    last, deadline = None, time.time() + 20
    while time.time() < deadline:
        pos = frame.evaluate(script, wanted)
        if pos == last:
            break
        last = pos
        time.sleep(0.7)
    # The component's info panel opens over the left of the canvas once a node is selected; a node
    # drawn under it cannot be clicked, so pan it into view first, as a user would.
    covered = """([x, y]) => { const el = document.elementFromPoint(x, y);
        return !(el && el.tagName === 'CANVAS' && document.getElementById('cy').contains(el)); }"""
    if frame.evaluate(covered, pos):
        frame.evaluate("(id) => document.getElementById('cy')._cyreg.cy.center("
                       "document.getElementById('cy')._cyreg.cy.getElementById(id))", wanted)
        pos = frame.evaluate(script, wanted)
        assert not frame.evaluate(covered, pos), f"{wanted} is hidden even at the centre of the graph"
    box = frame_el.bounding_box()
    return box["x"] + pos[0], box["y"] + pos[1]


def _until(page, text: str, action, tries: int = 3):
    """Do `action` until `text` shows (a click landing mid-rerun can be dropped by the frontend)."""
    for attempt in range(tries):
        page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=30_000)  # no rerun in flight
        action()
        try:
            page.get_by_text(text).first.wait_for(timeout=15_000)
            return
        except Exception:
            if attempt == tries - 1:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / "failed-wait.png"), full_page=True)
                shown = [line for line in page.inner_text("body").splitlines() if "nodes" in line or "nœuds" in line]
                raise AssertionError(f"{text!r} never showed; the page says {shown}") from None


def test_clicking_a_node_selects_it_and_double_click_expands_it(server, browser, reader):
    """The round trip a student makes: click a node (Python learns which), double-click to expand."""
    before = reader.neighbourhood(CASE, hops=1, limit=300)
    known = {n.iri for n in before.nodes}
    gains = {n.iri: {m.iri for m in reader.neighbourhood(n.iri, hops=1, limit=300).nodes} - known
             for n in before.nodes if n.iri != CASE}
    target = max(sorted(gains), key=lambda i: len(gains[i]))
    name = next(n for n in before.nodes if n.iri == target).labels["en"]
    page = open_page(browser, server, page="graph", entity=CASE, lang="en")
    _until(page, t("graph.selected", "en", name=name),
           lambda: page.mouse.click(*_node_on_screen(page, graph_frame(page), target)))
    grown = t("graph.counts", "en", nodes=len(known) + len(gains[target]), edges=0).split(",")[0]
    _until(page, grown, lambda: page.mouse.dblclick(*_node_on_screen(page, graph_frame(page), target)))
    _node_on_screen(page, graph_frame(page), target)  # the new layout has settled
    page.screenshot(path=str(SCREENSHOTS / "graph-expanded-en.png"), full_page=True)
    page.close()
