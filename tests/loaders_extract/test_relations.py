"""The `relations` component: unit texts written for these tests (FR and EN) and the links of the
../shared gold, all through the real pipeline."""
from __future__ import annotations

import json

import pytest

from kadrey_kg.loaders.pipeline import Pipeline
from kadrey_kg.ontology import KKG, normalize_name

STEPS = ("read", "detect_language", "segment", "mentions", "link", "statements", "relations")
ID = "https://w3id.org/kadrey-kg/id/"
META, ZUCK, LLAMA = f"{ID}org/meta-platforms", f"{ID}person/mark-zuckerberg", f"{ID}model/llama"
CASE = f"{ID}case/kadrey-v-meta"



def triples(doc):
    return {(str(r.subject).removeprefix(ID), str(r.predicate).split("#")[-1], str(r.object).removeprefix(ID))
            for r in doc.relations}


def test_fr_ceo_apposition_and_develops(run):
    doc = run("Mark Zuckerberg, PDG de Meta, défend les modèles Llama de Meta depuis deux ans. "
              "Les critiques restent nombreuses.")
    got = triples(doc)
    assert ("person/mark-zuckerberg", "ceoOf", "org/meta-platforms") in got
    assert ("org/meta-platforms", "develops", "model/llama") in got
    for r in doc.relations:
        assert 0 <= r.start < r.end <= len(doc.text)


def test_en_ceo_title_before_name(run):
    doc = run("Meta CEO Mark Zuckerberg spoke to investors on Wednesday. The stock rose slightly afterwards.")
    assert ("person/mark-zuckerberg", "ceoOf", "org/meta-platforms") in triples(doc)


def test_fr_hosts_from_following_list_owner_in_brackets_and_acronym_alias(run):
    doc = run("Meta a reconnu plusieurs partenaires qui hébergent Llama. Il s’agit notamment de :\n"
              "- Azure (Microsoft)\n- AWS (Amazon Web Services)\n- Nvidia\n"
              "Cette liste couvre une grande partie du marché.")
    got = triples(doc)
    for host in ("product/microsoft-azure", "org/amazon-web-services", "org/nvidia"):
        assert (host, "hosts", "model/llama") in got
    assert ("org/microsoft", "owns", "product/microsoft-azure") in got
    assert not any(p == "owns" and o == "org/amazon-web-services" or s == "org/amazon-web-services" and p == "owns"
                   for s, p, o in got)


def test_fr_revenue_sharing_with_enumerated_partners(run):
    doc = run("Meta a signé des accords avec certains partenaires qui hébergent Llama, comme AWS ou Nvidia, pour "
              "partager un pourcentage des revenus générés. Le montant reste confidentiel.")
    got = triples(doc)
    assert {("org/meta-platforms", "sharesRevenueWith", "org/amazon-web-services"),
            ("org/meta-platforms", "sharesRevenueWith", "org/nvidia")} <= got
    assert ("org/amazon-web-services", "hosts", "model/llama") in got


def test_fr_integrated_into_each_listed_product(run):
    doc = run("L’entreprise mise sur Meta AI intégré dans WhatsApp ou Instagram pour ses ambitions. "
              "Les résultats sont attendus en 2025.")
    got = triples(doc)
    assert {("product/meta-ai", "integratedInto", "product/whatsapp"),
            ("product/meta-ai", "integratedInto", "product/instagram")} <= got


def test_en_caption_parties_bench_and_court(run):
    doc = run("UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF CALIFORNIA\n"
              "RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant. Case No. 23-cv-03417-VC\n"
              "Hixson, Thomas S., United States Magistrate Judge\nDISCOVERY ORDER\n"
              "On February 27, 2025, Judge Chhabria ordered each side to propose discovery.", name="order.txt")
    got = triples(doc)
    assert {("case/kadrey-v-meta", "plaintiff", "person/richard-kadrey"),
            ("case/kadrey-v-meta", "plaintiff", "group/plaintiffs"),
            ("case/kadrey-v-meta", "defendant", "org/meta-platforms"),
            ("case/kadrey-v-meta", "magistrateJudge", "person/thomas-s-hixson"),
            ("case/kadrey-v-meta", "judge", "person/vince-chhabria")} <= got
    assert ("case/kadrey-v-meta", "defendant", "group/plaintiffs") not in got


def test_en_counsel_for(run):
    doc = run("Cooley, counsel for Meta in the authors' lawsuit, filed the opposition on Friday. The hearing is in May.")
    assert ("org/cooley", "counselFor", "org/meta-platforms") in triples(doc)


def test_a_relation_span_ends_inside_its_sentence_and_the_text(run):
    # the counsel pattern looked 40 characters past "représente" for the client, and the span kept
    # that reach even at the end of the text (found by hypothesis: endOffset past the body)
    doc = run("Dans l'affaire Kadrey v. Meta, les auteurs reprochent à Meta d'avoir agi ainsi. "
              "Le cabinet Turner Johnson Avocats représente les plaignants.")
    counsel = [r for r in doc.relations if str(r.predicate).endswith("#counselFor")]
    assert counsel, triples(doc)
    for r in doc.relations:
        assert 0 <= r.start < r.end <= len(doc.text), (r, len(doc.text))


def test_names_side_by_side_are_not_related(run):
    doc = run("Meta and Microsoft both attended the conference in Paris, as did Nvidia. Llama was discussed.")
    assert triples(doc) == set()


# ---- the gold links ---------------------------------------------------------------------------------
# gold "rel" -> (predicate, the gold pair in the predicate's direction)
GOLD_REL = {
    "develops": ("develops", False), "ceo_of": ("ceoOf", False), "owns": ("owns", False), "hosts": ("hosts", False),
    "revenue_share_with": ("sharesRevenueWith", False), "integrated_into": ("integratedInto", False),
    "partner_of": ("partnerOf", False), "defendant_in": ("defendant", True), "plaintiff_in": ("plaintiff", True),
    "heard_in": ("court", False), "judge_in": ("judge", True), "magistrate_judge_in": ("magistrateJudge", True),
}


def _iris(doc, names) -> set[str]:
    from kadrey_kg.loaders.gazetteer import default_gazetteer

    names_n = {normalize_name(n) for n in names}
    out = {str(m.entity) for m in doc.mentions if m.entity is not None and normalize_name(m.text) in names_n}
    out |= {str(i) for n in names if (i := default_gazetteer().lookup(n)) is not None}
    return out


@pytest.mark.slow
def test_gold_links_recall(shared_dir, pipe):
    found = total = extracted = matched = 0
    for gold_file, folder in (("gold/seeds.json", "seeds"), ("corpus/en/gold.json", "corpus/en")):
        gold = json.loads((shared_dir / gold_file).read_text(encoding="utf-8"))
        ents = {e["id"]: e for e in gold["entities"]}
        for name, g in gold["docs"].items():
            doc = pipe(shared_dir / folder / name)
            got = {(str(r.subject), str(r.predicate).split("#")[-1], str(r.object)) for r in doc.relations}
            hits, n, used = 0, 0, set()
            for link in g.get("links", []):
                if link["rel"] not in GOLD_REL:
                    continue     # presented, trains, published…: not in the ontology
                pred, flip = GOLD_REL[link["rel"]]
                A, B = _iris(doc, ents[link["a"]]["names"]), _iris(doc, ents[link["b"]]["names"])
                if flip:
                    A, B = B, A
                n += 1
                hit = {t for t in got if t[1] == pred and ((t[0] in A and t[2] in B) or
                                                         (pred == "partnerOf" and t[0] in B and t[2] in A))}
                hits += bool(hit)
                used |= hit
            print(f"links {name}: {hits}/{n}; {len(used)}/{len(got)} extracted relations are gold links")
            found, total, matched, extracted = found + hits, total + n, matched + len(used), extracted + len(got)
    print(f"links overall: recall {found}/{total} = {found / total:.2f}; "
          f"{matched}/{extracted} extracted relations match a gold link")
    assert found / total >= 0.8


def test_fr_filing_filed_in_case_and_contradicting_the_statements_it_introduces(run):
    doc = run("Un document judiciaire récemment non expurgé, qui fait partie du procès Kadrey v. Meta, révèle que "
              "Meta partage ses revenus avec les hébergeurs de Llama. Cette révélation semble contredire les "
              "déclarations antérieures de Mark Zuckerberg. Dans un billet de blog, Zuckerberg a déclaré que la vente "
              "de l’accès aux modèles ne faisait pas partie du modèle économique de Meta. Les analystes restent prudents.")
    rels = [(str(r.subject), str(r.predicate), str(r.object)) for r in doc.relations]
    filed = [s for s, p, o in rels if p == str(KKG.filedIn) and o == CASE]
    assert filed, rels
    contradicted = [o for s, p, o in rels if p == str(KKG.contradicts)]
    zuck = [st for st in doc.statements if str(st.speaker) == ZUCK]
    assert len(zuck) == 1 and len(contradicted) == 1
    assert contradicted[0].startswith(str(doc.iri)) and contradicted[0].split("/statement/")[0] == str(doc.iri)
    assert all(s == filed[0] for s, p, o in rels if p == str(KKG.contradicts))


def test_contradicted_statement_is_the_node_to_rdf_writes(tmp_path):
    """`statement_iri` and loaders/rdf.py name a statement the same way, so the edge lands on it."""
    from rdflib import RDF

    path = tmp_path / "note.txt"
    path.write_text("Un document judiciaire récemment non expurgé, qui fait partie du procès Kadrey v. Meta, révèle "
                    "que Meta partage ses revenus. Cette révélation semble contredire les déclarations antérieures de "
                    "Mark Zuckerberg. Dans un billet de blog, Zuckerberg a déclaré que la vente de l’accès aux modèles "
                    "ne faisait pas partie du modèle économique de Meta.", encoding="utf-8")
    doc = Pipeline(STEPS + ("to_rdf",))(path)
    objects = list(doc.graph.objects(None, KKG.contradicts))
    assert objects and all((o, RDF.type, KKG.Statement) in doc.graph for o in objects)


def test_en_possessive_model_and_availability_list(run):
    doc = run("Meta's large language model, Llama, is available through partners including Amazon Web Services, "
              "Google Cloud and Microsoft Azure. Nvidia was mentioned at the same conference.")
    got = triples(doc)
    assert ("org/meta-platforms", "develops", "model/llama") in got
    hosts = {s for s, p, o in got if p == "hosts" and o == "model/llama"}
    assert hosts == {"org/amazon-web-services", "product/google-cloud", "product/microsoft-azure"}


def test_fr_model_apposition_and_hosts_across_prepositions(run):
    doc = run("Llama, le modèle d’IA de Meta, est disponible sur Google Cloud et chez Databricks. "
              "Les prix restent confidentiels.")
    got = triples(doc)
    assert ("org/meta-platforms", "develops", "model/llama") in got
    assert {("product/google-cloud", "hosts", "model/llama"), ("org/databricks", "hosts", "model/llama")} <= got


def test_en_hosting_partners_named_before_the_cue_and_a_noun_is_no_verb(run):
    doc = run("Meta shares revenue with Llama hosts, a filing shows. Meta has previously named AWS, Nvidia and "
              "Snowflake as Llama hosting partners.")
    got = triples(doc)
    hosts = {s for s, p, o in got if p == "hosts"}
    assert hosts == {"org/amazon-web-services", "org/nvidia", "org/snowflake"}
    for r in doc.relations:
        if str(r.predicate).endswith("hosts"):
            assert "hosting" in doc.text[r.start:r.end]
