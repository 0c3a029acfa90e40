"""`kadrey-kg models ...`: manage the offline translation models (Argos Translate packages).

Each command wraps a function of `kadrey_kg.loaders.argos` (`installed`, `install_from_path`,
`install_from_index`, `remove`).
"""
from __future__ import annotations

import json

import click

from kadrey_kg.loaders import argos


def register(cli: click.Group) -> None:
    cli.add_command(models)


def _pairs(langs: tuple[str, ...], one_way: bool) -> list[tuple[str, str]]:
    if len(langs) != 2:
        raise click.UsageError("give two language codes, e.g. `fr en`")
    src, tgt = langs
    return [(src, tgt)] if one_way else [(src, tgt), (tgt, src)]


@click.group()
def models():
    """Offline translation models (Argos Translate packages).

    Packages are read from ARGOS_PACKAGES_DIR when set, else from argos' default folder
    (~/.local/share/argos-translate/packages), so packages installed with argospm are used too.
    """


@models.command("list")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def list_models(fmt):
    """List installed translation packages (argos.installed())."""
    try:
        found = argos.installed()
    except argos.ModelError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"packages folder: {argos.packages_dir()}", err=True)
    if fmt == "json":
        click.echo(json.dumps([
            {"from": i.from_code, "to": i.to_code, "package_version": i.package_version,
             "argos_version": i.argos_version, "path": str(i.path)} for i in found
        ], indent=2))
        return
    if not found:
        click.echo("no translation packages installed; try `kadrey-kg models install --from PATH`", err=True)
        return
    rows = [("direction", "version", "path")] + [(i.direction, i.package_version, str(i.path)) for i in found]
    widths = [max(len(r[c]) for r in rows) for c in range(2)]
    for r in rows:
        click.echo(f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]}")


@models.command("install")
@click.argument("langs", nargs=-1)
@click.option("--from", "source", type=click.Path(dir_okay=False),
              help="Install this .argosmodel file (offline).")
@click.option("--from-index", is_flag=True, help="Download from the argos package index (needs the network; "
              "the default when no --from is given).")
@click.option("--one-way", is_flag=True, help="With LANGS, install only FROM→TO instead of both directions.")
@click.option("--timeout", type=float, default=30, show_default=True, help="Network timeout in seconds.")
def install(langs, source, from_index, one_way, timeout):
    """Install a translation package: `--from FILE.argosmodel`, or `FROM TO` from the argos index.

    \b
    kadrey-kg models install --from translate-fr_en-1_9.argosmodel
    kadrey-kg models install fr en          # fr→en and en→fr, online
    """
    try:
        if source:
            if from_index:
                raise click.UsageError("--from PATH and --from-index exclude each other")
            info = argos.install_from_path(source)
            if langs and tuple(langs) != (info.from_code, info.to_code):
                click.echo(f"note: {source} is a {info.direction} package", err=True)
            done = [info]
        else:
            done = [argos.install_from_index(s, t, timeout=timeout) for s, t in _pairs(langs, one_way)]
    except argos.ModelError as err:
        raise click.ClickException(str(err)) from err
    for info in done:
        click.echo(f"installed {info.direction} {info.package_version} in {info.path}", err=True)


@models.command("remove")
@click.argument("langs", nargs=-1, required=True)
@click.option("--one-way", is_flag=True, help="Remove only FROM→TO instead of both directions.")
def remove(langs, one_way):
    """Remove the translation packages between two languages, e.g. `fr en`."""
    try:
        gone = [info for s, t in _pairs(langs, one_way) for info in argos.remove(s, t)]
    except argos.ModelError as err:
        raise click.ClickException(str(err)) from err
    if not gone:
        raise click.ClickException(f"no {' / '.join(f'{s}→{t}' for s, t in _pairs(langs, one_way))} package "
                                   f"installed in {argos.packages_dir()}")
    for info in gone:
        click.echo(f"removed {info.direction} {info.package_version} from {info.path}", err=True)
