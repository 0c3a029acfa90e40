"""French and English cue lexicons shared by `statements`, `allegations` and `relations`.

Cues are regular expressions over the text, not spaCy lemmas: the small French model mis-tags
too many verbs ("accusent" as an adverb) for lemma lookups to be reliable. Each pattern matches
the inflected forms a news article, a law-firm note or a court order uses ("a déclaré",
"avait indiqué", "said", "has moved").
"""
from __future__ import annotations

import re


def words(*alternatives: str, flags: int = re.I) -> re.Pattern:
    """One pattern matching any alternative as whole words (case-insensitive unless `flags=0`:
    verbs are matched case-sensitively so "United States" or a heading "ORDER" is no verb)."""
    # after an elided article a verb form is a noun: "l’annonce", "d’écrit" (but "d’allégations" matches nouns)
    elided = r"(?<![lLdD][’'])" if flags == 0 else ""
    return re.compile(r"(?<![\w-])" + elided + "(?:" + "|".join(alternatives) + r")(?![\w-])", flags)


# French compound tenses put an auxiliary (and maybe an adverb) before the participle.
# "a déclaré", "a toutefois souligné", "avait, en outre, indiqué": up to two words may sit between.
_AUX_FR = r"(?:(?:a|ont|avait|avaient|aurait|auraient|aura|auront),?\s+(?:[\w’'-]+,?\s+){0,2}?)"

# ---- reported speech ------------------------------------------------------------------------------
# verbs after which the speaker's words follow (que / that / : / a quote / an object)
SPEECH_FR = words(
    _AUX_FR + r"(?:déclaré|dit|affirmé|écrit|indiqué|expliqué|précisé|souligné|insisté|évoqué|mentionné|"
    r"annoncé|reconnu|confié|ajouté|assuré|rappelé|admis|estimé|jugé|répondu|promis|confirmé|démenti|"
    r"répété|martelé|laissé\s+entendre|fait\s+savoir|signalé|révélé|averti|prévenu|raconté|tweeté)",
    r"(?:déclare|déclarent|dit|disent|affirme|affirment|écrit|écrivent|indique|indiquent|explique|expliquent|"
    r"précise|précisent|souligne|soulignent|insiste|insistent|évoque|évoquent|mentionne|mentionnent|"
    r"annonce|annoncent|reconnaît|reconnaissent|ajoute|ajoutent|assure|assurent|rappelle|rappellent|estime|"
    r"estiment|répond|répondent|confirme|confirment|révèle|révèlent|clamait|clame|martèle|"
    r"déclarait|disait|affirmait|écrivait|indiquait|expliquait|insistait|annonçait|estimait|assurait|"
    r"soutient|soutiennent|fait\s+valoir|font\s+valoir)",
    _AUX_FR + r"(?:soutenu|fait\s+valoir)",
    flags=0,
)
SPEECH_EN = words(
    r"(?:(?:has|have|had)\s+)?(?:said|stated|told|wrote|written|explained|argued|announced|noted|added|"
    r"acknowledged|admitted|informed|insisted|emphasi[sz]ed|stressed|testified|confirmed|indicated|"
    r"revealed|remarked|tweeted|posted|declared|responded|replied|suggested|warned|promised|conceded|"
    r"represented|asserted|contended|maintained)",
    r"(?:contends|maintains|says|states|tells|writes|explains|argues|announces|notes|adds|acknowledges|admits|informs|"
    r"insists|emphasi[sz]es|stresses|testifies|confirms|indicates|reveals|remarks|declares|responds|"
    r"replies|suggests|warns|concedes|represents|asserts)",
    r"(?:(?:has|have|had)\s+)?(?:made\s+(?:it\s+)?clear)", r"(?:make|makes)\s+(?:it\s+)?clear",
    r"(?:say|state|tell|explain|argue|note|acknowledge|admit|inform|insist|testify|confirm|indicate|reveal|"
    r"declare|respond|reply|concede|represent|assert)",
    flags=0,
)
# "selon X", "according to X": the speaker follows the cue
ACCORDING_TO = words(r"selon", r"d[’']après", r"according\s+to", r"per")
# block-quote attribution line: "– Mark Zuckerberg, lors d'un appel..."
DASH_ATTRIBUTION = re.compile(r"^[ \t]*[–—-][ \t]*(?=\S)")

# ---- allegations --------------------------------------------------------------------------------
# strong cues: whoever uses them accuses someone
ACCUSE_FR = words(
    _AUX_FR + r"(?:allégué|accusé|reproché|dénoncé|prétendu|incriminé)",
    r"(?:allègue|allèguent|accuse|accusent|reproche|reprochent|dénonce|dénoncent|prétend|prétendent|"
    r"alléguait|alléguaient|accusait|accusaient|reprochait|reprochaient)",
    # suing is accusing: « ont porté plainte contre Meta », « poursuivent Meta »
    _AUX_FR + r"(?:porté\s+plainte\s+contre|poursuivi|assigné|attaqué\s+en\s+justice)",
    r"(?:poursuivent|poursuit|assignent|attaquent\s+en\s+justice|portent\s+plainte\s+contre)",
    flags=0,
)
ACCUSE_EN = words(
    r"(?:(?:has|have|had)\s+)?(?:alleged|accused|charged)", r"(?:allege|alleges|alleging|accuse|accuses|accusing)",
    r"(?:(?:has|have|had)\s+)?sued", r"(?:sue|sues|suing)", r"(?:filed|file|files)\s+(?:a\s+)?(?:lawsuit|suit|complaint)\s+against",
    flags=0,
)
# weak cues: an allegation only when a party to the case uses them against another agent
CONTEND_FR = words(
    _AUX_FR + r"(?:soutenu|affirmé|fait\s+valoir|plaidé|argué|avancé)",
    r"(?:soutient|soutiennent|affirme|affirment|fait\s+valoir|font\s+valoir|plaide|plaident|arguent|"
    r"avancent|estiment|soutenaient|affirmaient)",
    flags=0,
)
CONTEND_EN = words(
    r"(?:(?:has|have|had)\s+)?(?:claimed|contended|asserted|argued|maintained|insisted)",
    r"(?:claims?\s+that|contend|contends|assert|asserts|argue|argues|maintain|maintains)",
    flags=0,
)
# noun forms: "allégations selon lesquelles", "the complaint alleges", "theory ... is that"
ALLEGATION_NOUN = words(
    r"allégations?\s+selon\s+lesquelles?", r"accusations?\s+selon\s+lesquelles?",
    r"selon\s+la\s+plainte", r"d[’']après\s+la\s+plainte", r"according\s+to\s+the\s+(?:amended\s+)?complaint",
    r"allegations?\s+that", r"accusations?\s+that",
)
ACCUSATION_AGAINST = words(r"(?:accusation|allégation|plainte|poursuite)s?\s+[^.;]{0,60}?\b(?:portée|déposée|intentée)s?\s+contre",
                           r"(?:accusations?|allegations?|claims?|suit|lawsuit)\s+against")
# "the plaintiffs' DMCA claim under …", "Meta's claim that …": a party's pleaded claim
CLAIM_OF = re.compile(r"(?P<owner>[\w.]+(?:\s+[\w.]+)?)(?:['’]s?|’)\s+(?:[\w-]+\s+){0,2}?(?:claims?|counts?|causes?\s+of\s+action)"
                      r"\s+(?:under|that|for|of|against)\b")
THEORY = words(r"theory(?:\s+of\s+liability)?\s+is\s+that", r"theories?\s+that", r"théorie\s+selon\s+laquelle")
COMPEL = words(r"(?:move|moves|moved|moving)\s+to\s+compel", r"motion\s+to\s+compel",
               r"demandent?\s+(?:au\s+tribunal\s+)?d[’']ordonner\s+à")
DENIAL = words(r"den(?:y|ies|ied)", r"nie|nient|conteste|contestent|réfute|réfutent|dément|démentent",
               r"rejette|rejettent|rejects?", r"disputes?")
NEGATION = words(r"not", r"n[’']", r"ne", r"never", r"jamais", r"no", r"aucune?")

# words whose presence in a party's statement about another agent makes it an accusation
ACCUSATORY = words(
    r"pirat\w*", r"torrent\w*", r"seed\w*", r"infring\w*", r"contrefa\w*", r"violat\w*", r"viol[ée]\w*",
    r"illeg\w*", r"illégal\w*", r"unlawful\w*", r"without\s+(?:permission|authori[sz]ation|consent)",
    r"sans\s+(?:autorisation|permission|consentement)", r"stole\w*|stolen|vol[ée]?s?",
    r"copied|copying|copie[rs]?", r"unauthori[sz]ed", r"non\s+autoris\w+", r"LibGen|Books3|Anna[’']s\s+Archive",
)

# ---- court voice (orders) --------------------------------------------------------------------------
COURT_SUBJECT = words(r"the\s+court", r"this\s+court", r"this\s+order", r"le\s+tribunal", r"la\s+cour",
                      r"le\s+juge", r"la\s+juge", r"the\s+judge")
COURT_VERB = words(
    r"(?:agrees?|disagrees?|holds?|held|finds?|found|rejects?|rejected|concludes?|concluded|orders|ORDERS|"
    r"ordered|grants|granted|GRANTS|denies|denied|DENIES|dismiss(?:es|ed)?|declines?|declined|rules?|ruled|"
    r"determines?|determined|adopts?|adopted|accepts?|accepted|deems?|deemed|notes?|noted|says?|saying|"
    r"is\s+(?:also\s+)?(?:not\s+)?(?:concerned|persuaded|convinced|satisfied|inclined))",
    r"(?:estime|juge|conclut|rejette|ordonne|accueille|déboute|accorde|considère|constate|retient|relève)",
    r"(?:a|avait)\s+(?:estimé|jugé|conclu|rejeté|ordonné|accueilli|débouté|accordé|considéré|constaté|retenu|fait\s+droit|"
    r"donné\s+raison|tranché|statué)",
    r"(?:sided\s+with|sides\s+with)",
    flags=0,
)
# a disposition or a judgment in the court's own voice, whoever the grammatical subject is
HOLDING = words(
    r"(?:is|are|was|were)\s+(?:hereby\s+)?(?:granted|denied|dismissed|GRANTED|DENIED|DISMISSED|overruled|sustained)",
    r"must\s+be\s+deemed", r"(?:is|are|was|were)\s+not\s+(?:an?\s+)?\w+", r"not\s+viable", r"nonsensical",
    r"there\s+is\s+no\s+way", r"there\s+can\s+be\s+no", r"(?:is|are)\s+wrong", r"does\s+not\s+make\s+sense",
    r"makes\s+sense", r"(?:is|are)\s+(?:sufficient|insufficient|unreasonable|reasonable|premature|moot|"
    r"persuasive|unpersuasive|implausible|plausible|irrelevant|relevant|proportional|disproportionate)",
    r"problems?\s+with", r"fails?\s+(?:because|to\s+state|as\s+a\s+matter)", r"as\s+a\s+matter\s+of\s+law",
    r"in\s+the\s+court[’']s\s+(?:view|experience|opinion)", r"could\s+not\s+have",
    r"est\s+(?:rejetée?|accueillie?|irrecevable|fondée?|infondée?)", r"sont\s+(?:rejetée?s|accueillie?s)",
    r"doit\s+être\s+considérée?",
)
# a party's filing in the court's narration: "Meta has moved to dismiss", "Meta's motion for ..."
MOTION = words(r"(?:has\s+|have\s+|had\s+)?moved\s+(?:to|for)", r"moves\s+(?:to|for)", r"(?:filed|files)\s+a\s+motion",
               r"a\s+déposé\s+une\s+requête", r"ont\s+déposé\s+une\s+requête", r"demande\s+au\s+tribunal")
PARTY_PAPER = words(r"motion|proposal|proposed\s+order|request|brief|letter|complaint|opposition|objection|"
                    r"requête|proposition|demande|plainte|mémoire")

# ---- who speaks: words that stand for an agent -------------------------------------------------
PLAINTIFF_WORDS = words(r"(?:the\s+|les\s+|des\s+|ces\s+)?(?:plaintiffs?|plaignants?|plaignantes?|demandeurs?|"
                        r"demanderesses?|requérants?)",
                        # the authors who sued: only ever resolved to a plaintiffs group the linker found
                        r"the\s+authors(?!\s+of)", r"les\s+auteurs")
DEFENDANT_WORDS = words(r"(?:the\s+|les?\s+|la\s+)?(?:defendants?|défendeurs?|défenderesse|défendeur)")
COURT_WORDS = words(r"(?:the\s+|this\s+)court", r"(?:le\s+)tribunal", r"(?:la\s+)cour")
JUDGE_WORDS = words(r"(?:the\s+|le\s+|la\s+)(?:judge|juge|magistrate?)")
COMPANY_NP = words(r"l[’']entreprise", r"la\s+société", r"le\s+groupe", r"l[’']éditeur", r"the\s+company",
                   r"the\s+firm", r"the\s+tech\s+giant", r"le\s+géant")
PAPER_NP = words(r"(?:les?|ce|ces|the|this|these)\s+(?:documents?|dépôts?|filings?|pièces?)(?:\s+\w+){0,2}")
PERSON_PRONOUN = words(r"il", r"lui", r"he", r"she", r"him")
PLURAL_PRONOUN = words(r"ils", r"elles", r"they")
NEUTRAL_PRONOUN = words(r"elle", r"it")

SPOKESPERSON = re.compile(r"(?:porte-parole|spokes(?:person|man|woman)|représentante?s?|representatives?|"
                          r"dirigeants?|direction)\s+(?:de\s+|du\s+|d[’']|of\s+|for\s+)?(?:la\s+|l[’']|the\s+)?$", re.I)
# "Lawyers for the authors at Lieff Cabraser said": the firm the lawyers belong to speaks
LAWYERS_AT = re.compile(r"\b(?:lawyers?|attorneys?|counsel|avocate?s?|conseils?)\b[^,.;«“\"]{0,50}?"
                        r"(?:\bat|\bfrom|\bwith|\bdu\s+cabinet|\bchez)\s+(?:the\s+(?:law\s+)?firm\s+|le\s+cabinet\s+)?$", re.I)
# a title in apposition after a name: "Maïa Bensimon, déléguée générale du SNAC, …", "Mark Lemley, a professor at …"
TITLE = (r"(?:président|présidente|directeur|directrice|délégué|déléguée|porte-parole|avocat|avocate|associé|associée|"
         r"fondateur|fondatrice|cofondateur|professeur|professeure|secrétaire|chercheur|chercheuse|membre|juriste|"
         r"responsable|dirigeant|dirigeante|auteur|autrice|auteure|écrivain|écrivaine|romancier|romancière|patron|patronne|"
         r"chief|CEO|president|director|partner|lawyer|attorney|counsel|spokes(?:person|man|woman)|professor|founder|"
         r"co-founder|cofounder|head|chair(?:man|woman|person)?|executive|officer|analyst|author|writer|novelist|"
         r"researcher|member|vice-president|senior|scholar|expert|experte|spécialiste|specialist)")
TITLE_PHRASE = (r"\s*,\s*(?:(?:un|une|le|la|l[’']|the|a|an|its|his|her|their|son|sa|leur|ancien|ancienne|"
                r"former|longtime)\s+)*(?:[\w-]+\s+){0,2}?" + TITLE + r"\b[^,.;«“\"\n]{0,70}?")
APPOSITION = re.compile(TITLE_PHRASE + r",\s*", re.I)
APPOSITION_END = re.compile(TITLE_PHRASE + r"(?=[,.;)]|$)", re.I)     # the title up to its end, whatever ends it
# "The authors, led by Andrea Bartz, …": the named leader or members of a plural subject
LED_BY = words(r"led\s+by", r"including", r"among\s+them", r"menée?s\s+par", r"emmenée?s\s+par", r"dont",
               r"parmi\s+lesquel(?:le)?s", r"notamment")
# a plural subject standing for agents named just before: « Les organisations accusent … », "The groups allege …"
PLURAL_NP = words(r"(?:les|ces|the|these|those|both)\s+(?:(?:deux|trois|quatre|two|three|four|\w+)\s+)?"
                  r"(?:organisations|organizations|syndicats|associations|groups|groupes|éditeurs|publishers|companies|"
                  r"sociétés|entreprises|authors|auteurs|autrices|writers|écrivains|artists|artistes|plaignants|"
                  r"plaintiffs|outlets|médias|newspapers|journaux|labels|studios|unions|firms|organismes|"
                  r"plaignantes|demandeurs|parties)")
COORD = re.compile(r"^\s*\)?\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?:and|et)?|and|et|&)\s*(?:(?:the|le|la|les|l[’'])\s*)?$", re.I)

# a speaker described rather than named between a quote and its verb ("”, a spokesperson for OpenAI said")
DESCRIBED = re.compile(r"porte-parole|spokes(?:person|man|woman)|représentante?s?|representatives?|lawyers?|attorneys?|"
                       r"avocate?s?|counsel", re.I)
# prepositions that make a following name an object, not a speaker
PREPOSITIONS = {"de", "du", "des", "d", "à", "au", "aux", "avec", "dans", "pour", "par", "sur", "contre", "entre",
                "of", "in", "with", "for", "by", "on", "to", "against", "from", "at", "about", "v", "vs", "v.", "vs."}

# ---- where and when it was said ---------------------------------------------------------------------
MEDIUM = [
    ("blog post", words(r"article\s+de\s+blog", r"billet\s+de\s+blog", r"blog\s+post", r"blog")),
    ("earnings call", words(r"conférence\s+téléphonique\s+sur\s+les\s+résultats", r"appel\s+(?:aux|sur\s+les)\s+résultats",
                            r"présentation\s+des\s+résultats", r"earnings\s+call", r"investor\s+call", r"résultats\s+trimestriels")),
    ("interview", words(r"interview", r"entretien", r"entrevue")),
    ("podcast", words(r"podcast")),
    ("press release", words(r"communiqué(?:\s+de\s+presse)?", r"press\s+release", r"statement\s+to",
                            r"in\s+a\s+(?:written\s+)?statement", r"dans\s+une\s+déclaration\s+écrite")),
    ("social media post", words(r"publication\s+sur\s+\w+", r"post\s+on\s+\w+", r"tweet", r"Threads", r"Facebook\s+post")),
    ("hearing", words(r"at\s+the\s+hearing", r"lors\s+de\s+l[’']audience", r"à\s+l[’']audience", r"hearing")),
    ("deposition", words(r"deposition", r"déposition")),
    ("motion", words(r"motion", r"requête")),
    ("court filing", words(r"court\s+filings?", r"filings?", r"documents?\s+judiciaires?", r"dépôt\s+juridique",
                           r"plainte", r"complaint", r"brief", r"mémoire")),
    ("court order", words(r"this\s+order", r"ordonnance")),
    # said in a ruling, not about one: "in his ruling", « dans sa décision » (not "the ruling confirms …")
    ("court ruling", words(r"(?:dans|par)\s+(?:une|la|cette|sa|son)\s+(?:décision|jugement)", r"(?:sa|cette)\s+décision",
                           r"(?:in|by)\s+(?:a|the|his|her|its|this)\s+(?:\w+\s+)?ruling", r"(?:his|her)\s+ruling",
                           r"(?:his|her|the)\s+opinion")),
    ("letter", words(r"lettre", r"letter")),
    ("conference", words(r"conférence", r"conference", r"keynote", r"sommet", r"summit")),
]
# the label is written in the statement's language (to_rdf tags kkg:mediumLabel with it)
MEDIUM_FR = {"blog post": "article de blog", "earnings call": "conférence sur les résultats", "interview": "entretien",
             "podcast": "podcast", "press release": "communiqué", "social media post": "publication sur les réseaux sociaux",
             "hearing": "audience", "deposition": "déposition", "motion": "requête", "court filing": "document judiciaire",
             "court order": "ordonnance", "court ruling": "décision de justice", "letter": "lettre",
             "conference": "conférence"}


def medium_label(label: str | None, lang: str) -> str | None:
    return MEDIUM_FR.get(label, label) if lang == "fr" and label else label


FR_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_NUMBER = {m: i % 12 + 1 for i, m in enumerate(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())}
MONTH_NUMBER.update({"fevrier": 2, "aout": 8, "decembre": 12})
MONTH_NUMBER.update({m.lower(): i + 1 for i, m in enumerate(EN_MONTHS.split("|"))})
MONTH_YEAR = re.compile(rf"\b(?P<month>{FR_MONTHS}|{EN_MONTHS})\s+(?:de\s+|of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)


# ---- claims (causes of action) ---------------------------------------------------------------------
# name -> cue; the name goes through `entity_iri("claim", name)` like the curated claims
CLAIMS = [
    ("DMCA 1202(b)", words(r"DMCA", r"Digital\s+Millennium\s+Copyright\s+Act", r"copyright\s+management\s+information",
                   r"CMI", r"§\s*1202", r"informations?\s+sur\s+le\s+régime\s+des\s+droits")),
    ("CDAFA", words(r"CDAFA", r"Comprehensive\s+Computer\s+Data\s+Access\s+and\s+Fraud\s+Act",
                    r"access\w*\s+(?:\w+\s+){0,3}computers?", r"accès\s+(?:\w+\s+){0,3}ordinateurs?")),
    ("vicarious copyright infringement", words(r"vicarious(?:\s+copyright)?\s+infringement", r"contrefaçon\s+indirecte")),
    ("unfair competition", words(r"unfair\s+competition", r"UCL", r"concurrence\s+déloyale")),
    ("unjust enrichment", words(r"unjust\s+enrichment", r"enrichissement\s+sans\s+cause")),
    ("negligence", words(r"negligence", r"négligence")),
    ("copyright infringement", words(r"copyright\s+infringement", r"infring\w*\s+(?:\w+\s+){0,3}copyright\w*",
                                     r"violation\s+du\s+droit\s+d[’']auteur", r"contrefaçon", r"infringing",
                                     r"infringement", r"pirat\w+", r"torrent\w*", r"seeding")),
]


# ==== reading a Doc: who is who ======================================================================
import bisect  # noqa: E402
from dataclasses import dataclass  # noqa: E402

from rdflib import URIRef  # noqa: E402

from kadrey_kg.ontology import KKG, KKGDOC, KKGID, normalize_name  # noqa: E402

AGENT_KINDS = {"person", "org", "court", "group"}
PAPER_KINDS = {"document", "filing", "doc"}
SIGNATURE = re.compile(
    r"(?P<name>[A-Z][A-Za-z.'’-]+(?:,?[ \t]+[A-Z][A-Za-z.'’-]*){1,3}),?\s+United\s+States\s+(?P<rank>Magistrate|District)\s+Judge",
)
CASE_NAME = re.compile(r"(?P<a>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*)(?:,?\s+et\s+al\.?,?)?\s+(?:v\.?|vs\.?|contre|c\.)\s+"
                       r"(?P<b>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*)*)")


@dataclass
class Candidate:
    start: int
    end: int
    iri: URIRef | None
    how: str  # mention | pronoun | group | np


class Context:
    """What the three extractors need to know about a Doc: its linked names, sentences, parties."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.sents = split_sentences(doc.text)
        self.starts = [s for s, _ in self.sents]
        self.mentions = sorted((m for m in doc.mentions if m.entity is not None), key=lambda m: (m.start, -m.end))
        self.m_starts = [m.start for m in self.mentions]
        self._titled = None
        self.court = self._first_of_kind("court", prefer=_is_court_name)
        self.case = self._first_of_kind("case")
        self.plaintiffs = self._group_for(PLAINTIFF_WORDS) or (
            self._case_fact(KKG.plaintiff, kind="group") if PLAINTIFF_WORDS.search(self.text) else None)
        self.judge, self.judge_rank = self._signing_judge()
        self.defendants = self._defendants()

    # ---- kinds and languages ----------------------------------------------------------------------
    def kind(self, iri: URIRef | None) -> str | None:
        if iri is None:
            return None
        ent = self.doc.entities.get(iri)
        if ent is not None:
            return ent.kind
        s = str(iri)
        if s.startswith(str(KKGDOC)):
            return "document"    # a paper linked to its own document node (kkgdoc:)
        return s[len(str(KKGID)):].split("/", 1)[0] if s.startswith(str(KKGID)) else None

    def is_agent(self, iri) -> bool:
        return self.kind(iri) in AGENT_KINDS

    def lang_at(self, offset: int) -> str:
        for p in self.doc.paragraphs:
            if p.start <= offset < p.end and p.lang:
                return p.lang
        return self.doc.lang or self.doc.meta.language or "en"

    def is_court_order(self) -> bool:
        head = self.text[:1500]
        return self.doc.meta.kind in ("court-order", "filing") or bool(
            re.search(r"Plaintiffs?,?\s.{0,80}\bv\.?\s", head, re.S) and re.search(r"\bORDER\b|\bOrder\b", head))

    # ---- sentences --------------------------------------------------------------------------------
    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        return self.sents[self.sentence_index(offset)]

    def window_start(self, offset: int, back: int) -> int:
        return self.sents[max(0, self.sentence_index(offset) - back)][0] if self.sents else 0

    # ---- mentions ----------------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int, kinds: set[str] | None = None):
        lo, hi = bisect.bisect_left(self.m_starts, start), bisect.bisect_left(self.m_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end and (kinds is None or self.kind(m.entity) in kinds)]

    def mention_over(self, start: int, end: int):
        return next((m for m in self.mentions if m.start < end and start < m.end), None)

    def last_before(self, offset: int, kinds: set[str], back: int = 3, exclude=()):
        found = [m for m in self.mentions_in(self.window_start(offset, back), offset, kinds) if m.entity not in exclude]
        return found[-1].entity if found else None

    # ---- parties -----------------------------------------------------------------------------------
    def _first_of_kind(self, kind: str, prefer=None):
        found = [m for m in self.mentions if self.kind(m.entity) == kind]
        if prefer:
            found.sort(key=lambda m: not prefer(m.text))
        return found[0].entity if found else None

    def _group_for(self, pattern: re.Pattern):
        for m in self.mentions:
            if self.kind(m.entity) == "group" and pattern.search(m.text):
                return m.entity
        for iri, ent in self.doc.entities.items():
            if ent.kind == "group" and any(pattern.search(n) for ns in ent.names.values() for n in ns):
                return iri
        return None

    def _signing_judge(self):
        for m in SIGNATURE.finditer(self.text):
            if (person := self.person_over(m.start("name"), m.end("name"))) is not None:
                return person, m["rank"].lower()
        return None, None

    def titled_judges(self) -> list:
        """Mentions of people the text calls judge ("Judge Chhabria", « le juge Vince Chhabria »)."""
        if self._titled is not None:
            return self._titled
        out = self._titled = []
        for m in self.mentions:
            if self.kind(m.entity) == "person" and (
                    re.match(r"(?:(?:Magistrate|District)\s+)?Judge\b|(?:le\s+|la\s+)?juge\b", m.text, re.I)
                    or re.search(r"(?:Judge|juge|magistrat)\s+$", self.text[max(0, m.start - 25):m.start], re.I)):
                out.append(m)
        return out

    def titled_judge_before(self, offset: int):
        found = [m.entity for m in self.titled_judges() if m.end <= offset]
        return found[-1] if found else None

    def person_over(self, start: int, end: int) -> URIRef | None:
        people = [m for m in self.mentions if m.start < end and start < m.end and self.kind(m.entity) == "person"]
        return people[-1].entity if people else None

    def _defendants(self) -> list[URIRef]:
        """Defendants named by a caption ("META PLATFORMS, INC., Defendant") or a case name "A v. B"."""
        out: list[URIRef] = []
        for m in re.finditer(r"Defendants?\b", self.text[:3000]):
            lo = max(0, m.start() - 120)
            orgs = [x for x in self.mentions_in(lo, m.start(), {"org", "person"})]
            if orgs and orgs[-1].entity not in out:
                out.append(orgs[-1].entity)
        if out:
            return out
        for men in self.mentions:
            if self.kind(men.entity) != "case":
                continue
            cm = CASE_NAME.search(men.text)
            if cm and (iri := self.agent_named(cm["b"])) and iri not in out:
                out.append(iri)
        return out

    def agent_named(self, name: str) -> URIRef | None:
        """The agent some mention of this document links, whose text starts like `name`."""
        key = normalize_name(name).split()
        if not key:
            return None
        for m in self.mentions:
            if self.is_agent(m.entity) and normalize_name(m.text).split()[:1] == key[:1]:
                return m.entity
        return None

    def court_voice(self) -> URIRef | None:
        """Who speaks when the court does: the judge who signed the order, else the court it
        names, else the court the curated data gives the case ("ORDER … The Court finds …")."""
        return self.judge or self.court or self._case_court()

    def _case_court(self) -> URIRef | None:
        return self._case_fact(KKG.court)

    def _case_fact(self, predicate, kind: str | None = None) -> URIRef | None:
        """The one object the curated data gives this document's case for `predicate`."""
        if self.case is None:
            return None
        from .gazetteer import default_gazetteer

        found = {o for s, p, o in default_gazetteer().facts if s == self.case and p == predicate
                 and (kind is None or self.kind(o) == kind)}
        return next(iter(found)) if len(found) == 1 else None

    # ---- resolving a speaker, an accuser, a target -------------------------------------------------
    def candidates(self, start: int, end: int, papers: bool = False) -> list[Candidate]:
        """Everything in [start, end) that can stand for an agent, resolved when possible."""
        out: list[Candidate] = []
        inside = self.mentions_in(start, end)
        for m in inside:
            if any(o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                   for o in inside):
                continue      # "Meta" inside "Meta's chief executive": the longer name speaks
            k = self.kind(m.entity)
            if k == "court" and COURT_WORDS.fullmatch(m.text):
                # "the Court" of an order speaks with its signing judge's voice
                out.append(Candidate(m.start, m.end, self.court_voice() or m.entity, "mention"))
            elif k in AGENT_KINDS or (papers and k in PAPER_KINDS):
                out.append(Candidate(m.start, m.end, m.entity, "mention"))
        taken = [(c.start, c.end) for c in out] + [(m.start, m.end) for m in self.mentions_in(start, end)]

        def free(s, e):
            return not any(s < te and ts < e for ts, te in taken)

        seg = self.text[start:end]
        for rx, how, resolve in (
            (PLAINTIFF_WORDS, "group", lambda s: self.plaintiffs),
            (DEFENDANT_WORDS, "group", lambda s: self.defendants[0] if len(self.defendants) == 1 else None),
            (COURT_WORDS, "group", lambda s: self.court_voice()),
            (JUDGE_WORDS, "group", lambda s: self.judge or self.titled_judge_before(s) or self.last_before(s, {"person"})),
            (COMPANY_NP, "np", lambda s: self.last_before(s, {"org"}, back=4)),
            # a paper stays the topic longer than a person: "Les documents indiquent que …"
            (PERSON_PRONOUN, "pronoun", lambda s: self.last_before(s, {"person"})),
            (PLURAL_PRONOUN, "pronoun", self._plural_antecedent),
            (NEUTRAL_PRONOUN, "pronoun", lambda s: self.last_before(s, {"org", "person"}, back=2)),
        ) + (((PAPER_NP, "np", self._paper_antecedent),) if papers else ()):
            for m in rx.finditer(seg):
                s, e = start + m.start(), start + m.end()
                if free(s, e):
                    out.append(Candidate(s, e, resolve(s), how))
                    taken.append((s, e))
        return sorted(out, key=lambda c: c.start)

    def _plural_antecedent(self, offset: int):
        lo = self.window_start(offset, 2)
        if self.plaintiffs and PLAINTIFF_WORDS.search(self.text[lo:offset]):
            return self.plaintiffs
        return self.last_before(offset, {"group"}, back=2)

    def _paper_antecedent(self, offset: int):
        s, e = self.sentence_at(offset)
        here = [m for m in self.mentions_in(offset, e, PAPER_KINDS)]
        if here and here[0].start - offset < 40:
            return here[0].entity
        return self.last_before(offset, PAPER_KINDS, back=8)

    def subject_before(self, start: int, cue: int, papers: bool = False) -> Candidate | None:
        """The speaker of a cue: the nearest agent before it in its clause that is not the object
        of a preposition ("Dans un article de blog, Zuckerberg a déclaré" -> Zuckerberg)."""
        for c in reversed(self.candidates(start, cue, papers)):
            before = re.findall(r"[\w.’']+", self.text[max(start, c.start - 12):c.start])
            prev = before[-1].lower().rstrip("’'") if before else ""
            # "des" opens a subject after a comma ("…, des plaignants accusent") but is "of the" after a noun
            article = prev == "des" and re.search(r"(?:^|[,;:(])\s*des\s*$", self.text[start:c.start])
            # "Judge Chhabria of the Northern District": a name after "of the" is an object too
            prep_art = len(before) >= 2 and prev in {"the", "le", "la", "les"} and before[-2].lower() in PREPOSITIONS
            if SPOKESPERSON.search(self.text[max(start, c.start - 30):c.start]):
                return c      # « un porte-parole de Meta a déclaré »: the spokesperson speaks for Meta
            if LAWYERS_AT.search(self.text[max(start, c.start - 70):c.start]) and self.kind(c.iri) == "org":
                return c      # "Lawyers for the authors at Lieff Cabraser said": the firm speaks
            if (prev in PREPOSITIONS and not article) or prep_art \
                    or self.text[max(0, c.start - 2):c.start].endswith(("d’", "d'")):
                continue
            return c
        return None

    def coordinated(self, cand: Candidate, lo: int) -> list:
        """The agents coordinated with a subject ("Le SNE, la SGDL et le SNAC ont assigné …"), in order;
        [cand.iri] when it stands alone."""
        out = [cand.iri]
        if cand.how != "mention":
            return out
        prev_start, head = cand.start, cand.iri
        for m in reversed(self.mentions_in(lo, cand.start)):
            if m.end > prev_start:
                continue      # a mention nested in one already read
            gap = self.text[m.end:prev_start]
            if m.entity == head and re.fullmatch(r"\s*\(\s*", gap):
                prev_start = m.start     # "Syndicat national de l'édition (SNE)": one agent, two names
                continue
            # "… et le Syndicat national des auteurs (SNAC)": a full name the linker left, then its acronym
            gap = re.sub(r"[A-ZÀ-Ý][^(),;.]{0,80}\(\s*$", "", gap)
            if not self.is_agent(m.entity) or not COORD.match(gap):
                break
            if m.entity not in out:
                out.insert(0, m.entity)
            prev_start, head = m.start, m.entity
        return out

    def plural_antecedent(self, offset: int, back: int = 2) -> list:
        """Agents a plural noun phrase stands for: the last coordination of two or more agents in
        this or the previous sentences ("Le SNE, la SGDL et le SNAC … Les organisations …")."""
        lo = self.window_start(offset, back)
        for m in reversed(self.mentions_in(lo, offset)):
            if not self.is_agent(m.entity):
                continue
            group = self.coordinated(Candidate(m.start, m.end, m.entity, "mention"), lo)
            if len(group) >= 2:
                return group
        return []

    def subject_after(self, cue_end: int, end: int, papers: bool = False) -> Candidate | None:
        """The speaker of an inverted attribution ("», a écrit Zuckerberg", "according to Meta")."""
        found = self.candidates(cue_end, min(end, cue_end + 60), papers)
        return found[0] if found and not self.text[cue_end:found[0].start].strip(" ,:") .count(" ") > 2 else None


ABBREVIATIONS = {"v", "vs", "no", "nos", "inc", "dkt", "co", "corp", "ltd", "llc", "cir", "cal", "al", "mr", "mrs", "ms",
                 "dr", "jr", "st", "u.s", "u.s.c", "f", "supp", "fed", "civ", "id", "e.g", "i.e", "cf", "art", "m", "mme",
                 "n.d", "s.d", "e.d", "c.d", "d", "p", "r", "ex", "sec", "para", "p.ex", "etc", "approx", "jan", "feb",
                 "mar", "apr", "aug", "sept", "oct", "nov", "dec", "ch", "sq", "vol"}
_END = re.compile(r"[.!?…]+[»”\"’)]?(?=\s+[«“\"(\[A-ZÀ-ÖØ-Þ0-9–—-])")
_BULLET = re.compile(r"^[ \t]*(?:[-–—•*·]|\d+[.)])\s")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets, trimmed. Our own splitter, not spaCy's: the small French
    model cuts "Kadrey v. Meta" and joins headings to the next line, and a speaker must be found
    in the same sentence as the verb. Lines end a sentence when they end in punctuation, are short
    (titles, list items) or the next one is a list item; wrapped lines of a PDF do not."""
    out: list[tuple[int, int]] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    block_start = None
    for i, (ls, le) in enumerate(lines):
        if block_start is None:
            block_start = ls
        line = text[ls:le].rstrip()
        nxt = text[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) else ""
        blank_after = i + 1 >= len(lines) or "\n\n" in text[le:lines[i + 1][0] + 1] or text[le:lines[i + 1][0]].count("\n") > 1
        ends = (blank_after or re.search(r"[.!?:;…»”\"]$", line) or len(line) < 80 or _BULLET.match(nxt)
                or not nxt.strip() or _BULLET.match(line))
        if ends:
            out.extend(_split_block(text, block_start, le))
            block_start = None
    return out


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, s = [], start
    for m in _END.finditer(text, start, end):
        word = re.search(r"([\w.]+)[.!?…]+[»”\"’)]?$", text[max(start, m.start() - 12):m.end()])
        w = word.group(1).lower().rstrip(".") if word else ""
        if text[m.start()] == "." and (w in ABBREVIATIONS or (len(w) == 1 and w.isalpha())):
            continue
        out.append((s, m.end()))
        s = m.end()
    out.append((s, end))
    return trim_spans(out, text)


def trim_spans(spans, text: str) -> list[tuple[int, int]]:
    """Spans with surrounding white space removed; empty ones dropped."""
    trimmed = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


def _is_court_name(text: str) -> bool:
    return bool(re.search(r"district|circuit|tribunal|cour\b", text, re.I))


def clause_start(text: str, lo: int, cue: int) -> int:
    """Start of the clause that holds a cue: after the last quote, ';' or subordinator before it."""
    seg = text[lo:cue]
    cut = max((m.end() for m in re.finditer(r"[«»“”\";]|\bque\b|\bqu[’']|\bthat\b|:", seg)), default=0)
    return lo + cut


def month_year(text: str) -> str | None:
    """"en avril 2024" -> "2024-04" (a month without a day)."""
    m = MONTH_YEAR.search(text)
    if not m:
        return None
    return f"{m['year']}-{MONTH_NUMBER[m['month'].lower()]:02d}"


def medium_in(text: str) -> str | None:
    for label, rx in MEDIUM:
        if rx.search(text):
            return label
    return None


def claim_in(text: str) -> str | None:
    for name, rx in CLAIMS:
        if rx.search(text):
            return name
    return None
