"""The query interface of graph/base.py in SPARQL, for the embedded (Oxigraph) store.

User input never enters query text: single values go through Oxigraph's `substitutions`, and IRI
lists (VALUES blocks) are built only from IRIs that passed `_check_iri`. Shaping rules shared with
Neo4j live in graph/vocab.py and graph/shaping.py.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

import pyoxigraph as ox
from rdflib import RDF
from rdflib.namespace import SKOS

from kadrey_kg.ontology import CURATED_GRAPH, KKG, ONTOLOGY_GRAPH, SCHEMA, SYSTEM_GRAPHS, normalize_name

from .cache import NODE_CACHE_ITEMS, CachedCards, CachedSources, store_cache
from .model import (
    AllegationRow, DocumentSummary, DocumentView, Edge, EntityCard, EntityHit, Fact, MentionRow, Node,
    SourceRef, StatementRow, TimelineItem,
)
from .shaping import check_iri as _ok, evidence_graphs, first_sources, match_score, source_refs
from .shaping import shape_labels as _shape_labels
from .walks import GraphWalks
from .vocab import (
    CARD_SKIP_IN, CARD_SKIP_OUT, LABEL_PREDICATES,
    DATE_PREDICATES, DOCUMENT_TYPES, ENTITY_TYPES, NAME_PREDICATES, NON_RELATIONS, PLUMBING_TYPES,
    kkg_types, local_name, pick_labels,
)

_SYSTEM = {str(g) for g in SYSTEM_GRAPHS}
_PLUMBING_STR = {str(t) for t in PLUMBING_TYPES}
_NON_REL_SPARQL = ", ".join(f"<{p}>" for p in sorted(NON_RELATIONS))
_ENTITY_VALUES = " ".join(f"<{t}>" for t in sorted(ENTITY_TYPES))
_DOC_VALUES = " ".join(f"<{t}>" for t in sorted(DOCUMENT_TYPES))
_CARD_SKIP_IN_SPARQL = ", ".join(f"<{p}>" for p in sorted(CARD_SKIP_IN))
_CARD_MAX_FACTS = 2000


_LABEL_PREDS = [ox.NamedNode(str(p)) for p in LABEL_PREDICATES]
_NAME_PREDS = [ox.NamedNode(str(p)) for p in NAME_PREDICATES]
_TYPE_PRED = [ox.NamedNode(str(RDF.type))]
_DOC_META_PREDS = [ox.NamedNode(str(p)) for p in (SCHEMA.name, SCHEMA.url, SCHEMA.inLanguage)]
_DOC_META_KEYS = {str(SCHEMA.name): "title", str(SCHEMA.url): "url", str(SCHEMA.inLanguage): "lang"}
_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = (ox.NamedNode(str(t)) for t in (RDF.subject, RDF.predicate, RDF.object))


def _hidden(iri: str, types) -> bool:
    """Not drawn as a graph node: untyped, plumbing (mentions, evidence) or a vocabulary term."""
    return not types or any(t in _PLUMBING_STR for t in types) or iri.startswith(str(KKG))


def _values(iris: Iterable[str]) -> str:
    return " ".join(f"<{_ok(i)}>" for i in iris)


def _v(term):
    return None if term is None else term.value


def _lang(term):
    return term.language if isinstance(term, ox.Literal) and term.language else None


def _int(term):
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


def _date(term):
    if term is None:
        return None
    value = term.value
    return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else value


# predicate IRIs as plain strings, compared once per row of a card (a hub's card has thousands)
_RDF_TYPE, _ALT_LABEL, _WIKIDATA = str(RDF.type), str(SKOS.altLabel), str(KKG.wikidata)
_CARD_LABELS = frozenset(map(str, LABEL_PREDICATES))
_SOURCE_DOC, _START, _END, _SPAN_TEXT = (str(p) for p in (KKG.sourceDocument, KKG.startOffset, KKG.endOffset, KKG.spanText))
_CARD_LINKS = frozenset(map(str, (KKG.courtListener, SCHEMA.url, SCHEMA.sameAs)))


class SparqlQueries(GraphWalks, CachedSources, CachedCards):
    """Mixin: needs `_ox` (pyoxigraph.Store), `_select_terms`, `generation`."""

    _name_index = None

    # ---- labels and node info -------------------------------------------------------------------
    def labels(self, iris: Iterable[str]) -> dict[str, dict]:
        iris = sorted({_ok(i) for i in iris if i})
        got = store_cache(self, "labels", NODE_CACHE_ITEMS).get_many(self, iris, self._fetch_labels)
        return {i: dict(got[i]) for i in iris}

    def _fetch_labels(self, iris: list[str]) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for iri in iris:
            preds = self._literals_of(iri, _LABEL_PREDS)
            out[iri] = _shape_labels({p: [(lit.value, _lang(lit) or "") for lit in lits] for p, lits in preds.items()})
        return out

    # Oxigraph plans `VALUES ?s {...} ?s ?p ?o` as a scan of the whole store joined with the values;
    # per-resource index lookups (all graphs) stay as cheap at 10k documents as at 10.
    def _objects_of(self, iri: str, predicates) -> dict[str, set]:
        node, out = ox.NamedNode(iri), {}
        for p in predicates:
            found = {q.object for q in self._ox.quads_for_pattern(node, p, None, None)}
            if found:
                out[p.value] = found
        return out

    def _literals_of(self, iri: str, predicates) -> dict[str, set]:
        return {p: {o for o in objs if isinstance(o, ox.Literal)} for p, objs in self._objects_of(iri, predicates).items()}

    def _types(self, iris: Iterable[str]) -> dict[str, tuple[str, ...]]:
        iris = sorted({_ok(i) for i in iris})
        return store_cache(self, "types", NODE_CACHE_ITEMS).get_many(self, iris, self._fetch_types)

    def _fetch_types(self, iris: list[str]) -> dict[str, tuple[str, ...]]:
        return {i: tuple(sorted(t.value for t in self._objects_of(i, _TYPE_PRED).get(_RDF_TYPE, ()))) for i in iris}

    def _nodes(self, iris: Iterable[str]) -> dict[str, Node]:
        iris = sorted(set(iris))
        types = self._types(iris)
        labels = self.labels(iris)
        return {i: Node(i, kkg_types(types[i]), labels.get(i, {})) for i in iris}

    # ---- search ---------------------------------------------------------------------------------
    def _names(self):
        if self._name_index is None:
            entities = sorted({q.subject for t in ENTITY_TYPES for q in self._ox.quads_for_pattern(None, _TYPE_PRED[0], ox.NamedNode(str(t)), None)
                               if isinstance(q.subject, ox.NamedNode)}, key=lambda n: n.value)
            rows = [(s, lit) for s in entities for lits in self._literals_of(s.value, _NAME_PREDS).values() for lit in lits]
            index = defaultdict(set)
            for s, lit in rows:
                key = normalize_name(lit.value)
                if key:
                    index[key].add((s.value, lit.value))
            self._name_index = [(k, sorted(v)) for k, v in sorted(index.items())]
        return self._name_index

    def search(self, text: str, limit: int = 20) -> list[EntityHit]:
        query = normalize_name(text or "")
        if not query:
            return []
        best: dict[str, tuple[float, str, str]] = {}
        for key, entries in self._names():
            score = match_score(query, key)
            if not score:
                continue
            for iri, name in entries:
                cand = (score, key, name)
                old = best.get(iri)
                if old is None or (-cand[0], cand[1], cand[2]) < (-old[0], old[1], old[2]):
                    best[iri] = cand
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[0]))[: max(0, limit)]
        nodes = self._nodes([iri for iri, _ in ranked])
        return [EntityHit(iri, nodes[iri].types, nodes[iri].labels, name, score) for iri, (score, _, name) in ranked]

    # ---- entity card --------------------------------------------------------------------------------
    def _entity_card(self, iri: str) -> EntityCard | None:
        iri = _ok(iri)
        node = ox.NamedNode(iri)
        out_rows = self._select_terms("SELECT ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", s=node)
        # incoming plumbing (mentions, evidence, statements about it) can be thousands of rows on a
        # hub entity: filter it in the store, not in Python
        in_rows = self._select_terms(
            f"SELECT ?x ?p ?g WHERE {{ GRAPH ?g {{ ?x ?p ?s }} FILTER(isIRI(?x) && ?p NOT IN ({_CARD_SKIP_IN_SPARQL})) }}", s=node)
        if not out_rows and not in_rows and not self._ask_subject_or_object(node):
            return None
        types = [o.value for p, o, g in out_rows if p.value == _RDF_TYPE]
        label_rows: dict[str, list] = defaultdict(list)
        aliases: dict[str, set] = defaultdict(set)
        wikidata, links = None, set()
        for p, o, g in out_rows:
            if p.value in _CARD_LABELS and isinstance(o, ox.Literal):
                label_rows[p.value].append((o.value, _lang(o) or ""))
            elif p.value == _ALT_LABEL and isinstance(o, ox.Literal):
                aliases[(_lang(o) or "")].add(o.value)
            elif p.value == _WIKIDATA:
                wikidata = min(wikidata or o.value, o.value)
            elif p.value in _CARD_LINKS:
                links.add(o.value)
        labels = _shape_labels(label_rows)
        mt = pick_labels(label_rows.get(str(KKG.machineTranslatedLabel), []))

        triples: dict[tuple, set] = defaultdict(set)  # (s, p, o-term) -> graphs
        for p, o, g in out_rows:
            if p.value not in CARD_SKIP_OUT and not isinstance(o, ox.BlankNode):
                triples[(iri, p.value, o)].add(g.value)
        for x, p, g in in_rows:
            # blank nodes (OWL lists in the ontology) are structure, not facts about the entity
            if p.value not in CARD_SKIP_IN and isinstance(x, ox.NamedNode):
                triples[(x.value, p.value, node)].add(g.value)
        keys = sorted(triples, key=lambda t: (t[1], t[0] != iri, t[2].value if t[0] == iri else t[0]))[:_CARD_MAX_FACTS]
        sources = self._sources_for(keys, lambda missing: {k: triples[k] for k in missing})
        others = {o.value for s, p, o in keys if s == iri and isinstance(o, ox.NamedNode)} | {s for s, p, o in keys if s != iri}
        other_labels = self.labels(others | {p for _, p, _ in keys})
        facts = []
        for s, p, o in keys:
            outgoing = s == iri
            other_term = o if outgoing else ox.NamedNode(s)
            is_iri = isinstance(other_term, ox.NamedNode)
            facts.append(Fact(
                predicate=p,
                predicate_labels=other_labels.get(p, {}),
                direction="out" if outgoing else "in",
                other=other_term.value,
                other_is_iri=is_iri,
                other_labels=other_labels.get(other_term.value, {}) if is_iri else {(_lang(other_term) or ""): other_term.value},
                datatype=other_term.datatype.value if isinstance(other_term, ox.Literal) and not other_term.language else None,
                lang=_lang(other_term),
                sources=sources.get((s, p, o), ()),
            ))
        facts.sort(key=lambda f: (f.predicate, f.direction, f.other, f.other_is_iri, f.datatype or "", f.lang or ""))  # total order: parity
        return EntityCard(
            iri=iri,
            types=kkg_types(types),
            labels=labels,
            mt_labels=mt,
            aliases={k: sorted(v) for k, v in sorted(aliases.items())},
            wikidata=wikidata,
            links=tuple(sorted(links)),
            facts=facts,
        )

    def _ask_subject_or_object(self, node) -> bool:
        return bool(self._ox.query("ASK { ?x ?p ?s }", use_default_graph_as_union=True, substitutions={ox.Variable("s"): node}))

    def _fetch_sources(self, triples: dict[tuple, set]) -> dict[tuple, tuple[SourceRef, ...]]:
        """Sources of each (s, p, o-term) triple: its evidence spans, else the document graphs holding it."""
        if not triples:
            return {}
        evidence: dict[tuple, list] = defaultdict(list)
        for (s, p, o), graphs in triples.items():
            if isinstance(o, ox.NamedNode):
                for g in evidence_graphs(graphs, str(CURATED_GRAPH), str(ONTOLOGY_GRAPH)):
                    evidence[(s, p, o.value)].extend(self._evidence_in(s, p, o, g))
        chosen = {(s, p, o): first_sources(evidence.get((s, p, o.value), []), graphs, str(CURATED_GRAPH), str(ONTOLOGY_GRAPH))
                  for (s, p, o), graphs in triples.items()}
        meta = self._doc_meta({d for refs in chosen.values() for d, *_ in refs})
        out = {key: source_refs(refs, meta) for key, refs in chosen.items()}
        return out

    def _evidence_in(self, s: str, p: str, o, graph: str) -> set[tuple]:
        """(document, start, end, span text) of each evidence node for (s, p, o) in one graph.
        Index lookups, not SPARQL: Oxigraph's planner does not start from a bound GRAPH, and a hub
        fact is looked up in many graphs."""
        g, subj, pred = ox.NamedNode(graph), ox.NamedNode(s), ox.NamedNode(p)
        rows = set()
        for q in self._ox.quads_for_pattern(None, _RDF_SUBJECT, subj, g):
            e = q.subject
            if not (self._has(e, _RDF_PREDICATE, pred, g) and self._has(e, _RDF_OBJECT, o, g)):
                continue
            vals: dict[str, list] = defaultdict(list)
            for q2 in self._ox.quads_for_pattern(e, None, None, g):
                vals[q2.predicate.value].append(q2.object)
            for doc in vals[_SOURCE_DOC]:
                for start in vals[_START] or [None]:
                    for end in vals[_END] or [None]:
                        for text in vals[_SPAN_TEXT] or [None]:
                            rows.add((doc.value, _int(start), _int(end), _v(text)))
        return rows

    def _has(self, s, p, o, g) -> bool:
        return next(iter(self._ox.quads_for_pattern(s, p, o, g)), None) is not None

    def _doc_meta(self, docs: Iterable[str]) -> dict[str, dict]:
        docs = sorted(d for d in set(docs) if d)
        out: dict[str, dict] = {d: {} for d in docs}
        for d in docs:
            for p, values in self._objects_of(d, _DOC_META_PREDS).items():
                out[d][_DOC_META_KEYS[p]] = min(v.value for v in values)
        if str(CURATED_GRAPH) in out:
            out[str(CURATED_GRAPH)].setdefault("title", "kadrey-kg curated facts")
        return out

    # ---- graph walking ---------------------------------------------------------------------------------
    def _edges_of(self, nodes: Iterable[str], relations: set[str] | None = None) -> set[tuple[str, str, str]]:
        nodes = sorted(set(nodes))
        edges = set()
        rel_filter = f"VALUES ?p {{ {_values(sorted(relations))} }}" if relations else ""
        for chunk in _chunks(nodes, 300):
            vals = _values(chunk)
            for s, p, o in self._select_terms(
                f"""SELECT DISTINCT ?s ?p ?o WHERE {{ {rel_filter}
                    {{ VALUES ?s {{ {vals} }} ?s ?p ?o }} UNION {{ VALUES ?o {{ {vals} }} ?s ?p ?o }}
                    FILTER(isIRI(?o) && isIRI(?s) && ?p NOT IN ({_NON_REL_SPARQL})) }}"""
            ):
                edges.add((s.value, p.value, o.value))
        if not edges:
            return edges
        ends = {s for s, _, _ in edges} | {o for _, _, o in edges}
        types = self._types(ends)
        hidden = {n for n, ts in types.items() if _hidden(n, ts)}
        return {e for e in edges if e[0] not in hidden and e[2] not in hidden}

    def _edge_objects(self, edges: Iterable[tuple[str, str, str]]) -> list[Edge]:
        edges = sorted(set(edges))
        sources = self._sources_for([(s, p, ox.NamedNode(o)) for s, p, o in edges], self._edge_graphs)
        plabels = self.labels({p for _, p, _ in edges})
        return [Edge(s, p, o, plabels.get(p, {}), sources.get((s, p, ox.NamedNode(o)), ())) for s, p, o in edges]

    def _edge_graphs(self, keys: list[tuple]) -> dict[tuple, set]:
        graphs: dict[tuple, set] = defaultdict(set)
        for chunk in _chunks(keys, 300):
            values = " ".join(f"(<{s}> <{p}> <{o.value}>)" for s, p, o in chunk)
            for s, p, o, g in self._select_terms(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES (?s ?p ?o) {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"):
                graphs[(s.value, p.value, ox.NamedNode(o.value))].add(g.value)
        return graphs

    # ---- statements, allegations, mentions -----------------------------------------------------------
    def _statement_rows(self, pattern: str, **subs) -> list[StatementRow]:
        rows = self._select_terms(
            f"""SELECT ?st ?speaker ?text ?mt ?date ?medium ?mlabel ?quote ?doc ?start ?end ?span WHERE {{
                ?st a <{KKG.Statement}> . {pattern}
                ?st <{KKG.speaker}> ?speaker ; <{KKG.text}> ?text ; <{KKG.sourceDocument}> ?doc .
                OPTIONAL {{ ?st <{KKG.machineTranslation}> ?mt }} OPTIONAL {{ ?st <{KKG.statedOn}> ?date }}
                OPTIONAL {{ ?st <{KKG.medium}> ?medium }} OPTIONAL {{ ?st <{KKG.mediumLabel}> ?mlabel }}
                OPTIONAL {{ ?st <{KKG.isQuote}> ?quote }} OPTIONAL {{ ?st <{KKG.startOffset}> ?start }}
                OPTIONAL {{ ?st <{KKG.endOffset}> ?end }} OPTIONAL {{ ?st <{KKG.spanText}> ?span }} }}""",
            **subs,
        )
        first = _first_per_subject(rows)
        people = self.labels({r[1].value for r in first.values()})
        meta = self._doc_meta({r[8].value for r in first.values()})
        out = []
        for st, (_, speaker, text, mt, date, medium, mlabel, quote, doc, start, end, span) in first.items():
            d = meta.get(doc.value, {})
            out.append(StatementRow(
                iri=st, speaker=speaker.value, speaker_labels=people.get(speaker.value, {}), text=text.value,
                lang=_lang(text), translation=_v(mt), translation_lang=_lang(mt), date=_date(date),
                medium=_v(mlabel) or _v(medium), is_quote=(_v(quote) in ("true", "1")),
                source=SourceRef(doc.value, d.get("title"), _int(start), _int(end), _v(span), d.get("url")),
            ))
        out.sort(key=lambda r: (r.date is None, r.date or "", r.iri))
        return out

    def statements_by(self, iri):
        return self._statement_rows(f"?st <{KKG.speaker}> ?who .", who=_ok(iri))

    def statements_about(self, iri):
        return self._statement_rows(f"?st <{KKG.about}> ?who .", who=_ok(iri))

    def _allegation_rows(self, pattern: str, **subs) -> list[AllegationRow]:
        rows = self._select_terms(
            f"""SELECT ?a ?by ?against ?text ?mt ?standing ?doc ?start ?end ?span WHERE {{
                ?a a <{KKG.Allegation}> . {pattern}
                ?a <{KKG.allegedAgainst}> ?against ; <{KKG.text}> ?text ; <{KKG.sourceDocument}> ?doc .
                OPTIONAL {{ ?a <{KKG.allegedBy}> ?by }} OPTIONAL {{ ?a <{KKG.machineTranslation}> ?mt }}
                OPTIONAL {{ ?a <{KKG.standing}> ?standing }} OPTIONAL {{ ?a <{KKG.startOffset}> ?start }}
                OPTIONAL {{ ?a <{KKG.endOffset}> ?end }} OPTIONAL {{ ?a <{KKG.spanText}> ?span }} }}""",
            **subs,
        )
        first = _first_per_subject(rows)
        who = self.labels({r[1].value for r in first.values() if r[1] is not None} | {r[2].value for r in first.values()})
        meta = self._doc_meta({r[6].value for r in first.values()})
        out = []
        for a, (_, by, against, text, mt, standing, doc, start, end, span) in first.items():
            d = meta.get(doc.value, {})
            out.append(AllegationRow(
                iri=a, by=_v(by), by_labels=who.get(_v(by), {}) if by is not None else {}, against=against.value,
                against_labels=who.get(against.value, {}), text=text.value, lang=_lang(text), translation=_v(mt),
                translation_lang=_lang(mt), standing=local_name(standing.value) if standing is not None else "",
                source=SourceRef(doc.value, d.get("title"), _int(start), _int(end), _v(span), d.get("url")),
            ))
        out.sort(key=lambda r: r.iri)
        return out

    def allegations_against(self, iri):
        return self._allegation_rows(f"?a <{KKG.allegedAgainst}> ?who .", who=_ok(iri))

    def allegations_by(self, iri):
        return self._allegation_rows(f"?a <{KKG.allegedBy}> ?who .", who=_ok(iri))

    def _mention_rows(self, pattern: str, **subs) -> list[tuple[MentionRow, str]]:
        rows = self._select_terms(
            f"""SELECT ?m ?entity ?doc ?start ?end ?text WHERE {{ ?m a <{KKG.Mention}> . {pattern}
                ?m <{KKG.refersTo}> ?entity ; <{KKG.sourceDocument}> ?doc ; <{KKG.startOffset}> ?start ; <{KKG.endOffset}> ?end .
                OPTIONAL {{ ?m <{KKG.spanText}> ?text }} }}""",
            **subs,
        )
        first = _first_per_subject(rows)
        meta = self._doc_meta({r[2].value for r in first.values()})
        out = []
        for _, (m, entity, doc, start, end, text) in first.items():
            d = meta.get(doc.value, {})
            out.append((MentionRow(doc.value, d.get("title"), _int(start), _int(end), _v(text) or "", d.get("lang")), entity.value))
        out.sort(key=lambda me: (me[0].document, me[0].start, me[0].end, me[1]))
        return out

    def documents_mentioning(self, iri):
        return [m for m, _ in self._mention_rows(f"?m <{KKG.refersTo}> ?who .", who=_ok(iri))]

    # ---- documents and timeline -------------------------------------------------------------------------
    def documents(self) -> list[DocumentSummary]:
        counts = {g.value: int(n.value) for g, n in self._select_terms(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
        docs = sorted(g for g in counts if g not in _SYSTEM)
        meta = self._doc_props(docs)
        return [DocumentSummary(d, meta[d].get("title"), meta[d].get("kind"), meta[d].get("lang"), meta[d].get("date"), counts[d]) for d in docs]

    def _doc_props(self, docs: list[str]) -> dict[str, dict]:
        keys = {
            str(SCHEMA.name): "title", str(KKG.kind): "kind", str(SCHEMA.inLanguage): "lang", str(SCHEMA.datePublished): "date",
            str(SCHEMA.url): "url", str(KKG.caseNumber): "case_number", str(KKG.docketEntry): "docket_entry",
            str(KKG.filedDate): "filed_date", str(KKG.publisherName): "publisher", str(KKG.pageCount): "page_count",
            str(KKG.fileName): "file_name", str(KKG.contentHash): "content_hash", str(KKG.body): "body",
        }
        out: dict[str, dict] = {d: {} for d in docs}
        for chunk in _chunks(docs, 300):
            for d, p, v in self._select_terms(
                f"SELECT ?d ?p ?v WHERE {{ VALUES ?d {{ {_values(chunk)} }} VALUES ?p {{ {' '.join(f'<{k}>' for k in keys)} }} ?d ?p ?v }}"
            ):
                key = keys[p.value]
                value = _date(v) if key in ("date", "filed_date") else v.value
                cur = out[d.value].get(key)
                out[d.value][key] = value if cur is None else min(cur, value)
        for d in out:
            if out[d].get("date") is None and out[d].get("filed_date"):
                out[d]["date"] = out[d]["filed_date"]
        return out

    def document(self, iri: str) -> DocumentView | None:
        iri = _ok(iri)
        props = self._doc_props([iri])[iri]
        if not props:
            return None
        mentions = self._mention_rows(f"?m <{KKG.sourceDocument}> ?d .", d=iri)
        meta = {k: v for k, v in props.items() if k not in ("title", "kind", "lang", "date", "url", "body")}
        return DocumentView(
            iri=iri, title=props.get("title"), kind=props.get("kind"), lang=props.get("lang"), date=props.get("date"),
            url=props.get("url"), metadata=meta, body=props.get("body"),
            mentions=[m for m, _ in mentions], mention_entities=[e for _, e in mentions],
            statements=self._statement_rows(f"?st <{KKG.sourceDocument}> ?d .", d=iri),
            allegations=self._allegation_rows(f"?a <{KKG.sourceDocument}> ?d .", d=iri),
        )

    def timeline(self, entity: str | None = None) -> list[TimelineItem]:
        dates = " ".join(f"<{p}>" for p in DATE_PREDICATES)
        touch = ""
        subs = {}
        if entity:
            subs["who"] = _ok(entity)
            touch = f"""{{ ?x ?rel ?who }} UNION {{ ?who ?rel ?x }} UNION {{ ?x <{KKG.sourceDocument}> ?d . ?d <{KKG.mentions}> ?who }}"""
        rows = self._select_terms(
            f"""SELECT ?x ?t ?date WHERE {{ VALUES ?dp {{ {dates} }} ?x ?dp ?date . ?x a ?t .
                VALUES ?t {{ {_ENTITY_VALUES} {_DOC_VALUES} <{KKG.Statement}> }} {touch} }}""",
            **subs,
        )
        kinds: dict[str, tuple[str, str]] = {}
        events = {str(KKG[n]) for n in ("Event", "DocketEvent", "Ruling", "EarningsCall")}
        docs = {str(t) for t in DOCUMENT_TYPES}
        for x, t, date in rows:
            kind = "event" if t.value in events else "document" if t.value in docs else "statement" if t.value == str(KKG.Statement) else None
            if kind is None:
                continue
            d = _date(date)
            cur = kinds.get(x.value)
            if cur is None or (d, kind) < cur:
                kinds[x.value] = (d, kind)
        statements = {r.iri: r for r in self._statement_rows(
            f"VALUES ?st {{ {_values(x for x, (_, k) in kinds.items() if k == 'statement')} }}")} if any(k == "statement" for _, k in kinds.values()) else {}
        labels = self.labels(x for x, (_, k) in kinds.items() if k != "statement")
        meta = self._doc_meta(x for x, (_, k) in kinds.items() if k == "document")
        ev_sources = self._event_sources([x for x, (_, k) in kinds.items() if k == "event"])
        items = []
        for x, (d, kind) in kinds.items():
            if kind == "statement":
                st = statements.get(x)
                if st is None:
                    continue
                items.append(TimelineItem(d, kind, x, {st.lang or "": st.text}, st.source))
            elif kind == "document":
                m = meta.get(x, {})
                items.append(TimelineItem(d, kind, x, labels.get(x, {}), SourceRef(x, m.get("title"), url=m.get("url"))))
            else:
                items.append(TimelineItem(d, kind, x, labels.get(x, {}), ev_sources.get(x)))
        items.sort(key=lambda i: (i.date, i.kind, i.iri))
        return items

    def _event_sources(self, events: list[str]) -> dict[str, SourceRef]:
        out = {}
        if not events:
            return out
        found: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(sorted(events), 300):
            for e, doc in self._select_terms(
                f"""SELECT ?e ?doc WHERE {{ VALUES ?e {{ {_values(chunk)} }}
                    {{ ?e <{KKG.sourceDocument}> ?doc }} UNION {{ ?ev <{RDF.subject}> ?e ; <{KKG.sourceDocument}> ?doc }} }}"""
            ):
                found[e.value].append(doc.value)
        meta = self._doc_meta({d for ds in found.values() for d in ds})
        for e, ds in found.items():
            d = min(ds)
            out[e] = SourceRef(d, meta.get(d, {}).get("title"), url=meta.get(d, {}).get("url"))
        return out


def _first_per_subject(rows) -> dict[str, tuple]:
    """OPTIONALs multiply rows; keep, per subject, the smallest row by lexical values (deterministic)."""
    best: dict[str, tuple] = {}
    for row in rows:
        key = row[0].value
        sortable = tuple("" if t is None else f"{t.value}\x00{_lang(t) or ''}" for t in row)
        if key not in best or sortable < best[key][0]:
            best[key] = (sortable, tuple(row))
    return {k: v[1] for k, v in sorted(best.items())}


def _chunks(items, size):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]
