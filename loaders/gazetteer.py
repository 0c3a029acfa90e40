"""Names of known entities (curated data + ontology individuals), matched in spaCy docs.

Built once per process from `kadrey_kg.data.curated.entities()`. Matching is case-sensitive for
single capitalised words ("Meta", "Dell" are common words or names in other senses) but accepts
their ALL-CAPS form (court captions: "META PLATFORMS, INC."); multi-word names, and names the
curators wrote in lower case ("plaintiffs"), match case-insensitively.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import OWL, SKOS

from kadrey_kg.ontology import KKG, ONTOLOGY_TTL, normalize_name

# Words that only say what kind of organisation it is: "Meta Platforms, Inc." = "Meta Platforms".
ORG_SUFFIXES = {"inc", "inc.", "llc", "llp", "ltd", "corp", "corporation", "co", "company", "plc",
                "sa", "sas", "sarl", "gmbh", "ag", "et al", "al", "et"}
CONTEXT_PREFIX = "ctx|"
CASE_NUMBER = re.compile(r"\b(?:\d{1,2}:)?(\d{2})-?(cv|cr|mc|md)-?(\d{3,5})(?:-[A-Z]{1,4})*\b", re.I)


def case_number_key(text: str) -> str | None:
    """"3:23-cv-03417-VC" and "23-cv-03417" are the same case: key "23-cv-03417"."""
    m = CASE_NUMBER.search(text)
    return f"{m.group(1)}-{m.group(2).lower()}-{m.group(3)}" if m else None


def org_key(name: str) -> str:
    words = normalize_name(name).split()
    while len(words) > 1 and words[-1] in ORG_SUFFIXES:
        words.pop()
    return " ".join(words)


def person_keys(name: str) -> set[str]:
    """"Hixson, Thomas S." / "THOMAS S. HIXSON" / "Thomas Hixson" share a key."""
    keys = set()
    raw = name.strip()
    if raw.count(",") == 1:  # "Last, First M." as in court captions and signatures
        last, first = (p.strip() for p in raw.split(","))
        if last and first and " " not in last:
            raw = f"{first} {last}"
    words = normalize_name(raw).split()
    if words:
        keys.add(" ".join(words))
        keys.add(" ".join(w for w in words if len(w) > 1))  # drop middle initials
    return {k for k in keys if k}


@dataclass(frozen=True)
class Entry:
    iri: URIRef
    kind: str
    name: str
    lang: str | None


@dataclass
class Gazetteer:
    entries: list[Entry]
    kinds: dict[URIRef, str] = field(default_factory=dict)
    labels: dict[URIRef, dict[str, str]] = field(default_factory=dict)
    types: dict[URIRef, tuple[str, ...]] = field(default_factory=dict)
    facts: list[tuple[URIRef, URIRef, URIRef]] = field(default_factory=list)

    def __post_init__(self):
        self.by_key: dict[str, set[URIRef]] = {}
        self.surnames: dict[str, set[URIRef]] = {}
        self.case_numbers: dict[str, URIRef] = {}
        for e in self.entries:
            self.kinds.setdefault(e.iri, e.kind)
            for key in self._keys(e.name, e.kind):
                self.by_key.setdefault(key, set()).add(e.iri)
            if e.kind == "person":
                words = normalize_name(e.name.split(",")[0] if "," in e.name else e.name).split()
                if len(words) >= 2 or "," in e.name:
                    self.surnames.setdefault(words[-1] if "," not in e.name else words[0], set()).add(e.iri)
            if e.kind == "case" and (num := case_number_key(e.name)):
                self.case_numbers[num] = e.iri
        self._matchers: dict[int, tuple] = {}

    @staticmethod
    def _keys(name: str, kind: str) -> set[str]:
        keys = {normalize_name(name)}
        if kind == "person":
            keys |= person_keys(name)
        elif kind in ("org", "court", "product"):
            keys.add(org_key(name))
        return {k for k in keys if k}

    # ---- lookups used by `link` ----------------------------------------------------------------
    def lookup(self, name: str, kind: str | None = None) -> URIRef | None:
        """The one known entity called `name` (of `kind` when given), or None if none or ambiguous."""
        found: set[URIRef] = set()
        for key in self._keys(name, kind or "org") | (person_keys(name) if kind in (None, "person") else set()):
            found |= self.by_key.get(key, set())
        if kind:
            found = {i for i in found if self._compatible(self.kinds[i], kind)}
        return next(iter(found)) if len(found) == 1 else None

    def surname(self, word: str) -> URIRef | None:
        found = self.surnames.get(normalize_name(word), set())
        return next(iter(found)) if len(found) == 1 else None

    def names_of(self, iri: URIRef) -> list[str]:
        return [e.name for e in self.entries if e.iri == iri]

    @staticmethod
    def _compatible(have: str, want: str) -> bool:
        orgish = {"org", "court", "group"}
        return have == want or (have in orgish and want in orgish)

    # ---- matching in spaCy docs ----------------------------------------------------------------
    def _matcher(self, nlp):
        key = id(nlp.vocab)
        if key in self._matchers:
            return self._matchers[key][1:]
        from spacy.matcher import PhraseMatcher

        exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact_forms: dict[str, set[str]] = {}
        lower_forms: dict[str, set[str]] = {}
        for e in self.entries:
            if e.kind == "group":  # "the plaintiffs" depends on the case: resolved by `link`
                continue
            for form in self._surface_forms(e, nlp.lang):
                key = (CONTEXT_PREFIX if self.contextual(form) else "") + str(e.iri)
                if self._case_insensitive(form):
                    lower_forms.setdefault(key, set()).add(form)
                else:
                    exact_forms.setdefault(key, set()).update({form, form.upper()})
        for iri, forms in exact_forms.items():
            exact.add(iri, list(nlp.tokenizer.pipe(sorted(forms))))
        for iri, forms in lower_forms.items():
            lower.add(iri, list(nlp.tokenizer.pipe(sorted(forms))))
        self._matchers[key] = (nlp, exact, lower)  # keep nlp alive so id() stays unique
        return exact, lower

    def _surface_forms(self, e: Entry, lang: str = "en") -> set[str]:
        forms = {e.name}
        if e.kind == "person":
            if "," in e.name:
                last, first = (p.strip() for p in e.name.split(",", 1))
                forms.add(f"{first} {last}")
            words = e.name.split(",")[0].split() if "," in e.name else e.name.split()
            surname = words[0] if "," in e.name else words[-1]
            if len(words) >= 1 and len(surname) >= 4 and surname[:1].isupper() and self.surname(surname) == e.iri \
                    and not self.by_key.get(normalize_name(surname), set()) - {e.iri} and not _is_word(surname, lang):
                forms.add(surname)  # "Chhabria" alone, but never "Golden" (a word before it is a name)
        return {f for f in forms if f.strip()}

    @staticmethod
    def contextual(form: str) -> bool:
        """"the complaint", « le procès »: a description that names the entity only in a document
        about its case."""
        return form == form.lower() and re.match(r"(?:the|this|le|la|les|l['’]|ce|cette)\b", form) is not None

    @staticmethod
    def _case_insensitive(form: str) -> bool:
        words = form.split()
        return len(words) >= 2 or form == form.lower()

    def find(self, sdoc, offset: int = 0) -> list[tuple[int, int, URIRef, bool]]:
        """Longest non-overlapping known-entity spans in a spaCy Doc: (start, end, iri, contextual),
        char offsets shifted by `offset`."""
        from spacy.util import filter_spans

        exact, lower = self._matcher(_nlp_for(sdoc))
        spans = []
        for matcher in (exact, lower):
            for match_id, s, e in matcher(sdoc):
                span = sdoc[s:e]
                span.label_ = sdoc.vocab.strings[match_id]
                spans.append(span)
        return sorted((sp.start_char + offset, sp.end_char + offset, URIRef(sp.label_.removeprefix(CONTEXT_PREFIX)),
                       sp.label_.startswith(CONTEXT_PREFIX)) for sp in filter_spans(spans))


def _is_word(name: str, lang: str) -> bool:
    from .nlp import common_words
    return name.lower() in common_words(lang)


def _nlp_for(sdoc):
    from .nlp import load_pipeline
    return load_pipeline(sdoc.lang_)


# ---- building ------------------------------------------------------------------------------------
CLASS_KIND = {"Person": "person", "Court": "court", "LegalCase": "case", "AIModel": "model", "Dataset": "dataset",
              "Product": "product", "LegalClaim": "claim", "Event": "event", "PartyGroup": "group"}


def ontology_entries(path=ONTOLOGY_TTL) -> list[Entry]:
    """Named individuals of the vocabulary (legal claims, ...) except the Standing concepts."""
    if not path.exists():
        return []
    g = Graph().parse(path)
    skip = {OWL.Class, RDFS.Class, RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty,
            OWL.AnnotationProperty, OWL.Ontology, KKG.Standing}
    out = []
    for s, t in g.subject_objects(RDF.type):
        if t in skip or not isinstance(s, URIRef) or not str(t).startswith(str(KKG)):
            continue
        kind = CLASS_KIND.get(str(t).rsplit("#", 1)[-1])
        if not kind or kind not in ("claim", "event", "product", "model", "dataset", "case", "court"):
            continue
        for p in (RDFS.label, SKOS.altLabel):
            for o in g.objects(s, p):
                out.append(Entry(s, kind, str(o), getattr(o, "language", None)))
    return out


def curated_entries() -> tuple[list[Entry], dict, dict]:
    from kadrey_kg.data import curated

    entries, labels, types = [], {}, {}
    for ce in curated.entities():
        iri = URIRef(str(ce.iri))
        labels[iri] = {k: v for k, v in (ce.labels or {}).items() if v}
        types[iri] = tuple(str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in (ce.types or ()))
        for lang, name in labels[iri].items():
            entries.append(Entry(iri, ce.kind, name, lang))
        for lang, names in (ce.aliases or {}).items():
            for name in names or ():
                entries.append(Entry(iri, ce.kind, name, lang or None))
    return entries, labels, types


def curated_facts() -> list[tuple[URIRef, URIRef, URIRef]]:
    """Entity-to-entity triples of the curated graph (ceoOf, plaintiff...) when the data offers them."""
    from kadrey_kg.data import curated

    g = curated.curated_graph()
    skip = {KKG.sourceDocument, KKG.mentions, KKG.wikidata, KKG.courtListener}
    return sorted((s, p, o) for s, p, o in g if isinstance(o, URIRef) and str(p).startswith(str(KKG)) and p not in skip)


def curated_case_numbers() -> list[tuple[URIRef, str]]:
    from kadrey_kg.data import curated

    return sorted((s, str(o)) for s, o in curated.curated_graph().subject_objects(KKG.caseNumber))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    entries, labels, types = curated_entries()
    cases = {e.iri for e in entries if e.kind == "case"}
    numbers = [Entry(iri, "case", num, None) for iri, num in curated_case_numbers() if iri in cases]
    return Gazetteer(entries + numbers + ontology_entries(), labels=labels, types=types, facts=curated_facts())


def build(entries: Iterable[Entry]) -> Gazetteer:
    return Gazetteer(list(entries))
