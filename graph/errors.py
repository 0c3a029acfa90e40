"""Typed errors of the graph layer; the CLI prints them as `Error: ...`, the UI as a message."""


class GraphError(Exception):
    """Base class: something the user can act on went wrong in a store."""


class StoreUnavailable(GraphError):
    """The store cannot be opened or reached (locked folder, Neo4j down, wrong password)."""


class QueryRefused(GraphError):
    """A read-only console refused a query (it writes, calls procedures, loads files, ...)."""


class QueryFailed(GraphError):
    """A read query was syntactically wrong or failed while running."""


class UnsupportedFormat(GraphError):
    """An export format or file suffix that kadrey-kg does not know."""


class InvalidIRI(GraphError, ValueError):
    """An argument that should be an IRI is not one (empty, no scheme, spaces, <>...)."""
