"""Verify what each figure's labels rest on, and locate the words of the letter that state them.

Each label of a figure (``period``, ``geo``, ``status``) has a basis (``vocab.BASES``):

- ``quote``: the word readers (:mod:`futian_indicators.language.labels`) on the quote must give
  the label;
- ``context``: the figure's evidence words for the label are located in the normalised letter
  (each once, like a quote: :func:`~futian_indicators.language.normalise.locate`), joined, and
  read with the label's reader, which must give the label;
- ``convention``: the label must be exactly the documented convention (``vocab.CONVENTIONS``):
  the letter's date (``<date>`` or ``../<date>``, a dated letter only), Futian, actual;
- ``judgement``: no words state it; the reader (``raw``) already requires the note's reason.

A figure whose indicator is a flow (``vocab.FLOW_MEASURES``) may not be dated ``as_of``.
Every failure names the figure, the bad value, what is allowed and how to fix it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import vocab
from ..core.period import parse_period
from ..language.labels import (
    CONVENTION_VALUES,
    EVIDENCE_JOINER,
    convention_allows,
    label_readings,
)
from ..language.normalise import NormalisedText, PassageError, locate
from ..raw.records import EvidenceWords, FigureRecord


@dataclass(frozen=True, slots=True)
class LabelWords:
    """What one figure's labels are checked against: its letter, quote and indicator's measure."""

    letter: NormalisedText
    letter_date: dt.date | None
    quote: str
    measure: str


def _read(label: str, words: str, context: LabelWords) -> frozenset[str]:
    return label_readings(label, words, letter_date=context.letter_date, measure=context.measure)


def _given(labels: frozenset[str]) -> str:
    return ", ".join(repr(x) for x in sorted(labels)) if labels else "nothing"


def _convention_problem(label: str, value: str, context: LabelWords) -> str | None:
    if convention_allows(label, value, context.letter_date):
        return None
    convention = vocab.CONVENTIONS[label]
    if label != "period":
        expected = CONVENTION_VALUES[label]
        return (
            f"{label} {value!r} rests on the convention {convention!r}, which gives only "
            f"{expected!r}; give the basis that states {value!r} (quote, context with evidence, "
            "or judgement with a note)"
        )
    if context.letter_date is None:
        return (
            f"period {value!r} rests on the convention 'letter_date', but the letter has no "
            "date (sources.yaml date: null); an undated letter gives no date: state the words "
            "that give the period (context) or the reason (judgement, in note)"
        )
    day = context.letter_date.isoformat()
    return (
        f"period {value!r} rests on the convention 'letter_date', which allows only "
        f"'{day}' (a stock) or '../{day}' (a count up to now) for this letter; use one of "
        "them, or another basis"
    )


def _flow_problem(figure: FigureRecord, measure: str) -> str | None:
    period = parse_period(figure.period)  # the raw reader has checked the label
    if measure in vocab.FLOW_MEASURES and period.type == "as_of":
        return (
            f"period {figure.period!r} dates a flow (indicator {figure.indicator!r}, measure "
            f"{measure!r}) as of a day, which a flow never is; write '../{figure.period}' "
            "(counted up to that day) or the period the flow covers"
        )
    return None


def evidence_texts(
    figure: FigureRecord, letter: NormalisedText
) -> tuple[list[tuple[EvidenceWords, tuple[int, int]]], list[str]]:
    """Each evidence item located in the normalised letter, and the problems of those that fail."""
    found, problems = [], []
    for item in figure.evidence:
        quote = item.passage if item.passage is not None else item.words
        try:
            passage = locate(letter, quote, item.words)
        except PassageError as exc:
            problems.append(
                f"evidence for {item.label}: {exc} (evidence words, like a quote, must occur "
                "once in the letter: copy them from it, or give a passage that holds them)"
            )
            continue
        found.append((item, passage.part))
    return found, problems


def label_problems(
    figure: FigureRecord,
    context: LabelWords,
    evidence: list[tuple[EvidenceWords, tuple[int, int]]],
) -> list[str]:
    """Every label of ``figure`` whose basis does not give it, as messages (empty when all do)."""
    problems = []
    for label in vocab.LABELS:
        value, basis = str(getattr(figure, label)), figure.basis(label)
        if basis == "quote":
            given = _read(label, context.quote, context)
            if value not in given:
                problems.append(
                    f"{label} {value!r} rests on the quote, but the quote's words give "
                    f"{_given(given)}; widen the quote to hold the words that state it, or "
                    "give the basis context with evidence"
                )
        elif basis == "context":
            words = [context.letter.text[slice(*span)] for i, span in evidence if i.label == label]
            if not words:
                continue  # not located: reported by evidence_texts
            given = _read(label, EVIDENCE_JOINER.join(words), context)
            if value not in given:
                problems.append(
                    f"{label} {value!r} rests on the evidence {words!r}, whose words give "
                    f"{_given(given)}; give the words that state {value!r}, or correct the label"
                )
        elif basis == "convention" and (message := _convention_problem(label, value, context)):
            problems.append(message)
    if (message := _flow_problem(figure, context.measure)) is not None:
        problems.append(message)
    return problems


def evidence_rows(
    figure: FigureRecord,
    letter: NormalisedText,
    evidence: list[tuple[EvidenceWords, tuple[int, int]]],
) -> list[dict[str, Any]]:
    """Rows of the ``evidence`` table for one figure, with offsets into the raw letter."""
    rows = []
    for item, (start, end) in evidence:
        raw_start, raw_end = letter.raw_span(start, end)
        rows.append(
            {
                "figure_id": figure.figure_id,
                "label": item.label,
                "text": letter.text[start:end],
                "char_start": raw_start,
                "char_end": raw_end,
            }
        )
    return rows
