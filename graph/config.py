"""Where the store lives and which backend to open.

Default: the embedded store under `$KADREY_KG_HOME` (default: the platform's user data folder,
e.g. `~/.local/share/kadrey-kg`). A Neo4j server is used when `--store bolt://...` /
`neo4j+s://...` is given or `NEO4J_URI` is set (with `NEO4J_USER`, `NEO4J_PASSWORD`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def home() -> Path:
    env = os.environ.get("KADREY_KG_HOME")
    return Path(env).expanduser() if env else Path(platformdirs.user_data_dir("kadrey-kg"))


@dataclass(frozen=True)
class StoreConfig:
    kind: str                       # "embedded" | "neo4j"
    path: Path | None = None        # embedded: the store folder
    uri: str | None = None          # neo4j
    user: str | None = None
    password: str | None = None
    database: str | None = None

    def describe(self) -> str:
        """Safe to print: never includes the password."""
        return f"embedded store at {self.path}" if self.kind == "embedded" else f"Neo4j at {self.uri} (user {self.user})"


def resolve(location: str | os.PathLike | None = None) -> StoreConfig:
    loc = str(location) if location is not None else None
    if loc is None and os.environ.get("NEO4J_URI"):
        loc = os.environ["NEO4J_URI"]
    if loc and loc.startswith(NEO4J_SCHEMES):
        return StoreConfig(
            "neo4j",
            uri=loc,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD"),
            database=os.environ.get("NEO4J_DATABASE"),
        )
    return StoreConfig("embedded", path=Path(loc).expanduser() if loc else home() / "store")
