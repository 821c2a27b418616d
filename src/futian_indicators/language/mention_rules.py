"""The rules on the text of the finder of mentions, and the one scan that runs them.

:mod:`futian_indicators.language.mentions` finds every number mention of a text with one regular
expression (:func:`scan_re`): at each place it tries, in order, the rules below (:data:`RULES`:
set phrases, document numbers, dates, codes and names, ordinal markers, durations), then the
quantity grammar (:data:`~futian_indicators.language.grammar.QUANTITY_RE`), then any digits.
Each rule is a small function with examples; the words they are made of are in
:mod:`futian_indicators.language.lexicon`.

Every part of a rule is bounded or possessive, and every unbounded run starts only where a run of
its characters starts, so the scan is linear in the length of the text. An optional part of more
than one character is written as a branch with an empty end, ``(?:X|)``, as in the grammar (see
:mod:`~futian_indicators.language.grammar`, "Writing the patterns").

Examples
--------
>>> [m.lastgroup for m in scan_re().finditer("2024年，第2025136号，超1100亿元，5G，进一步")]
['date', 'doc_number', 'quantity', 'token', 'set_phrase']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Final, NamedTuple

from .grammar import QUANTITY_FIRST, QUANTITY_RE
from .lexicon import (
    CN_DIGIT_CHARS,
    CN_NUMBER_CHARS,
    CN_NUMERAL_CHARS,
    CN_SMALL_NUMERALS,
    DAY,
    DOC_NUMBER_FORMS,
    LATIN_UNIT_WORDS,
    MONTH,
    RANGE_SEPARATORS,
    SERVICE_HOURS_SLASH,
    SET_PHRASE_NOT_BEFORE,
    SET_PHRASES,
    SLASH_DATE,
    SLASHES,
    SPACE,
    TIME_AFTER,
    TIME_UNIT,
    YEAR,
)
from .numerals import GrammarError, read_number

__all__ = [
    "KIND_OF_RULE",
    "RULES",
    "RULES_MAY_START",
    "RULE_BY_NAME",
    "Rule",
    "scan_pattern",
    "scan_re",
]


class Rule(NamedTuple):
    """A rule on the text: the characters its matches start with, its pattern, its kind.

    ``after_number`` says what a match that starts with a digit has right after that first
    number (its digits and a decimal part, then any white space): a pattern, or None where no
    match starts with a digit. ``starts_after`` is a look-behind after which a match may start
    at a digit whatever follows the number (邮编518048). The scan uses both to pass over a
    number that no rule can start with (``5948.82亿元``, ``3个``) at once.
    """

    name: str
    kind: str | None  # None: a set phrase, found to be dropped
    first: str  # a character class (without brackets)
    pattern: str
    accept: Callable[[str], bool] | None = None
    after_number: str | None = None
    starts_after: str | None = None


_S: Final = SPACE
_RANGE: Final = f"[{RANGE_SEPARATORS}]"  # one set of range separators: the grammar's
_CN_DIGIT: Final = CN_DIGIT_CHARS
_CN_NUMERAL: Final = CN_NUMBER_CHARS
_SET_NUMERAL: Final = CN_NUMERAL_CHARS + "两"  # a set is counted without 万 or 亿 (十亿五大: none)
_CN_SMALL: Final = CN_SMALL_NUMERALS  # the numerals of headings and ordinal markers


def _find(rule: Rule, text: str) -> list[str]:
    """The texts a rule alone finds (for the examples; the extractor runs all rules at once)."""
    found = (m.group(0) for m in re.finditer(rule.pattern, text))
    return [t for t in found if rule.accept is None or rule.accept(t)]


def _set_phrase_rule(others_first: str) -> Rule:
    """Set phrases (:data:`SET_PHRASES`): found first and dropped.

    Nothing inside a set phrase is a mention; a few are none before some characters
    (:data:`SET_PHRASE_NOT_BEFORE`: 十分 is "very", 十分之一 a tenth).

    A phrase is matched from its first character that another alternative of the scan may
    start with (``others_first``, a character class): 进一步 from 一, with 进 looked at behind.
    The scan passes over 进 at once, as over any character nothing starts with, and at 一 the
    phrases that began before it are tried first: so it finds what it would find from 进 (set
    phrases come before every other alternative), without trying every rule at each 新, 进 and
    统 of a letter.

    Examples
    --------
    >>> rule = RULE_BY_NAME["set_phrase"]
    >>> _find(rule, "是全市唯一一个全部聚焦的行政区，进一步提升，三位一体，十分之一")
    ['一', '一步', '三位一体']
    >>> [m.span() for m in re.finditer(rule.pattern, "进一步，第一时间")]
    [(1, 3), (4, 8)]
    """
    may_start = re.compile(f"[{others_first}{CN_NUMBER_CHARS}]")  # every phrase has a numeral
    start = {w: next(i for i, c in enumerate(w) if may_start.match(c)) for w in SET_PHRASES}
    by_first: dict[str, list[str]] = {}
    # at a place, the phrases that began before it first, then the longest first
    for word in sorted(SET_PHRASES, key=lambda w: (start[w] == 0, -len(w), w)):
        at = start[word]
        not_before = SET_PHRASE_NOT_BEFORE.get(word)
        rest = re.escape(word[at + 1 :]) + (f"(?![{not_before}])" if not_before else "")
        if at:
            rest = f"(?<={re.escape(word[: at + 1])})" + rest
        by_first.setdefault(word[at], []).append(rest)
    pattern = "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in by_first.items())
    return Rule("set_phrase", None, re.escape("".join(sorted(by_first))), pattern)


def _doc_number_rule() -> Rule:
    """Document numbers: 第N号, a number of five or more digits before 号, letters and digits.

    Telephone numbers and other long bare numbers are found by the classifier of the
    grammar's matches (:mod:`~futian_indicators.language.mentions`).

    Examples
    --------
    >>> _find(_doc_number_rule(), "关于对TA 20210091提案（第20210091号）；会议20240294号《")
    ['TA 20210091', '第20210091号', '20240294号']
    """
    return Rule(
        "doc_number", "doc_number", r"第\dA-Z", "|".join(DOC_NUMBER_FORMS), after_number="号"
    )


def _period_rule() -> Rule:
    """Periods: a span of months (1-5月, 1至6月), which dates a figure but measures nothing.

    Examples
    --------
    >>> _find(_period_rule(), "1-5月增长8%，1至6月，3月")
    ['1-5月', '1至6月']
    """
    pattern = rf"(?<![\d.]){MONTH}{_S}{_RANGE}{_S}{MONTH}{_S}月(?:份)?"
    return Rule("period", "period", r"\d", pattern, after_number=_RANGE)


def _reference_rule() -> Rule:
    """Document numbers with a bracketed year (福府〔2023〕12号), hotlines and post codes.

    Examples
    --------
    >>> _find(_reference_rule(), "福府〔2023〕12号，拨打12345热线，邮编518048")
    ['〔2023〕12号', '12345', '518048']
    """
    pattern = (
        rf"[〔\[［【(（]{_S}{YEAR}{_S}[〕\]］】)）]{_S}\d++{_S}号"
        rf"|(?<![\d.])\d{{3,}}+(?={_S}(?:热线|服务热线|政务服务便民热线))"
        rf"|(?<=邮编)(?:[:：]{_S}|)\d{{6}}+(?!\d)|(?<=邮政编码)(?:[:：]{_S}|)\d{{6}}+(?!\d)"
    )
    return Rule(
        "reference",
        "doc_number",
        r"〔\[［【(（\d",
        pattern,
        after_number="[热服政]",
        starts_after="(?<=邮编)|(?<=邮政编码)",
    )


def _address_rule() -> Rule:
    """Numbers of places: a street number (深南大道5011号), a line (地铁14号线), 3号楼.

    Examples
    --------
    >>> _find(_address_rule(), "深南大道5011号，地铁14号线，3号楼，第2025136号")
    ['5011号', '14号线', '3号楼']
    """
    pattern = (
        r"(?<=[路道街巷])\d++(?:-\d++|)号(?:楼|院|之\d++|)"
        r"|(?<![\d.第])\d++号(?:线|楼|院|馆|门|仓|桥|地块)"
    )
    return Rule("address", "address", r"\d", pattern, after_number="[-号]")


def _clock_rule() -> Rule:
    """Times of day: 9:00, 9:00-18:00 (minutes in two digits).

    Examples
    --------
    >>> _find(_clock_rule(), "办公时间9:00-18:00，按1:1配套")
    ['9:00-18:00']
    """
    time = r"(?:[01]?\d|2[0-4])[:：][0-5]\d(?![\d.])"
    pattern = rf"(?<![\d.:]){time}(?:{_S}{_RANGE}{_S}{time}|)"
    return Rule("clock", "clock_time", r"\d", pattern, after_number="[:：]")


def _ratio_rule() -> Rule:
    """Ratios of two or more numbers: 1:1, 0.03:5.87:94.10.

    Examples
    --------
    >>> _find(_ratio_rule(), "按1:1配套，结构为0.03:5.87:94.10")
    ['1:1', '0.03:5.87:94.10']
    """
    number = r"\d++(?:\.\d++|)"
    pattern = rf"(?<![\d.:]){number}(?:[:：]{number})++"
    return Rule("ratio", "ratio", r"\d", pattern, after_number="[:：]")


def _service_hours_rule() -> Rule:
    """Service hours as a code: 7×24小时, and 7/24 or 24/7 before 小时 or 服务 (no fraction).

    Examples
    --------
    >>> _find(_service_hours_rule(), "提供7×24小时服务，7/24小时热线，24/7服务")
    ['7×24小时', '7/24小时', '24/7']
    """
    pattern = (
        rf"(?<![\d.])\d++{_S}[×xX*]{_S}\d++(?:{_S}小时|)"
        rf"|(?<![\d./／]){SERVICE_HOURS_SLASH}(?:{_S}小时|)"
    )
    return Rule("service_hours", "code", r"\d", pattern, after_number=f"[×xX*{SLASHES}]")


def _date_rule() -> Rule:
    """Dates: a year with 年, and what narrows it; a month and day; a year in Chinese digits.

    A year 19xx/20xx (or a range of two) with 年 may be followed by a half, a quarter, 度,
    底, 初, 末, or a month and day (and 底, 初, 末, 旬). Bare years with no 年 (``2015我区``) are
    found by :mod:`~futian_indicators.language.mentions`.

    Examples
    --------
    >>> _find(_date_rule(), "2023年上半年，2020年4月11日，（2021-2023年），2023年度")
    ['2023年上半年', '2020年4月11日', '2021-2023年', '2023年度']
    >>> _find(_date_rule(), "截至2024年底，9月26日，二〇二四年，2045条")
    ['2024年底', '9月26日', '二〇二四年']
    >>> _find(_date_rule(), "会议于3/15召开，12/31前完成，约1/3")
    ['3/15', '12/31']
    """
    year_part = r"(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|度|底|初|末)"
    month_part = rf"{MONTH}{_S}月(?:{_S}{DAY}{_S}[日号]|)(?:{_S}(?:底|初|末|[上中下]旬)|)"
    pattern = (
        rf"(?<![\d.]){YEAR}(?:{_S}{_RANGE}{_S}{YEAR}|){_S}年"
        rf"(?:{_S}{year_part}|{_S}{month_part}|)"
        rf"|(?<![\d.]){month_part}"
        rf"|(?<![{_CN_DIGIT}])[{_CN_DIGIT}]{{4}}年"
        rf"|{SLASH_DATE}"
    )
    after = f"{_RANGE}|[年月{SLASHES}]"
    return Rule("date", "date", rf"\d{_CN_DIGIT}", pattern, after_number=after)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _plus_code_rule() -> Rule:
    """Codes of numbers (and capital letters) joined by +, with at least one digit.

    Examples
    --------
    >>> _find(_plus_code_rule(), "围绕“20+8”，打出“1+10+N+N+1”组合拳，“N+1”项目，“CBD+科创区”")
    ['20+8', '1+10+N+N+1', 'N+1']
    """
    term = r"(?:\d++|[A-Z])"
    pattern = rf"(?<![A-Za-z0-9+＋]){term}(?:{_S}[+＋]{_S}{term})++(?![A-Za-z0-9])"
    return Rule("plus_code", "code", r"\dA-Z", pattern, _has_digit, after_number="[+＋]")


def _version_rule() -> Rule:
    """Versions: a decimal before 版/版本 or a closing quote (``1.0版本``, ``福田英才荟3.0”``).

    Examples
    --------
    >>> _find(_version_rule(), "官网1.0版本的设计；落实“福田英才荟3.0”；强度提升至3.0%")
    ['1.0版本', '3.0']
    """
    pattern = rf"(?<![\d.])\d++(?:\.\d++)++(?:{_S}(?:版本|版)|(?={_S}[”\"’」』》]))"
    return Rule("version", "code", r"\d", pattern, after_number='[.版”"’」』》]')


def _name_rule() -> Rule:
    """Names that hold a number: N强, N亿级, N亿引领/支撑/接续, Arabic N大.

    ``500强``, ``百强区``; ``千亿级``, ``五百亿级`` and the slogan's
    ``千亿引领、百亿支撑、十亿接续``; the 3 of ``3大知识产权国字招牌`` (the Chinese 三大产业 is
    no mention at all).

    Examples
    --------
    >>> _find(_name_rule(), "世界500强、百强区、3个千亿级、五百亿级、3大招牌")
    ['500强', '百强区', '千亿级', '五百亿级', '3大']
    >>> _find(_name_rule(), "“千亿引领、百亿支撑、十亿接续”")
    ['千亿引领', '百亿支撑', '十亿接续']
    """
    pattern = (
        rf"(?<![\d.{_CN_NUMERAL}])"
        rf"(?:(?:\d++|[{_CN_DIGIT}]*+[十百千万])强(?:区|县|市)?"
        rf"|(?:\d++(?:\.\d++|)|[{_CN_DIGIT}十百千]++){_S}(?:万亿|亿|万){_S}(?:级|引领|支撑|接续)"
        rf"|\d++大(?![学厦道会楼街赛]))"
    )
    after = rf"[强大]|(?:万亿|亿|万){_S}(?:级|引领|支撑|接续)"
    return Rule("name", "code", rf"\d{_CN_NUMERAL}", pattern, after_number=after)


def _set_count_rule() -> Rule:
    """Chinese numerals counting a named set: 七大, 十大类, 两大, 八大 (a quantity).

    Not the article: 一大批 and the like are left out, and so are 大学, 大厦, 大道, 大会 ...

    Examples
    --------
    >>> _find(_set_count_rule(), "七大战略性新兴产业，十大类专业服务，两大支柱，一大批，三类")
    ['七大', '十大类', '两大', '三类']
    """
    pattern = (
        rf"(?<![{_CN_NUMERAL}第])(?!一大|一类)[{_SET_NUMERAL}]++"
        rf"(?:大(?:类)?(?![学厦道会楼街赛批])|类)"
    )
    return Rule("set_count", "quantity", _SET_NUMERAL, pattern)


_SET_COUNT_RE: Final = re.compile(rf"([{_SET_NUMERAL}]++)(?:大类?|类)")


def set_count_value(words: str) -> float | None:
    """The count a set's numeral states (七大: 7), or None for any other words.

    Examples
    --------
    >>> set_count_value("十大类"), set_count_value("两大"), set_count_value("大学")
    (10.0, 2.0, None)
    """
    if not words.endswith(("大", "类")):  # what _SET_COUNT_RE ends with: no need to try it
        return None
    m = _SET_COUNT_RE.fullmatch(words)
    if m is None:
        return None
    try:
        return float(read_number(m.group(1).replace("两", "二"), None).value)
    except GrammarError:
        return None


def _token_rule() -> Rule:
    """Tokens of ASCII letters and digits: ``5G``, ``O2O``, ``ID4``.

    Digits before a Latin unit word are not a token: ``10000P`` is 10000 petaflops, a quantity.

    Examples
    --------
    >>> _find(_token_rule(), "聚焦5G、O2O模式、ID4平台，超10000P，GDP，TA 20210091")
    ['5G', 'O2O', 'ID4']
    """
    pattern = (
        rf"(?<![A-Za-z0-9])(?:[A-Za-z]++[0-9]|[0-9]++(?!(?:{LATIN_UNIT_WORDS})(?![A-Za-z0-9]))"
        rf"[A-Za-z])[A-Za-z0-9]*+"
    )
    return Rule("token", "code", r"A-Za-z0-9", pattern, after_number="[A-Za-z]")


def _marker_rule() -> Rule:
    """Ordinal markers: 一是 (first, ...), （一）, a heading 一、 or 1. after a stop, 一期 (phase).

    Examples
    --------
    >>> _find(_marker_rule(), "如下：一、提供资金。（一）优化体系。一是完善，二是举办")
    ['一、', '（一）', '一是', '二是']
    >>> _find(_marker_rule(), "原因之一是；产业园一期、二期")
    ['一期', '二期']
    """
    small = rf"[{_CN_SMALL}]{{1,3}}+"
    pattern = (
        rf"(?<![{_CN_NUMERAL}之第]){small}是"  # 一是, 十一是 (not 之一是)
        rf"|[（(]{_S}(?:{small}|\d{{1,2}}+){_S}[）)]"  # （一）, (1)
        rf"|(?:^|(?<=[。；;：:！!？?\n）)」』]))(?:{small}|\d{{1,2}}+){_S}[、．.](?!\d)"  # 一、
        rf"|(?<![{_CN_NUMERAL}]){small}期"  # 一期、二期 (phases)
    )
    return Rule("marker", "ordinal", rf"{_CN_SMALL}（(\d", pattern, after_number="[、．.]")


def _duration_rule() -> Rule:
    """Durations: a number of years, months (个月), days, weeks, hours, quarters.

    A year 19xx/20xx with 年 is a date (:func:`_date_rule` comes first), 第5年 an ordinal
    (:mod:`~futian_indicators.language.mentions`); 上一年度 (the previous year) is no number;
    N月 without 个 is a month.

    Examples
    --------
    >>> _find(_duration_rule(), "3年累计增长7.6倍，3年翻两番，实现3天内响应，6个月，上一年度")
    ['3年', '3年', '3天内', '6个月']
    """
    pattern = (
        rf"(?<![\d.{_CN_NUMERAL}第上下同这那每])"
        rf"(?:\d++(?:\.\d++|)|[{_CN_NUMERAL}]++){_S}(?:{TIME_UNIT})(?:{_S}{TIME_AFTER}|)"
    )
    return Rule("duration", "duration", rf"\d{_CN_NUMERAL}", pattern, after_number=TIME_UNIT)


#: The rules after the set phrases. A set phrase is matched from its first character that one
#: of them or the grammar may start with (:func:`_set_phrase_rule`).
_OTHER_RULES: Final = (
    _reference_rule(),
    _address_rule(),
    _doc_number_rule(),
    _period_rule(),
    _clock_rule(),
    _ratio_rule(),
    _service_hours_rule(),
    _date_rule(),
    _plus_code_rule(),
    _version_rule(),
    _name_rule(),
    _set_count_rule(),
    _token_rule(),
    _marker_rule(),
    _duration_rule(),
)
#: The rules on the text, in the order they are tried where several could start.
RULES: Final = (
    _set_phrase_rule("".join(rule.first for rule in _OTHER_RULES) + QUANTITY_FIRST),
    *_OTHER_RULES,
)
RULE_BY_NAME: Final = {rule.name: rule for rule in RULES}
#: The kind of each rule whose every match is a mention of that kind: not the set phrases, the
#: rules that test their words, nor durations (the finder asks whether a duration counts days).
KIND_OF_RULE: Final[Mapping[str | None, str]] = {
    rule.name: rule.kind
    for rule in RULES
    if rule.kind is not None and rule.accept is None and rule.name != "duration"
}
#: Where the scan is at a digit, whether any rule may start there: what follows the number
#: (its digits, a decimal part, white space) is what some rule has after it, or the place is
#: one a rule may start at whatever follows. Elsewhere it holds at once.
RULES_MAY_START: Final = (
    rf"(?:(?!\d)|(?=\d++(?:[.．]\d++)?+{_S}(?:"
    + "|".join(rule.after_number for rule in RULES if rule.after_number is not None)
    + "))"
    + "".join(f"|{rule.starts_after}" for rule in RULES if rule.starts_after is not None)
    + ")"
)


def scan_pattern(rules_may_start: str = RULES_MAY_START, rules: tuple[Rule, ...] = RULES) -> str:
    """The pattern of the scan: the rules (in order), then the quantity grammar, then digits.

    ``rules_may_start`` guards the rules, and ``rules`` are those tried (the tests compare the
    scan with and without the guard, and with the set phrases matched from their start).
    """
    first = "".join(rule.first for rule in rules)
    return (
        rf"(?=[{first}{QUANTITY_FIRST}\d])"
        rf"(?:(?=[{first}]){rules_may_start}(?:"
        + "|".join(f"(?=[{rule.first}])(?P<{rule.name}>{rule.pattern})" for rule in rules)
        + rf")|(?P<quantity>{QUANTITY_RE.pattern})|(?P<digits>\d++))"
    )


@functools.cache
def scan_re() -> re.Pattern[str]:
    """The one scan, compiled on first use (``import futian_indicators`` does not pay for it).

    The rules (in order), then the quantity grammar, then any digits left (a digit no rule or
    grammar form starts with, e.g. ٣). Each alternative first looks at the character it would
    start with, and the rules at a digit at what follows its number
    (:data:`RULES_MAY_START`), so that most places are passed over at once.
    """
    return re.compile(scan_pattern())
