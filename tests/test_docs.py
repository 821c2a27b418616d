"""The documentation's examples stay true."""

from __future__ import annotations

import importlib
import math
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType

import pytest

from futian_indicators import parse_quantity, vocab
from futian_indicators.language import lexicon, readings

from .conftest import ROOT

METHOD = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
EXAMPLES = METHOD.split("Examples, in the letters' own words:")[1].split("###")[0]
ROWS = re.findall(r"^\| (\S+) \| (\S.*?) \| (\S.*?) \|$", EXAMPLES, flags=re.MULTILINE)[1:]


def _interval(text: str) -> tuple[float, float, bool, bool]:
    left, right = text[0], text[-1]
    lower, upper = (float(x.replace(",", "").replace("∞", "inf")) for x in text[1:-1].split(", "))
    return lower, upper, left == "[", right == "]"


@pytest.mark.parametrize(("words", "strict", "lenient"), ROWS)
def test_method_examples(words: str, strict: str, lenient: str) -> None:
    q = parse_quantity(words)
    lower, upper, lower_closed, upper_closed = _interval(strict)
    assert (q.lower, q.upper) == (lower, upper)
    assert q.strict.lower_closed == lower_closed
    assert q.strict.upper_closed == (upper_closed and not math.isinf(upper))
    expected = (lower, upper) if lenient == "the same" else _interval(lenient)[:2]
    assert (q.lower_lenient, q.upper_lenient) == expected


def test_the_examples_were_found() -> None:
    assert len(ROWS) == 8


_PACKAGE = ROOT / "src" / "futian_indicators"
MODULES = sorted(
    ".".join(p.relative_to(_PACKAGE).with_suffix("").parts).removesuffix(".__init__")
    for p in _PACKAGE.rglob("*.py")
    if p.stem != "__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    import doctest
    import importlib

    module = importlib.import_module(f"futian_indicators.{name}".removesuffix(".__init__"))
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


# ---------------------------------------------------------------------------------------------
# the grammar's tables, generated for the docs from the code (docs/_ext/grammar_tables.py)
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def grammar_tables() -> ModuleType:
    sys.path.insert(0, str(ROOT / "docs" / "_ext"))
    try:
        return importlib.import_module("grammar_tables")
    finally:
        sys.path.remove(str(ROOT / "docs" / "_ext"))


def test_the_qualifier_table_has_every_reading_word_and_qualifier(
    grammar_tables: ModuleType,
) -> None:
    page = grammar_tables.qualifiers_page()
    cells = re.findall(r"`([a-z_]+)`", page)
    assert set(readings.RULES) | {"range"} <= set(cells)
    assert set(vocab.CURATED_QUALIFIERS) <= set(cells)
    words = {*lexicon.READING_OF_WORD, *lexicon.DISTANT_QUALIFIERS, *lexicon.RANGE_SEPARATORS}
    assert [w for w in words if w not in page] == []


def test_the_qualifier_table_examples_are_the_grammars_reading(
    grammar_tables: ModuleType,
) -> None:
    page = grammar_tables.qualifiers_page()
    q = parse_quantity("30万余元")
    assert "| 30万余元 | (300,000, 310,000) | [300,000, 310,000] |" in page
    assert grammar_tables.interval_text(q.strict) == "(300,000, 310,000)"
    assert "| 1/3 | percent | `exact` | 33.3333 | [16.6667, 50] | [16.6667, 66.6667] |" in page


def test_the_qualifier_formulas_come_from_the_rules(
    grammar_tables: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert grammar_tables.rule_formulas("more_written") == ("(x, x+u)", "[x, x+u]")
    assert grammar_tables.rule_formulas("under_open") == ("[L, x)", "[L, x+h']")
    rules = dict(readings.RULES)
    monkeypatch.setattr(readings, "RULES", {**rules, "over": rules["at_least"]})
    assert grammar_tables.rule_formulas("over")[0] == "[x, ∞)"  # the page follows the code
    doubled = readings.to_interval(Decimal(2) * 1000, None)  # a rule no formula describes
    monkeypatch.setattr(readings, "RULES", {**rules, "over": lambda s: (doubled, doubled)})
    with pytest.raises(ValueError, match="the lower end of the reading 'over' fits none"):
        grammar_tables.rule_formulas("over")


def test_the_readings_docstring_table_is_the_generated_one(grammar_tables: ModuleType) -> None:
    doc = readings.__doc__ or ""
    rows = re.findall(r"^(\w+) +(\w+) +(\S.*?\S)  +(\S.*\S)$", doc, flags=re.MULTILINE)
    table = {reading: (column, strict, lenient) for reading, column, strict, lenient in rows}
    for reading in readings.RULES:
        expected = (readings.QUALIFIER_OF_READING[reading], *grammar_tables.rule_formulas(reading))
        assert table[reading] == expected


def test_the_units_table_has_every_unit_and_unit_word(grammar_tables: ModuleType) -> None:
    page = grammar_tables.units_page()
    assert [u for u in vocab.UNITS if f"| `{u}` |" not in page] == []
    assert [w for w in lexicon.UNIT_WORDS if w not in page] == []
    forms = grammar_tables.unit_forms()  # read by the grammar, not typed in
    assert forms["percent"][:2] == ["三分之一", "1/3"]
    assert forms["per_1k_people"] == ["每千人口床位4.2张"]


def test_the_mention_kinds_table_has_every_kind(grammar_tables: ModuleType) -> None:
    page = grammar_tables.mention_kinds_page()
    assert [k for k in vocab.MENTION_KINDS if f"| `{k}` |" not in page] == []
    assert all(reason in page for reason in vocab.MENTION_REASONS.values())
    assert grammar_tables.kind_examples("ratio") == ["1:1"]


def test_no_two_candidate_formulas_agree_on_the_probes(grammar_tables: ModuleType) -> None:
    def on_probes(formula: Callable[[readings.Stated], Decimal | None]) -> tuple[object, ...]:
        return tuple(formula(p) for p in grammar_tables._PROBES)

    seen = [on_probes(f) for f in grammar_tables._END_FORMULAS.values()]
    assert len(set(seen)) == len(seen)
