"""The `statements` component: who said what, when and where, in French and English.

Four sources of statements, each traced to a character span of `doc.text`:
1. direct quotes (« … », “…”, "…") attributed by a speech verb before or after them, by a dash line
   under a block quote ("– Mark Zuckerberg, lors de …"), or by the quote they continue;
2. reported speech: a speech verb with a subject ("Zuckerberg avait indiqué que …", "Meta informed
   the Court that …", "Selon Zuckerberg, …");
3. the court's own voice in orders ("The Court agrees …", "The motion is granted"), spoken by the
   judge who signed the order when the document names one, else by the court;
4. a party's motion narrated by the court ("Meta has moved to dismiss …").
A quote nobody is said to have spoken is left alone: no speaker is ever guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates
from .patterns import (ACCORDING_TO, ACCUSATORY, ACCUSE_EN, ACCUSE_FR, APPOSITION, CONTEND_EN, CONTEND_FR,
                       COURT_SUBJECT, COURT_VERB, COURT_WORDS, DASH_ATTRIBUTION, DESCRIBED, HOLDING, MOTION,
                       PARTY_PAPER, PLURAL_NP, SPEECH_EN, SPEECH_FR, Candidate, Context, clause_start, medium_in,
                       medium_label, month_year)
from .pipeline import Doc, Statement, component

MIN_QUOTE_WORDS = 4      # shorter quotes are scare quotes or terms (« ouvert », “Confidential”)
MAX_GAP_WORDS = 6        # words allowed between a speech verb and the quote it introduces
CONTEXT_SENTENCES = 3    # how far back a date or medium said about the same speaker carries over

QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"), ('"', '"'))
SECOND_SPEAKER = re.compile(r"[,;]?\s*(?:but|and|while|whereas|mais|et|tandis\s+qu[e’']|alors\s+qu[e’'])\s+$", re.I)
COMPLEMENT = re.compile(r"^[^.;«“\"]{0,60}?(?:\bque\b|\bqu[’']|\bthat\b|:)\s*", re.I)


@dataclass
class Quote:
    start: int   # the opening mark
    end: int     # after the closing mark (or the end of the text when never closed)
    inner_start: int
    inner_end: int

    def words(self, text: str) -> int:
        return len(re.findall(r"\w+", text[self.inner_start:self.inner_end]))


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations in reading order; a quote left open at the end of the text runs to it."""
    found: list[Quote] = []
    for open_, close in QUOTE_PAIRS:
        body = r"[^\n\"]*" if open_ == '"' else rf"[^{re.escape(open_)}{re.escape(close)}]*"
        for m in re.finditer(rf"{re.escape(open_)}({body})(?:{re.escape(close)}|(?=\Z))", text):
            found.append(_quote(text, m.start(), m.end(), m.start(1), m.end(1)))
    found.sort(key=lambda q: (q.start, -q.end))
    outer: list[Quote] = []
    for q in found:
        if not outer or q.start >= outer[-1].end:
            outer.append(q)
    return outer


def _quote(text, start, end, s, e) -> Quote:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Quote(start, end, s, e)


class Extractor:
    def __init__(self, doc: Doc):
        self.doc, self.text = doc, doc.text
        self.ctx = Context(doc)
        self.quotes = find_quotes(self.text)
        self.out: list[Statement] = []
        self.cues_used: set[int] = set()   # speech-verb offsets already spent on a quote
        self.embedded: dict[int, tuple[int, int]] = {}   # quote start -> span of the clause holding it

    # ---- helpers ----------------------------------------------------------------------------------
    def in_quote(self, offset: int) -> bool:
        return any(q.inner_start <= offset < q.inner_end for q in self.quotes)

    def speech_cues(self, start: int, end: int):
        seg = self.text[start:end]
        for rx in (SPEECH_FR, SPEECH_EN):
            for m in rx.finditer(seg):
                if not self.in_quote(start + m.start()):
                    yield start + m.start(), start + m.end()

    def add(self, speaker, start, end, *, quote: bool, context: tuple[int, int] | None = None,
            date=None, medium=None):
        text = self.text
        while start < end and text[start] in " \t\n,:;–—-":
            start += 1
        while end > start and text[end - 1] in " \t\n,;":
            end -= 1
        if speaker is None or len(re.findall(r"\w+", text[start:end])) < 3:
            return None
        if any(s.speaker == speaker and s.start < end and start < s.end for s in self.out):
            return None
        if context:
            ctx_text = text[context[0]:context[1]]
            date = date or _date_in(ctx_text)
            medium = medium or medium_in(ctx_text)
        about = []
        for m in self.ctx.mentions_in(start, end):
            if m.entity != speaker and m.entity not in about and not COURT_WORDS.fullmatch(m.text):
                about.append(m.entity)     # "the Court" in a ruling is its speaker, not its topic
        lang = self.ctx.lang_at(start)
        st = Statement(speaker=speaker, text=text[start:end], start=start, end=end, lang=lang,
                       is_quote=quote, date=date, medium=medium_label(medium, lang), about=about)
        self.out.append(st)
        return st

    # ---- 1. direct quotes -------------------------------------------------------------------------
    def direct_quotes(self):
        previous: tuple[Quote, object] | None = None
        for q in self.quotes:
            if q.words(self.text) < MIN_QUOTE_WORDS:
                continue
            speaker, context = self.attribute(q, previous)
            if speaker is None:
                previous = None
                continue
            # a quoted fragment inside reported speech: the statement is the whole reported clause
            start, end = self.embedded.get(q.start, (q.inner_start, q.inner_end))
            self.add(speaker, start, end, quote=True, context=context)
            previous = (q, speaker)

    def attribute(self, q: Quote, previous):
        text, ctx = self.text, self.ctx
        s_start, s_end = ctx.sentence_at(q.start)
        after_end = ctx.sentence_at(max(q.end - 1, q.start))[1]
        # after: "», a écrit Zuckerberg." / ”, he said.
        tail = text[q.end:min(len(text), q.end + 80)]
        if re.search(r"[.!?…]$", text[q.inner_start:q.inner_end]) and re.match(r"\s*[A-Z]", tail):
            tail = ""    # “… one.” He stressed …: a new sentence, not an inverted attribution
        stop = re.search(r"[.!?]\s|\n|[«“]", tail)
        tail_end = q.end + (stop.start() if stop else len(tail))
        for cs, ce in self.speech_cues(q.end, tail_end):
            # ”, he said / ”, an Anthropic spokesperson said / », a spokesperson for OpenAI said
            limit = 7 if DESCRIBED.search(text[q.end:cs]) else 3
            if len(re.findall(r"\w+", text[q.end:cs])) > limit:
                break
            who = ctx.subject_after(ce, tail_end) or ctx.subject_before(q.end, cs)
            if who and who.iri:
                self.cues_used.add(cs)
                return who.iri, (s_start, tail_end)
        acc = ACCORDING_TO.match(text, q.end + len(tail) - len(tail.lstrip(" ,–—-"))) if tail else None
        if acc:     # « … », selon Zuckerberg.
            who = ctx.subject_after(acc.end(), tail_end, papers=True)
            if who and who.iri and who.start - acc.end() <= 3:
                return who.iri, (s_start, tail_end)
        # before: "Zuckerberg a déclaré : « … »" / Plaintiffs said: “…”
        lo = s_start
        cues = [c for c in self.speech_cues(lo, q.start)]
        if cues:
            cs, ce = cues[-1]
            gap = text[ce:q.start]
            if len(re.findall(r"\w+", gap)) <= MAX_GAP_WORDS and not re.search(r"[.;]", gap):
                who = ctx.subject_before(clause_start(text, s_start, cs), cs, papers=True) or ctx.subject_after(ce, q.start)
                if who and who.iri:
                    self.cues_used.add(cs)
                    comp = COMPLEMENT.match(gap)
                    lead = gap[comp.end():] if comp else gap
                    if re.search(r"\w", lead):    # « Meta « partage un pourcentage des revenus » générés par … »
                        content = ce + (comp.end() if comp else 0)
                        self.embedded[q.start] = (content, self._clause_end(q.end, after_end))
                    return who.iri, (s_start, q.start)
        acc = list(ACCORDING_TO.finditer(text, s_start, q.start))
        if acc:
            who = ctx.subject_after(acc[-1].end(), q.start, papers=True)
            if who and who.iri:
                return who.iri, (s_start, q.start)
        # a dash line under a block quote: "– Mark Zuckerberg, lors d'un appel aux résultats en avril 2024"
        nxt = re.match(r"\s*\n\s*", text[q.end:])
        if nxt:
            line_start = q.end + nxt.end()
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end < 0 else line_end
            if DASH_ATTRIBUTION.match(text[line_start:line_end]):
                who = next((c for c in ctx.candidates(line_start, line_end) if c.iri), None)
                if who:
                    return who.iri, (line_start, line_end)
        # a quote that continues the previous one: « … », a écrit Zuckerberg. « … »
        if previous:
            pq, speaker = previous
            between = text[pq.end:q.start]
            if "\n\n" not in between and len(re.findall(r"\w+", between)) <= 8 \
                    and (not between.strip(" ,.") or list(self.speech_cues(pq.end, q.start))):
                return speaker, (ctx.sentence_at(pq.start)[0], q.start)
        return None, None

    # ---- 2. reported speech ------------------------------------------------------------------------
    def reported_speech(self):
        text, ctx = self.text, self.ctx
        for s_start, s_end in ctx.sents:
            for cs, ce in self.speech_cues(s_start, s_end):
                if cs in self.cues_used or self._negated(cs):
                    continue
                lo = clause_start(text, s_start, cs)
                who = ctx.subject_before(lo, cs, papers=True)
                if who is None and not text[lo:cs].strip(" ,"):
                    who = ctx.subject_after(ce, s_end)
                if who is not None and who.iri is not None:
                    # « Le SNE et la SGDL ont déclaré … »: every coordinated subject speaks
                    speakers = [iri for iri in ctx.coordinated(who, lo) if iri]
                else:
                    # « Les organisations ont déclaré … »: the agents just named speak
                    plural = list(PLURAL_NP.finditer(text, max(lo, cs - 60), cs))
                    if not plural or (who is not None and who.start > plural[-1].end()):
                        continue
                    speakers = ctx.plural_antecedent(plural[-1].start())
                    if not speakers:
                        continue
                    who = Candidate(plural[-1].start(), plural[-1].end(), speakers[-1], "np")
                # "Les plaignants affirment que Meta …" is an allegation, not a statement
                speakers = [iri for iri in speakers if not self._party_contention(iri, text[cs:ce], text[ce:s_end])]
                if not speakers:
                    continue
                content = ce
                m = COMPLEMENT.match(text[ce:s_end])
                if m and len(re.findall(r"\w+", text[ce + m.end():s_end])) >= 3:
                    content = ce + m.end()
                if who.start > ce:       # inverted: content follows the speaker
                    content = max(content, who.end)
                end = self._clause_end(content, self._with_list(s_end))
                for iri in speakers:
                    self.add(iri, content, end, quote=self._has_quote(content, end),
                             context=(lo, max(content, who.end)))
            for m in ACCORDING_TO.finditer(text, s_start, s_end):
                if self.in_quote(m.start()):
                    continue
                who = ctx.subject_after(m.end(), s_end, papers=True)
                if who is None or who.iri is None or who.start - m.end() > 3:
                    continue
                before = text[s_start:m.start()].strip(" ,")
                if len(re.findall(r"\w+", before)) >= 4:     # "…, selon Zuckerberg."
                    self.add(who.iri, s_start, m.start(), quote=False, context=(s_start, s_end))
                else:                                        # "Selon Zuckerberg, …"
                    # « Selon Maïa Bensimon, déléguée générale du SNAC, la plainte vise … »: past the title
                    app = APPOSITION.match(text, who.end, s_end)
                    start = app.end() if app else who.end
                    self.add(who.iri, start, s_end, quote=self._has_quote(start, s_end),
                             context=(s_start, start))

    def _clause_end(self, start: int, end: int) -> int:
        """"X wrote that …, but he said …": a reported clause ends where a coordinated clause with a
        speaker and a speech verb of its own begins."""
        for cs, _ in self.speech_cues(start, end):
            who = self.ctx.subject_before(max(start, cs - 40), cs)
            if who is None or cs - who.end > 30:
                continue
            conj = SECOND_SPEAKER.search(self.text[max(start, who.start - 16):who.start])
            if conj:
                return max(start, who.start - 16) + conj.start()
        return end

    def _with_list(self, end: int) -> int:
        """A sentence ending in ":" owns the list items that follow it ("notamment :\n- Licence …")."""
        if not self.text[:end].rstrip().endswith(":"):
            return end
        for m in re.finditer(r"\n[ \t]*(?:[-–—•*·]|\d+[.)])[ \t][^\n]*", self.text[end:]):
            if m.start() != 0 and self.text[end:end + m.start()].strip():
                break
            new_end = end + m.end()
            if m.start() == 0:
                end = new_end
            else:
                end = new_end
        return end

    def _party_contention(self, speaker, cue: str, clause: str) -> bool:
        """True when `allegations` takes these words: the plaintiffs contending, or a party
        contending something accusatory ("Meta argues that the amendment would be futile" stays)."""
        if not any(rx.fullmatch(cue) for rx in (CONTEND_FR, CONTEND_EN, ACCUSE_FR, ACCUSE_EN)):
            return False
        return speaker == self.ctx.plaintiffs or (speaker in self.ctx.defendants and bool(ACCUSATORY.search(clause)))

    def _negated(self, cue: int) -> bool:
        before = self.text[max(0, cue - 12):cue]
        return bool(re.search(r"\b(?:n[’']|ne\s)\s*$|\b(?:not|never|did\s+not|didn[’']t)\s+$", before, re.I))

    def _has_quote(self, start, end) -> bool:
        return any(start <= q.start and q.end <= end + 1 and q.words(self.text) >= 2 for q in self.quotes)

    # ---- 3. court voice, 4. motions -----------------------------------------------------------------
    def court_voice(self):
        ctx, text = self.ctx, self.text
        if not ctx.is_court_order():
            return
        voice = ctx.court_voice()
        body = _body_start(text)
        order_date = self.doc.meta.filed_date or self.doc.meta.date
        judges = self._judges()
        for s_start, s_end in ctx.sents:
            if s_end <= body or not re.search(r"[a-z]", text[s_start:s_end]):
                continue
            masked = self._mask_quotes(s_start, s_end)
            party_cue = next((m for rx in (ACCUSE_EN, ACCUSE_FR, CONTEND_EN, CONTEND_FR) for m in rx.finditer(masked)), None)
            holding = HOLDING.search(masked)
            subject = COURT_SUBJECT.search(masked)
            verb = COURT_VERB.search(masked, subject.end()) if subject else None
            by_court = (subject and verb and verb.start() - subject.end() < 40) or \
                       (holding and (party_cue is None or holding.start() < party_cue.start()))
            if by_court and voice is not None and len(re.findall(r"\w+", masked)) >= 4:
                self.add(voice, s_start, s_end, quote=True, date=order_date, medium="court order")
            # a party's motion: "Meta has moved to dismiss …", "Meta's motion for … is granted"
            mo = MOTION.search(masked)
            if mo:
                who = ctx.subject_before(s_start + clause_start(masked, 0, mo.start()), s_start + mo.start())
                if who and who.iri and who.iri not in (voice, *judges):
                    self.add(who.iri, s_start, s_end, quote=False, medium="motion", date=None)
            for pm in re.finditer(r"(?P<who>[\w.,’' ]{2,60}?)(?:['’]s?)\s+(?:\w+\s+){0,2}?(?P<paper>" + PARTY_PAPER.pattern
                                  + r")\s+(?:for|to|that)\b", masked):
                who = ctx.subject_before(s_start + pm.start("who"), s_start + pm.end("who") + 2)
                if who and who.iri and who.iri not in (voice, *judges):
                    self.add(who.iri, s_start, s_end, quote=False, medium=pm["paper"].lower())

    def _judges(self) -> set:
        out = {self.ctx.judge} if self.ctx.judge else set()
        return out | {m.entity for m in self.ctx.titled_judges()}

    def judges_ruling(self):
        """A judge named as the subject of a ruling verb, in any document: "Judge Chhabria ordered
        …", « le juge Vince Chhabria a fait droit à la requête de Meta », "He adopted …"."""
        judges, ctx = self._judges(), self.ctx
        for s_start, s_end in ctx.sents:
            if not re.search(r"[.!?:;…»”\"]$", self.text[s_start:s_end]):
                continue     # a headline: « Kadrey c. Meta : le juge Chhabria retient l'usage loyal »
            masked = self._mask_quotes(s_start, s_end)
            for v in COURT_VERB.finditer(masked):
                who = ctx.subject_before(s_start + clause_start(masked, 0, v.start()), s_start + v.start())
                court = who is not None and COURT_WORDS.fullmatch(self.text[who.start:who.end])
                if who and who.iri and (who.iri in judges or court):
                    self.add(who.iri, s_start, s_end, quote=False, context=(s_start, s_end))
                    break

    def _mask_quotes(self, start, end) -> str:
        chars = list(self.text[start:end])
        for q in self.quotes:
            for i in range(max(q.inner_start, start), min(q.inner_end, end)):
                chars[i - start] = " "
        return "".join(chars)

    # ---- dates and media carry over to the same speaker's next words --------------------------------
    def carry_context(self):
        self.out.sort(key=lambda s: s.start)
        for i, st in enumerate(self.out):
            if st.date and st.medium:
                continue
            here = self.ctx.sentence_index(st.start)
            for prev in reversed(self.out[:i]):
                if prev.speaker != st.speaker:
                    continue
                if here - self.ctx.sentence_index(prev.start) > CONTEXT_SENTENCES:
                    break
                st.date = st.date or prev.date
                st.medium = st.medium or prev.medium
                if st.date and st.medium:
                    break

    def run(self) -> list[Statement]:
        self.direct_quotes()
        self.court_voice()
        self.judges_ruling()
        self.reported_speech()
        self.carry_context()
        return sorted(self.out, key=lambda s: (s.start, s.end))


def _date_in(text: str) -> str | None:
    full = find_dates(text)
    return full[0][2] if full else month_year(text)


def _body_start(text: str) -> int:
    """End of a court caption ("…, Defendant."), so caption lines are not read as rulings."""
    m = re.search(r"\bDefendants?\b\.?", text[:2500])
    return m.end() if m else 0


@component("statements", requires=["text", "sentences", "mentions", "entities"], assigns=["statements"])
def statements(doc: Doc) -> Doc:
    """Quoted and reported speech (FR/EN) with speaker, date, medium and the entities it is about."""
    doc.statements = Extractor(doc).run()
    return doc

