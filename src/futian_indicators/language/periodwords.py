"""Period words: where a text names a period, and the labels each piece of them gives.

The one reading of period words (2024年, 截至2023年6月底, 1-4月, 今年以来, 较年初, 十四五期间 ...)
that :func:`futian_indicators.language.labels.period_labels` (the build's check of a figure's
period) and the drafter (:mod:`futian_indicators.drafting.cues`) share: :func:`period_words`
finds them and their kind, :func:`word_labels` reads one piece of them (the table of what each
kind gives is in :mod:`futian_indicators.language.labels`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from .lexicon import RANGE_SEPARATORS

__all__ = [
    "DAY_KINDS",
    "OF_A_YEAR_KINDS",
    "RELATIVE_YEARS",
    "SINCE_KINDS",
    "YEARLESS_KINDS",
    "PeriodWords",
    "period_words",
    "word_labels",
]

_Y: Final = r"((?:19|20)\d{2})"
_M: Final = r"(1[0-2]|0?[1-9])(?!\d)"
_D: Final = r"(3[01]|[12]\d|0?[1-9])(?!\d)"
_CN_NUMBER: Final = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_RANGE: Final = f"[{RANGE_SEPARATORS}]"  # the grammar's range separators
_PRIOR: Final = r"(?:上年|去年|上一年)"
_N: Final = r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])"  # months: 前5个月, 前十一个月

_PERIOD_RE: Final = re.compile(
    "|".join(
        [
            rf"(?P<day>(?:截至|截止)?{_Y}年{_M}月{_D}日)",
            rf"(?P<month_range>{_Y}年{_M}月?{_RANGE}{_M}月)",
            rf"(?P<month_end>(?:截至|截止)?{_Y}年{_M}月(?:底|末)|(?:截至|截止){_Y}年{_M}月)",
            rf"(?P<year_end>(?:截至|截止)?{_Y}年(?:底|末))",
            rf"(?P<prior_year_end>(?:截至|截止)?{_PRIOR}(?:底|末))",
            r"(?P<this_year_end>(?:截至|截止|到)?(?:今年|本年)(?:底|末))",
            # 截至今日, 至今: the letter's date; never the 今 or 至今 of 截至今年底
            r"(?P<now>(?:截至|截止)(?:目前|当前|今(?:日|天)?(?!年))|目前|当前|至今(?:日|天)?(?!年))",
            rf"(?P<since>(?:自|从)?{_Y}年(?:以来|起|至今))",
            r"(?P<this_year_since>(?:今年|本年)以来)",
            r"(?P<five_year_since>[“\"]?十([一二三四五六])五[”\"]?(?:时期)?以来)",
            r"(?P<five_year>[“\"]?十([一二三四五六])五[”\"]?(?:规划)?(?:期间|时期))",
            rf"(?P<same_period>(?:较|比|同比)?{_PRIOR}?同期|(?:较|比|与){_PRIOR})",
            r"(?P<year_start>(?:较|比)年初|(?:自|从)?年初(?:以来|至今))",
            rf"(?P<quarters>{_Y}年前([一二三1-3])(?:个)?季度)",
            rf"(?P<quarter_end>(?:截至|截止)?{_Y}年(?:第)?([一二三四1-4])季度(?:末|底))",
            rf"(?P<first_months>{_Y}年前{_N}个月)",
            rf"(?P<half>{_Y}年(上|下)半年)",
            rf"(?P<quarter>{_Y}年(?:第)?([一二三四1-4])季度)",
            rf"(?P<month>{_Y}年{_M}月)",
            rf"(?P<years>{_Y}年?{_RANGE}{_Y}年)",
            rf"(?P<base>较{_Y}年)",
            r"(?P<span>(?<![\d年第.])([2-9两二三四五六七八九十])年(?![度底末]))",
            r"(?P<many>多年)",
            rf"(?P<year>{_Y}年(?:度)?)",
            rf"(?P<months>(?<!\d)(?<!\d年){_M}月?{_RANGE}{_M}月(?:份)?)",
            rf"(?P<month_end_of>(?<!\d)(?<!\d年)(?:截至|截止)?{_M}月(?:底|末))",
            rf"(?P<day_of>(?<!\d)(?<!\d年)(?:截至|截止){_M}月{_D}日)",
            r"(?P<month_of>(?<!\d)(?<!\d年)(1[0-2]|0?[1-9])月(?:份)?(?![\d底末初中上下旬]))",
            r"(?P<year_end_of>(?:截至|截止)?(?<![\d今当本全去上])年(?:底|末))",
            r"(?P<quarters_of>前([一二三1-3])(?:个)?季度)",
            rf"(?P<first_months_of>(?<!\d年)前{_N}个月)",
            r"(?P<half_of>(?<!\d年)(上|下)半年)",
            r"(?P<quarter_end_of>(?<!\d)(?<!\d年)(?:截至|截止)?(?:第)?([一二三四1-4])季度(?:末|底))",
            r"(?P<quarter_of>(?<!\d)(?<!\d年)(?:第)?([一二三四1-4])季度)",
            r"(?P<that_year>全年|当年)",
            r"(?P<this_year>今年|本年)",
            rf"(?P<prior_year>{_PRIOR})",
            r"(?P<next_year>明年|来年|下一年)",
            r"(?P<annual_plan>(?<![\d年全当今本上])年度(?=计划|目标|任务))",
            r"(?P<annual>(?<![\d年全当今本上])年度)",
        ]
    )
)

OF_A_YEAR_KINDS: Final = frozenset(
    [
        "months",
        "month_of",
        "month_end_of",
        "day_of",
        "year_end_of",
        "quarters_of",
        "first_months_of",
        "half_of",
        "quarter_of",
        "quarter_end_of",
    ]
)

YEARLESS_KINDS: Final = frozenset({"span", "base", "many", "that_year", *OF_A_YEAR_KINDS})
"""Period words that take their year from other words (3年, 较2020年, 多年, 全年, 1-4月,
5月底, 前三季度, 上半年, 一季度)."""

DAY_KINDS: Final = frozenset(
    [
        "day",
        "day_of",
        "month_end",
        "quarter_end",
        "year_end",
        "prior_year_end",
        "this_year_end",
        "month_end_of",
        "quarter_end_of",
        "year_end_of",
        "now",
    ]
)
"""Period words that name one day (截至2026年6月末, 年末, 目前): a stock's date, a count's end."""

SINCE_KINDS: Final = frozenset({"since", "this_year_since", "five_year_since", "year_start"})
"""Period words of a time that runs from a start up to a day (2021年以来, 较年初)."""

RELATIVE_YEARS: Final = {"this_year": 0, "prior_year": -1, "next_year": 1}
"""Words that name a year counted from the letter's (今年, 去年, 明年): the years they add."""


@dataclass(frozen=True, slots=True)
class PeriodWords:
    """Period words found in a text: where they are, their kind and their numbers.

    ``year`` is the year they name themselves (None for 全年, 3年, 目前 ...).
    """

    start: int
    end: int
    kind: str
    numbers: tuple[int, ...]
    words: str

    @property
    def year(self) -> int | None:
        """The year the words name (2023年上半年: 2023), if any."""
        first = self.numbers[0] if self.numbers else 0
        return first if first > 1900 and self.kind not in ("span", "base") else None


def period_words(text: str, start: int = 0, end: int | None = None) -> list[PeriodWords]:
    """The period words of ``text[start:end]``, in order.

    Examples
    --------
    >>> [(w.kind, w.numbers) for w in period_words("截至2023年8月底，2025年1-4月，3年累计")]
    [('month_end', (2023, 8)), ('month_range', (2025, 1, 4)), ('span', (3,))]
    """
    out = []
    for m in _PERIOD_RE.finditer(text, start, len(text) if end is None else end):
        kind = str(m.lastgroup)
        groups = [g for g in m.groups() if g is not None][1:]  # [0]: the kind's whole match
        if kind in ("half", "half_of"):
            groups[-1] = "1" if groups[-1] == "上" else "2"
        numbers = tuple(_number(g) for g in groups)
        out.append(PeriodWords(m.start(), m.end(), kind, numbers, m.group(0)))
    return out


def _number(group: str) -> int:
    """A number of period words: 12, 五, 十一."""
    if group.isdigit():
        return int(group)
    if len(group) == 2 and group[0] == "十":
        return 10 + _CN_NUMBER.get(group[1], 0)
    return _CN_NUMBER.get(group, 0)


def _five_year_plan(n: int) -> int:
    """The first year of the n-th five-year plan (十四五: the 14th, from 2021)."""
    return 1966 + 5 * (n - 3)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_end(year: int, month: int) -> str:
    return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _at(day: str | None) -> set[str]:
    """A day read as a stock's date or a count's end: both labels."""
    return {day, f"../{day}"} if day else set()


def _range(year: int, first: int, last: int) -> set[str]:
    return {f"{year}-{first:02d}-01/{_month_end(year, last)}"} if first <= last <= 12 else set()


def _from_year_start(end: dt.date | None) -> set[str]:
    """A change since the start of the year (较年初), up to ``end``: its year at the year's end."""
    if end is None:
        return set()
    since = f"{end.year}-01-01/{end.isoformat()}"
    return {since, str(end.year)} if (end.month, end.day) == (12, 31) else {since}


def word_labels(
    words: PeriodWords, years: Sequence[int], letter_date: dt.date | None, letter_year: int | None
) -> frozenset[str]:
    """The labels one piece of period words gives.

    ``years`` are the years other words name (全年, 3年, 较2020年, 1-4月 take theirs from them);
    ``letter_date`` is what 目前 and 以来 run to, ``letter_year`` what 今年, 去年 and 年度 are
    counted from (the date's year; the drafter also knows an undated letter's).

    Examples
    --------
    >>> w = period_words("较2020年")[0]
    >>> sorted(word_labels(w, [2024], None, None))
    ['2021/2024']
    >>> sorted(word_labels(period_words("去年")[0], [], None, 2025))
    ['2024']
    """
    n, kind = words.numbers, words.kind
    day = letter_date.isoformat() if letter_date else None
    y = letter_year
    readers: dict[str, Callable[[], set[str]]] = {
        "day": lambda: _at(_day(*n)),
        "month_end": lambda: _at(_month_end(n[0], n[1])),
        "year_end": lambda: _at(f"{n[0]}-12-31"),
        "prior_year_end": lambda: _at(f"{y - 1}-12-31") if y else set(),
        "this_year_end": lambda: _at(f"{y}-12-31") if y else set(),
        "now": lambda: _at(day),
        "since": lambda: {f"{n[0]}-01-01/{day}"} if day else set(),
        "this_year_since": lambda: {f"{y}-01-01/{day}"} if day and y else set(),
        "five_year_since": lambda: {f"{_five_year_plan(10 + n[0])}-01-01/{day}"} if day else set(),
        "five_year": lambda: {f"{_five_year_plan(10 + n[0])}/{_five_year_plan(10 + n[0]) + 4}"},
        "year_start": lambda: _from_year_start(letter_date),
        "same_period": set,
        "month_range": lambda: _range(*n),
        "months": lambda: {label for year in years for label in _range(year, *n)},
        "month_end_of": lambda: {x for year in years for x in _at(_month_end(year, n[0]))},
        "month_of": lambda: {f"{year}-{n[0]:02d}" for year in years},
        "day_of": lambda: {x for year in years for x in _at(_day(year, *n))},
        "quarter_end": lambda: _at(_month_end(n[0], 3 * n[1])),
        "quarter_end_of": lambda: {x for year in years for x in _at(_month_end(year, 3 * n[0]))},
        "year_end_of": lambda: {x for year in years for x in _at(f"{year}-12-31")},
        "quarters": lambda: _range(n[0], 1, 3 * n[1]),
        "quarters_of": lambda: {x for year in years for x in _range(year, 1, 3 * n[0])},
        "first_months": lambda: _range(n[0], 1, n[1]),
        "first_months_of": lambda: {x for year in years for x in _range(year, 1, n[0])},
        "half": lambda: {f"{n[0]}H{n[1]}"},
        "half_of": lambda: {f"{year}H{n[0]}" for year in years},
        "quarter": lambda: {f"{n[0]}Q{n[1]}"},
        "quarter_of": lambda: {f"{year}Q{n[0]}" for year in years},
        "month": lambda: {f"{n[0]}-{n[1]:02d}"},
        "years": lambda: {f"{n[0]}/{n[1]}"} if n[0] < n[1] else set(),
        "base": lambda: {f"{n[0] + 1}/{year}" for year in years if year > n[0] + 1},
        "span": lambda: {f"{year - n[0] + 1}/{year}" for year in years},
        "many": lambda: {f"../{year}" for year in years},
        "year": lambda: {str(n[0])},
        "that_year": lambda: {str(year) for year in years},
        "this_year": lambda: {str(year) for year in {*years, *([y] if y else [])}},
        "prior_year": lambda: {str(y - 1)} if y else set(),
        "next_year": lambda: {str(y + 1)} if y else set(),
        "annual": lambda: {str(y - 1)} if y else set(),
        "annual_plan": lambda: {str(y)} if y else set(),
    }
    return frozenset(readers[kind]())
