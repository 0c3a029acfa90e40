"""The `kadrey-kg` command line. Each command wraps a documented library function."""
from __future__ import annotations

import importlib

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kadrey-kg")
def cli():
    """kadrey-kg: a bilingual (FR/EN) knowledge graph of Kadrey v. Meta, every fact traced to its source."""


# Command groups that live in their own modules register themselves here (each has `register(cli)`).
for _module in ("cli_models", "cli_neo4j"):
    try:
        importlib.import_module(f"{__package__}.{_module}").register(cli)
    except ModuleNotFoundError as err:
        if err.name != f"{__package__}.{_module}":
            raise
