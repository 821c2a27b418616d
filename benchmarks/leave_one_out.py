"""Leave one letter out: how much of a letter's curated annotation does the draft recover?

For each of the letters, draft it (futian_indicators.drafting.draft_figures) with a codebook made
only of the indicators the *other* letters' curated figures use, and compare the draft with the
letter's curated figures:

- found: a draft figure's quantity overlaps the curated figure's quantity (same number);
- indicator, period, status: that draft figure has the curated indicator, period, status;
- all three: indicator, period and status all right.

Shares are of the curated figures. A number that is the quantity of several curated figures
(深圳第一 is the rank of five indicators) gets one draft figure, so at most one of them can have
the right indicator. "draft" counts the draft figures; "not placed" the numbers the draft
could not give an indicator.

The aliases of the codebook were written with all five letters in view, so a word only the
left-out letter uses may still be an alias of a shared indicator; the second table also drops
every alias that does not occur in the other letters (strict). The third drafts each letter
with the full codebook (its own indicators included): the ceiling the rules reach when the
codebook knows every indicator.

    PYTHONPATH=src python benchmarks/leave_one_out.py [--root PATH]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from futian_indicators.drafting import CodebookEntry, Draft, DraftFigure, draft_figures
from futian_indicators.drafting.heading import read_heading
from futian_indicators.language.normalise import NormalisedText, locate, normalise
from futian_indicators.raw.records import FigureRecord, RawData, read_raw

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Score:
    curated: int = 0
    found: int = 0
    indicator: int = 0
    period: int = 0
    status: int = 0
    all_three: int = 0
    drafted: int = 0
    not_placed: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def codebook(
    raw: RawData, indicator_ids: set[str], seen_in: Sequence[str] | None = None
) -> list[CodebookEntry]:
    """The codebook's entries for ``indicator_ids``; with ``seen_in``, only the aliases that
    occur in one of those texts (an entry left with none is dropped)."""
    entries = []
    for i in raw.indicators:
        if i.indicator_id not in indicator_ids:
            continue
        aliases = i.aliases_zh
        if seen_in is not None:
            aliases = tuple(a for a in aliases if any(_occurs(a, text) for text in seen_in))
        if aliases:
            entries.append(replace(CodebookEntry.of(i), aliases_zh=aliases))
    return entries


def _occurs(alias: str, text: str) -> bool:
    parts = [p for p in alias.split("…") if p]
    return all(p in text for p in parts)


def _match(
    figure: FigureRecord, letter: NormalisedText, drafts: Sequence[DraftFigure]
) -> DraftFigure | None:
    start, end = locate(letter, figure.quote, figure.quantity).part
    return next((d for d in drafts if d.start < end and start < d.end), None)


def score(raw: RawData, source_id: str, draft: Draft, letter: NormalisedText) -> Score:
    s = Score(drafted=len(draft.figures), not_placed=len(draft.not_placed))
    for figure in (f for f in raw.figures if f.source_id == source_id):
        s.curated += 1
        d = _match(figure, letter, draft.figures)
        if d is None:
            continue
        s.found += 1
        right = (d.indicator == figure.indicator, d.period == figure.period,
                 d.status == figure.status)  # fmt: skip
        s.indicator += right[0]
        s.period += right[1]
        s.status += right[2]
        s.all_three += all(right)
    return s


def run(raw: RawData, *, leave_out: bool, strict: bool = False) -> dict[str, Score]:
    """Draft every letter; score it against its curated figures."""
    scores = {}
    texts = {s.source_id: normalise(s.text).text for s in raw.sources}
    for source in sorted(raw.sources, key=lambda s: s.source_id):
        others = {f.indicator for f in raw.figures if f.source_id != source.source_id}
        ids = others if leave_out else {i.indicator_id for i in raw.indicators}
        seen_in = [t for s, t in texts.items() if s != source.source_id] if strict else None
        letter = normalise(source.text)
        book = codebook(raw, ids, seen_in)
        draft = draft_figures(letter, source.source_id, book, read_heading(letter.text))
        scores[source.source_id] = score(raw, source.source_id, draft, letter)
    return scores


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%} ({part})" if whole else "n/a"


def table(scores: dict[str, Score]) -> str:
    total = Score()
    for s in scores.values():
        total.add(s)
    header = ["letter", "curated", "found", "indicator", "period", "status", "all three",
              "draft", "not placed"]  # fmt: skip
    rows = []
    for name, s in [*scores.items(), ("overall", total)]:
        rows.append(
            [name, str(s.curated), _share(s.found, s.curated), _share(s.indicator, s.curated),
             _share(s.period, s.curated), _share(s.status, s.curated),
             _share(s.all_three, s.curated), str(s.drafted), str(s.not_placed)]
        )  # fmt: skip
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines.append(
        f"\nOf the {total.found} curated figures found, the draft has the right indicator for "
        f"{_share(total.indicator, total.found)}, period {_share(total.period, total.found)}, "
        f"status {_share(total.status, total.found)}."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    raw = read_raw(args.root / "data" / "raw")
    print("Leave one letter out (codebook: the indicators of the other letters' figures)\n")
    print(table(run(raw, leave_out=True)))
    print(
        "\nLeave one letter out, strict (and only the aliases that occur in the other letters: "
        "the codebook's aliases were written with every letter in view)\n"
    )
    print(table(run(raw, leave_out=True, strict=True)))
    print("\nIn sample (codebook: every indicator, the letter's own included)\n")
    print(table(run(raw, leave_out=False)))


if __name__ == "__main__":
    main()
