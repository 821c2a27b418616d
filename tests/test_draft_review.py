"""The review report of a draft: least sure labels first, in the terminal and as a page."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from futian_indicators.cli import main
from futian_indicators.drafting import CodebookEntry, draft_figures
from futian_indicators.drafting.heading import Heading
from futian_indicators.drafting.review import review_labels, review_lines, review_page
from futian_indicators.language.normalise import normalise

DATED = Heading(date=dt.date(2026, 3, 2), doc_number="2026001")
BOOK = [CodebookEntry("maker_spaces", "count", "stock", "众创空间", ("众创空间",))]
TEXT = "2025年，全区建成众创空间41个。目标新增孵化器<b>8</b>个。全市举办路演活动300场。"


def draft():  # type: ignore[no-untyped-def]
    return draft_figures(normalise(TEXT), "cppcc-2026001", BOOK, DATED)


def test_the_least_sure_labels_come_first_with_what_they_rest_on() -> None:
    labels = review_labels(draft())
    confidences = [r.confidence for r in labels]
    assert confidences == sorted(confidences)
    first = labels[0]
    assert (first.label, first.basis) == ("indicator", "proposed")  # a proposed new indicator
    assert first.rests_on.startswith("new indicator proposed: name_zh")
    assert all(r.confidence < 0.7 for r in labels)
    sure = [r for r in labels if r.figure.quantity == "41个"]
    assert {r.label for r in sure} <= {"geo", "status"}  # its indicator and period are sure


def test_the_terminal_report_names_each_label_its_value_and_basis() -> None:
    lines = review_lines(draft(), limit=2)
    assert lines[0].startswith("review first (")
    assert re.match(r"  0\.\d indicator new:\S+ \(proposed\) of \S+ \[", lines[1])
    assert lines[-1].startswith("  … and ")


def test_the_page_escapes_the_letter_and_allows_no_script() -> None:
    page = review_page(draft())
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in html.unescape(page) and "<script" not in page
    assert "<b>" not in page and "&lt;b&gt;" in page
    shown = [float(c) for c in re.findall(r'<td class="c">([\d.]+)</td>', page)]
    assert shown and shown == sorted(shown)  # least sure first
    assert "<mark>300场</mark>" in page


def test_extract_writes_the_review_page(project: Path, tmp_path: Path) -> None:
    letter = tmp_path / "reply.txt"
    letter.write_text(
        "关于第2026001号提案的答复\n\n" + TEXT + "\n\n2026年3月2日\n", encoding="utf-8"
    )
    page = tmp_path / "review.html"
    code = main(["extract", str(letter), "--source-id", "cppcc-2026001", "--root", str(project),
                 "--review", str(page)])  # fmt: skip
    assert code == 0
    assert "least sure first" in page.read_text(encoding="utf-8")


def test_the_draft_file_lists_the_least_sure_labels_at_its_top() -> None:
    from futian_indicators.drafting import render_figures

    text = render_figures(draft(), "reply.txt")
    head = text[: text.index("source_id:")]
    assert "# review first (" in head
    assert "#   - 0." in head
