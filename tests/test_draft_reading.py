"""The draft's reading of a letter's words: period, status, area, new indicators, not figures."""

from __future__ import annotations

import datetime as dt

from futian_indicators.drafting import CodebookEntry, draft_figures
from futian_indicators.drafting.heading import Heading
from futian_indicators.language.normalise import normalise

DATED = Heading(date=dt.date(2025, 6, 18), doc_number="2025001")
BOOK = [
    CodebookEntry("gdp", "CNY", "flow", "地区生产总值", ("地区生产总值",)),
    CodebookEntry("retail_sales", "CNY", "flow", "社会消费品零售总额", ("社会消费品零售总额",)),
    CodebookEntry(
        "ip_pledge_financing_growth", "percent", "growth", "知识产权质押融资增长", ("同比增长",)
    ),
]


def figures(text: str) -> dict[str, object]:
    draft = draft_figures(normalise(text), "cppcc-2025001", BOOK, DATED)
    return {f.quantity: f for f in draft.figures} | {p.mention: p for p in draft.not_placed}


def test_full_year_takes_the_year_opening_its_paragraph() -> None:
    got = figures("一、总体情况\n\n2024年，经济运行平稳。全年实现地区生产总值5948.82亿元。")
    assert got["5948.82亿元"].period == "2024"  # type: ignore[attr-defined]


def test_a_month_range_takes_the_year_before_it() -> None:
    got = figures("2025年1-4月，全区社会消费品零售总额720.5亿元。")
    assert got["720.5亿元"].period == "2025-01-01/2025-04-30"  # type: ignore[attr-defined]


def test_the_city_is_shenzhen_but_a_share_of_it_stays_the_district() -> None:
    got = figures("从全市看，深圳实现地区生产总值3.68万亿元。福田规模占全市的20.8%。")
    assert got["3.68万亿元"].geo == "shenzhen"  # type: ignore[attr-defined]
    assert got["20.8%"].geo == "futian"  # type: ignore[attr-defined]


def test_the_park_inside_a_hetao_passage() -> None:
    got = figures("河套深港科技创新合作区深圳园区加快建设。园区新增科研项目12个。")
    assert got["12个"].geo == "hetao_shenzhen_park"  # type: ignore[attr-defined]


def test_a_generic_growth_word_does_not_decide_the_indicator() -> None:
    got = figures("全年实现地区生产总值5948.82亿元，同比增长5.2%。")
    growth = got["5.2%"]
    assert growth.indicator == "new:gdp_growth"  # type: ignore[attr-defined]
    assert growth.proposal.name_zh == "地区生产总值增长率"  # type: ignore[attr-defined]


def test_thresholds_and_the_replys_structure_are_not_figures() -> None:
    got = figures("现从三个方面答复如下。对年销售额首次突破100亿元的商贸企业给予一次性奖励。")
    assert "threshold" in got["突破100亿元"].reason  # type: ignore[attr-defined]
    assert "structure" in got["三个"].reason  # type: ignore[attr-defined]


def test_each_label_says_what_it_rests_on() -> None:
    got = figures("一、总体情况\n\n2024年，经济运行平稳。全年实现地区生产总值5948.82亿元。")
    labels = dict(got["5948.82亿元"].labels)  # type: ignore[attr-defined]
    assert labels["period_basis"] == "context"
    assert labels["geo_basis"] == "convention"
    assert labels["evidence"]["period"] == ["2024年", "全年"]
