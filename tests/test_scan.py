"""The one scan of the finder: its guard on the rules passes over no place a rule starts at.

At a digit, the scan tries the rules on the text only where what follows the number is what
some rule has after it (:data:`~futian_indicators.language.mention_rules.RULES_MAY_START`). Each
rule says what that is (``Rule.after_number``); these tests hold every rule to what it says, and
the guarded scan to the scan without the guard.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from futian_indicators.language import mention_rules
from futian_indicators.language.mention_rules import RULES, RULES_MAY_START, Rule, scan_pattern
from futian_indicators.language.normalise import normalise

from .grammar_scoring import heldout_cases

LETTERS = sorted(
    (Path(__file__).resolve().parent.parent / "data" / "raw" / "letters").glob("*.txt")
)
_GUARD = re.compile(RULES_MAY_START)
_UNGUARDED = re.compile(scan_pattern(""))
_DIGITS = "0123456789０１２３٣"


def _starts_with_digit(rule: Rule) -> bool:
    return "\\d" in rule.first or "0-9" in rule.first


def _alphabet(rule: Rule) -> str:
    """The characters a rule's matches are made of, with digits, points and white space."""
    literal = {c for c in rule.pattern if not c.isascii() or c.isalnum() or c in "+-*:./~"}
    return "".join(sorted(literal | set(_DIGITS + ".．  \t编码邮政aZ")))


def _scan(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(*m.span(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_a_rule_that_may_start_with_a_digit_says_what_follows_its_number(rule: Rule) -> None:
    assert (rule.after_number is not None) == _starts_with_digit(rule)


@pytest.mark.parametrize("rule", [r for r in RULES if _starts_with_digit(r)], ids=lambda r: r.name)
def test_every_match_of_a_rule_at_a_digit_passes_the_guard(rule: Rule) -> None:
    compiled = re.compile(rule.pattern)

    @settings(max_examples=400, deadline=None, derandomize=True)
    @given(st.text(alphabet=_alphabet(rule), max_size=30))
    def check(text: str) -> None:
        for start, char in enumerate(text):
            if char.isdigit() and compiled.match(text, start):
                assert _GUARD.match(text, start), (rule.name, text, start)

    check()


@pytest.mark.parametrize("rule", [r for r in RULES if _starts_with_digit(r)], ids=lambda r: r.name)
def test_the_examples_of_a_rule_at_a_digit_pass_the_guard(rule: Rule) -> None:
    function = getattr(mention_rules, f"_{rule.name}_rule")
    examples = re.findall(r">>> _find\(_\w+\(\), \"([^\"]*)\"\)", function.__doc__ or "")
    assert examples, rule.name
    compiled = re.compile(rule.pattern)
    for text in examples:
        for m in compiled.finditer(text):
            if m.group(0)[0].isdigit():
                assert _GUARD.match(text, m.start()), (rule.name, m.group(0))


def test_the_guard_passes_over_numbers_no_rule_starts_with() -> None:
    for words in ["5948.82亿元", "3个企业", "42%", "1100 亿元", "20余场"]:
        assert _GUARD.match(words) is None, words
    for words in ["2024年", "3个月", "5G", "1:1", "20+8", "3.0版本", "500强", "1-5月"]:
        assert _GUARD.match(words) is not None, words


def test_the_guarded_scan_is_the_scan_without_the_guard() -> None:
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in LETTERS]
    texts += [text for _construct, text, _gold in heldout_cases()]
    guarded = mention_rules.scan_re()
    for text in texts:
        assert _scan(guarded, text) == _scan(_UNGUARDED, text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.text(
        alphabet=_DIGITS + ".．:：/-至年月日号个天+×大强亿万级版”A G邮编码热线（）、。，第超约余",
        max_size=40,
    )
)
def test_the_guarded_scan_is_the_scan_without_the_guard_on_any_text(text: str) -> None:
    assert _scan(mention_rules.scan_re(), text) == _scan(_UNGUARDED, text)
