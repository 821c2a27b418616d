"""Consistency rules: their records, their validation, and how the ``rules`` table stores them.

A rule (``data/raw/rules.yaml``, format in ``docs/rules.md``) joins figures and says how they
relate; :func:`parse_rule` checks one as written and lists every problem at once. The engine
(:mod:`futian_indicators.consistency.engine`) evaluates the rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import vocab
from ..core import expression
from ..core.period import parse_period
from ..errors import CurationError

KINDS = vocab.RULE_KINDS
SEVERITIES = vocab.SEVERITIES
DERIVED_PREFIX = "derived/"
"""A derived figure's id is this prefix and its rule's ``derive.slug``."""

_KEYS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (required keys, optional keys) besides rule_id, kind, label, severity, note, guard
    "agreement": ((), ("figures", "indicator", "geo", "status")),
    "monotone": ((), ("figures", "indicator", "geo", "status")),
    "identity": (("terms",), ("left", "right", "derive")),
    "bound": (("terms", "left", "right"), ()),
    "target": ((), ("target", "actual", "terms", "left", "right")),
}
_COMMON = ("rule_id", "kind", "label", "severity", "note", "guard")
_DERIVE_KEYS = ("slug", "indicator", "geo", "period", "expression")


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule, validated. ``definition`` keeps the kind-specific keys as written."""

    rule_id: str
    kind: str
    label: str
    severity: str
    definition: Mapping[str, Any]
    note: str | None = None
    guard: str | None = None

    def figure_ids(self) -> set[str]:
        """Every figure id the rule names (terms, figures, target, actual)."""
        d = self.definition
        named = set(d.get("figures") or []) | set((d.get("terms") or {}).values())
        return named | {d[k] for k in ("target", "actual") if d.get(k)}

    def derived_id(self) -> str | None:
        """The id of the figure this rule derives, if it derives one."""
        derive = self.definition.get("derive")
        return f"{DERIVED_PREFIX}{derive['slug']}" if derive else None


def _problems_of_terms(d: Mapping[str, Any]) -> list[str]:
    problems = []
    terms = d.get("terms") or {}
    if not isinstance(terms, dict) or not all(isinstance(v, str) for v in terms.values()):
        return [f"terms is {terms!r}; expected a mapping of names to figure ids"]
    for key in ("left", "right"):
        if key in d:
            try:
                unknown = expression.names(expression.parse(str(d[key]))) - set(terms)
            except CurationError as exc:
                problems.append(f"{key}: {exc}")
                continue
            if unknown:
                problems.append(f"{key} uses {sorted(unknown)} which terms does not name")
    return problems


def _problems_of_derive(derive: Any, terms: Mapping[str, str]) -> list[str]:
    if not isinstance(derive, dict) or set(derive) != set(_DERIVE_KEYS):
        return [f"derive is {derive!r}; expected the keys {', '.join(_DERIVE_KEYS)}"]
    problems = []
    try:
        parse_period(str(derive["period"]))
        unknown = expression.names(expression.parse(str(derive["expression"]))) - set(terms)
        if unknown:
            problems.append(f"derive.expression uses {sorted(unknown)} which terms does not name")
    except CurationError as exc:
        problems.append(f"derive: {exc}")
    if derive["geo"] not in vocab.GEOS:
        problems.append(f"derive.geo {derive['geo']!r} is not one of {', '.join(vocab.GEOS)}")
    return problems


def _problems_of_kind(kind: str, d: Mapping[str, Any]) -> list[str]:
    if kind in ("agreement", "monotone"):
        if not d.get("figures") and not d.get("indicator"):
            return ["needs figures (a list of ids) or a selection (indicator, geo, status)"]
        return []
    problems = _problems_of_terms(d) if "terms" in d else []
    if kind == "identity" and not d.get("derive") and not ("left" in d and "right" in d):
        problems.append("an identity needs left and right, or derive, or both")
    if kind == "identity" and d.get("derive"):
        problems += _problems_of_derive(d["derive"], d.get("terms") or {})
    if kind == "target" and not (("target" in d and "actual" in d) or "terms" in d):
        problems.append("a target rule needs target and actual (figure ids), or terms/left/right")
    return problems


def parse_rule(data: Mapping[str, Any]) -> Rule:
    """Validate one rule as written in rules.yaml (or stored in the rules table).

    Raises
    ------
    CurationError
        Listing every problem of the rule: unknown keys, kind, severity, expressions.
    """
    problems = []
    kind = data.get("kind")
    if kind not in KINDS:
        problems.append(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        required, optional = (), ()  # type: tuple[str, ...], tuple[str, ...]
    else:
        required, optional = _KEYS[kind]
    allowed = set(_COMMON) | set(required) | set(optional)
    problems += [f"unknown key {k!r} for a {kind} rule" for k in data if k not in allowed]
    problems += [
        f"missing key {k!r}" for k in ("rule_id", "label", "severity", *required) if not data.get(k)
    ]
    if data.get("severity") not in SEVERITIES:
        problems.append(f"severity {data.get('severity')!r} is not one of {', '.join(SEVERITIES)}")
    definition = {k: v for k, v in data.items() if k not in _COMMON}
    if isinstance(definition.get("terms"), dict):  # one order, however the rule is stored
        definition["terms"] = dict(sorted(definition["terms"].items()))
    if kind in KINDS:
        problems += _problems_of_kind(str(kind), definition)
    if problems:
        raise CurationError(f"rule {data.get('rule_id')!r}: " + "; ".join(problems))
    return Rule(
        rule_id=str(data["rule_id"]),
        kind=str(kind),
        label=str(data["label"]),
        severity=str(data["severity"]),
        definition=definition,
        note=data.get("note"),
        guard=data.get("guard"),
    )


def missing_figures(rules: Sequence[Rule], figure_ids: Iterable[str]) -> list[tuple[Rule, str]]:
    """Every figure id a rule names that is neither a figure nor derived by an earlier rule."""
    known = set(figure_ids)
    problems: list[tuple[Rule, str]] = []
    for rule in rules:
        for figure_id in sorted(rule.figure_ids() - known):
            later = (
                " (it is derived by a later rule: move this rule after it)"
                if any(r.derived_id() == figure_id for r in rules)
                else ""
            )
            message = (
                f"rule {rule.rule_id!r} names figure {figure_id!r}, which does not exist{later}"
            )
            problems.append((rule, message))
        if rule.derived_id():
            known.add(str(rule.derived_id()))
    return problems


def rules_from_table(table: pd.DataFrame) -> list[Rule]:
    """The rules as the ``rules`` table stores them (one JSON definition per rule)."""
    return [
        parse_rule(
            {
                **json.loads(row["definition"]),
                "rule_id": row["rule_id"],
                "kind": row["kind"],
                "label": row["label"],
                "severity": row["severity"],
                **({"note": row["note"]} if isinstance(row["note"], str) else {}),
                **({"guard": row["guard"]} if isinstance(row["guard"], str) else {}),
            }
        )
        for row in table.to_dict("records")
    ]


def rules_table_rows(rules: Sequence[Rule]) -> list[dict[str, Any]]:
    """Rows of the ``rules`` table: each rule with its kind-specific definition as JSON."""
    return [
        {
            "rule_id": r.rule_id,
            "kind": r.kind,
            "severity": r.severity,
            "label": r.label,
            "definition": json.dumps(r.definition, ensure_ascii=False, sort_keys=True),
            "note": r.note,
            "guard": r.guard,
        }
        for r in rules
    ]
