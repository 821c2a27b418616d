"""The command line: output a user reads, exit status, no tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from futian_indicators.cli import main


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
    assert "2 figure(s) of high_tech_enterprises" in out


def test_unknown_indicator_is_a_usage_error_without_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "show", "gpd")
    assert code == 2
    assert err.strip() == "futian-indicators: error: unknown indicator 'gpd': did you mean 'gdp'?"
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
