"""Leave one letter out: how much of a letter's curated annotation does the draft recover?

For each of the letters, draft it (futian_indicators.drafting.draft_figures) with a codebook made
only of the indicators the *other* letters' curated figures use, and compare the draft with the
letter's curated figures with the scorer of draft_scores.py: found (same place and value),
period, status, area, the indicator of the curated figures whose indicator is in that codebook,
a new indicator proposed for those whose indicator only the left-out letter uses, and false
figures (draft figures on numbers that are no curated figure). A number that is the quantity of
several curated figures (深圳第一 is the rank of five indicators) gets one draft figure, so at
most one of them can have the right indicator.

The aliases of the codebook were written with all five letters in view, so a word only the
left-out letter uses may still be an alias of a shared indicator; the second table also drops
every alias and every cue that does not occur in the other letters (strict). The third drafts
each letter with the full codebook (its own indicators included): the ceiling the rules reach
when the codebook knows every indicator.

    PYTHONPATH=src python benchmarks/leave_one_out.py [--root PATH]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from draft_scores import Gold, Score, gold_of, score, table

from futian_indicators.drafting import CodebookEntry, draft_figures
from futian_indicators.drafting.heading import read_heading
from futian_indicators.language.normalise import NormalisedText, normalise
from futian_indicators.raw.records import RawData, read_raw

ROOT = Path(__file__).resolve().parent.parent


def codebook(
    raw: RawData, indicator_ids: set[str], seen_in: Sequence[str] | None = None
) -> list[CodebookEntry]:
    """The codebook's entries for ``indicator_ids``; with ``seen_in``, only the aliases that
    occur in one of those texts (an entry left with none is dropped)."""
    entries = []
    for i in raw.indicators:
        if i.indicator_id not in indicator_ids:
            continue
        entry = CodebookEntry.of(i)  # the words the drafter looks for: names, synonyms, cues
        aliases, cues = entry.aliases_zh, entry.cues_zh
        if seen_in is not None:
            aliases = tuple(a for a in aliases if any(_occurs(a, text) for text in seen_in))
            cues = tuple(c for c in cues if any(_occurs(c, text) for text in seen_in))
        if aliases:
            entries.append(replace(entry, aliases_zh=aliases, cues_zh=cues))
    return entries


def _occurs(alias: str, text: str) -> bool:
    parts = [p for p in alias.split("…") if p]
    return all(p in text for p in parts)


def gold(raw: RawData, source_id: str, letter: NormalisedText) -> list[Gold]:
    """The curated figures of a letter as gold figures."""
    return gold_of(letter, (f for f in raw.figures if f.source_id == source_id))


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
        found = gold(raw, source.source_id, letter)
        scores[source.source_id] = score(found, draft, {e.indicator_id for e in book})
    return scores


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
