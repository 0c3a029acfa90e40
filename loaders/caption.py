"""The caption of a US court document: parties, the document's heading, the docket entries it answers.

Captions are two columns (parties left; case number and heading right) that text extraction
interleaves row by row, e.g. "ORDER GRANTING MOTION TO v. DISMISS META PLATFORMS, INC., Re: Dkt.
No. 23 Defendant.". The heading is rebuilt by removing the left column's pieces ("v.", the party
names, "Defendant.") from the run of capitalised words that starts at ORDER/MOTION/COMPLAINT...
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

HEAD_NOUNS = ("ORDER", "OPINION", "JUDGMENT", "MOTION", "COMPLAINT", "BRIEF", "OPPOSITION", "REPLY",
              "DECLARATION", "STIPULATION", "NOTICE", "MEMORANDUM", "ANSWER", "PETITION", "TRANSCRIPT",
              "LETTER", "OBJECTIONS", "RESPONSE")
FILING_NOUNS = set(HEAD_NOUNS) - {"ORDER", "OPINION", "JUDGMENT"}
# Words of headings, never of a party's name: stripped from the front of a party-name candidate
HEADING_WORDS = {
    "ORDER", "GRANTING", "DENYING", "IN", "PART", "MOTION", "MOTIONS", "TO", "DISMISS", "FOR", "PARTIAL",
    "SUMMARY", "JUDGMENT", "AS", "THE", "OF", "AND", "ON", "RE", "RE:", "DISCOVERY", "COMPEL", "STRIKE",
    "LEAVE", "AMEND", "STAY", "PRELIMINARY", "INJUNCTION", "PROTECTIVE", "CLAIM", "CLAIMS", "SEAL",
    "PLAINTIFFS'", "PLAINTIFF'S", "DEFENDANTS'", "DEFENDANT'S", "DMCA", "RELIEF", "SANCTIONS",
    "ADMINISTRATIVE", "UNDER", "CERTIFY", "CLASS", "CERTIFICATION", "RECONSIDERATION", "AMENDED",
    "SECOND", "THIRD", "FIRST", "CONSOLIDATED", "PUBLIC", "VERSION", "REDACTED", "AT", "ECF", "NO.",
}
_CORP_SUFFIX = re.compile(r",?\s+(?:INC|LLC|L\.L\.C|LLP|CORP|CORPORATION|COMPANY|CO|LTD|LIMITED|PLC|PBC|N\.A|L\.P|LP)\.?,?(?=\s|$)")
_TOKEN = re.compile(r"\S+")
_LEFT_COLUMN = re.compile(r"^(?:v\.?|vs\.?|Plaintiffs?[,.;]?|Defendants?[,.;]?|et|al\.?,?)$")
_REF_WORDS = {"Re:", "RE:", "Dkt.", "DKT.", "No.", "NO.", "Nos.", "NOS.", "ECF"}
_RE_DOCKETS = re.compile(r"\bRe:?\s*(?:Dkt|ECF|Docket)\.?\s*(?:Nos?\.?|Numbers?)\s*(?P<nums>\d+(?:\s*(?:,|and|&)\s*\d+)*)", re.I)
_OWN_DOCKET = re.compile(r"\b(?:AT|ECF|DKT\.?)\s+(?:ECF\s+)?NO\.\s*(?P<num>\d+)\b(?!\s*,\s*\d)", re.I)
_NAME = r"(?P<name>(?:[A-Z][A-Z.'’&-]*,?\s+){0,6}[A-Z][A-Z.'’&-]+)"
# "RICHARD KADREY, et al.," / "AUTHORS GUILD, Plaintiff," / interleaved "JANE DOE, Case No. 1:23-cv-1 Plaintiff,"
_PLAINTIFF = (
    re.compile(_NAME + r",?\s+et\s+al\.", re.S),
    re.compile(_NAME + r",?\s+Plaintiffs?\b", re.S),
    re.compile(_NAME + r",\s+(?:.{0,60}?\s)?Plaintiffs?\b", re.S),
)
_IN_RE = re.compile(r"\bIn re:?\s+(?P<name>[A-Z][A-Z0-9.,'’&-]*(?=\s|$)(?:\s+[A-Z0-9][A-Z0-9.,'’&-]*(?=\s|$))*)")
_DEFENDANT = re.compile(r"\bv\.\s+(?P<run>(?:[A-Z0-9][A-Z0-9.,'’&:-]*\s+){0,20}?)(?=(?:et\s+al\.,?\s+)?Defendants?\b|Re:|[a-z])")


@dataclass
class Caption:
    heading: str | None = None                 # "ORDER GRANTING MOTION TO DISMISS"
    plaintiff: str | None = None               # first named plaintiff as written
    defendant: str | None = None
    responds_to: list[str] = field(default_factory=list)   # "Re: Dkt. Nos. 308, 309" → ["308", "309"]
    own_docket: str | None = None              # "ORDER AT ECF NO. 351" → "351"

    in_re: str | None = None                   # "In re MOSAIC LLM LITIGATION" → "MOSAIC LLM LITIGATION"

    @property
    def case_name(self) -> str | None:
        """Bluebook-style short name, "Kadrey v. Meta Platforms, Inc." or "In re Mosaic LLM Litigation"."""
        if self.in_re:
            return f"In re {_title(self.in_re)}"
        if not (self.plaintiff and self.defendant):
            return None
        return f"{_party_short(self.plaintiff)} v. {_title(self.defendant)}"

    @property
    def head_noun(self) -> str | None:
        if not self.heading:
            return None
        words = re.findall(r"[A-Z]+", self.heading.upper())
        return next((w for w in words if w in HEAD_NOUNS), None)


def _title(name: str) -> str:
    """Title-case an all-capitals caption phrase, keeping acronyms and mixed-case words as written."""
    small = {"OF", "AND", "THE", "FOR", "IN", "ON", "AT", "TO", "AS", "RE", "BY", "OR"}
    keep_upper = {"LLC", "LLP", "PLC", "PBC", "USA", "US", "AI", "LLM", "DMCA", "ECF", "RFP", "CMI", "MDL", "II", "III",
                  "IV", "N.A", "L.P"}
    out = []
    for i, word in enumerate(name.strip(" ,").split()):
        bare = word.strip(",.;:()[]'’")
        if bare in keep_upper or not bare.isupper():
            out.append(word)
        elif i and bare in small:
            out.append(word.lower())
        else:
            first = next(i for i, c in enumerate(word) if c.isalpha())
            out.append(word[:first + 1] + word[first + 1:].lower())
    return " ".join(out)


def _party_short(name: str) -> str:
    """A person is named by surname ("RICHARD KADREY" → "Kadrey"), an organisation in full."""
    name = name.strip(" ,")
    if _CORP_SUFFIX.search(name) or len(name.split()) > 3:
        return _title(name)
    return _title(name.split()[-1])


def _strip_heading_words(words: list[str]) -> list[str]:
    while words and words[0].strip(",") in HEADING_WORDS:
        words = words[1:]
    return words


def find_defendant(caption: str) -> str | None:
    m = _DEFENDANT.search(caption)
    if not m:
        return None
    run = m["run"].strip()
    corp = _CORP_SUFFIX.search(run)
    if corp:  # a company: its name ends at INC./LLC...; what follows is the right column
        run = run[:corp.end()]
    words = _strip_heading_words(run.split())
    return " ".join(words).strip(" ,") or None


def find_plaintiff(caption: str) -> str | None:
    # the caption's "v." is followed by capitals ("v. META", or interleaved "v. DISMISS"), unlike a
    # site header's "Kadrey v. Meta"; an "..., et al." after it is the defendants'
    versus = re.search(r"\bv[s]?\.\s+[A-Z][A-Z]", caption)
    left = caption[:versus.start()] if versus else caption
    for rx in _PLAINTIFF:
        m = rx.search(left)
        words = m["name"].split() if m else []
        if words and words[0] != "THE":
            words = _strip_heading_words(words)
        if len("".join(words)) >= 3:
            return " ".join(words).strip(" ,")
    return None


def _heading_span(caption: str) -> tuple[int, int] | None:
    """From the first head noun (extended back over capitalised words) to the first ordinary word."""
    tokens = list(_TOKEN.finditer(caption))
    first = next((i for i, t in enumerate(tokens) if t.group(0).strip(",.;:'’") in HEAD_NOUNS
                  and t.group(0).isupper()), None)
    if first is None:
        return None
    start = first
    while start > 0 and _is_heading_token(tokens[start - 1].group(0)) and not _LEFT_COLUMN.match(tokens[start - 1].group(0)):
        start -= 1
    end = first
    while end + 1 < len(tokens) and end - start < 60:
        token = tokens[end + 1].group(0)
        if not (_is_heading_token(token) or _LEFT_COLUMN.match(token) or token in _REF_WORDS):
            break
        end += 1
    return tokens[start].start(), tokens[end].end()


def _is_heading_token(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return (not letters or all(c.isupper() for c in letters)) and token not in {"|", "•"}


def parse_caption(caption: str) -> Caption:
    """Parse the first ~2,000 characters of a court document (boilerplate already masked)."""
    in_re = _IN_RE.search(caption)
    out = Caption(plaintiff=find_plaintiff(caption), defendant=find_defendant(caption),
                  in_re=in_re["name"].strip(" ,") if in_re else None)
    span = _heading_span(caption)
    if not span:
        return out
    raw = caption[span[0]:span[1]]
    refs = _RE_DOCKETS.search(raw)
    if refs:
        out.responds_to = re.findall(r"\d+", refs["nums"])
    # "ORDER RE: DKT. NO. 81" → "ORDER" (the entry is kept in responds_to); "ORDER RE: MOTION TO DISMISS" stays
    heading = re.split(r"\bRe:?\s+(?=(?:Dkt|ECF|Docket)\b)", raw, maxsplit=1, flags=re.I)[0]
    own = _OWN_DOCKET.search(heading)
    if own:
        out.own_docket = own["num"]
    for party in filter(None, (out.defendant, out.plaintiff)):
        heading = heading.replace(party, " ")
    words = [w for w in heading.split() if not _LEFT_COLUMN.match(w) and w != ","]
    out.heading = " ".join(words).strip(" ,;:") or None
    return out


def restore_case(name: str, text: str) -> str:
    """Spell each word of a title-cased caption name as the body does: "Openai" → "OpenAI"."""
    def spelled(m: re.Match) -> str:
        word = m.group(0)
        for seen in re.finditer(rf"\b{re.escape(word)}\b", text, re.I):
            form = seen.group(0)
            if form[0].isupper() and not form.isupper() and form != word:  # "OpenAI", not "META" or "meta"
                return form
        return word

    return re.sub(r"[A-Za-z]{3,}", spelled, name)


def heading_title(caption: Caption, text: str = "") -> str | None:
    """ "Kadrey v. Meta Platforms, Inc. – Order Granting Motion to Dismiss (Re: Dkt. No. 23)".

    With the document's `text`, party names take the body's spelling of mixed-case words (OpenAI).
    """
    name = restore_case(caption.case_name, text) if caption.case_name and text else caption.case_name
    parts = [p for p in (name, _title(caption.heading) if caption.heading else None) if p]
    if not parts:
        return None
    title = " – ".join(parts)
    if caption.responds_to:
        nums = caption.responds_to
        title += f" (Re: Dkt. No{'s' if len(nums) > 1 else ''}. {', '.join(nums)})"
    return title
