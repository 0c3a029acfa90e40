"""The `allegations` component on short French and English texts written for these tests, through
the real pipeline (mentions and links are the product's own)."""
from __future__ import annotations


STEPS = ("read", "detect_language", "segment", "mentions", "link", "statements", "allegations")
META = "https://w3id.org/kadrey-kg/id/org/meta-platforms"
PLAINTIFFS = "https://w3id.org/kadrey-kg/id/group/plaintiffs"
ID = "https://w3id.org/kadrey-kg/id/"



def pairs(doc):
    return {(str(a.by) if a.by else None, str(a.against), a.standing) for a in doc.allegations}


def test_fr_accuser_de(run):
    doc = run("Dans le procès Kadrey v. Meta, les plaignants accusent Meta d’avoir utilisé des livres piratés "
              "pour entraîner Llama. L’audience est prévue à l’automne.")
    assert pairs(doc) == {(PLAINTIFFS, META, "AllegedByParty")}
    [al] = doc.allegations
    assert str(al.claim) == f"{ID}claim/copyright-infringement" and al.lang == "fr"
    assert doc.text[al.start:al.end] == al.text


def test_fr_pronoun_accuser_and_clause_target(run):
    doc = run("Les plaignants de l’affaire Kadrey v. Meta réclament des dommages et intérêts. "
              "Ils affirment que Meta a distribué des œuvres par torrenting.")
    assert pairs(doc) == {(PLAINTIFFS, META, "AllegedByParty")}


def test_fr_press_report_without_accuser(run):
    doc = run("L’affaire porte sur des allégations selon lesquelles Meta aurait copié des romans pour "
              "nourrir ses modèles. Le jugement est attendu cette année.")
    assert pairs(doc) == {(None, META, "ReportedByPress")}


def test_fr_denial_is_not_an_allegation(run):
    doc = run("Meta dément ces accusations et conteste toute violation du droit d’auteur. "
              "L’entreprise n’a pas souhaité commenter davantage.")
    assert doc.allegations == []


def test_en_plaintiffs_allege_against_the_defendant(run):
    doc = run("In Kadrey v. Meta, the plaintiffs allege that Meta removed copyright management information "
              "from their books. A hearing is set for May.")
    [al] = doc.allegations
    assert (str(al.by), str(al.against), str(al.claim)) == (PLAINTIFFS, META, f"{ID}claim/dmca-1202-b")


def test_en_meta_denies_is_not_an_allegation_by_meta(run):
    doc = run("In Kadrey v. Meta, Meta denies that it infringed any copyright and says its use was fair. "
              "The court will rule in June.")
    assert all(str(a.by) != META for a in doc.allegations)
    assert doc.allegations == []


def test_en_negated_allegation(run):
    doc = run("In Kadrey v. Meta, the plaintiffs do not allege that Meta sold their books. "
              "The case continues.")
    assert doc.allegations == []


def test_en_motion_to_compel_targets_the_compelled_party(run):
    doc = run("RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant. Case No. 23-cv-03417-VC "
              "DISCOVERY ORDER\n"
              "Plaintiffs move to compel Meta to produce all copies it made of copyrighted works. "
              "The Court addresses the motion below.", name="order.txt")
    assert (PLAINTIFFS, META, "AllegedByParty") in pairs(doc)


def test_en_court_finding_has_court_standing(run):
    doc = run("RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant. Case No. 23-cv-03417-VC ORDER\n"
              "The Court finds that Meta copied the plaintiffs' books in full. The motion is denied.", name="order.txt")
    found = [a for a in doc.allegations if a.standing == "FoundByCourt"]
    assert len(found) == 1 and str(found[0].against) == META and "/court/" in str(found[0].by)


def test_fr_passive_accusation_names_its_accuser(run):
    doc = run("Dans l’affaire Kadrey v. Meta, Meta est accusée par les plaignants d’avoir téléchargé des livres "
              "piratés. L’entreprise conteste.")
    assert pairs(doc) == {(PLAINTIFFS, META, "AllegedByParty")}


def test_en_passive_accusation_without_accuser_is_a_press_report(run):
    doc = run("Meta has been accused of pirating books to train Llama. The company declined to comment.")
    assert pairs(doc) == {(None, META, "ReportedByPress")}


def test_suing_is_accusing(run):
    doc = run("En 2023, les auteurs de l’affaire Kadrey v. Meta ont porté plainte contre Meta pour violation du "
              "droit d’auteur. Le procès a duré deux ans.")
    [al] = doc.allegations
    assert (str(al.by), str(al.against), str(al.claim)) == (PLAINTIFFS, META, f"{ID}claim/copyright-infringement")
