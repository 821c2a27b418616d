"""Exact interval arithmetic: fractions, open and closed ends, infinite ends.

The consistency checks compare what the words of several letters allow. A floating-point
comparison could flip a verdict at a shared end (超1100 and "1100" meet only in (1100, 1100.5]),
so every end is a :class:`fractions.Fraction` (a float converts exactly) or an infinity, and
every end knows whether it is included.

Examples
--------
>>> a = Interval.closed(1, 2)
>>> b = Interval(Fraction(3), INF, lower_closed=False, upper_closed=False)
>>> (a + b).lower, (a + b).lower_closed
(Fraction(4, 1), False)
>>> Interval.closed(1, 2).meets(Interval.closed(2, 3)), Interval.closed(1, 2).meets(b)
(True, False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

End = Fraction | float
"""An end of a span: a fraction, a float (a finite float is an exact binary fraction, and
Python compares floats and fractions exactly), or ``INF``/``-INF``. Arithmetic turns finite
floats into fractions first, so no result is ever rounded."""

INF = math.inf


def _exact(x: float | Fraction | int) -> End:
    if isinstance(x, float):
        if math.isnan(x):
            msg = "an interval end cannot be NaN"
            raise ValueError(msg)
        return x
    return x if isinstance(x, Fraction) else Fraction(x)


def _q(x: End) -> End:
    """An end ready for arithmetic: a fraction, or an infinity."""
    return Fraction(x) if type(x) is float and -INF < x < INF else x


_ZERO = Fraction(0)


@dataclass(frozen=True, slots=True)
class Interval:
    """An interval of the real line; infinite ends are always open. It may be empty."""

    lower: End
    upper: End
    lower_closed: bool = True
    upper_closed: bool = True

    def __post_init__(self) -> None:
        if type(self.lower) is not float or type(self.upper) is not float:
            object.__setattr__(self, "lower", _exact(self.lower))
            object.__setattr__(self, "upper", _exact(self.upper))
        elif self.lower != self.lower or self.upper != self.upper:
            msg = "an interval end cannot be NaN"
            raise ValueError(msg)
        if self.lower_closed and self.lower == -INF:
            object.__setattr__(self, "lower_closed", False)
        if self.upper_closed and self.upper == INF:
            object.__setattr__(self, "upper_closed", False)

    @classmethod
    def closed(cls, lower: float | Fraction | int, upper: float | Fraction | int) -> Interval:
        """``[lower, upper]`` (an infinite end is open whatever is asked)."""
        return cls(lower, upper)

    @classmethod
    def point(cls, x: float | Fraction | int) -> Interval:
        """``[x, x]``."""
        return cls.closed(x, x)

    @property
    def empty(self) -> bool:
        """Whether no number lies in the span."""
        if self.lower != self.upper:
            return bool(self.lower > self.upper)
        return not (self.lower_closed and self.upper_closed)

    def __contains__(self, x: object) -> bool:
        if not isinstance(x, int | float | Fraction):
            return False
        above = x > self.lower or (self.lower_closed and x == self.lower)
        below = x < self.upper or (self.upper_closed and x == self.upper)
        return bool(above and below)

    # ----------------------------------------------------------------------------- relations

    def intersection(self, other: Interval) -> Interval:
        """The numbers in both spans (possibly an empty span)."""
        lower, lower_closed = _tighter_lower(self, other)
        upper, upper_closed = _tighter_upper(self, other)
        return Interval(lower, upper, lower_closed, upper_closed)

    def meets(self, other: Interval) -> bool:
        """Whether some number lies in both spans (an identity or agreement is possible)."""
        return not self.intersection(other).empty

    def can_be_at_most(self, other: Interval) -> bool:
        """Whether some x in this span and y in ``other`` have x <= y (a bound is possible)."""
        if self.empty or other.empty:
            return False
        if self.lower != other.upper:
            return bool(self.lower < other.upper)
        return self.lower_closed and other.upper_closed

    def surely_reaches(self, threshold: End, *, inclusive: bool) -> bool:
        """Whether every x in the span is >= ``threshold`` (> when not ``inclusive``)."""
        if self.empty:
            return False
        if self.lower != threshold:
            return bool(self.lower > threshold)
        return inclusive or not self.lower_closed

    def may_reach(self, threshold: End, *, inclusive: bool) -> bool:
        """Whether some x in the span is >= ``threshold`` (> when not ``inclusive``)."""
        if self.empty:
            return False
        if self.upper != threshold:
            return bool(self.upper > threshold)
        return inclusive and self.upper_closed

    # ---------------------------------------------------------------------------- arithmetic

    def __neg__(self) -> Interval:
        if self.empty:
            return EMPTY
        return Interval(-self.upper, -self.lower, self.upper_closed, self.lower_closed)

    def __add__(self, other: Interval) -> Interval:
        if self.empty or other.empty:
            return EMPTY
        return Interval(
            _q(self.lower) + _q(other.lower),
            _q(self.upper) + _q(other.upper),
            self.lower_closed and other.lower_closed,
            self.upper_closed and other.upper_closed,
        )

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        if self.empty or other.empty:
            return EMPTY
        if self.lower >= 0 and other.lower >= 0:  # the usual case (amounts, counts, shares)
            lower, lower_closed = _product(
                self.lower, self.lower_closed, other.lower, other.lower_closed
            )
            upper, upper_closed = _product(
                self.upper, self.upper_closed, other.upper, other.upper_closed
            )
            return Interval(lower, upper, lower_closed, upper_closed)
        products = [
            _product(a, a_closed, b, b_closed)
            for a, a_closed in ((self.lower, self.lower_closed), (self.upper, self.upper_closed))
            for b, b_closed in (
                (other.lower, other.lower_closed),
                (other.upper, other.upper_closed),
            )
        ]
        lower = min(value for value, _ in products)
        upper = max(value for value, _ in products)
        lower_closed = any(closed for value, closed in products if value == lower)
        upper_closed = any(closed for value, closed in products if value == upper)
        return Interval(lower, upper, lower_closed, upper_closed)

    def reciprocal(self) -> Interval:
        """``{1/x : x in span, x != 0}``; a span with 0 strictly inside gives the whole line."""
        if self.empty:
            return EMPTY
        if self.lower < 0 < self.upper:
            return WHOLE
        if self.lower == 0 == self.upper:
            return EMPTY
        if self.lower >= 0:
            upper = INF if self.lower == 0 else 1 / _q(self.lower)
            lower = 0 if math.isinf(self.upper) else 1 / _q(self.upper)
            return Interval(lower, upper, self.upper_closed, self.lower_closed and self.lower != 0)
        return -((-self).reciprocal())

    def __truediv__(self, other: Interval) -> Interval:
        return self * other.reciprocal()


def _product(a: End, a_closed: bool, b: End, b_closed: bool) -> tuple[End, bool]:
    """The product of two ends, and whether it is attained (0 times anything is 0)."""
    a_zero, b_zero = not a, not b  # truth tests: much cheaper than Fraction.__eq__
    if a_zero or b_zero:
        return _ZERO, (a_zero and a_closed) or (b_zero and b_closed)
    return _q(a) * _q(b), a_closed and b_closed


def _tighter_lower(a: Interval, b: Interval) -> tuple[End, bool]:
    if a.lower != b.lower:
        return (a.lower, a.lower_closed) if a.lower > b.lower else (b.lower, b.lower_closed)
    return a.lower, a.lower_closed and b.lower_closed


def _tighter_upper(a: Interval, b: Interval) -> tuple[End, bool]:
    if a.upper != b.upper:
        return (a.upper, a.upper_closed) if a.upper < b.upper else (b.upper, b.upper_closed)
    return a.upper, a.upper_closed and b.upper_closed


WHOLE = Interval(-INF, INF, False, False)
"""The whole real line."""

EMPTY = Interval(Fraction(1), Fraction(0))
"""A span with nothing in it."""
