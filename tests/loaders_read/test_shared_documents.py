"""The shared seeds (French news) and court orders (English): text as on disk, metadata, language."""
from __future__ import annotations

import hashlib

import pytest
from kadrey_kg.loaders.language import detect_language
from kadrey_kg.loaders.read import read_document

COURT = "United States District Court, Northern District of California"
CASE = "Kadrey v. Meta Platforms, Inc."
# What each court order says about itself in its first lines (checked against the files by hand;
# en01 states no date in the extract, en05 was signed on 2024-12-20 and filed on 2025-01-17).
ORDERS = {
    "en01_order_motion_to_dismiss_2023.txt": dict(
        title=f"{CASE} – Order Granting Motion to Dismiss (Re: Dkt. No. 23)",
        date=None, filed_date=None, docket_entry=None, responds_to=["23"], site=None),
    "en02_discovery_order_protective_order_2024.txt": dict(
        title=f"{CASE} – Discovery Order (Re: Dkt. No. 81)",
        date="2024-01-22", filed_date=None, docket_entry=None, responds_to=["81"], site="Casetext"),
    "en03_order_dmca_partial_summary_judgment_2025.txt": dict(
        title=f"{CASE} – Order Granting Meta's Motion for Partial Summary Judgment as to the Plaintiffs' DMCA Claim (Re: Dkt. No. 501)",
        date="2025-06-27", filed_date=None, docket_entry=None, responds_to=["501"], site="midpage"),
    "en04_discovery_order_torrenting_2025.txt": dict(
        title=f"{CASE} – Discovery Order",
        date="2025-08-01", filed_date="2025-08-01", docket_entry=None, responds_to=None, site=None),
    "en05_discovery_order_ecf351_2024.txt": dict(
        title=f"{CASE} – Public Version of Discovery Order at ECF No. 351 (Re: Dkt. Nos. 308, 309, 321, 334, 335, 336)",
        date="2024-12-20", filed_date="2025-01-17", docket_entry="351",
        responds_to=["308", "309", "321", "334", "335", "336"], site=None),
}
SEED_TITLES = {
    "000_bc4c7a8b21ff83da.txt": "Dévoilement des fondements financiers de Llama",
    "002_fbc64eebfb509e72.txt": "Meta Partage Ses Revenus Avec Les Hébergeurs De Llama",
}


@pytest.mark.parametrize("name", sorted(SEED_TITLES))
def test_french_seed(shared_dir, name):
    path = shared_dir / "seeds" / name
    doc = detect_language(read_document(path))
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.meta.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.meta.title == SEED_TITLES[name]
    assert (doc.meta.kind, doc.meta.date, doc.meta.publisher, doc.meta.case_number) == ("news", None, None, None)
    assert doc.lang == doc.meta.language == "fr"
    assert {p.lang for p in doc.paragraphs} == {"fr"}
    assert doc.paragraphs[0].start == 0 and doc.paragraphs[-1].end == len(doc.text.rstrip())
    # one paragraph per line in these copies
    assert len(doc.paragraphs) == len([line for line in doc.text.split("\n") if line.strip()])


def test_seed_trailing_link_label_is_boilerplate(shared_dir):
    doc = read_document(shared_dir / "seeds" / "002_fbc64eebfb509e72.txt")
    [(start, end)] = doc.meta.extra["boilerplate"]
    assert doc.text[start:end] == "À lire également"


@pytest.mark.parametrize("name", sorted(ORDERS))
def test_english_court_order(shared_dir, name):
    path = shared_dir / "corpus" / "en" / name
    want = ORDERS[name]
    doc = detect_language(read_document(path))
    meta = doc.meta
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.lang == "en"
    assert {p.lang for p in doc.paragraphs} == {"en"}
    assert meta.kind == "court-order"
    assert meta.publisher == COURT
    assert meta.case_number == "23-cv-03417-VC"
    assert meta.extra["case_name"] == CASE
    assert meta.title == want["title"]
    assert meta.date == want["date"]
    assert meta.filed_date == want["filed_date"]
    assert meta.docket_entry == want["docket_entry"]
    assert meta.extra.get("responds_to") == want["responds_to"]
    assert meta.extra.get("source_site") == want["site"]


def test_web_chrome_in_court_order_copy_is_marked_not_used(shared_dir):
    doc = read_document(shared_dir / "corpus" / "en" / "en03_order_dmca_partial_summary_judgment_2025.txt")
    chrome = [doc.text[s:e] for s, e in doc.meta.extra["boilerplate"]]
    assert chrome == ["History", "  • No items yet", "midpage", "|", "Check Treatment", "|", "Docket", "Case Information"]
    assert "3:23-cv-03417" in doc.meta.extra["case_number_forms"]  # seen, but the captioned number wins


def test_casetext_banner_is_not_the_title(shared_dir):
    doc = read_document(shared_dir / "corpus" / "en" / "en02_discovery_order_protective_order_2024.txt")
    assert [doc.text[s:e] for s, e in doc.meta.extra["boilerplate"]] == ["From Casetext: Smarter Legal Research", "Opinion"]
    assert "Casetext" not in doc.meta.title
