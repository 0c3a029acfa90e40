"""`link` on the shared documents and on small texts written here: known names in both
languages, roles, the issuing court, the plaintiffs, new people and organisations."""
from __future__ import annotations

from functools import lru_cache

from kadrey_kg.loaders.pipeline import Pipeline
from kadrey_kg.ontology import KKGID, entity_iri

MARK = KKGID["person/mark-zuckerberg"]
META = KKGID["org/meta-platforms"]
NDCAL = KKGID["court/united-states-district-court-for-the-northern-district-of-california"]
KADREY_CASE = KKGID["case/kadrey-v-meta"]
PLAINTIFFS = KKGID["group/plaintiffs"]


@lru_cache(maxsize=None)
def run(path: str):
    return Pipeline(("read", "detect_language", "segment", "mentions", "link"))(path)


def linked(doc, text: str) -> set:
    return {m.entity for m in doc.mentions if m.text == text}


def test_french_article_links_names_roles_and_plaintiffs(shared_dir):
    doc = run(str(shared_dir / "seeds/000_bc4c7a8b21ff83da.txt"))
    assert linked(doc, "Zuckerberg") == {MARK}
    assert linked(doc, "Mark Zuckerberg") == {MARK}
    assert linked(doc, "PDG de Meta") == {MARK}  # « Mark Zuckerberg, PDG de Meta »
    assert linked(doc, "Kadrey v. Meta") == {KADREY_CASE}
    assert linked(doc, "plaignants") == {PLAINTIFFS}
    assert META in doc.entities and doc.entities[META].known


def test_english_orders_link_judges_court_and_parties(shared_dir):
    en = shared_dir / "corpus/en"
    doc = run(str(en / "en04_discovery_order_torrenting_2025.txt"))
    assert linked(doc, "Judge Chhabria") == {KKGID["person/vince-chhabria"]}
    assert linked(doc, "Hixson, Thomas S.") == {KKGID["person/thomas-s-hixson"]}
    assert linked(doc, "META PLATFORMS, INC.") == {META}
    assert linked(doc, "the Court") == {NDCAL}
    assert linked(doc, "Plaintiffs") == {PLAINTIFFS}
    doc = run(str(en / "en01_order_motion_to_dismiss_2023.txt"))
    assert linked(doc, "RICHARD KADREY") == {KKGID["person/richard-kadrey"]}
    assert {m.entity for m in doc.mentions if m.label == "CASE" and "23-cv-03417" in m.text} == {KADREY_CASE}


def test_same_entity_in_french_and_english_is_one_iri(shared_dir):
    fr = run(str(shared_dir / "seeds/002_fbc64eebfb509e72.txt"))
    en = run(str(shared_dir / "corpus/en/en05_discovery_order_ecf351_2024.txt"))
    for iri in (META, PLAINTIFFS, KKGID["model/llama"], KADREY_CASE, KKGID["product/whatsapp"]):
        assert iri in fr.entities and iri in en.entities, iri


def test_unknown_people_and_orgs_get_stable_iris_and_surnames_join(tmp_path):
    fr = tmp_path / "note_fr.txt"
    fr.write_text("L'avocate Claire Dubreuil, du cabinet Vernet Associés, estime que la décision est fragile. "
                  "Selon Dubreuil, les éditeurs français suivront l'affaire de près.\n", encoding="utf-8")
    en = tmp_path / "note_en.txt"
    en.write_text("Lawyer Claire Dubreuil of Vernet Associés said the ruling was fragile. "
                  "Dubreuil expects French publishers to follow the case closely.\n", encoding="utf-8")
    person = entity_iri("person", "Claire Dubreuil")
    firm = entity_iri("org", "Vernet Associés")
    for path in (fr, en):
        doc = run(str(path))
        assert linked(doc, "Claire Dubreuil") == {person}, path.name
        assert linked(doc, "Dubreuil") == {person}, path.name
        assert linked(doc, "Vernet Associés") == {firm}, path.name
        assert not doc.entities[person].known


def test_other_cases_are_never_merged_with_kadrey(tmp_path):
    path = tmp_path / "paris.txt"
    path.write_text("Le SNE, la SGDL et le SNAC ont assigné Meta devant le tribunal judiciaire de Paris. "
                    "Dans l'affaire SNE c. Meta, les plaignants reprochent à Meta d'avoir utilisé des livres "
                    "sans autorisation pour entraîner Llama.\n", encoding="utf-8")
    doc = run(str(path))
    assert KADREY_CASE not in doc.entities
    assert PLAINTIFFS not in doc.entities  # these plaintiffs are not the Kadrey plaintiffs
    assert {m.entity for m in doc.mentions if m.text == "SNE c. Meta"} == {entity_iri("case", "SNE c. Meta")}
    assert META in doc.entities


def test_acronyms_and_full_court_names(tmp_path):
    path = tmp_path / "syndicats.txt"
    path.write_text("Le Syndicat national de l'édition (SNE) a assigné Meta devant le tribunal judiciaire de Paris. "
                    "Pour le président du SNE, la décision viendra en 2026. The U.S. Court of Appeals for the Ninth "
                    "Circuit was not involved.\n", encoding="utf-8")
    doc = run(str(path))
    sne = entity_iri("org", "Syndicat national de l'édition")
    assert {m.entity for m in doc.mentions if m.text == "SNE"} == {sne}
    assert len([m for m in doc.mentions if m.text == "SNE"]) == 2
    assert linked(doc, "tribunal judiciaire de Paris") == {entity_iri("court", "tribunal judiciaire de Paris")}
    assert linked(doc, "U.S. Court of Appeals for the Ninth Circuit") == {
        entity_iri("court", "United States Court of Appeals for the Ninth Circuit")}


def test_the_court_in_a_news_article_without_a_court_is_not_linked(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("Meta said the Court would hear the motion soon. The Court has not set a date.\n",
                    encoding="utf-8")
    doc = run(str(path))
    assert not [m for m in doc.mentions if m.text == "the Court"]


def test_english_roles_bylines_and_org_cues(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Revenue sharing at Meta\n\nBy Jordan Pike\n\n"
                    "Meta's CEO defended the plan on Tuesday. The startup Mistral AI declined to comment, "
                    "and so did the law firm Hargrove & Lowell.\n", encoding="utf-8")
    doc = run(str(path))
    assert linked(doc, "Meta's CEO") == {MARK}  # the curated CEO of Meta
    assert linked(doc, "Jordan Pike") == {entity_iri("person", "Jordan Pike")}
    assert linked(doc, "Mistral AI") == {entity_iri("org", "Mistral AI")}
    assert linked(doc, "Hargrove & Lowell") == {entity_iri("org", "Hargrove & Lowell")}
