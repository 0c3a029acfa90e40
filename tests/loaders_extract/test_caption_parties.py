"""A company named alone as a party of a case caption is an organisation, and NER's misses of its
name later in the text still count as mentions (so statements and allegations can attach to it)."""
from __future__ import annotations

from kadrey_kg.loaders.pipeline import Pipeline
from kadrey_kg.ontology import KKGID


def test_caption_party_becomes_an_org_and_its_repeats_are_mentions(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(
        "Court weighs training claims against Quillsoft\n\n"
        "A judge heard arguments on Tuesday in Marlow v. Quillsoft, a suit over AI training data. "
        "The writers, led by Dana Marlow, allege that Quillsoft copied their novels without a licence. "
        "\"We respect authors and will defend our models,\" a Quillsoft spokesperson said in a statement.\n",
        encoding="utf-8")
    doc = Pipeline()(path)
    org = KKGID["org/quillsoft"]
    assert doc.entities[org].kind == "org"
    assert not any("person/quillsoft" in str(e) for e in doc.entities)
    assert sum(1 for m in doc.mentions if m.entity == org) >= 3
    assert any(a.against == org for a in doc.allegations)
    assert any(s.speaker == org for s in doc.statements)
