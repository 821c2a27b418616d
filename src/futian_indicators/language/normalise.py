"""Normalise a letter for matching, and keep the way back to its raw characters.

The letters are text extracted from PDFs: page numbers stand on lines of their own, sentences
and numbers are broken by line breaks and stray spaces ("超 1100 亿元", "新能源产业推\\n\\n动"),
and one letter carries markdown emphasis (``**``, ``###``). Normalisation removes exactly these
artefacts and nothing else:

1. a page-number line (one to three digits alone on a line between blank lines) is dropped;
2. markdown emphasis ``**`` and a heading's leading ``#`` marks are dropped;
3. white space is dropped, except one space between two ASCII letters or digits
   ("TA 20210091" stays readable).

Every other character (Chinese punctuation included) is kept as it is. The result keeps, for each
of its characters, the index of the raw character it comes from, so that a quote found in the
normalised text is stored with offsets into the raw text (Python string indices of the decoded
file).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..errors import CurationError

_PAGE_NUMBER_LINE = re.compile(r"(?<=\n\n)[ \t]*(?P<number>\d{1,3})[ \t]*\n(?=[ \t]*\n)", re.ASCII)
_HEADING_MARKS = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
_EMPHASIS = re.compile(r"\*\*")


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised text and, for each of its characters, the raw index it comes from."""

    raw: str
    text: str
    offsets: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the raw ``(start, end)`` that the normalised ``text[start:end]`` comes from.

        Examples
        --------
        >>> t = normalise("超 1100\\n亿元")
        >>> t.text
        '超1100亿元'
        >>> t.raw_span(0, 7)
        (0, 9)
        """
        if not 0 <= start < end <= len(self.text):
            msg = f"span ({start}, {end}) is not a non-empty span of a text of {len(self.text)}"
            raise IndexError(msg)
        return self.offsets[start], self.offsets[end - 1] + 1

    def find_all(self, needle: str) -> list[int]:
        """Return every start index of ``needle`` in the normalised text (overlaps included)."""
        found, start = [], self.text.find(needle)
        while start >= 0:
            found.append(start)
            start = self.text.find(needle, start + 1)
        return found


def page_numbers(raw: str) -> list[tuple[int, int]]:
    """The raw ``(start, end)`` of every page number that normalisation drops.

    They are numbers of the letter too, so the mentions table lists them (kind ``page_number``).

    Examples
    --------
    >>> raw = "的问题，\\n\\n\\n\\n4\\n\\n对接"
    >>> [raw[a:b] for a, b in page_numbers(raw)]
    ['4']
    """
    return [m.span("number") for m in _PAGE_NUMBER_LINE.finditer(raw)]


def _dropped_spans(raw: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PAGE_NUMBER_LINE.finditer(raw)]
    spans += [m.span() for m in _HEADING_MARKS.finditer(raw)]
    spans += [m.span() for m in _EMPHASIS.finditer(raw)]
    return spans


def _is_ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


_WHITESPACE_RUN = re.compile(r"\s+")  # \s is str.isspace(): the same Unicode white space
_NOTHING_TO_DROP = re.compile(r"[\s*#]")


def _kept_runs(raw: str, dropped: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of ``raw`` that normalisation keeps: neither white space nor a dropped span."""
    cuts = sorted(dropped + [m.span() for m in _WHITESPACE_RUN.finditer(raw)])
    runs, at = [], 0
    for start, end in cuts:
        if start > at:
            runs.append((at, start))
        at = max(at, end)
    if at < len(raw):
        runs.append((at, len(raw)))
    return runs


def normalise(raw: str) -> NormalisedText:
    """Normalise a letter (or a quote) and keep the offset map.

    Parameters
    ----------
    raw : str
        The decoded text.

    Returns
    -------
    NormalisedText
        ``text`` is the normalised text; ``offsets[i]`` is the index in ``raw`` of ``text[i]``.

    Examples
    --------
    >>> normalise("**新能源产业推**\\n\\n动华为").text
    '新能源产业推动华为'
    >>> normalise("关于对 TA 20210091“坚持").text
    '关于对TA 20210091“坚持'
    >>> normalise("的问题，\\n\\n\\n\\n4\\n\\n对接").text
    '的问题，对接'
    """
    if not _NOTHING_TO_DROP.search(raw):  # a quote, mostly: nothing to do
        return NormalisedText(raw, raw, tuple(range(len(raw))))
    spans = _dropped_spans(raw)
    dropped = bytearray(len(raw))
    for start, end in spans:
        dropped[start:end] = b"\x01" * (end - start)
    parts: list[str] = []
    offsets: list[int] = []
    last = ""  # the last kept character
    previous_end = 0
    for start, end in _kept_runs(raw, spans):
        # A space is kept between two ASCII letters or digits that white space (not only a
        # dropped span) separates; it stands at the first white space character between them.
        space = dropped.find(0, previous_end, start)
        if space >= 0 and last and _is_ascii_word(last) and _is_ascii_word(raw[start]):
            parts.append(" ")
            offsets.append(space)
        parts.append(raw[start:end])
        offsets.extend(range(start, end))
        last, previous_end = raw[end - 1], end
    return NormalisedText(raw, "".join(parts), tuple(offsets))


@dataclass(frozen=True, slots=True)
class Passage:
    """A quote located in a normalised letter, and a part of it (a number), as normalised spans."""

    quote: tuple[int, int]
    part: tuple[int, int]


class PassageError(CurationError):
    """A quote is not in its letter (or not once), or its part is not in the quote (or not once)."""


def _not_found_hint(quote: str, letter: NormalisedText) -> str:
    """Say how much of the quote the letter has, and where it departs from it."""
    matcher = difflib.SequenceMatcher(None, quote, letter.text, autojunk=False)
    match = matcher.find_longest_match(0, len(quote), 0, len(letter.text))
    if match.size == 0:
        return "no part of it is in the letter"
    found = quote[match.a : match.a + match.size]
    after_quote = quote[match.a + match.size : match.a + match.size + 10]
    after_letter = letter.text[match.b + match.size : match.b + match.size + 10]
    return (
        f"the longest part found is {found!r}; after it the quote reads {after_quote!r} "
        f"where the letter reads {after_letter!r}"
    )


def locate(letter: NormalisedText, quote: str, part: str) -> Passage:
    """Find ``quote`` once in the letter and ``part`` once in the quote (both normalised first).

    Raises
    ------
    PassageError
        Saying what is missing or repeated, and how to fix the quote.

    Examples
    --------
    >>> letter = normalise("2024年实现地区生产总值5948.82 亿元，地均GDP")
    >>> locate(letter, "实现地区生产总值5948.82亿元", "5948.82亿元")
    Passage(quote=(5, 22), part=(13, 22))
    """
    wanted, number = normalise(quote).text, normalise(part).text
    starts = letter.find_all(wanted)
    if not starts:
        hint = _not_found_hint(wanted, letter)
        msg = f"quote {quote!r} is not in the letter: {hint}; copy the quote from the letter"
        raise PassageError(msg)
    if len(starts) > 1:
        msg = f"quote {quote!r} occurs {len(starts)} times in the letter; lengthen it"
        raise PassageError(msg)
    count = wanted.count(number)
    if count != 1:
        where = "is not in" if count == 0 else "occurs more than once in"
        msg = f"{part!r} {where} its quote {wanted!r}; copy it from the quote, or change the quote"
        raise PassageError(msg)
    start, offset = starts[0], wanted.index(number)
    return Passage((start, start + len(wanted)), (start + offset, start + offset + len(number)))
