"""Statements and allegations on unseen-style texts written for these tests (FR/EN news, a client
alert, a French brief): coordinated and plural accusers, leaders of a plural subject, titles in
apposition, speakers described after a quote, lawyers speaking for their firm."""
from __future__ import annotations

from kadrey_kg.loaders.pipeline import Pipeline

STEPS = ("read", "detect_language", "segment", "mentions", "link", "statements", "allegations")
ID = "https://w3id.org/kadrey-kg/id/"
META = ID + "org/meta-platforms"
OPENAI = ID + "org/openai"



def accusers(doc, target):
    return {str(a.by) for a in doc.allegations if str(a.against) == target}


def speakers(doc):
    return {str(s.speaker): s for s in doc.statements}


def test_fr_coordinated_suers_and_plural_accusers(run):
    doc = run("Des auteurs américains poursuivent Meta\n\n"
              "Richard Kadrey, Sarah Silverman et Christopher Golden ont porté plainte contre Meta en Californie. "
              "Les écrivains reprochent à Meta d'avoir entraîné Llama sur des copies piratées de leurs livres.\n")
    people = {ID + "person/richard-kadrey", ID + "person/sarah-silverman", ID + "person/christopher-golden"}
    assert people <= accusers(doc, META)
    # each accuser of the plural subject carries the reproach, not only the suit
    reproach = [a for a in doc.allegations if "copies piratées" in a.text]
    assert {str(a.by) for a in reproach} == people
    # a bare suit is the whole sentence, not the words after the target
    suit = [a for a in doc.allegations if "plainte" in a.text]
    assert suit and all(a.text.startswith("Richard Kadrey") for a in suit)
    for a in doc.allegations:
        assert doc.text[a.start:a.end] == a.text


def test_en_plural_subject_led_by_a_named_author(run):
    doc = run("Authors press Meta\n\nThe writers, led by Sarah Silverman, allege that Meta copied their "
              "books without permission to train Llama. The case is pending.\n", name="news.txt")
    assert ID + "person/sarah-silverman" in accusers(doc, META)


def test_plural_noun_without_antecedent_accuses_nobody(run):
    doc = run("The groups allege that OpenAI copied books without permission. Nothing else was said.\n",
              name="short.txt")
    assert not [a for a in doc.allegations if a.by is not None and "group" not in str(a.by)]


def test_fr_title_in_apposition_is_not_the_statement(run):
    doc = run("Meta visée par une plainte\n\nSelon Matthew Butterick, avocat des plaignants, l'affaire pose une "
              "question de principe pour toute l'industrie.\n", name="breve.txt")
    st = speakers(doc)[ID + "person/matthew-butterick"]
    assert st.text.startswith("l'affaire pose")


def test_en_spokesperson_for_company_after_quote(run):
    doc = run("OpenAI responds\n\n\"We believe our models are grounded in fair use and respect creators,\" "
              "a spokesperson for OpenAI said in a statement.\n", name="press.txt")
    st = speakers(doc)[OPENAI]
    assert st.is_quote and st.text.startswith("We believe") and st.medium == "press release"


def test_fr_spokesperson_after_quote(run):
    doc = run("Meta se tait\n\n« Nous n'avons rien à ajouter à ce stade de la procédure », a déclaré un "
              "porte-parole de Meta.\n", name="meta.txt")
    assert speakers(doc)[META].text.startswith("Nous n'avons rien")


def test_en_lawyers_at_a_firm_speak_for_the_firm(run):
    doc = run("Client Alert\n\nAttorneys for the plaintiffs at Boies Schiller Flexner said the ruling was narrow "
              "and would be appealed.\n", name="alert.txt")
    assert ID + "org/boies-schiller-flexner" in speakers(doc)


def test_fr_plural_speakers_are_the_agents_just_named(run):
    doc = run("Les éditeurs contre Meta\n\nLe SNE et la SGDL ont assigné Meta à Paris. Les organisations ont "
              "déclaré que la procédure durera plusieurs années.\n", name="editeurs.txt")
    said = [s for s in doc.statements if s.text.startswith("la procédure")]
    assert len(said) == 2 and len({s.speaker for s in said}) == 2
    assert len(accusers(doc, META)) == 2


def test_en_second_speaker_ends_the_first_reported_clause(run):
    doc = run("Judge rules on training\n\nJudge Vince Chhabria wrote that the copying was highly transformative, "
              "but he said Meta must still answer for the downloads from LibGen.\n", name="ruling.txt")
    judge = [s for s in doc.statements if str(s.speaker) == ID + "person/vince-chhabria"]
    texts = sorted(s.text for s in judge)
    assert len(judge) == 2 and texts[0].startswith("Meta must") and texts[1].endswith("transformative")


def _rels(pipe, tmp_path, text, name):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = Pipeline(STEPS + ("relations",))(path)
    return {(str(r.subject).rsplit("/", 1)[-1], str(r.predicate).rsplit("#", 1)[-1], str(r.object).rsplit("/", 1)[-1])
            for r in doc.relations}


def test_works_for_from_appositions_and_of(pipe, tmp_path):
    rels = _rels(pipe, tmp_path, "Reactions\n\nAccording to Justin Nelson of Susman Godfrey, the ruling is a "
                 "milestone. Sarah Silverman, a writer at Microsoft, said nothing.\n", "reactions.txt")
    assert ("justin-nelson", "worksFor", "susman-godfrey") in rels
    assert ("sarah-silverman", "worksFor", "microsoft") in rels
    rels = _rels(pipe, tmp_path, "Réactions\n\n« C'est une étape décisive pour nous », a déclaré Vincent Montagne, "
                 "président du SNE.\n", "reactions_fr.txt")
    assert any(s == "vincent-montagne" and p == "worksFor" and o in ("sne", "syndicat-national-de-l-edition")
               for s, p, o in rels)


def test_counsel_for_plaintiffs_at_a_firm(pipe, tmp_path):
    rels = _rels(pipe, tmp_path, "Kadrey v. Meta\n\nIn Kadrey v. Meta, lawyers for the plaintiffs at Boies Schiller "
                 "Flexner said the ruling was narrow.\n", "counsel.txt")
    assert ("boies-schiller-flexner", "counselFor", "plaintiffs") in rels
    assert not any(p == "worksFor" for _, p, _ in rels)
