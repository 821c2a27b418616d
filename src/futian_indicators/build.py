"""Build the tables from ``data/raw``: a pure function of the raw data.

For each curated figure the build finds its quote in the normalised letter (exactly once), finds
its quantity in the quote (exactly once), parses the quantity, and requires the parsed value, unit
and qualifier to equal the curated ones. Then it validates every table against the schemas. It
collects every problem and raises one :class:`~futian_indicators.errors.BuildError` listing them
all; it never writes anything (writing is :mod:`futian_indicators.store`'s job).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .curation import FigureRecord, IndicatorRecord, RawData, SourceRecord, read_raw
from .errors import BuildError, QuantityParseError
from .period import parse_period
from .quantity import parse_quantity
from .text import NormalisedText, normalise

TABLE_NAMES = tuple(schema.SCHEMAS)
"""The tables the build makes, in order."""


def _frame(name: str, rows: Iterable[Mapping[str, Any]], key: str) -> pd.DataFrame:
    columns = schema.SCHEMAS[name].columns
    frame = pd.DataFrame(list(rows), columns=list(columns))
    for column, spec in columns.items():
        frame[column] = frame[column].astype(spec.dtype.type)
    return frame.sort_values(key, kind="stable", ignore_index=True)


def _sources_table(sources: list[SourceRecord]) -> pd.DataFrame:
    rows = []
    for record in sources:
        row = asdict(record)
        row["date"] = pd.Timestamp(record.date) if record.date else pd.NaT
        row["n_chars"] = len(record.text)
        rows.append(row)
    return _frame("sources", rows, "source_id")


def _indicators_table(indicators: list[IndicatorRecord]) -> pd.DataFrame:
    rows = [asdict(r) | {"aliases_zh": "|".join(r.aliases_zh)} for r in indicators]
    return _frame("indicators", rows, "indicator_id")


def _closest(value: str, valid: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(valid), n=3, cutoff=0.5)
    return f" (closest: {', '.join(repr(c) for c in close)})" if close else ""


def _quote_not_found(quote: str, letter: NormalisedText) -> str:
    """Say how much of the quote the letter has, and where it departs from it."""
    matcher = difflib.SequenceMatcher(None, quote, letter.text, autojunk=False)
    match = matcher.find_longest_match(0, len(quote), 0, len(letter.text))
    if match.size == 0:
        return "no part of it is in the letter"
    found = quote[match.a : match.a + match.size]
    after_quote = quote[match.a + match.size : match.a + match.size + 10]
    after_letter = letter.text[match.b + match.size : match.b + match.size + 10]
    return (
        f"the longest part found is {found!r}; after it the quote reads {after_quote!r} "
        f"where the letter reads {after_letter!r}"
    )


class _FigureBuilder:
    """Turns curated figure records into figure rows, collecting problems."""

    def __init__(self, raw: RawData, problems: list[str]) -> None:
        self.letters = {s.source_id: normalise(s.text) for s in raw.sources}
        self.indicators = {i.indicator_id: i for i in raw.indicators}
        self.problems = problems
        self.seen: dict[str, FigureRecord] = {}

    def fail(self, figure: FigureRecord, message: str) -> None:
        self.problems.append(f"{figure.where}: figure {figure.figure_id!r}: {message}")

    def rows(self, figures: list[FigureRecord]) -> list[dict[str, Any]]:
        return [row for figure in figures if (row := self.row(figure)) is not None]

    def row(self, figure: FigureRecord) -> dict[str, Any] | None:
        if not self._references_ok(figure):
            return None
        letter = self.letters[figure.source_id]
        span = self._locate_quote(figure, letter)
        quantity = self._parse(figure)
        if span is None or quantity is None:
            return None
        period = parse_period(figure.period)
        start, end = letter.raw_span(*span)
        return {
            "figure_id": figure.figure_id,
            "source_id": figure.source_id,
            "indicator_id": figure.indicator,
            "geo": figure.geo,
            "period": period.label,
            "period_start": pd.Timestamp(period.start),
            "period_end": pd.Timestamp(period.end),
            "period_type": period.type,
            "status": figure.status,
            "value": quantity.value,
            "unit": quantity.unit,
            "value_as_reported": quantity.value_as_reported,
            "qualifier": quantity.qualifier,
            "lower": quantity.lower,
            "upper": quantity.upper,
            "lower_closed": quantity.strict.lower_closed,
            "upper_closed": quantity.strict.upper_closed,
            "lower_lenient": quantity.lower_lenient,
            "upper_lenient": quantity.upper_lenient,
            "quote": letter.text[span[0] : span[1]],
            "char_start": start,
            "char_end": end,
            "note": figure.note,
        }

    def _references_ok(self, figure: FigureRecord) -> bool:
        ok = True
        if figure.figure_id in self.seen:
            first = self.seen[figure.figure_id].where
            self.fail(figure, f"duplicate figure id (first at {first}); give it another slug")
            ok = False
        self.seen.setdefault(figure.figure_id, figure)
        if figure.source_id not in self.letters:
            hint = _closest(figure.source_id, self.letters)
            self.fail(
                figure,
                f"source {figure.source_id!r} is not in sources.yaml{hint}; "
                "add the letter to sources.yaml first",
            )
            ok = False
        indicator = self.indicators.get(figure.indicator)
        if indicator is None:
            hint = _closest(figure.indicator, self.indicators)
            self.fail(
                figure,
                f"indicator {figure.indicator!r} is not in indicators.yaml{hint}; "
                "add it to the codebook or fix the id",
            )
            ok = False
        elif indicator.unit != figure.unit:
            self.fail(
                figure,
                f"unit {figure.unit!r} differs from the unit {indicator.unit!r} "
                f"of indicator {indicator.indicator_id!r}; one of them is wrong",
            )
            ok = False
        return ok

    def _locate_quote(self, figure: FigureRecord, letter: NormalisedText) -> tuple[int, int] | None:
        quote = normalise(figure.quote).text
        starts = letter.find_all(quote)
        if not starts:
            self.fail(
                figure,
                f"quote {figure.quote!r} is not in the letter: "
                f"{_quote_not_found(quote, letter)}; copy the quote from the letter",
            )
            return None
        if len(starts) > 1:
            self.fail(
                figure,
                f"quote {figure.quote!r} occurs {len(starts)} times in the letter; "
                "lengthen it until it is unique",
            )
            return None
        if normalise(figure.quantity).text not in quote:
            self.fail(
                figure,
                f"quantity {figure.quantity!r} is not in its quote {quote!r}; "
                "copy it from the quote",
            )
            return None
        if quote.count(normalise(figure.quantity).text) > 1:
            self.fail(
                figure,
                f"quantity {figure.quantity!r} occurs more than once in its quote "
                f"{quote!r}; shorten the quote so that it occurs once",
            )
            return None
        return starts[0], starts[0] + len(quote)

    def _parse(self, figure: FigureRecord) -> Any:
        try:
            quantity = parse_quantity(figure.quantity)
        except QuantityParseError as exc:
            self.fail(figure, str(exc))
            return None
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


def _figures_table(raw: RawData, problems: list[str]) -> pd.DataFrame:
    rows = _FigureBuilder(raw, problems).rows(raw.figures)
    return _frame("figures", rows, "figure_id")


def build_tables(raw_dir: Path) -> dict[str, pd.DataFrame]:
    """Build every table from the raw data; write nothing.

    Parameters
    ----------
    raw_dir : Path
        The ``data/raw`` folder.

    Returns
    -------
    dict of str to DataFrame
        The tables by name (see ``TABLE_NAMES``), validated.

    Raises
    ------
    BuildError
        Listing every problem found, each with its file, line and figure id.
    """
    raw = read_raw(raw_dir)
    problems = list(raw.problems)
    tables = {
        "sources": _sources_table(raw.sources),
        "indicators": _indicators_table(raw.indicators),
        "figures": _figures_table(raw, problems),
    }
    if problems:
        raise BuildError(problems)
    problems = schema.validate(tables)
    if problems:
        raise BuildError(problems)
    return tables
