"""Shared fixtures: each test module names the pipeline steps it needs in `STEPS`."""
from __future__ import annotations

import pytest

from kadrey_kg.loaders.pipeline import DEFAULT_ORDER, Pipeline


@pytest.fixture(scope="module")
def pipe(request):
    return Pipeline(getattr(request.module, "STEPS", DEFAULT_ORDER))


@pytest.fixture
def run(pipe, tmp_path):
    """Run the module's pipeline on a text written for the test."""
    def run(text: str, name: str = "note.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return pipe(path)
    return run
