"""Draft the figures of a letter: every measure it mentions, as a figure to review.

:func:`draft_figures` proposes a figure for every quantity and rank the extractor finds
(:func:`~futian_indicators.language.mentions.mention_spans`); ``futian-indicators extract``
(:func:`futian_indicators.drafting.draft_letter`) writes them to ``figures/<ID>.yaml``. Nothing
here is final data: every draft note starts with ``draft:``.

How a draft figure is proposed
------------------------------
indicator
    Among the indicators of the number's unit, from their names around the number and from the
    number's subject phrase, cues raising the confidence:
    :mod:`futian_indicators.drafting.scoring`. Under a confidence of 0.7, or resting on a
    generic word alone, it is a proposed new indicator (:mod:`.proposal`).
period, status, geo
    From the words that govern the number: :mod:`futian_indicators.drafting.cues` (the period,
    read with the build's :mod:`futian_indicators.language.labels`) and
    :mod:`futian_indicators.drafting.status_area`. A new indicator's stock or flow is read off
    the same verb as its period; a flow's alias where the words hold a stock on a day is doubted.
quote
    The number's clause, narrowed so that the number's words occur once in it, widened clause by
    clause until it occurs once in the letter.
value, unit, qualifier
    :func:`~futian_indicators.language.quantity.parse_quantity` of the number's words.
note
    ``draft: confidence 0.9; indicator from alias “…” (…); period … from …; status … (…)``.
    Confidence is the indicator's (:mod:`.scoring`: 0.9 for a name in the number's phrase, 0.7
    in its clause, 0.5 in its sentence, less for another number between or a shared name; 0.9
    times the subject phrase's similarity to a name; 0.1 or 0.2 more for a cue), less 0.1 when
    the letter states no period. The figure record has no key for it (the build would refuse one),
    and the note is where a reviewer reads it; a figure whose note still says ``draft:`` is
    unreviewed.

A number that cannot be placed (no value, no period) is listed in comments at the top of the
draft and under ``not_figures`` with the reason ``draft: not placed; review``
(:data:`~futian_indicators.drafting.yamltext.NOT_PLACED_REASON`), so that every number stays
accounted for and the draft builds as any curated letter does. So is a number of an area outside
the vocabulary (全省新增…, :data:`~futian_indicators.drafting.area.OUTSIDE`), its reason naming
the area: no area of the vocabulary is right for it, and the district's it is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Final

from .. import vocab
from ..core.period import parse_period
from ..errors import QuantityParseError
from ..language.mentions import MEASURE_KINDS, mention_spans
from ..language.normalise import NormalisedText
from ..language.quantity import parse_quantity
from .area import OUTSIDE, geo_of
from .cues import (
    CLAUSE,
    PHRASE,
    SENTENCE,
    LetterDates,
    Offsets,
    PeriodChoice,
    Periods,
    Place,
    Segments,
    counted,
    paragraph_starts,
)
from .heading import Heading, read_heading
from .matcher import Choice, CodebookEntry, Matcher
from .proposal import ACCEPT, Proposal, propose, subject
from .records import Draft, DraftFigure, NotPlaced
from .scoring import GENERIC_RE, choose
from .status_area import not_a_figure, status_of
from .verify import verified_labels
from .yamltext import NOT_PLACED_REASON

__all__ = ["CodebookEntry", "Draft", "DraftFigure", "NotPlaced", "draft_figures"]


def _quote(letter: NormalisedText, segments: Segments, mention: Offsets) -> Offsets | None:
    """The mention's clause, narrowed to hold its words once, widened to occur once."""
    text, words = letter.text, letter.text[slice(*mention)]
    starts = letter.find_all(words)
    before = [s for s in starts if s < mention[0]]
    after = [s for s in starts if s > mention[0]]
    lo = before[-1] + 1 if before else 0
    hi = after[0] + len(words) - 1 if after else len(text)

    def bounded(span: Offsets) -> Offsets:
        return max(span[0], lo), min(span[1], hi)

    span = bounded(segments.span(CLAUSE, *mention))
    while len(letter.find_all(text[slice(*span)])) != 1:
        wider = [bounded(segments.widen(span, side)) for side in (-1, 1)]
        wider += [bounded((span[0] - 1, span[1])), bounded((span[0], span[1] + 1))]
        grown = [s for s in wider if s != span]
        if not grown:
            return None
        span = grown[0]
    return span


def _slug(indicator: str, period: str, taken: set[str]) -> str:
    p = parse_period(period)
    if p.type in ("year", "as_of", "to_date") or p.start is None:
        suffix = str(p.end.year)
    elif p.type == "since":
        suffix = str(p.start.year)
    elif p.type == "multi_year":
        suffix = f"{p.start.year}-{p.end.year}"
    else:
        suffix = period.lower()
    base = f"{indicator.replace('_', '-')}-{suffix}"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


class _Drafter:
    """Drafts the figures of one letter."""

    def __init__(
        self, letter: NormalisedText, codebook: Sequence[CodebookEntry], dates: LetterDates
    ) -> None:
        self.letter, self.text, self.dates = letter, letter.text, dates
        self.segments = Segments(self.text, paragraph_starts(letter))
        self.matcher = Matcher(codebook, self.segments)
        self.periods = Periods(self.segments, dates)
        self.taken: set[str] = set()
        self.codebook, self.proposed = codebook, 0
        self.last: tuple[Offsets, str] = ((0, 0), "")  # the last figure's sentence and measure

    def figure(self, mention: Offsets, others: Sequence[Offsets]) -> DraftFigure | NotPlaced:
        """A draft figure for the number at ``mention``, or why it cannot be placed."""
        words = self.text[slice(*mention)]
        place = Place.of(self.segments, mention)
        not_figure = not_a_figure(self.text, place)  # 拨打12345: no figure, with a value or none
        if not_figure is not None:
            return self.not_placed(mention, not_figure, f"draft: {not_figure}; review")
        geo, geo_why = geo_of(self.segments, place)
        if geo == OUTSIDE:  # 全省新增…: no area of the vocabulary; the district's it is not
            why = f"its area, {geo_why}, is outside the vocabulary ({', '.join(vocab.GEOS)})"
            return self.not_placed(mention, why, f"draft: {why}; review")
        try:
            quantity = parse_quantity(words)
        except QuantityParseError:
            return self.not_placed(
                mention, "the grammar gives it no value (a bare or malformed number)"
            )
        before = self.text[place.clause[0] : mention[0]]
        choice = choose(self.matcher, place, quantity.unit, others, before)
        proposal = None
        if choice is not None and self._generic_alone(choice.entry, choice.alias, place):
            where = f"{choice.where}; a generic word, nothing else of the indicator around"
            choice = replace(choice, confidence=ACCEPT - 0.2, where=where)
        if choice is not None and self._stock_for_a_flow(choice.entry, place):
            where = f"{choice.where}; a flow, but the words hold a stock on a day"
            choice = replace(choice, confidence=ACCEPT - 0.2, where=where)
        if choice is None or choice.confidence < ACCEPT:
            phrase = self.segments.span(PHRASE, *mention)
            previous = None
            if place.clause[0] > place.sentence[0]:
                at = place.clause[0] - 1
                previous = self.segments.span(CLAUSE, at, at)
            name = subject(self.text, phrase, mention, previous=previous,
                           count=quantity.unit == "count", unit=quantity.unit)  # fmt: skip
            status_guess = status_of(self.segments, place, "0000", self.dates)[0]
            self.proposed += 1
            proposal = propose(
                name,
                before,
                quantity.unit,
                status_guess,
                self.codebook,
                number=self.proposed,
                nearest=self.matcher.measure(choice.entry) if choice is not None else None,
            )
        period, proposal = self._period(place, choice, proposal)
        if period is None:
            return self.not_placed(mention, "no period words, and the letter is undated")
        status, status_why = status_of(self.segments, place, period.label, self.dates)
        if status in ("target", "plan"):
            period = self.periods.intended(period)
        if proposal is not None:
            indicator, confidence = f"new:{proposal.suggested_id}", 0.3
            about = proposal.describe()
            if choice is not None:
                about += (f" (the codebook's nearest, {choice.entry.indicator_id} by “"
                          f"{choice.alias}”, {choice.where}, is too far to decide)")  # fmt: skip
        else:
            assert choice is not None
            indicator = choice.entry.indicator_id
            confidence = choice.confidence
            about = f"indicator from alias “{choice.alias}” ({choice.where})"
        confidence = max(0.1, min(0.9, confidence - (0.0 if period.stated else 0.1)))
        note = (
            f"draft: confidence {confidence:.1f}; {about}; period {period.label} from "
            f"{period.why}; status {status} ({status_why}); geo {geo} ({geo_why}); review, then "
            "replace this note"
        )
        rests_on = (("indicator", f"{confidence:.1f}: {about}"),
                    ("period", f"{'words' if period.stated else 'convention'}: {period.why}"),
                    ("status", status_why), ("geo", geo_why))  # fmt: skip
        slug_id = proposal.suggested_id if proposal is not None else indicator
        return DraftFigure(
            slug=_slug(slug_id, period.label, self.taken),
            indicator=indicator,
            geo=geo,
            period=period.label,
            status=status,
            quote="",
            quantity=words,
            value=quantity.value,
            unit=quantity.unit,
            qualifier=quantity.qualifier,
            note=note,
            confidence=round(confidence, 1),
            start=mention[0],
            end=mention[1],
            proposal=proposal,
            rests_on=rests_on,
            period_words=period.words,
        )

    def _period(
        self, place: Place, choice: Choice | None, proposal: Proposal | None
    ) -> tuple[PeriodChoice | None, Proposal | None]:
        """The number's period, and a new indicator's stock or flow read off the same words."""
        if proposal is not None:
            measure = own = proposal.measure
            if measure in ("share", "rank", "rate") and self.last[0] == place.sentence:
                measure = self.last[1]  # a new share or rank is of the number before it
        else:
            assert choice is not None
            measure, own = self.matcher.measure(choice.entry), choice.entry.measure
        guess = proposal is not None and proposal.measure in ("stock", "flow")
        period = self.periods.of(place, measure, own=own, guess=guess)
        if period is None:
            return None, proposal
        if proposal is not None and guess:
            own = "flow" if period.counted else "stock"
            proposal = replace(proposal, measure=own)
        stated = parse_period(period.label)
        if own in vocab.FLOW_MEASURES and stated.type == "as_of":
            period = replace(period, label=f"../{period.label}")  # a flow is never as_of
        elif "growth" in (own, measure) and stated.type == "as_of":
            # 截至2025年底…较上年增长10%: a growth is over a period, the year of the day
            period = replace(period, label=str(stated.end.year))
        self.last = place.sentence, "flow" if period.counted else own if guess else measure
        return period, proposal

    def _stock_for_a_flow(self, entry: CodebookEntry, place: Place) -> bool:
        """Whether a flow's alias stands where the words hold a stock on a day (截至…底，集聚…).

        Such a day is the flow's end only if the indicator is right: its alias is doubted.
        """
        if entry.measure not in vocab.FLOW_MEASURES:
            return False
        if counted(self.text, place, entry.measure, guess=True) is not False:
            return False  # no verb of a stock before the number
        stock, flow = self.periods.of(place, "stock"), self.periods.of(place, "flow")
        return stock is not None and flow is not None and flow.label == f"../{stock.label}"

    def _generic_alone(self, entry: CodebookEntry, alias: str, place: Place) -> bool:
        """Whether a generic alias (同比增长, 占全市) is all that names the indicator here."""
        if not GENERIC_RE.match(alias):
            return False
        words = {entry.name_zh, *entry.aliases_zh}
        base = self.matcher.by_id.get(entry.base_indicator or "")
        if base is not None:
            words |= {base.name_zh, *base.aliases_zh}
        sentence = self.text[slice(*place.sentence)]
        specific = [w for w in words if not GENERIC_RE.match(w)]
        return not any(all(p in sentence for p in w.split("…") if p) for w in specific)

    def not_placed(self, mention: Offsets, why: str, reason: str = NOT_PLACED_REASON) -> NotPlaced:
        """A number the draft does not make a figure of (its quote is set by the caller)."""
        return NotPlaced("", self.text[slice(*mention)], why, *mention, reason=reason)


_QUOTED_WORDS_RE: Final = re.compile(r"“([^”]+)”")


def _evidence(letter: NormalisedText, segments: Segments, span: Offsets) -> Any:
    """Evidence words: the words if they occur once, else a passage holding them once."""
    words = letter.text[slice(*span)]
    if len(letter.find_all(words)) == 1:
        return words
    for level in (CLAUSE, SENTENCE):
        passage = letter.text[slice(*segments.span(level, *span))]
        if len(letter.find_all(passage)) == 1 and passage.count(words) == 1:
            return {"passage": passage, "words": words}
    return words


def _word_span(text: str, why: str, within: Offsets, number_end: int) -> Offsets | None:
    """The span of the first quoted words of ``why`` within ``within``.

    The occurrence nearest before the number's end, else the first after it.
    """
    m = _QUOTED_WORDS_RE.search(why)
    if m is None:
        return None
    words = m.group(1)
    at = text.rfind(words, within[0], number_end)
    at = at if at >= 0 else text.find(words, number_end, within[1])
    return (at, at + len(words)) if at >= 0 else None


def _with_bases(
    letter: NormalisedText, segments: Segments, figure: DraftFigure, quote: Offsets
) -> DraftFigure:
    """The figure with its quote and what each label rests on (quote, context, convention)."""
    text = letter.text

    def inside(span: Offsets) -> bool:
        return quote[0] <= span[0] and span[1] <= quote[1]

    bases: dict[str, str] = {}
    evidence: dict[str, Any] = {}
    period_words = _period_words(figure)
    if not period_words:
        bases["period"] = "convention"
    elif all(inside(s) for s in period_words):
        bases["period"] = "quote"
    else:
        bases["period"] = "context"
        items = [_evidence(letter, segments, s) for s in period_words]
        evidence["period"] = items[0] if len(items) == 1 else items
    sentence = segments.span(SENTENCE, figure.start, figure.end)
    for label in ("geo", "status"):
        why = dict(figure.rests_on)[label]
        span = _word_span(
            text,
            why,
            (
                segments.span(SENTENCE, sentence[0] - 400 if sentence[0] > 400 else 0, sentence[0])[
                    0
                ],
                sentence[1],
            ),
            figure.end,
        )
        if span is None or why.startswith(("convention", "no target")):
            bases[label] = "convention"
        elif inside(span):
            bases[label] = "quote"
        else:
            bases[label] = "context"
            evidence[label] = _evidence(letter, segments, span)
    labels: list[tuple[str, Any]] = [(f"{k}_basis", bases[k]) for k in ("geo", "period", "status")]
    if evidence:
        labels.append(("evidence", evidence))
    return replace(figure, quote=text[slice(*quote)], labels=tuple(labels))


def _period_words(figure: DraftFigure) -> tuple[Offsets, ...]:
    return figure.period_words


def draft_figures(
    letter: NormalisedText,
    source_id: str,
    codebook: Sequence[CodebookEntry],
    heading: Heading | None = None,
) -> Draft:
    """Draft a figure for every quantity and rank the extractor finds in a letter.

    Parameters
    ----------
    letter : NormalisedText
        The normalised letter (:func:`futian_indicators.language.normalise.normalise`).
    source_id : str
        Its source id.
    codebook : sequence of CodebookEntry
        The indicators to choose from
        (:func:`~futian_indicators.drafting.matcher.read_codebook`).
    heading : Heading, optional
        What the letter states about itself (its date above all); read from it if not given.

    Returns
    -------
    Draft
        The draft figures, and the numbers it could not place (see the module docs).

    Examples
    --------
    >>> import textwrap
    >>> from futian_indicators.language.normalise import normalise
    >>> book = [CodebookEntry("gdp", "CNY", "flow", "地区生产总值", ("地区生产总值", "GDP"))]
    >>> text = "2024年实现地区生产总值5948.82亿元，共3家。福田区科技创新局2025年1月2日"
    >>> draft = draft_figures(normalise(text), "cppcc-2025001", book)
    >>> f = draft.figures[0]
    >>> f.slug, f.indicator, f.period, f.status, f.quote
    ('gdp-2024', 'gdp', '2024', 'actual', '2024年实现地区生产总值5948.82亿元')
    >>> f.quantity, f.value, f.unit, f.qualifier, f.confidence
    ('5948.82亿元', 594882000000.0, 'CNY', 'exact', 0.9)
    >>> print(textwrap.fill(f.note, 80))
    draft: confidence 0.9; indicator from alias “地区生产总值” (before the number, same
    phrase); period 2024 from “2024年”; status actual (no target, plan or policy
    words); geo futian (convention: the district, where no area is named); review,
    then replace this note
    >>> dict(f.labels)
    {'geo_basis': 'convention', 'period_basis': 'quote', 'status_basis': 'convention'}
    >>> g = draft.figures[1]
    >>> g.quantity, g.indicator, g.proposal.measure, g.confidence
    ('3家', 'new:new_indicator_1', 'stock', 0.3)
    """
    heading = heading if heading is not None else read_heading(letter.text)
    drafter = _Drafter(letter, codebook, LetterDates.of(heading.date, heading.doc_number))
    spans = [(s, e) for s, e, kind in mention_spans(letter.text) if kind in MEASURE_KINDS]
    measures = {entry.indicator_id: entry.measure for entry in codebook}
    draft = Draft(source_id)
    for mention in spans:
        result = drafter.figure(mention, [s for s in spans if s != mention])
        quote = _quote(letter, drafter.segments, mention)
        words = letter.text[slice(*mention)]
        if quote is None:
            draft.problems.append(f"no passage around {words!r} occurs once in the letter")
        elif isinstance(result, NotPlaced):
            draft.not_placed.append(replace(result, quote=letter.text[slice(*quote)]))
        else:
            with_bases = _with_bases(letter, drafter.segments, result, quote)
            labels = verified_labels(
                with_bases.labels,
                with_bases.quote,
                period=with_bases.period,
                geo=with_bases.geo,
                status=with_bases.status,
                letter_date=heading.date,
                measure=(
                    result.proposal.measure
                    if result.proposal is not None
                    else measures.get(with_bases.indicator, "flow")
                ),
            )
            draft.figures.append(replace(with_bases, labels=labels))
    return draft
