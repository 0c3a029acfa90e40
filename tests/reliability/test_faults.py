"""Faults: an ingest process killed with SIGKILL mid-batch (after some documents, or at a random
instant, possibly inside a write), then re-run: the final store must be identical to the one an
uninterrupted run builds (every named graph compared with rdflib.compare)."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import same_snapshot, snapshot
from .hostile import SYNTH

CHILD = Path(__file__).with_name("ingest_child.py")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared_dir):
    folder = tmp_path_factory.mktemp("fault-corpus")
    SYNTH.generate(10, folder, seed=21, html_share=0.3)
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    files += sorted((shared_dir / "seeds").glob("*.txt"))[:1]
    files.append(folder / "broken.pdf")       # one bad file: reported, batch goes on
    files[-1].write_bytes(b"%PDF-1.7\n garbage")
    return [str(f) for f in files]


def run_ingest(store: Path, files: list[str], kill_after: int | None = None, kill_delay: float | None = None) -> dict:
    """Ingest in a child process; SIGKILL it after `kill_after` stored documents, or `kill_delay`
    seconds after it started ingesting. Returns what the child reported."""
    proc = subprocess.Popen([sys.executable, str(CHILD), str(store), *files], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    stored, killed, lines = 0, False, []
    deadline = None
    try:
        for line in proc.stdout:
            msg = json.loads(line)
            lines.append(msg)
            if msg.get("ready") and kill_delay is not None:
                deadline = time.monotonic() + kill_delay
                break
            if msg.get("status"):
                stored += 1
                if kill_after is not None and stored >= kill_after:
                    os.kill(proc.pid, signal.SIGKILL)
                    killed = True
                    break
        if deadline is not None:
            while proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
        proc.wait(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not killed:
        assert proc.returncode == 0, proc.stderr.read()[-2000:]
    return {"killed": killed, "returncode": proc.returncode, "lines": lines}


@pytest.fixture
def reference(tmp_path, corpus):
    """The uninterrupted run, made right before each faulted one (same code, same inputs)."""
    pytest.importorskip("kadrey_kg.loaders.ingest")
    store = tmp_path / "reference"
    out = run_ingest(store, corpus)
    results = [m for m in out["lines"] if "status" in m]
    failed = [m for m in results if m["status"] == "failed"]
    assert any("broken.pdf" in (m["error"] or "") for m in failed), failed
    assert len(failed) <= len(results) // 4, f"most of the corpus failed, nothing to test: {failed[:3]}"
    from kadrey_kg.graph.embedded import EmbeddedStore
    with EmbeddedStore(store, read_only=True) as st:
        return snapshot(st)


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["after-3", "random-instant"])
def test_sigkill_then_rerun_equals_uninterrupted(tmp_path, corpus, reference, fault):
    from kadrey_kg.graph.embedded import EmbeddedStore

    store = tmp_path / "store"
    if fault.startswith("after-"):
        first = run_ingest(store, corpus, kill_after=int(fault.split("-")[1]))
    else:
        first = run_ingest(store, corpus, kill_delay=random.Random(os.getpid()).uniform(0.5, 6.0))
    # The killed store must open (lock released, no corruption) and hold only whole documents.
    with EmbeddedStore(store, read_only=True) as st:
        partial = snapshot(st)
    torn = sorted(name for name, graph in partial.items() if name in reference and graph != reference[name])
    assert not torn, f"{fault}: graphs differ from the uninterrupted run right after the kill (torn writes?): {torn[:3]}"
    second = run_ingest(store, corpus)
    assert not second["killed"]
    with EmbeddedStore(store, read_only=True) as st:
        final = snapshot(st)
    missing = sorted(set(reference) - set(final))
    extra = sorted(set(final) - set(reference))
    differ = sorted(k for k in set(reference) & set(final) if reference[k] != final[k])
    assert not (missing or extra or differ), \
        f"{fault}: after the re-run, missing {missing[:3]} extra {extra[:3]} differ {differ[:3]}"
    assert same_snapshot(reference, final)
    assert first["killed"] or fault == "random-instant"
