"""Bytes → str for text and HTML files: declared charset, BOM, UTF-8, then charset-normalizer.

Only newlines are normalised (CRLF/CR → LF) and a BOM dropped; every other character is kept as
read, because character offsets into the decoded text are the provenance of every extracted fact.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import LoaderError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">, or an XML declaration
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# C0 controls other than tab, LF, FF, CR: a text file does not contain these
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 4 KB, if Python knows it."""
    m = _DECLARED.search(raw[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(raw: bytes, path: Path, *, declared: str | None = None) -> tuple[str, str]:
    """Decode `raw` to text; returns (text, encoding used). Binary data raises LoaderError."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(enc, errors="strict").lstrip("\ufeff")
            except UnicodeDecodeError as err:
                raise LoaderError(path, f"starts with a {enc} byte-order mark but is not valid {enc} "
                                        f"(byte {err.start}: {err.reason}); re-save it as UTF-8") from err
            return _checked(normalise_newlines(text), path, enc), enc
    if b"\x00" in raw[:8192]:
        raise LoaderError(path, "looks like a binary file (it contains NUL bytes), not text; "
                                "check the file type or rename it with the right extension")
    if declared:
        try:
            return _checked(normalise_newlines(raw.decode(declared)), path, declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common on the web: detect instead
    try:
        return _checked(normalise_newlines(raw.decode("utf-8")), path, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise LoaderError(path, "could not detect the text encoding (no charset fits; is it a binary file?); "
                                "convert it to UTF-8, e.g. with iconv")
    return _checked(normalise_newlines(str(best)), path, best.encoding), best.encoding


def _checked(text: str, path: Path, encoding: str) -> str:
    # Decoding can "succeed" on binary data (latin-1 accepts any byte): refuse texts full of controls.
    if "\x00" in text:
        raise LoaderError(path, f"looks like a binary file (NUL characters when decoded as {encoding}), not text; "
                                "check the file type or rename it with the right extension")
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise LoaderError(path, f"looks like a binary file (control characters when decoded as {encoding}), "
                                "not text; check the file type or rename it with the right extension")
    return text
