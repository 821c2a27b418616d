"""The extractor: every number mention of a text, its kind, and the grammar's reading of it."""

from __future__ import annotations

import doctest
import math
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from futian_indicators import vocab
from futian_indicators.errors import ArgumentTypeError
from futian_indicators.language import mention_rules
from futian_indicators.language import mentions as finder
from futian_indicators.language.mentions import (
    AUTOMATIC_REASONS,
    COLUMNS,
    KINDS,
    MEASURE_KINDS,
    SET_PHRASES,
    extract_quantities,
)
from futian_indicators.language.normalise import normalise
from futian_indicators.language.quantity import parse_quantity

LETTERS = sorted(
    (Path(__file__).resolve().parent.parent / "data" / "raw" / "letters").glob("*.txt")
)
DTYPES = {
    "start": "int64",
    "end": "int64",
    "text": "string",
    "kind": "string",
    "value": "float64",
    "unit": "string",
    "qualifier": "string",
    "lower": "float64",
    "upper": "float64",
    "lower_lenient": "float64",
    "upper_lenient": "float64",
}


def letter(path: Path) -> str:
    return normalise(path.read_text(encoding="utf-8")).text


def mentions(text: str) -> list[tuple[str, str]]:
    """(text, kind) of every mention."""
    df = extract_quantities(text)
    return list(zip(df["text"], df["kind"], strict=True))


def mention(text: str, words: str) -> pd.Series:
    """The one row whose mention is ``words``."""
    df = extract_quantities(text)
    rows = df[df["text"] == words]
    assert len(rows) == 1, f"{words!r} is not one mention of {text!r}: {mentions(text)}"
    return rows.iloc[0]


def check_invariants(text: str, df: pd.DataFrame) -> None:
    """Columns and dtypes, offsets into the text, order, no overlaps, known kinds."""
    assert list(df.columns) == list(COLUMNS)
    assert {name: str(dtype) for name, dtype in df.dtypes.items()} == DTYPES
    assert all(text[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"], strict=True))
    assert (df["start"] < df["end"]).all()
    assert df["start"].is_monotonic_increasing
    assert (df["start"].to_numpy()[1:] >= df["end"].to_numpy()[:-1]).all()
    assert set(df["kind"]) <= set(KINDS)
    measures = df["kind"].isin(MEASURE_KINDS)
    assert df.loc[~measures, "value"].isna().all()  # only measures are read
    assert df.loc[~measures, "unit"].isna().all()


# ---------------------------------------------------------------------------------------------
# the table
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "没有数字的句子。", "一流的营商环境，进一步提升"])
def test_no_mentions_keep_columns_and_dtypes(text: str) -> None:
    df = extract_quantities(text)
    assert len(df) == 0
    check_invariants(text, df)


def test_columns_and_dtypes() -> None:
    text = "2024年实现地区生产总值5948.82亿元，全市第3，（电话：83678350）"
    df = extract_quantities(text)
    check_invariants(text, df)
    assert type(df) is pd.DataFrame
    assert df.index.equals(pd.RangeIndex(len(df)))


def test_kinds_and_reasons() -> None:
    assert KINDS == vocab.MENTION_KINDS
    assert MEASURE_KINDS == ("quantity", "rank")
    assert set(AUTOMATIC_REASONS) == set(KINDS) - set(MEASURE_KINDS)
    assert AUTOMATIC_REASONS["page_number"].startswith("a page number")
    assert AUTOMATIC_REASONS["date"] == "a date, not a measure"
    for reason in AUTOMATIC_REASONS.values():
        assert reason and "\n" not in reason and reason.endswith("not a measure")
    with pytest.raises(TypeError):
        AUTOMATIC_REASONS["date"] = "x"  # type: ignore[index]


def test_the_reading_is_the_grammars() -> None:
    text = "当前，福田区年度战略性新兴产业增加值超1100亿元、占GDP比重约20%，均为全市第一"
    df = extract_quantities(text)
    for row in df.itertuples():
        q = parse_quantity(row.text)
        assert (row.value, row.unit, row.qualifier) == (q.value, q.unit, q.qualifier)
        assert (row.lower, row.upper) == (q.lower, q.upper)
        assert (row.lower_lenient, row.upper_lenient) == (q.lower_lenient, q.upper_lenient)


# ---------------------------------------------------------------------------------------------
# quantities
# ---------------------------------------------------------------------------------------------

QUANTITIES = [
    # text (from the letters unless marked), mention, value, unit, qualifier
    ("战略性新兴产业增加值超1100亿元、占GDP", "超1100亿元", 1.1e11, "CNY", "over"),
    ("占GDP比重约20%，拥有智能终端", "约20%", 20.0, "percent", "approx"),
    ("“新一代信息技术发展论坛”等20余场活动", "20余场", 20.0, "count", "over"),
    ("金融科技企业占全市七成，助力深圳", "七成", 70.0, "percent", "exact"),
    ("2024年金融业增加值占全市总额超四成，正努力", "超四成", 40.0, "percent", "over"),
    ("同比增长89.1%，体量和增速均为全市第一", "89.1%", 89.1, "percent", "exact"),
    ("同比增长3.9%，占GDP比重19.3%", "3.9%", 3.9, "percent", "exact"),
    ("人工智能算力平台可调度规模超10000P、全市第一", "超10000P", 1e4, "pflops", "over"),
    ("产业政策补贴后综合融资成本仅1.79%/年。", "1.79%", 1.79, "percent", "exact"),
    ("全区拥有会计师事务所164家、占全市的42%，律师", "42%", 42.0, "percent", "exact"),
    ("战新产业规模为3560-3570亿元", "3560-3570亿元", 3565e8, "CNY", "range"),  # made up
    ("企业总数3年翻两番。三是", "翻两番", 4.0, "times", "exact"),
    ("“小巨人”企业、3年累计增长7.6倍。全社会", "7.6倍", 7.6, "times", "exact"),
    ("较2020年增长6倍有余，在研", "6倍有余", 6.0, "times", "over"),
    ("占全市四分之一", "四分之一", 25.0, "percent", "exact"),  # made up
    ("占比百分之十二", "百分之十二", 12.0, "percent", "exact"),  # made up
    ("辖区国家高新技术企业达1503家，创历史新高", "1503家", 1503.0, "count", "exact"),
    ("科研人才超1.5万人，集聚", "超1.5万人", 1.5e4, "count", "over"),
    ("贴息支持比例提升至70%。组织", "70%", 70.0, "percent", "exact"),
    ("带动链上企业超100家。二、在深化", "超100家", 100.0, "count", "over"),
    ("服务企业“走出去”累计超百家，帮助", "超百家", 100.0, "count", "over"),
    ("2025年目标打造5个以上低成本产业载体", "5个以上", 5.0, "count", "at_least"),
    ("安排首期规模为20亿元人民币的平稳资金", "20亿元人民币", 2e9, "CNY", "exact"),
    ("我区每年开千家重点企业走访工作", "千家", 1000.0, "count", "exact"),
    ("开拓国际国内两个市场，提升", "两个", 2.0, "count", "exact"),
    ("建成国际生物医药产业园共3个合计近30万平方米的专业化产业园", "近30万平方米", 3e5, "m2",
     "nearly"),
    ("装配式建筑占比约1/3，", "约1/3", 100 / 3, "percent", "approx"),  # made up
    ("占比提升至2/3以上。", "2/3以上", 200 / 3, "percent", "at_least"),  # made up
    ("总量的十分之一面向青年人才", "十分之一", 10.0, "percent", "exact"),  # made up
    ("力争到2030年实现翻番。", "翻番", 2.0, "times", "exact"),  # made up
    ("三年来市值翻了一番多。", "翻了一番多", 2.0, "times", "over"),  # made up
    ("研发费用中一成多来自资助", "一成多", 10.0, "percent", "over"),  # made up
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("数据截至2024/3，", [("2024", "date"), ("3", "quantity")]),
        ("于2025/6/30前报送", [("2025", "date"), ("6", "quantity"), ("30", "quantity")]),
        ("比例为1/3至1/2。", [("1", "quantity"), ("3至1", "quantity"), ("2", "quantity")]),
        ("按1:3的比例", [("1:3", "ratio")]),
        ("1/3万元", [("1/3", "quantity")]),  # part of a longer number: no value
        ("3/2", [("3/2", "quantity")]),  # no share below one: no value
        ("十分重要", []),
    ],
)
def test_slashes_that_give_no_fraction(text: str, found: list[tuple[str, str]]) -> None:
    frame = extract_quantities(text)
    assert list(zip(frame["text"], frame["kind"], strict=True)) == found
    assert frame["value"].isna().all()


@pytest.mark.parametrize(
    ("text", "words", "value", "unit", "qualifier"), QUANTITIES, ids=[q[1] for q in QUANTITIES]
)
def test_quantities(text: str, words: str, value: float, unit: str, qualifier: str) -> None:
    row = mention(text, words)
    assert (row["kind"], row["unit"], row["qualifier"]) == ("quantity", unit, qualifier)
    assert row["value"] == pytest.approx(value, rel=1e-12)
    q = parse_quantity(words)
    assert (row["lower"], row["upper"]) == (q.lower, q.upper)
    assert (row["lower_lenient"], row["upper_lenient"]) == (q.lower_lenient, q.upper_lenient)
    check_invariants(text, extract_quantities(text))


def test_achieved_is_left_out_of_a_mention() -> None:
    text = "推动发布3支证券化产品，规模达4.37亿元，服务企业28家"
    assert mentions(text) == [("3支", "quantity"), ("4.37亿元", "quantity"), ("28家", "quantity")]
    assert mention("达到1500家以上", "1500家以上")["qualifier"] == "at_least"


def test_unexplained_numbers_are_quantities_without_a_value() -> None:
    # a bare number, two grammar errors, an Arabic-Indic digit
    text = "共7，三四家，超100家以下，数字٣"
    df = extract_quantities(text)
    assert list(zip(df["text"], df["kind"], strict=True)) == [
        ("7", "quantity"),
        ("三四家", "quantity"),
        ("超100家以下", "quantity"),
        ("٣", "quantity"),
    ]
    assert df["value"].isna().all()
    assert df["unit"].isna().all()
    check_invariants(text, df)


def test_any_text_whitespace_included() -> None:
    text = "战略性新兴产业增加值超 1100 亿元，\n（第 20210091 号）\n2024 年"
    assert mentions(text) == [
        ("超 1100 亿元", "quantity"),
        ("第 20210091 号", "doc_number"),
        ("2024 年", "date"),
    ]
    assert mention(text, "超 1100 亿元")["value"] == 1.1e11


# ---------------------------------------------------------------------------------------------
# ranks
# ---------------------------------------------------------------------------------------------

RANKS = [
    # text, mention, value, qualifier, lower, upper
    ("体量和增速均为全市第一；发布3支", "第一", 1.0, "exact", 1.0, 1.0),
    ("PCT申请量539件，全市第3。有效发明专利", "第3", 3.0, "exact", 3.0, 3.0),
    ("助力深圳金融科技发展水平位列全球第三。城市低空", "第三", 3.0, "exact", 3.0, 3.0),
    ("进出口总额7841亿元，均居全市第一。全区拥有", "第一", 1.0, "exact", 1.0, 1.0),
    ("金融业增加值多年稳居深圳第一，连续", "第一", 1.0, "exact", 1.0, 1.0),
    ("连续第5年获评赛迪中国“百强区”前三，持续打造", "前三", 3.0, "under", 1.0, 3.0),
    ("排名全省第3名", "第3名", 3.0, "exact", 3.0, 3.0),  # made up
    ("位居全国第三位", "第三位", 3.0, "exact", 3.0, 3.0),  # made up
    ("跻身全国前10", "前10", 10.0, "under", 1.0, 10.0),  # made up
]


@pytest.mark.parametrize("case", RANKS, ids=[r[0][-8:] for r in RANKS])
def test_ranks(case: tuple[str, str, float, str, float, float]) -> None:
    text, words, value, qualifier, lower, upper = case
    row = mention(text, words)
    assert (row["kind"], row["value"], row["unit"], row["qualifier"]) == (
        "rank",
        value,
        "rank",
        qualifier,
    )
    assert (row["lower"], row["upper"], row["lower_lenient"], row["upper_lenient"]) == (
        lower,
        upper,
        lower,
        upper,
    )


def test_a_rank_named_by_its_neighbour_is_not_read() -> None:
    text = "每万人口有效发明专利187.76件，仅次于南山。"
    assert mentions(text) == [("187.76件", "quantity")]


# ---------------------------------------------------------------------------------------------
# the kinds that are not measures
# ---------------------------------------------------------------------------------------------

NOT_MEASURES = [
    # text, the mentions it holds (all of them, in order)
    ("date", "2024年实现地区生产总值", ["2024年"]),
    ("date", "迈上新台阶。2023年8月，国务院印发", ["2023年8月"]),
    ("date", "2020年4月11日，我区印发了", ["2020年4月11日"]),
    ("date", "转化水平2023年上半年，全区专利授权量", ["2023年上半年"]),
    ("date", "福田区科技和工业信息化局2025年9月26日", ["2025年9月26日"]),
    ("date", "引导基金投资有限公司2015我区成立了", ["2015"]),
    ("date", "改革发展的行动方案（2021-2023年）》", ["2021-2023年"]),
    ("date", "四策并举，2023年度计划完成", ["2023年度"]),
    ("date", "截至2023年8月底，全区共收集", ["2023年8月底"]),
    ("date", "截至2024年底，河套深圳园区", ["2024年底"]),
    ("date", "2024年4月初召开福田区服务业大会", ["2024年4月初"]),
    ("date", "二〇二四年", ["二〇二四年"]),
    ("doc_number", "关于对第2025136号提案《关于", ["第2025136号"]),
    ("doc_number", "会议20240294号《关于致力", ["20240294号"]),
    ("doc_number", "科技创新局关于对TA 20210091“坚持", ["TA 20210091"]),
    ("doc_number", "核心地位》（第20210091号）收悉", ["第20210091号"]),
    ("doc_number", "（联系人：刘天剑，联系电话：83678350)", ["83678350"]),
    ("doc_number", "（联系人：施雨彤，电话：82915570-1411）", ["82915570-1411"]),
    ("ordinal", "连续第5年获评", ["第5年"]),
    ("ordinal", "中广核研究院有限公司获得第二十四届中国专利金奖", ["第二十四届"]),
    ("ordinal", "ID4药物研发平台获第五届金砖国家青年创新奖一等奖", ["ID4", "第五届"]),
    ("ordinal", "深圳市福田区政协五届七次会议提案", ["五届", "七次"]),
    ("ordinal", "深圳市福田区第八届人民代表大会第四次会议", ["第八届", "第四次"]),
    ("ordinal", "现答复如下：一是加速集聚高端科创资源。二是战新产业", ["一是", "二是"]),
    ("ordinal", "梯队培育体系一是投资驱动型", ["一是"]),
    ("ordinal", "抢占市场先机。（一）优化科技金融赋能体系", ["（一）"]),
    ("ordinal", "现答复如下：一、提供资金扶持", ["一、"]),
    ("ordinal", "建成国际生物医药产业园一期、二期及河套科创中心", ["一期", "二期"]),
    ("ordinal", "。第一，坚持创新", ["第一"]),  # made up
    ("code", "围绕“20+8”战略性新兴产业集群", ["20+8"]),
    ("code", "打出“1+10+N+N+1”组合拳", ["1+10+N+N+1"]),
    ("code", "建设“1+10+4”外商服务站网络", ["1+10+4"]),
    ("code", "构建“6+3+4”福田区都市型现代产业引领区", ["6+3+4"]),
    ("code", "形成“8+3”产业集群", ["8+3"]),
    ("code", "大湾区首个深港跨境“N+1”知识产权证券化项目", ["N+1"]),
    ("code", "聚焦5G、集成电路", ["5G"]),
    ("code", "线上服务与线下体验相结合的O2O模式", ["O2O"]),
    ("code", "全面落实“福田英才荟3.0”，完善", ["3.0"]),
    ("code", "完成合作区官网1.0版本的设计", ["1.0版本"]),
    ("code", "西门子等多家世界500强企业子公司", ["500强"]),
    ("code", "连续获评赛迪中国“百强区”", ["百强区"]),
    ("code", "5所香港世界百强高校", ["5所", "百强"]),
    ("code", "新能源等3个千亿级集群", ["3个", "千亿级"]),
    ("code", "网络与通信等3个五百亿级集群", ["3个", "五百亿级"]),
    ("code", "形成“千亿引领、百亿支撑、十亿接续”的产业梯队", ["千亿引领", "百亿支撑", "十亿接续"]),
    ("code", "国家知识产权强县建设示范县等3大知识产权国字招牌", ["3大"]),
    ("duration", "“小巨人”企业、3年累计增长7.6倍", ["3年", "7.6倍"]),
    ("duration", "企业总数3年翻两番", ["3年", "翻两番"]),
    ("duration", "实现3天内响应企业诉求", ["3天内"]),
    ("duration", "近6个月，前3年", ["近6个月", "前3年"]),  # made up
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "text", "found"), NOT_MEASURES, ids=[f"{k}-{f[-1]}" for k, _, f in NOT_MEASURES]
)
def test_kinds_that_are_not_measures(kind: str, text: str, found: list[str]) -> None:
    df = extract_quantities(text)
    assert list(df["text"]) == found
    assert kind in set(df["kind"])
    assert (df.loc[df["kind"] == kind, "value"]).isna().all()
    check_invariants(text, df)


@pytest.mark.parametrize(
    "text",
    [
        "进一步帮助企业提高申报成功率",
        "建立统一的运营服务管理体系",
        "是全市唯一一个全部聚焦于战略性新兴产业研发设计环节的行政区",
        "关于福田区打造一流营商环境的建议",
        "引进一批龙头企业、链主企业，吸引一批国际龙头企业",
        "为一体的“一站式”平台",
        "开展对企业一对一上门辅导",
        "充分展示合作区“一河两岸”风采",
        "“政策+资本+场景”三位一体的未来产业支撑体系",
        "标志着福田迈入“二次创业”新阶段",
        "构筑“一条龙”成熟服务生态",
        "实施“租、购、改、建”四策并举",
        "打造近零碳全场景项目",
        "整合集成一企一档、政策计算器",
        "针对建议一：研究福田区新质生产力",
        "对研发机构上一年度研发投入给予支持",
        "重要原因之一是",
        "委托第三方机构评估，第一时间响应",
    ],
)
def test_chinese_numerals_that_are_not_numbers(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("突出科创、金融、时尚“三大产业”", "三大", 3),
        ("海外供应链等十大类专业服务", "十大类", 10),
        ("以七大战略性新兴产业", "七大", 7),
        ("推进科创和金融两大支柱产业", "两大", 2),
    ],
)
def test_a_chinese_numeral_counting_a_named_set_is_a_quantity(
    text: str, mention: str, value: int
) -> None:
    df = extract_quantities(text)
    assert list(zip(df["text"], df["kind"], df["value"], df["unit"], strict=True)) == [
        (mention, "quantity", value, "count")
    ]


@pytest.mark.parametrize("text", ["亿五大", "完成十亿五大产业", "营收万亿三大类"])
def test_a_set_count_touching_a_multiplier_is_never_read_alone(text: str) -> None:
    # 五大 after 亿 is part of a longer number: no value of 5, nor of 10亿 plus 5, nor an error
    df = extract_quantities(text)
    assert not df["value"].isin([2.0, 3.0, 5.0, 1_050_000_000.0]).any(), df


@pytest.mark.parametrize("text", ["引进一大批龙头企业", "清华大学", "会展中心大厦"])
def test_da_after_a_numeral_that_counts_no_set_is_no_mention(text: str) -> None:
    assert mentions(text) == []


def test_set_phrases_are_words_with_a_numeral() -> None:
    numerals = set("零〇一二两三四五六七八九十百千万亿")
    assert all(numerals & set(phrase) for phrase in SET_PHRASES)
    assert len(set(SET_PHRASES)) == len(SET_PHRASES)


# ---------------------------------------------------------------------------------------------
# the letters
# ---------------------------------------------------------------------------------------------

COUNTS = {
    "cppcc-20210091": {"ordinal": 30, "quantity": 17, "date": 9, "doc_number": 2, "code": 2},
    "cppcc-2023103": {"quantity": 29, "ordinal": 17, "date": 7, "code": 6, "doc_number": 2,
                      "rank": 2, "duration": 1},
    "cppcc-2025136": {"quantity": 46, "ordinal": 8, "date": 8, "code": 8, "rank": 4,
                      "doc_number": 2},
    "npc-20240294": {"quantity": 24, "ordinal": 16, "code": 6, "date": 4, "doc_number": 3,
                     "rank": 2, "duration": 1},
    "npc-20250021": {"quantity": 39, "ordinal": 24, "code": 12, "date": 10, "rank": 3,
                     "doc_number": 1, "duration": 1},
}  # fmt: skip


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_every_digit_of_a_letter_is_in_a_mention(path: Path) -> None:
    text = letter(path)
    df = extract_quantities(text)
    check_invariants(text, df)
    covered = bytearray(len(text))
    for start, end in zip(df["start"], df["end"], strict=True):
        covered[start:end] = b"\x01" * (end - start)
    missed = [
        (i, text[i - 5 : i + 5]) for i, c in enumerate(text) if c.isdigit() and not covered[i]
    ]
    assert missed == []


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_measures_of_a_letter_read_as_the_grammar_does(path: Path) -> None:
    df = extract_quantities(letter(path))
    read = df[df["value"].notna()]
    assert set(read["kind"]) <= set(MEASURE_KINDS)
    # a set's count (七大, 十大类) is read by the extractor, not the grammar: no unit word
    read = read[~read["text"].str.fullmatch(r"[一二两三四五六七八九十]+(?:大类?|类)")]
    for row in read.itertuples():
        q = parse_quantity(row.text)
        # the words around a mention may give it a rate unit (每万人口 ... 件) or a qualifier
        # (最高奖励 ...); nothing else differs from the grammar's reading of its own words
        assert row.unit == q.unit or row.unit in {"per_1k_people", "per_10k_people"}
        if row.qualifier == q.qualifier:
            assert (row.value, row.lower, row.upper) == (q.value, q.lower, q.upper)
        else:
            assert q.qualifier == "exact"
            assert row.value == q.value


def test_mention_counts_of_the_letters() -> None:
    """A snapshot: a change here is a change in what the curator must account for."""
    counts = {
        path.stem: extract_quantities(letter(path))["kind"].value_counts().to_dict()
        for path in LETTERS
    }
    assert counts == COUNTS


def test_the_letters_unparsed_quantities() -> None:
    """Every quantity of the letters is read by the grammar (none is left with no value)."""
    for path in LETTERS:
        df = extract_quantities(letter(path))
        unread = df[df["kind"].isin(MEASURE_KINDS) & df["value"].isna()]
        assert list(unread["text"]) == [], path.stem


# ---------------------------------------------------------------------------------------------
# speed and the module
# ---------------------------------------------------------------------------------------------


def _seconds(text: str) -> float:
    """The best of three runs: the least disturbed by whatever else the machine does."""
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        extract_quantities(text)
        best = min(best, time.perf_counter() - start)
    return best


GROWTH_FACTOR = 8
"""The text grows eightfold: the time grows about 8 times if linear, 64 times if quadratic."""

GROWTH_LIMIT = 24
"""Between the two by a factor of about 3 either way, so a machine busy with other work during
one of the runs does not fail the test, and a quadratic scan still does."""


def _growth(make: Callable[[int], str], size: int) -> float:
    """How much longer eight times the text takes (a ratio, not a time)."""
    return _seconds(make(GROWTH_FACTOR * size)) / max(_seconds(make(size)), 1e-4)


def _mixed(size: int) -> str:
    phrase = "超1100亿元，近60%，2024年，第3，"
    quarter = size // 4
    text = (phrase * (quarter // len(phrase) + 1))[:quarter]
    text += "一" * (quarter // 2) + "1" * (quarter // 2) + "超" * (quarter // 2)
    text += "第前翻分之万" * (quarter // 12) + "一是百强1.2+" * (quarter // 18)
    return text[:size]


def test_linear_time_on_mixed_text() -> None:
    assert len(extract_quantities(_mixed(1_000_000))) > 45_000  # a megabyte goes through
    assert _growth(_mixed, 50_000) < GROWTH_LIMIT


@pytest.mark.parametrize("run", ["一", "1", "超", "第", "万", "十", "二〇", "1+", "a1", "1.", "（"])
def test_linear_time_on_adversarial_runs(run: str) -> None:
    def make(size: int) -> str:
        return run * (size // len(run))

    assert _growth(make, 12_500) < GROWTH_LIMIT
    check_invariants(make(50_000), extract_quantities(make(50_000)))


def test_docstring_examples() -> None:
    # The finder and its rules on the text: every rule and every branch of the classifier.
    results = [doctest.testmod(module) for module in (finder, mention_rules)]
    assert [r.failed for r in results] == [0, 0]
    assert sum(r.attempted for r in results) >= 25


def test_nan_reading_is_nan_not_none() -> None:
    df = extract_quantities("2024年")
    assert math.isnan(df.loc[0, "value"])
    assert df.loc[0, "unit"] is pd.NA


# --- a slash M/N is a share only where the words make it one: never a date's value ---

NAN = math.nan


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("会议于3/15召开，12/31前完成。", [("3/15", "date", NAN), ("12/31", "date", NAN)]),
        ("3/15召开", [("3/15", "date", NAN)]),
        ("12/31前完成", [("12/31", "date", NAN)]),
        ("于3/15", [("3/15", "date", NAN)]),
        ("提供7/24小时服务", [("7/24小时", "code", NAN)]),
        ("提供24/7服务", [("24/7", "code", NAN)]),
        ("24/7小时在线", [("24/7小时", "code", NAN)]),
        ("约1/3", [("约1/3", "quantity", 100 / 3)]),
        ("占1/3", [("1/3", "quantity", 100 / 3)]),
        ("1/3左右", [("1/3左右", "quantity", 100 / 3)]),
        ("提升至1/3", [("1/3", "quantity", 100 / 3)]),
        ("1／3", [("1／3", "quantity", 100 / 3)]),
        ("约1／4", [("约1／4", "quantity", 25.0)]),
        ("全区3/4的学校", [("3/4", "quantity", 75.0)]),
        ("规划1/3地块", [("1/3", "quantity", NAN)]),  # nothing makes it a share
        ("共1/3万元", [("1/3", "quantity", NAN)]),  # and its 3 is no 3万元
    ],
)
def test_a_slash_is_read_only_as_a_share(text: str, found: list[tuple[str, str, float]]) -> None:
    frame = extract_quantities(text)
    got = list(zip(frame["text"], frame["kind"], frame["value"], strict=True))
    assert [(t, k) for t, k, _ in got] == [(t, k) for t, k, _ in found]
    for (_, _, value), (_, _, expected) in zip(got, found, strict=True):
        assert value == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day", [1, 9, 15, 28, 31])
@pytest.mark.parametrize(
    "frame", ["会议于{}召开", "在{}举行", "截至{}，", "{}前完成", "{}起实施", "{}开始"]
)
def test_no_month_and_day_gets_a_value(month: int, day: int, frame: str) -> None:
    for slash in "/／":
        values = extract_quantities(frame.format(f"{month}{slash}{day}"))["value"]
        assert values.isna().all(), frame.format(f"{month}{slash}{day}")


@pytest.mark.parametrize("value", [None, 123, b"text", ["text"]])
def test_extract_quantities_refuses_what_is_no_text(value: object) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        extract_quantities(value)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith(f"text={value!r} ({type(value).__name__})")
    assert "str" in message.split("give", 1)[1]


@pytest.mark.parametrize("text", ["2024/3万元", "2025/12亿元", "共2/3万元"])
def test_a_number_after_a_slash_not_read_as_a_share_gets_no_value(text: str) -> None:
    # the 3 of 2024/3万元 is part of a longer writing: flagged (no value), never 3万元
    df = extract_quantities(text)
    assert df["value"].isna().all(), df
