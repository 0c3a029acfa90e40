"""Document metadata from the text itself: title, dates, court, case number, docket entry, kind.

Only what is written is used: a date counts when it is labelled ("Filed", "Signed", "Dated:",
"Publié le") or stands in the header lines a web copy starts with, never a date from the body.
"""
from __future__ import annotations

import re
from pathlib import Path

from .boilerplate import boilerplate_spans, mask, source_site
from .caption import FILING_NOUNS, Caption, heading_title, parse_caption, restore_case
from .courts import find_case_number, find_courts, normalise_case_number
from .dates import find_dates
from .function_words import function_word_votes
from .pipeline import DocMeta
from .pleading import EcfHeader

HEAD_CHARS = 3000          # captions, datelines and site headers live at the top
TAIL_CHARS = 3000          # "Dated: November 20, 2023" above the judge's signature
MAX_TITLE = 200
# Capitalised on purpose: "Filed August 01, 2025" is a label, "Meta filed a motion" is prose
_LABEL = re.compile(
    r"\b(?P<label>Signed|SIGNED|Filed|FILED|Date Filed|Dated|DATED|Entered|ENTERED|Decided|DECIDED|"
    r"Published|Updated|Posted|Publié|Mis à jour|Modifié)(?: on| le)?\s*:?\s*"
)
_LABEL_RANK = ("signed", "dated", "decided", "publié", "published", "posted", "filed", "date filed",
               "entered", "mis à jour", "modifié", "updated")
_CASE_LINE = re.compile(r"^\s*([A-Z][\w.'’&-]*(?:[ ,][\w.'’&,-]+)*? v\. [^\n]{2,120}?)\s*$")
# Law firms sign as "X LLP", "Y Avocats"...; JD Supra, Lexology and the National Law Review republish their notes.
# Plain "Law"/"Legal" is not enough: Bloomberg Law and Reuters Legal are newsrooms.
_LAW_FIRM = re.compile(r"\b(LLP|L\.L\.P\.|LLC|P\.C\.|PLLC|Avocats?|Attorneys at Law|Law (?:Firm|Group|Offices?)|"
                       r"Cabinet|Solicitors|Rechtsanw[äa]lte|JD Supra|Lexology|National Law Review)\b|&\s*Associates\b", re.I)
_LAW_HOST = re.compile(r"(^|\.)(jdsupra\.com|lexology\.com|natlawreview\.com)$|avocat|lawfirm|-law\.|law-?group", re.I)
# What law-firm notes say about themselves (disclaimers, alert banners, the firm's signature)
_LAW_FIRM_TEXT = re.compile(
    r"Attorney Advertising|Client Alert|Legal Alert|Prior results do not guarantee|"
    r"(?:does not|do not|nor does it) constitute legal advice|not intended (?:as|to be|to constitute) legal advice|"
    r"ne constitue(?:nt)? pas (?:un|une|des) (?:avis|conseils?|consultation)s? juridiques?", re.I)
# ...and who signs: only looked for in the byline and footer, since a news story may quote "Cooley LLP"
# or "un avocat au barreau de Paris" anywhere
_FIRM_SIGNATURE = re.compile(r"\b[A-Z][\w&.’' -]{1,60}(?:,\s*|\s+)(?:LLP|L\.L\.P\.|PLLC)\b|"
                             r"(?i:avocats? (?:au barreau|à la cour|associée?s?)\b|cabinet d['’]avocats)")
_TRANSCRIPT = re.compile(r"\b(?:transcript|transcription|verbatim)\b", re.I)
_BLOG_HOST = re.compile(r"(^|\.)blog\.|/blog(s)?/|substack\.com|medium\.com|blogspot\.|wordpress\.com|hashnode", re.I)


def header_lines(text: str) -> list[tuple[int, str]]:
    """The short lines a web copy starts with (site header), up to the first long paragraph."""
    out, pos = [], 0
    for line in text.split("\n")[:25]:
        if len(line) > MAX_TITLE:
            break
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def labelled_dates(text: str, *, day_first: bool = False) -> dict[str, str]:
    """{"filed": "2025-01-17", "signed": "2024-12-20", ...}: the first date after each label."""
    found: dict[str, str] = {}
    for region in (text[:HEAD_CHARS], text[-TAIL_CHARS:]):
        for m in _LABEL.finditer(region):
            dates = find_dates(region[m.end():m.end() + 40], day_first=day_first)
            if dates and dates[0][0] == 0:
                found.setdefault(m["label"].lower(), dates[0][2])
    return found


def _first_line_title(text: str) -> str | None:
    for _, line in header_lines(text)[:1]:
        title = line.strip().lstrip("#").strip()
        return title or None
    return None


_CAPTION_ROLES = re.compile(r"\bPlaintiffs?\b.{0,400}?\bv[s]?\.\s.{0,400}?\bDefendants?\b|\bv[s]?\.\s.{0,400}?\bPlaintiffs?\b.{0,400}?\bDefendants?\b", re.S)


def _is_court_document(head: str, caption: Caption, ecf: list[EcfHeader]) -> bool:
    """An ECF stamp, or a docket number plus a caption naming the parties' roles ("Plaintiffs, v. ...
    Defendant"): an article that cites "No. 3:23-cv-03417 (N.D. Cal.)" is not a court document."""
    if ecf:
        return True
    return bool(find_case_number(head) and caption.defendant and _CAPTION_ROLES.search(head[:2500]))


def _kind(caption: Caption, ecf: list[EcfHeader], pleading: bool, text: str, site: str | None) -> str:
    noun = caption.head_noun
    if caption.heading and "PROPOSED" in caption.heading.upper():
        return "filing"      # a "[PROPOSED] ORDER" is lodged by a party
    if noun in ("ORDER", "OPINION", "JUDGMENT"):
        return "court-order"
    if noun == "TRANSCRIPT":
        return "transcript"  # "TRANSCRIPT OF PROCEEDINGS" of a hearing
    if noun in FILING_NOUNS or ecf or pleading:
        return "filing"
    if "IT IS SO ORDERED" in text or site in ("Casetext", "midpage", "CourtListener", "Justia"):
        return "court-order"
    return "filing"


def _web_kind(publisher: str | None, url: str | None, page_type: str | None) -> str:
    host = url.split("/")[2] if url and "//" in url else (url or "")
    if publisher and _LAW_FIRM.search(publisher) or host and _LAW_HOST.search(host):
        return "law-firm-note"
    if (page_type or "").lower() == "blog" or url and _BLOG_HOST.search(url) or publisher and "blog" in publisher.lower():
        return "blog"
    return "news"


def _text_kind(text: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    ends = "\n".join(lines[:3] + lines[-3:])
    return "law-firm-note" if _LAW_FIRM_TEXT.search(text) or _FIRM_SIGNATURE.search(ends) else "news"


def is_case_note(path: Path) -> bool:
    """Notes written by the team live in the package's data/notes folder."""
    from kadrey_kg import data

    notes = (Path(data.__file__).parent / "notes").resolve()
    return path.resolve().is_relative_to(notes)


def _court_meta(meta: DocMeta, clean: str, head: str, caption: Caption, courts: list, ecf: list[EcfHeader],
                pleading: bool, site: str | None, dates: dict[str, str], web: dict) -> None:
    numbers = find_case_number(head)
    meta.case_number = normalise_case_number(ecf[0].case_number) if ecf else numbers and numbers[0]
    if numbers:
        meta.extra["case_number_forms"] = numbers[1]
    # the entry this document is on the docket; "Re: Dkt. No. 23" names the motion it answers
    meta.docket_entry = ecf[0].document if ecf else caption.own_docket
    if caption.responds_to:
        meta.extra["responds_to"] = caption.responds_to
    meta.filed_date = (ecf[0].filed if ecf else None) or dates.get("filed") or dates.get("date filed")
    meta.publisher = courts[0][2] if courts else None
    meta.kind = _kind(caption, ecf, pleading, clean, site)
    case_line = next((m.group(1) for _, line in header_lines(clean) if (m := _CASE_LINE.match(line))), None)
    meta.title = heading_title(caption, clean) or case_line or web.get("title") or meta.title
    if caption.heading:
        meta.extra["heading"] = caption.heading
    if caption.case_name or case_line:
        meta.extra["case_name"] = restore_case(caption.case_name, clean) if caption.case_name else case_line


def _other_meta(meta: DocMeta, clean: str, web: dict) -> None:
    meta.publisher = web.get("sitename")
    meta.kind = _web_kind(meta.publisher, web.get("url"), web.get("page_type")) if web else "news"
    if meta.kind == "news":
        meta.kind = _text_kind(clean)
    meta.title = web.get("title") or meta.title
    if _TRANSCRIPT.search(meta.title or _first_line_title(clean) or ""):
        meta.kind = "transcript"  # "Meta Q1 2024 Earnings Call Transcript", "Transcription de l'audience"


def infer_meta(text: str, meta: DocMeta, *, path: Path, ecf: list[EcfHeader] = (), pleading: bool = False,
               web: dict | None = None) -> DocMeta:
    """Fill `meta` from the text (+ ECF headers of a PDF, + HTML page metadata in `web`)."""
    web, ecf = web or {}, list(ecf)
    chrome = boilerplate_spans(text)
    site = source_site(text)
    clean = mask(text, chrome)
    head = clean[:HEAD_CHARS]
    courts = find_courts(head)
    caption = parse_caption(mask(head, [(a, b) for a, b, _ in courts]))
    court_doc = _is_court_document(head, caption, ecf)
    # French writes 03/04/2025 for 3 April, US courts and ECF for March 4
    votes = function_word_votes(head)
    day_first = not court_doc and votes.get("fr", 0) > votes.get("en", 0)
    dates = labelled_dates(clean, day_first=day_first)
    # a date on a short line of the site header ("Jan 22, 2024", "| N.D. Cal. | Jun 27, 2025")
    header_date = next((d[0][2] for _, line in header_lines(clean)
                        if len(line.strip()) <= 60 and (d := find_dates(line, day_first=day_first))), None)

    meta.extra.update({k: v for k, v in {"boilerplate": chrome, "source_site": site}.items() if v})
    if court_doc:
        _court_meta(meta, clean, head, caption, courts, ecf, pleading, site, dates, web)
    else:
        _other_meta(meta, clean, web)
    meta.title = meta.title or _first_line_title(clean)
    if meta.title and len(meta.title) > MAX_TITLE:
        meta.title = None  # a whole paragraph is not a title
    if is_case_note(path):
        meta.kind = "case-note"
    meta.url = web.get("url") or meta.url
    labelled = next((dates[k] for k in _LABEL_RANK if k in dates), None)
    meta.date = labelled or web.get("date") or header_date or meta.filed_date
    return meta
