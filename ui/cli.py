"""The `kadrey-kg` command line. Each command wraps a documented library function.

Data goes to stdout, messages to stderr; exit 0 ok, 1 for a failure the user can fix
(`Error: ...`), 2 for bad usage.
"""
from __future__ import annotations

import csv
import importlib
import json
import sys
from pathlib import Path

import click

from kadrey_kg.graph import GraphError, open_store
from kadrey_kg.graph.formats import FORMATS, lookup_format


def store_option(func):
    return click.option(
        "--store", "store_location", metavar="LOCATION", default=None,
        help="Store folder, or a Neo4j URI (bolt://, neo4j://, neo4j+s://). "
             "Default: $NEO4J_URI if set, else $KADREY_KG_HOME/store.",
    )(func)


def open_or_fail(location, **kwargs):
    try:
        return open_store(location, **kwargs)
    except GraphError as err:
        raise click.ClickException(str(err)) from None


def info(message: str) -> None:
    click.echo(message, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kadrey-kg")
def cli():
    """kadrey-kg: a bilingual (FR/EN) knowledge graph of Kadrey v. Meta, every fact traced to its source."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--force", is_flag=True, help="Re-extract files even when their bytes did not change.")
@click.option("--silent", is_flag=True, help="No progress bar and no per-file lines.")
def ingest(paths, store_location, force, silent):
    """Read PATHS (files and folders of .txt, .md, .html, .pdf) into the graph.

    Each document becomes one named graph, replaced whole on re-ingest. A bad file is reported
    with the reason and the batch goes on; the exit code is 1 if any file failed."""
    from tqdm import tqdm

    from kadrey_kg.loaders.ingest import expand_paths, ingest as ingest_paths
    from kadrey_kg.loaders.pipeline import PipelineError

    store = open_or_fail(store_location)
    items = list(expand_paths(paths))
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "failed": 0}
    show_bar = not silent and sys.stderr.isatty()
    bar = tqdm(total=len(items), unit="doc", file=sys.stderr, disable=not show_bar)
    try:
        for result in ingest_paths([i if isinstance(i, Path) else i.path for i in items], store, force=force):
            counts[result.status] += 1
            bar.update(1)
            if result.status == "failed":
                bar.write(f"Error: {result.error}", file=sys.stderr)
            elif not silent and not show_bar:
                info(f"{result.status}: {result.path} ({result.triples} triples, {result.statements} statements, "
                     f"{result.allegations} allegations)" if result.status != "unchanged" else f"unchanged: {result.path}")
    except (GraphError, PipelineError) as err:
        bar.close()
        store.close()
        raise click.ClickException(f"{err} — the document being written was not stored; re-run the same command to continue") from None
    bar.close()
    store.close()
    if not silent:
        info(", ".join(f"{n} {k}" for k, n in counts.items()))
    if counts["failed"]:
        sys.exit(1)


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="RDF format (default: from the -o suffix, else turtle).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Write to FILE instead of stdout.")
@click.option("--graph", "graphs", multiple=True, metavar="IRI", help="Only these named graphs (repeatable).")
@store_option
def export(fmt, output, graphs, store_location):
    """Export the graph as Turtle, TriG, JSON-LD, N-Triples or N-Quads.

    TriG, N-Quads and JSON-LD keep one named graph per document; Turtle and N-Triples merge them
    (every extracted fact still names its document through kkg:sourceDocument)."""
    from kadrey_kg.graph.export import export as export_store

    try:
        rdf_format = lookup_format(fmt, output)
    except GraphError as err:
        raise click.UsageError(str(err)) from None
    store = open_or_fail(store_location)
    try:
        if output:
            tmp = output.with_name(output.name + ".part")
            with open(tmp, "wb") as out:
                summary = export_store(store, out, rdf_format, graphs or None)
            tmp.replace(output)
        else:
            summary = export_store(store, sys.stdout.buffer, rdf_format, graphs or None)
    except GraphError as err:
        raise click.ClickException(str(err)) from None
    finally:
        store.close()
    note = f"; {summary['graphs']} named graphs merged (use --format trig to keep them)" if summary["merged"] and summary["graphs"] > 1 else ""
    info(f"exported {summary['triples']} triples as {summary['format']}{' to ' + str(output) if output else ''}{note}")


@cli.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats(store_location, as_json):
    """Count triples, documents, entities, statements and allegations."""
    store = open_or_fail(store_location)
    try:
        s = store.stats()
    finally:
        store.close()
    data = {"triples": s.triples, "documents": s.documents, "entities": s.entities,
            "statements": s.statements, "allegations": s.allegations, "by_type": s.by_type}
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for key in ("triples", "documents", "entities", "statements", "allegations"):
        click.echo(f"{key:<12} {data[key]}")
    for cls, n in sorted(s.by_type.items()):
        click.echo(f"  {cls:<18} {n}")


@cli.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def validate(store_location, as_json):
    """Check the whole graph against the SHACL shapes (exit 1 if it does not conform)."""
    from kadrey_kg.graph.validate import validate as shacl_validate

    store = open_or_fail(store_location)
    try:
        report = shacl_validate(store.dataset())
    finally:
        store.close()
    results = [str(r) for r in report.results]
    if as_json:
        click.echo(json.dumps({"conforms": report.conforms, "results": results}, indent=2, ensure_ascii=False))
    else:
        for line in results:
            click.echo(line)
        click.echo("conforms" if report.conforms else f"does not conform: {len(results)} problems")
    if not report.conforms:
        sys.exit(1)


@cli.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"), help="Read the query from FILE ('-' for stdin).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--limit", default=1000, show_default=True, help="Maximum rows.")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds before the query is cut.")
@store_option
def query(query, query_file, fmt, limit, timeout, store_location):
    """Run a read-only query: SPARQL on the embedded store, Cypher on Neo4j.

    \b
    Example:
      kadrey-kg query 'SELECT ?s ?label WHERE { ?s a kkg:Person ; rdfs:label ?label }'
    Writes (INSERT, DELETE, LOAD, SERVICE; CREATE, MERGE, SET...) are refused."""
    from kadrey_kg.ontology import PREFIXES

    text = query_file.read() if query_file else query
    if not text:
        raise click.UsageError("give a QUERY or --file FILE")
    store = open_or_fail(store_location)
    try:
        if store.query_language == "sparql" and "PREFIX" not in text.upper():
            text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + text
        result = store.read_query(text, limit=limit, timeout=timeout)
    except GraphError as err:
        raise click.ClickException(str(err)) from None
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps({"columns": result.columns, "rows": result.rows, "truncated": result.truncated}, indent=2, ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        writer.writerows(result.rows)
    else:
        widths = [max([len(str(c))] + [len(str(r[i])) for r in result.rows]) for i, c in enumerate(result.columns)]
        widths = [min(w, 80) for w in widths]
        click.echo("  ".join(str(c).ljust(w) for c, w in zip(result.columns, widths)))
        for row in result.rows:
            click.echo("  ".join(str(v if v is not None else "")[:80].ljust(w) for v, w in zip(row, widths)))
    if result.truncated:
        info(f"truncated at {len(result.rows)} rows (--limit / --timeout)")


@cli.command()
def pipeline():
    """Print the loader pipeline: each component, what it needs and what it adds."""
    from kadrey_kg.loaders.pipeline import Pipeline

    for i, comp in enumerate(Pipeline().describe(), 1):
        click.echo(f"{i:>2}. {comp['name']:<16} requires: {', '.join(comp['requires']) or '-':<40} assigns: {', '.join(comp['assigns'])}")
        if comp["doc"]:
            click.echo(f"    {comp['doc']}")


@cli.command()
@store_option
@click.option("--port", default=8501, show_default=True)
@click.option("--no-browser", is_flag=True, help="Do not open a browser window.")
def serve(store_location, port, no_browser):
    """Open the Streamlit explorer on the store."""
    from kadrey_kg.ui.serve import serve as serve_ui

    serve_ui(store_location, port=port, open_browser=not no_browser)


@cli.command()
@store_option
@click.option("--port", default=8501, show_default=True)
@click.option("--no-browser", is_flag=True, help="Do not open a browser window.")
@click.option("--no-serve", is_flag=True, help="Build the graph only.")
def demo(store_location, port, no_browser, no_serve):
    """Build the case graph from data/ (curated facts + the team's case notes) and open the explorer."""
    from kadrey_kg.data import NOTES_DIR
    from kadrey_kg.loaders.ingest import ingest as ingest_paths

    store = open_or_fail(store_location)
    failed = 0
    for result in ingest_paths([NOTES_DIR], store):
        if result.status == "failed":
            failed += 1
            info(f"Error: {result.error}")
        else:
            info(f"{result.status}: {result.path.name}")
    s = store.stats()
    store.close()
    info(f"case graph: {s.triples} triples, {s.entities} entities, {s.documents} documents, "
         f"{s.statements} statements, {s.allegations} allegations")
    if failed:
        raise click.ClickException(f"{failed} case note(s) failed to load")
    if not no_serve:
        from kadrey_kg.ui.serve import serve as serve_ui

        serve_ui(store_location, port=port, open_browser=not no_browser)


# Command groups that live in their own modules register themselves here (each has `register(cli)`).
for _module in ("cli_models", "cli_neo4j", "cli_fetch"):
    try:
        importlib.import_module(f"{__package__}.{_module}").register(cli)
    except ModuleNotFoundError as err:
        if err.name != f"{__package__}.{_module}":
            raise
