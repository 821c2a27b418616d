"""Throughput of the finder of mentions (extract_quantities) against a bare scan for digits.

The text is the five normalised letters, joined and repeated to about ``--chars`` characters
(default 1,000,000). It is timed twice:

- repeated text: as it is, so the same words come back every 12,000 characters or so (the
  finder reads each distinct quantity once per call and reuses its reading);
- distinct text: the same text with every quantity and rank that has Arabic digits (``3个``,
  ``超1100亿元``, ``第3``, ``3560-3570亿元``) rewritten so that no two are the same words:
  each integer part gets the same prefix of fixed width, a running count per words
  (``3个``, ``3个`` -> ``10013个``, ``10023个``), so its decimals, trailing zeros (its
  precision), unit and qualifier stay as they were. The script checks that the rewritten text
  has the same mentions in the same order, of the same kinds, units and qualifiers, and that
  every measure with Arabic digits is different words; the other numbers (dates, document
  numbers, ordinals, codes) keep their digits, since their kind depends on them and they are
  never read. Measures in Chinese numerals (七成, 第一: about one measure in six) are left as
  they are.

Both are timed on the same text, side by side in one process:

- ``extract_quantities(text)``: every mention, classified and read, as a data frame;
- ``list(re.finditer(r"\\d+(?:\\.\\d+)?", text))``: a bare scan that finds digits and nothing
  else (the floor any extractor of Arabic numbers has to pay).

Prints characters per second for both and their ratio (goal: at least 0.1), from the best and
the median of ``--repeat`` rounds, and the median of the rounds' own ratios: each round times
the finder between two scans, so a moment when the machine is busy or slow weighs on both.

    PYTHONPATH=src python benchmarks/extraction.py [--chars 1000000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from futian_indicators import extract_quantities
from futian_indicators.language.mentions import MEASURE_KINDS
from futian_indicators.language.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent
DIGITS = re.compile(r"\d+(?:\.\d+)?")
INTEGER_PART = re.compile(r"(?<![\d.．,])\d+")


def corpus(chars: int) -> str:
    letters = sorted((ROOT / "data" / "raw" / "letters").glob("*.txt"))
    text = "".join(normalise(p.read_text(encoding="utf-8")).text for p in letters)
    return (text * (chars // len(text) + 1))[:chars]


def _arabic_measures(frame: pd.DataFrame) -> pd.DataFrame:
    """The measures of a mentions table that the grammar read and that have Arabic digits."""
    read = frame["kind"].isin(MEASURE_KINDS) & frame["value"].notna()
    return frame[read & frame["text"].str.contains(r"\d", regex=True)]


def distinct(text: str) -> str:
    """The text with every measure that has Arabic digits rewritten into different words.

    Each integer part of the n-th mention of some words gets the prefix ``10**(w-1) + n``, w
    digits wide for all (so two rewritten mentions are the same words only where their prefix
    and their words are the same); the rest of the text is unchanged.
    """
    measures = _arabic_measures(extract_quantities(text))
    width = len(str(measures["text"].value_counts().max())) + 1
    seen: Counter[str] = Counter()
    pieces, last = [], 0
    rows = zip(measures["start"], measures["end"], measures["text"], strict=True)
    for start, end, words in rows:
        seen[words] += 1
        prefix = str(10 ** (width - 1) + seen[words])
        pieces += [text[last:start], INTEGER_PART.sub(rf"{prefix}\g<0>", words)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def check_distinct(text: str, rewritten: str) -> str:
    """Check the rewritten text against the text; say how many measures differ in words."""
    before, after = extract_quantities(text), extract_quantities(rewritten)
    same = ["kind", "unit", "qualifier"]
    if len(before) != len(after) or not before[same].fillna("").equals(after[same].fillna("")):
        raise SystemExit("the distinct text does not have the mentions of the repeated text")
    if not before["value"].isna().equals(after["value"].isna()):
        raise SystemExit("the distinct text does not have the readings of the repeated text")
    measures = _arabic_measures(after)["text"]
    if measures.nunique() != len(measures):
        raise SystemExit("two measures of the distinct text are the same words")
    return (
        f"the mentions of the repeated text (same kinds, units, qualifiers), with its "
        f"{len(measures):,} measures in Arabic digits all different words\n  (in the repeated "
        f"text: {_arabic_measures(before)['text'].nunique():,} different words)"
    )


def _timed(call: Callable[[], object]) -> tuple[float, int]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, len(result)  # type: ignore[arg-type]


def measure(label: str, text: str, repeat: int, note: str) -> None:
    """Time both on one text, side by side, and print their throughput and ratio.

    Each round times the scan, the finder, and the scan again; the round's ratio is the mean of
    its two scans over the finder, so that a machine that is busier or slower for a moment
    slows both sides of the ratio. Printed: the best and median times of each, their ratios,
    and the median and range of the rounds' ratios (the figure least moved by the machine).
    """
    extract_quantities(text[:10_000])  # warm the grammar's caches of compiled expressions
    scan: Callable[[], object] = lambda: list(DIGITS.finditer(text))  # noqa: E731
    find: Callable[[], object] = lambda: extract_quantities(text)  # noqa: E731
    times: dict[str, list[float]] = {"extract_quantities": [], "bare digit scan": []}
    found: dict[str, int] = {}
    rounds: list[float] = []
    for _ in range(repeat):
        before, found["bare digit scan"] = _timed(scan)
        spent, found["extract_quantities"] = _timed(find)
        after, _ = _timed(scan)
        times["extract_quantities"].append(spent)
        times["bare digit scan"] += [before, after]
        rounds.append((before + after) / 2 / spent)
    n = len(text)
    print(f"{label} text: {n:,} characters: {note}")
    for name, all_times in times.items():
        best, median = min(all_times), statistics.median(all_times)
        print(
            f"{name:<18}: best {best:.4f} s, median {median:.4f} s, "
            f"{n / best:,.0f} chars/s (best), {found[name]:,} found"
        )
    best = min(times["bare digit scan"]) / min(times["extract_quantities"])
    median = statistics.median(times["bare digit scan"]) / statistics.median(
        times["extract_quantities"]
    )
    print(
        f"throughput ratio extract / scan: {best:.3f} best, {median:.3f} median; by round "
        f"{statistics.median(rounds):.3f} median ({min(rounds):.3f} to {max(rounds):.3f}) "
        "(goal >= 0.1)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    text = corpus(args.chars)
    measure("repeated", text, args.repeat, "the five letters, normalised, repeated")
    rewritten = distinct(text)
    measure("distinct", rewritten, args.repeat, check_distinct(text, rewritten))


if __name__ == "__main__":
    main()
