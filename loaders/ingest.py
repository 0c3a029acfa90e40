"""Ingest files and folders into a store: the function `kadrey-kg ingest` wraps.

    from kadrey_kg.graph import open_store
    from kadrey_kg.loaders.ingest import ingest
    with open_store() as store:
        for result in ingest(["articles/"], store):
            print(result.status, result.path)

Each document is read, extracted and checked in memory, then written with one atomic
`Store.replace_document`: a bad file is reported and the batch goes on; nothing half-written is
stored. A file whose bytes did not change since it was stored is skipped (unless `force`).
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kadrey_kg.ontology import document_iri

from .errors import LoaderError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
FLUSH_EVERY = 100


@dataclass
class IngestResult:
    path: Path
    status: str                 # added | replaced | unchanged | failed
    document: str | None = None
    triples: int = 0
    statements: int = 0
    allegations: int = 0
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | LoaderError]:
    """Files in the order given; folders expand to their supported files (sorted, recursive,
    hidden files skipped). A missing path yields a LoaderError in its place."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES and not any(p.startswith(".") for p in rel.parts):
                    yield child
        elif path.exists():
            yield path
        else:
            yield LoaderError(path, "no such file or folder")


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def ingest(paths: Iterable[str | Path], store, *, pipeline=None, force: bool = False,
           validate: bool = True) -> Iterator[IngestResult]:
    """Ingest `paths` into `store`, yielding one IngestResult per file as it is done.

    Store failures (server gone, disk full) are raised: every later file would fail the same way.
    """
    from .pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    written = 0
    for item in expand_paths(paths):
        started = time.perf_counter()
        if isinstance(item, LoaderError):
            yield IngestResult(item.path, "failed", error=str(item))
            continue
        path = item
        doc_iri = str(document_iri(path.name))
        try:
            digest = file_hash(path) if path.is_file() and path.stat().st_size else None
            previous = store.document_hash(doc_iri)
            if digest and previous == digest and not force:
                yield IngestResult(path, "unchanged", doc_iri, seconds=time.perf_counter() - started)
                continue
            doc = pipeline(path)
            if validate:
                _check(doc)
        except LoaderError as err:
            yield IngestResult(path, "failed", doc_iri, error=str(err), seconds=time.perf_counter() - started)
            continue
        except OSError as err:
            yield IngestResult(path, "failed", doc_iri, error=f"{path}: {err.strerror or err}", seconds=time.perf_counter() - started)
            continue
        store.replace_document(str(doc.iri), doc.graph)
        written += 1
        if written % FLUSH_EVERY == 0 and hasattr(store, "flush"):
            store.flush()  # RocksDB buffers otherwise grow with the corpus (bench/README.md)
        yield IngestResult(
            path, "replaced" if previous else "added", str(doc.iri), triples=len(doc.graph),
            statements=len(doc.statements), allegations=len(doc.allegations),
            seconds=time.perf_counter() - started,
        )


def _check(doc) -> None:
    """The document's graph must pass the SHACL shapes before it may enter the store."""
    from kadrey_kg.graph.validate import validate

    report = validate(doc.graph)
    if not report.conforms:
        first = "; ".join(str(r) for r in list(report.results)[:3])
        raise LoaderError(doc.path, f"extracted graph fails the SHACL shapes ({len(report.results)} problems): {first}", "validate")
