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
    # kind: (required keys, optional keys) besides rule_id, kind, label, severity, note
    "agreement": ((), ("figures", "indicator", "geo", "status")),
    "monotone": ((), ("figures", "indicator", "geo", "status")),
    "identity": (("terms", "left", "right"), ("as_stated",)),
    "bound": (("terms", "left", "right"), ("as_stated",)),
    "derivation": (("terms", "derive"), ()),
}
_COMMON = ("rule_id", "kind", "label", "severity", "note")
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

    def figure_ids(self) -> set[str]:
        """Every figure id the rule names (terms, figures)."""
        d = self.definition
        return set(d.get("figures") or []) | set((d.get("terms") or {}).values())

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
    stated = d.get("as_stated") or []
    if not isinstance(stated, list) or set(stated) - set(d.get("terms") or {}):
        problems.append(f"as_stated is {stated!r}; expected a list of names that terms names")
    if kind == "derivation" and d.get("derive"):
        problems += _problems_of_derive(d["derive"], d.get("terms") or {})
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
    if kind == "derivation":  # a derivation tests nothing: no severity to state
        data = {"severity": "info", **data}
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


def _as_now(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A rule as stored by a data version before 2.0.0, in today's kinds.

    Those versions guarded rules that did not apply and kept target rules among the checks; a
    guarded rule or a target rule is not a check now (targets have their own table), and an
    identity that derived a figure is a derivation (and, if it also compared, an identity).
    """
    if data.pop("guard", None) or data["kind"] == "target":
        derive = data.get("derive")
        return [_derivation_of(data)] if derive else []
    if data["kind"] == "identity" and data.get("derive"):
        compare = {k: v for k, v in data.items() if k != "derive"}
        return [_derivation_of(data), *([compare] if "left" in data else [])]
    return [data]


def _derivation_of(data: Mapping[str, Any]) -> dict[str, Any]:
    keep = ("rule_id", "label", "severity", "note", "terms", "derive")
    return {k: data[k] for k in keep if k in data} | {"kind": "derivation"}


def rules_from_table(table: pd.DataFrame) -> list[Rule]:
    """The rules as the ``rules`` table stores them (one JSON definition per rule).

    A table of a data version before 2.0.0 is read in today's kinds (see :func:`_as_now`).
    """
    rules = []
    for row in table.to_dict("records"):
        data = {
            **json.loads(row["definition"]),
            "rule_id": row["rule_id"],
            "kind": row["kind"],
            "label": row["label"],
            "severity": row["severity"],
            **({"note": row["note"]} if isinstance(row["note"], str) else {}),
            **({"guard": row["guard"]} if isinstance(row.get("guard"), str) else {}),
        }
        rules += [parse_rule(d) for d in _as_now(data)]
    return rules


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
        }
        for r in rules
    ]
