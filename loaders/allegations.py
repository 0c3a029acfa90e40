"""The `allegations` component: who accuses whom of what, and with what standing.

An allegation needs a target: the agent the claim is against (the subject of the reported clause,
the object of "accuser X de", a possessor "Meta's torrenting", or, for the plaintiffs of a case,
its defendant). Sources, FR and EN:
- accusation verbs, whoever uses them (allèguent, accusent, reprochent, dénoncent; allege, accuse);
- contention verbs (soutiennent, affirment, font valoir; contend, argue, claim that) when a party
  to the case uses them, or when what is said is accusatory (piracy, infringement, torrenting);
- nouns: « allégations selon lesquelles X aurait … », « l'accusation … portée contre X »,
  "the plaintiffs' claim under …", "another theory is that …", "move to compel X to …";
- a party's statement whose words accuse another agent (from `doc.statements`);
- a court holding that a party did something ("the Court finds that Meta …"): FoundByCourt.
Without a named accuser, a news article's allegation is ReportedByPress. "Meta denies …" is none.
"""
from __future__ import annotations

import re

from kadrey_kg.ontology import entity_iri

from .patterns import (ACCUSATION_AGAINST, ACCUSATORY, ACCUSE_EN, ACCUSE_FR, ALLEGATION_NOUN, CLAIM_OF, COMPEL,
                       CONTEND_EN, CONTEND_FR, COURT_SUBJECT, LED_BY, PLAINTIFF_WORDS, PLURAL_NP, THEORY, Context,
                       claim_in, words)
from .pipeline import Allegation, Doc, component
from .statements import find_quotes

FINDING = words(r"finds?|found|holds?|held|concludes?|concluded|estime|juge|conclut|constate", flags=0)
DEEMED = re.compile(r"(?P<owner>[\w.]+)(?:['’]s?|’)\s+[\w\s]{0,40}?\bmust\s+be\s+deemed\b")
PLEADING_OWNER = re.compile(r"(?:complaint|plainte|claims?|counts?|the\s+one|celle|celui)\s*,?\s*$", re.I)
PLEADING_SUBJECT = words(r"(?:the|la|le|this|cette|ce)\s+(?:complaint|plainte|amended\s+complaint|lawsuit|suit|"
                         r"poursuite|recours|procès)")
EXAMPLES = words(r"including", r"such\s+as", r"among\s+them", r"dont", r"notamment", r"parmi\s+lesquels", r"comme")
PASSIVE_ACCUSE = words(r"(?:est|sont|a\s+été|ont\s+été|avait\s+été|is|are|was|were|has\s+been|have\s+been|been)\s+"
                       r"(?:\w+ment\s+|also\s+|aussi\s+)?(?:accusée?s?|accused|visée?s?\s+par\s+des\s+accusations)")
PASSIVE_AGENT = re.compile(r"\s*(?:par|by)\s+[^,.;]{2,60}?(?=\s+(?:de|d[’']|of)\b)", re.I)
NEGATED = re.compile(r"(?:\b(?:not|never|no\s+longer)|n[’']|\bne)\s*(?:\w+\s+){0,2}$", re.I)


class Extractor:
    def __init__(self, doc: Doc):
        self.doc, self.text = doc, doc.text
        self.ctx = Context(doc)
        self.quotes = [(q.inner_start, q.inner_end) for q in find_quotes(self.text)]
        # "the plaintiffs" are a case's: only the linker, which knows the case, names them
        self.plaintiffs = self.ctx.plaintiffs
        self.parties = {self.plaintiffs, *self.ctx.defendants} - {None}
        self.out: list[Allegation] = []

    # ---- helpers ----------------------------------------------------------------------------------
    def in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quotes)

    def resolve(self, cand):
        if cand is None:
            return None
        if cand.iri is None and cand.how == "group" and PLAINTIFF_WORDS.fullmatch(self.text[cand.start:cand.end]):
            return self.plaintiffs
        return cand.iri

    def accuser_before(self, lo: int, cue: int):
        """Who makes the allegation: the subject before the cue; a complaint or a claim stands for
        the plaintiffs ("the complaint alleges", "the one alleging that")."""
        head = self.text[lo:cue]
        if PLEADING_OWNER.search(head) or PLEADING_SUBJECT.search(head[-40:]):
            return self.plaintiffs
        cand = self.ctx.subject_before(lo, cue)
        # "thirteen authors, including Sarah Silverman and Ta-Nehisi Coates, who accused …": the
        # named people are examples of the accusers; the plaintiffs group accuses when there is one
        if cand is not None and self.plaintiffs and EXAMPLES.search(self.text[lo:cand.start]):
            return self.plaintiffs
        return self.resolve(cand)

    def accusers_before(self, lo: int, cue: int) -> list:
        """Every accuser of a cue: coordinated subjects ("Le SNE, la SGDL et le SNAC ont assigné"), a
        plural noun phrase standing for agents just named (« Les organisations accusent … ») or for its
        named leader ("The authors, led by Andrea Bartz, allege …"), else `accuser_before`."""
        head = self.text[lo:cue]
        if PLEADING_OWNER.search(head) or PLEADING_SUBJECT.search(head[-40:]):
            return [self.plaintiffs] if self.plaintiffs else []
        cand = self.ctx.subject_before(lo, cue)
        by = self.accuser_before(lo, cue)
        if by is not None:
            if cand is not None and cand.how == "mention" and by == cand.iri:
                return [iri for iri in self.ctx.coordinated(cand, lo) if iri]
            return [by]
        plural = list(PLURAL_NP.finditer(head))
        if cand is None and not plural:
            return []
        if cand is not None and cand.how == "mention":
            return []      # a named subject that could not accuse (a model, a dataset)
        start = cand.start if cand is not None else lo + plural[-1].start()
        if plural and lo + plural[-1].start() < start:
            start = lo + plural[-1].start()
        led = LED_BY.search(self.text, start, cue)
        if led:            # "The authors, led by Andrea Bartz, allege": the leader is named
            named = [c for c in self.ctx.candidates(led.end(), cue) if c.how == "mention" and c.iri]
            if named:
                return [iri for iri in self.ctx.coordinated(named[-1], led.end()) if iri]
        if plural or (cand is not None and cand.how in ("group", "pronoun")):
            return self.ctx.plural_antecedent(start)
        return []

    def target_in(self, start: int, end: int, accuser, near: int = 80):
        """The agent a clause is against: its first agent that is not the accuser (a subject comes
        first in both languages), else the defendant when the plaintiffs speak."""
        for c in self.ctx.candidates(start, min(end, start + near)):
            iri = self.resolve(c)
            if iri and iri != accuser and c.how == "mention":
                return iri
        for c in self.ctx.candidates(start, end):
            iri = self.resolve(c)
            if iri and iri != accuser and c.how == "mention":
                return iri
        if accuser is not None and accuser == self.plaintiffs and len(self.ctx.defendants) >= 1:
            return self.ctx.defendants[0]
        return None

    def add(self, by, against, start, end, standing="AllegedByParty"):
        text = self.text
        while start < end and text[start] in " \t\n,:;–—-":
            start += 1
        while end > start and text[end - 1] in " \t\n,;":
            end -= 1
        if against is None or against == by or len(re.findall(r"\w+", text[start:end])) < 3:
            return
        if not self.ctx.is_agent(against):
            return
        if by is None and standing == "AllegedByParty":
            standing = "ReportedByPress"     # nobody named makes it: the press reports it
        for a in list(self.out):    # the same charge read twice: keep the longer span
            if a.against == against and a.by == by and a.start < end and start < a.end:
                if a.end - a.start >= end - start:
                    return
                self.out.remove(a)
        self.out.append(Allegation(by=by, against=against, text=text[start:end], start=start, end=end,
                                   lang=self.ctx.lang_at(start), standing=standing, claim=self.claim(text[start:end])))

    def claim(self, text: str):
        name = claim_in(text)
        return entity_iri("claim", name) if name else None

    def negated(self, cue: int) -> bool:
        return bool(NEGATED.search(self.text[max(0, cue - 25):cue]))

    # ---- verbs ------------------------------------------------------------------------------------
    def verbs(self):
        text, ctx = self.text, self.ctx
        for s_start, s_end in ctx.sents:
            for rx, strong in ((ACCUSE_FR, True), (ACCUSE_EN, True), (CONTEND_FR, False), (CONTEND_EN, False)):
                for m in rx.finditer(text, s_start, s_end):
                    if self.in_quote(m.start()) or self.negated(m.start()):
                        continue
                    lo = _clause_start(text, s_start, m.start())
                    accusers = self.accusers_before(lo, m.start()) if strong else [self.accuser_before(lo, m.start())]
                    accusers = [a for a in accusers if a is not None]
                    if not accusers:
                        continue
                    by = accusers[0]
                    content = m.end()
                    obj = re.match(r"\s*(?:à\s+)?", text[m.end():s_end])
                    after = ctx.candidates(m.end(), min(s_end, m.end() + 40))
                    if strong and after and after[0].start - m.end() <= (obj.end() if obj else 0) + 1:
                        target = self.resolve(after[0])          # "accusent Meta d'avoir …"
                        # "accusent Meta d'avoir …" / "accuse OpenAI of copying": the charge follows the
                        # target; a bare suit ("ont assigné Meta devant le tribunal") is the whole sentence
                        charge = re.match(r"\s*,?\s*(?:d[’']|de\s|des\s|du\s|of\s|for\s|over\s|pour\s|that\s|que\s)",
                                          text[after[0].end:s_end])
                        content = m.end() if charge else s_start
                    else:
                        comp = re.match(r"[^.;]{0,40}?(?:\bque\b|\bqu[’']|\bthat\b|:)\s*", text[m.end():s_end])
                        content = m.end() + (comp.end() if comp else 0)
                        target = self.target_in(content, s_end, by)
                    clause = text[content:s_end]
                    if not strong and by not in self.parties and not ACCUSATORY.search(clause):
                        continue
                    if not strong and by in self.ctx.defendants and not ACCUSATORY.search(clause):
                        continue
                    for by in accusers:
                        self.add(by, target, content, s_end)

    def passives(self):
        """« Meta est accusée par les auteurs d'avoir … », "Meta has been accused of …"."""
        text, ctx = self.text, self.ctx
        for s_start, s_end in ctx.sents:
            for m in PASSIVE_ACCUSE.finditer(text, s_start, s_end):
                if self.in_quote(m.start()) or self.negated(m.start()):
                    continue
                target = ctx.subject_before(_clause_start(text, s_start, m.start()), m.start())
                agent = PASSIVE_AGENT.match(text, m.end(), s_end)
                by = None
                if agent:
                    found = ctx.candidates(m.end(), m.end() + agent.end() - agent.start())
                    by = self.resolve(found[0]) if found else None
                standing = "AllegedByParty" if by else ("ReportedByPress" if not ctx.is_court_order() else "AllegedByParty")
                self.add(by, self.resolve(target), m.end() + (agent.end() - agent.start() if agent else 0), s_end, standing)

    # ---- nouns ------------------------------------------------------------------------------------
    def nouns(self):
        text, ctx = self.text, self.ctx
        news = not ctx.is_court_order()
        for s_start, s_end in ctx.sents:
            for m in ALLEGATION_NOUN.finditer(text, s_start, s_end):
                if self.in_quote(m.start()) or self.negated(m.start()):
                    continue
                around = text[max(s_start, m.start() - 40):m.start()] + text[m.start():m.end()]
                if re.search(r"plainte|complaint", m.group(), re.I) or PLAINTIFF_WORDS.search(around):
                    by, standing = self.plaintiffs, "AllegedByParty"
                elif news:
                    by, standing = None, "ReportedByPress"
                else:
                    by, standing = self.plaintiffs, "AllegedByParty"
                self.add(by, self.target_in(m.end(), s_end, by, near=60), m.end(), s_end, standing)
            for m in ACCUSATION_AGAINST.finditer(text, s_start, s_end):
                if self.in_quote(m.start()):
                    continue
                after = ctx.candidates(m.end(), min(s_end, m.end() + 40))
                target = self.resolve(after[0]) if after else None
                by = self.plaintiffs if PLAINTIFF_WORDS.search(text[s_start:m.end()]) else None
                self.add(by, target, s_start, s_end, "AllegedByParty" if by else "ReportedByPress")
            for m in THEORY.finditer(text, s_start, s_end):
                owner = ctx.subject_before(s_start, m.start())
                by = self.resolve(owner) if owner and owner.end > m.start() - 4 else self.plaintiffs
                self.add(by, self.target_in(m.end(), s_end, by), m.end(), s_end)
            for m in CLAIM_OF.finditer(text, s_start, s_end):
                owner = ctx.candidates(max(s_start, m.start("owner") - 5), m.end("owner"))
                by = self.resolve(owner[-1]) if owner else None
                if by is not None:
                    self.add(by, self.target_in(m.end(), s_end, by), s_start, s_end)
            for m in COMPEL.finditer(text, s_start, s_end):
                by = self.accuser_before(_clause_start(text, s_start, m.start()), m.start())
                if by is not None:
                    self.add(by, self.target_in(m.end(), s_end, by), m.end(), s_end)

    # ---- statements of the parties, findings of the court ---------------------------------------------
    def from_statements(self):
        for st in self.doc.statements:
            # the accusing side: a defendant's words about the plaintiffs are a defence, not a charge
            if st.speaker != self.plaintiffs or st.medium == "motion" or not ACCUSATORY.search(st.text):
                continue
            # one allegation per accusatory sentence of what the plaintiffs said
            for s_start, s_end in self.ctx.sents:
                a, b = max(s_start, st.start), min(s_end, st.end)
                if b - a > 0 and ACCUSATORY.search(self.text, a, b):
                    self.add(st.speaker, self.target_in(a, b, st.speaker, near=b - a), a, b)

    def findings(self):
        ctx, text = self.ctx, self.text
        voice = ctx.court_voice()
        if voice is None or not ctx.is_court_order():
            return
        for s_start, s_end in ctx.sents:
            sub = COURT_SUBJECT.search(text, s_start, s_end)
            verb = FINDING.search(text, sub.end(), min(s_end, sub.end() + 30)) if sub else None
            if verb:
                comp = re.match(r"[^.;]{0,30}?\bthat\b\s*", text[verb.end():s_end])
                if comp:
                    start = verb.end() + comp.end()
                    target = self.target_in(start, s_end, voice, near=40)
                    if target in self.parties:
                        self.add(voice, target, start, s_end, "FoundByCourt")
            for m in DEEMED.finditer(text, s_start, s_end):
                owner = ctx.candidates(m.start("owner"), m.end("owner"))
                target = self.resolve(owner[0]) if owner else None
                if target in self.parties:
                    self.add(voice, target, m.start(), s_end, "FoundByCourt")

    def run(self) -> list[Allegation]:
        self.verbs()
        self.passives()
        self.nouns()
        self.from_statements()
        self.findings()
        return sorted(self.out, key=lambda a: (a.start, a.end))


def _clause_start(text: str, lo: int, cue: int) -> int:
    seg = text[lo:cue]
    cut = max((m.end() for m in re.finditer(r"[;«»“”]|\bque\b|\bqu[’']|\bthat\b", seg)), default=0)
    return lo + cut


@component("allegations", requires=["text", "mentions", "entities", "statements"], assigns=["allegations"])
def allegations(doc: Doc) -> Doc:
    """Claims a party (or the press, or the court) makes against another: accuser, target, standing."""
    doc.allegations = Extractor(doc).run()
    return doc
