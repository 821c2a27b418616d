"""Never a silent wrong value: numerals of known value, in a sentence, are read right or flagged.

Numerals are generated with their values (Arabic, with separators and multipliers; Chinese,
written by cn2an where it is installed, a dev dependency, and by a small writer here) and put
in sentences of the genre; every mention with a value must have the numeral's value. A mention
with no value is the flag a curator sees.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from futian_indicators import extract_quantities

_CN = "零一二三四五六七八九"


def _section(n: int) -> str:
    """A Chinese numeral below 10000, as written (一千零五, 二十, 十二)."""
    out, zero = "", False
    for power, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
        digit = n // 10**power % 10
        if digit:
            if zero and out:
                out += "零"
            out += ("" if (digit == 1 and unit == "十" and not out) else _CN[digit]) + unit
            zero = False
        else:
            zero = True
    return out


def chinese(n: int) -> str:
    """A Chinese numeral for 1 <= n < 10**12 (sections of 亿 and 万)."""
    parts, out = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")], ""
    for value, big in parts:
        if value:
            if out and value < 1000 and not out.endswith("零"):
                out += "零"
            out += _section(value) + big
        elif out and not out.endswith("零"):
            out += "零"
    return out.rstrip("零")


SENTENCES = ("全年共投入资金{}元，增长较快。", "辖区人数{}人。", "总数{}家的企业已纳入服务。")


def _forms(n: int) -> list[str]:
    forms = [str(n), f"{n:,}", chinese(n)]
    if n % 10**4 == 0:
        forms.append(f"{n // 10**4}万")
    if n % 10**7 == 0:
        forms.append(f"{n // 10**7}千万")
    return forms


def _check(written: str, value: float) -> None:
    for sentence in SENTENCES:
        text = sentence.format(written)
        frame = extract_quantities(text)
        valued = frame[frame["value"].notna() & frame["kind"].isin(["quantity", "rank"])]
        for row in valued.itertuples():
            assert math.isclose(row.value, value, rel_tol=1e-9), (text, row.text, row.value)


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=1, max_value=10**11 - 1))
def test_integers_are_read_right_or_flagged(n: int) -> None:
    for written in _forms(n):
        _check(written, n)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=99))
def test_decimals_with_multipliers_are_read_right_or_flagged(whole: int, tenths: int) -> None:
    for big, power in (("万", 4), ("亿", 8)):
        number = Decimal(f"{whole}.{tenths}")
        value = float(number.scaleb(power))
        _check(f"{number}{big}", value)
        cn = chinese(whole) + "点" + "".join(_CN[int(d)] for d in str(tenths))
        _check(cn + big, value)


def test_the_writer_agrees_with_cn2an() -> None:
    cn2an = pytest.importorskip("cn2an")
    for n in (1, 10, 15, 105, 1005, 12000, 30_0000, 1_0000_0005, 3_5000_0000, 98_7654_3210):
        assert cn2an.cn2an(chinese(n), "strict") == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("人数一万二千人", 12000.0),
        ("一点五亿元", 1.5e8),
        ("总数三百余家", 300.0),
        ("5千万元", 5e7),
        ("1亿2000万元", 1.2e8),
        ("百分之九十五点六", 95.6),
        ("1 086.4 亿元", 1.0864e11),
    ],
)
def test_the_issue_s_wrong_readings_are_right(text: str, value: float) -> None:
    frame = extract_quantities(text)
    assert frame["value"].tolist() == [value]
