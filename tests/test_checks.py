"""The rule engine: every kind passes, tensions and fails; the bundled checks hold together."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import futian_indicators as fi
from futian_indicators import report
from futian_indicators.consistency.engine import evaluate
from futian_indicators.consistency.rules import parse_rule
from futian_indicators.errors import CurationError
from futian_indicators.language.quantity import parse_quantity

from .conftest import ROOT


def figure(figure_id: str, words: str, period: str = "2024", **extra: Any) -> dict[str, Any]:
    q = parse_quantity(words)
    end = pd.Timestamp(f"{period[:4]}-12-31") if len(period) == 4 else pd.Timestamp(period)
    return {
        "figure_id": figure_id,
        "source_id": figure_id.split("/", maxsplit=1)[0],
        "indicator_id": "x",
        "geo": "futian",
        "period": period,
        "period_end": end,
        "status": "actual",
        **q.columns(),
        "quote": words,
        **extra,
    }


def run(rule: dict[str, Any], *figures: dict[str, Any]) -> pd.DataFrame:
    base = {"rule_id": "r", "label": "a rule", "severity": "error"}
    rows, _ = evaluate([parse_rule(base | rule)], pd.DataFrame(list(figures)), {"x": "count"})
    return pd.DataFrame(rows)


def statuses(rule: dict[str, Any], *figures: dict[str, Any]) -> list[str]:
    return list(run(rule, *figures)["status"])


AGREE = {"kind": "agreement", "indicator": "x", "geo": "futian"}
MONOTONE = {"kind": "monotone", "indicator": "x", "geo": "futian"}
SHARE = {
    "kind": "identity",
    "terms": {"part": "a/p", "total": "a/t", "share": "a/s"},
    "left": "share",
    "right": "part / total * 100",
}
BOUND = {
    "kind": "bound",
    "terms": {"part": "a/p", "whole": "a/w"},
    "left": "part",
    "right": "whole",
}
TARGET = {"kind": "target", "target": "a/target", "actual": "b/actual"}


def test_agreement_of_the_same_period() -> None:
    assert statuses(AGREE, figure("a/n", "1503家"), figure("b/n", "突破1500家")) == ["pass"]
    assert statuses(AGREE, figure("a/n", "1100家"), figure("b/n", "约1000家")) == ["tension"]
    assert statuses(AGREE, figure("a/n", "1503家"), figure("b/n", "1600家")) == ["fail"]
    one_each = statuses(AGREE, figure("a/n", "1503家"), figure("b/n", "9家", period="2023"))
    assert one_each == ["not_applicable"]


def test_monotone() -> None:
    def pair(earlier: str, later: str) -> list[str]:
        return statuses(
            MONOTONE, figure("a/n", earlier, "2023-10-16"), figure("b/n", later, "2024-06-12")
        )

    assert pair("1503家", "突破1500家") == ["pass"]
    assert pair("1500家", "1460家") == ["tension"]
    assert pair("1500家", "900家") == ["fail"]


@pytest.mark.parametrize(
    ("share", "expected"), [("18.5%", "pass"), ("约20%", "tension"), ("30%", "fail")]
)
def test_identity_of_a_share(share: str, expected: str) -> None:
    figures = (figure("a/p", "1100亿元"), figure("a/t", "5948.82亿元"), figure("a/s", share))
    assert statuses(SHARE, *figures) == [expected]


@pytest.mark.parametrize(
    ("whole", "expected"), [("10426件", "pass"), ("4100件", "tension"), ("3000件", "fail")]
)
def test_bound(whole: str, expected: str) -> None:
    assert statuses(BOUND, figure("a/p", "4133件"), figure("a/w", whole)) == [expected]


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        ("5个以上", "6个", "pass"),
        ("超1100亿元", "1100亿元", "tension"),
        ("150万平方米", "76万平方米", "fail"),
    ],
)
def test_target(target: str, actual: str, expected: str) -> None:
    figures = (figure("a/target", target, "2025"), figure("b/actual", actual))
    assert statuses(TARGET, *figures) == [expected]


def test_a_guard_makes_a_rule_not_applicable() -> None:
    rule = BOUND | {"guard": "different 口径"}
    result = run(rule, figure("a/p", "5000件"), figure("a/w", "4000件"))
    assert list(result["status"]) == ["not_applicable"]
    assert result.loc[0, "message"] == "does not apply: different 口径"


def test_derive_computes_the_implied_figure() -> None:
    rule = {
        "kind": "identity",
        "terms": {"sei": "a/sei", "share": "a/share"},
        "derive": {
            "slug": "gdp",
            "indicator": "x",
            "geo": "futian",
            "period": "2023",
            "expression": "sei / share * 100",
        },
    }
    base = {"rule_id": "r", "label": "a rule", "severity": "info"}
    figures = pd.DataFrame(
        [figure("a/sei", "1100亿元", "2023"), figure("a/share", "19.3%", "2023")]
    )
    rows, derived = evaluate([parse_rule(base | rule)], figures, {"x": "CNY"})
    (gdp,) = derived
    assert gdp["figure_id"] == "derived/gdp"
    assert gdp["status"] == "derived"
    assert gdp["value"] == pytest.approx(1100e8 / 0.193)
    assert gdp["lower"] == pytest.approx(1099.5e8 / 0.1935)
    assert gdp["upper"] == pytest.approx(1100.5e8 / 0.1925)
    assert gdp["derived_from"] == "a/sei;a/share"
    assert gdp["value_as_reported"] == "1100 亿元 / 19.3% * 100"
    assert rows[0]["status"] == "not_applicable"


def test_a_rule_naming_a_missing_figure_is_refused() -> None:
    with pytest.raises(CurationError, match="rule 'r' names figure 'a/w', which does not exist"):
        run(BOUND, figure("a/p", "4133件"))


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"kind": "agreeing"}, "kind 'agreeing' is not one of agreement"),
        (BOUND | {"right": "whole ** 2"}, "uses 'Pow'"),
        (BOUND | {"right": "other"}, "right uses \\['other'\\] which terms does not name"),
        (BOUND | {"severity": "fatal"}, "severity 'fatal' is not one of"),
        (AGREE | {"figurez": []}, "unknown key 'figurez'"),
        ({"kind": "identity", "terms": {}}, "needs left and right, or derive"),
    ],
)
def test_bad_rules_are_refused_with_every_problem(rule: dict[str, Any], message: str) -> None:
    base = {"rule_id": "r", "label": "a rule", "severity": "error"}
    with pytest.raises(CurationError, match=message):
        parse_rule(base | rule)


# ------------------------------------------------------------------------ the bundled checks


def test_every_figure_a_check_names_exists() -> None:
    named = fi.load_checks()["figure_ids"].dropna().str.split(";").explode()
    assert set(named[named != ""]) <= set(fi.load_figures()["figure_id"])


def test_every_rule_has_a_result() -> None:
    assert set(fi.load_checks()["rule_id"]) == set(fi.load_rules()["rule_id"])


def test_run_checks_on_the_bundled_figures_gives_the_bundled_checks() -> None:
    pd.testing.assert_frame_equal(fi.run_checks(), fi.load_checks())


def test_run_checks_sees_a_corrected_value() -> None:
    import json

    def left_figure(rule: pd.Series) -> str:
        definition = json.loads(rule["definition"])
        return str(definition["terms"].get(definition["left"], "derived/"))

    checks = fi.load_checks().set_index("rule_id")
    bounds = fi.load_rules().query("kind == 'bound' and guard.isna()")
    bound = next(
        rule
        for _, rule in bounds.iterrows()
        if not left_figure(rule).startswith("derived/")
        and checks.loc[rule["rule_id"], "status"] == "pass"
    )
    figures = fi.load_figures()
    columns = ["lower", "upper", "lower_lenient", "upper_lenient"]
    figures.loc[figures["figure_id"] == left_figure(bound), columns] = 1e30  # a part past its whole
    assert fi.run_checks(figures).set_index("rule_id").loc[bound["rule_id"], "status"] == "fail"


def test_checks_snapshot(dataframe_regression) -> None:  # type: ignore[no-untyped-def]
    columns = [
        "check_id",
        "status",
        "observed_lower",
        "observed_upper",
        "expected_lower",
        "expected_upper",
        "figure_ids",
    ]
    frame = fi.load_checks()[columns]
    text = [c for c in columns if frame[c].dtype == "string"]
    frame = frame.astype(dict.fromkeys(text, object)).fillna(dict.fromkeys(text, ""))
    dataframe_regression.check(frame, default_tolerance={"atol": 0, "rtol": 0})


def test_the_consistency_page_is_current() -> None:
    page = report.markdown(fi.load_checks(), fi.load_rules(), fi.DATA_VERSION)
    assert (ROOT / "docs" / "consistency.md").read_text(encoding="utf-8") == page, (
        "regenerate it: futian-indicators check --markdown > docs/consistency.md"
    )
