"""The area a number is of, from the words around it: :func:`geo_of`.

A letter names an area in three ways, and the nearest governs:

- in the number's own clause, before it: 全市, 深圳 (the city, ``shenzhen``), 香港方面, 就香港而言,
  香港地区, 香港特区, 在港 (Hong Kong, ``hong_kong``), a name of the Hetao zone
  (河套深港科技创新合作区, 深港科技创新合作区, ``hetao_zone``) or of its Shenzhen Park
  (河套深港科技创新合作区深圳园区, 河套深圳园区, 河套合作区, ``hetao_shenzhen_park``), or the
  district (福田区, 全区, 辖区: ``futian``);
- at the head of its sentence (截至2024年底，河套深圳园区…; 三是积极推进在河套深港科技创新合作区…;
  从全市看，…; 全市新增…, the city as the subject of what it did), for its later clauses;
- at the head of an earlier sentence of the same passage, which it opens (the Hetao zone or
  park, Hong Kong, the district; the city only by 从全市看, 全市方面): the sentences after it up
  to the next section marker (一是, （二）), the end of a paragraph or a sentence that names
  another area; or in the heading of the section (二、在深化河套深港科技创新合作区建设方面) up
  to the next heading of its level or a closing paragraph (下一步…). Within a Hetao passage,
  园区 and 合作区 are the passage's area.

The city is not the area where it is the whole of a share, a rank or a comparison (占全市,
居全市第一, 深圳第一, 高于全市: the figure stays the district's, the city is its share's
denominator), where it is part of a name (河套深圳园区, 香港科学园深圳分园), or where the district
is named before it in the clause (福田区聚集深圳近60%持牌金融机构). The city names the area only
at the start of its clause (全市…, 2024年全市…, 其中全市…, 在全市范围内, 就全市而言, 放眼全市),
not in an institution's name (深圳证券交易所, 深圳数据交易所) nor as a level (深圳市级, 市级):
a level is no area. Parks in general (产业园区, 科技园区, 12个园区, 各园区), 区内 and 区级 are
the district's and end a Hetao passage; the district named in the number's sentence before
it is nearer than its section's heading. Where nothing names an area, the area is the
district by convention (占全市: the district's share of the city's whole).

An area the vocabulary has no name for (全省, 广东省, 全国, 港澳地区, 粤港澳大湾区, 前海, another
district, a list of districts such as 福田、罗湖、南山三区) gives :data:`OUTSIDE` where it opens
the number's clause or sentence as Hong Kong does (从全国看, 就全国而言, 全省新增…); the draft
leaves such a number unplaced, for a curator to list as no figure or to add the area: the
district it is not, and no area of the vocabulary is right.
"""

from __future__ import annotations

import re
from typing import Final

from .. import vocab
from ..language.lexicon import SECTION_RE
from .cues import CLAUSE, SENTENCE, Offsets, Place, Segments

__all__ = ["OUTSIDE", "geo_of"]

OUTSIDE: Final = "outside"
"""The area :func:`geo_of` gives a number of an area the vocabulary has no name for."""

_HETAO_NAMES: Final = (
    ("河套深港科技创新合作区（深圳园区）", "hetao_shenzhen_park"),
    ("深港科技创新合作区（深圳园区）", "hetao_shenzhen_park"),
    ("河套合作区（深圳园区）", "hetao_shenzhen_park"),
    ("河套深港科技创新合作区深圳园区", "hetao_shenzhen_park"),
    ("河套深港科技创新合作区", "hetao_zone"),
    ("河套深港合作区", "hetao_zone"),
    ("深港科技创新合作区深圳园区", "hetao_shenzhen_park"),
    ("深港科技创新合作区", "hetao_zone"),
    ("河套深圳园区", "hetao_shenzhen_park"),
    ("河套合作区", "hetao_shenzhen_park"),
    ("河套园区", "hetao_shenzhen_park"),
    ("深圳园区", "hetao_shenzhen_park"),
)
_HETAO_OF: Final = dict(_HETAO_NAMES)
# 河套 alone is the park too (as the label reader reads it), unless it names a building or an
# event (河套科创中心, 河套金融服务日).
_HETAO_RE: Final = re.compile(
    "|".join([*(re.escape(n) for n, _ in _HETAO_NAMES), "河套(?!科创中心|金融|学院|大厦|论坛)"])
)
# The district, not as one name of a list of districts (福田、罗湖、南山三区); 区内 opening a
# clause; parks in general (产业园区, 科技园区, 12个园区, 各园区) are the district's, no Hetao park.
_DISTRICT_RE: Final = re.compile(
    r"(?<!、)(?:福田区|福田(?![\u4e00-\u9fff]{0,4}超市))(?!区?、)|全区|我区|辖区|本区|"
    r"(?<![\u4e00-\u9fff])区内|(?<![作园片社])区级|(?:[个各类座]|产业|科技|特色|创新|专业|主题)园区"
)
_CITY_RE: Final = re.compile(r"全市|本市|我市|深圳市?")
# The city as the whole of a share, rank or comparison, or inside a name: not the figure's area.
_CITY_NOT_BEFORE_RE: Final = re.compile(r"(?:占|居|列|位|为|于|超|较|比|领跑|与)$")
_CITY_NOT_AFTER_RE: Final = re.compile(
    r"(?:的)?(?:第|首|前|平均|同期|率先|总|比重|比例|占比|领先|之首|园区|分园|湾区|级|证券|大学|海关|湾|机场|分行|"
    r"[\u4e00-\u9fff]{0,4}交易所)"
)
_WHOLE_RE: Final = re.compile(r"占(?:全市|深圳市?)|(?:高于|低于|快于)(?:全市|深圳市?)")
_CITY_OPENING_RE: Final = re.compile(
    r"从(?:深圳)?全市看|全市(?:方面|层面)|从深圳看|就(?:全市|深圳)而言|放眼(?:全市|深圳)"
)
# The city heads a sentence as its subject only before a verb of what it did or has (全市新增…,
# 深圳实现…); 深圳市出台… heads nothing, and only an opening above carries to later sentences.
_CITY_SUBJECT_RE: Final = re.compile(
    r"[^，；。]{0,12}?(?:实现|完成|共|累计|达|新增|有|拥有|已|全年|增长)"
)
# Hong Kong opens a clause by 就香港而言, 从香港看, 香港方面, 香港地区, 香港特区, 全港, 在港 (not
# 在港深…, nor 香港特区政府, an actor), or as the subject of what it did (香港全年实现…).
_HONG_KONG_RE: Final = re.compile(
    r"就香港而言|从香港看|香港方面|香港(?:地区|特区)(?!政府)|在港(?![深澳])|全港(?![澳])|"
    r"香港(?=[^，；。]{0,8}(?:实现|共|累计|达|全年))"
)
# Areas outside the vocabulary (vocab.GEOS): the province, the nation, Hong Kong and Macao
# together, another district of the city, a list of districts (福田、罗湖、南山三区). They name
# the area as Hong Kong does, at a clause's start: opening it (从全国看, 就全省而言, 港澳方面,
# 港澳地区), or as the subject of what it did (全省新增…, 南山区共有…); not as the field of a
# rank or share (全国首个, 占全省), nor where the district reached them (从南山区迁入,
# 与南山区共建).
_DISTRICTS: Final = "福田|罗湖|南山|宝安|龙岗|盐田|龙华|坪山|光明|大鹏"
_OUTSIDE_RE: Final = re.compile(
    r"(?P<by>从|就|放眼)?(?P<area>全省|广东省?|全国|港澳|(?:粤港澳)?大湾区|前海(?:合作区)?|"
    rf"(?:{_DISTRICTS})区?(?:、(?:{_DISTRICTS})区?)+等?(?:[两二三四五六七八九十]个?区)?|"
    rf"(?:{_DISTRICTS.removeprefix('福田|')})区)"
    r"(?P<open>看|而言|方面|地区|范围内)?"
)
# The city names the area only at its clause's start, after period or linking words at most
# (2024年全市…, 其中全市…, 从深圳全市看), or as where things are (在全市范围内).
_CITY_PREFIX_RE: Final = re.compile(
    r"(?:(?:\d{4}年)?(?:今年|去年|上年|全年|当年|同年|同期|以来|[上下]半年|\d{1,2}(?:[-—至]\d{1,2})?月)?"
    r"(?:其中|目前|当前|现|同时|此外|而|另外|截至[^，；。]{0,10}?[底末])?|[^，；。]{0,5}[在从由于就]|"
    r"放眼|推动|推进|助力|支持|带动|\d{4}年|深圳)"
)
_OUTSIDE_SUBJECT_RE: Final = re.compile(
    r"[^，；。]{0,12}?(?:实现|完成|共|累计|达|新增|有|拥有|已|超过|增长)"
)
# A level or a title of the province or nation, no area: 全国性金融机构, 全国重点实验室
_LEVEL_RE: Final = re.compile(r"性|重点|百强|示范|文明|首批|优秀|先进|一流|知名|标准")
_CLAUSE_END_RE: Final = re.compile(r"[，；。]")
_HEAD: Final = 8  # an area named within this many characters of a clause's start heads it
# Hong Kong names the area only at its clause's start (目前在港…), not as what the district
# reached (对接在港投资机构50家, 引进香港地区高校5所: the district's)
_HONG_KONG_PREFIX_RE: Final = re.compile(r"(?:目前|当前|现|同时|此外|其中|而)?")
_MAX_PASSAGE: Final = 8  # sentences a passage carries over
_LEADING_CLAUSE_RE: Final = re.compile(
    r"^(?:[^，；。]{0,12}?(?:年|月|日|底|末|以来|年来|目前|当前)|下一步|同时|此外|其中|另一方面|"
    r"与此同时|另外|据(?:不完全|初步)?统计|经(?:初步)?统计|初步统计|数据显示|总体(?:来看|而言|上)|具体(?:来看|而言)|整体来看)$"
)
# What may stand before an area at the head of a clause: nothing, a locative (积极推进在…), or a
# verb whose object is the area (推动河套合作区2025年…).
_HEAD_PREFIX_RE: Final = re.compile(r"(?:[^，；。]{0,5}[在从由于]|推动|推进|助力|支持)?")
_HEADING_LEVELS: Final = (
    re.compile(r"[一二三四五六七八九十]+、"),
    re.compile(r"（[一二三四五六七八九十]+）"),
)
_SECTION_END_RE: Final = re.compile(r"下一步|此外|再次感谢|感谢")


def _city(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last city word in ``text[start:end]`` that names the figure's area (None: none)."""
    found = None
    for m in _CITY_RE.finditer(text, start, end):
        if not _CITY_PREFIX_RE.fullmatch(text, start, m.start()):
            continue  # 在深圳证券交易所上市, 引进深圳重点企业: a name or a qualifier
        before = text[max(start, m.start() - 2) : m.start()]
        if _CITY_NOT_BEFORE_RE.search(before) or _CITY_NOT_AFTER_RE.match(text, m.end()):
            continue
        if text.startswith("深圳", m.start()) and text.startswith("河套", m.start() - 2):
            continue
        if _DISTRICT_RE.search(text, start, m.start()) or text.startswith("福田", m.end()):
            continue  # 福田区聚集深圳近60%…: the district's share of the city; 深圳市福田区
        if text.rfind("《", start, m.start()) > text.rfind("》", start, m.start()):
            continue  # in a title
        found = m
    return found


def _named(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The area the words ``text[start:end]`` name, the nearest the end, and the word."""
    best: tuple[int, str, str] | None = None

    def keep(at: int, geo: str, word: str) -> None:
        nonlocal best
        if best is None or at >= best[0]:  # 放眼全市: the opening over the city inside it
            best = (at, geo, word)

    if (m := _city(text, start, end)) is not None:
        keep(m.end(), "shenzhen", m.group(0))
    for m in _CITY_OPENING_RE.finditer(text, start, end):
        keep(m.end(), "shenzhen", m.group(0))
    if "hong_kong" in vocab.GEOS:
        for m in _HONG_KONG_RE.finditer(text, start, end):
            if _HONG_KONG_PREFIX_RE.fullmatch(text, start, m.start()):  # not 对接在港投资机构
                keep(m.end(), "hong_kong", m.group(0))
    for m in _HETAO_RE.finditer(text, start, end):
        keep(m.end(), _HETAO_OF.get(m.group(0), "hetao_shenzhen_park"), m.group(0))
    for m in _OUTSIDE_RE.finditer(text, start, end):
        if _outside(text, m, start, end):
            keep(m.end(), OUTSIDE, m.group(0))
    return None if best is None else (best[1], best[2])


def _outside(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether ``m`` of ``_OUTSIDE_RE`` names the area of the clause starting at ``start``."""
    if not _HONG_KONG_PREFIX_RE.fullmatch(text, start, m.start()):
        return False
    if _CITY_NOT_AFTER_RE.match(text, m.end("area")) or _LEVEL_RE.match(text, m.end("area")):
        return False  # 全国首个, 全省第一: a rank's field; 全国性, 全国重点实验室: a level
    opened = m.group("open") is not None and (m.group("by") or m.group("open") in ("方面", "地区"))
    if opened or m.group("by") == "放眼":
        return True
    if m.group("by") is not None or m.group("area") == "港澳":
        return False  # 从南山区迁入: whence the district's; 港澳青年: a qualifier
    stop = _CLAUSE_END_RE.search(text, m.end())  # the verb may be the number's (超过14万亿元)
    return _OUTSIDE_SUBJECT_RE.match(text, m.end(), stop.start() if stop else len(text)) is not None


def _opens(geo: str, word: str) -> bool:
    """Whether an area heading a sentence opens a passage.

    The city and the areas outside the vocabulary open one only by an opening (从全市看,
    就全国而言), not as the subject (全市新增…).
    """
    if geo == "shenzhen":
        return _CITY_OPENING_RE.fullmatch(word) is not None
    if geo == OUTSIDE:
        return word.endswith(("看", "而言", "方面")) or word.startswith("放眼")
    return True


def _head(segments: Segments, sentence: Offsets) -> tuple[str, str, int] | None:
    """The area heading a sentence, the word and where that clause ends.

    The area is named at the start of the sentence's first clause that is not only period or
    linking words (截至2024年底，…; 下一步，…).
    """
    text = segments.text
    opening = SECTION_RE.match(text, sentence[0])
    at = opening.end() if opening else sentence[0]
    for _ in range(2):
        if at >= sentence[1]:
            return None
        clause = segments.span(CLAUSE, at, at)
        clause = (max(clause[0], at), min(clause[1], sentence[1]))
        if _LEADING_CLAUSE_RE.match(text[slice(*clause)]):
            at = clause[1] + 1
            continue
        head = (clause[0], min(clause[1], clause[0] + _HEAD + 12))
        named = _named(text, *head)
        district = _DISTRICT_RE.search(text, *head)
        if district is not None and _heads(text, clause[0], district.start()):
            return "futian", district.group(0), clause[1]
        if named is not None and _heads(text, clause[0], at := text.find(named[1], *head)):
            plain_city = named[0] == "shenzhen" and not _CITY_OPENING_RE.fullmatch(named[1])
            if plain_city and not _CITY_SUBJECT_RE.match(text, at + len(named[1]), clause[1]):
                return None
            return named[0], named[1], clause[1]
        return None
    return None


def _heads(text: str, start: int, at: int) -> bool:
    """Whether a name at ``at`` heads the clause starting at ``start``."""
    return at - start <= _HEAD and _HEAD_PREFIX_RE.fullmatch(text, start, at) is not None


def _paragraph_break(segments: Segments, at: int) -> bool:
    """Whether a paragraph of the letter starts at ``at`` after a finished sentence."""
    text = segments.text
    return segments.paragraph(at)[0] == at and at > 0 and text[at - 1] in "。！？：:"


def _passage(segments: Segments, sentence: Offsets) -> tuple[str, str, Offsets] | None:
    """The area an earlier sentence of the same passage opened, the word and that sentence."""
    text, at = segments.text, sentence[0]
    if SECTION_RE.match(text, at):
        return None
    for _ in range(_MAX_PASSAGE):
        if at <= 0 or _paragraph_break(segments, at):
            return None
        previous = segments.span(SENTENCE, at - 1, at - 1)
        head = _head(segments, previous)
        if head is not None and not _opens(head[0], head[1]):
            return None  # 全市新增…: the city's sentence; only 从全市看 opens a passage
        if head is not None:
            return head[0], head[1], previous
        if _DISTRICT_RE.search(text, *previous) or _named(text, *previous):
            return None  # another area named: the passage ended
        if SECTION_RE.match(text, previous[0]):
            return None
        at = previous[0]
    return None


def _heading(segments: Segments, at: int) -> tuple[str, str] | None:
    """The area named by the heading of the section holding ``at`` (二、在深化河套…方面)."""
    text = segments.text
    if _SECTION_END_RE.match(text, segments.paragraph(at)[0]):
        return None
    for level in _HEADING_LEVELS:
        para = segments.paragraph(at)
        while para[0] > 0:
            para = segments.paragraph(para[0] - 1)
            words = text[slice(*para)]
            if _SECTION_END_RE.match(words):
                return None
            if level.match(words) and "。" not in words:
                named = _named(text, *para)
                if named is not None and named[0] not in ("shenzhen", OUTSIDE):
                    return named
                break
    return None


def geo_of(segments: Segments, place: Place) -> tuple[str, str]:
    """The area of the number at ``place`` and what it rests on (see the module docs).

    Examples
    --------
    >>> text = "截至2024年底，河套深圳园区建设已取得进展。汇集科研人才超1.5万人。园区新增项目5个。"
    >>> s = Segments(text)
    >>> geo_of(s, Place.of(s, (text.index("超1.5"), text.index("万人") + 2)))
    ('hetao_shenzhen_park', '“河套深圳园区” opening its passage')
    >>> text = "福田区金融业增加值占全市总额超四成，专利授权量居全市第一。从全市看，新增企业3万家。"
    >>> s = Segments(text)
    >>> geo_of(s, Place.of(s, (text.index("超四成"), text.index("超四成") + 3)))
    ('futian', '“福田区” in its clause')
    >>> geo_of(s, Place.of(s, (text.index("3万家"), text.index("3万家") + 3)))
    ('shenzhen', '“从全市看” heading its sentence')
    """
    text, clause, sentence, mention = segments.text, place.clause, place.sentence, place.mention
    named = _named(text, clause[0], mention[0])
    district = list(_DISTRICT_RE.finditer(text, clause[0], mention[0]))
    at = text.rfind(named[1], clause[0], mention[0]) if named is not None else -1
    if named is not None and not (district and district[-1].start() > at):
        return named[0], f"“{named[1]}” in its clause"
    if district:
        return "futian", f"“{district[-1].group(0)}” in its clause"
    head = _head(segments, sentence)
    if head is not None and head[2] < clause[0]:
        between = (head[2], clause[0])
        if _DISTRICT_RE.search(text, *between) is None and _named(text, *between) is None:
            return head[0], f"“{head[1]}” heading its sentence"
    passage = _passage(segments, sentence)
    if passage is not None:
        return passage[0], f"“{passage[1]}” opening its passage"
    if (m := _DISTRICT_RE.search(text, sentence[0], mention[0])) is not None:
        return "futian", f"“{m.group(0)}” in its sentence"  # nearer than a section's heading
    heading = _heading(segments, mention[0])
    if heading is not None:
        return heading[0], f"“{heading[1]}” in the heading of its section"
    if (m := _DISTRICT_RE.search(text, *clause)) is not None:
        return "futian", f"“{m.group(0)}” in its clause"
    if (m := _WHOLE_RE.search(text, clause[0], mention[0])) is not None:
        return "futian", f"convention: the district, its share of the city's whole ({m.group(0)})"
    return "futian", "convention: the district, where no area is named"
