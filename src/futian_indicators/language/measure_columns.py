"""A measure's reading as the mentions table's seven columns, the common forms read in integers.

:func:`measure_table` gives what
:func:`~futian_indicators.language.quantity.quantity_from_match` reads matches of the grammar as,
in the columns of :func:`~futian_indicators.language.mentions.extract_quantities` (value, unit,
qualifier, lower, upper, lower_lenient, upper_lenient): a row for each match, NaN and None where
the grammar refuses the words; :func:`measure_columns` gives the row of one match (None where
refused). Each text is read once. Most measures of a letter are an Arabic number with words
around it: ``3个``, ``超1100亿元``, ``42%``, ``近60%``, ``5个以上``. Those are read here, all of
them at once as arrays, without building a
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
  end of every rule is an integer count of 10**(e-3), and computed here exactly. The grammar
  computes the same ends in Decimal, exactly too: they have at most 24 significant digits,
  within Decimal's 28. The two paths end on one exact number, and both round it correctly to a
  float: the grammar by ``float(Decimal)``; this path, where M is below 10**12 and |e-3| at most
  22, in float64, since the counts (integers below 2**53) and 10**|e-3| are exact floats, their
  sums and products exact, and the one product or quotient of a count and the power of ten
  rounds once; elsewhere in Python integers, whose product is exact and whose true division
  rounds once. The same float.

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
>>> found = list(QUANTITY_RE.finditer("3个、超3个、3个、三个"))
>>> table = measure_table(found, [None] * 4, [None] * 4)
>>> table["value"].tolist(), table["qualifier"].tolist()
([3.0, 3.0, 3.0, 3.0], ['exact', 'over', 'exact', 'exact'])
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import compress
from operator import itemgetter
from typing import Final, NamedTuple

import numpy as np

from ..errors import QuantityParseError
from .lexicon import MULTIPLIERS, TO_ASCII
from .mention_table import READING_COLUMNS, missing_columns
from .numerals import GrammarError
from .quantity import quantity_from_match
from .readings import (
    APPROX_BAND,
    LENIENT_BAND_FACTOR,
    NEARLY_BAND,
    NON_NEGATIVE_UNITS,
    QUALIFIER_OF_READING,
    RULES,
    TRUNCATED_UNITS,
    match_reading,
)
from .units import unit_word_of

__all__ = ["Columns", "measure_columns", "measure_table"]

#: value, unit, qualifier, lower, upper, lower_lenient, upper_lenient
Columns = tuple[float, str, str, float, float, float, float]
_NUMERIC_COLUMNS: Final = ("value", "lower", "upper", "lower_lenient", "upper_lenient")

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
_READINGS: Final = frozenset(RULES)
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


#: The readings whose rules the integer path computes under another rule's name.
_RULE_OF_READING: Final = {"at_least": "over", "under_closed": "under", "under_open": "under"}


class _Decision(NamedTuple):
    """What the words around a number decide of its columns: its unit and its reading."""

    unit: str
    qualifier: str  # the column: the qualifier of the reading
    rule: int  # the reading's rule: its number in _RULES
    floor: bool  # the unit cannot be negative (L = 0)
    truncatable: bool  # a share may be truncated


#: Every decision made, numbered in the order made: one for each unit and reading at most, so
#: a few hundred (the arrays of :func:`_fill_plain` take them by number).
_DECISIONS: dict[_Decision, int] = {}


class _Words(NamedTuple):
    """What the words around a number decide: the unit word's factor, the unit and reading."""

    shift: int  # multiplier + power of ten of the factor - 3
    decision: int  # the unit and reading: its number in _DECISIONS


#: The decisions of the words, by the words (a combination of grammar words: a few hundred).
_WORDS_CACHE: dict[object, _Words | None] = {}
_WORDS_CACHE_SIZE: Final = 4096


def _power_of_ten(factor: Decimal) -> int | None:
    """The power of ten ``factor`` is, or None (亩: 2000/3 m2)."""
    sign, digits, exponent = factor.normalize().as_tuple()
    return exponent if sign == 0 and digits == (1,) and isinstance(exponent, int) else None


def _words(m: re.Match[str], outer: str | None, unit: str | None) -> _Words | None:
    """The unit and reading of a match's words, or None where this path does not read them.

    As the grammar decides them (``_number_quantity``: the unit word, then the qualifier
    words); None where the grammar refuses them or the unit word's factor is no power of ten.
    """
    try:
        word = unit_word_of(m)
        reading = match_reading(m, outer)
    except GrammarError:
        return None
    power = _power_of_ten(word.factor) if reading in _READINGS else None
    if power is None:
        return None
    base = word.unit if unit is None else unit
    decision = _Decision(
        base,
        QUALIFIER_OF_READING[reading],
        _RULE_NAMES.index(_RULE_OF_READING.get(reading, reading)),
        base in NON_NEGATIVE_UNITS,
        base in TRUNCATED_UNITS,
    )
    shift = (0 if m["mult"] is None else MULTIPLIERS[m["mult"]]) + power - 3
    return _Words(shift, _DECISIONS.setdefault(decision, len(_DECISIONS)))


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
    layout = _LAYOUTS.get(id(pattern))
    if layout is not None and layout.pattern is pattern:
        return layout
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


def _plain(
    m: re.Match[str], outer: str | None, unit: str | None, layout: _Layout
) -> tuple[str, int, int] | None:
    """An Arabic number with words the integer path reads: its digits, exponent and decision.

    The digits are those written (without a separator or the point), the number being
    digits·10**(exponent + 3), the decision the number of its unit and reading in
    :data:`_DECISIONS`; None where the path does not read the match (another form, a Chinese
    numeral, more than :data:`_MAX_DIGITS` digits, no power of ten, words refused).
    """
    if m.group(*layout.forms) != _NO_FORM:  # a rank, a doubling, a range, a fraction
        return None
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
            return None
        exponent = words.shift - len(decimals)
    return (written, exponent, words.decision) if 0 < len(written) <= _MAX_DIGITS else None


# ---------------------------------------------------------------------------------------------
# The rules, for many numbers at once
# ---------------------------------------------------------------------------------------------
# Each rule below is the rule function of the same name of readings, in counts of 10**(e-3) of
# arrays of numbers n (x = 1000n: n·10**e, e the power of ten of its last written digit), with
# h' of each (half_nonzero) and its unit's floor (L = 0) and truncatable (a share may be
# truncated), and gives (lower, upper, lower_lenient, upper_lenient), -inf and inf for an
# infinite end. No lower end reaches below L, nor a stated 0 below 0: for n >= 1 every lower
# end here is above 0 (h, h' and the 约 bands are at most x/2), so only a stated 0 is floored.

_HALF: Final = _PER_MILLE // 2  # h: half a unit of the last written digit
#: The largest k for which 10**k is an exact float.
_FLOAT_EXACT_POWER: Final = 22
_FLOAT_POWERS: Final = np.array([float(10**k) for k in range(_FLOAT_EXACT_POWER + 1)])
#: Below this n every end is below 2**53 (the ends are at most 2000n + 1000): an exact float.
_FLOAT_EXACT_N: Final = 10**12

Array = np.ndarray
#: lower, upper, lower_lenient, upper_lenient (arrays, in counts of 10**(e-3))
_Ends = tuple[Array, Array, Array, Array]


def _half_nonzero(n: np.ndarray) -> np.ndarray:
    """The h' of each n in counts: half a unit of its last non-zero digit (last written for 0)."""
    unit = np.ones_like(n)
    for _ in range(_MAX_DIGITS):
        zero = (n % (unit * 10) == 0) & (n != 0)
        if not zero.any():
            break
        unit = np.where(zero, unit * 10, unit)
    return _HALF * unit


def _exact(x: Array, n: Array, half_nonzero: Array, floor: Array, truncatable: Array) -> _Ends:
    upper = x + half_nonzero
    upper = np.where(truncatable & (half_nonzero < 2 * _HALF), x + 2 * _HALF, upper)
    zero = n == 0  # a stated 0: no end below 0
    return np.where(zero, 0, x - _HALF), x + _HALF, np.where(zero, 0, x - half_nonzero), upper


def _approx(x: Array, n: Array, half_nonzero: Array, floor: Array, truncatable: Array) -> _Ends:
    band = np.maximum(_HALF, _APPROX * n)
    wide = np.maximum(half_nonzero, _APPROX_WIDE * n)
    zero = n == 0
    return np.where(zero, 0, x - band), x + band, np.where(zero, 0, x - wide), x + wide


def _over(x: Array, n: Array, half_nonzero: Array, floor: Array, truncatable: Array) -> _Ends:
    """(x, inf) or [x, inf); lenient [x - h', inf)."""
    inf = np.full_like(x, math.inf)
    return x, inf, np.where(n == 0, 0, x - half_nonzero), inf


def _more(x: Array, n: Array, half_nonzero: Array, floor: Array, truncatable: Array) -> _Ends:
    step = 2 * half_nonzero  # s: a unit of the last non-zero digit
    return x, x + step, x, x + step


def _more_written(
    x: Array, n: Array, half_nonzero: Array, floor: Array, truncatable: Array
) -> _Ends:
    """The step of the last written digit (30万余)."""
    return x, x + _PER_MILLE, x, x + _PER_MILLE


def _nearly(x: Array, n: Array, half_nonzero: Array, floor: Array, truncatable: Array) -> _Ends:
    return _NEARLY * n, x, _NEARLY_WIDE * n, x


def _under(x: Array, n: Array, half_nonzero: Array, floor: Array, truncatable: Array) -> _Ends:
    """[L, x], [L, x + h'], L = 0 or -inf."""
    bottom = np.where(floor, 0, -math.inf).astype(x.dtype)
    return bottom, x, bottom, x + half_nonzero


#: The rules of the readings the integer path computes, by name; a decision keeps a rule's
#: number, its place here.
_RULE_OF_NAME: Final = {
    "exact": _exact,
    "approx": _approx,
    "over": _over,
    "more": _more,
    "more_written": _more_written,
    "nearly": _nearly,
    "under": _under,
}
_RULE_NAMES: Final = tuple(_RULE_OF_NAME)
_RULES: Final = tuple(_RULE_OF_NAME.values())


def _ends(n: Array, rule: Array, floor: Array, truncatable: Array) -> _Ends:
    """The ends of many numbers n, each by its rule (its number in :data:`_RULES`)."""
    x, half_nonzero = _PER_MILLE * n, _half_nonzero(n)
    ends = tuple(np.empty_like(x) for _ in range(4))
    for number, rule_of in enumerate(_RULES):
        at = rule == number
        if at.any():
            these = rule_of(x[at], n[at], half_nonzero[at], floor[at], truncatable[at])
            for end, values in zip(ends, these, strict=True):
                end[at] = values
    return ends  # type: ignore[return-value]


def _float_columns(
    n: Array, exponent: Array, rule: Array, floor: Array, truncatable: Array
) -> list[Array]:
    """value, lower, upper, lower_lenient, upper_lenient of numbers n·10**(exponent + 3).

    ``n`` holds integers: an array of float64 where every end is an exact float (n below
    :data:`_FLOAT_EXACT_N`, |exponent| at most 22), else an array of Python integers.
    """
    if n.dtype == object:
        mul = np.array([10 ** max(e, 0) for e in exponent.tolist()], dtype=object)
        div = np.array([10 ** max(-e, 0) for e in exponent.tolist()], dtype=object)
    else:
        mul, div = _FLOAT_POWERS[np.maximum(exponent, 0)], _FLOAT_POWERS[np.maximum(-exponent, 0)]
    ends = (_PER_MILLE * n, *_ends(n, rule, floor, truncatable))
    return [(v * mul / div).astype(np.float64) for v in ends]


def measure_table(
    matches: Sequence[re.Match[str]],
    outers: Sequence[str | None],
    units: Sequence[str | None],
) -> dict[str, np.ndarray]:
    """The columns of many matches of the grammar, each with its ``outer`` and ``unit``.

    The columns (value, unit, qualifier, lower, upper, lower_lenient, upper_lenient) have a row
    for each match: the columns of :func:`measure_columns`, and where the grammar refuses the
    words NaN and None. The words of a match are read once for each text.
    """
    slots: list[int] = []  # the reading of each match: its place among the texts
    slot_of: dict[object, int] = {}
    plain: list[tuple[str, int, int]] = []
    plain_slots: list[int] = []
    others: list[Columns | None] = []
    other_slots: list[int] = []
    pattern: re.Pattern[str] | None = None  # the pattern of the last match read, and its layout
    layout: _Layout
    for m, outer, unit in zip(matches, outers, units, strict=True):
        key = m.group(0) if outer is None and unit is None else (m.group(0), outer, unit)
        slot = slot_of.setdefault(key, new := len(slot_of))
        if slot == new:  # a text not read before
            if m.re is not pattern:
                pattern = m.re
                layout = _layout(pattern)
            number = _plain(m, outer, unit, layout)
            if number is not None:
                plain.append(number)
                plain_slots.append(slot)
            else:
                others.append(_read(m, outer, unit))
                other_slots.append(slot)
        slots.append(slot)
    columns = missing_columns(len(slot_of), READING_COLUMNS)
    if plain:
        _fill_plain(columns, plain_slots, plain)
    read = [(slot, values) for slot, values in zip(other_slots, others, strict=True) if values]
    if read:
        slots_read, values = zip(*read, strict=True)
        at = np.array(slots_read, dtype=np.intp)
        for name, column in zip(READING_COLUMNS, zip(*values, strict=True), strict=True):
            columns[name][at] = column
    index = np.array(slots, dtype=np.intp)
    return {name: column[index] for name, column in columns.items()}


def _fill_plain(
    columns: dict[str, np.ndarray], slots: list[int], plain: list[tuple[str, int, int]]
) -> None:
    """Fill the rows ``slots`` of the columns with the readings of numbers of :func:`_plain`."""
    count, at = len(plain), np.array(slots, dtype=np.intp)
    written = list(map(itemgetter(0), plain))
    exponent = np.fromiter(map(itemgetter(1), plain), dtype=np.int64, count=count)
    decision = np.fromiter(map(itemgetter(2), plain), dtype=np.intp, count=count)
    units, qualifiers, rules, floors, truncatables = zip(*_DECISIONS, strict=True)  # by number
    columns["unit"][at] = np.array(units, dtype=object)[decision]
    columns["qualifier"][at] = np.array(qualifiers, dtype=object)[decision]
    decisions = [np.array(values)[decision] for values in (rules, floors, truncatables)]
    n = np.array(written, dtype=np.float64)  # exact below 2**53
    exact = (n < _FLOAT_EXACT_N) & (np.abs(exponent) <= _FLOAT_EXACT_POWER)
    for part in (exact, ~exact):
        if part.any():
            if part is exact:
                numbers = n[part]
            else:  # in Python integers
                numbers = np.array([int(w) for w in compress(written, part)], dtype=object)
            values = _float_columns(numbers, exponent[part], *(d[part] for d in decisions))
            for name, column in zip(_NUMERIC_COLUMNS, values, strict=True):
                columns[name][at[part]] = column


def _read(m: re.Match[str], outer: str | None, unit: str | None) -> Columns | None:
    """The columns the grammar reads a match as, or None where it refuses the words."""
    try:
        q = quantity_from_match(m, outer=outer, unit=unit)
    except QuantityParseError:
        return None
    return (q.value, q.unit, q.qualifier, q.lower, q.upper, q.lower_lenient, q.upper_lenient)


def measure_columns(
    m: re.Match[str], outer: str | None = None, unit: str | None = None
) -> Columns | None:
    """The columns of a match of the grammar, or None where the grammar refuses its words.

    ``m`` is a match of :data:`~futian_indicators.language.grammar.QUANTITY_RE`, or of a pattern
    that holds it (the scan of :mod:`~futian_indicators.language.mentions`). ``outer`` and
    ``unit`` are those of :func:`~futian_indicators.language.quantity.quantity_from_match`: a
    qualifier and a base unit the words around the match give it. One row of
    :func:`measure_table`.
    """
    row = {name: column[0] for name, column in measure_table([m], [outer], [unit]).items()}
    if row["unit"] is None:
        return None
    value, lower, upper, lower_lenient, upper_lenient = (float(row[n]) for n in _NUMERIC_COLUMNS)
    return (value, row["unit"], row["qualifier"], lower, upper, lower_lenient, upper_lenient)
