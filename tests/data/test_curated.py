"""Curated case facts: names people write, every fact traced to a document, errors that point at lines."""
from __future__ import annotations

import json
import shutil

import pytest
from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.namespace import SKOS

from kadrey_kg.data import curated
from kadrey_kg.graph.base_graphs import BaseGraphError, curated_graph
from kadrey_kg.graph.vocab import NON_RELATIONS
from kadrey_kg.ontology import KKG, KKGID, SCHEMA, WD, document_iri, entity_iri, normalize_name

# Gold entity ids of ../shared -> the curated IRI they must resolve to.
GOLD_TO_IRI = {
    "amazon": "org/amazon", "aws": "org/amazon-web-services", "azure": "product/microsoft-azure",
    "databricks": "org/databricks", "dell": "org/dell", "google": "org/google", "google_cloud": "product/google-cloud",
    "groq": "org/groq", "instagram": "product/instagram", "kadrey_v_meta": "case/kadrey-v-meta",
    "llama": "model/llama", "meta": "org/meta-platforms", "meta_ai": "product/meta-ai", "microsoft": "org/microsoft",
    "nvidia": "org/nvidia", "plaintiffs": "group/plaintiffs", "snowflake": "org/snowflake",
    "whatsapp": "product/whatsapp", "zuckerberg": "person/mark-zuckerberg", "richard_kadrey": "person/richard-kadrey",
    "ndcal": "court/united-states-district-court-for-the-northern-district-of-california",
    "chhabria": "person/vince-chhabria", "hixson": "person/thomas-s-hixson", "llama_2": "model/llama-2",
    "llama_3": "model/llama-3", "workplace_chat": "product/workplace-chat", "libgen": "dataset/library-genesis",
    "annas_archive": "dataset/anna-s-archive", "congress": "org/congress",
    "perfect10_v_amazon": "case/perfect-10-v-amazon-com", "lenz_v_universal": "case/lenz-v-universal-music-corp",
}
# Documents and publishers the gold names are not curated entities on purpose.
NOT_ENTITIES = {"unredacted_filing", "llama_2_paper", "llama_3_paper", "sequestered_documents", "casetext", "midpage"}


@pytest.fixture(scope="module")
def by_iri():
    return {str(e.iri): e for e in curated.entities()}


@pytest.fixture(scope="module")
def graph():
    return curated_graph()


def test_iris_follow_the_architecture_scheme(by_iri):
    for iri, ent in by_iri.items():
        assert iri.startswith(f"{KKGID}{ent.kind}/"), iri
    for must in ("org/meta-platforms", "person/mark-zuckerberg", "case/kadrey-v-meta"):
        assert str(KKGID[must]) in by_iri
    assert entity_iri("person", "Richard Kadrey") == URIRef(f"{KKGID}person/richard-kadrey")
    assert str(entity_iri("person", "Richard Kadrey")) in by_iri


def test_every_entity_has_both_labels_and_sources(by_iri):
    for ent in by_iri.values():
        assert ent.labels.get("fr") and ent.labels.get("en"), ent.iri
        assert ent.sources and all(s.startswith(("http://", "https://")) for s in ent.sources), ent.iri
        assert ent.types and "Agent" not in ent.types


def test_wikidata_only_where_curated(by_iri):
    assert by_iri[str(KKGID["org/meta-platforms"])].wikidata == "Q380"
    assert by_iri[str(KKGID["person/mark-zuckerberg"])].wikidata == "Q36215"
    assert by_iri[str(KKGID["group/plaintiffs"])].wikidata is None


def test_types_include_kkg_superclasses(by_iri):
    assert by_iri[str(KKGID["org/meta-platforms"])].types == ("Company", "Organization")
    assert set(by_iri[str(KKGID["event/fair-use-summary-judgment-ruling-2025-06-25"])].types) == {"Ruling", "DocketEvent", "Event"}


@pytest.mark.parametrize("gold_file", ["gold/seeds.json", "corpus/en/gold.json"])
def test_every_gold_name_is_a_curated_name(shared_dir, by_iri, gold_file):
    """The names the shared gold annotates are labels, aliases or linker descriptions of one entity."""
    gold = json.loads((shared_dir / gold_file).read_text(encoding="utf-8"))
    missing = []
    for ent in gold["entities"]:
        if ent["id"] in NOT_ENTITIES:
            continue
        assert ent["id"] in GOLD_TO_IRI, f"gold entity {ent['id']} has no curated counterpart"
        ce = by_iri[str(KKGID[GOLD_TO_IRI[ent["id"]]])]
        known = {normalize_name(n) for n in list(ce.labels.values())
                 + [a for names in ce.aliases.values() for a in names]
                 + [d for names in ce.descriptions.values() for d in names]}
        missing += [f"{ent['id']}: {name}" for name in ent["names"] if normalize_name(name) not in known]
    assert missing == []


def test_no_blank_nodes(graph):
    assert not any(isinstance(x, BNode) for t in graph for x in t)


def test_every_relation_has_evidence_in_a_document(graph):
    relations = {p for p in graph.predicates() if str(p).startswith(str(KKG))} - set(NON_RELATIONS)
    docs = set(graph.subjects(RDF.type, KKG.Document))
    sub_nodes = set(graph.subjects(RDF.type, KKG.Statement)) | set(graph.subjects(RDF.type, KKG.Allegation)) \
        | set(graph.subjects(RDF.type, KKG.RelationEvidence))
    evidence = {}
    for ev in graph.subjects(RDF.type, KKG.RelationEvidence):
        key = (graph.value(ev, RDF.subject), graph.value(ev, RDF.predicate), graph.value(ev, RDF.object))
        evidence.setdefault(key, set()).update(graph.objects(ev, KKG.sourceDocument))
    checked = 0
    for s, p, o in graph:
        if p not in relations or not isinstance(o, URIRef) or s in sub_nodes:
            continue
        if p in (KKG.madeStatement, KKG.alleges, KKG.speaker, KKG.medium, KKG.allegedBy):
            continue
        checked += 1
        sources = evidence.get((s, p, o))
        assert sources, f"no evidence for {s} {p} {o}"
        assert sources <= docs
        for d in sources:  # a document is reachable: it has a URL or is described by one that has
            assert graph.value(d, SCHEMA.url) or graph.value(graph.value(d, KKG.sourceDocument), SCHEMA.url), d
    assert checked > 80


def test_key_case_facts(graph):
    case = KKGID["case/kadrey-v-meta"]
    assert (case, KKG.defendant, KKGID["org/meta-platforms"]) in graph
    assert (case, KKG.judge, KKGID["person/vince-chhabria"]) in graph
    assert (case, KKG.magistrateJudge, KKGID["person/thomas-s-hixson"]) in graph
    assert (case, KKG.plaintiff, KKGID["group/plaintiffs"]) in graph
    assert (KKGID["person/mark-zuckerberg"], KKG.ceoOf, KKGID["org/meta-platforms"]) in graph
    hosts = set(graph.subjects(KKG.hosts, KKGID["model/llama"]))
    assert len(hosts) == 8
    ruling = KKGID["event/fair-use-summary-judgment-ruling-2025-06-25"]
    assert graph.value(ruling, KKG.date) == Literal("2025-06-25", datatype=curated.XSD.date)
    assert (ruling, KKG.caseOf, case) in graph
    assert (KKGID["org/meta-platforms"], KKG.wikidata, WD.Q380) in graph
    assert (case, SKOS.altLabel, Literal("3:23-cv-03417", lang="en")) in graph
    assert len(set(graph.objects(KKGID["org/meta-platforms"], RDFS.label))) == 2


def test_contradiction_between_filing_and_blog_post(graph):
    statements = list(graph.subjects(RDF.type, KKG.Statement))
    contradicted = [s for s in statements if (None, KKG.contradicts, s) in graph]
    assert len(contradicted) == 1
    st = contradicted[0]
    assert graph.value(st, KKG.speaker) == KKGID["person/mark-zuckerberg"]
    assert str(graph.value(st, KKG.statedOn)) == "2024-07-23"


def test_manifest_holds_the_shared_corpus(shared_dir):
    corpus = json.loads((shared_dir / "corpus/en/manifest.json").read_text(encoding="utf-8"))
    manifest = {m["file"]: m for m in curated.manifest()}
    for doc in corpus:
        assert manifest[doc["file"]]["url"] == doc["url"]
        assert manifest[doc["file"]]["iri"] == document_iri(doc["file"])  # same IRI as when ingested
    assert all(m["url"] is None or m["url"].startswith(("http://", "https://")) for m in manifest.values())


# ---- broken files --------------------------------------------------------------------------------
def copy_data(tmp_path, monkeypatch):
    for name in ("SOURCES_JSON", "ENTITIES_YAML", "EVENTS_YAML", "RELATIONS_YAML", "STATEMENTS_YAML"):
        original = getattr(curated, name)
        target = tmp_path / original.name
        shutil.copy(original, target)
        monkeypatch.setattr(curated, name, target)
    return tmp_path


def test_broken_yaml_names_file_and_line(fresh_curated, tmp_path, monkeypatch):
    data = copy_data(tmp_path, monkeypatch)
    text = (data / "entities.yaml").read_text(encoding="utf-8").splitlines()
    text.insert(9, "  labels: {en: [unclosed")
    (data / "entities.yaml").write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(curated.CuratedDataError) as info:
        curated.entities()
    assert info.value.path == data / "entities.yaml" and info.value.line is not None
    assert str(info.value).startswith(f"{data / 'entities.yaml'}:")
    curated.reload()
    with pytest.raises(BaseGraphError, match=r"entities\.yaml, line \d+"):
        curated_graph()


def test_unknown_source_id_points_at_the_entry(fresh_curated, tmp_path, monkeypatch):
    data = copy_data(tmp_path, monkeypatch)
    path = data / "relations.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("- {s: person/mark-zuckerberg, p: ceoOf, o: org/meta-platforms, sources: [no-such-source]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(curated.CuratedDataError, match=r"relations\.yaml:%d: unknown source id 'no-such-source'" % len(lines)):
        curated.load()


def test_unknown_entity_reference_is_reported(fresh_curated, tmp_path, monkeypatch):
    data = copy_data(tmp_path, monkeypatch)
    path = data / "relations.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "- {s: person/nobody, p: ceoOf, o: org/meta-platforms, sources: [llmlitigation]}\n", encoding="utf-8")
    with pytest.raises(curated.CuratedDataError, match="unknown entity 'person/nobody'"):
        curated.load()


def test_entity_without_french_label_is_refused(fresh_curated, tmp_path, monkeypatch):
    data = copy_data(tmp_path, monkeypatch)
    path = data / "entities.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- kind: org\n  name: Lonely\n  types: [Company]\n"
                    "  labels: {en: Lonely}\n  sources: [llmlitigation]\n", encoding="utf-8")
    with pytest.raises(curated.CuratedDataError, match="'Lonely' has no label in fr"):
        curated.load()


def test_broken_sources_json_names_line(fresh_curated, tmp_path, monkeypatch):
    data = copy_data(tmp_path, monkeypatch)
    (data / "sources.json").write_text('[\n {"id": "a",\n  "file": }\n]', encoding="utf-8")
    with pytest.raises(curated.CuratedDataError, match=r"sources\.json:3:\d+: invalid JSON"):
        curated.load()
