"""The rule engine: evaluate the consistency rules over a figures table.

A rule (:mod:`futian_indicators.consistency.rules`) joins figures and says how they relate.
The engine first derives the figures that identities imply (status ``derived``), then
evaluates every rule twice with exact interval arithmetic (:mod:`futian_indicators.core.interval`):
on the strict intervals and on the lenient ones. ``pass`` when the strict readings are
compatible with the relation, ``tension`` when only the lenient ones are, ``fail`` when neither
is; ``not_applicable`` when a guard says the rule does not apply or there is nothing to compare.

The same code runs in the build (over the curated figures) and in :func:`run_checks` (over any
figures table with the same columns).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import pairwise
from typing import Any

import pandas as pd

from .. import vocab
from ..core import expression
from ..core.interval import INF, Interval
from ..core.period import parse_period
from ..errors import CurationError
from .rules import (
    DERIVED_PREFIX,
    Rule,
    missing_figures,
    parse_rule,
    rules_from_table,
    rules_table_rows,
)

__all__ = [
    "Rule",
    "evaluate",
    "missing_figures",
    "parse_rule",
    "rules_from_table",
    "rules_table_rows",
]

_FIGURE_COLUMNS = (
    "figure_id", "source_id", "period", "period_end", "value", "value_as_reported", "quote",
    "lower", "upper", "lower_closed", "upper_closed", "lower_lenient", "upper_lenient",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Figure:
    """One figure as the engine sees it: its two intervals and what to say about it."""

    figure_id: str
    source_id: str | None
    period: str
    period_end: pd.Timestamp
    value: float
    strict: Interval
    lenient: Interval
    words: str
    reported: str

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> _Figure:
        strict = Interval(
            row["lower"], row["upper"], bool(row["lower_closed"]), bool(row["upper_closed"])
        )
        quote = row.get("quote")
        words = f"“{quote}”" if isinstance(quote, str) else str(row["value_as_reported"])
        source = row.get("source_id")
        return cls(
            figure_id=str(row["figure_id"]),
            source_id=source if isinstance(source, str) else None,
            period=str(row["period"]),
            period_end=row["period_end"],
            value=float(row["value"]),
            strict=strict,
            lenient=Interval.closed(row["lower_lenient"], row["upper_lenient"]),
            words=words,
            reported=str(row["value_as_reported"]),
        )


@dataclass(slots=True)
class _Result:
    rule: Rule
    instance: str | None
    status: str
    figures: Sequence[_Figure]
    period: str | None
    observed: Interval | None
    expected: Interval | None
    message: str


def _verdict(strict: bool, lenient: bool) -> str:
    return "pass" if strict else "tension" if lenient else "fail"


def _describe(span: Interval) -> str:
    def end(x: Fraction | float) -> str:
        return "∞" if x == INF else "-∞" if x == -INF else f"{float(x):,.6g}"

    left = "[" if span.lower_closed else "("
    right = "]" if span.upper_closed else ")"
    return f"{left}{end(span.lower)}, {end(span.upper)}{right}"


def _cite(figures: Iterable[_Figure]) -> str:
    return "; ".join(f"{f.words} ({f.figure_id})" for f in figures)


@dataclass(slots=True)
class _Engine:
    """Evaluates rules over figures by id; derived figures are added as rules derive them."""

    figures: dict[str, _Figure]
    frame: pd.DataFrame
    units: Mapping[str, str]
    derived_rows: list[dict[str, Any]] = field(default_factory=list)
    index: dict[tuple[str, str], list[tuple[str, str]]] | None = None

    def select(self, d: Mapping[str, Any]) -> list[_Figure]:
        if d.get("figures"):
            return [self.figures[i] for i in d["figures"]]
        if self.index is None:  # built once: a rule's selection must not scan every figure
            self.index = {}
            columns = ("indicator_id", "status", "geo", "figure_id")
            for indicator, status, geo, figure_id in zip(
                *(self.frame[c].tolist() for c in columns), strict=True
            ):
                self.index.setdefault((indicator, status), []).append((geo, figure_id))
        chosen = self.index.get((d["indicator"], d.get("status", "actual")), [])
        return [self.figures[i] for geo, i in chosen if not d.get("geo") or geo == d["geo"]]

    def spans(self, rule: Rule, *, lenient: bool) -> dict[str, Interval]:
        terms = rule.definition.get("terms") or {}
        return {
            n: getattr(self.figures[i], "lenient" if lenient else "strict")
            for n, i in terms.items()
        }

    def terms(self, rule: Rule) -> list[_Figure]:
        return [self.figures[i] for i in (rule.definition.get("terms") or {}).values()]

    def side(self, rule: Rule, key: str, *, lenient: bool) -> Interval:
        tree = expression.parse(str(rule.definition[key]))
        return expression.evaluate(tree, self.spans(rule, lenient=lenient))

    # ---------------------------------------------------------------------------- the kinds

    def agreement(self, rule: Rule) -> list[_Result]:
        figures = self.select(rule.definition)
        groups: dict[str, list[_Figure]] = {}
        for figure in figures:
            key = "all" if rule.definition.get("figures") else figure.period
            groups.setdefault(key, []).append(figure)
        results = []
        for key, group in groups.items():
            period = group[0].period if key != "all" else None
            if len(group) < 2:
                continue
            results.append(self._agree(rule, key, group, period))
        if not results:
            message = "fewer than two reports of the same period: nothing to compare"
            return [_Result(rule, None, "not_applicable", figures, None, None, None, message)]
        return results

    def _agree(self, rule: Rule, key: str, group: list[_Figure], period: str | None) -> _Result:
        first, rest = group[0], group[1:]

        def common(lenient: bool) -> Interval:
            span = first.lenient if lenient else first.strict
            for f in rest:
                span = span.intersection(f.lenient if lenient else f.strict)
            return span

        strict = not common(False).empty
        status = _verdict(strict, strict or not common(True).empty)
        expected = rest[0].strict
        for f in rest[1:]:
            expected = expected.intersection(f.strict)
        message = (
            f"{_cite(group)}: strict intervals "
            f"{' and '.join(_describe(f.strict) for f in group)} "
            f"{'intersect' if status == 'pass' else 'do not intersect'}"
            + ("; the lenient ones do" if status == "tension" else "")
        )
        instance = None if key == "all" else key
        return _Result(rule, instance, status, group, period, first.strict, expected, message)

    def monotone(self, rule: Rule) -> list[_Result]:
        figures = sorted(self.select(rule.definition), key=lambda f: (f.period_end, f.figure_id))
        results = []
        for earlier, later in pairwise(figures):
            if later.period_end == earlier.period_end:
                continue
            strict = earlier.strict.can_be_at_most(later.strict)
            status = _verdict(strict, strict or earlier.lenient.can_be_at_most(later.lenient))
            expected = Interval(earlier.strict.lower, INF, earlier.strict.lower_closed, False)
            verb = {"pass": "can", "tension": "can only leniently", "fail": "cannot"}[status]
            message = (
                f"{_cite([earlier, later])}: the later {verb} be at least the earlier "
                f"({_describe(later.strict)} against {_describe(earlier.strict)})"
            )
            instance = f"{earlier.period}..{later.period}"
            results.append(
                _Result(
                    rule,
                    instance,
                    status,
                    [earlier, later],
                    later.period,
                    later.strict,
                    expected,
                    message,
                )
            )
        if not results:
            message = "fewer than two reports at different dates: nothing to compare"
            return [_Result(rule, None, "not_applicable", figures, None, None, None, message)]
        return results

    def identity(self, rule: Rule) -> list[_Result]:
        derived = self.derive(rule) if rule.definition.get("derive") else None
        if "left" not in rule.definition:
            assert derived is not None  # parse_rule requires left/right or derive
            message = (
                f"nothing to compare: {_cite(self.terms(rule))} imply {derived.figure_id}"
                f" in {_describe(derived.strict)}"
            )
            return [
                _Result(
                    rule,
                    None,
                    "not_applicable",
                    self.terms(rule),
                    derived.period,
                    None,
                    derived.strict,
                    message,
                )
            ]
        return [self._compare(rule, "meets", "=")]

    def bound(self, rule: Rule) -> list[_Result]:
        return [self._compare(rule, "can_be_at_most", "<=")]

    def _compare(self, rule: Rule, relation: str, symbol: str) -> _Result:
        d = rule.definition
        left, right = (self.side(rule, k, lenient=False) for k in ("left", "right"))
        said = f"{d['left']} {symbol} {d['right']}: {_describe(left)} against {_describe(right)}"
        if getattr(left, relation)(right):
            status, said = "pass", said + " (strict)"
        else:  # the lenient readings are needed only when the strict ones fail
            left_l, right_l = (self.side(rule, k, lenient=True) for k in ("left", "right"))
            status = _verdict(False, getattr(left_l, relation)(right_l))
            said += f" (strict), {_describe(left_l)} against {_describe(right_l)} (lenient)"
        message = f"{said}; {_cite(self.terms(rule))}"
        if symbol == "<=":
            right = Interval(-INF, right.upper, False, right.upper_closed)
        terms = self.terms(rule)
        period = terms[0].period if len({f.period for f in terms}) == 1 else None
        return _Result(rule, None, status, terms, period, left, right, message)

    def target(self, rule: Rule) -> list[_Result]:
        d = rule.definition
        if "target" in d:
            actual, target = self.figures[d["actual"]], self.figures[d["target"]]
            observed, observed_l = actual.strict, actual.lenient
            goal, goal_l = target.strict, target.lenient
            figures = [target, actual]
        else:
            observed, goal = (self.side(rule, k, lenient=False) for k in ("left", "right"))
            observed_l, goal_l = (self.side(rule, k, lenient=True) for k in ("left", "right"))
            figures = self.terms(rule)
        surely = observed.surely_reaches(goal.lower, inclusive=goal.lower_closed)
        maybe = observed.may_reach(goal.lower, inclusive=goal.lower_closed) or (
            observed_l.may_reach(goal_l.lower, inclusive=goal_l.lower_closed)
        )
        status = "pass" if surely else "tension" if maybe else "fail"
        said = {"pass": "already met", "tension": "possibly met", "fail": "not met"}[status]
        message = (
            f"target {said}: actual {_describe(observed)} against the target's threshold "
            f"{_describe(goal)}; {_cite(figures)}"
        )
        return [_Result(rule, None, status, figures, figures[-1].period, observed, goal, message)]

    # ----------------------------------------------------------------------------- deriving

    def derive(self, rule: Rule) -> _Figure:
        """Add the figure an identity implies, and return it."""
        d = rule.definition["derive"]
        tree = expression.parse(str(d["expression"]))
        strict = expression.evaluate(tree, self.spans(rule, lenient=False))
        lenient = expression.evaluate(tree, self.spans(rule, lenient=True))
        terms = self.terms(rule)
        points = {
            n: Interval.point(self.figures[i].value) for n, i in rule.definition["terms"].items()
        }
        value = expression.evaluate(tree, points)
        period = parse_period(str(d["period"]))
        figure_id = f"{DERIVED_PREFIX}{d['slug']}"
        sources = {f.source_id for f in terms}
        reported = {n: self.figures[i].reported for n, i in rule.definition["terms"].items()}
        words = expression.substitute(tree, reported)
        row = {
            "figure_id": figure_id,
            "source_id": sources.pop() if len(sources) == 1 else None,
            "indicator_id": d["indicator"],
            "geo": d["geo"],
            "period": period.label,
            "period_start": pd.Timestamp(period.start) if period.start else pd.NaT,
            "period_end": pd.Timestamp(period.end),
            "period_type": period.type,
            "status": "derived",
            "period_basis": None,
            "geo_basis": None,
            "status_basis": None,
            "value": float(value.lower) if not value.empty else math.nan,
            "unit": self.units[d["indicator"]],
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
            "doubtful": False,
            "derived_from": vocab.LIST_SEPARATOR.join(f.figure_id for f in terms),
        }
        self.derived_rows.append(row)
        figure = _Figure(
            figure_id,
            row["source_id"],
            period.label,
            row["period_end"],
            row["value"],
            strict,
            lenient,
            f"{words} (derived)",
            words,
        )
        self.figures[figure_id] = figure
        return figure

    def run(self, rule: Rule) -> list[_Result]:
        if rule.guard:
            if rule.definition.get("derive"):
                self.derive(rule)
            figures = [self.figures[i] for i in sorted(rule.figure_ids()) if i in self.figures]
            return [
                _Result(
                    rule,
                    None,
                    "not_applicable",
                    figures,
                    None,
                    None,
                    None,
                    f"does not apply: {rule.guard}",
                )
            ]
        kinds = {
            "agreement": self.agreement,
            "monotone": self.monotone,
            "identity": self.identity,
            "bound": self.bound,
            "target": self.target,
        }
        return kinds[rule.kind](rule)


def _check_row(result: _Result) -> dict[str, Any]:
    def ends(span: Interval | None) -> tuple[float, float]:
        return (math.nan, math.nan) if span is None else (float(span.lower), float(span.upper))

    rule = result.rule
    observed, expected = ends(result.observed), ends(result.expected)
    sources = dict.fromkeys(f.source_id for f in result.figures if f.source_id)
    return {
        "check_id": rule.rule_id + (f"/{result.instance}" if result.instance else ""),
        "rule_id": rule.rule_id,
        "kind": rule.kind,
        "severity": rule.severity,
        "status": result.status,
        "label": rule.label,
        "figure_ids": vocab.LIST_SEPARATOR.join(f.figure_id for f in result.figures),
        "source_ids": vocab.LIST_SEPARATOR.join(sources),
        "period": result.period,
        "observed_lower": observed[0],
        "observed_upper": observed[1],
        "expected_lower": expected[0],
        "expected_upper": expected[1],
        "message": result.message,
    }


def evaluate(
    rules: Sequence[Rule], figures: pd.DataFrame, units: Mapping[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Evaluate every rule over the figures; return the check rows and the derived figure rows.

    ``units`` gives each indicator's unit (the unit of the figures derived for it).

    Raises
    ------
    CurationError
        When a rule names a figure that does not exist.
    """
    problems = missing_figures(rules, figures["figure_id"])
    if problems:
        raise CurationError("; ".join(message for _, message in problems))
    columns = {c: figures[c].tolist() for c in _FIGURE_COLUMNS if c in figures}
    records = (
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    )
    by_id = {str(r["figure_id"]): _Figure.from_row(r) for r in records}
    engine = _Engine(by_id, figures, units)
    results = [result for rule in rules for result in engine.run(rule)]
    return [_check_row(r) for r in results], engine.derived_rows
