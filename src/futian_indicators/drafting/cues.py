"""What the words around a number say about it: its period (and the letter's segments).

Used by :mod:`futian_indicators.drafting.draft` to propose a draft figure's ``period``; status and
area are read in :mod:`~futian_indicators.drafting.status_area`. A letter is cut at three levels
(:class:`Segments`): the *sentence* (up to 。！？), the *clause* (up to ，；： as well) and the
*phrase* (up to 、 as well); paragraphs start after a line break of the raw letter.

Period (:class:`Periods`)
    What period words *mean* is read by :mod:`futian_indicators.language.labels` (the build's
    reader: :func:`~futian_indicators.language.labels.period_words` and
    :func:`~futian_indicators.language.labels.word_labels`); the drafter only looks for the words
    that govern a number, in order:

    1. its quote and sentence: the nearest period words before it in its clause, or framing its
       sentence from another clause (opening or closing that clause, 2023年以来，…; or after a
       verb of intent, 推动河套合作区2025年…); else after it in its clause;
    2. its paragraph: period words opening an earlier sentence of it (截至2024年底，…
       2023年上半年，… 当前，…) with no period words between;
    3. its section heading: period words in the short line just before the paragraph;
    4. the letter's date: a current stock, or a count up to the date; an undated letter's default
       is the year before its document number's (20250021: 2024), the year for a flow or growth
       and the year's last day for any other measure.

    Words with no year of their own (全年, 当年, 1-4月, 3年累计, 较2020年, 多年) take the year
    named last before them in the sentence (较2020年: the year it is compared from), else the
    year opening the paragraph, else the letter's year (3年, 多年: the year before it). 今年,
    去年/上年 and 年度 are counted from the letter's year (去年 in a letter of 2025: 2024; 年度
    alone: the last full year); 上年同期 is a comparison, never the figure's period.

    A day (截至2023年8月底, 目前) dates a stock (``2023-08-31``) or ends a count
    (``../2023-08-31``): a flow is always a count, a rule's parameter is in force on the day; for
    any other measure the verb nearest before the number decides (开展, 举办, 服务, 受理, 办结,
    累计 … count; 拥有, 共有, 集聚, 汇集, 覆盖, 达 … hold a stock), and with none a stock. A
    period carried from an earlier sentence (2023年上半年，… 有效发明专利29292件) dates a stock at
    the period's last day (``2023-06-30``).

    Each choice says which words it rests on (:attr:`PeriodChoice.words`: the period words and
    the words that gave them their year), for the figure's ``period_basis`` and evidence.

Area (:func:`~futian_indicators.drafting.area.geo_of`)
    The area named in the number's clause, heading its sentence or opening its passage or
    section; else ``futian`` by convention.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from .. import vocab
from ..core.period import parse_period
from ..language.labels import YEARLESS_KINDS, PeriodWords, period_words, word_labels
from ..language.lexicon import SECTION_RE, YEAR
from ..language.normalise import NormalisedText

Offsets = tuple[int, int]
"""A span ``(start, end)`` of the normalised letter."""

SENTENCE, CLAUSE, PHRASE = 3, 2, 1
"""The levels a letter is cut at (larger holds smaller)."""

LEVEL_NAMES: Final = {PHRASE: "same phrase", CLAUSE: "same clause", SENTENCE: "same sentence"}
_MAX_CARRY: Final = 8  # earlier sentences of a paragraph that may govern a number
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
        return line if self._is_heading(line) else None

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


# ---------------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------------

_CLAUSE_ONLY_KINDS: Final = frozenset({"span", "base", "many", "same_period"})
_FRAME_KINDS: Final = frozenset(
    {"day", "month_end", "year_end", "prior_year_end", "now", "since", "this_year_since"}
)
_SPAN_FRAME_KINDS: Final = frozenset({"year", "half", "quarter", "month", "month_range"})
_SPAN_GOVERNS_RE: Final = re.compile(r"来|以来|累计|合计|共|间|内|翻|增长")
_INTENT_BEFORE_RE: Final = re.compile(r"(?:推动|力争|争取|确保|到|将)[^，；。]{0,20}$")
# The verb nearest a number: a count of what was done (up to a day), or a stock held on it.
_VERB_RE: Final = re.compile(
    r"(?P<count>触达|开展|举办|召开|辅导|指导|培训|宣讲|走访|对接|受理|办结|办理|收集|"
    r"帮助|报名|发布|发行|签约|兑现|发放|拨付|新增|累计|入池|解决|"
    r"服务(?=[^，；。、]{0,8}(?:企业|人次)))|"
    r"(?P<stock>共有|拥有|现有|设有|集聚|聚集|汇集|汇聚|入驻|落户|落地|覆盖|在库|在研|有效|"
    r"总数|总量|总面积|增至|建成|形成|实行|可调度|达|共(?=[\d超近约逾]))"
)


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


@dataclass(frozen=True, slots=True)
class PeriodChoice:
    """A number's period label, the words it comes from, and whether the letter states it.

    ``words`` are the spans of the letter that state it (the period words, and the words that
    give words with no year of their own their year), empty when a default gives the label;
    ``counted`` says whether the number was read as a count (a flow) rather than a stock.
    """

    label: str
    why: str
    stated: bool
    words: tuple[Offsets, ...] = ()
    counted: bool = False


def counted(text: str, place: Place, measure: str, *, guess: bool = False) -> bool | None:
    """Whether the number at ``place`` is a count (up to a day), not a stock held on it.

    A flow always is, a rule's parameter never; else the verb nearest the number decides (see
    the module docs): before it in its clause, else after it in its phrase (30余家机构入驻), else
    before it in its sentence; with none, a stock, or for a ``guess`` (a new indicator's stock or
    flow) None: the period words decide (a day dates a stock), else the guess.

    Examples
    --------
    >>> text = "截至2023年8月底，受理企业诉求2045条，辖区国家高新技术企业达1503家。"
    >>> s = Segments(text)
    >>> [counted(text, Place.of(s, (text.index(n), text.index(n) + 5)), "stock")
    ...  for n in ("2045条", "1503家")]
    [True, False]
    """
    if measure == "parameter" or (measure in vocab.FLOW_MEASURES and not guess):
        return measure != "parameter"
    start, (at, end) = place.clause[0], place.mention
    phrase_end = min((i for i in (text.find(c, end) for c in "，；。、") if i >= 0), default=end)
    for first, last in ((start, at), (end, min(phrase_end, place.clause[1])),
                        (place.sentence[0], start)):  # fmt: skip
        found = [m for m in _VERB_RE.finditer(text, first) if m.start() < last]
        found = [m for m in found if m.end() <= last]  # a lookahead may see past ``last``
        if found:
            verb = found[-1] if first != end else found[0]
            return verb.lastgroup == "count"
    return None if guess else False


def _pick(labels: frozenset[str], count: bool) -> str | None:
    """One label of the readings: a count's ``../<day>`` or a stock's ``<day>``, else the one."""
    days = sorted(x for x in labels if x.startswith("../"))
    if days and days[0][3:] in labels:
        return days[0] if count else days[0][3:]
    return min(labels) if labels else None


class Periods:
    """Chooses the period of each number of one letter (see the module docs).

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

    def _frames(self, words: PeriodWords) -> bool:
        """Whether period words open or close their clause (2023年以来，… ；…，2024年，…)."""
        start, end = self.segments.span(CLAUSE, words.start, words.end)
        return words.end == end or self.segments.opens(start, words.start)

    def _eligible(self, words: PeriodWords, clause: Offsets) -> bool:
        """In the number's clause, or framing its sentence from another clause.

        A length of years governs only as a time a count ran over (3年来, 3年累计, 3年翻两番),
        not as a name (三年行动计划).
        """
        if words.kind == "span" and not _SPAN_GOVERNS_RE.match(self.text, words.end):
            return False
        if clause[0] <= words.start and words.end <= clause[1]:
            return True
        if words.kind in _CLAUSE_ONLY_KINDS:
            return False
        own = self.segments.span(CLAUSE, words.start, words.end)
        intent = _INTENT_BEFORE_RE.search(self.text, own[0], words.start)
        return self._frames(words) or intent is not None

    def _opening(self, sentence: Offsets) -> PeriodWords | None:
        """Period words opening a sentence (or framing its first clause), if any."""
        found = [w for w in period_words(self.text, *sentence)
                 if w.kind not in _CLAUSE_ONLY_KINDS]  # fmt: skip
        if found and self._frames(found[0]):
            first_clause = self.segments.span(CLAUSE, sentence[0], sentence[0])
            if found[0].start <= first_clause[1]:
                return found[0]
        return None

    def _carried(self, sentence: Offsets) -> PeriodWords | None:
        """Period words opening an earlier sentence of the paragraph, none between."""
        if SECTION_RE.match(self.text, sentence[0]):
            return None
        for earlier in self.segments.governing(sentence):
            found = period_words(self.text, *earlier)
            if found:
                first = found[0]
                opens = self.segments.opens(earlier[0], first.start)
                frame = first.kind in _FRAME_KINDS or (first.kind in _SPAN_FRAME_KINDS and opens)
                return first if frame and self._frames(first) else None
            if SECTION_RE.match(self.text, earlier[0]):
                return None
        return None

    def _context_year(self, sentence: Offsets) -> PeriodWords | None:
        """The year opening the number's paragraph (or an earlier sentence of it)."""
        for earlier in self.segments.governing(sentence):
            opening = self._opening(earlier)
            if opening is not None and opening.year is not None:
                return opening
        return None

    def of(
        self, place: Place, measure: str, *, own: str | None = None, guess: bool = False
    ) -> PeriodChoice | None:
        """The period of the number at ``place`` (None: undated letter, no words, no year).

        ``measure`` is the one that decides an undated letter's default (a share's, growth's or
        rank's base's); ``own`` (default ``measure``) the indicator's own, which decides, with
        the verb before the number, whether a day dates a stock or ends a count
        (:func:`counted`; ``guess``: a new indicator's stock or flow, which the verb overrides).
        """
        mention, clause = place.mention, place.clause
        count = counted(self.text, place, own or measure, guess=guess)
        guessed = count if count is not None else measure in vocab.FLOW_MEASURES
        over_a_period = guessed or (not guess and measure in vocab.PERIOD_MEASURES)
        found = period_words(self.text, *place.sentence)
        before = [w for w in found if w.end <= mention[0] and self._eligible(w, clause)]
        after = [w for w in found if w.start >= mention[1] and w.end <= clause[1]
                 and w.kind not in _CLAUSE_ONLY_KINDS]  # fmt: skip
        context = self._context_year(place.sentence)
        for words in [*before[::-1], *after]:
            choice = self._choice(words, found, context, (count, guessed), "")
            if choice is not None:
                return choice
        carried = self._carried(place.sentence)
        if carried is not None:
            where = " opening an earlier sentence"
            choice = self._choice(carried, [], context, (count, guessed), where)
            if choice is not None and not over_a_period and carried.kind in _SPAN_FRAME_KINDS:
                end = parse_period(choice.label).end.isoformat()  # a stock at the period's end
                choice = replace(choice, label=end, why=f"{choice.why}, a stock at its end")
            if choice is not None:
                return choice
        return self._default(guessed, over_a_period)

    def intended(self, choice: PeriodChoice) -> PeriodChoice:
        """A target's or plan's period: with no period words, the letter's year, not its date.

        Examples
        --------
        >>> periods = Periods(Segments("新增企业50家。"), LetterDates(dt.date(2025, 9, 26), 2025))
        >>> periods.intended(PeriodChoice("../2025-09-26", "no period words", False)).label
        '2025'
        """
        year = self.dates.year
        if choice.stated or year is None:
            return choice
        why = f"no period words: a target or plan, for the letter's year ({year})"
        return replace(choice, label=str(year), why=why)

    def _default(self, count: bool, over_a_period: bool) -> PeriodChoice | None:
        dates = self.dates
        if dates.date is not None:
            day = dates.date.isoformat()
            what = "a count up to" if count else "a stock, as of"
            why = f"no period words: {what} the letter's date"
            return PeriodChoice(f"../{day}" if count else day, why, False, counted=count)
        if dates.year is None:
            return None
        year = dates.year - 1
        why = f"no period words, undated letter: the year before its document number's ({year})"
        label = str(year) if over_a_period else f"{year}-12-31"
        return PeriodChoice(label, why, False, counted=count)

    def _year_of(
        self, words: PeriodWords, sentence: list[PeriodWords], context: PeriodWords | None
    ) -> PeriodWords | None:
        """The words that give yearless period words their year (see the module docs)."""
        named = [w for w in sentence if w is not words and w.year is not None]
        if words.kind == "base":
            later = [w for w in named if w.year is not None and w.year > words.numbers[0] + 1]
            return later[0] if later else None
        before = [w for w in named if w.end <= words.start]
        return before[-1] if before else context

    def _choice(
        self,
        words: PeriodWords,
        sentence: list[PeriodWords],
        context: PeriodWords | None,
        count: tuple[bool | None, bool],
        where: str,
    ) -> PeriodChoice | None:
        """The choice period words give; ``count``: what the verb says, and what is guessed."""
        dates = self.dates
        spans: tuple[Offsets, ...] = ((words.start, words.end),)
        why = f"“{words.words}”{where}"
        years: list[int] = []
        if words.kind in YEARLESS_KINDS:
            source = self._year_of(words, sentence, context)
            if source is not None and source.year is not None:
                years = [source.year]
                spans = ((source.start, source.end), *spans)
                side = "opening its paragraph" if source is context else "before it"
                why += f" with “{source.words}” {side}"
            elif dates.year is not None and words.kind != "base":
                last_full = words.kind in ("span", "many")
                years = [dates.year - 1 if last_full else dates.year]
                why += f" in a letter of {dates.year}"
        readings = word_labels(words, years, dates.date, dates.year)
        day = any(f"../{x}" in readings for x in readings)  # a day: a stock's, or a count's end
        counts = bool(count[0]) if day else count[1]  # no verb: a day dates a stock
        label = _pick(readings, counts)
        if label is None:
            return None
        return PeriodChoice(label, why, True, spans, counted=counts)
