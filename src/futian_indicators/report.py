"""The consistency report: the checks table as people read it, in the terminal or in the docs."""

from __future__ import annotations

import math
import textwrap
from collections import Counter

import pandas as pd

from . import vocab
from .display import format_interval

STATUS_ORDER = vocab.CHECK_STATUSES_WORST_FIRST
"""Worst first: the order in which the report lists results."""


def _ordered(checks: pd.DataFrame) -> pd.DataFrame:
    rank = {status: i for i, status in enumerate(STATUS_ORDER)}
    order = checks["status"].map(rank)
    return checks.assign(_order=order).sort_values(["_order", "check_id"]).drop(columns="_order")


def counts(checks: pd.DataFrame) -> str:
    """One line: how many checks, by status, and how many errors failed."""
    by_status = Counter(checks["status"])
    parts = [f"{by_status.get(s, 0)} {s.replace('_', ' ')}" for s in STATUS_ORDER]
    errors = int(((checks["status"] == "fail") & (checks["severity"] == "error")).sum())
    return f"{len(checks)} checks: {', '.join(parts)}; {errors} error(s) failed"


def target_counts(targets: pd.DataFrame) -> str:
    """One line: how many targets, by outcome."""
    by_outcome = Counter(targets["outcome"])
    parts = [f"{by_outcome.get(o, 0)} {o.replace('_', ' ')}" for o in vocab.TARGET_OUTCOMES]
    return f"{len(targets)} targets and plans: {', '.join(parts)}"


def targets_text(targets: pd.DataFrame) -> str:
    """The targets for a terminal: each with its outcome, the actual compared and the words."""
    order = {o: i for i, o in enumerate(vocab.TARGET_OUTCOMES)}
    ranked = targets.assign(_o=targets["outcome"].map(order))
    blocks = []
    for row in ranked.sort_values(["_o", "target_figure_id"]).to_dict("records"):
        head = f"{row['outcome'].upper():<13} {row['target_figure_id']} ({row['period']})"
        body = textwrap.fill(row["message"], width=100, initial_indent="  ", subsequent_indent="  ")
        blocks.append(f"{head}\n{body}")
    return "\n\n".join([*blocks, target_counts(targets)])


def _interval(lower: float, upper: float) -> str:
    if math.isnan(lower) and math.isnan(upper):
        return "-"
    return format_interval(lower, upper, unit="")


def text(checks: pd.DataFrame) -> str:
    """The report for a terminal: worst first, each result with its words and intervals."""
    blocks = []
    for row in _ordered(checks).to_dict("records"):
        head = f"{row['status'].upper():<14} [{row['severity']}] {row['check_id']}"
        observed = _interval(row["observed_lower"], row["observed_upper"])
        expected = _interval(row["expected_lower"], row["expected_upper"])
        body = "\n".join(
            [
                f"  {row['label']}",
                f"  observed {observed}, expected {expected}",
                textwrap.fill(
                    row["message"], width=100, initial_indent="  ", subsequent_indent="  "
                ),
            ]
        )
        blocks.append(f"{head}\n{body}")
    return "\n\n".join([*blocks, counts(checks)])


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown(checks: pd.DataFrame, rules: pd.DataFrame, data_version: str) -> str:
    """The docs page: every rule, its label, note, and its current result(s)."""
    lines = [
        "# Consistency report",
        "",
        f"Generated from data version {data_version} by `futian-indicators check --markdown`;",
        "do not edit. The rules are in `data/raw/rules.yaml`; their format and meaning are in",
        "[rules.md](rules.md).",
        "",
        counts(checks) + ".",
        "",
        "| status | severity | check | what it asserts | result |",
        "|---|---|---|---|---|",
    ]
    for row in _ordered(checks).to_dict("records"):
        cells = (
            row["status"],
            row["severity"],
            f"`{row['check_id']}`",
            row["label"],
            row["message"],
        )
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", "## The rules", ""]
    for rule in rules.to_dict("records"):
        lines.append(f"- `{rule['rule_id']}` ({rule['kind']}, {rule['severity']}): {rule['label']}")
        for key in ("note", "guard"):  # guard: data versions before 2.0.0
            if isinstance(rule.get(key), str):
                lines.append(f"  {key.capitalize()}: {_cell(rule[key])}")
    return "\n".join(lines) + "\n"
