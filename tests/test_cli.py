"""The command line: output a user reads, exit status, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from futian_indicators.cli import main

from .conftest import copy_package, python

Edit = Callable[[str, str, str], None]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_shows_version_letters_and_headline_series(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "summary")
    assert code == 0
    assert "data version" in out
    for source in (
        "cppcc-2025136",
        "npc-20250021",
        "cppcc-20210091",
        "cppcc-2023103",
        "npc-20240294",
    ):
        assert source in out
    assert "gdp" in out and "5,948.82 亿元" in out
    assert "high_tech_enterprises" in out


def test_list_names_every_indicator(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "high_tech_enterprises" in out and "地区生产总值" in out


def test_show_prints_every_report_with_its_quote(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "high_tech_enterprises")
    assert code == 0
    assert "“辖区国家高新技术企业达1503家”" in out
    assert "突破 1500 家 (at_least): [1,500, ∞)" in out
    assert (
        "2 curated figures + 0 derived figures = 2 figures in total of high_tech_enterprises" in out
    )


def test_unknown_indicator_is_a_usage_error_without_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "show", "gpd")
    assert code == 2
    assert err.startswith("futian-indicators: error: unknown indicator 'gpd': did you mean 'gdp'")
    assert err.count("\n") == 1
    assert "Traceback" not in out + err


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "summarise")
    assert code == 2
    assert "invalid choice: 'summarise'" in err


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "futian_indicators", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("futian-indicators ")


# --------------------------------------------------------------------------- data versions


@pytest.mark.parametrize(
    "argv",
    [
        ["summary"],
        ["list"],
        ["show", "gdp"],
        ["check"],
        ["check", "--markdown"],
        ["export", "--out", "OUT"],
        ["cite"],
        ["cite", "cppcc-2025136/gdp-2024"],
    ],
    ids=" ".join,
)
def test_every_reader_passes_the_data_version_on(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(tmp_path / "out") if a == "OUT" else a for a in argv]
    code, out, err = run(capsys, *argv, "--data-version", "0.9.9")
    assert (code, out) == (2, "")
    assert err.startswith("futian-indicators: error: unknown data version '0.9.9'")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["summary"], "data version 1.0.0: 5 letters; 157 curated figures"),
        (["check", "--markdown"], "Generated from data version 1.0.0 by"),
        (["cite"], "1.0.0"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_a_reader_names_the_data_version_it_read(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *argv, "--data-version", "1.0.0")
    assert code == 0
    assert expected in out


def test_versions_has_no_data_version_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "versions", "--data-version", "1.0.0")
    assert code == 2
    assert "unrecognized arguments: --data-version" in err


# --------------------------------------------------------------------- check's exit status

LAST_RULE_NOTE = (
    "note: 已办结 (resolved) requests are among those 受理 (received); same sentence and date.\n"
)


def failing_rule(severity: str) -> str:
    """A bound that fails on the figures (10426 patent grants within their 4133 invention
    grants), added to the fixture's rules.yaml: the expectation is not read off the data."""
    return (
        LAST_RULE_NOTE
        + "\n  - rule_id: patent-grants-within-invention-patent-grants\n"
        + "    kind: bound\n"
        + "    label: All patent grants do not exceed invention patent grants (false on purpose)\n"
        + f"    severity: {severity}\n"
        + "    terms:\n"
        + "      invention: cppcc-2023103/invention-patent-grants-2023h1\n"
        + "      all_grants: cppcc-2023103/patent-grants-2023h1\n"
        + "    left: all_grants\n"
        + "    right: invention\n"
    )


def _check_a_built_package(project: Path) -> subprocess.CompletedProcess[str]:
    """Build ``project`` into its own copy of the package; run that package's ``check``."""
    site = copy_package(project / "src")
    assert main(["build", "--root", str(project)]) == 0
    return python("-m", "futian_indicators", "check", path=site)


def test_check_exits_0_when_only_a_warning_fails(project: Path, edit: Edit) -> None:
    edit("rules.yaml", LAST_RULE_NOTE, failing_rule("warning"))
    result = _check_a_built_package(project)
    assert result.returncode == 0, result.stderr
    assert "FAIL           [warning] patent-grants-within-invention-patent-grants" in result.stdout
    assert "; 0 error(s) failed" in result.stdout


def test_check_exits_1_when_an_error_rule_fails(project: Path, edit: Edit) -> None:
    edit("rules.yaml", LAST_RULE_NOTE, failing_rule("error"))
    result = _check_a_built_package(project)
    assert result.returncode == 1, result.stderr
    assert "FAIL           [error] patent-grants-within-invention-patent-grants" in result.stdout
    assert "; 1 error(s) failed" in result.stdout
