"""How long the rule engine takes on synthetic figure tables of growing size.

Run: python benchmarks/checks_engine.py
Prints, for 12,500 to 100,000 figures, the seconds taken by checks.evaluate (one core) and the
seconds per 1,000 figures, which stay flat when the cost grows linearly.
"""

from __future__ import annotations

import time

import pandas as pd

from futian_indicators.checks import evaluate, parse_rule
from futian_indicators.quantity import parse_quantity

WORDS = ("1503家", "突破1500家", "超1100亿元", "近60%", "约20%", "89.1%", "20余场")


def figures(n: int) -> pd.DataFrame:
    """n figures: indicators of 4 figures each (two periods, two letters)."""
    parsed = [parse_quantity(w) for w in WORDS]
    rows = []
    for i in range(n):
        q = parsed[i % len(parsed)]
        period = "2023" if i % 4 < 2 else "2024"
        rows.append({
            "figure_id": f"s{i % 2}/f{i}", "source_id": f"s{i % 2}", "indicator_id": f"x{i // 4}",
            "geo": "futian", "period": period, "period_end": pd.Timestamp(f"{period}-12-31"),
            "status": "actual", "value": q.value, "value_as_reported": q.value_as_reported,
            "lower": q.lower, "upper": q.upper, "lower_closed": q.strict.lower_closed,
            "upper_closed": q.strict.upper_closed, "lower_lenient": q.lower_lenient,
            "upper_lenient": q.upper_lenient, "quote": q.text,
        })  # fmt: skip
    return pd.DataFrame(rows)


def rules(n: int) -> list:
    """Per indicator: an agreement and a monotone rule; per pair of figures, a bound."""
    out = []
    for k in range(n // 4):
        base = {"label": "synthetic", "severity": "warning", "indicator": f"x{k}"}
        out.append(parse_rule(base | {"rule_id": f"agree-{k}", "kind": "agreement"}))
        out.append(parse_rule(base | {"rule_id": f"mono-{k}", "kind": "monotone"}))
        terms = {"a": f"s0/f{4 * k}", "b": f"s1/f{4 * k + 1}"}
        out.append(parse_rule({"rule_id": f"bound-{k}", "kind": "bound", "label": "synthetic",
                               "severity": "error", "terms": terms, "left": "a",
                               "right": "b * 2"}))  # fmt: skip
    return out


def main() -> None:
    print(f"{'figures':>8} {'rules':>7} {'checks':>7} {'seconds':>8} {'s/1k figures':>13}")
    for n in (12_500, 25_000, 50_000, 100_000):
        table, rule_list = figures(n), rules(n)
        start = time.perf_counter()
        checks, _ = evaluate(rule_list, table, {})
        seconds = time.perf_counter() - start
        per_1k = seconds / n * 1e3
        print(f"{n:>8} {len(rule_list):>7} {len(checks):>7} {seconds:>8.2f} {per_1k:>13.4f}")


if __name__ == "__main__":
    main()
