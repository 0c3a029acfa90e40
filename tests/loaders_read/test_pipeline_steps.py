"""`read` and `detect_language` as steps of a real Pipeline: order checked, failing step named."""
from __future__ import annotations

import pytest
from kadrey_kg.loaders.errors import LoaderError, UnsupportedLanguage
from kadrey_kg.loaders.pipeline import Pipeline, PipelineError


def test_read_then_detect_language(shared_dir):
    doc = Pipeline(["read", "detect_language"])(shared_dir / "seeds" / "000_bc4c7a8b21ff83da.txt")
    assert (doc.lang, doc.meta.language, doc.meta.kind) == ("fr", "fr", "news")
    assert str(doc.iri) == "https://w3id.org/kadrey-kg/doc/000-bc4c7a8b21ff83da-txt"
    assert doc.paragraphs and all(doc.text[p.start:p.end].strip() for p in doc.paragraphs)


def test_detect_language_needs_read_first():
    with pytest.raises(PipelineError) as err:
        Pipeline(["detect_language", "read"])
    assert str(err.value) == "component 'detect_language' requires ['text'] but nothing before it assigns them"


def test_failing_step_is_named(tmp_path):
    missing = tmp_path / "absent.html"
    with pytest.raises(LoaderError) as err:
        Pipeline(["read", "detect_language"])(missing)
    assert err.value.component == "read"
    assert err.value.path == missing


def test_unsupported_language_is_named_by_detect_language(write):
    text = ("Der Prozess gegen das Unternehmen wurde im Sommer fortgesetzt, und die Autoren verlangen "
            "weiterhin Schadenersatz für die Nutzung ihrer Bücher beim Training der Modelle.")
    with pytest.raises(UnsupportedLanguage) as err:
        Pipeline(["read", "detect_language"])(write("artikel.txt", text))
    assert err.value.component == "detect_language"
    assert "language is de" in str(err.value)
