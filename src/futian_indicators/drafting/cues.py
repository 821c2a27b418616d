"""What the words around a number say about it: its period, its status and its area.

Used by :mod:`futian_indicators.drafting.draft` to propose a draft figure's ``period``, ``status``
and ``geo``. A letter is cut at three levels (:class:`Segments`): the *sentence* (up to 。！？), the
*clause* (up to ，；： as well) and the *phrase* (up to 、 as well).

Period (:class:`Periods`)
    The nearest period words before the number, in its clause or framing its sentence from
    another clause (opening or closing that clause, 2023年以来，…; or after a verb of intent,
    推动河套合作区2025年…); else after it in its clause; else a frame opening an earlier sentence
    of the same section (截至2024年底，… 2023年以来，… 当前，…) with no period words between; else
    the letter's date (a current stock). An undated letter's default is the year before its
    document number's (20250021: 2024): the year ``2024`` for a flow or growth, else as of
    ``2024-12-31``; shares, growth rates and ranks follow the indicator they are of.

    =======================  ====================  ========================================
    words                    label                 note
    =======================  ====================  ========================================
    截至2023年8月底          ``2023-08-31``        also 2023年8月底, 截至2023年8月
    截至2024年底, 2024年末   ``2024-12-31``
    截至2023年8月31日        ``2023-08-31``        also a date alone: 2020年4月11日
    截至目前, 目前, 当前     the letter's date
    2023年以来, 自2020年起   ``2023-01-01/<date>``  up to the letter's date
    2023年上半年             ``2023H1``
    2023年第三季度           ``2023Q3``
    2023年8月                ``2023-08``
    2021-2023年              ``2021/2023``
    较2020年                 ``2020/2024``         to the sentence's year (2024年…较2020年)
    3年累计, 3年翻两番       ``2022/2024``         3 years to the sentence's year, or to
                                                   the year before the letter's
    2024年, 2024年度         ``2024``
    全年, 今年               the letter's year
    年度 (with no year)      the year before       the annual figure: the last full year
    =======================  ====================  ========================================

Status (:func:`status_of`)
    ``policy`` when the clause gives a rule's parameter (最高, 不超过, 比例) in a sentence
    that grants (给予, 可申请, 可获, 补贴, 贴息, 资助, 奖励, 扶持, 补助), or 可申请, 可获, 给予
    stand before the number in its clause; ``plan`` when 计划 or 拟 stands before it in its clause;
    ``target`` when 目标, 力争, 争取, 到2025年 or 下一步 stands before it in its sentence, when its
    period lies after the letter's year, or when a verb of intent (推动, 确保, 将) comes before a
    year no earlier than the letter's; else ``actual``.

Area (:func:`~futian_indicators.drafting.area.geo_of`)
    The area named in the number's clause, heading its sentence or opening its passage or
    section; else ``futian`` by convention.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from .. import vocab
from ..core.period import parse_period
from ..errors import CurationError
from ..language.lexicon import CN_DIGITS, DAY, MONTH, SECTION_RE, YEAR
from ..language.normalise import NormalisedText

Offsets = tuple[int, int]
"""A span ``(start, end)`` of the normalised letter."""

SENTENCE, CLAUSE, PHRASE = 3, 2, 1
"""The levels a letter is cut at (larger holds smaller)."""

LEVEL_NAMES: Final = {PHRASE: "same phrase", CLAUSE: "same clause", SENTENCE: "same sentence"}
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


# ---------------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------------

_Y = rf"({YEAR})"
_M = rf"({MONTH})"
_D = rf"({DAY})"
_PERIOD_RE: Final = re.compile(
    "|".join(
        [
            rf"(?P<as_of_day>截至{_Y}年{_M}月{_D}日)",
            rf"(?P<as_of_month>(?:截至)?{_Y}年{_M}月(?:底|末)|截至{_Y}年{_M}月)",
            rf"(?P<as_of_year>(?:截至)?{_Y}年(?:底|末))",
            r"(?P<now>截至(?:目前|当前|今)|目前|当前|至今)",
            rf"(?P<since>(?:自|从)?{_Y}年(?:以来|起|至今))",
            r"(?P<ignore>(?:上年|去年|上一年)?同期)",
            rf"(?P<months>(?:{_Y}年)?{_M}[-—~～至到]{_M}月(?:份)?)",
            rf"(?P<half>{_Y}年(上|下)半年)",
            rf"(?P<quarter>{_Y}年(?:第)?([一二三四1-4])季度)",
            rf"(?P<day>{_Y}年{_M}月{_D}日)",
            rf"(?P<month>{_Y}年{_M}月)",
            rf"(?P<years>{_Y}[-—~～至到]{_Y}年)",
            rf"(?P<base>较{_Y}年)",
            r"(?P<span>(?<![\d年])([1-9一二两三四五六七八九十])年(?=来|累计|翻|间|以来))",
            rf"(?P<year>{_Y}年(?:度)?)",
            r"(?P<this_year>今年|本年)",
            r"(?P<that_year>全年|当年)",
            r"(?P<prior_year>上年|去年|上一年)",
            r"(?P<annual>年度)",
        ]
    )
)
_CN_NUMBER: Final = {**CN_DIGITS, "十": 10}
_CLAUSE_ONLY_KINDS: Final = frozenset({"span", "base", "ignore"})
_FRAME_KINDS: Final = frozenset({"as_of_day", "as_of_month", "as_of_year", "now", "since"})
_INTENT_BEFORE_RE: Final = re.compile(r"(?:推动|力争|争取|确保|到|将)[^，；。]{0,20}$")
_MAX_CARRY: Final = 8


@dataclass(frozen=True, slots=True)
class Marker:
    """Period words in a sentence: where, their kind and their numbers."""

    start: int
    end: int
    kind: str
    numbers: tuple[int, ...]
    words: str


def markers(text: str, start: int, end: int) -> list[Marker]:
    """The period words of ``text[start:end]``, in order.

    Examples
    --------
    >>> [(m.kind, m.numbers) for m in markers("截至2023年8月底，2023年上半年，3年累计", 0, 30)]
    [('as_of_month', (2023, 8)), ('half', (2023, 1)), ('span', (3,))]
    """
    out = []
    for m in _PERIOD_RE.finditer(text, start, end):
        kind = str(m.lastgroup)
        groups = [g for g in m.groups() if g is not None][1:]  # [0]: the kind's whole match
        numbers = tuple(int(g) if g.isdigit() else _CN_NUMBER.get(g, 0) for g in groups)
        if kind == "half":
            numbers = (numbers[0], 1 if groups[1] == "上" else 2)
        if kind == "months":
            year = re.match(rf"{YEAR}", m.group(0))
            numbers = (int(year.group(0)) if year else 0, *numbers[-2:])
        out.append(Marker(m.start(), m.end(), kind, numbers, m.group(0)))
    return out


@dataclass(frozen=True, slots=True)
class LetterDates:
    """The letter's date, and its year.

    The year is the date's, else the year the document number starts with (suggestion 20250021
    was raised, and answered, in 2025).
    """

    date: dt.date | None
    year: int | None

    @classmethod
    def of(cls, date: dt.date | None, doc_number: str | None) -> LetterDates:
        """From the letter's date and document number."""
        year = date.year if date else None
        if year is None and doc_number and re.match(rf"{YEAR}\d{{3}}", doc_number):
            year = int(doc_number[:4])
        return cls(date, year)


def _valid(label: str | None) -> str | None:
    if label is None:
        return None
    try:
        return parse_period(label).label
    except CurationError:
        return None


def _months(year: int | None, first: int, last: int) -> str | None:
    if not year or not 1 <= first <= last <= 12:
        return None
    return f"{year}-{first:02d}-01/{parse_period(f'{year}-{last:02d}').end.isoformat()}"


def _label(
    marker: Marker, sentence: list[Marker], dates: LetterDates, context_year: int | None = None
) -> str | None:
    """The period label a marker stands for (None when the letter lacks what it needs).

    ``context_year`` is the year the words around give a marker with no year of its own (全年,
    1-4月): the last year before it in its sentence, else the year opening its paragraph.
    """
    n, kind = marker.numbers, marker.kind
    year_before = [m.numbers[0] for m in sentence if m.end <= marker.start and m.numbers
                   and m.numbers[0] > 1900]  # fmt: skip
    known_year = year_before[-1] if year_before else context_year
    letter_date = dates.date.isoformat() if dates.date else None
    years = [m.numbers[0] for m in sentence if m.kind == "year" and m is not marker]
    labels: dict[str, Callable[[], str | None]] = {
        "as_of_day": lambda: f"{n[0]:04d}-{n[1]:02d}-{n[2]:02d}",
        "day": lambda: f"{n[0]:04d}-{n[1]:02d}-{n[2]:02d}",
        "as_of_month": lambda: (
            parse_period(f"{n[0]:04d}-{n[1]:02d}").end.isoformat() if 1 <= n[1] <= 12 else None
        ),
        "as_of_year": lambda: f"{n[0]}-12-31",
        "now": lambda: letter_date,
        "since": lambda: f"{n[0]}-01-01/{letter_date}" if letter_date else None,
        "half": lambda: f"{n[0]}H{n[1]}",
        "quarter": lambda: f"{n[0]}Q{n[1]}",
        "month": lambda: f"{n[0]}-{n[1]:02d}",
        "years": lambda: f"{n[0]}/{n[1]}",
        "base": lambda: next((f"{n[0]}/{y}" for y in years if y > n[0]), None),
        "span": lambda: _span(n[0], years[0] if years else (dates.year and dates.year - 1)),
        "year": lambda: str(n[0]),
        "this_year": lambda: str(dates.year) if dates.year else None,
        "that_year": lambda: str(known_year or dates.year) if known_year or dates.year else None,
        "prior_year": lambda: str(dates.year - 1) if dates.year else None,
        "annual": lambda: str(dates.year - 1) if dates.year else None,
        "months": lambda: _months(n[0] or known_year or dates.year, n[1], n[2]),
        "ignore": lambda: None,
    }
    return _valid(labels[kind]())


def _span(length: int, end: int | None) -> str | None:
    return f"{end - length + 1}/{end}" if end and length > 1 else None


def _default(dates: LetterDates, measure: str) -> tuple[str, str] | None:
    if dates.date is not None:
        return dates.date.isoformat(), "no period words: a current stock, as of the letter's date"
    if dates.year is None:
        return None
    year = dates.year - 1
    why = f"no period words, undated letter: the year before its document number's ({year})"
    return (str(year) if measure in vocab.PERIOD_MEASURES else f"{year}-12-31"), why


@dataclass(frozen=True, slots=True)
class PeriodChoice:
    """A number's period label, the words it comes from, and whether the letter states it.

    ``words`` are the spans of the letter that state it (a marker, and the year that gives a
    marker with no year of its own its year), empty when a default gives the label.
    """

    label: str
    why: str
    stated: bool
    words: tuple[Offsets, ...] = ()


class Periods:
    """Chooses the period of each number of one letter (see the module docs).

    The words that govern a number are looked for in order: its clause and sentence, then a
    frame (截至…底, …以来, 目前) opening an earlier sentence of its section. 全年, 当年 and a
    month range with no year (1-4月) take the year last named before them in the sentence, else
    the year opening the paragraph, else the letter's year.

    Examples
    --------
    >>> text = "截至2024年底，园区已有进展。制度方面，实行5项制度。"
    >>> segments = Segments(text)
    >>> periods = Periods(segments, LetterDates(dt.date(2025, 9, 26), 2025))
    >>> periods.of(Place.of(segments, (22, 24)), "stock").label
    '2024-12-31'
    """

    def __init__(self, segments: Segments, dates: LetterDates) -> None:
        self.segments, self.text, self.dates = segments, segments.text, dates

    def _frames(self, marker: Marker) -> bool:
        """Whether period words open or close their clause (2023年以来，… ；…，2024年，…)."""
        start, end = self.segments.span(CLAUSE, marker.start, marker.end)
        return marker.end == end or self.segments.opens(start, marker.start)

    def _eligible(self, marker: Marker, clause: Offsets) -> bool:
        """In the number's clause, or framing its sentence from another clause."""
        if clause[0] <= marker.start and marker.end <= clause[1]:
            return True
        if marker.kind in _CLAUSE_ONLY_KINDS:
            return False
        own = self.segments.span(CLAUSE, marker.start, marker.end)
        intent = _INTENT_BEFORE_RE.search(self.text, own[0], marker.start)
        return self._frames(marker) or intent is not None

    def _opening(self, sentence: Offsets) -> Marker | None:
        """Period words opening a sentence (or framing its first clause), if any."""
        found = [m for m in markers(self.text, *sentence) if m.kind not in _CLAUSE_ONLY_KINDS]
        if found and self._frames(found[0]):
            first_clause = self.segments.span(CLAUSE, sentence[0], sentence[0])
            if found[0].start <= first_clause[1]:
                return found[0]
        return None

    def _earlier(self, sentence: Offsets) -> list[Offsets]:
        """The sentences before ``sentence`` in its paragraph, nearest first.

        Then the heading of its section: a short paragraph with no sentence end, just before.
        """
        para = self.segments.paragraph(sentence[0])
        out, at = [], sentence[0]
        while at > para[0]:
            previous = self.segments.span(SENTENCE, at - 1, at - 1)
            previous = max(previous[0], para[0]), previous[1]
            out.append(previous)
            at = previous[0]
        if para[0] > 0:
            heading = self.segments.paragraph(para[0] - 1)
            if "。" not in self.text[slice(*heading)]:
                out.append(heading)
        return out

    def _carried(self, sentence: Offsets) -> Marker | None:
        """A frame opening an earlier sentence of the same section, no period words between."""
        if SECTION_RE.match(self.text, sentence[0]):
            return None
        at = sentence[0]
        for _ in range(_MAX_CARRY):
            if at <= 0:
                return None
            previous = self.segments.span(SENTENCE, at - 1, at - 1)
            found = markers(self.text, *previous)
            if found:
                first = found[0]
                return first if first.kind in _FRAME_KINDS and self._frames(first) else None
            if SECTION_RE.match(self.text, previous[0]):
                return None
            at = previous[0]
        return None

    def _context_year(self, sentence: Offsets) -> Marker | None:
        """The year opening the number's paragraph (or an earlier sentence of it)."""
        if len(self.segments.paragraphs) <= 1:
            return None
        for earlier in self._earlier(sentence):
            opening = self._opening(earlier)
            if opening is not None and opening.numbers and opening.numbers[0] > 1900:
                return opening
        return None

    def of(self, place: Place, measure: str) -> PeriodChoice | None:
        """The period of the number at ``place`` (None: undated letter, no words, no year).

        ``measure`` decides an undated letter's default: a flow or growth gets the year, any
        other measure the year's last day.
        """
        mention, clause = place.mention, place.clause
        found = markers(self.text, *place.sentence)
        before = [m for m in found if m.end <= mention[0] and self._eligible(m, clause)]
        after = [
            m
            for m in found
            if m.start >= mention[1] and m.end <= clause[1] and m.kind not in _CLAUSE_ONLY_KINDS
        ]
        context = self._context_year(place.sentence)
        for marker in [*before[::-1], *after]:
            choice = self._choice(marker, found, context, "")
            if choice is not None:
                return choice
        carried = self._carried(place.sentence)
        if carried is not None:
            choice = self._choice(carried, [], context, " opening an earlier sentence")
            if choice is not None:
                return choice
        default = _default(self.dates, measure)
        return PeriodChoice(default[0], default[1], False) if default else None

    def _choice(
        self, marker: Marker, sentence: list[Marker], context: Marker | None, where: str
    ) -> PeriodChoice | None:
        year = context.numbers[0] if context is not None else None
        label = _label(marker, sentence, self.dates, year)
        if label is None:
            return None
        words: tuple[Offsets, ...] = ((marker.start, marker.end),)
        dated = bool(marker.numbers) and marker.numbers[0] > 1900
        own_year = dated or marker.kind in ("now", "this_year", "prior_year", "annual")
        in_sentence = [m for m in sentence if m.end <= marker.start and m.numbers
                       and m.numbers[0] > 1900]  # fmt: skip
        why = f"“{marker.words}”{where}"
        if not own_year and in_sentence:
            words = ((in_sentence[-1].start, in_sentence[-1].end), *words)
            why += f" with “{in_sentence[-1].words}” before it"
        elif not own_year and context is not None:
            words = ((context.start, context.end), *words)
            why += f" with “{context.words}” opening its paragraph"
        return PeriodChoice(label, why, True, words)
