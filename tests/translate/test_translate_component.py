"""The `translate` component on real documents from ../shared with the tiny real argos packages."""
from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from rdflib import URIRef

from kadrey_kg.loaders import argos
from kadrey_kg.loaders.pipeline import REGISTRY, Allegation, Doc, Entity, Statement
from kadrey_kg.loaders.translate import split_sentences, translate_jobs, jobs_for
from kadrey_kg.loaders.translation_cache import TranslationCache

SPEAKER = URIRef("https://w3id.org/kadrey-kg/id/org/meta-platforms")
TAG = "argostranslate {v} {d} 0.0.1-tiny"


def translate(doc: Doc) -> Doc:
    return REGISTRY["translate"].func(doc)


def document(path: Path, lang: str, sentences: list[tuple[int, int]] | None = None) -> Doc:
    """A Doc as the earlier components leave it: text, sentences, two statements and an allegation
    cut from real sentences of the file."""
    text = path.read_text(encoding="utf-8")
    spans = sentences if sentences is not None else split_sentences(text, lang)
    doc = Doc(path=path, text=text, lang=lang, sentences=spans)
    (a, _), (_, b) = spans[1], spans[2]             # a statement spanning two sentences
    doc.statements.append(Statement(SPEAKER, text[a:b], a, b, lang))
    s, e = spans[3]
    doc.statements.append(Statement(SPEAKER, text[s:e], s, e, lang, is_quote=True))
    s, e = spans[4]
    doc.allegations.append(Allegation(None, SPEAKER, text[s:e], s, e, lang))
    return doc


@pytest.fixture
def fr_doc(seeds) -> Doc:
    return document(seeds[0], "fr")


@pytest.fixture
def en_doc(shared_dir) -> Doc:
    return document(shared_dir / "corpus" / "en" / "en01_order_motion_to_dismiss_2023.txt", "en")


@pytest.fixture
def cache_home(store_home) -> Path:
    return store_home / "translations.sqlite"


def test_registered_as_the_contract_says():
    comp = REGISTRY["translate"]
    assert comp.requires == ("statements", "allegations", "entities") and comp.assigns == ("translations",)


def test_translates_french_and_english_without_touching_originals(fr_doc, en_doc, with_models, cache_home, no_network):
    for doc, src, tgt in ((fr_doc, "fr", "en"), (en_doc, "en", "fr")):
        originals = [s.text for s in doc.statements] + [a.text for a in doc.allegations]
        translate(doc)
        assert list(doc.translations) == originals
        assert [s.text for s in doc.statements] + [a.text for a in doc.allegations] == originals
        for original, result in doc.translations.items():
            assert result["lang"] == tgt
            assert result["engine"] == TAG.format(v=version("argostranslate"), d=f"{src}→{tgt}")
            assert result["text"].strip() and result["text"] != original
    assert cache_home.is_file()
    assert no_network == []


def test_cache_hit_means_no_engine_call(fr_doc, seeds, with_models, cache_home):
    engine = argos.engine_for("fr", "en")
    before = engine.sentences_translated
    first = translate(fr_doc).translations
    translated = engine.sentences_translated - before
    assert translated == 4  # statement 1 has two sentences, then one each

    again = translate(document(seeds[0], "fr")).translations    # re-ingest of the same file
    assert again == first
    assert engine.sentences_translated - before == translated   # the engine was not called again
    assert len(TranslationCache(cache_home)) == 4


@pytest.mark.slow
def test_cache_survives_the_process(fr_doc, seeds, with_models, cache_home):
    """A new process (a later `kadrey-kg ingest`) finds the translations and never runs the model."""
    first = translate(fr_doc).translations
    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1])\n"
        "from test_translate_component import document, translate\n"
        "from pathlib import Path\n"
        "from kadrey_kg.loaders import argos\n"
        "doc = translate(document(Path(sys.argv[2]), 'fr'))\n"
        "print(json.dumps([argos.engine_for('fr', 'en').sentences_translated, doc.translations]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(seeds[0])],
                         capture_output=True, text=True, env=dict(os.environ), check=True)
    import json

    calls, translations = json.loads(out.stdout)
    assert calls == 0 and translations == first


def test_uses_our_sentences_not_argos_splitter(seeds, with_models, cache_home):
    """With the document's own boundaries (one per line here), the engine gets exactly those spans."""
    text = seeds[0].read_text(encoding="utf-8")
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    doc = document(seeds[0], "fr", sentences=lines)
    translate(doc)
    with sqlite3.connect(cache_home) as conn:
        sources = {row[0] for row in conn.execute("SELECT source FROM translations")}
    expected = {text[a:b] for a, b in lines[1:5]}
    assert sources == expected
    assert _live_sentencizers() == []  # argos' MiniSBD/stanza splitters were never built


def _live_sentencizers():
    import gc

    return [o for o in gc.get_objects() if type(o).__name__ in ("MiniSBDSentencizer", "StanzaSentencizer")]


def test_run_on_paragraph_longer_than_the_model_positions(seeds, with_models, store_home):
    """A whole article as one "sentence" (>256 tokens) is chunked instead of crashing CTranslate2."""
    text = " ".join(seeds[0].read_text(encoding="utf-8").split())[:1200]
    engine = argos.engine_for("fr", "en")
    assert len(engine.package.tokenizer.encode(text)) > 256
    [translated] = engine.translate_sentences([text])
    assert translated.strip()


def test_free_text_is_split_with_spacy(with_models, store_home):
    jobs = [j for j in jobs_for(Doc(path=Path("x"), statements=[
        Statement(SPEAKER, "The court agrees. Meta does not.", 0, 33, "en")]))]
    assert jobs[0].spans is None  # no document text: fall back to our spaCy sentencizer
    assert split_sentences("The court agrees. Meta does not.", "en") == [(0, 17), (18, 32)]
    result = translate_jobs(jobs)
    assert result["The court agrees. Meta does not."]["lang"] == "fr"


def test_labels_of_new_one_language_entities(with_models, store_home):
    def ent(slug, kind, names, known=False):
        iri = URIRef(f"https://w3id.org/kadrey-kg/id/{kind}/{slug}")
        return iri, Entity(iri, kind, names, known)

    doc = Doc(path=Path("x"), lang="fr", entities=dict([
        ent("contrefacon", "claim", {"fr": {"violation du droit d'auteur"}}),
        ent("plaintiffs", "group", {"en": {"the plaintiffs"}}),
        ent("richard-kadrey", "person", {"fr": {"Richard Kadrey"}}),          # names are not translated
        ent("meta", "org", {"fr": {"Meta"}}),
        ent("fair-use", "claim", {"fr": {"usage loyal"}, "en": {"fair use"}}),  # has both languages
        ent("dmca", "claim", {"en": {"DMCA claim"}}, known=True),              # curated: has its labels
    ]))
    translate(doc)
    assert set(doc.translations) == {"violation du droit d'auteur", "the plaintiffs"}
    assert doc.translations["violation du droit d'auteur"]["lang"] == "en"
    assert doc.translations["the plaintiffs"]["lang"] == "fr"


def test_no_model_gives_none_and_one_warning(fr_doc, en_doc, empty_argos_dir, store_home, caplog, no_network):
    with caplog.at_level(logging.WARNING, logger="kadrey_kg.loaders.translate"):
        translate(fr_doc)
        translate(document(fr_doc.path, "fr"))
    assert fr_doc.translations and all(v is None for v in fr_doc.translations.values())
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert "No fr→en translation model installed in" in warnings[0]
    assert "`kadrey-kg models install --from PATH`" in warnings[0] and "`kadrey-kg models install fr en`" in warnings[0]
    assert no_network == []


def test_unusable_cache_still_translates(fr_doc, with_models, store_home, caplog):
    store_home.mkdir(parents=True, exist_ok=True)
    (store_home / "translations.sqlite").write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING, logger="kadrey_kg.loaders.translate"):
        translate(fr_doc)
    assert all(v and v["text"] for v in fr_doc.translations.values())
    assert any("translations.sqlite" in r.getMessage() and "cache unusable" in r.getMessage() for r in caplog.records)
