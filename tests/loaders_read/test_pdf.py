"""PDF reading: pleading paper and ECF headers stripped and parsed; every failure is a LoaderError."""
from __future__ import annotations

import hashlib
import re

import pytest
from fpdf import FPDF
from kadrey_kg.loaders.errors import LoaderError
from kadrey_kg.loaders.read import read_document

from .conftest import CAPTION, body_lines, make_pleading_pdf


def expected_text(pages: int = 3) -> str:
    return "\n\n".join("\n".join((CAPTION if p == 1 else []) + body_lines(p)) for p in range(1, pages + 1))


@pytest.mark.parametrize("numbers_apart", [False, True], ids=["numbers-on-text-lines", "numbers-as-block"])
def test_pleading_pdf_text_has_no_margin_numbers_or_headers(tmp_path, numbers_apart):
    path = make_pleading_pdf(tmp_path / "dkt471_motion.pdf", numbers_apart=numbers_apart)
    doc = read_document(path)
    assert doc.text == expected_text()
    assert "Document 471" not in doc.text
    assert not re.search(r"(?m)^\d{1,2}$", doc.text)
    assert doc.meta.extra["pleading_line_numbers_removed"] == 84
    assert "CASE NO." not in doc.text and "- 2 -" not in doc.text
    assert doc.meta.extra["running_lines_removed"] == ["- # -", "PLS.' MOT. FOR PARTIAL SUMM. J. - CASE NO. #:#-cv-#-VC"]


def test_pleading_pdf_metadata_from_ecf_header_and_caption(pleading_pdf):
    doc = read_document(pleading_pdf)
    meta = doc.meta
    assert meta.case_number == "23-cv-03417-VC"
    assert meta.extra["case_number_forms"] == ["3:23-cv-03417-VC"]
    assert meta.docket_entry == "471"
    assert meta.filed_date == "2025-03-07"
    assert meta.date == "2025-03-07"
    assert meta.page_count == 3
    assert meta.extra["ecf_pages"] == [[1, 3], [2, 3], [3, 3]]
    assert meta.kind == "filing"
    assert meta.publisher == "United States District Court, Northern District of California"
    assert meta.title == "Kadrey v. Meta Platforms, Inc. – Plaintiffs' Notice of Motion and Motion for Partial Summary Judgment"
    assert meta.file_name == "dkt471_motion.pdf"
    assert meta.content_hash == hashlib.sha256(pleading_pdf.read_bytes()).hexdigest()
    assert str(doc.iri) == "https://w3id.org/kadrey-kg/doc/dkt471-motion-pdf"


def test_page_offsets_point_at_each_page(pleading_pdf):
    doc = read_document(pleading_pdf)
    assert len(doc.meta.pages) == 3
    for number, (start, end) in enumerate(doc.meta.pages, start=1):
        page = doc.text[start:end]
        assert page.startswith("UNITED STATES" if number == 1 else body_lines(number)[0])
        assert page.endswith(body_lines(number)[-1])
    assert doc.meta.pages[1][0] == doc.meta.pages[0][1] + 2  # pages are joined by one blank line


def test_body_line_starting_with_a_number_is_kept(pleading_pdf):
    doc = read_document(pleading_pdf)
    assert doc.text.count("\n17 U.S.C. § 107 when") == 3


def _pdf_bytes(draw) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    draw(pdf)
    return bytes(pdf.output())


def test_truncated_pdf(pleading_pdf, tmp_path, refusal):
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(pleading_pdf.read_bytes()[:1500])
    assert refusal(cut) == "PDF is truncated (no %%EOF marker at the end); re-download the file"


def test_corrupt_pdf(write):
    path = write("corrupt.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    with pytest.raises(LoaderError) as err:
        read_document(path)
    assert str(err.value) == (f"{path}: PDF is corrupt or truncated (PdfReadError: startxref not found); "
                              "re-download it or repair it with `qpdf in.pdf out.pdf`")


def test_not_a_pdf_at_all(write):
    path = write("notes.pdf", "just some words, saved with the wrong extension")
    with pytest.raises(LoaderError) as err:
        read_document(path)
    assert str(err.value) == (f"{path}: is not a PDF (no %PDF- header); it may be corrupt or mis-named, "
                              "open it in a PDF viewer or re-download it")


def test_encrypted_pdf(write):
    def draw(pdf):
        pdf.set_font("Helvetica", size=12)
        pdf.text(20, 20, "sealed exhibit")
        pdf.set_encryption(owner_password="owner", user_password="secret")

    path = write("sealed.pdf", _pdf_bytes(draw))
    with pytest.raises(LoaderError) as err:
        read_document(path)
    assert str(err.value) == (f"{path}: PDF is encrypted (needs a password); decrypt it first, e.g. "
                              "`qpdf --decrypt --password=... in.pdf out.pdf`")


def test_scanned_pdf_without_text(write):
    path = write("scan.pdf", _pdf_bytes(lambda pdf: pdf.rect(10, 10, 100, 100, style="F")))
    with pytest.raises(LoaderError) as err:
        read_document(path)
    assert str(err.value) == (f"{path}: PDF has no extractable text in its 1 page(s) (a scan?); "
                              "OCR it first, e.g. `ocrmypdf in.pdf out.pdf`")


def test_too_many_pages(pleading_pdf, monkeypatch):
    monkeypatch.setenv("KADREY_KG_MAX_PAGES", "2")
    with pytest.raises(LoaderError) as err:
        read_document(pleading_pdf)
    assert str(err.value) == (f"{pleading_pdf}: PDF has 3 pages, more than the limit of 2; "
                              "split it or raise KADREY_KG_MAX_PAGES")
