"""Write the bundled tables of one data version to a folder, as CSV, parquet or JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from . import _resources
from .api import _table
from .errors import ArgumentError, UnknownValueError

FORMATS = ("csv", "parquet", "json")


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"  # as the CSV and Table Schema write them
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _write(frame: pd.DataFrame, path: Path, fmt: str) -> None:
    from .build.store import csv_bytes, parquet_bytes

    if fmt == "csv":
        path.write_bytes(csv_bytes(frame))
    elif fmt == "parquet":
        path.write_bytes(parquet_bytes(frame))
    else:
        records = [{k: _json_value(v) for k, v in row.items()} for row in frame.to_dict("records")]
        path.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


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
        _write(_table(name, version), path, fmt)
        written.append(path)
    return written
