"""The word readers of a figure's labels: every example of the format, and words giving nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from futian_indicators.language.labels import geo_labels, period_labels, status_labels

LETTER_DATE = dt.date(2023, 10, 16)


@pytest.mark.parametrize(
    ("words", "measure", "expected"),
    [
        ("2024年", "flow", {"2024"}),
        ("2024年度", "flow", {"2024"}),
        ("2023年上半年", "flow", {"2023H1"}),
        ("2023年下半年", "flow", {"2023H2"}),
        ("2023年第三季度", "flow", {"2023Q3"}),
        ("2023年3季度", "flow", {"2023Q3"}),
        ("2023年8月", "flow", {"2023-08"}),
        ("截至2023年6月底", "stock", {"2023-06-30", "../2023-06-30"}),
        ("截至2023年6月底", "flow", {"../2023-06-30"}),
        ("截至2024年底", "stock", {"2024-12-31", "../2024-12-31"}),
        ("2024年末", "stock", {"2024-12-31", "../2024-12-31"}),
        ("截至2023年8月", "stock", {"2023-08-31", "../2023-08-31"}),
        ("截至2023年8月31日", "stock", {"2023-08-31", "../2023-08-31"}),
        ("2023年以来", "flow", {"2023-01-01/2023-10-16"}),
        ("自2020年起", "flow", {"2020-01-01/2023-10-16"}),
        ("2020年至今", "flow", {"2020-01-01/2023-10-16"}),
        ("2023年1-4月", "flow", {"2023-01-01/2023-04-30"}),
        ("2023年1月至4月", "flow", {"2023-01-01/2023-04-30"}),
        ("2021-2023年", "flow", {"2021/2023"}),
        ("2021年至2023年", "flow", {"2021/2023"}),
        ("2024年；3年累计增长7.6倍", "growth", {"2024", "2022/2024"}),
        ("2024年；三年翻两番", "growth", {"2024", "2022/2024"}),
        ("2024年较2020年", "growth", {"2024", "2021/2024"}),
        ("2024年；多年稳居深圳第一", "rank", {"2024", "../2024"}),
        ("2023年；全年", "flow", {"2023"}),
        ("2023年；今年", "flow", {"2023"}),
        ("2023年；当年", "flow", {"2023"}),
        ("当前", "stock", {"2023-10-16", "../2023-10-16"}),
        ("目前", "flow", {"../2023-10-16"}),
        ("截至目前", "stock", {"2023-10-16", "../2023-10-16"}),
        ("至今", "stock", {"2023-10-16", "../2023-10-16"}),
        ("截至今日", "stock", {"2023-10-16", "../2023-10-16"}),
        # 截至今年底 is the year's end, never the letter's date (the 今 and 至今 inside it)
        ("截至今年底", "stock", {"2023-12-31", "../2023-12-31"}),
        ("到今年末", "flow", {"../2023-12-31"}),
        ("2024年实现地区生产总值5948.82亿元", "flow", {"2024"}),
        ("2024年国家高新技术企业1503家", "stock", {"2024", "2024-12-31"}),
    ],
)
def test_period_words_give_their_labels(words: str, measure: str, expected: set[str]) -> None:
    assert period_labels(words, letter_date=LETTER_DATE, measure=measure) == expected


@pytest.mark.parametrize(
    "words",
    [
        "",
        "多年稳居深圳第一",  # 多年 needs a year in the words
        "3年累计增长7.6倍",  # so does 3年
        "全年",  # and 全年
        "较2020年",  # and a base year
        "年底",
        "第5年",
        "实现3天内响应",
        "超1100亿元",
        "2024",  # a year needs 年
        "上半年",
    ],
)
def test_words_without_a_period_give_nothing(words: str) -> None:
    assert period_labels(words, letter_date=LETTER_DATE, measure="flow") == frozenset()


@pytest.mark.parametrize("words", ["当前", "目前", "截至目前", "2023年以来"])
def test_an_undated_letter_gives_no_current_period(words: str) -> None:
    assert period_labels(words, letter_date=None, measure="stock") == frozenset()


def test_a_day_that_does_not_exist_gives_nothing() -> None:
    assert period_labels("截至2023年2月30日", letter_date=None, measure="stock") == frozenset()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("福田", {"futian"}),
        ("福田区", {"futian"}),
        ("全区", {"futian"}),
        ("我区", {"futian"}),
        ("辖区", {"futian"}),
        ("本区", {"futian"}),
        ("深圳市福田区", {"futian"}),
        ("全市", {"shenzhen"}),
        ("深圳", {"shenzhen"}),
        ("深圳市", {"shenzhen"}),
        ("河套深港科技创新合作区", {"hetao_zone"}),
        ("河套深港科技创新合作区深圳园区", {"hetao_shenzhen_park"}),
        ("深圳园区", {"hetao_shenzhen_park"}),
        ("河套深圳园区", {"hetao_shenzhen_park"}),
        ("河套合作区", {"hetao_shenzhen_park"}),
        ("合作区", {"hetao_shenzhen_park"}),
        ("园区", {"hetao_shenzhen_park"}),
        ("河套", {"hetao_shenzhen_park"}),
        ("福田区金融业增加值占全市总额超四成", {"futian"}),
        ("均居全市第一", set()),
        ("占全市的42%", set()),
        ("多年稳居深圳第一", set()),
        ("全市国高企业", {"shenzhen"}),
    ],
)
def test_area_words_give_their_labels(words: str, expected: set[str]) -> None:
    assert geo_labels(words) == expected


@pytest.mark.parametrize("words", ["", "实现地区生产总值5948.82亿元", "深港合作", "区域"])
def test_words_without_an_area_give_nothing(words: str) -> None:
    assert geo_labels(words) == frozenset()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("目标", {"target"}),
        ("力争", {"target"}),
        ("争取", {"target"}),
        ("到2025年", {"target"}),
        ("推动河套合作区2025年", {"target"}),
        ("将", {"target"}),
        ("计划", {"plan"}),
        ("拟", {"plan"}),
        ("最高", {"policy"}),
        ("不超过", {"policy"}),
        ("给予", {"policy"}),
        ("补贴", {"policy"}),
        ("贴息", {"policy"}),
        ("资助", {"policy"}),
        ("奖励", {"policy"}),
        ("比例", {"policy"}),
        ("支持", {"policy"}),
        ("全年计划累计拓展15万平米", {"plan"}),
        ("力争给予", {"target", "policy"}),
    ],
)
def test_status_words_give_their_labels(words: str, expected: set[str]) -> None:
    assert status_labels(words) == expected


@pytest.mark.parametrize(
    "words", ["", "2024年实现地区生产总值5948.82亿元", "已办结企业诉求2039条", "推动企业扎根"]
)
def test_words_without_a_status_give_nothing(words: str) -> None:
    assert status_labels(words) == frozenset()
