"""Chinese quantity grammar: a phrase such as ``超 1100 亿元`` becomes a :class:`Quantity`.

A figure in a letter is words, not a number: ``超 1100 亿元``, ``近 60%``, ``20 余场``, ``七成``.
:func:`parse_quantity` reads one such phrase into its value in base units, its unit, a qualifier
and two intervals: the *strict* interval the words allow and a *lenient* one that also allows
loose rounding (DESIGN.md, "Intervals: what the words allow"). :data:`QUANTITY_RE` and
:func:`quantity_from_match` expose the same grammar for scanning running text; ``parse_quantity``
is built on them, so there is one grammar: its forms (a number with a unit word, a range, a
fraction, a doubling, a rank) are described in :mod:`futian_indicators.language.grammar`.

Qualifiers and intervals
------------------------
Each qualifier word names a *reading*, and each reading one rule that gives the strict and the
lenient interval (in :mod:`.readings`: the rules, :data:`APPROX_BAND`, :data:`NEARLY_BAND`,
:data:`LENIENT_BAND_FACTOR` and why); words in :mod:`.lexicon`, numerals in :mod:`.numerals`.

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

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

from ..core.interval import Interval
from ..errors import QuantityParseError, wrong_type
from .grammar import QUANTITY_FIRST, QUANTITY_RE, WHITESPACE, is_bare_number
from .lexicon import (
    AFTER_NUMBER_QUALIFIERS,
    ATTACHED_UNIT_WORDS,
    CN_NUMERAL_CHARS,
    MULTIPLIERS,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    READING_OF_WORD,
    UNIT_WORDS,
    UnitWord,
)
from .numerals import GrammarError, read_number, read_sections
from .readings import (
    APPROX_BAND,
    LENIENT_BAND_FACTOR,
    NEARLY_BAND,
    NON_NEGATIVE_UNITS,
    QUALIFIER_OF_READING,
    RULES,
    TRUNCATED_UNITS,
    Stated,
    match_reading,
    range_rule,
    to_interval,
)
from .units import unit_word_of

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

#: The most doublings 翻N番 may state (2**64 is already far beyond any growth a letter reports).
MAX_DOUBLINGS: Final = 64

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
        without a unit word, the words that make them one: ``三分之`` (三分之二), ``/3``
        (1/3), ``番`` (翻两番), ``名`` (第3名), ``第`` (第3), ``前`` (前三).

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
# From a match to a Quantity
# ---------------------------------------------------------------------------------------------


def _stated(text: str, multiplier: str | None, word: UnitWord) -> Stated:
    """Convert a written number, its multiplier and unit word to base units."""
    return Stated.of(read_number(text, multiplier), word.factor, word.unit)


def _range_ends(m: re.Match[str], word: UnitWord) -> tuple[Stated, Stated]:
    """Both ends of a range; the first borrows the multiplier unless it writes its own unit."""
    if m["unit1"] is not None and m["unit1"] != m["unit"]:
        raise GrammarError(
            f"the ends of the range have different units ({m['unit1']!r}, {m['unit']!r})",
            "write one unit for both, e.g. '3560-3570亿元'",
        )
    own = m["mult1"] is not None or m["unit1"] is not None
    low = _stated(m["num1"], m["mult1"] if own else m["mult"], word)
    high = _stated(m["num"], m["mult"], word)
    if low.value > high.value:
        raise GrammarError("the range runs from the larger to the smaller number", "swap its ends")
    return low, high


def _as_reported(m: re.Match[str]) -> tuple[str, str]:
    """(value_as_reported, unit_as_reported) of a match, as described on Quantity."""
    number = "".join(
        m[g] or "" for g in ("hi", "himult", "num1", "mult1", "unit1", "sep", "num", "more")
    )
    per = "/" + m["per"] if m["per"] else ""
    unit = (
        "".join(m[g] or "" for g in ("mult", "more_after_mult", "unit")) + per + (m["post"] or "")
    )
    gap = "" if number[0] in CN_NUMERAL_CHARS else " "
    pre = m["pre"] + gap if m["pre"] else ""
    unit_gap = "" if unit.startswith(ATTACHED_UNIT_WORDS) else gap
    return pre + number + unit_gap + unit, (m["mult"] or "") + m["unit"] + per


def _number_quantity(m: re.Match[str], outer: str | None, unit: str | None) -> Quantity:
    """A number with a unit word (or a range of two): the rules of the qualifier table."""
    word = unit_word_of(m)
    if unit is not None:
        word = UnitWord(unit, word.factor, word.scalable)
    reading = match_reading(m, outer)
    if reading == "range":
        low, high = _range_ends(m, word)
        value, (strict, lenient) = (low.value + high.value) / 2, range_rule(low, high)
    else:
        number = (
            read_sections(m["hi"], m["himult"], m["num"], m["mult"])
            if m["hi"] is not None
            else read_number(m["num"], m["mult"])
        )
        stated = Stated.of(number, word.factor, word.unit)
        value, (strict, lenient) = stated.value, RULES[reading](stated)
    value_as_reported, unit_as_reported = _as_reported(m)
    return Quantity(
        text=m.group(0),
        value=float(value),
        unit=word.unit,
        qualifier=QUALIFIER_OF_READING[reading],
        strict=strict,
        lenient=lenient,
        value_as_reported=value_as_reported,
        unit_as_reported=unit_as_reported,
    )


def _whole_number(text: str, what: str, example: str) -> int:
    """Read a number that must be a whole number from 1 (a rank, a count of doublings)."""
    number = read_number(text, None).value
    if number != number.to_integral_value() or number < 1:
        raise GrammarError(f"{what} must be a whole number from 1, not {text!r}", example)
    return int(number)


def _no_qualifier(m: re.Match[str], what: str) -> None:
    """Refuse a meaningful qualifier word before a rank or a doubling (达 is allowed)."""
    if m["pre"] is not None and READING_OF_WORD[m["pre"]] is not None:
        raise GrammarError(f"{what} cannot take the qualifier {m['pre']!r}", "drop it")


def _compact(m: re.Match[str]) -> str:
    return WHITESPACE.sub("", m.group(0))


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
    # 翻番 (no number) doubles once, as 翻一番 does
    n = _whole_number(m["num"] or "一", "the number of doublings", "write e.g. '翻两番'")
    if n > MAX_DOUBLINGS:
        raise GrammarError(f"{n} doublings is more than {MAX_DOUBLINGS}", "check the number")
    multiple, half_step = Decimal(2) ** n, Decimal(2).sqrt()
    strict = lenient = to_interval(multiple / half_step, multiple * half_step)
    if m["double_more"] is not None:  # 翻一番多: more than one doubling, less than two
        strict = to_interval(multiple, 2 * multiple, lower_closed=False, upper_closed=False)
        lenient = to_interval(multiple, 2 * multiple)
    return Quantity(
        text=m.group(0),
        value=float(multiple),
        unit="times",
        qualifier="exact" if m["double_more"] is None else "over",
        strict=strict,
        lenient=lenient,
        value_as_reported=_compact(m),
        unit_as_reported=m["double_word"],
    )


def _fraction_quantity(m: re.Match[str], outer: str | None) -> Quantity:
    """N分之M or M/N: the percentage 100·M/N, M's precision scaled by 100/N (七成 = 十分之七).

    A slash fraction is a share below one (1/3, 2/3) where the words make it one (``share``).
    """
    den = m["den"] if m["den"] is not None else m["over"]
    denominator = Decimal(10**4) if den == "万" else read_number(den, None).value
    if denominator != denominator.to_integral_value() or denominator < 1:
        raise GrammarError(
            f"the denominator of a fraction must be a whole number from 1, not {den!r}",
            "write e.g. '三分之二' or '百分之十二'",
        )
    number = read_number(m["num"], None)
    if m["over"] is not None and (number.value >= denominator or m["share"] is None):
        why = "below one" if number.value >= denominator else "here (a date? write 约1/3, 占1/3)"
        raise GrammarError(
            f"{m['num']}/{den} is no share {why}", "write a fraction such as '1/3' or '2/3'"
        )
    stated = Stated.of(number, Decimal(100) / denominator, "percent")
    reading = match_reading(m, outer)
    strict, lenient = RULES[reading](stated)
    return Quantity(
        text=m.group(0),
        value=float(stated.value),
        unit="percent",
        qualifier=QUALIFIER_OF_READING[reading],
        strict=strict,
        lenient=lenient,
        value_as_reported=_compact(m),
        unit_as_reported=f"{den}分之" if m["den"] is not None else f"/{den}",
    )


def _quantity(m: re.Match[str], outer: str | None, unit: str | None) -> Quantity:
    if m["rank"] is not None:
        return _rank_quantity(m)
    if m["double"] is not None:
        return _doubling_quantity(m)
    if m["den"] is not None or m["over"] is not None:
        return _fraction_quantity(m, outer)
    return _number_quantity(m, outer, unit)


def _error(text: str, detail: str) -> QuantityParseError:
    return QuantityParseError(f"cannot parse quantity {text!r}: {detail}")


def quantity_from_match(
    m: re.Match[str], *, outer: str | None = None, unit: str | None = None
) -> Quantity:
    """Convert one match of :data:`QUANTITY_RE` to a :class:`Quantity`.

    Parameters
    ----------
    m : re.Match[str]
        A match of :data:`QUANTITY_RE` (from ``search``, ``finditer`` or ``fullmatch``).
    outer : str, optional
        The reading of a qualifier standing apart from the number, read where the match has
        no qualifier of its own (最高 in 最高奖励300万元: ``under_closed``).
    unit : str, optional
        The base unit the words around the number give it (每千人口 ... 4.2张:
        ``per_1k_people``), instead of its unit word's.

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
        return _quantity(m, outer, unit)
    except GrammarError as exc:
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
    ArgumentTypeError
        When ``text`` is no str (None, a number): give the quantity as written, e.g. ``"42%"``.

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
    if not isinstance(text, str):
        raise wrong_type("text", text, "a quantity as written (str), e.g. '超1100亿元'")
    compact = WHITESPACE.sub("", text)
    if not compact:
        raise _error(text, "the text is empty; give a number with its unit, e.g. '超1100亿元'")
    m = QUANTITY_RE.fullmatch(compact)
    if m is None:
        raise _diagnose(text, compact)
    return replace(quantity_from_match(m), text=text)
