"""The `read` component: a file on disk → `doc.raw`, `doc.text`, `doc.meta`, `doc.iri`.

Supported: .txt/.md (decoded as is), .html/.htm (main text via trafilatura), .pdf (pypdf, pleading
furniture removed). Every check runs before anything is returned: a document is read whole or not at all.
`doc.text` is final here: later components point into it by character offsets and never change it.

Besides the DocMeta fields, `doc.meta.extra` may hold: encoding (text/HTML), extractor
("trafilatura" or "fallback", HTML), boilerplate ([(start, end)] of web-chrome lines left in the
text), source_site ("Casetext", "midpage"...), heading (the caption's document title as written),
case_name, case_number_forms (every docket-number spelling seen), responds_to (docket entries a
court document answers: "Re: Dkt. Nos. 308, 309" → ["308", "309"]; `docket_entry` is the
document's own entry, from the ECF stamp or "ORDER AT ECF NO. 351"), ecf_pages ([[page, of]]),
pleading_line_numbers_removed, running_lines_removed (PDF).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kadrey_kg.ontology import document_iri

from .errors import LoaderError
from .html_text import extract_html
from .metadata import HEAD_CHARS, infer_meta
from .pdf_text import read_pdf
from .pipeline import Doc, DocMeta, component
from .pleading import parse_ecf_header
from .text_decode import declared_charset, decode

FORMATS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def max_bytes(path: Path) -> int:
    value = os.environ.get("KADREY_KG_MAX_BYTES", "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    if not value.isdigit():
        raise LoaderError(path, f"KADREY_KG_MAX_BYTES={value!r} is not a whole number of bytes; fix or unset it")
    return int(value)


def check_file(path: Path) -> str:
    """Raise LoaderError unless `path` is a readable, supported, not over-size file; return its format."""
    if not path.exists():
        raise LoaderError(path, "no such file; check the path (relative paths start from the current folder)")
    if path.is_dir():
        raise LoaderError(path, "is a directory, not a file; pass the files inside it (e.g. folder/*.txt)")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        supported = ", ".join(sorted(FORMATS))
        raise LoaderError(path, f"unsupported file type {path.suffix or '(no extension)'!r}; supported: {supported}")
    size, limit = path.stat().st_size, max_bytes(path)
    if size > limit:
        raise LoaderError(path, f"file is {size:,} bytes, over the {limit:,}-byte limit; "
                                "split it or raise KADREY_KG_MAX_BYTES")
    if size == 0:
        raise LoaderError(path, "file is empty (0 bytes); nothing to read")
    return fmt


def read_document(path: Path | str) -> Doc:
    """Read one file into a new `Doc` (the `read` component on a fresh document)."""
    return read(Doc(path=Path(path)))


@component("read", requires=["path"], assigns=["raw", "text", "meta", "iri"])
def read(doc: Doc) -> Doc:
    """Read .txt/.md/.html/.pdf into text + metadata (encoding, boilerplate, ECF headers handled)."""
    path = Path(doc.path)
    fmt = check_file(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise LoaderError(path, f"cannot be read ({err.strerror}); check its permissions") from err
    meta = DocMeta(file_name=path.name, content_hash=hashlib.sha256(raw).hexdigest())
    ecf, pleading, web = [], False, None
    if fmt == "pdf":
        pdf = read_pdf(raw, path)
        text, meta.pages, meta.page_count = pdf.text, pdf.pages, len(pdf.pages)
        ecf, pleading, meta.title = pdf.headers, pdf.numbered_lines > 0, pdf.title
        meta.extra["pleading_line_numbers_removed"] = pdf.numbered_lines
        if pdf.running_lines:
            meta.extra["running_lines_removed"] = pdf.running_lines
        if ecf:
            meta.extra["ecf_pages"] = [[h.page, h.of] for h in ecf]
    elif fmt == "html":
        html, meta.extra["encoding"] = decode(raw, path, declared=declared_charset(raw))
        page = extract_html(html)
        text, meta.extra["extractor"] = page.text, page.extractor
        web = {"title": page.title, "date": page.date, "sitename": page.sitename, "url": page.url,
               "page_type": page.page_type}
    else:
        text, meta.extra["encoding"] = decode(raw, path)
    if fmt != "pdf" and (stamp := parse_ecf_header(text[:HEAD_CHARS])):
        ecf = [stamp]  # a text copy of a filed PDF: the stamp is metadata, the text stays as read
    if not text.strip():
        what = "only whitespace" if fmt == "text" else "no main text"
        raise LoaderError(path, f"file has {what}; nothing to read")
    meta = infer_meta(text, meta, path=path, ecf=ecf, pleading=pleading, web=web)
    doc.raw, doc.text, doc.meta, doc.iri = raw, text, meta, document_iri(path.name)
    return doc
