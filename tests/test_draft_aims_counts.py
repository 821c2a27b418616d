"""The drafter on aims between a name and its number, growth periods, its counts and bad paths."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from futian_indicators.drafting import CodebookEntry, Draft, draft_figures
from futian_indicators.drafting.heading import Heading
from futian_indicators.language.normalise import normalise

from .conftest import extract

DATED = Heading(date=dt.date(2026, 3, 2), doc_number="2026001")
BOOK = [
    CodebookEntry("gdp", "CNY", "flow", "地区生产总值", ("地区生产总值", "GDP")),
    CodebookEntry("gdp_growth", "percent", "growth", "地区生产总值增长", ("同比增长",),
                  base_indicator="gdp"),
    CodebookEntry("hnte", "count", "stock", "国家高新技术企业", ("国家高新技术企业",)),
    CodebookEntry("firms", "count", "stock", "企业", ("企业",)),
]  # fmt: skip
NEW_ID = "cppcc-9990001"


def drafted(text: str) -> Draft:
    return draft_figures(normalise(text), "cppcc-2026001", BOOK, DATED)


@pytest.mark.parametrize(
    ("text", "indicator", "status"),
    [
        ("2025年全区地区生产总值达到6500亿元。", "gdp", "actual"),
        ("2027年全区地区生产总值力争达到6500亿元。", "gdp", "target"),
        ("2027年全区地区生产总值争取突破6500亿元。", "gdp", "target"),
        ("2027年全区地区生产总值计划达到6500亿元。", "gdp", "plan"),
        ("2027年全区地区生产总值预计达到6500亿元。", "gdp", "target"),
        ("2027年全区国家高新技术企业力争达到2800家。", "hnte", "target"),
        ("2027年全区国家高新技术企业确保达到2800家。", "hnte", "target"),
    ],
)
def test_an_aim_between_a_name_and_its_number_keeps_the_name(
    text: str, indicator: str, status: str
) -> None:
    (figure,) = drafted(text).figures
    assert (figure.indicator, figure.proposal, figure.status) == (indicator, None, status)


@pytest.mark.parametrize("aim", ["力争", "争取", "计划", "预计", "确保", "努力", "将"])
def test_a_proposed_name_holds_no_aim(aim: str) -> None:
    (figure,) = drafted(f"2027年全区数字经济核心产业增加值{aim}达到1000亿元。").figures
    assert figure.proposal is not None
    assert figure.proposal.name_zh == "数字经济核心产业增加值"


def test_a_completion_of_a_target_keeps_its_target_word() -> None:
    from futian_indicators.drafting.proposal import clean

    assert clean("完成年度目标的") == "年度目标"


@pytest.mark.parametrize("name", ["国家高新技术企业", "新兴产业企业"])
def test_a_growth_on_a_day_takes_the_year_of_the_day(name: str) -> None:
    draft = drafted(f"截至2025年底，全区{name}2800家，较上年增长10%。")
    stock, growth = draft.figures
    assert stock.period == "2025-12-31"  # a stock is on the day
    assert growth.unit == "percent" and growth.period == "2025"
    assert growth.proposal is not None and growth.proposal.measure == "growth"


def test_the_four_reports_of_a_draft_give_the_same_counts(
    project: Path, letter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "review.html"
    argv = (letter, "--source-id", NEW_ID, "--root", project, "--review", page)
    code, out, err = extract(capsys, *argv)
    assert (code, err) == (0, "")
    yaml_text = (project / "data" / "raw" / "figures" / f"{NEW_ID}.yaml").read_text("utf-8")
    header = " ".join(
        line.removeprefix("#").strip() for line in yaml_text.splitlines() if line.startswith("#")
    )
    counts = re.compile(
        r"(\d+) number\(s\): (\d+) placed on a codebook indicator, (\d+) proposed as a new "
        r"indicator, (\d+) not placed"
    )
    found = [m.groups() for m in (counts.search(t) for t in (out, header, page.read_text()))]
    assert len(set(found)) == 1 and None not in found
    total, placed, proposed, unplaced = map(int, found[0])
    assert total == placed + proposed + unplaced and placed > 0 and proposed > 0
    review = re.search(r"review first \(\d+ label\(s\) of \d+ of the (\d+) draft figure", out)
    assert review is not None and int(review.group(1)) == placed + proposed
    assert f"Numbers not placed ({unplaced})" in page.read_text()


def test_extract_refuses_a_folder_as_out(
    project: Path, letter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    code, out, err = extract(
        capsys, letter, "--source-id", NEW_ID, "--root", project, "--out", folder, "--force"
    )
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert str(folder) in err and "folder" in err and "Traceback" not in err
    assert not (project / "data" / "raw" / "letters" / f"{NEW_ID}.txt").exists()


def test_extract_refuses_a_review_page_in_a_missing_folder(
    project: Path, letter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = (project / "data" / "raw" / "sources.yaml").read_bytes()
    page = tmp_path / "nonexistent" / "dir" / "r.html"
    code, out, err = extract(
        capsys, letter, "--source-id", NEW_ID, "--root", project, "--review", page
    )
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert str(page.parent) in err and "does not exist" in err
    assert not (tmp_path / "nonexistent").exists()  # nothing half-written
    assert not (project / "data" / "raw" / "letters" / f"{NEW_ID}.txt").exists()
    assert not (project / "data" / "raw" / "figures" / f"{NEW_ID}.yaml").exists()
    assert (project / "data" / "raw" / "sources.yaml").read_bytes() == sources
