"""The Chinese quantity grammar: values, units, qualifiers, intervals, errors."""

from __future__ import annotations

import ast
import doctest
import math
import re
import sys
import time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from futian_indicators import vocab
from futian_indicators.errors import ArgumentTypeError, QuantityParseError
from futian_indicators.language import grammar, lexicon, numerals, quantity, readings, units
from futian_indicators.language.quantity import (
    QUANTITY_RE,
    UNIT_WORDS,
    Interval,
    Quantity,
    is_bare_number,
    parse_quantity,
    quantity_from_match,
)


def interval(spec: str) -> Interval:
    """'[1.5, 2.5)' -> Interval; the ends are Decimal strings ('5948.815e8', 'inf')."""
    lower, upper = (float(Decimal(end.strip())) for end in spec[1:-1].split(","))
    return Interval(lower, upper, spec[0] == "[", spec[-1] == "]")


class Case(NamedTuple):
    """A phrase and what it must parse to (intervals in the notation of `interval`)."""

    text: str
    value: str
    unit: str
    qualifier: str
    strict: str
    lenient: str
    as_reported: str | None = None
    unit_reported: str | None = None


def check(case: Case) -> Quantity:
    q = parse_quantity(case.text)
    assert (q.text, q.value, q.unit, q.qualifier) == (
        case.text,
        float(Decimal(case.value)),
        case.unit,
        case.qualifier,
    )
    assert q.strict == interval(case.strict)
    assert q.lenient == interval(case.lenient)
    return q


# ---------------------------------------------------------------------------------------------
# units
# ---------------------------------------------------------------------------------------------

UNITS = [
    Case(*row)
    for row in [
        # text, value, unit, qualifier, strict, lenient
        ("139.21元", "139.21", "CNY", "exact", "[139.205, 139.215]", "[139.205, 139.215]"),
        ("2万元", "2e4", "CNY", "exact", "[1.5e4, 2.5e4]", "[1.5e4, 2.5e4]"),
        ("2.9亿元", "2.9e8", "CNY", "exact", "[2.85e8, 2.95e8]", "[2.85e8, 2.95e8]"),
        ("1.5万亿元", "1.5e12", "CNY", "exact", "[1.45e12, 1.55e12]", "[1.45e12, 1.55e12]"),
        ("20亿元人民币", "2e9", "CNY", "exact", "[1.95e9, 2.05e9]", "[1.5e9, 2.5e9]"),
        ("3美元", "3", "USD", "exact", "[2.5, 3.5]", "[2.5, 3.5]"),
        ("30万美元", "3e5", "USD", "exact", "[2.95e5, 3.05e5]", "[2.5e5, 3.5e5]"),
        ("2.5亿美元", "2.5e8", "USD", "exact", "[2.45e8, 2.55e8]", "[2.45e8, 2.55e8]"),
        ("500平方米", "500", "m2", "exact", "[499.5, 500.5]", "[450, 550]"),
        ("120平米", "120", "m2", "exact", "[119.5, 120.5]", "[115, 125]"),
        ("76万平方米", "7.6e5", "m2", "exact", "[7.55e5, 7.65e5]", "[7.55e5, 7.65e5]"),
        ("15万平米", "1.5e5", "m2", "exact", "[1.45e5, 1.55e5]", "[1.45e5, 1.55e5]"),
        ("2平方公里", "2e6", "m2", "exact", "[1.5e6, 2.5e6]", "[1.5e6, 2.5e6]"),
        ("45家", "45", "count", "exact", "[44.5, 45.5]", "[44.5, 45.5]"),
        ("5万人", "5e4", "count", "exact", "[4.5e4, 5.5e4]", "[4.5e4, 5.5e4]"),
        ("700人/次", "700", "count", "exact", "[699.5, 700.5]", "[650, 750]"),
        ("3.9%", "3.9", "percent", "exact", "[3.85, 3.95]", "[3.85, 4.0]"),
        ("１２．５％", "12.5", "percent", "exact", "[12.45, 12.55]", "[12.45, 12.6]"),
        ("三成", "30", "percent", "exact", "[25, 35]", "[25, 40]"),
        ("3个百分点", "3", "percentage_point", "exact", "[2.5, 3.5]", "[2.5, 3.5]"),
        ("7.6倍", "7.6", "times", "exact", "[7.55, 7.65]", "[7.55, 7.65]"),
        ("10000P", "10000", "pflops", "exact", "[9999.5, 10000.5]", "[5000, 15000]"),
    ]
]


@pytest.mark.parametrize("case", UNITS, ids=lambda case: case.text)
def test_units(case: Case) -> None:
    check(case)


COUNT_WORDS = [*"件家个名人场项条支所栋批届座套台", "人次"]


@pytest.mark.parametrize("word", COUNT_WORDS)
def test_count_words(word: str) -> None:
    q = parse_quantity(f"12{word}")
    assert (q.value, q.unit, q.unit_as_reported) == (12.0, "count", word)


def test_every_unit_word_parses_to_its_unit() -> None:
    for word, meaning in UNIT_WORDS.items():
        q = parse_quantity(f"2{word}")
        assert (q.unit, q.value) == (meaning.unit, float(2 * meaning.factor)), word


# ---------------------------------------------------------------------------------------------
# qualifiers: one row per word
# ---------------------------------------------------------------------------------------------

OVER = ("100", "count", "over", "(100, inf)", "[50, inf)")
AT_LEAST = ("1500", "count", "at_least", "[1500, inf)", "[1450, inf)")
NEARLY = ("60", "percent", "nearly", "[54, 60)", "[48, 60]")
APPROX = ("20", "percent", "approx", "[19, 21]", "[15, 25]")
UNDER_CLOSED = ("1e6", "CNY", "under", "[0, 1e6]", "[0, 1.5e6]")
UNDER_OPEN = ("5", "percent", "under", "(-inf, 5)", "(-inf, 5.5]")
EXACT = ("1503", "count", "exact", "[1502.5, 1503.5]", "[1502.5, 1503.5]")
RANGE = ("3565e8", "CNY", "range", "[3559.5e8, 3570.5e8]", "[3555e8, 3575e8]")

QUALIFIERS = [
    Case(*row)
    for row in [
        ("超100家", *OVER),
        ("超过100家", *OVER),
        ("逾100家", *OVER),
        ("突破1500家", *AT_LEAST),
        ("1500家以上", *AT_LEAST),
        ("至少1500家", *AT_LEAST),
        ("不少于1500家", *AT_LEAST),
        ("不低于1500家", *AT_LEAST),
        ("达到1500家以上", *AT_LEAST),
        ("近60%", *NEARLY),
        ("接近60%", *NEARLY),
        ("将近60%", *NEARLY),
        ("约20%", *APPROX),
        ("大约20%", *APPROX),
        ("20%左右", *APPROX),
        ("约3%", "3", "percent", "approx", "[2.5, 3.5]", "[2.5, 3.5]"),  # h wider than the band
        (
            "约5948.82亿元",
            "5948.82e8",
            "CNY",
            "approx",
            "[5651.379e8, 6246.261e8]",
            "[5353.938e8, 6543.702e8]",
        ),
        ("不超过100万元", *UNDER_CLOSED),
        ("不高于100万元", *UNDER_CLOSED),
        ("最高100万元", *UNDER_CLOSED),
        ("最多100万元", *UNDER_CLOSED),
        ("100万元以下", *UNDER_CLOSED),
        ("100万元以内", *UNDER_CLOSED),
        ("不足5%", *UNDER_OPEN),
        ("不到5%", *UNDER_OPEN),
        ("不满5%", *UNDER_OPEN),
        ("不足100家", "100", "count", "under", "[0, 100)", "[0, 150]"),
        ("20余场", "20", "count", "over", "(20, 30)", "[20, 30]"),
        ("20多场", "20", "count", "over", "(20, 30)", "[20, 30]"),
        ("50余家", "50", "count", "over", "(50, 60)", "[50, 60]"),
        ("30余家", "30", "count", "over", "(30, 40)", "[30, 40]"),
        ("1000多万元", "1e7", "CNY", "over", "(1e7, 2e7)", "[1e7, 2e7]"),
        ("1.5万余人", "1.5e4", "count", "over", "(1.5e4, 1.6e4)", "[1.5e4, 1.6e4]"),
        ("20余万人", "2e5", "count", "over", "(2e5, 3e5)", "[2e5, 3e5]"),
        ("6倍有余", "6", "times", "over", "(6, 7)", "[6, 7]"),
        ("一倍多", "1", "times", "over", "(1, 2)", "[1, 2]"),
        ("1503家", *EXACT),
        ("达1503家", *EXACT),
        ("达到1503家", *EXACT),
        ("3560-3570亿元", *RANGE),
        ("3560～3570亿元", *RANGE),
        ("3560~3570亿元", *RANGE),
        ("3560至3570亿元", *RANGE),
        ("3560到3570亿元", *RANGE),
        ("3560亿元-3570亿元", *RANGE),
        ("10%-15%", "12.5", "percent", "range", "[9.5, 15.5]", "[5, 15.5]"),
        ("1-2万元", "1.5e4", "CNY", "range", "[0.5e4, 2.5e4]", "[0.5e4, 2.5e4]"),
        ("1万-2万元", "1.5e4", "CNY", "range", "[0.5e4, 2.5e4]", "[0.5e4, 2.5e4]"),
    ]
]


@pytest.mark.parametrize("case", QUALIFIERS, ids=lambda case: case.text)
def test_qualifiers(case: Case) -> None:
    check(case)


@pytest.mark.parametrize(
    ("text", "floor"),
    [
        ("不超过100万元", 0.0),  # CNY
        ("不超过3美元", 0.0),  # USD
        ("不足20家", 0.0),  # count
        ("不超过5万平方米", 0.0),  # m2
        ("不超过10000P", 0.0),  # pflops
        ("不足5%", -math.inf),  # percent: a growth rate can be negative
        ("不超过2个百分点", -math.inf),
        ("不超过3倍", -math.inf),
    ],
)
def test_under_starts_at_zero_only_for_units_that_cannot_be_negative(
    text: str, floor: float
) -> None:
    q = parse_quantity(text)
    assert q.unit in readings.NON_NEGATIVE_UNITS or floor == -math.inf
    assert (q.lower, q.lower_lenient) == (floor, floor)
    assert q.strict.lower_closed is (floor == 0.0)  # an infinite end is open
    assert q.lenient.lower_closed is (floor == 0.0)


@pytest.mark.parametrize(
    ("text", "strict", "lenient"),
    [
        ("30万余元", "(30e4, 31e4)", "[30e4, 31e4]"),  # after the multiplier: its last digit
        ("三十万余元", "(30e4, 31e4)", "[30e4, 31e4]"),
        ("12万余人", "(12e4, 13e4)", "[12e4, 13e4]"),
        ("30余万元", "(30e4, 40e4)", "[30e4, 40e4]"),  # before it: the next step, as 30余元
    ],
)
def test_more_after_a_multiplier_steps_at_its_last_written_digit(
    text: str, strict: str, lenient: str
) -> None:
    q = parse_quantity(text)
    assert (q.qualifier, q.strict, q.lenient) == ("over", interval(strict), interval(lenient))
    assert not q.strict.lower_closed and not q.strict.upper_closed  # both ends open


@pytest.mark.parametrize(
    ("chinese", "arabic"),
    [
        ("一百家", "100家"),
        ("二十家", "20家"),
        ("十家", "10家"),
        ("两千个", "2000个"),
        ("一千二百人", "1200人"),
        ("一万二千人", "12000人"),
        ("三十万人", "30万人"),
        ("一百万元", "100万元"),
        ("一百二十亿元", "120亿元"),
        ("一亿元", "1亿元"),
        ("约一百家", "约100家"),
        ("近一千家", "近1000家"),
        ("超一百家", "超100家"),
        ("一百家以上", "100家以上"),
        ("不足一百家", "不足100家"),
        ("五百余家", "500余家"),
        ("二十余万人", "20余万人"),
        ("三十万余元", "30万余元"),
        ("百家", "1百家"),  # 百, 千 alone are the multiplier with its one
        ("千家", "1千家"),
        ("超千亿元", "超1000亿元"),
    ],
)
def test_a_chinese_numeral_is_as_precise_as_its_arabic_twin(chinese: str, arabic: str) -> None:
    c, a = parse_quantity(chinese), parse_quantity(arabic)
    assert (c.value, c.unit, c.qualifier) == (a.value, a.unit, a.qualifier)
    assert (c.strict, c.lenient) == (a.strict, a.lenient)


@pytest.mark.parametrize(
    "text",
    [
        "0家", "零家", "0万元", "0%", "0.0%", "0个百分点", "0倍", "约0家", "0元左右", "0家以上",
        "超0家", "不超过0家", "0-5家", "0-5%", "0至3个", "0-0.5万元", "0%-3%",
    ],
)  # fmt: skip
def test_an_exact_zero_does_not_reach_below_zero(text: str) -> None:
    q = parse_quantity(text)
    assert q.lower == q.lower_lenient == 0.0
    assert q.strict.lower_closed is (q.qualifier != "over")  # 超0: above 0, not 0 itself


@pytest.mark.parametrize("text", ["0.3万元", "0.5家", "0.4平方米", "1-2万元"])
def test_an_amount_does_not_reach_below_zero(text: str) -> None:
    q = parse_quantity(text)
    assert q.unit in readings.NON_NEGATIVE_UNITS
    assert q.lower >= 0 and q.lower_lenient >= 0


def test_truncated_percentage_is_inside_the_lenient_interval() -> None:
    q = parse_quantity("99%")  # 已办结企业诉求2039条 of 2045: 99.7%
    assert 2039 / 2045 * 100 not in q.strict
    assert 2039 / 2045 * 100 in q.lenient


def test_bands_are_the_named_constants(monkeypatch: pytest.MonkeyPatch) -> None:
    assert str(readings.APPROX_BAND) == "0.05"
    assert str(readings.NEARLY_BAND) == "0.10"
    assert readings.LENIENT_BAND_FACTOR == 2
    assert quantity.APPROX_BAND is readings.APPROX_BAND  # the grammar's names are the rules'
    monkeypatch.setattr(readings, "APPROX_BAND", Decimal("0.10"))
    monkeypatch.setattr(readings, "NEARLY_BAND", Decimal("0.20"))
    assert parse_quantity("约20%").strict == interval("[18, 22]")
    assert parse_quantity("近60%").lenient == interval("[36, 60]")
    monkeypatch.setattr(readings, "LENIENT_BAND_FACTOR", 3)
    assert parse_quantity("约20%").lenient == interval("[14, 26]")
    assert parse_quantity("近60%").lenient == interval("[24, 60]")


# ---------------------------------------------------------------------------------------------
# real phrases from the letters
# ---------------------------------------------------------------------------------------------

REAL = [Case(*row) for row in [
    # text, value, unit, qualifier, strict, lenient, value_as_reported, unit_as_reported
    ("139.21 亿元", "139.21e8", "CNY", "exact", "[139.205e8, 139.215e8]",
     "[139.205e8, 139.215e8]", "139.21 亿元", "亿元"),
    ("超 1100 亿元", "1100e8", "CNY", "over", "(1100e8, inf)", "[1050e8, inf)", "超 1100 亿元",
     "亿元"),
    ("近60%", "60", "percent", "nearly", "[54, 60)", "[48, 60]", "近 60%", "%"),
    ("20 余场", "20", "count", "over", "(20, 30)", "[20, 30]", "20余 场", "场"),
    ("超四成", "40", "percent", "over", "(40, inf)", "[35, inf)", "超四成", "成"),
    ("七成", "70", "percent", "exact", "[65, 75]", "[65, 80]", "七成", "成"),
    ("89.1%", "89.1", "percent", "exact", "[89.05, 89.15]", "[89.05, 89.2]", "89.1%", "%"),
    ("1.5 万人", "1.5e4", "count", "exact", "[1.45e4, 1.55e4]", "[1.45e4, 1.55e4]", "1.5 万人",
     "万人"),
    ("超10000P", "10000", "pflops", "over", "(10000, inf)", "[5000, inf)", "超 10000P", "P"),
    ("5948.82亿元", "5948.82e8", "CNY", "exact", "[5948.815e8, 5948.825e8]",
     "[5948.815e8, 5948.825e8]", "5948.82 亿元", "亿元"),
    ("6 倍有余", "6", "times", "over", "(6, 7)", "[6, 7]", "6 倍有余", "倍"),
    ("3.9%", "3.9", "percent", "exact", "[3.85, 3.95]", "[3.85, 4.0]", "3.9%", "%"),
    ("38.33%", "38.33", "percent", "exact", "[38.325, 38.335]", "[38.325, 38.34]", "38.33%",
     "%"),
    # a bare numeral has no unit (see test_errors); 一千二百 with a unit word:
    ("一千二百人", "1200", "count", "exact", "[1199.5, 1200.5]", "[1150, 1250]", "一千二百人",
     "人"),
    ("超千亿元", "1000e8", "CNY", "over", "(1000e8, inf)", "[500e8, inf)", "超千亿元", "亿元"),
    ("不超过 100 万元", "1e6", "CNY", "under", "[0, 1e6]", "[0, 1.5e6]", "不超过 100 万元",
     "万元"),
    ("最高 200 万元", "2e6", "CNY", "under", "[0, 2e6]", "[0, 2.5e6]", "最高 200 万元", "万元"),
    ("突破 1500 家", "1500", "count", "at_least", "[1500, inf)", "[1450, inf)", "突破 1500 家",
     "家"),
    ("3 个百分点", "3", "percentage_point", "exact", "[2.5, 3.5]", "[2.5, 3.5]", "3 个百分点",
     "个百分点"),
    ("30 万平方米", "3e5", "m2", "exact", "[2.95e5, 3.05e5]", "[2.5e5, 3.5e5]", "30 万平方米",
     "万平方米"),
    ("近 30 万平方米", "3e5", "m2", "nearly", "[2.7e5, 3e5)", "[2.4e5, 3e5]", "近 30 万平方米",
     "万平方米"),
    ("5个以上", "5", "count", "at_least", "[5, inf)", "[4.5, inf)", "5 个以上", "个"),
    ("3000万元以上", "3e7", "CNY", "at_least", "[3e7, inf)", "[2.5e7, inf)", "3000 万元以上",
     "万元"),
    ("99%", "99", "percent", "exact", "[98.5, 99.5]", "[98.5, 100]", "99%", "%"),
    ("约20%", "20", "percent", "approx", "[19, 21]", "[15, 25]", "约 20%", "%"),
]]  # fmt: skip


@pytest.mark.parametrize("case", REAL, ids=lambda case: case.text)
def test_real_phrases(case: Case) -> None:
    q = check(case)
    assert (q.value_as_reported, q.unit_as_reported) == (case.as_reported, case.unit_reported)


def test_decimal_exactness() -> None:
    q = parse_quantity("5948.82亿元")
    assert q.value == 594882000000.0
    assert q.lower == float(Decimal("5948.815") * 10**8)
    assert q.upper == float(Decimal("5948.825") * 10**8)
    assert parse_quantity("139.21 亿元").value == 13921000000.0
    assert parse_quantity("19.3%").strict == Interval(19.25, 19.35, True, True)


def test_convenience_properties() -> None:
    q = parse_quantity("近60%")
    assert (q.lower, q.upper, q.lower_lenient, q.upper_lenient) == (54.0, 60.0, 48.0, 60.0)
    assert 60.0 not in q.strict
    assert 60.0 in q.lenient


# ---------------------------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------------------------

CHINESE = [
    # text, value, strict
    ("两家", "2", "[1.5, 2.5]"),
    ("十家", "10", "[9.5, 10.5]"),  # as precise as 10家
    ("十二家", "12", "[11.5, 12.5]"),
    ("二十场", "20", "[19.5, 20.5]"),
    ("二十五场", "25", "[24.5, 25.5]"),
    ("一百零五家", "105", "[104.5, 105.5]"),
    ("一千二百人", "1200", "[1199.5, 1200.5]"),
    ("一千二人", "1200", "[1150, 1250]"),
    ("两万五千人", "25000", "[24999.5, 25000.5]"),
    ("两万五人", "25000", "[24500, 25500]"),
    ("一万零五人", "10005", "[10004.5, 10005.5]"),
    ("三十万人", "3e5", "[2.95e5, 3.05e5]"),  # as 30万人
    ("三亿五千万元", "3.5e8", "[3.49995e8, 3.50005e8]"),  # as 3亿5000万元
    ("一万亿元", "1e12", "[0.5e12, 1.5e12]"),
    ("二〇二四人", "2024", "[2023.5, 2024.5]"),
]


@pytest.mark.parametrize(("text", "value", "strict"), CHINESE)
def test_chinese_numerals(text: str, value: str, strict: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.qualifier, q.strict) == (float(Decimal(value)), "exact", interval(strict))


@pytest.mark.parametrize(
    ("text", "strict", "lenient"),
    [
        ("超百家", "(100, inf)", "[50, inf)"),
        ("超千亿元", "(1000e8, inf)", "[500e8, inf)"),
        ("二十余场", "(20, 30)", "[20, 30]"),
        ("十余家", "(10, 20)", "[10, 20]"),
        ("千余家", "(1000, 2000)", "[1000, 2000]"),
    ],
)
def test_chinese_numerals_with_qualifiers(text: str, strict: str, lenient: str) -> None:
    q = parse_quantity(text)
    assert (q.strict, q.lenient) == (interval(strict), interval(lenient))


@pytest.mark.parametrize(
    "text",
    ["超1100亿元", "超 1100 亿元", " 超\n1100\n\n亿 元 ", "超\u30001100\t亿元", "超 11 00 亿元"],
)
def test_whitespace_anywhere_is_ignored(text: str) -> None:
    q = parse_quantity(text)
    assert q.text == text
    assert (q.value, q.qualifier, q.value_as_reported) == (1.1e11, "over", "超 1100 亿元")


@pytest.mark.parametrize(
    ("text", "value", "strict"),
    [
        ("1,234.5万元", "12345000", "[12344500, 12345500]"),
        ("12,345,678元", "12345678", "[12345677.5, 12345678.5]"),
        ("１２３４家", "1234", "[1233.5, 1234.5]"),
    ],
)
def test_arabic_separators_and_full_width_digits(text: str, value: str, strict: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.strict) == (float(Decimal(value)), interval(strict))


# ---------------------------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------------------------

ERRORS = [
    ("", "'': the text is empty; give a number"),
    (" \n ", "the text is empty"),
    ("abc", "'abc': expected a number with an optional qualifier (超, 近, 约, ...) and unit "
     "(亿元, %, 家, ...), e.g. '超1100亿元'"),
    ("超", "expected a number"),
    ("1100亿元近60%", "it holds 2 quantities ('1100亿元', '近60%'); give one at a time"),
    ("12斤", "unknown unit '斤'; write one of 元, "),
    ("100亿卢布", "unknown unit '卢布'"),
    ("1100", "'1100': there is no unit after the number; write the unit word too"),
    ("一千二百", "there is no unit after the number"),
    ("100家企业", "unexpected text '企业' around the quantity '100家'"),
    ("共100家", "unexpected text '共' around the quantity '100家'"),
    ("超100家以下", "it has 2 qualifiers ('超', '以下'); keep only one of them"),
    ("近20余场", "it has 2 qualifiers"),
    ("5万%", "the multiplier '万' cannot scale '%'; drop the multiplier"),
    ("超3560-3570亿元", "a range cannot take the qualifier '超'"),
    ("10%-15家", "the ends of the range have different units ('%', '家')"),
    ("3570-3560亿元", "the range runs from the larger to the smaller number; swap its ends"),
    ("三四十家", "malformed Chinese numeral '三四十'"),
    ("二十三十家", "malformed Chinese numeral '二十三十'"),
    ("百十家", "malformed Chinese numeral '百十'"),
    ("三四家", "malformed Chinese numeral '三四'"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_errors(text: str, message: str) -> None:
    with pytest.raises(QuantityParseError, match="^cannot parse quantity .*" + re.escape(message)):
        parse_quantity(text)


def test_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="cannot parse quantity 'abc'"):
        parse_quantity("abc")


# ---------------------------------------------------------------------------------------------
# fractions, doublings and ranks
# ---------------------------------------------------------------------------------------------

THIRD = Decimal(100) / 3  # one third, in percent, in Decimal's 28 digits: the unit of 三分之N

FRACTIONS = [
    Case(*row)
    for row in [
        # text, value, unit, qualifier, strict, lenient, value_as_reported, unit_as_reported
        ("百分之十二", "12", "percent", "exact", "[11.5, 12.5]", "[11.5, 13]", "百分之十二",
         "百分之"),
        ("百分之六十", "60", "percent", "exact", "[59.5, 60.5]", "[55, 65]", "百分之六十",
         "百分之"),
        ("百分之3.5", "3.5", "percent", "exact", "[3.45, 3.55]", "[3.45, 3.6]", "百分之3.5",
         "百分之"),
        ("四分之一", "25", "percent", "exact", "[12.5, 37.5]", "[12.5, 50]", "四分之一", "四分之"),
        ("三分之二", f"{2 * THIRD}", "percent", "exact", f"[{Decimal('1.5') * THIRD}, "
         f"{Decimal('2.5') * THIRD}]", f"[{Decimal('1.5') * THIRD}, {3 * THIRD}]", "三分之二",
         "三分之"),
        ("三分之一", f"{THIRD}", "percent", "exact", f"[{THIRD / 2}, {Decimal('1.5') * THIRD}]",
         f"[{THIRD / 2}, {2 * THIRD}]", "三分之一", "三分之"),
        ("十分之七", "70", "percent", "exact", "[65, 75]", "[65, 80]", "十分之七", "十分之"),
        ("千分之五", "0.5", "percent", "exact", "[0.45, 0.55]", "[0.45, 0.6]", "千分之五",
         "千分之"),
        ("万分之五", "0.05", "percent", "exact", "[0.045, 0.055]", "[0.045, 0.06]", "万分之五",
         "万分之"),
        ("超百分之六十", "60", "percent", "over", "(60, inf)", "[55, inf)", "超百分之六十",
         "百分之"),
        ("近三分之二", f"{2 * THIRD}", "percent", "nearly", f"[{Decimal('1.8') * THIRD}, "
         f"{2 * THIRD})", f"[{Decimal('1.6') * THIRD}, {2 * THIRD}]", "近三分之二", "三分之"),
        ("百分之六十以上", "60", "percent", "at_least", "[60, inf)", "[55, inf)",
         "百分之六十以上", "百分之"),
        ("百分之六十多", "60", "percent", "over", "(60, 70)", "[60, 70]", "百分之六十多",
         "百分之"),
        ("约百分之二十", "20", "percent", "approx", "[19, 21]", "[15, 25]", "约百分之二十",
         "百分之"),
    ]
]  # fmt: skip

DOUBLINGS = [
    # text, value (now / before), N
    ("翻一番", 2.0, 1),
    ("翻两番", 4.0, 2),
    ("翻二番", 4.0, 2),
    ("翻了两番", 4.0, 2),
    ("翻 两 番", 4.0, 2),
    ("翻三番", 8.0, 3),
    ("翻十番", 1024.0, 10),
    ("翻番", 2.0, 1),  # no number: doubled once, as 翻一番
    ("翻了番", 2.0, 1),
]

RANKS = [
    # text, value, qualifier, lower = lower_lenient, upper = upper_lenient, unit_as_reported
    ("第3", 3.0, "exact", 3.0, 3.0, "第"),
    ("第一", 1.0, "exact", 1.0, 1.0, "第"),
    ("第十二", 12.0, "exact", 12.0, 12.0, "第"),
    ("第3名", 3.0, "exact", 3.0, 3.0, "名"),
    ("第三位", 3.0, "exact", 3.0, 3.0, "位"),
    ("第 3 名", 3.0, "exact", 3.0, 3.0, "名"),
    ("前三", 3.0, "under", 1.0, 3.0, "前"),
    ("前10", 10.0, "under", 1.0, 10.0, "前"),
    ("前三名", 3.0, "under", 1.0, 3.0, "名"),
    ("前1", 1.0, "under", 1.0, 1.0, "前"),
]


@pytest.mark.parametrize("case", FRACTIONS, ids=lambda case: case.text)
def test_fractions(case: Case) -> None:
    q = check(case)
    assert (q.value_as_reported, q.unit_as_reported) == (case.as_reported, case.unit_reported)


@pytest.mark.parametrize(
    ("text", "numerator", "denominator"),
    [
        ("三分之二", 2, 3),
        ("三分之一", 1, 3),
        ("七分之一", 1, 7),
        ("四分之三", 3, 4),
        ("六分之五", 5, 6),
    ],
)
def test_fraction_intervals_cover_the_exact_fraction(
    text: str, numerator: int, denominator: int
) -> None:
    q = parse_quantity(text)
    exact = Fraction(100 * numerator, denominator)
    assert Fraction(q.lower) <= exact <= Fraction(q.upper)
    assert Fraction(q.lower_lenient) <= exact <= Fraction(q.upper_lenient)
    assert q.value == float(exact)  # the quotient rounded to the nearest float
    # the strict interval is the nearest multiple of 1/N: numerator ± 1/2, scaled
    assert q.lower == pytest.approx(100 * (numerator - 0.5) / denominator, rel=1e-15)
    assert q.upper == pytest.approx(100 * (numerator + 0.5) / denominator, rel=1e-15)


@pytest.mark.parametrize(
    ("text", "numerator", "denominator"),
    [
        ("1/3", 1, 3),
        ("2/3", 2, 3),
        ("1/4", 1, 4),
        ("3/4", 3, 4),
        ("1/10", 1, 10),
        ("1/100", 1, 100),
    ],
)
def test_slash_fraction_reads_as_its_chinese_twin(
    text: str, numerator: int, denominator: int
) -> None:
    twin = parse_quantity(f"{denominator}分之{numerator}")
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (float(Fraction(100 * numerator, denominator)),
                                              "percent", "exact")  # fmt: skip
    assert (q.strict, q.lenient) == (twin.strict, twin.lenient)
    assert (q.value_as_reported, q.unit_as_reported) == (text, f"/{denominator}")


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        ("1/3左右", "三分之一左右"),
        ("约1/4", "约四分之一"),
        ("超过1/3", "超过三分之一"),
        ("近2/3", "近三分之二"),
        ("2/3以上", "三分之二以上"),
        ("不到1/5", "不到五分之一"),
    ],
)
def test_slash_fraction_takes_the_qualifiers_of_its_twin(text: str, twin: str) -> None:
    q, t = parse_quantity(text), parse_quantity(twin)
    assert (q.value, q.qualifier, q.strict, q.lenient) == (
        t.value,
        t.qualifier,
        t.strict,
        t.lenient,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("3/2", "3/2 is no share below one"),
        ("3/3", "3/3 is no share below one"),
        ("1/3万元", "unexpected text '万元' around the quantity '1/3'"),
        ("1/3家", "unexpected text '家' around the quantity '1/3'"),
    ],
)
def test_slash_fraction_errors(text: str, message: str) -> None:
    with pytest.raises(QuantityParseError, match=re.escape(message)):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("占比约1/3。", ["约1/3"]),
        ("提升至1/3", ["1/3"]),  # 至 is a verb here, not a range
        ("截至2024/3，", ["2024", "3"]),  # a date: M has at most two digits
        ("于2025/6/30前", ["2025", "6", "30"]),  # 6/30 follows a slash
        ("为1/3至1/2。", ["1", "3至1", "2"]),  # a range of fractions is not read
        ("为1/3-1/2。", ["1", "3-1", "2"]),
        ("0.5/3", ["0.5", "3"]),  # a decimal numerator: part of a longer number
        ("1/3456", ["1", "3456"]),  # a denominator of four digits: no fraction
        ("3/4G网络", ["3", "4"]),  # 3G and 4G: a name
        ("按1:3配套", ["1", "3"]),  # a ratio (the finder of mentions reads it as one)
        ("120亿元/平方公里", ["120亿元/平方公里"]),  # a rate, not a fraction
    ],
)
def test_slash_fractions_in_running_text(text: str, found: list[str]) -> None:
    assert [m.group(0) for m in QUANTITY_RE.finditer(text)] == found


@pytest.mark.parametrize(
    ("text", "value", "strict", "lenient"),
    [
        ("翻一番多", 2.0, "(2, 4)", "[2, 4]"),  # more than doubled, not yet quadrupled
        ("翻了一番多", 2.0, "(2, 4)", "[2, 4]"),
        ("翻两番多", 4.0, "(4, 8)", "[4, 8]"),
    ],
)
def test_more_than_a_doubling(text: str, value: float, strict: str, lenient: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, "times", "over")
    assert (q.strict, q.lenient) == (interval(strict), interval(lenient))


@pytest.mark.parametrize(
    ("text", "strict", "lenient"),
    [("一成多", "(10, 20)", "[10, 20]"), ("七成多", "(70, 80)", "[70, 80]")],
)
def test_more_after_cheng(text: str, strict: str, lenient: str) -> None:
    q = parse_quantity(text)
    assert (q.unit, q.qualifier, q.strict, q.lenient) == (
        "percent", "over", interval(strict), interval(lenient)
    )  # fmt: skip


def test_fraction_reads_like_its_percentage() -> None:
    assert parse_quantity("百分之十二").strict == parse_quantity("12%").strict
    assert parse_quantity("十分之七").strict == parse_quantity("七成").strict


@pytest.mark.parametrize(("text", "value", "n"), DOUBLINGS)
def test_doublings(text: str, value: float, n: int) -> None:
    q = parse_quantity(text)
    assert (q.text, q.value, q.unit, q.qualifier) == (text, value, "times", "exact")
    assert q.lower == pytest.approx(2 ** (n - 0.5), rel=1e-15)
    assert q.upper == pytest.approx(2 ** (n + 0.5), rel=1e-15)
    assert q.strict.lower_closed and q.strict.upper_closed
    assert q.lenient == q.strict
    assert q.unit_as_reported == "番"


@pytest.mark.parametrize("case", RANKS, ids=lambda case: case[0])
def test_ranks(case: tuple[str, float, str, float, float, str]) -> None:
    text, value, qualifier, lower, upper, unit_reported = case
    q = parse_quantity(text)
    assert (q.text, q.value, q.unit, q.qualifier) == (text, value, "rank", qualifier)
    assert (q.lower, q.upper, q.lower_lenient, q.upper_lenient) == (lower, upper, lower, upper)
    assert q.strict == Interval(lower, upper, True, True) == q.lenient
    assert q.unit_as_reported == unit_reported


def test_rank_is_a_unit_of_the_vocabulary() -> None:
    assert vocab.UNITS[-1] == "rank"
    assert {parse_quantity(t).unit for t, *_ in RANKS} <= set(vocab.UNITS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("第3.5", "a rank must be a whole number from 1, not '3.5'"),
        ("第0", "a rank must be a whole number from 1, not '0'"),
        ("前零", "a rank must be a whole number from 1"),
        ("超第3", "a rank cannot take the qualifier '超'"),
        ("近前三", "a rank cannot take the qualifier '近'"),
        ("翻零番", "the number of doublings must be a whole number from 1, not '零'"),
        ("翻1.5番", "the number of doublings must be a whole number from 1"),
        ("翻一百番", "100 doublings is more than 64"),
        ("超翻两番", "a doubling cannot take the qualifier '超'"),
        ("零分之一", "the denominator of a fraction must be a whole number from 1, not '零'"),
        ("百分之十二家", "unexpected text '家' around the quantity '百分之十二'"),
        ("第3年", "unexpected text '年' around the quantity '第3'"),
        ("三分之二至四分之三", "it holds 2 quantities"),
    ],
)
def test_fraction_doubling_rank_errors(text: str, message: str) -> None:
    with pytest.raises(QuantityParseError, match=re.escape(message)):
        parse_quantity(text)


def test_achieved_carries_no_meaning_before_a_rank_or_doubling() -> None:
    assert parse_quantity("达第一").qualifier == "exact"
    assert parse_quantity("达到翻两番").value == 4.0


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("均居全市第一。", "第一"),
        ("连续第5年获评", "第5"),  # the grammar reads 第5; the extractor sees 年 (an ordinal)
        ("目前三家企业", "三家"),  # 目前 is a word, not 前三
        ("提前3天", "3天"),
        ("此前10年", "10"),
        ("占全市三分之一以上", "三分之一以上"),
        ("总数3年翻两番。", "3"),
        ("翻番", "翻番"),  # no number: a doubling once
        ("实现翻番。", "翻番"),
        ("百分之", "百"),  # no numerator: 百 alone
    ],
)
def test_new_forms_in_running_text(text: str, found: str | None) -> None:
    matches = [m.group(0) for m in QUANTITY_RE.finditer(text)]
    assert (matches[0] if matches else None) == found


def test_is_bare_number() -> None:
    text = "2024年全市第3、超四成、翻两番、三分之一、一是"
    bare = {m.group(0): is_bare_number(m) for m in QUANTITY_RE.finditer(text)}
    assert bare == {
        "2024": True,
        "第3": False,
        "超四成": False,
        "翻两番": False,
        "三分之一": False,
        "一": True,
    }


def test_every_match_starts_with_a_first_character() -> None:
    first = re.compile(f"[{quantity.QUANTITY_FIRST}]")
    text = "超1100亿元，近60%，第3，前三，翻两番，百分之十二，万分之五，达1503家，不超过100万元"
    for m in QUANTITY_RE.finditer(text):
        assert first.match(m.group(0)), m.group(0)
    for word in [*quantity.PRE_QUALIFIERS, "第", "前", "翻", "万", "1", "１", "一", "十"]:
        assert first.match(word), word


def _scan_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        list(QUANTITY_RE.finditer(text))
        best = min(best, time.perf_counter() - start)
    return best


def _scan_growth(run: str, size: int) -> float:
    """How much longer a run eight times as long takes: about 8 if linear, 64 if quadratic."""
    small, large = run * (size // len(run)), run * (8 * size // len(run))
    return _scan_seconds(large) / max(_scan_seconds(small), 1e-4)


@pytest.mark.parametrize("run", ["第", "翻", "分之", "百分之", "前"])
def test_new_forms_are_linear_on_long_runs(run: str) -> None:
    assert _scan_growth(run, 12_500) < 24  # a ratio, not a time: a slow machine passes


# ---------------------------------------------------------------------------------------------
# the expression for running text
# ---------------------------------------------------------------------------------------------


def test_regex_in_running_text() -> None:
    text = "2024 年，实现知识产权质押融资登记金额 139.21 亿元，同比增长 89.1%，均为全市第一"
    matches = list(QUANTITY_RE.finditer(text))
    assert [m.group(0) for m in matches] == ["2024", "139.21 亿元", "89.1%", "第一"]  # a rank
    assert [m["unit"] for m in matches] == [None, "元", "%", None]
    assert matches[1]["mult"] == "亿"
    quantities = [quantity_from_match(m) for m in matches if m["unit"] is not None]
    assert [(q.text, q.value) for q in quantities] == [("139.21 亿元", 1.3921e10), ("89.1%", 89.1)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("科研人才超 1.5 万人，集聚", "超 1.5 万人"),
        ("打造100个多元化场景", "100个"),  # 多 after 个 is not a qualifier
        ("增长 6 倍有余，在研", "6 倍有余"),
        ("每万人口有效发明专利187.76件", "187.76件"),  # 万 alone is not a number
        ("数十家企业", None),  # 数十 is not a number
        ("算力超10000P、全市第一", "超10000P"),
        ("PCT申请量539件", "539件"),
    ],
)
def test_regex_first_quantity(text: str, found: str | None) -> None:
    texts = [m.group(0) for m in QUANTITY_RE.finditer(text) if m["unit"] is not None]
    assert (texts[0] if texts else None) == found


def test_parse_quantity_uses_the_expression() -> None:
    m = QUANTITY_RE.fullmatch("超1100亿元")
    assert m is not None
    from_match = quantity_from_match(m)
    assert isinstance(from_match, Quantity)
    assert from_match == parse_quantity("超1100亿元")


@pytest.mark.parametrize("run", ["万", "1 ", "超 ", "亿万"])
def test_regex_is_linear_on_long_runs(run: str) -> None:
    assert _scan_growth(run, 12_500) < 24  # quadratic: about 64


# ---------------------------------------------------------------------------------------------
# intervals and invariants
# ---------------------------------------------------------------------------------------------


def test_interval_membership() -> None:
    half_open = Interval(1.0, 2.0, lower_closed=True, upper_closed=False)
    assert (1.0 in half_open, 1.5 in half_open, 2.0 in half_open, 0.5 in half_open) == (
        True,
        True,
        False,
        False,
    )
    assert 1e300 in Interval(0.0, float("inf"), False, False)


def test_interval_ends_the_grammar_relies_on() -> None:
    # One interval type serves the grammar and the engine: a reversed pair is the empty
    # interval (the engine needs it for an intersection), never a reading of the grammar.
    assert Interval(2.0, 1.0, True, True).empty
    assert 1.5 not in Interval(2.0, 1.0, True, True)
    # An infinite end is open whatever is asked, so "超1100" never includes infinity.
    assert Interval(0.0, float("inf"), True, True).upper_closed is False
    with pytest.raises(ValueError, match="NaN"):
        Interval(float("nan"), 1.0)


PHRASES = [
    *(case.text for case in UNITS + QUALIFIERS + REAL + FRACTIONS),
    *(text for text, *_ in DOUBLINGS + RANKS),
]


@pytest.mark.parametrize("text", PHRASES)
def test_strict_inside_lenient_and_value_inside_lenient(text: str) -> None:
    q = parse_quantity(text)
    assert q.lower_lenient <= q.lower
    assert q.upper <= q.upper_lenient
    assert q.value in q.lenient


@given(
    digits=st.integers(min_value=0, max_value=10**9),
    places=st.integers(min_value=0, max_value=4),
    unit=st.sampled_from(
        [
            ("亿元", "元", 8),
            ("万元", "元", 4),
            ("%", "%", 0),
            ("家", "家", 0),
            ("成", "成", 0),
            ("万平方米", "平方米", 4),
            ("平方公里", "平方公里", 0),
            ("倍", "倍", 0),
        ]
    ),
    qualifier=st.sampled_from(["", "超", "近", "约", "突破", "不超过", "不足"]),
)
def test_property_intervals(
    digits: int, places: int, unit: tuple[str, str, int], qualifier: str
) -> None:
    written, word, power = unit
    number = Decimal(digits).scaleb(-places)
    q = parse_quantity(f"{qualifier}{number:f}{written}")
    assert q.lower_lenient <= q.lower <= q.upper <= q.upper_lenient
    assert q.value in q.lenient
    if not qualifier:
        scale = Decimal(10) ** power * UNIT_WORDS[word].factor
        x, half = number * scale, Decimal(5).scaleb(-places - 1) * scale
        assert q.value == float(x)
        lower = max(x - half, Decimal(0)) if x == 0 else x - half  # an exact 0 is not negative
        assert q.strict == Interval(float(lower), float(x + half), True, True)


# ---------------------------------------------------------------------------------------------
# the module itself
# ---------------------------------------------------------------------------------------------


GRAMMAR_MODULES = [lexicon, numerals, readings, grammar, units, quantity]


@pytest.mark.parametrize("module", GRAMMAR_MODULES, ids=lambda m: m.__name__.rsplit(".")[-1])
def test_docstring_examples(module: ModuleType) -> None:
    results = doctest.testmod(module)
    assert results.failed == 0
    assert results.attempted >= 2


@pytest.mark.parametrize("module", GRAMMAR_MODULES, ids=lambda m: m.__name__.rsplit(".")[-1])
def test_grammar_depends_on_nothing_but_the_standard_library_and_core(module: ModuleType) -> None:
    # The grammar must stay usable on a bare string: no table stack among its own imports.
    # Relative imports are resolved, so how an import is spelled does not matter.
    import importlib.util

    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            name = "." * node.level + (node.module or "")
            imported.add(importlib.util.resolve_name(name, module.__package__))
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    third_party = {
        name
        for name in imported
        if name.split(".")[0] not in sys.stdlib_module_names | {"futian_indicators"}
    }
    assert not third_party
    ours = {name for name in imported if name.startswith("futian_indicators")}
    allowed = {
        "futian_indicators.errors",
        "futian_indicators.core.interval",
        "futian_indicators.vocab",
    }
    assert ours <= allowed | {m.__name__ for m in GRAMMAR_MODULES}


# --- a slash fraction only where the words make it a share; full-width slashes; bad input ---


@pytest.mark.parametrize(
    ("text", "twin"),
    [("1／3", "1/3"), ("约1／4", "约1/4"), ("2／3以上", "2/3以上"), ("１／３", "1/3")],
)
def test_a_full_width_slash_reads_as_a_slash(text: str, twin: str) -> None:
    q, t = parse_quantity(text), parse_quantity(twin)
    assert (q.value, q.unit, q.qualifier, q.strict, q.lenient) == (
        t.value,
        t.unit,
        t.qualifier,
        t.strict,
        t.lenient,
    )
    assert q.unit == "percent"


def test_a_full_width_slash_of_a_rate_reads_as_a_slash() -> None:
    assert parse_quantity("65元／平方米").unit == parse_quantity("65元/平方米").unit


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("约1/3", True),
        ("占1/3", True),
        ("约占1/3", True),
        ("比例为1/3", True),
        ("资金的1/2用于", True),
        ("达到1/3", True),
        ("提升至1/3", True),
        ("1/3左右", True),
        ("3/4的学校", True),
        ("会议3/15召开", False),  # a date
        ("12/31前完成", False),
        ("于3/15", False),
        ("截至12/31", False),  # 截至 is no 至
        ("在3/4", False),
        ("为7/24小时", False),  # service hours
        ("共1/3万元", False),  # nothing makes it a share
        ("规划1/3", False),
    ],
)
def test_a_slash_is_a_share_only_where_the_words_make_it_one(text: str, share: bool) -> None:
    slashes = [m for m in QUANTITY_RE.finditer(text) if m["slash"] is not None]
    assert len(slashes) == 1
    assert (slashes[0]["share"] is not None) is share


@pytest.mark.parametrize("text", ["3/15召开", "于3/15", "7/24小时", "1/3万元"])
def test_a_slash_that_is_no_share_gets_no_value(text: str) -> None:
    m = next(m for m in QUANTITY_RE.finditer(text) if m["slash"] is not None)
    with pytest.raises(QuantityParseError, match="is no share"):
        quantity_from_match(m)


@pytest.mark.parametrize("value", [None, 123, 1.5, b"42%", ["42%"]])
def test_parse_quantity_refuses_what_is_no_text(value: object) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        parse_quantity(value)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith(f"text={value!r} ({type(value).__name__})")
    assert "str" in message.split("give", 1)[1]
