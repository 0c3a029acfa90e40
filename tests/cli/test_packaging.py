"""What a non-editable install gets: the wheel carries the ontology, curated data and the Neo4j
launcher's sources, and the launcher builds in a writable place when installed read-only."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kadrey_kg.graph import neo4j_server

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_carries_package_data(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("kadrey_kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kadrey_kg/launcher/pom.xml", "kadrey_kg/launcher/src/main/java/org/kadreykg/launcher/Launcher.java",
                   "kadrey_kg/ontology/kadrey.ttl", "kadrey_kg/ontology/shapes.ttl", "kadrey_kg/data/entities.yaml",
                   "kadrey_kg/graph/neo4j_server.py"):
        assert needed in names, needed
    assert not any("/target/" in n for n in names), "build output must not ship"


def test_read_only_launcher_is_built_from_a_copy(tmp_path, monkeypatch):
    src = tmp_path / "site" / "launcher"
    (src / "src/main/java/org/kadreykg/launcher").mkdir(parents=True)
    (src / "pom.xml").write_text("<project/>")
    (src / "src/main/java/org/kadreykg/launcher/Launcher.java").write_text("class Launcher {}")
    monkeypatch.setenv("KADREY_KG_HOME", str(tmp_path / "home"))
    # tests run as root, for whom every folder is writable: stand in for a read-only site-packages
    real_access = os.access
    monkeypatch.setattr(neo4j_server.os, "access", lambda p, mode: False if Path(p) == src else real_access(p, mode))
    where = neo4j_server.build_dir(src)
    assert where == tmp_path / "home" / "launcher"
    assert (where / "pom.xml").read_text() == "<project/>"
    assert (where / "src/main/java/org/kadreykg/launcher/Launcher.java").read_text() == "class Launcher {}"
    (src / "pom.xml").write_text("<project><!-- v2 --></project>")  # an upgrade refreshes the copy
    assert (neo4j_server.build_dir(src) / "pom.xml").read_text() == "<project><!-- v2 --></project>"


def test_missing_launcher_names_the_folder(tmp_path):
    with pytest.raises(neo4j_server.ServerError, match=str(tmp_path)):
        neo4j_server.build_dir(tmp_path)
