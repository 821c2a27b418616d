"""What the plots share: a marker and colour per letter, display units, source notes, axes.

One marker shape and colour per letter, the same in every plot (the letters' order in
:func:`~futian_indicators.load_sources`); targets and plans are hollow; derived figures grey.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from matplotlib import dates as _dates

from .. import analysis, api, vocab
from .words import _Lang, _text_width, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes

mdates: Any = _dates  # matplotlib.dates has no type hints

_MARKERS = ("o", "s", "^", "D", "v", "P", "h", "<", ">", "p")
_COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
)
DERIVED_COLOUR = "0.55"
_SEVERAL_LETTERS_MARKER = "X"
_HOLLOW_STATUSES = ("target", "plan")


def _rows(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of a table as named tuples (typed loosely: columns are read by name)."""
    return frame.itertuples()


@dataclass(frozen=True)
class _Letter:
    source_id: str
    kind: str
    doc_number: str
    session_zh: str
    date: pd.Timestamp | None
    marker: str
    colour: str

    def _date(self, lang: _Lang) -> str:
        return self.date.strftime("%Y-%m-%d") if self.date is not None else lang.words("undated")

    def _kind(self, lang: _Lang) -> tuple[str, str]:
        words = vocab.SOURCE_KIND_WORDS.get(self.kind)
        if words is None:
            return (self.kind, "letter") if lang.code == "en" else ("", "")
        if lang.code == "en":
            return words.body_en, words.item_en
        return words.body_zh, words.item_zh

    def short(self, lang: _Lang) -> str:
        """The letter in a legend: body, document number and date."""
        body, what = self._kind(lang)
        if lang.code == "zh":
            return f"{body}第{self.doc_number}号{what}答复（{self._date(lang)}）"
        return f"{body} No. {self.doc_number} ({self._date(lang)})"

    def long(self, lang: _Lang) -> str:
        """The letter in a footer: what it replies to, its document number and date."""
        body, what = self._kind(lang)
        if lang.code == "zh":
            return f"对{self.session_zh}第{self.doc_number}号{what}的答复（{self._date(lang)}）"
        return f"reply to {body} {what} No. {self.doc_number} ({self._date(lang)})"


@functools.cache
def _letters(version: str | None = None) -> dict[str, _Letter]:
    """Every letter of a data version, with its marker and colour (fixed by the letters' order)."""
    sources = api.load_table("sources", version=version)
    letters = {}
    for i, row in enumerate(_rows(sources)):
        date = None if pd.isna(row.date) else pd.Timestamp(row.date)
        letters[str(row.source_id)] = _Letter(
            source_id=str(row.source_id),
            kind=str(row.kind),
            doc_number=str(row.doc_number),
            session_zh="" if pd.isna(row.session_zh) else str(row.session_zh),
            date=date,
            marker=_MARKERS[i % len(_MARKERS)],
            colour=_COLOURS[i % len(_COLOURS)],
        )
    return letters


@functools.cache
def _codebook(version: str | None) -> dict[str, dict[str, Any]]:
    table = api.load_table("indicators", version=version)
    return {
        str(row["indicator_id"]): {str(key): value for key, value in row.items()}
        for row in table.to_dict("records")
    }


def _indicator(indicator_id: str, version: str | None = None) -> dict[str, Any]:
    """An indicator's row of the codebook of a data version, by column."""
    return _codebook(version)[indicator_id]


def _measure_word(figures: pd.DataFrame) -> str | None:
    """The one measure word (家, 件, 个 ...) the letters use for a count, if they agree.

    From the figures' ``unit_as_reported``; data versions before 2.0.0 do not have it, and their
    counts are drawn with the generic word.
    """
    if "unit_as_reported" not in figures.columns:
        return None
    reported = figures.loc[figures["status"] != "derived", "unit_as_reported"].dropna()
    words = {str(word) for word in reported if str(word)}
    return words.pop() if len(words) == 1 else None


def _display_unit(unit: str, figures: pd.DataFrame, lang: _Lang) -> tuple[float, str]:
    """The divisor from base units and the unit's label, in the language drawn.

    The units of :data:`futian_indicators.vocab.UNIT_LABELS` (亿元, 万平方米), except that
    amounts all under one such unit are drawn in the smaller one the letters use for them
    (最高200万元 in 万元, not as 0.02亿元).
    """
    labels = vocab.UNIT_LABELS.get(unit, vocab.UnitLabels(1.0, unit, unit))
    finite = pd.concat([figures["value"], figures["lower"], figures["upper"]]).abs()
    finite = finite[finite < float("inf")]
    small = vocab.SMALL_UNIT_LABELS.get(unit)
    if small is not None and len(finite) and finite.max() < labels.divisor:
        labels = small
    if lang.code == "en":
        return labels.divisor, labels.en
    if unit == "count":
        return labels.divisor, _measure_word(figures) or labels.zh_axis
    return labels.divisor, labels.zh_axis or labels.zh or unit


def _axis_label(name: str, unit: str, lang: _Lang, width: float = 250.0) -> str:
    """``name (unit)`` (``名称（单位）`` in Chinese), wrapped between words, never in the unit.

    ``width`` is in points, at the label's 10 points.
    """
    unit = f"（{unit}）" if lang.code == "zh" else f" ({unit})"
    lines = wrap(name, width, 10.0, lang).split("\n")
    if _text_width(lines[-1] + unit, 10.0, lang.family) <= width:
        lines[-1] += unit
    else:
        lines.append(unit.strip())
    return "\n".join(lines)


def _footer_text(
    source_ids: Iterable[str], lang: _Lang, *notes: str, version: str | None = None
) -> str:
    """The source note: the letters (in the letters' order), the notes, the data version."""
    letters = _letters(version)
    named = [letters[s] for s in letters if s in set(source_ids)]
    joiner = "；" if lang.code == "zh" else "; "
    text = lang.words("sources").format(letters=joiner.join(x.long(lang) for x in named))
    data = lang.words("data").format(version=api.data_version(version))
    parts = [text, *notes, data]
    return ("" if lang.code == "zh" else " ").join(parts)


def _source_ids(figures: pd.DataFrame, version: str | None = None) -> list[str]:
    """The letters the figures come from, derived figures followed back to their letters."""
    return analysis.source_ids(figures["figure_id"], version=version)


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _date_axis(ax: Axes, left: float, right: float, lang: _Lang) -> None:
    """A time axis from ``left`` to ``right`` (date numbers).

    Over two years or more, years are labelled between their boundaries, so that a year's
    figure, drawn at its end (31 December), reads as that year and not the next.
    """
    from matplotlib.ticker import NullFormatter

    ax.set_xlim(left, right)
    years = (right - left) / 365.25
    if years < 2:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
        formats = ["%Y", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"] if lang.family else None
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, formats=formats))
        if lang.family:
            ax.tick_params(axis="x", labelfontfamily=list(lang.family))
        return
    base = max(1, math.ceil(years / 12))
    ax.xaxis.set_major_locator(mdates.YearLocator(base))
    ax.xaxis.set_major_formatter(NullFormatter())
    ax.xaxis.set_minor_locator(mdates.YearLocator(base, month=7, day=2))
    ax.xaxis.set_minor_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", which="major", length=8)
    ax.tick_params(axis="x", which="minor", length=0)


def _x(dates: pd.Series) -> list[float]:
    return [float(mdates.date2num(pd.Timestamp(d).to_pydatetime())) for d in dates]


def _starts(figures: pd.DataFrame) -> list[float]:
    """X of each figure's period start; an open start (../2023-08-31, ../2024) is its end."""
    return _x(figures["period_start"].fillna(figures["period_end"]))


def _style(row: Any, version: str | None = None) -> tuple[str, str, str, str]:
    """Marker, edge colour, face colour and line style of a figure."""
    letter = _letters(version).get(row.source_id) if isinstance(row.source_id, str) else None
    marker = letter.marker if letter else _SEVERAL_LETTERS_MARKER
    if row.status == "derived":
        return marker, DERIVED_COLOUR, DERIVED_COLOUR, "--"
    colour = letter.colour if letter else "black"
    face = "white" if row.status in _HOLLOW_STATUSES else colour
    return marker, colour, face, "-"


def _draw_period_and_marker(
    ax: Axes,
    period: tuple[float, float] | None,
    point: tuple[float, float],
    row: Any,
    *,
    size: tuple[float, float, float, float],
    version: str | None = None,
) -> None:
    """A figure's marker at ``x``, and a thin line over its period when it lasts longer than a day.

    ``size`` is (line width, line alpha, marker size, marker edge width).
    """
    marker, colour, face, line = _style(row, version)
    linewidth, alpha, markersize, edgewidth = size
    (x, y), fid = point, row.figure_id
    if period is not None:
        ax.plot(
            list(period),
            [y, y],
            color=colour,
            linestyle=line,
            linewidth=linewidth,
            alpha=alpha,
            marker="|",
            markersize=6,
            zorder=1,
            gid=f"span:{fid}",
        )
    ax.plot(
        [x],
        [y],
        linestyle="none",
        marker=marker,
        markersize=markersize,
        markerfacecolor=face,
        markeredgecolor=colour,
        markeredgewidth=edgewidth,
        zorder=3,
        gid=f"marker:{fid}",
    )


def _letter_entries(
    ax: Axes, figures: pd.DataFrame, lang: _Lang, *, version: str | None = None
) -> list[tuple[Any, str]]:
    """Legend entries for the figures' markers: drawn artists, one per style the plot uses.

    A letter is named with one of its own markers (filled if it has a filled one); then a
    marker of a figure derived from several letters, a hollow marker (targets and plans) and a
    derived figure (its dashed interval with its marker), each only when drawn.
    """
    drawn = {str(a.get_gid()): a for a in [*ax.lines, *ax.patches] if a.get_gid()}
    rows = list(_rows(figures))

    def marker(row: Any, kind: str = "marker") -> Any:
        return drawn.get(f"{kind}:{row.figure_id}")

    def hollow(row: Any) -> bool:
        return row.status in _HOLLOW_STATUSES

    def first(keep: Any, kind: str = "marker") -> Any:
        return next((a for r in rows if keep(r) and (a := marker(r, kind)) is not None), None)

    entries: list[tuple[Any, str]] = []
    for letter in _letters(version).values():
        own = [r for r in rows if r.source_id == letter.source_id and r.status != "derived"]
        artist = next((a for r in own if (a := marker(r)) is not None and not hollow(r)), None)
        artist = artist or next((a for r in own if (a := marker(r)) is not None), None)
        if artist is not None:
            entries.append((artist, letter.short(lang)))
    several = first(lambda r: not isinstance(r.source_id, str))
    if several is not None:
        entries.append((several, lang.words("several")))
    used = [artist for artist, _ in entries]
    target = first(lambda r: hollow(r) and marker(r) not in used) or first(hollow)
    if target is not None:
        entries.append((target, lang.words("target")))
    derived = first(lambda r: r.status == "derived")
    if derived is not None:
        line = first(lambda r: r.status == "derived", "interval") or first(
            lambda r: r.status == "derived", "span"
        )
        entries.append(((line, derived) if line is not None else derived, lang.words("derived")))
    return entries
