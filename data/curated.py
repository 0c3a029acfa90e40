"""Curated case facts written by the team, every one traced to a source document.

    from kadrey_kg.data import curated
    curated.entities()        # [CuratedEntity] for the gazetteer and linker
    curated.curated_graph()   # rdflib.Graph of all curated triples (the `kkggraph:curated` graph)
    curated.manifest()        # [dict] third-party source documents (data/sources.json)

The data lives in YAML (entities, events, relations, statements) and JSON (sources) next to this
module. Broken files raise `CuratedDataError` naming the file, the line and what is wrong.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kadrey_kg.ontology import (
    CURATED_GRAPH, KKG, ONTOLOGY_TTL, PREFIXES, SCHEMA, WD, document_iri, entity_iri, sub_iri,
)

HERE = Path(__file__).parent
SOURCES_JSON = HERE / "sources.json"
ENTITIES_YAML = HERE / "entities.yaml"
EVENTS_YAML = HERE / "events.yaml"
RELATIONS_YAML = HERE / "relations.yaml"
STATEMENTS_YAML = HERE / "statements.yaml"

LANGS = ("fr", "en")
# Document kind (kkg:kind literal) -> class; kinds without their own class are plain kkg:Document.
KIND_CLASS = {
    "news": "NewsArticle", "court-order": "CourtOrder", "filing": "CourtFiling", "blog": "BlogPost",
    "law-firm-note": "LawFirmNote", "case-note": "CaseNote", "transcript": "Transcript",
    "docket": "Document", "paper": "Document", "website": "Document",
}
STANDINGS = ("AllegedByParty", "FoundByCourt", "ReportedByPress")
ABSTRACT_TYPES = ("Agent",)  # a range class, never asserted on entities


class CuratedDataError(ValueError):
    """A curated data file is broken: names the file, the line when known, and the reason."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None, column: int | None = None):
        self.path, self.reason, self.line, self.column = Path(path), reason, line, column
        where = str(self.path) + (f":{line}" if line else "") + (f":{column}" if line and column else "")
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class CuratedEntity:
    iri: URIRef
    kind: str
    types: tuple[str, ...]                       # kkg class local names, with kkg superclasses
    labels: dict[str, str]                       # {"fr": .., "en": ..}
    aliases: dict[str, list[str]]                # names people write, per language
    wikidata: str | None = None                  # QID
    sources: tuple[str, ...] = ()                # URLs (or document IRIs when a source has no URL)
    descriptions: dict[str, list[str]] = field(default_factory=dict)  # phrases for the linker ("PDG de Meta")
    date: str | None = None                      # events only


# ---- reading files with line numbers -------------------------------------------------------------
class _LineLoader(yaml.SafeLoader):
    """Safe loader that remembers each mapping's line, so errors can point at the entry."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise CuratedDataError(path, f"invalid YAML: {err.problem or err.context}",
                               mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except OSError as err:
        raise CuratedDataError(path, f"cannot read: {err.strerror}") from None


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise CuratedDataError(path, f"invalid JSON: {err.msg}", err.lineno, err.colno) from None
    except OSError as err:
        raise CuratedDataError(path, f"cannot read: {err.strerror}") from None


def _need(entry: dict, key: str, path: Path):
    if entry.get(key) in (None, "", [], {}):
        raise CuratedDataError(path, f"entry has no {key!r}", entry.get("__line__"))
    return entry[key]


def _as_list(value) -> list:
    return [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]


def _date(value, path: Path, line) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise CuratedDataError(path, f"date {text!r} is not YYYY-MM-DD", line) from None
    return text


# ---- the ontology, for type closure and predicate checks ------------------------------------------
@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, set[str]], set[str]]:
    """(class local name -> kkg superclass names incl. itself, object property local names)."""
    g = Graph().parse(ONTOLOGY_TTL, format="turtle")
    kkg = str(KKG)
    classes = {str(c)[len(kkg):] for c in g.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"))
               if str(c).startswith(kkg)}
    supers = {}
    for name in classes:
        closure = {str(c)[len(kkg):] for c in g.transitive_objects(KKG[name], RDFS.subClassOf) if str(c).startswith(kkg)}
        supers[name] = closure
    props = {str(p)[len(kkg):] for p in g.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#ObjectProperty"))
             if str(p).startswith(kkg)}
    return supers, props


def _closure(types: list[str], path: Path, line) -> tuple[str, ...]:
    supers, _ = _vocabulary()
    out: set[str] = set()
    for t in types:
        if t not in supers:
            raise CuratedDataError(path, f"unknown class {t!r}; known: {', '.join(sorted(supers))}", line)
        out |= supers[t]
    return tuple(sorted(out - set(ABSTRACT_TYPES)))


# ---- loading ------------------------------------------------------------------------------------
@dataclass
class _Data:
    sources: dict[str, dict]
    entities: list[CuratedEntity]
    extra: dict[URIRef, dict]        # per entity: case_number, court_listener, case, docket_entry, about, source ids
    relations: list[tuple]           # (s, p, o, [source ids], path, line)
    statements: list[dict]
    allegations: list[dict]
    contradictions: list[dict]


def _load_sources() -> dict[str, dict]:
    raw = _read_json(SOURCES_JSON)
    if not isinstance(raw, list):
        raise CuratedDataError(SOURCES_JSON, "expected a JSON list of sources")
    out = {}
    for i, src in enumerate(raw, 1):
        for key in ("id", "file", "title", "kind", "lang"):
            if not src.get(key):
                raise CuratedDataError(SOURCES_JSON, f"source #{i} has no {key!r}")
        if src["kind"] not in KIND_CLASS:
            raise CuratedDataError(SOURCES_JSON, f"source {src['id']!r}: unknown kind {src['kind']!r}; known: {', '.join(KIND_CLASS)}")
        if src["id"] in out:
            raise CuratedDataError(SOURCES_JSON, f"duplicate source id {src['id']!r}")
        _date(src.get("date"), SOURCES_JSON, None)
        out[src["id"]] = dict(src, iri=document_iri(src["file"]))
    for src in out.values():
        unknown = [o for o in src.get("described_by") or [] if o not in out]
        if unknown:
            raise CuratedDataError(SOURCES_JSON, f"source {src['id']!r}: described_by names unknown source(s) {unknown}")
        src["described_by"] = [out[o]["file"] for o in src.get("described_by") or []]
    return out


def _entity(entry: dict, kind: str, path: Path, sources: dict) -> tuple[CuratedEntity, dict]:
    line = entry.get("__line__")
    name = _need(entry, "name", path)
    labels = _need(entry, "labels", path)
    missing = [lang for lang in LANGS if not labels.get(lang)]
    if missing:
        raise CuratedDataError(path, f"{name!r} has no label in {', '.join(missing)}", line)
    src_ids = _check_sources(_need(entry, "sources", path), sources, path, line)
    try:
        iri = entity_iri(kind, name)
    except ValueError as err:
        raise CuratedDataError(path, str(err), line) from None
    aliases = {lang: [str(a) for a in (entry.get("aliases") or {}).get(lang) or []] for lang in LANGS}
    descriptions = {lang: [str(a) for a in (entry.get("descriptions") or {}).get(lang) or []] for lang in LANGS}
    ent = CuratedEntity(
        iri=iri, kind=kind, types=_closure(_need(entry, "types", path), path, line),
        labels={lang: str(labels[lang]) for lang in LANGS}, aliases=aliases,
        wikidata=entry.get("wikidata"), descriptions=descriptions,
        sources=tuple(sources[s]["url"] or str(sources[s]["iri"]) for s in src_ids),
        date=_date(entry.get("date"), path, line),
    )
    extra = {k: entry.get(k) for k in ("case_number", "court_listener", "case", "docket_entry", "about")}
    extra["source_ids"], extra["line"], extra["path"] = src_ids, line, path
    return ent, extra


def _check_sources(ids, sources: dict, path: Path, line, subject: str | None = None) -> list[str]:
    out = []
    for sid in _as_list(ids):
        if sid == "self" and subject and subject.startswith("doc:"):
            sid = subject[4:]
        if sid not in sources:
            raise CuratedDataError(path, f"unknown source id {sid!r} (not in {SOURCES_JSON.name})", line)
        out.append(sid)
    return out


@lru_cache(maxsize=1)
def load() -> _Data:
    """Read and check every curated file once per process."""
    sources = _load_sources()
    entities, extra = [], {}
    raw_entities = _read_yaml(ENTITIES_YAML) or []
    for entry in raw_entities:
        ent, ex = _entity(entry, _need(entry, "kind", ENTITIES_YAML), ENTITIES_YAML, sources)
        entities.append(ent); extra[ent.iri] = ex
    for entry in _read_yaml(EVENTS_YAML) or []:
        _need(entry, "date", EVENTS_YAML)
        ent, ex = _entity(entry, "event", EVENTS_YAML, sources)
        entities.append(ent); extra[ent.iri] = ex
    seen: dict[URIRef, int] = {}
    for ent in entities:
        if ent.iri in seen:
            raise CuratedDataError(extra[ent.iri]["path"], f"two entries make the same IRI {ent.iri}", extra[ent.iri]["line"])
        seen[ent.iri] = 1
    relations = []
    for entry in _read_yaml(RELATIONS_YAML) or []:
        line = entry.get("__line__")
        p = _need(entry, "p", RELATIONS_YAML)
        if p not in _vocabulary()[1]:
            raise CuratedDataError(RELATIONS_YAML, f"{p!r} is not a kkg object property", line)
        for s in _as_list(_need(entry, "s", RELATIONS_YAML)):
            for o in _as_list(_need(entry, "o", RELATIONS_YAML)):
                src = _check_sources(_need(entry, "sources", RELATIONS_YAML), sources, RELATIONS_YAML, line, s)
                relations.append((s, p, o, src, RELATIONS_YAML, line))
    st = _read_yaml(STATEMENTS_YAML) or {}
    data = _Data(sources, entities, extra, relations, st.get("statements") or [], st.get("allegations") or [],
                 st.get("contradictions") or [])
    _resolve_all(data)
    return data


# ---- references ----------------------------------------------------------------------------------
def _ref(data: _Data, ref: str, path: Path, line) -> URIRef:
    """'kind/slug' -> entity IRI (must be curated); 'doc:<id>' -> document IRI."""
    ref = str(ref)
    if ref.startswith("doc:"):
        if ref[4:] not in data.sources:
            raise CuratedDataError(path, f"unknown document {ref!r} (not in {SOURCES_JSON.name})", line)
        return data.sources[ref[4:]]["iri"]
    iri = URIRef(f"{PREFIXES['kkgid']}{ref}")
    if iri not in data.extra:
        raise CuratedDataError(path, f"unknown entity {ref!r}; define it in {ENTITIES_YAML.name} or {EVENTS_YAML.name}", line)
    return iri


def _statement_iri(kind: str, ident: str) -> URIRef:
    return sub_iri(CURATED_GRAPH, kind, ident)


def _resolve_all(data: _Data) -> None:
    """Fail early on any dangling reference, so curated_graph() never builds a half graph."""
    for iri, ex in data.extra.items():
        for ref in _as_list(ex.get("about")) + _as_list(ex.get("case")):
            _ref(data, ref, ex["path"], ex["line"])
    for s, p, o, *_rest, path, line in data.relations:
        _ref(data, s, path, line); _ref(data, o, path, line)
    ids = set()
    for st in data.statements:
        line = st.get("__line__")
        for key in ("id", "speaker", "text", "sources"):
            _need(st, key, STATEMENTS_YAML)
        ids.add(st["id"])
        _ref(data, st["speaker"], STATEMENTS_YAML, line)
        if st.get("medium"):
            _ref(data, st["medium"], STATEMENTS_YAML, line)
        for ref in _as_list(st.get("about")):
            _ref(data, ref, STATEMENTS_YAML, line)
        _check_sources(st["sources"], data.sources, STATEMENTS_YAML, line)
        _date(st.get("date"), STATEMENTS_YAML, line)
    for al in data.allegations:
        line = al.get("__line__")
        for key in ("id", "against", "text", "standing", "sources"):
            _need(al, key, STATEMENTS_YAML)
        if al["standing"] not in STANDINGS:
            raise CuratedDataError(STATEMENTS_YAML, f"unknown standing {al['standing']!r}; known: {', '.join(STANDINGS)}", line)
        if not al.get("by") and al["standing"] != "ReportedByPress":
            raise CuratedDataError(STATEMENTS_YAML, "an allegation without 'by' must have standing ReportedByPress", line)
        for ref in _as_list(al.get("by")) + [al["against"]] + _as_list(al.get("claim")):
            _ref(data, ref, STATEMENTS_YAML, line)
        _check_sources(al["sources"], data.sources, STATEMENTS_YAML, line)
    for c in data.contradictions:
        line = c.get("__line__")
        _ref(data, _need(c, "s", STATEMENTS_YAML), STATEMENTS_YAML, line)
        if _need(c, "o", STATEMENTS_YAML) not in ids:
            raise CuratedDataError(STATEMENTS_YAML, f"unknown statement id {c['o']!r}", line)
        _check_sources(_need(c, "sources", STATEMENTS_YAML), data.sources, STATEMENTS_YAML, line)


# ---- public API ----------------------------------------------------------------------------------
def entities() -> list[CuratedEntity]:
    """Every curated entity (people, organizations, case, court, models, datasets, claims, events)."""
    return list(load().entities)


def manifest() -> list[dict]:
    """Third-party source documents: id, file, url (None when unknown), title, kind, lang, date, iri."""
    return [{k: v for k, v in src.items()} for src in load().sources.values()]


def _text(value: dict) -> list[Literal]:
    return [Literal(str(t), lang=lang) for lang, t in sorted(value.items()) if t and lang != "__line__"]


def _doc_triples(g: Graph, src: dict) -> None:
    d = src["iri"]
    g.add((d, RDF.type, KKG[KIND_CLASS[src["kind"]]]))
    g.add((d, RDF.type, KKG.Document))
    g.add((d, SCHEMA.name, Literal(src["title"], lang=src["lang"])))
    g.add((d, SCHEMA.inLanguage, Literal(src["lang"])))
    g.add((d, KKG.kind, Literal(src["kind"])))
    g.add((d, KKG.fileName, Literal(src["file"])))
    if src.get("url"):
        g.add((d, SCHEMA.url, Literal(src["url"], datatype=XSD.anyURI)))
    if src.get("date"):
        g.add((d, SCHEMA.datePublished, Literal(src["date"], datatype=XSD.date)))
    if src.get("publisher"):
        g.add((d, KKG.publisherName, Literal(src["publisher"])))
    if src.get("docket_entry"):
        g.add((d, KKG.docketEntry, Literal(str(src["docket_entry"]))))
    for other in src.get("described_by") or []:  # a document we only know through others
        g.add((d, KKG.sourceDocument, document_iri(other)))


def _evidence(g: Graph, s: URIRef, p: URIRef, o: URIRef, doc: URIRef) -> None:
    ev = sub_iri(CURATED_GRAPH, "evidence", s, p, o, doc)
    g.add((ev, RDF.type, KKG.RelationEvidence))
    g.add((ev, RDF.subject, s)); g.add((ev, RDF.predicate, p)); g.add((ev, RDF.object, o))
    g.add((ev, KKG.sourceDocument, doc))


@lru_cache(maxsize=1)
def _build_graph() -> Graph:
    data = load()
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for src in data.sources.values():
        _doc_triples(g, src)
    for ent in data.entities:
        ex = data.extra[ent.iri]
        for t in ent.types:
            g.add((ent.iri, RDF.type, KKG[t]))
        for lang, label in ent.labels.items():
            g.add((ent.iri, RDFS.label, Literal(label, lang=lang)))
        for lang, names in ent.aliases.items():
            for name in names:
                if name != ent.labels.get(lang):
                    g.add((ent.iri, SKOS.altLabel, Literal(name, lang=lang)))
        if ent.wikidata:
            g.add((ent.iri, KKG.wikidata, WD[ent.wikidata]))
        if ent.date:
            g.add((ent.iri, KKG.date, Literal(ent.date, datatype=XSD.date)))
        if ex.get("case_number"):
            g.add((ent.iri, KKG.caseNumber, Literal(str(ex["case_number"]))))
        if ex.get("docket_entry"):
            g.add((ent.iri, KKG.docketEntry, Literal(str(ex["docket_entry"]))))
        if ex.get("court_listener"):
            g.add((ent.iri, KKG.courtListener, URIRef(ex["court_listener"])))
        for sid in ex["source_ids"]:
            g.add((ent.iri, KKG.sourceDocument, data.sources[sid]["iri"]))
        for ref in _as_list(ex.get("case")):
            _fact(g, data, ent.iri, KKG.caseOf, _ref(data, ref, ex["path"], ex["line"]), ex["source_ids"])
        for ref in _as_list(ex.get("about")):
            _fact(g, data, ent.iri, KKG.about, _ref(data, ref, ex["path"], ex["line"]), ex["source_ids"])
    for s, p, o, src_ids, path, line in data.relations:
        _fact(g, data, _ref(data, s, path, line), KKG[p], _ref(data, o, path, line), src_ids)
    _statements(g, data)
    return g


def _fact(g: Graph, data: _Data, s: URIRef, p: URIRef, o: URIRef, src_ids) -> None:
    g.add((s, p, o))
    for sid in src_ids:
        _evidence(g, s, p, o, data.sources[sid]["iri"])


def _statements(g: Graph, data: _Data) -> None:
    for st in data.statements:
        node = _statement_iri("statement", st["id"])
        speaker = _ref(data, st["speaker"], STATEMENTS_YAML, None)
        g.add((node, RDF.type, KKG.Statement))
        g.add((node, KKG.speaker, speaker)); g.add((speaker, KKG.madeStatement, node))
        for lit in _text(st["text"]):
            g.add((node, KKG.text, lit))
        g.add((node, KKG.isQuote, Literal(bool(st.get("is_quote", False)))))
        if st.get("date"):
            g.add((node, KKG.statedOn, Literal(_date(st["date"], STATEMENTS_YAML, None), datatype=XSD.date)))
        if st.get("medium"):
            g.add((node, KKG.medium, _ref(data, st["medium"], STATEMENTS_YAML, None)))
        for ref in _as_list(st.get("about")):
            g.add((node, KKG.about, _ref(data, ref, STATEMENTS_YAML, None)))
        for sid in st["sources"]:
            g.add((node, KKG.sourceDocument, data.sources[sid]["iri"]))
    for al in data.allegations:
        node = _statement_iri("allegation", al["id"])
        g.add((node, RDF.type, KKG.Allegation))
        if al.get("by"):
            by = _ref(data, al["by"], STATEMENTS_YAML, None)
            g.add((node, KKG.allegedBy, by)); g.add((by, KKG.alleges, node))
        g.add((node, KKG.allegedAgainst, _ref(data, al["against"], STATEMENTS_YAML, None)))
        g.add((node, KKG.standing, KKG[al["standing"]]))
        if al.get("claim"):
            g.add((node, KKG.legalClaim, _ref(data, al["claim"], STATEMENTS_YAML, None)))
        for lit in _text(al["text"]):
            g.add((node, KKG.text, lit))
        for sid in al["sources"]:
            g.add((node, KKG.sourceDocument, data.sources[sid]["iri"]))
    for c in data.contradictions:
        s = _ref(data, c["s"], STATEMENTS_YAML, None)
        _fact(g, data, s, KKG.contradicts, _statement_iri("statement", c["o"]), c["sources"])


def curated_graph() -> Graph:
    """All curated triples: entities, events, relations with evidence, statements, source documents."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for triple in _build_graph():
        g.add(triple)
    return g


graph = curated_graph  # the name the loaders' gazetteer looks for


def reload() -> None:
    """Forget cached data (tests and long-running processes after editing the files)."""
    load.cache_clear(); _build_graph.cache_clear(); _vocabulary.cache_clear()
