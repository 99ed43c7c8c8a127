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


def assert_expected_checks(outcomes: dict[str, str], expected: dict) -> None:
    """The outcomes an expected file names: checks_fail, checks_pass, checks_pass_or_na."""
    for check in expected.get("checks_fail", []):
        assert outcomes[check] == "fail", check
    for check in expected.get("checks_pass", []):
        assert outcomes[check] == "pass", check
    for check in expected.get("checks_pass_or_na", []):
        assert outcomes[check] in ("pass", "not_applicable"), check
