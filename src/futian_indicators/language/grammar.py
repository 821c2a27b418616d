"""The quantity grammar: which words make a quantity, as one regular expression.

:data:`QUANTITY_RE` finds a quantity (``超 1100 亿元``, ``近 60%``, ``20 余场``, ``七成``) in
running text and names its parts; :func:`futian_indicators.language.quantity.quantity_from_match`
reads a match into a :class:`~futian_indicators.language.quantity.Quantity`, and
:func:`~futian_indicators.language.quantity.parse_quantity` is built on both, so there is one
grammar. The words it is made of are in :mod:`futian_indicators.language.lexicon`.

Grammar
-------
Whitespace anywhere is ignored (the letters are PDF extractions: ``超 1100 亿元``). A quantity
is, in this order:

1. an optional qualifier word (:data:`PRE_QUALIFIERS`): 超, 近, 约, 突破, 不超过, 不足, ...;
2. a number: Arabic (``5948.82``, ``1,234.5``, full-width ``１２``) or Chinese numerals
   (``一千二百``, ``二十``, ``十``, ``百``, ``两万五``, ``二〇二四``: digits read one by one need
   three or more, as 三四家 means "three or four"); or a range of two numbers
   joined by ``-``, ``～``, ``~``, ``—``, ``至`` or ``到`` (``3560-3570亿元``, ``10%-15%``);
3. optionally 余 or 多 (:data:`AFTER_NUMBER_QUALIFIERS`), before or after the multiplier
   (``20余场``, ``20余万人``, ``1.5万余人``);
4. an optional multiplier (:data:`MULTIPLIERS`): 万, 亿, 万亿;
5. a unit word (:data:`UNIT_WORDS`): 元 美元 (CNY, USD); 平方米 平米 平方公里 (m2);
   件 家 个 名 人 人次 场 项 ... (count); % and 成 (percent, 七成 = 70); 个百分点
   (percentage_point); 倍 (times); P (pflops);
6. an optional qualifier word after the unit (:data:`POST_QUALIFIERS`): 左右, 以上, 以下, 以内,
   有余, and 多 right after 倍 or 成 (``一倍多``, ``一成多``).

At most one qualifier word carries meaning; 达 and 达到 carry none and may join any
(``达1503家`` is exact, ``达到5个以上`` is at_least). A range takes no qualifier. A leading 万
or 亿 is not a number (``万元`` alone is a unit), but a leading 十, 百 or 千 is (``超百家``,
``超千亿元``).

Three more forms need no unit word; each is a number with the words around it:

- a fraction ``N分之M`` is the percentage 100·M/N (unit percent):
  ``百分之十二`` = 12, ``百分之六十`` = 60, ``四分之一`` = 25, ``三分之二`` = 66.67, ``千分之五``
  = 0.5, ``万分之五`` = 0.05. It takes the qualifiers of a number (``超百分之六十``,
  ``百分之六十以上``, ``百分之六十多``) but no unit word or multiplier. ``M/N`` in Arabic digits
  is the same fraction (``1/3`` reads as ``三分之一``, ``约1/4`` as ``约四分之一``) where M has
  one or two digits, N one to three, and nothing of a longer number or a range touches it:
  ``2024/3`` and ``2025/6/30`` are dates, ``0.5/3`` and ``1/3万`` part of a longer number,
  ``1/3至1/2`` a range of fractions (none of them is read); M/N must be below one;
- a doubling ``翻N番`` (also ``翻了N番``, and ``翻番`` alone, once) is the multiple now / before
  = 2**N (unit times): ``翻番`` = ``翻一番`` = 2, ``翻两番`` = 4, ``翻三番`` = 8; it takes no
  qualifier but 多 after it, more than N doublings and fewer than N+1 (``翻一番多``: over 2,
  below 4);
- a rank ``第N``, ``第N名``, ``第N位`` is N (unit rank), and ``前N`` ("the top N") is N with the
  qualifier under; it takes no qualifier. 第 also starts ordinals (第5年, 第二十四届, 第一是):
  here a lone ``第N`` is a rank, and :mod:`futian_indicators.language.mentions` tells the two apart
  by what follows. 前 right after 目, 此, 之, 提, 以, 当 ... is a word (目前, 提前), not a rank.

Not supported: signs, 数十, 三四十, 仅次于 (a rank stated by its neighbour), ranges of
fractions (三分之一至二分之一 is two quantities; 1/3至1/2 none).

Writing the patterns
--------------------
Every part is bounded or possessive (the scan is linear in the length of the text). An
optional part of more than one character is written as a branch with an empty end,
``(?:X|)``, never ``(?:X)?``: the two match the same words with the same groups, but Python's
engine runs a ``?`` over more than one character as a repeat, which saves the place of every
group at each step inside it, and a branch as a branch. Written so, the scan of a letter takes
a quarter less time (docs/benchmarks.md); a test holds every pattern of the scan to it. A list
of words is spelled as a tree of their characters (:func:`_alternation`).

Examples
--------
>>> m = QUANTITY_RE.search("服务科技型企业超过 500 家。")
>>> m["pre"], m["num"], m["unit"]
('超过', '500', '家')
>>> [m.group(0) for m in QUANTITY_RE.finditer("汇聚46家企业、覆盖56个国家")]
['46家', '56个']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from .lexicon import (
    AFTER_NUMBER_QUALIFIERS,
    ARABIC_ONLY_UNIT_WORDS,
    BARE_MULTIPLIER_QUALIFIERS,
    BARE_MULTIPLIERS,
    CN_DIGIT_CHARS,
    CN_NUMERAL_CHARS,
    CN_POINT,
    DIGITS,
    MORE_AFTER_UNITS,
    MULTIPLIERS,
    NOT_QUALIFIER_AFTER,
    PER_AREA_WORDS,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    RANGE_SEPARATORS,
    SERVICE_HOURS_SLASH,
    SHARE_BEFORE_SLASH,
    SLASH_DATE,
    SLASHES,
    SPACE,
    UNIT_WORDS,
)

__all__ = ["QUANTITY_FIRST", "QUANTITY_RE", "WHITESPACE", "is_bare_number"]


def _word_guard(word: str) -> str:
    """What must hold after a word: a Latin unit (P) does not run on into a longer word (PCT)."""
    return "(?![A-Za-z])" if word.isascii() and word.isalpha() else ""


def _qualifier_guard(word: str) -> str:
    """A qualifier word, unless the character before makes it part of a word (签约, 附近)."""
    before = NOT_QUALIFIER_AFTER.get(word, "")
    return f"(?<![{before}]{re.escape(word)})" if before else ""


def _unit_guard(word: str) -> str:
    """A unit word; a score (分) only after Arabic digits and not in 分之, 分钟."""
    if word in ARABIC_ONLY_UNIT_WORDS:
        return rf"(?<=[{DIGITS}]{re.escape(word)})(?![之钟别])"
    return _word_guard(word)


def _alternation(words: Iterable[str], guard: Callable[[str], str] = _word_guard) -> str:
    """Any of the words, longest first, so that 个百分点 wins over 个 and 超过 over 超.

    ``guard(word)`` is what must hold right after the word (a look-ahead, or a look-behind
    that spells the word and what may not come before it). The words are spelled as a tree of
    their characters (个 then 百分点 or nothing; the words of one character and nothing after
    them as one character class): the words that match at a place are prefixes of each other,
    so trying the longer ones first at each branch is trying them longest first, and a place is
    read in a few steps where a list of the words would try each in turn. A look-ahead for the
    words' first characters comes first: it rejects most places at once.
    """
    tree = _Node()
    for word in set(words):
        node = tree
        for char in word:
            node = node.children.setdefault(char, _Node())
        node.guard = guard(word)
    first = re.escape("".join(sorted(tree.children)))
    return f"(?=[{first}])" + tree.pattern()


class _Node:
    """A node of the tree of :func:`_alternation`: what may follow, and the guard of a word."""

    __slots__ = ("children", "guard")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.guard: str | None = None  # a word ends here (with this guard), or None

    def pattern(self) -> str:
        """What matches after this node: its longer words, then its word (if one ends here)."""
        after = sorted(self.children.items())
        alone = "".join(re.escape(c) for c, child in after if child.is_bare_end())
        longer = [re.escape(c) + child.pattern() for c, child in after if not child.is_bare_end()]
        if alone:
            longer.append(alone if len(alone) == 1 else f"[{alone}]")
        if self.guard is None and len(longer) == 1:
            return longer[0]
        return "(?:" + "|".join([*longer, *([] if self.guard is None else [self.guard])]) + ")"

    def is_bare_end(self) -> bool:
        """Whether a word ends here, with no guard and no longer word."""
        return self.guard == "" and not self.children


_ARABIC: Final = (
    rf"[{DIGITS}]{{1,3}}(?:,[{DIGITS}]{{3}})++(?![{DIGITS}])(?:[.．][{DIGITS}]++|)"
    rf"|[{DIGITS}]{{1,3}}(?: [{DIGITS}]{{3}})++(?![{DIGITS}])(?:[.．][{DIGITS}]++|)"
    rf"|[{DIGITS}]++(?:[.．][{DIGITS}]++|)"
)
_ARABIC_INTEGER: Final = rf"[{DIGITS}]++"
# a Chinese numeral neither starts with 万/亿 (keeps a run of them linear) nor ends with one
# (a trailing 万/亿 is read as the multiplier); 数十, 几百 are not numbers (but 人数一万 is).
# The quantifiers are possessive: a shorter number never lets a match succeed that the longest
# one fails, since what may follow a number (a range's separator, 分之, a multiplier, a unit
# word) never starts with a digit or a Chinese numeral.
_CN_START: Final = rf"(?:[{CN_DIGIT_CHARS}]|(?<![数几])[十百千拾佰仟])"
_CHINESE: Final = (
    rf"{_CN_START}(?:[万亿]*+[{CN_NUMERAL_CHARS}])*+(?:{CN_POINT}[{CN_DIGIT_CHARS}]++|)"
)
_BARE_QUALIFIER_ENDS: Final = "".join(
    sorted({w[-1] for w in PRE_QUALIFIERS} | set(BARE_MULTIPLIER_QUALIFIERS))
)
# a bare multiplier, right after a qualifier word: 超万人, 近万人, 上亿元
_BARE: Final = rf"(?<=[{re.escape(_BARE_QUALIFIER_ENDS)}])(?:{'|'.join(BARE_MULTIPLIERS)})"
_NUMBER: Final = (
    rf"(?=[{DIGITS}{CN_NUMERAL_CHARS}万亿])(?:{_ARABIC}|{_CHINESE}|{_BARE}(?![{CN_NUMERAL_CHARS}]))"
)


def _multiplier_guard(word: str) -> str:
    """A multiplier, unless it starts a unit word (千 of 千瓦, 千米, 千克 is the unit's)."""
    rests = sorted({u[len(word) :] for u in UNIT_WORDS if u.startswith(word) and u != word})
    return "(?!" + "|".join(re.escape(r) for r in rests) + ")" if rests else ""


_MULT: Final = _alternation(MULTIPLIERS, _multiplier_guard)
_UNIT: Final = _alternation(UNIT_WORDS, _unit_guard)
_PER: Final = _alternation(PER_AREA_WORDS)
_MORE: Final = _alternation(AFTER_NUMBER_QUALIFIERS)
_POST: Final = (
    _alternation(w for w in POST_QUALIFIERS if w != "多") + f"|(?<=[{''.join(MORE_AFTER_UNITS)}])多"
)
_PRE: Final = (
    _alternation(PRE_QUALIFIERS, _qualifier_guard)
    + f"|(?:{'|'.join(BARE_MULTIPLIER_QUALIFIERS)})(?=[百千万亿])"
)
_SEP: Final = f"[{RANGE_SEPARATORS}]"  # the dash first: no range of characters
_S: Final = SPACE
# 前 after these characters is part of a word (目前, 此前, 提前, 以前, 当前 ...), not a rank
_NOT_RANK_BEFORE_QIAN: Final = "目此之提以当从向往事日年月天"
_RANK: Final = rf"第|(?<![{_NOT_RANK_BEFORE_QIAN}])前"
#: Every character a match of :data:`QUANTITY_RE` can start with, as the inside of a character
#: class: a qualifier word's first, 第, 前, 翻, a numeral, 万.
QUANTITY_FIRST: Final = (
    re.escape(
        "".join(
            sorted(
                {w[0] for w in PRE_QUALIFIERS}
                | set(BARE_MULTIPLIER_QUALIFIERS)
                | set("第前翻万" + CN_NUMERAL_CHARS)
            )
        )
    )
    + DIGITS
)
# every character what follows the qualifier word can start with
_AFTER_PRE: Final = re.escape("第前翻万亿" + CN_NUMERAL_CHARS) + DIGITS
# the denominator of a fraction: a number, or 万 alone (万分之五)
_DENOMINATOR: Final = rf"{_NUMBER}|(?<![{CN_NUMERAL_CHARS}{DIGITS}])万"
# a slash fraction M/N touches nothing of a longer number, a name or a range: no digit, point,
# slash, Latin letter or dash before M (2024/3/15, 0.5/3, ID1/2, 1/2-2/3); none of them after N
# (3/4G), nor a range's separator and a number (1/3至1/2); 至 before M is a verb (提升至1/3).
# M has one or two digits (2024/3 is a date), N one to three.
_NOT_BY_FRACTION: Final = rf"{DIGITS}.．{SLASHES}A-Za-z"
_SLASH_DEN: Final = (
    rf"[1-9１-９][{DIGITS}]{{0,2}}(?![{_NOT_BY_FRACTION}])(?!{_S}{_SEP}{_S}[{DIGITS}])"
)
_SLASH_FRACTION: Final = rf"[{DIGITS}]{{1,2}}{_S}[{SLASHES}]{_S}{_SLASH_DEN}"
_AFTER_SHARE: Final = "|".join([f"(?<=[{SHARE_BEFORE_SLASH.replace('至', '')}])", "(?<=(?<!截)至)"])
_SLASH: Final = (
    rf"(?<![{_NOT_BY_FRACTION},~～—–－-])(?=[{DIGITS}]{{1,2}}{_S}[{SLASHES}]{_S}[1-9１-９])"
)
# M/N is a share, not a date (3/15召开, 于3/15, 12/31前) nor service hours (7/24小时): a qualifier
# word before it (约1/3), a share word right before it (占1/3, 提升至1/3), a qualifier word or
# 的 after it (1/3左右, 3/4的学校), or nothing else in the text (parse_quantity("1/3")). Elsewhere
# M/N is still matched as one (its N is no number of its own: 1/3万元 is no 3万元), unread.
_SHARE: Final = (
    rf"(?!{SERVICE_HOURS_SLASH})"
    rf"(?!{SLASH_DATE})"
    rf"(?(pre)|(?:{_AFTER_SHARE}|(?={_SLASH_FRACTION}{_S}(?:{_POST}|的))"
    rf"|(?<![\s\S])(?={_SLASH_FRACTION}{_S}\Z)))"
)
# the empty number of a bare 翻番 (a doubling once)
_ONCE: Final = "(?<=翻)(?=番)|(?<=翻了)(?=番)"

# Necessary conditions of a range and a fraction, tried before their first number is read:
# what precedes the separator of a range (a number, a multiplier, a unit word, white space)
# and the 分 of 分之 (a number, white space) is made only of these characters, and the
# separator and 分 are not among them, so a possessive run of them stops right before the
# separator or 分 wherever the range or the fraction matches. Where the run is followed by
# neither, the alternative cannot match, and is skipped without reading the number again. The
# run looks at most _AHEAD characters ahead (so the scan stays linear: a long run of digits is
# not read again from each of its places); a longer run lets the alternative be tried.
_NUMBER_RUN: Final = ",. ．" + CN_NUMERAL_CHARS + CN_POINT + "万亿"  # and DIGITS, white space
_RANGE_RUN: Final = "".join(sorted(set(_NUMBER_RUN + "".join([*MULTIPLIERS, *UNIT_WORDS]))))
_AHEAD: Final = 32
_RANGE_CHAR: Final = rf"[{DIGITS}{re.escape(_RANGE_RUN)}\s]"
_FRACTION_CHAR: Final = rf"[{DIGITS}{re.escape(_NUMBER_RUN)}\s]"
_RANGE_AHEAD: Final = rf"(?={_RANGE_CHAR}{{0,{_AHEAD}}}+{_SEP}|{_RANGE_CHAR}{{{_AHEAD + 1}}})"
_FRACTION_AHEAD: Final = rf"(?={_FRACTION_CHAR}{{0,{_AHEAD}}}+分|{_FRACTION_CHAR}{{{_AHEAD + 1}}})"
if any(re.fullmatch(_SEP, c) for c in _RANGE_RUN) or "分" in _NUMBER_RUN:
    msg = "a separator of a range is part of a unit word, or 分 of a number: revise the look-aheads"
    raise AssertionError(msg)

#: One quantity inside running text. It runs in linear time over a letter (every part is
#: bounded, no nested repetition) and never starts or ends on whitespace. Its forms and their
#: named groups:
#:
#: - a number with a unit word: ``pre`` (qualifier before), ``num1``, ``mult1``, ``unit1``,
#:   ``sep`` (first end of a range), ``num``, ``more`` (余/多), ``mult``, ``more_after_mult``,
#:   ``unit``, ``post`` (qualifier after the unit). ``unit`` is None when no unit word follows
#:   (a bare number: a year, a code, an ordinal): see :func:`is_bare_number`;
#: - a fraction ``N分之M`` (百分之十二, 三分之二): ``den`` (N), ``num`` (M), and ``pre``,
#:   ``more``, ``post`` as above; it takes no unit word (it is a percentage);
#: - a fraction ``M/N`` (1/3, 约2/3, 1/4左右): ``slash`` (empty: where it starts), ``share``
#:   (empty where the words make it a share, else None: then it is read as no value), ``num``
#:   (M), ``over`` (N), and ``pre``, ``post`` as above;
#: - a doubling ``翻N番`` (翻两番, 翻了一番, 翻番): ``double`` (翻), ``num`` (empty for 翻番),
#:   ``double_word`` (番), ``double_more`` (多 of 翻一番多);
#: - a rank ``第N``, ``第N名``, ``第N位``, ``前N``: ``rank`` (第 or 前), ``num``, ``rank_word``
#:   (名, 位 or None). 前 right after 目, 此, 之, 提, 以, 当 ... (目前, 提前) is not a rank.
QUANTITY_RE: Final = re.compile(
    rf"(?=[{QUANTITY_FIRST}])"  # fails fast where no quantity can start
    rf"(?:(?P<pre>{_PRE}){_S}|)"
    rf"(?=[{_AFTER_PRE}])"  # fails fast where no number or 第, 前, 翻 follows
    rf"(?:(?P<rank>{_RANK}){_S}"
    rf"|(?P<double>翻)(?:{_S}了|){_S}"
    rf"|{_RANGE_AHEAD}(?P<num1>{_NUMBER})(?:{_S}(?P<mult1>{_MULT})|)(?:{_S}(?P<unit1>{_UNIT})|)"
    rf"{_S}(?P<sep>{_SEP}){_S}"
    rf"|{_FRACTION_AHEAD}(?P<den>{_DENOMINATOR}){_S}分之{_S}"
    rf"|(?P<hi>{_ARABIC_INTEGER}){_S}(?P<himult>[万亿]){_S}(?=[{DIGITS}])"
    rf"|(?P<slash>{_SLASH})(?:(?P<share>{_SHARE})|)"
    rf"|)"
    rf"(?P<num>{_NUMBER}|{_ONCE})"
    rf"(?(rank)(?:{_S}(?P<rank_word>[名位])|)"
    rf"|(?(double){_S}(?P<double_word>番)(?:(?P<double_more>多)|)"
    rf"|(?(slash){_S}[{SLASHES}]{_S}(?P<over>{_SLASH_DEN})"
    rf"|(?:{_S}(?P<more>{_MORE})|)"
    rf"(?(den)|(?:{_S}(?P<mult>{_MULT})|)"
    rf"(?:{_S}(?P<more_after_mult>{_MORE})|)"
    rf"(?:{_S}(?P<unit>{_UNIT})(?:[{SLASHES}](?P<per>{_PER})|)|)))"
    rf"(?:{_S}(?P<post>{_POST})|)))"
)
#: White space, which the grammar ignores anywhere.
WHITESPACE: Final = re.compile(r"\s+")
#: The groups that make a number a quantity: a unit word, 第/前, 翻, 分之.
_MEASURE_GROUPS: Final = ("unit", "rank", "double", "den", "over")
_NO_MEASURE_GROUPS: Final = (None,) * len(_MEASURE_GROUPS)


def is_bare_number(m: re.Match[str]) -> bool:
    """Whether a match of :data:`QUANTITY_RE` is a number with nothing that makes it a quantity.

    A bare number has no unit word and is not a rank (第3), a doubling (翻两番) or a fraction
    (三分之二): a year (2024), a code (20+8), an ordinal (一是). :func:`quantity_from_match`
    refuses it.

    Parameters
    ----------
    m : re.Match[str]
        A match of :data:`QUANTITY_RE`.

    Returns
    -------
    bool

    Examples
    --------
    >>> [(m.group(0), is_bare_number(m)) for m in QUANTITY_RE.finditer("2024年全市第3、超四成")]
    [('2024', True), ('第3', False), ('超四成', False)]
    """
    return m.group(*_MEASURE_GROUPS) == _NO_MEASURE_GROUPS
