"""Text normalisation and its offset map."""

import pytest

from futian_indicators.language.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("超 1100 亿元", "超1100亿元"),
        ("新能源产业推\n\n动", "新能源产业推动"),
        ("**新能源产业推**\n\n动", "新能源产业推动"),
        ("### **三是优化金融服务**", "三是优化金融服务"),
        ("的问题，\n\n\n\n4\n\n对接", "的问题，对接"),
        ("关于对 TA 20210091“坚持", "关于对TA 20210091“坚持"),
        ("芯片接口 IP 等", "芯片接口IP等"),
        ("深 圳 市 福 田 区", "深圳市福田区"),
        ("1.79%/年", "1.79%/年"),
    ],
)
def test_normalise_removes_pdf_artefacts_only(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


def test_a_number_ending_a_line_inside_a_sentence_is_not_a_page_number() -> None:
    assert normalise("开展 7\n\n场国高企业").text == "开展7场国高企业"
    assert normalise("载体 15\n\n家").text == "载体15家"


def test_offsets_map_every_character_back_to_the_same_raw_character() -> None:
    raw = " 深 圳\n\n**超 1100 亿元**\n\n4\n\nTA  2021"
    text = normalise(raw)
    for index, char in enumerate(text.text):
        assert char == " " or raw[text.offsets[index]] == char


def test_raw_span_round_trips_through_normalisation() -> None:
    raw = "规模达 5.98\n\n亿元，服务"
    text = normalise(raw)
    start = text.text.index("5.98亿元")
    raw_start, raw_end = text.raw_span(start, start + len("5.98亿元"))
    assert raw[raw_start:raw_end] == "5.98\n\n亿元"
    assert normalise(raw[raw_start:raw_end]).text == "5.98亿元"


def test_raw_span_refuses_an_empty_span() -> None:
    with pytest.raises(IndexError, match="not a non-empty span"):
        normalise("abc").raw_span(2, 2)


def test_find_all_finds_overlapping_occurrences() -> None:
    assert normalise("aaa").find_all("aa") == [0, 1]
