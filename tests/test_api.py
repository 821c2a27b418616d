"""Loaders and series: stable shape, filters, errors."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import futian_indicators as fi
from futian_indicators.api import SERIES_COLUMNS
from futian_indicators.errors import FutianIndicatorsError, UnknownValueError


def test_gdp_series_gives_the_2024_value_and_its_letter() -> None:
    gdp = fi.series("gdp")
    row = gdp.set_index("period").loc["2024"]
    assert row["value"] == 594_882_000_000
    assert row["unit"] == "CNY"
    assert row["source_ids"] == "cppcc-2025136"
    assert row["figure_ids"] == "cppcc-2025136/gdp-2024"
    assert row["lower"] == 594_881_500_000 and row["upper"] == 594_882_500_000
    assert bool(row["consistent"])


def test_high_tech_enterprises_reports_carry_quotes_and_intervals() -> None:
    figures = fi.load_figures(indicator="high_tech_enterprises")
    assert set(figures["source_id"]) == {"cppcc-2023103", "npc-20240294"}
    by_id = figures.set_index("figure_id")
    exact = by_id.loc["cppcc-2023103/high-tech-enterprises-2023"]
    assert (exact["value"], exact["lower"], exact["upper"]) == (1503, 1502.5, 1503.5)
    assert exact["quote"] == "辖区国家高新技术企业达1503家"
    at_least = by_id.loc["npc-20240294/high-tech-enterprises-2024"]
    assert (at_least["qualifier"], at_least["lower"], at_least["upper"]) == (
        "at_least",
        1500,
        float("inf"),
    )


def test_filters_combine_and_accept_lists() -> None:
    both = fi.load_figures(source=["cppcc-2023103", "npc-20240294"], status="actual")
    assert set(both["source_id"]) == {"cppcc-2023103", "npc-20240294"}
    assert set(both["status"]) == {"actual"}
    assert both["figure_id"].is_monotonic_increasing
    assert list(both.index) == list(range(len(both)))


def test_an_empty_result_keeps_columns_and_dtypes() -> None:
    every = fi.load_figures()
    none = fi.load_figures(indicator="gdp", geo="shenzhen")
    assert none.empty
    assert none.dtypes.to_dict() == every.dtypes.to_dict()
    empty_series = fi.series("gdp", geo="shenzhen")
    assert empty_series.empty
    assert list(empty_series.columns) == list(SERIES_COLUMNS)
    assert empty_series.dtypes.to_dict() == fi.series("gdp").dtypes.to_dict()


def test_loaders_return_plain_frames_that_callers_may_mutate() -> None:
    first = fi.load_figures()
    assert type(first) is pd.DataFrame
    first.loc[0, "value"] = -1
    assert fi.load_figures().loc[0, "value"] != -1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: fi.load_figures(indicator="gpd"), "unknown indicator 'gpd': did you mean 'gdp'"),
        (
            lambda: fi.load_figures(source="cppcc-2023104"),
            "unknown source 'cppcc-2023104': did you mean 'cppcc-2023103'",
        ),
        (lambda: fi.load_figures(geo="futain"), "unknown geo 'futain': did you mean 'futian'"),
        (
            lambda: fi.load_figures(status="actuals"),
            "unknown status 'actuals': did you mean 'actual'",
        ),
        (lambda: fi.series("high_tech"), "unknown indicator 'high_tech': did you mean"),
    ],
)
def test_unknown_filter_values_name_the_closest_valid_ones(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownValueError, match=message) as info:
        call()
    assert isinstance(info.value, FutianIndicatorsError) and isinstance(info.value, ValueError)


def test_series_intersects_the_reports_of_one_period() -> None:
    targets = fi.series("strategic_emerging_industries_value_added", status="target")
    row = targets.set_index("period").loc["2025"]
    assert row["n_figures"] == 2  # 超1100亿元 and 1100亿元 in the same letter
    assert row["lower"] == 110_000_000_000 and row["upper"] == 110_050_000_000
    # 超 excludes 1100 itself, so the stated 1100 is not inside: the midpoint stands for it
    assert not row["lower_closed"] and row["upper_closed"]
    assert row["value"] == 110_025_000_000
    assert bool(row["consistent"])


def test_series_marks_reports_that_do_not_overlap() -> None:
    from futian_indicators.api import _reconcile

    reports = fi.load_figures(indicator="high_tech_enterprises")
    reports["period"] = "2024"  # pretend both letters report the same period
    reports.loc[reports["qualifier"] == "exact", ["lower", "upper"]] = (1400.5, 1401.5)
    row = _reconcile(reports)
    assert row["consistent"] is False
    assert row["value"] != row["value"]  # NaN


def test_data_version_is_exposed_beside_the_package_version() -> None:
    assert fi.DATA_VERSION.count(".") == 2
    assert fi.__version__.count(".") == 2
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        fi.nope  # noqa: B018


def test_import_loads_neither_matplotlib_nor_pandera() -> None:
    code = (
        "import sys, futian_indicators as fi; fi.load_figures(); fi.series('gdp');"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'pandera')];"
        "print(bad); sys.exit(bool(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
