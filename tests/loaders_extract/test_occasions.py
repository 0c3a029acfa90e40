"""A statement reported in French and in English meets on one occasion node (issue 3)."""
from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Literal

from kadrey_kg.loaders.pipeline import Pipeline
from kadrey_kg.ontology import KKG


def _statements_and_occasions(path):
    doc = Pipeline()(path)
    occ = {o for st in doc.graph.subjects(RDF.type, KKG.Statement) for o in doc.graph.objects(st, KKG.medium)}
    return doc, occ


def test_fr_and_en_reports_of_one_earnings_call_share_the_curated_occasion(tmp_path):
    fr = tmp_path / "appel_fr.txt"
    fr.write_text("Meta et ses revenus\n\nLors d'une conférence téléphonique sur les résultats en avril 2024, "
                  "Mark Zuckerberg a déclaré que Meta devrait toucher une part des revenus des revendeurs de Llama.\n",
                  encoding="utf-8")
    en = tmp_path / "call_en.txt"
    en.write_text("Meta and revenue\n\nOn the April 2024 earnings call, Mark Zuckerberg said that Meta should get "
                  "a share of the revenue of companies reselling Llama.\n", encoding="utf-8")
    _, occ_fr = _statements_and_occasions(fr)
    _, occ_en = _statements_and_occasions(en)
    assert occ_fr and occ_fr == occ_en
    assert str(next(iter(occ_fr))).endswith("/id/event/meta-q1-2024-earnings-call")


def test_an_uncurated_occasion_is_created_once_with_labels_in_both_languages(tmp_path):
    fr = tmp_path / "blog_fr.txt"
    fr.write_text("Un billet remarqué\n\nDans un article de blog publié en mai 2023, Jane Doerr a écrit que les "
                  "modèles ouverts profitent aux chercheurs.\n", encoding="utf-8")
    en = tmp_path / "blog_en.txt"
    en.write_text("A noted post\n\nIn a blog post in May 2023, Jane Doerr wrote that open models help "
                  "researchers.\n", encoding="utf-8")
    doc_fr, occ_fr = _statements_and_occasions(fr)
    doc_en, occ_en = _statements_and_occasions(en)
    assert occ_fr and occ_fr == occ_en
    occasion = next(iter(occ_fr))
    labels = {lit.language: str(lit) for lit in doc_fr.graph.objects(occasion, RDFS.label)}
    assert labels == {"fr": "Jane Doerr : article de blog, mai 2023", "en": "Jane Doerr: blog post, May 2023"}
    assert (occasion, KKG.date, Literal("2023-05", datatype=XSD.gYearMonth)) in doc_en.graph


def test_a_year_alone_makes_no_occasion(tmp_path):
    en = tmp_path / "vague.txt"
    en.write_text("Looking back\n\nIn a 2023 interview, Jane Doerr said that open models help researchers.\n",
                  encoding="utf-8")
    doc, occ = _statements_and_occasions(en)
    assert not [o for o in occ if "/id/event/" in str(o)]
