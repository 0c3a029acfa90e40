"""`link` on the shared documents and on small texts written here: known names in both
languages, roles, the issuing court, the plaintiffs, new people and organisations."""
from __future__ import annotations

from kadrey_kg.ontology import KKGID, entity_iri

STEPS = ("read", "detect_language", "segment", "mentions", "link")  # conftest: `pipe` and `run`

MARK = KKGID["person/mark-zuckerberg"]
META = KKGID["org/meta-platforms"]
NDCAL = KKGID["court/united-states-district-court-for-the-northern-district-of-california"]
KADREY_CASE = KKGID["case/kadrey-v-meta"]
PLAINTIFFS = KKGID["group/plaintiffs"]


def linked(doc, text: str) -> set:
    return {m.entity for m in doc.mentions if m.text == text}


def test_french_article_links_names_roles_and_plaintiffs(shared_dir, pipe):
    doc = pipe(shared_dir / "seeds/000_bc4c7a8b21ff83da.txt")
    assert linked(doc, "Zuckerberg") == {MARK}
    assert linked(doc, "Mark Zuckerberg") == {MARK}
    assert linked(doc, "PDG de Meta") == {MARK}  # « Mark Zuckerberg, PDG de Meta »
    assert linked(doc, "Kadrey v. Meta") == {KADREY_CASE}
    assert linked(doc, "plaignants") == {PLAINTIFFS}
    assert META in doc.entities and doc.entities[META].known


def test_english_orders_link_judges_court_and_parties(shared_dir, pipe):
    en = shared_dir / "corpus/en"
    doc = pipe(en / "en04_discovery_order_torrenting_2025.txt")
    assert linked(doc, "Judge Chhabria") == {KKGID["person/vince-chhabria"]}
    assert linked(doc, "Hixson, Thomas S.") == {KKGID["person/thomas-s-hixson"]}
    assert linked(doc, "META PLATFORMS, INC.") == {META}
    assert linked(doc, "the Court") == {NDCAL}
    assert linked(doc, "Plaintiffs") == {PLAINTIFFS}
    doc = pipe(en / "en01_order_motion_to_dismiss_2023.txt")
    assert linked(doc, "RICHARD KADREY") == {KKGID["person/richard-kadrey"]}
    assert {m.entity for m in doc.mentions if m.label == "CASE" and "23-cv-03417" in m.text} == {KADREY_CASE}


def test_same_entity_in_french_and_english_is_one_iri(shared_dir, pipe):
    fr = pipe(shared_dir / "seeds/002_fbc64eebfb509e72.txt")
    en = pipe(shared_dir / "corpus/en/en05_discovery_order_ecf351_2024.txt")
    for iri in (META, PLAINTIFFS, KKGID["model/llama"], KADREY_CASE, KKGID["product/whatsapp"]):
        assert iri in fr.entities and iri in en.entities, iri


def test_unknown_people_and_orgs_get_stable_iris_and_surnames_join(run):
    texts = {"note_fr.txt": "L'avocate Claire Dubreuil, du cabinet Vernet Associés, estime que la décision est "
                            "fragile. Selon Dubreuil, les éditeurs français suivront l'affaire de près.\n",
             "note_en.txt": "Lawyer Claire Dubreuil of Vernet Associés said the ruling was fragile. "
                            "Dubreuil expects French publishers to follow the case closely.\n"}
    person = entity_iri("person", "Claire Dubreuil")
    firm = entity_iri("org", "Vernet Associés")
    for name, text in texts.items():
        doc = run(text, name)
        assert linked(doc, "Claire Dubreuil") == {person}, name
        assert linked(doc, "Dubreuil") == {person}, name
        assert linked(doc, "Vernet Associés") == {firm}, name
        assert not doc.entities[person].known


def test_other_cases_are_never_merged_with_kadrey(run):
    doc = run("Le SNE, la SGDL et le SNAC ont assigné Meta devant le tribunal judiciaire de Paris. "
              "Dans l'affaire SNE c. Meta, les plaignants reprochent à Meta d'avoir utilisé des livres "
              "sans autorisation pour entraîner Llama.\n", "paris.txt")
    assert KADREY_CASE not in doc.entities
    assert PLAINTIFFS not in doc.entities  # these plaintiffs are not the Kadrey plaintiffs
    assert {m.entity for m in doc.mentions if m.text == "SNE c. Meta"} == {entity_iri("case", "SNE c. Meta")}
    assert META in doc.entities


def test_acronyms_and_full_court_names(run):
    doc = run("Le Syndicat national de l'édition (SNE) a assigné Meta devant le tribunal judiciaire de Paris. "
              "Pour le président du SNE, la décision viendra en 2026. The U.S. Court of Appeals for the Ninth "
              "Circuit was not involved.\n", "syndicats.txt")
    sne = entity_iri("org", "Syndicat national de l'édition")
    assert {m.entity for m in doc.mentions if m.text == "SNE"} == {sne}
    assert len([m for m in doc.mentions if m.text == "SNE"]) == 2
    assert linked(doc, "tribunal judiciaire de Paris") == {entity_iri("court", "tribunal judiciaire de Paris")}
    assert linked(doc, "U.S. Court of Appeals for the Ninth Circuit") == {
        entity_iri("court", "United States Court of Appeals for the Ninth Circuit")}


def test_the_court_in_a_news_article_without_a_court_is_not_linked(run):
    doc = run("Meta said the Court would hear the motion soon. The Court has not set a date.\n", "news.txt")
    assert not [m for m in doc.mentions if m.text == "the Court"]


def test_english_roles_bylines_and_org_cues(run):
    doc = run("Revenue sharing at Meta\n\nBy Jordan Pike\n\n"
              "Meta's CEO defended the plan on Tuesday. The startup Mistral AI declined to comment, "
              "and so did the law firm Hargrove & Lowell.\n", "story.txt")
    assert linked(doc, "Meta's CEO") == {MARK}  # the curated CEO of Meta
    assert linked(doc, "Jordan Pike") == {entity_iri("person", "Jordan Pike")}
    assert linked(doc, "Mistral AI") == {entity_iri("org", "Mistral AI")}
    assert linked(doc, "Hargrove & Lowell") == {entity_iri("org", "Hargrove & Lowell")}
