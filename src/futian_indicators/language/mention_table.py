"""The mentions table: the columns of ``extract_quantities``, built once each in its dtype.

:func:`mentions_table` makes the data frame of
:func:`~futian_indicators.language.mentions.extract_quantities` from its columns, each an array
of its dtype: the numbers as numpy arrays, the words as arrays of the string dtype. Where that
dtype keeps its strings in Arrow (pandas' default with pyarrow), a column of words is made
from one Arrow array of them: what ``pd.array(words, dtype="string")`` makes, without looking
at each word again (a test holds the two to be equal, dtype and Arrow type included).
:func:`reading_columns` makes the seven columns of the readings from the rows that have one
(the measures the grammar reads, the counts of a set), without a value for each row that has
none.

Examples
--------
>>> frame = mentions_table({name: [] for name in COLUMNS})
>>> list(frame.columns) == list(COLUMNS), len(frame)
(True, 0)
>>> reading = (3.0, "count", "exact", 2.5, 3.5, 2.5, 3.5)
>>> columns = reading_columns(3, ([1], dict(zip(READING_COLUMNS, zip(reading)))))
>>> columns["value"].tolist(), columns["unit"].tolist()
([nan, 3.0, nan], [None, 'count', None])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.extensions import ExtensionArray
from pandas.arrays import ArrowStringArray

__all__ = [
    "COLUMNS",
    "READING_COLUMNS",
    "STRING",
    "mentions_table",
    "missing_columns",
    "reading_columns",
    "strings",
]

#: The columns of :func:`~futian_indicators.language.mentions.extract_quantities`, in order.
COLUMNS: Final = (
    "start",
    "end",
    "text",
    "kind",
    "value",
    "unit",
    "qualifier",
    "lower",
    "upper",
    "lower_lenient",
    "upper_lenient",
)
#: The columns of a reading, in the order of its tuple.
READING_COLUMNS: Final = COLUMNS[4:]
#: The dtype of the columns of words.
STRING: Final = pd.StringDtype()
_STRING_COLUMNS: Final = frozenset({"text", "kind", "unit", "qualifier"})
_NUMERIC_DTYPES: Final[Mapping[str, str]] = {
    "start": "int64",
    "end": "int64",
    "value": "float64",
    "lower": "float64",
    "upper": "float64",
    "lower_lenient": "float64",
    "upper_lenient": "float64",
}
#: The Arrow type the string dtype keeps its strings in, or None where it keeps no Arrow array.
_ARROW_TYPE: Final = (
    pa.array(pd.array([""], dtype=STRING)).type if STRING.storage == "pyarrow" else None
)


def strings(words: Sequence[str | None] | np.ndarray) -> ExtensionArray:
    """A column of words (None: missing) of the string dtype, from a sequence or an object array.

    Examples
    --------
    >>> strings(["超四成", None]).tolist()
    ['超四成', <NA>]
    """
    if _ARROW_TYPE is not None:
        column = ArrowStringArray(pa.chunked_array([pa.array(words, type=_ARROW_TYPE)]))
        dtype = column.dtype  # the same storage and missing value as STRING, or pd.array
        if dtype.storage == STRING.storage and dtype.na_value is STRING.na_value:
            return column
    return pd.array(words, dtype=STRING)


def missing_columns(count: int, names: Sequence[str]) -> dict[str, np.ndarray]:
    """Columns of ``count`` rows with no value: NaN, and None in a column of words."""
    return {
        name: np.full(count, None, dtype=object)
        if name in _STRING_COLUMNS
        else np.full(count, np.nan)
        for name in names
    }


def reading_columns(
    count: int, *parts: tuple[Sequence[int], Mapping[str, Sequence[object] | np.ndarray]]
) -> dict[str, np.ndarray]:
    """The columns of :data:`READING_COLUMNS` of ``count`` rows, for the rows that have one.

    Each part gives rows and their columns (value, unit, qualifier, lower, upper,
    lower_lenient, upper_lenient); every other row has none (:func:`missing_columns`).
    """
    table = missing_columns(count, READING_COLUMNS)
    for rows, columns in parts:
        if len(rows):
            at = np.asarray(rows, dtype=np.intp)
            for name, column in table.items():
                column[at] = columns[name]
    return table


def mentions_table(columns: Mapping[str, Sequence[object] | np.ndarray]) -> pd.DataFrame:
    """The data frame of the columns of :data:`COLUMNS`, each in its dtype."""
    data = {
        name: (
            strings(columns[name])  # type: ignore[arg-type]
            if name in _STRING_COLUMNS
            else np.asarray(columns[name], dtype=_NUMERIC_DTYPES[name])
        )
        for name in COLUMNS
    }
    return pd.DataFrame(data, columns=list(COLUMNS), copy=False)
