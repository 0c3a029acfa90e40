"""The team's case notes: original text, short, two languages, dated, ready to ingest."""
from __future__ import annotations

import re

import pytest
from langdetect import DetectorFactory, detect

from kadrey_kg.data import NOTES_DIR

NOTES = sorted(NOTES_DIR.glob("*.md"))
SHINGLE = 8  # eight words in a row shared with a third-party text would be copying


def words(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text.lower())


def shingles(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)}


def test_three_or_four_notes_in_both_languages():
    assert 3 <= len(NOTES) <= 4
    DetectorFactory.seed = 0
    langs = [detect(p.read_text(encoding="utf-8")) for p in NOTES]
    assert set(langs) == {"fr", "en"}
    for path, lang in zip(NOTES, langs):
        assert path.stem.endswith(f"_{lang}"), f"{path.name} is written in {lang}"


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.name)
def test_note_is_short_titled_and_dated(path):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    assert re.match(r"^(Published: \w+ \d{1,2}, \d{4}|Publié le \d{1,2} \w+ \d{4})$", lines[2])
    body = "\n".join(lines[4:])
    assert 150 <= len(words(body)) <= 300


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.name)
def test_note_shares_no_passage_with_third_party_texts(path, shared_dir):
    note = shingles(path.read_text(encoding="utf-8"))
    for other in sorted(shared_dir.glob("seeds/*.txt")) + sorted(shared_dir.glob("corpus/en/*.txt")):
        common = note & shingles(other.read_text(encoding="utf-8", errors="replace"))
        assert not common, f"{path.name} repeats {other.name}: {' '.join(sorted(common)[0])}"
