"""Malicious files through the real `read` component, each in its own process so its time and peak
memory are its own: billion laughs, external entities, deeply nested and script-heavy HTML, an
XML-declared page, a PDF whose content stream inflates to 512 MiB, page-tree bombs and cycles, a
huge single line. Each must end within the limits with a LoaderError or a bounded document."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from . import hostile

TIME_LIMIT_S = 60          # wall time per file, interpreter start-up included
RSS_LIMIT_MIB = 1536       # peak resident memory of the reading process

CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from kadrey_kg.loaders.errors import LoaderError
    from kadrey_kg.loaders.pipeline import REGISTRY, Doc
    import kadrey_kg.loaders.read  # registers the component
    path = Path(sys.argv[1])
    t = time.perf_counter()
    out = {"outcome": None}
    try:
        doc = REGISTRY["read"].func(Doc(path=path))
        out.update(outcome="doc", chars=len(doc.text), text_head=doc.text[:2000], pages=doc.meta.page_count)
    except LoaderError as err:
        out.update(outcome="refused", reason=err.reason, names_file=str(path) in str(err))
    except BaseException as err:
        out.update(outcome="crash", error=f"{type(err).__module__}.{type(err).__name__}: {err}"[:500])
    out["seconds"] = time.perf_counter() - t
    # VmHWM belongs to this process image; ru_maxrss would carry the forking parent's peak across exec
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")]
    out["peak_rss_mib"] = (int(hwm[0].split()[1]) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024
    print(json.dumps(out))
""")

CASES = {
    "billion_laughs.html": hostile.billion_laughs_html,
    "xxe.html": hostile.external_entity_html,
    "deep_nesting.html": hostile.deep_html,
    "script_heavy.html": hostile.script_heavy_html,
    "xml_declared.html": lambda: ('<?xml version="1.0" encoding="utf-8"?>\n<html><body><article><p>'
                                  + hostile.SENTENCES[0] + "</p></article></body></html>").encode(),
    "comment_only.html": lambda: b"<!-- nothing here -->",
    "inflate_bomb.pdf": lambda: hostile.pdf_bomb_stream(512),
    "page_bomb_20k.pdf": lambda: hostile.pdf_page_bomb(20_000),
    "page_bomb_300k.pdf": lambda: hostile.pdf_page_bomb(300_000),
    "cyclic_pages.pdf": hostile.pdf_cyclic_tree,
    "huge_line.txt": lambda: hostile.huge_line(8),
    "nul_bytes.txt": lambda: b"Meta\x00Llama" * 1000,
}


@pytest.fixture(scope="module")
def read_available():
    pytest.importorskip("kadrey_kg.loaders.read", reason="loaders/read.py not there yet")


@pytest.mark.parametrize("name", sorted(CASES))
def test_malicious_file_within_limits(read_available, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(CASES[name]())
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                          timeout=TIME_LIMIT_S + 30)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["outcome"] != "crash", f"{name}: {out['error']}"
    assert out["seconds"] < TIME_LIMIT_S, f"{name} took {out['seconds']:.1f}s"
    assert out["peak_rss_mib"] < RSS_LIMIT_MIB, f"{name} peaked at {out['peak_rss_mib']:.0f} MiB"
    if out["outcome"] == "refused":
        assert out["names_file"], "the LoaderError must name the file"
        return
    head = out["text_head"]
    assert "root:x:0:0" not in head, "an external entity was resolved (XXE)"
    assert "lollollollollol" not in head, "entities were expanded (billion laughs)"
    assert "alert(1)" not in head and "window.dataLayer" not in head, "script text leaked into the document"
    if name.endswith(".pdf"):
        assert (out["pages"] or 0) <= 500
