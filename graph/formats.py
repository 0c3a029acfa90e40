"""RDF serialization formats: one place that knows name, suffix, media type and named-graph support."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import UnsupportedFormat


@dataclass(frozen=True)
class RdfFormat:
    name: str               # CLI name
    rdflib_name: str        # rdflib serializer name
    suffixes: tuple[str, ...]
    media_type: str
    named_graphs: bool      # can it keep one graph per document?


FORMATS = {
    f.name: f
    for f in (
        RdfFormat("turtle", "turtle", (".ttl",), "text/turtle", False),
        RdfFormat("trig", "trig", (".trig",), "application/trig", True),
        RdfFormat("jsonld", "json-ld", (".jsonld", ".json"), "application/ld+json", True),
        RdfFormat("nt", "nt", (".nt",), "application/n-triples", False),
        RdfFormat("nquads", "nquads", (".nq",), "application/n-quads", True),
    )
}


def lookup_format(name: str | None = None, path: str | Path | None = None) -> RdfFormat:
    """The format by name, else by the output file's suffix; unknown ones are an error naming them."""
    if name:
        try:
            return FORMATS[name]
        except KeyError:
            raise UnsupportedFormat(f"unknown format {name!r}; known: {', '.join(FORMATS)}") from None
    if path is not None:
        suffix = Path(path).suffix.lower()
        for fmt in FORMATS.values():
            if suffix in fmt.suffixes:
                return fmt
        raise UnsupportedFormat(
            f"cannot tell the format from the suffix {suffix or '(none)'!r} of {path}; "
            f"use --format ({', '.join(FORMATS)})"
        )
    return FORMATS["turtle"]
