"""detect_language: document and paragraph languages, deterministic; other languages refused."""
from __future__ import annotations

import pytest
from kadrey_kg.loaders.errors import LoaderError, UnsupportedLanguage
from kadrey_kg.loaders.language import (
    detect_language,
    language_at,
    language_runs,
    paragraph_spans,
)
from kadrey_kg.loaders.pipeline import REGISTRY, Doc
from kadrey_kg.loaders.read import read_document

# Texts written for these tests
FR_1 = ("Le tribunal fédéral de San Francisco examine depuis deux ans la plainte déposée par plusieurs "
        "écrivains contre Meta, accusée d'avoir utilisé leurs livres pour entraîner ses modèles.")
EN_QUOTE = ("“We have never sold access to these models, and we do not intend to build a business on "
            "charging developers for them,” the company said in a statement at the time.")
FR_2 = ("Les documents publiés cette semaine racontent pourtant une autre histoire, puisque l'entreprise "
        "touche une partie des revenus générés par les services qui hébergent ses modèles.")
SHORT = "Lire aussi"
ES = ("El tribunal federal de California examinó la demanda presentada por varios escritores contra la "
      "empresa, acusada de haber utilizado sus libros sin permiso para entrenar sus modelos de lenguaje. "
      "Los abogados de los autores pidieron que se revisaran todos los documentos internos de la compañía.")
DE = ("Das Bundesgericht in Kalifornien hat die Klage mehrerer Schriftsteller gegen das Unternehmen geprüft, "
      "dem vorgeworfen wird, ihre Bücher ohne Erlaubnis für das Training seiner Sprachmodelle verwendet zu "
      "haben. Die Anwälte der Autoren verlangten die Herausgabe aller internen Unterlagen.")


def test_component_is_registered():
    comp = REGISTRY["detect_language"]
    assert (comp.requires, comp.assigns) == (("text",), ("lang", "paragraphs"))
    assert REGISTRY["read"].assigns == ("raw", "text", "meta", "iri")


def test_french_article_keeps_english_quote(write):
    text = "\n\n".join([FR_1, EN_QUOTE, FR_2, SHORT]) + "\n"
    doc = detect_language(read_document(write("mixte.txt", text)))
    assert doc.lang == doc.meta.language == "fr"
    assert [(doc.text[p.start:p.end], p.lang) for p in doc.paragraphs] == [
        (FR_1, "fr"), (EN_QUOTE, "en"), (FR_2, "fr"), (SHORT, "fr")]
    first, quote = doc.paragraphs[0], doc.paragraphs[1]
    assert language_runs(doc) == [[0, first.end, "fr"], [quote.start, quote.end, "en"],
                                  [doc.paragraphs[2].start, doc.paragraphs[3].end, "fr"]]
    assert language_at(doc, quote.start + 5) == "en"
    assert language_at(doc, first.end) == "fr"  # the blank line between paragraphs


def test_short_paragraph_inherits_document_language(write):
    text = "\n\n".join([EN_QUOTE, "Voir aussi", EN_QUOTE.replace("“", "").replace("”", "")])
    doc = detect_language(read_document(write("short.txt", text)))
    assert doc.lang == "en"
    assert [p.lang for p in doc.paragraphs] == ["en", "en", "en"]


def test_detection_is_deterministic(write):
    path = write("mixte.txt", "\n\n".join([FR_1, EN_QUOTE, FR_2]))
    runs = {repr([(p.start, p.end, p.lang) for p in detect_language(read_document(path)).paragraphs]) for _ in range(5)}
    assert len(runs) == 1


@pytest.mark.parametrize("text,lang", [(ES, "es"), (DE, "de")])
def test_other_language_is_unsupported(write, text, lang):
    path = write(f"article_{lang}.txt", text)
    with pytest.raises(UnsupportedLanguage) as err:
        detect_language(read_document(path))
    assert isinstance(err.value, LoaderError)
    message = str(err.value)
    assert message.startswith(f"{path}: language is {lang} (langdetect: {lang} 1.00")
    assert message.endswith("only French (fr) and English (en) documents are supported, so it is skipped")


def test_text_without_letters_is_unsupported(tmp_path):
    doc = Doc(path=tmp_path / "numbers.txt", text="12 345 678\n\n90")
    with pytest.raises(UnsupportedLanguage) as err:
        detect_language(doc)
    assert str(err.value) == (f"{tmp_path / 'numbers.txt'}: language is unknown (langdetect: none); only French "
                              "(fr) and English (en) documents are supported, so it is skipped")


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    lines = [
        "The parties dispute whether the copies made to train the models",
        "were a fair use of the works at issue in this case, and the Court",
        "heard argument on it.",
        "A second paragraph starts here and runs over two lines of the page",
        "before it ends.",
        "• a list item",
        "• another item",
    ]
    text = "\n".join(lines)
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "\n".join(lines[:3]), "\n".join(lines[3:5]), lines[5], lines[6]]


def test_capitalised_caption_inherits_document_language(shared_dir):
    # all-caps captions fool n-gram detectors (this one reads as German); they keep the document's language
    doc = detect_language(read_document(shared_dir / "corpus" / "en" / "en03_order_dmca_partial_summary_judgment_2025.txt"))
    caption = next(p for p in doc.paragraphs if doc.text[p.start:p.end].startswith("v. MOTION FOR PARTIAL"))
    assert caption.lang == "en"


@pytest.mark.parametrize("text,lang", [
    ("Sarah Silverman and Richard Kadrey v. Meta", "en"),   # langdetect alone: de 0.43, id 0.43, en 0.14
    ("Les auteurs ont perdu.", "fr"),
    ("Meta was sued by authors.", "en"),
])
def test_short_documents(write, text, lang):
    assert detect_language(read_document(write("short.txt", text))).lang == lang


def test_short_paragraph_decided_by_function_words(write):
    # in an English document, a one-line French paragraph (langdetect: fr 0.86, sv 0.14) stays French
    text = "\n\n".join([EN_QUOTE, "Mark Zuckerberg a parlé de Llama et de Meta AI avec les investisseurs.", EN_QUOTE])
    doc = detect_language(read_document(write("mixed_short.txt", text)))
    assert [p.lang for p in doc.paragraphs] == ["en", "fr", "en"]
