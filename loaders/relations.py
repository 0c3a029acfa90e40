"""The `relations` component: entity-to-entity facts the text states, each with its span.

Patterns between linked mentions, the same code for French and English:
- case parties and bench from captions and case names: "RICHARD KADREY, et al., Plaintiffs, v.
  META PLATFORMS, INC., Defendant.", "Hixson, Thomas S., United States Magistrate Judge",
  "Judge Chhabria ordered", « le procès Kadrey v. Meta »;
- roles: ceoOf (« Mark Zuckerberg, PDG de Meta », "Meta CEO Mark Zuckerberg"), counselFor;
- products: develops (« les modèles Llama de Meta », "Meta's Llama", "Meta released Llama"),
  owns ("Azure (Microsoft)"; an acronym's expansion is an alias, not an owner), integratedInto;
- business: hosts (partners that host a model, including the list that follows the sentence),
  sharesRevenueWith, partnerOf;
- filedIn (a court paper named with the case it belongs to), contradicts (a paper or statement
  that contradicts an earlier statement).
"""
from __future__ import annotations

import re

from rdflib import URIRef

from kadrey_kg.ontology import KKG, normalize_name, sub_iri

from .patterns import APPOSITION_END, CASE_NAME, PLAINTIFF_WORDS, SIGNATURE, Context, words
from .pipeline import Doc, Relation, component

CEO = r"(?:PDG|P\.-D\.G\.|président-directeur\s+général|directeur\s+général|patron|CEO|chief\s+executive(?:\s+officer)?|chief\s+executive|fondateur\s+et\s+PDG|co-?founder\s+and\s+CEO|boss|chief)"
DEVELOP_VERB = words(r"(?:a|ont|avait)\s+(?:\w+ment\s+)?(?:développé|publié|lancé|dévoilé|créé|entraîné|conçu|présenté|sorti)",
                     r"développe|développent|publie|lance|dévoile", r"développée?s?\s+par|conçue?s?\s+par|créée?s?\s+par",
                     r"(?:has\s+|have\s+)?(?:developed|released|launched|unveiled|built|created|trained|open-sourced)",
                     r"develops|releases|launches|builds|trains", r"(?:developed|built|created|made|released)\s+by")
HOST = words(r"héberg\w*", r"host(?:s|ed|ing)?", r"hosting\s+partners?", r"(?:offrent|offer|offers|provide|provides)\s+(?:l[’']\s*)?acc[eè]s",
             r"disponibles?\s+(?:sur|via|chez|auprès\s+de)", r"available\s+(?:on|through|via|from)", r"offered\s+(?:on|through|via)")
REVENUE = words(r"partage(?:r|nt)?\s+(?:un\s+pourcentage|une\s+part)\s+(?:de\s+ses\s+|des\s+)?revenus", r"partage\s+de\s+revenus",
                r"revenue[- ]shar\w*", r"shar(?:e|es|ed|ing)\s+(?:a\s+(?:percentage|portion|share|cut)\s+of\s+)?(?:the\s+|its\s+)?revenues?")
PARTNER = words(r"partenariats?", r"partenaires?", r"partnerships?", r"partners?", r"alliances?")
INTEGRATED = words(r"intégrée?s?\s+(?:dans|à|au|aux)", r"integrated\s+(?:into|in|with)", r"built\s+into", r"embedded\s+in")
# what may sit between two listed names: "AWS, Nvidia ou encore Google Cloud", "sur Google Cloud et chez Databricks"
ENUM = re.compile(r"\s*(?:(?:,|\bet\b|\bou\b|\band\b|\bor\b|\bencore\b|\bainsi\s+que\b|\bas\s+well\s+as\b|\bcomme\b|"
                  r"\bchez\b|\bsur\b|\bvia\b|\bon\b|\bthrough\b|\bsuch\s+as\b|\bincluding\b|\bnotamment\b|"
                  r"\btels?\s+que\b|\bdont\b|:)\s*)*", re.I)
COUNSEL = words(r"(?:counsel|attorneys?|lawyers?)\s+(?:for|of|representing)", r"avocats?\s+(?:de|des|du|d[’'])",
                r"(?:représentant|representing|represented|represents|représente|représentait|a\s+représenté)",
                r"conseils?\s+(?:de|des|du)")
CONTRADICT = words(r"contredi\w*", r"contradiction\s+(?:\w+\s+)?avec", r"en\s+contradiction", r"contradicts?",
                   r"contradicted", r"(?:is|are|was|were)\s+at\s+odds\s+with", r"contrary\s+to", r"inconsistent\s+with")
FILED_IN = words(r"dans\s+le\s+cadre\s+(?:du|de\s+l[’'])", r"fait\s+partie\s+du", r"déposée?s?\s+dans", r"versée?s?\s+au\s+dossier",
                 r"filed\s+in", r"in\s+the\s+(?:case|lawsuit|litigation)", r"part\s+of\s+the\s+(?:case|lawsuit|litigation)",
                 r"(?:du|au)\s+procès", r"in\s+(?=\w+\s+v\.)")
STATEMENT_NOUN = words(r"déclarations?", r"propos", r"statements?", r"remarks?", r"affirmations?", r"promesses?", r"claims?")
CONTRADICTION_WINDOW = 4   # sentences after « contredit les déclarations de X » that quote them
HOST_VERB = re.compile(r"héberg(?:e|ent|eait|eaient|é|ée|és|er)|host(?:s|ed|ing)?", re.I)
BULLET = re.compile(r"\n[ \t]*(?:[-–—•*·]|\d+[.)])[ \t]+(?P<item>[^\n]+)")

ORGISH = {"org", "product", "court", "group"}


class Extractor:
    def __init__(self, doc: Doc):
        self.doc, self.text = doc, doc.text
        self.ctx = Context(doc)
        self.out: list[Relation] = []
        self.seen: set[tuple] = set()

    def kind(self, iri):
        return self.ctx.kind(iri)

    def add(self, s, p, o, start, end):
        if s is None or o is None or s == o:
            return
        key = (s, p, o)
        if key in self.seen:
            return
        self.seen.add(key)
        # a span is a slice of the text: never past its end (spanText and the offsets must agree)
        self.out.append(Relation(subject=s, predicate=p, object=o, start=start, end=min(end, len(self.text))))

    def sentence_mentions(self, start, end, kinds=None):
        return self.ctx.mentions_in(start, end, kinds)

    # ---- the case: parties, bench, court ----------------------------------------------------------
    def case_of_doc(self):
        return self.ctx.case

    def caption(self):
        ctx, text = self.ctx, self.text
        case = ctx.case
        if case is None:
            return
        head = re.search(r"\bDefendants?\b\.?", text[:3000])     # the caption ends with the defendants' role
        head_end = head.end() if head else 0
        for m in re.finditer(r"\b(?P<role>Plaintiffs?|Defendants?|Petitioners?|Respondents?)\b(?=\s*[,.;]|\s+v\.|\s+[A-Z]|\s*$)",
                             text[:head_end]):
            lo = max(0, m.start() - 160)
            # the party named just before its role word, after the previous role word
            prev = max((x.end() for x in re.finditer(r"Plaintiffs?|Defendants?|\bv\.?\s", text[lo:m.start()])), default=0)
            names = [x for x in ctx.mentions_in(lo + prev, m.start(), {"person", "org", "group"})]
            if not names:
                continue
            pred = KKG.plaintiff if m["role"].lower().startswith(("plaintiff", "petitioner")) else KKG.defendant
            party = names[0]
            self.add(case, pred, party.entity, party.start, m.end())
            if pred == KKG.plaintiff and re.search(r"et\s+al", text[party.end:m.start()]) and ctx.plaintiffs:
                self.add(case, KKG.plaintiff, ctx.plaintiffs, party.start, m.end())
        for m in SIGNATURE.finditer(text):
            if (person := ctx.person_over(m.start("name"), m.end("name"))) is not None:
                self.add(case, KKG.magistrateJudge if m["rank"] == "Magistrate" else KKG.judge, person, m.start("name"), m.end())
        for men in ctx.mentions:
            if self.kind(men.entity) != "person":
                continue
            title = re.search(r"(?P<mag>Magistrate\s+)?(?:Judge|juge)\s*$", text[max(0, men.start - 25):men.start])
            inner = re.match(r"(?P<mag>Magistrate\s+)?(?:Judge|juge)\b", men.text)
            t = title or inner
            if t and (men.entity, KKG.magistrateJudge) not in {(o, p) for _, p, o in self.seen}:
                self.add(case, KKG.magistrateJudge if t["mag"] else KKG.judge, men.entity,
                         men.start - (len(t.group()) if title else 0), men.end)
        if ctx.court and ctx.is_court_order():
            court_men = next(m for m in ctx.mentions if m.entity == ctx.court)
            self.add(case, KKG.court, ctx.court, court_men.start, court_men.end)
            self.add(self.doc.iri, KKG.filedIn, case, court_men.start, court_men.end) if self.doc.iri else None

    def case_names(self):
        """« le procès Kadrey v. Meta »: the case's defendant is B, its plaintiffs the group the text names."""
        ctx = self.ctx
        for men in ctx.mentions:
            if self.kind(men.entity) != "case":
                continue
            cm = CASE_NAME.search(men.text)
            if not cm:
                continue
            b = ctx.agent_named(cm["b"])
            if b is not None and self.kind(b) in ("org", "person"):
                self.add(men.entity, KKG.defendant, b, men.start, men.end)
            # "the plaintiffs" of a text are those of the case it is about, not of a case it cites
            if ctx.plaintiffs and men.entity == ctx.case and b is not None:
                self.add(men.entity, KKG.plaintiff, ctx.plaintiffs, men.start, men.end)

    # ---- roles ------------------------------------------------------------------------------------
    def roles(self):
        ctx, text = self.ctx, self.text
        people = [m for m in ctx.mentions if self.kind(m.entity) == "person"]
        orgs = [m for m in ctx.mentions if self.kind(m.entity) == "org"]
        for p in people:
            # "Mark Zuckerberg, PDG de Meta" / "Zuckerberg, Meta's chief executive"
            after = text[p.end:p.end + 60]
            m = re.match(rf",?\s+(?:le\s+|la\s+|the\s+)?(?:{CEO})\s+(?:de\s+|d[’']|of\s+|at\s+)", after, re.I)
            org = self._org_at(p.end + m.end()) if m else None
            if org is None:
                m = re.match(rf",?\s+(?P<org>[^,]{{2,40}}?)(?:['’]s?)?\s+(?:{CEO})\b", after)
                org = self._org_at(p.end + m.start("org")) if m else None
            if org is not None:
                self.add(p.entity, KKG.ceoOf, org.entity, p.start, org.end if org.end > p.end + m.end() else p.end + m.end())
                continue
            # "Meta CEO Mark Zuckerberg" / "le PDG de Meta, Mark Zuckerberg"
            before = text[max(0, p.start - 60):p.start]
            m = re.search(rf"(?:['’]s?\s+)?(?:{CEO})\s*,?\s*$", before, re.I)
            if m:
                org = next((o for o in reversed(orgs) if o.end <= p.start - len(before) + m.start() + 3
                            and o.end >= p.start - len(before) + m.start() - 4), None)
                if org is None:
                    m2 = re.search(rf"(?:{CEO})\s+(?:de\s+|d[’']|of\s+)(?P<org>.{{2,40}}?),?\s*$", before, re.I)
                    org = self._org_at(p.start - len(before) + m2.start("org")) if m2 else None
                if org is not None:
                    self.add(p.entity, KKG.ceoOf, org.entity, min(org.start, p.start), p.end)
            # "Justin Nelson of Susman Godfrey", "Mark Lemley, a professor at Stanford",
            # « Maïa Bensimon, déléguée générale du SNAC »: the organisation the person works for
            app = APPOSITION_END.match(text, p.end)
            span = text[p.end:app.end()] if app else text[p.end:p.end + 6]
            m = re.match(r"(?P<lead>\s+(?:of|from|at|de\s+chez|chez)\s+)", span) or (
                re.search(r"(?P<lead>\b(?:of|at|from|for|de|du|des|d[’']|chez)\s+(?:the\s+|la\s+|le\s+|l[’'])?)"
                          r"[^,]{0,60}$", span) if app else None)
            if m and not COUNSEL.search(span) and not re.search(r"\b(?:for|pour)\s+$", m["lead"]):
                org = self._org_at(p.end + m.end("lead"))
                if org is not None and org.entity not in {o for s_, _, o in self.seen if s_ == p.entity}:
                    self.add(p.entity, KKG.worksFor, org.entity, p.start, org.end)
        for s_start, s_end in ctx.sents:
            for m in COUNSEL.finditer(text, s_start, s_end):
                firm = [x for x in ctx.mentions_in(max(s_start, m.start() - 80), m.start(), {"org", "person"})]
                # "Lawyers for the authors at Lieff Cabraser": the firm follows the client
                at = re.match(r"[^,.;]{0,40}?\b(?:at|from|with|du\s+cabinet|chez)\s+(?:the\s+(?:law\s+)?firm\s+|le\s+cabinet\s+)?",
                              text[m.end():s_end])
                after_firm = self._org_at(m.end() + at.end()) if at else None
                if after_firm is not None:
                    firm = [after_firm]
                party = ctx.candidates(m.end(), min(s_end, m.end() + 40))
                client = next((c.iri for c in party if c.iri), None)
                if not client and party and PLAINTIFF_WORDS.fullmatch(text[party[0].start:party[0].end]):
                    client = ctx.plaintiffs
                if firm and client and firm[-1].entity != client:
                    self.add(firm[-1].entity, KKG.counselFor, client, firm[-1].start, min(s_end, m.end() + 40))

    def _org_at(self, offset):
        return next((o for o in self.ctx.mentions if self.kind(o.entity) == "org" and 0 <= o.start - offset <= 4), None)

    # ---- products and models -----------------------------------------------------------------------
    def products(self):
        ctx, text = self.ctx, self.text
        for s_start, s_end in ctx.sents:
            ms = ctx.mentions_in(s_start, s_end)
            for a, b in zip(ms, ms[1:]):
                ka, kb = self.kind(a.entity), self.kind(b.entity)
                gap = text[a.end:b.start]
                # « les modèles Llama de Meta », "Azure de Microsoft"
                if ka in ("model", "product") and kb == "org" and re.fullmatch(r"\s+(?:de|d[’'])\s*", gap):
                    self.add(b.entity, KKG.develops if ka == "model" else KKG.owns, a.entity, a.start, b.end)
                # "Meta's Llama", "Meta’s Llama 2 paper", "Meta's large language model, Llama"
                if ka == "org" and kb in ("model", "product") and re.fullmatch(r"['’]s?\s+(?:[a-z][\w-]*,?\s+){0,4}?", gap):
                    self.add(a.entity, KKG.develops if kb == "model" else KKG.owns, b.entity, a.start, b.end)
                # « Llama, le modèle d'IA de Meta », "Llama, the model developed by Meta"
                if ka == "model" and kb == "org" and re.fullmatch(
                        r",\s+(?:le|la|les|son|ses|the|its)\s+(?:[\w’'-]+\s+){0,4}?(?:de|d[’']|of|by)\s*", gap) \
                        and not re.search(r"\b(?:utilis|used|train|entraîn)", gap):
                    self.add(b.entity, KKG.develops, a.entity, a.start, b.end)
                # "Azure (Microsoft)": an owner in brackets, unless the brackets expand an acronym
                if ka in ("product", "model") and kb == "org" and re.fullmatch(r"\s*\(\s*", gap) \
                        and text[b.end:b.end + 3].lstrip().startswith(")") and not _acronym(a.text, b.text):
                    self.add(b.entity, KKG.owns, a.entity, a.start, b.end + 1)
            for m in DEVELOP_VERB.finditer(text, s_start, s_end):
                passive = re.search(r"(?:par|by)$", m.group())
                if passive:
                    subj = [x for x in ctx.mentions_in(m.end(), min(s_end, m.end() + 30), {"org"})]
                    objs = [x for x in ctx.mentions_in(max(s_start, m.start() - 40), m.start(), {"model", "product"})]
                else:
                    subj = [x for x in ctx.mentions_in(max(s_start, m.start() - 40), m.start(), {"org"})]
                    objs = [x for x in ctx.mentions_in(m.end(), min(s_end, m.end() + 40), {"model", "product"})]
                if subj and objs:
                    o = objs[-1] if passive else objs[0]
                    sbj = subj[0] if passive else subj[-1]
                    self.add(sbj.entity, KKG.develops, o.entity, min(sbj.start, o.start), max(sbj.end, o.end))
            for m in INTEGRATED.finditer(text, s_start, s_end):
                src = [x for x in ctx.mentions_in(max(s_start, m.start() - 40), m.start(), {"product", "model"})]
                dst = self._enumeration(m.end(), s_end, {"product"})
                for d in dst:
                    if src:
                        self.add(src[-1].entity, KKG.integratedInto, d.entity, src[-1].start, d.end)

    def _enumeration(self, start, end, kinds):
        """Mentions listed one after the other from `start`: "AWS, Nvidia ou encore Google Cloud"."""
        out, pos = [], start
        for m in self.ctx.mentions_in(start, end):
            gap = self.text[pos:m.start]
            if out and not ENUM.fullmatch(gap):
                break
            if not out and len(re.findall(r"\w+", gap)) > 6:
                break
            if self.kind(m.entity) in kinds:
                out.append(m)
            pos = m.end
            close = re.match(r"\s*\([^)]*\)", self.text[pos:end])    # "Azure (Microsoft)"
            if close:
                pos += close.end()
        return out

    # ---- hosting, revenue, partners ------------------------------------------------------------------
    def business(self):
        ctx, text = self.ctx, self.text
        for i, (s_start, s_end) in enumerate(ctx.sents):
            sent = text[s_start:s_end]
            host = HOST.search(sent)
            if host:
                hs = s_start + host.start()
                model = next(iter(ctx.mentions_in(s_start, s_end, {"model"})), None)
                if model is not None:
                    hosts = self._enumeration(s_start + host.end(), s_end, ORGISH - {"court", "group"})
                    hosts = [h for h in hosts if h.start > hs] or self._enumeration_after_cue(s_start + host.end(), s_end)
                    noun = re.match(r"\s*(?:partners?|providers?|companies|services?)\b", text[s_start + host.end():s_end])
                    as_ = re.search(r"\b(?:as|comme)\s+(?:\w+\s+){0,2}$", text[max(s_start, hs - 40):hs])
                    if not hosts and as_:     # "named AWS, Nvidia and Dell as Llama hosting partners"
                        hosts = self._enumeration_before(max(s_start, hs - 40) + as_.start(), s_start)
                    elif not hosts and HOST_VERB.fullmatch(host.group()) and not noun and model.start > hs:
                        # "Azure hosts Llama": the subject right before the verb, the model after it
                        before = ctx.mentions_in(max(s_start, hs - 40), hs, ORGISH - {"court", "group"})
                        if before and not re.search(r"[,;:]|\b(?:que|that|qui|which)\b", text[before[-1].end:hs]) \
                                and before[-1].entity != model.entity:
                            hosts = before[-1:]
                    for h in hosts:
                        self.add(h.entity, KKG.hosts, model.entity, min(hs, h.start), max(h.end, model.end, s_start + host.end()))
                    for j in range(i, min(i + 2, len(ctx.sents))):    # "… qui hébergent Llama. Il s'agit de :"
                        if text[:ctx.sents[j][1]].rstrip().endswith(":"):
                            for item, (a, b) in self._list_after(ctx.sents[j][1]):
                                self.add(item.entity, KKG.hosts, model.entity, s_start, b)
                            break
            rev = REVENUE.search(sent)
            if rev:
                # "Meta a signé des accords avec des partenaires … comme AWS, Nvidia …, pour partager …"
                listed = self._enumeration_after_cue(s_start, s_end) or \
                    self._enumeration(s_start + rev.end(), s_end, ORGISH - {"court", "group"})
                keys = {(x.start, x.end) for x in listed}
                subj = [x for x in ctx.mentions_in(s_start, s_end, {"org"}) if (x.start, x.end) not in keys]
                if subj:
                    for p in listed:
                        self.add(subj[0].entity, KKG.sharesRevenueWith, p.entity, s_start, s_end)
            part = PARTNER.search(sent)
            if part and not host and not rev:
                listed = self._enumeration_after_cue(s_start + part.end(), s_end)
                other = [x for x in ctx.mentions_in(s_start, s_start + part.start(), {"org"})]
                anchor = other[-1].entity if other else ctx.last_before(s_start, {"org"}, back=3,
                                                                          exclude={x.entity for x in listed})
                for p in listed:
                    self.add(p.entity, KKG.partnerOf, anchor, s_start, s_end)

    def _enumeration_before(self, end, start):
        """Mentions listed one after the other, read backwards from `end` to at most `start`."""
        out, pos = [], end
        for m in reversed(self.ctx.mentions_in(start, end, ORGISH - {"court", "group"})):
            if not ENUM.fullmatch(re.sub(r"\([^)]*\)", "", self.text[m.end:pos])):
                break
            out.append(m)
            pos = m.start
        return out[::-1]

    def _enumeration_after_cue(self, start, end):
        m = re.search(r"\b(?:comme|such\s+as|including|notamment|tels?\s+que|like|dont|:)\s*", self.text[start:end], re.I)
        return self._enumeration(start + m.end(), end, ORGISH - {"court", "group"}) if m else []

    def _list_after(self, end):
        """Items of the bullet list right after offset `end`: the first linked name of each item."""
        pos = end
        while True:
            m = BULLET.match(self.text, pos)
            if not m:
                return
            names = self.ctx.mentions_in(m.start("item"), m.end("item"), ORGISH - {"court", "group"})
            if names:
                yield names[0], (m.start("item"), m.end("item"))
            pos = m.end()

    # ---- papers: filed in, contradicts ----------------------------------------------------------------
    def papers(self):
        ctx, text = self.ctx, self.text
        for s_start, s_end in ctx.sents:
            cases = ctx.mentions_in(s_start, s_end, {"case"})
            if cases and FILED_IN.search(text, s_start, s_end):
                papers = [x for x in ctx.mentions if x.end <= s_end and self.kind(x.entity) in ("document", "filing")]
                if papers and papers[-1].start >= ctx.window_start(s_start, 1):
                    self.add(papers[-1].entity, KKG.filedIn, cases[0].entity, min(papers[-1].start, s_start), s_end)
            m = CONTRADICT.search(text, s_start, s_end)
            if m:
                self._contradiction(s_start, s_end, m)

    def _contradiction(self, s_start, s_end, m):
        """"X semble contredire les déclarations antérieures de Zuckerberg": X contradicts each
        statement of that speaker in this document; "Cette déclaration … en contradiction avec les
        preuves": the evidence (a paper) contradicts the statement just before."""
        ctx, text = self.ctx, self.text
        stmts = self.doc.statements
        after = text[m.end():s_end]
        noun = STATEMENT_NOUN.search(after)
        speaker = None
        if noun:
            cands = ctx.candidates(m.end() + noun.end(), min(s_end, m.end() + noun.end() + 60))
            speaker = next((c.iri for c in cands if c.iri), None)
        paper = next(iter(ctx.mentions_in(s_start, s_end, {"document", "filing"})), None) or \
            next((x for x in reversed(ctx.mentions) if x.end <= s_start and self.kind(x.entity) in ("document", "filing")), None)
        if speaker is not None and paper is not None:
            # the statements the text goes on to quote (or, failing that, the last one before)
            here = ctx.sentence_index(s_start)
            follow = [st for st in stmts if st.speaker == speaker and st.start >= s_end
                      and ctx.sentence_index(st.start) - here <= CONTRADICTION_WINDOW]
            before = [st for st in stmts if st.speaker == speaker and st.end <= s_start]
            for st in follow or before[-1:]:
                self.add(paper.entity, KKG.contradicts, statement_iri(self.doc, st), s_start, s_end)
            return
        before = text[s_start:m.start()]
        if STATEMENT_NOUN.search(before) and paper is not None:
            prior = [st for st in stmts if st.end <= s_start]
            if prior:
                self.add(paper.entity, KKG.contradicts, statement_iri(self.doc, prior[-1]), s_start, s_end)

    def run(self):
        self.caption()
        self.case_names()
        self.roles()
        self.products()
        self.business()
        self.papers()
        return self.out


def statement_iri(doc: Doc, st) -> URIRef:
    """The IRI `to_rdf` gives a statement (loaders/rdf.py statement_nodes)."""
    return sub_iri(doc.iri, "statement", st.start, st.end, st.speaker, st.text)


def _acronym(short: str, long: str) -> bool:
    """"AWS (Amazon Web Services)": the brackets spell out the name, they do not name an owner."""
    letters = "".join(w[0] for w in normalize_name(long).split() if w)
    s = normalize_name(short).replace(" ", "")
    return bool(s) and (letters.startswith(s) or s.startswith(letters) or normalize_name(long).startswith(normalize_name(short)))


@component("relations", requires=["text", "mentions", "entities", "statements"], assigns=["relations"])
def relations(doc: Doc) -> Doc:
    """Entity-to-entity facts (case parties and bench, ceoOf, develops, hosts, owns, …) with their spans."""
    doc.relations = Extractor(doc).run()
    return doc

