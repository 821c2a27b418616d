"""The one place that touches importlib.resources: the tables shipped inside the package.

Reads are cached (the bundled data cannot change while the process runs); callers get copies.
Every read checks the file's size and row count against the manifest, so a truncated or replaced
file is caught at once; :func:`verify` also compares every file's sha256.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import pandas as pd

from .errors import IntegrityError

_RESTORE = (
    "reinstall the package (pip install --force-reinstall futian-indicators) or, in a "
    "checkout, run 'futian-indicators build'"
)


def _data_dir() -> Traversable:
    return files("futian_indicators").joinpath("data")


def _read(name: str) -> bytes:
    resource = _data_dir().joinpath(name)
    try:
        return resource.read_bytes()
    except FileNotFoundError:
        msg = f"bundled data file {name!r} is missing; {_RESTORE}"
        raise IntegrityError(msg) from None


@functools.cache
def manifest() -> dict[str, Any]:
    """The manifest the build wrote: data version and, per table, rows, columns and hashes."""
    try:
        data: dict[str, Any] = json.loads(_read("manifest.json"))
    except ValueError as exc:
        msg = f"bundled data file 'manifest.json' is not valid JSON ({exc}); {_RESTORE}"
        raise IntegrityError(msg) from None
    return data


def table_names() -> tuple[str, ...]:
    """Names of the bundled tables."""
    return tuple(manifest()["tables"])


def _entry(name: str) -> dict[str, Any]:
    entry: dict[str, Any] = manifest()["tables"][name]
    return entry


def read_parquet_bytes(data: bytes) -> pd.DataFrame:
    """A parquet file's table, read on this thread from an Arrow buffer.

    Not a Python file object and no thread pool: with either, pyarrow may still be cleaning up
    when the interpreter exits and abort it ("terminate called without an active exception";
    apache/arrow#33975, #34314). Measured here: 2 of 30 processes that loaded the figures
    aborted at exit with ``read_table(io.BytesIO(...))``, none of 80 with this reader. The
    tables are small: threads gain nothing.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(pa.BufferReader(data), use_threads=False)
    frame: pd.DataFrame = table.to_pandas(use_threads=False)
    return frame


@functools.cache
def table(name: str) -> pd.DataFrame:
    """One bundled table, checked against the manifest (size and rows). Do not mutate it."""
    entry = _entry(name)
    data = _read(entry["file"])
    if len(data) != entry["bytes"]:
        msg = (
            f"bundled data file {entry['file']!r} has {len(data)} bytes but the manifest "
            f"records {entry['bytes']}; it was altered or truncated: {_RESTORE}"
        )
        raise IntegrityError(msg)
    frame = read_parquet_bytes(data)
    if len(frame) != entry["rows"] or list(frame.columns) != entry["columns"]:
        msg = (
            f"bundled data file {entry['file']!r} has {len(frame)} rows and columns "
            f"{list(frame.columns)} but the manifest records {entry['rows']} rows and "
            f"{entry['columns']}; {_RESTORE}"
        )
        raise IntegrityError(msg)
    return frame


@functools.cache
def letter(source_id: str) -> str:
    """A letter's decoded text, as shipped in ``letters/`` and checked against the manifest.

    Raises
    ------
    IntegrityError
        When the package has no copy of the letter or the copy's bytes are not the recorded ones.
    """
    entry = manifest().get("letters", {}).get(source_id)
    if entry is None:
        msg = f"the package ships no text of the letter {source_id!r}; {_RESTORE}"
        raise IntegrityError(msg)
    data = _read(entry["file"])
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry["sha256"]:
        msg = (
            f"bundled letter {entry['file']!r} has sha256 {digest!r} but the manifest records "
            f"{entry['sha256']!r}; it was altered: {_RESTORE}"
        )
        raise IntegrityError(msg)
    return data.decode("utf-8")


def verify() -> dict[str, str]:
    """Compare every bundled table's and letter's sha256 with the manifest; ``{file: sha256}``.

    The loaders check each file's size and rows on every load (cheap); this reads every byte.

    Raises
    ------
    IntegrityError
        Naming the altered or missing file, and how to restore it.
    """
    hashes = {}
    for name in table_names():
        entry = _entry(name)
        digest = hashlib.sha256(_read(entry["file"])).hexdigest()
        if digest != entry["sha256"]:
            msg = (
                f"bundled data file {entry['file']!r} has sha256 {digest!r} but the manifest "
                f"records {entry['sha256']!r}; it was altered: {_RESTORE}"
            )
            raise IntegrityError(msg)
        hashes[entry["file"]] = digest
    for source_id, entry in manifest().get("letters", {}).items():
        letter(source_id)
        hashes[entry["file"]] = entry["sha256"]
    return hashes


@functools.cache
def release_index() -> dict[str, Any]:
    """The archive of released data versions: per version, its date and its tables' files."""
    resource = _data_dir().joinpath("releases").joinpath("index.json")
    if not resource.is_file():
        return {"versions": {}}
    data: dict[str, Any] = json.loads(resource.read_bytes())
    return data


@functools.cache
def release_table(version: str, name: str) -> pd.DataFrame:
    """One table as a released data version shipped it. Do not mutate it.

    A table that version did not have yet (errata came with 1.1.0) is empty, with the current
    table's columns: no version had rows that it did not ship.
    """
    entry = release_index()["versions"][version]["tables"].get(name)
    if entry is None:
        return table(name).iloc[:0]
    frame = read_parquet_bytes(_read(f"releases/{entry['file']}"))
    if len(frame) != entry["rows"]:
        msg = (
            f"released table {name!r} of data version {version} has {len(frame)} rows but "
            f"the archive records {entry['rows']}; {_RESTORE}"
        )
        raise IntegrityError(msg)
    return frame
