"""A statement reported in French and in English meets on one occasion node (issue 3)."""
from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Literal

from kadrey_kg.ontology import KKG

# no STEPS: conftest's `run` uses the whole pipeline


def _occasions(doc) -> set:
    return {o for st in doc.graph.subjects(RDF.type, KKG.Statement) for o in doc.graph.objects(st, KKG.medium)}


def test_fr_and_en_reports_of_one_earnings_call_share_the_curated_occasion(run):
    fr = run("Meta et ses revenus\n\nLors d'une conférence téléphonique sur les résultats en avril 2024, "
             "Mark Zuckerberg a déclaré que Meta devrait toucher une part des revenus des revendeurs de Llama.\n",
             "appel_fr.txt")
    en = run("Meta and revenue\n\nOn the April 2024 earnings call, Mark Zuckerberg said that Meta should get "
             "a share of the revenue of companies reselling Llama.\n", "call_en.txt")
    occ_fr, occ_en = _occasions(fr), _occasions(en)
    assert occ_fr and occ_fr == occ_en
    assert str(next(iter(occ_fr))).endswith("/id/event/meta-q1-2024-earnings-call")


def test_an_uncurated_occasion_is_created_once_with_labels_in_both_languages(run):
    doc_fr = run("Un billet remarqué\n\nDans un article de blog publié en mai 2023, Jane Doerr a écrit que les "
                 "modèles ouverts profitent aux chercheurs.\n", "blog_fr.txt")
    doc_en = run("A noted post\n\nIn a blog post in May 2023, Jane Doerr wrote that open models help "
                 "researchers.\n", "blog_en.txt")
    occ_fr, occ_en = _occasions(doc_fr), _occasions(doc_en)
    assert occ_fr and occ_fr == occ_en
    occasion = next(iter(occ_fr))
    labels = {lit.language: str(lit) for lit in doc_fr.graph.objects(occasion, RDFS.label)}
    assert labels == {"fr": "Jane Doerr : article de blog, mai 2023", "en": "Jane Doerr: blog post, May 2023"}
    assert (occasion, KKG.date, Literal("2023-05", datatype=XSD.gYearMonth)) in doc_en.graph


def test_a_year_alone_makes_no_occasion(run):
    doc = run("Looking back\n\nIn a 2023 interview, Jane Doerr said that open models help researchers.\n", "vague.txt")
    assert not [o for o in _occasions(doc) if "/id/event/" in str(o)]
