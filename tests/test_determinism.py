"""One corpus builds byte-identical output: in other folders, with the files
copied in another order, in another process with another PYTHONHASHSEED."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from builder.build import build

from .conftest import CORPUS, ROOT
from .test_publish import snapshot


def test_two_builds_of_one_corpus_are_byte_identical(tmp_path: Path):
    first_corpus = tmp_path / "a" / "corpus"
    shutil.copytree(CORPUS, first_corpus)
    second_corpus = tmp_path / "b" / "另一个 语料"
    second_corpus.mkdir(parents=True)
    for path in sorted(CORPUS.iterdir(), reverse=True):  # another order on disk, other mtimes
        shutil.copyfile(path, second_corpus / path.name)
    build(first_corpus, tmp_path / "a" / "site", say=lambda _: None)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--corpus", str(second_corpus),
                             "--out", str(tmp_path / "b" / "out")], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    first, second = snapshot(tmp_path / "a" / "site"), snapshot(tmp_path / "b" / "out")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
