"""Properties that must hold for any input: paragraph spans, date round trips, margin numbers."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from kadrey_kg.loaders.dates import parse_date
from kadrey_kg.loaders.language import paragraph_spans
from kadrey_kg.loaders.pleading import strip_line_numbers

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]

texty = st.lists(st.sampled_from(list("ab .\n\t•é1-") + ["  ", "\n\n", "word ", "2. ", "\r"]), max_size=150).map("".join)


@settings(max_examples=300, deadline=None)
@given(texty)
def test_paragraph_spans_are_ordered_trimmed_and_cover_every_visible_character(text):
    spans = paragraph_spans(text)
    covered = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert {i for i, c in enumerate(text) if not c.isspace()} <= covered


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2069, 12, 31)))
def test_dates_round_trip_in_every_written_form(d):
    iso = d.isoformat()
    assert parse_date(f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}") == iso
    assert parse_date(f"Filed {EN_MONTHS[d.month - 1][:3]}. {d.day:02d}, {d.year}") == iso
    assert parse_date(f"le {'1er' if d.day == 1 else d.day} {FR_MONTHS[d.month - 1]} {d.year}") == iso
    assert parse_date(f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}") == iso
    assert parse_date(f"{d.month}-{d.day}-{d.year}") == iso
    assert parse_date(f"{iso}T12:00:00Z") == iso


# body lines as the margin leaves them: not starting with a space (the space after a number is its separator)
@given(st.lists(st.text(alphabet="abc ,.", min_size=1, max_size=50).filter(lambda s: s.strip() and s[0] != " "), min_size=10, max_size=28))
def test_margin_numbers_are_removed_and_text_kept(lines):
    page = "\n".join(f"{n} {line}" for n, line in enumerate(lines, start=1))
    stripped, removed = strip_line_numbers(page)
    assert removed == len(lines)
    assert stripped == "\n".join(lines)


def test_too_few_numbers_is_not_pleading_paper():
    page = "\n".join(f"{n} item" for n in range(1, 9))
    assert strip_line_numbers(page) == (page, 0)
