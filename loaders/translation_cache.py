"""A SQLite cache of machine translations, so re-ingesting a document does not translate it again.

Keyed by sha256 over the engine tag (engine version, direction, package version) and the source
sentence: a new model version misses the cache instead of serving stale output. Lives at
`kadrey_kg.graph.config.home() / "translations.sqlite"`; WAL mode lets readers run beside the one
writer, and each call opens its own connection so threads and processes can share the file.
"""
from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,       -- sha256(engine tag + \\x1f + source)
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created TEXT NOT NULL
)
"""


class TranslationCacheError(Exception):
    """The cache file cannot be opened or is not a SQLite database."""

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def cache_key(source: str, engine: str) -> str:
    return hashlib.sha256(f"{engine}\x1f{source}".encode("utf-8")).hexdigest()


def default_path() -> Path:
    from kadrey_kg.graph.config import home

    return home() / "translations.sqlite"


class TranslationCache:
    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.hits = 0
        self.misses = 0
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30)
            if not self._ready:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(SCHEMA)
                conn.commit()
                self._ready = True
            return conn
        except (sqlite3.Error, OSError) as err:
            raise TranslationCacheError(self.path, f"cannot open the translation cache ({err}); delete it to start afresh") from err

    def get_many(self, sources: Iterable[str], engine: str) -> dict[str, str]:
        """Cached translations of `sources` by `engine`; missing ones are absent from the result."""
        keys = {cache_key(s, engine): s for s in sources}
        found: dict[str, str] = {}
        try:
            with closing(self._connect()) as conn:
                items = list(keys)
                for i in range(0, len(items), 500):  # stay under SQLite's bound-variable limit
                    chunk = items[i:i + 500]
                    rows = conn.execute(
                        f"SELECT key, target FROM translations WHERE key IN ({','.join('?' * len(chunk))})", chunk
                    )
                    found.update((keys[k], t) for k, t in rows)
        except sqlite3.Error as err:
            raise TranslationCacheError(self.path, f"cannot read the translation cache: {err}") from err
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, translations: dict[str, str], engine: str) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = [(cache_key(s, engine), engine, s, t, now) for s, t in translations.items()]
        try:
            with closing(self._connect()) as conn, conn:
                conn.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.Error as err:
            raise TranslationCacheError(self.path, f"cannot write the translation cache: {err}") from err

    def __len__(self) -> int:
        with closing(self._connect()) as conn:
            return conn.execute("SELECT count(*) FROM translations").fetchone()[0]
