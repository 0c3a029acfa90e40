"""Paragraph boundaries in a document's text, as (start, end) character offsets.

Blank lines separate paragraphs; one-paragraph-per-line copies and hard-wrapped PDF pages are both
handled, so each paragraph can get its own language.
"""
from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"^\s*(?:[•●▪◦‣*–-]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")  # a list item starts a paragraph
_SENTENCE_END = re.compile(r"[.!?:;»\"”)\]]\s*$")


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
