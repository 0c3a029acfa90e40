"""Court filings on pleading paper: ECF page headers and the 1–28 line numbers in the margin.

Both are page furniture, not content: they are removed from the page text and the header is kept
as metadata ("Case 3:23-cv-03417-VC Document 471 Filed 03/07/25 Page 1 of 4").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_date

# The header the CM/ECF system stamps on every page; pypdf may break it over lines.
ECF_HEADER = re.compile(
    r"Case\s+(?P<case>(?:\d+:)?\d{2}-[a-z]{2,3}-\d{3,6}(?:-[A-Z]{1,4})*)\s+"
    r"Document\s+(?P<doc>\d+(?:-\d+)?)\s+"
    r"Filed\s+(?P<filed>\d{1,2}/\d{1,2}/\d{2,4})\s+"
    r"Page\s+(?P<page>\d+)\s+of\s+(?P<of>\d+)"
    r"(?:\s+Page\s*ID\s*#?:?\s*\d+)?",  # some districts append "PageID #: 123"
    re.I,
)
PLEADING_MAX_LINE = 28     # pleading paper has 28 (sometimes 26 or 32) numbered lines per page
_MIN_NUMBERED = 10         # fewer margin numbers than this is not pleading paper
_LEADING_NUMBER = re.compile(r"^[ \t]*(\d{1,2})(?:[ \t]+|$)")
_NUMBER_ROW = re.compile(r"^[ \t]*\d{1,2}(?:[ \t]+\d{1,2}){4,}[ \t]*$")  # "1 2 3 ... 28" on one line


@dataclass
class EcfHeader:
    case_number: str       # as printed, e.g. "3:23-cv-03417-VC"
    document: str          # docket entry number, e.g. "471" (or "471-3" for an attachment)
    filed: str | None      # ISO date
    page: int
    of: int


def parse_ecf_header(text: str) -> EcfHeader | None:
    m = ECF_HEADER.search(text)
    if not m:
        return None
    return EcfHeader(m["case"], m["doc"], parse_date(m["filed"]), int(m["page"]), int(m["of"]))


def strip_ecf_headers(text: str) -> tuple[str, list[EcfHeader]]:
    """Remove every ECF header (and the line break after it) from one page's text."""
    headers = [EcfHeader(m["case"], m["doc"], parse_date(m["filed"]), int(m["page"]), int(m["of"]))
               for m in ECF_HEADER.finditer(text)]
    return ECF_HEADER.sub("", text), headers


def strip_line_numbers(page: str) -> tuple[str, int]:
    """Remove pleading-paper margin numbers from one page; returns (text, how many were removed).

    Numbers count only when, read in order, they climb 1, 2, 3... (small gaps allowed) at least
    `_MIN_NUMBERED` times: "17 U.S.C. § 101" at the start of a body line is left alone.
    """
    lines = page.split("\n")
    if any(_NUMBER_ROW.match(line) for line in lines):
        lines = [line for line in lines if not _is_number_row(line)]
    accepted: list[int] = []
    last = 0
    for i, line in enumerate(lines):
        m = _LEADING_NUMBER.match(line)
        if not m:
            continue
        n = int(m.group(1))
        if last < n <= min(last + 3, PLEADING_MAX_LINE + 4):
            accepted.append(i)
            last = n
    if len(accepted) < _MIN_NUMBERED:
        return page, 0
    for i in accepted:
        lines[i] = _LEADING_NUMBER.sub("", lines[i], count=1)
    numbered = set(accepted)
    kept = [line for j, line in enumerate(lines) if j not in numbered or line.strip()]
    return "\n".join(kept), len(accepted)


def _is_number_row(line: str) -> bool:
    numbers = [int(n) for n in line.split()]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) and numbers[-1] <= PLEADING_MAX_LINE + 4


_DIGITS = re.compile(r"\d+")
_EDGE = 3            # running headers/footers sit in the first or last lines of a page


def _line_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()))


def strip_running_lines(pages: list[str]) -> tuple[list[str], list[str]]:
    """Remove lines repeated at the top or bottom of most pages (a filing's footer "PLS.' MOTION FOR
    SUMMARY JUDGMENT – CASE NO. 3:23-cv-03417-VC", page numbers "- 2 -"); numbers may differ.

    Returns the pages and the distinct lines removed (with digits as "#"). Needs 3+ pages.
    """
    if len(pages) < 3:
        return pages, []
    key = _line_key
    counts: dict[str, int] = {}
    for page in pages:
        lines = [ln for ln in page.split("\n") if ln.strip()]
        for k in {key(ln) for ln in lines[:_EDGE] + lines[-_EDGE:]}:
            counts[k] = counts.get(k, 0) + 1
    running = {k for k, n in counts.items() if n >= max(3, 0.6 * len(pages))}
    if not running:
        return pages, []
    out: list[str] = []
    removed: set[str] = set()
    for page in pages:
        lines = page.split("\n")
        # peel running lines off each end, stopping at the first line that is not one (or blank)
        top, bottom = 0, len(lines)
        while top < bottom and (not lines[top].strip() or key(lines[top]) in running):
            top += 1
        while bottom > top and (not lines[bottom - 1].strip() or key(lines[bottom - 1]) in running):
            bottom -= 1
        removed.update(key(ln) for ln in lines[:top] + lines[bottom:] if ln.strip())
        out.append("\n".join(lines[top:bottom]))
    return out, sorted(removed)
