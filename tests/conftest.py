"""Shared fixtures: a copy of the repository's raw data to break on purpose."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway project root holding a copy of data/raw (and nothing built yet)."""
    shutil.copytree(RAW, tmp_path / "data" / "raw")
    return tmp_path


@pytest.fixture
def edit(project: Path) -> Callable[[str, str, str], None]:
    """Replace text in a raw file of the throwaway project: edit(relative_path, old, new)."""

    def _edit(relative: str, old: str, new: str) -> None:
        path = project / "data" / "raw" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}: the test's premise is wrong"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return _edit
