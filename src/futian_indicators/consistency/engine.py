"""The rule engine: evaluate the consistency checks, make the derived figures, follow targets.

A rule (:mod:`futian_indicators.consistency.rules`) joins figures and says how they relate.
Derivation rules (:mod:`.derivations`) add the figures the letters imply (status ``derived``)
and test nothing; every other rule is a check, evaluated twice with exact interval arithmetic
(:mod:`futian_indicators.core.interval`): on the strict intervals and on the lenient ones.
``pass`` when the strict readings are compatible with the relation, ``tension`` when only the
lenient ones are, ``fail`` when neither is. A check with nothing to compare gives no row: the
build refuses a rule that never evaluates on the corpus. Targets (:mod:`.targets`) are followed
apart, with their own outcomes.

The same code runs in the build (over the curated figures) and in :func:`run_checks` (over any
figures table with the same columns).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import pandas as pd

from .. import vocab
from ..core import expression
from ..core.interval import INF, Interval
from ..errors import CurationError
from .derivations import derive
from .figure import Figure, cite, describe, ends, read_figures, sources
from .rules import (
    Rule,
    missing_figures,
    parse_rule,
    rules_from_table,
    rules_table_rows,
)
from .targets import target_rows

__all__ = [
    "Evaluation",
    "Rule",
    "evaluate",
    "missing_figures",
    "parse_rule",
    "rules_from_table",
    "rules_table_rows",
]


@dataclass(slots=True)
class _Result:
    rule: Rule
    instance: str | None
    status: str
    figures: Sequence[Figure]
    period: str | None
    observed: Interval | None
    expected: Interval | None
    message: str


def _verdict(strict: bool, lenient: bool) -> str:
    return "pass" if strict else "tension" if lenient else "fail"


@dataclass(slots=True)
class _Engine:
    """Evaluates checks over figures by id; derived figures are added as rules derive them."""

    figures: dict[str, Figure]
    index: dict[tuple[str, str], list[Figure]] | None = None

    def select(self, d: Mapping[str, Any]) -> list[Figure]:
        if d.get("figures"):
            return [self.figures[i] for i in d["figures"]]
        if self.index is None:  # built once: a rule's selection must not scan every figure
            self.index = {}
            for f in self.figures.values():
                self.index.setdefault((f.indicator_id, f.status), []).append(f)
        chosen = self.index.get((d["indicator"], d.get("status", "actual")), [])
        return [f for f in chosen if not d.get("geo") or f.geo == d["geo"]]

    def spans(self, rule: Rule, *, lenient: bool) -> dict[str, Interval]:
        terms = rule.definition["terms"]
        stated = set(rule.definition.get("as_stated") or ())
        out = {}
        for name, figure_id in terms.items():
            f = self.figures[figure_id]
            if lenient:
                out[name] = f.lenient
            elif name in stated:  # read at the number the words state (超1100 as 1100)
                out[name] = Interval.point(f.value)
            else:
                out[name] = f.strict
        return out

    def terms(self, rule: Rule) -> list[Figure]:
        return [self.figures[i] for i in rule.definition["terms"].values()]

    def side(self, rule: Rule, key: str, *, lenient: bool) -> Interval:
        tree = expression.parse(str(rule.definition[key]))
        return expression.evaluate(tree, self.spans(rule, lenient=lenient))

    # ---------------------------------------------------------------------------- the kinds

    def agreement(self, rule: Rule) -> list[_Result]:
        figures = self.select(rule.definition)
        groups: dict[str, list[Figure]] = {}
        for figure in figures:
            key = "all" if rule.definition.get("figures") else figure.period
            groups.setdefault(key, []).append(figure)
        results = []
        for key, group in groups.items():
            period = group[0].period if key != "all" else None
            if len(group) < 2:
                continue
            results.append(self._agree(rule, key, group, period))
        return results

    def _agree(self, rule: Rule, key: str, group: list[Figure], period: str | None) -> _Result:
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
            f"{cite(group)}: strict intervals "
            f"{' and '.join(describe(f.strict) for f in group)} "
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
                f"{cite([earlier, later])}: the later {verb} be at least the earlier "
                f"({describe(later.strict)} against {describe(earlier.strict)})"
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
        return results

    def identity(self, rule: Rule) -> list[_Result]:
        return [self._compare(rule, "meets", "=")]

    def bound(self, rule: Rule) -> list[_Result]:
        return [self._compare(rule, "can_be_at_most", "<=")]

    def _compare(self, rule: Rule, relation: str, symbol: str) -> _Result:
        d = rule.definition
        left, right = (self.side(rule, k, lenient=False) for k in ("left", "right"))
        said = f"{d['left']} {symbol} {d['right']}: {describe(left)} against {describe(right)}"
        if getattr(left, relation)(right):
            status, said = "pass", said + " (strict)"
        else:  # the lenient readings are needed only when the strict ones fail
            left_l, right_l = (self.side(rule, k, lenient=True) for k in ("left", "right"))
            status = _verdict(False, getattr(left_l, relation)(right_l))
            said += f" (strict), {describe(left_l)} against {describe(right_l)} (lenient)"
        stated = d.get("as_stated")
        if stated:
            said += f"; {', '.join(stated)} read at the number the words state"
        message = f"{said}; {cite(self.terms(rule))}"
        if symbol == "<=":
            right = Interval(-INF, right.upper, False, right.upper_closed)
        terms = self.terms(rule)
        period = terms[0].period if len({f.period for f in terms}) == 1 else None
        return _Result(rule, None, status, terms, period, left, right, message)

    def add(self, figure: Figure) -> None:
        self.figures[figure.figure_id] = figure
        if self.index is not None:
            self.index.setdefault((figure.indicator_id, figure.status), []).append(figure)

    def run(self, rule: Rule) -> list[_Result] | None:
        """The rule's results; None when a derivation it needs was left out (doubtful input)."""
        if not rule.figure_ids() <= self.figures.keys():
            return None
        kinds = {
            "agreement": self.agreement,
            "monotone": self.monotone,
            "identity": self.identity,
            "bound": self.bound,
        }
        return kinds[rule.kind](rule)


def _check_row(result: _Result) -> dict[str, Any]:
    rule = result.rule
    observed, expected = ends(result.observed), ends(result.expected)
    return {
        "check_id": rule.rule_id + (f"/{result.instance}" if result.instance else ""),
        "rule_id": rule.rule_id,
        "kind": rule.kind,
        "severity": rule.severity,
        "status": result.status,
        "label": rule.label,
        "figure_ids": vocab.LIST_SEPARATOR.join(f.figure_id for f in result.figures),
        "source_ids": sources(result.figures),
        "period": result.period,
        "observed_lower": observed[0],
        "observed_upper": observed[1],
        "expected_lower": expected[0],
        "expected_upper": expected[1],
        "message": result.message,
    }


@dataclass(slots=True)
class Evaluation:
    """What the rules give over a figures table: rows of four tables."""

    checks: list[dict[str, Any]] = field(default_factory=list)
    """Rows of the ``checks`` table: one per evaluated check instance."""
    derived: list[dict[str, Any]] = field(default_factory=list)
    """Rows of the ``figures`` table: the derived figures."""
    derivations: list[dict[str, Any]] = field(default_factory=list)
    """Rows of the ``derivations`` table: one per derivation rule."""
    targets: list[dict[str, Any]] = field(default_factory=list)
    """Rows of the ``targets`` table: one per target or plan figure."""
    silent: list[Rule] = field(default_factory=list)
    """The checks that gave no row (nothing to compare): the build refuses them."""


def evaluate(
    rules: Sequence[Rule],
    figures: pd.DataFrame,
    units: Mapping[str, str],
    *,
    use_doubtful: bool = False,
) -> Evaluation:
    """Evaluate every rule over the figures, then follow every target.

    ``units`` gives each indicator's unit (the unit of the figures derived for it). Figures
    flagged ``doubtful`` (where the table has that column) are left out of derivations unless
    ``use_doubtful``.

    Raises
    ------
    CurationError
        When a rule names a figure that does not exist.
    """
    problems = missing_figures(rules, figures["figure_id"])
    if problems:
        raise CurationError("; ".join(message for _, message in problems))
    engine = _Engine(read_figures(figures))
    out = Evaluation()
    for rule in rules:
        if rule.kind == "derivation":
            made = derive(rule, engine.figures, units, use_doubtful=use_doubtful)
            out.derivations.append(made.derivation_row)
            if made.figure is not None and made.figure_row is not None:
                engine.add(made.figure)
                out.derived.append(made.figure_row)
            continue
        results = engine.run(rule)
        if results is None:
            continue
        if not results:
            out.silent.append(rule)
        out.checks += [_check_row(r) for r in results]
    out.targets = target_rows(engine.figures)
    return out
