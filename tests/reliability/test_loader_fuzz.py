"""Property-based fuzzing of the loaders: whatever the bytes, a loader returns a usable result or
raises a LoaderError naming the file (never a bare ValueError, UnicodeDecodeError, lxml or pypdf
error), and what it returns is consistent (spans point at their text, the graph round-trips)."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kadrey_kg.loaders.errors import LoaderError
from kadrey_kg.loaders.pipeline import Doc

from .hostile import garble, garbled_html, garbled_pdf, html_soup, mixed_text, sample_pdf, text_bytes

SUFFIXES = [".txt", ".md", ".html", ".htm", ".pdf"]
any_bytes = st.one_of(st.binary(max_size=3000), text_bytes, garbled_html, html_soup, garbled_pdf)


def _loader_error_or(fn, *args):
    """Call a loader; return its result, or None for a LoaderError. Anything else fails the test."""
    try:
        return fn(*args)
    except LoaderError as err:
        assert str(err.path) in str(err), "a LoaderError must name its file"
        assert err.reason.strip(), "a LoaderError must say why"
        return None


def _runner_wrapped(err: LoaderError) -> bool:
    """True when the pipeline runner wrapped an unexpected exception (a loader bug, not a verdict)."""
    return bool(re.match(r"\w+(\.\w+)* in component '", err.reason))


def test_decode_any_bytes(tmp_path):
    decode = importlib.import_module("kadrey_kg.loaders.text_decode").decode
    counts = {"text": 0, "refused": 0}

    @given(any_bytes)
    def run(raw):
        out = _loader_error_or(decode, raw, tmp_path / "f.txt")
        if out is None:
            counts["refused"] += 1
            return
        text, encoding = out
        assert isinstance(text, str) and isinstance(encoding, str)
        assert "\r" not in text, "newlines must be normalised"
        counts["text"] += 1

    run()
    assert counts["text"] and counts["refused"], counts


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbfMeta \xff\xfe Llama", b"\xff\xfeM\x00e\x00\x00\xd8", b"\xfe\xff\xd8\x00"])
def test_decode_bom_with_broken_bytes(tmp_path, raw):
    decode = importlib.import_module("kadrey_kg.loaders.text_decode").decode
    _loader_error_or(decode, raw, tmp_path / "bom.txt")


def test_read_pdf_garbled(tmp_path):
    read_pdf = importlib.import_module("kadrey_kg.loaders.pdf_text").read_pdf
    counts = {"read": 0, "refused": 0}

    @given(garbled_pdf)
    @example(garble(sample_pdf(), 1.0, [(0.1015625, 0)]))   # found by hypothesis: "/Fla\x00eDecode" filter
    def run(raw):
        out = _loader_error_or(read_pdf, raw, tmp_path / "f.pdf")
        if out is None:
            counts["refused"] += 1
            return
        counts["read"] += 1
        for start, end in out.pages:
            assert 0 <= start <= end <= len(out.text)

    run()
    assert counts["refused"], counts


def _read_component():
    pytest.importorskip("kadrey_kg.loaders.read", reason="loaders/read.py not there yet")
    from kadrey_kg.loaders.pipeline import REGISTRY
    return REGISTRY["read"].func


def test_read_component_any_file(tmp_path):
    read = _read_component()
    counts = {"doc": 0, "refused": 0}

    @given(any_bytes, st.sampled_from(SUFFIXES), st.sampled_from(["a", "O'Brien \"x\" \\ y", "é ü ß", "-", "x" * 200]))
    @example(b"\x01<script></script>\x01", ".html", "a")   # found by hypothesis: lxml refused the control char
    def run(raw, suffix, stem):
        path = tmp_path / f"{stem}{suffix}"
        path.write_bytes(raw)
        doc = _loader_error_or(read, Doc(path=path))
        if doc is None:
            counts["refused"] += 1
            return
        assert isinstance(doc.text, str)
        assert "\x00" not in doc.text
        assert doc.meta.content_hash and len(doc.meta.content_hash) == 64
        counts["doc"] += 1

    run()
    assert counts["doc"] and counts["refused"], counts


def _full_pipeline():
    from kadrey_kg.loaders.pipeline import Pipeline
    try:
        return Pipeline()
    except ImportError as err:
        pytest.skip(f"the full pipeline is not assembled yet: {err}")


@pytest.fixture(scope="module")
def pipeline():
    return _full_pipeline()


def test_pipeline_mixed_language_hostile_text(tmp_path, pipeline):
    """FR/EN/other scripts, nasty names, control characters: a Doc whose spans resolve and whose
    graph round-trips through N-Triples, or a LoaderError that is a verdict (not a wrapped bug)."""
    from rdflib import Graph, Literal

    from kadrey_kg.ontology import KKG

    outcomes = {"doc": 0, "refused": 0}

    @given(mixed_text, st.sampled_from([".txt", ".md", ".html"]))
    @example("Kadrey v. Meta メタは著者に訴えられた。 Les auteurs reprochent à Meta d'avoir agi ainsi : Meta a "
             "dissimulé des documents. Le cabinet Turner Johnson Avocats représente les plaignants.", ".txt")
    def run(text, suffix):
        path = tmp_path / f"mixed{suffix}"
        body = text if suffix != ".html" else f"<html><body><article><p>{text}</p></article></body></html>"
        path.write_bytes(body.encode("utf-8", "surrogatepass"))
        try:
            doc = pipeline(path)
        except LoaderError as err:
            assert not _runner_wrapped(err), f"loader bug surfaced as {err}"
            outcomes["refused"] += 1
            return
        outcomes["doc"] += 1
        g = doc.graph
        assert g is not None
        back = Graph().parse(data=g.serialize(format="nt"), format="nt")
        assert len(back) == len(g), "the document graph does not round-trip through N-Triples"
        bodies = list(g.objects(doc.iri, KKG.body))
        if not bodies:
            return
        body_text = str(bodies[0])
        for node in set(g.subjects(KKG.startOffset, None)):
            start = int(g.value(node, KKG.startOffset))
            end = int(g.value(node, KKG.endOffset))
            span = g.value(node, KKG.spanText)
            assert 0 <= start <= end <= len(body_text), (node, start, end)
            if isinstance(span, Literal):
                assert body_text[start:end] == str(span), f"span of {node} does not match the body"

    run()
    assert outcomes["doc"] + outcomes["refused"] >= 20
    assert outcomes["doc"] >= 5, f"almost every input was refused, the span checks never ran: {outcomes}"
