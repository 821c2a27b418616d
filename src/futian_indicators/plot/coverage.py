"""plot_coverage: which letter reports which indicator, for which period."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from .. import api, vocab
from .fonts import _lang
from .panel import finish
from .rows import fit_rows
from .style import (
    _date_axis,
    _draw_period_and_marker,
    _footer_text,
    _indicator,
    _letter_entries,
    _letters,
    _new_axes,
    _rows,
    _source_ids,
    _starts,
    _x,
)
from .words import _Lang, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def _coverage_rows(
    figures: pd.DataFrame, indicators: Sequence[str] | None, min_figures: int
) -> list[tuple[str, str]]:
    """The (indicator, geo) rows to draw: those asked for, or those with enough figures."""
    sizes = figures.groupby(["indicator_id", "geo"]).size()
    if indicators is None:
        sizes = sizes[sizes >= min_figures]
    geo_order = {g: i for i, g in enumerate(vocab.GEOS)}
    keys = [(str(i), str(g)) for i, g in sizes.index]
    return sorted(keys, key=lambda key: (geo_order.get(key[1], 99), key[0]))


def _row_label(indicator_id: str, geo: str, lang: _Lang, version: str | None) -> str:
    meta = _indicator(indicator_id, version)
    name = str(meta["name_zh"] if lang.code == "zh" else meta["name_en"])
    if geo != "futian":
        area = lang.words(geo)
        if lang.code == "zh":
            name += f"（{area[:2] if geo == 'hetao_shenzhen_park' else area}）"
        else:
            name += f" [{area}]"
    lines = wrap(name, 200.0 if lang.code == "zh" else 220.0, 8.0, lang).split("\n")
    if len(lines) > 2:
        lines = [lines[0], lines[1].rstrip() + "…"]
    return "\n".join(lines)


def plot_coverage(
    *,
    ax: Axes | None = None,
    lang: str = "en",
    indicators: str | Sequence[str] | None = None,
    min_figures: int = 2,
    derived: bool = False,
    version: str | None = None,
    legend: str = "below",
) -> Axes:
    """Draw which letter reports which indicator, for which period.

    One row per indicator and area, one marker per figure at its period's end (a thin line over
    a period longer than a day), one marker shape and colour per letter (as in
    :func:`plot_series`); targets and plans are hollow. Where several letters report the same
    period their markers sit side by side in the row. Dotted vertical lines mark the letters'
    dates.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure, as tall as the rows need.
    lang : {"en", "zh"}, default "en"
        The labels' language (see :func:`plot_series`).
    indicators : str or list of str, optional
        The indicators to draw; by default every indicator and area with at least
        ``min_figures`` figures.
    min_figures : int, default 2
        Without ``indicators``: the fewest figures a row needs to be drawn.
    derived : bool, default False
        Also draw the figures the package derives (grey).
    version : str, optional
        The data version whose tables are drawn (:func:`~futian_indicators.data_versions`); by
        default the bundled one.
    legend : {"below", "inside", "none"}, default "below"
        Where the legend goes (see :func:`plot_series`).

    Returns
    -------
    matplotlib Axes
        The Axes drawn on; each figure's marker has the ``gid`` ``marker:<figure_id>``.

    Raises
    ------
    UnknownValueError
        When an indicator, the language or the legend's place does not exist.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from futian_indicators.plot import plot_coverage
    >>> ax = plot_coverage(indicators=["gdp", "high_tech_enterprises"])
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Gross domestic product', 'National high-tech enterprises']
    >>> plt.close(ax.figure)
    """
    style = _lang(lang)
    statuses = None if derived else list(vocab.CURATED_STATUSES)
    figures = api.load_figures(indicator=indicators, status=statuses, version=version)
    rows = _coverage_rows(figures, indicators, min_figures)
    row_of = {key: i for i, key in enumerate(rows)}
    keys = list(zip(figures["indicator_id"], figures["geo"], strict=True))
    figures = figures[[key in row_of for key in keys]].copy()
    figures["row"] = [
        row_of[key] for key in zip(figures["indicator_id"], figures["geo"], strict=True)
    ]
    figures = figures.sort_values(["row", "period_end", "source_id", "status"], ignore_index=True)

    ax = _new_axes(ax, (11.0, 0.36 * len(rows) + 2.6))
    letters = _letters(version)
    for (_, _end), cell in figures.groupby(["row", "period_end"], sort=False):
        for k, row in enumerate(_rows(cell)):
            y = row.row + (k - (len(cell) - 1) / 2) * min(0.22, 0.7 / len(cell))
            start, end = _x(pd.Series([row.period_start, row.period_end]))
            period = (start, end) if row.period_type != "as_of" and start < end else None
            _draw_period_and_marker(
                ax, period, (end, y), row, size=(1.2, 0.5, 7, 1.4), version=version
            )
    present = [x for x in letters.values() if x.source_id in set(figures["source_id"].dropna())]
    for letter in present:
        if letter.date is not None:
            ax.axvline(
                _x(pd.Series([letter.date]))[0],
                color=letter.colour,
                linestyle=":",
                linewidth=0.9,
                alpha=0.7,
                zorder=0,
            )
    ax.set_yticks(range(len(rows)), [_row_label(i, g, style, version) for i, g in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for y in range(len(rows) + 1):
        ax.axhline(y - 0.5, color="0.9", linewidth=0.6, zorder=0)
    ax.tick_params(axis="y", length=0)
    fewer = "pass indicators= (or a larger min_figures=) to draw fewer rows"
    fit_rows(ax, helper="plot_coverage", fewer=fewer)
    if style.family:
        ax.tick_params(labelfontfamily=list(style.family))
    starts = _starts(figures) + [_x(pd.Series([x.date]))[0] for x in present if x.date is not None]
    ends = _x(figures["period_end"])
    pad = max((max(ends) - min(starts)) * 0.04, 45.0) if len(figures) else 45.0
    _date_axis(ax, min(starts, default=0.0) - pad, max(ends, default=1.0) + pad, style)
    ax.set_xlabel(style.words("period_axis"), fontsize=8, **style.font())
    ax.spines[["top", "right"]].set_visible(False)
    notes = (style.words("period_note"), style.words("letter_dates"))
    footer = _footer_text(_source_ids(figures, version), style, *notes, version=version)
    entries = _letter_entries(ax, figures, style, version=version)
    finish(ax, style.words("coverage_title"), entries, footer, style, legend=legend)
    return ax
