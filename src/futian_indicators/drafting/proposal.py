"""A new indicator proposed for a number whose concept the codebook does not have.

When no alias of the codebook stands near enough to a number (the matcher's confidence under
:data:`ACCEPT`), the draft does not force the nearest codebook id on it by a generic word (同比增长,
占全市, 场): it proposes a new indicator, named from the subject phrase of the number's clause,
for the curator to add to ``indicators.yaml`` or to map to an existing one.

- name_zh: the words before the number in its phrase, without the period, area and verb words
  around them (全年实现地区生产总值5948.82亿元 -> 地区生产总值); a growth rate with no subject of
  its own (…，同比增长5.2%) takes the subject of the clause before and adds 增长率.
- measure: ``growth`` for a percent or a multiple after 增长/增速/下降, ``share`` after 占 (or
  a percent right after 全市, 深圳), ``rank`` for a rank, ``stock`` for a count or amount after
  累计, 已, 共有, 拥有, 集聚, 余额, 总数, else the measure of the codebook's nearest concept
  (a stock or a flow), else ``flow``; ``parameter`` for a policy's parameter.
- suggested id: the base indicator's id with ``_growth`` or ``_share`` when the subject is a
  codebook indicator's name or alias (地区生产总值 -> ``gdp_growth``), else ``new_indicator_<n>``
  for the curator to name.

The word lists are the drafter's own for now (they belong with the shared lexicon once the
word readers of the labels have settled).

Examples
--------
>>> text = "全年实现地区生产总值5948.82亿元，同比增长5.2%。"
>>> subject(text, (0, 19), (10, 19))
'地区生产总值'
>>> subject(text, (20, 28), (24, 28), previous=(0, 19))
'地区生产总值增长率'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ..language.lexicon import SECTION_RE, YEAR
from .matcher import CodebookEntry
from .status_area import STATUS_WORDS

__all__ = [
    "ACCEPT",
    "Proposal",
    "clean",
    "clean_leading",
    "measure_of",
    "off_status",
    "propose",
    "subject",
]

ACCEPT: Final = 0.7
"""The least confidence at which the draft takes the matcher's codebook indicator."""

_STATUS: Final = "|".join(STATUS_WORDS)
_LEADING_RE: Final = re.compile(
    rf"^(?:(?:截至|到|自|从|较|比)?(?:{YEAR}年)?(?:\d{{1,2}}[-至]\d{{1,2}}月|\d{{1,2}}月(?:底|末)?|"
    r"上半年|下半年|全年|当年|今年|去年|上年|年底|年末|以来|目前|当前)?)"
    r"(?:，)?(?:其中)?(?:福田区|福田|全区|我区|辖区|全市|深圳市|深圳|园区|合作区|香港)?"
    rf"(?:的)?(?:{_STATUS})*"
    r"(?:实现|完成|累计|新增|已|共|共有|拥有|集聚|汇集|汇聚|引进|举办|开展|达到|达|为|有|落地|"
    r"实质推进和落地|推进和落地|建成|发布|培育)*"
)
_TAIL_VERBS: Final = (
    r"实现|完成|累计|新增|共|共有|拥有|集聚|引进|达到|达|为|有|超过|超|约|近|突破|逾|"
    r"同比|增长|增速|下降|占全市的?|占比|规模|总量"
)
_TRAILING_RE: Final = re.compile(rf"(?:{_TAIL_VERBS}|的)+$")
# An aim's words between a name and its number (地区生产总值力争达到, 争取突破): not the name.
_STATUS_TAIL_RE: Final = re.compile(rf"(?:{_STATUS})+(?=(?:{_TAIL_VERBS})*$)")
# The noun a count counts, after it up to the next number or the phrase's end, with no 等/以上.
_NOUN_AFTER_RE: Final = re.compile(
    r"(?:的)?([^，；。、：\d（(]{2,16}?)(?:等|以上|左右)?(?=[，；。、：\d（(]|$)"
)
_AREA_ONLY_RE: Final = re.compile(r"(?:全市|深圳市?|全区)?的?")  # 聚集深圳近60%…: the city's whole
_LEADING_VERB_RE: Final = re.compile(r"覆盖|服务|辅导|指导|引进|培育|认定|建成|落地|发布|举办|开展")
_GROWTH_RE: Final = re.compile(r"(?:增长|增速|下降|增幅)[了为达]?$")
_SHARE_RE: Final = re.compile(r"占[^，；。]{0,12}$|(?:全市|深圳)的?[近约超逾]?$")
_NUMBER_TAIL_RE: Final = re.compile(r"[超约近逾]?[\d.]+[万亿]*[^\d，；。、]{0,3}$")
_STOCK_RE: Final = re.compile(r"累计|已|共有|拥有|集聚|余额|总数|存量|在库|现有")


def clean_leading(words: str) -> str:
    """Subject words without a section marker and the period, area and verb words before them."""
    opening = SECTION_RE.match(words)
    words = words[opening.end() :] if opening else words
    return _LEADING_RE.sub("", words, count=1)


def off_status(words: str) -> str:
    """Subject words without the aim's words at their end (地区生产总值力争达到: 地区生产总值达到).

    >>> off_status("地区生产总值力争达到"), off_status("年度目标的")
    ('地区生产总值达到', '年度目标的')
    """
    return _STATUS_TAIL_RE.sub("", words)


def clean(words: str) -> str:
    """Subject words without a section marker and the period, area and verb words around them."""
    return _TRAILING_RE.sub("", off_status(clean_leading(words)))


def subject(
    text: str,
    phrase: tuple[int, int],
    mention: tuple[int, int],
    *,
    previous: tuple[int, int] | None = None,
    count: bool = False,
    unit: str = "",
) -> str:
    """The subject phrase of a number: the words before it in its phrase, cleaned.

    ``previous`` (the clause before) gives a growth rate with no subject of its own its subject.
    A ``count`` takes the noun after it too (覆盖56个国家: 覆盖国家; 5个大型央企研发中心); a
    percent with no words before it, the noun after it and 占比 (近60%持牌金融机构); a multiple
    of growth, 增长倍数 for 增长率.
    """
    before = text[phrase[0] : mention[0]]
    own = clean(before)
    noun = _NOUN_AFTER_RE.match(text, mention[1], phrase[1]) if count else None
    if noun is not None and noun.group(1):
        verb = _LEADING_VERB_RE.search(before)
        head = own if own else (verb.group(0) if verb else "")
        return f"{head}{noun.group(1)}"
    if unit == "percent" and _AREA_ONLY_RE.fullmatch(own) and not _GROWTH_RE.search(before):
        noun = _NOUN_AFTER_RE.match(text, mention[1], phrase[1])
        return f"{noun.group(1)}占比" if noun is not None else ""
    if own or not _GROWTH_RE.search(before) or not previous:
        return own
    words = _NUMBER_TAIL_RE.sub("", text[previous[0] : previous[1]])
    base = clean(words)
    return f"{base}{'增长倍数' if unit == 'times' else '增长率'}" if base else ""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed new indicator: its name, a suggested id, its unit and measure."""

    name_zh: str
    suggested_id: str
    unit: str
    measure: str

    def describe(self) -> str:
        """The proposal in words, as a draft note or reason gives it."""
        return (
            f"new indicator proposed: name_zh {self.name_zh or '(no subject words)'}, "
            f"suggested id {self.suggested_id}, unit {self.unit}, measure {self.measure}"
        )


def measure_of(before: str, unit: str, status: str, default: str = "flow") -> str:
    """The measure a number's own words give it (see the module docs).

    ``default`` (a stock or a flow) when they say neither.
    """
    if status == "policy":
        return "parameter"
    if unit == "rank":
        return "rank"
    if unit in ("percent", "times") and _GROWTH_RE.search(before[-6:]):
        return "growth"
    if unit in ("percent", "percentage_point") and _SHARE_RE.search(before):
        return "share"
    if unit == "percent":
        return "rate"
    return "stock" if _STOCK_RE.search(before) else default


def propose(
    name_zh: str,
    before: str,
    unit: str,
    status: str,
    codebook: Sequence[CodebookEntry],
    *,
    number: int,
    nearest: str | None = None,
) -> Proposal:
    """A new indicator for a number whose subject is ``name_zh`` (see the module docs).

    ``nearest``, the measure of the codebook's nearest concept, gives a count or an amount
    whose words say neither its measure (stock or flow).
    """
    default = nearest if nearest in ("stock", "flow") else "flow"
    measure = measure_of(before, unit, status, default)
    base = next(
        (e for e in codebook if name_zh and name_zh in (e.name_zh, *e.aliases_zh)), None
    ) or next(
        (
            e
            for e in codebook
            if name_zh.removesuffix("增长率") and name_zh.removesuffix("增长率") == e.name_zh
        ),
        None,
    )
    suffix = {"growth": "_growth", "share": "_share"}.get(measure)
    if base is not None and suffix:
        suggested = f"{base.indicator_id}{suffix}"
    else:
        suggested = f"new_indicator_{number}"
    return Proposal(name_zh, suggested, unit, measure)
