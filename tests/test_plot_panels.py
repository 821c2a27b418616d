"""The plot helpers in figures of several panels: each draws inside its own Axes only.

Measured on the drawn figure (Agg): every text and legend of a panel lies inside the figure and
clear of every other panel's; axes of counts and ranks read as a reader expects; legends list
what is drawn; text wraps between words.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_rgba
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

import futian_indicators as fi
from futian_indicators import plot
from futian_indicators.errors import UnknownValueError
from futian_indicators.plot import fonts, words

Panel = Callable[[Any], Any]
RANK = "finance_value_added_rank_in_shenzhen"  # two reports, both first place
PATENTS = "invention_patent_grants"  # a count with a derived figure: 2,403.05 grants


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _boxes(ax: Any, renderer: Any) -> list[tuple[str, Bbox]]:
    """The window extent of every visible text of a panel and of its legend, with a name."""
    texts = [
        *_tick_labels(ax.xaxis),
        *_tick_labels(ax.yaxis),
        ax.xaxis.label,
        ax.yaxis.label,
        ax.xaxis.get_offset_text(),
        ax.yaxis.get_offset_text(),
        ax.title,
        *ax.texts,
    ]
    legend = ax.get_legend()
    if legend is not None:
        texts += legend.get_texts()
    found = [
        (f"text {t.get_text()[:40]!r}", t.get_window_extent(renderer))
        for t in texts
        if t.get_visible() and t.get_text().strip()
    ]
    if legend is not None:
        found.append(("legend", legend.get_window_extent(renderer)))
    found.append(("axes", ax.bbox.frozen()))
    return found


def _tick_labels(axis: Any) -> list[Text]:
    """The labels of the ticks an axis draws: those within its view."""
    low, high = sorted(axis.get_view_interval())
    close = (high - low) * 1e-9
    labels = []
    for locs, get in (
        (axis.get_majorticklocs(), axis.get_major_ticks),
        (axis.get_minorticklocs(), axis.get_minor_ticks),
    ):
        for loc, tick in zip(locs, get(len(locs)), strict=True):
            if low - close <= loc <= high + close:
                labels.append(tick.label1)
    return labels


def _overlap(a: Bbox, b: Bbox, tolerance: float = 0.5) -> bool:
    return bool(
        min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance
        and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance
    )


def _assert_panels_clear(fig: Any, *, boxes_for_glyphs: bool = False) -> None:
    """Every box of a panel inside the figure, and clear of every box of the other panels.

    Drawing warns of nothing (constrained layout's "axes sizes collapsed" included), except,
    with ``boxes_for_glyphs``, of glyphs a stand-in font does not have.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        if boxes_for_glyphs:
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    panels = [_boxes(ax, renderer) for ax in fig.axes]
    inside = fig.bbox.padded(1.0)
    for number, boxes in enumerate(panels):
        for name, box in boxes:
            assert inside.containsx(box.x0) and inside.containsx(box.x1), (number, name, box)
            assert inside.containsy(box.y0) and inside.containsy(box.y1), (number, name, box)
        for other in panels[number + 1 :]:
            for name, box in boxes:
                clash = [n for n, b in other if _overlap(box, b)]
                assert not clash, (number, name, clash)
    for ax in fig.axes:  # the title and the note are wrapped to their own Axes' width
        for gid in ("title", "source-footer"):
            (text,) = [t for t in ax.findobj(Text) if t.get_gid() == gid]
            assert text.get_window_extent(renderer).width <= ax.bbox.width + 1, gid


SIDE_BY_SIDE: list[Panel] = [
    lambda ax: plot.plot_series("gdp", ax=ax, derived=True),
    lambda ax: plot.plot_series("rd_expenditure", ax=ax),
]
TWO_BY_TWO: list[Panel] = [
    lambda ax: plot.plot_series("国高", ax=ax),
    lambda ax: plot.plot_series(PATENTS, ax=ax, derived=True),
    lambda ax: plot.plot_series(RANK, ax=ax),
    lambda ax: plot.plot_checks(ax=ax, by="kind"),
]
HELPERS: list[Panel] = [
    lambda ax: plot.plot_coverage(ax=ax, indicators=["gdp", "high_tech_enterprises", PATENTS]),
    lambda ax: plot.plot_targets(ax=ax),
    lambda ax: plot.plot_checks(ax=ax),
    lambda ax: plot.plot_series("ip_securitization_amount", ax=ax),
]


@pytest.mark.parametrize(
    ("shape", "size", "panels"),
    [
        ((1, 2), (12, 4.8), SIDE_BY_SIDE),
        ((2, 2), (13, 10), TWO_BY_TWO),
        ((2, 2), (14, 12), HELPERS),
        ((2, 2), (13, 10), TWO_BY_TWO[::-1]),  # the order panels are drawn in does not matter
    ],
)
def test_panels_stay_in_their_own_area(
    shape: tuple[int, int], size: tuple[float, float], panels: list[Panel]
) -> None:
    fig, axes = plt.subplots(*shape, figsize=size, layout="constrained")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for ax, draw in zip(axes.flat, panels, strict=True):
            assert draw(ax) is ax
    assert fig.legends == [] and fig.texts == []  # nothing drawn on the figure itself
    _assert_panels_clear(fig)


def test_panels_in_chinese_stay_in_their_own_area(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without a CJK font, a stand-in family measures and draws the Chinese labels (as boxes):
    # the wrapping and the layout are those of any font.
    if fonts._find_cjk_font() is None:
        monkeypatch.setattr(fonts, "_find_cjk_font", lambda: "DejaVu Sans")
    fig, axes = plt.subplots(2, 2, figsize=(13, 10), layout="constrained")
    plot.plot_series("国高", ax=axes[0, 0], lang="zh")
    plot.plot_series(PATENTS, ax=axes[0, 1], derived=True, lang="zh")
    plot.plot_series(RANK, ax=axes[1, 0], lang="zh")
    plot.plot_coverage(ax=axes[1, 1], indicators=["high_tech_enterprises"], lang="zh")
    _assert_panels_clear(fig, boxes_for_glyphs=True)


@pytest.mark.parametrize(
    "draw",
    [
        lambda: plot.plot_series("high_tech_enterprises"),
        plot.plot_coverage,
        plot.plot_checks,
        lambda: plot.plot_checks(by="kind"),
        plot.plot_targets,
    ],
)
def test_a_plot_of_its_own_stays_in_its_figure(draw: Callable[[], Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = draw()
    _assert_panels_clear(ax.figure)


def test_a_panel_under_another_panel_keeps_its_title_clear() -> None:
    # a long title over a narrow Axes: wrapped to it, not running into the next panel
    fig, axes = plt.subplots(1, 3, figsize=(12, 5.5), layout="constrained")
    for ax in axes:
        plot.plot_series("ip_securitization_amount", ax=ax)
    _assert_panels_clear(fig)
    assert all("\n" in ax.get_title() for ax in axes)


CROWDED: list[Panel] = [
    lambda ax: plot.plot_series("gdp", ax=ax),
    lambda ax: plot.plot_series("国高", ax=ax),
    lambda ax: plot.plot_checks(ax=ax),
    lambda ax: plot.plot_coverage(ax=ax),
]


def _own_texts(ax: Any, renderer: Any) -> list[tuple[str, Bbox]]:
    """The boxes of a panel's visible texts: ticks, labels, title, row texts, legend, note."""
    return [(name, box) for name, box in _boxes(ax, renderer) if name.startswith("text")]


@pytest.mark.parametrize(("size", "crowded"), [((11, 8), True), ((16, 14), False)])
def test_no_two_texts_of_a_panel_overlap(size: tuple[float, float], crowded: bool) -> None:
    # a small panel's rows printed over each other; its y label lost its first line
    fig, axes = plt.subplots(2, 2, figsize=size, layout="constrained")
    for ax, draw in zip(axes.flat, CROWDED, strict=True):
        draw(ax)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    too_small = [str(w.message) for w in caught if w.category is plot.RowsTooSmallWarning]
    assert bool(too_small) is crowded and len(caught) == len(too_small), too_small
    _assert_panels_clear(fig)  # drawn again (it warns once only): all inside the figure
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        texts = _own_texts(ax, renderer)
        assert len(texts) > 8
        for number, (name, box) in enumerate(texts):
            clash = [other for other, b in texts[number + 1 :] if _overlap(box, b)]
            assert not clash, (ax.get_title(), name, clash)
    label = axes[0, 0].yaxis.label.get_text()  # every word, on lines inside the figure
    assert " ".join(label.split()) == "Gross domestic product (100 million CNY)"
    rows = [t for t in axes[1, 0].texts if str(t.get_gid()).startswith("rule:")]
    shown = [t for t in rows if t.get_visible()]  # hidden where crowded, never dropped
    assert 0 < len(shown) < len(rows) if crowded else len(shown) == len(rows)
    assert min(t.get_fontsize() for t in shown) >= 5.5


def test_rows_shrink_to_a_short_panel_before_any_warning() -> None:
    fig, ax = plt.subplots(figsize=(7.5, 4.5), layout="constrained")
    plot.plot_checks(ax=ax)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
    rows = [t for t in ax.texts if t.get_gid() != "source-footer"]  # kinds, statuses, rule ids
    sizes = [t.get_fontsize() for t in rows]
    assert all(t.get_visible() for t in rows)
    assert 5.5 <= min(sizes) < 7.5 and max(sizes) < 9  # smaller than drawn in a figure of its own
    fig.set_size_inches(7.5, 9)  # back to their own size where there is room
    fig.canvas.draw()
    assert {t.get_fontsize() for t in rows} == {7.0, 7.5, 9.0}


@pytest.mark.parametrize(
    ("draw", "helper", "fewer"),
    [
        (plot.plot_checks, "plot_checks", 'or pass by="kind" to draw fewer rows.'),
        (plot.plot_coverage, "plot_coverage", "indicators="),
        (plot.plot_targets, "plot_targets", "or draw it in a figure of its own."),
    ],
)
def test_a_panel_too_short_for_its_rows_warns_once(draw: Any, helper: str, fewer: str) -> None:
    fig, axes = plt.subplots(3, 1, figsize=(8, 4), layout="constrained")
    draw(ax=axes[0])
    message = rf"{helper}: \d+ rows.* need at least [\d.]+ in of axes height; this panel has "
    with pytest.warns(plot.RowsTooSmallWarning, match=message) as caught:
        fig.canvas.draw()
    assert len(caught) == 1 and fewer in str(caught[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()  # drawn again, it warns no more
    need, have = map(float, re.findall(r"([\d.]+) in", str(caught[0].message)))
    assert have < need and 0 <= axes[0].bbox.height / fig.dpi - have < 0.1
    texts = _own_texts(axes[0], fig.canvas.get_renderer())
    for i, (name, box) in enumerate(texts):
        assert not [other for other, b in texts[i + 1 :] if _overlap(box, b)], name


# --- axes ---------------------------------------------------------------------------------


def _ticks(ax: Any) -> list[float]:
    ax.figure.canvas.draw()
    low, high = sorted(ax.get_ylim())
    return [t for t in ax.get_yticks() if low <= t <= high]


def test_a_count_axis_starts_at_zero_with_integer_ticks() -> None:
    ax = plot.plot_series("国高")  # 1,503 then at least 1,500: drawn as about the same
    assert ax.get_ylabel() == "National high-tech enterprises (number)"
    assert ax.get_ylim()[0] == 0
    ticks = _ticks(ax)
    assert len(ticks) >= 3 and all(t == int(t) for t in ticks)
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert "1,500" in labels and not [t for t in labels if "." in t]


def test_a_rank_axis_has_the_first_place_on_top_and_integer_ticks() -> None:
    ax = plot.plot_series(RANK)
    assert ax.yaxis_inverted()
    ticks = _ticks(ax)
    assert 1 in ticks and len(ticks) >= 3 and all(t == int(t) for t in ticks)
    assert not [t.get_text() for t in ax.get_yticklabels() if "." in t.get_text()]


def test_a_derived_count_is_labelled_without_decimals() -> None:
    derived = fi.load_figures(indicator=PATENTS, status="derived")
    assert derived["value"].iloc[0] % 1 != 0  # 2,403.05: a share of a count
    ax = plot.plot_series(PATENTS, derived=True)
    values = [t.get_text() for t in ax.texts if str(t.get_gid()).startswith("value:")]
    assert "≈2,403" in values and not [v for v in values if re.search(r"\d\.\d", v)]
    # other units keep their decimals
    gdp = plot.plot_series("gdp", derived=True)
    assert "≈5,699.48" in [t.get_text() for t in gdp.texts]


def test_plot_series_reads_an_alias_as_the_loaders_do() -> None:
    by_alias = plot.plot_series("国高")
    by_id = plot.plot_series("high_tech_enterprises")
    assert by_alias.get_ylabel() == by_id.get_ylabel()
    assert sorted(a.get_gid() for a in by_alias.lines) == sorted(a.get_gid() for a in by_id.lines)


# --- legends --------------------------------------------------------------------------------


def _drawn_styles(ax: Any) -> set[tuple[str, tuple[float, ...], tuple[float, ...]]]:
    return {
        (str(a.get_marker()), to_rgba(a.get_markeredgecolor()), to_rgba(a.get_markerfacecolor()))
        for a in ax.lines
        if a.get_marker() not in (None, "None", "none", "")
    }


@pytest.mark.parametrize(
    "draw",
    [
        lambda: plot.plot_series("strategic_emerging_industries_value_added", derived=True),
        lambda: plot.plot_series("high_tech_enterprises"),
        lambda: plot.plot_series("gdp", derived=True),
        lambda: plot.plot_coverage(derived=True),
        plot.plot_targets,
    ],
)
def test_a_legend_shows_only_what_is_drawn_as_it_is_drawn(draw: Callable[[], Any]) -> None:
    ax = draw()
    handles, labels = ax.get_legend_handles_labels()
    children = ax.get_children()
    assert handles and all(h in children for h in handles)  # drawn artists, not stand-ins
    legend: Legend = ax.get_legend()
    shown = [" ".join(t.get_text().split()) for t in legend.get_texts()]
    assert sorted(shown) == sorted(" ".join(label.split()) for label in labels)
    drawn = _drawn_styles(ax)
    for handle in legend.legend_handles:
        if isinstance(handle, Line2D) and handle.get_marker() not in (None, "None", "none", ""):
            style = (
                str(handle.get_marker()),
                to_rgba(handle.get_markeredgecolor()),
                to_rgba(handle.get_markerfacecolor()),
            )
            assert style in drawn, style


def test_a_legend_never_cuts_a_label() -> None:
    # the rules' legend sat over the rule ids; labels ran past a narrow panel
    fig, axes = plt.subplots(1, 2, figsize=(8, 5), layout="constrained")
    plot.plot_checks(ax=axes[0])
    plot.plot_series("high_tech_enterprises", ax=axes[1])
    with pytest.warns(plot.RowsTooSmallWarning, match="plot_checks"):  # 5 in: too short
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in axes:
        legend = ax.get_legend()
        extent = legend.get_window_extent(renderer)
        for label in legend.get_texts():  # wrapped to the panel's width, every word shown
            box = label.get_window_extent(renderer)
            assert ax.bbox.x0 - 1 <= box.x0 and box.x1 <= ax.bbox.x1 + 1, label.get_text()
        shown = sorted(" ".join(t.get_text().split()) for t in legend.get_texts())
        assert shown == sorted(ax.get_legend_handles_labels()[1])
        for text in ax.texts:  # rule ids, values, the source note: none under the legend
            if text.get_text().strip():
                assert not _overlap(text.get_window_extent(renderer), extent), text.get_text()
    rules = [t for t in axes[0].texts if str(t.get_gid()).startswith("rule:")]
    assert len(rules) == len(fi.load_checks())


def test_legend_places() -> None:
    below = plot.plot_series("high_tech_enterprises")
    below.figure.canvas.draw()
    legend = below.get_legend().get_window_extent()
    assert legend.y1 <= below.bbox.y0  # under the axes (and its x axis)
    inside = plot.plot_series("high_tech_enterprises", legend="inside")
    inside.figure.canvas.draw()
    assert inside.bbox.padded(1).contains(*inside.get_legend().get_window_extent().p0)
    none = plot.plot_checks(legend="none")
    assert none.get_legend() is None
    labels = none.get_legend_handles_labels()[1]
    assert sorted(label.split(" (")[0] for label in labels) == ["pass", "tension"]
    with pytest.raises(UnknownValueError, match="unknown legend 'right'"):
        plot.plot_targets(legend="right")


def test_a_legend_can_be_removed() -> None:
    ax = plot.plot_series("gdp")
    ax.get_legend().remove()
    assert ax.get_legend() is None


def test_a_title_set_by_the_caller_replaces_the_plots() -> None:
    ax = plot.plot_series("gdp")
    ax.set_title("(a) GDP")
    ax.set_ylabel("GDP")
    ax.figure.canvas.draw()
    assert ax.get_title() == "(a) GDP" and ax.get_ylabel() == "GDP"  # drawn as they are
    assert ax.title.get_position()[0] == 0.5 and ax.title.get_horizontalalignment() == "center"
    # and a plot drawn again on a cleared Axes fits its own labels again
    ax.cla()
    plot.plot_targets(ax=ax)
    assert ax.get_xlabel() == "actual ÷ threshold" and "Targets" in ax.get_title()


# --- wrapping ---------------------------------------------------------------------------------

ZH = words._Lang("zh", ("DejaVu Sans",))  # widths of a stand-in font: the breaks are the test
EN = words._Lang("en")


def _quietly(function: Callable[[], str]) -> str:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        return function()


@pytest.mark.parametrize("width", [40.0, 60.0, 90.0, 140.0, 200.0])
def test_chinese_text_wraps_between_words_never_in_a_date(width: float) -> None:
    text = (
        "资料来源：福田区对政协第2023103号提案的答复（2023-10-16）；"
        "futian-indicators，数据版本 2.0.0。"
    )
    wrapped = _quietly(lambda: words.wrap(text, width, 7.0, ZH))
    lines = wrapped.split("\n")
    assert len(lines) > 1
    assert "".join(lines) == text.replace(" ", "") or "".join(lines).replace(" ", "") == (
        text.replace(" ", "")
    )
    for unit in ("2023-10-16", "2023103", "futian-indicators", "2.0.0"):
        assert any(unit in line for line in lines), (unit, lines)
    for line in lines:  # no line starts with closing punctuation or ends with an opening one
        assert line[0] not in "）)，。；：、", lines
        assert line[-1] not in "（(", lines


def test_english_text_wraps_at_spaces_and_keeps_a_document_number() -> None:
    text = "Sources: reply to CPPCC proposal No. 2023103 (2023-10-16); futian-indicators."
    for width in (60.0, 100.0, 150.0):
        lines = words.wrap(text, width, 7.0, EN).split("\n")
        assert " ".join(lines) == text
        assert any("No. 2023103" in line for line in lines)
        assert any("(2023-10-16);" in line for line in lines)


def test_a_chinese_footer_keeps_its_dates_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_find_cjk_font", lambda: "DejaVu Sans")
    fig, axes = plt.subplots(1, 2, figsize=(7, 4), layout="constrained")
    ax = plot.plot_series("high_tech_enterprises", ax=axes[0], lang="zh")
    _quietly(lambda: fig.canvas.draw() or "")
    (note,) = [t for t in ax.texts if t.get_gid() == "source-footer"]
    lines = note.get_text().split("\n")
    assert len(lines) > 2
    for date in ("2023-10-16", "2024-06-12"):
        assert any(date in line for line in lines), lines


def test_rule_ids_follow_their_status_in_a_narrow_panel() -> None:
    # the status words ("tension · warning") are wider than the bar in a narrow panel
    fig, axes = plt.subplots(1, 2, figsize=(9, 6), layout="constrained")
    ax = plot.plot_checks(ax=axes[0])
    plot.plot_targets(ax=axes[1])
    _assert_panels_clear(fig)
    renderer = fig.canvas.get_renderer()
    texts = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts if t.get_text()]
    for number, (text, box) in enumerate(texts):
        clash = [other for other, b in texts[number + 1 :] if _overlap(box, b)]
        assert not clash, (text, clash)
    bars = {str(p.get_gid()): p.get_window_extent(renderer) for p in ax.patches}
    for rule in (t for t in ax.texts if str(t.get_gid()).startswith("rule:")):
        bar = bars[rule.get_gid().replace("rule:", "check:")]
        assert rule.get_window_extent(renderer).x0 >= bar.x1
    labels = [t.get_text() for t in axes[1].get_yticklabels()]
    ids = fi.load_targets().query("outcome != 'no_actual'")["target_figure_id"]
    assert [label.replace("\n", "") for label in labels] == list(ids)  # broken, never cut
    assert max(len(line) for label in labels for line in label.split("\n")) <= 30


def test_an_amount_axis_does_not_blow_up_a_rounding_interval() -> None:
    ax = plot.plot_series("gdp")  # one figure, 5,948.82 亿元: its interval is ± 0.005
    low, high = ax.get_ylim()
    assert high - low >= 0.1 * 5948.82
    (bar,) = [a for a in ax.lines if str(a.get_gid()).startswith("interval:")]
    bottom, top = bar.get_ydata()
    assert (top - bottom) / (high - low) < 0.01
