"""Find and parse dates written in French or English ("19 mars 2025", "March 19, 2025", "03/07/25").

Every function returns ISO dates (YYYY-MM-DD) or None; nothing guesses a date that is not written.
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    # English, full and abbreviated (with or without a dot)
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # French (accents optional: texts lose them in copy-paste)
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

# "March 19, 2025", "Jan 22, 2024", "Jan. 22, 2024", "August 01, 2025"
EN_DATE = re.compile(rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I)
# "19 mars 2025", "1er mars 2025", "19 March 2025"
FR_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH_RE})\.?\s+(?P<year>\d{{4}})\b", re.I)
ISO_DATE = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
# US numeric dates as used by the courts and ECF: 03/07/25, 01-22-2024, 3/7/2025
NUM_DATE = re.compile(r"\b(?P<a>\d{1,2})[/-](?P<b>\d{1,2})[/-](?P<year>\d{4}|\d{2})\b")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # ECF headers: "Filed 03/07/25"
        year += 2000 if year < 70 else 1900
    return year


def parse_date(text: str, *, day_first: bool = False) -> str | None:
    """Parse the first date written in `text`; numeric dates are month-first unless `day_first`.

    >>> parse_date("19 mars 2025"), parse_date("March 19, 2025"), parse_date("Filed 03/07/25")
    ('2025-03-19', '2025-03-19', '2025-03-07')
    """
    found = find_dates(text, day_first=day_first)
    return found[0][2] if found else None


def find_dates(text: str, *, day_first: bool = False) -> list[tuple[int, int, str]]:
    """All dates in `text` as (start, end, iso), in reading order, overlapping matches removed."""
    hits: list[tuple[int, int, str]] = []
    for rx in (EN_DATE, FR_DATE):
        for m in rx.finditer(text):
            iso = _iso(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
            if iso:
                hits.append((m.start(), m.end(), iso))
    for m in ISO_DATE.finditer(text):
        iso = _iso(int(m["year"]), int(m["month"]), int(m["day"]))
        if iso:
            hits.append((m.start(), m.end(), iso))
    for m in NUM_DATE.finditer(text):
        a, b, year = int(m["a"]), int(m["b"]), _year(m["year"])
        month, day = (b, a) if (day_first or a > 12) else (a, b)
        iso = _iso(year, month, day)
        if iso:
            hits.append((m.start(), m.end(), iso))
    hits.sort()
    kept: list[tuple[int, int, str]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept
