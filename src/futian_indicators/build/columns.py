"""The building blocks of the tables' schemas: column kinds, shared by every table's model.

Imported by :mod:`~futian_indicators.build.schema` and
:mod:`~futian_indicators.build.consistency_schema` only.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .. import vocab

STRING = pd.StringDtype()
DATE = "datetime64[ns]"
ID_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"

LIST_SEPARATOR = vocab.LIST_SEPARATOR
"""Separates several ids in one cell (see ``LIST_COLUMNS``); an id never contains it."""


def text_column(description: str, *, nullable: bool = False) -> pa.Column:
    """A text column: never an empty string (null where ``nullable``)."""
    checks = [pa.Check.str_length(min_value=1)]
    return pa.Column(STRING, checks, nullable=nullable, description=description)


def choice_column(description: str, allowed: tuple[str, ...]) -> pa.Column:
    """A column of one vocabulary: every value among ``allowed``."""
    return pa.Column(STRING, pa.Check.isin(allowed), description=description)


def basis_column(label: str) -> pa.Column:
    """What one label of a figure rests on (one of :data:`~futian_indicators.vocab.BASES`)."""
    return pa.Column(
        STRING,
        pa.Check.isin(vocab.BASES),
        nullable=True,
        description=f"What the {label} label rests on: quote (the quote's words state it), "
        "context (other words of the letter: see evidence), convention (a documented "
        f"default: {vocab.CONVENTIONS[label]}), judgement (the curator's reading: see note); "
        "for a derived figure, the weakest basis of its inputs (judgement < convention < "
        "context < quote).",
    )


def bound_column(description: str) -> pa.Column:
    """An end of an interval: a float, possibly infinite, never NaN."""
    return pa.Column(
        float, pa.Check(lambda s: ~s.isna(), error="bound is NaN"), description=description
    )


def number_column(description: str) -> pa.Column:
    """A float column that may be missing (NaN)."""
    return pa.Column(float, nullable=True, description=description)
