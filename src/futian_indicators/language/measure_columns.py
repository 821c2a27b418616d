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

#: The groups of a number with words around it; when they make up the whole match (the rest
#: being white space and the / of a rate), the match is that form and nothing else (no 第, 翻,
#: 分之, range or second number, each of which is a group of its own).
_WORD_GROUPS: Final = ("pre", "num", "more", "mult", "more_after_mult", "unit", "per", "post")
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


#: An end of an interval in units of 10**(e-3), or None where it is infinite: lower, upper,
#: lower_lenient, upper_lenient.
_Ends = tuple[int | None, int | None, int | None, int | None]


class _Words(NamedTuple):
    """What the words around a number decide: its unit, its reading, the unit word's factor."""

    unit: str
    qualifier: str  # the column: the qualifier of the reading
    shift: int | None  # multiplier + power of the factor - 3; None: no power of ten (亩), a range
    ends: Callable[[int, str], _Ends]  # the reading's rule in units of 10**(e-3)


#: The decisions of the words, by the words (a combination of grammar words: a few hundred).
_WORDS_CACHE: dict[tuple[str | None, ...], _Words | None] = {}
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
_HALF: Final = _PER_MILLE // 2  # h: half a unit of the last written digit


def _half_nonzero(n: int, written: str) -> int:
    """h': half a unit of the last non-zero digit (of the last written one for 0)."""
    zeros = len(written) - len(written.rstrip("0")) if n else 0
    return _PER_MILLE * _POWERS[zeros] // 2


def _rule(rule: str, floor: bool, truncatable: bool) -> Callable[[int, str], _Ends]:
    """The ends of a rule of :mod:`~futian_indicators.language.readings` in units of 10**(e-3).

    The function returned takes ``n``, the number's digits as an integer, and ``written``,
    those digits (x = n·10**e, e the power of ten of its last written digit, so x is 1000n
    units), and returns (lower, upper, lower_lenient, upper_lenient), None for an infinite end.
    Each is the rule function of the same name; ``floor``: the unit cannot be negative (no
    lower end below 0, nor below 0 for a stated 0); ``truncatable``: a share may be truncated.
    """

    def exact(n: int, written: str) -> _Ends:
        x, half_nonzero = _PER_MILLE * n, _half_nonzero(n, written)
        upper = max(x + half_nonzero, x + 2 * _HALF) if truncatable else x + half_nonzero
        if floor or n == 0:
            return max(x - _HALF, 0), x + _HALF, max(x - half_nonzero, 0), upper
        return x - _HALF, x + _HALF, x - half_nonzero, upper

    def approx(n: int, written: str) -> _Ends:
        x = _PER_MILLE * n
        band = max(_HALF, _APPROX * n)
        wide = max(_half_nonzero(n, written), _APPROX_WIDE * n)
        if floor or n == 0:
            return max(x - band, 0), x + band, max(x - wide, 0), x + wide
        return x - band, x + band, x - wide, x + wide

    def over(n: int, written: str) -> _Ends:  # (x, inf) or [x, inf); lenient [x - h', inf)
        x = _PER_MILLE * n
        lower_lenient = x - _half_nonzero(n, written)
        return x, None, max(lower_lenient, 0) if floor or n == 0 else lower_lenient, None

    def more(n: int, written: str) -> _Ends:
        x, step = _PER_MILLE * n, 2 * _half_nonzero(n, written)  # s: a unit of the last non-zero
        return x, x + step, x, x + step

    def more_written(n: int, written: str) -> _Ends:  # the step of the last written digit
        x = _PER_MILLE * n
        return x, x + _PER_MILLE, x, x + _PER_MILLE

    def nearly(n: int, written: str) -> _Ends:
        x = _PER_MILLE * n
        return _NEARLY * n, x, _NEARLY_WIDE * n, x

    def under(n: int, written: str) -> _Ends:  # [L, x], [L, x + h'], L = 0 or -inf
        x, bottom = _PER_MILLE * n, 0 if floor else None
        return bottom, x, bottom, x + _half_nonzero(n, written)

    rules = {"exact": exact, "approx": approx, "over": over, "at_least": over, "more": more}
    rules |= {"more_written": more_written, "nearly": nearly}
    return rules.get(rule, under)  # under_closed, under_open


def _columns(n: int, written: str, exponent: int, words: _Words) -> Columns:
    """The columns of an Arabic number by integers: its digits ``n``, written ``written``.

    Each end v (an integer count of units of 10**exponent) becomes the float v·10**exponent,
    correctly rounded: a product of integers is exact (and its float rounds once), a true
    division of two integers rounds once (as ``float(Decimal)`` rounds the same number).
    """
    lower, upper, lower_lenient, upper_lenient = words.ends(n, written)
    if exponent >= 0:
        scale = _POWERS[exponent]
        return (
            float(_PER_MILLE * n * scale),
            words.unit,
            words.qualifier,
            -math.inf if lower is None else float(lower * scale),
            math.inf if upper is None else float(upper * scale),
            -math.inf if lower_lenient is None else float(lower_lenient * scale),
            math.inf if upper_lenient is None else float(upper_lenient * scale),
        )
    den = _POWERS[-exponent]
    return (
        _PER_MILLE * n / den,
        words.unit,
        words.qualifier,
        -math.inf if lower is None else lower / den,
        math.inf if upper is None else upper / den,
        -math.inf if lower_lenient is None else lower_lenient / den,
        math.inf if upper_lenient is None else upper_lenient / den,
    )


def measure_columns(
    m: re.Match[str], outer: str | None = None, unit: str | None = None
) -> Columns | None:
    """The columns of a match of the grammar, or None where the grammar refuses its words.

    ``outer`` and ``unit`` are those of
    :func:`~futian_indicators.language.quantity.quantity_from_match`: a qualifier and a base
    unit the words around the match give it.
    """
    groups = m.group(*_WORD_GROUPS)
    covered = sum(map(len, filter(None, groups))) + (groups[6] is not None)
    length = m.end() - m.start()
    num = groups[1]
    if num is not None and (
        covered == length or covered == length - sum(c.isspace() for c in m.group(0))
    ):
        key = (groups[0], *groups[2:], outer, unit)  # the words, without the number
        try:
            words = _WORDS_CACHE[key]
        except KeyError:
            if len(_WORDS_CACHE) >= _WORDS_CACHE_SIZE:
                _WORDS_CACHE.clear()
            words = _WORDS_CACHE[key] = _words(m, outer, unit)
        if words is None:
            return None
        # TO_ASCII changes an ASCII number only where it drops a separator (1,234 or 1 234)
        plain = num.isascii() and "," not in num and " " not in num
        whole, _, decimals = (num if plain else num.translate(TO_ASCII)).partition(".")
        written = whole + decimals if decimals else whole
        digits = written.isascii() and written.isdigit() and len(written) <= _MAX_DIGITS
        if words.shift is not None and digits:  # else no power of ten, or no such number
            return _columns(int(written), written, words.shift - len(decimals), words)
    try:
        q = quantity_from_match(m, outer=outer, unit=unit)
    except QuantityParseError:
        return None
    return (q.value, q.unit, q.qualifier, q.lower, q.upper, q.lower_lenient, q.upper_lenient)
