"""A letter as a reviewer reads it: its text in paragraphs, each number marked by its account.

:func:`read_letter` gathers, for one letter of a data version, its raw text (as the package ships
it, checked against the letter's sha256), every number mention with the figures or the reason
that account for it, the words each ``context`` label rests on (``evidence``), and what a reader
wants to know of each figure (its interval, labels, checks and targets). :func:`render_letter`
turns that into a standalone HTML page (:mod:`futian_indicators.letter_page`); the terminal's
``letter`` command prints the same marks as text.

Tables that later data versions add are used when they are there: ``evidence`` and ``targets``
(through their loaders), and the figures' ``*_basis``, ``unit_as_reported`` and ``doubtful``
columns. Without them the page shows what the figures table holds.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import _resources, api, vocab
from .display import format_interval, format_value
from .errors import IntegrityError, UnknownValueError

_PAGE_NUMBER = re.compile(r"\d{1,3}")
_PARAGRAPH_END = "。：:！!？?"
_SHORT_LINE = 0.75
"""A line shorter than this share of the letter's usual full line ends its paragraph."""


@dataclass(frozen=True, slots=True)
class CheckRef:
    """A consistency check a figure takes part in."""

    check_id: str
    status: str
    label: str


@dataclass(frozen=True, slots=True)
class TargetRef:
    """A target a figure is the target or the actual of, and how it came out."""

    target_figure_id: str
    actual_figure_id: str
    outcome: str


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of the letter, with what a reader of its mark wants to know."""

    figure_id: str
    number: int
    """The figure's index in the letter (1, 2, ...), in the order of its marks."""
    status: str
    value: str
    interval: str
    interval_lenient: str
    value_as_reported: str
    unit_as_reported: str
    qualifier: str
    period: str
    area: str
    indicator_id: str
    indicator_en: str
    indicator_zh: str
    quote: str
    note: str
    bases: dict[str, str]
    """``period``, ``geo``, ``status`` -> the basis of that label (empty when not recorded)."""
    doubtful: bool
    checks: tuple[CheckRef, ...]
    targets: tuple[TargetRef, ...]

    @property
    def slug(self) -> str:
        """The figure's id within its letter: ``gdp-2024``; its mark's anchor is ``fig-<slug>``."""
        return self.figure_id.split("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Mark:
    """A number mention: the figures it is the number of, or the reason it is not a figure."""

    start: int
    end: int
    figure_ids: tuple[str, ...]
    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words of the letter that a figure's ``context`` label rests on."""

    start: int
    end: int
    figure_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Letter:
    """A letter with its marks, ready to render."""

    source_id: str
    title: str
    issuer: str
    doc_number: str
    date: str
    data_version: str
    text: str
    marks: tuple[Mark, ...]
    evidence: tuple[Evidence, ...]
    figures: dict[str, Figure]
    """By figure id, in the order of their numbers."""

    def paragraphs(self) -> list[tuple[int, int]]:
        """The raw ``(start, end)`` of each paragraph (see :func:`paragraphs`)."""
        return paragraphs(self.text)


# --- Reading -------------------------------------------------------------------------------


def mention_span(mentions: pd.DataFrame) -> tuple[str, str]:
    """The mentions table's offset columns: ``char_start``/``char_end``, or the older names."""
    if "char_start" in mentions.columns:
        return "char_start", "char_end"
    return "start", "end"


def letter_text(source_id: str, *, version: str | None = None) -> str:
    """A letter's decoded raw text: the text the offsets of its figures and mentions index.

    Raises
    ------
    UnknownValueError
        For a letter the data version does not have.
    IntegrityError
        When the package's copy of the letter is not the one the data version records.
    """
    sources = api.load_sources(version=version).set_index("source_id")
    if source_id not in sources.index:
        raise UnknownValueError("source", source_id, sources.index)
    text = _resources.letter(source_id)
    expected = str(sources.loc[source_id, "sha256"])
    if hashlib.sha256(text.encode()).hexdigest() != expected:
        msg = (
            f"the package's text of the letter {source_id!r} is not the one data version "
            f"{api.data_version(version)} records (sha256 {expected}); read that version with "
            "the package release that shipped it"
        )
        raise IntegrityError(msg)
    return text


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _flag(value: Any) -> bool:
    """A boolean cell of any dtype (bool, numpy bool, nullable boolean); missing is False."""
    return value is not None and not pd.isna(value) and bool(value)


def _unit_as_reported(row: dict[str, Any]) -> str:
    if _text(row.get("unit_as_reported")):
        return _text(row["unit_as_reported"])
    reported = _text(row["value_as_reported"]).split(" ", 1)
    return reported[1] if len(reported) == 2 else ""


def _interval(lower: float, upper: float, unit: str) -> str:
    if math.isnan(lower) and math.isnan(upper):
        return ""
    return format_interval(lower, upper, unit)


def _checks_by_figure(version: str | None) -> dict[str, list[CheckRef]]:
    found: dict[str, list[CheckRef]] = {}
    for row in api.load_checks(version=version).to_dict("records"):
        ref = CheckRef(str(row["check_id"]), str(row["status"]), _text(row["label"]))
        for figure_id in _text(row["figure_ids"]).split(vocab.LIST_SEPARATOR):
            found.setdefault(figure_id, []).append(ref)
    return found


def _targets_by_figure(version: str | None) -> dict[str, list[TargetRef]]:
    targets = api.load_targets(version=version)  # empty for a version before 2.0.0
    found: dict[str, list[TargetRef]] = {}
    for row in targets.to_dict("records"):
        ref = TargetRef(
            _text(row.get("target_figure_id")),
            _text(row.get("actual_figure_id")),
            _text(row.get("outcome")),
        )
        for figure_id in {ref.target_figure_id, ref.actual_figure_id} - {""}:
            found.setdefault(figure_id, []).append(ref)
    return found


def _marks(source_id: str, version: str | None, figure_ids: set[str]) -> list[Mark]:
    mentions = api.load_mentions(source=source_id, version=version)
    start, end = mention_span(mentions)
    marks = []
    for row in mentions.to_dict("records"):
        ids = tuple(i for i in _text(row["figure_id"]).split(vocab.LIST_SEPARATOR) if i)
        reason = _text(row["reason"])
        if any(i not in figure_ids for i in ids):  # a figure this letter does not list
            reason = reason or "accounted for by " + ", ".join(ids)
            ids = ()
        marks.append(Mark(int(row[start]), int(row[end]), ids, str(row["kind"]), reason))
    return sorted(marks, key=lambda m: (m.start, m.end))


def _placed(figures: pd.DataFrame, marks: list[Mark]) -> list[Mark]:
    """Marks for figures no mention accounts for: an empty mark where the figure's quote starts."""
    placed = {i for m in marks for i in m.figure_ids}
    extra = [
        Mark(int(row["char_start"]), int(row["char_start"]), (row["figure_id"],), "quantity", "")
        for row in figures.to_dict("records")
        if row["figure_id"] not in placed and not pd.isna(row["char_start"])
    ]
    return sorted(marks + extra, key=lambda m: (m.start, m.end))


def _evidence(source_id: str, version: str | None, figure_ids: set[str]) -> list[Evidence]:
    table = api.load_evidence(version=version)  # empty for a version before 2.0.0
    rows = table[table["figure_id"].isin(figure_ids)]
    return sorted(
        (
            Evidence(int(r["char_start"]), int(r["char_end"]), str(r["figure_id"]), str(r["label"]))
            for r in rows.to_dict("records")
        ),
        key=lambda e: (e.start, e.end, e.figure_id),
    )


def _figure(
    row: dict[str, Any],
    number: int,
    names: pd.DataFrame,
    checks: dict[str, list[CheckRef]],
    targets: dict[str, list[TargetRef]],
) -> Figure:
    figure_id, unit = str(row["figure_id"]), str(row["unit"])
    name = names.loc[row["indicator_id"]] if row["indicator_id"] in names.index else None
    return Figure(
        figure_id=figure_id,
        number=number,
        status=str(row["status"]),
        value=format_value(float(row["value"]), unit),
        interval=_interval(row["lower"], row["upper"], unit),
        interval_lenient=_interval(row["lower_lenient"], row["upper_lenient"], unit),
        value_as_reported=_text(row["value_as_reported"]),
        unit_as_reported=_unit_as_reported(row),
        qualifier=_text(row["qualifier"]),
        period=f"{row['period']} ({row['period_type']})",
        area=_text(row["geo"]),
        indicator_id=str(row["indicator_id"]),
        indicator_en=_text(name["name_en"]) if name is not None else "",
        indicator_zh=_text(name["name_zh"]) if name is not None else "",
        quote=_text(row["quote"]),
        note=_text(row["note"]),
        bases={label: _text(row.get(f"{label}_basis")) for label in ("period", "geo", "status")},
        doubtful=_flag(row.get("doubtful")),
        checks=tuple(checks.get(figure_id, ())),
        targets=tuple(targets.get(figure_id, ())),
    )


def _date(value: Any) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def read_letter(source_id: str, *, version: str | None = None) -> Letter:
    """Everything a page of the letter shows, from the tables of a data version.

    Raises
    ------
    UnknownValueError
        For a letter the data version does not have.
    """
    text = letter_text(source_id, version=version)
    source = api.load_sources(version=version).set_index("source_id").loc[source_id]
    figures = api.load_figures(source=source_id, version=version)
    figures = figures[figures["status"] != "derived"]
    ids = set(figures["figure_id"])
    marks = _placed(figures, _marks(source_id, version, ids))
    order = {fid: i for i, fid in enumerate(f for m in marks for f in m.figure_ids)}
    names = api.load_indicators(version=version).set_index("indicator_id")
    checks, targets = _checks_by_figure(version), _targets_by_figure(version)
    records: list[dict[str, Any]] = figures.to_dict("records")  # type: ignore[assignment]
    rows = sorted(records, key=lambda r: order[r["figure_id"]])
    built = [_figure(r, n, names, checks, targets) for n, r in enumerate(rows, start=1)]
    return Letter(
        source_id=source_id,
        title=_text(source["title_zh"]),
        issuer=_text(source["issuer_zh"]),
        doc_number=_text(source["doc_number"]),
        date=_date(source["date"]),
        data_version=api.data_version(version),
        text=text,
        marks=tuple(marks),
        evidence=tuple(_evidence(source_id, version, ids)),
        figures={f.figure_id: f for f in built},
    )


# --- Paragraphs ----------------------------------------------------------------------------


def _cells(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Each non-blank line: raw start, raw end (without the line end) and its stripped text."""
    at = 0
    for line in text.split("\n"):
        if line.strip():
            yield at, at + len(line), line.strip()
        at += len(line) + 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The raw ``(start, end)`` of each paragraph of a letter extracted from a PDF.

    The letters break every printed line (often with a blank line between), so a line break
    ends a paragraph only after a line that ends a sentence (。：！？) or stops short of the
    letter's usual full line; a page number alone on its line never does.

    Examples
    --------
    >>> text = "第一行文字很长很长很长很长很长很长很长很长\\n\\n接着写完。\\n\\n标题\\n\\n正文。"
    >>> [text[a:b].replace("\\n", "|") for a, b in paragraphs(text)]
    ['第一行文字很长很长很长很长很长很长很长很长||接着写完。', '标题', '正文。']
    """
    lines = [line for line in _lines(text) if not _PAGE_NUMBER.fullmatch(line[2])]
    if not lines:
        return []
    widths = sorted(_cells(line[2]) for line in lines)
    full = widths[int(0.9 * (len(widths) - 1))]
    found, start = [], lines[0][0]
    for i, (_, end, words) in enumerate(lines):
        bare = words.rstrip("*# ")
        last = i == len(lines) - 1
        if last or bare.endswith(tuple(_PARAGRAPH_END)) or _cells(words) < _SHORT_LINE * full:
            found.append((start, end))
            if not last:
                start = lines[i + 1][0]
    return found


_LINE_BREAK = re.compile(r"[ \t\u3000]*\n(?:\s*\n[ \t]*\d{1,3}[ \t]*\n(?=[ \t]*\n))?\s*")
"""A line break, and a page number alone on its line after it (dropped, as normalising does)."""


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def visible(text: str, start: int, end: int) -> str:
    """``text[start:end]`` as a paragraph shows it: line breaks joined, a space between words.

    Examples
    --------
    >>> visible("均居\\n\\n全市 TA\\n20210091", 0, 18)
    '均居全市 TA 20210091'
    """

    def join(match: re.Match[str]) -> str:
        a, b = start + match.start(), start + match.end()
        before, after = text[a - 1 : a], text[b : b + 1]
        return " " if _ascii_word(before) and _ascii_word(after) else ""

    return _LINE_BREAK.sub(join, text[start:end])


Piece = tuple[int, int, "Mark | None"]
"""A run of a paragraph: raw start and end, and the mark it is (None: the letter's words)."""


def layout(letter: Letter) -> list[list[Piece]]:
    """Each paragraph as runs of words and marks; a mark belongs to the paragraph it starts in.

    A mark that runs on past its paragraph's end (a number broken across a blank line) is kept
    whole, and the next paragraph starts after it.
    """
    marks = sorted(letter.marks, key=lambda m: (m.start, m.end))
    found: list[list[Piece]] = []
    cursor, i = 0, 0
    for paragraph_start, end in letter.paragraphs():
        at = max(paragraph_start, cursor)
        if at >= end:
            continue
        pieces: list[Piece] = []
        while i < len(marks) and marks[i].start < end:
            mark = marks[i]
            if mark.start >= at:
                if mark.start > at:
                    pieces.append((at, mark.start, None))
                pieces.append((mark.start, mark.end, mark))
                at = mark.end
            i += 1
        if at < end:
            pieces.append((at, end, None))
        cursor = max(end, at)
        found.append(pieces)
    return found


# --- The page ------------------------------------------------------------------------------


def render_letter(source_id: str, *, version: str | None = None) -> str:
    """A letter as a standalone HTML page, every number marked by what accounts for it.

    The page holds the letter's text in its paragraphs; each figure's number is marked
    (``data-figure-id``, an anchor ``#fig-<slug>``), styled by status with a line and a text badge
    (not by colour alone), and shows on hover or keyboard focus its value, interval, unit as
    reported, period, area, status, indicator and the checks it takes part in. Every other number
    is muted and carries its reason (``data-reason``). A table of the figures follows, each row
    linking to its mark. Style and script are inline; the page makes no network request, and every
    text it inserts (letter, quote, note) is escaped, so a letter holding markup shows it as text.

    Parameters
    ----------
    source_id : str
        A letter (see :func:`~futian_indicators.load_sources`).
    version : str, optional
        A data version; by default the current one.

    Returns
    -------
    str
        The HTML document.

    Raises
    ------
    UnknownValueError
        For a letter the data version does not have.

    Examples
    --------
    >>> import futian_indicators as fi
    >>> page = fi.render_letter("cppcc-2025136")
    >>> page.startswith("<!DOCTYPE html>"), 'data-figure-id="cppcc-2025136/gdp-2024"' in page
    (True, True)
    """
    from .letter_page import page

    return page(read_letter(source_id, version=version))
