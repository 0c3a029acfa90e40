"""Text files: encodings decoded right, newlines normalised, bad inputs refused with the file named."""
from __future__ import annotations

from pathlib import Path

import pytest
from kadrey_kg.loaders.errors import LoaderError
from kadrey_kg.loaders.read import read_document

# Written for this test (not third-party text)
FRENCH = (
    "Le procès oppose des écrivains à Meta.\n"
    "Les auteurs reprochent à l'entreprise d'avoir copié leurs œuvres sans autorisation ; "
    "la société répond que l'entraînement de ses modèles relève de l'usage équitable.\n"
    "Le juge a rendu sa décision après de longs débats très suivis.\n"
)


def test_latin1_french_text_is_decoded(write):
    path = write("article_latin1.txt", FRENCH.replace("œ", "oe"), encoding="latin-1")
    doc = read_document(path)
    assert doc.text == FRENCH.replace("œ", "oe")
    assert doc.meta.extra["encoding"] in {"latin_1", "iso8859_1", "cp1252", "iso8859_15"}
    assert doc.meta.title == "Le procès oppose des écrivains à Meta."
    assert doc.raw == path.read_bytes()


def test_cp1252_quotes_and_oe_ligature_are_decoded(write):
    text = FRENCH.replace("l'", "l’")
    path = write("article_cp1252.txt", text, encoding="cp1252")
    assert read_document(path).text == text


def test_crlf_and_bom_are_normalised_and_nothing_else(write):
    path = write("crlf.txt", b"\xef\xbb\xbf" + FRENCH.replace("\n", "\r\n").encode("utf-8") + b"  \r\n")
    assert read_document(path).text == FRENCH + "  \n"


def test_markdown_title_without_hashes(write):
    path = write("note.md", "# Chronologie du procès\n\nLe 20 novembre 2023, le juge rejette une partie des demandes.\n")
    doc = read_document(path)
    assert doc.meta.title == "Chronologie du procès"
    assert doc.meta.kind == "news"


def test_labelled_french_dateline(write):
    path = write("depeche.txt", "Meta et les auteurs\nPublié le 19 mars 2025\nLe 3 février 2025, une audience a eu lieu.\n")
    assert read_document(path).meta.date == "2025-03-19"


def test_body_dates_are_not_publication_dates(write):
    path = write("sans_date.txt", "Meta et les auteurs\n" + "Un long paragraphe sur le procès. " * 8
                 + "Le 3 février 2025, une audience a eu lieu.\n")
    assert read_document(path).meta.date is None


def test_missing_path(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(LoaderError) as err:
        read_document(path)
    assert str(err.value) == f"{path}: no such file; check the path (relative paths start from the current folder)"
    assert err.value.path == path


def test_directory_is_not_a_file(tmp_path, refusal):
    folder = tmp_path / "docs.txt"
    folder.mkdir()
    assert refusal(folder) == "is a directory, not a file; pass the files inside it (e.g. folder/*.txt)"


def test_empty_file(write, refusal):
    path = write("empty.txt", b"")
    assert refusal(path) == "file is empty (0 bytes); nothing to read"


def test_whitespace_only_file(write, refusal):
    path = write("blank.txt", " \n\t\r\n ")
    assert refusal(path) == "file has only whitespace; nothing to read"


def test_binary_file_with_text_extension(write):
    path = write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(LoaderError) as err:
        read_document(path)
    assert str(err.value) == (f"{path}: looks like a binary file (it contains NUL bytes), not text; "
                              "check the file type or rename it with the right extension")


def test_binary_without_nul_bytes(write):
    path = write("noise.txt", bytes(range(1, 32)) * 40)
    with pytest.raises(LoaderError) as err:
        read_document(path)
    assert str(err.value).startswith(f"{path}: looks like a binary file (control characters when decoded as ")


def test_unsupported_extension_lists_supported_ones(write, refusal):
    path = write("brief.docx", b"PK\x03\x04")
    assert refusal(path) == "unsupported file type '.docx'; supported: .htm, .html, .md, .pdf, .txt"


def test_oversize_file(write, monkeypatch, refusal):
    monkeypatch.setenv("KADREY_KG_MAX_BYTES", "100")
    path = write("long.txt", "a" * 101)
    assert refusal(path) == "file is 101 bytes, over the 100-byte limit; split it or raise KADREY_KG_MAX_BYTES"


def test_file_at_the_size_limit_is_read(write, monkeypatch):
    monkeypatch.setenv("KADREY_KG_MAX_BYTES", "100")
    assert len(read_document(write("exact.txt", "a" * 100)).text) == 100


def test_bad_size_setting_is_named(write, monkeypatch, refusal):
    monkeypatch.setenv("KADREY_KG_MAX_BYTES", "20MB")
    path = write("small.txt", "bonjour")
    assert refusal(path) == "KADREY_KG_MAX_BYTES='20MB' is not a whole number of bytes; fix or unset it"


def test_article_citing_the_docket_is_not_a_court_document(write):
    note = ("Fair use ruling in Kadrey v. Meta\n"
            "On June 25, 2025, Judge Chhabria of the N.D. Cal. granted Meta's motion in Kadrey v. Meta "
            "Platforms, Inc., No. 3:23-cv-03417-VC, holding that the plaintiffs had not shown market harm.\n")
    meta = read_document(write("client_alert.txt", note)).meta
    assert (meta.kind, meta.case_number, meta.publisher, meta.date) == ("news", None, None, None)
    assert meta.title == "Fair use ruling in Kadrey v. Meta"


def test_text_copy_of_a_filed_pdf_keeps_the_stamp_in_text_and_metadata(write):
    text = ("Case 3:23-cv-03417-VC Document 407 Filed 01/14/25 Page 1 of 12\n"
            "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
            "RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant.\n"
            "Case No. 23-cv-03417-VC\nORDER DENYING MOTION TO STAY\nThe motion is denied.\n")
    doc = read_document(write("stamped.txt", text))
    assert doc.text == text
    meta = doc.meta
    assert (meta.kind, meta.case_number, meta.docket_entry, meta.filed_date, meta.date) == (
        "court-order", "23-cv-03417-VC", "407", "2025-01-14", "2025-01-14")
    assert meta.title == "Kadrey v. Meta Platforms, Inc. – Order Denying Motion to Stay"


@pytest.mark.parametrize("signature", [
    "This client alert is for informational purposes only and does not constitute legal advice.",
    "Jane Roe is a partner at Example & Roe LLP in San Francisco.",
    "Cet article ne constitue pas un conseil juridique.",
])
def test_law_firm_note_in_plain_text(write, signature):
    text = "Kadrey v. Meta: what the fair use ruling means\n" + "The court ruled on fair use. " * 5 + "\n" + signature + "\n"
    assert read_document(write("alert.txt", text)).meta.kind == "law-firm-note"


def test_breadcrumb_is_boilerplate_not_title(write):
    text = "Accueil > Tech > Intelligence artificielle\nMeta et les auteurs\nLe procès continue.\n"
    doc = read_document(write("fil.txt", text))
    assert doc.meta.extra["boilerplate"] == [(0, 42)]
    assert doc.meta.title == "Meta et les auteurs"


def test_french_numeric_date_is_day_first(write):
    text = "Meta et les auteurs\nPublié le 03/04/2025\nLe procès continue dans la ville de San Francisco.\n"
    assert read_document(write("date_fr.txt", text)).meta.date == "2025-04-03"


def test_news_naming_a_law_firm_in_the_body_stays_news(write):
    text = ("Meta wins a round\n" + "The court ruled on fair use.\n" * 3
            + "Meta was represented by Cooley LLP, while the authors hired Boies Schiller Flexner LLP.\n"
            + "The authors may appeal.\n" * 3)
    assert read_document(write("story.txt", text)).meta.kind == "news"


def test_team_notes_are_case_notes_and_copies_elsewhere_are_not(tmp_path):
    from kadrey_kg import data

    note = Path(data.__file__).parent / "notes" / "02_partage_revenus_fr.md"
    doc = read_document(note)
    assert doc.meta.kind == "case-note"
    assert doc.meta.date == "2026-11-22"  # "Publié le 22 novembre 2026"
    assert doc.meta.title.startswith("Llama : le partage de revenus")
    copy = tmp_path / note.name
    copy.write_bytes(note.read_bytes())
    assert read_document(copy).meta.kind == "news"


def test_bom_with_broken_bytes(write):
    path = write("bom.txt", b"\xff\xfeM\x00e\x00\x00\xd8")
    with pytest.raises(LoaderError) as err:
        read_document(path)
    assert str(err.value) == (f"{path}: starts with a utf-16 byte-order mark but is not valid utf-16 "
                              "(byte 6: unexpected end of data); re-save it as UTF-8")


def test_utf16_with_bom_is_decoded(write):
    assert read_document(write("utf16.txt", "\ufeff" + FRENCH, encoding="utf-16-le")).text == FRENCH


def test_earnings_call_transcript(write):
    text = "Meta Platforms Q1 2024 Earnings Call Transcript\nOperator: Good afternoon, and welcome.\n"
    assert read_document(write("call.txt", text)).meta.kind == "transcript"


def test_hearing_transcript_caption(write):
    text = ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
            "RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant.\n"
            "Case No. 23-cv-03417-VC\nTRANSCRIPT OF PROCEEDINGS\nThe Court: Good morning.\n")
    meta = read_document(write("hearing.txt", text)).meta
    assert (meta.kind, meta.title) == ("transcript", "Kadrey v. Meta Platforms, Inc. – Transcript of Proceedings")


def test_caption_names_take_the_body_spelling(write):
    text = ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n"
            "SARAH SILVERMAN, et al., Plaintiffs, v. OPENAI, INC., et al., Defendants.\n"
            "Case No. 23-cv-03416-AMO\nORDER GRANTING IN PART AND DENYING IN PART MOTION TO DISMISS\n"
            "OpenAI moves to dismiss the complaint.\n")
    meta = read_document(write("openai.txt", text)).meta
    assert meta.title == "Silverman v. OpenAI, Inc. – Order Granting in Part and Denying in Part Motion to Dismiss"
    assert meta.extra["case_name"] == "Silverman v. OpenAI, Inc."
    assert (meta.case_number, meta.kind) == ("23-cv-03416-AMO", "court-order")
