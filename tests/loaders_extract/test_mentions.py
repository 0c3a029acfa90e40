"""`segment` and `mentions` on the real shared documents and on small texts written here."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from kadrey_kg.loaders.pipeline import Pipeline


@lru_cache(maxsize=None)
def run(path: str, upto: str = "link"):
    names = ("read", "detect_language", "segment", "mentions", "link")
    return Pipeline(names[: names.index(upto) + 1])(path)


def shared_files(shared_dir: Path) -> list[Path]:
    return sorted((shared_dir / "seeds").glob("*.txt")) + sorted((shared_dir / "corpus" / "en").glob("*.txt"))


def test_spacy_doc_covers_text_and_sentences_are_spans(shared_dir):
    for path in shared_files(shared_dir):
        doc = run(str(path), "mentions")
        assert doc.nlp_doc.text == doc.text
        assert doc.sentences, path.name
        for s, e in doc.sentences:
            assert 0 <= s < e <= len(doc.text)
            assert doc.text[s:e] == doc.text[s:e].strip()
        assert all(a[1] <= b[0] for a, b in zip(doc.sentences, doc.sentences[1:])), "sentences overlap"


def test_mentions_are_exact_spans_without_overlap(shared_dir):
    for path in shared_files(shared_dir):
        doc = run(str(path), "mentions")
        assert doc.mentions
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text
        plain = [m for m in doc.mentions if not m.label.startswith("ROLE") and m.label != "DOCUMENT"]  # these nest
        for a, b in zip(plain, plain[1:]):
            assert a.end <= b.start, (path.name, a, b)


def test_court_caption_names_in_capitals_are_found(shared_dir):
    doc = run(str(shared_dir / "corpus/en/en04_discovery_order_torrenting_2025.txt"), "mentions")
    texts = {m.text for m in doc.mentions}
    assert {"RICHARD KADREY", "META PLATFORMS, INC.", "Hixson, Thomas S.", "Judge Chhabria"} <= texts


def test_no_junk_names_in_court_orders(shared_dir):
    """Docket abbreviations, defined terms and procedural nouns are not entities."""
    for path in sorted((shared_dir / "corpus" / "en").glob("*.txt")):
        doc = run(str(path))
        for m in doc.mentions:
            if m.source == "ner":
                assert m.text[0].isupper(), m
                assert m.text.lower() not in {"dkt", "ecf", "cmi", "plaintiffs", "court", "protected material"}, m
        assert not [e for e in doc.entities.values() if not e.known and e.kind in ("person", "org")
                    and e.iri.split("/")[-1] not in ("casetext", "midpage")], path.name


def test_headline_capitals_and_inverted_verbs_are_not_names(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(
        "Le Géant Partage Ses Revenus Avec Les Hébergeurs De Modèles\n"
        "Saviez-vous que Claire Dubreuil, avocate chez Vernet Associés, a commenté la décision ? "
        "Selon Dubreuil, la question reste ouverte. Le document a été publié mardi par le tribunal.\n",
        encoding="utf-8")
    doc = run(str(path))
    texts = [m.text for m in doc.mentions]
    assert "Claire Dubreuil" in texts and "Dubreuil" in texts
    assert not any(t.startswith(("Saviez", "Géant", "Partage", "Revenus")) for t in texts), texts


def test_other_language_paragraph_uses_its_own_pipeline(tmp_path):
    path = tmp_path / "mixed.txt"
    english = ("Meta Platforms said on Tuesday that its Llama models were trained lawfully. "
               "The company's lawyers at Cooley filed a brief in the case. ") * 3
    french = ("Selon Bernard Castellane, juriste à Paris, cette décision pourrait changer la donne "
              "pour les éditeurs français et leurs auteurs.")
    path.write_text(english + "\n\n" + french + "\n\n" + english + "\n", encoding="utf-8")
    doc = run(str(path), "mentions")
    assert doc.lang == "en"
    fr_paras = [p for p in doc.paragraphs if p.lang == "fr"]
    assert fr_paras, "detect_language should mark the French paragraph"
    foreign = doc.nlp_doc.user_data["kkg_foreign"]
    assert [lang for _, lang, _ in foreign] == ["fr"]
    start = doc.text.index("Selon")
    assert any(s == start for s, _ in doc.sentences)
    assert any(m.text == "Bernard Castellane" for m in doc.mentions)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pipelines_load_once(lang):
    from kadrey_kg.loaders.nlp import load_pipeline
    assert load_pipeline(lang) is load_pipeline(lang)
