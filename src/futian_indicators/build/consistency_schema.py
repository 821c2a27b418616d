"""The schemas of the consistency tables: rules, checks, derivations and targets.

Part of the tables' single source of column docs (:mod:`~futian_indicators.build.schema`
gathers every table's model in ``SCHEMAS``).
"""

from __future__ import annotations

import pandera.pandas as pa

from .. import vocab
from .columns import (
    ID_PATTERN,
    LIST_SEPARATOR,
    STRING,
    choice_column,
    number_column,
    text_column,
)

RULES = pa.DataFrameSchema(
    {
        "rule_id": pa.Column(
            STRING, pa.Check.str_matches(ID_PATTERN), description="The rule's id."
        ),
        "kind": choice_column("What the rule asserts.", vocab.RULE_KINDS),
        "severity": choice_column("How much a failure matters.", vocab.SEVERITIES),
        "label": text_column("What the rule asserts, in plain words."),
        "definition": text_column("What it joins and how, as JSON (docs/rules.md)."),
        "note": text_column("Why the relation holds, and its 口径.", nullable=True),
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
        "rule_id": text_column("The rule evaluated (rules.rule_id)."),
        "kind": choice_column("What the check asserts.", vocab.CHECK_KINDS),
        "severity": choice_column("How much a failure matters.", vocab.SEVERITIES),
        "status": choice_column(
            "pass: strict readings compatible; tension: only lenient ones; fail: neither.",
            vocab.CHECK_STATUSES,
        ),
        "label": text_column("What the rule asserts, in plain words."),
        "figure_ids": pa.Column(
            STRING,
            nullable=True,
            description=f"The figures the result rests on, joined by '{LIST_SEPARATOR}'.",
        ),
        "source_ids": pa.Column(
            STRING, nullable=True, description=f"Their letters, joined by '{LIST_SEPARATOR}'."
        ),
        "period": text_column("The period the instance is about, if one.", nullable=True),
        "observed_lower": pa.Column(float, nullable=True, description="Observed side, strict."),
        "observed_upper": pa.Column(float, nullable=True, description="Observed side, strict."),
        "expected_lower": pa.Column(float, nullable=True, description="Expected side, strict."),
        "expected_upper": pa.Column(float, nullable=True, description="Expected side, strict."),
        "message": text_column("What was compared, the intervals, and the words behind them."),
    },
    strict=True,
    ordered=True,
    unique=["check_id"],
    name="checks",
    description="One row per evaluated consistency check instance.",
)


DERIVATIONS = pa.DataFrameSchema(
    {
        "rule_id": text_column("The derivation rule (rules.rule_id)."),
        "figure_id": text_column(
            "The derived figure (figures.figure_id); null when a doubtful input kept it out.",
            nullable=True,
        ),
        "indicator_id": text_column("What the derived figure measures."),
        "geo": choice_column("Area the derived figure is of.", vocab.GEOS),
        "period": text_column("Its period label."),
        "expression": text_column("How it is computed from the rule's terms."),
        "input_ids": text_column(f"The figures it is computed from, joined by '{LIST_SEPARATOR}'."),
        "value": number_column(
            "Its value: the bound of a one-sided interval, never an invented point."
        ),
        "lower": number_column("Lower end of its strict interval."),
        "upper": number_column("Upper end of its strict interval."),
        "lower_closed": pa.Column(
            bool, description="Whether the strict interval has its lower end."
        ),
        "upper_closed": pa.Column(
            bool, description="Whether the strict interval has its upper end."
        ),
        "lower_lenient": number_column("Lower end of its lenient interval."),
        "upper_lenient": number_column("Upper end of its lenient interval."),
        "input_basis": pa.Column(
            STRING,
            pa.Check.isin(vocab.BASES),
            nullable=True,
            description=(
                "The weakest basis of its inputs' labels (quote, context, convention, "
                "judgement); null where the figures carry no bases."
            ),
        ),
        "judgement_inputs": text_column(
            f"Inputs a label of which rests on a judgement, joined by '{LIST_SEPARATOR}'.",
            nullable=True,
        ),
        "doubtful_inputs": text_column(
            "Inputs flagged doubtful, which keep the derivation out (figure_id is then null).",
            nullable=True,
        ),
        "label": text_column("What the derivation computes, in plain words."),
        "message": text_column("The computation in the letters' words, and what it rests on."),
    },
    strict=True,
    ordered=True,
    unique=["rule_id"],
    name="derivations",
    description="One row per derivation rule: the figure it derives and what that rests on.",
)

TARGETS = pa.DataFrameSchema(
    {
        "target_figure_id": text_column("The target or plan figure (figures.figure_id)."),
        "indicator_id": text_column("What it measures (indicators.indicator_id)."),
        "geo": choice_column("Area it is of.", vocab.GEOS),
        "status": choice_column("target or plan.", vocab.TARGET_STATUSES),
        "period": text_column("The period the target is set for."),
        "threshold": pa.Column(float, description="The level to reach: its strict lower end."),
        "threshold_inclusive": pa.Column(
            bool, description="Whether reaching the threshold exactly counts (超: no)."
        ),
        "actual_figure_id": text_column(
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
        "actual_period": text_column("The actual's period.", nullable=True),
        "actual_lower": number_column("Lower end of the actual's strict interval."),
        "actual_upper": number_column("Upper end of the actual's strict interval."),
        "outcome": choice_column(
            "met | possibly_met | not_yet_met | missed (only for an actual of the target's "
            "own period) | no_actual.",
            vocab.TARGET_OUTCOMES,
        ),
        "gap_lower": number_column("Actual minus threshold, strict: lower end."),
        "gap_upper": number_column("Actual minus threshold, strict: upper end."),
        "source_ids": text_column(f"Their letters, joined by '{LIST_SEPARATOR}'."),
        "message": text_column("The outcome, the intervals compared, and the words behind them."),
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
