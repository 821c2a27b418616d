"""The letter's dates, a drafted period's choice, and whether a number is a count.

Used by :mod:`futian_indicators.drafting.cues` (which gives these names) and
:mod:`~futian_indicators.drafting.status_area`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from .. import vocab
from ..language.lexicon import YEAR
from .segments import Offsets, Place

__all__ = ["LetterDates", "PeriodChoice", "counted"]


@dataclass(frozen=True, slots=True)
class LetterDates:
    """The letter's date, and its year.

    The year is the date's, else the year the document number starts with (suggestion 20250021
    was raised, and answered, in 2025).
    """

    date: dt.date | None
    year: int | None

    @classmethod
    def of(cls, date: dt.date | None, doc_number: str | None) -> LetterDates:
        """From the letter's date and document number."""
        year = date.year if date else None
        if year is None and doc_number and re.match(rf"{YEAR}\d{{3}}", doc_number):
            year = int(doc_number[:4])
        return cls(date, year)


@dataclass(frozen=True, slots=True)
class PeriodChoice:
    """A number's period label, the words it comes from, and whether the letter states it.

    ``words`` are the spans of the letter that state it (the period words, and the words that
    give words with no year of their own their year), empty when a default gives the label;
    ``counted`` says whether the number was read as a count (a flow) rather than a stock.
    """

    label: str
    why: str
    stated: bool
    words: tuple[Offsets, ...] = ()
    counted: bool = False
    intended: str | None = None  # the label if the number is a target or plan (its year)
    carried: bool = False  # from words of an earlier sentence or the heading
    year_carried: bool = False  # its year from an earlier sentence (下半年 under 2025年)


# The verb nearest a number: a count of what was done (up to a day), or a stock held on it.
_CLAUSE_NOUNS: Final = frozenset({"余额", "存量", "保有", "在营", "在册", "存续"})
_VERB_RE: Final = re.compile(
    r"(?P<count>触达|开展|举办|召开|辅导|指导|培训|宣讲|走访|对接|受理|办结|办理|收集|"
    r"帮助|报名|发布|发行|签约|兑现|发放|拨付|新增|累计|入池|解决|引进|招引|新落地|新入驻|"
    r"新设立|"
    r"服务(?=[^，；。、]{0,8}(?:企业|人次)))|"
    r"(?P<stock>共有|拥有|现有|设有|集聚|聚集|汇集|汇聚|入驻|落户|落地|覆盖|在库|在研|有效|"
    r"余额|存量|保有|在营|在册|存续|"
    r"总数|总量|总面积|增至|建成|形成|实行|可调度|达|共(?=[\d超近约逾]))"
)


def counted(text: str, place: Place, measure: str, *, guess: bool = False) -> bool | None:
    """Whether the number at ``place`` is a count (up to a day), not a stock held on it.

    A flow always is, a rule's parameter never; else the verb nearest the number decides (see
    the module docs): before it in its clause, else after it in its phrase (30余家机构入驻), else
    before it in its sentence; with none, a stock, or for a ``guess`` (a new indicator's stock or
    flow) None: the period words decide (a day dates a stock), else the guess.

    Examples
    --------
    >>> text = "截至2023年8月底，受理企业诉求2045条，辖区国家高新技术企业达1503家。"
    >>> from futian_indicators.drafting.segments import Segments
    >>> s = Segments(text)
    >>> [counted(text, Place.of(s, (text.index(n), text.index(n) + 5)), "stock")
    ...  for n in ("2045条", "1503家")]
    [True, False]
    """
    if measure == "parameter" or (measure in vocab.FLOW_MEASURES and not guess):
        return measure != "parameter"
    start, (at, end) = place.clause[0], place.mention
    phrase_end = min((i for i in (text.find(c, end) for c in "，；。、") if i >= 0), default=end)
    windows = ((start, at), (end, min(phrase_end, place.clause[1])), (place.sentence[0], start))
    for i, (first, last) in enumerate(windows):
        found = [m for m in _VERB_RE.finditer(text, first) if m.start() < last]
        found = [m for m in found if m.end() <= last]  # a lookahead may see past ``last``
        if i == 2:  # 余额 names its own clause's stock, not a later clause's
            found = [m for m in found if m.group(0) not in _CLAUSE_NOUNS]
        if found:
            verb = found[-1] if first != end else found[0]
            return verb.lastgroup == "count"
    return None if guess else False
