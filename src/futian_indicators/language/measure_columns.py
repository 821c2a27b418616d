"""A measure's reading as the mentions table's seven columns, the common forms read in integers.

:func:`measure_columns` gives what
:func:`~futian_indicators.language.quantity.quantity_from_match` reads a match of the grammar
as, in the columns of :func:`~futian_indicators.language.mentions.extract_quantities` (value,
unit, qualifier, lower, upper, lower_lenient, upper_lenient), or None where the grammar refuses
the words. Most measures of a letter are an Arabic number with words around it: ``3个``,
``超1100亿元``, ``42%``, ``近60%``, ``5个以上``. Those are read here without building a
:class:`~futian_indicators.language.quantity.Quantity` (its ``value_as_reported``, its
intervals); every other form (a Chinese numeral, a range, 1亿2000万, a fraction, a doubling, a
rank, a factor that is no power of ten such as 亩) is read by ``quantity_from_match`` itself.

Why the fast path gives the very same floats
--------------------------------------------
- The words around the number (qualifier words, multiplier, unit word, rate, and the qualifier
  and unit the context gives) decide the unit word and the reading, that is which rule of the
  qualifier table applies (:mod:`futian_indicators.language.readings`). They are decided by the
  grammar's own functions (:func:`~futian_indicators.language.units.unit_word_of` and the
  reader of qualifier words), once for each combination of words, and kept: they never look at
  the number's digits.
- An Arabic number of at most 20 digits, its multiplier and a unit word's factor that is a power
  of ten make the stated number x = M·10**e exactly (M the digits as an integer), and h, h', s,
  the 约 and 近 bands (0.05x, 0.10x, 0.9x, 0.8x) are all whole multiples of 10**(e-3). So every
  end of every rule is an integer times 10**(e-3), computed here exactly with Python integers.
  The grammar computes the same ends in Decimal, exactly too: they have at most 24 significant
  digits, within Decimal's 28. The two paths end on one exact number, and both conversions to
  float (``float(Decimal)`` and the true division of two integers) round it correctly: the
  same float.

The tests compare both paths on the letters, the held-out sentences and random words
(``tests/test_fast_paths.py``).

Examples
--------
>>> from futian_indicators.language.grammar import QUANTITY_RE
>>> measure_columns(QUANTITY_RE.search("超1100亿元"))
(110000000000.0, 'CNY', 'over', 110000000000.0, inf, 105000000000.0, inf)
>>> measure_columns(QUANTITY_RE.search("近60%"))
(60.0, 'percent', 'nearly', 54.0, 60.0, 48.0, 60.0)
>>> measure_columns(QUANTITY_RE.search("两个")) == (2.0, 'count', 'exact', 1.5, 2.5, 1.5, 2.5)
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Final, NamedTuple

from ..errors import QuantityParseError
from .lexicon import MULTIPLIERS, TO_ASCII
from .numerals import GrammarError
from .quantity import quantity_from_match
from .readings import (
    APPROX_BAND,
    LENIENT_BAND_FACTOR,
    NEARLY_BAND,
    NON_NEGATIVE_UNITS,
    QUALIFIER_OF_READING,
    TRUNCATED_UNITS,
    match_reading,
)
from .units import unit_word_of

__all__ = ["Columns", "measure_columns"]

#: value, unit, qualifier, lower, upper, lower_lenient, upper_lenient
Columns = tuple[float, str, str, float, float, float, float]

#: The groups of the forms other than a number with words around it: a rank (第3), a doubling
#: (翻两番), a range (3560-3570亿元), a fraction (三分之二, 1/3) and a number of two sections
#: (1亿2000万). Each of those forms sets its group here; the other groups of those forms (mult1,
#: unit1, sep, himult, slash, share, rank_word, double_word, double_more) are set only with it.
#: So where these are all None, the match is a number with words around it and nothing else:
#: the groups of :data:`_WORD_KEY` and ``num``, white space and the / of a rate.
_FORM_GROUPS: Final = ("rank", "double", "num1", "den", "hi", "over")
_NO_FORM: Final = (None,) * len(_FORM_GROUPS)
#: The words around the number, which decide its unit and its reading.
_WORD_KEY: Final = ("pre", "more", "mult", "more_after_mult", "unit", "per", "post")
#: The most digits read in integers (the ends then keep within Decimal's 28 digits).
_MAX_DIGITS: Final = 20
#: The readings of a single number the integer path computes: every rule of the table.
_READINGS: Final = frozenset(
    {"exact", "approx", "over", "more", "more_written", "at_least", "nearly"}
    | {"under_closed", "under_open"}
)
_PER_MILLE: Final = 1000


def _thousandths(share: Decimal) -> int:
    """A band as whole thousandths of x (the integer path counts in units of 10**(e-3))."""
    count = share * _PER_MILLE
    if count != count.to_integral_value():
        msg = f"the integer path needs bands in whole thousandths of the number, not {share}"
        raise AssertionError(msg)
    return int(count)


_APPROX: Final = _thousandths(APPROX_BAND)  # 约: 0.05x
_APPROX_WIDE: Final = _thousandths(LENIENT_BAND_FACTOR * APPROX_BAND)  # 0.10x
_NEARLY: Final = _thousandths(1 - NEARLY_BAND)  # 近: 0.9x
_NEARLY_WIDE: Final = _thousandths(1 - LENIENT_BAND_FACTOR * NEARLY_BAND)  # 0.8x


#: An end of an interval in units of 10**(e-3) (an integer), or -inf or inf: lower, upper,
#: lower_lenient, upper_lenient.
_Ends = tuple[float, float, float, float]


class _Words(NamedTuple):
    """What the words around a number decide: its unit, its reading, the unit word's factor."""

    unit: str
    qualifier: str  # the column: the qualifier of the reading
    shift: int | None  # multiplier + power of the factor - 3; None: no power of ten (亩), a range
    ends: Callable[[int, int], _Ends]  # the reading's rule in units of 10**(e-3)


#: The decisions of the words, by the words (a combination of grammar words: a few hundred).
_WORDS_CACHE: dict[object, _Words | None] = {}
_WORDS_CACHE_SIZE: Final = 4096


def _power_of_ten(factor: Decimal) -> int | None:
    """The power of ten ``factor`` is, or None (亩: 2000/3 m2)."""
    sign, digits, exponent = factor.normalize().as_tuple()
    return exponent if sign == 0 and digits == (1,) and isinstance(exponent, int) else None


def _words(m: re.Match[str], outer: str | None, unit: str | None) -> _Words | None:
    """The unit and reading of a match's words, or None where the grammar refuses them.

    As the grammar decides them (``_number_quantity``: the unit word, then the qualifier words).
    """
    try:
        word = unit_word_of(m)
        reading = match_reading(m, outer)
    except GrammarError:
        return None
    base = word.unit if unit is None else unit
    power = _power_of_ten(word.factor) if reading in _READINGS else None
    multiplier = 0 if m["mult"] is None else MULTIPLIERS[m["mult"]]
    return _Words(
        base,
        QUALIFIER_OF_READING[reading],
        None if power is None else multiplier + power - 3,
        _rule(reading, base in NON_NEGATIVE_UNITS, base in TRUNCATED_UNITS),
    )


#: 10**k for the exponents a number of at most 20 digits with a multiplier and a unit can have.
_POWERS: Final[tuple[int, ...]] = tuple(10**k for k in range(64))
#: 10**k as a float, for the k it is exact for (10**22 is the last).
_FLOAT_POWERS: Final[tuple[float, ...]] = tuple(float(10**k) for k in range(23))
#: Below this n every end is below 2**53 (the ends are at most 2000n + 1000): an exact float.
_FLOAT_EXACT_N: Final = 10**12
_HALF: Final = _PER_MILLE // 2  # h: half a unit of the last written digit
#: h' by the count of trailing zeros of the written digits: half a unit of the last non-zero.
_HALF_NONZERO: Final[tuple[int, ...]] = tuple(_HALF * power for power in _POWERS[: _MAX_DIGITS + 1])
_INF: Final = math.inf


def _rule(rule: str, floor: bool, truncatable: bool) -> Callable[[int, int], _Ends]:
    """The ends of a rule of :mod:`~futian_indicators.language.readings` in units of 10**(e-3).

    The function returned takes ``n``, the number's digits as an integer (x = n·10**e, e the
    power of ten of its last written digit, so x is 1000n units), and ``half_nonzero``, h' in
    those units, and returns (lower, upper, lower_lenient, upper_lenient), integers or -inf and
    inf for an infinite end. Each is the rule function of the same name; ``floor``: the unit
    cannot be negative (L = 0); ``truncatable``: a share may be truncated.

    No lower end reaches below L, nor a stated 0 below 0: for n >= 1 every lower end here is
    above 0 (h, h' and the 约 bands are at most x/2), so only a stated 0 is floored.
    """

    def exact(n: int, half_nonzero: int) -> _Ends:
        x = _PER_MILLE * n
        upper = x + half_nonzero
        if truncatable and half_nonzero < 2 * _HALF:  # max(x + h', x + 2h)
            upper = x + 2 * _HALF
        if n:
            return x - _HALF, x + _HALF, x - half_nonzero, upper
        return 0, _HALF, 0, upper

    def approx(n: int, half_nonzero: int) -> _Ends:
        x = _PER_MILLE * n
        band = max(_HALF, _APPROX * n)
        wide = max(half_nonzero, _APPROX_WIDE * n)
        if n:
            return x - band, x + band, x - wide, x + wide
        return 0, band, 0, wide

    def over(n: int, half_nonzero: int) -> _Ends:  # (x, inf) or [x, inf); lenient [x - h', inf)
        x = _PER_MILLE * n
        return x, _INF, x - half_nonzero if n else 0, _INF

    def more(n: int, half_nonzero: int) -> _Ends:
        x, step = _PER_MILLE * n, 2 * half_nonzero  # s: a unit of the last non-zero digit
        return x, x + step, x, x + step

    def more_written(n: int, half_nonzero: int) -> _Ends:  # the step of the last written digit
        x = _PER_MILLE * n
        return x, x + _PER_MILLE, x, x + _PER_MILLE

    def nearly(n: int, half_nonzero: int) -> _Ends:
        x = _PER_MILLE * n
        return _NEARLY * n, x, _NEARLY_WIDE * n, x

    def under(n: int, half_nonzero: int) -> _Ends:  # [L, x], [L, x + h'], L = 0 or -inf
        x, bottom = _PER_MILLE * n, 0 if floor else -_INF
        return bottom, x, bottom, x + half_nonzero

    rules = {"exact": exact, "approx": approx, "over": over, "at_least": over, "more": more}
    rules |= {"more_written": more_written, "nearly": nearly}
    return rules.get(rule, under)  # under_closed, under_open


def _columns(n: int, half_nonzero: int, exponent: int, words: _Words) -> Columns:
    """The columns of an Arabic number by integers: its digits ``n``, and h' (``half_nonzero``).

    Each end v (an integer count of units of 10**exponent, or an infinity) becomes the float
    v·10**exponent, correctly rounded, so as ``float(Decimal)`` rounds the same number:

    - where v and 10**|exponent| are exact floats (n below :data:`_FLOAT_EXACT_N`, |exponent|
      at most 22), by one float product or quotient of the two, which rounds once;
    - elsewhere by integers: a product of integers is exact (and its float rounds once), a
      true division of two integers rounds once.

    An infinity stays one.
    """
    lower, upper, lower_lenient, upper_lenient = words.ends(n, half_nonzero)
    x = _PER_MILLE * n
    if n < _FLOAT_EXACT_N and -22 <= exponent <= 22:
        if exponent >= 0:
            scale = _FLOAT_POWERS[exponent]
            return (
                x * scale,
                words.unit,
                words.qualifier,
                lower * scale,
                upper * scale,
                lower_lenient * scale,
                upper_lenient * scale,
            )
        den = _FLOAT_POWERS[-exponent]
        return (
            x / den,
            words.unit,
            words.qualifier,
            lower / den,
            upper / den,
            lower_lenient / den,
            upper_lenient / den,
        )
    if exponent >= 0:
        power = _POWERS[exponent]
        return (
            float(x * power),
            words.unit,
            words.qualifier,
            float(lower * power),
            float(upper * power),
            float(lower_lenient * power),
            float(upper_lenient * power),
        )
    divisor = _POWERS[-exponent]
    return (
        x / divisor,
        words.unit,
        words.qualifier,
        lower / divisor,
        upper / divisor,
        lower_lenient / divisor,
        upper_lenient / divisor,
    )


class _Layout(NamedTuple):
    """Where the grammar's groups are in the groups of a pattern (the grammar's, or the scan's)."""

    pattern: re.Pattern[str]
    forms: tuple[int, ...]  # the numbers of the _FORM_GROUPS
    words: tuple[int, ...]  # of the _WORD_KEY
    num: int  # of the number


#: The layouts of the patterns read, by their id (a pattern's hash reads all of its code).
_LAYOUTS: dict[int, _Layout] = {}


def _layout(pattern: re.Pattern[str]) -> _Layout:
    """The layout of a pattern that holds the grammar's groups, made once for each pattern."""
    if len(_LAYOUTS) >= _WORDS_CACHE_SIZE:
        _LAYOUTS.clear()
    index = pattern.groupindex
    layout = _LAYOUTS[id(pattern)] = _Layout(
        pattern,
        tuple(index[name] for name in _FORM_GROUPS),
        tuple(index[name] for name in _WORD_KEY),
        index["num"],
    )
    return layout


def measure_columns(
    m: re.Match[str], outer: str | None = None, unit: str | None = None
) -> Columns | None:
    """The columns of a match of the grammar, or None where the grammar refuses its words.

    ``m`` is a match of :data:`~futian_indicators.language.grammar.QUANTITY_RE`, or of a pattern
    that holds it (the scan of :mod:`~futian_indicators.language.mentions`). ``outer`` and
    ``unit`` are those of :func:`~futian_indicators.language.quantity.quantity_from_match`: a
    qualifier and a base unit the words around the match give it.
    """
    pattern = m.re
    layout = _LAYOUTS.get(id(pattern))
    if layout is None or layout.pattern is not pattern:
        layout = _layout(pattern)
    if m.group(*layout.forms) == _NO_FORM:  # a number with words around it
        # the words, without the number (and with what the context gives, where it does)
        key: object = m.group(*layout.words)
        if outer is not None or unit is not None:
            key = (key, outer, unit)
        try:
            words = _WORDS_CACHE[key]
        except KeyError:
            if len(_WORDS_CACHE) >= _WORDS_CACHE_SIZE:
                _WORDS_CACHE.clear()
            words = _WORDS_CACHE[key] = _words(m, outer, unit)
        if words is None:
            return None
        num = m.group(layout.num)
        if num.isdigit() and num.isascii():  # a whole number in ASCII digits: most are
            written, exponent = num, words.shift
        else:  # TO_ASCII changes an ASCII number only where it drops a separator (1,234)
            plain = num.isascii() and "," not in num and " " not in num
            whole, _, decimals = (num if plain else num.translate(TO_ASCII)).partition(".")
            written = whole + decimals if decimals else whole
            if not (written.isascii() and written.isdigit()):
                written = ""
            exponent = None if words.shift is None else words.shift - len(decimals)
        # else no power of ten (亩), or no such number (a Chinese numeral, too many digits)
        if exponent is not None and 0 < len(written) <= _MAX_DIGITS:
            n = int(written)
            zeros = len(written) - len(written.rstrip("0")) if n else 0
            return _columns(n, _HALF_NONZERO[zeros], exponent, words)
    try:
        q = quantity_from_match(m, outer=outer, unit=unit)
    except QuantityParseError:
        return None
    return (q.value, q.unit, q.qualifier, q.lower, q.upper, q.lower_lenient, q.upper_lenient)
