"""Read a written number, Arabic or Chinese, into an exact number and its precision.

:func:`read_number` reads the number of a quantity (``5948.82``, ``1,234.5``, ``１２``,
``一千二百``, ``两万五``, ``二〇二四``) and its multiplier (万, 亿, 万亿) into a
:class:`Number`: its exact :class:`~decimal.Decimal` value and the power of ten of its last
written and last non-zero digit, which the readings of the qualifiers need
(:mod:`futian_indicators.language.readings`).

Chinese numerals are read as people write them: 亿 and 万 split a numeral into sections
(一亿二千万 = 1 亿 + 2000 万); a lone digit after 万 or 亿 is the next place down (两万五 =
25000, 三亿五 = 3.5 亿), and after 千, 百 or 十 likewise (一千二 = 1200); digits read one by one
need three or more (二〇二四 = 2024), since 三四家 means "three or four".

Examples
--------
>>> read_number("5948.82", "亿")
Number(value=Decimal('5.94882E+11'), exponent=6, nonzero_exponent=6)
>>> read_number("两万五", None)
Number(value=Decimal('25000'), exponent=3, nonzero_exponent=3)
>>> read_number("三四", None)
Traceback (most recent call last):
...
futian_indicators.language.numerals.GrammarError: malformed Chinese numeral '三四'
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .lexicon import (
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    CN_POINT,
    CN_SMALL_UNITS,
    MULTIPLIERS,
    TO_ASCII,
)

__all__ = ["GrammarError", "Number", "read_number", "read_sections"]


class GrammarError(ValueError):
    """Words that break the quantity grammar: what is wrong and how to fix it.

    :func:`~futian_indicators.language.quantity.quantity_from_match` turns it into a
    :class:`~futian_indicators.errors.QuantityParseError` that quotes the words.

    Attributes
    ----------
    problem : str
        What is wrong, e.g. ``malformed Chinese numeral '三四'``.
    fix : str
        How to fix it.
    """

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem, self.fix = problem, fix


@dataclass(frozen=True, slots=True)
class Number:
    """A written number in units of its unit word (multiplier applied) and its precision.

    Attributes
    ----------
    value : Decimal
        The exact number.
    exponent : int
        The power of ten of its last written digit (5948.82亿: 6; 1100: 0).
    nonzero_exponent : int
        The power of ten of its last non-zero digit (1100: 2; 0: the last written digit's).
    """

    value: Decimal
    exponent: int
    nonzero_exponent: int


def _exponent(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by construction
    return exponent


def read_number(text: str, multiplier: str | None) -> Number:
    """Read an Arabic or Chinese number and its multiplier (万, 亿, 万亿, or None).

    Parameters
    ----------
    text : str
        The number as written: Arabic digits (ASCII or full-width, thousands separated by
        commas or not, a decimal point) or a Chinese numeral.
    multiplier : str or None
        The multiplier written after it (a key of
        :data:`~futian_indicators.language.lexicon.MULTIPLIERS`).

    Returns
    -------
    Number

    Raises
    ------
    GrammarError
        When a Chinese numeral is malformed (三四, 十百, 一百十).

    Examples
    --------
    >>> read_number("1100", None)
    Number(value=Decimal('1100'), exponent=0, nonzero_exponent=2)
    >>> read_number("一千二百", None).value, read_number("二〇二四", None).value
    (Decimal('1200'), Decimal('2024'))
    """
    power = MULTIPLIERS[multiplier] if multiplier else 0
    if text in MULTIPLIERS:  # a bare multiplier after a qualifier: 超万人, 上亿元
        number, exponent = Decimal(1).scaleb(MULTIPLIERS[text] + power), MULTIPLIERS[text] + power
    elif text[0] in CN_NUMERAL_CHARS:
        number, exponent = _chinese_number(text, multiplier)
    else:
        written = Decimal(text.translate(TO_ASCII))
        number, exponent = written.scaleb(power), _exponent(written) + power
    nonzero = exponent if number == 0 else _exponent(number.normalize())
    return Number(number, exponent, nonzero)


def _chinese_number(text: str, multiplier: str | None) -> tuple[Decimal, int]:
    """A Chinese numeral, with 点 decimals and its multiplier: value and last written digit.

    A multiplier joins the numeral's own sections (三亿五千 + 万 = 3.5 亿); 万万 is 亿.
    """
    whole, point, decimals = text.partition(CN_POINT)
    if point:
        if not whole or not decimals or any(c not in CN_DIGITS for c in decimals):
            raise _malformed(text)
        integer, integer_exponent = _chinese_integer(whole)
        if integer_exponent != 0:  # 一千二点五 is no numeral
            raise _malformed(text)
        digits = "".join(str(CN_DIGITS[c]) for c in decimals)
        written = Decimal(f"{integer}.{digits}")
        power = MULTIPLIERS[multiplier] if multiplier else 0
        return written.scaleb(power), _exponent(written) + power
    if multiplier is not None and (multiplier not in ("万", "亿", "万亿") or not _has_big(text)):
        value, exponent = _chinese_integer(text)
        power = MULTIPLIERS[multiplier]
        return Decimal(value).scaleb(power), exponent + power
    value, exponent = _chinese_integer(text + (multiplier or ""))
    return Decimal(value), exponent


def _has_big(text: str) -> bool:
    return "万" in text or "亿" in text


def read_sections(high: str, big: str, low: str, multiplier: str | None) -> Number:
    """Read an Arabic number in sections: 1亿2000万 (high 1, big 亿, low 2000, multiplier 万).

    The low section must be smaller than one unit of ``big``; the number is as precise as it.

    Examples
    --------
    >>> read_sections("1", "亿", "2000", "万")
    Number(value=Decimal('1.2000E+8'), exponent=4, nonzero_exponent=7)
    """
    top, rest = read_number(high, big), read_number(low, multiplier)
    if rest.value >= Decimal(1).scaleb(MULTIPLIERS[big]):
        raise GrammarError(
            f"the section after {big!r} is too large ({low!r})",
            "write the number in one piece, e.g. '1.2亿元' or '12000万元'",
        )
    value = top.value + rest.value
    return Number(
        value, rest.exponent, rest.exponent if value == 0 else _exponent(value.normalize())
    )


def _malformed(text: str) -> GrammarError:
    return GrammarError(
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
    if len(text) > 1 and not any(c in CN_SMALL_UNITS for c in text):
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
    if len(low_text) == 1 and CN_DIGITS.get(low_text):  # 两万五: the digit is in thousands
        return high * 10**power + CN_DIGITS[low_text] * 10 ** (power - 1), power - 1
    rest = low_text.lstrip("零〇")
    low, low_exponent = _chinese_integer(rest) if rest else (0, power)
    if low >= 10**power:
        raise _malformed(text)
    return high * 10**power + low, low_exponent


def _chinese_digit_string(text: str) -> tuple[int, int]:
    """Read digits one by one (二〇二四 = 2024); two digits (三四, 唯一一个) are no number."""
    if len(text) < 3 or any(c not in CN_DIGITS for c in text):
        raise _malformed(text)
    return int("".join(str(CN_DIGITS[c]) for c in text)), 0


def _chinese_section(text: str) -> tuple[int, int]:
    """Read a numeral below 万: digits followed by 千, 百 or 十 (一千二百, 十二, 一百零五).

    Only the first unit may stand without its digit (十二, 百); units must fall (not 十百).
    """
    total, digit, exponent, zero, previous = 0, None, None, False, 4
    for c in text:
        if c in CN_DIGITS:
            if digit is not None:
                raise _malformed(text)
            zero = zero or CN_DIGITS[c] == 0
            digit = CN_DIGITS[c] or None
        else:
            unit = CN_SMALL_UNITS[c]
            if unit >= previous or (digit is None and exponent is not None):  # 十百, 一百十
                raise _malformed(text)
            total += (1 if digit is None else digit) * 10**unit
            digit, exponent, zero, previous = None, unit, False, unit
    if digit is None:  # 一百, 二十: as precise as their Arabic twins 100 and 20
        return total, 0
    if exponent is None or zero:  # 五, 一百零五: the digit is in units
        return total + digit, 0
    return total + digit * 10 ** (exponent - 1), exponent - 1  # 一千二 = 1200
