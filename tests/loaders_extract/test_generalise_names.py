"""Mentions and linking on unseen-style texts written here (FR and EN): case captions that stop at
the sentence end, titled judges, law firms, products and models, acronyms defined in parentheses,
hyphenated and accented names, honorifics with a surname alone."""
from __future__ import annotations

from kadrey_kg.loaders.pipeline import Pipeline

STAGES = ("read", "detect_language", "segment", "mentions", "link")


def run(tmp_path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Pipeline(STAGES)(str(path))


def kinds(doc) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in doc.mentions:
        out.setdefault(m.text, set()).add(doc.entities[m.entity].kind)
    return out


def names_of(doc, kind: str) -> set[str]:
    return {m.text for m in doc.mentions if doc.entities[m.entity].kind == kind}


EN_NEWS = """Court splits the difference in a lawsuit over song lyrics

By Morgan Avery, April 2, 2025

A judge sided partly with the publishers in Harlow Records v. Orbitex. U.S. District Judge Naomi Castellano-Reyes
said Orbitex must answer for copying lyrics to train its Quill models. The lawsuit names datasets such as
Books3 and Shadow Stack Archive.

"This is a good day for songwriters," said Peter Osgood of Bramwell Tiernan, which represents the labels.
Attorneys at Keller & Voss LLP, who represent Orbitex Inc., declined to comment. Ms. Castellano-Reyes set a
hearing for May.
"""


def test_english_news_captions_judges_firms_models(tmp_path):
    doc = run(tmp_path, EN_NEWS)
    k = kinds(doc)
    cases = names_of(doc, "case")
    assert "Harlow Records v. Orbitex" in cases
    assert not any("Judge" in c for c in cases)  # the caption stops at the sentence end
    assert k.get("Naomi Castellano-Reyes") == {"person"}  # title dropped, hyphenated name kept whole
    assert k.get("Bramwell Tiernan") == {"org"}  # "<person> of <two surnames>" is the firm
    assert k.get("Keller & Voss LLP") == {"org"}
    assert k.get("Quill", set()) <= {"model", "product"}  # "its Quill models" is no organisation
    assert "Quill" not in names_of(doc, "org")
    assert k.get("Peter Osgood") == {"person"}
    people = names_of(doc, "person")
    assert "Bramwell Tiernan" not in people and "Keller & Voss LLP" not in people
    # "Ms. Castellano-Reyes" is the judge named in full earlier
    judge = {m.entity for m in doc.mentions if m.text.startswith("Naomi")}
    assert {m.entity for m in doc.mentions if m.text == "Castellano-Reyes"} == judge


def test_caption_keeps_legal_suffixes(tmp_path):
    doc = run(tmp_path, "The ruling in Lyle v. Brightwave, Inc. was narrow. Lyle v. Brightwave went on.\n")
    cases = {m.entity for m in doc.mentions if doc.entities[m.entity].kind == "case"}
    texts = {m.text for m in doc.mentions if doc.entities[m.entity].kind == "case"}
    assert "Lyle v. Brightwave, Inc." in texts and "Lyle v. Brightwave" in texts
    assert len(cases) == 1  # the legal form does not make a second case


FR_BRIEF = """Les auteurs de bande dessinée attaquent une start-up de l'IA

Par Lucie Marchetti, le 3 février 2025

La Fédération des éditeurs et des auteurs indépendants (FEAI) et l'Union nationale des illustrateurs (UNI) accusent
la société Pixelor SAS d'avoir entraîné le modèle Vortex sur leurs albums. « Nous irons jusqu'au bout », a déclaré
Mme Berthier-Lenoir, présidente de la FEAI. Selon Me Anaïs Lefranc-Dumas, avocate au cabinet Roussel Mercadier,
l'UNI s'associe à la plainte. M. Caradec, porte-parole de l'UNI, a confirmé.
"""


def test_french_brief_acronyms_firms_honorifics(tmp_path):
    doc = run(tmp_path, FR_BRIEF)
    k = kinds(doc)
    feai = {m.entity for m in doc.mentions if m.text == "Fédération des éditeurs et des auteurs indépendants"}
    assert len(feai) == 1 and doc.entities[next(iter(feai))].kind == "org"
    assert {m.entity for m in doc.mentions if m.text == "FEAI"} == feai  # the acronym is the defined name
    uni = {m.entity for m in doc.mentions if m.text == "UNI"}
    assert len(uni) == 1 and doc.entities[next(iter(uni))].kind == "org"
    assert k.get("Roussel Mercadier") == {"org"}  # « au cabinet X »
    assert k.get("Anaïs Lefranc-Dumas") == {"person"}
    assert k.get("Berthier-Lenoir") == {"person"}  # « Mme X »
    assert k.get("Caradec") == {"person"}  # « M. X »
    assert k.get("Vortex") == {"model"}  # « le modèle X »
    assert "Pixelor SAS" in names_of(doc, "org") or "Pixelor" in names_of(doc, "org")
    assert not names_of(doc, "person") & {"Roussel Mercadier", "Pixelor SAS", "FEAI", "UNI"}


def test_ai_company_and_coordinated_dataset(tmp_path):
    doc = run(tmp_path, "The authors sued Corvane AI in Boston. They say the company trained on LibGen and "
                        "Velvet Archive.\n")
    k = kinds(doc)
    assert k.get("Corvane AI") == {"org"}
    assert "Velvet Archive" not in names_of(doc, "org")  # a shadow library listed with LibGen


def test_product_named_once_by_cue_keeps_its_kind_and_initials_are_not_honorifics(tmp_path):
    doc = run(tmp_path, "Lumora said its Quillon models serve schools. Quillon was also adopted by Brackett & Sons, "
                        "according to Dr. Okafor. Walter M. Brandt was not involved.\n")
    k = kinds(doc)
    assert "Quillon" not in names_of(doc, "org")
    assert k.get("Brackett & Sons") == {"org"}
    assert k.get("Okafor") == {"person"}
    assert "Brandt" not in k  # "Walter M. Brandt": "M." is an initial, not « Monsieur »
