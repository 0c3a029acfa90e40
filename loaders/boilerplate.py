"""Web-page chrome left in .txt copies of court opinions and articles ("From Casetext: Smarter Legal
Research", "History • No items yet midpage ... Check Treatment | Docket").

Such lines stay in `doc.text` (offsets are provenance) but are listed as spans so metadata and later
components can skip them. A line is chrome only when the whole line is a known interface label.
"""
from __future__ import annotations

import re

# Sites whose interface leaves a recognisable mark, and the mark
SITES = {
    "Casetext": re.compile(r"^From Casetext:.*$", re.I),
    "midpage": re.compile(r"^midpage$", re.I),
    "CourtListener": re.compile(r"^.*CourtListener.*$", re.I),
    "Justia": re.compile(r"^Justia\b.*$", re.I),
    "Google Scholar": re.compile(r"^.*Google Scholar.*$", re.I),
}
_LABELS = [
    r"from casetext: smarter legal research", r"history", r"[•·*-]?\s*no items yet", r"midpage",
    r"check treatment", r"docket", r"case information", r"opinion", r"copy citation", r"cite",
    r"download( pdf)?", r"print( this page)?", r"share( this)?", r"save", r"cited by( \d+)?",
    r"skip to (main )?content", r"sign in|log in|login|sign up|subscribe|s'abonner|se connecter",
    r"menu", r"search|rechercher", r"advertisement|publicité|sponsored|annonce",
    r"à lire (également|aussi)|lire aussi|read more|related( articles)?|articles? similaires?",
    r"accept( all)? cookies|cookies?|tout accepter|partager|imprimer|retour en haut|back to top",
    r"[|•·]+",
    r"(?:[^\n>›»|]{1,30}\s[>›»]\s){2,}[^\n>›»|]{1,60}",   # breadcrumbs: "Accueil > Tech > IA"
]
_LABEL = re.compile(r"^\s*(?:" + "|".join(_LABELS) + r")\s*$", re.I)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that is pure page chrome."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip() and _LABEL.match(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def source_site(text: str) -> str | None:
    """The web site a .txt copy was taken from, when its interface left a mark in the first lines."""
    for line in text.split("\n")[:40]:
        for site, rx in SITES.items():
            if rx.match(line.strip()):
                return site
    return None


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans blanked out (same length, so offsets still line up)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
