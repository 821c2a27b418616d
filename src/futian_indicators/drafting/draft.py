"""Draft the figures of a letter: every measure it mentions, as a figure to review.

:func:`draft_figures` proposes a figure for every quantity and rank the extractor finds
(:func:`~futian_indicators.language.mentions.mention_spans`); ``futian-indicators extract``
(:func:`futian_indicators.drafting.draft_letter`) writes them to ``figures/<ID>.yaml``. Nothing
here is final data: every draft note starts with ``draft:``.

How a draft figure is proposed
------------------------------
indicator
    From the codebook's ``aliases_zh`` around the number, among the indicators of the number's
    unit: :mod:`futian_indicators.drafting.matcher`. A number with no alias of its unit around
    it is *not placed*.
period, status, geo
    From the words around the number: :mod:`futian_indicators.drafting.cues`.
quote
    The number's clause, narrowed so that the number's words occur once in it, widened clause by
    clause until it occurs once in the letter.
value, unit, qualifier
    :func:`~futian_indicators.language.quantity.parse_quantity` of the number's words.
note
    ``draft: confidence 0.9; indicator from alias “…” (…); period … from …; status … (…)``.
    Confidence is the matcher's (0.9 for an alias in the number's phrase, 0.7 in its clause, 0.5
    in its sentence, less for another number between or a shared alias), less 0.1 when the
    letter states no period. The figure record has no key for it (the build would refuse one),
    and the note is where a reviewer reads it; a figure whose note still says ``draft:`` is
    unreviewed.

A number that cannot be placed (no alias, no value, no period) is listed in comments at the top of
the draft and under ``not_figures`` with the reason ``draft: not placed; review``
(:data:`~futian_indicators.drafting.yamltext.NOT_PLACED_REASON`), so that every number stays
accounted for and the draft builds as any curated letter does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..core.period import parse_period
from ..errors import QuantityParseError
from ..language.mentions import MEASURE_KINDS, mention_spans
from ..language.normalise import NormalisedText
from ..language.quantity import parse_quantity
from .cues import (
    CLAUSE,
    LetterDates,
    Offsets,
    Periods,
    Place,
    Segments,
    geo_of,
    paragraph_starts,
    status_of,
)
from .heading import Heading, read_heading
from .matcher import CodebookEntry, Matcher

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


@dataclass(frozen=True, slots=True)
class DraftFigure:
    """A draft figure: the keys of a figure record, its confidence, and where its number is."""

    slug: str
    indicator: str
    geo: str
    period: str
    status: str
    quote: str
    quantity: str
    value: float
    unit: str
    qualifier: str
    note: str
    confidence: float
    start: int  # the number's span in the normalised letter
    end: int


@dataclass(frozen=True, slots=True)
class NotPlaced:
    """A measure the draft could not place, a passage that holds it once, and why."""

    quote: str
    mention: str
    why: str
    start: int
    end: int


@dataclass(slots=True)
class Draft:
    """The draft annotation of one letter."""

    source_id: str
    figures: list[DraftFigure] = field(default_factory=list)
    not_placed: list[NotPlaced] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _slug(indicator: str, period: str, taken: set[str]) -> str:
    p = parse_period(period)
    if p.type in ("year", "as_of"):
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

    def figure(self, mention: Offsets, others: Sequence[Offsets]) -> DraftFigure | str:
        """A draft figure for the number at ``mention``, or why it cannot be placed."""
        words = self.text[slice(*mention)]
        try:
            quantity = parse_quantity(words)
        except QuantityParseError:
            return "the grammar gives it no value (a bare or malformed number)"
        place = Place.of(self.segments, mention)
        choice = self.matcher.choose(place, quantity.unit, others)
        if choice is None:
            return f"no alias of an indicator in {quantity.unit} around it"
        period = self.periods.of(place, self.matcher.measure(choice.entry))
        if period is None:
            return "no period words, and the letter is undated"
        status, status_why = status_of(self.text, place, period.label, self.dates)
        confidence = max(0.1, min(0.9, choice.confidence - (0.0 if period.stated else 0.1)))
        note = (
            f"draft: confidence {confidence:.1f}; indicator from alias “{choice.alias}” "
            f"({choice.where}); period {period.label} from {period.why}; status {status} "
            f"({status_why}); review, then replace this note"
        )
        return DraftFigure(
            slug=_slug(choice.entry.indicator_id, period.label, self.taken),
            indicator=choice.entry.indicator_id,
            geo=geo_of(self.segments, place),
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
        )


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
    words); review, then replace this note
    >>> [(n.mention, n.quote, n.why) for n in draft.not_placed]
    [('3家', '共3家', 'no alias of an indicator in count around it')]
    """
    heading = heading if heading is not None else read_heading(letter.text)
    drafter = _Drafter(letter, codebook, LetterDates.of(heading.date, heading.doc_number))
    spans = [(s, e) for s, e, kind in mention_spans(letter.text) if kind in MEASURE_KINDS]
    draft = Draft(source_id)
    for mention in spans:
        result = drafter.figure(mention, [s for s in spans if s != mention])
        quote = _quote(letter, drafter.segments, mention)
        words = letter.text[slice(*mention)]
        if quote is None:
            draft.problems.append(f"no passage around {words!r} occurs once in the letter")
        elif isinstance(result, str):
            passage = letter.text[slice(*quote)]
            draft.not_placed.append(NotPlaced(passage, words, result, *mention))
        else:
            draft.figures.append(replace(result, quote=letter.text[slice(*quote)]))
    return draft
