"""Drafting a new letter: the extract command, the proposals it makes, and every bad input."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
import yaml

from futian_indicators.build.tables import build_tables
from futian_indicators.core import files
from futian_indicators.core.period import parse_period
from futian_indicators.drafting import (
    NOT_PLACED_REASON,
    CodebookEntry,
    Draft,
    DraftFigure,
    draft_figures,
    draft_letter,
    read_codebook,
    render_figures,
)
from futian_indicators.drafting.heading import Heading, read_heading
from futian_indicators.language.normalise import locate, normalise
from futian_indicators.language.quantity import parse_quantity
from futian_indicators.raw.records import FIGURE_KEYS, read_raw

from .conftest import RAW, ROOT, extract

LETTER = RAW / "letters" / "cppcc-2023103.txt"
NEW_ID = "cppcc-9990001"


# --- the command, end to end ------------------------------------------------------------------


def test_extract_writes_a_draft_that_the_build_accepts(
    project: Path, letter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = extract(capsys, letter, "--source-id", NEW_ID, "--root", project)
    assert (code, err) == (0, "")
    assert f"wrote data/raw/figures/{NEW_ID}.yaml: 31 number(s): 29 placed on a codebook" in out
    assert "review first" in out
    raw = project / "data" / "raw"
    assert (raw / "letters" / f"{NEW_ID}.txt").read_bytes() == LETTER.read_bytes()
    draft = yaml.safe_load((raw / "figures" / f"{NEW_ID}.yaml").read_text(encoding="utf-8"))
    assert draft["source_id"] == NEW_ID
    assert all(f["note"].startswith("draft: confidence ") for f in draft["figures"])

    tables = build_tables(raw)

    figures = tables["figures"][tables["figures"]["source_id"] == NEW_ID]
    assert len(figures) == len(draft["figures"]) == 29
    mentions = tables["mentions"][tables["mentions"]["source_id"] == NEW_ID]
    assert (mentions["figure_id"].notna() | mentions["reason"].notna()).all()
    source = tables["sources"].set_index("source_id").loc[NEW_ID]
    assert source["kind"] == "cppcc_proposal_reply"
    assert source["doc_number"] == "2023103"  # as the letter states it
    assert source["date"] == pd_timestamp("2023-10-16")
    assert "DRAFT record" in source["note"] and "is not the source id's" in source["note"]


def test_the_sources_record_is_appended_after_the_bytes_already_there(
    project: Path, letter: Path
) -> None:
    sources = project / "data" / "raw" / "sources.yaml"
    before = sources.read_bytes()
    report = draft_letter(letter, NEW_ID, root=project)
    after = sources.read_bytes()
    assert report.source_added and after.startswith(before + b"\n- source_id: cppcc-9990001\n")
    assert report.summary().splitlines()[-2:] == [
        "appended a draft record of cppcc-9990001 to data/raw/sources.yaml",
        "review the draft (every note says 'draft:'), then run 'futian-indicators build'",
    ]


def _tree(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder``, with the files' bytes."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("failing", ["letters", "sources.yaml", "figures", "review"])
def test_a_failed_write_leaves_data_raw_as_it_was(
    project: Path, letter: Path, failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The letter, the sources record and the figures are written all or none: whichever write
    fails (here the letter's, the record's, the figures' or a new --out folder's), the files
    written before it are put back and the folders made for them removed."""
    out = project / "review" / "draft.yaml" if failing == "review" else None
    before = _tree(project)
    write = files.write_atomically

    def fail_at(path: Path, data: bytes) -> None:
        if failing in (path.name, path.parent.name):
            raise OSError(28, "No space left on device", str(path))
        write(path, data)

    monkeypatch.setattr(files, "write_atomically", fail_at)
    with pytest.raises(OSError, match="No space left on device"):
        draft_letter(letter, NEW_ID, root=project, out=out)
    assert _tree(project) == before


def test_the_draft_reads_back_as_the_figure_records_the_build_reads(
    project: Path, letter: Path
) -> None:
    """A draft figure carries the keys of a figure record: the raw reader gives them back."""
    report = draft_letter(letter, NEW_ID, root=project)
    raw = read_raw(project / "data" / "raw")
    assert raw.problems == []
    records = [r for r in raw.figures if r.source_id == NEW_ID]
    placed = [f for f in report.draft.figures if f.proposal is None]
    assert len(records) == len(placed) == 29
    for record, drafted in zip(records, placed, strict=True):
        labels = dict(drafted.labels)
        for key in (*FIGURE_KEYS, "note"):
            expected = labels[key] if key.endswith("_basis") else getattr(drafted, key)
            assert getattr(record, key) == expected, key
        assert record.alternative_reading is None


def pd_timestamp(text: str) -> object:
    import pandas as pd

    return pd.Timestamp(text)


def test_a_letter_that_states_nothing_about_itself_still_builds(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text("各位：\n\n全区国家高新技术企业达1600家，另有3个方案。\n", encoding="utf-8")
    assert extract(capsys, bare, "--source-id", "npc-2026001", "--root", project)[0] == 0
    tables = build_tables(project / "data" / "raw")
    source = tables["sources"].set_index("source_id").loc["npc-2026001"]
    assert source["kind"] == "npc_suggestion_reply"  # from the id's body, as the note says
    assert source["doc_number"] == "2026001"
    assert source["title_zh"] == "(no title stated: the reply to 2026001)"
    for words in ("kind follows the id's 'npc'", "names no issuer", "undated", "no title"):
        assert words in source["note"]
    figure = tables["figures"].set_index("figure_id").loc["npc-2026001/high-tech-enterprises-2025"]
    assert (figure["period"], figure["value"]) == ("2025-12-31", 1600.0)  # the year before 2026


def test_extract_refuses_to_overwrite_without_force(
    project: Path, letter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = (letter, "--source-id", NEW_ID, "--root", project)
    assert extract(capsys, *argv)[0] == 0
    target = project / "data" / "raw" / "figures" / f"{NEW_ID}.yaml"
    target.write_text("# reviewed by hand\n", encoding="utf-8")

    code, out, err = extract(capsys, *argv)

    assert (code, out) == (2, "")
    assert err == (
        f"futian-indicators: error: {str(target)!r} exists; pass --force to overwrite it\n"
    )
    assert target.read_text(encoding="utf-8") == "# reviewed by hand\n"
    assert extract(capsys, *argv, "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# DRAFT figures of cppcc-9990001")
    sources = (project / "data" / "raw" / "sources.yaml").read_text(encoding="utf-8")
    assert sources.count(f"source_id: {NEW_ID}") == 1  # the record is not appended twice


def test_extract_out_writes_elsewhere(
    project: Path, letter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "review" / "draft.yaml"
    code, stdout, _ = extract(
        capsys, letter, "--source-id", NEW_ID, "--root", project, "--out", out
    )
    assert code == 0 and out.is_file()
    assert "wrote review/draft.yaml: 31 number(s): 29 placed" in stdout  # relative to --root
    assert not (project / "data" / "raw" / "figures" / f"{NEW_ID}.yaml").exists()


@pytest.mark.parametrize("path", sorted((RAW / "letters").glob("*.txt")), ids=lambda p: p.stem)
def test_every_letters_draft_passes_the_builds_checks(path: Path) -> None:
    """What the build requires of each figure (quote once in the letter, quantity once in the
    quote, parsed value equal to the written one) holds for every draft figure of every letter."""
    letter = normalise(path.read_text(encoding="utf-8"))
    draft = draft_figures(letter, "cppcc-9990001", read_codebook(RAW))
    written = yaml.safe_load(render_figures(draft, path.name))
    assert draft.problems == []
    for figure in written["figures"]:
        passage = locate(letter, figure["quote"], figure["quantity"])
        q = parse_quantity(figure["quantity"])
        assert (q.value, q.unit, q.qualifier) == (
            figure["value"],
            figure["unit"],
            figure["qualifier"],
        )
        assert parse_period(figure["period"]).label == figure["period"]
        assert passage.part == next(
            (f.start, f.end) for f in draft.figures if f.slug == figure["slug"]
        )
    for entry in written.get("not_figures") or []:
        locate(letter, entry["quote"], entry["mention"])
    slugs = [f["slug"] for f in written["figures"]]
    assert len(slugs) == len(set(slugs))


# --- every bad input: one line, the right exit status ----------------------------------------


def _error(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    code, out, err = extract(capsys, *argv)
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("futian-indicators: error: ")
    assert "Traceback" not in err
    return code, err.removeprefix("futian-indicators: error: ").strip()


def test_missing_letter_is_a_usage_error(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.txt"
    code, message = _error(capsys, missing, "--source-id", NEW_ID, "--root", project)
    assert code == 2
    assert message == f"letter {str(missing)!r} not found; give the path of the letter's text file"


def test_letter_not_utf8_is_a_data_error(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("关于福田区的答复".encode("gb18030"))
    code, message = _error(capsys, gbk, "--source-id", NEW_ID, "--root", project)
    assert code == 1
    assert message == (
        f"letter {str(gbk)!r} is not UTF-8 (at byte 0); convert it first, e.g. with "
        "iconv -f GB18030 -t UTF-8"
    )


def test_empty_letter_is_a_data_error(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n\n", encoding="utf-8")
    code, message = _error(capsys, empty, "--source-id", NEW_ID, "--root", project)
    assert code == 1
    assert message == f"letter {str(empty)!r} is empty; give the text of the letter"


@pytest.mark.parametrize("bad", ["CPPCC-2025136", "cppcc_2025136", "2025136", "cppcc-"])
def test_malformed_source_id_is_a_usage_error(
    project: Path, letter: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, message = _error(capsys, letter, "--source-id", bad, "--root", project)
    assert code == 2
    assert message.startswith(f"source id {bad!r} is not <body>-<document number>")
    assert not list((project / "data" / "raw" / "letters").glob("*9990001*"))


def test_source_id_of_the_wrong_body_is_a_usage_error(
    project: Path, letter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, message = _error(capsys, letter, "--source-id", "npc-9990001", "--root", project)
    assert code == 2
    assert message == (
        "source id 'npc-9990001' names a npc_suggestion_reply but the letter's heading makes it "
        "a cppcc_proposal_reply (提案/政协: cppcc, 建议/人大: npc); use 'cppcc-9990001'"
    )


def test_source_id_of_another_letter_is_a_data_error(
    project: Path, letter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = "cppcc-2025136"
    (project / "data" / "raw" / "figures" / f"{other}.yaml").unlink()
    code, message = _error(capsys, letter, "--source-id", other, "--root", project)
    assert code == 1
    assert message.startswith(f"sources.yaml already describes {other!r}, with another sha256")


def test_no_project_is_a_usage_error(
    tmp_path: Path, letter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, message = _error(capsys, letter, "--source-id", NEW_ID, "--root", tmp_path)
    assert code == 2
    assert message.startswith(f"no data/raw folder in {str(tmp_path)!r}")


def test_source_id_is_required(letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = extract(capsys, letter)
    assert code == 2
    assert "the following arguments are required: --source-id" in err


# --- what the draft proposes -----------------------------------------------------------------


def entry(
    indicator: str, unit: str, measure: str, *aliases: str, base: str | None = None
) -> CodebookEntry:
    return CodebookEntry(indicator, unit, measure, aliases[0], aliases, base)


CODEBOOK = [
    entry("patent_grants", "count", "flow", "专利授权量"),
    entry("invention_patent_grants", "count", "flow", "发明专利授权量"),
    entry("invention_patent_grants_growth", "percent", "growth", "同比增长",
          base="invention_patent_grants"),
    entry("ip_pledge_financing_growth", "percent", "growth", "同比增长",
          base="ip_pledge_financing"),
    entry("ip_pledge_financing", "CNY", "flow", "知识产权质押融资登记金额"),
    entry("services_value_added", "CNY", "flow", "服务业增加值"),
    entry("finance_value_added", "CNY", "flow", "金融业增加值"),
    entry("enterprise_requests_received", "count", "stock", "受理企业诉求"),
    entry("ip_financing_promotion_events", "count", "flow", "活动"),
    entry("application_scenario_lists", "count", "flow", "场景清单"),
    entry("tech_industrial_space_added", "m2", "flow", "拓展科创产业空间"),
    entry("high_tech_enterprise_support_cap", "CNY", "ratio", "最高"),
    entry("national_major_platforms", "count", "stock", "国家重大平台"),
    entry("going_global_service_countries", "count", "stock", "覆盖国家"),
    entry("high_tech_enterprises", "count", "stock", "国家高新技术企业"),
]  # fmt: skip
DATED = Heading(date=dt.date(2023, 10, 16), doc_number="2023103")
UNDATED = Heading(doc_number="20250021")


def draft_of(text: str, heading: Heading = DATED) -> Draft:
    return draft_figures(normalise(text), "cppcc-2023103", CODEBOOK, heading)


def figure(text: str, quantity: str, heading: Heading = DATED) -> DraftFigure:
    found = [f for f in draft_of(text, heading).figures if f.quantity == quantity]
    assert len(found) == 1, f"no single draft figure for {quantity!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "quantity", "indicator", "period", "status"),
    [
        # the nearest alias before the number wins; the period frames the sentence
        ("2023年上半年，全区专利授权量10426件，其中发明专利授权量4133件。", "10426件",
         "patent_grants", "2023H1", "actual"),
        ("2023年上半年，全区专利授权量10426件，其中发明专利授权量4133件。", "4133件",
         "invention_patent_grants", "2023H1", "actual"),
        ("2023年辖区实现服务业增加值5135亿元、金融业增加值2450亿元。", "2450亿元",
         "finance_value_added", "2023", "actual"),
        # a shared alias goes to the indicator whose base stands nearest before
        ("其中发明专利授权量4133件，同比增长71.99%。", "71.99%",
         "invention_patent_grants_growth", "2023", "actual"),  # a growth: the year of the day
        ("2022年，实现知识产权质押融资登记金额139.21亿元，同比增长89.1%。", "89.1%",
         "ip_pledge_financing_growth", "2022", "actual"),
        ("2024年，实现知识产权质押融资登记金额139.21亿元。", "139.21亿元",
         "ip_pledge_financing", "2024", "target"),  # after the letter's year (2023)
        # periods
        ("截至2023年8月底，受理企业诉求2045条。", "2045条",  # 受理 counts: up to the day
         "enterprise_requests_received", "../2023-08-31", "actual"),
        ("2023年以来，举办8场活动。", "8场",
         "ip_financing_promotion_events", "2023-01-01/2023-10-16", "actual"),
        ("截至2022年底，园区建设取得进展。一方面，集聚国家重大平台10个。", "10个",
         "national_major_platforms", "2022-12-31", "actual"),
        ("辖区国家高新技术企业达1503家。", "1503家",
         "high_tech_enterprises", "2023-10-16", "actual"),
        # statuses; an alias the number stands inside (拓展 … 科创产业空间)
        ("2025年目标发布场景清单5个以上。", "5个以上",
         "application_scenario_lists", "2025", "target"),
        ("全年计划累计拓展15万平米科创产业空间。", "15万平米",
         "tech_industrial_space_added", "2023", "plan"),
        ("国家高新技术企业可获最高60万元支持。", "最高60万元",
         "high_tech_enterprise_support_cap", "2023-10-16", "policy"),
        ("汇聚跨国企业、覆盖56个国家。", "56个",
         "going_global_service_countries", "2023-10-16", "actual"),
    ],
)  # fmt: skip
def test_proposed_indicator_period_and_status(
    text: str, quantity: str, indicator: str, period: str, status: str
) -> None:
    f = figure(text, quantity)
    assert (f.indicator, f.period, f.status) == (indicator, period, status)


def test_an_undated_letter_reads_the_year_before_its_number() -> None:
    stock = figure("集聚国家重大平台10个。", "10个", UNDATED)
    flow = figure("其中发明专利授权量4133件。", "4133件", UNDATED)
    assert (stock.period, flow.period) == ("2024-12-31", "2024")
    assert "undated letter" in stock.note


def test_hetao_in_the_clause_or_opening_the_sentence() -> None:
    text = "河套合作区作为国家战略平台，已取得阶段性成果，集聚国家重大平台10个。"
    assert figure(text, "10个").geo == "hetao_shenzhen_park"
    assert figure("集聚国家重大平台10个，河套另有规划。", "10个").geo == "futian"


def test_the_note_carries_the_confidence_and_the_reasons() -> None:
    f = figure("全区专利授权量10426件。", "10426件")
    assert f.confidence == 0.8  # the alias is in the phrase; the period is not stated
    assert f.note.startswith(
        "draft: confidence 0.8; indicator from alias “专利授权量” (before the number, same phrase)"
    )
    assert "period ../2023-10-16 from no period words" in f.note  # a flow: up to the date


def test_a_number_with_no_alias_is_a_proposed_new_indicator_accounted_for() -> None:
    draft = draft_of("现场发布1个总体方案。专利授权量10426件。")
    proposed = [f for f in draft.figures if f.proposal is not None]
    assert [(f.quantity, f.quote) for f in proposed] == [("1个", "现场发布1个总体方案")]
    assert proposed[0].indicator.startswith("new:")
    written = yaml.safe_load(render_figures(draft, "reply.txt"))
    (entry,) = written["not_figures"]
    assert (entry["quote"], entry["mention"]) == ("现场发布1个总体方案", "1个")
    assert entry["reason"].startswith("draft: new indicator proposed: name_zh 现场发布")
    assert NOT_PLACED_REASON not in entry["reason"]


def test_quotes_are_widened_until_they_occur_once() -> None:
    text = "PCT申请量539件，全市第3。有效发明专利29292件，全市第3。"
    book = [CodebookEntry("rank", "rank", "rank", "排名第3", ("第3",))]
    draft = draft_figures(normalise(text), "cppcc-2023103", book, DATED)
    assert [f.quote for f in draft.figures if f.proposal is None] == [
        "PCT申请量539件，全市第3",
        "有效发明专利29292件，全市第3",
    ]


def test_the_draft_reads_back_as_written() -> None:
    text = "每万人口有效发明专利187.76件，综合融资成本仅1.79%/年，规模达4.37亿元，共3家。"
    book = [
        CodebookEntry("a", "count", "stock", "有效发明专利", ("有效发明专利",)),
        CodebookEntry("b", "percent", "rate", "综合融资成本", ("综合融资成本",)),
        CodebookEntry("c", "CNY", "flow", "规模", ("规模",)),
    ]
    draft = draft_figures(normalise(text), "cppcc-2023103", book, DATED)
    read = yaml.safe_load(render_figures(draft, "reply.txt"))
    placed = [f for f in draft.figures if f.proposal is None]
    for written, f in zip(read["figures"], placed, strict=True):
        expected = {
            key: getattr(f, key)
            for key in ("slug", "indicator", "geo", "period", "status", "quote", "quantity",
                        "value", "unit", "qualifier", "note")
        }  # fmt: skip
        assert written == expected | dict(f.labels)
        assert isinstance(written["value"], int | float)


# --- the heading -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    yaml.safe_load((RAW / "sources.yaml").read_text(encoding="utf-8")),
    ids=lambda r: r["source_id"],
)
def test_the_heading_gives_the_curated_source_record(record: dict[str, object]) -> None:
    text = normalise((RAW / "letters" / f"{record['source_id']}.txt").read_text(encoding="utf-8"))
    heading = read_heading(text.text)
    for key in ("kind", "doc_number", "session_zh", "title_zh", "issuer_zh", "recipients_zh",
                "date"):  # fmt: skip
        assert getattr(heading, key) == record[key], key


def test_the_codebook_is_read_from_the_project() -> None:
    book = {e.indicator_id: e for e in read_codebook(RAW)}
    assert book["gdp"].aliases_zh[:2] == ("地区生产总值", "GDP")


# --- the synthetic corpus of the build benchmark keeps working -------------------------------


def test_the_synthetic_corpus_builds(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_scaling", ROOT / "benchmarks" / "build_scaling.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    root = module.make_corpus(tmp_path / "corpus", 7)
    tables = build_tables(root / "data" / "raw")
    assert len(tables["sources"]) == 7
    assert tables["figures"]["source_id"].nunique() == 7
