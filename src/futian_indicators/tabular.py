"""The bytes of a table as a file: canonical CSV and parquet.

The build's store writes the processed tables with these, and ``export`` writes a data version's
tables with them, so an exported CSV has the bytes of the processed one. Neither a build nor a
reader module: it only renders a frame it is given.

CSV is the canonical serialisation: deterministic bytes (rows as given, columns as given, ``\\n``
line ends, dates as ``YYYY-MM-DD``, floats in shortest round-trip form, a missing float as an
empty cell, infinite bounds as ``INF``/``-INF`` as Table Schema writes them).

Examples
--------
>>> import pandas as pd
>>> csv_bytes(pd.DataFrame({"lower": [1100.0, float("-inf")], "n": [1, 2]}))
b'lower,n\\n1100.0,1\\n-INF,2\\n'
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Mapping

import pandas as pd

from . import vocab


def float_text(x: float) -> str:
    """A float as a CSV cell: shortest round-trip form, ``INF``/``-INF``, empty for NaN."""
    if math.isnan(x):
        return vocab.MISSING_TEXT
    if math.isinf(x):
        return vocab.INF_TEXT if x > 0 else vocab.NEG_INF_TEXT
    return repr(x)


EXCEL_BOOLEANS = ("TRUE", "FALSE")
"""Booleans as Excel writes and reads them (``csv_bytes(..., excel=True)``)."""

BOM = "\ufeff".encode()
"""The UTF-8 byte-order mark, by which Excel knows a CSV file is UTF-8."""


def csv_bytes(frame: pd.DataFrame, *, excel: bool = False) -> bytes:
    """The canonical CSV serialisation of a table (see the module docs).

    ``excel=True`` starts the file with a UTF-8 byte-order mark and writes booleans as
    ``TRUE``/``FALSE``; the canonical form (the processed tables) has neither.

    Examples
    --------
    >>> csv_bytes(pd.DataFrame({"ok": [True]}), excel=True)
    b'\\xef\\xbb\\xbfok\\nTRUE\\n'
    """
    out = frame.copy()
    for column in out.columns:
        if excel and pd.api.types.is_bool_dtype(out[column]):
            true, false = EXCEL_BOOLEANS
            out[column] = out[column].map({True: true, False: false}).astype("string")
        elif pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].map(float_text).astype("string")
        elif pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d").astype("string")
    text = out.to_csv(index=False, lineterminator="\n", na_rep=vocab.MISSING_TEXT)
    return (BOM if excel else b"") + text.encode("utf-8")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """The table as parquet (zstd), with pandas metadata so that dtypes round-trip."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def dataset_sha256(content_hashes: Mapping[str, str]) -> str:
    """One hash for all the tables' contents, as a citation names it.

    The sha256 of the lines ``<table> <content sha256>``, in the order given. The build writes
    it into the manifest; a released version's is rebuilt from its archive.
    """
    lines = "".join(f"{name} {digest}\n" for name, digest in content_hashes.items())
    return hashlib.sha256(lines.encode()).hexdigest()
