"""plot_targets: each target or plan against its latest comparable actual."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import api
from ..vocab import LIST_SEPARATOR
from .fonts import _lang
from .panel import finish
from .rows import fit_rows
from .style import DERIVED_COLOUR, _footer_text, _new_axes
from .words import _Lang

if TYPE_CHECKING:
    from matplotlib.axes import Axes

_OUTCOME_COLOURS = {
    "met": "#4daf4a",
    "possibly_met": "#ff9f1c",
    "not_yet_met": "#377eb8",
    "missed": "#d62728",
    "no_actual": "#c8c8c8",
}
_REACH = 1.6
"""Where an interval with no upper end is cut (as a ratio to the threshold), drawn as an arrow."""


def _ratio(x: float, threshold: float) -> float:
    return x / threshold if threshold else math.nan


def _id_label(figure_id: str, width: int = 30) -> str:
    """A figure id on lines of ``width`` characters at most, never cut.

    Its letter first, then its name broken after hyphens (npc-20250021/, strategic-emerging-,
    industries-...).
    """
    letter, _, name = figure_id.rpartition("/")
    lines = [f"{letter}/"] if letter else []
    line = ""
    for part in re.findall(r"[^-]+-?", name):
        if line and len(line) + len(part) > width:
            lines.append(line)
            line = ""
        line += part
    return "\n".join([*lines, line])


def _draw_row(ax: Axes, y: int, row: pd.Series) -> None:
    threshold = float(row["threshold"])
    colour = _OUTCOME_COLOURS[row["outcome"]]
    ax.plot(
        [1.0],
        [y],
        linestyle="none",
        marker="o",
        markerfacecolor="white",
        markeredgecolor="0.2",
        zorder=3,
        gid=f"threshold:{row['target_figure_id']}",
    )
    if row["outcome"] == "no_actual":
        return
    lower = _ratio(float(row["actual_lower"]), threshold)
    upper = _ratio(float(row["actual_upper"]), threshold)
    open_ended = math.isinf(upper)
    end = max(_REACH, lower * 1.1) if open_ended else upper
    line = "--" if row["actual_status"] == "derived" else "-"
    ax.plot(
        [lower, end],
        [y, y],
        color=DERIVED_COLOUR if row["actual_status"] == "derived" else colour,
        linestyle=line,
        linewidth=5,
        solid_capstyle="butt",
        gid=f"actual:{row['target_figure_id']}",
        zorder=2,
    )
    if open_ended:
        ax.annotate(
            "",
            xy=(end, y),
            xytext=(end - 0.05, y),
            arrowprops={"arrowstyle": "->", "color": colour},
        )


def plot_targets(
    *,
    ax: Axes | None = None,
    lang: str = "en",
    include_no_actual: bool = False,
    version: str | None = None,
    legend: str = "below",
) -> Axes:
    """Draw each target or plan against its latest comparable actual (:func:`load_targets`).

    One row per target: the threshold is the hollow marker at 1; the actual's strict interval,
    divided by the threshold so that targets in different units share one axis, is a bar
    coloured by outcome (met green, possibly met orange, not yet met blue, missed red); a derived
    actual is grey and dashed; an interval with no upper end ends in an arrow.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure.
    lang : {"en", "zh"}, default "en"
        The labels' language; target ids stay as they are.
    include_no_actual : bool, default False
        Also list the targets no letter reports an actual for (a threshold marker only).
    version : str, optional
        The data version drawn; by default the bundled one.
    legend : {"below", "inside", "none"}, default "below"
        Where the legend goes (see :func:`~futian_indicators.plot.plot_series`); it lists the
        threshold's marker and the outcomes drawn.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on; each actual's bar has the ``gid`` ``actual:<target_figure_id>``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from futian_indicators.plot import plot_targets
    >>> ax = plot_targets()
    >>> len([a for a in ax.lines if str(a.get_gid()).startswith("actual:")]) >= 1
    True
    >>> plt.close(ax.figure)
    """
    style = _lang(lang)
    targets = api.load_targets(version=version)
    if not include_no_actual:
        targets = targets[targets["outcome"] != "no_actual"]
    targets = targets.reset_index(drop=True)
    ax = _new_axes(ax, (7.5, 0.4 * len(targets) + 2.4))
    for y, (_, row) in enumerate(targets.iterrows()):
        _draw_row(ax, y, row)
    ax.axvline(1.0, color="0.3", linewidth=0.8, linestyle=":")
    labels = [_id_label(str(t)) for t in targets["target_figure_id"]]
    ax.set_yticks(range(len(targets)), labels, fontsize=7)
    ax.invert_yaxis()
    fewer = (
        "leave include_no_actual=False to draw fewer rows"
        if include_no_actual
        else "draw it in a figure of its own"
    )
    fit_rows(ax, helper="plot_targets", fewer=fewer)
    ax.set_xlabel(style.words("gap"), **style.font())
    ax.spines[["top", "right"]].set_visible(False)
    sources = [s for ids in targets["source_ids"] for s in str(ids).split(LIST_SEPARATOR) if s]
    footer = _footer_text(sources, style, style.words("targets_note"), version=version)
    entries = _entries(ax, targets, style)
    finish(ax, style.words("targets_title"), entries, footer, style, legend=legend)
    return ax


def _entries(ax: Axes, targets: pd.DataFrame, lang: _Lang) -> list[tuple[Any, str]]:
    """The threshold's marker, then one bar per outcome drawn (a derived actual's, grey)."""
    drawn = {str(a.get_gid()): a for a in ax.lines}
    entries: list[tuple[Any, str]] = []
    ids = list(targets["target_figure_id"])
    if ids:
        entries.append((drawn[f"threshold:{ids[0]}"], lang.words("threshold")))
    derived = targets["actual_status"].eq("derived")

    def bar(keep: pd.Series) -> Any:
        return next(
            (
                drawn[g]
                for t in targets.loc[keep, "target_figure_id"]
                if (g := f"actual:{t}") in drawn
            ),
            None,
        )

    for outcome in _OUTCOME_COLOURS:
        drawn_bar = bar(targets["outcome"].eq(outcome) & ~derived)
        if drawn_bar is not None:
            entries.append((drawn_bar, lang.words(outcome)))
    drawn_bar = bar(derived)
    if drawn_bar is not None:
        entries.append((drawn_bar, lang.words("derived_actual")))
    return entries
