"""Download the third-party source documents listed in data/sources.json.

    from kadrey_kg.loaders.fetch import fetch_sources
    for r in fetch_sources(Path("sources")):
        print(r.status, r.file, r.error or "")

Each source is saved under its manifest file name, so ingesting it yields the same document IRI
as the curated manifest entry. One failing URL (offline, 404, timeout) is reported and the batch
goes on; sources without a URL are skipped with the reason.
"""
from __future__ import annotations

import hashlib
import os
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

USER_AGENT = "kadrey-kg/0.1 (+https://w3id.org/kadrey-kg; research knowledge graph)"
DEFAULT_TIMEOUT = 20.0
MAX_BYTES = 50 * 1024 * 1024      # a court PDF is a few MB; anything bigger is not a source document


@dataclass(frozen=True)
class FetchResult:
    id: str
    url: str | None
    file: Path | None             # where it was saved (None when nothing was saved)
    status: str                   # fetched | unchanged | skipped | failed
    bytes: int = 0
    sha256: str | None = None
    error: str | None = None      # why it failed or was skipped, naming the URL


def _manifest(manifest: Iterable[dict] | None) -> list[dict]:
    if manifest is not None:
        return list(manifest)
    from kadrey_kg.data import curated

    return curated.manifest()


def fetch_sources(dest: Path | str, manifest: Iterable[dict] | None = None, *, timeout: float = DEFAULT_TIMEOUT,
                  overwrite: bool = False) -> list[FetchResult]:
    """Download every manifest entry with a URL into `dest`; never stops at the first failure."""
    return list(iter_fetch(dest, manifest, timeout=timeout, overwrite=overwrite))


def iter_fetch(dest: Path | str, manifest: Iterable[dict] | None = None, *, timeout: float = DEFAULT_TIMEOUT,
               overwrite: bool = False) -> Iterator[FetchResult]:
    """Like `fetch_sources`, yielding each result as soon as it is known (for progress output)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for entry in _manifest(manifest):
        yield fetch_one(entry, dest, timeout=timeout, overwrite=overwrite)


def fetch_one(entry: dict, dest: Path, *, timeout: float = DEFAULT_TIMEOUT, overwrite: bool = False) -> FetchResult:
    ident = str(entry.get("id") or entry.get("file") or entry.get("url"))
    url = entry.get("url")
    name = entry.get("file") or (url.rstrip("/").rsplit("/", 1)[-1] if url else None)
    if not url:
        return FetchResult(ident, None, None, "skipped", error=f"{ident}: no URL in the manifest (known only through other sources)")
    if not url.startswith(("http://", "https://")):
        return FetchResult(ident, url, None, "failed", error=f"{url}: only http and https URLs can be fetched")
    if not name or Path(name).name != name:
        return FetchResult(ident, url, None, "failed", error=f"{url}: manifest file name {name!r} must be a plain file name")
    target = dest / name
    if target.exists() and not overwrite:
        body = target.read_bytes()
        return FetchResult(ident, url, target, "unchanged", len(body), hashlib.sha256(body).hexdigest())
    try:
        body = _download(url, timeout)
    except FetchError as err:
        return FetchResult(ident, url, None, "failed", error=str(err))
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(body)
    os.replace(tmp, target)  # never leave a half-written source behind
    return FetchResult(ident, url, target, "fetched", len(body), hashlib.sha256(body).hexdigest())


class FetchError(Exception):
    """One URL could not be downloaded; the message names the URL and the reason."""


def _download(url: str, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as err:
        raise FetchError(f"{url}: HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"{url}: timed out after {timeout:g} s (offline or slow server?)") from None
        raise FetchError(f"{url}: cannot connect ({reason}); are you offline?") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"{url}: timed out after {timeout:g} s (offline or slow server?)") from None
    except (OSError, ValueError) as err:
        raise FetchError(f"{url}: {err}") from None
    if len(body) > MAX_BYTES:
        raise FetchError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB, not saved")
    return body
