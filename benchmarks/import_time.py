"""Import time: ``import futian_indicators`` against ``import pandas``, in fresh processes.

Runs each import in a fresh interpreter, alternating the two, ``--runs`` times (default 21), and
prints the median wall time of each and their ratio (goal: at most 1.15; the package needs
pandas, so pandas's own import is the floor). ``--importtime`` also prints the modules that
``python -X importtime`` charges most to the package beyond pandas.

    PYTHONPATH=src python benchmarks/import_time.py [--runs 21] [--importtime]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"))


def wall(statement: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], env=ENV, check=True)
    return time.perf_counter() - start


def importtime(top: int = 12) -> list[tuple[int, str]]:
    """The package's own modules and what they pull in beyond pandas, by cumulative µs."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import pandas, futian_indicators"],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    seen_pandas = False
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = (
            part.strip() for part in line.removeprefix("import time:").split("|")
        )
        if name.strip() == "pandas":
            seen_pandas = True
            continue
        if seen_pandas and cumulative.isdigit():
            rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()
    wall("import pandas, futian_indicators")  # warm the file cache and the bytecode
    times: dict[str, list[float]] = {"pandas": [], "futian_indicators": []}
    for _ in range(args.runs):
        for name, spent in times.items():
            spent.append(wall(f"import {name}"))
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, median in medians.items():
        spread = f"{min(times[name]) * 1000:.0f}-{max(times[name]) * 1000:.0f}"
        print(f"import {name:<18} median {median * 1000:6.0f} ms  (range {spread} ms)")
    ratio = medians["futian_indicators"] / medians["pandas"]
    print(f"ratio futian_indicators / pandas: {ratio:.3f} (goal <= 1.15) over {args.runs} runs")
    if args.importtime:
        print("\nimported after pandas (cumulative µs, python -X importtime):")
        for micros, name in importtime():
            print(f"  {micros:8d}  {name}")


if __name__ == "__main__":
    main()
