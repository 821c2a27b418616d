"""Shared fixtures: a copy of the repository's raw data to break on purpose, and other processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import futian_indicators

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
PACKAGE = Path(futian_indicators.__file__).resolve().parent
"""The package under test (its code and bundled data), wherever it is installed."""


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


def extract(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run ``futian-indicators extract`` in this process: its exit code, stdout and stderr."""
    from futian_indicators.cli import main

    code = main(["extract", *(str(a) for a in argv)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    """A copy of a letter, outside the project, as a new letter would arrive."""
    path = tmp_path / "incoming" / "reply.txt"
    path.parent.mkdir()
    shutil.copy(RAW / "letters" / "cppcc-2023103.txt", path)
    return path


def copy_package(folder: Path) -> Path:
    """Copy the package under test into ``folder``; return ``folder`` (for PYTHONPATH)."""
    shutil.copytree(
        PACKAGE, folder / "futian_indicators", ignore=shutil.ignore_patterns("__pycache__")
    )
    return folder


def python_env(path: Path | None = None, **env: str) -> dict[str, str]:
    """This process's environment, with ``path`` first on PYTHONPATH and ``env`` added."""
    out = dict(os.environ, **env)
    if path is not None:
        out["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(path), os.environ.get("PYTHONPATH", "")) if p
        )
    return out


def python(*args: str, path: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python args`` in a new process (``path`` first on its PYTHONPATH); wait for it."""
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=python_env(path, **env),
        check=False,
    )
