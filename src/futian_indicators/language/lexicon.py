"""The words and patterns of the letters, each defined once.

The quantity grammar (:mod:`futian_indicators.language.quantity`), the finder of number mentions
(:mod:`futian_indicators.language.mentions`) and the drafter's cues and heading reader
(:mod:`futian_indicators.drafting.cues`, :mod:`futian_indicators.drafting.heading`) read the same
Chinese numerals, unit words, qualifier words, dates, document numbers and section markers; this
module is the one place that spells them. It holds words and pattern texts only: what a word
*means* as an interval is in :mod:`futian_indicators.language.readings`, how a numeral is read
is in :mod:`futian_indicators.language.numerals`.

Patterns are strings meant to be joined into larger expressions (``rf"{YEAR}年"``); the few
used on their own are compiled here (:data:`SECTION_RE`).

Examples
--------
>>> CN_DIGITS["两"], CN_SMALL_UNITS["千"], UNIT_WORDS["元"].unit, PRE_QUALIFIERS["超"]
(2, 3, 'CNY', 'over')
>>> [m.group(0) for m in re.finditer(DATE, "2020年4月11日，2025年9月26日")]
['2020年4月11日', '2025年9月26日']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

__all__ = [
    "AFTER_NUMBER_QUALIFIERS",
    "ARABIC_ONLY_UNIT_WORDS",
    "ATTACHED_UNIT_WORDS",
    "BARE_MULTIPLIERS",
    "BARE_MULTIPLIER_QUALIFIERS",
    "CN_DIGITS",
    "CN_DIGIT_CHARS",
    "CN_NUMBER_CHARS",
    "CN_NUMERAL_CHARS",
    "CN_POINT",
    "CN_SMALL_NUMERALS",
    "CN_SMALL_UNITS",
    "COUNT_WORDS",
    "DATE",
    "DAY",
    "DAY_COUNT_WORDS",
    "DIGITS",
    "DISTANT_QUALIFIERS",
    "DISTANT_QUALIFIER_REACH",
    "DOC_NUMBER_FORMS",
    "LATIN_UNIT_WORDS",
    "MONTH",
    "MORE_AFTER_UNITS",
    "MULTIPLIERS",
    "NOT_QUALIFIER_AFTER",
    "ORDINAL_COUNTERS",
    "PER_AREA_WORDS",
    "PER_POPULATION_WORDS",
    "POST_QUALIFIERS",
    "PRE_QUALIFIERS",
    "RANGE_SEPARATORS",
    "READING_OF_WORD",
    "SECTION_MARKER",
    "SECTION_RE",
    "SERVICE_HOURS_SLASH",
    "SET_PHRASES",
    "SET_PHRASE_NOT_BEFORE",
    "SHARE_BEFORE_SLASH",
    "SLASHES",
    "SLASH_DATE",
    "SPACE",
    "TIME_AFTER",
    "TIME_UNIT",
    "TO_ASCII",
    "UNIT_WORDS",
    "YEAR",
    "UnitWord",
]

# ---------------------------------------------------------------------------------------------
# Numerals and digits
# ---------------------------------------------------------------------------------------------

#: Chinese digits and their values (〇 as in 二〇二四, 两 as in 两万; the formal 壹 to 玖 of
#: contracts and cheques, 壹佰贰拾万元).
CN_DIGITS: Final[Mapping[str, int]] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
#: The units of a numeral below 万 and the power of ten they stand for.
CN_SMALL_UNITS: Final[Mapping[str, int]] = {
    "十": 1,
    "百": 2,
    "千": 3,
    "拾": 1,
    "佰": 2,
    "仟": 3,
}
#: The Chinese digits, as the inside of a character class.
CN_DIGIT_CHARS: Final = "".join(CN_DIGITS)
#: Every character of a Chinese numeral below 万: the digits and 十, 百, 千.
CN_NUMERAL_CHARS: Final = CN_DIGIT_CHARS + "".join(CN_SMALL_UNITS)
#: Every character of a Chinese number, the multipliers 万 and 亿 included.
CN_NUMBER_CHARS: Final = CN_NUMERAL_CHARS + "万亿"
#: The numerals one to ten: those of headings, ordinal markers and sessions (一是, 六届五次).
CN_SMALL_NUMERALS: Final = "一二三四五六七八九十"
#: Arabic digits, ASCII and full-width, as the inside of a character class.
DIGITS: Final = "0-9０-９"
#: Translates full-width digits and point to ASCII and drops thousands separators (a comma,
#: or a space before a group of three digits: ``1 086.4``).
TO_ASCII: Final = str.maketrans("０１２３４５６７８９．", "0123456789.", ", ")
#: The decimal point of a Chinese numeral: 一点五亿, 百分之八十八点三.
CN_POINT: Final = "点"
#: Optional white space, possessive (the letters are PDF extractions: ``超 1100 亿元``).
SPACE: Final = r"\s*+"

# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------

#: Multiplier words and the power of ten they stand for. 千, 百, 十万, 百万 and 千万 scale an
#: Arabic number (5千万元, 42百万元, 8百余人; after a Chinese numeral they are part of it);
#: 万万 is an old 亿 (一万万元).
MULTIPLIERS: Final[Mapping[str, int]] = {
    "万": 4,
    "亿": 8,
    "万亿": 12,
    "万万": 8,
    "千": 3,
    "百": 2,
    "十万": 5,
    "百万": 6,
    "千万": 7,
}
#: The multipliers that may stand for themselves after a qualifier: 超万人, 近万人, 上亿元.
BARE_MULTIPLIERS: Final = ("万亿", "亿", "万")


@dataclass(frozen=True, slots=True)
class UnitWord:
    """What a unit word means.

    Attributes
    ----------
    unit : str
        The base unit (``CNY``, ``count``, ``percent`` ...).
    factor : Decimal
        The base units in one unit word (平方公里 -> 1e6 m2; 成 -> 10 percent).
    scalable : bool
        Whether a multiplier (万, 亿) may precede it (not before %, 成, 个百分点, 倍).

    Examples
    --------
    >>> UNIT_WORDS["成"]
    UnitWord(unit='percent', factor=Decimal('10'), scalable=False)
    """

    unit: str
    factor: Decimal = Decimal(1)
    scalable: bool = True


_COUNTS: Final = (
    "件 家 个 名 人 人次 人/次 场 项 条 支 所 栋 批 届 座 套 台 户 位 次 款 种 类"
    " 张 辆 处 份 笔 起 例 株 棵 间 宗 册 本 册次 件次 家次 场次 户次 批次 车次 架次 辆次 单"
)
#: The words that count things (unit ``count``): 家, 件, 个, 人次 ...
COUNT_WORDS: Final = tuple(_COUNTS.split())

#: Every unit word of the grammar; a multiplier before it is written separately (万 + 平方米).
UNIT_WORDS: Final[Mapping[str, UnitWord]] = {
    "元": UnitWord("CNY"),
    "元人民币": UnitWord("CNY"),
    "美元": UnitWord("USD"),
    "平方米": UnitWord("m2"),
    "平米": UnitWord("m2"),
    "㎡": UnitWord("m2"),
    "平方公里": UnitWord("m2", Decimal(10**6)),
    "%": UnitWord("percent", scalable=False),
    "％": UnitWord("percent", scalable=False),
    "成": UnitWord("percent", Decimal(10), scalable=False),
    "个百分点": UnitWord("percentage_point", scalable=False),
    "倍": UnitWord("times", scalable=False),
    "P": UnitWord("pflops"),
    "港元": UnitWord("HKD"),
    "港币": UnitWord("HKD"),
    "欧元": UnitWord("EUR"),
    "日元": UnitWord("JPY"),
    "英镑": UnitWord("GBP"),
    "澳门元": UnitWord("MOP"),
    "澳门币": UnitWord("MOP"),
    "美金": UnitWord("USD"),
    "m²": UnitWord("m2"),
    "m2": UnitWord("m2"),
    "亩": UnitWord("m2", Decimal(2000) / Decimal(3)),
    "公顷": UnitWord("m2", Decimal(10**4)),
    "平方千米": UnitWord("m2", Decimal(10**6)),
    "km²": UnitWord("m2", Decimal(10**6)),
    "米": UnitWord("m"),
    "公里": UnitWord("m", Decimal(1000)),
    "千米": UnitWord("m", Decimal(1000)),
    "立方米": UnitWord("m3"),
    "吨": UnitWord("kg", Decimal(1000)),
    "公斤": UnitWord("kg"),
    "千克": UnitWord("kg"),
    "千瓦": UnitWord("kW"),
    "兆瓦": UnitWord("kW", Decimal(1000)),
    "千瓦时": UnitWord("kWh"),
    "kW": UnitWord("kW"),
    "kWh": UnitWord("kWh"),
    "‰": UnitWord("percent", Decimal("0.1"), scalable=False),
    "折": UnitWord("percent", Decimal(10), scalable=False),
    "分": UnitWord("points", scalable=False),
    "天": UnitWord("days", scalable=False),
    **{word: UnitWord("count") for word in COUNT_WORDS},
}
#: Unit words read only after Arabic digits: 92.6分 is a score, but 十分 means "very".
ARABIC_ONLY_UNIT_WORDS: Final = ("分",)
#: Unit words read as a measure only where the clause names what is counted (天数): 优良天数339天
#: is a number of days, 3天内 a length of time (a duration).
DAY_COUNT_WORDS: Final = ("天数",)
#: Area words that may follow a unit after a slash: 亿元/平方公里, 元/平方米 (a rate).
PER_AREA_WORDS: Final = ("平方公里", "平方千米", "平方米", "㎡", "m²")
#: Words before a number that make it a rate per population: 每千人口床位4.2张, 每万人口312件.
PER_POPULATION_WORDS: Final[Mapping[str, str]] = {
    "每千人口": "per_1k_people",
    "每千人": "per_1k_people",
    "每万人口": "per_10k_people",
    "每万人": "per_10k_people",
}
#: Unit words written right after the number in ``value_as_reported`` (no space): ``60%``.
ATTACHED_UNIT_WORDS: Final = ("%", "％", "P", "㎡", "‰", "m²", "km²", "m2", "kW")
#: The Latin unit words (P), as an alternation: ``10000P`` is a quantity, not a code.
LATIN_UNIT_WORDS: Final = "|".join(
    re.escape(w)
    for w in sorted(UNIT_WORDS, key=len, reverse=True)
    if w[0].isascii() and w[0].isalpha()
)

# ---------------------------------------------------------------------------------------------
# Qualifier words
# ---------------------------------------------------------------------------------------------

#: Qualifier words before the number and their reading (None: no meaning, e.g. 达). A reading
#: names the rule of :mod:`futian_indicators.language.readings` that gives the intervals.
PRE_QUALIFIERS: Final[Mapping[str, str | None]] = {
    "超": "over",
    "超过": "over",
    "逾": "over",
    "突破": "at_least",
    "至少": "at_least",
    "不少于": "at_least",
    "不低于": "at_least",
    "近": "nearly",
    "接近": "nearly",
    "将近": "nearly",
    "约": "approx",
    "大约": "approx",
    "不超过": "under_closed",
    "不高于": "under_closed",
    "最高": "under_closed",
    "最多": "under_closed",
    "不足": "under_open",
    "不到": "under_open",
    "不满": "under_open",
    "高于": "over",
    "大于": "over",
    "多于": "over",
    "低于": "under_open",
    "小于": "under_open",
    "少于": "under_open",
    "最低": "at_least",
    "达": None,
    "达到": None,
}
#: Qualifier words right after the number (or its multiplier): 20余场, 1000多万元.
AFTER_NUMBER_QUALIFIERS: Final[Mapping[str, str]] = {"余": "more", "多": "more"}
#: Qualifier words after the unit; 多 counts only right after :data:`MORE_AFTER_UNITS` (一倍多,
#: 一成多, not 个多元化).
POST_QUALIFIERS: Final[Mapping[str, str]] = {
    "有余": "more",
    "多": "more",
    "左右": "approx",
    "以上": "at_least",
    "以下": "under_closed",
    "以内": "under_closed",
    "上下": "approx",
}
#: The unit words 多 may follow as a qualifier: 一倍多, 一成多 (more than one tenth).
MORE_AFTER_UNITS: Final = ("倍", "成")
#: The characters that join the two ends of a range: 3560-3570亿元, 10至20亿元, 50万到100万元.
RANGE_SEPARATORS: Final = "-~～—–－至到"
#: A qualifier word before a bare multiplier only: 上亿元, 上千家, 上万人 (at least that many).
BARE_MULTIPLIER_QUALIFIERS: Final[Mapping[str, str]] = {"上": "at_least"}
#: Characters before a qualifier word that make it part of another word: 签约, 节约, 预约 are
#: no 约; 附近, 最近, 就近 no 近.
NOT_QUALIFIER_AFTER: Final[Mapping[str, str]] = {
    "约": "签节预履合制特简集邀和公条规契守践违解缔",
    "近": "附最就临邻靠亲贴将接",
}
#: Words a few characters before a number (in the same clause) that qualify it: 最高奖励300万元.
DISTANT_QUALIFIERS: Final[Mapping[str, str]] = {
    "最高": "under_closed",
    "最多": "under_closed",
    "最低": "at_least",
    "不超过": "under_closed",
}
#: How many characters a distant qualifier may stand before the number.
DISTANT_QUALIFIER_REACH: Final = 6
#: Every qualifier word and its reading, wherever it stands.
READING_OF_WORD: Final[Mapping[str, str | None]] = {
    **PRE_QUALIFIERS,
    **AFTER_NUMBER_QUALIFIERS,
    **POST_QUALIFIERS,
    **BARE_MULTIPLIER_QUALIFIERS,
}

# ---------------------------------------------------------------------------------------------
# Dates, time and document numbers
# ---------------------------------------------------------------------------------------------

#: A year 19xx or 20xx. The finder of mentions once also took 18xx, against its own
#: documentation ("a year 19xx/20xx"); the letters name no such year, so either spelling gives
#: the same mentions table, and 19xx/20xx is what every reader of years documents.
YEAR: Final = r"(?:19|20)\d{2}"
#: A month 1 to 12 (or 01 to 09), not followed by another digit.
MONTH: Final = r"(?:1[0-2]|0?[1-9])(?!\d)"
#: A day 1 to 31 (or 01 to 09), not followed by another digit.
DAY: Final = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
#: The slash of a fraction (1/3) or a rate (元/平方米), half-width or full-width.
SLASHES: Final = "/／"
#: The characters right before a slash fraction M/N that make it a share of something: 占1/3,
#: 约占1/3, 比例为1/3, 是1/3, 资金的1/2, 达到1/3, 提升至1/3 (截至 is no 至: 截至12/31). Elsewhere a
#: slash fraction is a share only with a qualifier word before or after it (约1/3, 1/3左右) or
#: 的 after it (3/4的学校), or when it is the whole text; 3/15召开 and 7/24小时 are no share.
SHARE_BEFORE_SLASH: Final = "占为是的到至"
#: A month and a day written with a slash, M/N (M at most 12, N at most 31, full-width digits
#: too), where the words make it a date: after 于, 在, 截至 (于3/15), or before 召开, 前, 起, 举行,
#: 开始, 日 (3/15召开, 12/31前完成). Never a fraction.
_MONTH_DAY: Final = (
    r"(?<![0-9０-９.．/／])(?:[1１][0-2０-２]|[0０]?[1-9１-９])(?![0-9０-９])"
    rf"{SPACE}[/／]{SPACE}(?:[3３][01０１]|[12１２][0-9０-９]|[0０]?[1-9１-９])(?![0-9０-９./／])"
)
SLASH_DATE: Final = (
    rf"(?:(?<=于)|(?<=在)|(?<=截至)){_MONTH_DAY}"
    rf"|{_MONTH_DAY}(?={SPACE}(?:召开|前|起|举行|开始|日))"
)
#: Service hours written with a slash, before 小时 or 服务: 7/24小时, 24/7服务.
SERVICE_HOURS_SLASH: Final = (
    rf"(?:7{SPACE}[/／]{SPACE}24|24{SPACE}[/／]{SPACE}7)(?={SPACE}(?:小时|服务))"
)
#: A full date, year, month and day: 2025年9月26日 (groups 1-3: year, month, day).
DATE: Final = rf"({YEAR})年({MONTH})月({DAY})日"

#: Words of a length of time after a number (3年, 6个月, 3天内 ...); 日 only before 内.
TIME_UNIT: Final = (
    rf"(?:个{SPACE}|)(?:小时|星期|季度|工作日)|个{SPACE}月|年|天|周|分钟"
    rf"|日(?={SPACE}(?:内|以内|之内))"
)
#: Words that may follow a length of time: 3天内, 3年来, 3年多.
TIME_AFTER: Final = r"(?:以内|之内|以来|内|来|间|后|多)"
#: Counters after 第N that make it an ordinal, not a rank: 第5年, 第二十四届, 第一是.
ORDINAL_COUNTERS: Final = (
    r"(?:季度|阶段|部分|届|次|期|批|个|条|款|章|节|项|家|轮|代|版|周|天|日|月|年|是)"
)

#: The forms of a document number, each a pattern, most telling first: 第2025136号 (any
#: digits); up to four capitals and six or more digits (TA 20210091); a number of five or more
#: digits before 号 (20240294号). These are the finder of mentions' thresholds: they give today's
#: mentions table. The heading reader's were stricter (第 and TA: five digits, 号: seven), but
#: with these it reads the same number from every letter, since each states its own number with
#: 第 and seven or eight digits.
DOC_NUMBER_FORMS: Final = (
    rf"第{SPACE}\d++{SPACE}号",
    r"(?<![A-Za-z])[A-Z]{1,4}+[ \t]?\d{6,}+",
    rf"(?<![\d.])\d{{5,}}+{SPACE}号",
)

# ---------------------------------------------------------------------------------------------
# Sections and set phrases
# ---------------------------------------------------------------------------------------------

#: What opens a section of a letter: 一是, （一）, 一、.
SECTION_MARKER: Final = (
    rf"[{CN_SMALL_NUMERALS}]+是|（[{CN_SMALL_NUMERALS}]+）|[{CN_SMALL_NUMERALS}]+、"
)
#: :data:`SECTION_MARKER`, compiled.
SECTION_RE: Final = re.compile(SECTION_MARKER)

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
    "每千人口",
    "每万人口",
    "每千人",
    "每万人",
    "两位数",
    "三位数",
    "三次产业",
    "十分",
)
#: Characters after a set phrase that make it no set phrase: 十分 is "very", 十分之一 a tenth.
SET_PHRASE_NOT_BEFORE: Final[Mapping[str, str]] = {"十分": "之"}
