"""What the words around a number say about its status, and what is no figure.

Used by :mod:`futian_indicators.drafting.draft` beside :mod:`~futian_indicators.drafting.cues`
(the letter's segments and the period) and :mod:`~futian_indicators.drafting.area` (its area):
``status_of`` (policy, plan, target or actual from the governing words) and ``not_a_figure``
(award thresholds and the reply's structure, kept apart from figures).
"""

from __future__ import annotations

import re
from typing import Final

from ..language.lexicon import SECTION_RE, YEAR
from .cues import LetterDates, Place, Segments

_PARAMETER_RE: Final = re.compile(r"最高|不超过|不高于|上限|比例")
_GRANT_RE: Final = re.compile(r"给予|可申请|可获|补贴|贴息|资助|奖励|扶持|补助|支持|返还")
_GRANT_BEFORE_RE: Final = re.compile(r"可申请|可获|给予")
_RATE_BASIS_RE: Final = re.compile(r"按[^，；。]{0,20}$")  # 按投资额的30%给予补贴
_GRANT_AFTER_RE: Final = re.compile(r"[^，；。]{0,6}(?:给予|补贴|贴息|资助|奖励|补助|返还)")
_PAID_RE: Final = re.compile(r"共|累计|已|兑现|发放|拨付|惠及|获得")  # grants paid out: actual
# The words that set a plan and a target, once for every pattern that looks for them.
_PLAN: Final = "计划|拟"
_TARGET: Final = rf"目标|力争|争取|到{YEAR}年|下一步"
_PLAN_RE: Final = re.compile(_PLAN)
_TARGET_RE: Final = re.compile(_TARGET)
_WILL_RE: Final = re.compile(  # 将新增, 将持续打造: what the district will do
    r"(?<![已并])将(?:要)?(?:持续|继续|进一步|全力|加快|重点|力争)?"
    r"(?:新增|新建|建成|建设|打造|培育|引进|达到|实现|完成|提升|突破|举办|开展|推出|设立|扩大|增加)"
)
_INTENT_YEAR_RE: Final = re.compile(rf"(?:推动|确保|将)[^，；。]{{0,20}}?({YEAR})年")
# A word that governs a list: 计划：一是…二是…; 力争：…; 2026年目标：…、…; 下一步，我区将：
_LIST_HEAD_RE: Final = re.compile(
    rf"(?P<plan>{_PLAN})[^，；。]{{0,12}}[：:]|(?P<target>{_TARGET}|将)[^，；。]{{0,16}}[：:]"
)
_HEADING_STATUS_RES: Final = (
    ("plan", re.compile(r"计划|打算")),
    ("target", re.compile(r"目标|下一步")),
)
_STATUS_WORDS_RE: Final = re.compile(rf"{_PLAN}|{_TARGET}|将")
# Words that hold 目标 or 计划 without setting one: a completion rate of a target (完成市下达目标
# 任务的121.5%: what was done), a scheme's name (“启航计划”, 入选…人才计划, 依托孔雀计划,
# 人才计划专家), and what is aimed at (目标企业, 目标客户).
_COMPLETION_RE: Final = re.compile(
    r"(?:完成|达到|占)[^，；。]{0,12}?(?:目标|计划)(?:任务)?(?:的|进度)|(?:目标|计划)(?:任务)?完成率"
)
_SCHEME_RE: Final = re.compile(
    r"“[^”]{0,20}计划”|(?:入选|纳入|列入|申报|依托|通过|获得)[^，；。“]{0,14}?计划|"
    r"人才计划|计划(?=入选|专家|人才|团队|支持对象|资助)"
)
_AIMED_AT_RE: Final = re.compile(r"目标(?=企业|客户|市场|群体|人群|用户)")
_NOT_STATUS_RES: Final = (_COMPLETION_RE, _SCHEME_RE, _AIMED_AT_RE)
STATUS_WORDS: Final = ("力争", "争取", "努力", "计划", "预计", "确保", "拟", "将", "目标")
"""The words of an aim (a plan, a target, a forecast) that may stand between a name and its number
(地区生产总值力争达到6500亿元): they set a status, and are no part of the name."""
_AIM_BEFORE_RE: Final = re.compile(
    "|".join(w for w in STATUS_WORDS if w not in ("努力", "将", "目标")) + r"|(?<![已并])将"
)


def _status_words(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``text[start:end]`` that set a status.

    Not those in a completion rate, a scheme's name or what is aimed at (``_NOT_STATUS_RES``).
    """
    held: list[tuple[int, int]] = []
    for r in _NOT_STATUS_RES:
        held += [m.span() for m in r.finditer(text, max(0, start - 16), min(len(text), end + 8))]
    return [
        m
        for m in pattern.finditer(text, start, end)
        if not any(a <= m.start() and m.end() <= b for a, b in held)
    ]


def _list_head(segments: Segments, place: Place) -> tuple[str, str] | None:
    """The status of a list the number is an item of, and the word heading the list.

    A list is headed by a status word and a colon (计划：一是…；二是…) in the number's sentence
    before it, or in an earlier sentence of its paragraph; the list ends with its paragraph, or
    where a sentence that is no item of it (一是, 二是 …) has a governing word of its own. A
    heading of the section (（三）下一步工作计划) heads its paragraph.
    """
    text, at = segments.text, place.mention[0]
    sentence = segments.clipped(place.sentence, at)
    heads = _status_words(_LIST_HEAD_RE, text, sentence[0], at)
    if heads:
        head = heads[-1]
        return str(head.lastgroup), f"“{head.group(head.lastgroup or 0)}” heading the list it is in"
    for earlier in segments.earlier(sentence):
        heads = _status_words(_LIST_HEAD_RE, text, *earlier)
        if heads:
            head = heads[-1]
            word = head.group(head.lastgroup or 0)
            return str(head.lastgroup), f"“{word}” heading the list it is in"
        item = SECTION_RE.match(text, earlier[0])  # 二是…: an item may have words of its own
        if not item and _status_words(_STATUS_WORDS_RE, text, *earlier):
            return None  # a sentence with its own governing word ends any list before it
    heading = segments.heading(sentence)
    if heading is not None and text[heading[1] - 1] in "：:":  # 将重点做好以下工作： 一是…
        heads = _status_words(_LIST_HEAD_RE, text, *heading)
        if heads:
            word = heads[-1].group(heads[-1].lastgroup or 0)
            return str(heads[-1].lastgroup), f"“{word}” heading the list it is in"
    for status, pattern in _HEADING_STATUS_RES:
        if heading is not None and (m := pattern.search(text, *heading)) is not None:
            return status, f"“{m.group(0)}” in the heading of its section"
    return None


def _policy(text: str, place: Place) -> str | None:
    """Why the number is a rule's parameter (最高…万元, 贴息比例50%, 按…30%给予补贴), or None."""
    clause, sentence, mention = place.clause, place.sentence, place.mention
    parameter = _PARAMETER_RE.search(text, *clause)
    if parameter and _GRANT_RE.search(text, *sentence):
        return f"“{parameter.group(0)}” in a sentence that grants"
    if _PAID_RE.search(text, clause[0], mention[0]):
        return None  # 共给予企业补贴1.2亿元: what was paid out
    if m := _GRANT_BEFORE_RE.search(text, clause[0], mention[0]):
        return f"“{m.group(0)}” before it"
    after = _GRANT_AFTER_RE.match(text, mention[1], clause[1])
    if after and (m := _RATE_BASIS_RE.search(text, clause[0], mention[0])):
        return f"“{m.group(0)[:1]}” a basis, and a grant after it"
    return None


def status_of(segments: Segments, place: Place, period: str, dates: LetterDates) -> tuple[str, str]:
    """The status of the number at ``place`` and the words it rests on.

    In order: ``policy`` for a rule's parameter (最高, 不超过, 比例 in a sentence that grants;
    可申请, 可获, 给予 before the number; 按…30%给予补贴), but not for what was paid out (共, 累计,
    兑现 … before it); a completion rate (完成…目标任务的121.5%) and the clauses after it are
    ``actual``, and a scheme's name (“启航计划”) or 目标企业 sets no status; ``plan`` for 计划 or
    拟 before the number in its clause; ``target`` for
    目标, 力争, 争取, 到2025年 or 下一步 before it in its sentence, or 将 and what will be done
    (将新增, 将持续打造); else the status of the list the number is an item of (计划：一是…二是…;
    2026年目标：…、…; a heading 下一步工作计划); ``target`` for a period after the letter's year,
    or a verb of intent (推动, 确保, 将) before a year not yet over; else ``actual``.

    Examples
    --------
    >>> text = "2025年目标引进外资企业30家。对楼宇给予不超过100万元的支持。"
    >>> s, dates = Segments(text), LetterDates(None, 2025)
    >>> status_of(s, Place((14, 17), (0, 17), (0, 17)), "2025", dates)
    ('target', '“目标” before it')
    >>> status_of(s, Place((24, 31), (18, 35), (18, 35)), "2025", dates)
    ('policy', '“不超过” in a sentence that grants')
    >>> text = "明年计划：一是新增企业50家。二是引进项目20个。"
    >>> s = Segments(text)
    >>> status_of(s, Place.of(s, (text.index("20个"), text.index("20个") + 3)), "2025", dates)
    ('plan', '“计划” heading the list it is in')
    """
    text, clause, mention = segments.text, place.clause, place.mention
    sentence = segments.clipped(place.sentence, mention[0])
    if (why := _policy(text, place)) is not None:
        return "policy", why
    done = list(_COMPLETION_RE.finditer(text, sentence[0], mention[0]))
    if done and _AIM_BEFORE_RE.search(text, sentence[0], done[-1].start()):
        done = []  # 力争完成年度目标的100%: a completion aimed at
    after = done[-1].end() if done else sentence[0]  # 完成…目标的108%，同比增长6%: what was done
    if plans := _status_words(_PLAN_RE, text, max(clause[0], after), mention[0]):
        return "plan", f"“{plans[-1].group(0)}” before it"
    if targets := _status_words(_TARGET_RE, text, after, mention[0]):
        return "target", f"“{targets[-1].group(0)}” before it"  # the nearest: 下一步，…力争
    if _WILL_RE.search(text, after, mention[0]):
        return "target", "“将” before it, and what will be done"
    if done:
        return "actual", f"“{done[-1].group(0)}”: a completion rate, what was done"
    if (listed := _list_head(segments, place)) is not None:
        return listed
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
_STATED_BEFORE_RE: Final = re.compile(r"(?:为|是|不超过|最高|不高于|上限)$")  # 规模为20亿元的资金
_CLASS_RE: Final = re.compile(r"(?:及?以[上下])?[^，；。、\d]{1,12}?\d")  # 3000万元以上外资企业30家
# 分别给予最高100万元、200万元的奖励: every tier of what is granted is a parameter, no threshold
_TIERS_RE: Final = re.compile(
    r"分别(?:给予|奖励|补贴|资助|补助|支持)|(?:给予|奖励|补贴|资助)(?:最高|不超过)[^，；。的]*、[^，；。的]*$"
)
# The reply's structure: 从三个方面, 三个维度, 四个环节, 两个层面, 五个步骤
_STRUCTURE_RE: Final = re.compile(r"方面|维度|环节|阶段|层面|步骤|层次")
# 第一 in a set phrase names no rank: 第一资源, 第一动力, 第一要务, 第一梯队, 第一时间
_SET_FIRST_RE: Final = re.compile(r"资源|动力|要务|梯队|方阵|生产力|时间|责任人?|书记")
# A hotline's number (拨打12333, 12345政务服务热线, 12315平台) is no figure, whatever unit follows
_HOTLINE_RE: Final = re.compile(r"(?<!\d)123\d\d(?!\d)")
_HOTLINE_AFTER_RE: Final = re.compile(r"[^，；。\d]{0,8}?(?:热线|平台|服务专线)")


def not_a_figure(text: str, place: Place) -> str | None:
    """Why a number is not a figure at all, or None.

    The reply's structure (从三个方面答复); the thresholds of a policy: a number that qualifies
    what follows it (首次突破100亿元的企业, 100亿元、50亿元、10亿元的企业) in a sentence that
    grants, unless it is stated (规模为20亿元的资金) or a cap (不超过500万元的支持); and a class
    that another number counts (引进3000万元以上外资企业30家).

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
    structure = _STRUCTURE_RE.match(text, mention[1]) if text[mention[1] - 1] == "个" else None
    if structure is not None:
        return f"the reply's structure (…个{structure.group(0)}), not a measure"
    words = text[slice(*mention)]
    if words == "第一" and (m := _SET_FIRST_RE.match(text, mention[1])):
        return f"a set phrase (第一{m.group(0)}), not a rank"
    if (m := _HOTLINE_RE.match(text, mention[0])) and (
        _HOTLINE_AFTER_RE.match(text, m.end()) or text.endswith("拨打", 0, mention[0])
    ):
        return f"a hotline's number ({m.group(0)}), not a figure"
    if (
        words.endswith(("以上", "以下")) or text.startswith(("以上", "以下", "及以上"), mention[1])
    ) and (_CLASS_RE.match(text, mention[1], place.clause[1])):
        return "a class of what another number counts (…以上…企业30家), not a figure"
    before = text[max(sentence[0], mention[0] - 12) : mention[0]]
    stated = _STATED_BEFORE_RE.search(before) or words.startswith(("不超过", "最高"))
    tiers = _TIERS_RE.search(text, place.clause[0], mention[0])  # 分别给予最高100万元、200万元
    after = None if stated or tiers else _THRESHOLD_AFTER_RE.match(text, mention[1], sentence[1])
    threshold = after or (_THRESHOLD_BEFORE_RE.search(before) and "首次" in before)
    if threshold and _AWARD_RE.search(text, *sentence):
        return "a threshold of a policy (a number qualifying what follows it), not a figure"
    return None
