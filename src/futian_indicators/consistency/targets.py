"""Targets: each target or plan figure against the latest comparable actual.

Progress toward a target is not consistency: a target not yet met is no disagreement between
letters. Each target or plan figure gets one row of the ``targets`` table, with an outcome of
:data:`~futian_indicators.vocab.TARGET_OUTCOMES`:

- ``met``: every value the actual's strict reading allows reaches the threshold;
- ``possibly_met``: some value of its strict or lenient reading does;
- ``not_yet_met``: none does, and the actual is of an earlier period than the target's;
- ``missed``: none does, and the actual is of the target's own period (or ends with it);
- ``no_actual``: no letter reports a comparable actual.

The threshold is the lower end of the target's strict interval (a target is a level to reach:
超1100亿元 asks for more than 1100, 3.0% for at least 2.95). The comparable actual is the figure of
the same indicator and area with status ``actual`` whose period ends latest, not after the
target's; only where no actual exists is a derived figure used, and the row says so. Figures
flagged doubtful are not compared.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from .. import vocab
from ..core.interval import Interval
from .figure import Figure, cite, describe, sources


def _comparable(target: Figure, candidates: Iterable[Figure]) -> Figure | None:
    usable = [f for f in candidates if not f.doubtful and f.period_end <= target.period_end]
    for status in ("actual", "derived"):
        of_status = [f for f in usable if f.status == status]
        if of_status:
            return max(of_status, key=lambda f: (f.period_end, f.figure_id))
    return None


def outcome(target: Figure, actual: Figure | None) -> str:
    """The outcome of one target against its comparable actual (see the module's docs)."""
    if actual is None:
        return "no_actual"
    goal, goal_l = target.strict, target.lenient
    if actual.strict.surely_reaches(goal.lower, inclusive=goal.lower_closed):
        return "met"
    maybe = actual.strict.may_reach(goal.lower, inclusive=goal.lower_closed) or (
        actual.lenient.may_reach(goal_l.lower, inclusive=goal_l.lower_closed)
    )
    if maybe:
        return "possibly_met"
    return "missed" if actual.period_end >= target.period_end else "not_yet_met"


_SAID = {
    "met": "met",
    "possibly_met": "possibly met (only under some reading of the words)",
    "not_yet_met": "not yet met",
    "missed": "missed (the actual is of the target's own period)",
}


def _row(target: Figure, actual: Figure | None) -> dict[str, Any]:
    nan = math.nan
    result = outcome(target, actual)
    threshold = float(target.strict.lower)
    if actual is None:
        message = f"no comparable actual in the letters; target {cite([target])}"
        gap = (nan, nan)
    else:
        ahead = actual.strict - Interval.point(target.strict.lower)
        gap = (float(ahead.lower), float(ahead.upper))
        estimate = " (a derived figure: no letter states an actual)" * (actual.status == "derived")
        message = (
            f"{_SAID[result]}: actual {describe(actual.strict)} of {actual.period}{estimate} "
            f"against the threshold {'≥' if target.strict.lower_closed else '>'} "
            f"{threshold:,.6g} of {target.period}; {cite([target, actual])}"
        )
    return {
        "target_figure_id": target.figure_id,
        "indicator_id": target.indicator_id,
        "geo": target.geo,
        "status": target.status,
        "period": target.period,
        "threshold": threshold,
        "threshold_inclusive": bool(target.strict.lower_closed),
        "actual_figure_id": actual.figure_id if actual else None,
        "actual_status": actual.status if actual else None,
        "actual_period": actual.period if actual else None,
        "actual_lower": float(actual.strict.lower) if actual else nan,
        "actual_upper": float(actual.strict.upper) if actual else nan,
        "outcome": result,
        "gap_lower": gap[0],
        "gap_upper": gap[1],
        "source_ids": sources([target, *([actual] if actual else [])]),
        "message": message,
    }


def target_rows(figures: Mapping[str, Figure]) -> list[dict[str, Any]]:
    """One row per target or plan figure, against its latest comparable actual."""
    by_key: dict[tuple[str, str], list[Figure]] = {}
    targets = []
    for f in figures.values():
        if f.status in vocab.TARGET_STATUSES:
            targets.append(f)
        elif f.status in ("actual", "derived"):
            by_key.setdefault((f.indicator_id, f.geo), []).append(f)
    return [
        _row(t, _comparable(t, by_key.get((t.indicator_id, t.geo), [])))
        for t in sorted(targets, key=lambda f: f.figure_id)
    ]
