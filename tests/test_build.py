"""The build: every bad input stops it with a precise message and leaves the data as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from futian_indicators.build import schema
from futian_indicators.build.tables import build_tables
from futian_indicators.cli import main
from futian_indicators.errors import BuildError

Edit = Callable[[str, str, str], None]
GDP_FILE = "figures/cppcc-2025136.yaml"


def build_problems(project: Path) -> str:
    with pytest.raises(BuildError) as info:
        build_tables(project / "data" / "raw")
    return str(info.value)


def test_the_raw_data_builds(project: Path) -> None:
    tables = build_tables(project / "data" / "raw")
    assert list(tables) == list(schema.SCHEMAS)
    assert len(tables["sources"]) == 5


def test_quote_not_in_letter(project: Path, edit: Edit) -> None:
    edit(GDP_FILE, "2024年实现地区生产总值5948.82亿元", "2024年实现地区生产总值5948.83亿元")
    message = build_problems(project)
    assert "cppcc-2025136.yaml:" in message
    assert "figure 'cppcc-2025136/gdp-2024'" in message
    assert (
        "is not in the letter: the longest part found is '2024年实现地区生产总值5948.8'" in message
    )
    assert "copy the quote from the letter" in message


def test_parsed_value_differs_from_curated(project: Path, edit: Edit) -> None:
    edit(GDP_FILE, "value: 594882000000", "value: 594882000001")
    message = build_problems(project)
    assert "curated value 594882000001.0 but the quote says 594882000000.0" in message
    assert "correct the curated value or the quantity" in message


def test_unknown_indicator(project: Path, edit: Edit) -> None:
    edit(GDP_FILE, "indicator: gdp\n", "indicator: gpd\n")
    message = build_problems(project)
    assert "indicator 'gpd' is not in indicators.yaml (closest: 'gdp')" in message


def test_unknown_source(project: Path) -> None:
    figures = project / "data" / "raw" / "figures"
    text = (figures / "cppcc-2025136.yaml").read_text(encoding="utf-8")
    (figures / "cppcc-2025999.yaml").write_text(
        text.replace("source_id: cppcc-2025136", "source_id: cppcc-2025999"), encoding="utf-8"
    )
    message = build_problems(project)
    assert "source 'cppcc-2025999' is not in sources.yaml (closest: 'cppcc-2025136'" in message


def test_duplicate_figure_id(project: Path, edit: Edit) -> None:
    path = project / "data" / "raw" / GDP_FILE
    text = path.read_text(encoding="utf-8")
    first = text.index("  - slug:")
    second = text.index("  - slug:", first + 1)
    path.write_text(text[:second] + text[first:second] + text[second:], encoding="utf-8")
    message = build_problems(project)
    assert "duplicate figure id (first at" in message
    assert "give it another slug" in message


def test_malformed_yaml(project: Path, edit: Edit) -> None:
    edit(GDP_FILE, "indicator: gdp\n", "indicator: [gdp\n")
    message = build_problems(project)
    assert "cppcc-2025136.yaml:" in message
    assert "malformed YAML" in message


def test_unknown_key_is_named_with_a_suggestion(project: Path, edit: Edit) -> None:
    edit(GDP_FILE, "qualifier: exact", "qualifer: exact")
    message = build_problems(project)
    assert "unknown key 'qualifer'; did you mean 'qualifier'?" in message


def test_bad_vocabulary_value(project: Path, edit: Edit) -> None:
    edit(GDP_FILE, "status: actual", "status: actuals")
    message = build_problems(project)
    assert "status 'actuals' is not allowed (did you mean 'actual'?)" in message


def test_letter_bytes_changed(project: Path) -> None:
    letter = project / "data" / "raw" / "letters" / "cppcc-2025136.txt"
    letter.write_bytes(letter.read_bytes().replace(b"5948.82", b"5948.83"))
    message = build_problems(project)
    assert "cppcc-2025136.txt: sha256 is" in message
    assert "the letter's bytes changed: restore the original file" in message


def test_every_problem_is_reported_at_once(project: Path, edit: Edit) -> None:
    edit(GDP_FILE, "value: 594882000000", "value: 1")
    edit(GDP_FILE, "indicator: gdp\n", "indicator: gpd\n")
    edit(
        "figures/cppcc-2023103.yaml",
        "quote: 辖区国家高新技术企业达1503家",
        "quote: 辖区国家高新技术企业达1504家",
    )
    message = build_problems(project)
    count = int(message.removeprefix("build failed with ").split(" ")[0])
    assert count == message.count("\n  - ") >= 2  # the header counts the listed problems
    assert "indicator 'gpd' is not in indicators.yaml" in message
    assert "figure 'cppcc-2023103/high-tech-enterprises-2023'" in message and "1504" in message


def test_failed_build_leaves_processed_data_as_it_was(project: Path, edit: Edit) -> None:
    assert main(["build", "--root", str(project)]) == 0
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and "raw" not in p.parts}
    edit(GDP_FILE, "value: 594882000000", "value: 1")
    assert main(["build", "--root", str(project)]) == 1
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and "raw" not in p.parts}
    assert after == before


def test_check_reports_stale_data(
    project: Path, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--root", str(project)]) == 0
    assert main(["build", "--check", "--root", str(project)]) == 0
    edit(GDP_FILE, "note: null", "note: a new note")
    assert main(["build", "--check", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert "processed data is stale" in err
    assert "data/processed/figures.csv" in err


def test_build_outside_a_checkout_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--root", str(tmp_path)]) == 2
    assert "no data/raw folder" in capsys.readouterr().err


def test_alternative_reading_widens_the_lenient_interval_only(project: Path, edit: Edit) -> None:
    edit(
        GDP_FILE,
        "    qualifier: exact\n    note: null",
        "    qualifier: exact\n    alternative_reading: 5000亿元\n    note: two readings",
    )
    figures = build_tables(project / "data" / "raw")["figures"].set_index("figure_id")
    gdp = figures.loc["cppcc-2025136/gdp-2024"]
    assert gdp["lower_lenient"] == 450_000_000_000  # 5000亿元 read leniently: 4500亿
    assert gdp["upper_lenient"] == 594_882_500_000
    assert (gdp["lower"], gdp["upper"]) == (594_881_500_000, 594_882_500_000)


def test_alternative_reading_needs_a_note_and_the_same_unit(project: Path, edit: Edit) -> None:
    edit(
        GDP_FILE,
        "    qualifier: exact\n    note: null",
        "    qualifier: exact\n    alternative_reading: 5000家\n    note: null",
    )
    message = build_problems(project)
    assert "has an alternative_reading but no note" in message
    edit(
        GDP_FILE,
        "alternative_reading: 5000家\n    note: null",
        "alternative_reading: 5000家\n    note: x",
    )
    message = build_problems(project)
    assert "alternative_reading '5000家' is in 'count', the figure in 'CNY'" in message


def test_a_measure_nobody_accounts_for_fails_the_build(project: Path, edit: Edit) -> None:
    path = project / "data" / "raw" / GDP_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index("  - slug: gdp-2024")
    end = text.index("  - slug:", start + 1)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    message = build_problems(project)
    assert "data/raw/letters/cppcc-2025136.txt:7: number '5948.82亿元' (quantity)" in message
    assert "is neither a figure nor given a reason" in message


def test_a_reason_that_accounts_for_nothing_fails_the_build(project: Path) -> None:
    path = project / "data" / "raw" / GDP_FILE
    text = path.read_text(encoding="utf-8")
    entry = (
        "\nnot_figures:\n  - quote: 2024年实现地区生产总值5948.82亿元\n"
        "    mention: 5948.82亿元\n    reason: a test\n"
    )
    if "\nnot_figures:\n" in text:
        entry = entry.replace("\nnot_figures:\n", "\n")
    path.write_text(text + entry, encoding="utf-8")
    message = build_problems(project)
    assert "not_figures entry '5948.82亿元' accounts for no number" in message


def test_a_rule_naming_a_missing_figure_fails_the_build(project: Path, edit: Edit) -> None:
    rules = project / "data" / "raw" / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    first = text.index("  - rule_id:")
    rules.write_text(
        text[:first]
        + "  - rule_id: a-broken-rule\n    kind: agreement\n    label: x\n    severity: error\n"
        + "    figures: [cppcc-2025136/gdp-2024, cppcc-2025136/no-such-figure]\n"
        + text[first:],
        encoding="utf-8",
    )
    message = build_problems(project)
    assert "rules.yaml:" in message
    assert "rule 'a-broken-rule' names figure 'cppcc-2025136/no-such-figure'" in message


def test_a_malformed_rule_fails_the_build_with_its_line(project: Path) -> None:
    rules = project / "data" / "raw" / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    first = text.index("  - rule_id:")
    rules.write_text(
        text[:first] + "  - rule_id: bad\n    kind: bound\n    label: x\n    severity: error\n"
        "    terms: {a: cppcc-2025136/gdp-2024}\n    left: a\n    right: a ** 2\n" + text[first:],
        encoding="utf-8",
    )
    message = build_problems(project)
    assert f"rules.yaml:{text[:first].count(chr(10)) + 1}: rule 'bad': right: expression" in message
