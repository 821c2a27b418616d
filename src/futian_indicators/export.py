"""Write the bundled tables of one data version, and series, to a folder, as CSV, parquet or JSON.

Beside them goes a ``datapackage.json`` describing what was written (files, sizes, sha256,
column types), so the folder can be checked with ``frictionless validate`` and read by tools that
know the format. CSV follows the processed tables' conventions (:mod:`futian_indicators.tabular`);
``excel=True`` adds what Excel needs (a UTF-8 byte-order mark, booleans as TRUE/FALSE).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from . import _resources, descriptor, vocab
from .api import load_dataset, load_table, resolve_indicator
from .core.files import write_atomically
from .errors import ArgumentError, UnknownValueError
from .tabular import EXCEL_BOOLEANS, csv_bytes, float_text, parquet_bytes

FORMATS = vocab.EXPORT_FORMATS

DESCRIPTOR = "datapackage.json"
"""The file that describes an export."""


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


def _bytes(frame: pd.DataFrame, fmt: str, *, excel: bool = False) -> bytes:
    if fmt == "csv":
        return csv_bytes(frame, excel=excel)
    if fmt == "parquet":
        return parquet_bytes(frame)
    records = [{k: _json_value(v) for k, v in row.items()} for row in frame.to_dict("records")]
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _schema(frame: pd.DataFrame, fmt: str, excel: bool) -> dict[str, Any]:
    """The Table Schema of a written table, from its dtypes and the CSV conventions."""
    fields: list[dict[str, Any]] = []
    for name, dtype in frame.dtypes.items():
        field: dict[str, Any] = {"name": str(name), "type": descriptor.field_type(dtype)}
        if field["type"] == "boolean" and fmt == "csv":
            true, false = EXCEL_BOOLEANS if excel else ("True", "False")
            field |= {"trueValues": [true], "falseValues": [false]}
        fields.append(field)
    return {"fields": fields, "missingValues": [vocab.MISSING_TEXT]}


def _series_tables(indicators: Iterable[str], version: str | None) -> dict[str, pd.DataFrame]:
    from .analysis import series

    out = {}
    for indicator in indicators:
        resolved = resolve_indicator(indicator, version=version)
        out[f"series_{resolved}"] = series(resolved, derived=True, version=version)
    return out


def _folder(out: Path) -> None:
    """Create the output folder, or say in one line why it cannot be written to."""
    if out.exists() and not out.is_dir():
        msg = f"--out {str(out)!r} exists and is not a folder; name a folder"
        raise ArgumentError(msg)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        msg = f"--out {str(out)!r} cannot be created ({exc.strerror}); name a folder you can write"
        raise ArgumentError(msg) from None


def export(
    out: Path,
    fmt: str = "csv",
    *,
    series: Iterable[str] = (),
    excel: bool = False,
    version: str | None = None,
) -> list[Path]:
    """Write every table of a data version into ``out`` (created if missing); return the files.

    Parameters
    ----------
    out : Path
        The folder to write (created if missing).
    fmt : {"csv", "parquet", "json"}, default "csv"
    series : iterable of str, optional
        Also write the reconciled series of these indicators (ids, names or aliases), with the
        derived figures, as ``series_<indicator_id>.<fmt>`` (:func:`~futian_indicators.series`).
    excel : bool, default False
        CSV for Excel: a UTF-8 byte-order mark (so Excel reads Chinese text) and booleans as
        ``TRUE``/``FALSE``. Only with ``fmt="csv"``.
    version : str, optional
        The data version to write; by default the bundled one.

    Returns
    -------
    list of Path
        The files written: one a table, one a series, and ``datapackage.json`` last.

    Raises
    ------
    UnknownValueError
        For an unknown format, indicator or data version.
    ArgumentError
        When ``out`` exists and is not a folder, cannot be created or written to, or ``excel``
        is asked for another format than CSV.
    """
    if fmt not in FORMATS:
        raise UnknownValueError("format", fmt, FORMATS)
    if excel and fmt != "csv":
        msg = f"--excel applies to CSV only, not to format {fmt!r}; drop it or use --format csv"
        raise ArgumentError(msg)
    frames = {name: load_table(name, version=version) for name in _resources.table_names()}
    frames |= _series_tables(series, version)
    _folder(out)
    resources, written = [], []
    try:
        for name, frame in frames.items():
            path = out / f"{name}.{fmt}"
            data = _bytes(frame, fmt, excel=excel)
            write_atomically(path, data)
            resources.append(descriptor.resource(name, path.name, data, _schema(frame, fmt, excel)))
            written.append(path)
        text = json.dumps(descriptor.package(load_dataset(version=version), resources), indent=2)
        write_atomically(out / DESCRIPTOR, (text + "\n").encode("utf-8"))
    except OSError as exc:
        msg = f"cannot write into --out {str(out)!r} ({exc.strerror}); name a folder you can write"
        raise ArgumentError(msg) from None
    return [*written, out / DESCRIPTOR]
