"""What the words around a quantity say about it: the context the finder of mentions reads.

The grammar (:data:`~futian_indicators.language.grammar.QUANTITY_RE`) reads a quantity from its
own words; a few things are said next to it instead, and
:mod:`futian_indicators.language.mentions` asks this module about them:

- whether the match is part of a longer number it did not read (:func:`touches_number`): a
  digit, a point, a Chinese numeral or a multiplier right before it, or right after the number
  it ends on. Such a match gets no value, so a wrong one is never given silently (``5千万元``
  read as ``千万元`` would be 1000万);
- a qualifier a few characters before the number, in the same clause (:func:`distant_reading`):
  最高 in 最高奖励300万元 makes it at most 300万元;
- a rate per population named before the number (:func:`population_unit`): 每千人口床位4.2张
  is 4.2 per thousand people;
- whether N天 counts days as a measure (:func:`counts_days`): 优良天数339天, not 3天内.

Examples
--------
>>> text = "最高奖励300万元"
>>> distant_reading(text, 4)
'under_closed'
>>> population_unit("每千人口拥有床位4.2张", 8), counts_days("优良天数339天", 4)
('per_1k_people', True)
"""

from __future__ import annotations

import re
from typing import Final

from .lexicon import (
    CN_NUMBER_CHARS,
    CN_POINT,
    DAY_COUNT_WORDS,
    DIGITS,
    DISTANT_QUALIFIER_REACH,
    DISTANT_QUALIFIERS,
    PER_POPULATION_WORDS,
    SLASHES,
)

__all__ = [
    "NUMBER_CHARS",
    "NUMBER_OR_SLASH",
    "counts_days",
    "distant_reading",
    "ends_on_number",
    "may_be_qualified",
    "population_unit",
    "qualifiable_places",
    "touches_number",
]

#: The characters that continue a number: digits, points, Chinese numerals and multipliers.
_NUMBER_CHAR_RE: Final = re.compile(rf"[{DIGITS}.．{CN_POINT}{CN_NUMBER_CHARS}]")
#: The same characters as a set (a test holds it to the expression over every code point):
#: a look-up of one character costs less than a match of the expression.
NUMBER_CHARS: Final = frozenset(f"0123456789０１２３４５６７８９.．{CN_POINT}{CN_NUMBER_CHARS}")
#: What ends a clause: a qualifier or a rate word before it does not reach past.
_CLAUSE_END: Final = "，,。；;：:、！!？?（）()\n“”"
_REACH: Final = 12
#: How far before a number :func:`distant_reading` looks (the qualifier and its own words).
_DISTANT_REACH: Final = DISTANT_QUALIFIER_REACH + 3
#: Up to the last end of a clause: ``match(before).end()`` is where the clause of ``start`` begins.
_UP_TO_CLAUSE_END_RE: Final = re.compile(rf"(?s:.*)[{re.escape(_CLAUSE_END)}]")
_DISTANT_FIRST: Final = re.compile(f"[{''.join(sorted({w[0] for w in DISTANT_QUALIFIERS}))}]")
_POPULATION_FIRST: Final = re.compile(f"[{''.join(sorted({w[0] for w in PER_POPULATION_WORDS}))}]")
_DISTANT_RE: Final = re.compile(
    "(" + "|".join(sorted(DISTANT_QUALIFIERS, key=len, reverse=True)) + ")"
)


_AFTER_NUMBER_GROUPS: Final = ("unit", "post", "double_word", "rank_word")
_NONE_AFTER_NUMBER: Final = (None,) * len(_AFTER_NUMBER_GROUPS)


def ends_on_number(m: re.Match[str]) -> bool:
    """Whether a match of the grammar ends on its number (no unit or qualifier word after it)."""
    return m.group(*_AFTER_NUMBER_GROUPS) == _NONE_AFTER_NUMBER


def touches_number(text: str, m: re.Match[str]) -> bool:
    """Whether a match ``m`` of the grammar in ``text`` is part of a longer number it did not read.

    A number character just before it (or a slash after one: 2024/3万元), or just after a match
    that ends on its number (no unit or qualifier word after it), makes it part of a longer
    number.

    Examples
    --------
    >>> from futian_indicators.language.grammar import QUANTITY_RE
    >>> touches_number("总数三百余家", QUANTITY_RE.search("总数三百余家", 3))
    True
    >>> touches_number("一点五亿元", QUANTITY_RE.search("一点五亿元", 2))
    True
    >>> touches_number("共五百家", QUANTITY_RE.search("共五百家"))
    False
    >>> touches_number("2024/3万元", QUANTITY_RE.search("2024/3万元", 5))
    True
    """
    start, end = m.span()
    if start and text[start - 1] in NUMBER_CHARS:
        return True
    if start > 1 and text[start - 1] in SLASHES and text[start - 2] in NUMBER_CHARS:
        return True  # 2024/3万元: the 3 of a slash the grammar did not read as a share
    return end < len(text) and text[end] in NUMBER_CHARS and ends_on_number(m)


def _clause_before(text: str, start: int, reach: int) -> str:
    """Up to ``reach`` characters before ``start``, cut at the last end of a clause."""
    before = text[start - reach if start > reach else 0 : start]
    # the greedy .* backs off to the last end of a clause (as the largest rfind of each would)
    cut = _UP_TO_CLAUSE_END_RE.match(before)
    return before if cut is None else before[cut.end() :]


def _holds_any(text: str, start: int, reach: int, first: re.Pattern[str]) -> bool:
    """Whether a character ``first`` matches is among the ``reach`` characters before ``start``.

    The words looked for before a number start with one of a few characters (最, 不; 每):
    where none of them is there, no word is either, in the clause or before it, and the clause
    need not be cut.
    """
    return first.search(text, start - reach if start > reach else 0, start) is not None


#: Both words looked for before a number (a distant qualifier, a rate per population): where
#: none of their first characters is among the :data:`_BEFORE_REACH` characters before it,
#: neither :func:`distant_reading` nor :func:`population_unit` finds one.
_FIRSTS_BEFORE: Final = "".join(
    sorted({w[0] for w in (*DISTANT_QUALIFIERS, *PER_POPULATION_WORDS)})
)
_BEFORE_FIRST: Final = re.compile(f"[{_FIRSTS_BEFORE}]")
_BEFORE_REACH: Final = max(_DISTANT_REACH, _REACH)


def may_be_qualified(text: str, start: int) -> bool:
    """Whether a distant qualifier or a rate per population may stand before ``start``.

    False means that :func:`distant_reading` and :func:`population_unit` both give None
    (one look where each of them would look again).

    Examples
    --------
    >>> may_be_qualified("最高奖励300万元", 4), may_be_qualified("奖励300万元", 2)
    (True, False)
    """
    return _holds_any(text, start, _BEFORE_REACH, _BEFORE_FIRST)


#: What :func:`touches_number` looks for right before a match: a number character or a slash.
NUMBER_OR_SLASH: Final = NUMBER_CHARS | frozenset(SLASHES)


def qualifiable_places(text: str) -> bytearray:
    """:func:`may_be_qualified` at every place of a text: ``places[start]`` is 1 where it is True.

    The characters it looks for are rare (a thousand a megabyte): marking the few places after
    each costs less than a search before every quantity.

    Examples
    --------
    >>> list(qualifiable_places("最高奖励300万元")[:11])
    [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    """
    places = bytearray(len(text) + 1 + _BEFORE_REACH)  # the tail past the text is never read
    reached = b"\x01" * _BEFORE_REACH
    for first in _FIRSTS_BEFORE:
        at = text.find(first)
        while at >= 0:
            places[at + 1 : at + 1 + _BEFORE_REACH] = reached
            at = text.find(first, at + 1)
    return places


def distant_reading(text: str, start: int) -> str | None:
    """The reading of a qualifier a few characters before a number, in its clause, or None.

    Only the words between the qualifier and the number must hold no other number.

    Examples
    --------
    >>> distant_reading("给予最高不超过", 7), distant_reading("最高的3家", 3)
    ('under_closed', 'under_closed')
    >>> distant_reading("奖励300万元", 2) is None
    True
    """
    reach = _DISTANT_REACH
    if not _holds_any(text, start, reach, _DISTANT_FIRST):
        return None
    before = _clause_before(text, start, reach)
    found = list(_DISTANT_RE.finditer(before))
    if not found:
        return None
    last = found[-1]
    if _NUMBER_CHAR_RE.search(before, last.end()):
        return None
    return DISTANT_QUALIFIERS[last.group(0)]


def population_unit(text: str, start: int) -> str | None:
    """The base unit of a rate per population named before a number in its clause, or None."""
    if not _holds_any(text, start, _REACH, _POPULATION_FIRST):
        return None
    before = _clause_before(text, start, _REACH)
    for word, unit in PER_POPULATION_WORDS.items():
        if word in before:
            return unit
    return None


def counts_days(text: str, start: int) -> bool:
    """Whether a number of days before ``start`` is a measure: its clause names 天数."""
    before = _clause_before(text, start, _REACH)
    return any(word in before for word in DAY_COUNT_WORDS)
