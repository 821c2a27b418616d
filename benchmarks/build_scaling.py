"""How the build scales: synthetic corpora of 10, 100 and 1,000 letters.

A corpus of n letters holds the five real letters and n - 5 copies of them under new source ids
(``cppcc-2025136-r0001`` ...): the letter bytes, a sources.yaml record and the figures file with
the new id; the codebook, dataset.yaml and rules.yaml are the project's (the rules name the five
real letters' figures, which every corpus keeps). Each size is built in a fresh process, which
reports the seconds taken by ``build_tables`` (read, check, validate, evaluate the rules), by
``render`` (CSV, parquet, manifest) and by ``write``, and the process's peak resident memory
(``ru_maxrss``) before and after.

    PYTHONPATH=src python benchmarks/build_scaling.py [--sizes 10 100 1000]

``make_corpus`` is also used by the test suite (tests/test_draft.py) on a small corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
_SOURCE_ID_LINE = re.compile(r"^source_id: .*$", re.MULTILINE)


def make_corpus(root: Path, n: int, raw: Path = RAW) -> Path:
    """Write a project of ``n`` letters (n >= 5) under ``root``; return ``root``."""
    if n < 5:
        raise ValueError(f"a corpus holds the five real letters at least, not {n}")
    target = root / "data" / "raw"
    (target / "letters").mkdir(parents=True)
    (target / "figures").mkdir()
    for name in ("indicators.yaml", "dataset.yaml", "rules.yaml"):
        if (raw / name).exists():
            shutil.copy(raw / name, target / name)
    originals = yaml.safe_load((raw / "sources.yaml").read_text(encoding="utf-8"))
    records = []
    for i in range(n):
        record = dict(originals[i % len(originals)])
        old = record["source_id"]
        new = old if i < len(originals) else f"{old}-r{i // len(originals):04d}"
        record["source_id"] = new
        records.append(record)
        shutil.copy(raw / "letters" / f"{old}.txt", target / "letters" / f"{new}.txt")
        figures = (raw / "figures" / f"{old}.yaml").read_text(encoding="utf-8")
        figures = _SOURCE_ID_LINE.sub(f"source_id: {new}", figures, count=1)
        (target / "figures" / f"{new}.yaml").write_text(figures, encoding="utf-8")
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
    (target / "sources.yaml").write_text(text, encoding="utf-8")
    return root


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(root: Path) -> dict[str, float]:
    """Build the corpus at ``root`` in this process; return times (s) and peak memory (MiB)."""
    from futian_indicators.build.store import render, write
    from futian_indicators.build.tables import build_tables
    from futian_indicators.raw.records import read_dataset

    baseline = _peak_mib()
    raw = root / "data" / "raw"
    t0 = time.perf_counter()
    tables = build_tables(raw)
    t1 = time.perf_counter()
    rendered = render(tables, read_dataset(raw))
    t2 = time.perf_counter()
    write(rendered, root)
    t3 = time.perf_counter()
    return {
        "build_tables": t1 - t0,
        "render": t2 - t1,
        "write": t3 - t2,
        "total": t3 - t0,
        "figures": len(tables["figures"]),
        "peak_mib_before": baseline,
        "peak_mib": _peak_mib(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    print("| letters | figures | build_tables (s) | render (s) | write (s) | total (s) "
          "| s per 100 letters | peak RSS (MiB) | RSS growth (MiB) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = make_corpus(Path(tmp), n)
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(root)],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
        r = json.loads(result.stdout)
        print(
            f"| {n} | {r['figures']} | {r['build_tables']:.2f} | {r['render']:.2f} "
            f"| {r['write']:.2f} | {r['total']:.2f} | {100 * r['total'] / n:.2f} "
            f"| {r['peak_mib']:.0f} | {r['peak_mib'] - r['peak_mib_before']:.0f} |"
        )


if __name__ == "__main__":
    main()
