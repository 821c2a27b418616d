"""The plot helpers: what each draws, in which units and words, and where it says it comes from."""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_rgba
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.text import Text

import futian_indicators as fi
from futian_indicators import plot
from futian_indicators.errors import ArgumentError, UnknownValueError
from futian_indicators.plot import checks as checks_plot
from futian_indicators.plot import fonts, style

CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
LETTERS = {
    "cppcc-20210091": "20210091",
    "cppcc-2023103": "2023103",
    "cppcc-2025136": "2025136",
    "npc-20240294": "20240294",
    "npc-20250021": "20250021",
}
SEI = "strategic_emerging_industries_value_added"


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """No CJK font installed, and no warning given yet in this process."""
    monkeypatch.setattr(fonts, "_find_cjk_font", lambda: None)
    monkeypatch.setattr(fonts, "_CJK_WARNED", False)


def _drawn(ax: Any) -> Any:
    """Draw the figure (tick labels exist only then), failing on any missing glyph."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing")
        ax.figure.canvas.draw()
    return ax.figure


def _texts(ax: Any) -> list[str]:
    return [t.get_text() for t in _drawn(ax).findobj(Text) if t.get_text()]


def _gids(ax: Any, prefix: str) -> list[str]:
    found = [str(a.get_gid()) for a in ax.get_children() if a.get_gid() is not None]
    return [g.split(":", 1)[1] for g in found if g.split(":", 1)[0] == prefix]


def _artist(ax: Any, gid: str) -> Any:
    (artist,) = [a for a in ax.get_children() if a.get_gid() == gid]
    return artist


def _legend(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def _unwrapped(text: str) -> str:
    """A text wrapped between words, on one line again (a break between CJK characters is none)."""
    return re.sub(rf"(?<={CJK.pattern})\n|\n(?={CJK.pattern})", "", text).replace("\n", " ")


def _footer(ax: Any) -> str:
    return _unwrapped(str(_artist(ax, "source-footer").get_text()))


def _png(ax: Any, path: Path) -> Path:
    ax.figure.savefig(path, dpi=80)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


# --- plot_series --------------------------------------------------------------------------


def test_series_draws_one_interval_or_arrow_per_figure(tmp_path: Path) -> None:
    figures = fi.load_figures(indicator=SEI, geo="futian")
    ax = plot.plot_series(SEI, derived=True)
    bars, up, down = _gids(ax, "interval"), _gids(ax, "arrow-up"), _gids(ax, "arrow-down")
    assert len(bars) + len(up) + len(down) == len(figures) > 0
    assert sorted(bars + up + down) == sorted(figures["figure_id"])
    assert set(up) == set(figures.loc[figures["upper"] == math.inf, "figure_id"])
    over = figures[(figures["qualifier"] == "over") & (figures["upper"] == math.inf)]
    assert len(over) == 2 and set(over["figure_id"]) <= set(up)
    assert all(isinstance(_artist(ax, f"arrow-up:{f}"), FancyArrowPatch) for f in up)
    assert sorted(_gids(ax, "marker")) == sorted(figures["figure_id"])
    _png(ax, tmp_path / "sei.png")


def test_series_targets_are_hollow_and_derived_grey_and_dashed() -> None:
    figures = fi.load_figures(indicator=SEI, geo="futian").set_index("figure_id")
    ax = plot.plot_series(SEI, derived=True)
    white = to_rgba("white")
    for figure_id, row in figures.iterrows():
        marker = _artist(ax, f"marker:{figure_id}")
        hollow = to_rgba(marker.get_markerfacecolor()) == white
        assert hollow == (row["status"] == "target"), figure_id
        shape = "interval" if row["upper"] < math.inf else "arrow-up"
        interval = _artist(ax, f"{shape}:{figure_id}")
        dashed = interval.get_linestyle() not in ("-", "solid")
        assert dashed == (row["status"] == "derived"), figure_id
        if row["status"] == "derived":
            assert to_rgba(marker.get_markeredgecolor()) == to_rgba(style.DERIVED_COLOUR)


def test_series_legend_footer_and_axis_name_the_letters_and_unit(tmp_path: Path) -> None:
    ax = plot.plot_series(SEI, derived=True)
    legend = "\n".join(_legend(ax))
    for source in ("cppcc-2025136", "npc-20240294", "npc-20250021"):
        assert f"No. {LETTERS[source]}" in legend
        assert f"No. {LETTERS[source]}" in _footer(ax)
    assert "No. 2023103" not in legend + _footer(ax)
    assert "target or plan (hollow)" in legend and "derived" in legend
    assert ax.get_ylabel().replace("\n", " ") == (
        "Value added of strategic emerging industries (100 million CNY)"
    )
    _png(ax, tmp_path / "sei.png")


def test_series_footer_follows_derived_figures_back_to_their_letters() -> None:
    # In data 1.1.0, R&D intensity 2024 is derived from GDP (cppcc-2025136) and R&D spending
    # (npc-20250021); 2023 from figures derived in turn from npc-20240294 and npc-20250021.
    # (Since 2.0.0 the R&D block's period is doubtful and those derivations are not made.)
    ax = plot.plot_series("rd_intensity", derived=True, version="1.1.0")
    footer = _footer(ax)
    for source in ("cppcc-2025136", "npc-20240294", "npc-20250021"):
        assert f"No. {LETTERS[source]}" in footer
    assert "derived from several letters" in _legend(ax)
    assert ax.get_ylabel() == "R&D intensity (%)"


def test_series_high_tech_enterprises_bar_and_arrow_for_at_least(tmp_path: Path) -> None:
    ax = plot.plot_series("high_tech_enterprises")
    assert _gids(ax, "interval") == ["cppcc-2023103/high-tech-enterprises-2023"]
    assert _gids(ax, "arrow-up") == ["npc-20240294/high-tech-enterprises-2024"]
    assert ax.get_ylabel() == "National high-tech enterprises (number)"
    texts = _texts(ax)
    assert "≥1,500" in texts and "1,503" in texts
    # a line to a lower bound would draw a fall the words do not say
    assert not _gids(ax, "series") and "series" not in [a.get_gid() for a in ax.lines]
    _png(ax, tmp_path / "high_tech_enterprises.png")


@pytest.mark.parametrize(
    ("indicator", "unit"),
    [
        ("gdp", "(100 million CNY)"),
        ("incubation_floor_area", "(10,000 m²)"),
        ("rd_intensity", "(%)"),
        ("high_tech_enterprises", "(number)"),
        ("tech_finance_support_cap", "(10,000 CNY)"),  # 最高200万元: 万元, not 0.02 亿元
        ("ccid_top_100_districts_rank", "(rank, 1 = first)"),
    ],
)
def test_series_y_axis_is_in_the_unit_people_read(indicator: str, unit: str) -> None:
    ax = plot.plot_series(indicator)
    assert ax.get_ylabel().replace("\n", " ").endswith(unit)


def test_series_values_are_scaled_to_the_display_unit() -> None:
    ax = plot.plot_series("gdp", derived=True)
    marker = _artist(ax, "marker:cppcc-2025136/gdp-2024")
    assert marker.get_ydata()[0] == pytest.approx(5948.82)
    interval = _artist(ax, "interval:cppcc-2025136/gdp-2024")
    assert list(interval.get_ydata()) == pytest.approx([5948.815, 5948.825])
    # the line joins reported values only: 2023 is derived, so no line reaches 2024
    assert "series" not in [a.get_gid() for a in ax.lines]


def test_series_and_plot_series_share_one_default_for_derived() -> None:
    import inspect

    from futian_indicators import analysis

    for function in (fi.series, plot.plot_series):
        default = inspect.signature(function).parameters["derived"].default
        assert default is analysis.DERIVED_DEFAULT


def test_plot_targets_draws_each_target_with_an_actual() -> None:
    targets = fi.load_targets()
    ax = plot.plot_targets()
    drawn = sorted(g.removeprefix("actual:") for g in map(str, (a.get_gid() for a in ax.lines)))
    drawn = [g for g in drawn if g in set(targets["target_figure_id"])]
    with_actual = targets[targets["outcome"] != "no_actual"]["target_figure_id"]
    assert drawn == sorted(with_actual)
    plt.close(ax.figure)


def test_series_cap_points_down_and_rank_reads_first_at_top() -> None:
    ax = plot.plot_series("tech_finance_support_cap")
    assert _gids(ax, "arrow-down") == ["cppcc-20210091/tech-finance-support-cap-2021"]
    arrow = _artist(ax, "arrow-down:cppcc-20210091/tech-finance-support-cap-2021")
    (x0, y0), (x1, y1) = arrow._posA_posB
    assert x0 == x1 and y1 < y0 == 200
    rank = plot.plot_series("ccid_top_100_districts_rank")
    assert rank.yaxis_inverted()
    assert "top 3" in _texts(rank)


def test_series_periods_longer_than_a_day_are_spans() -> None:
    figures = fi.load_figures(indicator="ip_securitization_amount")
    ax = plot.plot_series("ip_securitization_amount")
    # an open start (../2021-07-20) has no known length: drawn at its end, as a point
    spans = (figures["period_type"] != "as_of") & figures["period_start"].notna()
    longer = figures.loc[spans, "figure_id"]
    assert sorted(_gids(ax, "span")) == sorted(longer)
    since = _artist(ax, "span:cppcc-2023103/ip-securitization-amount-2023")
    start, end = since.get_xdata()
    assert end - start == (pd.Timestamp("2023-10-16") - pd.Timestamp("2023-01-01")).days


def test_series_without_derived_figures() -> None:
    ax = plot.plot_series("gdp", derived=False)
    assert _gids(ax, "marker") == ["cppcc-2025136/gdp-2024"]
    assert "derived" not in "\n".join(_legend(ax))


def test_series_draws_on_a_given_axes() -> None:
    _, (left, right) = plt.subplots(1, 2)
    assert plot.plot_series("gdp", ax=right) is right
    assert not left.lines and right.lines


def test_series_english_text_has_no_cjk_character() -> None:
    for indicator in (SEI, "rd_intensity", "high_tech_enterprises", "incubation_floor_area"):
        texts = _texts(plot.plot_series(indicator))
        assert texts
        assert not [t for t in texts if CJK.search(t)], indicator


def test_series_unknown_indicator_geo_or_lang() -> None:
    with pytest.raises(UnknownValueError, match="unknown indicator 'gpd'"):
        plot.plot_series("gpd")
    with pytest.raises(UnknownValueError, match="unknown geo 'futain'"):
        plot.plot_series("gdp", geo="futain")
    with pytest.raises(UnknownValueError, match="unknown lang 'fr'"):
        plot.plot_series("gdp", lang="fr")
    with pytest.raises(ArgumentError, match="no figure of indicator 'gdp' for geo 'shenzhen'"):
        plot.plot_series("gdp", geo="shenzhen")


def test_series_of_another_area() -> None:
    ax = plot.plot_series("high_end_research_projects", geo="hetao_shenzhen_park")
    assert len(_gids(ax, "arrow-up")) == 1
    assert "Hetao Shenzhen Park" in " ".join(ax.get_title().split())
    ax = plot.plot_series("high_end_research_projects", geo="hetao_zone")
    assert len(_gids(ax, "arrow-up")) == 1
    assert "Hetao Cooperation Zone" in " ".join(ax.get_title().split())


# --- plot_coverage ------------------------------------------------------------------------


def test_coverage_draws_every_figure_of_the_indicators_reported_twice(tmp_path: Path) -> None:
    figures = fi.load_figures(status=["actual", "target", "plan", "policy"])
    sizes = figures.groupby(["indicator_id", "geo"])["figure_id"].transform("size")
    expected = figures[sizes >= 2]
    ax = plot.plot_coverage()
    assert sorted(_gids(ax, "marker")) == sorted(expected["figure_id"])
    rows = expected.groupby(["indicator_id", "geo"]).ngroups
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == rows
    assert "National high-tech enterprises" in labels
    assert any("[Hetao Shenzhen Park]" in " ".join(label.split()) for label in labels)
    white = to_rgba("white")
    for row in expected.itertuples():
        face = to_rgba(_artist(ax, f"marker:{row.figure_id}").get_markerfacecolor())
        assert (face == white) == (row.status in ("target", "plan")), row.figure_id
    legend = "\n".join(_legend(ax))
    for doc in LETTERS.values():
        assert f"No. {doc} " in legend
        assert f"No. {doc} " in _footer(ax)
    texts = _texts(ax)
    assert not [t for t in texts if CJK.search(t)]
    _png(ax, tmp_path / "coverage.png")


def test_coverage_of_chosen_indicators() -> None:
    ax = plot.plot_coverage(indicators=["gdp", "high_tech_enterprises"])
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Gross domestic product",
        "National high-tech enterprises",
    ]
    assert sorted(_gids(ax, "marker")) == [
        "cppcc-2023103/high-tech-enterprises-2023",
        "cppcc-2025136/gdp-2024",
        "npc-20240294/high-tech-enterprises-2024",
    ]
    legend = "\n".join(_legend(ax))
    assert "No. 20210091" not in legend and "No. 2023103" in legend
    with_derived = plot.plot_coverage(indicators="gdp", derived=True)
    assert len(_gids(with_derived, "marker")) == 2


def test_coverage_unknown_indicator() -> None:
    with pytest.raises(UnknownValueError, match="unknown indicator"):
        plot.plot_coverage(indicators=["gdp", "nope"])


# --- plot_checks --------------------------------------------------------------------------


def test_checks_one_bar_per_rule_coloured_by_status(tmp_path: Path) -> None:
    checks = fi.load_checks().set_index("check_id")
    ax = plot.plot_checks()
    bars = _gids(ax, "check")
    assert sorted(bars) == sorted(checks.index)
    for check_id in bars:
        bar = _artist(ax, f"check:{check_id}")
        assert isinstance(bar, Rectangle)
        status = checks.loc[check_id, "status"]
        assert to_rgba(bar.get_facecolor()) == to_rgba(checks_plot._STATUS_COLOURS[status])
    texts = _texts(ax)
    assert set(checks.index) <= set(texts)
    legend = _legend(ax)
    counts = checks["status"].value_counts()
    # a status is in the legend when a bar has it, with its count (no "fail (0)")
    for status in ("pass", "tension", "fail"):
        shown = f"{status} ({counts.get(status, 0)})" in legend
        assert shown == (counts.get(status, 0) > 0), status
    assert not [t for t in texts if CJK.search(t)]
    assert "Sources: Futian District" in _footer(ax)
    _png(ax, tmp_path / "checks.png")


def test_checks_by_kind_counts_add_up(tmp_path: Path) -> None:
    checks = fi.load_checks()
    ax = plot.plot_checks(by="kind")
    segments = [a for a in ax.patches if str(a.get_gid()).startswith("count:")]
    assert sum(a.get_width() for a in segments) == len(checks)
    for patch in segments:
        _, kind, status = patch.get_gid().split(":")
        expected = ((checks["kind"] == kind) & (checks["status"] == status)).sum()
        assert patch.get_width() == expected
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "agreement",
        "monotone",
        "identity",
        "bound",
    ]
    assert not [t for t in _texts(ax) if CJK.search(t)]
    _png(ax, tmp_path / "checks_by_kind.png")


def test_checks_unknown_by() -> None:
    with pytest.raises(UnknownValueError, match="unknown by 'status'"):
        plot.plot_checks(by="status")


# --- data versions ------------------------------------------------------------------------


def test_every_plot_of_a_version_draws_that_version() -> None:
    version = "1.0.0"
    figures = fi.load_figures(indicator="gdp", geo="futian", version=version)
    ax = plot.plot_series("gdp", derived=True, version=version)
    assert sorted(_gids(ax, "marker")) == sorted(figures["figure_id"])
    assert f"data {version}." in _footer(ax)
    curated = fi.load_figures(version=version).query("status != 'derived'")
    coverage = plot.plot_coverage(version=version, min_figures=1)
    assert sorted(_gids(coverage, "marker")) == sorted(curated["figure_id"])
    assert f"data {version}." in _footer(coverage)
    checks = plot.plot_checks(version=version)
    assert sorted(_gids(checks, "check")) == sorted(fi.load_checks(version=version)["check_id"])
    assert f"data {version}." in _footer(checks)
    with pytest.raises(UnknownValueError, match=r"unknown data version '0\.1\.0'"):
        plot.plot_checks(version="0.1.0")


# --- Chinese labels -----------------------------------------------------------------------


@pytest.mark.usefixtures("no_cjk_font")
def test_zh_without_a_cjk_font_warns_once_and_draws_english() -> None:
    with pytest.warns(UserWarning, match="no CJK font found") as caught:
        ax = plot.plot_series("high_tech_enterprises", lang="zh")
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "Noto Sans CJK SC" in message and "apt-get install fonts-noto-cjk" in message
    assert ax.get_ylabel() == "National high-tech enterprises (number)"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        others = [
            plot.plot_series("gdp", lang="zh"),
            plot.plot_coverage(lang="zh"),
            plot.plot_checks(lang="zh"),
        ]
    for drawn in [ax, *others]:
        assert not [t for t in _texts(drawn) if CJK.search(t)]


@pytest.mark.usefixtures("no_cjk_font")
def test_zh_fallback_still_rejects_an_unknown_lang() -> None:
    with pytest.raises(UnknownValueError):
        plot.plot_checks(lang="ZH")


def test_zh_labels_are_chinese_when_a_cjk_font_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    # any installed family will do to test the labels; real glyphs are tested below
    monkeypatch.setattr(fonts, "_find_cjk_font", lambda: "DejaVu Sans")
    ax = plot.plot_series(SEI, lang="zh")
    assert ax.get_ylabel() == "战略性新兴产业增加值（亿元）"
    assert ax.yaxis.label.get_fontfamily()[0] == "DejaVu Sans"
    legend = _legend(ax)
    assert "政协第2025136号提案答复（2025-09-26）" in legend
    assert "人大第20250021号建议答复（未注明日期）" in legend
    assert "资料来源：福田区" in _footer(ax)
    values = [t.get_text() for t in ax.texts if str(t.get_gid()).startswith("value:")]
    assert "超1100" in values  # the letter's words, less the axis's unit
    counts = plot.plot_series("high_tech_enterprises", lang="zh")
    assert counts.get_ylabel() == "国家高新技术企业（家）"
    coverage = plot.plot_coverage(lang="zh", indicators=["high_tech_enterprises"])
    assert [t.get_text() for t in coverage.get_yticklabels()] == ["国家高新技术企业"]
    checks = plot.plot_checks(lang="zh", by="kind")
    assert checks.get_yticklabels()[0].get_text() == "一致"


def test_zh_draws_every_glyph_with_an_installed_cjk_font(tmp_path: Path) -> None:
    font = fonts._find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    for ax in (
        plot.plot_series(SEI, lang="zh"),
        plot.plot_coverage(lang="zh"),
        plot.plot_checks(lang="zh"),
    ):
        texts = _texts(ax)  # fails on a missing glyph
        assert [t for t in texts if CJK.search(t)]
        for artist in ax.figure.findobj(Text):
            if CJK.search(artist.get_text()):
                assert artist.get_fontfamily()[0] == font, artist.get_text()
        _png(ax, tmp_path / "zh.png")


# --- import ---------------------------------------------------------------------------------


def test_package_import_leaves_matplotlib_out_and_plot_imports_it() -> None:
    code = (
        "import sys, futian_indicators\n"
        "assert 'matplotlib' not in sys.modules, 'import futian_indicators loaded matplotlib'\n"
        "import futian_indicators.plot\n"
        "assert 'matplotlib' in sys.modules\n"
        "ax = futian_indicators.plot.plot_series('gdp')\n"
        "print(type(ax).__name__)\n"
    )
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Axes"


def test_two_plots_on_one_axes_leave_one_source_note() -> None:
    fig, ax = plt.subplots(layout="constrained")
    plot.plot_series("gdp", ax=ax)
    plot.plot_series("rd_expenditure", ax=ax)
    fig.canvas.draw()
    notes = [t.get_text() for t in ax.texts if "Sources:" in t.get_text()]
    assert len(notes) == 1, notes
    plt.close(fig)
