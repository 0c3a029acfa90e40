"""Typed loader errors: each names the file and says what to try."""
from __future__ import annotations

from pathlib import Path


class LoaderError(Exception):
    """A document could not be loaded. `path` names the file, `reason` says why (and what to try)."""

    def __init__(self, path: Path | str, reason: str, component: str | None = None):
        self.path = Path(path)
        self.reason = reason
        self.component = component
        super().__init__(f"{self.path}: {reason}")


class UnsupportedLanguage(LoaderError):
    """The document is in neither French nor English: reported and skipped."""
