"""plot_checks: the status of every consistency rule."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from .. import api, vocab
from ..errors import UnknownValueError
from ..vocab import LIST_SEPARATOR
from .fonts import _lang
from .panel import finish
from .rows import fit_rows
from .style import _footer_text, _new_axes, _rows
from .words import _KINDS_ZH, _WORDS, _Lang

if TYPE_CHECKING:
    from matplotlib.axes import Axes

_STATUS_COLOURS = {
    "pass": "#4daf4a",
    "tension": "#ff9f1c",
    "fail": "#d62728",
    "not_applicable": "#c8c8c8",
}
_STATUS_HATCHES = {"pass": "", "tension": "//", "fail": "xx", "not_applicable": ""}
_STATUS_ORDER = vocab.CHECK_STATUSES_WORST_FIRST


def _status_entries(ax: Axes, checks: pd.DataFrame, lang: _Lang) -> list[tuple[Any, str]]:
    """One entry per status drawn, with one of its bars (colour and hatch as drawn)."""
    counts = checks["status"].value_counts()
    entries = []
    for status in _STATUS_ORDER:
        colour = to_rgba(_STATUS_COLOURS[status])
        bar = next(
            (
                p
                for p in ax.patches
                if str(p.get_gid()).startswith(("check:", "count:"))
                and to_rgba(p.get_facecolor()) == colour
            ),
            None,
        )
        if bar is not None:
            entries.append((bar, f"{lang.words(status)} ({int(counts.get(status, 0))})"))
    return entries


def _kind_label(kind: str, lang: _Lang) -> str:
    return _KINDS_ZH.get(kind, kind) if lang.code == "zh" else kind


_STATUS_BAR = 0.3
"""With ``by="rule"``: the width of the status bar, as a fraction of the axes."""


def _ordered_kinds(kinds: Iterable[str]) -> list[str]:
    present = set(kinds)
    known = vocab.CHECK_KINDS
    return [k for k in known if k in present] + sorted(present - set(known))


def _right_of(*artists: Any) -> Any:
    """Coordinates of the box around drawn artists (a callable of the renderer)."""
    return functools.partial(_around, artists)


def _around(artists: tuple[Any, ...], renderer: Any) -> Bbox:
    return Bbox.union([a.get_window_extent(renderer) for a in artists])


def _checks_by_rule(ax: Axes, checks: pd.DataFrame, lang: _Lang) -> None:
    """One row per rule: a bar coloured by status, then the rule's id; a heading per kind.

    The rows' texts are sized to the rows' pitch as drawn (:func:`fit_rows`).
    """
    order = {s: i for i, s in enumerate(_STATUS_ORDER)}
    y = 0
    rows: list[tuple[float, list[Any]]] = []
    headings: list[float] = []
    for kind in _ordered_kinds(checks["kind"]):
        group = checks[checks["kind"] == kind].copy()
        group["order"] = group["status"].map(order)
        group = group.sort_values(["order", "rule_id"])
        headings.append(y)
        heading = ax.text(
            0,
            y,
            f"{_kind_label(kind, lang)} ({len(group)})",
            va="center",
            ha="left",
            fontsize=9,
            fontweight="bold",
            gid=f"kind:{kind}",
            **lang.font(),
        )
        rows.append((y, [heading]))
        y += 1
        for row in _rows(group):
            (bar,) = ax.barh(
                y,
                _STATUS_BAR,
                height=0.8,
                color=_STATUS_COLOURS[row.status],
                hatch=_STATUS_HATCHES[row.status],
                edgecolor="white",
                linewidth=0.5,
                gid=f"check:{row.check_id}",
            )
            status = ax.text(
                0.01,
                y,
                f"{lang.words(row.status)} · {_WORDS[lang.code].get(row.severity, row.severity)}",
                va="center",
                ha="left",
                fontsize=7,
                color="white" if row.status == "fail" else "0.1",
                bbox={"boxstyle": "square,pad=0.15", "fc": _STATUS_COLOURS[row.status], "lw": 0},
                **lang.font(),
            )
            rule = ax.annotate(  # after the bar or its words, whichever ends further right
                str(row.check_id),
                xy=(1, 0.5),
                xycoords=_right_of(bar, status),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                ha="left",
                fontsize=7.5,
                annotation_clip=False,
                gid=f"rule:{row.check_id}",
            )
            rows.append((y, [status, rule]))
            y += 1
    ax.set_ylim(y - 0.5, -0.7)
    ax.set_xlim(0, 1)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    fewer = 'pass by="kind" to draw fewer rows'
    fit_rows(ax, rows, helper="plot_checks", fewer=fewer, always=headings)


def _checks_by_kind(ax: Axes, checks: pd.DataFrame, lang: _Lang) -> None:
    table = pd.crosstab(checks["kind"], checks["status"])
    kinds = _ordered_kinds(table.index)
    table = table.reindex(index=kinds, columns=list(_STATUS_ORDER), fill_value=0)
    left = [0] * len(kinds)
    for status in _STATUS_ORDER:
        counts = [int(n) for n in table[status]]
        for y, (n, start) in enumerate(zip(counts, left, strict=True)):
            if n == 0:
                continue
            ax.barh(
                y,
                n,
                left=start,
                color=_STATUS_COLOURS[status],
                hatch=_STATUS_HATCHES[status],
                edgecolor="white",
                gid=f"count:{kinds[y]}:{status}",
            )
            ax.text(start + n / 2, y, str(n), ha="center", va="center", fontsize=8)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_yticks(range(len(kinds)), [_kind_label(k, lang) for k in kinds])
    ax.invert_yaxis()
    ax.set_xlabel(lang.words("rules"), **lang.font())
    ax.xaxis.set_major_locator(MaxNLocator("auto", integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def plot_checks(
    *,
    ax: Axes | None = None,
    lang: str = "en",
    by: str = "rule",
    version: str | None = None,
    legend: str = "below",
) -> Axes:
    """Draw the status of every consistency check (targets are drawn by :func:`plot_targets`).

    ``by="rule"`` draws one bar per check (labelled with its id), grouped by kind and coloured
    by status (pass green, tension orange and hatched, fail red and cross-hatched; not
    applicable grey, in data versions before 2.0.0), worst first within a kind; the bar says the
    status and the rule's severity.
    ``by="kind"`` draws, per kind of rule, how many rules end in each status.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where to draw; by default a new figure.
    lang : {"en", "zh"}, default "en"
        The labels' language (see :func:`plot_series`); rule ids stay as they are.
    by : {"rule", "kind"}, default "rule"
        One bar per rule, or counts per kind and status.
    version : str, optional
        The data version whose tables are drawn (:func:`~futian_indicators.data_versions`); by
        default the bundled one.
    legend : {"below", "inside", "none"}, default "below"
        Where the legend goes (see :func:`~futian_indicators.plot.plot_series`); it lists
        only the statuses drawn, with their counts.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on; with ``by="rule"`` each bar's ``gid`` is ``check:<check_id>``.

    Raises
    ------
    UnknownValueError
        When ``lang``, ``by`` or ``legend`` is not one of the values above.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from futian_indicators.plot import plot_checks
    >>> ax = plot_checks(by="kind")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['agreement', 'monotone', 'identity', 'bound']
    >>> plt.close(ax.figure)
    """
    style = _lang(lang)
    if by not in ("rule", "kind"):
        raise UnknownValueError("by", by, ("rule", "kind"))
    checks = api.load_checks(version=version)
    if by == "rule":
        height = 0.17 * (len(checks) + checks["kind"].nunique()) + 2.0
        ax = _new_axes(ax, (7.5, height))
        _checks_by_rule(ax, checks, style)
        title = style.words("checks_title")
    else:
        ax = _new_axes(ax, (7.5, 3.8))
        _checks_by_kind(ax, checks, style)
        title = style.words("checks_kind_title")
    if style.family:
        ax.tick_params(labelfontfamily=list(style.family))
    sources = [
        s for ids in checks["source_ids"].dropna() for s in str(ids).split(LIST_SEPARATOR) if s
    ]
    footer = _footer_text(sources, style, style.words("checks_note"), version=version)
    finish(ax, title, _status_entries(ax, checks, style), footer, style, legend=legend)
    return ax
