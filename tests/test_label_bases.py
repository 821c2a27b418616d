"""Label bases: every bad input stops the build, naming file, figure and fix; nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import futian_indicators as fi
from futian_indicators.build.tables import build_tables
from futian_indicators.cli import main
from futian_indicators.errors import ArgumentError, BuildError, UnknownValueError

Edit = Callable[[str, str, str], None]
GDP_FILE = "figures/cppcc-2025136.yaml"
GDP = "figure 'cppcc-2025136/gdp-2024'"
GDP_EVIDENCE = '    evidence:\n      geo: {passage: "福田作为深圳中心城区", words: "福田"}\n'


def _outputs(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and "raw" not in p.parts}


def fails(project: Path, edit: Edit, relative: str, old: str, new: str) -> str:
    """Build, break the raw data, and return the problems; the build must have written nothing."""
    assert main(["build", "--root", str(project)]) == 0
    before = _outputs(project)
    edit(relative, old, new)
    assert main(["build", "--root", str(project)]) == 1
    assert _outputs(project) == before
    with pytest.raises(BuildError) as info:
        build_tables(project / "data" / "raw")
    return str(info.value)


def test_evidence_whose_words_do_not_give_the_label(project: Path, edit: Edit) -> None:
    message = fails(project, edit, GDP_FILE, 'words: "福田"}', 'words: "深圳中心城区"}')
    assert "cppcc-2025136.yaml:" in message and GDP in message
    assert "geo 'futian' rests on the evidence ['深圳中心城区'], whose words give 'shenzhen'" in (
        message
    )
    assert "give the words that state 'futian', or correct the label" in message


def test_evidence_not_in_the_letter(project: Path, edit: Edit) -> None:
    message = fails(project, edit, GDP_FILE, "福田作为深圳中心城区", "福田作为上海中心城区")
    assert "cppcc-2025136.yaml:" in message and GDP in message
    assert "evidence for geo: quote '福田作为上海中心城区' is not in the letter" in message
    assert "must occur once in the letter" in message


def test_context_without_evidence(project: Path, edit: Edit) -> None:
    message = fails(project, edit, GDP_FILE, GDP_EVIDENCE, "")
    assert "cppcc-2025136.yaml:" in message
    assert "geo_basis is context but there is no evidence for geo; add evidence:" in message


def test_evidence_for_a_label_whose_basis_is_not_context(project: Path, edit: Edit) -> None:
    message = fails(project, edit, GDP_FILE, "geo_basis: context", "geo_basis: convention")
    assert "evidence for geo, whose basis is 'convention', not 'context'" in message


def test_malformed_evidence(project: Path, edit: Edit) -> None:
    message = fails(project, edit, GDP_FILE, 'words: "福田"}', 'word: "福田"}')
    assert "evidence geo" in message and "is malformed; expected words occurring once" in message


def test_an_unknown_basis(project: Path, edit: Edit) -> None:
    message = fails(project, edit, GDP_FILE, "period_basis: quote", "period_basis: quoted")
    assert "period_basis 'quoted' is not allowed (did you mean 'quote'?)" in message


def test_judgement_without_a_reason(project: Path, edit: Edit) -> None:
    message = fails(project, edit, GDP_FILE, "period_basis: quote", "period_basis: judgement")
    assert "cppcc-2025136.yaml:" in message
    assert "the basis of period is judgement but there is no note; give the reason" in message


def test_doubtful_without_a_reason(project: Path, edit: Edit) -> None:
    message = fails(
        project,
        edit,
        GDP_FILE,
        "    note: null\n",
        "    doubtful: true\n",
    )
    assert "is doubtful but has no note" in message


def test_the_letter_date_convention_on_an_undated_letter(project: Path, edit: Edit) -> None:
    old = "slug: hetao-international-institutions-2024\n    indicator: international_institutions\n"
    message = fails(
        project,
        edit,
        "figures/npc-20250021.yaml",
        old + '    geo: hetao_zone\n    geo_basis: context\n    period: "2024-12-31"\n'
        "    period_basis: judgement",
        old + '    geo: hetao_zone\n    geo_basis: context\n    period: "2024-12-31"\n'
        "    period_basis: convention",
    )
    assert "npc-20250021.yaml:" in message
    assert "figure 'npc-20250021/hetao-international-institutions-2024'" in message
    assert "rests on the convention 'letter_date', but the letter has no date" in message


def test_the_letter_date_convention_gives_only_the_letters_date(project: Path, edit: Edit) -> None:
    message = fails(
        project,
        edit,
        "figures/cppcc-2023103.yaml",
        'period: "2023-10-16"\n    period_basis: convention',
        'period: "2023-10-15"\n    period_basis: convention',
    )
    assert "allows only '2023-10-16' (a stock) or '../2023-10-16' (a count up to now)" in message


def test_a_flow_dated_as_of(project: Path, edit: Edit) -> None:
    message = fails(
        project,
        edit,
        "figures/cppcc-20210091.yaml",
        'period: "../2021-07-20"\n    period_basis: judgement',
        'period: "2021-07-20"\n    period_basis: judgement',
    )
    assert "cppcc-20210091.yaml:" in message
    assert "figure 'cppcc-20210091/ip-securitization-amount-2021'" in message
    assert "period '2021-07-20' dates a flow (indicator 'ip_securitization_amount'" in message
    assert "write '../2021-07-20' (counted up to that day)" in message


def test_a_quote_that_does_not_state_its_label(project: Path, edit: Edit) -> None:
    message = fails(project, edit, GDP_FILE, 'period: "2024"', 'period: "2023"')
    assert GDP in message
    assert "period '2023' rests on the quote, but the quote's words give '2024'" in message


def test_the_convention_of_an_area_is_the_district(project: Path, edit: Edit) -> None:
    labels = (
        '    period: "2024"\n    period_basis: quote\n'
        "    status: actual\n    status_basis: convention\n"
    )
    old = "    geo: futian\n    geo_basis: context\n" + labels + GDP_EVIDENCE
    new = "    geo: shenzhen\n    geo_basis: convention\n" + labels
    message = fails(project, edit, GDP_FILE, old, new)
    assert "geo 'shenzhen' rests on the convention 'district', which gives only 'futian'" in message


# --- the loaders -----------------------------------------------------------------------------


def test_the_labels_filter() -> None:
    every = fi.load_figures()
    documented = fi.load_figures(labels="documented")
    words = fi.load_figures(labels="words")
    assert list(documented.columns) == list(every.columns) == list(words.columns)
    bases = ["period_basis", "geo_basis", "status_basis"]
    assert not documented[bases].isin(["judgement"]).any(axis=None)
    assert not documented["doubtful"].any()
    assert documented["status"].ne("derived").all()
    assert words[bases].isin(["quote", "context"]).all(axis=None)
    assert set(words["figure_id"]) <= set(documented["figure_id"]) < set(every["figure_id"])


def test_an_unknown_labels_filter_names_the_allowed_values() -> None:
    with pytest.raises(UnknownValueError, match="unknown labels filter 'word': did you mean"):
        fi.load_figures(labels="word")


def test_older_versions_load_with_their_own_columns() -> None:
    old = fi.load_figures(version="1.0.0")
    assert "period_basis" not in old.columns and len(old) > 0
    assert fi.load_figures(version="1.0.0", labels="any").equals(old)
    mentions = fi.load_mentions(version="1.0.0")
    assert {"start", "end"} <= set(mentions.columns)
    evidence = fi.load_evidence(version="1.0.0")
    assert evidence.empty
    assert list(evidence.columns) == list(fi.load_evidence().columns)


def test_labels_on_a_version_without_bases_is_refused() -> None:
    with pytest.raises(ArgumentError, match=r"data version 1\.0\.0 does not record"):
        fi.load_figures(version="1.0.0", labels="documented")
