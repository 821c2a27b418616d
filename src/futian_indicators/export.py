"""Write the bundled tables of one data version to a folder, as CSV, parquet or JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from . import _resources
from .api import load_table
from .core.files import write_atomically
from .errors import ArgumentError, UnknownValueError
from .tabular import csv_bytes, float_text, parquet_bytes

FORMATS = ("csv", "parquet", "json")


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return float_text(value)  # as the CSV writes them
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    if fmt == "csv":
        return csv_bytes(frame)
    if fmt == "parquet":
        return parquet_bytes(frame)
    records = [{k: _json_value(v) for k, v in row.items()} for row in frame.to_dict("records")]
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def export(out: Path, fmt: str = "csv", *, version: str | None = None) -> list[Path]:
    """Write every table of a data version into ``out`` (created if missing); return the files.

    Raises
    ------
    UnknownValueError
        For an unknown format or data version.
    ArgumentError
        When ``out`` exists and is not a folder.
    """
    if fmt not in FORMATS:
        raise UnknownValueError("format", fmt, FORMATS)
    if out.exists() and not out.is_dir():
        msg = f"--out {str(out)!r} exists and is not a folder; name a folder"
        raise ArgumentError(msg)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in _resources.table_names():
        path = out / f"{name}.{fmt}"
        write_atomically(path, _bytes(load_table(name, version=version), fmt))
        written.append(path)
    return written
