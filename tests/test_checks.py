"""The rule engine: every kind passes, tensions and fails; the bundled checks hold together."""

from __future__ import annotations

import math
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
    result = evaluate([parse_rule(base | rule)], pd.DataFrame(list(figures)), {"x": "count"})
    return pd.DataFrame(result.checks, columns=["status", "message"])


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
DERIVE = {
    "kind": "derivation",
    "terms": {"sei": "a/sei", "share": "a/share"},
    "derive": {
        "slug": "gdp",
        "indicator": "x",
        "geo": "futian",
        "period": "2023",
        "expression": "sei / share * 100",
    },
}


def test_agreement_of_the_same_period() -> None:
    assert statuses(AGREE, figure("a/n", "1503家"), figure("b/n", "突破1500家")) == ["pass"]
    assert statuses(AGREE, figure("a/n", "1100家"), figure("b/n", "约1000家")) == ["tension"]
    assert statuses(AGREE, figure("a/n", "1503家"), figure("b/n", "1600家")) == ["fail"]
    one_each = statuses(AGREE, figure("a/n", "1503家"), figure("b/n", "9家", period="2023"))
    assert one_each == []  # nothing to compare: no row (the build refuses such a rule)


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


def test_identity_read_at_the_stated_number() -> None:
    """超1100 / 5948.82 against 约20%: passes as an interval (超 has no upper end), but read at
    the number the words state (1100: 18.5%) it is a tension, as the bundled rule says."""
    figures = (figure("a/p", "超1100亿元"), figure("a/t", "5948.82亿元"), figure("a/s", "约20%"))
    assert statuses(SHARE, *figures) == ["pass"]
    assert statuses(SHARE | {"as_stated": ["part"]}, *figures) == ["tension"]


def targets_of(target: str, actual: str | None, actual_period: str = "2024") -> list[str]:
    rows = [figure("a/target", target, "2025", status="target")]
    if actual is not None:
        rows.append(figure("b/actual", actual, actual_period))
    result = evaluate([], pd.DataFrame(rows), {"x": "count"})
    return [r["outcome"] for r in result.targets]


@pytest.mark.parametrize(
    ("target", "actual", "period", "expected"),
    [
        ("5个以上", "6个", "2024", "met"),
        ("超1100亿元", "1100亿元", "2024", "possibly_met"),
        ("150万平方米", "76万平方米", "2024", "not_yet_met"),
        ("150万平方米", "76万平方米", "2025", "missed"),
        ("150万平方米", None, "2024", "no_actual"),
    ],
)
def test_target_outcomes(target: str, actual: str | None, period: str, expected: str) -> None:
    assert targets_of(target, actual, period) == [expected]


def test_a_target_is_compared_with_the_latest_actual_not_after_it() -> None:
    rows = [
        figure("a/target", "超1100亿元", "2025", status="target"),
        figure("b/old", "900亿元", "2023"),
        figure("b/new", "超1100亿元", "2024"),
        figure("b/later", "800亿元", "2026"),
    ]
    (row,) = evaluate([], pd.DataFrame(rows), {"x": "CNY"}).targets
    assert (row["actual_figure_id"], row["outcome"]) == ("b/new", "met")


def test_derive_computes_the_implied_figure() -> None:
    base = {"rule_id": "r", "label": "a rule"}
    figures = pd.DataFrame(
        [figure("a/sei", "1100亿元", "2023"), figure("a/share", "19.3%", "2023")]
    )
    result = evaluate([parse_rule(base | DERIVE)], figures, {"x": "CNY"})
    (gdp,) = result.derived
    assert gdp["figure_id"] == "derived/gdp"
    assert gdp["status"] == "derived"
    assert gdp["value"] == pytest.approx(1100e8 / 0.193)
    assert gdp["lower"] == pytest.approx(1099.5e8 / 0.1935)
    assert gdp["upper"] == pytest.approx(1100.5e8 / 0.1925)
    assert gdp["derived_from"] == "a/sei;a/share"
    assert gdp["value_as_reported"] == "1100 亿元 / 19.3% * 100"
    assert result.checks == []  # a derivation tests nothing
    (row,) = result.derivations
    assert (row["figure_id"], row["input_ids"], row["input_basis"]) == (
        "derived/gdp",
        "a/sei;a/share",
        None,  # no label bases in this table
    )


def test_a_one_sided_derived_figure_has_its_bound_as_value() -> None:
    rule = DERIVE | {"derive": DERIVE["derive"] | {"expression": "sei * share / 100"}}
    figures = pd.DataFrame(
        [figure("a/sei", "突破170亿元", "2023"), figure("a/share", "超94%", "2023")]
    )
    rules = [parse_rule({"rule_id": "r", "label": "l"} | rule)]
    (row,) = evaluate(rules, figures, {"x": "CNY"}).derived
    assert math.isinf(row["upper"])
    assert row["value"] == row["lower"] == pytest.approx(170e8 * 0.94)


def test_a_derivation_names_its_weakest_basis_and_leaves_doubtful_inputs_out() -> None:
    bases = {"period_basis": "quote", "geo_basis": "convention", "status_basis": "quote"}
    judged = bases | {"period_basis": "judgement"}
    rows = [
        figure("a/sei", "1100亿元", "2023", **bases, doubtful=False),
        figure("a/share", "19.3%", "2023", **judged, doubtful=False),
    ]
    rule = parse_rule({"rule_id": "r", "label": "l"} | DERIVE)
    result = evaluate([rule], pd.DataFrame(rows), {"x": "CNY"})
    (row,) = result.derivations
    assert (row["input_basis"], row["judgement_inputs"]) == ("judgement", "a/share")
    assert "rests on a judgement" in row["message"]
    assert result.derived[0]["period_basis"] == "judgement"
    assert result.derived[0]["geo_basis"] == "convention"
    rows[1]["doubtful"] = True
    left_out = evaluate([rule], pd.DataFrame(rows), {"x": "CNY"})
    assert left_out.derived == []
    assert left_out.derivations[0]["figure_id"] is None
    assert left_out.derivations[0]["doubtful_inputs"] == "a/share"
    used = evaluate([rule], pd.DataFrame(rows), {"x": "CNY"}, use_doubtful=True)
    assert len(used.derived) == 1


def test_a_rule_of_a_version_before_2_is_read_in_todays_kinds() -> None:
    from futian_indicators.consistency.rules import rules_from_table

    old = fi.load_rules(version="1.1.0")
    rules = rules_from_table(old)
    assert {r.kind for r in rules} <= set(fi.vocab.RULE_KINDS)
    assert not any(r.rule_id == "rd-intensity-target-2025-vs-2024" for r in rules)
    assert len(fi.run_checks(version="1.1.0")) > 0


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
        ({"kind": "identity", "terms": {}}, "missing key 'left'"),
        ({"kind": "derivation", "terms": {"a": "a/b"}}, "missing key 'derive'"),
        (BOUND | {"as_stated": ["other"]}, "as_stated is"),
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


def test_every_check_has_a_result_and_every_derivation_a_row() -> None:
    rules = fi.load_rules()
    checks = rules[rules["kind"] != "derivation"]["rule_id"]
    assert set(fi.load_checks()["rule_id"]) == set(checks)
    derivations = rules[rules["kind"] == "derivation"]["rule_id"]
    assert list(fi.load_derivations()["rule_id"]) == sorted(derivations)


def test_the_bundled_checks_and_targets_say_what_they_should() -> None:
    checks = fi.load_checks().set_index("rule_id")
    assert checks.loc["enterprise-request-resolution-rate-identity", "status"] == "tension"
    assert checks.loc["sei-share-of-gdp-2024-identity", "status"] == "tension"
    monotone = fi.load_checks().query("rule_id == 'high-tech-enterprises-monotone'")
    assert list(monotone["status"]) == ["pass"]  # 1503 then 突破1500
    assert set(checks["kind"]) <= set(fi.vocab.CHECK_KINDS)
    targets = fi.load_targets().set_index("target_figure_id")
    # The 2024 R&D intensity would be derived from npc-20250021's R&D block, whose period is
    # doubtful (2023 fits as well): it is not derived, so the 3.0% target has no actual.
    assert targets.loc["npc-20250021/rd-intensity-target-2025", "outcome"] == "no_actual"
    assert len(targets) == len(fi.load_figures(status=["target", "plan"]))


def test_a_derived_figure_never_narrows_an_actual_series_row() -> None:
    # For every indicator and area: the actual rows with derived figures allowed keep the
    # interval the actual figures give; what a derived figure adds is in the derived_* columns.
    figures = fi.load_figures(status="actual")
    for (indicator, geo), _ in figures.groupby(["indicator_id", "geo"]):
        reported = fi.series(indicator, geo=geo).set_index("period")
        with_derived = fi.series(indicator, geo=geo, derived=True).set_index("period")
        actual = with_derived[with_derived["status"] == "actual"]
        assert set(actual.index) == set(reported.index)
        pd.testing.assert_frame_equal(
            actual[["lower", "upper", "lower_closed", "upper_closed"]],
            reported.loc[actual.index, ["lower", "upper", "lower_closed", "upper_closed"]],
        )
    sei = "strategic_emerging_industries_value_added"
    target = fi.series(sei, status="target").set_index("period").loc["2025"]
    assert target["value"] == 1100e8  # not the midpoint 1100.25亿 of (1100, 1100.5]


def test_a_one_sided_bundled_derived_figure_has_its_bound_as_value() -> None:
    derived = fi.load_derivations().set_index("rule_id")
    biomedicine = derived.loc["biomedicine-industry-size-2020-from-multiple"]
    assert math.isinf(biomedicine["upper"]) and biomedicine["value"] == biomedicine["lower"]


def test_run_checks_on_the_bundled_figures_gives_the_bundled_checks() -> None:
    pd.testing.assert_frame_equal(fi.run_checks(), fi.load_checks())


def test_run_checks_sees_a_corrected_value() -> None:
    import json

    def left_figure(rule: pd.Series) -> str:
        definition = json.loads(rule["definition"])
        return str(definition["terms"].get(definition["left"], "derived/"))

    checks = fi.load_checks().set_index("rule_id")
    bounds = fi.load_rules().query("kind == 'bound'")
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
