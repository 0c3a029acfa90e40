"""The `statements` component on short French and English texts written for these tests.

Each text goes through the real pipeline (read, language, spaCy, gazetteer mentions, linking), so
speakers are the curated IRIs (person/mark-zuckerberg, org/meta-platforms, group/plaintiffs…).
"""
from __future__ import annotations

from kadrey_kg.loaders.statements import find_quotes

STEPS = ("read", "detect_language", "segment", "mentions", "link", "statements")
ZUCK = "https://w3id.org/kadrey-kg/id/person/mark-zuckerberg"
META = "https://w3id.org/kadrey-kg/id/org/meta-platforms"
PLAINTIFFS = "https://w3id.org/kadrey-kg/id/group/plaintiffs"



def by(doc, speaker):
    return [s for s in doc.statements if str(s.speaker) == speaker]


# ---- French ---------------------------------------------------------------------------------------
def test_fr_reported_speech_with_date_and_medium(run):
    doc = run("Dans un entretien publié le 3 mars 2024, Mark Zuckerberg a déclaré que Meta ne vendrait jamais "
              "l’accès à ses modèles d’intelligence artificielle. La presse spécialisée a largement relayé l’information.")
    [st] = by(doc, ZUCK)
    assert st.text.startswith("Meta ne vendrait jamais")
    assert (st.date, st.medium, st.is_quote, st.lang) == ("2024-03-03", "entretien", False, "fr")
    assert META in {str(a) for a in st.about}
    assert doc.text[st.start:st.end] == st.text


def test_fr_quote_split_by_attribution_gives_two_statements(run):
    doc = run("« Nous pensons que l’open source est l’avenir de l’intelligence artificielle », a écrit Zuckerberg "
              "dans un billet de blog. « Les développeurs pourront modifier et améliorer tous nos modèles. »")
    quotes = by(doc, ZUCK)
    assert [q.text for q in quotes] == [
        "Nous pensons que l’open source est l’avenir de l’intelligence artificielle",
        "Les développeurs pourront modifier et améliorer tous nos modèles.",
    ]
    assert all(q.is_quote and q.medium == "article de blog" for q in quotes)


def test_fr_block_quote_with_dash_attribution(run):
    doc = run("Le patron de Meta avait déjà évoqué cette idée devant les investisseurs.\n\n"
              "« Si vous revendez nos modèles, nous pensons qu’on devrait toucher une part des revenus. »\n\n"
              "– Mark Zuckerberg, lors d’un appel aux résultats en avril 2024\n\n"
              "La citation a beaucoup circulé sur les réseaux sociaux depuis.")
    quote = [s for s in by(doc, ZUCK) if s.is_quote]
    assert len(quote) == 1
    assert (quote[0].date, quote[0].medium) == ("2024-04", "conférence sur les résultats")


def test_fr_pronoun_speaker_resolves_to_last_named_person(run):
    doc = run("Mark Zuckerberg a présenté Llama l’année dernière devant la presse. "
              "Il a insisté sur une chose : vendre l’accès aux modèles ne faisait pas partie du plan de Meta.")
    [st] = by(doc, ZUCK)
    assert st.text.startswith("vendre l’accès")


def test_fr_selon(run):
    doc = run("Selon Zuckerberg, rendre les modèles accessibles améliore les produits de l’entreprise. "
              "Les analystes restent partagés sur cette stratégie.")
    [st] = by(doc, ZUCK)
    assert st.text.startswith("rendre les modèles accessibles")


def test_fr_unattributed_quote_is_nobody_s(run):
    doc = run("Le texte mentionne une « utilisation équitable » des œuvres protégées. "
              "« Cette phrase entre guillemets ne vient de personne en particulier. » Meta et Microsoft sont cités plus loin.")
    assert doc.statements == []


def test_fr_party_contention_is_left_to_allegations(run):
    doc = run("Dans le procès Kadrey v. Meta, les plaignants affirment que Meta a téléchargé des livres piratés. "
              "Le procès continue à San Francisco.")
    assert by(doc, PLAINTIFFS) == []


# ---- English --------------------------------------------------------------------------------------
def test_en_said_with_earnings_call_and_month(run):
    doc = run("Meta CEO Mark Zuckerberg said in an earnings call in April 2024 that the company would share "
              "revenue with cloud providers. He added that Llama would stay open to developers.")
    sts = by(doc, ZUCK)
    assert [s.text for s in sts] == ["the company would share revenue with cloud providers.",
                                     "Llama would stay open to developers."]
    assert all((s.date, s.medium) == ("2024-04", "earnings call") for s in sts)


def test_en_quote_with_colon(run):
    doc = run("In Kadrey v. Meta, the plaintiffs said: “This search targets evidence of Meta's torrenting of "
              "copyrighted works.” The parties met twice to discuss it.")
    [st] = by(doc, PLAINTIFFS)
    assert st.is_quote and st.text.startswith("This search targets evidence")


def test_en_negated_speech_is_no_statement(run):
    doc = run("Mark Zuckerberg did not say that Meta would charge for Llama. Analysts expect a decision next year.")
    assert by(doc, ZUCK) == []


def test_en_court_order_holdings_are_the_court_s(run):
    doc = run("UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF CALIFORNIA RICHARD KADREY, et al., Plaintiffs, "
              "v. META PLATFORMS, INC., Defendant. ORDER GRANTING MOTION TO DISMISS\n"
              "Meta has moved to dismiss the negligence claim. The motion is granted. "
              "The Court agrees with Meta that the complaint does not plead a duty of care.", name="order.txt")
    court = [s for s in doc.statements if "/court/" in str(s.speaker)]
    assert {s.text for s in court} == {"The motion is granted.",
                                       "The Court agrees with Meta that the complaint does not plead a duty of care."}
    [motion] = by(doc, META)
    assert motion.medium == "motion"


def test_find_quotes_keeps_outer_quote_and_open_ending():
    text = "Il a dit « un “petit” mot » puis “never closed"
    qs = find_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in qs] == ["un “petit” mot", "never closed"]


def test_spokesperson_speaks_for_the_company(run):
    doc = run("Un porte-parole de Meta a déclaré que l’entreprise respectait le droit d’auteur. "
              "Aucun autre commentaire n’a été fait.")
    [st] = by(doc, META)
    assert st.text == "l’entreprise respectait le droit d’auteur."


def test_judge_ruling_in_a_news_text(run):
    doc = run("Le juge Vince Chhabria a donné raison à Meta en juin 2025. Les auteurs ont annoncé un appel.")
    [st] = by(doc, "https://w3id.org/kadrey-kg/id/person/vince-chhabria")
    assert st.date == "2025-06" and st.text.startswith("Le juge Vince Chhabria")
