"""PDF → text with pypdf, page by page, minus pleading-paper furniture (ECF headers, margin numbers).

Pages are joined with a blank line; `pages` gives each page's (start, end) offsets in the text.
Anything that prevents reading every page (corrupt, truncated, encrypted, too long) raises first.
"""
from __future__ import annotations

import io
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

from .errors import LoaderError
from .pleading import EcfHeader, strip_ecf_headers, strip_line_numbers, strip_running_lines

log = logging.getLogger(__name__)

DEFAULT_MAX_PAGES = 500
PAGE_SEPARATOR = "\n\n"
# Titles PDF producers write for you, which say nothing about the document
_JUNK_TITLE = re.compile(r"^(untitled|microsoft word - .*|.*\.(docx?|wpd|rtf|pdf))$", re.I)


@dataclass
class PdfText:
    text: str
    pages: list[tuple[int, int]]
    headers: list[EcfHeader] = field(default_factory=list)
    numbered_lines: int = 0        # margin numbers removed (0: not pleading paper)
    running_lines: list[str] = field(default_factory=list)  # repeated page headers/footers removed
    title: str | None = None       # from the PDF's document information, when meaningful
    created: str | None = None     # raw /CreationDate


def max_pages() -> int:
    value = os.environ.get("KADREY_KG_MAX_PAGES", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_PAGES


def read_pdf(raw: bytes, path: Path) -> PdfText:
    if b"%PDF-" not in raw[:1024]:
        raise LoaderError(path, "is not a PDF (no %PDF- header); it may be corrupt or mis-named, "
                                "open it in a PDF viewer or re-download it")
    if b"%%EOF" not in raw[-2048:]:
        raise LoaderError(path, "PDF is truncated (no %%EOF marker at the end); re-download the file")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("needs a password")
        n_pages = len(reader.pages)
        if n_pages > max_pages():
            raise LoaderError(path, f"PDF has {n_pages} pages, more than the limit of {max_pages()}; "
                                    "split it or raise KADREY_KG_MAX_PAGES")
        page_texts = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except LoaderError:
        raise
    except (FileNotDecryptedError, DependencyError) as err:
        raise LoaderError(path, f"PDF is encrypted ({err}); decrypt it first, e.g. "
                                "`qpdf --decrypt --password=... in.pdf out.pdf`") from err
    except NotImplementedError as err:   # e.g. a stream filter pypdf does not implement (or a garbled name)
        raise LoaderError(path, f"PDF uses a feature pypdf cannot read ({err}); re-download it, or rewrite it "
                                "with `qpdf in.pdf out.pdf` and try again") from err
    except LimitReachedError as err:  # decompression or array bombs: pypdf's own safety limits
        raise LoaderError(path, f"PDF exceeds pypdf's safety limits ({err}); it is malformed or hostile, "
                                "check where it came from") from err
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, AssertionError) as err:
        raise LoaderError(path, f"PDF is corrupt or truncated ({type(err).__name__}: {err}); "
                                "re-download it or repair it with `qpdf in.pdf out.pdf`") from err
    if n_pages == 0:
        raise LoaderError(path, "PDF has no pages")

    parts: list[str] = []
    headers: list[EcfHeader] = []
    numbered = 0
    for page_text in page_texts:
        page_text = page_text.replace("\r\n", "\n").replace("\r", "\n")
        page_text, page_headers = strip_ecf_headers(page_text)
        page_text, removed = strip_line_numbers(page_text)
        headers += page_headers
        numbered += removed
        parts.append(page_text.strip("\n"))
    parts, running = strip_running_lines(parts)
    if not "".join(parts).strip():
        raise LoaderError(path, f"PDF has no extractable text in its {n_pages} page(s) (a scan?); "
                                "OCR it first, e.g. `ocrmypdf in.pdf out.pdf`")

    text, pages, pos = "", [], 0
    for i, part in enumerate(parts):
        if i:
            text += PAGE_SEPARATOR
            pos += len(PAGE_SEPARATOR)
        pages.append((pos, pos + len(part)))
        text += part
        pos += len(part)
    title = str(info.get("/Title") or "").strip() or None
    if title and _JUNK_TITLE.match(title):
        title = None
    return PdfText(text, pages, headers, numbered, running, title, str(info.get("/CreationDate") or "") or None)
