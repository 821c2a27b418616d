"""A figure as the consistency code sees it: its two intervals, its labels' bases, its words.

Shared by the checks (:mod:`.engine`), the derivations (:mod:`.derivations`) and the targets
(:mod:`.targets`). Reading a figures table into these records is the one step whose cost grows
with the number of figures, so it reads columns, not rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pandas as pd

from .. import vocab
from ..core.interval import INF, Interval

BASIS_COLUMNS = ("period_basis", "geo_basis", "status_basis")
"""What each label of a figure rests on (:data:`~futian_indicators.vocab.BASES`). A figures
table may lack them (data versions before they were curated): the code then knows no basis."""

DOUBTFUL_COLUMN = "doubtful"
"""A figure the curator flags as doubtful; a derivation leaves it out (bool; may be absent)."""

_COLUMNS = (
    "figure_id", "source_id", "indicator_id", "geo", "status", "period", "period_end", "value",
    "value_as_reported", "quote", "lower", "upper", "lower_closed", "upper_closed",
    "lower_lenient", "upper_lenient",
)  # fmt: skip


@dataclass(slots=True)
class Figure:
    """One figure: its intervals, labels and the words to quote.

    Not frozen: a frozen dataclass's ``__init__`` costs a third of reading 100,000 figures, and
    nothing mutates a figure.
    """

    figure_id: str
    source_id: str | None
    indicator_id: str
    geo: str
    status: str
    period: str
    period_end: pd.Timestamp
    value: float
    strict: Interval
    lenient: Interval
    words: str
    reported: str
    bases: tuple[str | None, str | None, str | None] = (None, None, None)
    """The basis of its period, geo and status labels (None: not known)."""
    doubtful: bool = False


def weakest(bases: Iterable[str | None]) -> str | None:
    """The weakest of some label bases (judgement is weakest); None when none is known.

    Examples
    --------
    >>> weakest(["quote", "judgement", None])
    'judgement'
    """
    known = [b for b in bases if b in vocab.BASES]
    return max(known, key=vocab.BASES.index) if known else None


def _text(x: Any) -> str | None:
    return x if isinstance(x, str) else None


def read_figures(frame: pd.DataFrame) -> dict[str, Figure]:
    """Every row of a figures table as a :class:`Figure`, by id."""
    n = len(frame)
    column: dict[str, Sequence[Any]] = {
        c: frame[c].tolist() if c in frame else [None] * n for c in _COLUMNS
    }
    bases = [frame[c].tolist() if c in frame else [None] * n for c in BASIS_COLUMNS]
    doubtful = frame[DOUBTFUL_COLUMN].fillna(False).tolist() if DOUBTFUL_COLUMN in frame else None
    out: dict[str, Figure] = {}
    for i in range(n):
        quote = column["quote"][i]
        reported = str(column["value_as_reported"][i])
        lenient_lower, lenient_upper = column["lower_lenient"][i], column["upper_lenient"][i]
        figure = Figure(
            figure_id=str(column["figure_id"][i]),
            source_id=_text(column["source_id"][i]),
            indicator_id=str(column["indicator_id"][i]),
            geo=str(column["geo"][i]),
            status=str(column["status"][i]) if column["status"][i] is not None else "actual",
            period=str(column["period"][i]),
            period_end=column["period_end"][i],
            value=float(column["value"][i]),
            strict=Interval(
                column["lower"][i],
                column["upper"][i],
                bool(column["lower_closed"][i]),
                bool(column["upper_closed"][i]),
            ),
            lenient=Interval.closed(lenient_lower, lenient_upper),
            words=f"“{quote}”" if isinstance(quote, str) else reported,
            reported=reported,
            bases=(_text(bases[0][i]), _text(bases[1][i]), _text(bases[2][i])),
            doubtful=bool(doubtful[i]) if doubtful is not None else False,
        )
        out[figure.figure_id] = figure
    return out


def describe(span: Interval) -> str:
    """An interval as people read it: ``(1100, ∞)``, ``[2.95, 3.05]``."""

    def end(x: Fraction | float) -> str:
        return "∞" if x == INF else "-∞" if x == -INF else f"{float(x):,.6g}"

    left = "[" if span.lower_closed else "("
    right = "]" if span.upper_closed else ")"
    return f"{left}{end(span.lower)}, {end(span.upper)}{right}"


def cite(figures: Iterable[Figure]) -> str:
    """The words and ids of some figures, for a message."""
    return "; ".join(f"{f.words} ({f.figure_id})" for f in figures)


def sources(figures: Iterable[Figure]) -> str:
    """The letters of some figures, in order, joined by the list separator."""
    return vocab.LIST_SEPARATOR.join(dict.fromkeys(f.source_id for f in figures if f.source_id))


def ends(span: Interval | None) -> tuple[float, float]:
    """An interval's ends as floats (NaN for no interval)."""
    nan = float("nan")
    return (nan, nan) if span is None else (float(span.lower), float(span.upper))
