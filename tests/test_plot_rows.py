"""Texts of a small panel: none larger when drawn than when laid out, none over another."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from futian_indicators import plot


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def test_a_text_narrowed_after_it_was_laid_out_is_drawn_smaller_not_longer() -> None:
    # the layout places the Axes after it measured their texts: a y label wrapped again when
    # drawn took a line more, and its first line ran off the figure
    fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
    plot.plot_series("gdp", ax=ax)
    fig.canvas.draw()
    measured = {t.get_gid(): t.get_text().count("\n") for t in (ax.title, ax.yaxis.label)}
    sizes = {t.get_gid(): t.get_fontsize() for t in (ax.title, ax.yaxis.label)}
    fig.set_layout_engine("none")
    box = ax.get_position()
    ax.set_position((box.x0, box.y0 + 0.3 * box.height, 0.4 * box.width, 0.5 * box.height))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for text, room in ((ax.title, ax.bbox.width), (ax.yaxis.label, ax.bbox.height)):
        assert text.get_text().count("\n") <= measured[text.get_gid()]
        assert 5.5 <= text.get_fontsize() < sizes[text.get_gid()]
        extent = text.get_window_extent(renderer)
        assert max(extent.width, extent.height) <= room + 1
    assert " ".join(ax.get_ylabel().split()) == "Gross domestic product (100 million CNY)"


@pytest.mark.parametrize("height", [5.0, 6.0, 8.0])
def test_a_short_count_axis_has_fewer_ticks_not_overlapping_ones(height: float) -> None:
    fig, axes = plt.subplots(2, 2, figsize=(11, height), layout="constrained")
    for ax in axes.flat:
        plot.plot_series("国高", ax=ax)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = axes[0, 0]
    low, high = sorted(ax.get_ylim())
    ticks = zip(ax.get_yticks(), ax.yaxis.get_major_ticks(), strict=False)
    boxes = [t.label1.get_window_extent(renderer) for y, t in ticks if low <= y <= high]
    assert len(boxes) >= 2
    assert all(upper.y0 >= lower.y1 for lower, upper in itertools.pairwise(boxes))
