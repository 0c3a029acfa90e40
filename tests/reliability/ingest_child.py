"""Run an ingest in its own process (for the fault tests): `python ingest_child.py STORE FILE...`.

Prints one JSON line per file as soon as it is stored (flushed), so the parent can kill the
process at a chosen point, then `{"done": true}`.
"""
from __future__ import annotations

import json
import sys


def main(store_path: str, files: list[str]) -> None:
    from kadrey_kg.graph import open_store
    from kadrey_kg.loaders.ingest import ingest

    print(json.dumps({"ready": True}), flush=True)
    with open_store(store_path) as store:
        for res in ingest(files, store):
            print(json.dumps({"status": res.status, "document": res.document, "error": res.error}), flush=True)
    print(json.dumps({"done": True}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
