"""The loader pipeline: small components that each take and return one `Doc`.

Modelled on spaCy's `Language.component`: each component is registered by name and declares the
`Doc` fields it needs (`requires`) and fills (`assigns`); `Pipeline.check()` verifies the order
before anything runs and `Pipeline.__call__` names the component that broke.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph, URIRef

from .errors import LoaderError


@dataclass
class DocMeta:
    file_name: str = ""
    content_hash: str = ""          # sha256 of the raw bytes
    title: str | None = None
    date: str | None = None         # ISO date the document was published/filed
    publisher: str | None = None    # newspaper, court, law firm
    url: str | None = None
    kind: str = "news"              # news, court-order, filing, transcript, blog, law-firm-note, case-note
    language: str | None = None
    case_number: str | None = None
    docket_entry: str | None = None
    filed_date: str | None = None
    page_count: int | None = None
    pages: list[tuple[int, int]] = field(default_factory=list)  # (start, end) offsets per page
    extra: dict = field(default_factory=dict)


@dataclass
class Paragraph:
    start: int
    end: int
    lang: str | None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str                      # NER/gazetteer type: PERSON, ORG, COURT, CASE, MODEL, ...
    entity: URIRef | None = None    # filled by the `link` component
    source: str = "ner"             # ner | gazetteer | pattern


@dataclass
class Entity:
    iri: URIRef
    kind: str                       # person, org, court, case, model, dataset, product, group...
    names: dict[str, set[str]] = field(default_factory=dict)  # lang -> names seen
    known: bool = False             # from curated data / ontology labels


@dataclass
class Statement:
    speaker: URIRef
    text: str
    start: int
    end: int
    lang: str
    is_quote: bool = False
    date: str | None = None
    medium: str | None = None       # free label ("blog post", "earnings call") or an IRI string
    about: list[URIRef] = field(default_factory=list)
    occasion: URIRef | None = None  # the shared event it was said at (loaders/occasions.py)


@dataclass
class Allegation:
    by: URIRef | None
    against: URIRef
    text: str
    start: int
    end: int
    lang: str
    standing: str = "AllegedByParty"  # AllegedByParty | FoundByCourt | ReportedByPress
    claim: URIRef | None = None


@dataclass
class Relation:
    subject: URIRef
    predicate: URIRef
    object: URIRef
    start: int
    end: int


@dataclass
class Doc:
    path: Path
    raw: bytes = b""
    text: str = ""
    meta: DocMeta = field(default_factory=DocMeta)
    iri: URIRef | None = None
    lang: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[URIRef, Entity] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    allegations: list[Allegation] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    occasions: dict = field(default_factory=dict)   # IRI -> occasions.Occasion
    # original text -> {"lang": target, "text": translation, "engine": "..."}; None entry = untranslated
    translations: dict[str, dict | None] = field(default_factory=dict)
    graph: Graph | None = None
    nlp_doc: object | None = None   # the spaCy Doc, for components that need tokens


ComponentFn = Callable[[Doc], Doc]


@dataclass
class Component:
    name: str
    func: ComponentFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


REGISTRY: dict[str, Component] = {}

DEFAULT_ORDER = (
    "read", "detect_language", "segment", "mentions", "link",
    "statements", "occasions", "allegations", "relations", "translate", "to_rdf",
)


def component(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Register a pipeline component under `name`."""

    def register(func: ComponentFn) -> ComponentFn:
        REGISTRY[name] = Component(name, func, tuple(requires), tuple(assigns), (func.__doc__ or "").strip())
        return func

    return register


def _load_builtin_components() -> None:
    # Importing the modules registers their components.
    from . import read, language, nlp, linking, statements, occasions, allegations, relations, translate, rdf  # noqa: F401


class PipelineError(Exception):
    pass


class Pipeline:
    def __init__(self, names: Iterable[str] = DEFAULT_ORDER):
        _load_builtin_components()
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            raise PipelineError(
                f"unknown component(s) {', '.join(unknown)}; known: {', '.join(sorted(REGISTRY))}"
            )
        self.components = [REGISTRY[n] for n in names]
        self.check()

    def check(self) -> None:
        """Every component's requirements must be assigned by an earlier one (or be `path`)."""
        have = {"path"}
        for comp in self.components:
            missing = [r for r in comp.requires if r not in have]
            if missing:
                raise PipelineError(f"component {comp.name!r} requires {missing} but nothing before it assigns them")
            have.update(comp.assigns)

    def describe(self) -> list[dict]:
        return [
            {"name": c.name, "requires": list(c.requires), "assigns": list(c.assigns), "doc": c.doc.splitlines()[0] if c.doc else ""}
            for c in self.components
        ]

    def __call__(self, path: Path | str) -> Doc:
        doc = Doc(path=Path(path))
        for comp in self.components:
            try:
                doc = comp.func(doc)
            except LoaderError as err:
                err.component = err.component or comp.name
                raise
            except Exception as err:  # a bug or an input we did not foresee: name the step
                raise LoaderError(doc.path, f"{type(err).__name__} in component {comp.name!r}: {err}", comp.name) from err
            if doc is None:
                raise LoaderError(path, f"component {comp.name!r} returned nothing", comp.name)
        return doc
