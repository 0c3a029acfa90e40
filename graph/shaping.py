"""Result-shaping rules shared by both stores, so the parity suite compares like with like."""
from __future__ import annotations

from typing import Iterable

from .model import SourceRef


def match_score(query: str, name: str) -> float:
    """Score a normalized name against a normalized query: exact 1.0, prefix of the name or of one
    of its words 0.8, substring 0.5, else 0."""
    if not query or not name:
        return 0.0
    if name == query:
        return 1.0
    if name.startswith(query) or f" {query}" in f" {name}":
        return 0.8
    if query in name:
        return 0.5
    return 0.0


def sort_sources(refs: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    """Distinct sources ordered by document, then start offset (unknown spans first)."""
    return tuple(sorted(set(refs), key=lambda r: (r.document, -1 if r.start is None else r.start, -1 if r.end is None else r.end, r.text or "")))
