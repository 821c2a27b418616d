"""The build's faster paths give exactly what the plain ones give.

``normalise`` works on runs of characters (and returns at once when there is nothing to drop);
the reference below is the character-by-character loop it replaced. ``mention_spans`` is
``extract_quantities`` without readings or a data frame. ``measure_table`` (and
``measure_columns``, its row for one match) reads the common measures in integers, all at once,
and must read them as ``quantity_from_match`` does.
"""

from __future__ import annotations

import gc
import re
import string

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from futian_indicators.errors import QuantityParseError
from futian_indicators.language import context, grammar, mention_rules, mention_table, mentions
from futian_indicators.language import measure_columns as measure_columns_module
from futian_indicators.language.grammar import QUANTITY_RE
from futian_indicators.language.lexicon import (
    AFTER_NUMBER_QUALIFIERS,
    BARE_MULTIPLIER_QUALIFIERS,
    MULTIPLIERS,
    PER_AREA_WORDS,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    SET_PHRASES,
    UNIT_WORDS,
)
from futian_indicators.language.measure_columns import measure_columns, measure_table
from futian_indicators.language.mentions import extract_quantities, mention_spans
from futian_indicators.language.normalise import _dropped_spans, _is_ascii_word, normalise
from futian_indicators.language.quantity import quantity_from_match

from .conftest import RAW
from .grammar_cases import CASES
from .grammar_scoring import heldout_cases

LETTERS = sorted((RAW / "letters").glob("*.txt"))


def reference_normalise(raw: str) -> tuple[str, tuple[int, ...]]:
    """Normalisation one character at a time (the implementation of data 0.2.0)."""
    dropped = bytearray(len(raw))
    for start, end in _dropped_spans(raw):
        dropped[start:end] = b"\x01" * (end - start)
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    for index, char in enumerate(raw):
        if dropped[index]:
            continue
        if char.isspace():
            if pending_space < 0:
                pending_space = index
            continue
        if pending_space >= 0 and chars and _is_ascii_word(chars[-1]) and _is_ascii_word(char):
            chars.append(" ")
            offsets.append(pending_space)
        pending_space = -1
        chars.append(char)
        offsets.append(index)
    return "".join(chars), tuple(offsets)


def test_normalise_equals_the_reference_on_every_letter() -> None:
    for path in LETTERS:
        raw = path.read_text(encoding="utf-8")
        result = normalise(raw)
        assert (result.text, result.offsets) == reference_normalise(raw), path.name


TRICKY = st.text(
    alphabet=st.sampled_from([*" \t\n\r\u3000\u00a0\x0b*#", *"aZ09", *"。中文，", *string.digits]),
    max_size=40,
)


@settings(max_examples=3000, deadline=None)
@given(TRICKY)
def test_normalise_equals_the_reference(raw: str) -> None:
    result = normalise(raw)
    assert (result.text, result.offsets) == reference_normalise(raw)


def test_mention_spans_are_the_extractors_mentions() -> None:
    for path in LETTERS:
        text = normalise(path.read_text(encoding="utf-8")).text
        frame = extract_quantities(text)
        expected = list(zip(frame["start"], frame["end"], frame["kind"], strict=True))
        assert mention_spans(text) == expected, path.name


# --- measure_columns: the integer path reads what quantity_from_match reads -------------------

#: Words of the grammar (qualifiers, multipliers, unit words, numbers) to join at random.
_WORDS = (
    *PRE_QUALIFIERS,
    *POST_QUALIFIERS,
    *AFTER_NUMBER_QUALIFIERS,
    *BARE_MULTIPLIER_QUALIFIERS,
    *MULTIPLIERS,
    *UNIT_WORDS,
    *(f"/{word}" for word in PER_AREA_WORDS),
    *("0", "00", "1", "5", "25", "100", "1100", "0.5", "0.50", "3.14", "5948.82", "1,234"),
    *("１２", "．", "12345678901234567890", "123456789012345678901", "七", "两", "十", "第"),
    *("-", "至", "分之", "/", "翻", "番", "翻了", "多", "成", " ", "\u3000"),
    # the words around a slash that make it a share, a date or service hours
    *(
        "／",
        "占",
        "的",
        "为",
        "截至",
        "于",
        "在",
        "召开",
        "前",
        "日",
        "小时",
        "服务",
        "24",
        "7",
        "12",
        "31",
    ),
)
_OUTERS = (
    (None, None),
    ("under_closed", None),
    (None, "per_1k_people"),
    ("at_least", "per_10k_people"),
)


_NO_READING = (float("nan"), None, None, float("nan"), float("nan"), float("nan"), float("nan"))


def _general(m: re.Match[str], outer: str | None, unit: str | None) -> object:
    try:
        q = quantity_from_match(m, outer=outer, unit=unit)
    except QuantityParseError:
        return None
    return (q.value, q.unit, q.qualifier, q.lower, q.upper, q.lower_lenient, q.upper_lenient)


def _same_as_the_grammar(text: str) -> None:
    found = list(QUANTITY_RE.finditer(text))
    for m in found:
        for outer, unit in _OUTERS:
            # repr: NaN, inf and -0.0 compare as written
            assert repr(measure_columns(m, outer, unit)) == repr(_general(m, outer, unit)), (
                m.group(0),
                outer,
                unit,
            )
    # all of them at once, each with the words around it of another turn of _OUTERS
    for turn in range(len(_OUTERS)):
        around = [_OUTERS[(row + turn) % len(_OUTERS)] for row in range(len(found))]
        outers, units = [o for o, _ in around], [u for _, u in around]
        table = measure_table(found, outers, units)
        rows = zip(*(table[name].tolist() for name in mention_table.READING_COLUMNS), strict=True)
        for m, (outer, unit), row in zip(found, around, rows, strict=True):
            assert repr(row) == repr(_general(m, outer, unit) or _NO_READING), (m.group(0), outer)


def test_measure_columns_read_the_letters_and_sentences_as_the_grammar() -> None:
    texts = [normalise(path.read_text(encoding="utf-8")).text for path in LETTERS]
    texts += [text for _, text, _ in CASES] + [text for _, text, _ in heldout_cases()]
    # white space inside a number and around it (a rank is no number with words around it)
    texts += ["第 1 234，前1 234，超 1 234 亿元，1 234-1 235亿元，约 1,234.50 万元以上"]
    # numbers read in float64 and in integers side by side (more than 12 digits, 10**-25)
    texts += ["3个、12345678901234567890亿元、0.0000000000000000000000005%、5.5亿元、3个"]
    for text in texts:
        _same_as_the_grammar(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7))
def test_a_match_without_the_form_groups_is_a_number_with_words(words: list[str]) -> None:
    # where the groups of the other forms are None, so is every group but the words and number
    rest = set(QUANTITY_RE.groupindex) - {"num", *measure_columns_module._WORD_KEY}
    for m in QUANTITY_RE.finditer("".join(words)):
        if m.group(*measure_columns_module._FORM_GROUPS) == measure_columns_module._NO_FORM:
            assert {name: m[name] for name in rest} == dict.fromkeys(rest), m.group(0)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7))
def test_measure_columns_read_any_words_as_the_grammar(words: list[str]) -> None:
    _same_as_the_grammar("".join(words))


# --- the grammar's look-aheads before a range and a fraction only skip what cannot match -----

_UNGUARDED = re.compile(
    QUANTITY_RE.pattern.replace(grammar._RANGE_AHEAD, "").replace(grammar._FRACTION_AHEAD, "")
)
_RANGE_WORDS = (*_WORDS, *"-~～—–－至到", "分之", "万分之", "百分之", "三分之二", "点五", "十二")


def _matches(pattern: re.Pattern[str], text: str) -> list[object]:
    """The match at every place of a text (not only where a scan would try)."""
    found = (pattern.match(text, start) for start in range(len(text)))
    return [(m.span(), m.groupdict()) for m in found if m is not None]


def test_the_look_aheads_are_in_the_grammar() -> None:
    assert grammar._RANGE_AHEAD in QUANTITY_RE.pattern
    assert grammar._FRACTION_AHEAD in QUANTITY_RE.pattern
    assert _UNGUARDED.pattern != QUANTITY_RE.pattern


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_RANGE_WORDS), min_size=1, max_size=8))
def test_the_grammar_matches_as_without_its_look_aheads(words: list[str]) -> None:
    text = "".join(words)
    assert _matches(QUANTITY_RE, text) == _matches(_UNGUARDED, text)


def test_the_grammar_matches_the_letters_as_without_its_look_aheads() -> None:
    for path in LETTERS:
        text = normalise(path.read_text(encoding="utf-8")).text
        assert _matches(QUANTITY_RE, text) == _matches(_UNGUARDED, text), path.name


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*context._CLAUSE_END, *"ab中最高"]), max_size=20),
    st.integers(0, 20),
    st.integers(0, 15),
)
def test_the_clause_before_a_number_is_cut_at_its_last_end(
    text: str, start: int, reach: int
) -> None:
    before = text[max(0, start - reach) : start]
    cut = max(before.rfind(c) for c in context._CLAUSE_END)  # the loop it replaced
    assert context._clause_before(text, start, reach) == before[cut + 1 :]


def test_the_collector_runs_as_before_after_a_scan() -> None:
    assert gc.isenabled()
    extract_quantities("超1100亿元，2024年")
    mention_spans("超1100亿元")
    assert gc.isenabled()
    gc.disable()
    try:
        extract_quantities("超1100亿元")
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- the finder's look-ups stand for what they replaced ------------------------------------


def test_the_number_characters_are_those_of_the_expression() -> None:
    everything = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    matched = {c for c in everything if context._NUMBER_CHAR_RE.fullmatch(c)}
    assert matched == context.NUMBER_CHARS


def test_the_bare_number_groups_are_those_of_the_grammar() -> None:
    # a match with no rank and no unit is bare exactly where these groups are None
    rest = [g for g in grammar._MEASURE_GROUPS if g not in ("unit", "rank")]
    assert list(mentions._OTHER_MEASURE_GROUPS) == rest
    assert mentions._QUANTITY_GROUPS == ("pre", "rank", "num", "unit")
    assert (None,) * len(rest) == mentions._NO_MEASURE


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=6)), max_size=30))
def test_a_column_of_words_is_what_pandas_makes(words: list[str | None]) -> None:
    made, expected = mention_table.strings(words), pd.array(words, dtype=mention_table.STRING)
    assert made.dtype == expected.dtype
    assert made.tolist() == expected.tolist()
    assert pa.array(made).type == pa.array(expected).type


def test_the_table_has_the_dtypes_of_the_plain_construction() -> None:
    text = normalise(LETTERS[0].read_text(encoding="utf-8")).text
    frame = extract_quantities(text)
    plain = pd.DataFrame({c: np.array(frame[c].tolist(), dtype=object) for c in frame.columns})
    plain = plain.astype({c: str(t) for c, t in frame.dtypes.items()})
    pd.testing.assert_frame_equal(frame, plain)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(["最高", "最多", "不超过", "每千人口", "每万人", "奖励", "，", "3"])),
    st.integers(0, 40),
)
def test_a_number_with_nothing_before_it_is_not_qualified(words: list[str], start: int) -> None:
    text = "".join(words)
    start = min(start, len(text))
    if not context.may_be_qualified(text, start):
        assert context.distant_reading(text, start) is None
        assert context.population_unit(text, start) is None


_BEFORE_WORDS = [*_WORDS, "最高", "不超过", "每千人口", "每万人", "奖励", "，", "2024"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_WORDS), max_size=9))
def test_a_quantity_with_no_number_before_it_touches_none(words: list[str]) -> None:
    # the finder's common quantity: a unit word, and no number character or slash before it
    text = "".join(words)
    for m in QUANTITY_RE.finditer(text):
        start = m.start()
        if m["unit"] is not None and not (start and text[start - 1] in context.NUMBER_OR_SLASH):
            assert not context.touches_number(text, m), m.group(0)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_WORDS), max_size=12))
def test_the_qualifiable_places_are_those_of_may_be_qualified(words: list[str]) -> None:
    text = "".join(words)
    places = context.qualifiable_places(text)
    expected = [context.may_be_qualified(text, start) for start in range(len(text) + 1)]
    assert [bool(places[start]) for start in range(len(text) + 1)] == expected


def test_no_set_phrase_holds_a_digit() -> None:
    # the finder drops a set phrase whole, without looking for digits in it
    assert mention_rules.RULE_BY_NAME["set_phrase"].kind is None
    assert [phrase for phrase in SET_PHRASES if re.search(r"\d", phrase)] == []


def test_a_column_of_words_without_arrow_is_made_by_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    words = ["超四成", None, "第一"]
    monkeypatch.setattr(mention_table, "_ARROW_TYPE", None)
    made = mention_table.strings(words)
    expected = pd.array(words, dtype=mention_table.STRING)
    assert made.dtype == expected.dtype
    assert made.tolist() == expected.tolist()
