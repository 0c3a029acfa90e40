"""The `link` component: each mention to one entity IRI, known (curated) or new.

Known names resolve through the gazetteer in either language. Unknown people and organisations
get `entity_iri(kind, canonical name)`, so the same name meets itself across documents and
languages; a surname alone joins a full name of the same document. Cases are linked by case
number or full caption only (two suits against Meta are never merged). "The Court" is the court
that issued a court document; "plaintiffs" is the plaintiffs group of the case the document is
about; "Meta's CEO" is the person the text (or the curated data) names as Meta's CEO.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from rdflib import URIRef

from kadrey_kg.ontology import KKG, KKGDOC, entity_iri, normalize_name, slugify, sub_iri

from .gazetteer import ORG_SUFFIXES, Gazetteer, case_number_key, default_gazetteer
from .nlp import lang_at
from .pipeline import Doc, Entity, Mention, component

COURT_KINDS = ("court-order", "filing", "transcript")
TITLE_WORDS = {"judge", "magistrate", "justice", "chief", "mr", "ms", "mrs", "dr", "m", "mme", "me", "juge",
               "le", "la", "united", "states", "district", "u", "s", "senator", "president", "professor"}
COURT_WORDS = re.compile(r"\b(?:Court|COURT|Tribunal|tribunal|Cour)\b")
DOC_NOUN_AFTER = re.compile(r"\s+(paper|technical report|research paper|white paper|model card|report)\b")
POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+$")
DEFINED_DOCUMENTS = re.compile(r"(?<=\b[Tt]he )(?:[A-Z][a-z]+ ){1,3}(?:Documents|Materials|Report|Memorandum)\b")
_FR_FILING = (r"(?:documents?|dépôts?|pièces?) (?:judiciaires?|juridiques?)(?: (?:récemment |nouvellement )?"
              r"(?:non expurgée?s?|mise?s? au jour|rendue?s? publics?|rendue?s? publiques?|dévoilée?s?|révélée?s?|déclassifiée?s?))?"
              r"|documents? non expurgée?s?")
_EN_FILING = (r"(?:(?:newly |recently )?(?:unredacted|unsealed) (?:court )?(?:filings?|documents?|complaint)"
              r"|court (?:filings?|documents?|papers))")
FILING = re.compile(rf"\b(?:{_FR_FILING}|{_EN_FILING})\b")
FILING_ANAPHOR = re.compile(r"(?:(?<=^)|(?<=[.!?»]\s)|(?<=\n))(?:Ce|Le|Les|Ces|The|This|These) (?:documents?|filings?)\b")
PLAINTIFF_WORDS = ("plaintiff", "plaignant", "demandeur")


def canonical_person(name: str) -> str:
    """"Hixson, Thomas S." -> "Thomas S. Hixson"; "Judge Chhabria" -> "Chhabria"; caps -> Title."""
    name = re.sub(r"[’']s$", "", name.strip())
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        if last and first and " " not in last:
            name = f"{first} {last}"
    words = name.split()
    while len(words) > 1 and normalize_name(words[0]) in TITLE_WORDS:
        words.pop(0)
    name = " ".join(words)
    return _title(name) if name.isupper() else name


def canonical_court(name: str) -> str:
    """"UNITED STATES DISTRICT COURT SOUTHERN DISTRICT OF NEW YORK", "U.S. District Court, S.D.N.Y."
    spellings of one court share one name: "United States District Court for the Southern District of New York"."""
    name = re.sub(r"^U\.\s?S\.", "United States", " ".join(name.split()))
    if name.isupper():
        name = " ".join(w if w in ("OF", "FOR", "THE") else w.capitalize() for w in name.split())
        name = re.sub(r"\b(Of|For|The|OF|FOR|THE)\b", lambda m: m.group(0).lower(), name)
    name = re.sub(r"(Court),?\s+(?:for\s+the\s+)?((?:[A-Z][a-z]+\s+)?(?:District|Circuit)\b)", r"\1 for the \2", name)
    return name


def canonical_org(name: str) -> str:
    """"ACME CORP., INC." -> "Acme"; the legal-form suffix is an alias, not the name."""
    name = re.sub(r"[’']s$", "", name.strip())
    words = name.replace(",", " ,").split()
    while len(words) > 1 and (words[-1] == "," or normalize_name(words[-1]) in ORG_SUFFIXES):
        words.pop()
    name = " ".join(words).replace(" ,", ",").strip(" ,")
    return _title(name) if name.isupper() and len(name) > 5 else name


def canonical_case(name: str) -> str:
    """"Tremblay v. OpenAI, Inc." and "Tremblay v. OpenAI" are one case: each party without its
    legal form ("Inc.", "et al.")."""
    parts = re.split(r"\s+(v\.?|vs\.?|c\.)\s+", " ".join(name.split()), maxsplit=1)
    if len(parts) != 3:
        return name.strip()
    left, sep, right = parts
    return f"{canonical_org(left.rstrip('.').rstrip(',')) or left} {sep} {canonical_org(right.rstrip(',')) or right}"


def _title(name: str) -> str:
    return " ".join(w.capitalize() if w.isalpha() else w.title() for w in name.split())


class Linker:
    def __init__(self, doc: Doc, gaz: Gazetteer):
        self.doc, self.gaz = doc, gaz
        self.entities: dict[URIRef, Entity] = {}

    # ---- entity bookkeeping ----------------------------------------------------------------------
    def use(self, iri: URIRef, kind: str, surface: str, lang: str, known: bool) -> URIRef:
        ent = self.entities.get(iri)
        if ent is None:
            ent = self.entities[iri] = Entity(iri, kind, {}, known)
        ent.names.setdefault(lang, set()).add(surface)
        return iri

    def known(self, iri: URIRef, m: Mention) -> URIRef:
        return self.use(iri, self.gaz.kinds.get(iri, "org"), m.text, lang_at(self.doc, m.start), True)

    def new(self, kind: str, name: str, m: Mention) -> URIRef:
        iri = entity_iri(kind, name)
        if iri in self.gaz.kinds:  # a curated entity already has this IRI
            return self.known(iri, m)
        self.use(iri, kind, name, "", False)  # "" holds the canonical name (see rdf.canonical_name)
        return self.use(iri, kind, m.text, lang_at(self.doc, m.start), False)

    # ---- the document's context ------------------------------------------------------------------
    def main_case(self, mentions: list[Mention]) -> URIRef | None:
        meta = self.doc.meta
        if meta.case_number and (key := case_number_key(meta.case_number)) and key in self.gaz.case_numbers:
            return self.gaz.case_numbers[key]
        by_number = [m.entity for m in mentions if m.label == "CASE" and m.entity and case_number_key(m.text)]
        if by_number:
            return by_number[0]
        counts = Counter(m.entity for m in mentions if m.label == "CASE" and m.entity and m.source != "context")
        top = counts.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            return top[0][0]
        return None

    def issuing_court(self, mentions: list[Mention]) -> URIRef | None:
        courts = [m.entity for m in mentions if m.entity and self._kind(m.entity) == "court"]
        meta = self.doc.meta
        if meta.kind in COURT_KINDS:
            if courts:
                return courts[0]
            if meta.publisher and COURT_WORDS.search(meta.publisher):  # the court that issued it
                iri = self.gaz.lookup(meta.publisher, "court")
                return iri or entity_iri("court", canonical_court(meta.publisher))
            return None
        return courts[0] if len(set(courts)) == 1 else None

    def plaintiffs_of(self, case: URIRef | None) -> URIRef | None:
        if case is None:
            return None
        for s, p, o in self.gaz.facts:
            if s == case and p == KKG.plaintiff and self.gaz.kinds.get(o) == "group":
                return o
        if case not in self.gaz.kinds:
            return None
        groups = {e.iri for e in self.gaz.entries if e.kind == "group"
                  and any(w in normalize_name(e.name) for w in PLAINTIFF_WORDS)}
        return next(iter(groups)) if len(groups) == 1 else None

    # ---- resolution --------------------------------------------------------------------------------
    def case(self, m: Mention) -> URIRef | None:
        if key := case_number_key(m.text):
            iri = self.gaz.case_numbers.get(key)
            if iri:
                return self.known(iri, m)
            meta = self.doc.meta
            if meta.case_number and case_number_key(meta.case_number) == key and meta.extra.get("case_name"):
                # this document's own case: named by its caption, identified by its number
                self.use(entity_iri("case", key), "case", meta.extra["case_name"], "", False)
                return self.use(entity_iri("case", key), "case", m.text, lang_at(self.doc, m.start), False)
            return self.new("case", key, m)
        name = canonical_case(m.text)
        iri = self.gaz.lookup(m.text, "case") or self.gaz.lookup(name, "case")
        return self.known(iri, m) if iri else self.new("case", name, m)

    def person(self, m: Mention, full_names: dict[str, URIRef]) -> URIRef | None:
        name = canonical_person(m.text)
        if not name or not any(c.isalpha() for c in name):
            return None
        iri = self.gaz.lookup(name, "person")
        words = name.split()
        if iri is None and len(words) == 1:
            iri = self.gaz.surname(name)
            if iri is None and (local := full_names.get(normalize_name(name))):
                return self.use(local, "person", m.text, lang_at(self.doc, m.start), False)
        if iri is not None:
            return self.known(iri, m)
        if len(words) == 1 and m.source == "ner":
            if normalize_name(name) in self.caption_parties():
                # a party named alone in a case caption of this text ("Bartz v. Anthropic") is an organisation
                return self.new("org", name, m)
            return None  # a lone capitalised word NER calls a person ("Claude") is too unsure
        return self.new("person", name, m)

    def caption_parties(self) -> set[str]:
        """Normalized single-word parties of the case captions this text names ("X v. Y", « X c. Y »)."""
        if not hasattr(self, "_caption_parties"):
            parties = set()
            for cm in self.doc.mentions:
                if cm.label == "CASE":
                    for side in re.split(r"\s+(?:v\.?|vs\.?|c\.|contre)\s+", cm.text):
                        side = re.sub(r",?\s+(?:et al\.?|Inc\.?|LLC|Ltd\.?|Corp\.?|PBC)$", "", side.strip())
                        if len(side.split()) == 1:
                            parties.add(normalize_name(side))
            self._caption_parties = parties
        return self._caption_parties

    def acronyms(self, mentions: list[Mention]) -> dict[str, Mention]:
        """"Syndicat national de l'édition (SNE)": SNE names the same organisation in this text."""
        out = {}
        for m in mentions:
            if m.label in ("ORG", "COURT") or (m.entity and self._kind(m.entity) in ("org", "court")):
                hit = re.match(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)", self.doc.text[m.end:m.end + 14])
                if hit and len(hit.group(1)) < len(m.text):
                    out.setdefault(hit.group(1), m)
        return out

    def org(self, m: Mention, court: URIRef | None, full_names: dict[str, URIRef]) -> URIRef | None:
        name = canonical_org(m.text)
        if (full := self.acronyms_seen.get(m.text)) is not None and full is not m:
            target = full.entity or self.org(full, court, full_names)
            if target is not None:
                full.entity = target
                return self.use(target, self._kind(target) or "org", m.text, lang_at(self.doc, m.start),
                                target in self.gaz.kinds)
        if (local := full_names.get(normalize_name(name))) is not None:  # NER read a surname as an org
            return self.use(local, "person", m.text, lang_at(self.doc, m.start), False)
        iri = self.gaz.lookup(m.text) or self.gaz.lookup(name)
        if iri is not None:
            return self.known(iri, m)
        if COURT_WORDS.search(name):
            # "District Court" inside an order of the N.D. Cal. is that court, not a new one
            if court is not None and any(normalize_name(name) in normalize_name(n) for n in self.gaz.names_of(court)):
                return self.known(court, m)
            return self.new("court", name, m) if len(name.split()) >= 3 else None
        kind = "product" if m.label == "PRODUCT" else "org"
        return self.new(kind, name, m)

    def role(self, m: Mention, resolved: list[Mention], seen: dict[URIRef, URIRef]) -> URIRef | None:
        """"le PDG de Meta" / "Meta's CEO": the person the text puts in apposition (here or earlier),
        else the curated CEO of that organisation."""
        org = next((r.entity for r in resolved if r.entity and m.start <= r.start and r.end <= m.end
                    and self._kind(r.entity) == "org"), None)
        if org is None:
            return None
        # apposition: "Mark Zuckerberg, PDG de Meta" / "Meta CEO Mark Zuckerberg"
        text = self.doc.text
        for r in resolved:
            if r.entity and self._kind(r.entity) == "person":
                gap = text[r.end:m.start] if r.end <= m.start else text[m.end:r.start] if m.end <= r.start else None
                if gap is not None and re.fullmatch(r"[ \t]*[,(]?[ \t]*", gap):  # same line, next to it
                    seen[org] = r.entity
        person = seen.get(org) or next((s for s, p, o in self.gaz.facts if p == KKG.ceoOf and o == org), None)
        return self.use(person, "person", m.text, lang_at(self.doc, m.start), person in self.gaz.kinds) if person else None

    def cited_documents(self, mentions: list[Mention], case: URIRef | None) -> list[Mention]:
        """Documents the text cites: "Meta's Llama 2 paper" (about Llama 2, published by Meta) and
        capitalised defined terms such as "the Sequestered Documents" (scoped to the case)."""
        text, out, cited = self.doc.text, [], []
        for m in mentions:
            if not m.entity or self._kind(m.entity) not in ("model", "product", "dataset"):
                continue
            hit = DOC_NOUN_AFTER.match(text, m.end)
            if not hit:
                continue
            name = f"{m.text} {hit.group(1)}"
            owner = None
            pos = POSSESSIVE_BEFORE.search(text[max(0, m.start - 4):m.start])
            if pos:
                owner = next((o.entity for o in mentions if o.entity and o.end == m.start - len(pos.group(0))
                              and self._kind(o.entity) in ("org", "person")), None)
            cited.append((m.start, hit.end(), name, KKGDOC["cited/" + slugify(name)], m.entity, owner))
        for hit in DEFINED_DOCUMENTS.finditer(text):
            scope = str(case).rsplit("/", 1)[-1] + "/" if case else f"{slugify(str(self.doc.iri).rsplit('/', 1)[-1])}/"
            name = hit.group(0)
            cited.append((hit.start(), hit.end(), name, KKGDOC["cited/" + scope + slugify(name)], None, None))
        cited.extend(self.reported_filing(case))
        for start, end, name, iri, about, owner in cited:
            m = Mention(start, end, text[start:end], "DOCUMENT", None, "pattern")
            self.use(iri, "document", name, "", False)
            m.entity = self.use(iri, "document", text[start:end], lang_at(self.doc, start), False)
            out.append(m)
            self.doc.meta.extra.setdefault("cited_documents", []).append(
                {"iri": iri, "about": about, "publisher": owner, "start": start, "end": end})
        return out

    def reported_filing(self, case: URIRef | None) -> list[tuple]:
        """« un document judiciaire récemment non expurgé », "newly unredacted court filings": a text
        about a case reports on a filing of that case; later « Ce document » / "The filing" is it too.
        One node per reporting text (it cannot know which docket entry it is)."""
        if case is None or self.doc.meta.kind in COURT_KINDS:
            return []
        text = self.doc.text
        hits = sorted([(h.start(), h.end()) for h in FILING.finditer(text)])
        if not hits:
            return []
        first = hits[0][0]
        hits += [(h.start(), h.end()) for h in FILING_ANAPHOR.finditer(text) if h.start() > first
                 and not any(s <= h.start() < e for s, e in hits)]
        name = text[hits[0][0]:hits[0][1]]
        iri = sub_iri(self.doc.iri, "filing", case)
        self.doc.meta.extra.setdefault("reported_filings", []).append({"iri": iri, "case": case})
        return [(s, e, name, iri, None, None) for s, e in sorted(hits)]

    def _kind(self, iri: URIRef) -> str:
        return self.gaz.kinds.get(iri) or (self.entities[iri].kind if iri in self.entities else "")

    def site_mentions(self) -> list[Mention]:
        """The publisher or source site ("From Casetext: ...") named in the text is an organisation
        the document names; a court publisher is already a court mention."""
        out, taken = [], [(m.start, m.end) for m in self.doc.mentions]
        for name in (self.doc.meta.publisher, self.doc.meta.extra.get("source_site")):
            if not name or COURT_WORDS.search(name) or len(name) < 3:
                continue
            for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", self.doc.text, re.I):
                if not any(hit.start() < e and s < hit.end() for s, e in taken):
                    out.append(Mention(hit.start(), hit.end(), hit.group(0), "ORG", source="pattern"))
                    taken.append((hit.start(), hit.end()))
        return out

    def run(self) -> None:
        self.doc.mentions = sorted(self.doc.mentions + self.site_mentions(), key=lambda m: (m.start, m.end, m.label))
        doc, mentions = self.doc, self.doc.mentions
        for m in mentions:  # known names and case references first: they give the context
            if m.entity is not None and m.source == "context":
                continue
            if m.entity is not None:
                m.entity = self.known(m.entity, m)
            elif m.label == "CASE":
                m.entity = self.case(m)
            elif m.label == "COURT" and len(m.text.split()) > 2:  # a court named in full
                iri = self.gaz.lookup(m.text, "court")
                m.entity = self.known(iri, m) if iri else self.new("court", canonical_court(m.text), m)
        case = self.main_case(mentions)
        court = self.issuing_court(mentions)
        for m in mentions:  # "the complaint" is the curated one only in a document about a curated case
            if m.source == "context" and case not in self.gaz.kinds:
                m.entity = None
        full_names = {}
        for m in mentions:
            if m.entity is None and m.label == "PERSON" and len(canonical_person(m.text).split()) >= 2:
                m.entity = self.person(m, {})
                if m.entity not in self.gaz.kinds:
                    full_names.setdefault(normalize_name(canonical_person(m.text).split()[-1]), m.entity)
        group = self.plaintiffs_of(case)
        self.acronyms_seen = self.acronyms(mentions)
        for m in mentions:
            if m.entity is not None and m.source == "context":
                m.entity = self.known(m.entity, m)
                continue
            if m.entity is not None or m.label.startswith("ROLE"):
                continue
            if m.label == "PERSON":
                m.entity = self.person(m, full_names)
            elif m.label in ("ORG", "PRODUCT"):
                m.entity = self.org(m, court, full_names)
            elif m.label == "COURT" and court is not None:
                if court in self.gaz.kinds:
                    m.entity = self.known(court, m)
                else:  # an issuing court known from the metadata only: named by its canonical name
                    self.use(court, "court", canonical_court(self.doc.meta.publisher or m.text), "", False)
                    m.entity = self.use(court, "court", m.text, lang_at(self.doc, m.start), False)
            elif m.label == "GROUP" and group is not None:
                m.entity = self.known(group, m)
            elif m.label in ("MODEL", "DATASET") and m.source != "gazetteer":  # "its Claude models"
                kind = m.label.lower()
                iri = self.gaz.lookup(m.text, kind)
                m.entity = self.known(iri, m) if iri else self.new(kind, canonical_org(m.text), m)
        seen: dict[URIRef, URIRef] = {}
        resolved = [m for m in mentions if m.entity is not None]
        for m in mentions:
            if m.label.startswith("ROLE"):
                m.entity = self.role(m, resolved, seen)
        mentions = mentions + self.cited_documents(mentions, case)
        doc.mentions = sorted((m for m in mentions if m.entity is not None), key=lambda m: (m.start, m.end, m.label))
        # an entity only named inside a dropped mention must not linger
        used = {m.entity for m in doc.mentions}
        doc.entities = {iri: e for iri, e in sorted(self.entities.items()) if iri in used}


@component("link", requires=["mentions"], assigns=["entities"])
def link(doc: Doc) -> Doc:
    """Link each mention to a known or new entity (fills Mention.entity and doc.entities)."""
    Linker(doc, default_gazetteer()).run()
    add_repeats(doc)
    return doc


def add_repeats(doc: Doc) -> None:
    """A name this text already gave a new organisation also names it where NER missed it
    ("Anthropic built ...", "an Anthropic spokesperson"): exact, word-bounded, not inside another mention."""
    taken = sorted((m.start, m.end) for m in doc.mentions)
    names = {}
    for m in doc.mentions:
        ent = doc.entities.get(m.entity) if m.entity is not None else None
        if ent is not None and not ent.known and ent.kind == "org" and len(m.text) >= 3 and m.text[:1].isupper():
            names.setdefault(m.text, m)
    added = []
    for text, first in names.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(text)}(?![\w-])", doc.text):
            start, end = hit.span()
            i = bisect.bisect_left(taken, (start, -1))
            overlaps = any(s < end and start < e for s, e in taken[max(0, i - 1):i + 2])
            if not overlaps:
                added.append(Mention(start, end, text, "ORG", first.entity, "repeat"))
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: (m.start, m.end))


def canonical_name(entity: Entity) -> str:
    """The name a new entity is labelled with (the one its IRI was made from)."""
    if entity.names.get(""):
        return sorted(entity.names[""])[0]
    tail = str(entity.iri).rsplit("/", 1)[-1]
    names = sorted({n for ns in entity.names.values() for n in ns}, key=lambda n: (-len(n), n))
    return next((n for n in names if slugify(n) == tail), names[0] if names else tail)
