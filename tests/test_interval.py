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


@pytest.mark.parametrize(
    ("lower", "upper"), [(math.nan, 1), (1, math.nan), (math.nan, 1.0), (1.0, math.nan)]
)
def test_nan_is_refused(lower: float, upper: float) -> None:
    with pytest.raises(ValueError, match=r"^an interval end cannot be NaN$"):
        Interval.closed(lower, upper)


# Exact results, not only sound ones: the property tests above would pass an interval that is too
# wide or an end that is closed when it should be open; these pin the ends and their closedness.


def ends(span: Interval) -> tuple[object, object, bool, bool]:
    return span.lower, span.upper, span.lower_closed, span.upper_closed


def test_infinite_ends_are_open() -> None:
    assert ends(Interval.closed(-INF, 1)) == (-INF, 1, False, True)
    assert ends(Interval.closed(1, INF)) == (1, INF, True, False)
    assert Interval.closed(-INF, INF) == WHOLE
    assert Interval(-INF, 1).lower_closed is False and Interval(1, INF).upper_closed is False


def test_membership_at_the_ends() -> None:
    half_open = Interval(1, 2, lower_closed=True, upper_closed=False)
    assert 1 in half_open and Fraction(3, 2) in half_open and 1.5 in half_open
    assert 2 not in half_open and 0 not in half_open and 3 not in half_open
    assert 1 not in Interval(1, 2, lower_closed=False) and 2 in Interval(1, 2, lower_closed=False)
    assert 0 not in EMPTY and 10**9 in WHOLE
    assert "1" not in WHOLE and None not in WHOLE


def test_intersection_at_shared_ends() -> None:
    assert ends(Interval.closed(1, 2).intersection(Interval(1, 3, False, False))) == (
        1,
        2,
        False,
        True,
    )
    assert ends(Interval.closed(1, 2).intersection(Interval.closed(1, 2))) == (1, 2, True, True)
    assert ends(Interval(0, 2, True, False).intersection(Interval.closed(-1, 2))) == (
        0,
        2,
        True,
        False,
    )
    assert ends(Interval(0, 2, True, False).intersection(Interval.closed(1, 3))) == (
        1,
        2,
        True,
        False,
    )
    assert Interval.closed(1, 2).intersection(Interval.closed(3, 4)).empty


def test_exact_sums_and_negation() -> None:
    assert ends(Interval(1, 2, True, False) + Interval.closed(0, 1)) == (1, 3, True, False)
    assert ends(Interval(1, 2, False, True) + Interval.closed(0, 1)) == (1, 3, False, True)
    assert ends(-Interval(1, 2, False, True)) == (-2, -1, True, False)
    assert ends(Interval.closed(5, 7) - Interval(1, 2, False, True)) == (3, 6, True, False)
    assert (-EMPTY).empty and (EMPTY - Interval.closed(1, 2)).empty
    total = Interval.point(0.1) + Interval.point(0.2)  # floats add as the exact fractions they are
    assert total.lower == Fraction(0.1) + Fraction(0.2) != 0.1 + 0.2


def test_exact_products() -> None:
    assert ends(Interval.closed(1, 2) * Interval.closed(3, 4)) == (3, 8, True, True)
    assert ends(Interval(1, 2, True, False) * Interval.closed(1, 2)) == (1, 4, True, False)
    assert ends(Interval(-1, 2, True, False) * Interval.closed(1, 2)) == (-2, 4, True, False)
    assert ends(Interval.closed(-3, -2) * Interval.closed(-5, 4)) == (-12, 15, True, True)
    # 0 is attained when an end that is 0 is closed, whatever the other factor is
    assert ends(Interval(0, 1, False, True) * Interval(0, 1, False, True)) == (0, 1, False, True)
    assert ends(Interval(0, 1, False, True) * Interval.closed(0, 1)) == (0, 1, True, True)
    assert ends(Interval.closed(0, 1) * Interval(0, 1, False, True)) == (0, 1, True, True)
    assert (EMPTY * Interval.closed(-1, 2)).empty and (Interval.closed(-1, 2) * EMPTY).empty


def test_division_by_a_span_with_zero_at_an_end() -> None:
    assert ends(Interval.closed(1, 2) / Interval.closed(0, 2)) == (Fraction(1, 2), INF, True, False)
    assert ends(Interval.closed(1, 2) / Interval.closed(-2, 0)) == (
        -INF,
        Fraction(-1, 2),
        False,
        True,
    )
    assert (Interval.closed(1, 2) / Interval.point(0)).empty
    assert ends(Interval.closed(0, 1) / Interval(0, INF, False, False)) == (0, INF, True, False)


def test_exact_reciprocals() -> None:
    assert ends(Interval.closed(2, 4).reciprocal()) == (Fraction(1, 4), Fraction(1, 2), True, True)
    assert ends(Interval(2, 4, False, True).reciprocal()) == (
        Fraction(1, 4),
        Fraction(1, 2),
        True,
        False,
    )
    assert ends(Interval.closed(1, 2).reciprocal()) == (Fraction(1, 2), 1, True, True)
    assert ends(Interval.point(1).reciprocal()) == (1, 1, True, True)
    assert ends(Interval.closed(2, INF).reciprocal()) == (0, Fraction(1, 2), False, True)
    assert ends(Interval.closed(-4, -2).reciprocal()) == (
        Fraction(-1, 2),
        Fraction(-1, 4),
        True,
        True,
    )
    assert Interval.point(0).reciprocal().empty and EMPTY.reciprocal().empty


def test_relations_at_shared_ends() -> None:
    assert Interval.closed(2, 3).can_be_at_most(Interval.closed(1, 2))
    assert not Interval.closed(2, 3).can_be_at_most(Interval(1, 2, True, False))
    assert not Interval(2, 3, False, True).can_be_at_most(Interval.closed(1, 2))
    assert not EMPTY.can_be_at_most(WHOLE) and not WHOLE.can_be_at_most(EMPTY)
    assert Interval.closed(1, 2).surely_reaches(1, inclusive=True)
    assert not Interval.closed(1, 2).surely_reaches(1, inclusive=False)
    assert Interval(1, 2, False, True).surely_reaches(1, inclusive=False)
    assert Interval.closed(5, 6).surely_reaches(1, inclusive=False)
    assert not Interval.closed(0, 6).surely_reaches(1, inclusive=True)
    assert Interval.closed(0, 1).may_reach(1, inclusive=True)
    assert not Interval.closed(0, 1).may_reach(1, inclusive=False)
    assert not Interval(0, 1, True, False).may_reach(1, inclusive=True)
    assert Interval.closed(0, 6).may_reach(1, inclusive=False)
    assert not EMPTY.surely_reaches(-INF, inclusive=True) and not EMPTY.may_reach(
        -INF, inclusive=True
    )
