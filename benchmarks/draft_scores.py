"""The scorer shared by the draft-quality benchmarks (leave_one_out.py, heldout_letters.py).

A gold figure (curated, or written with a held-out letter) is *found* when a draft figure's
quantity has the same place in the normalised letter and the same value. Of the gold figures
found, each label is right when the draft's label equals the gold's: period, status, area (geo).
The indicator is scored apart for the two kinds of gold figure:

- codebook: the gold indicator is in the codebook the letter was drafted with; right when the
  draft has that id;
- new: the gold concept is not in that codebook (held-out ``new:<id>``, or in leave-one-out an
  indicator only the left-out letter uses); right when the draft proposes a new indicator
  instead of forcing a codebook id.

Shares are of all gold figures of the kind (found or not). *False figures* are draft figures
whose quantity is no gold figure's: numbers the gold lists as not figures, or none at all.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from futian_indicators.drafting import Draft
from futian_indicators.language.normalise import NormalisedText, locate

NEW = "new:"
"""How a draft (and the held-out gold) names an indicator the codebook does not have."""


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold figure: where its quantity is, its value and its labels."""

    start: int
    end: int
    value: float
    indicator: str
    period: str
    status: str
    geo: str


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    period: int = 0
    status: int = 0
    geo: int = 0
    codebook: int = 0
    codebook_right: int = 0
    new: int = 0
    new_proposed: int = 0
    drafted: int = 0
    false: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def gold_of(letter: NormalisedText, figures: Iterable[Any]) -> list[Gold]:
    """Gold figures located in the normalised letter, from records with the figure keys
    (``quote``, ``quantity``, ``value``, ``indicator``, ``period``, ``status``, ``geo``) as
    attributes or as mapping keys."""
    out = []
    for f in figures:
        get = f.get if isinstance(f, Mapping) else lambda key, f=f: getattr(f, key)
        start, end = locate(letter, get("quote"), get("quantity")).part
        out.append(
            Gold(start, end, float(get("value")), get("indicator"), str(get("period")),
                 get("status"), get("geo"))
        )  # fmt: skip
    return out


def score(gold: Sequence[Gold], draft: Draft, codebook_ids: Iterable[str]) -> Score:
    """Score one letter's draft against its gold figures (see the module docs)."""
    known = set(codebook_ids)
    by_place = {(d.start, d.end): d for d in draft.figures}
    s = Score(gold=len(gold), drafted=len(draft.figures))
    for g in gold:
        in_book = g.indicator in known
        s.codebook += in_book
        s.new += not in_book
        d = by_place.get((g.start, g.end))
        if d is None or not math.isclose(d.value, g.value, rel_tol=1e-9):
            continue
        s.found += 1
        s.period += d.period == g.period
        s.status += d.status == g.status
        s.geo += d.geo == g.geo
        if in_book:
            s.codebook_right += d.indicator == g.indicator
        else:
            s.new_proposed += d.indicator.startswith(NEW)
    places = {(g.start, g.end) for g in gold}
    s.false = sum(place not in places for place in by_place)
    return s


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%} ({part})" if whole else "n/a"


_HEADER = ["letter", "gold", "found", "period", "status", "area", "indicator (codebook)",
           "new proposed", "draft", "false figures"]  # fmt: skip


def table(scores: Mapping[str, Score]) -> str:
    """The scores as a Markdown table, a row a letter and one overall."""
    total = Score()
    for s in scores.values():
        total.add(s)
    rows = []
    for name, s in [*scores.items(), ("overall", total)]:
        rows.append(
            [name, str(s.gold), _share(s.found, s.gold), _share(s.period, s.gold),
             _share(s.status, s.gold), _share(s.geo, s.gold),
             _share(s.codebook_right, s.codebook), _share(s.new_proposed, s.new),
             str(s.drafted), str(s.false)]
        )  # fmt: skip
    lines = ["| " + " | ".join(_HEADER) + " |", "|" + "---|" * len(_HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    per_letter = total.false / len(scores) if scores else 0.0
    lines.append(
        f"\nOf the {total.found} gold figures found: period right for "
        f"{_share(total.period, total.found)}, status {_share(total.status, total.found)}, "
        f"area {_share(total.geo, total.found)}. False figures: {per_letter:.1f} a letter."
    )
    return "\n".join(lines)
