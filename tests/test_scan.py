"""The one scan of the finder: its guard on the rules passes over no place a rule starts at.

At a digit, the scan tries the rules on the text only where what follows the number is what
some rule has after it (:data:`~futian_indicators.language.mention_rules.RULES_MAY_START`). Each
rule says what that is (``Rule.after_number``); these tests hold every rule to what it says, and
the guarded scan to the scan without the guard.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from futian_indicators.language import grammar, mention_rules
from futian_indicators.language.grammar import QUANTITY_RE
from futian_indicators.language.lexicon import (
    MULTIPLIERS,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    SET_PHRASE_NOT_BEFORE,
    SET_PHRASES,
    UNIT_WORDS,
)
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


# ---------------------------------------------------------------------------------------------
# set phrases, matched from their first character another alternative may start with
# ---------------------------------------------------------------------------------------------


def _from_the_start() -> Rule:
    """The set phrases matched from their first character (进一步 from 进), longest first."""
    words = sorted(SET_PHRASES, key=lambda w: (-len(w), w))
    guard = {word: f"(?![{SET_PHRASE_NOT_BEFORE[word]}])" for word in SET_PHRASE_NOT_BEFORE}
    pattern = "|".join(re.escape(word) + guard.get(word, "") for word in words)
    return Rule("set_phrase", None, re.escape("".join({w[0] for w in words})), pattern)


_FROM_THE_START = re.compile(scan_pattern(rules=(_from_the_start(), *RULES[1:])))


def _ends_of_set_phrases(scan: list[tuple[int, int, str | None]]) -> list[tuple[int, ...]]:
    """The scan's matches, a set phrase by its end only (it is dropped, and starts later)."""
    return [(end,) if name == "set_phrase" else (start, end) for start, end, name in scan]


def test_a_set_phrase_starts_where_another_alternative_may_start() -> None:
    rule = RULES[0]
    assert rule.name == "set_phrase"
    matched = {m.group(0) for m in re.finditer(rule.pattern, "，".join(SET_PHRASES))}
    # 进一步, 新一代, 唯一, 每千人口, 破四唯: from the numeral, the rest looked at behind
    assert {"一步", "一代", "一", "千人口", "四唯"} <= matched
    assert {"第一时间", "近零碳", "三位一体"} <= matched  # 第, 近 and 三 start other alternatives
    assert not {"进", "新", "唯", "统", "每", "破"} & set(rule.first)  # passed over at once


def test_the_scan_finds_the_set_phrases_it_found_from_their_start() -> None:
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in LETTERS]
    texts += [text for _construct, text, _gold in heldout_cases()]
    texts += [
        "，".join(SET_PHRASES),
        "".join(SET_PHRASES),
        "3进一步，超新一代，每千人口4.2张，统一1",
    ]
    texts += ["唯一体", "统一站式", "新一代表", "破四同步"]  # a phrase that began before wins
    scan = mention_rules.scan_re()
    for text in texts:
        found = _ends_of_set_phrases(_scan(scan, text))
        assert found == _ends_of_set_phrases(_scan(_FROM_THE_START, text)), text[:40]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.text(
        alphabet="".join(sorted(set("".join(SET_PHRASES)))) + "0123.个亿元超约第，", max_size=30
    )
)
def test_the_scan_finds_the_set_phrases_it_found_from_their_start_on_any_text(text: str) -> None:
    found = _ends_of_set_phrases(_scan(mention_rules.scan_re(), text))
    assert found == _ends_of_set_phrases(_scan(_FROM_THE_START, text))


# ---------------------------------------------------------------------------------------------
# how the patterns are written
# ---------------------------------------------------------------------------------------------

_sre_parse = getattr(re, "_parser", None)
_ONE_CHARACTER = {"LITERAL", "NOT_LITERAL", "IN", "ANY", "CATEGORY"}


def _one_character(items: object) -> bool:
    """Whether a parsed part is one character (what the engine repeats without saving groups)."""
    parts = list(items)  # type: ignore[call-overload]
    if len(parts) != 1:
        return False
    op, av = parts[0]
    if str(op) == "SUBPATTERN":
        return av[0] is None and _one_character(av[-1])
    return str(op) in _ONE_CHARACTER


def _optional_repeats(pattern: str) -> list[str]:
    """The parts ``X?`` of a pattern where X is more than one character, by their parse."""
    assert _sre_parse is not None
    found: list[str] = []

    def walk(items: object) -> None:
        for op, av in items:  # type: ignore[attr-defined]
            name = str(op)
            if name in {"MAX_REPEAT", "MIN_REPEAT"}:
                _low, high, item = av
                if high == 1 and not _one_character(item):
                    found.append(str(item)[:80])
                walk(item)
            elif name == "POSSESSIVE_REPEAT":
                walk(av[2])
            elif name == "SUBPATTERN":
                walk(av[-1])
            elif name == "BRANCH":
                for branch in av[1]:
                    walk(branch)
            elif name in {"ASSERT", "ASSERT_NOT"}:
                walk(av[1])
            elif name == "GROUPREF_EXISTS":
                walk(av[1])
                if av[2] is not None:
                    walk(av[2])
            elif name == "ATOMIC_GROUP":
                walk(av)

    walk(_sre_parse.parse(pattern))
    return found


@pytest.mark.skipif(_sre_parse is None, reason="this Python has no re._parser")
def test_the_check_of_optional_parts_finds_a_repeat_over_more_than_one_character() -> None:
    assert _optional_repeats(r"(?:ab)?c") != []
    assert _optional_repeats(r"(?P<x>a)?") != []
    assert _optional_repeats(r"x(?=(?:\d\d)?y)") != []
    assert _optional_repeats(r"a?(?:b)?[cd]?(?:ab|)(?:x|y)?\d++(?:ab)++") == []


@pytest.mark.skipif(_sre_parse is None, reason="this Python has no re._parser")
def test_no_optional_part_of_the_scan_is_a_repeat() -> None:
    assert _optional_repeats(QUANTITY_RE.pattern) == []
    assert _optional_repeats(scan_pattern()) == []


# ---------------------------------------------------------------------------------------------
# a list of words as a tree of their characters
# ---------------------------------------------------------------------------------------------


def _as_list(words: list[str], guard: Callable[[str], str]) -> str:
    """The words one after another, longest first: what the tree must match as."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) + guard(w) for w in ordered) + ")"


_WORD_LISTS = {
    "units": (list(UNIT_WORDS), grammar._unit_guard),
    "qualifiers": (list(PRE_QUALIFIERS), grammar._qualifier_guard),
    "multipliers": (list(MULTIPLIERS), grammar._multiplier_guard),
    "post": ([w for w in POST_QUALIFIERS if w != "多"], grammar._word_guard),
}


@pytest.mark.parametrize("name", _WORD_LISTS)
def test_a_tree_of_words_matches_as_the_words_longest_first(name: str) -> None:
    words, guard = _WORD_LISTS[name]
    tree = re.compile(f"(?:{grammar._alternation(words, guard)})(?P<after>次|元|/|\\Z|)")
    listed = re.compile(f"{_as_list(words, guard)}(?P<after>次|元|/|\\Z|)")
    alphabet = "".join(sorted(set("".join(words)))) + "5签附次元/"

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.text(alphabet=alphabet, max_size=8))
    def check(text: str) -> None:
        for start in range(len(text) + 1):
            a, b = tree.match(text, start), listed.match(text, start)
            assert (a and a.regs) == (b and b.regs), (text, start)

    check()
    for word in words:  # every word, and every word cut short
        for text in (word, word[:-1], "5" + word, "签" + word + "次"):
            for start in range(len(text)):
                a, b = tree.match(text, start), listed.match(text, start)
                assert (a and a.regs) == (b and b.regs), (text, start)
