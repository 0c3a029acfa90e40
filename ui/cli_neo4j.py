"""`kadrey-kg neo4j start|stop|status` (the local launcher) and `kadrey-kg sync` (embedded → Neo4j).

    kadrey-kg neo4j start --port 7687          # password from $NEO4J_PASSWORD or a hidden prompt
    export NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=...
    kadrey-kg sync                             # the embedded store's graphs into Neo4j
    kadrey-kg neo4j stop

Wraps graph/neo4j_server.py and graph/neo4j_store.sync. The password is never printed.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import click

from kadrey_kg.graph import GraphError, open_store
from kadrey_kg.graph import neo4j_server as srv
from kadrey_kg.graph.config import home


def _data_dir_option(func):
    return click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Where the server keeps its data, log and pid file. Default: $KADREY_KG_HOME/neo4j.")(func)


def _info(message: str) -> None:
    click.echo(message, err=True)


@click.group("neo4j")
def neo4j_group():
    """Run a local Neo4j Community server (built from launcher/ with Maven; JDK 17+)."""


@neo4j_group.command("start")
@_data_dir_option
@click.option("--port", default=7687, show_default=True, help="Bolt port on 127.0.0.1.")
@click.option("--password", envvar="NEO4J_PASSWORD", default=None,
              help="Password for user neo4j (at least 8 characters). Default: $NEO4J_PASSWORD, else asked.")
@click.option("--heap", default="512m", show_default=True, help="JVM heap (-Xms/-Xmx).")
@click.option("--pagecache", "pagecache_mb", default=256, show_default=True, help="Page cache in MiB.")
@click.option("--timeout", default=180.0, show_default=True, help="Seconds to wait for Bolt to answer.")
def start_cmd(data_dir, port, password, heap, pagecache_mb, timeout):
    """Build the launcher if needed, start the server in the background, wait until Bolt answers."""
    if not password:
        password = click.prompt("Password for user neo4j", hide_input=True, confirmation_prompt=True, err=True)
    try:
        built = srv.build()
        if built:
            _info(f"built the launcher in {built:.1f}s")
        t0 = time.monotonic()
        status = srv.start(data_dir, port=port, password=password, heap=heap, pagecache_mb=pagecache_mb, timeout=timeout)
    except GraphError as err:
        raise click.ClickException(str(err)) from None
    _info(f"Neo4j is running at {status.uri} (pid {status.pid}, data in {status.data_dir}); "
          f"started in {time.monotonic() - t0:.1f}s")
    _info(f"use it: export NEO4J_URI={status.uri} NEO4J_USER=neo4j NEO4J_PASSWORD=...")


@neo4j_group.command("stop")
@_data_dir_option
def stop_cmd(data_dir):
    """Stop the local server cleanly."""
    try:
        stopped = srv.stop(data_dir)
    except GraphError as err:
        raise click.ClickException(str(err)) from None
    where = data_dir or srv.default_data_dir()
    _info(f"stopped the Neo4j server of {where}" if stopped else f"no Neo4j server was running for {where}")


@neo4j_group.command("status")
@_data_dir_option
def status_cmd(data_dir):
    """Say whether the local server runs and answers (exit 1 when it does not run)."""
    status = srv.status(data_dir)
    if not status.running:
        click.echo(f"not running (data dir {status.data_dir})")
        raise SystemExit(1)
    answers = "answers" if status.bolt_answers else "does not answer yet"
    click.echo(f"running: pid {status.pid}, {status.uri} {answers} (data dir {status.data_dir})")


@click.command("sync")
@click.option("--from", "source", metavar="LOCATION", default=None,
              help="Store to copy from. Default: the embedded store $KADREY_KG_HOME/store.")
@click.option("--to", "target", metavar="URI", default=None, help="Store to fill. Default: $NEO4J_URI.")
@click.option("--graph", "graphs", multiple=True, metavar="IRI", help="Only these named graphs (repeatable).")
def sync_cmd(source, target, graphs):
    """Load the embedded store's named graphs into Neo4j (one transaction; graphs the source no
    longer has are dropped from the target unless --graph is given)."""
    from kadrey_kg.graph.neo4j_store import sync

    source = source or str(home() / "store")
    target = target or os.environ.get("NEO4J_URI")
    if not target:
        raise click.UsageError("no target: pass --to bolt://HOST:PORT or set NEO4J_URI")
    t0 = time.monotonic()
    try:
        with open_store(source, read_only=True, base=False) as src, open_store(target, base=False) as dst:
            counts = sync(src, dst, graphs or None)
    except GraphError as err:
        raise click.ClickException(str(err)) from None
    triples = sum(counts.values())
    _info(f"synced {len(counts)} graphs, {triples} triples into {target} in {time.monotonic() - t0:.1f}s")


def register(cli: click.Group) -> None:
    cli.add_command(neo4j_group)
    cli.add_command(sync_cmd)
