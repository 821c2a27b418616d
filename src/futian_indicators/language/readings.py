"""Qualifier readings: the interval rules that turn a stated number into what the words allow.

A qualifier word (超, 近, 约, 余, 以上, ...; :mod:`futian_indicators.language.lexicon`) names a
*reading*; each reading is one rule function below that turns the stated number (a
:class:`Stated`: its value and precision in base units) into two intervals, the *strict*
interval the words allow and a *lenient* one that also allows loose rounding (DESIGN.md,
"Intervals: what the words allow"). :mod:`futian_indicators.language.quantity` reads the words;
this module says what they mean.

Qualifiers and intervals
------------------------
Notation: x is the stated number in base units; h is half a unit of its last written digit
(5948.82亿 -> 0.005亿; 19.3% -> 0.05; 一千二百 -> 50); h' is half a unit of its last non-zero
digit (1100 -> 50; 10000 -> 5000); s is one unit of its last non-zero digit (20 -> 10);
a = :data:`APPROX_BAND`, n = :data:`NEARLY_BAND`, k = :data:`LENIENT_BAND_FACTOR`;
L = 0 for :data:`NON_NEGATIVE_UNITS`, -inf otherwise. Each row is one documented rule function.

The words of each reading are in :mod:`futian_indicators.language.lexicon`
(:data:`~futian_indicators.language.lexicon.READING_OF_WORD`); the docs' method page has the
table of readings, their words, formulas and examples, generated from these rules and the
lexicon when the docs are built (``docs/_ext/grammar_tables.py``), so it cannot drift from
them. The rules, with u one unit of the last written digit (30万余: 1万), as that generator
reads them from the rule functions (a test holds this table to it):

============  ========  ==============================  ====================================
reading       column    strict                          lenient
============  ========  ==============================  ====================================
exact         exact     [x-h, x+h]                      [x-h', x+h']
approx        approx    [x-max(h, a·x), x+max(h, a·x)]  [x-max(h', k·a·x), x+max(h', k·a·x)]
over          over      (x, ∞)                          [x-h', ∞)
more          over      (x, x+s)                        [x, x+s]
more_written  over      (x, x+u)                        [x, x+u]
at_least      at_least  [x, ∞)                          [x-h', ∞)
nearly        nearly    [x·(1-n), x)                    [x·(1-k·n), x]
under_closed  under     [L, x]                          [L, x+h']
under_open    under     [L, x)                          [L, x+h']
range         range     [a-h_a, b+h_b]                  [a-h'_a, b+h'_b]
============  ========  ==============================  ====================================

No lower end reaches below L, and a stated 0 (an exact 0, the low end 0 of a range) not below 0.
For :data:`TRUNCATED_UNITS` (percent) the lenient upper end of the exact reading is
max(x+h', x+2h): a share may be truncated rather than rounded (2039/2045 = 99.7% is written
"99%").

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
                      scaled by 100/N; M/N (1/3) reads as N分之M
翻N番      exact      [2**(N-1/2), 2**(N+1/2)]              the same (翻番: N = 1)
翻N番多    over       (2**N, 2**(N+1))                      [2**N, 2**(N+1)]
第N        exact      [N, N]                                the same
前N        under      [1, N]                                the same
=========  =========  ====================================  ================================

=================  ===========================  ==============================
words              strict                       lenient
=================  ===========================  ==============================
百分之十二         [11.5, 12.5]                 [11.5, 13]
四分之一           [12.5, 37.5]                 [12.5, 50]
三分之二, 2/3      [50, 83.333...]              [50, 100]
翻两番             [2.828..., 5.657...]         the same
翻一番多           (2, 4)                       [2, 4]
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
>>> from futian_indicators.language.numerals import read_number
>>> x = Stated.of(read_number("60", None), Decimal(1), "percent")
>>> RULES["nearly"](x)
(Interval(lower=54.0, upper=60.0, lower_closed=True, upper_closed=False), \
Interval(lower=48.0, upper=60.0, lower_closed=True, upper_closed=True))
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from ..core.interval import Interval
from ..vocab import SIGNED_UNITS, UNITS
from .lexicon import READING_OF_WORD
from .numerals import GrammarError, Number

__all__ = [
    "APPROX_BAND",
    "DIRECTION_OF_READING",
    "LENIENT_BAND_FACTOR",
    "NEARLY_BAND",
    "NON_NEGATIVE_UNITS",
    "QUALIFIER_OF_READING",
    "RULES",
    "TRUNCATED_UNITS",
    "Intervals",
    "Stated",
    "match_reading",
    "range_rule",
    "to_interval",
]

#: Half-width of the 约/左右 band, as a share of the number (约100 -> [95, 105]).
APPROX_BAND: Final = Decimal("0.05")
#: Depth of the 近/接近 band below the number, as a share of it (近60 -> [54, 60)).
NEARLY_BAND: Final = Decimal("0.10")
#: The lenient reading multiplies the 约 and 近 bands by this factor.
LENIENT_BAND_FACTOR: Final = 2
#: Units whose numbers may be truncated rather than rounded (lenient upper end x + 2h).
TRUNCATED_UNITS: Final = frozenset({"percent"})
#: Units that cannot be negative: the under-qualifiers (不超过, 不足) start at 0 for them.
NON_NEGATIVE_UNITS: Final = frozenset(UNITS) - frozenset(SIGNED_UNITS)

#: The qualifier (the ``qualifier`` column) of each reading; several readings share one
#: (余 and 超 are both "over", 不超过 and 不足 are both "under").
QUALIFIER_OF_READING: Final[Mapping[str, str]] = {
    "exact": "exact",
    "approx": "approx",
    "over": "over",
    "more": "over",
    "at_least": "at_least",
    "nearly": "nearly",
    "under_closed": "under",
    "under_open": "under",
    "range": "range",
    "more_written": "over",
}

#: Which way each reading of a single number points; two qualifier words of one number that
#: point the same way are one qualifier said twice (超过70万元以上, 约300人左右, 不超过5%以内),
#: read as the first of them.
DIRECTION_OF_READING: Final[Mapping[str, str]] = {
    "over": "up",
    "at_least": "up",
    "more": "up",
    "more_written": "up",
    "approx": "about",
    "nearly": "below",
    "under_closed": "below",
    "under_open": "below",
}


@dataclass(frozen=True, slots=True)
class Stated:
    """A stated number in base units with the precision quantities the rules use."""

    value: Decimal  # x
    half: Decimal  # h: half a unit of the last written digit
    half_nonzero: Decimal  # h': half a unit of the last non-zero digit
    step: Decimal  # s: one unit of the last non-zero digit
    step_written: Decimal  # one unit of the last written digit (30万余: 1万)
    floor: Decimal | None  # L: 0 for non-negative units, None for -inf
    truncatable: bool

    @classmethod
    def of(cls, number: Number, scale: Decimal, unit: str) -> Stated:
        """A written number scaled to base units (by its unit word's factor, or 100/N).

        Examples
        --------
        >>> from futian_indicators.language.numerals import read_number
        >>> Stated.of(read_number("1100", "亿"), Decimal(1), "CNY").half_nonzero
        Decimal('5E+9')
        """
        return cls(
            value=number.value * scale,
            half=Decimal(5).scaleb(number.exponent - 1) * scale,
            half_nonzero=Decimal(5).scaleb(number.nonzero_exponent - 1) * scale,
            step=Decimal(1).scaleb(number.nonzero_exponent) * scale,
            step_written=Decimal(1).scaleb(number.exponent) * scale,
            floor=Decimal(0) if unit in NON_NEGATIVE_UNITS else None,
            truncatable=unit in TRUNCATED_UNITS,
        )


Intervals = tuple[Interval, Interval]
"""The strict and the lenient interval of a reading."""


def to_interval(
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


def _floored(s: Stated, lower: Decimal) -> Decimal:
    """A lower end that does not reach below the floor L, nor below 0 for an exact 0."""
    if s.floor is not None or s.value == 0:
        return max(lower, s.floor or Decimal(0))
    return lower


def _exact(s: Stated) -> Intervals:
    """Exact: [x-h, x+h]; lenient [x-h', x+h'], upper at least x+2h if it may be truncated.

    Neither reaches below L (an amount of 0.3万元 is not negative), nor an exact 0 below 0.
    """
    upper = s.value + s.half_nonzero
    if s.truncatable:
        upper = max(upper, s.value + 2 * s.half)
    return (
        to_interval(_floored(s, s.value - s.half), s.value + s.half),
        to_interval(_floored(s, s.value - s.half_nonzero), upper),
    )


def _approx(s: Stated) -> Intervals:
    """约/左右: x ± max(h, a|x|); lenient x ± max(h', k·a|x|)."""
    band = max(s.half, APPROX_BAND * abs(s.value))
    wide = max(s.half_nonzero, LENIENT_BAND_FACTOR * APPROX_BAND * abs(s.value))
    return (
        to_interval(_floored(s, s.value - band), s.value + band),
        to_interval(_floored(s, s.value - wide), s.value + wide),
    )


def _over(s: Stated) -> Intervals:
    """超/超过/逾: (x, inf), the number excluded; lenient [x-h', inf), not below L (超0家)."""
    return to_interval(s.value, None, lower_closed=False), to_interval(
        _floored(s, s.value - s.half_nonzero), None
    )


def _more(s: Stated) -> Intervals:
    """余/多/有余: (x, x+s), between the number and the next step; lenient [x, x+s]."""
    return (
        to_interval(s.value, s.value + s.step, lower_closed=False, upper_closed=False),
        to_interval(s.value, s.value + s.step),
    )


def _more_written(s: Stated) -> Intervals:
    """余/多 after a multiplier: (x, x+u), u one unit of the last written digit (30万余)."""
    return (
        to_interval(s.value, s.value + s.step_written, lower_closed=False, upper_closed=False),
        to_interval(s.value, s.value + s.step_written),
    )


def _at_least(s: Stated) -> Intervals:
    """突破/以上: [x, inf), the number included; lenient [x-h', inf), not below L (0家以上)."""
    return to_interval(s.value, None), to_interval(_floored(s, s.value - s.half_nonzero), None)


def _nearly(s: Stated) -> Intervals:
    """近/接近: [x(1-n), x), a band just below the number; lenient [x(1-k·n), x]."""
    return (
        to_interval(s.value * (1 - NEARLY_BAND), s.value, upper_closed=False),
        to_interval(s.value * (1 - LENIENT_BAND_FACTOR * NEARLY_BAND), s.value),
    )


def _under(s: Stated, *, upper_closed: bool) -> Intervals:
    return (
        to_interval(s.floor, s.value, upper_closed=upper_closed),
        to_interval(s.floor, s.value + s.half_nonzero),
    )


def _under_closed(s: Stated) -> Intervals:
    """不超过/最高/以下/以内: [L, x], the number included; lenient [L, x+h']."""
    return _under(s, upper_closed=True)


def _under_open(s: Stated) -> Intervals:
    """不足/不到/不满: [L, x), the number excluded; lenient [L, x+h']."""
    return _under(s, upper_closed=False)


def range_rule(low: Stated, high: Stated) -> Intervals:
    """a-b: [a-h_a, b+h_b]; lenient [a-h'_a, b+h'_b]; a low end of 0 (0-5家) not below 0."""
    return (
        to_interval(_floored(low, low.value - low.half), high.value + high.half),
        to_interval(_floored(low, low.value - low.half_nonzero), high.value + high.half_nonzero),
    )


#: The rule of each reading of a single number (a range has its own: :func:`range_rule`).
RULES: Final[Mapping[str, Callable[[Stated], Intervals]]] = {
    "exact": _exact,
    "approx": _approx,
    "over": _over,
    "more": _more,
    "more_written": _more_written,
    "at_least": _at_least,
    "nearly": _nearly,
    "under_closed": _under_closed,
    "under_open": _under_open,
}


def match_reading(m: re.Match[str], outer: str | None = None) -> str:
    """The reading of a match of the grammar from its qualifier words (at most one with a meaning).

    Two words that point the same way are one qualifier said twice (超过70万元以上): the first
    is read. 约 before a range is dropped (约120亿～150亿元 is the range). ``outer`` is the reading
    of a qualifier standing apart from the number (最高奖励300万元), used where it has none.
    """
    words = [m[g] for g in ("pre", "more", "more_after_mult", "post") if m[g] is not None]
    meaningful = [(w, r) for w in words if (r := READING_OF_WORD[w]) is not None]
    if m["more_after_mult"] is not None:  # 30万余: a step of the last written digit
        meaningful = [(w, "more_written" if r == "more" else r) for w, r in meaningful]
    if m["sep"] is not None and meaningful and meaningful[0][1] == "approx":
        meaningful = meaningful[1:]
    if len(meaningful) == 2 and len({DIRECTION_OF_READING[r] for _, r in meaningful}) == 1:
        meaningful = meaningful[:1]
    if not meaningful and outer is not None and m["sep"] is None:
        meaningful = [("", outer)]
    if m["sep"] is not None and meaningful:
        raise GrammarError(
            f"a range cannot take the qualifier {meaningful[0][0]!r}",
            "drop the qualifier or write a single number",
        )
    if len(meaningful) > 1:
        raise GrammarError(
            f"it has {len(meaningful)} qualifiers ({', '.join(repr(w) for w, _ in meaningful)})",
            "keep only one of them",
        )
    if m["sep"] is not None:
        return "range"
    return meaningful[0][1] if meaningful else "exact"
