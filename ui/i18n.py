"""Every string the explorer shows, in French and English, and the rules for picking labels.

Graph labels (entities, classes, relations) come from the store; only the UI's own words live here.
`t(key, lang)` fails loudly on an unknown key so a missing translation is a test failure, not a blank.
"""
from __future__ import annotations

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"

STRINGS: dict[str, dict[str, str]] = {
    # shell
    "app.title": {"fr": "Kadrey c. Meta — graphe de connaissances", "en": "Kadrey v. Meta — knowledge graph"},
    "app.caption": {
        "fr": "Chaque fait renvoie à son document source et au passage exact.",
        "en": "Every fact links to its source document and the exact passage.",
    },
    "lang.label": {"fr": "Langue", "en": "Language"},
    "nav.label": {"fr": "Vue", "en": "View"},
    "page.search": {"fr": "Recherche", "en": "Search"},
    "page.entity": {"fr": "Entité", "en": "Entity"},
    "page.graph": {"fr": "Graphe", "en": "Graph"},
    "page.paths": {"fr": "Chemins", "en": "Paths"},
    "page.timeline": {"fr": "Chronologie", "en": "Timeline"},
    "page.document": {"fr": "Documents", "en": "Documents"},
    "page.console": {"fr": "Console de requêtes", "en": "Query console"},
    "page.export": {"fr": "Export", "en": "Export"},
    "store.reload": {"fr": "Recharger le graphe", "en": "Reload the graph"},
    "store.stats": {
        "fr": "{entities} entités · {documents} documents · {statements} déclarations · {allegations} allégations · {triples} triplets",
        "en": "{entities} entities · {documents} documents · {statements} statements · {allegations} allegations · {triples} triples",
    },
    "store.where": {"fr": "Graphe : {where}", "en": "Graph: {where}"},
    "empty.title": {"fr": "Pas encore de graphe", "en": "No graph yet"},
    "empty.body": {
        "fr": "Construisez-en un, puis rechargez cette page :\n\n"
              "```\nkadrey-kg demo              # données de démonstration\nkadrey-kg ingest CHEMIN     # vos documents (txt, html, pdf)\n```",
        "en": "Build one, then reload this page:\n\n"
              "```\nkadrey-kg demo              # demo data\nkadrey-kg ingest PATH       # your documents (txt, html, pdf)\n```",
    },
    "empty.unavailable": {"fr": "Le graphe ne peut pas être ouvert : {reason}", "en": "The graph cannot be opened: {reason}"},
    "error.query": {"fr": "La requête a échoué : {reason}", "en": "The query failed: {reason}"},
    "error.unexpected": {"fr": "Erreur inattendue ({kind}) : {reason}", "en": "Unexpected error ({kind}): {reason}"},
    # search
    "search.input": {"fr": "Rechercher une entité (FR ou EN, nom partiel)", "en": "Search an entity (FR or EN, partial name)"},
    "search.placeholder": {"fr": "ex. zuckerberg, méta, llama, chhabria", "en": "e.g. zuckerberg, meta, llama, chhabria"},
    "search.none": {"fr": "Aucune entité ne correspond à « {q} ».", "en": "No entity matches “{q}”."},
    "search.count": {"fr": "{n} résultat(s)", "en": "{n} result(s)"},
    "search.matched": {"fr": "correspond à « {m} »", "en": "matched “{m}”"},
    "search.hint": {
        "fr": "Tapez un nom : accents, majuscules et ponctuation sont ignorés.",
        "en": "Type a name: accents, case and punctuation are ignored.",
    },
    "open": {"fr": "Ouvrir", "en": "Open"},
    # entity
    "entity.none": {
        "fr": "Aucune entité choisie : cherchez-en une dans « Recherche ».",
        "en": "No entity chosen: find one under “Search”.",
    },
    "entity.missing": {"fr": "Entité inconnue : {iri}", "en": "Unknown entity: {iri}"},
    "entity.types": {"fr": "Types", "en": "Types"},
    "entity.names": {"fr": "Noms", "en": "Names"},
    "entity.aliases": {"fr": "Autres noms", "en": "Aliases"},
    "entity.links": {"fr": "Liens externes", "en": "External links"},
    "entity.tab.facts": {"fr": "Faits", "en": "Facts"},
    "entity.tab.statements": {"fr": "Déclarations", "en": "Statements"},
    "entity.tab.allegations": {"fr": "Allégations", "en": "Allegations"},
    "entity.tab.documents": {"fr": "Documents", "en": "Documents"},
    "entity.no_facts": {"fr": "Aucun fait enregistré.", "en": "No facts recorded."},
    "entity.goto": {"fr": "Ouvrir une entité liée", "en": "Open a related entity"},
    "entity.statements_by": {"fr": "Déclarations faites", "en": "Statements made"},
    "entity.statements_about": {"fr": "Déclarations à son sujet", "en": "Statements about it"},
    "entity.allegations_by": {"fr": "Allégations portées", "en": "Allegations made"},
    "entity.allegations_against": {"fr": "Allégations visant l'entité", "en": "Allegations against it"},
    "entity.none_rows": {"fr": "Aucune.", "en": "None."},
    "entity.no_mentions": {"fr": "Aucun document ne la mentionne.", "en": "No document mentions it."},
    "col.relation": {"fr": "Relation", "en": "Relation"},
    "col.other": {"fr": "Autre extrémité", "en": "Other end"},
    "col.source": {"fr": "Source", "en": "Source"},
    "col.span": {"fr": "Passage", "en": "Passage"},
    "col.document": {"fr": "Document", "en": "Document"},
    "col.date": {"fr": "Date", "en": "Date"},
    "col.kind": {"fr": "Nature", "en": "Kind"},
    "col.what": {"fr": "Quoi", "en": "What"},
    "col.lang": {"fr": "Langue", "en": "Language"},
    "col.value": {"fr": "Valeur", "en": "Value"},
    "dir.out": {"fr": "→", "en": "→"},
    "dir.in": {"fr": "←", "en": "←"},
    "curated": {"fr": "données éditées (curated)", "en": "curated data"},
    "speaker": {"fr": "Auteur", "en": "Speaker"},
    "by": {"fr": "Par", "en": "By"},
    "against": {"fr": "Contre", "en": "Against"},
    "standing": {"fr": "Statut", "en": "Standing"},
    "quote": {"fr": "citation directe", "en": "direct quote"},
    "reported": {"fr": "propos rapportés", "en": "reported speech"},
    "medium": {"fr": "Support", "en": "Medium"},
    "original": {"fr": "Original ({code})", "en": "Original ({code})"},
    "mt": {"fr": "traduction automatique", "en": "machine translation"},
    "mt.none": {"fr": "pas de traduction automatique", "en": "no machine translation"},
    "mt.label": {"fr": "nom traduit automatiquement", "en": "machine-translated name"},
    "view.doc": {"fr": "voir dans le document", "en": "view in document"},
    # graph
    "graph.title": {"fr": "Voisinage", "en": "Neighbourhood"},
    "graph.hops": {"fr": "Profondeur (sauts)", "en": "Depth (hops)"},
    "graph.relations": {"fr": "Filtrer par relation", "en": "Filter by relation"},
    "graph.types": {"fr": "Filtrer par type", "en": "Filter by type"},
    "graph.legend": {"fr": "Légende", "en": "Legend"},
    "graph.help": {
        "fr": "Cliquez un nœud pour le choisir, double-cliquez pour afficher ses voisins.",
        "en": "Click a node to select it, double-click to show its neighbours.",
    },
    "graph.selected": {"fr": "Nœud choisi : {name}", "en": "Selected node: {name}"},
    "graph.expand": {"fr": "Afficher les voisins", "en": "Show neighbours"},
    "graph.expand_pick": {"fr": "Déplier un nœud", "en": "Expand a node"},
    "graph.reset": {"fr": "Réinitialiser", "en": "Reset"},
    "graph.truncated": {"fr": "Graphe tronqué : trop de nœuds.", "en": "Graph truncated: too many nodes."},
    "graph.counts": {"fr": "{nodes} nœuds, {edges} liens", "en": "{nodes} nodes, {edges} edges"},
    "graph.empty": {"fr": "Aucun lien à afficher avec ces filtres.", "en": "No links to show with these filters."},
    "graph.edges": {"fr": "Liens et leurs sources", "en": "Edges and their sources"},
    # paths
    "paths.from": {"fr": "De", "en": "From"},
    "paths.to": {"fr": "À", "en": "To"},
    "paths.pick": {"fr": "Choisir", "en": "Pick"},
    "paths.max_hops": {"fr": "Sauts au plus", "en": "At most hops"},
    "paths.find": {"fr": "Trouver les chemins", "en": "Find paths"},
    "paths.none": {"fr": "Aucun chemin de {n} sauts ou moins.", "en": "No path of {n} hops or fewer."},
    "paths.need_two": {"fr": "Choisissez deux entités.", "en": "Choose two entities."},
    "paths.path": {"fr": "Chemin {i} ({n} saut(s))", "en": "Path {i} ({n} hop(s))"},
    "paths.no_source": {"fr": "source : données éditées", "en": "source: curated data"},
    # timeline
    "timeline.only": {"fr": "Seulement ce qui touche : {name}", "en": "Only what involves: {name}"},
    "timeline.empty": {"fr": "Aucun élément daté.", "en": "No dated items."},
    "kind.event": {"fr": "événement", "en": "event"},
    "kind.statement": {"fr": "déclaration", "en": "statement"},
    "kind.document": {"fr": "document", "en": "document"},
    # documents
    "doc.pick": {"fr": "Document", "en": "Document"},
    "doc.none": {"fr": "Aucun document ingéré.", "en": "No document ingested."},
    "doc.missing": {"fr": "Document inconnu : {iri}", "en": "Unknown document: {iri}"},
    "doc.meta": {"fr": "Métadonnées", "en": "Metadata"},
    "doc.text": {"fr": "Texte (entités reconnues surlignées)", "en": "Text (recognised entities highlighted)"},
    "doc.cited": {"fr": "Passage cité (caractères {start}–{end})", "en": "Cited passage (characters {start}–{end})"},
    "doc.no_body": {"fr": "Texte non conservé pour ce document.", "en": "No text stored for this document."},
    "doc.mentions": {"fr": "Mentions ({n})", "en": "Mentions ({n})"},
    "doc.extracted": {"fr": "Faits extraits", "en": "Extracted facts"},
    "doc.triples": {"fr": "triplets", "en": "triples"},
    "doc.open": {"fr": "Ouvrir dans la vue document", "en": "Open in the document view"},
    "doc.open_source": {"fr": "Source en ligne", "en": "Online source"},
    "meta.kind": {"fr": "Nature", "en": "Kind"},
    "meta.lang": {"fr": "Langue", "en": "Language"},
    "meta.date": {"fr": "Date", "en": "Date"},
    "meta.case_number": {"fr": "Numéro d'affaire", "en": "Case number"},
    "meta.docket_entry": {"fr": "Pièce du registre (docket)", "en": "Docket entry"},
    "meta.filed_date": {"fr": "Date de dépôt", "en": "Filed"},
    "meta.publisher": {"fr": "Éditeur / juridiction", "en": "Publisher / court"},
    "meta.page_count": {"fr": "Pages", "en": "Pages"},
    "meta.content_hash": {"fr": "Empreinte SHA-256", "en": "SHA-256 of the file"},
    "meta.file_name": {"fr": "Fichier", "en": "File"},
    "meta.court": {"fr": "Juridiction", "en": "Court"},
    # console
    "console.intro": {
        "fr": "Requêtes en lecture seule ({language}) ; les écritures sont refusées. Résultats plafonnés à {limit} lignes.",
        "en": "Read-only queries ({language}); writes are refused. Results capped at {limit} rows.",
    },
    "console.example": {"fr": "Exemples", "en": "Examples"},
    "console.query": {"fr": "Requête", "en": "Query"},
    "console.run": {"fr": "Exécuter", "en": "Run"},
    "console.refused": {"fr": "Requête refusée (lecture seule) : {reason}", "en": "Query refused (read-only): {reason}"},
    "console.rows": {"fr": "{n} ligne(s)", "en": "{n} row(s)"},
    "console.truncated": {"fr": "Résultat tronqué à {n} lignes.", "en": "Result truncated at {n} rows."},
    # export
    "export.scope": {"fr": "Portée", "en": "Scope"},
    "export.whole": {"fr": "Tout le graphe", "en": "The whole graph"},
    "export.sub": {"fr": "Le voisinage de : {name}", "en": "The neighbourhood of: {name}"},
    "export.format": {"fr": "Format", "en": "Format"},
    "export.prepare": {"fr": "Préparer le fichier", "en": "Prepare the file"},
    "export.download": {"fr": "Télécharger {file}", "en": "Download {file}"},
    "export.size": {"fr": "{triples} triplets, {kb} Ko", "en": "{triples} triples, {kb} KB"},
    "export.turtle_note": {
        "fr": "Turtle n'a pas de graphes nommés : les triplets sont fusionnés, la provenance reste dans "
              "kkg:sourceDocument et les preuves. JSON-LD garde un graphe par document.",
        "en": "Turtle has no named graphs: triples are merged; provenance stays in kkg:sourceDocument and "
              "the evidence nodes. JSON-LD keeps one graph per document.",
    },
    "export.sub_note": {
        "fr": "Nœuds, libellés, types et liens affichés, chaque lien avec sa preuve (document et passage).",
        "en": "Shown nodes, labels, types and edges, each edge with its evidence (document and passage).",
    },
}

TYPE_FALLBACK = {"fr": "autre", "en": "other"}


def t(key: str, lang: str, **fmt) -> str:
    """The UI string `key` in `lang`, formatted with `fmt`."""
    try:
        text = STRINGS[key][lang if lang in LANGS else DEFAULT_LANG]
    except KeyError:
        raise KeyError(f"no UI string {key!r} in {lang!r}; add it to ui/i18n.py STRINGS") from None
    return text.format(**fmt) if fmt else text


def meta_label(key: str, lang: str) -> str:
    """A document metadata field's name; unknown fields keep their own (readable) name."""
    return t(f"meta.{key}", lang) if f"meta.{key}" in STRINGS else key.replace("_", " ")


def other_lang(lang: str) -> str:
    return "en" if lang == "fr" else "fr"


def local_name(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def pick(labels: dict | None, lang: str, fallback: str = "") -> str:
    """The label in `lang`, else the other language's, else an untagged one, else `fallback`."""
    labels = labels or {}
    for key in (lang, other_lang(lang), ""):
        if labels.get(key):
            return labels[key]
    return fallback


def name_of(iri: str, labels: dict | None, lang: str) -> str:
    """What to call a node: its label, else the readable end of its IRI."""
    return pick(labels, lang) or local_name(iri).replace("-", " ")


def colon(lang: str) -> str:
    """French typography puts a (thin) space before a colon; English does not."""
    return "\u202f:" if lang == "fr" else ":"


def tc(key: str, lang: str, **fmt) -> str:
    """`t` followed by a colon in the language's typography: "Types :" / "Types:"."""
    return t(key, lang, **fmt) + colon(lang)
