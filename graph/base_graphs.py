"""The two system graphs every store holds: the ontology and the curated facts.

    ontology_graph()   # ontology/kadrey.ttl          -> named graph kkggraph:ontology
    curated_graph()    # data/*.yaml + sources.json    -> named graph kkggraph:curated

A broken file raises `BaseGraphError` naming the file, line and column, so it can be fixed at once.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kadrey_kg.ontology import ONTOLOGY_TTL, PREFIXES

from .errors import GraphError


class BaseGraphError(GraphError):
    """The ontology, shapes or curated data files are broken. `path`, `line`, `column`, `reason` say where."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None, column: int | None = None):
        self.path, self.reason, self.line, self.column = Path(path), reason, line, column
        where = str(self.path) + (f", line {line}" if line else "") + (f", column {column}" if line and column else "")
        super().__init__(f"{where}: {reason}")


def parse_turtle(path: Path | str) -> Graph:
    """Parse one Turtle file; syntax errors become `BaseGraphError` with line and column."""
    path = Path(path)
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise BaseGraphError(path, f"cannot read: {err}") from None
    try:
        g.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    except Exception as err:  # rdflib raises BadSyntax or assorted errors for bad literals
        line, column, reason = _position(err, text)
        raise BaseGraphError(path, f"invalid Turtle: {reason}", line, column) from None
    return g


def _position(err: Exception, text: str) -> tuple[int | None, int | None, str]:
    # rdflib's notation3 BadSyntax keeps the 0-based line count and the character index.
    index = getattr(err, "_i", None)
    if getattr(err, "lines", None) is not None and isinstance(index, int):
        line_start = text.rfind("\n", 0, index) + 1
        return err.lines + 1, index - line_start + 1, str(getattr(err, "_why", err))
    try:  # anything else: let Oxigraph's parser locate the problem
        import pyoxigraph

        list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))
    except SyntaxError as ox:
        return ox.lineno, ox.offset, ox.msg
    except Exception:
        pass
    return None, None, str(err)


def ontology_graph(path: Path | str = ONTOLOGY_TTL) -> Graph:
    """The kkg vocabulary as an rdflib Graph."""
    return parse_turtle(path)


def curated_graph() -> Graph:
    """Curated entities, events, relations (with kkg:RelationEvidence), statements and source documents."""
    from kadrey_kg.data import curated

    try:
        return curated.curated_graph()
    except curated.CuratedDataError as err:
        raise BaseGraphError(err.path, err.reason, err.line, err.column) from None
