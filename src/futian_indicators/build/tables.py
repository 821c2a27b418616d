"""Build the tables from ``data/raw``: a pure function of the raw data.

For each curated figure the build finds its quote in the normalised letter (exactly once), finds
its quantity in the quote (exactly once), parses the quantity, and requires the parsed value, unit
and qualifier to equal the curated ones. Then it validates every table against the schemas. It
collects every problem and raises one :class:`~futian_indicators.errors.BuildError` listing them
all; it never writes anything (writing is :mod:`futian_indicators.build.store`'s job).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

from .. import vocab
from ..consistency.engine import Rule, evaluate, missing_figures, parse_rule, rules_table_rows
from ..core.changes import DIFF_FIELDS, as_text
from ..core.period import parse_period
from ..errors import BuildError, CurationError, QuantityParseError
from ..language.context import population_unit
from ..language.normalise import NormalisedText, PassageError, locate, normalise
from ..language.quantity import Quantity, parse_quantity
from ..raw.records import FigureRecord, IndicatorRecord, RawData, SourceRecord, read_raw
from . import schema
from .accounting import AccountedSpan, mentions_table
from .labels import LabelWords, evidence_rows, evidence_texts, label_problems


def _frame(name: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A table with its schema's columns and dtypes, sorted by its key (the schema's unique)."""
    model = schema.SCHEMAS[name]
    frame = pd.DataFrame(list(rows), columns=list(model.columns))
    for column, spec in model.columns.items():
        frame[column] = frame[column].astype(spec.dtype.type)
    return frame.sort_values(list(model.unique), kind="stable", ignore_index=True)


def _sources_table(sources: list[SourceRecord]) -> pd.DataFrame:
    rows = []
    for record in sources:
        row = asdict(record)
        row["date"] = pd.Timestamp(record.date) if record.date else pd.NaT
        row["n_chars"] = len(record.text)
        rows.append(row)
    return _frame("sources", rows)


def _indicators_table(indicators: list[IndicatorRecord]) -> pd.DataFrame:
    rows = [
        asdict(r)
        | {
            "aliases_zh": vocab.ALIAS_SEPARATOR.join(r.aliases_zh) or None,
            "cues_zh": vocab.ALIAS_SEPARATOR.join(r.cues_zh) or None,
        }
        for r in indicators
    ]
    return _frame("indicators", rows)


def _closest(value: str, valid: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(valid), n=3, cutoff=0.5)
    return f" (closest: {', '.join(repr(c) for c in close)})" if close else ""


def _per_people(figure: FigureRecord, quantity: Quantity) -> Quantity:
    """A count the quote states per population (每万人口…187.76件) is in that rate's unit.

    The quantity is the number and its count word (187.76件); the rate's words stand before it
    in the quote, read as the grammar reads them in running text
    (:func:`~futian_indicators.language.context.population_unit`).
    """
    if quantity.unit != "count" or figure.unit == "count":
        return quantity
    unit = population_unit(figure.quote, figure.quote.find(figure.quantity))
    return quantity if unit is None else dataclasses.replace(quantity, unit=unit)


class _FigureBuilder:
    """Turns curated figure records into figure rows, collecting problems."""

    def __init__(
        self, raw: RawData, letters: dict[str, NormalisedText], problems: list[str]
    ) -> None:
        self.letters = letters
        self.indicators = {i.indicator_id: i for i in raw.indicators}
        self.dates = {s.source_id: s.date for s in raw.sources}
        self.problems = problems
        self.seen: dict[str, FigureRecord] = {}
        self.spans: list[AccountedSpan] = []
        self.evidence: list[dict[str, Any]] = []

    def fail(self, figure: FigureRecord, message: str) -> None:
        self.problems.append(f"{figure.where}: figure {figure.figure_id!r}: {message}")

    def rows(self, figures: list[FigureRecord]) -> list[dict[str, Any]]:
        return [row for figure in figures if (row := self.row(figure)) is not None]

    def row(self, figure: FigureRecord) -> dict[str, Any] | None:
        if not self._references_ok(figure):
            return None
        letter = self.letters[figure.source_id]
        try:
            passage = locate(letter, figure.quote, figure.quantity)
        except PassageError as exc:
            self.fail(figure, str(exc))
            passage = None
        quantity = self._parse(figure)
        if passage is None or quantity is None:
            return None
        self.spans.append(AccountedSpan(figure.source_id, *passage.part, figure.figure_id))
        lenient = self._lenient(figure, quantity)
        if lenient is None or not self._labels_ok(figure, letter, passage.quote):
            return None
        period = parse_period(figure.period)
        start, end = letter.raw_span(*passage.quote)
        return {
            "figure_id": figure.figure_id,
            "source_id": figure.source_id,
            "indicator_id": figure.indicator,
            "geo": figure.geo,
            "period": period.label,
            "period_start": pd.Timestamp(period.start) if period.start else pd.NaT,
            "period_end": pd.Timestamp(period.end),
            "period_type": period.type,
            "status": figure.status,
            "period_basis": figure.period_basis,
            "geo_basis": figure.geo_basis,
            "status_basis": figure.status_basis,
            **quantity.columns(),
            "unit_as_reported": quantity.unit_as_reported,
            "lower_lenient": lenient[0],
            "upper_lenient": lenient[1],
            "quote": letter.text[slice(*passage.quote)],
            "char_start": start,
            "char_end": end,
            "note": figure.note,
            "doubtful": figure.doubtful,
            "derived_from": None,
        }

    def _labels_ok(
        self, figure: FigureRecord, letter: NormalisedText, quote: tuple[int, int]
    ) -> bool:
        """Locate the evidence and verify every label against its basis; keep the evidence rows."""
        evidence, problems = evidence_texts(figure, letter)
        context = LabelWords(
            letter,
            self.dates[figure.source_id],
            letter.text[slice(*quote)],
            self.indicators[figure.indicator].measure,
        )
        problems += label_problems(figure, context, evidence)
        for message in problems:
            self.fail(figure, message)
        if not problems:
            self.evidence += evidence_rows(figure, letter, evidence)
        return not problems

    def _known(
        self, figure: FigureRecord, what: str, value: str, valid: Mapping[str, Any], file: str
    ) -> bool:
        if value in valid:
            return True
        hint = _closest(value, valid)
        self.fail(figure, f"{what} {value!r} is not in {file}{hint}; add it there or fix the id")
        return False

    def _references_ok(self, figure: FigureRecord) -> bool:
        ok = True
        if figure.figure_id in self.seen:
            first = self.seen[figure.figure_id].where
            self.fail(figure, f"duplicate figure id (first at {first}); give it another slug")
            ok = False
        self.seen.setdefault(figure.figure_id, figure)
        ok &= self._known(figure, "source", figure.source_id, self.letters, "sources.yaml")
        ok &= self._known(figure, "indicator", figure.indicator, self.indicators, "indicators.yaml")
        indicator = self.indicators.get(figure.indicator)
        if indicator is not None and indicator.unit != figure.unit:
            self.fail(
                figure,
                f"unit {figure.unit!r} differs from the unit {indicator.unit!r} "
                f"of indicator {indicator.indicator_id!r}; one of them is wrong",
            )
            ok = False
        return ok

    def _lenient(self, figure: FigureRecord, quantity: Quantity) -> tuple[float, float] | None:
        """The lenient interval, widened to cover the alternative reading if there is one."""
        bounds = (quantity.lower_lenient, quantity.upper_lenient)
        if figure.alternative_reading is None:
            return bounds
        try:
            other = parse_quantity(figure.alternative_reading)
        except QuantityParseError as exc:
            self.fail(figure, f"alternative_reading: {exc}")
            return None
        if other.unit != quantity.unit:
            self.fail(
                figure,
                f"alternative_reading {figure.alternative_reading!r} is in {other.unit!r}, "
                f"the figure in {quantity.unit!r}; write both readings in the same unit",
            )
            return None
        return min(bounds[0], other.lower_lenient), max(bounds[1], other.upper_lenient)

    def _parse(self, figure: FigureRecord) -> Quantity | None:
        try:
            quantity = parse_quantity(figure.quantity)
        except QuantityParseError as exc:
            self.fail(figure, str(exc))
            return None
        quantity = _per_people(figure, quantity)
        parsed = (quantity.value, quantity.unit, quantity.qualifier)
        curated = (figure.value, figure.unit, figure.qualifier)
        if parsed != curated:
            names = ("value", "unit", "qualifier")
            diffs = [
                f"{n} {c!r} but the quote says {p!r}"
                for n, p, c in zip(names, parsed, curated, strict=True)
                if p != c
            ]
            self.fail(
                figure,
                f"quantity {figure.quantity!r}: curated {'; '.join(diffs)}; "
                "correct the curated value or the quantity",
            )
            return None
        return quantity


def _figure_rows(
    raw: RawData, letters: dict[str, NormalisedText], problems: list[str]
) -> tuple[list[dict[str, Any]], list[AccountedSpan], list[dict[str, Any]]]:
    builder = _FigureBuilder(raw, letters, problems)
    return builder.rows(raw.figures), builder.spans, builder.evidence


def _rules(raw: RawData, problems: list[str]) -> list[Rule]:
    rules: list[Rule] = []
    places: dict[str, object] = {}
    for data, where in raw.rules:
        try:
            rule = parse_rule(data)
        except CurationError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if rule.rule_id in places:
            problems.append(
                f"{where}: rule id {rule.rule_id!r} is used twice (first at "
                f"{places[rule.rule_id]}); give it another id"
            )
        places[rule.rule_id] = where
        rules.append(rule)
    return rules


_EVALUATED = ("checks", "derivations", "targets")
"""The tables the rules give, besides the derived figures."""


def _checks(
    rules: list[Rule], figure_rows: list[dict[str, Any]], raw: RawData, problems: list[str]
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Evaluate the rules: the checks, derivations and targets tables, and the derived figures."""
    curated = _frame("figures", figure_rows)
    places = {data.get("rule_id"): where for data, where in raw.rules}
    empty = {name: _frame(name, []) for name in _EVALUATED}
    missing = missing_figures(rules, curated["figure_id"])
    problems += [f"{places[rule.rule_id]}: {message}" for rule, message in missing]
    if missing:
        return empty, curated
    units = {i.indicator_id: i.unit for i in raw.indicators}
    unknown = [
        r for r in rules if (d := r.definition.get("derive")) and d["indicator"] not in units
    ]
    problems += [
        f"{places[r.rule_id]}: rule {r.rule_id!r} derives an indicator that is not in "
        "indicators.yaml; add it there"
        for r in unknown
    ]
    if unknown:
        return empty, curated
    result = evaluate(rules, curated, units)
    problems += [
        f"{places[r.rule_id]}: rule {r.rule_id!r} never evaluates on the figures (nothing to "
        "compare); a relation that tests nothing is no check: list it in docs/rules.md under "
        "'Relations considered and rejected' instead"
        for r in result.silent
    ]
    figures = _frame("figures", figure_rows + result.derived)
    rows = {"checks": result.checks, "derivations": result.derivations, "targets": result.targets}
    tables = {name: _frame(name, rows[name]) for name in _EVALUATED}
    return tables, figures


def _errata(raw: RawData, figures: pd.DataFrame, problems: list[str]) -> pd.DataFrame:
    """The errata table; each correction's ``after`` must be the figure's current value."""
    current = figures.set_index("figure_id")
    rows = []
    for erratum in raw.errata:
        where, figure_id, field = erratum["where"], erratum["figure_id"], erratum["field"]
        if figure_id not in current.index:
            problems.append(f"{where}: erratum names figure {figure_id!r}, which does not exist")
            continue
        if field not in DIFF_FIELDS:
            problems.append(
                f"{where}: erratum field {field!r} is not one of {', '.join(DIFF_FIELDS)}"
            )
            continue
        now = as_text(current.at[figure_id, field])
        if now != erratum["after"]:
            problems.append(
                f"{where}: erratum of {figure_id!r}.{field} says after {erratum['after']!r} "
                f"but the figure has {now!r}; correct the erratum or the figure"
            )
            continue
        rows.append(
            {k: v for k, v in erratum.items() if k != "where"}
            | {
                "before": erratum["before"] or None,
                "date": pd.Timestamp(erratum["date"]) if erratum["date"] else pd.NaT,
            }
        )
    return _frame("errata", rows)


def build_tables(raw_dir: Path) -> dict[str, pd.DataFrame]:
    """Build every table from the raw data; write nothing.

    Parameters
    ----------
    raw_dir : Path
        The ``data/raw`` folder.

    Returns
    -------
    dict of str to DataFrame
        The tables by name, in the order of :data:`~futian_indicators.build.schema.SCHEMAS`,
        validated.

    Raises
    ------
    BuildError
        Listing every problem found, each with its file, line and figure id.
    """
    raw = read_raw(raw_dir)
    problems = list(raw.problems)
    letters = {source.source_id: normalise(source.text) for source in raw.sources}
    figure_rows, spans, evidence = _figure_rows(raw, letters, problems)
    mentions = mentions_table(raw, letters, spans, problems)
    rules = _rules(raw, problems)
    evaluated, figures = _checks(rules, figure_rows, raw, problems)
    tables = {
        "sources": _sources_table(raw.sources),
        "indicators": _indicators_table(raw.indicators),
        "figures": figures,
        "evidence": _frame("evidence", evidence),
        "mentions": _frame("mentions", mentions),
        "rules": _frame("rules", rules_table_rows(rules)),
        **evaluated,
        "errata": _errata(raw, figures, problems),
    }
    if problems:
        raise BuildError(problems)
    problems = schema.validate(tables)
    if problems:
        raise BuildError(problems)
    return tables
