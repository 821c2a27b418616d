"""Which base unit a match of the grammar is in: its unit word, scaled, or a rate per area.

:func:`unit_word_of` gives the :class:`~futian_indicators.language.lexicon.UnitWord` a match
of :data:`~futian_indicators.language.grammar.QUANTITY_RE` is read in: the unit word's, checked
against the multipliers that scale it (not before %), or a rate in money per area when a slash
and an area word follow (``120亿元/平方公里``: yuan per square metre, ``CNY_per_m2``).

Examples
--------
>>> from futian_indicators.language.grammar import QUANTITY_RE
>>> unit_word_of(QUANTITY_RE.search("地均产出120亿元/平方公里"))
UnitWord(unit='CNY_per_m2', factor=Decimal('0.000001'), scalable=True)
"""

from __future__ import annotations

import re

from ..vocab import UNITS
from .lexicon import UNIT_WORDS, UnitWord
from .numerals import GrammarError

__all__ = ["unit_word_of"]


def unit_word_of(m: re.Match[str]) -> UnitWord:
    """The unit word a match is read in: its own, or a rate per area (亿元/平方公里)."""
    return _rate_word(m, _unit_word(m))


def _unit_word(m: re.Match[str]) -> UnitWord:
    """Return the unit word of a match; it must be there and accept the multipliers."""
    if m["unit"] is None:
        raise GrammarError(
            "there is no unit after the number",
            "write the unit word too, e.g. '1100亿元', '60%', '20家'",
        )
    word = UNIT_WORDS[m["unit"]]
    for multiplier in (m["mult"], m["mult1"]):
        if multiplier is not None and not word.scalable:
            raise GrammarError(
                f"the multiplier {multiplier!r} cannot scale {m['unit']!r}",
                "drop the multiplier",
            )
    return word


def _rate_word(m: re.Match[str], word: UnitWord) -> UnitWord:
    """A unit per area after a slash (亿元/平方公里): the rate in base units per square metre."""
    if m["per"] is None:
        return word
    unit = f"{word.unit}_per_m2"
    if unit not in UNITS:
        raise GrammarError(
            f"{m['unit']}/{m['per']} is no rate of the base units",
            f"write a rate in money per area, e.g. '元/平方米' (base unit {unit!r} is unknown)",
        )
    return UnitWord(unit, word.factor / UNIT_WORDS[m["per"]].factor, word.scalable)
