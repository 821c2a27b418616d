"""Loading the bundled tables: every loader, warm, in one process.

The first call of a loader reads the parquet file (cold); later calls copy the cached table
(warm). Prints, per table, the cold time and the median and best of ``--repeat`` warm calls
(goal: under 20 ms for ``load_figures()``), plus two filtered figure loads.

    PYTHONPATH=src python benchmarks/load_tables.py [--repeat 200]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import pandas as pd

import futian_indicators as fi
from futian_indicators import _resources


def timed(call: Callable[[], pd.DataFrame], repeat: int) -> tuple[float, float, float, int]:
    start = time.perf_counter()
    frame = call()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        warm.append(time.perf_counter() - start)
    return cold, statistics.median(warm), min(warm), len(frame)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    calls: dict[str, Callable[[], pd.DataFrame]] = {
        f"load_{name}()": getattr(fi, f"load_{name}") for name in _resources.table_names()
    }
    calls['load_figures(indicator="gdp")'] = lambda: fi.load_figures(indicator="gdp")
    calls['load_figures(source=..., status="actual")'] = lambda: fi.load_figures(
        source="cppcc-2023103", status="actual"
    )
    print("| call | rows | cold (ms) | warm median (ms) | warm best (ms) |")
    print("|---|---|---|---|---|")
    for label, call in calls.items():
        cold, median, best, rows = timed(call, args.repeat)
        print(f"| `{label}` | {rows} | {cold * 1e3:.1f} | {median * 1e3:.2f} | {best * 1e3:.2f} |")


if __name__ == "__main__":
    main()
