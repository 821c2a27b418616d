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
from .columns import (
    DATE,
    LIST_SEPARATOR,
    STRING,
    basis_column,
    bound_column,
    choice_column,
    text_column,
)
from .consistency_schema import CHECKS, DERIVATIONS, RULES, TARGETS

__all__ = ["LIST_SEPARATOR", "SCHEMAS", "STRING", "foreign_key_problems", "validate"]

SOURCES = pa.DataFrameSchema(
    {
        "source_id": pa.Column(
            STRING,
            pa.Check.str_matches(f"^(?:{vocab.SOURCE_ID_PATTERN})$"),
            description="Letter id: body and document number, e.g. cppcc-2025136.",
        ),
        "kind": choice_column("What the letter replies to.", vocab.SOURCE_KINDS),
        "doc_number": text_column(
            "The proposal's or suggestion's number, as the letter writes it."
        ),
        "session_zh": text_column("The session at which it was raised (会议).", nullable=True),
        "title_zh": text_column("Title of the proposal or suggestion."),
        "issuer_zh": text_column(
            "Office that signed the reply; null when the letter does not say.", nullable=True
        ),
        "issuer_en": text_column("English rendering of issuer_zh.", nullable=True),
        "recipients_zh": text_column(
            "Members or deputies addressed, as the salutation lists them.", nullable=True
        ),
        "date": pa.Column(
            DATE, nullable=True, description="Date the reply was signed; null when it is undated."
        ),
        "raw_path": text_column("Path of the letter's raw text in the repository."),
        "sha256": pa.Column(
            STRING,
            pa.Check.str_matches(r"^[0-9a-f]{64}$"),
            description="SHA-256 of the raw letter's bytes.",
        ),
        "n_chars": pa.Column(
            "int64", pa.Check.gt(0), description="Characters in the decoded raw letter."
        ),
        "note": text_column("What the letter does not state, and other remarks.", nullable=True),
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
        "name_en": text_column("English name."),
        "name_zh": text_column("Chinese name."),
        "unit": choice_column("Base unit of the indicator's figures.", vocab.UNITS),
        "measure": choice_column("Kind of quantity.", vocab.MEASURES),
        "category": text_column("Topic group, e.g. economy, innovation, finance."),
        "description_en": text_column("What the indicator measures, with its scope (口径)."),
        "aliases_zh": text_column(
            "Its other names: the words a user may look it up by besides name_zh (true "
            "synonyms), separated by '|'; null when name_zh is its only name.",
            nullable=True,
        ),
        "cues_zh": text_column(
            "Context words that help place a number of a new letter on this indicator (never "
            "used for lookup), separated by '|'; null when there are none.",
            nullable=True,
        ),
        "base_indicator": text_column(
            "For growth and share indicators: the indicator they are of.", nullable=True
        ),
        "denominator_indicator": text_column(
            "For a share: the indicator of the whole it is a share of (indicators.indicator_id).",
            nullable=True,
        ),
        "denominator_geo": pa.Column(
            STRING,
            pa.Check.isin(vocab.GEOS),
            nullable=True,
            description="For a share: the area of the whole (占全市: shenzhen).",
        ),
        "note": text_column(
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
        "source_id": text_column(
            "The letter that reports the figure (sources.source_id); for a derived figure, the "
            "one letter all its terms come from, or null.",
            nullable=True,
        ),
        "indicator_id": text_column("What the figure measures (indicators.indicator_id)."),
        "geo": choice_column("Area the figure is of.", vocab.GEOS),
        "period": text_column(
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
        "period_type": choice_column("How the period label reads.", vocab.PERIOD_TYPES),
        "status": choice_column(
            "actual, target, plan, policy parameter, or derived.", vocab.STATUSES
        ),
        "period_basis": basis_column("period"),
        "geo_basis": basis_column("geo"),
        "status_basis": basis_column("status"),
        "value": pa.Column(float, description="The stated number in base units."),
        "unit": choice_column("Base unit of value and the bounds.", vocab.UNITS),
        "value_as_reported": text_column("Number, qualifier and unit as the letter words them."),
        "unit_as_reported": text_column(
            "The unit as the letter words it (亿元, 家, 件, %, 万平方米); null for a derived "
            "figure.",
            nullable=True,
        ),
        "qualifier": choice_column("How the words qualify the number.", vocab.QUALIFIERS),
        "lower": bound_column(
            "Lower end of the strict interval the words allow (-inf: unbounded)."
        ),
        "upper": bound_column("Upper end of the strict interval (inf: unbounded)."),
        "lower_closed": pa.Column(
            bool, description="Whether the strict interval includes its lower end (超: no)."
        ),
        "upper_closed": pa.Column(
            bool, description="Whether the strict interval includes its upper end (近: no)."
        ),
        "lower_lenient": bound_column("Lower end of the lenient interval (closed where finite)."),
        "upper_lenient": bound_column("Upper end of the lenient interval (closed where finite)."),
        "quote": text_column(
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
        "note": text_column(
            "Curator's remark: ambiguity, period choice, 口径; the reason of every label whose "
            "basis is judgement, and of a doubtful label.",
            nullable=True,
        ),
        "doubtful": pa.Column(
            bool,
            description="Whether a label may be wrong (the note says why); load_figures("
            "labels='documented') leaves such figures out.",
        ),
        "derived_from": text_column(
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
        "source_id": text_column("The letter (sources.source_id)."),
        "char_start": pa.Column(
            "int64",
            pa.Check.ge(0),
            description="Start of the mention in the decoded raw letter (Python string index).",
        ),
        "char_end": pa.Column(
            "int64", pa.Check.gt(0), description="End (exclusive) of the mention in the raw letter."
        ),
        "text": text_column("The mention, as in the normalised letter."),
        "kind": choice_column(
            "quantity or rank (measures), or what else the number is.", vocab.MENTION_KINDS
        ),
        "figure_id": text_column(
            "The figure whose quantity this is (several, joined by "
            f"'{LIST_SEPARATOR}', when one number is the "
            "quantity of several figures).",
            nullable=True,
        ),
        "reason": text_column("Why it is not a figure (null when it is one).", nullable=True),
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
        "figure_id": text_column("The figure whose label the words state (figures.figure_id)."),
        "label": choice_column("Which label of the figure: period, geo or status.", vocab.LABELS),
        "text": text_column("The words, verbatim from the normalised letter."),
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

ERRATA = pa.DataFrameSchema(
    {
        "figure_id": text_column("The corrected figure (figures.figure_id)."),
        "field": text_column("The corrected field of the figure."),
        "before": text_column("Its value before the correction, as text.", nullable=True),
        "after": text_column("Its value after the correction, as text (its current value)."),
        "version": text_column("The data version that carries the correction."),
        "date": pa.Column(DATE, description="The day the correction was made."),
        "reason": text_column("Why: what was wrong, and the words that show it."),
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
