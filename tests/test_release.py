"""Data versions, diff, citation, the CFF file, export, the data package, the release command."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

import futian_indicators as fi
from futian_indicators.build import schema
from futian_indicators.build.pipeline import release
from futian_indicators.build.tables import build_tables
from futian_indicators.cli import main
from futian_indicators.errors import BuildError, CurationError, StaleDataError, UnknownValueError
from futian_indicators.versions import diff_figures

from .conftest import ROOT

LOADERS = tuple(getattr(fi, f"load_{name}") for name in schema.SCHEMAS)


# ------------------------------------------------------------------------------ versions


def test_every_loader_round_trips_the_current_version() -> None:
    for loader in LOADERS:
        pd.testing.assert_frame_equal(loader(version=fi.DATA_VERSION), loader())


def test_every_released_version_stays_loadable() -> None:
    versions = fi.data_versions()
    assert versions["current"].sum() == 1
    released = versions.dropna(subset=["date_released"])
    assert "1.0.0" in set(released["version"])
    for version in released["version"]:
        figures = fi.load_figures(version=version)
        assert len(figures) == int(released.set_index("version").loc[version, "figures"])


def test_an_unknown_version_names_the_valid_ones() -> None:
    # a prefix names the versions it begins, newest first; else the closest spellings
    with pytest.raises(
        UnknownValueError, match=r"unknown data version '1\.0': did you mean '1\.0\.0'\?"
    ):
        fi.load_figures(version="1.0")
    with pytest.raises(UnknownValueError, match=r"'2': did you mean '2\.1\.0', '2\.0\.0'\?"):
        fi.load_figures(version="2")
    with pytest.raises(UnknownValueError, match=r"'1\.1\.1': did you mean '1\.1\.0'"):
        fi.load_figures(version="1.1.1")


def test_diff_of_a_version_with_itself_is_empty() -> None:
    assert fi.diff(fi.DATA_VERSION).empty
    assert list(fi.diff(fi.DATA_VERSION).columns) == [
        "figure_id",
        "change",
        "field",
        "before",
        "after",
    ]


def test_diff_of_two_fixture_versions() -> None:
    old = fi.load_figures().head(4)
    new = old.copy()
    new.loc[1, "value"] = 1503.0 if new.loc[1, "value"] != 1503.0 else 1504.0
    new = pd.concat([new.drop(index=2), fi.load_figures().iloc[[10]]], ignore_index=True)
    changes = diff_figures(old, new)
    removed, added = old.loc[2, "figure_id"], fi.load_figures().loc[10, "figure_id"]
    assert set(changes.loc[changes["change"] == "removed", "figure_id"]) == {removed}
    assert set(changes.loc[changes["change"] == "added", "figure_id"]) == {added}
    changed = changes[changes["change"] == "changed"]
    assert list(changed["field"]) == ["value"]
    assert changed.iloc[0]["before"] == repr(float(old.loc[1, "value"]))


# ------------------------------------------------------------------------------ citation


@pytest.mark.parametrize("style", ["apa", "bibtex", "text"])
def test_the_dataset_citation_names_version_and_content_hash(style: str) -> None:
    citation = fi.cite(style=style)
    assert fi.DATA_VERSION in citation
    manifest = json.loads((ROOT / "src/futian_indicators/data/manifest.json").read_text())
    assert manifest["content_sha256"][:16] in citation


def test_a_figure_citation_names_its_letter_and_quotes_it() -> None:
    apa = fi.cite("cppcc-2023103/high-tech-enterprises-2023")
    assert apa.startswith(
        "福田区科技创新局. (2023, October 16). 关于全力推进福田建设中国式现代化的都市型科创区的建议"
    )
    assert "Reply to CPPCC proposal No. 2023103" in apa
    assert "“辖区国家高新技术企业达1503家”" in apa
    bibtex = fi.cite("cppcc-2023103/high-tech-enterprises-2023", style="bibtex")
    assert bibtex.startswith("@misc{cppcc_2023103_high_tech_enterprises_2023,")
    assert bibtex.count("@misc{") == 2


def test_a_figure_of_an_undated_letter_says_so() -> None:
    text = fi.cite("npc-20250021/rd-expenditure-2024", style="text")
    assert "undated" in text
    assert "issuer not stated" in text


def test_cite_refuses_unknown_figures_and_styles() -> None:
    with pytest.raises(UnknownValueError, match="unknown figure id 'cppcc-2023103/high-tech"):
        fi.cite("cppcc-2023103/high-tech-enterprises-2022")
    with pytest.raises(UnknownValueError, match="unknown citation style 'mla'"):
        fi.cite(style="mla")


def test_cite_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cite", "--style", "bibtex"]) == 0
    assert capsys.readouterr().out.startswith("@misc{futian_indicators_")


def test_citation_cff_is_true() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["type"] == "dataset"
    assert f" {cff['title']} (Version " in fi.cite()  # one title, whichever way it is cited
    assert f"title = {{{{{cff['title']}}}}}" in fi.cite(style="bibtex")
    assert cff["version"] == fi.DATA_VERSION  # the current data is always a released version
    released = fi.data_versions().set_index("version").loc[fi.DATA_VERSION, "date_released"]
    assert cff["date-released"] == released.strftime("%Y-%m-%d")
    references = {ref["number"]: ref for ref in cff["references"]}
    sources = fi.load_sources()
    assert set(references) == set(sources["doc_number"])
    for source in sources.to_dict("records"):
        ref = references[source["doc_number"]]
        assert ref["title"] == source["title_zh"]
        assert source["source_id"] in ref["notes"]
        if isinstance(source["issuer_zh"], str):
            assert ref["authors"] == [{"name": source["issuer_zh"]}]
        dated = source["date"].strftime("%Y-%m-%d") if pd.notna(source["date"]) else None
        assert ref.get("date-published") == dated


# -------------------------------------------------------------------- export and datapackage


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_export_writes_every_table(fmt: str, tmp_path: Path) -> None:
    assert main(["export", "--format", fmt, "--out", str(tmp_path / "out")]) == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted([*(f"{t}.{fmt}" for t in schema.SCHEMAS), "datapackage.json"])
    if fmt == "parquet":
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "out" / "figures.parquet"), fi.load_figures()
        )
    if fmt == "json":
        records = json.loads((tmp_path / "out" / "figures.json").read_text(encoding="utf-8"))
        assert len(records) == len(fi.load_figures())
        assert {r["upper"] for r in records if isinstance(r["upper"], str)} == {"INF"}


def test_export_refuses_a_file_as_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x")
    assert main(["export", "--out", str(tmp_path / "file")]) == 2
    assert "exists and is not a folder" in capsys.readouterr().err


def test_the_data_package_is_valid() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(ROOT / "data" / "processed" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((ROOT / "data" / "processed" / "datapackage.json").read_text())
    assert package["$schema"].startswith("https://datapackage.org/profiles/2.0/")
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    assert figures["schema"]["primaryKey"] == ["figure_id"]
    assert {
        "fields": ["source_id"],
        "reference": {"resource": "sources", "fields": ["source_id"]},
    } in figures["schema"]["foreignKeys"]


# ------------------------------------------------------------------------------- releasing


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A built copy of the project: raw data, changelog, processed data, release archive."""
    for part in ("data/raw", "data/releases"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "CHANGELOG.md", tmp_path / "CHANGELOG.md")
    assert main(["build", "--root", str(tmp_path)]) == 0
    return tmp_path


def _set_version(root: Path, version: str, released: str | None) -> None:
    path = root / "data" / "raw" / "dataset.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(f'version: "{fi.DATA_VERSION}"', f'version: "{version}"')
    text = re.sub(r"(?m)^date_released: .*$", f"date_released: {released or 'null'}", text)
    path.write_text(text, encoding="utf-8")


def test_releasing_the_released_version_again_changes_nothing(checkout: Path) -> None:
    # released first under a version of its own, so that the test holds whatever data is current
    _set_version(checkout, "1.9.0", "2026-12-01")
    changelog = checkout / "CHANGELOG.md"
    changelog.write_text("## Data 1.9.0\n\n- a test\n" + changelog.read_text(encoding="utf-8"))
    assert main(["build", "--root", str(checkout)]) == 0
    assert "released data version 1.9.0" in release(checkout)
    assert main(["build", "--root", str(checkout)]) == 0  # the package ships the new archive
    before = (checkout / "data/releases/index.json").read_bytes()
    assert "already released" in release(checkout)
    assert (checkout / "data/releases/index.json").read_bytes() == before


def test_a_new_version_needs_a_date_a_changelog_entry_and_a_build(checkout: Path) -> None:
    _set_version(checkout, "1.9.0", None)
    assert main(["build", "--root", str(checkout)]) == 0
    with pytest.raises(CurationError, match="set date_released"):
        release(checkout)
    _set_version(checkout, "1.9.0", "2026-12-01")
    with pytest.raises(StaleDataError, match="processed data is stale"):
        release(checkout)
    assert main(["build", "--root", str(checkout)]) == 0
    with pytest.raises(CurationError, match=r"CHANGELOG\.md has no entry 'Data 1\.9\.0'"):
        release(checkout)
    changelog = checkout / "CHANGELOG.md"
    changelog.write_text("## Data 1.9.0\n\n- a test\n" + changelog.read_text(encoding="utf-8"))
    assert "released data version 1.9.0" in release(checkout)
    index = json.loads((checkout / "data/releases/index.json").read_text())
    assert set(index["versions"]) == set(fi.data_versions()["version"]) | {"1.9.0"}
    # unchanged tables are stored once: one file per distinct table of all versions
    files = list((checkout / "data/releases/tables").iterdir())
    named = {t["file"] for v in index["versions"].values() for t in v["tables"].values()}
    assert len(files) == len(named)


def test_a_released_version_is_never_rewritten(checkout: Path) -> None:
    figures = checkout / "data/raw/figures/cppcc-2025136.yaml"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("note: null", "note: new", 1), encoding="utf-8"
    )
    assert main(["build", "--root", str(checkout)]) == 0
    with pytest.raises(CurationError, match="already released with other contents; bump version"):
        release(checkout)


# ---------------------------------------------------------------------------------- errata


def test_the_errata_table_is_loadable_in_every_version() -> None:
    for version in fi.data_versions()["version"]:
        errata = fi.load_errata(version=version)
        assert list(errata.columns) == list(schema.ERRATA.columns)


def _correct_a_period(project: Path, after: str) -> None:
    figures = project / "data" / "raw" / "figures" / "cppcc-2023103.yaml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(
        text.replace(
            'period: "2023-10-16"\n    period_basis: convention',
            'period: "2023-10-15"\n    period_basis: judgement',  # not the letter's date
            1,
        ),
        encoding="utf-8",
    )
    (project / "data" / "raw" / "errata.yaml").write_text(
        "errata:\n  - figure_id: cppcc-2023103/high-tech-enterprises-2023\n    field: period\n"
        f'    before: "2023-10-16"\n    after: "{after}"\n    version: "9.0.1"\n'
        "    date: 2026-12-01\n    reason: a test\n",
        encoding="utf-8",
    )


def test_a_correction_is_recorded(project: Path) -> None:
    _correct_a_period(project, "2023-10-15")
    errata = build_tables(project / "data" / "raw")["errata"]
    assert errata.loc[0, "figure_id"] == "cppcc-2023103/high-tech-enterprises-2023"
    assert (errata.loc[0, "before"], errata.loc[0, "after"]) == ("2023-10-16", "2023-10-15")


def test_an_erratum_must_match_the_figure(project: Path) -> None:
    _correct_a_period(project, "2023-10-14")
    with pytest.raises(BuildError, match="says after '2023-10-14' but the figure has '2023-10-15'"):
        build_tables(project / "data" / "raw")
