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
               3560-3570亿元, 翻两番, 四分之一, 1/3, 百分之十二, the 42% of 占全市42%, 7.6倍;
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
  (七大产业, 十大类) counts a named set: a ``quantity`` with its count, curated or given a reason.

How the text is scanned
-----------------------
One regular expression scans the text once, left to right; at each place it tries, in order,
the rules on the text (:mod:`futian_indicators.language.mention_rules`: set phrases, document
numbers, dates, codes and names, ordinal markers, durations), then the quantity grammar
(:data:`~futian_indicators.language.grammar.QUANTITY_RE`, the very expression
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
over at once; at a digit the rules are tried only where what follows the number is what one
of them has after it (:data:`~futian_indicators.language.mention_rules.RULES_MAY_START`). A
megabyte takes about a seventh of a second.

Examples
--------
>>> df = extract_quantities("2024年金融业增加值占全市总额超四成，均居全市第一。")
>>> list(zip(df["text"], df["kind"], df["value"].tolist(), df["unit"], df["qualifier"]))
[('2024年', 'date', nan, <NA>, <NA>), ('超四成', 'quantity', 40.0, 'percent', 'over'), \
('第一', 'rank', 1.0, 'rank', 'exact')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from itertools import compress, repeat
from types import MappingProxyType
from typing import Final

import numpy as np
import pandas as pd

from .. import vocab
from ..core.collector import collector_paused
from ..errors import wrong_type
from . import context
from .grammar import QUANTITY_RE
from .lexicon import (
    CN_NUMBER_CHARS,
    COUNT_WORDS,
    ORDINAL_COUNTERS,
    READING_OF_WORD,
    SET_PHRASES,
    SPACE,
    TIME_AFTER,
    TIME_UNIT,
    YEAR,
)
from .measure_columns import measure_table
from .mention_rules import KIND_OF_RULE, RULE_BY_NAME, scan_re, set_count_value
from .mention_table import COLUMNS, READING_COLUMNS, mentions_table, reading_columns

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
AUTOMATIC_REASONS: Final[Mapping[str, str]] = MappingProxyType(dict(vocab.MENTION_REASONS))

# ---------------------------------------------------------------------------------------------
# Classifying the grammar's matches
# ---------------------------------------------------------------------------------------------


#: A mention: ``(start, end, kind, match, outer, unit)``, a plain tuple (the finder makes tens
#: of thousands a megabyte, and a tuple costs half a named tuple): its span, its kind, the
#: grammar's match (measures only: read lazily), a qualifier apart from the number (最高奖励300万元)
#: and a unit the words around give it (每千人口 ... 4.2张). Every mention has all six.
_Mention = tuple[int, int, str, re.Match[str] | None, str | None, str | None]


#: A reading, as the last seven columns: value, unit, qualifier, lower, upper, lower_lenient,
#: upper_lenient.
_Reading = tuple[float, str, str, float, float, float, float]


@functools.lru_cache(maxsize=1024)
def _set_reading(words: str) -> _Reading | None:
    """The reading of a set's count, stated exactly (七大: 7), or None (kept: a few recur)."""
    n = set_count_value(words)
    return None if n is None else (n, "count", "exact", n, n, n, n)


_S: Final = SPACE
_CN_NUMERAL: Final = CN_NUMBER_CHARS
_NUMBER_OR_SLASH: Final = context.NUMBER_OR_SLASH
_SET_ENDS: Final = ("大", "类")  # what a set's count ends with (set_count_value looks at no other)
_COUNT_WORDS: Final = frozenset(COUNT_WORDS)
_ORDINAL_COUNTER_RE: Final = re.compile(rf"{_S}{ORDINAL_COUNTERS}")
_DOC_SUFFIX_RE: Final = re.compile(rf"{_S}号")
_TIME_RE: Final = re.compile(rf"{_S}(?:{TIME_UNIT})(?:{_S}{TIME_AFTER})?")
_MONTHS_RE: Final = re.compile(rf"{_S}(?:月|小时|星期|季度|工作日)(?:{_S}{TIME_AFTER})?")
_SESSION_AFTER_RE: Final = re.compile(rf"{_S}(?:会议|全会|全体会议)")
_CLAUSE_START: Final = frozenset("。；;：:！!？?\n（(")
_CLAUSE_END: Final = frozenset("，,、")
_LONG_DIGIT_RUN_RE: Final = re.compile(r"\d{7}")
_YEAR_RE: Final = re.compile(YEAR)
_OPENING_QUOTES: Final = frozenset('“‘「『《"')
_TIME_AFTER_RE: Final = re.compile(rf"{_S}{TIME_AFTER}")
#: The groups a match of the grammar is classified by.
_QUANTITY_GROUPS: Final = ("pre", "rank", "num", "unit")
#: With ``rank`` and ``unit``, the groups of
#: :func:`~futian_indicators.language.grammar.is_bare_number` (a test holds them to it).
_OTHER_MEASURE_GROUPS: Final = ("double", "den", "over")
_NO_MEASURE: Final = (None,) * len(_OTHER_MEASURE_GROUPS)
_PLAIN_GROUPS: Final = ("num1", "more", "mult", "more_after_mult", "post")


class _Grammar:
    """Classify the matches of the quantity grammar (their readings are read together, later)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def qualifiable(self) -> bytearray:
        """:func:`~futian_indicators.language.context.may_be_qualified` at every place."""
        return context.qualifiable_places(self.text)

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
        pre, rank, num, unit = m.group(*_QUANTITY_GROUPS)
        start = m.start()
        if pre is not None and READING_OF_WORD[pre] is None:  # 达, 达到
            start = m.end("pre")
            while self.text[start].isspace():
                start += 1
        if rank is not None:
            return self.prefixed(m, start, rank)
        if unit is None and m.group(*_OTHER_MEASURE_GROUPS) == _NO_MEASURE:  # is_bare_number(m)
            return self.bare(m, start, pre, m["num1"], num)
        return self.measured(m, start, unit, num, pre)

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
            return (start, end, "rank", m, None, None)
        if rank == "前":
            time = _TIME_RE.match(text, end)
            if time is not None:
                return (start, time.end(), "duration", None, None, None)
            return (start, end, "rank", m, None, None)
        doc = _DOC_SUFFIX_RE.match(text, end)
        if doc is not None:
            return (start, doc.end(), "doc_number", None, None, None)
        counter = _ORDINAL_COUNTER_RE.match(text, end)
        if counter is not None:
            return (start, counter.end(), "ordinal", None, None, None)
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else ""
        if before in _CLAUSE_START and after in _CLAUSE_END:
            return (start, end, "ordinal", None, None, None)
        return (start, end, "rank", m, None, None)

    def measured(
        self, m: re.Match[str], start: int, unit: str | None, num: str, pre: str | None
    ) -> _Mention | None:
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
        text, end = self.text, m.end()
        if unit in _COUNT_WORDS:
            if unit == "个" and (time := _MONTHS_RE.match(text, end)) is not None:
                return (start, time.end(), "duration", None, None, None)
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
                    return (start, end, "ordinal", None, None, None)
                if text[start - 1 : start] in _OPENING_QUOTES:  # “三张图谱”: a name
                    return (start, end, "code", None, None, None)
        elif unit == "天" and not context.counts_days(text, start):
            time = _TIME_AFTER_RE.match(text, end)
            return (start, end if time is None else time.end(), "duration", None, None, None)
        m_start = m.start()
        if (
            unit is not None  # a unit word ends it: no number after it touches it
            and not (m_start and text[m_start - 1] in _NUMBER_OR_SLASH)
            and not self.qualifiable[m_start]
        ):  # the common quantity: touches_number and may_be_qualified would both be False
            return (start, end, "quantity", m, None, None)
        if context.touches_number(text, m):
            return (start, end, "quantity", None, None, None)
        outer = per = None
        if self.qualifiable[m_start]:  # context.may_be_qualified, marked once per text
            outer = context.distant_reading(text, m_start) if pre is None else None
            per = context.population_unit(text, m_start) if unit in _COUNT_WORDS else None
        return (start, end, "quantity", m, outer, per)

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
            return (start, time.end(), "duration", None, None, None)
        if pre is None and _YEAR_RE.fullmatch(num) and (num1 is None or _YEAR_RE.fullmatch(num1)):
            return (start, end, "date", None, None, None)
        if _LONG_DIGIT_RUN_RE.search(num) or (num1 is not None and _LONG_DIGIT_RUN_RE.search(num1)):
            return (start, end, "doc_number", None, None, None)
        return (start, end, "quantity", None, None, None)


def _kinds(text: str) -> list[tuple[str, str]]:
    """(text, kind) of every mention of a text, for the examples."""
    return [(text[start:end], kind) for start, end, kind, *_ in _mentions(text)]


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
    classify, kind_of_rule = grammar.mention, KIND_OF_RULE  # bound once: 32,000 a MB
    mentions: list[_Mention] = []
    append = mentions.append
    last_end = 0
    for m in scan_re().finditer(text):
        name = m.lastgroup
        mention: _Mention | None
        if name == "quantity":
            mention = classify(m)
        elif (kind := kind_of_rule.get(name)) is not None:  # most rules: the kind, at once
            start, end = m.span()
            mention = (start, end, kind, None, None, None)
        elif name == "set_phrase":  # dropped, and no set phrase holds a digit (a test holds it)
            continue
        elif name == "digits":
            start, end = m.span()
            mention = (start, end, "quantity", None, None, None)
        elif name == "duration" and context.counts_days(text, m.start()):  # 天数339天
            q = QUANTITY_RE.match(text, m.start())
            mention = None if q is None else grammar.mention(q)
        else:
            rule = RULE_BY_NAME[str(name)]
            if rule.kind is None or (rule.accept is not None and not rule.accept(m.group(0))):
                mention = None
            else:
                mention = (m.start(), m.end(), rule.kind, None, None, None)
        if mention is not None and mention[0] >= last_end:
            append(mention)
            last_end = mention[1]
        else:  # dropped (or overlapping, which no rule should produce): its digits are not
            for digits in _DIGIT_RUN_RE.finditer(text, max(m.start(), last_end), m.end()):
                mentions.append((digits.start(), digits.end(), "quantity", None, None, None))
                last_end = digits.end()
    return mentions


def _frame(text: str, mentions: list[_Mention]) -> pd.DataFrame:
    """The mentions as a data frame with the columns and dtypes of :data:`COLUMNS`.

    The rows with a reading are the measures the grammar matched (read together by
    :func:`~futian_indicators.language.measure_columns.measure_table`) and the counts of a set
    (七大); the others are left without one.
    """
    count = len(mentions)
    starts, ends, kinds, matches, outers, per_units = (
        zip(*mentions, strict=True) if mentions else ((),) * 6
    )
    texts = list(map(text.__getitem__, map(slice, starts, ends)))
    rows = list(compress(range(count), matches))  # a match is true, no match (None) false
    measures = measure_table(*(list(compress(c, matches)) for c in (matches, outers, per_units)))
    sets = [
        row
        for row in compress(range(count), map(str.endswith, texts, repeat(_SET_ENDS)))
        if matches[row] is None and _set_reading(texts[row]) is not None
    ]
    counted = zip(*(_set_reading(texts[row]) for row in sets), strict=True)
    columns: dict[str, Sequence[object] | np.ndarray] = {
        "start": starts,
        "end": ends,
        "text": texts,
        "kind": kinds,
    }
    sets_read = dict(zip(READING_COLUMNS, counted, strict=False))  # none: no columns
    readings = reading_columns(count, (rows, measures), (sets, sets_read))
    return mentions_table(columns | readings)


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
    if not isinstance(text, str):
        raise wrong_type("text", text, "the text to read (str), e.g. a normalised letter")
    with collector_paused():
        return _frame(text, _mentions(text))


def mention_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every mention: :func:`extract_quantities`, lighter.

    No readings and no data frame: the build accounts for every number of every letter with it.

    Examples
    --------
    >>> mention_spans("2024年实现地区生产总值5948.82亿元，全市第3")
    [(0, 5, 'date'), (13, 22, 'quantity'), (25, 27, 'rank')]
    """
    with collector_paused():
        return [(start, end, kind) for start, end, kind, *_ in _mentions(text)]
