"""The held-out letters' gold (tests/heldout/letters) against their letters and the grammar.

The checks the README there lists as "Checked when they were written", kept true for every
letter: each quote (figure or not_figures) is in its letter once, each quantity once in its
quote and read by the grammar as the gold's value, unit and qualifier, each evidence text is
in the letter once (or a passage once with its words once in it), and every measure mention of
the letter is a gold figure's quantity at its place or a not_figures entry.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from futian_indicators.language.mentions import MEASURE_KINDS, mention_spans
from futian_indicators.language.normalise import NormalisedText, locate, normalise
from futian_indicators.language.quantity import parse_quantity

from .conftest import ROOT

LETTERS = sorted((ROOT / "tests" / "heldout" / "letters").glob("*.txt"))


def _read(txt: Path) -> tuple[NormalisedText, dict[str, Any]]:
    gold = yaml.safe_load(txt.with_suffix(".yaml").read_text(encoding="utf-8"))
    return normalise(txt.read_text(encoding="utf-8")), gold


def _evidence_items(figure: dict[str, Any]) -> list[str | dict[str, str]]:
    items: list[str | dict[str, str]] = []
    for entry in (figure.get("evidence") or {}).values():
        items += entry if isinstance(entry, list) else [entry]
    return items


def test_every_held_out_letter_has_its_gold() -> None:
    assert len(LETTERS) >= 5  # the five written so far: a letter lost is a failure
    for txt in LETTERS:
        _, gold = _read(txt)
        assert gold["source_id"] == txt.stem
        slugs = [f["slug"] for f in gold["figures"]]
        assert len(slugs) == len(set(slugs)), f"{txt.stem}: a slug is repeated"


@pytest.mark.parametrize("txt", LETTERS, ids=lambda p: p.stem)
def test_quotes_quantities_and_evidence_are_in_the_letter(txt: Path) -> None:
    letter, gold = _read(txt)
    for f in gold["figures"]:
        locate(letter, f["quote"], f["quantity"])  # raises, naming the quote, unless once each
        q = parse_quantity(f["quantity"])
        assert math.isclose(q.value, f["value"], rel_tol=1e-9), f["slug"]
        assert (q.unit, q.qualifier) == (f["unit"], f["qualifier"]), f["slug"]
        for item in _evidence_items(f):
            if isinstance(item, dict):
                locate(letter, item["passage"], item["words"])
            else:
                found = len(letter.find_all(normalise(item).text))
                assert found == 1, f"{f['slug']}: evidence {item!r} occurs {found} times"
    for record in gold.get("not_figures") or []:
        locate(letter, record["quote"], record["mention"])


@pytest.mark.parametrize("txt", LETTERS, ids=lambda p: p.stem)
def test_every_measure_mention_is_a_gold_figure_or_not_figure(txt: Path) -> None:
    letter, gold = _read(txt)
    figures = {locate(letter, f["quote"], f["quantity"]).part for f in gold["figures"]}
    reasons = [locate(letter, r["quote"], r["mention"]).part for r in gold.get("not_figures") or []]
    measures = {(s, e) for s, e, kind in mention_spans(letter.text) if kind in MEASURE_KINDS}
    assert figures <= measures, [letter.text[s:e] for s, e in sorted(figures - measures)]
    unaccounted = [
        letter.text[s:e]
        for s, e in sorted(measures - figures)
        if not any(a < e and s < b for a, b in reasons)
    ]
    assert not unaccounted
