"""The words that govern a drafted number: its period and its status, with what they rest on.

Every sentence here is written for the test (none is from a letter of the corpus).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from futian_indicators.drafting import CodebookEntry, draft_figures
from futian_indicators.drafting.heading import Heading
from futian_indicators.language.labels import period_labels
from futian_indicators.language.normalise import normalise

DATED = Heading(date=dt.date(2025, 6, 18), doc_number="2025001")
UNDATED = Heading(doc_number="20260015")
BOOK = [
    CodebookEntry("gdp", "CNY", "flow", "地区生产总值", ("地区生产总值",)),
    CodebookEntry("retail_sales", "CNY", "flow", "社会消费品零售总额", ("社会消费品零售总额",)),
    CodebookEntry("listed_companies", "count", "stock", "上市公司", ("上市公司",)),
    CodebookEntry("events_held", "count", "flow", "活动", ("场活动",)),
    CodebookEntry("patent_grants", "count", "flow", "专利授权量", ("专利授权量",)),
]


def drafted(text: str, heading: Heading = DATED) -> dict[str, Any]:
    draft = draft_figures(normalise(text), "cppcc-2025001", BOOK, heading)
    return {f.quantity: f for f in draft.figures} | {p.mention: p for p in draft.not_placed}


def period_of(text: str, quantity: str, heading: Heading = DATED) -> str:
    return str(drafted(text, heading)[quantity].period)


@pytest.mark.parametrize(
    ("text", "quantity", "period"),
    [
        # 去年/上年 in a letter of 2025 is 2024; 今年 is 2025; 今年以来 runs to the letter's date
        ("去年，全区实现地区生产总值6120亿元。", "6120亿元", "2024"),
        ("上年全区社会消费品零售总额2650亿元。", "2650亿元", "2024"),
        ("今年全区社会消费品零售总额预计2700亿元。", "2700亿元", "2025"),
        ("今年以来，共举办12场活动。", "12场", "2025-01-01/2025-06-18"),
        # 上年同期 is the comparison's base, never the figure's period
        ("2025年1-4月社会消费品零售总额905亿元，较上年同期增长4.1%。", "905亿元",
         "2025-01-01/2025-04-30"),
        ("2023年全区地区生产总值5800亿元，比上年增长5.5%。", "5.5%", "2023"),
        # a length of years governs a count over it, not a name
        ("实施三年行动计划，全区举办40场活动。", "40场", "../2025-06-18"),
        ("2024年社会消费品零售总额2600亿元，近3年累计增长21%。", "21%", "2022/2024"),
        # 年度 alone is the last full year; a 年度计划 is this year's
        ("年度地区生产总值6000亿元。", "6000亿元", "2024"),
        ("年度计划举办60场活动。", "60场", "2025"),
        # a month range takes the year named earlier in its sentence
        ("2025年1-4月社会消费品零售总额905亿元，1至5月社会消费品零售总额1130亿元。", "1130亿元",
         "2025-01-01/2025-05-31"),
        # halves, quarters and month ends with no year take the letter's (or the sentence's)
        ("上半年，全区实现地区生产总值3100亿元。", "3100亿元", "2025H1"),
        ("一季度，全区专利授权量1200件。", "1200件", "2025Q1"),
        ("2024年前三季度，全区社会消费品零售总额2100亿元。", "2100亿元",
         "2024-01-01/2024-09-30"),
        ("2024年，经济回升，前三季度社会消费品零售总额2000亿元。", "2000亿元",
         "2024-01-01/2024-09-30"),
        ("截至5月底，全区累计举办36场活动。", "36场", "../2025-05-31"),
        ("2024年，经济回升。截至年底，辖区拥有上市公司61家。", "61家", "2024-12-31"),
        # 截至…底: a count (举办, 累计) ends there, a stock (拥有) is held on the day
        ("截至2025年3月底，累计举办36场活动。", "36场", "../2025-03-31"),
        ("截至2024年底，辖区拥有上市公司52家。", "52家", "2024-12-31"),
        ("截至2025年5月底，全区收集企业诉求310条。", "310条", "../2025-05-31"),
        # a stock stated with a year's end
        ("2024年末，全区集聚上市公司55家。", "55家", "2024-12-31"),
        # since a year, up to the letter's date
        ("2022年以来，全区举办40场活动。", "40场", "2022-01-01/2025-06-18"),
        # targets: 到2027年, 2026年目标
        ("到2027年，力争地区生产总值突破7000亿元。", "突破7000亿元", "2027"),
        ("2026年目标：社会消费品零售总额达到2900亿元。", "2900亿元", "2026"),
        # a base year, several years, many years
        ("2024年社会消费品零售总额2600亿元，较2020年增长1.4倍。", "1.4倍", "2021/2024"),
        ("2024年全区地区生产总值6000亿元，多年稳居全市第一。", "第一", "../2024"),
        # no period words: a current stock, or a count up to the letter's date
        ("辖区拥有上市公司58家。", "58家", "2025-06-18"),
        ("全区开展专场辅导活动18场。", "18场", "../2025-06-18"),
    ],
)  # fmt: skip
def test_the_words_that_govern_a_number_give_its_period(
    text: str, quantity: str, period: str
) -> None:
    assert period_of(text, quantity) == period


def test_period_words_opening_the_paragraph_govern_its_later_sentences() -> None:
    text = "2025年上半年，全区专利授权量5210件。全区有效发明专利总数31000件。"
    assert period_of(text, "5210件") == "2025H1"
    assert period_of(text, "31000件") == "2025-06-30"  # a stock, at the half year's end


def test_the_section_heading_governs_a_paragraph_without_period_words() -> None:
    text = "（一）2024年工作成效\n\n全区实现地区生产总值6000亿元。"
    assert period_of(text, "6000亿元") == "2024"


def test_full_year_takes_the_year_opening_its_paragraph_not_an_earlier_ones() -> None:
    text = "2023年，全区平稳。\n\n2024年，经济回升。全年实现地区生产总值6000亿元。"
    assert period_of(text, "6000亿元") == "2024"


def test_an_undated_letter_counts_from_its_document_number() -> None:
    assert period_of("去年全区实现地区生产总值6300亿元。", "6300亿元", UNDATED) == "2025"
    assert period_of("辖区拥有上市公司60家。", "60家", UNDATED) == "2025-12-31"


def test_a_drafted_period_says_the_words_it_rests_on() -> None:
    text = "2024年，经济回升。全年实现地区生产总值6000亿元，较2020年增长30%。"
    got = drafted("一、总体情况\n\n" + text)
    labels = dict(got["6000亿元"].labels)
    assert labels["period_basis"] == "context"
    assert labels["evidence"]["period"] == ["2024年", "全年"]
    framing = dict(drafted("去年，全区实现地区生产总值6120亿元。")["6120亿元"].labels)
    assert (framing["period_basis"], framing["evidence"]["period"]) == ("context", "去年")
    in_quote = dict(drafted("上年全区社会消费品零售总额2650亿元。")["2650亿元"].labels)
    assert in_quote["period_basis"] == "quote"  # the build reads 上年 in the quote


def test_the_build_reads_the_drafters_period_words() -> None:
    day = dt.date(2025, 6, 18)
    assert period_labels("去年", letter_date=day, measure="flow") == {"2024"}
    assert period_labels("今年以来", letter_date=day, measure="flow") == {"2025-01-01/2025-06-18"}
    assert period_labels("2025年；1至5月", letter_date=day, measure="flow") == {
        "2025",
        "2025-01-01/2025-05-31",
    }
    assert period_labels("截至去年底", letter_date=day, measure="stock") == {
        "2024-12-31",
        "../2024-12-31",
    }
    assert period_labels("较上年同期", letter_date=day, measure="growth") == frozenset()
    assert period_labels("2024年；上半年", letter_date=day, measure="flow") == {"2024", "2024H1"}
    assert period_labels("上半年", letter_date=day, measure="flow") == frozenset()  # no year
    assert period_labels("去年", letter_date=None, measure="flow") == frozenset()


def status_of(text: str, quantity: str) -> tuple[str, str]:
    f = drafted(text)[quantity]
    return str(f.status), str(dict(f.labels)["status_basis"])


@pytest.mark.parametrize(
    ("text", "quantity", "status"),
    [
        # a list governed by one word: every item of it, to the end of the paragraph
        ("下一步，我区计划：一是新增上市公司8家。二是举办12场活动。三是引进项目20个。", "20个",
         "plan"),
        ("2026年力争：一是地区生产总值达到6800亿元；二是社会消费品零售总额增长6%。", "6%",
         "target"),
        ("2026年目标：新增上市公司6家、举办40场活动、引进项目30个。", "30个", "target"),
        ("下一步，福田区将重点做好以下工作：一是培育上市公司10家。二是举办20场活动。", "20场",
         "target"),
        # 将 and what will be done
        ("我区将新增上市公司10家。", "10家", "target"),
        ("我区已将12场活动纳入年度安排。", "12场", "actual"),
        # the list ends with its paragraph, and where a new governing word stands
        ("下一步，我区计划：一是新增上市公司8家。\n\n今年以来，共举办12场活动。", "12场", "actual"),
        ("我区计划：一是新增上市公司8家。二是力争举办12场活动。", "12场", "target"),
        ("我区计划：一是新增上市公司8家。二是力争举办12场活动。三是引进项目9个。", "9个", "plan"),
        ("我区计划：一是新增上市公司8家。同时力争举办12场活动。今年引进项目9个。", "9个",
         "actual"),
        # a rule's parameters
        ("对新上市企业最高支持500万元。", "500万元", "policy"),
        ("贴息比例50%，单个企业每年不超过100万元。", "50%", "policy"),
        ("按实际投资额的30%给予补贴。", "30%", "policy"),
        ("对年营收首次突破100亿元、50亿元的企业，分别给予最高1000万元、500万元奖励。", "500万元",
         "policy"),
        # what was paid out is no parameter
        ("去年共给予企业补贴资金1.2亿元。", "1.2亿元", "actual"),
    ],
)  # fmt: skip
def test_the_words_that_govern_a_number_give_its_status(
    text: str, quantity: str, status: str
) -> None:
    assert status_of(text, quantity)[0] == status


def test_a_listed_status_rests_on_the_word_heading_the_list() -> None:
    text = "下一步，我区计划：一是新增上市公司8家。二是举办12场活动。"
    f = drafted(text)["12场"]
    labels = dict(f.labels)
    assert (f.status, labels["status_basis"]) == ("plan", "context")
    assert "计划" in str(labels["evidence"]["status"])  # the build reads 计划 in the evidence


def test_a_section_heading_of_plans_governs_its_paragraph() -> None:
    text = "（三）下一步工作计划\n\n新增上市公司8家，举办12场活动。"
    assert status_of(text, "12场")[0] == "plan"


@pytest.mark.parametrize(
    ("text", "mention", "why"),
    [
        ("对年营收首次突破100亿元、50亿元的企业给予奖励。", "突破100亿元", "threshold"),
        ("对年营收首次突破100亿元、50亿元的企业给予奖励。", "50亿元", "threshold"),
        ("2026年目标引进3000万元以上外资企业30家。", "3000万元以上", "class"),
    ],
)
def test_thresholds_and_classes_are_kept_apart_from_figures(
    text: str, mention: str, why: str
) -> None:
    assert why in drafted(text)[mention].reason


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("安排首期规模为20亿元的平稳资金，对企业给予支持。", "20亿元"),  # stated: a fund's size
        ("对楼宇认定给予不超过100万元和不超过500万元的支持。", "不超过500万元"),  # a cap
        ("2026年目标打造5个以上产业载体，吸引60个项目落地。", "5个以上"),  # a target, not a class
    ],
)
def test_stated_amounts_caps_and_targets_stay_figures(text: str, quantity: str) -> None:
    assert hasattr(drafted(text)[quantity], "period")


def test_a_flows_alias_where_the_words_hold_a_stock_is_doubted() -> None:
    book = [*BOOK, CodebookEntry("projects_started", "count", "flow", "项目", ("项目",))]
    text = "截至2024年底，园区集聚国家级科研项目12个。"
    draft = draft_figures(normalise(text), "cppcc-2025001", book, DATED)
    (f,) = draft.figures
    assert f.indicator.startswith("new:") and f.period == "2024-12-31"
    assert "a flow, but the words hold a stock on a day" in f.note


def test_a_target_with_no_period_words_is_for_the_letters_year() -> None:
    text = "下一步，我区将重点做好以下工作：一是新增上市公司15家。二是举办50场活动。"
    got = drafted(text)
    assert [(got[q].status, got[q].period) for q in ("15家", "50场")] == [("target", "2025")] * 2


def test_a_status_rests_on_the_governing_word_nearest_the_number() -> None:
    text = "下一步，我区将持续发力，力争地区生产总值突破7000亿元。"
    f = drafted(text)["突破7000亿元"]
    assert f.status == "target" and "“力争” before it" in f.note
    assert dict(f.labels)["status_basis"] == "quote"  # the build reads 力争 (not 下一步)
