"""A letter cut into sentences, clauses and phrases, its paragraphs and its section headings.

A letter is cut at three levels (:class:`Segments`): the *sentence* (up to 。！？), the *clause*
(up to ，；： as well) and the *phrase* (up to 、 as well); paragraphs start after a line break of
the raw letter, and a short line with no sentence end just before a paragraph is its heading.
The drafter reads a number's period, status and area from the words of these segments
(:mod:`futian_indicators.drafting.cues`, :mod:`~futian_indicators.drafting.status_area`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ..language.lexicon import CN_SMALL_NUMERALS, SECTION_RE
from ..language.normalise import NormalisedText

__all__ = [
    "CLAUSE",
    "LEVEL_NAMES",
    "PHRASE",
    "SENTENCE",
    "Offsets",
    "Place",
    "Segments",
    "paragraph_starts",
]

Offsets = tuple[int, int]
"""A span ``(start, end)`` of the normalised letter."""

SENTENCE, CLAUSE, PHRASE = 3, 2, 1
"""The levels a letter is cut at (larger holds smaller)."""

LEVEL_NAMES: Final = {PHRASE: "same phrase", CLAUSE: "same clause", SENTENCE: "same sentence"}
_MAX_CARRY: Final = 8  # earlier sentences of a paragraph that may govern a number
_ITEM_RE: Final = re.compile(rf"[{CN_SMALL_NUMERALS}]+是")  # an item of a list: 一是, 二是
_HEADING_LENGTH: Final = 60
_DELIMITERS: Final = {
    SENTENCE: re.compile(r"[。！？!?]"),
    CLAUSE: re.compile(r"[。！？!?，；;：]|,(?!\d{3})|:(?!\d)"),
    PHRASE: re.compile(r"[。！？!?，；;：、]|,(?!\d{3})|:(?!\d)"),
}


class Segments:
    """The sentences, clauses and phrases of a text, as delimiter positions.

    Examples
    --------
    >>> s = Segments("截至2024年底，共15家、超120家。下一步")
    >>> s.span(SENTENCE, 10, 13), s.span(CLAUSE, 10, 13), s.span(PHRASE, 14, 19)
    ((0, 19), (9, 19), (14, 19))
    """

    def __init__(self, text: str, paragraphs: Sequence[int] = ()) -> None:
        self.text = text
        self.cuts = {
            level: [m.start() for m in rx.finditer(text)] for level, rx in _DELIMITERS.items()
        }
        self.paragraphs = sorted({0, *paragraphs})

    def paragraph(self, at: int) -> Offsets:
        """The paragraph holding position ``at`` (the whole text when none are known)."""
        i = bisect.bisect_right(self.paragraphs, at)
        end = self.paragraphs[i] if i < len(self.paragraphs) else len(self.text)
        return self.paragraphs[i - 1], end

    def span(self, level: int, start: int, end: int) -> Offsets:
        """The segment of ``level`` holding ``text[start:end]`` (its delimiter left out)."""
        cuts = self.cuts[level]
        i = bisect.bisect_left(cuts, start)
        j = bisect.bisect_left(cuts, end)
        return (cuts[i - 1] + 1 if i > 0 else 0), (cuts[j] if j < len(cuts) else len(self.text))

    def level_of(self, span: Offsets, mention: Offsets) -> int:
        """The smallest level whose segment holding ``mention`` also holds ``span``."""
        lo, hi = min(span[0], mention[0]), max(span[1], mention[1])
        for level in (PHRASE, CLAUSE):
            a, b = self.span(level, *mention)
            if a <= lo and hi <= b:
                return level
        return SENTENCE

    def widen(self, span: Offsets, side: int) -> Offsets:
        """Extend a span by one clause to the left (``side`` -1) or to the right (+1)."""
        a, b = span
        if side < 0:
            return (self.span(CLAUSE, a - 1, a - 1)[0] if a > 0 else a), b
        return a, (self.span(CLAUSE, b + 1, b + 1)[1] if b < len(self.text) else b)

    def _paragraph_of(self, at: int) -> Offsets:
        """The paragraph at ``at``; one that starts inside a sentence continues the one before."""
        para = self.paragraph(at)
        while (
            para[0] > 0
            and self.text[: para[0]].rstrip("*# ")[-1:] not in "。！？"
            and not self._is_heading(self.paragraph(para[0] - 1))
        ):
            para = self.paragraph(para[0] - 1)[0], para[1]
        return para

    def clipped(self, sentence: Offsets, at: int) -> Offsets:
        """The sentence holding ``at``, from where the paragraph of ``at`` starts.

        No 。 ends a heading line, so a sentence may run on from it: this leaves it out.
        """
        return max(sentence[0], self._paragraph_of(at)[0]), sentence[1]

    def earlier(self, sentence: Offsets) -> list[Offsets]:
        """The sentences before ``sentence`` in its paragraph, nearest first (eight at most)."""
        para = self._paragraph_of(sentence[0])
        out: list[Offsets] = []
        at = sentence[0]
        while at > para[0] and len(out) < _MAX_CARRY:
            previous = self.span(SENTENCE, at - 1, at - 1)
            previous = max(previous[0], para[0]), previous[1]
            out.append(previous)
            at = previous[0]
        return out

    def heading(self, sentence: Offsets) -> Offsets | None:
        """The heading of the section ``sentence`` is in, or None.

        A heading is a short line with no sentence end just before the sentence's paragraph
        (（一）强化多元投资主体联动).
        """
        para = self._paragraph_of(sentence[0])
        if para[0] == 0:
            return None
        line = self.paragraph(para[0] - 1)
        if self._is_heading(line):
            return line
        return self._list_head(para)

    def _list_head(self, para: Offsets) -> Offsets | None:
        """The sentence heading the list an item paragraph is in (…做好以下工作：, then 二是…).

        The items before it are paragraphs of their own (一是…。); the head ends with a colon.
        """
        text = self.text
        if not _ITEM_RE.match(text, para[0]):
            return None
        line = para
        for _ in range(_MAX_CARRY):
            if line[0] == 0 or not _ITEM_RE.match(text, line[0]):
                break
            line = self.paragraph(line[0] - 1)
        words = text[slice(*line)].rstrip()
        if _ITEM_RE.match(text, line[0]) or not words.endswith(("：", ":")):
            return None
        end = line[0] + len(words)
        return max(line[0], self.span(SENTENCE, end - 1, end - 1)[0]), end

    def governing(self, sentence: Offsets) -> list[Offsets]:
        """Where words may govern a sentence from: the earlier sentences, then the heading."""
        heading = self.heading(sentence)
        return [*self.earlier(sentence), *([heading] if heading else [])]

    def _is_heading(self, span: Offsets) -> bool:
        words = self.text[slice(*span)]
        return "。" not in words and len(words) <= _HEADING_LENGTH

    def opens(self, start: int, at: int) -> bool:
        """Whether ``at`` opens the segment starting at ``start`` (after 一是, （一） ...)."""
        opening = SECTION_RE.match(self.text, start)
        return at == (opening.end() if opening else start)


def paragraph_starts(letter: NormalisedText) -> list[int]:
    """Where the paragraphs of a normalised letter start: after a line break of the raw text."""
    raw, offsets = letter.raw, letter.offsets
    return [i for i in range(1, len(offsets)) if "\n" in raw[offsets[i - 1] + 1 : offsets[i]]]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a number stands: its span, its clause and its sentence."""

    mention: Offsets
    clause: Offsets
    sentence: Offsets

    @classmethod
    def of(cls, segments: Segments, mention: Offsets) -> Place:
        """The place of ``mention`` in a segmented text."""
        return cls(mention, segments.span(CLAUSE, *mention), segments.span(SENTENCE, *mention))
