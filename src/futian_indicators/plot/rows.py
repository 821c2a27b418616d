"""Texts a plot draws one row of data each (rule ids, indicator names, target ids), sized to fit.

Each time the figure is laid out and drawn, the rows' texts are sized to the rows' pitch (the
Axes' height over its rows): at their own size where it fits, smaller where it does not, down
to :data:`~futian_indicators.plot.panel.MIN_SIZE`. Below that, the texts are drawn at that size
on every few rows only, so that none runs into another, and the plot warns once (naming the
height its rows need). A row's texts never overlap another row's.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .panel import MIN_SIZE, _points, hook

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

_CLEAR = 1.0
"""Points kept clear between the texts of two rows."""
_EMS = 1.2
"""The height of a line of text, in font sizes (ascent and descent)."""


class RowsTooSmallWarning(UserWarning):
    """A panel is too short for its rows' texts at the smallest size they are drawn at."""


def _ems(text: Text) -> float:
    """A text's height in font sizes: its lines, and the padding of its box if it has one."""
    lines = text.get_text().count("\n") + 1
    spacing = text.get_linespacing()
    height = (lines - 1) * (spacing if isinstance(spacing, float) else _EMS) + _EMS
    box = text.get_bbox_patch()
    if box is not None:
        height += 2 * float(getattr(box.get_boxstyle(), "pad", 0.0))
    return height


class _Rows:
    """The texts of a plot's rows, and how to size them to the rows' pitch."""

    def __init__(
        self,
        ax: Axes,
        rows: Sequence[tuple[float, Sequence[Text]]] | None,
        *,
        helper: str,
        fewer: str,
        always: Sequence[float] = (),
    ) -> None:
        self.ax, self.helper, self.fewer, self.always = ax, helper, fewer, set(always)
        self.formatter = ax.yaxis.get_major_formatter() if rows is None else None
        self.rows = None if rows is None else [(y, list(texts)) for y, texts in rows]
        self.sizes: dict[int, float] = {}
        self.warned = False

    def _current(self) -> list[tuple[float, list[Text]]] | None:
        """The rows as now drawn (the y axis' tick labels), or None if the Axes was redrawn."""
        ax: Any = self.ax
        if self.rows is not None:
            texts = set(map(id, ax.texts))
            ok = all(id(t) in texts for _, row in self.rows for t in row)
            return self.rows if ok else None
        if ax.yaxis.get_major_formatter() is not self.formatter:
            return None
        locs = list(ax.yaxis.get_majorticklocs())
        ticks = ax.yaxis.get_major_ticks(len(locs))
        return [(float(y), [tick.label1]) for y, tick in zip(locs, ticks, strict=True)]

    def fit(self, renderer: Any, *, drawing: bool) -> None:
        rows = self._current()
        if not rows:
            return
        for text in (t for _, row in rows for t in row):
            self.sizes.setdefault(id(text), float(text.get_fontsize()))
        low, high = sorted(self.ax.get_ylim())
        pitch = _points(self.ax, renderer, "height") / max(high - low, 1e-9)
        ems = max(_ems(t) for _, row in rows for t in row)
        need = MIN_SIZE * ems + _CLEAR
        every = 1 if pitch >= need else math.ceil(need / pitch)
        for _, row in rows:
            for text in row:
                base = self.sizes[id(text)]
                size = max(MIN_SIZE, min(base, (pitch - _CLEAR) / _ems(text)))
                if size != float(text.get_fontsize()):
                    text.set_fontsize(size)
        shown = _every(sorted({y for y, _ in rows}), every, self.always)
        for y, row in rows:
            for text in row:
                text.set_visible(y in shown)
        if drawing and every > 1 and not self.warned:
            self.warned = True
            headings = len(self.always)
            also = f" and {headings} headings" if headings else ""
            needed = math.ceil((high - low) * need / 72 * 10) / 10  # inches, rounded up
            has = math.floor(_points(self.ax, renderer, "height") / 72 * 10) / 10  # and down
            warnings.warn(
                f"{self.helper}: {len(rows) - headings} rows{also} need at least "
                f"{needed:.1f} in of axes height; this panel has {has:.1f} in, so only one "
                f"row in {every} is labelled. Give the figure more height, or {self.fewer}.",
                RowsTooSmallWarning,
                stacklevel=2,
            )


def _every(ys: list[float], every: int, always: set[float]) -> set[float]:
    """The rows labelled: ``every`` rows apart at least, headings (``always``) first."""
    shown: set[float] = set()
    for y in [*sorted(always), *ys]:
        if all(abs(y - other) >= every - 1e-9 for other in shown):
            shown.add(y)
    return shown


def fit_rows(
    ax: Axes,
    rows: Sequence[tuple[float, Sequence[Text]]] | None = None,
    *,
    helper: str,
    fewer: str,
    always: Sequence[float] = (),
) -> None:
    """Size the texts of ``rows`` ((y, texts) pairs; by default the y tick labels) to fit.

    ``helper`` names the plot in the warning, ``fewer`` says how to draw fewer rows (a clause
    that ends the warning's sentence); the rows at ``always`` (headings) are labelled first when
    only some rows can be.
    """
    target: Any = ax
    target._fit_rows = _Rows(ax, rows, helper=helper, fewer=fewer, always=always)
    hook(ax)
