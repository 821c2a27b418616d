"""Write the built tables, all or nothing, and tell whether the written ones are stale.

Two copies of every table are written: parquet inside the package (``src/futian_indicators/data``,
shipped in the wheel, with ``manifest.json``) and CSV in ``data/processed`` (with
``datapackage.json``) for R, Stata, Excel and readable diffs. Everything is rendered in memory
first, written to a staging folder, and then each output folder is swapped in with a rename, so
a failed or interrupted build leaves the previous data as it was.

CSV is the canonical serialisation: deterministic bytes (rows sorted by key, columns in schema
order, ``\\n`` line ends, dates as ``YYYY-MM-DD``, floats in shortest round-trip form, infinite
bounds as ``INF``/``-INF`` as Table Schema writes them, a missing value as an empty cell: see
:mod:`futian_indicators.vocab`). The manifest records its sha256 as each
table's content hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from .._resources import read_parquet_bytes
from ..core.files import fsync_folder, write_atomically
from ..tabular import csv_bytes, dataset_sha256, parquet_bytes
from .datapackage import datapackage

PROCESSED_DIR = Path("data/processed")
PACKAGE_DATA_DIR = Path("src/futian_indicators/data")
MANIFEST = "manifest.json"
RELEASES = "releases"
LETTERS = "letters"
"""The package folder of the letters' raw bytes, ``letters/<source_id>.txt``: the text the offsets
of figures and mentions index, for :func:`futian_indicators.render_letter`."""
RELEASES_DIR = Path("data/releases")


@dataclass(frozen=True, slots=True)
class Rendered:
    """Every output file's bytes, by folder (relative to the project root) and file name."""

    files: Mapping[Path, Mapping[str, bytes]]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_sha256(frame: pd.DataFrame) -> str:
    """A table's content hash: the sha256 of its canonical CSV (the manifest records it)."""
    return _sha256(csv_bytes(frame))


def manifest(
    tables: Mapping[str, pd.DataFrame],
    parquet: Mapping[str, bytes],
    csv: Mapping[str, bytes],
    data_version: str,
) -> dict[str, Any]:
    """The manifest: data version and, per table, its files, rows, columns and hashes."""
    entries = {
        name: {
            "file": f"{name}.parquet",
            "rows": len(frame),
            "columns": list(frame.columns),
            "content_sha256": _sha256(csv[name]),
            "bytes": len(parquet[name]),
            "sha256": _sha256(parquet[name]),
        }
        for name, frame in tables.items()
    }
    return {"data_version": data_version, "tables": entries}


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


def _letters_entry(letters: Mapping[str, bytes]) -> dict[str, dict[str, Any]]:
    return {
        source_id: {
            "file": f"{LETTERS}/{source_id}.txt",
            "bytes": len(data),
            "sha256": _sha256(data),
        }
        for source_id, data in sorted(letters.items())
    }


def render(
    tables: Mapping[str, pd.DataFrame],
    metadata: Mapping[str, Any],
    releases: Mapping[str, bytes] | None = None,
    letters: Mapping[str, bytes] | None = None,
) -> Rendered:
    """Serialise every table and the metadata files in memory.

    ``metadata`` is the dataset's own (``data/raw/dataset.yaml``): name, title, version, ...
    ``releases`` are the files of the release archive (``data/releases``), shipped unchanged in
    the package's ``releases/`` folder so that every released data version stays loadable.
    ``letters`` are the letters' raw bytes by source id, shipped unchanged in ``letters/`` and
    listed in the manifest with their sha256 (the dataset's content hash does not include them:
    the ``sources`` table already records each letter's hash).
    """
    data_version = str(metadata["version"])
    csv = {name: csv_bytes(frame) for name, frame in tables.items()}
    parquet = {name: parquet_bytes(frame) for name, frame in tables.items()}
    package_files = {f"{name}.parquet": data for name, data in parquet.items()}
    entries = manifest(tables, parquet, csv, data_version)
    entries["content_sha256"] = dataset_sha256(
        {name: entry["content_sha256"] for name, entry in entries["tables"].items()}
    )
    entries["dataset"] = {k: v for k, v in metadata.items() if k != "version"}
    entries[LETTERS] = _letters_entry(letters or {})
    package_files[MANIFEST] = _json_bytes(entries)
    package_files |= {f"{LETTERS}/{sid}.txt": data for sid, data in (letters or {}).items()}
    package_files |= {f"{RELEASES}/{name}": data for name, data in (releases or {}).items()}
    processed_files = {f"{name}.csv": data for name, data in csv.items()}
    processed_files["datapackage.json"] = _json_bytes(datapackage(tables, csv, metadata))
    return Rendered({PACKAGE_DATA_DIR: package_files, PROCESSED_DIR: processed_files})


def read_releases(root: Path) -> dict[str, bytes]:
    """The release archive's files (``data/releases``), by path relative to it."""
    folder = root / RELEASES_DIR
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _swap_in(staged: Path, target: Path, retired: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.rename(retired)
    staged.rename(target)


def _undo(staged: Path, target: Path, retired: Path) -> None:
    """Put a folder back as it was, however far its swap got."""
    if staged.exists():  # the new folder never reached the target
        if retired.exists() and not target.exists():
            retired.rename(target)
        return
    shutil.rmtree(target, ignore_errors=True)
    if retired.exists():
        retired.rename(target)


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the project's write lock: one build or release at a time replaces its outputs.

    The lock is the project folder's own (``flock``), released when the process ends however it
    ends; where ``flock`` is missing (Windows) this holds no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    descriptor = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def write(rendered: Rendered, root: Path) -> None:
    """Write every file under ``root``, replacing each output folder in one rename.

    A failure before the swap leaves every folder as it was; the staging folder is removed.
    Concurrent writers take turns (:func:`locked`): each swaps in a whole set of folders.
    """
    staging = root / f".build-staging-{uuid.uuid4().hex}"
    try:
        for folder, files in rendered.files.items():
            staged = staging / "new" / folder
            staged.mkdir(parents=True)
            for name, data in files.items():
                (staged / name).parent.mkdir(parents=True, exist_ok=True)
                write_atomically(staged / name, data)
        with locked(root):
            _swap_all(rendered, root, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        fsync_folder(root)


def _swap_all(rendered: Rendered, root: Path, staging: Path) -> None:
    """Swap every staged folder in; on any failure, put back every folder swapped so far."""
    swapped: list[tuple[Path, Path, Path]] = []
    try:
        for folder in rendered.files:
            staged, target = staging / "new" / folder, root / folder
            retired = staging / "old" / folder
            retired.parent.mkdir(parents=True, exist_ok=True)
            swapped.append((staged, target, retired))  # before the swap: it may be cut short
            _swap_in(staged, target, retired)
    except BaseException:
        for staged, target, retired in reversed(swapped):
            _undo(staged, target, retired)
        raise


def _same_parquet(path: Path, frame: pd.DataFrame) -> bool:
    try:
        on_disk = read_parquet_bytes(path.read_bytes())
    except (OSError, pa.ArrowException):
        return False
    return list(on_disk.dtypes) == list(frame.dtypes) and on_disk.equals(frame)


def _same_manifest(path: Path, expected: bytes) -> bool:
    """Compare manifests but for the parquet files' own bytes and hashes (writer-dependent)."""

    def content(data: Any) -> Any:
        for entry in data["tables"].values():
            entry.pop("bytes"), entry.pop("sha256")
        return data

    try:
        on_disk = json.loads(path.read_bytes())
        return bool(content(on_disk) == content(json.loads(expected)))
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return False


def stale_files(rendered: Rendered, tables: Mapping[str, pd.DataFrame], root: Path) -> list[str]:
    """List the output files that differ from what the raw data builds (empty: up to date).

    CSV and JSON files are compared byte for byte; parquet files by their table (their bytes
    depend on the writer's version); the manifest by everything but the parquet hashes.
    """
    stale = []
    for folder, files in rendered.files.items():
        for name, data in files.items():
            path = root / folder / name
            if name.endswith(".parquet") and "/" not in name:
                same = _same_parquet(path, tables[name.removesuffix(".parquet")])
            elif name == MANIFEST:
                same = _same_manifest(path, data)
            else:
                same = path.is_file() and path.read_bytes() == data
            if not same:
                stale.append(str(folder / name))
    for folder, files in rendered.files.items():
        written = {name.split("/")[0] for name in files}
        extra = (
            {p.name for p in (root / folder).glob("*")} - written
            if (root / folder).is_dir()
            else set()
        )
        stale.extend(str(folder / name) + " (not written by build)" for name in sorted(extra))
    return stale
