"""The kadrey-kg vocabulary: namespaces, IRI helpers and the paths of the Turtle files.

Everything that names a node is here, so loaders, curated data and both stores agree on IRIs.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from rdflib import Namespace, URIRef

HERE = Path(__file__).parent
ONTOLOGY_TTL = HERE / "kadrey.ttl"
SHAPES_TTL = HERE / "shapes.ttl"

KKG = Namespace("https://w3id.org/kadrey-kg/ontology#")
KKGID = Namespace("https://w3id.org/kadrey-kg/id/")
KKGDOC = Namespace("https://w3id.org/kadrey-kg/doc/")
KKGGRAPH = Namespace("https://w3id.org/kadrey-kg/graph/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

ONTOLOGY_GRAPH = KKGGRAPH["ontology"]
CURATED_GRAPH = KKGGRAPH["curated"]
SYSTEM_GRAPHS = (ONTOLOGY_GRAPH, CURATED_GRAPH)

PREFIXES = {
    "kkg": KKG,
    "kkgid": KKGID,
    "kkgdoc": KKGDOC,
    "kkggraph": KKGGRAPH,
    "wd": WD,
    "wdt": WDT,
    "schema": SCHEMA,
    "prov": PROV,
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "owl": Namespace("http://www.w3.org/2002/07/owl#"),
    "rdfs": Namespace("http://www.w3.org/2000/01/rdf-schema#"),
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
    "sh": Namespace("http://www.w3.org/ns/shacl#"),
}

ENTITY_KINDS = ("person", "org", "court", "case", "model", "dataset", "product", "claim", "event", "group")


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def normalize_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key used to merge names across languages."""
    text = strip_accents(text).lower()
    text = re.sub(r"[’'`´]", "'", text)
    text = re.sub(r"[^a-z0-9']+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")
    return slug or "x"


def entity_iri(kind: str, name: str) -> URIRef:
    if kind not in ENTITY_KINDS:
        raise ValueError(f"unknown entity kind {kind!r}; known: {', '.join(ENTITY_KINDS)}")
    return KKGID[f"{kind}/{slugify(name)}"]


def document_iri(file_name: str) -> URIRef:
    """A document's IRI (and graph name) comes from its file name, so an edited file replaces it."""
    return KKGDOC[slugify(Path(file_name).name)]


def sub_iri(doc: URIRef, kind: str, *content: object) -> URIRef:
    """Stable IRI for a node extracted from a document (mention, statement, allegation...)."""
    digest = hashlib.sha1("\x1f".join(map(str, content)).encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{doc}/{kind}/{digest}")
