"""`kadrey-kg fetch`: download the third-party source documents of data/sources.json.

Wraps `kadrey_kg.loaders.fetch.fetch_sources`. The files keep their manifest names, so
`kadrey-kg ingest DIR` afterwards gives them the same IRIs as the curated manifest.
"""
from __future__ import annotations

import json
from pathlib import Path

import click


def register(cli: click.Group) -> None:
    cli.add_command(fetch)


@click.command()
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path), default=Path("sources"), show_default=True,
              help="Folder to save the documents in (created if missing).")
@click.option("--manifest", "manifest_path", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="A JSON list of {id, file, url} entries instead of the built-in data/sources.json.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds to wait for each URL.")
@click.option("--overwrite", is_flag=True, help="Download again files that already exist in --dest.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per source on stdout.")
def fetch(dest, manifest_path, timeout, overwrite, as_json):
    """Download the case's source documents (court orders, dockets, articles) into --dest.

    A URL that fails (offline, HTTP error, timeout) is reported and the others are still fetched;
    the exit code is 1 if any failed."""
    from kadrey_kg.loaders.fetch import iter_fetch

    manifest = None
    if manifest_path is not None:
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise click.ClickException(f"{manifest_path}: invalid JSON at line {err.lineno}, column {err.colno}: {err.msg}")
        if not isinstance(manifest, list):
            raise click.ClickException(f"{manifest_path}: expected a JSON list of sources")
    failed = 0
    for result in iter_fetch(dest, manifest, timeout=timeout, overwrite=overwrite):
        failed += result.status == "failed"
        if as_json:
            click.echo(json.dumps({"id": result.id, "url": result.url, "status": result.status,
                                   "file": str(result.file) if result.file else None, "bytes": result.bytes,
                                   "sha256": result.sha256, "error": result.error}, ensure_ascii=False))
        elif result.status in ("fetched", "unchanged"):
            click.echo(f"{result.status}: {result.file} ({result.bytes} bytes)", err=True)
        else:
            click.echo(f"{result.status}: {result.error}", err=True)
    if failed:
        raise click.ClickException(f"{failed} source(s) could not be fetched")
