"""Deterministic bilingual (FR/EN) synthetic corpus shaped like the Kadrey v. Meta documents.

    python bench/synth.py --docs 1000 --out DIR [--seed 7] [--html 0.1]

Writes DIR/<nnnnnn>_<lang>_<kind>_<slug>.txt (or .html), DIR/manifest.json (same shape as
shared/corpus/en/manifest.json: file, lang, kind, url, date, title) and DIR/truth.jsonl (one line
per document: the statements, allegations and relations it was generated with, with character
offsets into the text, so a benchmark can also measure extraction recall at scale).

Every sentence is written here from templates and word lists; no third-party text is copied.
Documents are French/English news articles and court orders (plus French law-firm notes). They
quote (« … », a déclaré X / "…," X said), report speech (X a déclaré que … / X said that …),
allege (les plaignants affirment que … / plaintiffs allege that …) and state relations between the
case's entities and many generated people and companies, so 100, 1k and 10k documents have a
realistic number of distinct entities. Document i depends only on (seed, i, corpus size), so a
corpus is reproducible file by file and generation streams (constant memory).
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# ---- the case's own entities (names only: public facts of the case) ----------------------------
META = ("Meta", "Meta Platforms, Inc.", "Meta Platforms")
ZUCK = "Mark Zuckerberg"
LLAMA = ("Llama", "LLaMA", "Llama 2", "Llama 3")
PLAINTIFFS_KNOWN = ("Richard Kadrey", "Sarah Silverman", "Christopher Golden", "Ta-Nehisi Coates",
                    "Junot Díaz", "Andrew Sean Greer", "Rachel Louise Snyder")
JUDGE = "Vince Chhabria"
MAGISTRATE = "Thomas S. Hixson"
HOSTS = ("AWS", "Google Cloud", "Microsoft Azure", "Nvidia", "Databricks", "Groq", "Dell", "Snowflake")
DATASETS = ("LibGen", "Books3", "Anna's Archive", "Z-Library")
CASE_EN = ("Kadrey v. Meta", "Kadrey v. Meta Platforms, Inc.")
CASE_FR = ("l'affaire Kadrey v. Meta", "le procès Kadrey v. Meta")
CASE_NO = "23-cv-03417-VC"

# ---- name generator material --------------------------------------------------------------------
FIRST_FR = ("Camille Chloé Léa Manon Inès Jeanne Louise Élodie Margaux Hélène Amélie Anaïs Océane "
            "Lucas Hugo Théo Mathis Nathan Étienne Benoît François Jérôme Rémi Gaël Loïc Aurélien "
            "Baptiste Clément Maël Noémie Solène Agathe Bérénice Apolline Thibault Grégoire").split()
LAST_FR = ("Martin Bernard Dubois Lefèvre Moreau Laurent Garnier Faure Rousseau Chevalier Mercier "
           "Boyer Fontaine Lemoine Gauthier Perrin Morel Giraud Dumont Brunet Blanchard Leclerc "
           "Barbier Caron Renaud Picard Aubert Lacroix Fabre Delorme Vasseur Tessier Marchand "
           "Nguyen Benali Haddad O'Neill").split() + ["Le Goff", "Da Silva"]
FIRST_EN = ("Emily Olivia Hannah Grace Abigail Madison Chloe Natalie Megan Rachel Lauren Julia "
            "James Michael David Daniel Matthew Andrew Joshua Ryan Tyler Brandon Kevin Jason Eric "
            "Marcus Deshawn Priya Wei Hiroshi Alejandro Siobhan Aaliyah Dmitri").split()
LAST_EN = ("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
           "Jackson White Harris Thompson Robinson Clark Lewis Walker Hall Young Allen Wright King "
           "Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans "
           "Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers O'Brien "
           "McAllister Okafor Nakamura Kowalski Fitzgerald").split()
CO_HEAD = ("Nord", "Azur", "Helio", "Quanta", "Verti", "Lumen", "Strato", "Cobalt", "Orbi", "Nimbus",
           "Kestrel", "Basalt", "Argon", "Sylva", "Prism", "Tidal", "Ember", "Halcyon", "Vega", "Mistral",
           "Onyx", "Corvid", "Atlas", "Boreal", "Cirrus", "Delta", "Fjord", "Granite", "Iris", "Juniper")
CO_TAIL = ("scale", "stack", "cloud", "compute", "forge", "mind", "works", "labs", "grid", "byte",
           "flow", "core", "node", "ware", "sense", "logic")
CO_SUFFIX_EN = ("Inc.", "Corp.", "LLC", "Technologies", "Systems", "AI", "Cloud")
CO_SUFFIX_FR = ("SAS", "SA", "Technologies", "Cloud", "IA")
FIRM_TAIL = ("LLP", "& Partners", "Avocats", "Law Group")
PRODUCT_TAIL = ("Studio", "Assistant", "Hub", "Platform", "Inference", "Engine")
MODEL_TAIL = ("LM", "GPT", "Instruct", "Chat")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-") or "x"


@dataclass
class Cast:
    """The generated people and companies of one corpus: pools grow with corpus size (sublinearly)
    so a 10k-document corpus has thousands of distinct entities, as a real news stream would."""
    people_fr: list[str]
    people_en: list[str]
    companies: list[str]
    firms: list[str]
    products: list[str]
    models: list[str]
    owners: dict[str, str]            # product/model -> company that makes it
    employer: dict[str, str]          # person -> company

    @classmethod
    def build(cls, seed: int, docs: int) -> "Cast":
        rng = random.Random(f"cast:{seed}:{docs}")
        n_people = max(40, int(docs ** 0.85) * 2)
        n_co = max(20, int(docs ** 0.8))

        def people(first, last, n):
            seen: dict[str, None] = {}
            while len(seen) < n:
                name = f"{rng.choice(first)} {rng.choice(last)}"
                if len(seen) > len(first) * len(last) // 2:   # pool exhausted: add initials
                    name = f"{rng.choice(first)} {rng.choice('ABCDEFGHJKLMNPRSTVW')}. {rng.choice(last)}"
                seen[name] = None
            return list(seen)

        def unique(make, n):
            seen: dict[str, None] = {}
            tries = 0
            while len(seen) < n and tries < n * 50:
                seen[make()] = None
                tries += 1
            return list(seen)

        def company():
            suffix = rng.choice(CO_SUFFIX_EN + CO_SUFFIX_FR)
            return f"{rng.choice(CO_HEAD)}{rng.choice(CO_TAIL)} {suffix}"

        people_fr = people(FIRST_FR, LAST_FR, n_people // 2)
        people_en = people(FIRST_EN, LAST_EN, n_people - n_people // 2)
        companies = unique(company, n_co)
        firms = unique(lambda: f"{rng.choice(LAST_EN + LAST_FR)} {rng.choice(LAST_EN)} {rng.choice(FIRM_TAIL)}",
                       max(8, n_co // 4))
        products = unique(lambda: f"{rng.choice(CO_HEAD)} {rng.choice(PRODUCT_TAIL)}", max(10, n_co // 2))
        models = unique(lambda: f"{rng.choice(CO_HEAD)}{rng.choice(MODEL_TAIL)}-{rng.randint(1, 9)}", max(6, n_co // 4))
        owners = {p: rng.choice(companies) for p in products + models}
        employer = {p: rng.choice(companies) for p in people_fr + people_en}
        return cls(people_fr, people_en, companies, firms, products, models, owners, employer)


def zipf_choice(rng: random.Random, items: list[str]) -> str:
    """Popular entities come back often, the long tail rarely (as in a real news stream): the rank
    is log-uniform, P(rank <= k) = log k / log n."""
    return items[min(int(len(items) ** rng.random()) - 1, len(items) - 1)]


@dataclass
class Writer:
    """Builds a document's text sentence by sentence and records the facts with their offsets."""
    parts: list[str] = field(default_factory=list)
    length: int = 0
    facts: list[dict] = field(default_factory=list)

    def add(self, text: str, fact: dict | None = None, span: str | None = None) -> None:
        if fact is not None:
            inner = text.find(span) if span else 0
            start = self.length + max(inner, 0)
            fact = dict(fact, start=start, end=start + len(span or text))
            self.facts.append(fact)
        self.parts.append(text)
        self.length += len(text)

    def sentence(self, text: str, fact: dict | None = None, span: str | None = None) -> None:
        if text.endswith(".."):           # a name ending in "Inc." closes the sentence itself
            text = text[:-1]
            span = span[:-1] if span and span.endswith("..") else span
        if self.parts and not self.parts[-1].endswith("\n"):
            self.add(" ")
        self.add(text, fact, span)

    def paragraph(self) -> None:
        self.add("\n\n" if self.parts else "")

    @property
    def text(self) -> str:
        return "".join(self.parts)


# ---- French and English sentence material -------------------------------------------------------
QUOTE_FR = (
    ("Nous n'avons jamais vendu l'accès à nos modèles", "la vente de l'accès à nos modèles d'IA n'est pas notre modèle économique"),
    ("Cette décision protège les auteurs", "cette décision protège les auteurs"),
    ("L'entraînement sur des livres piratés n'est pas un usage loyal", "l'entraînement sur des livres piratés n'est pas un usage loyal"),
    ("Le partage de revenus avec les hébergeurs change tout", "le partage de revenus avec les hébergeurs change la donne"),
    ("Nos modèles ouverts profitent à tout l'écosystème", "les modèles ouverts profitent à tout l'écosystème"),
    ("Les écrivains méritent d'être rémunérés", "les écrivains méritent d'être rémunérés"),
    ("Nous respectons le droit d'auteur", "l'entreprise respecte le droit d'auteur"),
    ("Ce jugement ne dit pas que l'entraînement est licite en général", "le jugement ne dit pas que l'entraînement est licite en général"),
)
QUOTE_EN = (
    ("We have never sold access to our models", "selling access to AI models is not the company's business model"),
    ("This ruling protects authors", "the ruling protects authors"),
    ("Training on pirated books is not fair use", "training on pirated books is not fair use"),
    ("Revenue sharing with hosting partners changes everything", "revenue sharing with hosting partners changes the picture"),
    ("Open models benefit the whole ecosystem", "open models benefit the whole ecosystem"),
    ("Writers deserve to be paid", "writers deserve to be paid"),
    ("We respect copyright", "the company respects copyright"),
    ("This ruling does not hold that training is lawful in general", "the ruling does not hold that training is lawful in general"),
)
ROLE_FR = ("PDG de {org}", "porte-parole de {org}", "directrice juridique de {org}", "ingénieur chez {org}",
           "avocat des plaignants", "analyste chez {org}", "autrice et plaignante")
ROLE_EN = ("chief executive of {org}", "a spokesperson for {org}", "general counsel at {org}", "an engineer at {org}",
           "counsel for the plaintiffs", "an analyst at {org}", "an author and plaintiff")
SAY_FR = ("a déclaré", "a affirmé", "a expliqué", "a souligné", "a écrit")
SAY_EN = ("said", "told reporters", "wrote", "added", "argued")
MEDIUM_FR = ("dans un billet de blog", "lors d'une conférence téléphonique sur les résultats", "dans un entretien",
             "sur Threads", "devant la presse")
MEDIUM_EN = ("in a blog post", "on an earnings call", "in an interview", "on Threads", "at a press briefing")
ACCUSE_FR = (
    ("a entraîné {model} sur des livres piratés provenant de {ds}", "copyright"),
    ("a téléchargé des millions de livres via BitTorrent depuis {ds}", "copyright"),
    ("a supprimé les informations de gestion des droits des ouvrages", "dmca"),
    ("a dissimulé des documents pertinents pendant la procédure de communication", None),
    ("partage un pourcentage des revenus tirés de {model} avec {host}", None),
)
ACCUSE_EN = (
    ("trained {model} on pirated books obtained from {ds}", "copyright"),
    ("downloaded millions of books over BitTorrent from {ds}", "copyright"),
    ("removed copyright management information from the works", "dmca"),
    ("withheld responsive documents during discovery", None),
    ("shares a percentage of the revenue from {model} with {host}", None),
)
FILLER_FR = (
    "Le dossier est suivi de près par les éditeurs et les sociétés d'auteurs.",
    "L'audience a duré plus de trois heures.",
    "Les juristes s'interrogent sur la portée de cette procédure pour l'ensemble du secteur.",
    "La question de l'usage loyal reste au cœur des débats.",
    "Plusieurs autres procédures similaires sont en cours aux États-Unis.",
    "Les montants en jeu n'ont pas été rendus publics.",
    "Le calendrier de la procédure a été modifié à plusieurs reprises.",
    "Cette affaire pourrait faire jurisprudence pour l'intelligence artificielle générative.",
)
FILLER_EN = (
    "Publishers and authors' groups are watching the case closely.",
    "The hearing lasted more than three hours.",
    "Lawyers are asking what the case means for the whole industry.",
    "Fair use remains at the heart of the dispute.",
    "Several similar lawsuits are pending in the United States.",
    "The amounts at stake were not disclosed.",
    "The schedule has been amended several times.",
    "The case could set a precedent for generative artificial intelligence.",
)
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")


def fr_date(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MONTHS_FR[d.month - 1]} {d.year}"


def en_date(d: date) -> str:
    return d.strftime("%B %-d, %Y")


class DocMaker:
    """Makes document i of a corpus: its kind, language, text, metadata and facts."""

    KINDS = (("fr", "news", 0.38), ("en", "news", 0.27), ("en", "court-order", 0.22),
             ("fr", "court-order", 0.05), ("fr", "law-firm-note", 0.08))

    def __init__(self, seed: int, cast: Cast):
        self.seed = seed
        self.cast = cast

    # -- entity pickers -------------------------------------------------------------------------
    def person(self, rng, lang):
        pool = self.cast.people_fr if lang == "fr" and rng.random() < 0.7 else self.cast.people_en
        return zipf_choice(rng, pool)

    def speaker(self, rng, lang):
        r = rng.random()
        if r < 0.25:
            return ZUCK, META[0]
        if r < 0.4:
            return rng.choice(PLAINTIFFS_KNOWN), None
        name = self.person(rng, lang)
        return name, self.cast.employer[name]

    def company(self, rng):
        return zipf_choice(rng, self.cast.companies)

    def target(self, rng):
        return META[0] if rng.random() < 0.75 else self.company(rng)

    def model(self, rng):
        return rng.choice(LLAMA[:1] * 4 + LLAMA[1:]) if rng.random() < 0.7 else zipf_choice(rng, self.cast.models)

    def host(self, rng):
        return rng.choice(HOSTS) if rng.random() < 0.6 else self.company(rng)

    # -- sentences ------------------------------------------------------------------------------
    def statement(self, w: Writer, rng, lang, d: date):
        name, org = self.speaker(rng, lang)
        quote, reported = rng.choice(QUOTE_FR if lang == "fr" else QUOTE_EN)
        roles = ROLE_FR if lang == "fr" else ROLE_EN
        if name == ZUCK:
            role = "PDG de Meta" if lang == "fr" else "Meta's chief executive"
        elif org is None:                  # a known plaintiff speaks as an author
            role = roles[-1]
        else:
            role = rng.choice(roles).format(org=org) if rng.random() < 0.6 else None
        who = f"{name}, {role}" if role else name
        who_subject = f"{who}," if role else name   # closing comma of the apposition before a verb
        medium = rng.choice(MEDIUM_FR if lang == "fr" else MEDIUM_EN)
        fact = {"type": "statement", "speaker": name, "lang": lang, "date": d.isoformat()}
        form = rng.randrange(4)
        if lang == "fr":
            if form == 0:
                s = f"« {quote} », {rng.choice(SAY_FR)} {who}."
            elif form == 1:
                s = f"« {quote} », a écrit {name} {medium}."
            elif form == 2:
                s = f"{who_subject} a déclaré que {reported}."
            else:
                s = f"Selon {name}, {reported}."
        else:
            if form == 0:
                s = f"\u201c{quote},\u201d {rng.choice(SAY_EN)} {who}."
            elif form == 1:
                s = f"\u201c{quote},\u201d {name} wrote {medium}."
            elif form == 2:
                s = f"{who_subject} said that {reported}."
            else:
                s = f"According to {name}, {reported}."
        fact.update(is_quote=form < 2, text=quote if form < 2 else reported)
        w.sentence(s, fact, s)

    def allegation(self, w: Writer, rng, lang, court: bool):
        tgt = self.target(rng)
        accuse, claim = rng.choice(ACCUSE_FR if lang == "fr" else ACCUSE_EN)
        what = accuse.format(model=self.model(rng), ds=rng.choice(DATASETS), host=self.host(rng))
        found = court and rng.random() < 0.25
        by = None if found else ("the plaintiffs" if rng.random() < 0.7 else rng.choice(PLAINTIFFS_KNOWN))
        if lang == "fr":
            by_fr = "les plaignants" if by == "the plaintiffs" else by
            if found:
                s = f"Le tribunal constate que {tgt} {what}."
            elif by == "the plaintiffs":
                s = rng.choice((f"Les plaignants affirment que {tgt} {what}.", f"Selon la plainte, {tgt} {what}.",
                                f"Les auteurs reprochent à {tgt} d'avoir agi ainsi : {tgt} {what}."))
            else:
                s = f"{by_fr} accuse {tgt} : selon la plainte, {tgt} {what}."
        else:
            if found:
                s = f"The Court finds that {tgt} {what}."
            elif by == "the plaintiffs":
                s = rng.choice((f"The plaintiffs allege that {tgt} {what}.", f"The complaint alleges that {tgt} {what}.",
                                f"Plaintiffs contend that {tgt} {what}."))
            else:
                s = f"{by} alleges that {tgt} {what}."
        standing = "FoundByCourt" if found else ("AllegedByParty" if court else "ReportedByPress")
        w.sentence(s, {"type": "allegation", "by": by, "against": tgt, "lang": lang, "standing": standing,
                       "claim": claim, "text": what}, s)

    def relation(self, w: Writer, rng, lang):
        r = rng.randrange(6)
        c = self.cast
        if r == 0:
            h = self.host(rng)
            s = (f"{h} héberge {LLAMA[0]} pour ses clients." if lang == "fr" else f"{h} hosts {LLAMA[0]} for its customers.")
            fact = (h, "hosts", LLAMA[0])
        elif r == 1:
            h = self.host(rng)
            s = (f"Meta partage une partie de ses revenus avec {h}." if lang == "fr" else f"Meta shares revenue with {h}.")
            fact = ("Meta", "sharesRevenueWith", h)
        elif r == 2:
            p = self.person(rng, lang)
            org = c.employer[p]
            s = (f"{p} travaille pour {org} depuis plusieurs années." if lang == "fr" else f"{p} works for {org}.")
            fact = (p, "worksFor", org)
        elif r == 3:
            prod = zipf_choice(rng, c.products + c.models)
            org = c.owners[prod]
            s = (f"{org} développe {prod}." if lang == "fr" else f"{org} develops {prod}.")
            fact = (org, "develops", prod)
        elif r == 4:
            firm = zipf_choice(rng, c.firms)
            s = (f"Le cabinet {firm} représente les plaignants." if lang == "fr" else f"{firm} represents the plaintiffs.")
            fact = (firm, "counselFor", "the plaintiffs")
        else:
            a, b = self.company(rng), self.company(rng)
            if a == b:
                b = rng.choice(HOSTS)
            s = (f"{a} est partenaire de {b}." if lang == "fr" else f"{a} is a partner of {b}.")
            fact = (a, "partnerOf", b)
        w.sentence(s, {"type": "relation", "subject": fact[0], "predicate": fact[1], "object": fact[2]}, s)

    def body(self, w: Writer, rng, lang, d: date, court: bool, paragraphs: int):
        for _ in range(paragraphs):
            w.paragraph()
            for _ in range(rng.randint(3, 7)):
                r = rng.random()
                if r < 0.22:
                    self.statement(w, rng, lang, d)
                elif r < 0.42:
                    self.allegation(w, rng, lang, court)
                elif r < 0.65:
                    self.relation(w, rng, lang)
                else:
                    w.sentence(rng.choice(FILLER_FR if lang == "fr" else FILLER_EN))

    # -- whole documents ------------------------------------------------------------------------
    def make(self, i: int) -> dict:
        rng = random.Random(f"doc:{self.seed}:{i}")
        r, acc = rng.random(), 0.0
        for lang, kind, p in self.KINDS:
            acc += p
            if r < acc:
                break
        d = date(2023, 7, 7) + timedelta(days=rng.randrange(900))
        w = Writer()
        court = kind == "court-order"
        if kind == "court-order" and lang == "en":
            motion = rng.choice(("MOTION TO DISMISS", "MOTION FOR PARTIAL SUMMARY JUDGMENT", "MOTION TO COMPEL",
                                 "MOTION FOR LEAVE TO AMEND", "MOTION TO SEAL"))
            verb = rng.choice(("GRANTING", "DENYING", "GRANTING IN PART AND DENYING IN PART"))
            dkt = rng.randint(20, 620)
            plaintiff = rng.choice(PLAINTIFFS_KNOWN).upper()
            judge, title_j = (JUDGE, "United States District Judge") if rng.random() < 0.5 else (MAGISTRATE, "United States Magistrate Judge")
            title = f"{CASE_EN[1]}, No. {CASE_NO} (N.D. Cal.) - Order {verb.title()} {motion.title()} (Re: Dkt. No. {dkt})"
            w.add(f"UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n{plaintiff}, et al., Plaintiffs,\n"
                  f"v.\nMETA PLATFORMS, INC., Defendant.\nCase No. {CASE_NO}\nORDER {verb} {motion}\nRe: Dkt. No. {dkt}\n")
            self.body(w, rng, lang, d, True, rng.randint(3, 8))
            w.paragraph()
            w.add(f"IT IS SO ORDERED.\nDated: {en_date(d)}\n{judge.upper()}\n{title_j}\n")
        elif kind == "court-order":
            title = f"Ordonnance du {fr_date(d)} dans {CASE_FR[0][4:]} : ce que dit le juge {JUDGE}"
            w.add(f"{title}\nCompte rendu de l'ordonnance rendue le {fr_date(d)} par le tribunal fédéral du district "
                  f"nord de la Californie (affaire n° {CASE_NO}).\n")
            self.body(w, rng, lang, d, True, rng.randint(3, 6))
        elif kind == "law-firm-note":
            firm = zipf_choice(rng, self.cast.firms)
            title = f"Note d'analyse – {rng.choice(CASE_FR)} et l'usage loyal"
            w.add(f"{title}\n{firm} – {fr_date(d)}\n")
            self.body(w, rng, lang, d, False, rng.randint(2, 5))
        else:
            h = self.host(rng)
            if lang == "fr":
                title = rng.choice((f"Meta, {LLAMA[0]} et {h} : ce que révèle {CASE_FR[0]}",
                                    f"Droit d'auteur : nouvelles révélations dans {CASE_FR[1]}",
                                    f"{ZUCK} face aux auteurs : le point sur la procédure"))
            else:
                title = rng.choice((f"Meta, {LLAMA[0]} and {h}: what {CASE_EN[0]} reveals",
                                    f"Copyright: new filings in {CASE_EN[0]}",
                                    f"{ZUCK} versus the authors: where the case stands"))
            w.add(f"{title}\n")
            self.body(w, rng, lang, d, False, rng.randint(3, 9))
        text = w.text.rstrip() + "\n"
        slug = slugify(title)[:48].strip("-")
        return {"index": i, "lang": lang, "kind": kind, "date": d.isoformat(), "title": title,
                "stem": f"{i:06d}_{lang}_{kind}_{slug}", "text": text, "facts": w.facts,
                "url": f"https://example.org/{kind}/{i:06d}-{slug}"}


def as_html(doc: dict) -> str:
    """News as a web page with chrome around the article (nav, scripts, footer) as readers see them."""
    paras = [p for p in doc["text"].split("\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
    return (f"<!DOCTYPE html>\n<html lang=\"{doc['lang']}\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(doc['title'])}</title>"
            f"<meta property=\"article:published_time\" content=\"{doc['date']}\"></head>\n<body>"
            f"<nav><a href=\"/\">Accueil</a> <a href=\"/tech\">Tech</a></nav>\n"
            f"<script>window.dataLayer=[];</script>\n<article><h1>{html.escape(doc['title'])}</h1>\n"
            f"<time datetime=\"{doc['date']}\">{doc['date']}</time>\n{body}\n</article>\n"
            f"<footer>© {doc['date'][:4]} Exemple Médias</footer></body></html>\n")


def generate(docs: int, out: Path, seed: int = 7, html_share: float = 0.0, progress: bool = False) -> dict:
    """Write the corpus; return a summary (documents, bytes, facts by type, distinct names)."""
    out.mkdir(parents=True, exist_ok=True)
    cast = Cast.build(seed, docs)
    maker = DocMaker(seed, cast)
    summary = {"documents": 0, "bytes": 0, "facts": {}, "languages": {}, "kinds": {}}
    names: set[str] = set()
    manifest = []
    with open(out / "truth.jsonl", "w", encoding="utf-8") as truth:
        for i in range(docs):
            doc = maker.make(i)
            pick = random.Random(f"html:{seed}:{i}").random()
            is_html = doc["kind"] == "news" and pick < html_share
            name = doc["stem"] + (".html" if is_html else ".txt")
            data = (as_html(doc) if is_html else doc["text"]).encode("utf-8")
            (out / name).write_bytes(data)
            manifest.append({"file": name, "lang": doc["lang"], "kind": doc["kind"], "url": doc["url"],
                             "date": doc["date"], "title": doc["title"]})
            truth.write(json.dumps({"file": name, "sha256": hashlib.sha256(data).hexdigest(),
                                    "facts": doc["facts"]}, ensure_ascii=False) + "\n")
            summary["documents"] += 1
            summary["bytes"] += len(data)
            summary["languages"][doc["lang"]] = summary["languages"].get(doc["lang"], 0) + 1
            summary["kinds"][doc["kind"]] = summary["kinds"].get(doc["kind"], 0) + 1
            for f in doc["facts"]:
                summary["facts"][f["type"]] = summary["facts"].get(f["type"], 0) + 1
                names.update(v for k, v in f.items() if k in ("speaker", "against", "subject", "object") and v)
            if progress and i % 1000 == 999:
                print(f"{i + 1} documents", file=sys.stderr)
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    summary["distinct_names"] = len(names)
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, required=True, help="number of documents")
    ap.add_argument("--out", type=Path, required=True, help="output folder (created)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--html", type=float, default=0.0, help="share of news articles written as HTML pages")
    args = ap.parse_args(argv)
    if args.docs < 1:
        ap.error("--docs must be at least 1")
    summary = generate(args.docs, args.out, args.seed, args.html, progress=sys.stderr.isatty())
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
