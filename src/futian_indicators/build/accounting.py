"""Account for every number in every letter: a figure, a kind that is never one, or a reason.

The extractor (:mod:`futian_indicators.language.mentions`) finds every number mention in a
normalised letter. Each mention is accounted for, in this order:

1. by the figures whose quantity overlaps it (``figure_id``; several ids are joined by ``;``);
2. by a curated ``not_figures`` entry whose mention overlaps it (``reason``: the curator's words);
3. by its kind, when that kind is never a measure (a date, a document number, an ordinal, a code
   or name, a duration, a page number: ``reason`` is the kind's standard reason).

Page numbers are dropped by normalisation; they are found in the raw letter
(:func:`~futian_indicators.language.normalise.page_numbers`) and listed with kind
``page_number``, so that every number of the letter has a row.

A mention of a measure kind (``quantity``, ``rank``) accounted for by none of these is a problem
that fails the build, and so is a ``not_figures`` entry that accounts for nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..language.mentions import AUTOMATIC_REASONS, MEASURE_KINDS, mention_spans
from ..language.normalise import NormalisedText, PassageError, locate, page_numbers
from ..raw.records import NotFigureRecord, RawData, SourceRecord
from .schema import LIST_SEPARATOR

_CONTEXT = 12


@dataclass(frozen=True, slots=True)
class AccountedSpan:
    """A part of a normalised letter that something accounts for (a figure's quantity)."""

    source_id: str
    start: int
    end: int
    label: str


def _figure_ids(spans: Sequence[AccountedSpan], start: int, end: int) -> str | None:
    ids = sorted({s.label for s in spans if s.start < end and start < s.end})
    return LIST_SEPARATOR.join(ids) if ids else None


def _reason_spans(
    raw: RawData, letters: dict[str, NormalisedText], problems: list[str]
) -> dict[str, list[tuple[AccountedSpan, NotFigureRecord]]]:
    spans: dict[str, list[tuple[AccountedSpan, NotFigureRecord]]] = defaultdict(list)
    for record in raw.not_figures:
        letter = letters.get(record.source_id)
        if letter is None:
            continue  # the figure file's unknown source is reported with its figures
        try:
            passage = locate(letter, record.quote, record.mention)
        except PassageError as exc:
            problems.append(f"{record.where}: not_figures entry {record.mention!r}: {exc}")
            continue
        span = AccountedSpan(record.source_id, *passage.part, record.reason)
        spans[record.source_id].append((span, record))
    return spans


def _uncovered(
    source: SourceRecord, letter: NormalisedText, start: int, end: int, kind: str
) -> str:
    raw_start, _ = letter.raw_span(start, end)
    line = source.text.count("\n", 0, raw_start) + 1
    context = letter.text[max(0, start - _CONTEXT) : end + _CONTEXT]
    return (
        f"{source.raw_path}:{line}: number {letter.text[start:end]!r} ({kind}) in "
        f"“{context}” is neither a figure nor given a reason; curate it in "
        f"figures/{source.source_id}.yaml, or list it there under not_figures with a reason"
    )


def _account(
    source: SourceRecord,
    letter: NormalisedText,
    figure_spans: Sequence[AccountedSpan],
    reasons: Sequence[tuple[AccountedSpan, NotFigureRecord]],
    problems: list[str],
) -> list[dict[str, Any]]:
    used: set[int] = set()
    rows = []
    for start, end, kind in mention_spans(letter.text):
        figure_ids = _figure_ids(figure_spans, start, end)
        reason = None
        if figure_ids is None:
            match = next(
                (i for i, (s, _) in enumerate(reasons) if s.start < end and start < s.end), None
            )
            if match is not None:
                used.add(match)
                reason = reasons[match][0].label
            elif kind not in MEASURE_KINDS:
                reason = AUTOMATIC_REASONS[kind]
            else:
                problems.append(_uncovered(source, letter, start, end, kind))
        raw_start, raw_end = letter.raw_span(start, end)
        rows.append(
            {
                "source_id": source.source_id,
                "char_start": raw_start,
                "char_end": raw_end,
                "text": letter.text[start:end],
                "kind": kind,
                "figure_id": figure_ids,
                "reason": reason,
            }
        )
    rows += [
        {
            "source_id": source.source_id,
            "char_start": start,
            "char_end": end,
            "text": letter.raw[start:end],
            "kind": "page_number",
            "figure_id": None,
            "reason": AUTOMATIC_REASONS["page_number"],
        }
        for start, end in page_numbers(letter.raw)
    ]
    for index, (_, record) in enumerate(reasons):
        if index not in used:
            problems.append(
                f"{record.where}: not_figures entry {record.mention!r} accounts for no number "
                "the extractor finds (or a figure already does); remove the entry"
            )
    return rows


def mentions_table(
    raw: RawData,
    letters: dict[str, NormalisedText],
    spans: Sequence[AccountedSpan],
    problems: list[str],
) -> list[dict[str, Any]]:
    """Rows of the ``mentions`` table: every number of every letter, and what accounts for it.

    Appends to ``problems`` every measure mention nothing accounts for, and every curated reason
    that accounts for nothing.
    """
    reasons = _reason_spans(raw, letters, problems)
    by_source: dict[str, list[AccountedSpan]] = defaultdict(list)
    for span in spans:
        by_source[span.source_id].append(span)
    rows = []
    for source in raw.sources:
        rows += _account(
            source,
            letters[source.source_id],
            by_source[source.source_id],
            reasons[source.source_id],
            problems,
        )
    return rows
