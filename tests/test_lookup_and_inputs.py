"""What a researcher types: indicators by name or alias, bad inputs, counts, export."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pandas as pd
import pytest

import futian_indicators as fi
from futian_indicators.api import resolve_indicator
from futian_indicators.cli import main
from futian_indicators.errors import ArgumentError, UnknownValueError
from futian_indicators.export import export


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------ indicators by id, name or alias


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("gdp", "gdp"),
        ("GDP", "gdp"),  # an alias, in another case
        ("ｇｄｐ", "gdp"),  # full width
        ("Gross Domestic Product", "gdp"),  # the English name
        ("地区生产总值", "gdp"),  # the Chinese name
        ("国高", "high_tech_enterprises"),  # an alias
        ("国家高新技术企业", "high_tech_enterprises"),
        (" High_Tech_Enterprises ", "high_tech_enterprises"),
    ],
)
def test_an_indicator_is_found_by_its_id_names_and_aliases(text: str, indicator: str) -> None:
    assert resolve_indicator(text) == indicator
    assert set(fi.load_figures(indicator=text)["indicator_id"]) == {indicator}
    assert fi.series(text).equals(fi.series(indicator))


def test_show_takes_a_name_or_alias(capsys: pytest.CaptureFixture[str]) -> None:
    for text in ("GDP", "国高"):
        code, out, err = run(capsys, "show", text)
        assert (code, err) == (0, "")
    assert "of high_tech_enterprises" in out


def test_a_miss_suggests_by_names_and_aliases_not_the_alphabet() -> None:
    with pytest.raises(UnknownValueError) as info:
        fi.load_figures(indicator="高新")
    assert "did you mean 'high_tech_enterprises'" in str(info.value)
    with pytest.raises(UnknownValueError) as info:
        fi.load_figures(indicator="zzzz-nothing-like-it")
    message = str(info.value)
    assert "academicians_and_experts" not in message  # the first id alphabetically
    assert "fi.load_indicators()" in message and "futian-indicators list" in message


def test_an_alias_of_several_indicators_names_them(monkeypatch: pytest.MonkeyPatch) -> None:
    # The bundled codebook shares no alias (a test of the data keeps it so), so the lookup is
    # given a codebook of two indicators that share one.
    from futian_indicators import api
    from futian_indicators.lookup import indicator_names

    codebook = pd.DataFrame(
        {
            "indicator_id": ["a_parks", "b_parks"],
            "name_en": ["Parks A", "Parks B"],
            "name_zh": ["甲园区", "乙园区"],
            "aliases_zh": ["专业化产业园", "专业化产业园|乙园"],
        }
    )
    monkeypatch.setattr(api, "_indicator_names", lambda version: indicator_names(codebook))
    with pytest.raises(ArgumentError, match=r"names [0-9]+ indicators") as info:
        resolve_indicator("专业化产业园")
    assert "'a_parks'" in str(info.value) and "'b_parks'" in str(info.value)
    assert resolve_indicator("乙园") == "b_parks"


def test_no_alias_of_the_bundled_codebook_is_shared() -> None:
    codebook = fi.load_indicators()
    aliases = codebook["aliases_zh"].dropna().str.split("|").explode()
    assert not aliases.duplicated().any(), list(aliases[aliases.duplicated()])


# ------------------------------------------------------------------------------ bad inputs


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: fi.load_figures(indicator=5), r"indicator=5 \(int\) is not allowed"),
        (lambda: fi.load_figures(geo=["futian", 3]), r"geo=3 \(int\) is not allowed"),
        (lambda: fi.load_figures(status=True), r"status=True \(bool\) is not allowed"),
        (lambda: fi.series(5), r"indicator=5 \(int\) is not allowed"),  # type: ignore[arg-type]
        (lambda: fi.load_figures(version=1.0), r"version=1.0 \(float\) is not allowed"),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_type_is_the_package_error_naming_the_parameter(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ArgumentError, match=message) as info:
        call()
    assert isinstance(info.value, TypeError)  # code catching the built-in error still works
    assert info.value.exit_code == 2


def test_a_series_of_an_area_without_figures_says_which_areas_have_them() -> None:
    with pytest.raises(
        ArgumentError, match="for geo 'shenzhen'; areas it is reported for: 'futian'"
    ):
        fi.series("gdp", geo="shenzhen")
    from futian_indicators.plot import plot_series

    with pytest.raises(ArgumentError, match="areas it is reported for: 'futian'"):
        plot_series("gdp", geo="shenzhen")


def test_export_under_a_regular_file_is_one_line_and_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x")
    code, out, err = run(capsys, "export", "--out", str(tmp_path / "file" / "tables"))
    assert (code, out) == (2, "")
    assert err.startswith("futian-indicators: error: --out ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_export_into_a_read_only_folder_is_one_line_and_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root may write anywhere: make the folder refuse instead

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        code, out, err = run(capsys, "export", "--out", str(folder))
    finally:
        folder.chmod(0o755)
    assert (code, out) == (2, "")
    assert err == (
        f"futian-indicators: error: cannot write into --out {str(folder)!r} (Permission denied); "
        "name a folder you can write\n"
    )


def test_excel_is_for_csv_only(tmp_path: Path) -> None:
    with pytest.raises(ArgumentError, match="--excel applies to CSV only"):
        export(tmp_path, "parquet", excel=True)


# ------------------------------------------------------------------------ counts, version


def test_every_command_counts_figures_in_one_vocabulary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    figures = fi.load_figures()
    derived = int((figures["status"] == "derived").sum())
    curated, total = len(figures) - derived, len(figures)
    words = f"{curated} curated figures + {derived} derived figures = {total} figures in total"
    for command in ("summary", "list"):
        assert words in run(capsys, command)[1]
    _, out, _ = run(capsys, "versions")
    assert "curated figures  derived figures  figures in total" in out
    current = fi.data_versions().query("current").iloc[0]
    assert (current["curated_figures"], current["derived_figures"], current["figures"]) == (
        curated,
        derived,
        total,
    )
    _, out, _ = run(capsys, "summary")
    coverage = next(line for line in out.splitlines() if line.startswith("Coverage"))
    assert f"of the {curated} curated figures" in coverage


def test_show_gives_a_derived_figure_its_basis_not_empty_offsets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "show", "gdp")
    assert "nan" not in out and "None" not in out
    derived = fi.load_figures(indicator="gdp", status="derived").iloc[0]
    first = derived["derived_from"].split(";")[0]
    assert f"  derived from {first}" in out


def test_version_names_the_package_and_the_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (
        0,
        f"futian-indicators {fi.__version__}, data version {fi.DATA_VERSION}\n",
        "",
    )


# ----------------------------------------------------------------------------------- export


def test_export_writes_series_and_a_valid_data_package(tmp_path: Path) -> None:
    written = export(tmp_path, series=["GDP", "国高"])
    names = [p.name for p in written]
    assert names[-1] == "datapackage.json"
    assert {"series_gdp.csv", "series_high_tech_enterprises.csv"} <= set(names)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == fi.DATA_VERSION
    assert [r["path"] for r in package["resources"]] == names[:-1]
    gdp = pd.read_csv(tmp_path / "series_gdp.csv")
    assert gdp["period"].astype(str).tolist() == fi.series("gdp", derived=True)["period"].tolist()
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_excel_csv_has_a_byte_order_mark_and_excel_booleans(tmp_path: Path) -> None:
    export(tmp_path, excel=True)
    data = (tmp_path / "figures.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbffigure_id,")
    figures = pd.read_csv(tmp_path / "figures.csv", encoding="utf-8-sig")
    assert set(figures["lower_closed"].astype(str)) <= {"True", "False"}  # parsed from TRUE/FALSE
    assert b",TRUE," in data and b",True," not in data
    assert b",INF," in data  # open ends as Table Schema writes them


def test_plain_csv_export_has_the_processed_bytes(tmp_path: Path) -> None:
    from .conftest import ROOT

    export(tmp_path)
    for name in ("figures", "sources", "checks"):
        assert (tmp_path / f"{name}.csv").read_bytes() == (
            ROOT / "data" / "processed" / f"{name}.csv"
        ).read_bytes()


def test_one_dtype_per_kind_across_readers() -> None:
    frames = {
        "series": fi.series("gdp"),
        "data_versions": fi.data_versions(),
        "diff": fi.diff("1.0.0"),
        "run_checks": fi.run_checks(),
        **{name: fi.api.load_table(name) for name in ("sources", "figures", "errata", "checks")},
    }
    for name, frame in frames.items():
        for column, dtype in frame.dtypes.items():
            if pd.api.types.is_datetime64_any_dtype(dtype):
                assert str(dtype) == "datetime64[ns]", (name, column)
            elif not pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
                assert str(dtype) == "str", (name, column, dtype)


# ---------------------------------------------------------------------------------- coverage


def test_the_readme_coverage_table_is_the_generated_one() -> None:
    from futian_indicators.analysis import period_coverage_markdown
    from futian_indicators.terminal import HEADLINE_INDICATORS

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    written = readme.split("<!-- coverage:")[1].split("-->", 1)[1].split("<!-- end coverage -->")[0]
    assert written.lstrip("\n") == period_coverage_markdown(HEADLINE_INDICATORS)


def test_the_coverage_table_lists_only_indicators_with_several_periods() -> None:
    from futian_indicators.analysis import period_coverage, period_coverage_markdown

    every = period_coverage()
    several = every[every["n_periods"] > 1]
    table = period_coverage_markdown()
    assert all(f"| `{i}` |" in table for i in several["indicator_id"])
    single = set(every.loc[every["n_periods"] == 1, "indicator_id"]) - set(several["indicator_id"])
    assert not any(f"| `{i}` |" in table for i in single)
    gdp = every.set_index("indicator_id").loc["gdp"]
    assert (gdp["actual_periods"], gdp["derived_periods"], gdp["n_periods"]) == ("2024", "2023", 2)


# ------------------------------------------------------------------------ docs and citation


def test_the_changelog_puts_unreleased_first_then_versions_newest_first() -> None:

    from futian_indicators.core.semver import parse_semver

    from .conftest import ROOT

    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", changelog, flags=re.MULTILINE)
    assert headings[0] == "Unreleased"
    data = [re.match(r"Data (\S+)", h) for h in headings[1:]]
    versions = [parse_semver(m.group(1)) for m in data if m]
    assert versions == sorted(versions, reverse=True) and versions


def test_an_apa_citation_writes_the_date_as_apa_does() -> None:
    apa = fi.cite("cppcc-2023103/high-tech-enterprises-2023")
    assert "(2023, October 16)" in apa and "(2023-10-16)" not in apa


def test_every_load_figures_filter_has_its_own_description() -> None:
    doc = str(fi.load_figures.__doc__)
    for name in ("indicator", "source", "geo", "status"):
        assert re.search(rf"^    {name} : ", doc, flags=re.MULTILINE), name
