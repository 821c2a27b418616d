"""plot_series: every report of one indicator as the interval its words allow."""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING, Any

import pandas as pd
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from .. import analysis, api, display, vocab
from .fonts import _lang
from .panel import finish, fit_label
from .style import (
    _axis_label,
    _date_axis,
    _display_unit,
    _draw_period_and_marker,
    _footer_text,
    _indicator,
    _letter_entries,
    _new_axes,
    _rows,
    _source_ids,
    _starts,
    _style,
    _x,
)
from .words import _Lang

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def _shape(row: Any) -> str:
    """How a figure's interval is drawn: ``bar``, ``up`` (no upper bound) or ``down``."""
    if math.isinf(row.upper):
        return "up"
    if math.isinf(row.lower) or (row.qualifier == "under" and row.lower <= 0):
        return "down"
    return "bar"


def _dodged(figures: pd.DataFrame) -> list[float]:
    """X of each figure: its period end, shifted apart where several share one."""
    ends, starts = _x(figures["period_end"]), _starts(figures)
    width = max(ends) - min(starts)
    step = min(max(width * 0.05, 8.0), 90.0) if width else 20.0
    xs = list(ends)
    for _, group in figures.groupby("period_end", sort=False):
        positions = list(group.index)
        for k, i in enumerate(positions):
            xs[i] = ends[i] + (k - (len(positions) - 1) / 2) * step
    return xs


_LEAST_SPAN = 0.1
"""The least span of a y axis, as a fraction of the largest value drawn (counts and ranks aside)."""
_WHOLE_UNITS = ("count", "rank")
"""Units whose values are whole numbers: integer ticks, and values shown without decimals."""


def _limits(
    figures: pd.DataFrame, shapes: list[str], divisor: float, unit: str
) -> tuple[float, float, float]:
    """Y limits in display units, and the length of an open-ended interval's arrow.

    A count's axis starts at 0, where a reader expects it: 1,503 then at least 1,500 enterprises
    are two bars of about the same height, not a fall over an axis from 1,500 to 1,504. A rank's
    axis starts at the first place and spans three places at least, so that its integer ticks
    exist. Other units span their values, with a margin, and a tenth of their largest value at
    least, so that a change of a few thousandths is not drawn across the whole axis.
    """
    finite: list[float] = []
    for row, shape in zip(_rows(figures), shapes, strict=True):
        finite.append(row.value)
        if shape == "bar":
            finite += [row.lower, row.upper]
    lo, hi = min(finite) / divisor, max(finite) / divisor
    if unit == "rank":
        hi = max(hi, 3.0)
        arrow = 0.22 * (hi - 0.5)
        return 0.5, hi + 0.5 + (arrow if "up" in shapes else 0), arrow
    if unit == "count":
        lo = min(lo, 0.0)
    need = _LEAST_SPAN * max(abs(lo), abs(hi))
    if hi - lo < need:  # a rounding interval (5,948.82 ± 0.005) is not drawn as a wide bar
        lo, hi = lo - (need - (hi - lo)) / 2, hi + (need - (hi - lo)) / 2
    span = hi - lo or 1.0
    arrow = 0.22 * span
    bottom = lo - 0.12 * span - (arrow if "down" in shapes else 0)
    top = hi + 0.12 * span + (arrow if "up" in shapes else 0)
    if unit == "count" and "down" not in shapes:
        bottom = 0.0
    return bottom, top, arrow


def _draw_figure(
    ax: Axes,
    row: Any,
    x: float,
    shape: str,
    scale: tuple[float, float],
    *,
    version: str | None,
) -> None:
    divisor, arrow = scale
    _, colour, _, line = _style(row, version)
    value = row.value / divisor
    fid = row.figure_id
    if shape == "bar":
        ax.plot(
            [x, x],
            [row.lower / divisor, row.upper / divisor],
            color=colour,
            linestyle=line,
            linewidth=1.6,
            marker="_",
            markersize=9,
            zorder=2,
            gid=f"interval:{fid}",
        )
    else:
        end = value + arrow if shape == "up" else value - arrow
        ax.add_patch(
            FancyArrowPatch(
                (x, value),
                (x, end),
                arrowstyle="-|>",
                mutation_scale=13,
                color=colour,
                linestyle=line,
                linewidth=1.6,
                zorder=2,
                gid=f"arrow-{shape}:{fid}",
            )
        )
    start, end_x = _x(pd.Series([row.period_start, row.period_end]))
    period = (start, end_x) if row.period_type != "as_of" and start < end_x else None
    _draw_period_and_marker(ax, period, (x, value), row, size=(1.0, 0.45, 8, 1.6), version=version)


def _value_text(row: Any, divisor: float, unit_text: str, lang: _Lang) -> str:
    """A figure's value beside its marker: the letter's words in Chinese, ASCII in English.

    The axis's unit is left out (超1100, not 超1100亿元, on an axis in 亿元).
    """
    value, lower, upper = row.value / divisor, row.lower / divisor, row.upper / divisor
    if row.status == "derived":
        prefix = "推算≈" if lang.code == "zh" else "≈"
        return prefix + display.format_number(value, 0 if row.unit in _WHOLE_UNITS else 2)
    if lang.code == "zh":
        words = re.sub(r"\s+", "", str(row.value_as_reported))
        return words.removesuffix(unit_text) if words != unit_text else words
    number = display.format_number(value)
    qualifier = row.qualifier
    if qualifier == "over":
        return f">{number}" if math.isinf(upper) else f"{number}+"
    if qualifier == "under":
        if row.unit == "rank":
            return f"top {number}"
        return f"{'≤' if row.upper_closed else '<'}{number}"
    if qualifier == "range":
        return f"{display.format_number(lower)}-{display.format_number(upper)}"
    prefixes = {"at_least": "≥", "nearly": "nearly ", "approx": "~"}
    return prefixes.get(qualifier, "") + number


def _draw_value_labels(
    ax: Axes,
    figures: pd.DataFrame,
    xs: list[float],
    unit: tuple[float, str],
    lang: _Lang,
    *,
    version: str | None,
) -> None:
    """Each figure's value beside its marker.

    To the right; where several figures share a period, the first half's to the left and a
    little above, clear of the previous period's labels on the right of their markers.
    """
    divisor, unit_text = unit
    for _, group in figures.groupby("period_end", sort=False):
        for k, (i, row) in enumerate(zip(group.index, _rows(group), strict=True)):
            left = len(group) > 1 and k < len(group) / 2
            ax.annotate(
                _value_text(row, divisor, unit_text, lang),
                xy=(xs[i], row.value / divisor),
                xytext=(-6, 5) if left else (7, 0),
                textcoords="offset points",
                ha="right" if left else "left",
                va="bottom" if left else "center",
                fontsize=8,
                color=_style(row, version)[1],
                gid=f"value:{row.figure_id}",
                **lang.font(),
            )


def _draw_series(
    ax: Axes, indicator: str, geo: str, derived: bool, divisor: float, *, version: str | None
) -> bool:
    """Overlay the reconciled series as a line, where a line says something true.

    Two periods are joined only when both values are bounded intervals (a line to a lower bound,
    such as 突破1500家, would draw a fall that the words do not say) and of the same period type
    (a year to a year, a date to a date).
    """
    reconciled = analysis.series(indicator, geo=geo, derived=derived, version=version)
    bounded = reconciled["value"].notna() & reconciled["lower"].gt(float("-inf"))
    bounded &= reconciled["upper"].lt(float("inf")) & reconciled["consistent"]
    bounded &= reconciled["status"].ne("derived")  # a line joins reported values only
    xs = _x(reconciled["period_end"])
    types = [str(t) for t in reconciled["period_type"]]
    drawn = False
    for i in range(1, len(reconciled)):
        same_type = types[i] == types[i - 1]
        if not (bounded.iat[i] and bounded.iat[i - 1] and same_type):
            continue
        ax.plot(
            xs[i - 1 : i + 1],
            reconciled["value"].iloc[i - 1 : i + 1] / divisor,
            color="0.25",
            linewidth=0.9,
            alpha=0.6,
            zorder=1,
            gid="series",
        )
        drawn = True
    return drawn


def _fitted_axis_label(name: str, unit: str, lang: _Lang, length: float) -> str:
    """The y axis' label, wrapped to the Axes' height (and 250 points at most)."""
    return _axis_label(name, unit, lang, min(length, 250.0))


def _series_entries(
    ax: Axes, figures: pd.DataFrame, lang: _Lang, *, version: str | None
) -> list[Any]:
    """The legend's entries: the letters' markers, the arrows and the line, as drawn."""
    entries = _letter_entries(ax, figures, lang, version=version)
    for shape in ("up", "down"):
        gid = f"arrow-{shape}:"
        arrow = next((p for p in ax.patches if str(p.get_gid()).startswith(gid)), None)
        if arrow is not None:
            entries.append((arrow, lang.words(f"open_{shape}")))
    line = next((a for a in ax.lines if a.get_gid() == "series"), None)
    if line is not None:
        entries.append((line, lang.words("series")))
    return entries


def plot_series(
    indicator: str,
    *,
    geo: str = "futian",
    ax: Axes | None = None,
    lang: str = "en",
    derived: bool = analysis.DERIVED_DEFAULT,
    version: str | None = None,
    legend: str = "below",
) -> Axes:
    """Draw every report of an indicator as the interval its words allow.

    Each figure of the indicator and area (:func:`~futian_indicators.load_figures`) is one
    marker at its period's end (shifted a little where several share a period), drawn with:

    - a vertical bar over its strict interval (``lower``, ``upper``) when that is bounded;
    - an arrow pointing up when the words give no upper bound (超1100亿元, 突破1500家) and down
      for a cap (最高60万元, 不超过500万元);
    - a thin horizontal line over its period when the period is longer than a day (a year, a
      half-year, 2022/2024, "since 2023-01-01");
    - its value beside it: in English, ASCII (">1,100", ">=" as "≥1,500"); in Chinese, the
      letter's own words (超1100亿元).

    One marker shape and colour per letter, named in the legend; targets and plans are hollow;
    figures the package derives are grey and dashed. The reconciled series
    (:func:`~futian_indicators.series`) is overlaid as a line when it has two values or more.
    Values are in display units (亿元 for yuan, 万平方米 for square metres, % for percent; counts
    as they are); a source note under the axes names the letters the figures come from.

    Axes: a count's axis starts at 0, so that a small change (1,503, then at least 1,500) is
    drawn as small; a rank's starts at the first place, at the top, and spans three places at
    least; any other spans a tenth of its largest value at least. Counts and ranks have integer
    ticks with thousands separators, and a derived count is labelled as a whole number (≈2,403).

    Everything is drawn inside ``ax``: the title, the legend and the source note belong to it,
    so that panels of one figure (``plt.subplots(1, 2, layout="constrained")``, about 5 x 4 in
    a panel) do not overlap.

    Parameters
    ----------
    indicator : str
        An indicator id, name or alias, read as the loaders read it: ``"gdp"``,
        ``"high_tech_enterprises"`` or ``"国高"``.
    geo : str, default "futian"
        The area: ``"futian"``, ``"hetao_shenzhen_park"``, ``"hetao_zone"``, ``"shenzhen"`` or
        ``"hong_kong"``.
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure.
    lang : {"en", "zh"}, default "en"
        The labels' language. ``"zh"`` needs a CJK font (:data:`CJK_FONT_FAMILIES`); without
        one it warns once and draws English labels.
    derived : bool, default False
        Also draw the figures the package derives (status ``derived``), in grey; the default
        is :data:`futian_indicators.analysis.DERIVED_DEFAULT`, as for :func:`series`. The line
        joins reported values only.
    version : str, optional
        The data version whose tables are drawn (:func:`~futian_indicators.data_versions`); by
        default the bundled one.
    legend : {"below", "inside", "none"}, default "below"
        Where the legend goes: under the x axis (and above the source note), inside the data
        area where it hides the least, or nowhere. It lists only what is drawn, with the drawn
        artists' own markers; each of them carries its label, so that
        ``ax.get_legend_handles_labels()`` gives them to a legend placed elsewhere.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on. Each artist's ``gid`` names its figure: ``interval:<figure_id>``,
        ``arrow-up:<figure_id>``, ``arrow-down:<figure_id>``, ``marker:<figure_id>``.

    Raises
    ------
    UnknownValueError
        When the indicator, the area, the language or the legend's place does not exist.
    ArgumentError
        When no letter reports the indicator for that area.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from futian_indicators.plot import plot_series
    >>> ax = plot_series("gdp", derived=True)
    >>> ax.get_ylabel()
    'Gross domestic product (100 million CNY)'
    >>> sorted(a.get_gid() for a in ax.lines if str(a.get_gid()).startswith("marker:"))
    ['marker:cppcc-2025136/gdp-2024', 'marker:derived/gdp-2023-implied-by-sei-share']
    >>> plt.close(ax.figure)
    """
    style = _lang(lang)
    indicator = api.resolve_indicator(indicator, version=version)
    statuses = None if derived else list(vocab.CURATED_STATUSES)
    figures = api.load_figures(indicator=indicator, geo=geo, status=statuses, version=version)
    if figures.empty:
        everywhere = api.load_figures(indicator=indicator, version=version)
        left_out = "" if derived else " (derived figures left out)"
        raise analysis.no_figures_error(indicator, geo, everywhere, left_out=left_out)
    figures = figures.sort_values(
        ["period_end", "status", "source_id", "figure_id"], ignore_index=True
    )
    meta = _indicator(indicator, version)
    unit = str(meta["unit"])
    divisor, unit_text = _display_unit(unit, figures, style)
    shapes = [_shape(row) for row in _rows(figures)]
    bottom, top, arrow = _limits(figures, shapes, divisor, unit)
    xs = _dodged(figures)

    ax = _new_axes(ax, (10.0, 5.0))
    for row, x, shape in zip(_rows(figures), xs, shapes, strict=True):
        _draw_figure(ax, row, x, shape, (divisor, arrow), version=version)
    _draw_value_labels(ax, figures, xs, (divisor, unit_text), style, version=version)
    _draw_series(ax, indicator, geo, derived, divisor, version=version)

    name = str(meta["name_zh"] if style.code == "zh" else meta["name_en"])
    ax.set_ylabel(_axis_label(name, unit_text, style), **style.font())
    fit_label(ax.yaxis, functools.partial(_fitted_axis_label, name, unit_text, style), style)
    ax.set_xlabel(style.words("period_axis"), fontsize=8, **style.font())
    ax.set_ylim(bottom, top)
    if unit == "rank":
        ax.invert_yaxis()
    starts = _starts(figures)
    left, right = min(*starts, *xs), max(xs)
    pad = max((right - left) * 0.08, 60.0)
    _date_axis(ax, left - pad, right + 1.8 * pad, style)
    ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    if unit in _WHOLE_UNITS:
        ax.yaxis.set_major_locator(MaxNLocator("auto", integer=True, steps=[1, 2, 2.5, 5, 10]))
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    notes = [style.words("period_note"), style.words("interval_note")]
    if (figures["status"] == "derived").any():
        notes.append(style.words("derived_note"))
    footer = _footer_text(_source_ids(figures, version), style, *notes, version=version)
    title = style.words("series_title").format(name=name, geo=style.words(geo))
    entries = _series_entries(ax, figures, style, version=version)
    finish(ax, title, entries, footer, style, legend=legend)
    return ax
