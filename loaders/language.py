"""The `detect_language` component: the document's language (fr or en) and each paragraph's.

langdetect with a fixed seed, so a document gets the same languages on every run. A French article
quoting an English sentence keeps the quote's language; paragraphs too short to judge inherit the
document's. Documents in neither French nor English raise `UnsupportedLanguage`.
"""
from __future__ import annotations

import re

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from .errors import UnsupportedLanguage
from .function_words import clear_winner, function_word_votes  # noqa: F401  (re-exported)
from .paragraphs import paragraph_spans
from .pipeline import Doc, Paragraph, component

DetectorFactory.seed = 0
SUPPORTED = ("fr", "en")
MIN_CHARS = 40            # shorter paragraphs ("À lire également", a date line) inherit the document's language
SWITCH = 0.80             # a paragraph is in the other supported language when langdetect is this sure
SURE = 0.95               # and in a third language only when it is this sure...
SURE_CHARS = 120          # ...on at least this many letters
CAPITALISED = 0.6         # above this share of capitalised words a paragraph is names/headings: inherit
DOC_SAMPLE = 30_000       # langdetect's vote converges long before this
PARAGRAPH_SAMPLE = 1_000  # the same for one paragraph (and keeps long paragraphs cheap)
SHORT_DOC = 300           # letters; below this langdetect alone is unreliable
_WORD = re.compile(r"[^\W\d_]+")


def probabilities(text: str) -> dict[str, float]:
    """langdetect's probabilities for `text` (deterministic: the seed is fixed)."""
    DetectorFactory.seed = 0
    try:
        return {p.lang: p.prob for p in detect_langs(text)}
    except LangDetectException:  # no letters at all
        return {}


def document_language(text: str) -> tuple[str | None, dict[str, float]]:
    """langdetect's answer; on short or uncertain texts (where its n-grams mislead, e.g. a line of
    names reads as German) the function words decide when they clearly can."""
    probs = probabilities(text[:DOC_SAMPLE])
    top = max(probs, key=probs.get) if probs else None
    short = sum(map(len, _WORD.findall(text[:DOC_SAMPLE]))) < SHORT_DOC
    if top is None or short or probs[top] < 0.7:
        top = clear_winner(text[:DOC_SAMPLE]) or top
    if short and top not in SUPPORTED and (known := {k: v for k, v in probs.items() if k in SUPPORTED}):
        top = max(known, key=known.get)  # too short to refuse on n-grams alone
    return top, probs


def paragraph_language(text: str, doc_lang: str) -> str:
    """A paragraph keeps the document's language unless langdetect is clearly sure of another one."""
    words = _WORD.findall(text)
    if sum(map(len, words)) < MIN_CHARS:
        return doc_lang
    if sum(w[0].isupper() for w in words) > CAPITALISED * len(words):
        return doc_lang  # names, captions, all-caps headings: n-grams of names say nothing of the language
    probs = probabilities(text[:PARAGRAPH_SAMPLE])
    top = max(probs, key=probs.get) if probs else doc_lang
    if sum(map(len, words)) < SURE_CHARS and (voted := clear_winner(text)) in SUPPORTED:
        return voted  # a short paragraph: langdetect's n-grams are unreliable, function words are not
    if top == doc_lang:
        return doc_lang
    if top in SUPPORTED and probs[top] >= SWITCH:
        return top
    if probs.get(top, 0) >= SURE and sum(map(len, words)) >= SURE_CHARS:
        return top
    return doc_lang


@component("detect_language", requires=["text"], assigns=["lang", "paragraphs"])
def detect_language(doc: Doc) -> Doc:
    """Detect the document's language (fr/en, else UnsupportedLanguage) and each paragraph's."""
    lang, probs = document_language(doc.text)
    if lang not in SUPPORTED:
        shown = ", ".join(f"{k} {v:.2f}" for k, v in sorted(probs.items(), key=lambda kv: -kv[1])[:3]) or "none"
        raise UnsupportedLanguage(
            doc.path, f"language is {lang or 'unknown'!s} (langdetect: {shown}); only French (fr) and "
                      "English (en) documents are supported, so it is skipped")
    doc.lang = lang
    doc.meta.language = lang
    doc.paragraphs = [Paragraph(s, e, paragraph_language(doc.text[s:e], lang)) for s, e in paragraph_spans(doc.text)]
    return doc


def language_runs(doc: Doc) -> list[list]:
    """Consecutive paragraphs of one language merged: [[start, end, lang], ...] (kkg:paragraphLanguages)."""
    runs: list[list] = []
    for p in doc.paragraphs:
        if runs and runs[-1][2] == p.lang:
            runs[-1][1] = p.end
        else:
            runs.append([p.start, p.end, p.lang])
    return runs


def language_at(doc: Doc, offset: int) -> str | None:
    """The language of the paragraph holding `offset` (the document's between paragraphs)."""
    for p in doc.paragraphs:
        if p.start <= offset < p.end:
            return p.lang
    return doc.lang
