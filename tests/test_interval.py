"""Exact interval arithmetic, against brute force (hypothesis)."""

from __future__ import annotations

import math
import operator
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from futian_indicators.core.interval import EMPTY, INF, WHOLE, Interval

small = st.fractions(min_value=-50, max_value=50, max_denominator=8)


@st.composite
def spans(draw: st.DrawFn) -> Interval:
    a, b = sorted((draw(small), draw(small)))
    lower = -INF if draw(st.integers(0, 9)) == 0 else a
    upper = INF if draw(st.integers(0, 9)) == 0 else b
    span = Interval(lower, upper, draw(st.booleans()), draw(st.booleans()))
    assume(not span.empty)
    return span


def points(span: Interval) -> list[Fraction]:
    """Numbers inside the span: its closed ends, and points just inside each end."""
    lo = span.lower if span.lower != -INF else Fraction(-(10**6))
    hi = span.upper if span.upper != INF else Fraction(10**6)
    inside = [lo + (hi - lo) * Fraction(k, 7) for k in range(1, 7)]
    if lo == hi:
        inside = [lo]
    eps = Fraction(1, 10**9)
    inside += [lo + eps, hi - eps]
    if span.lower_closed:
        inside.append(span.lower)
    if span.upper_closed:
        inside.append(span.upper)
    return [x for x in inside if x in span]


OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


@pytest.mark.parametrize("symbol", sorted(OPS))
@given(a=spans(), b=spans())
def test_arithmetic_contains_every_result_of_its_points(
    symbol: str, a: Interval, b: Interval
) -> None:
    result = OPS[symbol](a, b)
    for x in points(a):
        for y in points(b):
            if symbol == "/" and y == 0:
                continue
            assert OPS[symbol](x, y) in result, (x, y, result)


@given(a=spans(), b=spans())
def test_meets_agrees_with_brute_force(a: Interval, b: Interval) -> None:
    shared = [x for x in points(a) + points(b) if x in a and x in b]
    if shared:
        assert a.meets(b)
    if not a.meets(b):
        assert not shared


@given(a=spans(), b=spans())
def test_can_be_at_most_agrees_with_brute_force(a: Interval, b: Interval) -> None:
    witness = any(x <= y for x in points(a) for y in points(b))
    if witness:
        assert a.can_be_at_most(b)
    if not a.can_be_at_most(b):
        assert not witness


@given(a=spans(), t=small, inclusive=st.booleans())
def test_reaching_a_threshold(a: Interval, t: Fraction, inclusive: bool) -> None:
    reach = operator.ge if inclusive else operator.gt
    xs = points(a)
    if a.surely_reaches(t, inclusive=inclusive):
        assert all(reach(x, t) for x in xs)
    if any(reach(x, t) for x in xs):
        assert a.may_reach(t, inclusive=inclusive)


def test_shared_ends_respect_openness() -> None:
    over = Interval(Fraction(1100), INF, lower_closed=False)
    rounded = Interval.closed(Fraction(10995, 10), Fraction(11005, 10))
    common = over.intersection(rounded)
    assert (common.lower, common.lower_closed, common.upper) == (1100, False, Fraction(11005, 10))
    assert not Interval.closed(1, 2).meets(Interval(2, 3, lower_closed=False))
    assert Interval.closed(1, 2).meets(Interval.closed(2, 3))


def test_division_by_a_span_holding_zero_is_the_whole_line() -> None:
    assert Interval.closed(1, 2) / Interval.closed(-1, 1) == WHOLE
    assert (Interval.closed(1, 2) / Interval(0, 4, lower_closed=False)).upper == INF


def test_empty_spans() -> None:
    assert EMPTY.empty
    assert (EMPTY + Interval.closed(1, 2)).empty
    assert not EMPTY.meets(WHOLE)
    assert Interval(1, 1, lower_closed=False).empty


def test_nan_is_refused() -> None:
    with pytest.raises(ValueError, match="NaN"):
        Interval.closed(math.nan, 1)
