"""Chinese quantity grammar: a phrase such as ``超 1100 亿元`` becomes a :class:`Quantity`.

A figure in a letter is words, not a number: ``超 1100 亿元``, ``近 60%``, ``20 余场``, ``七成``.
:func:`parse_quantity` reads one such phrase into its value in base units, its unit, a qualifier
and two intervals: the *strict* interval the words allow and a *lenient* one that also allows
loose rounding (DESIGN.md, "Intervals: what the words allow"). :data:`QUANTITY_RE` and
:func:`quantity_from_match` expose the same grammar for scanning running text; ``parse_quantity``
is built on them, so there is one grammar.

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
   有余, and 多 right after 倍 (``一倍多``).

At most one qualifier word carries meaning; 达 and 达到 carry none and may join any
(``达1503家`` is exact, ``达到5个以上`` is at_least). A range takes no qualifier. A leading 万
or 亿 is not a number (``万元`` alone is a unit), but a leading 十, 百 or 千 is (``超百家``,
``超千亿元``).

Three more forms need no unit word; each is a number with the words around it:

- a fraction ``N分之M`` is the percentage 100·M/N (unit percent):
  ``百分之十二`` = 12, ``百分之六十`` = 60, ``四分之一`` = 25, ``三分之二`` = 66.67, ``千分之五``
  = 0.5, ``万分之五`` = 0.05. It takes the qualifiers of a number (``超百分之六十``,
  ``百分之六十以上``, ``百分之六十多``) but no unit word or multiplier;
- a doubling ``翻N番`` (also ``翻了N番``) is the multiple now / before = 2**N (unit times):
  ``翻一番`` = 2, ``翻两番`` = 4, ``翻三番`` = 8; it takes no qualifier;
- a rank ``第N``, ``第N名``, ``第N位`` is N (unit rank), and ``前N`` ("the top N") is N with the
  qualifier under; it takes no qualifier. 第 also starts ordinals (第5年, 第二十四届, 第一是):
  here a lone ``第N`` is a rank, and :mod:`futian_indicators.language.mentions` tells the two apart
  by what follows. 前 right after 目, 此, 之, 提, 以, 当 ... is a word (目前, 提前), not a rank.

Not supported: signs, 数十, 三四十, 一点五, 仅次于 (a rank stated by its neighbour), ranges of
fractions.

Qualifiers and intervals
------------------------
Notation: x is the stated number in base units; h is half a unit of its last written digit
(5948.82亿 -> 0.005亿; 19.3% -> 0.05; 一千二百 -> 50); h' is half a unit of its last non-zero
digit (1100 -> 50; 10000 -> 5000); s is one unit of its last non-zero digit (20 -> 10);
a = :data:`APPROX_BAND`, n = :data:`NEARLY_BAND`, k = :data:`LENIENT_BAND_FACTOR`;
L = 0 for :data:`NON_NEGATIVE_UNITS`, -inf otherwise. Each row is one documented rule function.

===========  ===================================  ===================  ======================
qualifier    words                                strict               lenient
===========  ===================================  ===================  ======================
exact        (none), 达, 达到                     [x-h, x+h]           [x-h', x+h'] (1)
approx       约, 大约, 左右                       x ± max(h, a|x|)     x ± max(h', k a|x|)
over         超, 超过, 逾                         (x, inf)             [x-h', inf)
over         余, 多 (after the number), 有余      (x, x+s)             [x, x+s]
at_least     突破, 以上, 至少, 不少于, 不低于     [x, inf)             [x-h', inf)
nearly       近, 接近, 将近                       [x(1-n), x)          [x(1-kn), x]
under        不超过, 最高, 最多, 不高于, 以下,    [L, x]               [L, x+h']
             以内
under        不足, 不到, 不满                     [L, x)               [L, x+h']
range        a-b, a～b, a至b                      [a-h_a, b+h_b]       [a-h'_a, b+h'_b]
===========  ===================================  ===================  ======================

(1) For :data:`TRUNCATED_UNITS` (percent) the lenient upper end is max(x+h', x+2h): a share
may be truncated rather than rounded (2039/2045 = 99.7% is written "99%").

One example per row (values in base units):

=================  ===========================  ==============================
words              strict                       lenient
=================  ===========================  ==============================
5948.82亿元        [594881500000, 594882500000] [594881500000, 594882500000]
99%                [98.5, 99.5]                 [98.5, 100]
约20%              [19, 21]                     [15, 25]
超1100亿元         (110000000000, inf)          [105000000000, inf)
20余场             (20, 30)                     [20, 30]
突破1500家         [1500, inf)                  [1450, inf)
近60%              [54, 60)                     [48, 60]
不超过100万元      [0, 1000000]                 [0, 1500000]
不足5%             (-inf, 5)                    (-inf, 5.5]
3560-3570亿元      [355950000000, 357050000000] [355500000000, 357500000000]
=================  ===========================  ==============================

The fractions, doublings and ranks:

=========  =========  ====================================  ================================
form       qualifier  strict                                lenient
=========  =========  ====================================  ================================
N分之M     any above  the row of its qualifier, with x = 100·M/N and h, h', s those of M,
                      scaled by 100/N
翻N番      exact      [2**(N-1/2), 2**(N+1/2)]              the same
第N        exact      [N, N]                                the same
前N        under      [1, N]                                the same
=========  =========  ====================================  ================================

=================  ===========================  ==============================
words              strict                       lenient
=================  ===========================  ==============================
百分之十二         [11.5, 12.5]                 [11.5, 13]
四分之一           [12.5, 37.5]                 [12.5, 50]
三分之二           [50, 83.333...]              [50, 100]
翻两番             [2.828..., 5.657...]         the same
第3, 第三位        [3, 3]                       the same
前三               [1, 3]                       the same
=================  ===========================  ==============================

Why these intervals. A fraction says which multiple of 1/N the share is nearest to, exactly as
七成 (= 十分之七) says it is nearest to 7/10: M is precise to half a unit of its last written
digit, so 三分之二 is a share within half a third of 2/3, and 百分之十二 reads like 12%. Its
value is the quotient 100·M/N computed in Decimal (28 significant digits) and then rounded to
the nearest float (三分之二 -> 66.66666666666667); the exact fraction lies well inside the
interval, which is at least 100/N wide. A doubling counts doublings, a whole number precise
to half a unit like any other: half a doubling, a factor of √2 either side of 2**N (a
quadrupling over three years is rarely exactly 4: from 5 to 19 firms is "翻两番"). A rank is a
whole number stated exactly (h = 0); 前N ("among the top N") includes the first place.

Why 以上 is at_least and 超过 is over: the Civil Code of the PRC (民法典, article 1259) says
"以上、以下、以内 include the number itself; 不满、超过 exclude it". So 以上 is closed ([x, inf)),
以下 and 以内 are closed ([L, x]), 超过 is open ((x, inf)) and 不满 (like 不足, 不到) is open.
突破 ("break through") is read like 以上: the number has been reached.

Examples
--------
>>> q = parse_quantity("超 1100 亿元")
>>> q.value, q.unit, q.qualifier, q.value_as_reported, q.unit_as_reported
(110000000000.0, 'CNY', 'over', '超 1100 亿元', '亿元')
>>> q.strict
Interval(lower=110000000000.0, upper=inf, lower_closed=False, upper_closed=False)
>>> q.lower_lenient
105000000000.0
>>> q = parse_quantity("20 余场")
>>> q.qualifier, q.lower, q.upper, q.value_as_reported
('over', 20.0, 30.0, '20余 场')
>>> [q.text for q in map(quantity_from_match, QUANTITY_RE.finditer("汇聚46家企业、覆盖56个国家"))]
['46家', '56个']
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

from ..core.interval import Interval
from ..errors import QuantityParseError

__all__ = [
    "AFTER_NUMBER_QUALIFIERS",
    "APPROX_BAND",
    "LENIENT_BAND_FACTOR",
    "MAX_DOUBLINGS",
    "MULTIPLIERS",
    "NEARLY_BAND",
    "NON_NEGATIVE_UNITS",
    "POST_QUALIFIERS",
    "PRE_QUALIFIERS",
    "QUANTITY_FIRST",
    "QUANTITY_RE",
    "TRUNCATED_UNITS",
    "UNIT_WORDS",
    "Interval",
    "Quantity",
    "UnitWord",
    "is_bare_number",
    "parse_quantity",
    "quantity_from_match",
]

# ---------------------------------------------------------------------------------------------
# The rules' parameters
# ---------------------------------------------------------------------------------------------

#: Half-width of the 约/左右 band, as a share of the number (约100 -> [95, 105]).
APPROX_BAND: Final = Decimal("0.05")
#: Depth of the 近/接近 band below the number, as a share of it (近60 -> [54, 60)).
NEARLY_BAND: Final = Decimal("0.10")
#: The lenient reading multiplies the 约 and 近 bands by this factor.
LENIENT_BAND_FACTOR: Final = 2
#: Units whose numbers may be truncated rather than rounded (lenient upper end x + 2h).
TRUNCATED_UNITS: Final = frozenset({"percent"})
#: Units that cannot be negative: the under-qualifiers (不超过, 不足) start at 0 for them.
NON_NEGATIVE_UNITS: Final = frozenset({"CNY", "USD", "count", "m2", "pflops"})
#: The most doublings 翻N番 may state (2**64 is already far beyond any growth a letter reports).
MAX_DOUBLINGS: Final = 64
#: Multiplier words and the power of ten they stand for.
MULTIPLIERS: Final[Mapping[str, int]] = {"万": 4, "亿": 8, "万亿": 12}


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


_COUNT_WORDS: Final = "件 家 个 名 人 人次 人/次 场 项 条 支 所 栋 批 届 座 套 台 户 位 次 款 种 类"

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
    **{word: UnitWord("count") for word in _COUNT_WORDS.split()},
}

#: Unit words written right after the number in ``value_as_reported`` (no space): ``60%``.
_ATTACHED_UNIT_WORDS: Final = ("%", "％", "P", "㎡")

# A *reading* names the rule that turns a stated number into intervals; several readings share
# a qualifier (余 and 超 are both "over", 不超过 and 不足 are both "under").
_QUALIFIER_OF_READING: Final[Mapping[str, str]] = {
    "exact": "exact",
    "approx": "approx",
    "over": "over",
    "more": "over",
    "at_least": "at_least",
    "nearly": "nearly",
    "under_closed": "under",
    "under_open": "under",
    "range": "range",
}

#: Qualifier words before the number and their reading (None: no meaning, e.g. 达).
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
    "达": None,
    "达到": None,
}
#: Qualifier words right after the number (or its multiplier): 20余场, 1000多万元.
AFTER_NUMBER_QUALIFIERS: Final[Mapping[str, str]] = {"余": "more", "多": "more"}
#: Qualifier words after the unit; 多 counts only right after 倍 (一倍多, not 个多元化).
POST_QUALIFIERS: Final[Mapping[str, str]] = {
    "有余": "more",
    "多": "more",
    "左右": "approx",
    "以上": "at_least",
    "以下": "under_closed",
    "以内": "under_closed",
}
_READING_OF_WORD: Final[Mapping[str, str | None]] = {
    **PRE_QUALIFIERS,
    **AFTER_NUMBER_QUALIFIERS,
    **POST_QUALIFIERS,
}

# ---------------------------------------------------------------------------------------------
# The regular expression
# ---------------------------------------------------------------------------------------------

_CN_DIGITS: Final[Mapping[str, int]] = {
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
}
_CN_SMALL_UNITS: Final[Mapping[str, int]] = {"十": 1, "百": 2, "千": 3}
_CN_CHARS: Final = "".join(_CN_DIGITS) + "".join(_CN_SMALL_UNITS)
_DIGITS: Final = "0-9０-９"
_TO_ASCII: Final = str.maketrans("０１２３４５６７８９．", "0123456789.", ",")


def _word_pattern(word: str) -> str:
    """Escape a word; a Latin unit (P) must not run on into a longer word (PCT)."""
    escaped = re.escape(word)
    return escaped + "(?![A-Za-z])" if word.isascii() and word.isalpha() else escaped


def _alternation(words: Iterable[str]) -> str:
    """Alternation of words, longest first, so that 个百分点 wins over 个 and 超过 over 超.

    A look-ahead for the words' first characters comes first: it rejects most places at once,
    where the alternation would try every word in turn.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    first = re.escape("".join(sorted({w[0] for w in ordered})))
    return f"(?=[{first}])(?:" + "|".join(_word_pattern(w) for w in ordered) + ")"


_ARABIC: Final = (
    rf"[{_DIGITS}]{{1,3}}(?:,[{_DIGITS}]{{3}})++(?![{_DIGITS}])(?:[.．][{_DIGITS}]++)?"
    rf"|[{_DIGITS}]++(?:[.．][{_DIGITS}]++)?"
)
# a Chinese numeral neither starts with 万/亿 (keeps a run of them linear) nor ends with one
# (a trailing 万/亿 is read as the multiplier); and 数十, 几百 are not numbers. The quantifiers
# are possessive: a shorter number never lets a match succeed that the longest one fails, since
# what may follow a number (a range's separator, 分之, a multiplier, a unit word) never starts
# with a digit or a Chinese numeral.
_CHINESE: Final = rf"(?<![数几])[{_CN_CHARS}](?:[万亿]*+[{_CN_CHARS}])*+"
_NUMBER: Final = rf"(?=[{_DIGITS}{_CN_CHARS}])(?:{_ARABIC}|{_CHINESE})"
_MULT: Final = _alternation(MULTIPLIERS)
_UNIT: Final = _alternation(UNIT_WORDS)
_MORE: Final = _alternation(AFTER_NUMBER_QUALIFIERS)
_POST: Final = _alternation(w for w in POST_QUALIFIERS if w != "多") + "|(?<=倍)多"
_SEP: Final = "[-~～—–－至到]"
_S: Final = r"\s*+"
# 前 after these characters is part of a word (目前, 此前, 提前, 以前, 当前 ...), not a rank
_NOT_RANK_BEFORE_QIAN: Final = "目此之提以当从向往事日年月天"
_RANK: Final = rf"第|(?<![{_NOT_RANK_BEFORE_QIAN}])前"
#: Every character a match of :data:`QUANTITY_RE` can start with, as the inside of a character
#: class: a qualifier word's first, 第, 前, 翻, a numeral, 万.
QUANTITY_FIRST: Final = (
    re.escape("".join(sorted({w[0] for w in PRE_QUALIFIERS} | set("第前翻万" + _CN_CHARS))))
    + _DIGITS
)
# every character what follows the qualifier word can start with
_AFTER_PRE: Final = re.escape("第前翻万" + _CN_CHARS) + _DIGITS
# the denominator of a fraction: a number, or 万 alone (万分之五)
_DENOMINATOR: Final = rf"{_NUMBER}|(?<![{_CN_CHARS}{_DIGITS}])万"

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
#: - a doubling ``翻N番`` (翻两番, 翻了一番): ``double`` (翻), ``num``, ``double_word`` (番);
#: - a rank ``第N``, ``第N名``, ``第N位``, ``前N``: ``rank`` (第 or 前), ``num``, ``rank_word``
#:   (名, 位 or None). 前 right after 目, 此, 之, 提, 以, 当 ... (目前, 提前) is not a rank.
QUANTITY_RE: Final = re.compile(
    rf"(?=[{QUANTITY_FIRST}])"  # fails fast where no quantity can start
    rf"(?:(?P<pre>{_alternation(PRE_QUALIFIERS)}){_S})?"
    rf"(?=[{_AFTER_PRE}])"  # fails fast where no number or 第, 前, 翻 follows
    rf"(?:(?P<rank>{_RANK}){_S}"
    rf"|(?P<double>翻)(?:{_S}了)?{_S}"
    rf"|(?P<num1>{_NUMBER})(?:{_S}(?P<mult1>{_MULT}))?(?:{_S}(?P<unit1>{_UNIT}))?"
    rf"{_S}(?P<sep>{_SEP}){_S}"
    rf"|(?P<den>{_DENOMINATOR}){_S}分之{_S}"
    rf")?"
    rf"(?P<num>{_NUMBER})"
    rf"(?(rank)(?:{_S}(?P<rank_word>[名位]))?"
    rf"|(?(double){_S}(?P<double_word>番)"
    rf"|(?:{_S}(?P<more>{_MORE}))?"
    rf"(?(den)|(?:{_S}(?P<mult>{_MULT}))?"
    rf"(?:{_S}(?P<more_after_mult>{_MORE}))?"
    rf"(?:{_S}(?P<unit>{_UNIT}))?)"
    rf"(?:{_S}(?P<post>{_POST}))?))"
)
_WHITESPACE: Final = re.compile(r"\s+")

# ---------------------------------------------------------------------------------------------
# Public types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity as the words state it, in base units, with its intervals.

    Attributes
    ----------
    text : str
        The input exactly as given.
    value : float
        The stated number in base units (a range: its midpoint).
    unit : str
        The base unit: CNY USD count percent percentage_point m2 times pflops rank.
    qualifier : str
        exact | approx | over | at_least | nearly | under | range.
    strict, lenient : Interval
        What the words allow, strictly and leniently (see the module docs).
    value_as_reported : str
        Number and unit as written, whitespace removed except one space between an Arabic
        number and a qualifier or unit word (none before %): ``超 1100 亿元``, ``七成``.
    unit_as_reported : str
        Multiplier and unit word as written: ``亿元``, ``%``, ``万平方米``; for the forms
        without a unit word, the words that make them one: ``三分之`` (三分之二), ``番``
        (翻两番), ``名`` (第3名), ``第`` (第3), ``前`` (前三).

    Examples
    --------
    >>> q = parse_quantity("近 30 万平方米")
    >>> q.value, q.unit, q.qualifier, q.lower, q.upper, q.strict.upper_closed
    (300000.0, 'm2', 'nearly', 270000.0, 300000.0, False)
    """

    text: str
    value: float
    unit: str
    qualifier: str
    strict: Interval
    lenient: Interval
    value_as_reported: str
    unit_as_reported: str

    @property
    def lower(self) -> float:
        """Lower end of the strict interval."""
        return float(self.strict.lower)

    @property
    def upper(self) -> float:
        """Upper end of the strict interval."""
        return float(self.strict.upper)

    @property
    def lower_lenient(self) -> float:
        """Lower end of the lenient interval."""
        return float(self.lenient.lower)

    @property
    def upper_lenient(self) -> float:
        """Upper end of the lenient interval."""
        return float(self.lenient.upper)

    def columns(self) -> dict[str, object]:
        """The figures-table columns this quantity fills: value, unit, qualifier, intervals.

        Examples
        --------
        >>> parse_quantity("近60%").columns()["upper_closed"]
        False
        """
        return {
            "value": self.value,
            "unit": self.unit,
            "value_as_reported": self.value_as_reported,
            "qualifier": self.qualifier,
            "lower": self.lower,
            "upper": self.upper,
            "lower_closed": self.strict.lower_closed,
            "upper_closed": self.strict.upper_closed,
            "lower_lenient": self.lower_lenient,
            "upper_lenient": self.upper_lenient,
        }


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------


class _InvalidError(Exception):
    """A grammar violation found while converting a match; quantity_from_match reports it."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem, self.fix = problem, fix


@dataclass(frozen=True, slots=True)
class _Number:
    """A written number in units of its unit word (multiplier applied) and its precision."""

    value: Decimal
    exponent: int  # power of ten of the last written digit
    nonzero_exponent: int  # power of ten of the last non-zero digit


def _exponent(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by construction
    return exponent


def _number(text: str, multiplier: str | None) -> _Number:
    """Read an Arabic or Chinese number and its multiplier (万, 亿, 万亿)."""
    if text[0] in _CN_CHARS:
        value, exponent = _chinese_integer(text + (multiplier or ""))
        number = Decimal(value)
    else:
        power = MULTIPLIERS[multiplier] if multiplier else 0
        written = Decimal(text.translate(_TO_ASCII))
        number, exponent = written.scaleb(power), _exponent(written) + power
    nonzero = exponent if number == 0 else _exponent(number.normalize())
    return _Number(number, exponent, nonzero)


def _malformed(text: str) -> _InvalidError:
    return _InvalidError(
        f"malformed Chinese numeral {text!r}",
        "write a standard numeral such as 一千二百 or 二十, or Arabic digits",
    )


def _chinese_integer(text: str) -> tuple[int, int]:
    """Value and power of ten of the last written digit of a Chinese numeral.

    亿 and 万 split the numeral into sections (一亿二千万 = 1 亿 + 2000 万); a lone digit after
    one is the next place down, as people say it (两万五 = 25000, 三亿五 = 3.5 亿).
    """
    for big, power in (("亿", 8), ("万", 4)):
        if big in text:
            return _chinese_sections(text, big, power)
    if len(text) > 1 and not any(c in _CN_SMALL_UNITS for c in text):
        return _chinese_digit_string(text)  # 二〇二四; but 三四家 is "three or four"
    return _chinese_section(text)


def _chinese_sections(text: str, big: str, power: int) -> tuple[int, int]:
    """Read a numeral with a 亿 or 万: the part before it times 10**power plus the rest."""
    high_text, _, low_text = text.partition(big)
    if not high_text:
        raise _malformed(text)
    high, high_exponent = _chinese_integer(high_text)
    if not low_text:
        return high * 10**power, high_exponent + power
    if len(low_text) == 1 and _CN_DIGITS.get(low_text):  # 两万五: the digit is in thousands
        return high * 10**power + _CN_DIGITS[low_text] * 10 ** (power - 1), power - 1
    rest = low_text.lstrip("零〇")
    low, low_exponent = _chinese_integer(rest) if rest else (0, power)
    if low >= 10**power:
        raise _malformed(text)
    return high * 10**power + low, low_exponent


def _chinese_digit_string(text: str) -> tuple[int, int]:
    """Read digits one by one (二〇二四 = 2024); two digits (三四, 唯一一个) are no number."""
    if len(text) < 3 or any(c not in _CN_DIGITS for c in text):
        raise _malformed(text)
    return int("".join(str(_CN_DIGITS[c]) for c in text)), 0


def _chinese_section(text: str) -> tuple[int, int]:
    """Read a numeral below 万: digits followed by 千, 百 or 十 (一千二百, 十二, 一百零五).

    Only the first unit may stand without its digit (十二, 百); units must fall (not 十百).
    """
    total, digit, exponent, zero, previous = 0, None, None, False, 4
    for c in text:
        if c in _CN_DIGITS:
            if digit is not None:
                raise _malformed(text)
            zero = zero or _CN_DIGITS[c] == 0
            digit = _CN_DIGITS[c] or None
        else:
            unit = _CN_SMALL_UNITS[c]
            if unit >= previous or (digit is None and exponent is not None):  # 十百, 一百十
                raise _malformed(text)
            total += (1 if digit is None else digit) * 10**unit
            digit, exponent, zero, previous = None, unit, False, unit
    if digit is None:
        return total, 0 if exponent is None else exponent
    if exponent is None or zero:  # 五, 一百零五: the digit is in units
        return total + digit, 0
    return total + digit * 10 ** (exponent - 1), exponent - 1  # 一千二 = 1200


# ---------------------------------------------------------------------------------------------
# The interval rules (one function per row of the table in the module docstring)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Stated:
    """A stated number in base units with the precision quantities the rules use."""

    value: Decimal  # x
    half: Decimal  # h: half a unit of the last written digit
    half_nonzero: Decimal  # h': half a unit of the last non-zero digit
    step: Decimal  # s: one unit of the last non-zero digit
    floor: Decimal | None  # L: 0 for non-negative units, None for -inf
    truncatable: bool


_Intervals = tuple[Interval, Interval]


def _interval(
    lower: Decimal | None,
    upper: Decimal | None,
    *,
    lower_closed: bool = True,
    upper_closed: bool = True,
) -> Interval:
    """Convert Decimal ends to an Interval; None is an infinite (open) end."""
    return Interval(
        -math.inf if lower is None else float(lower),
        math.inf if upper is None else float(upper),
        lower_closed and lower is not None,
        upper_closed and upper is not None,
    )


def _exact(s: _Stated) -> _Intervals:
    """Exact: [x-h, x+h]; lenient [x-h', x+h'], upper at least x+2h if it may be truncated."""
    upper = s.value + s.half_nonzero
    if s.truncatable:
        upper = max(upper, s.value + 2 * s.half)
    return (
        _interval(s.value - s.half, s.value + s.half),
        _interval(s.value - s.half_nonzero, upper),
    )


def _approx(s: _Stated) -> _Intervals:
    """约/左右: x ± max(h, a|x|); lenient x ± max(h', k·a|x|)."""
    band = max(s.half, APPROX_BAND * abs(s.value))
    wide = max(s.half_nonzero, LENIENT_BAND_FACTOR * APPROX_BAND * abs(s.value))
    return (
        _interval(s.value - band, s.value + band),
        _interval(s.value - wide, s.value + wide),
    )


def _over(s: _Stated) -> _Intervals:
    """超/超过/逾: (x, inf), the number excluded; lenient [x-h', inf)."""
    return _interval(s.value, None, lower_closed=False), _interval(s.value - s.half_nonzero, None)


def _more(s: _Stated) -> _Intervals:
    """余/多/有余: (x, x+s), between the number and the next step; lenient [x, x+s]."""
    return (
        _interval(s.value, s.value + s.step, lower_closed=False, upper_closed=False),
        _interval(s.value, s.value + s.step),
    )


def _at_least(s: _Stated) -> _Intervals:
    """突破/以上: [x, inf), the number included; lenient [x-h', inf)."""
    return _interval(s.value, None), _interval(s.value - s.half_nonzero, None)


def _nearly(s: _Stated) -> _Intervals:
    """近/接近: [x(1-n), x), a band just below the number; lenient [x(1-k·n), x]."""
    return (
        _interval(s.value * (1 - NEARLY_BAND), s.value, upper_closed=False),
        _interval(s.value * (1 - LENIENT_BAND_FACTOR * NEARLY_BAND), s.value),
    )


def _under(s: _Stated, *, upper_closed: bool) -> _Intervals:
    return (
        _interval(s.floor, s.value, upper_closed=upper_closed),
        _interval(s.floor, s.value + s.half_nonzero),
    )


def _under_closed(s: _Stated) -> _Intervals:
    """不超过/最高/以下/以内: [L, x], the number included; lenient [L, x+h']."""
    return _under(s, upper_closed=True)


def _under_open(s: _Stated) -> _Intervals:
    """不足/不到/不满: [L, x), the number excluded; lenient [L, x+h']."""
    return _under(s, upper_closed=False)


def _range(low: _Stated, high: _Stated) -> _Intervals:
    """a-b: [a-h_a, b+h_b]; lenient [a-h'_a, b+h'_b]."""
    return (
        _interval(low.value - low.half, high.value + high.half),
        _interval(low.value - low.half_nonzero, high.value + high.half_nonzero),
    )


_RULES: Final[Mapping[str, Callable[[_Stated], _Intervals]]] = {
    "exact": _exact,
    "approx": _approx,
    "over": _over,
    "more": _more,
    "at_least": _at_least,
    "nearly": _nearly,
    "under_closed": _under_closed,
    "under_open": _under_open,
}

# ---------------------------------------------------------------------------------------------
# From a match to a Quantity
# ---------------------------------------------------------------------------------------------


def _stated(text: str, multiplier: str | None, word: UnitWord) -> _Stated:
    """Convert a written number, its multiplier and unit word to base units."""
    number = _number(text, multiplier)
    return _Stated(
        value=number.value * word.factor,
        half=Decimal(5).scaleb(number.exponent - 1) * word.factor,
        half_nonzero=Decimal(5).scaleb(number.nonzero_exponent - 1) * word.factor,
        step=Decimal(1).scaleb(number.nonzero_exponent) * word.factor,
        floor=Decimal(0) if word.unit in NON_NEGATIVE_UNITS else None,
        truncatable=word.unit in TRUNCATED_UNITS,
    )


def _unit_word(m: re.Match[str]) -> UnitWord:
    """Return the unit word of a match; it must be there and accept the multipliers."""
    if m["unit"] is None:
        raise _InvalidError(
            "there is no unit after the number",
            "write the unit word too, e.g. '1100亿元', '60%', '20家'",
        )
    word = UNIT_WORDS[m["unit"]]
    for multiplier in (m["mult"], m["mult1"]):
        if multiplier is not None and not word.scalable:
            raise _InvalidError(
                f"the multiplier {multiplier!r} cannot scale {m['unit']!r}",
                "drop the multiplier",
            )
    return word


def _reading(m: re.Match[str]) -> str:
    """Return the reading of a match from its qualifier words (at most one with a meaning)."""
    words = [m[g] for g in ("pre", "more", "more_after_mult", "post") if m[g] is not None]
    meaningful = [(w, r) for w in words if (r := _READING_OF_WORD[w]) is not None]
    if m["sep"] is not None and meaningful:
        raise _InvalidError(
            f"a range cannot take the qualifier {meaningful[0][0]!r}",
            "drop the qualifier or write a single number",
        )
    if len(meaningful) > 1:
        raise _InvalidError(
            f"it has {len(meaningful)} qualifiers ({', '.join(repr(w) for w, _ in meaningful)})",
            "keep only one of them",
        )
    if m["sep"] is not None:
        return "range"
    return meaningful[0][1] if meaningful else "exact"


def _range_ends(m: re.Match[str], word: UnitWord) -> tuple[_Stated, _Stated]:
    """Both ends of a range; the first borrows the multiplier unless it writes its own unit."""
    if m["unit1"] is not None and m["unit1"] != m["unit"]:
        raise _InvalidError(
            f"the ends of the range have different units ({m['unit1']!r}, {m['unit']!r})",
            "write one unit for both, e.g. '3560-3570亿元'",
        )
    own = m["mult1"] is not None or m["unit1"] is not None
    low = _stated(m["num1"], m["mult1"] if own else m["mult"], word)
    high = _stated(m["num"], m["mult"], word)
    if low.value > high.value:
        raise _InvalidError("the range runs from the larger to the smaller number", "swap its ends")
    return low, high


def _as_reported(m: re.Match[str]) -> tuple[str, str]:
    """(value_as_reported, unit_as_reported) of a match, as described on Quantity."""
    number = "".join(m[g] or "" for g in ("num1", "mult1", "unit1", "sep", "num", "more"))
    unit = "".join(m[g] or "" for g in ("mult", "more_after_mult", "unit", "post"))
    gap = "" if number[0] in _CN_CHARS else " "
    pre = m["pre"] + gap if m["pre"] else ""
    unit_gap = "" if unit.startswith(_ATTACHED_UNIT_WORDS) else gap
    return pre + number + unit_gap + unit, (m["mult"] or "") + m["unit"]


def _number_quantity(m: re.Match[str]) -> Quantity:
    """A number with a unit word (or a range of two): the rules of the qualifier table."""
    word = _unit_word(m)
    reading = _reading(m)
    if reading == "range":
        low, high = _range_ends(m, word)
        value, (strict, lenient) = (low.value + high.value) / 2, _range(low, high)
    else:
        stated = _stated(m["num"], m["mult"], word)
        value, (strict, lenient) = stated.value, _RULES[reading](stated)
    value_as_reported, unit_as_reported = _as_reported(m)
    return Quantity(
        text=m.group(0),
        value=float(value),
        unit=word.unit,
        qualifier=_QUALIFIER_OF_READING[reading],
        strict=strict,
        lenient=lenient,
        value_as_reported=value_as_reported,
        unit_as_reported=unit_as_reported,
    )


def _whole_number(text: str, what: str, example: str) -> int:
    """Read a number that must be a whole number from 1 (a rank, a count of doublings)."""
    number = _number(text, None).value
    if number != number.to_integral_value() or number < 1:
        raise _InvalidError(f"{what} must be a whole number from 1, not {text!r}", example)
    return int(number)


def _no_qualifier(m: re.Match[str], what: str) -> None:
    """Refuse a meaningful qualifier word before a rank or a doubling (达 is allowed)."""
    if m["pre"] is not None and _READING_OF_WORD[m["pre"]] is not None:
        raise _InvalidError(f"{what} cannot take the qualifier {m['pre']!r}", "drop it")


def _compact(m: re.Match[str]) -> str:
    return _WHITESPACE.sub("", m.group(0))


def _rank_quantity(m: re.Match[str]) -> Quantity:
    """第N (名/位): rank N, exact, [N, N] (a rank is a whole number: h = 0); 前N: [1, N]."""
    _no_qualifier(m, "a rank")
    n = _whole_number(m["num"], "a rank", "write e.g. '第3' or '第一'")
    top = m["rank"] == "前"
    interval = Interval(1.0 if top else float(n), float(n), True, True)
    return Quantity(
        text=m.group(0),
        value=float(n),
        unit="rank",
        qualifier="under" if top else "exact",
        strict=interval,
        lenient=interval,
        value_as_reported=_compact(m),
        unit_as_reported=m["rank_word"] or m["rank"],
    )


def _doubling_quantity(m: re.Match[str]) -> Quantity:
    """翻N番: now = 2**N times before; exact, [2**(N-1/2), 2**(N+1/2)] (half a doubling)."""
    _no_qualifier(m, "a doubling")
    n = _whole_number(m["num"], "the number of doublings", "write e.g. '翻两番'")
    if n > MAX_DOUBLINGS:
        raise _InvalidError(f"{n} doublings is more than {MAX_DOUBLINGS}", "check the number")
    multiple, half_step = Decimal(2) ** n, Decimal(2).sqrt()
    interval = _interval(multiple / half_step, multiple * half_step)
    return Quantity(
        text=m.group(0),
        value=float(multiple),
        unit="times",
        qualifier="exact",
        strict=interval,
        lenient=interval,
        value_as_reported=_compact(m),
        unit_as_reported=m["double_word"],
    )


def _fraction_quantity(m: re.Match[str]) -> Quantity:
    """N分之M: the percentage 100·M/N, with M's precision scaled by 100/N (七成 = 十分之七)."""
    den = m["den"]
    denominator = Decimal(10**4) if den == "万" else _number(den, None).value
    if denominator != denominator.to_integral_value() or denominator < 1:
        raise _InvalidError(
            f"the denominator of a fraction must be a whole number from 1, not {den!r}",
            "write e.g. '三分之二' or '百分之十二'",
        )
    number = _number(m["num"], None)
    scale = Decimal(100) / denominator
    stated = _Stated(
        value=number.value * scale,
        half=Decimal(5).scaleb(number.exponent - 1) * scale,
        half_nonzero=Decimal(5).scaleb(number.nonzero_exponent - 1) * scale,
        step=Decimal(1).scaleb(number.nonzero_exponent) * scale,
        floor=None,
        truncatable=True,
    )
    reading = _reading(m)
    strict, lenient = _RULES[reading](stated)
    return Quantity(
        text=m.group(0),
        value=float(stated.value),
        unit="percent",
        qualifier=_QUALIFIER_OF_READING[reading],
        strict=strict,
        lenient=lenient,
        value_as_reported=_compact(m),
        unit_as_reported=f"{den}分之",
    )


def _quantity(m: re.Match[str]) -> Quantity:
    if m["rank"] is not None:
        return _rank_quantity(m)
    if m["double"] is not None:
        return _doubling_quantity(m)
    if m["den"] is not None:
        return _fraction_quantity(m)
    return _number_quantity(m)


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
    return all(m[g] is None for g in ("unit", "rank", "double", "den"))


def _error(text: str, detail: str) -> QuantityParseError:
    return QuantityParseError(f"cannot parse quantity {text!r}: {detail}")


def quantity_from_match(m: re.Match[str]) -> Quantity:
    """Convert one match of :data:`QUANTITY_RE` to a :class:`Quantity`.

    Parameters
    ----------
    m : re.Match[str]
        A match of :data:`QUANTITY_RE` (from ``search``, ``finditer`` or ``fullmatch``).

    Returns
    -------
    Quantity
        Its ``text`` is the matched text, ``m.group(0)``.

    Raises
    ------
    QuantityParseError
        When the match breaks a rule the expression cannot check: no unit word (a bare number,
        a year), a malformed Chinese numeral, two qualifiers, a multiplier before %, a range
        with a qualifier or different units or backwards.

    Examples
    --------
    >>> m = QUANTITY_RE.search("服务科技型企业超过 500 家。")
    >>> q = quantity_from_match(m)
    >>> q.text, q.value, q.qualifier, q.lower_lenient
    ('超过 500 家', 500.0, 'over', 450.0)
    """
    try:
        return _quantity(m)
    except _InvalidError as exc:
        raise _error(m.group(0), f"{exc.problem}; {exc.fix}") from None


_EXPECTED: Final = (
    "expected a number with an optional qualifier (超, 近, 约, ...) and unit (亿元, %, 家, ...),"
    " e.g. '超1100亿元'"
)


def _diagnose(text: str, compact: str) -> QuantityParseError:
    """Build the error for a text that is not exactly one quantity: say what is wrong."""
    matches = list(QUANTITY_RE.finditer(compact))
    if not matches:
        return _error(text, _EXPECTED)
    if len(matches) > 1:
        found = ", ".join(repr(m.group(0)) for m in matches)
        return _error(text, f"it holds {len(matches)} quantities ({found}); give one at a time")
    m = matches[0]
    before, after = compact[: m.start()], compact[m.end() :]
    if is_bare_number(m) and not before and after[:1].isalpha():
        known = ", ".join(UNIT_WORDS)
        return _error(text, f"unknown unit {after!r}; write one of {known}")
    return _error(
        text,
        f"unexpected text {before + after!r} around the quantity {m.group(0)!r}; give only"
        " the number with its qualifier and unit, e.g. '超1100亿元'",
    )


def parse_quantity(text: str) -> Quantity:
    """Parse a text that is exactly one quantity (whitespace anywhere is ignored).

    Parameters
    ----------
    text : str
        E.g. ``"超 1100 亿元"``, ``"5948.82亿元"``, ``"近60%"``, ``"二十余场"``, ``"七成"``.

    Returns
    -------
    Quantity
        Its ``text`` is the input exactly as given.

    Raises
    ------
    QuantityParseError
        When the text is empty, holds no quantity or more than one, has an unknown unit or
        anything besides the quantity; the message quotes the text and says how to fix it.

    Examples
    --------
    >>> q = parse_quantity("5948.82 亿元")
    >>> q.value, q.unit, q.qualifier, q.lower, q.upper
    (594882000000.0, 'CNY', 'exact', 594881500000.0, 594882500000.0)
    >>> parse_quantity("七成").strict
    Interval(lower=65.0, upper=75.0, lower_closed=True, upper_closed=True)
    >>> parse_quantity("abc")
    Traceback (most recent call last):
    ...
    futian_indicators.errors.QuantityParseError: cannot parse quantity 'abc': expected a number \
with an optional qualifier (超, 近, 约, ...) and unit (亿元, %, 家, ...), e.g. '超1100亿元'
    """
    compact = _WHITESPACE.sub("", text)
    if not compact:
        raise _error(text, "the text is empty; give a number with its unit, e.g. '超1100亿元'")
    m = QUANTITY_RE.fullmatch(compact)
    if m is None:
        raise _diagnose(text, compact)
    return replace(quantity_from_match(m), text=text)
