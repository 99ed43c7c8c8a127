"""Shared paths and fixtures. ``../shared`` sits beside the checkout (CI has it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "datasets" / "corpus"


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests need ../shared beside the checkout")
    return path


def expected_for(name: str, folder: str = "corpus") -> dict:
    return json.loads(shared(folder, "expected", Path(name).stem + ".json").read_text(encoding="utf-8"))


CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt"))
