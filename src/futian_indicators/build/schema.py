"""The tables' schemas (pandera): column names, order, types, allowed values and documentation.

This is the single source of the column docs: the data dictionary and the data package's
``schema`` are generated from these models. The build validates every table against them
(strict: no other column; ordered; unique keys; lazily, so one run reports every failure).
Foreign keys between tables are checked here too, since they join two tables.

Imported by the build and the docs only, never on ``import futian_indicators``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from .. import vocab

STRING = pd.StringDtype()
DATE = "datetime64[ns]"
_ID = r"^[a-z0-9][a-z0-9_\-]*$"

LIST_SEPARATOR = vocab.LIST_SEPARATOR
"""Separates several ids in one cell (see ``LIST_COLUMNS``); an id never contains it."""


def _text(description: str, *, nullable: bool = False) -> pa.Column:
    checks = [pa.Check.str_length(min_value=1)]
    return pa.Column(STRING, checks, nullable=nullable, description=description)


def _choice(description: str, allowed: tuple[str, ...]) -> pa.Column:
    return pa.Column(STRING, pa.Check.isin(allowed), description=description)


def _basis(label: str) -> pa.Column:
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


def _bound(description: str) -> pa.Column:
    return pa.Column(
        float, pa.Check(lambda s: ~s.isna(), error="bound is NaN"), description=description
    )


SOURCES = pa.DataFrameSchema(
    {
        "source_id": pa.Column(
            STRING,
            pa.Check.str_matches(f"^(?:{vocab.SOURCE_ID_PATTERN})$"),
            description="Letter id: body and document number, e.g. cppcc-2025136.",
        ),
        "kind": _choice("What the letter replies to.", vocab.SOURCE_KINDS),
        "doc_number": _text("The proposal's or suggestion's number, as the letter writes it."),
        "session_zh": _text("The session at which it was raised (会议).", nullable=True),
        "title_zh": _text("Title of the proposal or suggestion."),
        "issuer_zh": _text(
            "Office that signed the reply; null when the letter does not say.", nullable=True
        ),
        "issuer_en": _text("English rendering of issuer_zh.", nullable=True),
        "recipients_zh": _text(
            "Members or deputies addressed, as the salutation lists them.", nullable=True
        ),
        "date": pa.Column(
            DATE, nullable=True, description="Date the reply was signed; null when it is undated."
        ),
        "raw_path": _text("Path of the letter's raw text in the repository."),
        "sha256": pa.Column(
            STRING,
            pa.Check.str_matches(r"^[0-9a-f]{64}$"),
            description="SHA-256 of the raw letter's bytes.",
        ),
        "n_chars": pa.Column(
            "int64", pa.Check.gt(0), description="Characters in the decoded raw letter."
        ),
        "note": _text("What the letter does not state, and other remarks.", nullable=True),
    },
    strict=True,
    ordered=True,
    unique=["source_id"],
    name="sources",
    description="One record a letter: the reply letters the figures come from.",
)

INDICATORS = pa.DataFrameSchema(
    {
        "indicator_id": pa.Column(
            STRING,
            pa.Check.str_matches(r"^[a-z][a-z0-9_]*$"),
            description="snake_case English id, e.g. gdp.",
        ),
        "name_en": _text("English name."),
        "name_zh": _text("Chinese name."),
        "unit": _choice("Base unit of the indicator's figures.", vocab.UNITS),
        "measure": _choice("Kind of quantity.", vocab.MEASURES),
        "category": _text("Topic group, e.g. economy, innovation, finance."),
        "description_en": _text("What the indicator measures, with its scope (口径)."),
        "aliases_zh": _text(
            "Its other names: the words a user may look it up by besides name_zh (true "
            "synonyms), separated by '|'; null when name_zh is its only name.",
            nullable=True,
        ),
        "cues_zh": _text(
            "Context words that help place a number of a new letter on this indicator (never "
            "used for lookup), separated by '|'; null when there are none.",
            nullable=True,
        ),
        "base_indicator": _text(
            "For growth and share indicators: the indicator they are of.", nullable=True
        ),
        "denominator_indicator": _text(
            "For a share: the indicator of the whole it is a share of (indicators.indicator_id).",
            nullable=True,
        ),
        "denominator_geo": pa.Column(
            STRING,
            pa.Check.isin(vocab.GEOS),
            nullable=True,
            description="For a share: the area of the whole (占全市: shenzhen).",
        ),
        "note": _text(
            "What a reader should know: its 口径, and how it differs from a look-alike.",
            nullable=True,
        ),
    },
    strict=True,
    ordered=True,
    unique=["indicator_id"],
    name="indicators",
    description="The codebook: one record an indicator.",
)

FIGURES = pa.DataFrameSchema(
    {
        "figure_id": pa.Column(
            STRING,
            pa.Check.str_matches(r"^[a-z0-9\-]+/[a-z0-9][a-z0-9\-]*$"),
            description="<source_id>/<slug>; stable across releases.",
        ),
        "source_id": _text(
            "The letter that reports the figure (sources.source_id); for a derived figure, the "
            "one letter all its terms come from, or null.",
            nullable=True,
        ),
        "indicator_id": _text("What the figure measures (indicators.indicator_id)."),
        "geo": _choice("Area the figure is of.", vocab.GEOS),
        "period": _text(
            "Period label: 2024, 2023H1, 2024-12-31 (a stock on a day), ../2023-08-31 (a flow "
            "counted up to a day), 2022/2024, ../2024 (several years up to 2024), ..."
        ),
        "period_start": pa.Column(
            DATE,
            nullable=True,
            description="First day the period covers; null when the words state no start "
            "(to_date, and multi_year labels ../YYYY).",
        ),
        "period_end": pa.Column(DATE, description="Last day the period covers."),
        "period_type": _choice("How the period label reads.", vocab.PERIOD_TYPES),
        "status": _choice("actual, target, plan, policy parameter, or derived.", vocab.STATUSES),
        "period_basis": _basis("period"),
        "geo_basis": _basis("geo"),
        "status_basis": _basis("status"),
        "value": pa.Column(float, description="The stated number in base units."),
        "unit": _choice("Base unit of value and the bounds.", vocab.UNITS),
        "value_as_reported": _text("Number, qualifier and unit as the letter words them."),
        "unit_as_reported": _text(
            "The unit as the letter words it (亿元, 家, 件, %, 万平方米); null for a derived "
            "figure.",
            nullable=True,
        ),
        "qualifier": _choice("How the words qualify the number.", vocab.QUALIFIERS),
        "lower": _bound("Lower end of the strict interval the words allow (-inf: unbounded)."),
        "upper": _bound("Upper end of the strict interval (inf: unbounded)."),
        "lower_closed": pa.Column(
            bool, description="Whether the strict interval includes its lower end (超: no)."
        ),
        "upper_closed": pa.Column(
            bool, description="Whether the strict interval includes its upper end (近: no)."
        ),
        "lower_lenient": _bound("Lower end of the lenient interval (closed where finite)."),
        "upper_lenient": _bound("Upper end of the lenient interval (closed where finite)."),
        "quote": _text(
            "The words, verbatim from the normalised letter (null for a derived figure).",
            nullable=True,
        ),
        "char_start": pa.Column(
            "Int64",
            pa.Check.ge(0),
            nullable=True,
            description="Start of the quote in the decoded raw letter (Python string index).",
        ),
        "char_end": pa.Column(
            "Int64",
            pa.Check.gt(0),
            nullable=True,
            description="End (exclusive) of the quote in the raw letter.",
        ),
        "note": _text(
            "Curator's remark: ambiguity, period choice, 口径; the reason of every label whose "
            "basis is judgement, and of a doubtful label.",
            nullable=True,
        ),
        "doubtful": pa.Column(
            bool,
            description="Whether a label may be wrong (the note says why); load_figures("
            "labels='documented') leaves such figures out.",
        ),
        "derived_from": _text(
            "For a derived figure, the figures it is computed from "
            f"(ids joined by '{LIST_SEPARATOR}').",
            nullable=True,
        ),
    },
    checks=[
        pa.Check(lambda df: df["lower"] <= df["upper"], error="lower > upper"),
        pa.Check(lambda df: df["lower_lenient"] <= df["lower"], error="lenient lower > lower"),
        pa.Check(lambda df: df["upper"] <= df["upper_lenient"], error="upper > lenient upper"),
        pa.Check(
            lambda df: (df["period_start"] <= df["period_end"]) | df["period_start"].isna(),
            error="period ends early",
        ),
        pa.Check(
            lambda df: df["period_start"].isna() == df["period"].str.startswith("..").astype(bool),
            error="period_start is null exactly for the labels with an open start (../)",
        ),
        pa.Check(
            lambda df: (
                (df["status"] == "derived")
                | (
                    df["period_basis"].notna()
                    & df["geo_basis"].notna()
                    & df["status_basis"].notna()
                )
            ),
            error="every curated figure has its three label bases",
        ),
        pa.Check(
            lambda df: (df["char_start"] < df["char_end"]).fillna(df["status"] == "derived"),
            error="empty quote span",
        ),
        pa.Check(
            lambda df: (
                (df["status"] == "derived")
                == (df["derived_from"].notna() & df["quote"].isna() & df["char_start"].isna())
            ),
            error="derived figures (and only they) have derived_from and no quote",
        ),
    ],
    strict=True,
    ordered=True,
    unique=["figure_id"],
    name="figures",
    description="One record a figure as one letter reports it.",
)

MENTIONS = pa.DataFrameSchema(
    {
        "source_id": _text("The letter (sources.source_id)."),
        "char_start": pa.Column(
            "int64",
            pa.Check.ge(0),
            description="Start of the mention in the decoded raw letter (Python string index).",
        ),
        "char_end": pa.Column(
            "int64", pa.Check.gt(0), description="End (exclusive) of the mention in the raw letter."
        ),
        "text": _text("The mention, as in the normalised letter."),
        "kind": _choice(
            "quantity or rank (measures), or what else the number is.", vocab.MENTION_KINDS
        ),
        "figure_id": _text(
            "The figure whose quantity this is (several, joined by "
            f"'{LIST_SEPARATOR}', when one number is the "
            "quantity of several figures).",
            nullable=True,
        ),
        "reason": _text("Why it is not a figure (null when it is one).", nullable=True),
    },
    checks=[
        pa.Check(lambda df: df["char_start"] < df["char_end"], error="empty mention span"),
        pa.Check(
            lambda df: df["figure_id"].isna() != df["reason"].isna(),
            error="a mention has either a figure_id or a reason",
        ),
    ],
    strict=True,
    ordered=True,
    unique=["source_id", "char_start"],
    name="mentions",
    description="Every number the extractor finds in a letter, and what accounts for it.",
)

EVIDENCE = pa.DataFrameSchema(
    {
        "figure_id": _text("The figure whose label the words state (figures.figure_id)."),
        "label": _choice("Which label of the figure: period, geo or status.", vocab.LABELS),
        "text": _text("The words, verbatim from the normalised letter."),
        "char_start": pa.Column(
            "int64",
            pa.Check.ge(0),
            description="Start of the words in the decoded raw letter (Python string index).",
        ),
        "char_end": pa.Column(
            "int64", pa.Check.gt(0), description="End (exclusive) of the words in the raw letter."
        ),
    },
    checks=[pa.Check(lambda df: df["char_start"] < df["char_end"], error="empty evidence span")],
    strict=True,
    ordered=True,
    unique=["figure_id", "label", "char_start"],
    name="evidence",
    description="The words of a letter, other than the quote, that state a figure's label (one "
    "row per passage of a label whose basis is context); the build reads them and fails unless "
    "they give the label.",
)

RULES = pa.DataFrameSchema(
    {
        "rule_id": pa.Column(STRING, pa.Check.str_matches(_ID), description="The rule's id."),
        "kind": _choice("What the rule asserts.", vocab.RULE_KINDS),
        "severity": _choice("How much a failure matters.", vocab.SEVERITIES),
        "label": _text("What the rule asserts, in plain words."),
        "definition": _text("What it joins and how, as JSON (docs/rules.md)."),
        "note": _text("Why the relation holds, and its 口径.", nullable=True),
    },
    strict=True,
    ordered=True,
    unique=["rule_id"],
    name="rules",
    description=(
        "The rules (data/raw/rules.yaml), as run_checks() reads them: the consistency checks "
        "and the derivations."
    ),
)

CHECKS = pa.DataFrameSchema(
    {
        "check_id": pa.Column(STRING, description="<rule_id>, or <rule_id>/<instance>."),
        "rule_id": _text("The rule evaluated (rules.rule_id)."),
        "kind": _choice("What the check asserts.", vocab.CHECK_KINDS),
        "severity": _choice("How much a failure matters.", vocab.SEVERITIES),
        "status": _choice(
            "pass: strict readings compatible; tension: only lenient ones; fail: neither.",
            vocab.CHECK_STATUSES,
        ),
        "label": _text("What the rule asserts, in plain words."),
        "figure_ids": pa.Column(
            STRING,
            nullable=True,
            description=f"The figures the result rests on, joined by '{LIST_SEPARATOR}'.",
        ),
        "source_ids": pa.Column(
            STRING, nullable=True, description=f"Their letters, joined by '{LIST_SEPARATOR}'."
        ),
        "period": _text("The period the instance is about, if one.", nullable=True),
        "observed_lower": pa.Column(float, nullable=True, description="Observed side, strict."),
        "observed_upper": pa.Column(float, nullable=True, description="Observed side, strict."),
        "expected_lower": pa.Column(float, nullable=True, description="Expected side, strict."),
        "expected_upper": pa.Column(float, nullable=True, description="Expected side, strict."),
        "message": _text("What was compared, the intervals, and the words behind them."),
    },
    strict=True,
    ordered=True,
    unique=["check_id"],
    name="checks",
    description="One row per evaluated consistency check instance.",
)


def _number(description: str) -> pa.Column:
    return pa.Column(float, nullable=True, description=description)


DERIVATIONS = pa.DataFrameSchema(
    {
        "rule_id": _text("The derivation rule (rules.rule_id)."),
        "figure_id": _text(
            "The derived figure (figures.figure_id); null when a doubtful input kept it out.",
            nullable=True,
        ),
        "indicator_id": _text("What the derived figure measures."),
        "geo": _choice("Area the derived figure is of.", vocab.GEOS),
        "period": _text("Its period label."),
        "expression": _text("How it is computed from the rule's terms."),
        "input_ids": _text(f"The figures it is computed from, joined by '{LIST_SEPARATOR}'."),
        "value": _number("Its value: the bound of a one-sided interval, never an invented point."),
        "lower": _number("Lower end of its strict interval."),
        "upper": _number("Upper end of its strict interval."),
        "lower_closed": pa.Column(
            bool, description="Whether the strict interval has its lower end."
        ),
        "upper_closed": pa.Column(
            bool, description="Whether the strict interval has its upper end."
        ),
        "lower_lenient": _number("Lower end of its lenient interval."),
        "upper_lenient": _number("Upper end of its lenient interval."),
        "input_basis": pa.Column(
            STRING,
            pa.Check.isin(vocab.BASES),
            nullable=True,
            description=(
                "The weakest basis of its inputs' labels (quote, context, convention, "
                "judgement); null where the figures carry no bases."
            ),
        ),
        "judgement_inputs": _text(
            f"Inputs a label of which rests on a judgement, joined by '{LIST_SEPARATOR}'.",
            nullable=True,
        ),
        "doubtful_inputs": _text(
            "Inputs flagged doubtful, which keep the derivation out (figure_id is then null).",
            nullable=True,
        ),
        "label": _text("What the derivation computes, in plain words."),
        "message": _text("The computation in the letters' words, and what it rests on."),
    },
    strict=True,
    ordered=True,
    unique=["rule_id"],
    name="derivations",
    description="One row per derivation rule: the figure it derives and what that rests on.",
)

TARGETS = pa.DataFrameSchema(
    {
        "target_figure_id": _text("The target or plan figure (figures.figure_id)."),
        "indicator_id": _text("What it measures (indicators.indicator_id)."),
        "geo": _choice("Area it is of.", vocab.GEOS),
        "status": _choice("target or plan.", vocab.TARGET_STATUSES),
        "period": _text("The period the target is set for."),
        "threshold": pa.Column(float, description="The level to reach: its strict lower end."),
        "threshold_inclusive": pa.Column(
            bool, description="Whether reaching the threshold exactly counts (超: no)."
        ),
        "actual_figure_id": _text(
            "The latest comparable actual (same indicator and area, not after the target's "
            "period); a derived figure only where no letter states one; null if none.",
            nullable=True,
        ),
        "actual_status": pa.Column(
            STRING,
            pa.Check.isin(("actual", "derived")),
            nullable=True,
            description="actual, or derived where no letter states an actual.",
        ),
        "actual_period": _text("The actual's period.", nullable=True),
        "actual_lower": _number("Lower end of the actual's strict interval."),
        "actual_upper": _number("Upper end of the actual's strict interval."),
        "outcome": _choice(
            "met | possibly_met | not_yet_met | missed (only for an actual of the target's "
            "own period) | no_actual.",
            vocab.TARGET_OUTCOMES,
        ),
        "gap_lower": _number("Actual minus threshold, strict: lower end."),
        "gap_upper": _number("Actual minus threshold, strict: upper end."),
        "source_ids": _text(f"Their letters, joined by '{LIST_SEPARATOR}'."),
        "message": _text("The outcome, the intervals compared, and the words behind them."),
    },
    checks=[
        pa.Check(
            lambda df: df["actual_figure_id"].isna() == (df["outcome"] == "no_actual"),
            error="an outcome other than no_actual needs an actual",
        ),
    ],
    strict=True,
    ordered=True,
    unique=["target_figure_id"],
    name="targets",
    description="One row per target or plan figure, against its latest comparable actual.",
)

ERRATA = pa.DataFrameSchema(
    {
        "figure_id": _text("The corrected figure (figures.figure_id)."),
        "field": _text("The corrected field of the figure."),
        "before": _text("Its value before the correction, as text.", nullable=True),
        "after": _text("Its value after the correction, as text (its current value)."),
        "version": _text("The data version that carries the correction."),
        "date": pa.Column(DATE, description="The day the correction was made."),
        "reason": _text("Why: what was wrong, and the words that show it."),
    },
    strict=True,
    ordered=True,
    unique=["figure_id", "field", "version"],
    name="errata",
    description="Corrections to released figures, one row per corrected field.",
)

SCHEMAS: Mapping[str, pa.DataFrameSchema] = {
    "sources": SOURCES,
    "indicators": INDICATORS,
    "figures": FIGURES,
    "evidence": EVIDENCE,
    "mentions": MENTIONS,
    "rules": RULES,
    "checks": CHECKS,
    "derivations": DERIVATIONS,
    "targets": TARGETS,
    "errata": ERRATA,
}
"""Every table the build writes, by name, in the order it writes them."""

FOREIGN_KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("figures", "source_id", "sources", "source_id"),
    ("figures", "indicator_id", "indicators", "indicator_id"),
    ("indicators", "base_indicator", "indicators", "indicator_id"),
    ("indicators", "denominator_indicator", "indicators", "indicator_id"),
    ("evidence", "figure_id", "figures", "figure_id"),
    ("mentions", "source_id", "sources", "source_id"),
    ("mentions", "figure_id", "figures", "figure_id"),
    ("figures", "derived_from", "figures", "figure_id"),
    ("checks", "rule_id", "rules", "rule_id"),
    ("checks", "figure_ids", "figures", "figure_id"),
    ("checks", "source_ids", "sources", "source_id"),
    ("derivations", "rule_id", "rules", "rule_id"),
    ("derivations", "figure_id", "figures", "figure_id"),
    ("derivations", "input_ids", "figures", "figure_id"),
    ("targets", "target_figure_id", "figures", "figure_id"),
    ("targets", "actual_figure_id", "figures", "figure_id"),
    ("targets", "source_ids", "sources", "source_id"),
    ("errata", "figure_id", "figures", "figure_id"),
)
"""(table, column, referenced table, referenced column)."""


LIST_COLUMNS = frozenset(
    {
        ("mentions", "figure_id"),
        ("figures", "derived_from"),
        ("checks", "figure_ids"),
        ("checks", "source_ids"),
        ("derivations", "input_ids"),
        ("derivations", "judgement_inputs"),
        ("derivations", "doubtful_inputs"),
        ("targets", "source_ids"),
    }
)
"""(table, column) of the cells that hold several ids joined by ``LIST_SEPARATOR``."""


def _describe_failure(table: str, row: Mapping[str, object]) -> str:
    column = row.get("column")
    check = row.get("check")
    case = row.get("failure_case")
    index = row.get("index")
    where = f"column {column!r}" if isinstance(column, str) else "table"
    at = (
        "" if index is None or (isinstance(index, float) and math.isnan(index)) else f" row {index}"
    )
    return f"{table}:{at} {where} failed {check!s} with value {case!r}"


def foreign_key_problems(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Every reference between the tables (``FOREIGN_KEYS``) that names nothing."""
    problems: list[str] = []
    for table, column, ref_table, ref_column in FOREIGN_KEYS:
        values = tables[table][column].dropna().str.split(LIST_SEPARATOR).explode()
        values = values[values != ""]
        valid = set(tables[ref_table][ref_column])
        problems.extend(
            f"{table}: {column} {value!r} names no {ref_table}.{ref_column}; "
            f"add it to {ref_table} or fix the reference"
            for value in sorted(set(values) - valid)
        )
    return problems


def validate(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Validate every table and the foreign keys between them; return every problem found."""
    problems: list[str] = []
    for name, schema in SCHEMAS.items():
        try:
            schema.validate(tables[name], lazy=True)
        except SchemaErrors as exc:
            cases = exc.failure_cases.to_dict("records")
            problems.extend(_describe_failure(name, case) for case in cases)
    return problems + foreign_key_problems(tables)
