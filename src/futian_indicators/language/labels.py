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
    2025年前三季度, 2025年前5个月           ``2025-01-01/2025-09-30``, ``2025-01-01/2025-05-31``
    1-4月, 前三季度, 前5个月 (with a year Y) ``Y-01-01/Y-04-30``, ``Y-01-01/Y-09-30`` ...
    上半年, 一季度, 6月底 (with a year Y)   ``YH1``, ``YQ1``, ``Y-06-30`` and ``../Y-06-30``
    (今年1-5月, 今年上半年: Y is the letter's year; 去年, 明年 give theirs)
    截至年底, 年末 (with a year Y)          ``Y-12-31`` and ``../Y-12-31``
    一季度末, 截至6月30日 (with a year Y)   ``Y-03-31``, ``Y-06-30`` and ``../`` (2026年一季度末)
    2023年以来, 自2020年起, 2020年至今      ``2023-01-01/<letter date>`` (dated letters only)
    今年以来                                ``<letter's year>-01-01/<letter date>``
    …以来 with a day (截至2026年6月末)      ``2021-01-01/2026-06-30``: the day ends it
    较年初, 比年初, 年初以来                ``Y-01-01/<day>`` up to the day the words name
                                            (else the letter's date); ``Y`` when it is 12-31
    “十四五”期间; 十四五以来                ``2021/2025``; ``2021-01-01/<letter date>``
    2021-2023年                             ``2021/2023``
    3年, 三年 (with a year Y in the words)  ``Y-2/Y``
    较2020年 (with a year Y in the words)   ``2021/Y`` (a change from the end of 2020)
    多年 (with a year Y in the words)       ``../Y``
    全年, 当年 (with a year Y)              ``Y``
    今年, 本年                              ``Y`` (a year in the words) and the letter's year
    去年, 上年; 年度 alone                  the year before the letter's
    明年, 来年                              the year after the letter's
    年度计划, 年度目标                      the letter's year
    截至去年底, 上年末                      the last day of the year before the letter's
    目前, 当前, 截至目前, 至今              ``<letter date>`` and ``../<letter date>``
    上年同期, 同期, 较上年, 与上年          nothing: a comparison's base, not a period
    ======================================  =============================================

    The readers of one piece of words (:func:`~futian_indicators.language.periodwords.period_words`,
    :func:`~futian_indicators.language.periodwords.word_labels`) are public:
    the drafter (:mod:`futian_indicators.drafting.cues`) reads with them, and only chooses
    which words govern a number and which year yearless words take.

    For a flow (``measure="flow"``), which is never ``as_of``, the ``as_of`` readings are left
    out; for a stock a year also reads as its last day (2024年 … 家: as of 2024-12-31).

Area (:func:`geo_labels`)
    福田, 福田区, 全区, 我区, 辖区, 本区, 深圳市福田区, and parks in general (产业园区, 科技园区,
    各园区 …) give ``futian``; 全市, 本市, 我市, 深圳, 深圳市 give ``shenzhen`` except in a share or
    rank of the city (占全市, 居全市第一: the figure stays the district's);
    河套深港科技创新合作区 alone gives ``hetao_zone``; 河套深港科技创新合作区深圳园区,
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

import datetime as dt
import re
from typing import Final

from .periodwords import (
    DAY_KINDS,
    OF_A_YEAR_KINDS,
    RELATIVE_YEARS,
    SINCE_KINDS,
    period_words,
    word_labels,
)

__all__ = [
    "EVIDENCE_JOINER",
    "convention_allows",
    "geo_labels",
    "label_readings",
    "period_labels",
    "status_labels",
]

EVIDENCE_JOINER: Final = "；"
"""Joins a label's several evidence words before they are read (2023年 and 全年)."""


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
    letter_year = letter_date.year if letter_date else None
    relative = [letter_year + RELATIVE_YEARS[w.kind] for w in found
                if letter_year and w.kind in RELATIVE_YEARS]  # fmt: skip
    named = [year for w in found if (year := w.year) is not None] + relative
    labels: set[str] = set()
    for w in found:
        years = named if w.kind in OF_A_YEAR_KINDS or w.kind == "that_year" else plain
        labels |= word_labels(w, years, letter_date, letter_year)
    # a time since a start, up to a day the words name (2021年以来，截至2026年6月末; 较年初)
    days = [w for w in found if w.kind in DAY_KINDS]
    ends = {dt.date.fromisoformat(x) for w in days
            for x in word_labels(w, named, letter_date, letter_year) if "/" not in x}  # fmt: skip
    for w in (w for w in found if w.kind in SINCE_KINDS):
        for end in ends:
            labels |= word_labels(w, named, end, letter_year)
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
    *((f"{kind}园区", "futian") for kind in ("产业", "科技", "特色", "创新", "专业", "主题", "各")),
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
    ("本市", "shenzhen"),
    ("我市", "shenzhen"),
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
