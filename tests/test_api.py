"""Loaders and series: stable shape, filters, errors."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pandas as pd
import pytest

import futian_indicators as fi
from futian_indicators.analysis import SERIES_COLUMNS
from futian_indicators.api import load_table
from futian_indicators.errors import FutianIndicatorsError, UnknownValueError
from futian_indicators.tabular import csv_bytes

from .conftest import ROOT


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
    empty_series = fi.series("gdp", status="target")  # reported for Futian, never as a target
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
    # 超 excludes 1100 itself; the value is the stated 1100 (an end of the intersection), never
    # an invented midpoint such as 1100.25亿
    assert not row["lower_closed"] and row["upper_closed"]
    assert row["value"] == 110_000_000_000
    assert bool(row["consistent"])


def test_series_marks_reports_that_do_not_overlap() -> None:
    from futian_indicators.analysis import _reconcile

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


Ends = tuple[float, float, bool, bool]


def _two_reports(first: Ends, second: Ends) -> pd.DataFrame:
    """Two reports of one period, with the given strict intervals (lower, upper, closedness)."""
    reports = fi.load_figures(indicator="high_tech_enterprises").iloc[:2].copy()
    reports["period"] = "2024"
    columns = ["lower", "upper", "lower_closed", "upper_closed"]
    for i, ends in enumerate((first, second)):
        reports.loc[reports.index[i], columns] = ends
    reports["value"] = [first[0], second[1]]
    return reports


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ((1503.0, 1600.0, True, True), (1503.0, 1503.0, True, True, True)),
        ((1503.0, 1600.0, False, True), (1503.0, 1503.0, False, True, False)),
        ((1400.0, 1503.0, True, False), (1500.0, 1503.0, True, False, True)),
    ],
)
def test_series_closes_a_shared_end_only_when_every_report_includes_it(
    second: Ends, expected: tuple[float, float, bool, bool, bool]
) -> None:
    from futian_indicators.analysis import _reconcile

    row = _reconcile(_two_reports((1500.0, 1503.0, True, True), second))
    got = (row["lower"], row["upper"], row["lower_closed"], row["upper_closed"])
    assert (*got, row["consistent"]) == expected


def test_series_of_a_version_reads_that_version() -> None:
    for indicator in ("gdp", "high_tech_enterprises"):
        old = fi.series(indicator, version="1.0.0")
        figures = fi.load_figures(indicator=indicator, geo="futian", version="1.0.0")
        reported = set(figures.loc[figures["status"] == "actual", "figure_id"])
        used = {i for ids in old["figure_ids"] for i in ids.split(";")}
        assert used == reported
    with pytest.raises(UnknownValueError, match=r"unknown data version '0\.9'"):
        fi.series("gdp", version="0.9")


def test_load_table_reads_any_table_of_any_version() -> None:
    for version in fi.data_versions()["version"]:
        figures = load_table("figures", version=version)
        pd.testing.assert_frame_equal(figures, fi.load_figures(version=version))
    with pytest.raises(UnknownValueError, match="unknown table 'figure': did you mean 'figures'"):
        load_table("figure")


def test_csv_bytes_are_the_processed_csv_files() -> None:
    processed = ROOT / "data" / "processed"
    from futian_indicators import _resources

    for name in _resources.table_names():
        assert csv_bytes(load_table(name)) == (processed / f"{name}.csv").read_bytes(), name


def test_the_dataset_of_a_version_names_its_tables_content_hash() -> None:
    from futian_indicators import _resources
    from futian_indicators.api import load_dataset

    order = _resources.table_names()
    for version, release in _resources.release_index()["versions"].items():
        if version == fi.DATA_VERSION:  # the current tables, checked against the manifest below
            continue
        names = [n for n in order if n in release["tables"]]
        lines = "".join(
            f"{n} {hashlib.sha256(csv_bytes(load_table(n, version=version))).hexdigest()}\n"
            for n in names
        )
        dataset = load_dataset(version=version)
        assert dataset["version"] == version
        assert dataset["content_sha256"] == hashlib.sha256(lines.encode()).hexdigest()
    assert load_dataset()["content_sha256"] == _resources.manifest()["content_sha256"]


def test_a_citation_of_a_version_quotes_that_version() -> None:
    from futian_indicators.api import load_dataset

    figure_id = "cppcc-2023103/high-tech-enterprises-2023"
    old = fi.load_figures(version="1.0.0").set_index("figure_id").loc[figure_id]
    for style in ("apa", "bibtex", "text"):
        cited = fi.cite(figure_id, style=style, version="1.0.0")
        assert str(old["quote"]) in cited
        assert load_dataset(version="1.0.0")["content_sha256"][:16] in cited
        assert "1.0.0" in fi.cite(style=style, version="1.0.0")
    assert fi.cite(version=fi.DATA_VERSION) == fi.cite()
    with pytest.raises(UnknownValueError, match=r"unknown data version '9\.0\.0'"):
        fi.cite(version="9.0.0")
