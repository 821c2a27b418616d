"""Keep a draft's label bases to what the build will verify.

The drafter proposes, for each label, the basis it read (the quote's words, other words of the
letter, or a convention). The build checks every basis with the package's word readers
(:mod:`futian_indicators.language.labels`) and the three conventions; a draft must build as it
stands, so a basis the build would refuse becomes ``judgement`` here, its evidence dropped:
the draft's note (``draft: ...``) says what the drafter read, which is the judgement's reason
until a curator replaces it.

Examples
--------
>>> import datetime as dt
>>> labels = (("geo_basis", "quote"), ("period_basis", "quote"), ("status_basis", "convention"))
>>> checked = verified_labels(
...     labels, "2024年实现地区生产总值5948.82亿元", period="2024", geo="futian",
...     status="actual", letter_date=dt.date(2025, 1, 2), measure="flow",
... )
>>> dict(checked)["period_basis"], dict(checked)["geo_basis"]
('quote', 'judgement')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .. import vocab
from ..language.labels import EVIDENCE_JOINER, convention_allows, label_readings

__all__ = ["verified_labels"]


def _words(value: Any) -> str:
    """The words of one label's evidence, joined as the build joins them before reading."""
    if isinstance(value, dict):
        return str(value["words"])
    if isinstance(value, list | tuple):
        return EVIDENCE_JOINER.join(_words(v) for v in value)
    return str(value)


def _gives(label: str, words: str, value: str, date: dt.date | None, measure: str) -> bool:
    return value in label_readings(label, words, letter_date=date, measure=measure)


def verified_labels(
    labels: Sequence[tuple[str, Any]],
    quote: str,
    *,
    period: str,
    geo: str,
    status: str,
    letter_date: dt.date | None,
    measure: str,
) -> tuple[tuple[str, Any], ...]:
    """The label bases and evidence, each basis the build would refuse made ``judgement``."""
    values = {"period": period, "geo": geo, "status": status}
    given = dict(labels)
    evidence = dict(given.get("evidence") or {})
    out: dict[str, Any] = {}
    for label in vocab.LABELS:
        basis = given.get(f"{label}_basis", "judgement")
        value = values[label]
        if basis == "quote":
            ok = _gives(label, quote, value, letter_date, measure)
        elif basis == "context":
            ok = label in evidence and _gives(
                label, _words(evidence[label]), value, letter_date, measure
            )
        elif basis == "convention":
            ok = convention_allows(label, value, letter_date)
        else:
            ok = True
        if not ok:
            basis = "judgement"
        if basis != "context":
            evidence.pop(label, None)
        out[f"{label}_basis"] = basis
    ordered: list[tuple[str, Any]] = [
        (k, out[k]) for k in ("geo_basis", "period_basis", "status_basis")
    ]
    if evidence:
        ordered.append(("evidence", evidence))
    return tuple(ordered)
