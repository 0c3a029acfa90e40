"""The occasion a statement was made at: one node per speaker, medium and month.

A French article reporting Zuckerberg's words on the April 2024 earnings call and an English one
reporting the same words both point (kkg:medium) at the same occasion node, so the two reports end
up linked across documents and languages without either document knowing of the other. When the
curated data already has that occasion (an earnings call of that month), it is used instead.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from kadrey_kg.ontology import entity_iri

from .patterns import MEDIUM_FR
from .pipeline import Doc, component

# Media where a person speaks on an identifiable occasion (court papers have their own documents).
SPOKEN_MEDIA = ("blog post", "earnings call", "interview", "podcast", "press release", "social media post",
                "conference", "letter")
MEDIUM_KEY = {**{fr: en for en, fr in MEDIUM_FR.items()}, **{en: en for en in MEDIUM_FR}}
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@dataclass
class Occasion:
    iri: URIRef
    medium: str                 # the language-neutral medium key ("earnings call")
    month: str                  # YYYY-MM
    speaker: URIRef
    labels: dict                # {"fr": .., "en": ..}
    curated: bool = False


def _speaker_name(doc: Doc, speaker: URIRef) -> str:
    entity = doc.entities.get(speaker)
    if entity is not None:
        names = sorted((n for ns in entity.names.values() for n in ns), key=lambda n: (-len(n), n))
        if names:
            return names[0]
    return str(speaker).rsplit("/", 1)[-1].replace("-", " ").title()


def _curated_occasion(medium: str, month: str) -> URIRef | None:
    """A curated earnings call of the same month (the only occasions the case data dates that way)."""
    if medium != "earnings call":
        return None
    from kadrey_kg.data import curated

    for entity in curated.entities():
        if "EarningsCall" in entity.types and (entity.date or "")[:7] == month:
            return entity.iri
    return None


@component("occasions", requires=["statements", "entities"], assigns=["occasions"])
def occasions(doc: Doc) -> Doc:
    """Statements said on a dated occasion (earnings call, blog post, interview...) point at one shared occasion node."""
    for st in doc.statements:
        medium = MEDIUM_KEY.get(st.medium or "")
        if medium not in SPOKEN_MEDIA or not st.date or len(st.date) < 7 or not str(st.speaker).startswith("https://w3id.org/kadrey-kg/id/"):
            continue  # a year alone is too vague to say two reports are of one occasion
        month = st.date[:7]
        curated_iri = _curated_occasion(medium, month)
        speaker_slug = str(st.speaker).rsplit("/", 1)[-1]
        iri = curated_iri or entity_iri("event", f"{speaker_slug} {medium} {month}")
        if iri not in doc.occasions:
            year, mm = month.split("-")
            name = _speaker_name(doc, st.speaker)
            labels = {"en": f"{name}: {medium}, {EN_MONTHS[int(mm) - 1]} {year}",
                      "fr": f"{name} : {MEDIUM_FR[medium]}, {FR_MONTHS[int(mm) - 1]} {year}"}
            doc.occasions[iri] = Occasion(iri, medium, month, st.speaker, labels, curated=curated_iri is not None)
        st.occasion = iri
    return doc
