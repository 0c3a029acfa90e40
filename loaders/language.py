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
# Frequent function words, unambiguous enough to vote (a word shared by two languages votes for both)
_FW = {
    "fr": "le la les de des du un une et à a en est sont dans pour sur par au aux ce cette qui que ne pas avec "
          "il elle ils elles son ses leur nous vous mais ou où selon aussi été avait être très plus",
    "en": "the a an and of to in is was were are been for on by with that this from at as it its "
          "which who has have had not but or their they he she would will said",
    "es": "el la los las de del a en y que es por con una para se lo como más pero sus fue muy según",
    "de": "der die das und ist nicht mit von zu den dem ein eine für auf sich auch wird wurde sind",
    "it": "il la di a in che e non per gli della delle sono è una con anche come più",
    "pt": "o a os as de do da dos das em que e não para com uma por mais como foi são",
    "nl": "de het een en van is niet met voor op zijn dat die ook werd",
}
FUNCTION_WORDS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _FW.items():
    for _w in _words.split():
        FUNCTION_WORDS[_w] = FUNCTION_WORDS.get(_w, ()) + (_lang,)
_WORD = re.compile(r"[^\W\d_]+")
_LIST_ITEM = re.compile(r"^\s*(?:[•●▪◦‣*–-]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")  # a list item starts a paragraph
_SENTENCE_END = re.compile(r"[.!?:;»\"”)\]]\s*$")


def probabilities(text: str) -> dict[str, float]:
    """langdetect's probabilities for `text` (deterministic: the seed is fixed)."""
    DetectorFactory.seed = 0
    try:
        return {p.lang: p.prob for p in detect_langs(text)}
    except LangDetectException:  # no letters at all
        return {}


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph (start, end) offsets, whitespace trimmed, in order.

    Blank lines separate paragraphs; inside a block, long lines are paragraphs of their own (a news
    copy with one paragraph per line), while hard-wrapped short lines (a PDF page) are joined up to a
    line that ends a sentence well before the right margin or up to a list item ("• ...", "2. ...").
    """
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        lines = [(m.start() + block.start(), m.end() + block.start()) for m in re.finditer(r"[^\n]+", block.group(0))]
        lengths = sorted(e - s for s, e in lines)
        wrapped = len(lines) > 2 and lengths[len(lengths) // 2] < 100
        width = lengths[-1]
        start = lines[0][0]
        for i, (s, e) in enumerate(lines):
            line = text[s:e]
            last = i == len(lines) - 1
            if (last or not wrapped or (_SENTENCE_END.search(line) and len(line.rstrip()) < 0.8 * width)
                    or _LIST_ITEM.match(text[lines[i + 1][0]:lines[i + 1][1]])):
                spans.append(_trim(text, start, e))
                if not last:
                    start = lines[i + 1][0]
    return [span for span in spans if span[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def function_word_votes(text: str) -> dict[str, int]:
    """How many of each language's commonest function words `text` uses (names do not vote)."""
    votes: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        for lang in FUNCTION_WORDS.get(word, ()):
            votes[lang] = votes.get(lang, 0) + 1
    return votes


def _vote(text: str) -> str | None:
    """The language whose function words clearly dominate (at least 2, and twice the runner-up)."""
    ranked = sorted(function_word_votes(text).items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def document_language(text: str) -> tuple[str | None, dict[str, float]]:
    """langdetect's answer; on short or uncertain texts (where its n-grams mislead, e.g. a line of
    names reads as German) the function words decide when they clearly can."""
    probs = probabilities(text[:DOC_SAMPLE])
    top = max(probs, key=probs.get) if probs else None
    short = sum(map(len, _WORD.findall(text[:DOC_SAMPLE]))) < SHORT_DOC
    if top is None or short or probs[top] < 0.7:
        top = _vote(text[:DOC_SAMPLE]) or top
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
    if sum(map(len, words)) < SURE_CHARS and (voted := _vote(text)) in SUPPORTED:
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
