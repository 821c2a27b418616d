"""Find every number mention in a text, and say what kind of number it is.

:func:`extract_quantities` scans a text (meant for a normalised letter,
:func:`futian_indicators.language.normalise.normalise`, but any string works) and returns one row
per number mention: where it is, its words, its kind, and, for the measures (quantities and ranks),
what :mod:`futian_indicators.language.quantity` reads it as. The build uses it to account for every
number in every letter: a measure must be curated as a figure or given a reason; every other kind
carries its reason automatically (:data:`AUTOMATIC_REASONS`).

Kinds
-----
=============  ================================================================================
kind           what it covers (examples from the letters)
=============  ================================================================================
quantity       a number with a unit word, a fraction or a doubling, as the grammar reads it:
               超1100亿元, 20余场, 七成, 超四成, 89.1%, 10000P, 1.79% (of 1.79%/年),
               3560-3570亿元, 翻两番, 四分之一, 百分之十二, the 42% of 占全市42%, 7.6倍;
               and any Arabic number no other rule explains (value NaN: the curator looks)
rank           第N (名/位) and 前N: the 第一 of 全市第一, the 第3 of 全市第3, 第三 of 全球第三,
               前三; the scope word (全市, 全球, 深圳) is left out of the mention, as 仅次于南山
               is (the curator quotes both)
date           2024年, 2023年8月, 2020年4月11日, 2023年上半年, 2023年度, 2024年底, 2021-2023年,
               a bare year 19xx/20xx with no unit (2015我区), 9月26日
doc_number     a document or telephone number: 第2025136号, 20240294号, TA 20210091,
               83678350, 82915570-1411 (any bare Arabic number of seven or more digits)
ordinal        第5年, 第二十四届, 第四次, 五届 and 七次 of 政协五届七次会议, 一是, （一）, 一、
               (a heading), 一期 and 二期 (phases), 第一是
code           a name or code holding a number: 20+8, 1+10+N+N+1, N+1, 5G, O2O, ID4, 3.0 of
               福田英才荟3.0”, 1.0版本, 500强, 百强区, 千亿级, 五百亿级, 十亿接续, 3大 (the
               "3 major ..." of a named set)
duration       a length of time: 3年 (3年累计, 3年翻两番), 3天内, 6个月, 前3年
page_number    a page number of the published letter (a line of one to three digits): the
               normalised text drops it, so the build finds it in the raw letter
               (:func:`~futian_indicators.language.normalise.page_numbers`)
=============  ================================================================================

A Chinese numeral before 大 or 类 counts the members of a named set (七大战略性新兴产业, 十大类专业
服务, 两大支柱产业): a ``quantity`` with no value, which must be curated or given a reason.

Which numbers are mentions
--------------------------
Every Arabic digit is inside a mention (a digit no rule explains becomes a ``quantity`` with a
NaN value, so nothing is silently dropped). A Chinese numeral is a mention only where it is a
number: when the grammar reads it with a unit word, a multiplier and a unit, 成, 倍, 分之 or
翻…番 (七成, 超四成, 千家, 两个); after 第 or 前 (第一, 前三); in a date (二〇二四年); as an
ordinal marker (一是, （一）, 一、, 一期, 五届); in a duration (三年); or in a name (百强,
千亿级). It is not a mention:

- inside a set phrase (:data:`SET_PHRASES`): 进一步, 统一, 唯一, 一流, 一站式, 一对一,
  一河两岸, 三位一体, 二次创业, 一条龙 ...;
- as the indefinite article: a lone 一 before a count word (引进一批龙头企业, 一个, 一项);
- bare, with no word that makes it a number (四策并举, 建议一); but a numeral before 大 or 类
  (三大产业, 十大类) counts a named set and is a ``quantity``.

How the text is scanned
-----------------------
One regular expression scans the text once, left to right; at each place it tries, in order,
the rules on the text (each a small function below, with examples: set phrases, document
numbers, dates, codes and names, ordinal markers, durations), then the quantity grammar
(:data:`~futian_indicators.language.quantity.QUANTITY_RE`, the very expression
:func:`~futian_indicators.language.quantity.parse_quantity` uses), then any digits. The first that
matches is the mention, so mentions never overlap: the leftmost wins, and where several start at the
same place, the more specific (the longer: ``2024年`` before ``2024``, ``5G`` before ``5``,
``第2025136号`` before ``第2025136``). A match of the grammar is then classified by its words and
what follows it (:class:`_Grammar`): a 第N before 年 is an ordinal, before 号 a document number;
a bare 3 before 年 a duration; a lone 一 before a count word the article. A quantity's mention
leaves out 达/达到 before it (they carry no meaning): ``达1503家`` gives the mention ``1503家``.

Every part of the expression is bounded or possessive, and every unbounded run starts only
where a run of its characters starts, so the scan is linear in the length of the text; each
alternative first looks at the one character it may start with, so most places are passed
over at once (a megabyte takes about a second).

Examples
--------
>>> df = extract_quantities("2024年金融业增加值占全市总额超四成，均居全市第一。")
>>> list(zip(df["text"], df["kind"], df["value"].tolist(), df["unit"], df["qualifier"]))
[('2024年', 'date', nan, <NA>, <NA>), ('超四成', 'quantity', 40.0, 'percent', 'over'), \
('第一', 'rank', 1.0, 'rank', 'exact')]
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple

import numpy as np
import pandas as pd

from .. import vocab
from ..errors import QuantityParseError
from .quantity import _CN_DIGITS as CN_DIGITS
from .quantity import (
    _S,
    PRE_QUALIFIERS,
    QUANTITY_FIRST,
    QUANTITY_RE,
    UNIT_WORDS,
    _chinese_integer,
    is_bare_number,
    quantity_from_match,
)

__all__ = [
    "AUTOMATIC_REASONS",
    "COLUMNS",
    "KINDS",
    "MEASURE_KINDS",
    "SET_PHRASES",
    "extract_quantities",
    "mention_spans",
]

#: Every kind of mention, in the order of the table above.
KINDS: Final = vocab.MENTION_KINDS
#: The kinds that are measures: each must be curated as a figure or given a reason.
MEASURE_KINDS: Final = ("quantity", "rank")
#: For every other kind, the one-line reason it is not a figure.
AUTOMATIC_REASONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "date": "a date, not a measure",
        "doc_number": "a document or telephone number, not a measure",
        "ordinal": "an ordinal (a heading, a session, a place in a sequence), not a measure",
        "code": "a name or code that holds a number (20+8, 5G, 百亿级), not a measure",
        "duration": "a length of time that qualifies another number, not a measure",
        "page_number": "a page number of the published letter, not a measure",
    }
)
#: The columns of :func:`extract_quantities`, in order.
COLUMNS: Final = (
    "start",
    "end",
    "text",
    "kind",
    "value",
    "unit",
    "qualifier",
    "lower",
    "upper",
    "lower_lenient",
    "upper_lenient",
)
_STRING: Final = pd.StringDtype()
_STRING_COLUMNS: Final = frozenset({"text", "kind", "unit", "qualifier"})
_NUMERIC_DTYPES: Final[Mapping[str, str]] = {
    "start": "int64",
    "end": "int64",
    "value": "float64",
    "lower": "float64",
    "upper": "float64",
    "lower_lenient": "float64",
    "upper_lenient": "float64",
}

#: Words in which a Chinese numeral is not a number (they are never mentions, and nothing found
#: inside them is either).
SET_PHRASES: Final = (
    "唯一",
    "统一",
    "进一步",
    "一流",
    "一体",
    "一站式",
    "一对一",
    "一河两岸",
    "一企一档",
    "一检通认",
    "一揽子",
    "一系列",
    "一方面",
    "一等奖",
    "一条龙",
    "一带一路",
    "一网通办",
    "一件事",
    "一次性",
    "三位一体",
    "二次创业",
    "新一代",
    "破四唯",
    "四策并举",
    "四同步",
    "零售",
    "零距离",
    "近零碳",
    "第三方",
    "第一时间",
    "第一书记",
    "第一责任人",
)

# ---------------------------------------------------------------------------------------------
# The rules on the text
# ---------------------------------------------------------------------------------------------


class _Rule(NamedTuple):
    """A rule on the text: the characters its matches start with, its pattern, its kind."""

    name: str
    kind: str | None  # None: a set phrase, found to be dropped
    first: str  # a character class (without brackets)
    pattern: str
    accept: Callable[[str], bool] | None = None


_CN_DIGIT: Final = "".join(CN_DIGITS)
_CN_NUMERAL: Final = _CN_DIGIT + "十百千万亿"
_CN_SMALL: Final = "一二三四五六七八九十"  # the numerals of headings and ordinal markers
_YEAR: Final = r"(?:1[89]|20)\d{2}(?!\d)"
_MONTH: Final = r"(?:1[0-2]|0?[1-9])(?!\d)"
_DAY: Final = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_COUNT_WORDS: Final = frozenset(w for w, u in UNIT_WORDS.items() if u.unit == "count")
# Latin unit words (P): a token of digits and such a word is a quantity (10000P), not a code
_LATIN_UNITS: Final = "|".join(w for w in UNIT_WORDS if w.isascii() and w.isalpha())


def _find(rule: _Rule, text: str) -> list[str]:
    """The texts a rule alone finds (for the examples; the extractor runs all rules at once)."""
    found = (m.group(0) for m in re.finditer(rule.pattern, text))
    return [t for t in found if rule.accept is None or rule.accept(t)]


def _set_phrase_rule() -> _Rule:
    """Set phrases (:data:`SET_PHRASES`): found first and dropped.

    Nothing inside a set phrase is a mention.

    Examples
    --------
    >>> _find(_set_phrase_rule(), "是全市唯一一个全部聚焦的行政区，进一步提升，三位一体")
    ['唯一', '进一步', '三位一体']
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted(SET_PHRASES, key=lambda w: (-len(w), w)):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    pattern = "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in by_first.items())
    return _Rule("set_phrase", None, re.escape("".join(sorted(by_first))), pattern)


def _doc_number_rule() -> _Rule:
    """Document numbers: 第N号, a number of five or more digits before 号, letters and digits.

    Telephone numbers and other long bare numbers are found by :meth:`_Grammar.bare`.

    Examples
    --------
    >>> _find(_doc_number_rule(), "关于对TA 20210091提案（第20210091号）；会议20240294号《")
    ['TA 20210091', '第20210091号', '20240294号']
    """
    pattern = (
        rf"第{_S}\d++{_S}号"  # 第2025136号, 第 20210091 号
        rf"|(?<![\d.])\d{{5,}}+{_S}号"  # 20240294号
        rf"|(?<![A-Za-z])[A-Z]{{1,4}}+[ \t]?\d{{6,}}+"  # TA 20210091
    )
    return _Rule("doc_number", "doc_number", r"第\dA-Z", pattern)


def _date_rule() -> _Rule:
    """Dates: a year with 年, and what narrows it; a month and day; a year in Chinese digits.

    A year 19xx/20xx (or a range of two) with 年 may be followed by a half, a quarter, 度,
    底, 初, 末, or a month and day (and 底, 初, 末, 旬). Bare years with no 年 (``2015我区``) are
    found by :meth:`_Grammar.bare`.

    Examples
    --------
    >>> _find(_date_rule(), "2023年上半年，2020年4月11日，（2021-2023年），2023年度")
    ['2023年上半年', '2020年4月11日', '2021-2023年', '2023年度']
    >>> _find(_date_rule(), "截至2024年底，9月26日，二〇二四年，2045条")
    ['2024年底', '9月26日', '二〇二四年']
    """
    year_part = r"(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|度|底|初|末)"
    month_part = rf"{_MONTH}{_S}月(?:{_S}{_DAY}{_S}[日号])?(?:{_S}(?:底|初|末|[上中下]旬))?"
    pattern = (
        rf"(?<![\d.]){_YEAR}(?:{_S}[-–—~～至到]{_S}{_YEAR})?{_S}年"
        rf"(?:{_S}{year_part}|{_S}{month_part})?"
        rf"|(?<![\d.]){month_part}"
        rf"|(?<![{_CN_DIGIT}])[{_CN_DIGIT}]{{4}}年"
    )
    return _Rule("date", "date", rf"\d{_CN_DIGIT}", pattern)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _plus_code_rule() -> _Rule:
    """Codes of numbers (and capital letters) joined by +, with at least one digit.

    Examples
    --------
    >>> _find(_plus_code_rule(), "围绕“20+8”，打出“1+10+N+N+1”组合拳，“N+1”项目，“CBD+科创区”")
    ['20+8', '1+10+N+N+1', 'N+1']
    """
    term = r"(?:\d++|[A-Z])"
    pattern = rf"(?<![A-Za-z0-9+＋]){term}(?:{_S}[+＋]{_S}{term})++(?![A-Za-z0-9])"
    return _Rule("plus_code", "code", r"\dA-Z", pattern, _has_digit)


def _version_rule() -> _Rule:
    """Versions: a decimal before 版/版本 or a closing quote (``1.0版本``, ``福田英才荟3.0”``).

    Examples
    --------
    >>> _find(_version_rule(), "官网1.0版本的设计；落实“福田英才荟3.0”；强度提升至3.0%")
    ['1.0版本', '3.0']
    """
    pattern = rf"(?<![\d.])\d++(?:\.\d++)++(?:{_S}(?:版本|版)|(?={_S}[”\"’」』》]))"
    return _Rule("version", "code", r"\d", pattern)


def _name_rule() -> _Rule:
    """Names that hold a number: N强, N亿级, N亿引领/支撑/接续, Arabic N大.

    ``500强``, ``百强区``; ``千亿级``, ``五百亿级`` and the slogan's
    ``千亿引领、百亿支撑、十亿接续``; the 3 of ``3大知识产权国字招牌`` (the Chinese 三大产业 is
    no mention at all).

    Examples
    --------
    >>> _find(_name_rule(), "世界500强、百强区、3个千亿级、五百亿级、3大招牌")
    ['500强', '百强区', '千亿级', '五百亿级', '3大']
    >>> _find(_name_rule(), "“千亿引领、百亿支撑、十亿接续”")
    ['千亿引领', '百亿支撑', '十亿接续']
    """
    pattern = (
        rf"(?<![\d.{_CN_NUMERAL}])"
        rf"(?:(?:\d++|[{_CN_DIGIT}]*+[十百千万])强(?:区|县|市)?"
        rf"|(?:\d++(?:\.\d++)?|[{_CN_DIGIT}十百千]++){_S}(?:万亿|亿|万){_S}(?:级|引领|支撑|接续)"
        rf"|\d++大(?![学厦道会楼街赛]))"
    )
    return _Rule("name", "code", rf"\d{_CN_NUMERAL}", pattern)


def _set_count_rule() -> _Rule:
    """Chinese numerals counting a named set: 七大, 十大类, 两大, 八大 (a quantity, no value).

    Not the article: 一大批 and the like are left out, and so are 大学, 大厦, 大道, 大会 ...

    Examples
    --------
    >>> _find(_set_count_rule(), "七大战略性新兴产业，十大类专业服务，两大支柱，一大批，三类")
    ['七大', '十大类', '两大', '三类']
    """
    pattern = (
        rf"(?<![{_CN_NUMERAL}第])(?!一大|一类)[{_CN_NUMERAL}两]++"
        rf"(?:大(?:类)?(?![学厦道会楼街赛批])|类)"
    )
    return _Rule("set_count", "quantity", rf"{_CN_NUMERAL}两", pattern)


_SET_COUNT_RE: Final = re.compile(rf"([{_CN_NUMERAL}两]++)(?:大类?|类)")


def _set_count_reading(words: str) -> _Reading:
    """The count a set's numeral states (七大: exactly 7), or no reading for any other words.

    Examples
    --------
    >>> _set_count_reading("十大类")[:3]
    (10.0, 'count', 'exact')
    """
    m = _SET_COUNT_RE.fullmatch(words)
    if m is None:
        return _NO_READING
    n = float(_chinese_integer(m.group(1).replace("两", "二"))[0])
    return (n, "count", "exact", n, n, n, n)


def _token_rule() -> _Rule:
    """Tokens of ASCII letters and digits: ``5G``, ``O2O``, ``ID4``.

    Digits before a Latin unit word are not a token: ``10000P`` is 10000 petaflops, a quantity.

    Examples
    --------
    >>> _find(_token_rule(), "聚焦5G、O2O模式、ID4平台，超10000P，GDP，TA 20210091")
    ['5G', 'O2O', 'ID4']
    """
    pattern = (
        rf"(?<![A-Za-z0-9])(?:[A-Za-z]++[0-9]|[0-9]++(?!(?:{_LATIN_UNITS})(?![A-Za-z0-9]))"
        rf"[A-Za-z])[A-Za-z0-9]*+"
    )
    return _Rule("token", "code", r"A-Za-z0-9", pattern)


def _marker_rule() -> _Rule:
    """Ordinal markers: 一是 (first, ...), （一）, a heading 一、 or 1. after a stop, 一期 (phase).

    Examples
    --------
    >>> _find(_marker_rule(), "如下：一、提供资金。（一）优化体系。一是完善，二是举办")
    ['一、', '（一）', '一是', '二是']
    >>> _find(_marker_rule(), "原因之一是；产业园一期、二期")
    ['一期', '二期']
    """
    small = rf"[{_CN_SMALL}]{{1,3}}+"
    pattern = (
        rf"(?<![{_CN_NUMERAL}之第]){small}是"  # 一是, 十一是 (not 之一是)
        rf"|[（(]{_S}(?:{small}|\d{{1,2}}+){_S}[）)]"  # （一）, (1)
        rf"|(?:^|(?<=[。；;：:！!？?\n）)」』]))(?:{small}|\d{{1,2}}+){_S}[、．.](?!\d)"  # 一、
        rf"|(?<![{_CN_NUMERAL}]){small}期"  # 一期、二期 (phases)
    )
    return _Rule("marker", "ordinal", rf"{_CN_SMALL}（(\d", pattern)


_TIME_UNIT: Final = (
    rf"(?:个{_S})?(?:小时|星期|季度|工作日)|个{_S}月|年|天|周|分钟|日(?={_S}(?:内|以内|之内))"
)
_TIME_AFTER: Final = r"(?:以内|之内|以来|内|来|间|后|多)"


def _duration_rule() -> _Rule:
    """Durations: a number of years, months (个月), days, weeks, hours, quarters.

    A year 19xx/20xx with 年 is a date (:func:`_date_rule` comes first), 第5年 an ordinal
    (:meth:`_Grammar.prefixed`); 上一年度 (the previous year) is no number; N月 without 个 is a
    month.

    Examples
    --------
    >>> _find(_duration_rule(), "3年累计增长7.6倍，3年翻两番，实现3天内响应，6个月，上一年度")
    ['3年', '3年', '3天内', '6个月']
    """
    pattern = (
        rf"(?<![\d.{_CN_NUMERAL}第上下同这那每])"
        rf"(?:\d++(?:\.\d++)?|[{_CN_NUMERAL}]++){_S}(?:{_TIME_UNIT})(?:{_S}{_TIME_AFTER})?"
    )
    return _Rule("duration", "duration", rf"\d{_CN_NUMERAL}", pattern)


#: The rules on the text, in the order they are tried where several could start.
_RULES: Final = (
    _set_phrase_rule(),
    _doc_number_rule(),
    _date_rule(),
    _plus_code_rule(),
    _version_rule(),
    _name_rule(),
    _set_count_rule(),
    _token_rule(),
    _marker_rule(),
    _duration_rule(),
)
_RULE_BY_NAME: Final = {rule.name: rule for rule in _RULES}
_RULES_FIRST: Final = "".join(rule.first for rule in _RULES)


@functools.cache
def _scan_re() -> re.Pattern[str]:
    """The one scan, compiled on first use (``import futian_indicators`` does not pay for it).

    The rules (in order), then the quantity grammar, then any digits left (a digit no rule or
    grammar form starts with, e.g. ٣). Each alternative first looks at the character it would
    start with, so that most places are passed over at once.
    """
    return re.compile(
        rf"(?=[{_RULES_FIRST}{QUANTITY_FIRST}\d])"
        rf"(?:(?=[{_RULES_FIRST}])(?:"
        + "|".join(f"(?=[{rule.first}])(?P<{rule.name}>{rule.pattern})" for rule in _RULES)
        + rf")|(?P<quantity>{QUANTITY_RE.pattern})|(?P<digits>\d++))"
    )


# ---------------------------------------------------------------------------------------------
# Classifying the grammar's matches
# ---------------------------------------------------------------------------------------------


class _Mention(NamedTuple):
    """A mention: its span, its kind, and the grammar's match (measures only: read lazily)."""

    start: int
    end: int
    kind: str
    match: re.Match[str] | None = None


#: The grammar's reading of a measure, as the last seven columns: value, unit, qualifier,
#: lower, upper, lower_lenient, upper_lenient.
_Reading = tuple[float, str | None, str | None, float, float, float, float]
_NO_READING: Final[_Reading] = (math.nan, None, None, math.nan, math.nan, math.nan, math.nan)

_ORDINAL_COUNTER_RE: Final = re.compile(
    rf"{_S}(?:季度|阶段|部分|届|次|期|批|个|条|款|章|节|项|家|轮|代|版|周|天|日|月|年|是)"
)
_DOC_SUFFIX_RE: Final = re.compile(rf"{_S}号")
_TIME_RE: Final = re.compile(rf"{_S}(?:{_TIME_UNIT})(?:{_S}{_TIME_AFTER})?")
_MONTHS_RE: Final = re.compile(rf"{_S}(?:月|小时|星期|季度|工作日)(?:{_S}{_TIME_AFTER})?")
_SESSION_AFTER_RE: Final = re.compile(rf"{_S}(?:会议|全会|全体会议)")
_CLAUSE_START: Final = frozenset("。；;：:！!？?\n（(")
_CLAUSE_END: Final = frozenset("，,、")
_LONG_DIGIT_RUN_RE: Final = re.compile(r"\d{7}")
_YEAR_RE: Final = re.compile(_YEAR)
_QUANTITY_GROUPS: Final = ("pre", "rank", "num1", "num", "unit")
_PLAIN_GROUPS: Final = ("num1", "more", "mult", "more_after_mult", "post")


class _Grammar:
    """Classify the matches of the quantity grammar, caching the grammar's readings by text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[str, _Reading | None] = {}

    def reading(self, m: re.Match[str]) -> _Reading | None:
        """The grammar's reading of a match (None where it breaks a rule), cached by its text."""
        key = m.group(0)
        try:
            return self.cache[key]
        except KeyError:
            pass
        try:
            q = quantity_from_match(m)
        except QuantityParseError:
            reading = None
        else:
            reading = (q.value, q.unit, q.qualifier, q.lower, q.upper, q.lower_lenient,
                       q.upper_lenient)  # fmt: skip
        self.cache[key] = reading
        return reading

    def mention(self, m: re.Match[str]) -> _Mention | None:
        """Classify a match of the grammar, or drop it (None).

        第/前 forms go to :meth:`prefixed`, bare numbers to :meth:`bare`, the rest (a unit word,
        a fraction, a doubling) to :meth:`measured`. A quantity's mention leaves out 达/达到
        (they carry no meaning) before it.

        Examples
        --------
        >>> _kinds("3年翻两番，占全市的42%，占全市三分之一，1.79%/年，规模达4.37亿元")
        [('3年', 'duration'), ('翻两番', 'quantity'), ('42%', 'quantity'), \
('三分之一', 'quantity'), ('1.79%', 'quantity'), ('4.37亿元', 'quantity')]
        """
        pre, rank, num1, num, unit = m.group(*_QUANTITY_GROUPS)
        start = m.start()
        if pre is not None and PRE_QUALIFIERS[pre] is None:  # 达, 达到
            start = m.end("pre")
            while self.text[start].isspace():
                start += 1
        if rank is not None:
            return self.prefixed(m, start, rank)
        if is_bare_number(m):
            return self.bare(m, start, pre, num1, num)
        return self.measured(m, start, unit, num)

    def prefixed(self, m: re.Match[str], start: int, rank: str) -> _Mention:
        """A 第N or 前N: a rank, unless what follows makes it something else.

        - 第N followed by 号 is a document number (第2025136号); by a counter (年, 届, 次, 期,
          批, 个, 条, 季度 ...) or 是, an ordinal (第5年, 第二十四届, 第四次, 第一是); alone at the
          start of a clause and before a comma, an ordinal (第一，...); otherwise a rank
          (全市第3, 全球第三, 第三位);
        - 前N followed by a time word is a duration (前3年, 前三季度); otherwise a rank (前三).

        The mention takes in the counter, 号 or time word.

        Examples
        --------
        >>> _kinds("连续第5年获评“百强区”前三；获得第二十四届金奖，全市第3，第2025136号，前3年")
        [('第5年', 'ordinal'), ('百强区', 'code'), ('前三', 'rank'), ('第二十四届', 'ordinal'), \
('第3', 'rank'), ('第2025136号', 'doc_number'), ('前3年', 'duration')]
        >>> _kinds("。第一，坚持创新；位列全球第三位")
        [('第一', 'ordinal'), ('第三位', 'rank')]
        """
        text, end = self.text, m.end()
        if m["rank_word"] is not None:
            return _Mention(start, end, "rank", m)
        if rank == "前":
            time = _TIME_RE.match(text, end)
            if time is not None:
                return _Mention(start, time.end(), "duration")
            return _Mention(start, end, "rank", m)
        doc = _DOC_SUFFIX_RE.match(text, end)
        if doc is not None:
            return _Mention(start, doc.end(), "doc_number")
        counter = _ORDINAL_COUNTER_RE.match(text, end)
        if counter is not None:
            return _Mention(start, counter.end(), "ordinal")
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else ""
        if before in _CLAUSE_START and after in _CLAUSE_END:
            return _Mention(start, end, "ordinal")
        return _Mention(start, end, "rank", m)

    def measured(self, m: re.Match[str], start: int, unit: str | None, num: str) -> _Mention | None:
        """A number the grammar reads as a quantity, unless a count word makes it another kind.

        - a lone 一 before a count word is the indefinite article, no mention (引进一批企业,
          一个);
        - a Chinese numeral before 届 is a session's ordinal (政协五届, 八届人大), and so before
          次 when 会议 follows or 届 precedes (五届七次会议, 人大四次会议);
        - N个 before 月, 小时, 星期, 季度, 工作日 is a duration (近6个月);
        - everything else is a quantity (value NaN where the grammar refuses it: 三四家).

        Examples
        --------
        >>> _kinds("政协五届七次会议，引进一批龙头企业，已举办了2届大会，三四家，近6个月")
        [('五届', 'ordinal'), ('七次', 'ordinal'), ('2届', 'quantity'), ('三四家', 'quantity'), \
('近6个月', 'duration')]
        """
        if unit in _COUNT_WORDS:
            text, end = self.text, m.end()
            if unit == "个":
                time = _MONTHS_RE.match(text, end)
                if time is not None:
                    return _Mention(start, time.end(), "duration")
            if (
                num[0] in _CN_NUMERAL
                and start == m.start()
                and m.group(*_PLAIN_GROUPS) == (None,) * len(_PLAIN_GROUPS)
            ):
                if num == "一":
                    return None
                if unit == "届" or (
                    unit == "次"
                    and (_SESSION_AFTER_RE.match(text, end) or text[start - 1 : start] == "届")
                ):
                    return _Mention(start, end, "ordinal")
        return _Mention(start, m.end(), "quantity", m)

    def bare(
        self, m: re.Match[str], start: int, pre: str | None, num1: str | None, num: str
    ) -> _Mention | None:
        """A number with no unit: a duration, a year, a reference number, or unexplained.

        - Chinese numerals alone are no mention (三大产业, 建议一);
        - before a time word, a duration (近3年, 1-2年);
        - an Arabic year 19xx/20xx, or a range of two, is a date (``2015我区``, ``2021-2023``);
        - an Arabic number with a run of seven or more digits is a document or telephone number
          (``83678350``, ``82915570-1411``);
        - any other Arabic number is a quantity with no value: the curator must look at it.

        Examples
        --------
        >>> _kinds("2015我区，电话83678350，82915570-1411，共7，近3年")
        [('2015', 'date'), ('83678350', 'doc_number'), ('82915570-1411', 'doc_number'), \
('7', 'quantity'), ('近3年', 'duration')]
        """
        if num[0] in _CN_NUMERAL or (num1 is not None and num1[0] in _CN_NUMERAL):
            return None
        end = m.end()
        time = _TIME_RE.match(self.text, end)
        if time is not None:
            return _Mention(start, time.end(), "duration")
        if pre is None and _YEAR_RE.fullmatch(num) and (num1 is None or _YEAR_RE.fullmatch(num1)):
            return _Mention(start, end, "date")
        if _LONG_DIGIT_RUN_RE.search(num) or (num1 is not None and _LONG_DIGIT_RUN_RE.search(num1)):
            return _Mention(start, end, "doc_number")
        return _Mention(start, end, "quantity")


def _kinds(text: str) -> list[tuple[str, str]]:
    """(text, kind) of every mention of a text, for the examples."""
    return [(text[m.start : m.end], m.kind) for m in _mentions(text)]


# ---------------------------------------------------------------------------------------------
# The scan
# ---------------------------------------------------------------------------------------------

_DIGIT_RUN_RE: Final = re.compile(r"\d+")


def _mentions(text: str) -> list[_Mention]:
    """Every mention of a text, in order and without overlaps: one scan with :func:`_scan_re`.

    Where a match is dropped (a set phrase, the article 一, a bare Chinese numeral, a code with
    no digit), any digit inside it still becomes a quantity with no value.

    Examples
    --------
    >>> _kinds("“1+10+N+N+1”组合拳，2024年4月初，5G，进一步，“A+B”")
    [('1+10+N+N+1', 'code'), ('2024年4月初', 'date'), ('5G', 'code')]
    """
    grammar = _Grammar(text)
    rule_by_name = _RULE_BY_NAME
    mentions: list[_Mention] = []
    last_end = 0
    for m in _scan_re().finditer(text):
        name = m.lastgroup
        mention: _Mention | None
        if name == "quantity":
            mention = grammar.mention(m)
        elif name == "digits":
            mention = _Mention(m.start(), m.end(), "quantity")
        else:
            rule = rule_by_name[str(name)]
            if rule.kind is None or (rule.accept is not None and not rule.accept(m.group(0))):
                mention = None
            else:
                mention = _Mention(m.start(), m.end(), rule.kind)
        if mention is not None and mention.start >= last_end:
            mentions.append(mention)
            last_end = mention.end
        else:  # dropped (or overlapping, which no rule should produce): its digits are not
            for digits in _DIGIT_RUN_RE.finditer(text, max(m.start(), last_end), m.end()):
                mentions.append(_Mention(digits.start(), digits.end(), "quantity"))
                last_end = digits.end()
    return mentions


def _frame(text: str, mentions: list[_Mention]) -> pd.DataFrame:
    """The mentions as a data frame with the columns and dtypes of :data:`COLUMNS`."""
    grammar, no_reading = _Grammar(text), _NO_READING
    readings = [
        _set_count_reading(text[m.start : m.end])
        if m.match is None
        else (grammar.reading(m.match) or no_reading)
        for m in mentions
    ]
    values, units, qualifiers, lowers, uppers, lowers_lenient, uppers_lenient = (
        zip(*readings, strict=True) if readings else ((),) * 7
    )
    columns: dict[str, Sequence[object]] = {
        "start": [m.start for m in mentions],
        "end": [m.end for m in mentions],
        "text": [text[m.start : m.end] for m in mentions],
        "kind": [m.kind for m in mentions],
        "value": values,
        "unit": units,
        "qualifier": qualifiers,
        "lower": lowers,
        "upper": uppers,
        "lower_lenient": lowers_lenient,
        "upper_lenient": uppers_lenient,
    }
    frame = pd.DataFrame(
        {
            name: np.array(values, dtype=_NUMERIC_DTYPES.get(name, object))
            for name, values in columns.items()
        },
        columns=list(COLUMNS),
    )
    return frame.astype(dict.fromkeys(_STRING_COLUMNS, _STRING))


def extract_quantities(text: str) -> pd.DataFrame:
    """Find every number mention in a text, with its kind and, for measures, its reading.

    Parameters
    ----------
    text : str
        Any text; meant for a normalised letter
        (:func:`futian_indicators.language.normalise.normalise`).

    Returns
    -------
    pandas.DataFrame
        One row per mention, sorted by ``start``; mentions never overlap. Columns
        (:data:`COLUMNS`): ``start``, ``end`` (int64: ``text[start:end]`` is the mention),
        ``text`` (string), ``kind`` (string, one of :data:`KINDS`), then the grammar's reading
        (:class:`~futian_indicators.language.quantity.Quantity`): ``value`` (float64, base units),
        ``unit`` and ``qualifier`` (string), ``lower``, ``upper`` (the strict interval),
        ``lower_lenient``, ``upper_lenient`` (float64). The reading is set for the quantities and
        ranks the grammar parses, and NaN/<NA> otherwise. An empty result keeps the columns and
        dtypes.

    Examples
    --------
    >>> df = extract_quantities("2024年实现地区生产总值5948.82亿元，全市第3，（电话：83678350）")
    >>> df[["start", "end", "text", "kind"]].to_dict("split")["data"]
    [[0, 5, '2024年', 'date'], [13, 22, '5948.82亿元', 'quantity'], [25, 27, '第3', 'rank'], \
[32, 40, '83678350', 'doc_number']]
    >>> df["value"].tolist()[1:3], df.loc[2, ["lower", "upper"]].tolist()
    ([594882000000.0, 3.0], [3.0, 3.0])
    >>> empty = extract_quantities("")
    >>> len(empty), [str(t) for t in empty.dtypes] == [str(t) for t in df.dtypes]
    (0, True)
    >>> [str(t) for t in empty.dtypes][:5]
    ['int64', 'int64', 'string', 'string', 'float64']
    """
    return _frame(text, _mentions(text))


def mention_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every mention: :func:`extract_quantities`, lighter.

    No readings and no data frame: the build accounts for every number of every letter with it.

    Examples
    --------
    >>> mention_spans("2024年实现地区生产总值5948.82亿元，全市第3")
    [(0, 5, 'date'), (13, 22, 'quantity'), (25, 27, 'rank')]
    """
    return [(m.start, m.end, m.kind) for m in _mentions(text)]
