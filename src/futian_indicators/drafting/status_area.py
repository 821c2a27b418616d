"""What the words around a number say about its status, and what is no figure.

Used by :mod:`futian_indicators.drafting.draft` beside :mod:`~futian_indicators.drafting.cues`
(the letter's segments and the period) and :mod:`~futian_indicators.drafting.area` (its area):
``status_of`` (policy, plan, target or actual from the governing words) and ``not_a_figure``
(award thresholds and the reply's structure, kept apart from figures).
"""

from __future__ import annotations

import re
from typing import Final

from ..language.lexicon import YEAR
from .cues import LetterDates, Place

_PARAMETER_RE: Final = re.compile(r"最高|不超过|不高于|上限|比例")
_GRANT_RE: Final = re.compile(r"给予|可申请|可获|补贴|贴息|资助|奖励|扶持|补助")
_GRANT_BEFORE_RE: Final = re.compile(r"可申请|可获|给予")
_PLAN_RE: Final = re.compile(r"计划|拟")
_TARGET_RE: Final = re.compile(rf"目标|力争|争取|到{YEAR}年|下一步")
_INTENT_YEAR_RE: Final = re.compile(rf"(?:推动|确保|将)[^，；。]{{0,20}}?({YEAR})年")


def status_of(text: str, place: Place, period: str, dates: LetterDates) -> tuple[str, str]:
    """The status of the number at ``place`` and the words it rests on (see the module docs).

    Examples
    --------
    >>> text = "2025年目标引进外资企业30家。对楼宇给予不超过100万元的支持。"
    >>> dates = LetterDates(None, 2025)
    >>> status_of(text, Place((14, 17), (0, 17), (0, 17)), "2025", dates)
    ('target', '“目标” before it')
    >>> status_of(text, Place((24, 31), (18, 35), (18, 35)), "2025", dates)
    ('policy', '“不超过” in a sentence that grants')
    """
    clause, sentence, mention = place.clause, place.sentence, place.mention
    parameter = _PARAMETER_RE.search(text, *clause)
    if parameter and _GRANT_RE.search(text, *sentence):
        return "policy", f"“{parameter.group(0)}” in a sentence that grants"
    if m := _GRANT_BEFORE_RE.search(text, clause[0], mention[0]):
        return "policy", f"“{m.group(0)}” before it"
    if m := _PLAN_RE.search(text, clause[0], mention[0]):
        return "plan", f"“{m.group(0)}” before it"
    if m := _TARGET_RE.search(text, sentence[0], mention[0]):
        return "target", f"“{m.group(0)}” before it"
    if dates.date is not None and int(period.removeprefix("../")[:4]) > dates.date.year:
        return "target", f"its period lies after the letter's year ({dates.date.year})"
    m = _INTENT_YEAR_RE.search(text, sentence[0], mention[0])
    if m and dates.year is not None and int(m.group(1)) >= dates.year:
        return "target", f"“{m.group(0)}”: intent, for a year not yet over"
    return "actual", "no target, plan or policy words"


_THRESHOLD_AFTER_RE: Final = re.compile(
    r"(?:以上|及以上)?(?:、[^，；。、的]{1,12})*的(?!比例|比重)"
)
_THRESHOLD_BEFORE_RE: Final = re.compile(
    r"(?:首次|年|当年)(?:销售额|营业收入|营收|产值)?(?:首次)?(?:突破|达到|超过|迈上)$|(?:销售额|营业收入|营收|产值)(?:首次)?(?:突破|达到|超过)?$"
)
_AWARD_RE: Final = re.compile(r"奖励|给予|补贴|资助|认定|支持|扶持")


def not_a_figure(text: str, place: Place) -> str | None:
    """Why a number is not a figure at all, or None.

    The reply's structure (从三个方面答复), and the thresholds of a policy: a number that
    qualifies what follows it (首次突破100亿元的企业, 100亿元、50亿元、10亿元的企业) in a sentence
    that grants.

    Examples
    --------
    >>> from futian_indicators.drafting.cues import Segments
    >>> text = "对年销售额首次突破100亿元的商贸企业给予奖励。现从三个方面答复如下。"
    >>> s = Segments(text)
    >>> not_a_figure(text, Place.of(s, (text.index("100"), text.index("的"))))
    'a threshold of a policy (a number qualifying what follows it), not a figure'
    >>> not_a_figure(text, Place.of(s, (text.index("三个"), text.index("方面"))))
    "the reply's structure (…个方面), not a measure"
    """
    mention, sentence = place.mention, place.sentence
    if text[mention[1] - 1] == "个" and text.startswith("方面", mention[1]):
        return "the reply's structure (…个方面), not a measure"
    after = _THRESHOLD_AFTER_RE.match(text, mention[1], sentence[1])
    before = text[max(sentence[0], mention[0] - 12) : mention[0]]
    threshold = after or (_THRESHOLD_BEFORE_RE.search(before) and "首次" in before)
    if threshold and _AWARD_RE.search(text, *sentence):
        return "a threshold of a policy (a number qualifying what follows it), not a figure"
    return None
