"""Held-out letters: how well does the draft read letters written apart from the five?

Drafts each letter of ``tests/heldout/letters/`` (invented letters in the genre, with gold
annotation written before the drafter was tuned on or run on them; README.md there) with the
full codebook (``data/raw/indicators.yaml``) and scores it against the gold per field
(draft_scores.py): found, period, status, area, indicator for the gold figures whose concept is
in the codebook, new indicators proposed for those whose concept is not (``new:<id>`` in the
gold), and false figures (draft figures on numbers that are no gold figure). The drafter is
never tuned on these letters: a change that raises these scores is measured here, not made here.

    PYTHONPATH=src python benchmarks/heldout_letters.py [--root PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml
from draft_scores import Gold, Score, gold_of, score, table

from futian_indicators.drafting import draft_figures, read_codebook
from futian_indicators.drafting.heading import read_heading
from futian_indicators.language.normalise import NormalisedText, normalise

ROOT = Path(__file__).resolve().parent.parent


def gold_figures(path: Path, letter: NormalisedText) -> list[Gold]:
    """The gold figures of a held-out letter, located in its normalised text."""
    return gold_of(letter, yaml.safe_load(path.read_text(encoding="utf-8"))["figures"])


def run(root: Path) -> dict[str, Score]:
    """Draft every held-out letter with the full codebook; score it against its gold."""
    book = read_codebook(root / "data" / "raw")
    ids = {e.indicator_id for e in book}
    scores = {}
    for txt in sorted((root / "tests" / "heldout" / "letters").glob("*.txt")):
        letter = normalise(txt.read_text(encoding="utf-8"))
        draft = draft_figures(letter, txt.stem, book, read_heading(letter.text))
        scores[txt.stem] = score(gold_figures(txt.with_suffix(".yaml"), letter), draft, ids)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    print("Held-out letters (codebook: data/raw/indicators.yaml)\n")
    print(table(run(args.root)))


if __name__ == "__main__":
    main()
