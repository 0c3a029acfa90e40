"""Fixtures for the read/detect_language tests: documents built in the test, never copied text."""
from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

ECF = "Case 3:23-cv-03417-VC   Document 471   Filed 03/07/25   Page {page} of {pages}"
CAPTION = [
    "UNITED STATES DISTRICT COURT",
    "NORTHERN DISTRICT OF CALIFORNIA",
    "RICHARD KADREY, et al., Plaintiffs,",
    "v. META PLATFORMS, INC., Defendant.",
    "Case No. 3:23-cv-03417-VC",
    "PLAINTIFFS' NOTICE OF MOTION AND MOTION FOR PARTIAL SUMMARY JUDGMENT",
]


def body_lines(page: int) -> list[str]:
    # Ragged lines (as set by a word processor), different on each page; one line starts with a
    # number that is not a margin number.
    openers = {1: "The first question", 2: "A second reason", 3: "Finally, the record"}
    endings = {1: "Plaintiffs ask the Court to grant partial summary judgment.",
               2: "That alone defeats the defence of fair use.",
               3: "The motion should be granted."}
    return [
        f"{openers.get(page, 'Another point')} is whether the copying of the works was a fair use under",
        "17 U.S.C. § 107 when the copies were made from pirated sources.",
        f"The record on page {page} shows the datasets were downloaded in bulk and kept.",
        endings.get(page, "The motion should be granted."),
    ]


FOOTER = "PLS.' MOT. FOR PARTIAL SUMM. J. - CASE NO. 3:23-cv-03417-VC"


def make_pleading_pdf(path: Path, pages: int = 3, *, numbers_apart: bool = False) -> Path:
    """A filing on pleading paper: ECF header on top, line numbers 1–28 in the left margin."""
    pdf = FPDF(format="letter", unit="pt")
    pdf.set_auto_page_break(False)
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.text(72, 30, ECF.format(page=page, pages=pages))
        pdf.set_font("Times", size=12)
        lines = (CAPTION if page == 1 else []) + body_lines(page)
        pdf.text(200, 760, FOOTER)   # running footer and page number under the numbered lines
        pdf.text(300, 775, f"- {page} -")
        for n in range(1, 29):
            y = 72 + (n - 1) * 24
            # numbers_apart: the margin column does not share baselines with the text, so pypdf
            # extracts it as a block of its own
            pdf.text(40, y + (7 if numbers_apart else 0), str(n))
            if n <= len(lines):
                pdf.text(90, y, lines[n - 1])
    pdf.output(str(path))
    return path


@pytest.fixture
def pleading_pdf(tmp_path) -> Path:
    return make_pleading_pdf(tmp_path / "dkt471_motion.pdf")


@pytest.fixture
def write(tmp_path):
    """write("name.txt", str or bytes, encoding="utf-8") -> Path in a temp folder."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write


@pytest.fixture
def refusal():
    """refusal(path) -> the reason read_document gives for refusing `path`, after checking the
    message starts with the file's name (every refusal must name the file)."""
    from kadrey_kg.loaders.errors import LoaderError
    from kadrey_kg.loaders.read import read_document

    def _refusal(path: Path) -> str:
        with pytest.raises(LoaderError) as err:
            read_document(path)
        message = str(err.value)
        assert message.startswith(f"{path}: "), message
        return message[len(f"{path}: "):]

    return _refusal
