"""The gold annotations of ../shared: every document's entities are found by the real pipeline
(recall >= 0.9), and an entity named in French and in English documents is one node."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kadrey_kg.data.curated import curated_graph
from kadrey_kg.loaders.pipeline import Pipeline
from kadrey_kg.ontology import KKG, SCHEMA, normalize_name

NAME_PREDICATES = (RDFS.label, SKOS.altLabel, SKOS.prefLabel, SCHEMA.name)
GOLD = [("gold/seeds.json", "seeds"), ("corpus/en/gold.json", "corpus/en")]


@lru_cache(maxsize=None)
def ingest(path: str):
    return Pipeline()(path)


def names(graph: Graph) -> dict[URIRef, set[str]]:
    out: dict[URIRef, set[str]] = {}
    for p in NAME_PREDICATES:
        for s, o in graph.subject_objects(p):
            if isinstance(o, Literal):
                out.setdefault(s, set()).add(normalize_name(str(o)))
    return out


def found(doc, gold_entity: dict, labels: dict) -> bool:
    """Like the gold scorer: a node the document points to carries one of the entity's names."""
    want = {normalize_name(n) for n in gold_entity["names"]}
    nodes = set(doc.graph.objects(doc.iri, KKG.mentions)) | set(doc.graph.objects(doc.iri, KKG.filedIn))
    return any(labels.get(n, set()) & want for n in nodes)


def gold_docs(shared_dir: Path):
    for gold_file, folder in GOLD:
        gold = json.loads((shared_dir / gold_file).read_text(encoding="utf-8"))
        ents = {e["id"]: e for e in gold["entities"]}
        for fname, g in sorted(gold["docs"].items()):
            yield shared_dir / folder / fname, [ents[e] for e in g["entities"]]


def test_gold_entities_are_found_in_every_document(shared_dir):
    curated = names(curated_graph())
    totals = [0, 0]
    for path, entities in gold_docs(shared_dir):
        doc = ingest(str(path))
        labels = {**curated}
        for node, ns in names(doc.graph).items():
            labels.setdefault(node, set()).update(ns)
        missed = [e["id"] for e in entities if not found(doc, e, labels)]
        recall = 1 - len(missed) / len(entities)
        totals[0] += len(entities) - len(missed)
        totals[1] += len(entities)
        assert recall >= 0.9, f"{path.name}: recall {recall:.2f}, missed {missed}"
    assert totals[0] / totals[1] >= 0.9


def test_no_spurious_people_or_organisations(shared_dir):
    """New person/organisation nodes must carry a name the gold annotates somewhere."""
    all_names = set()
    for gold_file, _ in GOLD:
        for e in json.loads((shared_dir / gold_file).read_text(encoding="utf-8"))["entities"]:
            all_names |= {normalize_name(n) for n in e["names"]}
    for path, _ in gold_docs(shared_dir):
        doc = ingest(str(path))
        new = [e for e in doc.entities.values() if not e.known and e.kind in ("person", "org", "court")]
        spurious = [str(e.iri) for e in new if not {normalize_name(n) for ns in e.names.values() for n in ns} & all_names]
        assert not spurious, f"{path.name}: {spurious}"


def test_entities_named_in_french_and_english_documents_are_one_node(shared_dir):
    fr = [ingest(str(p)) for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    en = [ingest(str(p)) for p in sorted((shared_dir / "corpus/en").glob("*.txt"))]
    merged = Graph()
    for doc in fr + en:
        merged += doc.graph
    merged += curated_graph()
    labels = names(merged)
    for name in ("Meta", "Llama", "WhatsApp", "plaintiffs", "Kadrey v. Meta"):
        key = normalize_name(name)
        in_fr = {n for d in fr for n in d.entities if key in labels.get(n, set())}
        in_en = {n for d in en for n in d.entities if key in labels.get(n, set())}
        assert len(in_fr) == 1 and in_fr == in_en, (name, in_fr, in_en)


@pytest.mark.slow
def test_a_new_person_named_in_french_and_english_is_one_node(tmp_path):
    (tmp_path / "fr.txt").write_text("Selon l'avocate Hortense Vallier, Meta devra répondre devant le juge.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Lawyer Hortense Vallier said Meta would have to answer in court.\n", encoding="utf-8")
    docs = [ingest(str(tmp_path / f)) for f in ("fr.txt", "en.txt")]
    merged = Graph()
    for doc in docs:
        merged += doc.graph
    people = {s for s, ns in names(merged).items() if "hortense vallier" in ns}
    assert len(people) == 1
