"""The period a drafted number gets, class by class of the wording reply letters use.

Every sentence here is written for the test (none is from a letter). The letter is dated
2026-07-20 unless said; the expected label is the one docs/curation.md's conventions give.
Most numbers have no indicator in the small codebook, so the draft proposes a new one and reads
its stock or flow off the same words (a balance is a stock; 新增, 举办 count).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from futian_indicators.drafting import CodebookEntry, draft_figures
from futian_indicators.drafting.heading import Heading
from futian_indicators.language.labels import period_labels
from futian_indicators.language.normalise import normalise

LETTER = Heading(date=dt.date(2026, 7, 20), doc_number="2026001")
BOOK = [
    CodebookEntry("gdp", "CNY", "flow", "地区生产总值", ("地区生产总值",)),
    CodebookEntry("retail_sales", "CNY", "flow", "社会消费品零售总额", ("社会消费品零售总额",)),
    CodebookEntry("listed_companies", "count", "stock", "上市公司", ("上市公司",)),
    CodebookEntry("events_held", "count", "flow", "活动", ("场活动",)),
]


def drafted(text: str, heading: Heading = LETTER) -> dict[str, Any]:
    draft = draft_figures(normalise(text), "cppcc-2026001", BOOK, heading)
    return {f.quantity: f for f in draft.figures}


def period_of(text: str, quantity: str) -> str:
    return str(drafted(text)[quantity].period)


@pytest.mark.parametrize(
    ("text", "quantity", "period"),
    [
        # balances and stocks at a year's end: as of that day, not a count up to it
        ("截至2025年末，全区本外币贷款余额1.2万亿元，同比增长8.1%。", "1.2万亿元", "2025-12-31"),
        ("截至2025年末，全区金融机构存款余额2.3万亿元。", "2.3万亿元", "2025-12-31"),
        ("2025年末，辖区普惠小微贷款余额860亿元。", "860亿元", "2025-12-31"),
        ("2025年，全区金融运行平稳。年末绿色贷款余额520亿元。", "520亿元", "2025-12-31"),
        ("截至2025年底，全区科技型企业贷款存量超900亿元。", "超900亿元", "2025-12-31"),
        ("截至2025年底，辖区现有各类市场主体58万户。", "58万户", "2025-12-31"),
        ("截至2025年底，全区商事主体总数达62万户。", "62万户", "2025-12-31"),
        ("截至2026年6月末，全区拥有国家级专精特新企业120家。", "120家", "2026-06-30"),
        ("2025年，全区新增上市公司5家，上市公司总数达到90家。", "90家", "2025-12-31"),
        # a change since the start of the year: from 1 January to the day it is stated on
        ("截至2025年末，全区贷款余额1.2万亿元，较年初增加980亿元。", "980亿元", "2025"),
        ("截至2026年6月末，全区存款余额2.4万亿元，比年初新增1500亿元。", "1500亿元",
         "2026-01-01/2026-06-30"),
        ("全区普惠小微贷款余额900亿元，较年初增长12%。", "12%", "2026-01-01/2026-07-20"),
        # a year opening a paragraph governs it to the next period words
        ("2025年，全区经济稳中有进。全年实现地区生产总值6500亿元。社会消费品零售总额2800亿元。",
         "2800亿元", "2025"),
        ("2025年，全区实现地区生产总值6500亿元，比上年增长5.5%。全年举办招商活动60场。"
         "新落地项目120个。", "120个", "2025"),
        ("2025年，全区实现地区生产总值6500亿元。增速较上年提高0.5个百分点。新落地项目120个。",
         "120个", "2025"),
        ("2025年，全区经济稳中有进。全年新增市场主体8.2万户。", "8.2万户", "2025"),
        ("2025年，全区实现地区生产总值6500亿元，其中一季度1500亿元。全年新增市场主体8.2万户。",
         "8.2万户", "2025"),
        # since a year, in a sentence that says up to when: to that day
        ("2021年以来，截至2026年6月末，全区累计举办活动420场。", "420场",
         "2021-01-01/2026-06-30"),
        ("截至2026年6月末，2024年以来累计服务企业3100家次。", "3100家次",
         "2024-01-01/2026-06-30"),
        ("2024年以来，全区累计服务企业5200家次。", "5200家次", "2024-01-01/2026-07-20"),
        # plans headed by 今年: the letter's year; 明年: the year after
        ("2025年，全区实现地区生产总值6500亿元。今年计划：一是新增上市公司6家；二是举办招商活动"
         "80场。", "80场", "2026"),
        ("2025年，全区实现地区生产总值6500亿元。今年计划：一是新增上市公司6家；二是举办招商活动"
         "80场。", "6家", "2026"),
        ("明年，我区力争新增上市公司8家。", "8家", "2027"),
        ("2025年，全区新增上市公司5家。明年计划新增上市公司7家。", "7家", "2027"),
        # comparisons are no period; 上年 as the period of a figure is the year before the letter's
        ("2025年，全区实现地区生产总值6500亿元，比上年增长5.5%。", "5.5%", "2025"),
        ("2025年全区社会消费品零售总额2800亿元，与上年相比增长3.2%。", "3.2%", "2025"),
        ("上年全区新增市场主体7.9万户。", "7.9万户", "2025"),
        ("上年，全区实现地区生产总值6300亿元。", "6300亿元", "2025"),
        # months, halves and quarters take the year named before them, else the letter's
        ("2026年1-3月，全区社会消费品零售总额700亿元。", "700亿元", "2026-01-01/2026-03-31"),
        ("今年1至5月，全区社会消费品零售总额1180亿元。", "1180亿元", "2026-01-01/2026-05-31"),
        ("2025年，全区经济稳中有进。今年1至5月，全区新增市场主体3.6万户。", "3.6万户",
         "2026-01-01/2026-05-31"),
        ("前5个月，全区社会消费品零售总额1180亿元。", "1180亿元", "2026-01-01/2026-05-31"),
        ("2026年前5个月，全区新增市场主体3.5万户。", "3.5万户", "2026-01-01/2026-05-31"),
        ("上半年，全区实现地区生产总值3300亿元。", "3300亿元", "2026H1"),
        ("一季度，全区新增市场主体1.9万户。", "1.9万户", "2026Q1"),
        ("截至5月末，全区累计举办活动35场。", "35场", "../2026-05-31"),
        ("截至5月末，全区贷款余额1.25万亿元。", "1.25万亿元", "2026-05-31"),
        # targets for a year; counts over several years
        ("到2027年，全区地区生产总值力争突破7500亿元。", "突破7500亿元", "2027"),
        ("力争2027年新增上市公司10家。", "10家", "2027"),
        ("“十四五”期间，全区累计引进重点项目300个。", "300个", "2021/2025"),
        ("十四五以来，全区累计新增上市公司25家。", "25家", "2021-01-01/2026-07-20"),
        ("2021-2025年，全区累计举办招商活动260场。", "260场", "2021/2025"),
        ("近三年，全区累计新增市场主体24万户。", "24万户", "2023/2025"),
        # a cumulative count with a day is to that day; 已累计 with no day is to the letter's
        ("截至2026年6月末，累计发放贷款贴息资金3.2亿元。", "3.2亿元", "../2026-06-30"),
        ("全区已累计服务企业1.2万家次。", "1.2万家次", "../2026-07-20"),
        # more of the same classes, worded otherwise
        ("2025年全区金融机构贷款余额1.3万亿元。", "1.3万亿元", "2025-12-31"),
        ("截至2026年一季度末，全区普惠小微贷款余额910亿元。", "910亿元", "2026-03-31"),
        ("一季度末，全区绿色贷款余额560亿元。", "560亿元", "2026-03-31"),
        ("截至6月30日，全区存款余额2.4万亿元。", "2.4万亿元", "2026-06-30"),
        ("截至2026年6月底，今年以来累计举办活动48场。", "48场", "2026-01-01/2026-06-30"),
        ("截至2025年末，全区上市公司数量达到95家，全年新增上市公司6家。", "6家", "2025"),
        ("2025年，全区上市公司总数95家，比上年末增加6家。", "95家", "2025-12-31"),
        ("今年计划：一是新增上市公司6家。二是举办招商活动80场。三是引进项目30个。", "30个",
         "2026"),
        ("（三）2026年工作计划\n\n一是新增上市公司6家。二是举办招商活动80场。", "80场", "2026"),
        ("今年，我区力争全年社会消费品零售总额增长6%。", "6%", "2026"),
        ("去年，全区经济稳中有进。全年实现地区生产总值6500亿元。", "6500亿元", "2025"),
        ("下半年，我区将举办招商活动40场。", "40场", "2026H2"),
        ("2021年至2025年，全区累计引进项目410个。", "410个", "2021/2025"),
        ("五年来，全区累计新增上市公司30家。", "30家", "2021/2025"),
        ("截至目前，已累计举办活动96场。", "96场", "../2026-07-20"),
        ("截至2026年6月末，全区共有上市公司97家。已累计发放贴息资金2.1亿元。", "2.1亿元",
         "../2026-06-30"),
        ("2026年1-6月，全区新增市场主体4.3万户，同比增长5%。", "5%", "2026-01-01/2026-06-30"),
        ("1-6月份，全区社会消费品零售总额1420亿元。", "1420亿元", "2026-01-01/2026-06-30"),
        # a list's items are governed by the period words opening its paragraph
        ("2025年，我区重点做了以下工作：一是新增上市公司5家。二是举办招商活动60场。", "60场",
         "2025"),
        ("2025年，全区新增上市公司5家。下一步，我区计划：一是新增上市公司8家；二是举办招商活动"
         "80场。", "80场", "2026"),
        ("2025年，全区新增上市公司5家。下一步，我区计划：一是新增上市公司8家。二是举办招商活动"
         "80场。", "80场", "2026"),
        ("2025年，全区新增上市公司5家，已累计培育上市公司82家。", "82家", "../2026-07-20"),
    ],
)  # fmt: skip
def test_a_drafted_number_gets_the_period_a_curator_gives(
    text: str, quantity: str, period: str
) -> None:
    assert period_of(text, quantity) == period


def test_a_balance_is_proposed_as_a_stock() -> None:
    f = drafted("截至2025年末，全区本外币贷款余额1.2万亿元。")["1.2万亿元"]
    assert f.proposal is not None and f.proposal.measure == "stock"


def test_a_balance_names_the_stock_of_its_own_clause_only() -> None:
    book = [*BOOK, CodebookEntry("patent_grants", "count", "flow", "专利授权量", ("专利授权量",))]
    text = "截至2025年末，全区存款余额2.3万亿元，专利授权量1.2万件。"
    draft = draft_figures(normalise(text), "cppcc-2026001", book, LETTER)
    f = {f.quantity: f for f in draft.figures}["1.2万件"]
    assert (f.indicator, f.period) == ("patent_grants", "../2025-12-31")


@pytest.mark.parametrize(
    ("words", "measure", "label"),
    [
        ("截至2026年6月末；较年初", "flow", "2026-01-01/2026-06-30"),
        ("截至2025年末；较年初", "flow", "2025"),
        ("2021年以来；截至2026年6月末", "flow", "2021-01-01/2026-06-30"),
        ("明年", "flow", "2027"),
        ("2026年前5个月", "flow", "2026-01-01/2026-05-31"),
        ("十四五期间", "flow", "2021/2025"),
    ],
)
def test_the_build_reads_the_words_the_drafter_rests_on(
    words: str, measure: str, label: str
) -> None:
    assert label in period_labels(words, letter_date=dt.date(2026, 7, 20), measure=measure)


def test_comparisons_with_the_year_before_state_no_period() -> None:
    day = dt.date(2026, 7, 20)
    assert period_labels("与上年相比", letter_date=day, measure="growth") == frozenset()
    assert period_labels("较年初", letter_date=day, measure="flow") == {"2026-01-01/2026-07-20"}


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("截至2025年末，全区本外币贷款余额1.2万亿元。", "1.2万亿元"),
        ("截至2026年6月末，全区存款余额2.4万亿元，比年初新增1500亿元。", "1500亿元"),
        ("2021年以来，截至2026年6月末，全区累计举办活动420场。", "420场"),
        ("今年1至5月，全区社会消费品零售总额1180亿元。", "1180亿元"),
        ("明年，我区力争新增上市公司8家。", "8家"),
        ("“十四五”期间，全区累计引进重点项目300个。", "300个"),
        ("截至2025年末，全区上市公司数量达到95家，全年新增上市公司6家。", "6家"),
        ("2025年全区金融机构贷款余额1.3万亿元。", "1.3万亿元"),
    ],
)
def test_the_build_reads_the_period_the_draft_rests_on(text: str, quantity: str) -> None:
    labels = dict(drafted(text)[quantity].labels)
    assert labels["period_basis"] in ("quote", "context")  # not judgement: the build reads it


# Two short letters written for the test: every figure's period, as a curator gives it.
FINANCE_LETTER = """关于加快福田区金融业高质量发展的提案答复

张三委员：

您提出的关于金融业发展的提案收悉。现答复如下：

一、工作成效

（一）金融总量稳步提升

2025年，福田区金融业增加值2100亿元，同比增长6.1%，占全区地区生产总值比重超三成。截至2025年末，全区本外币存款余额3.1万亿元，较年初增加2300亿元；贷款余额1.9万亿元，较年初增加900亿元。全年新增持牌金融机构12家，辖区持牌金融机构总数达到280家。

（二）服务实体经济成效明显

2026年1-6月，全区金融业增加值1080亿元，同比增长5.8%。截至2026年6月末，普惠小微贷款余额1020亿元，比年初新增95亿元。今年以来，累计举办政银企对接活动36场，服务企业2400家次。

“十四五”期间，全区累计引进金融机构60家，金融业增加值年均增长7%。

二、下一步工作

今年，我区将持续发力。一是力争全年金融业增加值增长6.5%；二是新增持牌金融机构10家。到2027年，金融业增加值突破2500亿元。明年计划举办对接活动50场。

福田区地方金融管理局
2026年7月20日
"""
FINANCE_PERIODS = {
    "2100亿元": "2025",
    "6.1%": "2025",
    "超三成": "2025",
    "3.1万亿元": "2025-12-31",
    "2300亿元": "2025",
    "1.9万亿元": "2025-12-31",
    "900亿元": "2025",
    "12家": "2025",
    "280家": "2025-12-31",
    "1080亿元": "2026-01-01/2026-06-30",
    "5.8%": "2026-01-01/2026-06-30",
    "1020亿元": "2026-06-30",
    "95亿元": "2026-01-01/2026-06-30",
    "36场": "2026-01-01/2026-07-20",
    "2400家次": "2026-01-01/2026-07-20",
    "60家": "2021/2025",
    "7%": "2021/2025",
    "6.5%": "2026",
    "10家": "2026",
    "突破2500亿元": "2027",
    "50场": "2027",
}
ENTERPRISE_LETTER = """关于支持福田区民营经济发展的建议答复

李四代表：

您提出的建议收悉。现答复如下：

一、基本情况

近年来，我区持续优化营商环境。2025年全年，全区新增商事主体9.6万户，同比增长4.2%，其中上半年新增4.5万户。全区民营企业实现营业收入2.2万亿元，较上年增长5%。截至2025年底，全区共有民营企业41万家，占全区企业总数的96%。

上年度，全区兑现惠企资金38亿元。自2024年起，我区连续举办民营企业服务月活动，累计服务企业1.6万家次。2024—2025年，累计为企业减负120亿元。

今年5月，全区新增商事主体8200户。今年1至5月，全区民营经济增加值1500亿元，同比增长5.1%。截至目前，全区共有专精特新企业560家。目前已累计建成产业空间80万平方米。

二、下一步工作

2026年，我区将从以下方面推进：一是力争新增商事主体10万户。二是举办服务活动100场。三是到2028年，民营经济增加值突破4000亿元。
"""
ENTERPRISE_PERIODS = {
    "9.6万户": "2025",
    "4.2%": "2025",
    "4.5万户": "2025H1",
    "2.2万亿元": "2025",
    "5%": "2025",
    "41万家": "2025-12-31",
    "96%": "2025-12-31",
    "38亿元": "2025",
    "1.6万家次": "2024-01-01/2026-07-20",
    "120亿元": "2024/2025",
    "8200户": "2026-05",
    "1500亿元": "2026-01-01/2026-05-31",
    "5.1%": "2026-01-01/2026-05-31",
    "560家": "2026-07-20",
    "80万平方米": "2026-07-20",
    "10万户": "2026",
    "100场": "2026",
    "突破4000亿元": "2028",
}


@pytest.mark.parametrize(
    ("text", "periods"),
    [(FINANCE_LETTER, FINANCE_PERIODS), (ENTERPRISE_LETTER, ENTERPRISE_PERIODS)],
    ids=["finance", "enterprise"],
)
def test_every_figure_of_a_letter_gets_its_period(text: str, periods: dict[str, str]) -> None:
    got = {q: f.period for q, f in drafted(text).items() if q in periods}
    assert got == periods
