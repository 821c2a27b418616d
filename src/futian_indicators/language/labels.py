"""Read a figure's labels off words: the periods, areas and statuses the words can state.

One definition of what the letters' words mean for a figure's ``period``, ``geo`` and
``status``. The build reads a figure's quote (basis ``quote``) or its evidence words (basis
``context``) with these readers and fails unless the curated label is among what they give;
drafting a new letter proposes labels from the same words.

Each reader returns every label the words can state (a frozenset, empty when they state none):
words may be read more than one way (截至2023年6月底 is the day of a stock or the end of a count),
and the curator's label must be one of the readings.

Period (:func:`period_labels`)
    ======================================  =============================================
    words                                   labels
    ======================================  =============================================
    2024年, 2024年度                        ``2024``
    2023年上半年, 2023年下半年              ``2023H1``, ``2023H2``
    2023年第三季度                          ``2023Q3``
    2023年8月                               ``2023-08``
    截至2023年6月底, 2024年末, 截至2023年8月  ``2023-06-30`` and ``../2023-06-30``
    截至2023年8月31日, 2020年4月11日         ``2023-08-31`` and ``../2023-08-31``
    2023年1-4月                             ``2023-01-01/2023-04-30``
    2025年前三季度                          ``2025-01-01/2025-09-30``
    1-4月, 前三季度 (with a year Y)         ``Y-01-01/Y-04-30``, ``Y-01-01/Y-09-30``
    上半年, 一季度, 6月底 (with a year Y)   ``YH1``, ``YQ1``, ``Y-06-30`` and ``../Y-06-30``
    截至年底, 年末 (with a year Y)          ``Y-12-31`` and ``../Y-12-31``
    2023年以来, 自2020年起, 2020年至今      ``2023-01-01/<letter date>`` (dated letters only)
    今年以来                                ``<letter's year>-01-01/<letter date>``
    2021-2023年                             ``2021/2023``
    3年, 三年 (with a year Y in the words)  ``Y-2/Y``
    较2020年 (with a year Y in the words)   ``2021/Y`` (a change from the end of 2020)
    多年 (with a year Y in the words)       ``../Y``
    全年, 当年 (with a year Y)              ``Y``
    今年, 本年                              ``Y`` (a year in the words) and the letter's year
    去年, 上年; 年度 alone                  the year before the letter's
    年度计划, 年度目标                      the letter's year
    截至去年底, 上年末                      the last day of the year before the letter's
    目前, 当前, 截至目前, 至今              ``<letter date>`` and ``../<letter date>``
    上年同期, 同期, 较上年, 比去年          nothing: a comparison's base, not a period
    ======================================  =============================================

    The readers of one piece of words are public (:func:`period_words`, :func:`word_labels`):
    the drafter (:mod:`futian_indicators.drafting.cues`) reads with them, and only chooses
    which words govern a number and which year yearless words take.

    For a flow (``measure="flow"``), which is never ``as_of``, the ``as_of`` readings are left
    out; for a stock a year also reads as its last day (2024年 … 家: as of 2024-12-31).

Area (:func:`geo_labels`)
    福田, 福田区, 全区, 我区, 辖区, 本区, 深圳市福田区 give ``futian``; 全市, 深圳, 深圳市 give
    ``shenzhen`` except in a share or rank of the city (占全市, 居全市第一: the figure stays the
    district's); 河套深港科技创新合作区 alone gives ``hetao_zone``; 河套深港科技创新合作区深圳园区,
    河套深圳园区, 深圳园区, 河套合作区, 合作区, 园区 and 河套 give ``hetao_shenzhen_park``; 香港
    gives ``hong_kong``.

Status (:func:`status_labels`)
    目标, 力争, 争取, 到2025年, 推动…2025年, 将 give ``target``; 计划, 拟 give ``plan``; 最高,
    不超过, 给予, 补贴, 贴息, 资助, 奖励, 比例, 支持 give ``policy``. Nothing gives ``actual``: it
    rests on the convention that no such word governs the figure.

Examples
--------
>>> sorted(period_labels("截至2023年6月底", letter_date=None, measure="stock"))
['../2023-06-30', '2023-06-30']
>>> sorted(geo_labels("河套深港科技创新合作区"))
['hetao_zone']
>>> sorted(status_labels("力争到2025年"))
['target']
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = [
    "EVIDENCE_JOINER",
    "LETTER_KINDS",
    "YEARLESS_KINDS",
    "PeriodWords",
    "convention_allows",
    "geo_labels",
    "label_readings",
    "period_labels",
    "period_words",
    "status_labels",
    "word_labels",
]

EVIDENCE_JOINER: Final = "；"
"""Joins a label's several evidence words before they are read (2023年 and 全年)."""

_Y: Final = r"((?:19|20)\d{2})"
_M: Final = r"(1[0-2]|0?[1-9])(?!\d)"
_D: Final = r"(3[01]|[12]\d|0?[1-9])(?!\d)"
_CN_NUMBER: Final = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
_RANGE: Final = r"[-—－~～至到]"
_PRIOR: Final = r"(?:上年|去年|上一年)"

_PERIOD_RE: Final = re.compile(
    "|".join(
        [
            rf"(?P<day>(?:截至|截止)?{_Y}年{_M}月{_D}日)",
            rf"(?P<month_range>{_Y}年{_M}月?{_RANGE}{_M}月)",
            rf"(?P<month_end>(?:截至|截止)?{_Y}年{_M}月(?:底|末)|(?:截至|截止){_Y}年{_M}月)",
            rf"(?P<year_end>(?:截至|截止)?{_Y}年(?:底|末))",
            rf"(?P<prior_year_end>(?:截至|截止)?{_PRIOR}(?:底|末))",
            r"(?P<now>(?:截至|截止)(?:目前|当前|今)|目前|当前|至今)",
            rf"(?P<since>(?:自|从)?{_Y}年(?:以来|起|至今))",
            r"(?P<this_year_since>(?:今年|本年)以来)",
            rf"(?P<same_period>(?:较|比|同比)?{_PRIOR}?同期|(?:较|比){_PRIOR})",
            rf"(?P<quarters>{_Y}年前([一二三1-3])(?:个)?季度)",
            rf"(?P<half>{_Y}年(上|下)半年)",
            rf"(?P<quarter>{_Y}年(?:第)?([一二三四1-4])季度)",
            rf"(?P<month>{_Y}年{_M}月)",
            rf"(?P<years>{_Y}年?{_RANGE}{_Y}年)",
            rf"(?P<base>较{_Y}年)",
            r"(?P<span>(?<![\d年第.])([2-9两二三四五六七八九十])年(?![度底末]))",
            r"(?P<many>多年)",
            rf"(?P<year>{_Y}年(?:度)?)",
            rf"(?P<months>(?<![\d年]){_M}月?{_RANGE}{_M}月(?:份)?)",
            rf"(?P<month_end_of>(?<![\d年])(?:截至|截止)?{_M}月(?:底|末))",
            r"(?P<year_end_of>(?:截至|截止)?(?<![\d今当本全去上])年(?:底|末))",
            r"(?P<quarters_of>前([一二三1-3])(?:个)?季度)",
            r"(?P<half_of>(?<!年)(上|下)半年)",
            r"(?P<quarter_of>(?<![\d年])(?:第)?([一二三四1-4])季度)",
            r"(?P<that_year>全年|当年)",
            r"(?P<this_year>今年|本年)",
            rf"(?P<prior_year>{_PRIOR})",
            r"(?P<annual_plan>(?<![\d年全当今本上])年度(?=计划|目标|任务))",
            r"(?P<annual>(?<![\d年全当今本上])年度)",
        ]
    )
)

_OF_A_YEAR: Final = frozenset(
    {"months", "month_end_of", "year_end_of", "quarters_of", "half_of", "quarter_of"}
)
YEARLESS_KINDS: Final = frozenset({"span", "base", "many", "that_year", *_OF_A_YEAR})
"""Period words that take their year from other words (3年, 较2020年, 多年, 全年, 1-4月,
5月底, 前三季度, 上半年, 一季度)."""

LETTER_KINDS: Final = frozenset(
    {
        "now",
        "since",
        "this_year_since",
        "this_year",
        "prior_year",
        "prior_year_end",
        "annual",
        "annual_plan",
    }
)
"""Period words read against the letter's date or year (目前, 以来, 今年, 去年, 年度)."""


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
        numbers = tuple(int(g) if g.isdigit() else _CN_NUMBER.get(g, 0) for g in groups)
        out.append(PeriodWords(m.start(), m.end(), kind, numbers, m.group(0)))
    return out


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
    return {f"{year}-{first:02d}-01/{_month_end(year, last)}"} if first <= last else set()


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
        "now": lambda: _at(day),
        "since": lambda: {f"{n[0]}-01-01/{day}"} if day else set(),
        "this_year_since": lambda: {f"{y}-01-01/{day}"} if day and y else set(),
        "same_period": set,
        "month_range": lambda: _range(*n),
        "months": lambda: {label for year in years for label in _range(year, *n)},
        "month_end_of": lambda: {x for year in years for x in _at(_month_end(year, n[0]))},
        "year_end_of": lambda: {x for year in years for x in _at(f"{year}-12-31")},
        "quarters": lambda: _range(n[0], 1, 3 * n[1]),
        "quarters_of": lambda: {x for year in years for x in _range(year, 1, 3 * n[0])},
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
        "annual": lambda: {str(y - 1)} if y else set(),
        "annual_plan": lambda: {str(y)} if y else set(),
    }
    return frozenset(readers[kind]())


def period_labels(words: str, *, letter_date: dt.date | None, measure: str) -> frozenset[str]:
    """Every period label ``words`` can state (see the module docs).

    Parameters
    ----------
    words : str
        A quote, or a figure's evidence words for its period (several joined into one text).
    letter_date : date or None
        The letter's date (目前, 以来, 今年, 去年 need it); None for an undated letter.
    measure : str
        The indicator's measure (``vocab.MEASURES``): a flow is never ``as_of``; a stock's year
        also reads as the year's last day.

    Examples
    --------
    >>> sorted(period_labels("2024年，3年累计", letter_date=None, measure="growth"))
    ['2022/2024', '2024']
    >>> sorted(period_labels("当前", letter_date=dt.date(2025, 9, 26), measure="flow"))
    ['../2025-09-26']
    >>> period_labels("多年稳居", letter_date=None, measure="rank")
    frozenset()
    """
    found = period_words(words)
    plain = [w.numbers[0] for w in found if w.kind == "year"]
    named = [year for w in found if (year := w.year) is not None]
    letter_year = letter_date.year if letter_date else None
    labels: set[str] = set()
    for w in found:
        years = named if w.kind in _OF_A_YEAR else plain
        labels |= word_labels(w, years, letter_date, letter_year)
    if measure == "stock":
        labels |= {f"{y}-12-31" for y in plain}
    if measure == "flow":
        labels = {label for label in labels if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", label)}
    return frozenset(labels)


# The areas: the longest name first, so that 深圳园区 is the park and not Shenzhen.
_GEO_WORDS: Final = (
    ("河套深港科技创新合作区深圳园区", "hetao_shenzhen_park"),
    ("河套深港科技创新合作区", "hetao_zone"),
    ("深圳市福田区", "futian"),
    ("河套深圳园区", "hetao_shenzhen_park"),
    ("河套合作区", "hetao_shenzhen_park"),
    ("深圳园区", "hetao_shenzhen_park"),
    ("合作区", "hetao_shenzhen_park"),
    ("园区", "hetao_shenzhen_park"),
    ("河套", "hetao_shenzhen_park"),
    ("福田区", "futian"),
    ("福田", "futian"),
    ("全区", "futian"),
    ("我区", "futian"),
    ("辖区", "futian"),
    ("本区", "futian"),
    ("深圳市", "shenzhen"),
    ("全市", "shenzhen"),
    ("深圳", "shenzhen"),
    ("香港", "hong_kong"),
)
_GEO_RE: Final = re.compile("|".join(re.escape(w) for w, _ in _GEO_WORDS))
_GEO_OF: Final = dict(_GEO_WORDS)
# The city named as the whole a share or a rank is of: 占全市, 居全市第一, 深圳第一, 全市前列.
_NOT_AREA_BEFORE: Final = re.compile(r"[占居列位]$")
_NOT_AREA_AFTER: Final = re.compile(r"(?:的)?(?:第|前|排名|首位|之首|总|比重|比例|领先)")


def geo_labels(words: str) -> frozenset[str]:
    """Every area ``words`` name (see the module docs).

    Examples
    --------
    >>> sorted(geo_labels("福田区金融业增加值占全市总额超四成"))
    ['futian']
    >>> sorted(geo_labels("河套深港科技创新合作区深圳园区"))
    ['hetao_shenzhen_park']
    >>> sorted(geo_labels("全市国高企业"))
    ['shenzhen']
    """
    labels = set()
    for m in _GEO_RE.finditer(words):
        label = _GEO_OF[m.group(0)]
        if label == "shenzhen" and (
            _NOT_AREA_BEFORE.search(words, 0, m.start()) or _NOT_AREA_AFTER.match(words, m.end())
        ):
            continue
        labels.add(label)
    return frozenset(labels)


_STATUS_RES: Final = (
    (
        "target",
        re.compile(r"目标|力争|争取|到(?:19|20)\d{2}年|推动[^，；。]{0,20}?(?:19|20)\d{2}年|将"),
    ),
    ("plan", re.compile(r"计划|拟")),
    ("policy", re.compile(r"最高|不超过|给予|补贴|贴息|资助|奖励|比例|支持")),
)


def status_labels(words: str) -> frozenset[str]:
    """Every status other than ``actual`` that ``words`` state (see the module docs).

    Examples
    --------
    >>> sorted(status_labels("计划完成10万平方米"))
    ['plan']
    >>> sorted(status_labels("给予最高200万元"))
    ['policy']
    >>> status_labels("2024年实现地区生产总值5948.82亿元")
    frozenset()
    """
    return frozenset(label for label, pattern in _STATUS_RES if pattern.search(words))


CONVENTION_VALUES: Final = {"geo": "futian", "status": "actual"}
"""The one value the geo and status conventions give (the period's is the letter's date)."""


def label_readings(
    label: str, words: str, *, letter_date: dt.date | None, measure: str
) -> frozenset[str]:
    """What ``words`` state for one label (``period``, ``geo`` or ``status``).

    The one reading the build verifies a figure's labels with and the drafter proposes them by.

    Examples
    --------
    >>> sorted(label_readings("geo", "福田区", letter_date=None, measure="stock"))
    ['futian']
    """
    if label == "period":
        return period_labels(words, letter_date=letter_date, measure=measure)
    if label == "geo":
        return geo_labels(words)
    return status_labels(words)


def convention_allows(label: str, value: str, letter_date: dt.date | None) -> bool:
    """Whether a label's one convention (``vocab.CONVENTIONS``) gives ``value``.

    Period: the letter's date, as ``<date>`` (a stock) or ``../<date>`` (a count up to now), and
    only for a dated letter; geo: ``futian``; status: ``actual``.

    Examples
    --------
    >>> convention_allows("period", "../2023-10-16", dt.date(2023, 10, 16))
    True
    >>> convention_allows("period", "2024-12-31", None), convention_allows("geo", "shenzhen", None)
    (False, False)
    """
    if label == "period":
        day = letter_date.isoformat() if letter_date else None
        return day is not None and value in (day, f"../{day}")
    return value == CONVENTION_VALUES[label]
