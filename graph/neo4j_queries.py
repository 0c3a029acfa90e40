"""The query interface of graph/base.py in Cypher, for the Neo4j store.

Every query is parameterized (user input is never spliced into Cypher text). The Cypher reads
return raw statements (value, datatype, language, graphs) and the shaping follows the same rules
as the embedded store (graph/vocab.py, graph/shaping.py), so the parity suite can compare the two
stores with ==. The Cypher primitives:

* `_props(uris, preds)`   — ?s ?p ?o for given subjects (literal lists + outgoing relationships)
* `_subjects(p, o, type)` — ?x with ?x p o and ?x a type
* `_edges_of(uris)`       — relation edges touching the nodes, either direction
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, NamedTuple

from rdflib import RDF, XSD
from rdflib.namespace import SKOS

from kadrey_kg.ontology import CURATED_GRAPH, KKG, ONTOLOGY_GRAPH, SCHEMA, SYSTEM_GRAPHS, normalize_name

from .cache import NODE_CACHE_ITEMS, CachedCards, CachedSources, store_cache
from .model import (
    AllegationRow, DocumentSummary, DocumentView, Edge, EntityCard, EntityHit, Fact, MentionRow, Node,
    SourceRef, StatementRow, TimelineItem,
)
from .shaping import evidence_graphs, first_sources, match_score, source_refs
from .shaping import check_iri as _ok, shape_labels as _shape_labels  # same IRI check → same InvalidIRI
from .walks import GraphWalks
from .vocab import (
    CARD_SKIP_IN, CARD_SKIP_OUT, LABEL_PREDICATES,
    DATE_PREDICATES, DOCUMENT_TYPES, ENTITY_TYPES, NAME_PREDICATES, NON_RELATIONS, PLUMBING_TYPES,
    kkg_types, local_name, pick_labels,
)

_SYSTEM = {str(g) for g in SYSTEM_GRAPHS}
_NON_REL = sorted(str(p) for p in NON_RELATIONS)
_ENTITY = sorted(str(t) for t in ENTITY_TYPES)
_ENTITY_LABELS = "|".join(f"`{local_name(t)}`" for t in _ENTITY)
_DOCS = {str(t) for t in DOCUMENT_TYPES}
_EVENTS = {str(KKG[n]) for n in ("Event", "DocketEvent", "Ruling", "EarningsCall")}
_PLUMBING = {str(t) for t in PLUMBING_TYPES}
_LABEL_PREDS = [str(p) for p in LABEL_PREDICATES]
_CARD_MAX_FACTS = 2000
_RDF_TYPE = str(RDF.type)
_LIT_ROWS = ("[i IN range(0, size(coalesce(n._p, [])) - 1) WHERE $preds IS NULL OR n._p[i] IN $preds "
             "| [n._g[i], n._p[i], n._v[i], n._dt[i], n._l[i]]]")


class T(NamedTuple):
    """An RDF object term as read from Neo4j: an IRI (datatype None) or a literal."""
    value: str
    is_iri: bool = True
    datatype: str | None = None
    lang: str | None = None

    def sortable(self) -> str:
        return f"{self.value}\x00{self.lang or ''}"


def lit(value: str, datatype: str, lang: str) -> T:
    return T(value, False, None if lang else (datatype or str(XSD.string)), lang or None)


def _int(t: T | None):
    try:
        return int(t.value) if t is not None else None
    except ValueError:
        return None


def _date(t: T | None):
    if t is None:
        return None
    return t.value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", t.value) else t.value


def _v(t: T | None):
    return None if t is None else t.value


def _lang(t: T | None):
    return None if t is None else t.lang


def _chunks(items, size=1000):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i:i + size]


class CypherQueries(GraphWalks, CachedSources, CachedCards):
    """Mixin: needs `_read(query, **params) -> list[dict]`."""

    # ---- primitives ----------------------------------------------------------------------------------
    def _props(self, uris: Iterable[str], preds: Iterable[str] | None = None, graphs: bool = False) -> dict:
        """{s: {p: [T, ...]}} (or {p: [(T, graph), ...]} with graphs=True) for literal, type and IRI objects."""
        uris = sorted({str(u) for u in uris if u})
        preds = sorted({str(p) for p in preds}) if preds is not None else None
        out: dict = defaultdict(lambda: defaultdict(list))
        want_types = preds is None or _RDF_TYPE in preds
        for chunk in _chunks(uris):
            for row in self._read(
                f"UNWIND $uris AS u MATCH (n:Resource {{uri: u}}) RETURN n.uri AS s, {_LIT_ROWS} AS lits, "
                "n._tg AS tg, n._t AS t", uris=chunk, preds=preds,
            ):
                for g, p, v, d, l in row["lits"]:
                    out[row["s"]][p].append((lit(v, d, l), g) if graphs else lit(v, d, l))
                if want_types:
                    for g, t in zip(row["tg"] or [], row["t"] or []):
                        out[row["s"]][_RDF_TYPE].append((T(t), g) if graphs else T(t))
            for row in self._read(
                "UNWIND $uris AS u MATCH (n:Resource {uri: u})-[r]->(o:Resource) "
                "WHERE $preds IS NULL OR r.iri IN $preds RETURN n.uri AS s, r.iri AS p, o.uri AS o, r.graphs AS g",
                uris=chunk, preds=preds,
            ):
                if graphs:
                    out[row["s"]][row["p"]].extend((T(row["o"]), g) for g in row["g"])
                else:
                    out[row["s"]][row["p"]].append(T(row["o"]))
        return out

    def _subjects(self, predicate: str, obj: str, rdf_type: str | None = None) -> list[str]:
        rows = self._read(
            "MATCH (x:Resource)-[r]->(:Resource {uri: $o}) WHERE r.iri = $p AND ($t IS NULL OR $t IN x._t) "
            "RETURN DISTINCT x.uri AS x", p=str(predicate), o=str(obj), t=str(rdf_type) if rdf_type else None)
        return sorted(r["x"] for r in rows)

    def _first(self, subjects: Iterable[str], required: list[str], optional: list[str]) -> dict[str, dict]:
        """Per subject, the smallest value of each predicate (deterministic, like the SPARQL rows'
        minimum); subjects missing a required predicate are left out."""
        props = self._props(subjects, required + optional)
        out = {}
        for s in sorted(props):
            values = props[s]
            if any(not values.get(p) for p in required):
                continue
            out[s] = {p: min(values[p], key=T.sortable) if values.get(p) else None for p in required + optional}
        return out

    # ---- labels and node info ----------------------------------------------------------------------
    def labels(self, iris: Iterable[str]) -> dict[str, dict]:
        iris = sorted({_ok(i) for i in iris if i})
        got = store_cache(self, "labels", NODE_CACHE_ITEMS).get_many(self, iris, self._fetch_labels)
        return {i: dict(got[i]) for i in iris}

    def _fetch_labels(self, iris: list[str]) -> dict[str, dict]:
        out: dict[str, dict] = {i: {} for i in iris}
        for s, preds in self._props(iris, _LABEL_PREDS).items():
            rows = {p: [(t.value, t.lang or "") for t in ts if not t.is_iri] for p, ts in preds.items()}
            out[s] = _shape_labels(rows)
        return out

    def _types(self, iris: Iterable[str]) -> dict[str, tuple[str, ...]]:
        iris = sorted({str(i) for i in iris})
        return store_cache(self, "types", NODE_CACHE_ITEMS).get_many(self, iris, self._fetch_types)

    def _fetch_types(self, iris: list[str]) -> dict[str, tuple[str, ...]]:
        found = self._props(iris, [_RDF_TYPE])
        return {i: tuple(sorted({t.value for t in found.get(i, {}).get(_RDF_TYPE, [])})) for i in iris}

    def _nodes(self, iris: Iterable[str]) -> dict[str, Node]:
        iris = sorted(set(iris))
        types = self._types(iris)
        labels = self.labels(iris)
        return {i: Node(i, kkg_types(types[i]), labels.get(i, {})) for i in iris}

    # ---- search ------------------------------------------------------------------------------------------
    def search(self, text: str, limit: int = 20) -> list[EntityHit]:
        query = normalize_name(text or "")
        if not query:
            return []
        # `_norm` holds the normalized names: every score > 0 needs the query as a substring.
        rows = self._read(
            # label scans of the entity types only (documents, mentions and evidence are most nodes)
            f"MATCH (n:{_ENTITY_LABELS}) WITH DISTINCT n "
            "WHERE any(x IN n._norm WHERE x CONTAINS $q) AND any(t IN n._t WHERE t IN $types) "
            "RETURN n.uri AS s, [i IN range(0, size(n._p) - 1) WHERE n._p[i] IN $names | n._v[i]] AS names",
            q=query, types=_ENTITY, names=[str(p) for p in NAME_PREDICATES])
        best: dict[str, tuple[float, str, str]] = {}
        for row in rows:
            for name in set(row["names"]):
                key = normalize_name(name)
                score = match_score(query, key)
                if not score:
                    continue
                cand, old = (score, key, name), best.get(row["s"])
                if old is None or (-cand[0], cand[1], cand[2]) < (-old[0], old[1], old[2]):
                    best[row["s"]] = cand
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[0]))[: max(0, limit)]
        nodes = self._nodes([iri for iri, _ in ranked])
        return [EntityHit(iri, nodes[iri].types, nodes[iri].labels, name, score) for iri, (score, _, name) in ranked]

    # ---- entity card ---------------------------------------------------------------------------------------
    def _entity_card(self, iri: str) -> EntityCard | None:
        iri = _ok(iri)
        out_props = self._props([iri], graphs=True).get(iri, {})
        out_rows = [(p, t, g) for p, tgs in out_props.items() for t, g in tgs]
        in_rows = [(r["x"], r["p"], g) for r in self._read(
            # plumbing in-links (mentions, evidence...) are most of a hub's: filtered in the server
            "MATCH (x:Resource)-[r]->(:Resource {uri: $s}) WHERE NOT r.iri IN $skip "
            "RETURN x.uri AS x, r.iri AS p, r.graphs AS g", s=iri, skip=sorted(CARD_SKIP_IN))
            for g in r["g"]]
        if not out_rows and not in_rows and not self._read("MATCH (n:Resource {uri: $s}) RETURN n.uri", s=iri):
            return None
        types = [t.value for p, t, g in out_rows if p == _RDF_TYPE]
        label_rows: dict[str, list] = defaultdict(list)
        aliases: dict[str, set] = defaultdict(set)
        wikidata, links = None, set()
        for p, o, g in out_rows:
            if p in _LABEL_PREDS and not o.is_iri:
                label_rows[p].append((o.value, o.lang or ""))
            elif p == str(SKOS.altLabel) and not o.is_iri:
                aliases[o.lang or ""].add(o.value)
            elif p == str(KKG.wikidata):
                wikidata = min(wikidata or o.value, o.value)
            elif p in (str(KKG.courtListener), str(SCHEMA.url), str(SCHEMA.sameAs)):
                links.add(o.value)
        labels = _shape_labels(label_rows)
        mt = pick_labels(label_rows.get(str(KKG.machineTranslatedLabel), []))
        triples: dict[tuple, set] = defaultdict(set)
        for p, o, g in out_rows:
            if p not in CARD_SKIP_OUT:
                triples[(iri, p, o)].add(g)
        for x, p, g in in_rows:
            if p not in CARD_SKIP_IN:
                triples[(x, p, T(iri))].add(g)
        keys = sorted(triples, key=lambda t: (t[1], t[0] != iri, t[2].value if t[0] == iri else t[0]))[:_CARD_MAX_FACTS]
        sources = self._sources_for(keys, lambda missing: {k: triples[k] for k in missing})
        others = {o.value for s, p, o in keys if s == iri and o.is_iri} | {s for s, p, o in keys if s != iri}
        other_labels = self.labels(others | {p for _, p, _ in keys})
        facts = []
        for s, p, o in keys:
            outgoing = s == iri
            other = o if outgoing else T(s)
            facts.append(Fact(
                predicate=p, predicate_labels=other_labels.get(p, {}), direction="out" if outgoing else "in",
                other=other.value, other_is_iri=other.is_iri,
                other_labels=other_labels.get(other.value, {}) if other.is_iri else {(other.lang or ""): other.value},
                datatype=other.datatype, lang=other.lang, sources=sources.get((s, p, o), ()),
            ))
        facts.sort(key=lambda f: (f.predicate, f.direction, f.other, f.other_is_iri, f.datatype or "", f.lang or ""))  # total order: parity
        return EntityCard(
            iri=iri, types=kkg_types(types), labels=labels, mt_labels=mt,
            aliases={k: sorted(v) for k, v in sorted(aliases.items())}, wikidata=wikidata,
            links=tuple(sorted(links)), facts=facts,
        )

    def _fetch_sources(self, triples: dict[tuple, set]) -> dict[tuple, tuple[SourceRef, ...]]:
        """Sources of each (s, p, o-term) triple: its evidence spans, else the document graphs holding it."""
        if not triples:
            return {}
        evidence: dict[tuple, list] = defaultdict(list)
        wanted: dict[str, list] = defaultdict(list)  # graph -> facts whose evidence to read there
        for (s, p, o), graphs in triples.items():
            if o.is_iri:
                for g in evidence_graphs(graphs, str(CURATED_GRAPH), str(ONTOLOGY_GRAPH)):
                    wanted[g].append([s, p, o.value])
        offsets = [str(KKG.startOffset), str(KKG.endOffset), str(KKG.spanText)]
        # From each graph's :NamedGraph index to its evidence nodes, not from the fact's subject: a
        # hub is the subject of tens of thousands of evidence nodes, a document holds a few dozen.
        for chunk in _chunks(sorted(wanted.items()), 200):
            rows = self._read(
                "UNWIND $rows AS row MATCH (x:NamedGraph {name: row[0]}) UNWIND x.uris AS u "
                "MATCH (e:Resource {uri: u}) WHERE e:RelationEvidence "
                "MATCH (e)-[rs:subject {iri: $rs}]->(s:Resource) WHERE row[0] IN rs.graphs "
                "MATCH (e)-[:object {iri: $ro}]->(o:Resource) "
                "MATCH (e)-[:predicate {iri: $rp}]->(p:Resource) "
                "WITH row, e, [s.uri, p.uri, o.uri] AS k WHERE k IN row[1] "
                "MATCH (e)-[:sourceDocument {iri: $sd}]->(d:Resource) "
                "WITH k, e, d.uri AS doc, e AS n "
                f"RETURN DISTINCT k, e.uri AS e, doc, {_LIT_ROWS} AS lits",
                rows=[[g, keys] for g, keys in chunk], rs=str(RDF.subject), ro=str(RDF.object), rp=str(RDF.predicate),
                sd=str(KKG.sourceDocument), preds=offsets)
            for row in rows:
                by = defaultdict(list)
                for _, p, v, d, l in row["lits"]:
                    by[p].append(lit(v, d, l))
                for start in by[offsets[0]] or [None]:
                    for end in by[offsets[1]] or [None]:
                        for text in by[offsets[2]] or [None]:
                            evidence[tuple(row["k"])].append((row["doc"], _int(start), _int(end), _v(text)))
        chosen = {(s, p, o): first_sources(evidence.get((s, p, o.value), []) if o.is_iri else [], graphs, str(CURATED_GRAPH), str(ONTOLOGY_GRAPH))
                  for (s, p, o), graphs in triples.items()}
        meta = self._doc_meta({d for refs in chosen.values() for d, *_ in refs})
        out = {key: source_refs(refs, meta) for key, refs in chosen.items()}
        return out

    def _doc_meta(self, docs: Iterable[str]) -> dict[str, dict]:
        docs = sorted(d for d in set(docs) if d)
        out: dict[str, dict] = {d: {} for d in docs}
        keys = {str(SCHEMA.name): "title", str(SCHEMA.url): "url", str(SCHEMA.inLanguage): "lang"}
        for d, preds in self._props(docs, keys).items():
            for p, ts in preds.items():
                out[d][keys[p]] = min(t.value for t in ts)
        if str(CURATED_GRAPH) in out:
            out[str(CURATED_GRAPH)].setdefault("title", "kadrey-kg curated facts")
        return out

    # ---- graph walking ----------------------------------------------------------------------------------
    def _edges_of(self, nodes: Iterable[str], relations: set[str] | None = None) -> set[tuple[str, str, str]]:
        edges, ends_types = set(), {}
        for chunk in _chunks(sorted(set(nodes)), 500):
            for row in self._read(
                "UNWIND $uris AS u MATCH (n:Resource {uri: u})-[r]-(:Resource) "
                "WHERE NOT r.iri IN $nonrel AND ($rels IS NULL OR r.iri IN $rels) "
                "WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b "
                "WHERE NOT a.uri STARTS WITH '_:' AND NOT b.uri STARTS WITH '_:' "
                "RETURN a.uri AS s, r.iri AS p, b.uri AS o, a._t AS st, b._t AS ot",
                uris=chunk, nonrel=_NON_REL, rels=sorted(relations) if relations else None,
            ):
                edges.add((row["s"], row["p"], row["o"]))
                ends_types[row["s"]] = row["st"] or []
                ends_types[row["o"]] = row["ot"] or []
        hidden = {n for n, ts in ends_types.items() if not ts or any(t in _PLUMBING for t in ts)}
        hidden |= {n for n in ends_types if n.startswith(str(KKG))}  # vocabulary terms
        return {e for e in edges if e[0] not in hidden and e[2] not in hidden}

    def _edge_objects(self, edges: Iterable[tuple[str, str, str]]) -> list[Edge]:
        edges = sorted(set(edges))
        sources = self._sources_for([(s, p, T(o)) for s, p, o in edges], self._edge_graphs)
        plabels = self.labels({p for _, p, _ in edges})
        return [Edge(s, p, o, plabels.get(p, {}), sources.get((s, p, T(o)), ())) for s, p, o in edges]

    def _edge_graphs(self, keys: list[tuple]) -> dict[tuple, set]:
        graphs: dict[tuple, set] = defaultdict(set)
        for chunk in _chunks([[s, p, o.value] for s, p, o in keys], 500):
            for row in self._read(
                "UNWIND $edges AS e MATCH (:Resource {uri: e[0]})-[r {iri: e[1]}]->(:Resource {uri: e[2]}) "
                "RETURN e, r.graphs AS g", edges=chunk,
            ):
                s, p, o = row["e"]
                graphs[(s, p, T(o))].update(row["g"])
        return graphs

    # ---- statements, allegations, mentions ---------------------------------------------------------------
    def _statement_rows(self, candidates: Iterable[str]) -> list[StatementRow]:
        typed = self._typed(candidates, str(KKG.Statement))
        k = KKG
        first = self._first(typed, [str(k.speaker), str(k.text), str(k.sourceDocument)],
                            [str(p) for p in (k.machineTranslation, k.statedOn, k.medium, k.mediumLabel, k.isQuote,
                                              k.startOffset, k.endOffset, k.spanText)])
        people = self.labels({r[str(k.speaker)].value for r in first.values()})
        meta = self._doc_meta({r[str(k.sourceDocument)].value for r in first.values()})
        out = []
        for st, r in first.items():
            doc, text, mt = r[str(k.sourceDocument)], r[str(k.text)], r[str(k.machineTranslation)]
            d = meta.get(doc.value, {})
            speaker = r[str(k.speaker)].value
            out.append(StatementRow(
                iri=st, speaker=speaker, speaker_labels=people.get(speaker, {}), text=text.value, lang=text.lang,
                translation=_v(mt), translation_lang=_lang(mt), date=_date(r[str(k.statedOn)]),
                medium=_v(r[str(k.mediumLabel)]) or _v(r[str(k.medium)]),
                is_quote=_v(r[str(k.isQuote)]) in ("true", "1"),
                source=SourceRef(doc.value, d.get("title"), _int(r[str(k.startOffset)]), _int(r[str(k.endOffset)]),
                                 _v(r[str(k.spanText)]), d.get("url")),
            ))
        out.sort(key=lambda r: (r.date is None, r.date or "", r.iri))
        return out

    def _typed(self, candidates: Iterable[str], rdf_type: str) -> list[str]:
        types = self._types(candidates)
        return [c for c, ts in types.items() if rdf_type in ts]

    def statements_by(self, iri):
        return self._statement_rows(self._subjects(KKG.speaker, _ok(iri)))

    def statements_about(self, iri):
        return self._statement_rows(self._subjects(KKG.about, _ok(iri)))

    def _allegation_rows(self, candidates: Iterable[str]) -> list[AllegationRow]:
        typed = self._typed(candidates, str(KKG.Allegation))
        k = KKG
        first = self._first(typed, [str(k.allegedAgainst), str(k.text), str(k.sourceDocument)],
                            [str(p) for p in (k.allegedBy, k.machineTranslation, k.standing, k.startOffset,
                                              k.endOffset, k.spanText)])
        who = self.labels({r[str(k.allegedBy)].value for r in first.values() if r[str(k.allegedBy)] is not None}
                          | {r[str(k.allegedAgainst)].value for r in first.values()})
        meta = self._doc_meta({r[str(k.sourceDocument)].value for r in first.values()})
        out = []
        for a, r in first.items():
            by, against, text, mt = r[str(k.allegedBy)], r[str(k.allegedAgainst)], r[str(k.text)], r[str(k.machineTranslation)]
            doc, standing = r[str(k.sourceDocument)], r[str(k.standing)]
            d = meta.get(doc.value, {})
            out.append(AllegationRow(
                iri=a, by=_v(by), by_labels=who.get(by.value, {}) if by is not None else {}, against=against.value,
                against_labels=who.get(against.value, {}), text=text.value, lang=text.lang, translation=_v(mt),
                translation_lang=_lang(mt), standing=local_name(standing.value) if standing is not None else "",
                source=SourceRef(doc.value, d.get("title"), _int(r[str(k.startOffset)]), _int(r[str(k.endOffset)]),
                                 _v(r[str(k.spanText)]), d.get("url")),
            ))
        out.sort(key=lambda r: r.iri)
        return out

    def allegations_against(self, iri):
        return self._allegation_rows(self._subjects(KKG.allegedAgainst, _ok(iri)))

    def allegations_by(self, iri):
        return self._allegation_rows(self._subjects(KKG.allegedBy, _ok(iri)))

    def _mention_rows(self, candidates: Iterable[str]) -> list[tuple[MentionRow, str]]:
        typed = self._typed(candidates, str(KKG.Mention))
        k = KKG
        first = self._first(typed, [str(k.refersTo), str(k.sourceDocument), str(k.startOffset), str(k.endOffset)],
                            [str(k.spanText)])
        meta = self._doc_meta({r[str(k.sourceDocument)].value for r in first.values()})
        out = []
        for m, r in first.items():
            doc = r[str(k.sourceDocument)].value
            d = meta.get(doc, {})
            out.append((MentionRow(doc, d.get("title"), _int(r[str(k.startOffset)]), _int(r[str(k.endOffset)]),
                                   _v(r[str(k.spanText)]) or "", d.get("lang")), r[str(k.refersTo)].value))
        out.sort(key=lambda me: (me[0].document, me[0].start, me[0].end, me[1]))
        return out

    def documents_mentioning(self, iri):
        return [m for m, _ in self._mention_rows(self._subjects(KKG.refersTo, _ok(iri)))]

    # ---- documents and timeline ----------------------------------------------------------------------------
    def _graph_sizes(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for row in self._read("MATCH (n:Resource) UNWIND coalesce(n._g, []) + coalesce(n._tg, []) AS g "
                              "RETURN g, count(*) AS n"):
            counts[row["g"]] += row["n"]
        for row in self._read("MATCH ()-[r]->() UNWIND r.graphs AS g RETURN g, count(*) AS n"):
            counts[row["g"]] += row["n"]
        return counts

    def documents(self) -> list[DocumentSummary]:
        counts = self._graph_sizes()
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
        for d, preds in self._props(docs, keys).items():
            for p, ts in preds.items():
                key = keys[p]
                out[d][key] = min(_date(t) if key in ("date", "filed_date") else t.value for t in ts)
        for d in out:
            if out[d].get("date") is None and out[d].get("filed_date"):
                out[d]["date"] = out[d]["filed_date"]
        return out

    def document(self, iri: str) -> DocumentView | None:
        iri = _ok(iri)
        props = self._doc_props([iri])[iri]
        if not props:
            return None
        mentions = self._mention_rows(self._subjects(KKG.sourceDocument, iri))
        meta = {k: v for k, v in props.items() if k not in ("title", "kind", "lang", "date", "url", "body")}
        return DocumentView(
            iri=iri, title=props.get("title"), kind=props.get("kind"), lang=props.get("lang"), date=props.get("date"),
            url=props.get("url"), metadata=meta, body=props.get("body"),
            mentions=[m for m, _ in mentions], mention_entities=[e for _, e in mentions],
            statements=self._statement_rows(self._subjects(KKG.sourceDocument, iri)),
            allegations=self._allegation_rows(self._subjects(KKG.sourceDocument, iri)),
        )

    def timeline(self, entity: str | None = None) -> list[TimelineItem]:
        types = sorted(_ENTITY + sorted(_DOCS) + [str(KKG.Statement)])
        dates = [str(p) for p in DATE_PREDICATES]
        select = ("RETURN DISTINCT x.uri AS x, x._t AS t, "
                  "[i IN range(0, size(coalesce(x._p, [])) - 1) WHERE x._p[i] IN $dates | x._v[i]] AS d")
        if entity:
            rows = self._read(
                "MATCH (w:Resource {uri: $who}) CALL { WITH w MATCH (w)--(x:Resource) RETURN x "
                "UNION WITH w MATCH (x:Resource)-[r1 {iri: $sd}]->(:Resource)-[r2 {iri: $mentions}]->(w) RETURN x } "
                f"WITH x WHERE any(t IN x._t WHERE t IN $types) {select}",
                who=_ok(entity), sd=str(KKG.sourceDocument), mentions=str(KKG.mentions), types=types, dates=dates)
        else:
            rows = self._read(f"MATCH (x:Resource) WHERE any(t IN x._t WHERE t IN $types) WITH x {select}",
                              types=types, dates=dates)
        kinds: dict[str, tuple[str, str]] = {}
        for row in rows:
            for t in set(row["t"] or []):
                kind = "event" if t in _EVENTS else "document" if t in _DOCS else "statement" if t == str(KKG.Statement) else None
                if kind is None:
                    continue
                for value in row["d"]:
                    d = _date(T(value, False))
                    cur = kinds.get(row["x"])
                    if cur is None or (d, kind) < cur:
                        kinds[row["x"]] = (d, kind)
        statements = {r.iri: r for r in self._statement_rows([x for x, (_, k) in kinds.items() if k == "statement"])}
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
        if not events:
            return {}
        rows = self._read(
            "UNWIND $events AS e MATCH (x:Resource {uri: e}) CALL { WITH x MATCH (x)-[r {iri: $sd}]->(d:Resource) "
            "RETURN d.uri AS doc UNION WITH x MATCH (x)<-[r1 {iri: $subj}]-(ev:Resource)-[r2 {iri: $sd}]->(d:Resource) "
            "RETURN d.uri AS doc } RETURN e, doc",
            events=sorted(events), sd=str(KKG.sourceDocument), subj=str(RDF.subject))
        found: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            found[row["e"]].append(row["doc"])
        meta = self._doc_meta({d for ds in found.values() for d in ds})
        out = {}
        for e, ds in found.items():
            d = min(ds)
            out[e] = SourceRef(d, meta.get(d, {}).get("title"), url=meta.get(d, {}).get("url"))
        return out
