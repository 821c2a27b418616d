"""Derivations: the figures that no letter states but the letters' figures imply.

A derivation rule (kind ``derivation`` in rules.yaml) computes one figure from others: a prior
year's level from a level and its growth, a total from a part and its share. It tests nothing,
so it is no check: it writes a ``derived`` figure into the figures table and one row into the
``derivations`` table, naming its inputs and the weakest basis of their labels.

A derived figure has no invented point: where its interval is one-sided (an input worded 超 or
突破), its value is the interval's bound, as for a reported 超1100亿元. An input the curator flags
as doubtful is left out: the derivation is not made, and its row says which input kept it out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import vocab
from ..core import expression
from ..core.interval import INF, Interval
from ..core.period import parse_period
from .figure import BASIS_COLUMNS, Figure, describe, weakest
from .rules import DERIVED_PREFIX, Rule


@dataclass(frozen=True, slots=True)
class Derived:
    """What one derivation gives: the figure (None when left out) and the table rows."""

    figure: Figure | None
    figure_row: dict[str, Any] | None
    derivation_row: dict[str, Any]


def point_of(strict: Interval, at_stated: Interval) -> float:
    """A derived figure's value: a one-sided interval's bound, else what the stated numbers give.

    NaN when the interval is empty.

    Examples
    --------
    >>> point_of(Interval(21.25, INF, False, False), Interval.point(24.3))
    21.25
    >>> point_of(Interval.closed(1, 2), Interval.point(1.5))
    1.5
    """
    if strict.empty:
        return math.nan
    if strict.upper == INF and strict.lower != -INF:
        return float(strict.lower)
    if strict.lower == -INF and strict.upper != INF:
        return float(strict.upper)
    return float(at_stated.lower) if not at_stated.empty else math.nan


def _basis_of_inputs(inputs: list[Figure]) -> dict[str, str | None]:
    return {column: weakest(f.bases[k] for f in inputs) for k, column in enumerate(BASIS_COLUMNS)}


def _row(
    rule: Rule,
    inputs: list[Figure],
    figure_id: str | None,
    made: Figure | None,
    not_made: Sequence[str] = (),
) -> dict[str, Any]:
    d = rule.definition["derive"]
    nan = math.nan
    judgement = [f.figure_id for f in inputs if "judgement" in f.bases]
    doubtful = [f.figure_id for f in inputs if f.doubtful]
    strict, lenient = (made.strict, made.lenient) if made else (None, None)
    if made is None and not_made:
        message = f"not derived: input(s) {', '.join(not_made)} not derived (a doubtful input)"
    elif made is None:
        message = f"not derived: doubtful input(s) {', '.join(doubtful)}"
    else:
        message = f"{made.reported} = {describe(made.strict)}"
        if judgement:
            message += f"; rests on a judgement: the labels of {', '.join(judgement)}"
    sep = vocab.LIST_SEPARATOR
    return {
        "rule_id": rule.rule_id,
        "figure_id": figure_id,
        "indicator_id": d["indicator"],
        "geo": d["geo"],
        "period": parse_period(str(d["period"])).label,
        "expression": str(d["expression"]),
        "input_ids": sep.join(f.figure_id for f in inputs),
        "value": made.value if made else nan,
        "lower": float(strict.lower) if strict else nan,
        "upper": float(strict.upper) if strict else nan,
        "lower_closed": bool(strict.lower_closed) if strict else False,
        "upper_closed": bool(strict.upper_closed) if strict else False,
        "lower_lenient": float(lenient.lower) if lenient else nan,
        "upper_lenient": float(lenient.upper) if lenient else nan,
        "input_basis": weakest(b for f in inputs for b in f.bases),
        "judgement_inputs": sep.join(judgement) or None,
        "doubtful_inputs": sep.join(doubtful) or None,
        "label": rule.label,
        "message": message,
    }


def derive(
    rule: Rule,
    figures: Mapping[str, Figure],
    units: Mapping[str, str],
    *,
    use_doubtful: bool = False,
) -> Derived:
    """Compute the figure a derivation rule implies from ``figures``.

    Parameters
    ----------
    use_doubtful : bool, default False
        Derive even from inputs flagged doubtful (by default such a derivation is not made).
    """
    d = rule.definition["derive"]
    terms: Mapping[str, str] = rule.definition["terms"]
    not_made = [i for i in terms.values() if i not in figures]  # left out upstream
    inputs = [figures[i] for i in terms.values() if i in figures]
    figure_id = f"{DERIVED_PREFIX}{d['slug']}"
    if not_made:
        return Derived(None, None, _row(rule, inputs, None, None, not_made))
    if not use_doubtful and any(f.doubtful for f in inputs):
        return Derived(None, None, _row(rule, inputs, None, None))
    tree = expression.parse(str(d["expression"]))
    strict = expression.evaluate(tree, {n: figures[i].strict for n, i in terms.items()})
    lenient = expression.evaluate(tree, {n: figures[i].lenient for n, i in terms.items()})
    stated = expression.evaluate(
        tree, {n: Interval.point(figures[i].value) for n, i in terms.items()}
    )
    value = point_of(strict, stated)
    period = parse_period(str(d["period"]))
    words = expression.substitute(tree, {n: figures[i].reported for n, i in terms.items()})
    letters = {f.source_id for f in inputs}
    bases = _basis_of_inputs(inputs)
    made = Figure(
        figure_id=figure_id,
        source_id=letters.pop() if len(letters) == 1 else None,
        indicator_id=d["indicator"],
        geo=d["geo"],
        status="derived",
        period=period.label,
        period_end=pd.Timestamp(period.end),
        value=value,
        strict=strict,
        lenient=lenient,
        words=f"{words} (derived)",
        reported=words,
        bases=(bases["period_basis"], bases["geo_basis"], bases["status_basis"]),
    )
    row = {
        "figure_id": figure_id,
        "source_id": made.source_id,
        "indicator_id": d["indicator"],
        "geo": d["geo"],
        "period": period.label,
        "period_start": pd.Timestamp(period.start) if period.start else pd.NaT,
        "period_end": made.period_end,
        "period_type": period.type,
        "status": "derived",
        "value": value,
        "unit": units[d["indicator"]],
        "value_as_reported": words,
        "unit_as_reported": None,
        "qualifier": "computed",
        "lower": float(strict.lower),
        "upper": float(strict.upper),
        "lower_closed": strict.lower_closed,
        "upper_closed": strict.upper_closed,
        "lower_lenient": float(lenient.lower),
        "upper_lenient": float(lenient.upper),
        "quote": None,
        "char_start": None,
        "char_end": None,
        "note": f"Derived by rule {rule.rule_id}: {rule.label}",
        "derived_from": vocab.LIST_SEPARATOR.join(f.figure_id for f in inputs),
        **bases,  # kept only where the figures table has these columns
        "doubtful": False,
    }
    return Derived(made, row, _row(rule, inputs, figure_id, made))
