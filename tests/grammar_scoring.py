"""Score the finder of mentions on sentences with gold quantities: recall, precision, qualifiers.

A gold quantity is found when a mention of kind quantity or rank has the same unit and value
(relative tolerance 1e-9), each mention used once. Precision is the share of valued mentions
(quantity or rank with a value) that match a gold quantity; qualifier accuracy is the share of
found quantities whose qualifier is the gold one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from futian_indicators.language.mentions import extract_quantities

HELDOUT = Path(__file__).resolve().parent / "heldout" / "grammar.yaml"

Gold = tuple[float, str, str]
Case = tuple[str, str, list[Gold]]


@dataclass
class Score:
    """Counts of one construct (or of all)."""

    gold: int = 0
    found: int = 0
    valued: int = 0
    matched: int = 0
    qualifier_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.found += other.found
        self.valued += other.valued
        self.matched += other.matched
        self.qualifier_right += other.qualifier_right
        self.misses += other.misses

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.valued if self.valued else 1.0

    @property
    def qualifier(self) -> float:
        return self.qualifier_right / self.found if self.found else 1.0


def heldout_cases() -> list[Case]:
    """The held-out sentences as cases."""
    items = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))["items"]
    return [(i["c"], i["t"], [(float(v), u, q) for v, u, q in i["g"]]) for i in items]


def score_case(text: str, gold: list[Gold]) -> Score:
    """Score one sentence."""
    frame = extract_quantities(text)
    frame = frame[frame["kind"].isin(["quantity", "rank"]) & frame["value"].notna()]
    outputs = list(
        zip(frame["value"], frame["unit"], frame["qualifier"], frame["text"], strict=True)
    )
    used = [False] * len(outputs)
    score = Score(gold=len(gold), valued=len(outputs))
    for value, unit, qualifier in gold:
        for i, (v, u, q, _) in enumerate(outputs):
            if not used[i] and u == unit and math.isclose(v, value, rel_tol=1e-9, abs_tol=1e-12):
                used[i] = True
                score.found += 1
                score.qualifier_right += q == qualifier
                if q != qualifier:
                    score.misses.append(f"qualifier {text}: {v} {u} {q} (gold {qualifier})")
                break
        else:
            score.misses.append(f"missed {text}: {value} {unit} {qualifier}")
    score.matched = sum(used)
    score.misses += [
        f"wrong {text}: {t!r} -> {v} {u} {q}"
        for (v, u, q, t), was_used in zip(outputs, used, strict=True)
        if not was_used
    ]
    return score


def score(cases: Iterable[Case]) -> tuple[Score, dict[str, Score]]:
    """Score cases: the total and one score per construct."""
    total, by_construct = Score(), defaultdict(Score)
    for construct, text, gold in cases:
        s = score_case(text, gold)
        by_construct[construct].add(s)
        total.add(s)
    return total, dict(by_construct)


def report(cases: Iterable[Case]) -> str:
    """A table of recall, precision and qualifier accuracy per construct."""
    total, by_construct = score(cases)
    lines = [f"{'construct':<26}{'gold':>5}{'recall':>8}{'precision':>10}{'qualifier':>10}"]
    for name, s in [*sorted(by_construct.items()), ("all", total)]:
        lines.append(
            f"{name:<26}{s.gold:>5}{s.recall:>8.2f}{s.precision:>10.2f}{s.qualifier:>10.2f}"
        )
    return "\n".join(lines)
