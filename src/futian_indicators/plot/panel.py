"""What every plot draws around its data: title, legend and source note, all in its own Axes.

A helper draws only on the Axes it is given. Its legend is a child of that Axes: under the x
axis (``legend="below"``, the default), in the data area where it hides the least
(``"inside"``), or not drawn (``"none"``: the handles are the drawn artists, each with its label,
so that ``fig.legend(*ax.get_legend_handles_labels())`` can place them elsewhere). The source
note is a text of that Axes too, under its x axis and legend. The title, the legend's labels and
the note are wrapped between words to the Axes' width each time a layout manager measures the
Axes, and drawn in that wrap, smaller (down to :data:`MIN_SIZE`) if the Axes was narrowed after
the measure. So the panels of one figure never share an artist, and a layout manager
(``layout="constrained"``) makes room for each panel's own.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerPatch
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox, IdentityTransform

from ..errors import UnknownValueError
from .words import _Lang, _text_width, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase

LEGEND_PLACES = ("below", "inside", "none")
"""Where a plot's legend goes: under the x axis, inside the data area, or nowhere."""

_GAP = 6.0
"""Points between the x axis and the legend, and between the legend and the source note."""
_NOTE_SIZE = 7.0
_LEGEND_SIZE = 8.0
_TITLE_SIZE = 11.0
_HANDLE_EMS = 2.0 + 0.8
"""A legend entry's handle and the pad after it, in font sizes (matplotlib's defaults)."""
_SPACING_EMS = 2.0
"""The space between a legend's columns, in font sizes (matplotlib's default)."""
_ROOM = 0.9
"""Texts are wrapped to this fraction of their width, so that an Axes a layout manager narrows
a little after it measured them still holds them."""
_KEEP = 0.95
"""While measured, a text's lines are kept if they fill no more than this of their width."""
MIN_SIZE = 5.5
"""The smallest size, in points, a text is drawn at to fit its panel."""
_STEP = 0.25
"""Points a text shrinks by at a time, to fit."""
_DRAWN = 0.98
"""When drawn, a text fits this fraction of its width (its drawn extent is a little wider than
the width its glyphs add up to)."""
_INSIDE = 0.45
"""An inside legend's labels are wrapped to this fraction of the Axes' width."""


def _points(ax: Axes, renderer: RendererBase | None = None, along: str = "width") -> float:
    """The Axes' width (or height) in points, as placed now."""
    pixels = float(ax.bbox.width if along == "width" else ax.bbox.height)
    if renderer is not None:
        return pixels / _pixels(renderer, 1.0)
    return pixels * 72.0 / float(ax.figure.dpi)


def _renderer(artist: Any, renderer: Any) -> Any:
    """The renderer given, else the canvas' own (where it has one): extents are measured."""
    canvas: Any = artist.figure.canvas if artist.figure is not None else None
    if renderer is None and hasattr(canvas, "get_renderer"):
        renderer = canvas.get_renderer()
    return renderer


def _pixels(renderer: RendererBase, points: float) -> float:
    pixels: Any = renderer.points_to_pixels(points)
    return float(pixels)


def _refit(
    text: Text, compose: Callable[[float], str], width: float, lang: _Lang, keep: float
) -> None:
    """Wrap a text to ``width`` points (``compose(width)``, at its base size), unless it fits.

    While the layout measures it (``keep`` under 1), lines are kept if they fill no more than
    ``keep`` of the width and are no more than a new wrap would give; else the text is wrapped
    again at its base size. When drawn (``keep`` 1), the text keeps the lines the layout
    measured (or fewer), at the largest size they fit the width at, from its base size down to
    :data:`MIN_SIZE`: the layout places the Axes after its last measure, and a text drawn on a
    line more than measured ran into the next panel or off the figure. Only below that size
    does it take a line more.
    """
    base = float(getattr(text, "_fit_size", text.get_fontsize()))
    current = text.get_text()
    lines = current.split("\n")
    size = float(text.get_fontsize())
    widest = max(_text_width(line, size, lang.family) for line in lines)
    if keep < 1.0:
        wrapped = compose(_ROOM * width)
        if (
            size == base
            and current.strip()
            and widest <= keep * width
            and len(lines) <= wrapped.count("\n") + 1
        ):
            return
        _set(text, wrapped, base)
        return
    width *= _DRAWN
    if widest <= width and size == base:
        return
    steps = max(0, math.floor((base - MIN_SIZE) / _STEP))
    for smaller in (base - _STEP * k for k in range(steps + 1)):
        wrapped = compose(width * base / smaller)
        if wrapped.count("\n") + 1 <= len(lines):
            _set(text, wrapped, smaller)
            return
    _set(text, compose(width), base)


def _set(text: Text, words: str, size: float) -> None:
    if not hasattr(text, "_fit_size"):
        text._fit_size = float(text.get_fontsize())  # type: ignore[attr-defined]
    if words != text.get_text():
        text.set_text(words)
    if size != float(text.get_fontsize()):
        text.set_fontsize(size)


def _keep(ax: Any) -> float:
    """``_KEEP`` while the layout measures the Axes' texts, 1 when anything else does."""
    return _KEEP if getattr(ax, "_fit_measuring", False) else 1.0


def hook(ax: Axes) -> None:
    """Mark the layout's measures of the Axes, and size its rows' texts before each.

    A layout manager measures an Axes (``get_tightbbox``) before it places it, then the figure
    draws it: the texts wrap while measured, and when drawn fit the wrap measured. An Axes'
    ``_fit_rows`` (:func:`~futian_indicators.plot.rows.fit_rows`) sizes its rows' texts first.
    """
    target: Any = ax
    if "_fit_hooked" not in vars(target):
        target._fit_hooked = True
        target.get_tightbbox = functools.partial(_measured, ax, type(ax).get_tightbbox)
        target.draw = functools.partial(_drawn, ax, type(ax).draw)


def _measured(ax: Any, method: Any, *args: Any, **kwargs: Any) -> Any:
    renderer = _renderer(ax, args[0] if args else kwargs.get("renderer"))
    rows = getattr(ax, "_fit_rows", None)
    if renderer is not None and rows is not None:
        rows.fit(renderer, drawing=False)
    ax._fit_measuring = True
    try:
        return method(ax, *args, **kwargs)
    finally:
        ax._fit_measuring = False


def _drawn(ax: Any, method: Any, renderer: Any) -> Any:
    rows = getattr(ax, "_fit_rows", None)
    if rows is not None:
        rows.fit(renderer, drawing=True)
    return method(ax, renderer)


def _x_axis_bottom(ax: Axes, renderer: RendererBase) -> float:
    """The lowest of the Axes and its x axis' ticks, tick labels and label, in pixels."""
    bottom = float(ax.bbox.y0)
    axis = ax.xaxis.get_tightbbox(renderer)
    if axis is not None and axis.height > 0:
        bottom = min(bottom, float(axis.y0))
    return bottom


def _same(a: Any, b: Bbox) -> bool:
    return all(math.isclose(x, y, abs_tol=0.01) for x, y in zip(a.extents, b.extents, strict=True))


class _BelowLegend(Legend):
    """A legend whose top left corner is under its Axes' x axis, its labels wrapped to fit."""

    def __init__(self, ax: Axes, handles: list[Any], labels: list[str], lang: _Lang) -> None:
        self._fit_words, self._fit_lang = labels, lang
        ncols, width = _columns(labels, _points(ax), lang)
        wrapped = [wrap(label, width, _LEGEND_SIZE, lang) for label in labels]
        super().__init__(
            ax,
            handles,
            wrapped,
            loc="upper left",
            ncols=ncols,
            frameon=False,
            handler_map={FancyArrowPatch: _ArrowHandler()},
            prop=lang.legend_font(_LEGEND_SIZE),
        )
        self._fit_columns = ncols

    def _place(self, renderer: RendererBase | None, keep: float = _KEEP) -> None:
        if renderer is None:
            return
        ax: Any = self.axes
        spacing = _SPACING_EMS * _LEGEND_SIZE
        width = (_points(ax, renderer) + spacing) / self._fit_columns - spacing
        width -= _HANDLE_EMS * _LEGEND_SIZE
        for text, words in zip(self.get_texts(), self._fit_words, strict=True):
            _refit(text, _wrapper(words, text, self._fit_lang), width, self._fit_lang, keep)
        y = _x_axis_bottom(ax, renderer) - _pixels(renderer, _GAP)
        box = Bbox.from_extents(ax.bbox.x0, y, ax.bbox.x1, y)
        if not _same(self.get_bbox_to_anchor(), box):
            self.set_bbox_to_anchor(box, IdentityTransform())

    def get_window_extent(self, renderer: Any = None) -> Bbox:
        renderer = _renderer(self, renderer)
        self._place(renderer, _keep(self.axes))
        return super().get_window_extent(renderer)

    def get_tightbbox(self, renderer: Any = None) -> Bbox | None:
        renderer = _renderer(self, renderer)
        self._place(renderer, _keep(self.axes))
        return super().get_tightbbox(renderer)

    def draw(self, renderer: Any) -> None:
        self._place(renderer, keep=1.0)
        super().draw(renderer)


class _SourceNote(Annotation):
    """The source note under its Axes' x axis (and legend), wrapped to the Axes' width."""

    def __init__(self, ax: Axes, text: str, lang: _Lang) -> None:
        self._fit_words, self._fit_lang = text, lang
        super().__init__(
            wrap(text, _ROOM * _points(ax), _NOTE_SIZE, lang),
            xy=(0, 0),
            xycoords=("axes fraction", self._anchor),
            xytext=(0, -_GAP),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=_NOTE_SIZE,
            color="0.3",
            annotation_clip=False,
            gid="source-footer",
            **lang.font(),
        )

    def _anchor(self, renderer: RendererBase) -> Bbox:
        ax: Any = self.axes
        bottom = _x_axis_bottom(ax, renderer)
        legend = ax.get_legend()
        if isinstance(legend, _BelowLegend) and legend.get_visible():
            bottom = min(bottom, float(legend.get_window_extent(renderer).y0))
        return Bbox.from_extents(ax.bbox.x0, bottom, ax.bbox.x1, bottom + 1)

    def _fit(self, renderer: RendererBase | None, keep: float = _KEEP) -> None:
        if renderer is not None:
            width = _points(self.axes, renderer)  # type: ignore[arg-type]
            _refit(
                self, _wrapper(self._fit_words, self, self._fit_lang), width, self._fit_lang, keep
            )

    def get_window_extent(self, renderer: Any = None, dpi: Any = None) -> Bbox:
        renderer = _renderer(self, renderer)
        self._fit(renderer, _keep(self.axes))
        return super().get_window_extent(renderer)

    def draw(self, renderer: Any) -> None:
        self._fit(renderer, keep=1.0)
        super().draw(renderer)


class _Fitted(Text):
    """An Axes' title or axis label, wrapped to the Axes' width (or height) as it is drawn.

    It takes the place and style of the text it replaces. A text a caller sets on it
    (``ax.set_title``, ``ax.set_ylabel``) is drawn as it is.
    """

    def __init__(
        self, ax: Axes, old: Text, compose: Callable[[float], str], lang: _Lang, *, along: str
    ) -> None:
        super().__init__()
        self.update_from(old)
        self.set_rotation_mode(old.get_rotation_mode())
        self.set_position(old.get_position())
        self.set_gid(old.get_gid())
        self._fit_compose, self._fit_lang, self._fit_along = compose, lang, along
        self._fit_x = old.get_position()[0]
        self._fit_own = _letters_only(compose(math.inf))
        self.set_figure(ax.figure)
        self.axes = ax
        self.set_fontsize(old.get_fontsize())
        self.set_text(compose(_ROOM * _points(ax, None, along)))

    def title_at_left(self, size: float) -> None:
        """Set at the Axes' left, until a caller sets a centred title on it."""
        self.set(x=0.0, horizontalalignment="left", fontsize=size, gid="title")

    def ours(self) -> bool:
        """Whether the text is still the one this was made for (not one a caller set)."""
        return _letters_only(self.get_text()) == self._fit_own

    def _fit(self, renderer: RendererBase | None, keep: float = _KEEP) -> None:
        if not self.ours():
            if self.get_gid() == "title" and self.get_horizontalalignment() == "center":
                self.set_x(self._fit_x)  # ax.set_title(...): centred, where the Axes centres it
            return
        if renderer is not None:
            width = _points(self.axes, renderer, self._fit_along)  # type: ignore[arg-type]
            _refit(self, self._fit_compose, width, self._fit_lang, keep)

    def get_window_extent(self, renderer: Any = None, dpi: Any = None) -> Bbox:
        if dpi is None:
            renderer = _renderer(self, renderer)
            self._fit(renderer, _keep(self.axes))
        return super().get_window_extent(renderer, dpi)

    def draw(self, renderer: Any) -> None:
        self._fit(renderer, keep=1.0)
        super().draw(renderer)


def _wrapper(words: str, text: Text, lang: _Lang) -> Callable[[float], str]:
    """Wrapping ``words`` between words, at the base size of ``text`` (before any shrinking)."""
    size = float(getattr(text, "_fit_size", text.get_fontsize()))
    return functools.partial(_wrap_to, words, size, lang)


def _wrap_to(words: str, size: float, lang: _Lang, width: float) -> str:
    return wrap(words, width, size, lang)


def _forget_legend(ax: Any, _: Legend) -> None:
    ax.legend_ = None


def fit_label(axis: Any, compose: Callable[[float], str], lang: _Lang) -> None:
    """An axis' label wrapped by ``compose(points)`` to its Axes' length along it, as drawn."""
    along = "width" if axis.axis_name == "x" else "height"
    axis.label = _Fitted(axis.axes, axis.label, compose, lang, along=along)


def _letters_only(text: str) -> str:
    return "".join(text.split())


class _ArrowHandler(HandlerPatch):
    """An arrow of the plot in its legend: pointing the same way, in the same style."""

    def create_artists(  # type: ignore[override]  # noqa: PLR0917 (matplotlib's signature)
        self,
        legend: Legend,
        orig_handle: FancyArrowPatch,
        xdescent: float,
        ydescent: float,
        width: float,
        height: float,
        fontsize: float,
        trans: Any,
    ) -> list[Any]:
        x = width / 2 - xdescent
        low, high = -ydescent - 0.5 * height, height - ydescent + 0.5 * height
        down = str(orig_handle.get_gid()).startswith("arrow-down")
        arrow = FancyArrowPatch(
            (x, high if down else low),
            (x, low if down else high),
            arrowstyle=orig_handle.get_arrowstyle(),
            mutation_scale=0.7 * orig_handle.get_mutation_scale(),
            color=orig_handle.get_edgecolor(),
            linestyle=orig_handle.get_linestyle(),
            linewidth=orig_handle.get_linewidth(),
        )
        arrow.set_transform(trans)
        return [arrow]


def _columns(labels: Sequence[str], width: float, lang: _Lang) -> tuple[int, float]:
    """How many legend columns fit a width (points), and the text width each column has."""
    handle, spacing = _HANDLE_EMS * _LEGEND_SIZE, _SPACING_EMS * _LEGEND_SIZE
    widest = max((_text_width(label, _LEGEND_SIZE, lang.family) for label in labels), default=0)
    ncols = max(1, min(len(labels), int((width + spacing) // (widest + handle + spacing))))
    return ncols, (width + spacing) / ncols - handle - spacing


def finish(
    ax: Axes,
    title: str,
    entries: Sequence[tuple[Any, str]],
    note: str,
    lang: _Lang,
    *,
    legend: str = "below",
) -> None:
    """The title, the legend of ``entries`` where asked, and the source note ``note``.

    The title is the Axes' (``ax.get_title()``), at its left; ``ax.set_title(...)`` replaces it.

    ``entries`` are (artist drawn, label) pairs (a tuple of artists drawn over each other for
    one entry): a legend shows only what the plot draws, in the style it is drawn in. Each
    artist gets its label. Labels are wrapped between words to fit the Axes, never cut.
    """
    if legend not in LEGEND_PLACES:
        raise UnknownValueError("legend", legend, LEGEND_PLACES)
    hook(ax)
    ax.title.set(**lang.font())
    compose = functools.partial(_wrap_to, title, _TITLE_SIZE, lang)
    fitted = _Fitted(ax, ax.title, compose, lang, along="width")
    fitted.title_at_left(_TITLE_SIZE)
    ax.title = fitted
    for axis in (ax.xaxis, ax.yaxis):
        label = axis.label.get_text()
        if label.strip() and not (isinstance(axis.label, _Fitted) and axis.label.ours()):
            fit_label(axis, _wrapper(label, axis.label, lang), lang)
    handles = [artist for artist, _ in entries]
    labels = [label for _, label in entries]
    for artist, label in entries:
        (artist[0] if isinstance(artist, tuple) else artist).set_label(label)
    if entries and legend == "below":
        placed = _BelowLegend(ax, handles, labels, lang)
        ax.legend_ = placed
        placed._remove_method = functools.partial(_forget_legend, ax)  # type: ignore[attr-defined]
    elif entries and legend == "inside":
        width = _INSIDE * _points(ax)
        ax.legend(
            handles,
            [wrap(label, width, _LEGEND_SIZE, lang) for label in labels],
            loc="best",
            framealpha=0.85,
            edgecolor="none",
            handler_map={FancyArrowPatch: _ArrowHandler()},
            prop=lang.legend_font(_LEGEND_SIZE),
        )
    for old in [a for a in ax.texts if isinstance(a, _SourceNote)]:
        old.remove()  # a second plot on the same Axes: one note, the last plot's
    source = _SourceNote(ax, note, lang)
    source.set_transform(IdentityTransform())
    ax.add_artist(source)
    source.set_clip_on(False)
