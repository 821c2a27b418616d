"""Freeze the current data version into the release archive, so that it stays loadable.

``futian-indicators release`` (run in a checkout, by a maintainer) copies the current tables
into ``data/releases``: one parquet file per table content (named by the sha256 of its canonical
CSV, so a table that did not change between versions is stored once) and an entry in
``data/releases/index.json``. The next ``futian-indicators build`` ships the archive inside the
package, where ``load_figures(version=...)``, ``data_versions()`` and ``diff()`` read it.
A released version is never rewritten: changing its data needs a new version.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.files import write_atomically
from ..errors import CurationError
from ..tabular import parquet_bytes
from .store import RELEASES_DIR, content_sha256

INDEX = "index.json"


def _read_index(folder: Path) -> dict[str, Any]:
    path = folder / INDEX
    if not path.exists():
        return {"versions": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def archive(root: Path, tables: Mapping[str, pd.DataFrame], metadata: Mapping[str, Any]) -> str:
    """Add the built tables, as their data version, to the archive; return what was done.

    The caller has built ``tables`` from data/raw and made sure the processed data is theirs
    (:func:`futian_indicators.build.pipeline.release` does both).

    Raises
    ------
    CurationError
        When the version has no ``date_released`` in dataset.yaml, no CHANGELOG entry, or is
        already released with other contents.
    """
    folder = root / RELEASES_DIR
    version = str(metadata["version"])
    if not metadata.get("date_released"):
        msg = f"data/raw/dataset.yaml: set date_released (YYYY-MM-DD) before releasing {version}"
        raise CurationError(msg)
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    if f"Data {version}" not in changelog:
        msg = f"CHANGELOG.md has no entry 'Data {version}'; record what changed first"
        raise CurationError(msg)
    index = _read_index(folder)
    tables_entry: dict[str, dict[str, Any]] = {}
    entry = {"date_released": str(metadata["date_released"]), "tables": tables_entry}
    files = {}
    for name, frame in tables.items():
        digest = content_sha256(frame)
        files[f"tables/{digest}.parquet"] = frame
        tables_entry[name] = {"file": f"tables/{digest}.parquet", "rows": len(frame)}
    previous = index["versions"].get(version)
    if previous is not None:
        if previous["tables"] == entry["tables"]:
            return f"data version {version} is already released with these tables"
        msg = (
            f"data version {version} is already released with other contents; "
            "bump version in data/raw/dataset.yaml (released data is never rewritten)"
        )
        raise CurationError(msg)
    for relative, frame in files.items():
        path = folder / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, parquet_bytes(frame))
    index["versions"][version] = entry
    payload = json.dumps(index, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomically(folder / INDEX, payload.encode())
    return f"released data version {version}; run 'futian-indicators build' to ship it"
