"""A fingerprint of the ontology and curated data files: stores reload their base graphs when it changes."""
from __future__ import annotations

import hashlib
from pathlib import Path

from kadrey_kg.ontology import HERE as ONTOLOGY_DIR


def base_files() -> list[Path]:
    import kadrey_kg.data as data

    data_dir = Path(data.__file__).parent
    files = sorted(ONTOLOGY_DIR.glob("*.ttl")) + sorted(data_dir.glob("*.yaml")) + sorted(data_dir.glob("*.json"))
    files += sorted(data_dir.glob("*.py"))  # the converter shapes the curated graph too
    return files


def base_fingerprint() -> str:
    h = hashlib.sha256()
    for path in base_files():
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
