"""What the words around a number say about its period.

Used by :mod:`futian_indicators.drafting.draft` to propose a draft figure's ``period``; status and
area are read in :mod:`~futian_indicators.drafting.status_area`, and both read the letter's
segments (:mod:`~futian_indicators.drafting.segments`, whose names this module also gives).

Period (:class:`Periods`)
    What period words *mean* is read by the build's own reader
    (:func:`~futian_indicators.language.periodwords.period_words` and
    :func:`~futian_indicators.language.periodwords.word_labels`, which
    :mod:`futian_indicators.language.labels` reads with); the drafter only looks for the words
    that govern a number, in order:

    1. its quote and sentence: the nearest period words before it in its clause, or framing its
       sentence from another clause (opening or closing that clause, 2023年以来，…; 近三年，…; or
       after a verb of intent, 推动河套合作区2025年…); else after it in its clause;
    2. its paragraph: the nearest earlier sentence of it opened by period words (截至2024年底，…
       2023年上半年，… 全年… 今年计划：… 当前，…); period words inside a clause of a sentence
       between (其中一季度…) and comparisons (比上年, 较上年) do not end what the opening governs;
    3. its section heading: period words in the short line just before the paragraph;
    4. the letter's date: a current stock, or a count up to the date; an undated letter's default
       is the year before its document number's (20250021: 2024), the year for a flow or growth
       and the year's last day for any other measure.

    Words with no year of their own (全年, 当年, 1-4月, 前5个月, 上半年, 3年累计, 较2020年, 多年)
    take the year named last before them in the sentence (今年1至5月: the letter's year;
    较2020年: the year it is compared from), else the year opening the paragraph, else the
    letter's year (3年, 近三年, 多年: the last full year). 今年, 去年/上年, 明年 and 年度 are
    counted from the letter's year (去年 in a letter of 2025: 2024; 年度 alone: the last full
    year); 上年同期, 比上年, 与上年相比 are comparisons, never the figure's period; 比上年末增加 is
    a change over the year of the governing day (like 较年初); 按上年度… (a rule's base) and 年度
    in 完成年度目标 are no period of the number. 今年下半年 is read as 下半年 of 今年.

    A day (截至2023年8月底, 目前) dates a stock (``2023-08-31``) or ends a count
    (``../2023-08-31``): a flow is always a count, a rule's parameter is in force on the day; for
    any other measure the verb nearest before the number decides (开展, 举办, 受理, 新增, 引进,
    累计 … count; 拥有, 共有, 现有, 集聚, 覆盖, 余额, 存量, 总数, 达 … hold a stock), and with
    none a stock. A stock under a period of an earlier sentence (2023年上半年，…
    有效发明专利29292件), or under a year with a verb of a stock in its clause (2024年…，
    在研创新药管线超20个), is dated at the period's last day (``2023-06-30``, ``2024-12-31``);
    as a target it is the year's.

    A count since a start that its sentence also ends on a day (2021年以来，截至2026年6月末，累计…)
    runs to that day (``2021-01-01/2026-06-30``), else to the letter's date. A change since the
    start of the year (较年初增加, 比年初新增) runs from 1 January of the day it is stated on (the
    governing day, else the letter's date) to that day: ``2026-01-01/2026-06-30``, and the year
    (``2025``) when that day is 31 December. A count after 已累计 whose only period words are a
    year of another clause is counted up to the letter's date (``../<date>``).

    Each choice says which words it rests on (:attr:`PeriodChoice.words`: the period words and
    the words that gave them their year), for the figure's ``period_basis`` and evidence.

Area (:func:`~futian_indicators.drafting.area.geo_of`)
    The area named in the number's clause, heading its sentence or opening its passage or
    section; else ``futian`` by convention.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from .. import vocab
from ..core.period import parse_period
from ..language.lexicon import CN_SMALL_NUMERALS
from ..language.periodwords import (
    DAY_KINDS,
    OF_A_YEAR_KINDS,
    RELATIVE_YEARS,
    SINCE_KINDS,
    YEARLESS_KINDS,
    PeriodWords,
    period_words,
    word_labels,
)
from .choice import LetterDates, PeriodChoice, counted
from .segments import (
    CLAUSE,
    LEVEL_NAMES,
    PHRASE,
    SENTENCE,
    Offsets,
    Place,
    Segments,
    paragraph_starts,
)

__all__ = [
    "CLAUSE",
    "LEVEL_NAMES",
    "PHRASE",
    "SENTENCE",
    "LetterDates",
    "Offsets",
    "PeriodChoice",
    "Periods",
    "Place",
    "Segments",
    "counted",
    "paragraph_starts",
]

# ---------------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------------

_CLAUSE_ONLY_KINDS: Final = frozenset({"span", "base", "many", "same_period", "year_start"})
_NOT_PERIODS: Final = frozenset({"same_period", "year_start"})  # comparisons: 较上年, 较年初
_FRAME_KINDS: Final = frozenset(
    {
        "day",
        "month_end",
        "year_end",
        "prior_year_end",
        "this_year_end",
        "now",
        "since",
        "this_year_since",
        "five_year_since",
        "five_year",
        "this_year",
        "prior_year",
        "next_year",
    }
)
_SPAN_FRAME_KINDS: Final = frozenset(
    {
        "year",
        "half",
        "quarter",
        "month",
        "month_range",
        "quarters",
        "first_months",
        "that_year",
        "months",
        "month_of",
        "month_end_of",
        "year_end_of",
        "quarters_of",
        "first_months_of",
        "half_of",
        "quarter_of",
    }
)
_SPAN_GOVERNS_RE: Final = re.compile(r"来|以来|累计|合计|共|间|内|翻|增长")
_SPAN_NEAR_RE: Final = re.compile(r"(?:近|过去|最近)$")  # 近三年，… : the years up to the last
_TO_DATE_RE: Final = re.compile(r"(?:已累计|累计已|已经累计|已连续|连续举办)[^，；。]{0,12}$")
# Words that are no period of the number: the base of a rule's rate (按上年度…的60%), the
# year of a target completed (完成年度目标的108%: the governing year's)
_NOT_ITS_PERIOD_RE: Final = re.compile(r"按照?$|完成[^，；。]{0,10}$")
# 比上年末增加6家: a change over the year of the day the sentence names, like 较年初
_FROM_YEAR_END_RE: Final = re.compile(r"(?:比|较|与)$")
_TO_YEAR_END_RE: Final = re.compile(r"\.\./(\d{4})-12-31")
# a section's marker ends what governs it; an item of a list (一是, 二是) does not
_SECTION_HEAD_RE: Final = re.compile(rf"（[{CN_SMALL_NUMERALS}]+）|[{CN_SMALL_NUMERALS}]+、")
_NOT_A_DAY: Final = frozenset({"year", "half_year", "quarter", "month"})
_INTENT_BEFORE_RE: Final = re.compile(r"(?:推动|力争|争取|确保|到|将)[^，；。]{0,20}$")


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
    >>> import datetime as dt
    >>> text = "截至2024年底，园区已有进展。制度方面，实行5项制度。"
    >>> segments = Segments(text)
    >>> periods = Periods(segments, LetterDates(dt.date(2025, 9, 26), 2025))
    >>> periods.of(Place.of(segments, (22, 24)), "stock").label
    '2024-12-31'
    """

    def __init__(self, segments: Segments, dates: LetterDates) -> None:
        self.segments, self.text, self.dates = segments, segments.text, dates

    def _words(self, span: Offsets) -> list[PeriodWords]:
        """The period words of ``span`` that may be its number's period (not 按上年度…)."""
        text = self.text
        return [w for w in period_words(text, *span)
                if not _NOT_ITS_PERIOD_RE.search(text, max(span[0], w.start - 12),
                                                 w.start)]  # fmt: skip

    def _from_year_end(self, words: PeriodWords) -> bool:
        """Whether the words are the base of a change over a year (比上年末, 较上年末)."""
        text, start = self.text, max(0, words.start - 1)
        if words.kind == "same_period":  # 比上年 read as a comparison, 末 after it
            return text.startswith(("末", "底"), words.end) and words.words[-1] == "年"
        compared = _FROM_YEAR_END_RE.search(text, start, words.start)
        return words.kind == "prior_year_end" and compared is not None

    def _frames(self, words: PeriodWords) -> bool:
        """Whether period words open or close their clause (2023年以来，… ；…，2024年，…)."""
        start, end = self.segments.span(CLAUSE, words.start, words.end)
        return words.end == end or self.segments.opens(start, words.start)

    def _eligible(self, words: PeriodWords, clause: Offsets) -> bool:
        """In the number's clause, or framing its sentence from another clause.

        A length of years governs only as a time a count ran over (3年来, 3年累计, 3年翻两番,
        近三年), not as a name (三年行动计划).
        """
        span = words.kind == "span"
        near = span and _SPAN_NEAR_RE.search(self.text, 0, words.start)
        if span and not near and not _SPAN_GOVERNS_RE.match(self.text, words.end):
            return False
        if clause[0] <= words.start and words.end <= clause[1]:
            return True
        if words.kind in _CLAUSE_ONLY_KINDS and not span:  # 五年来，… 近三年，… frame a sentence
            return False
        own = self.segments.span(CLAUSE, words.start, words.end)
        intent = _INTENT_BEFORE_RE.search(self.text, own[0], words.start)
        return self._frames(words) or intent is not None

    def _opening(self, sentence: Offsets) -> PeriodWords | None:
        """Period words opening a sentence (or framing its first clause), if any."""
        found = [w for w in self._words(sentence)
                 if w.kind not in _CLAUSE_ONLY_KINDS]  # fmt: skip
        if found and self._frames(found[0]):
            first_clause = self.segments.span(CLAUSE, sentence[0], sentence[0])
            if found[0].start <= first_clause[1]:
                return found[0]
        return None

    def _carried(self, sentence: Offsets) -> tuple[PeriodWords | None, list[PeriodWords]]:
        """Period words opening an earlier sentence of the paragraph, none between.

        With them, the words of that sentence (今年下半年计划：… carries 下半年, of 今年).
        """
        if _SECTION_HEAD_RE.match(self.text, sentence[0]):
            return None, []
        for earlier in self.segments.governing(sentence):
            found = [w for w in self._words(earlier) if w.kind not in _NOT_PERIODS]
            if found:
                first = found[0]
                opens = self.segments.opens(earlier[0], first.start)
                frame = first.kind in _FRAME_KINDS or (first.kind in _SPAN_FRAME_KINDS and opens)
                if frame and self._frames(first):
                    return self._joined(first, found), found
            if _SECTION_HEAD_RE.match(self.text, earlier[0]):
                return None, []
        return None, []

    @staticmethod
    def _joined(words: PeriodWords, found: list[PeriodWords]) -> PeriodWords:
        """The words of a year that name a part of it right after them (今年下半年: 下半年)."""
        part = [w for w in found if w.start == words.end and w.kind in OF_A_YEAR_KINDS]
        return part[0] if part and (words.kind in RELATIVE_YEARS or words.kind == "year") else words

    def _context_year(self, sentence: Offsets) -> PeriodWords | None:
        """The year opening the number's paragraph (or an earlier sentence of it)."""
        for earlier in self.segments.governing(sentence):
            opening = self._opening(earlier)
            if opening is not None and self._named_year(opening) is not None:
                return opening
        return None

    def _named_year(self, words: PeriodWords) -> int | None:
        """The year words name: their own (2025年), or counted from the letter's (今年, 明年)."""
        if words.year is not None or words.kind not in RELATIVE_YEARS or self.dates.year is None:
            return words.year
        return self.dates.year + RELATIVE_YEARS[words.kind]

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
        found = self._words(place.sentence)
        start = [w for w in found if (w.kind == "year_start" or self._from_year_end(w))
                 and clause[0] <= w.start and w.end <= mention[0]]  # fmt: skip
        found = [w for w in found if not self._from_year_end(w)]
        if start:
            count = True  # a change since the start of the year (较年初增加) is counted
        guessed = count if count is not None else measure in vocab.FLOW_MEASURES
        over_a_period = guessed or (not guess and measure in vocab.PERIOD_MEASURES)
        choice = self._governed(place, found, (count, guessed), over_a_period)
        if start:
            return self._since_year_start(start[-1], choice or self._default(True, True))
        if choice is None:
            return self._default(guessed, over_a_period)
        if self.dates.date is not None and _TO_DATE_RE.search(self.text, clause[0], mention[0]):
            outside = not any(clause[0] <= a and b <= clause[1] for a, b in choice.words)
            if outside and parse_period(choice.label).type in _NOT_A_DAY:
                default = self._default(True, True)
                assert default is not None
                why = "已累计 or 已连续 with no day of its own: a count up to the letter's date"
                return replace(default, why=why)
        in_clause = replace(place, sentence=place.clause)  # a stock verb in the number's clause
        held = counted(self.text, in_clause, "stock", guess=True) is False
        stock = guess or (own or measure) == "stock"
        if held and stock and not over_a_period and re.fullmatch(r"\d{4}", choice.label):
            why = f"{choice.why}, a stock at the year's end"
            return replace(choice, label=f"{choice.label}-12-31", why=why, intended=choice.label)
        return choice

    def _governed(
        self,
        place: Place,
        found: list[PeriodWords],
        count: tuple[bool | None, bool],
        over_a_period: bool,
    ) -> PeriodChoice | None:
        """The choice of the words that govern the number, if any (see the module docs)."""
        mention, clause = place.mention, place.clause
        found_here = [w for w in found if w.kind not in _NOT_PERIODS]
        before = [w for w in found_here if w.end <= mention[0] and self._eligible(w, clause)]
        after = [w for w in found_here if w.start >= mention[1] and w.end <= clause[1]
                 and w.kind not in _CLAUSE_ONLY_KINDS]  # fmt: skip
        context = self._context_year(place.sentence)
        candidates = [self._joined(w, found_here) for w in [*before[::-1], *after]]
        if count[1]:
            ran = self._since_to_a_day(candidates, found_here, context)
            if ran is not None:
                return ran
        for words in candidates:
            choice = self._choice(words, found_here, context, count, "")
            if choice is not None:
                return choice
        carried, beside = self._carried(place.sentence)
        if carried is not None:
            where = " opening an earlier sentence"
            choice = self._choice(carried, beside, context, count, where)
            if choice is not None and not over_a_period and carried.kind in _SPAN_FRAME_KINDS:
                end = parse_period(choice.label).end.isoformat()  # a stock at the period's end
                choice = replace(choice, label=end, why=f"{choice.why}, a stock at its end")
            return replace(choice, carried=True) if choice is not None else None
        return None

    def _since_to_a_day(
        self, candidates: list[PeriodWords], found: list[PeriodWords], context: PeriodWords | None
    ) -> PeriodChoice | None:
        """A count since a start up to a day, both governing it (2021年以来，截至2026年6月末，…)."""
        since = [w for w in candidates if w.kind in SINCE_KINDS]
        days = [w for w in candidates if w.kind in DAY_KINDS and w.kind != "now"]
        if not since or not days:
            return None
        end = self._choice(days[0], found, context, (True, True), "")
        if end is None:
            return None
        day = parse_period(end.label).end
        labels = word_labels(since[0], [], day, self.dates.year)
        if not labels:
            return None
        why = f"“{since[0].words}” up to “{days[0].words}”"
        spans = tuple(sorted({(since[0].start, since[0].end), *end.words}))
        return PeriodChoice(min(labels), why, True, spans, counted=True)

    def _since_year_start(
        self, words: PeriodWords, end: PeriodChoice | None
    ) -> PeriodChoice | None:
        """A change since the start of the year (较年初), up to the day its figure is stated on."""
        if end is None:
            return None
        day = parse_period(end.label).end
        if self._from_year_end(words):  # 比上年末增加: from 1 January of the day's year
            labels = frozenset({str(day.year) if day.strftime("%m-%d") == "12-31"
                                else f"{day.year}-01-01/{day.isoformat()}"})  # fmt: skip
        else:
            labels = word_labels(words, [], day, self.dates.year)
        label = str(day.year) if str(day.year) in labels else min(labels)
        why = f"“{words.words}” up to {day.isoformat()} ({end.why})"
        spans = tuple(sorted({(words.start, words.end), *end.words}))
        return PeriodChoice(label, why, True, spans, counted=True)

    def intended(self, choice: PeriodChoice) -> PeriodChoice:
        """A target's or plan's period: with no period words, the letter's year, not its date.

        A year of a stock held at its end is the target's year; a past period carried from an
        earlier sentence does not govern a plan (2025年，…。下一步，我区计划：…): the letter's year.

        Examples
        --------
        >>> import datetime as dt
        >>> periods = Periods(Segments("新增企业50家。"), LetterDates(dt.date(2025, 9, 26), 2025))
        >>> periods.intended(PeriodChoice("../2025-09-26", "no period words", False)).label
        '2025'
        """
        year = self.dates.year
        if choice.intended is not None:
            return replace(choice, label=choice.intended, why=f"{choice.why}: a target's year")
        past = year is not None and parse_period(choice.label).end.year < year
        if choice.carried and past:  # 2025年，…。下一步，我区计划：… in a letter of 2026
            why = f"a target or plan under the past “{choice.why}”: for the letter's year ({year})"
            return PeriodChoice(str(year), why, False)
        if choice.year_carried and past:  # 2025年…。下半年将：… in a letter of 2026: 2026H2
            old = str(parse_period(choice.label).end.year)
            why = f"{choice.why}, a target or plan: of the letter's year ({year})"
            return replace(choice, label=choice.label.replace(old, str(year)), why=why)
        if (m := _TO_YEAR_END_RE.fullmatch(choice.label)) and choice.stated:
            why = f"{choice.why}: a target counted to its year's end is the year's"
            return replace(choice, label=m.group(1), why=why)  # 到2027年底累计新增…
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
        named = [w for w in sentence if w is not words and self._named_year(w) is not None]
        if words.kind == "base":
            later = [w for w in named if (self._named_year(w) or 0) > words.numbers[0] + 1]
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
        source = None
        if words.kind in YEARLESS_KINDS:
            source = self._year_of(words, sentence, context)
            named = self._named_year(source) if source is not None else None
            if source is not None and named is not None:
                years = [named]
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
        carried = bool(years) and source is not None and source is context
        return PeriodChoice(label, why, True, spans, counted=counts, year_carried=carried)
