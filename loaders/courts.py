"""Court names and docket numbers as written in captions, normalised to one spelling each.

"UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF CALIFORNIA", "United States District Court,
N.D. California" and "N.D. Cal." all become "United States District Court, Northern District of
California"; "3:23-cv-03417-VC", "Case No. 23-cv-03417-VC (TSH)" become "23-cv-03417-VC".
"""
from __future__ import annotations

import re

STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico",
)
# Bluebook abbreviations used in "N.D. Cal."-style court names (the full name is accepted too)
STATE_ABBREV = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Cal.": "California", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "D.C.": "District of Columbia",
    "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
    "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Or.": "Oregon", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Va.": "Virginia", "Vt.": "Vermont", "Wash.": "Washington", "W. Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
DIRECTIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "C": "Central", "M": "Middle"}

_STATE_RE = "|".join(sorted((re.escape(s) for s in STATES), key=len, reverse=True))
_ABBREV_RE = "|".join(sorted((re.escape(s) for s in STATE_ABBREV), key=len, reverse=True))
_DIR_WORD = r"(?P<dir>Northern|Southern|Eastern|Western|Central|Middle)"

# "UNITED STATES DISTRICT COURT [,] [FOR THE] NORTHERN DISTRICT OF CALIFORNIA"
_FULL = re.compile(rf"United States District Court\s*,?\s*(?:for the\s+)?(?:{_DIR_WORD}\s+)?District of\s+(?P<state>{_STATE_RE})\b", re.I)
# "United States District Court, N.D. California" / "N.D. Cal." / "(D. Del. 2024)"
_ABBR = re.compile(rf"(?<![A-Za-z.])(?P<d>[NSEWCM])\.\s?D\.\s+(?P<state>{_ABBREV_RE}|{_STATE_RE})(?![A-Za-z])")
_APPEALS = re.compile(r"United States Court of Appeals\s*,?\s*(?:for the\s+)?(?P<circuit>\w+|District of Columbia|Federal) Circuit", re.I)
_FR_COURT = re.compile(r"\b(?P<court>Tribunal judiciaire|Tribunal de commerce|Cour d['’]appel|Cour de cassation|Conseil d['’][ÉE]tat)(?: de (?P<city>[A-ZÉ][\w-]+))?")

# docket numbers: [division:]YY-type-NNNNN[-JUDGE...] [(MAGISTRATE)]
CASE_NUMBER = re.compile(
    r"(?<![\w-])(?:(?P<div>\d{1,2}):)?(?P<yr>\d{2})-(?P<type>cv|cr|mc|md|mj|ap|bk)-(?P<num>\d{3,6})"
    r"(?P<judges>(?:-[A-Z]{2,4})*)(?![\w])(?:\s*\((?P<mag>[A-Z]{2,4})\))?",
)
_LABELLED_CASE = re.compile(r"\b(?:Case|Civil Action|Civ\.?(?: Action)?|Docket)\s+No\.?:?\s*$", re.I)


def _state(text: str) -> str:
    if text in STATE_ABBREV:
        return STATE_ABBREV[text]
    for state in STATES:
        if state.lower() == text.lower():
            return state
    return text


def find_court(text: str) -> tuple[int, int, str] | None:
    """The first court named in `text` as (start, end, normalised name)."""
    hits = find_courts(text)
    return hits[0] if hits else None


def find_courts(text: str) -> list[tuple[int, int, str]]:
    """Every court named in `text` as (start, end, normalised name), in reading order."""
    hits: list[tuple[int, int, str]] = []
    for m in _FULL.finditer(text):
        where = f"{m['dir'].title()} District of {_state(m['state'])}" if m["dir"] else f"District of {_state(m['state'])}"
        hits.append((m.start(), m.end(), f"United States District Court, {where}"))
    for m in _ABBR.finditer(text):
        hits.append((m.start(), m.end(), f"United States District Court, {DIRECTIONS[m['d']]} District of {_state(m['state'])}"))
    for m in _APPEALS.finditer(text):
        hits.append((m.start(), m.end(), f"United States Court of Appeals for the {m['circuit'].title()} Circuit"))
    for m in _FR_COURT.finditer(text):
        name = m["court"][0].upper() + m["court"][1:].replace("'", "’")
        hits.append((m.start(), m.end(), f"{name} de {m['city']}" if m["city"] else name))
    return sorted(hits)


def normalise_case_number(text: str) -> str | None:
    """ "Case No. 3:23-cv-03417-VC (TSH)" → "23-cv-03417-VC" (division and magistrate dropped)."""
    m = CASE_NUMBER.search(text)
    if not m:
        return None
    return f"{m['yr']}-{m['type'].lower()}-{m['num'].zfill(5)}{m['judges']}"


def find_case_number(text: str) -> tuple[str, list[str]] | None:
    """The document's own docket number, normalised, plus every distinct form written.

    A number labelled "Case No." wins; otherwise the form with judge initials, then the first.
    """
    found = list(CASE_NUMBER.finditer(text))
    if not found:
        return None
    forms = list(dict.fromkeys(m.group(0) for m in found))

    def rank(m: re.Match) -> tuple[int, int, int]:
        labelled = bool(_LABELLED_CASE.search(text[max(0, m.start() - 25):m.start()]))
        return (0 if labelled else 1, 0 if m["judges"] else 1, m.start())

    best = min(found, key=rank)
    return normalise_case_number(best.group(0)), forms
