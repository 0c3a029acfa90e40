"""The `translate` component: offline machine translation (Argos Translate) of what a document says.

Statements, allegations and the labels of new entities known in one language only are translated
to the other language (fr→en, en→fr). The original text is never replaced: the RDF writer stores
the result as `kkg:machineTranslation` / `kkg:machineTranslatedLabel` with `kkg:translationEngine`,
or `kkg:untranslated true` when no model is installed.

Sentences are ours: the pipeline's `doc.sentences` where a text is a span of the document, else
the spaCy model `loaders.nlp` loads for that language. Each direction is translated in one batch
and cached by content hash (see `translation_cache`).
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from . import argos
from .patterns import trim_spans
from .pipeline import Doc, component
from .translation_cache import TranslationCache, TranslationCacheError

log = logging.getLogger(__name__)

OTHER_LANGUAGE = {"fr": "en", "en": "fr"}
# Proper names stay as they are ("Meta" is not "Méta"); descriptive labels are translated.
NAME_KINDS = frozenset({"person", "org", "court", "model", "dataset", "product", "case"})
_warned: set[tuple[str, str]] = set()


@dataclass
class TextJob:
    text: str
    lang: str
    spans: list[tuple[int, int]] | None = None   # sentence spans inside `text`; None = split it ourselves


@functools.lru_cache(maxsize=4)
def _sentencizer(lang: str):
    """The pipeline's own spaCy model for `lang` (shared, loaded once); a rule-based one without it."""
    from .nlp import ModelNotInstalled, load_pipeline

    try:
        return load_pipeline(lang)
    except ModelNotInstalled:
        import spacy

        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        return nlp


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of `text` with spaCy (never argos' downloaded splitters)."""
    doc = _sentencizer(lang)(text)
    return trim_spans([(s.start_char, s.end_char) for s in doc.sents], text)




def spans_from_doc(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """The document's own sentence boundaries clipped to [start, end), relative to `start`."""
    if not doc.sentences or not (0 <= start < end <= len(doc.text)):
        return None
    inside = [(max(s, start) - start, min(e, end) - start) for s, e in doc.sentences if s < end and e > start]
    return trim_spans(inside, doc.text[start:end]) or None


def jobs_for(doc: Doc) -> list[TextJob]:
    """What to translate in `doc`: statement and allegation texts, one-language labels of new entities."""
    jobs: dict[str, TextJob] = {}
    for item in [*doc.statements, *doc.allegations]:
        lang = item.lang or doc.lang
        if lang not in OTHER_LANGUAGE or not item.text.strip() or item.text in jobs:
            continue
        spans = spans_from_doc(doc, item.start, item.end) if doc.text[item.start:item.end] == item.text else None
        jobs[item.text] = TextJob(item.text, lang, spans)
    for entity in doc.entities.values():
        if entity.known or entity.kind in NAME_KINDS:
            continue
        names: dict[str, set[str]] = {}
        for lang, found in entity.names.items():  # names of unknown language count as the document's
            names.setdefault(lang if lang in OTHER_LANGUAGE else doc.lang, set()).update(found)
        langs = [lang for lang in OTHER_LANGUAGE if names.get(lang)]
        if len(langs) != 1:  # known in both languages (or neither): nothing to add
            continue
        for name in sorted(names[langs[0]]):
            if name.strip() and name not in jobs:
                jobs[name] = TextJob(name, langs[0], [(0, len(name))])  # a label is one "sentence"
    return list(jobs.values())


def _join(text: str, spans: list[tuple[int, int]], translated: list[str]) -> str:
    out = []
    for i, piece in enumerate(translated):
        if i:
            gap = text[spans[i - 1][1]:spans[i][0]]
            out.append("\n" if "\n" in gap else " ")
        out.append(piece)
    return re.sub(r"[ \t]+", " ", "".join(out)).strip()


def _warn_missing(source: str, target: str, folder: Path) -> None:
    if (str(folder), f"{source}{target}") in _warned:
        return
    _warned.add((str(folder), f"{source}{target}"))
    log.warning(
        "No %s→%s translation model installed in %s: texts stay untranslated (kkg:untranslated). "
        "Install one with `kadrey-kg models install --from PATH` (an .argosmodel file) or, online, "
        "`kadrey-kg models install fr en`.", source, target, folder,
    )


def translate_jobs(jobs: list[TextJob], cache: TranslationCache | None = None) -> dict[str, dict | None]:
    """Translate each job's text to the other language; `None` for a direction with no model."""
    cache = cache if cache is not None else TranslationCache()
    results: dict[str, dict | None] = {}
    for source, target in OTHER_LANGUAGE.items():
        batch = [j for j in jobs if j.lang == source]
        if not batch:
            continue
        engine = argos.engine_for(source, target)
        if engine is None:
            _warn_missing(source, target, argos.packages_dir())
            results.update({j.text: None for j in batch})
            continue
        spans = {j.text: j.spans or split_sentences(j.text, source) for j in batch}
        sentences = list(dict.fromkeys(j.text[a:b] for j in batch for a, b in spans[j.text]))
        done = _cached(cache, sentences, engine.tag)
        missing = [s for s in sentences if s not in done]
        if missing:
            fresh = dict(zip(missing, engine.translate_sentences(missing)))
            done.update(fresh)
            _store(cache, fresh, engine.tag)
        for j in batch:
            pieces = [done[j.text[a:b]] for a, b in spans[j.text]]
            results[j.text] = {"lang": target, "text": _join(j.text, spans[j.text], pieces), "engine": engine.tag}
    return results


def _cached(cache: TranslationCache, sentences: list[str], tag: str) -> dict[str, str]:
    try:
        return cache.get_many(sentences, tag)
    except TranslationCacheError as err:  # the cache only saves time: translate without it
        log.warning("translation cache unusable, translating without it: %s", err)
        return {}


def _store(cache: TranslationCache, fresh: dict[str, str], tag: str) -> None:
    try:
        cache.put_many(fresh, tag)
    except TranslationCacheError as err:
        log.warning("translation cache unusable, results not saved: %s", err)


@component("translate", requires=["statements", "allegations", "entities"], assigns=["translations"])
def translate(doc: Doc) -> Doc:
    """Machine-translate statements, allegations and one-language labels (Argos Translate, offline)."""
    doc.translations.update(translate_jobs(jobs_for(doc)))
    return doc
