"""The build's faster paths give exactly what the plain ones give.

``normalise`` works on runs of characters (and returns at once when there is nothing to drop);
the reference below is the character-by-character loop it replaced. ``mention_spans`` is
``extract_quantities`` without readings or a data frame.
"""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from futian_indicators.language.mentions import extract_quantities, mention_spans
from futian_indicators.language.normalise import _dropped_spans, _is_ascii_word, normalise

from .conftest import RAW

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
