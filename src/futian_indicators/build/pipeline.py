"""The maintainers' jobs, each written once: build, check that processed data is current, release.

Every job starts the same way: build the tables from ``data/raw`` (a pure function of it) and
render every output file in memory. Then :func:`build` writes them, :func:`check` compares them
with what is on disk, and :func:`release` freezes them into the archive once they are on disk.
The command line calls these and only formats what they return.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ArgumentError, StaleDataError
from ..raw.records import read_dataset
from . import release as archive
from .store import Rendered, locked, read_releases, render, stale_files, write
from .tables import build_tables


@dataclass(frozen=True, slots=True)
class Freshness:
    """Whether the written outputs are what ``data/raw`` builds."""

    rows: Mapping[str, int]
    """Rows per table, in the order the build makes them."""
    stale: list[str]
    """The output files that differ or should not be there (empty: up to date)."""


@dataclass(frozen=True, slots=True)
class _Built:
    tables: Mapping[str, pd.DataFrame]
    metadata: Mapping[str, Any]
    rendered: Rendered

    @property
    def rows(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self.tables.items()}

    def stale(self, root: Path) -> list[str]:
        return stale_files(self.rendered, self.tables, root)


def _build(root: Path) -> _Built:
    raw_dir = root / "data" / "raw"
    if not raw_dir.is_dir():
        msg = (
            f"no data/raw folder in {str(root)!r}; run the build from a checkout of the "
            "repository, or pass --root"
        )
        raise ArgumentError(msg)
    tables, metadata = build_tables(raw_dir), read_dataset(raw_dir)
    sources = tables["sources"]
    letters = {  # the bytes whose sha256 the build has just verified
        source_id: (root / path).read_bytes()
        for source_id, path in zip(sources["source_id"], sources["raw_path"], strict=True)
    }
    return _Built(tables, metadata, render(tables, metadata, read_releases(root), letters))


def build(root: Path) -> dict[str, int]:
    """Build the tables from ``root/data/raw`` and write every output; return rows per table.

    Nothing is written unless the whole build succeeds; then each output folder is replaced
    in one rename (:func:`futian_indicators.build.store.write`).

    Raises
    ------
    ArgumentError
        When ``root`` has no ``data/raw`` folder.
    BuildError
        Listing every problem of the raw data.
    """
    built = _build(root)
    write(built.rendered, root)
    return built.rows


def check(root: Path) -> Freshness:
    """Build in memory and compare with the outputs on disk; write nothing.

    Raises
    ------
    ArgumentError
        When ``root`` has no ``data/raw`` folder.
    BuildError
        Listing every problem of the raw data.
    """
    built = _build(root)
    return Freshness(built.rows, built.stale(root))


def release(root: Path) -> str:
    """Add the current data version to the archive; return what was done, in one line.

    Raises
    ------
    StaleDataError
        When the processed data is not what data/raw builds (run ``build`` first).
    CurationError
        When the version has no ``date_released`` in dataset.yaml, no CHANGELOG entry, or is
        already released with other contents.
    """
    built = _build(root)
    with locked(root):
        stale = built.stale(root)
        if stale:
            msg = (
                f"processed data is stale ({', '.join(stale)}); run 'futian-indicators build' first"
            )
            raise StaleDataError(msg)
        return archive.archive(root, built.tables, built.metadata)
