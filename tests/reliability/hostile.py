"""Hostile and broken inputs for the reliability suite: hypothesis strategies and crafted files.

Everything is generated here (sentences from bench/synth.py templates, PDFs written byte by byte
or with fpdf2), so no third-party text enters the repository.
"""
from __future__ import annotations

import importlib.util
import io
import sys
import zlib
from pathlib import Path

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]


def _synth():
    spec = importlib.util.spec_from_file_location("kkg_bench_synth", REPO / "bench" / "synth.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod          # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


SYNTH = _synth()
_CAST = SYNTH.Cast.build(3, 50)
_MAKER = SYNTH.DocMaker(3, _CAST)
SAMPLE_DOCS = [_MAKER.make(i) for i in range(12)]     # FR and EN news, court orders, notes

# Names that break naive quoting in Turtle, N-Triples, SPARQL, Cypher, HTML and JSON.
NASTY_NAMES = [
    "O'Brien", "Jean \"Le Juge\" Dupont", "Back\\slash Corp.", "Meta\\\" Platforms", "Zoë d’Arc",
    "x\" } ; DROP GRAPH <urn:x> ; #", "'); MATCH (n) DETACH DELETE n; //", "<script>alert(1)</script> Inc.",
    "Ünïcödé GmbH", "\u202eRTL Override SA", "Tab\tName LLC", "Nul\x00Byte Inc.", "}} LIMIT 1 UNION { ?s ?p ?o",
    "http://example.org/ > <urn:evil>", "Llama\u200b 3", "\ufeffBOM Corp.",
]

SCRIPTS = ["Llama модель обучена на пиратских книгах.", "メタは著者に訴えられた。", "ميتا تواجه دعوى قضائية.",
           "Η Meta μηνύθηκε από συγγραφείς.", "מטא נתבעה על ידי סופרים.", "Meta 被作者起诉。"]


def fr_en_sentences() -> list[str]:
    return [s for d in SAMPLE_DOCS for s in d["text"].split("\n") if s.strip()]


SENTENCES = fr_en_sentences()

control_chars = st.sampled_from([chr(c) for c in range(0, 32)] + ["\x7f", "\u0085", "\u2028", "\u2029",
                                                                      "\u200b", "\ufeff", "\ufffd", "\u202e"])

# Text made of real-looking sentences (mixed FR/EN/other scripts), nasty names and control chars.
mixed_text = st.lists(
    st.one_of(st.sampled_from(SENTENCES), st.sampled_from(SCRIPTS), st.sampled_from(NASTY_NAMES),
              control_chars, st.text(max_size=40)),
    min_size=1, max_size=30,
).map(" ".join)


def encode(text: str, how: str) -> bytes:
    if how == "utf-16":
        return text.encode("utf-16")
    if how == "latin-1":
        return text.encode("latin-1", errors="replace")
    if how == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")


text_bytes = st.builds(encode, mixed_text, st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-8-bom"]))


def html_page(doc: dict) -> bytes:
    return SYNTH.as_html(doc).encode("utf-8")


def garble(data: bytes, cut: float, flips: list[tuple[float, int]]) -> bytes:
    """Truncate at a fraction of the length and overwrite a few bytes."""
    out = bytearray(data[: max(1, int(len(data) * cut))])
    for where, value in flips:
        if out:
            out[int(where * (len(out) - 1))] = value
    return bytes(out)


flips = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8)
garbled_html = st.builds(lambda d, c, f: garble(html_page(d), c, f), st.sampled_from(SAMPLE_DOCS),
                         st.floats(0.01, 1.0), flips)

# HTML shapes that trip parsers: unclosed tags, stray closers, nested comments, CDATA, entities.
html_snippets = st.sampled_from([
    "<p>", "</p>", "<div>", "</div></div></div>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;",
    "&#x110000;", "&nbsp;", "&notanentity;", "<script>", "</script>", "<style>p{}</style>", "<br/>",
    "<meta charset=\"klingon\">", "<html lang=\"xx\">", "<title>", "</title>", "<a href=\"javascript:alert(1)\">",
    "<img src=x onerror=alert(1)>", "<?xml version=\"1.0\"?>", "<!DOCTYPE html>", "<svg><script>1</script></svg>",
])
html_soup = st.lists(st.one_of(html_snippets, st.sampled_from(SENTENCES), st.sampled_from(NASTY_NAMES)),
                     min_size=1, max_size=60).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


# ---- PDFs ----------------------------------------------------------------------------------------
def pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A syntactically valid PDF with a correct xref table from raw object bodies (1-based)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def _stream(data: bytes, compress: bool = True) -> bytes:
    body = zlib.compress(data, 9) if compress else data
    filt = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(body), filt) + body + b"\nendstream"


def text_pdf(lines: list[str], pages: int = 1) -> bytes:
    """A small real PDF with text on each page (standard Helvetica, WinAnsi: non-Latin-1 chars become '?')."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for p in range(pages):
        ops = [b"BT /F1 10 Tf 50 780 Td 12 TL"]
        for line in lines:
            safe = line.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            safe = safe.replace(b"\r", b" ").replace(b"\n", b" ")
            ops.append(b"(" + safe + b") Tj T*")
        ops.append(b"ET")
        objects.append(_stream(b"\n".join(ops)))
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content, font))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf_from_objects(objects)


def pdf_bomb_stream(megabytes: int = 512) -> bytes:
    """One page whose content stream inflates to `megabytes` MiB (compressed it is ~1/1000 of that)."""
    comp = zlib.compressobj(9)
    chunk = b"0 0 m " * (1 << 16)
    parts = [comp.compress(b"BT /F1 10 Tf 50 780 Td (Meta Llama) Tj ET\n")]
    for _ in range((megabytes << 20) // len(chunk)):
        parts.append(comp.compress(chunk))
    parts.append(comp.flush())
    body = b"".join(parts)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        stream,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


def pdf_page_bomb(pages: int = 200_000) -> bytes:
    """A page tree claiming `pages` pages, all the same page object (tiny file, huge page count)."""
    kids = b" ".join([b"4 0 R"] * pages)
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        _stream(b"BT /F1 10 Tf 50 780 Td (Meta Llama Kadrey) Tj ET"),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>",
    ])


def pdf_cyclic_tree() -> bytes:
    """A page tree whose Pages node lists itself as a kid."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ])


def sample_pdf() -> bytes:
    doc = SAMPLE_DOCS[1]
    return text_pdf([line for line in doc["text"].split("\n") if line.strip()][:40], pages=2)


garbled_pdf = st.builds(lambda c, f: garble(sample_pdf(), c, f), st.floats(0.01, 1.0), flips)


# ---- HTML bombs ----------------------------------------------------------------------------------
def billion_laughs_html(levels: int = 10) -> bytes:
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">' for i in range(1, levels)
    ]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE html [\n{chr(10).join(ents)}\n]>\n'
            f'<html><head><title>Meta &lol{levels - 1};</title></head><body><p>Meta et Llama &lol{levels - 1};</p>'
            f'<p>{SENTENCES[0]}</p></body></html>\n').encode("utf-8")


def external_entity_html() -> bytes:
    """XXE: an entity that would read a local file if the parser resolved it."""
    return (b'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            b"<html><body><p>Meta &xxe; Llama</p><p>" + SENTENCES[1].encode() + b"</p></body></html>\n")


def deep_html(depth: int = 200_000) -> bytes:
    return b"<html><body>" + b"<div>" * depth + SENTENCES[2].encode() + b"</div>" * depth + b"</body></html>"


def script_heavy_html() -> bytes:
    script = "<script>" + "var a='</p><p>Meta';" * 20000 + "</script>"
    return (f"<html><head>{script}<style>{'p{{color:red}}' * 20000}</style></head><body>"
            f"<article><h1>Meta</h1><p>{SENTENCES[3]}</p><p>{SENTENCES[4]}</p></article>"
            f"<iframe src=\"javascript:alert(1)\"></iframe><object data=\"file:///etc/passwd\"></object></body></html>"
            ).encode("utf-8")


def huge_line(megabytes: int = 8) -> bytes:
    word = "Meta Llama Kadrey ".encode()
    return word * ((megabytes << 20) // len(word))
