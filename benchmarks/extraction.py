"""Throughput of the finder of mentions (extract_quantities) against a bare scan for digits.

The text is the five normalised letters, joined and repeated to about ``--chars`` characters
(default 1,000,000), once as it is (repeated text: the grammar's readings are cached by their
words) and once with every Arabic number made different (distinct text: each 1 to 4 digit
number is replaced by a running count, so no reading repeats). Both are timed on the same text:

- ``extract_quantities(text)``: every mention, classified and read, as a data frame;
- ``list(re.finditer(r"\\d+(?:\\.\\d+)?", text))``: a bare scan that finds digits and nothing
  else (the floor any extractor of Arabic numbers has to pay).

Prints characters per second for both and their ratio (goal: at least 0.1), from the best and
the median of ``--repeat`` interleaved runs.

    PYTHONPATH=src python benchmarks/extraction.py [--chars 1000000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from futian_indicators import extract_quantities
from futian_indicators.language.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent
DIGITS = re.compile(r"\d+(?:\.\d+)?")


def corpus(chars: int) -> str:
    letters = sorted((ROOT / "data" / "raw" / "letters").glob("*.txt"))
    text = "".join(normalise(p.read_text(encoding="utf-8")).text for p in letters)
    return (text * (chars // len(text) + 1))[:chars]


def distinct(text: str) -> str:
    """The text with every number of one to four digits replaced by a different one."""
    counter = iter(range(10**9))
    return re.sub(r"(?<![\d.])\d{1,4}(?![\d.])", lambda m: str(1000 + next(counter) % 9000), text)


def measure(label: str, text: str, repeat: int) -> None:
    """Time both on one text, interleaved, and print their throughput and ratio."""
    extract_quantities(text[:10_000])  # warm the grammar's caches of compiled expressions
    calls: dict[str, Callable[[], object]] = {
        "extract_quantities": lambda: extract_quantities(text),
        "bare digit scan": lambda: list(DIGITS.finditer(text)),
    }
    times: dict[str, list[float]] = {name: [] for name in calls}
    found: dict[str, int] = {}
    for _ in range(repeat):  # interleaved, so that a busy moment hits both
        for name, call in calls.items():
            start = time.perf_counter()
            result = call()
            times[name].append(time.perf_counter() - start)
            found[name] = len(result)  # type: ignore[arg-type]
    n = len(text)
    print(f"{label} text: {n:,} characters (the five letters, normalised, repeated)")
    for name, spent in times.items():
        print(
            f"{name:<18}: best {min(spent):.4f} s, median {statistics.median(spent):.4f} s, "
            f"{n / min(spent):,.0f} chars/s (best), {found[name]:,} found"
        )
    best = min(times["bare digit scan"]) / min(times["extract_quantities"])
    median = statistics.median(times["bare digit scan"]) / statistics.median(
        times["extract_quantities"]
    )
    print(f"throughput ratio extract / scan: {best:.3f} best, {median:.3f} median (goal >= 0.1)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    text = corpus(args.chars)
    measure("repeated", text, args.repeat)
    measure("distinct", distinct(text), args.repeat)


if __name__ == "__main__":
    main()
