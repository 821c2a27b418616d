"""A letter's page: every number marked by what accounts for it, every inserted text escaped."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import futian_indicators as fi
from futian_indicators import _resources
from futian_indicators.cli import main
from futian_indicators.letter_page import page
from futian_indicators.letters import read_letter

from .conftest import ROOT

SOURCES = list(fi.load_sources()["source_id"])
MARKUP = '<script>document.title="owned"</script><b onmouseover="x()">bold</b>&amp;'


class _Elements(HTMLParser):
    """Every element of a page: tag and attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def letter_figures(source_id: str) -> set[str]:
    figures = fi.load_figures(source=source_id)
    return set(figures.loc[figures["status"] != "derived", "figure_id"])


def marked_letter(source_id: str = "cppcc-2025136") -> str:
    """The letter's page with markup before its text and in a quote and a figure's note."""
    letter = read_letter(source_id)
    shift = len(MARKUP) + 2
    first = next(iter(letter.figures.values()))
    figures = dict(letter.figures)
    figures[first.figure_id] = dataclasses.replace(first, quote=MARKUP, note=MARKUP)
    marks = tuple(
        dataclasses.replace(m, start=m.start + shift, end=m.end + shift) for m in letter.marks
    )
    text = MARKUP + "\n\n" + letter.text
    return page(dataclasses.replace(letter, text=text, marks=marks, figures=figures))


@pytest.mark.parametrize("source_id", SOURCES)
def test_every_figure_has_one_mark_and_every_other_number_a_reason(source_id: str) -> None:
    elements = parse(fi.render_letter(source_id)).elements
    marked = [a["data-figure-id"] for _, a in elements if "data-figure-id" in a]
    assert sorted(marked) == sorted(letter_figures(source_id))
    mentions = fi.load_mentions(source=source_id)
    others = mentions[mentions["figure_id"].isna()]
    reasons = [a for _, a in elements if "data-reason" in a]
    assert len(reasons) == len(others)
    assert all(a["data-reason"] for a in reasons)


@pytest.mark.parametrize("source_id", SOURCES)
def test_every_row_links_to_its_mark_and_every_mark_to_its_row(source_id: str) -> None:
    elements = parse(fi.render_letter(source_id)).elements
    ids = {a["id"] for _, a in elements if a.get("id")}
    links = {
        a["href"][1:] for tag, a in elements if tag == "a" and (a.get("href") or "")[:1] == "#"
    }
    assert links <= ids
    rows = [a["data-row-for"] for _, a in elements if "data-row-for" in a]
    assert sorted(rows) == sorted(letter_figures(source_id))


def test_a_mark_carries_the_figures_values_checks_and_status_badge() -> None:
    html = fi.render_letter("cppcc-2025136")
    mark = re.search(r'<a class="fig st-actual" id="fig-gdp-2024".*?</a>', html)
    assert mark is not None
    for words in ["5,948.82 亿元", "[5,948.815, 5,948.825] 亿元", "地区生产总值", "2024 (year)"]:
        assert words in mark.group(), words
    checks = fi.load_checks()
    ids = checks.loc[checks["figure_ids"].str.contains("cppcc-2025136/gdp-2024"), "check_id"]
    assert all(check_id in mark.group() for check_id in ids)


@pytest.mark.parametrize("source_id", SOURCES)
def test_a_marks_badge_names_its_status_in_words_unless_actual(source_id: str) -> None:
    badges = re.findall(
        r'<sup class="badge st-(\w+)">\[\d+(?: (\w+))?\]', fi.render_letter(source_id)
    )
    assert len(badges) == len(letter_figures(source_id))
    assert all(word == ("" if status == "actual" else status) for status, word in badges)


def test_markup_in_a_letter_quote_or_note_is_shown_as_text() -> None:
    html = marked_letter()
    parsed = parse(html)
    assert [tag for tag, _ in parsed.elements].count("script") == 1  # the page's own
    assert not any(tag == "b" and "onmouseover" in a for tag, a in parsed.elements)
    assert MARKUP in "".join(parsed.text)


def test_the_page_asks_for_nothing_over_the_network() -> None:
    html = fi.render_letter("npc-20240294")
    policy = next(a["content"] for t, a in parse(html).elements if a.get("http-equiv"))
    assert policy is not None
    assert "default-src 'none'" in policy
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)


def test_the_package_ships_each_letter_byte_for_byte() -> None:
    for row in fi.load_sources().itertuples():
        raw = (ROOT / row.raw_path).read_bytes().decode()
        assert _resources.letter(row.source_id) == raw


def test_a_released_version_renders_with_its_own_figures() -> None:
    html = fi.render_letter("cppcc-2025136", version="1.0.0")
    assert "data version</dt><dd>1.0.0" in html
    # 1.0.0 labels the biomedicine multiple 2020/2024, which 2.0.0 corrected to 2021/2024: the
    # page of 1.0.0 shows 1.0.0's label, not today's.
    multiple = "cppcc-2025136/biomedicine-industry-size-growth-multiple-2020-2024"
    old = fi.load_figures(version="1.0.0").set_index("figure_id").loc[multiple, "period"]
    new = fi.load_figures().set_index("figure_id").loc[multiple, "period"]
    assert old != new
    assert old in html and old not in fi.render_letter("cppcc-2025136")


def test_cli_prints_the_letter_with_its_figures_marked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["letter", "cppcc-2025136"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\[5948\.82亿元\]\[\d+\]", out)
    assert "gdp-2024" in out


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.html"
    assert main(["letter", "npc-20240294", "--html", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == fi.render_letter("npc-20240294")
    assert str(out) in capsys.readouterr().out


def test_cli_names_an_unknown_letter(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["letter", "cppcc-2025137"]) == 2
    assert "unknown source 'cppcc-2025137'" in capsys.readouterr().err
