"""The documentation's examples stay true."""

from __future__ import annotations

import math
import re

import pytest

from futian_indicators import parse_quantity

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
