"""The indicator the draft gives a number (drafting.scoring), on made-up sentences and codebook."""

from __future__ import annotations

import datetime as dt

import pytest

from futian_indicators.drafting import CodebookEntry, DraftFigure, draft_figures
from futian_indicators.drafting.heading import Heading
from futian_indicators.drafting.scoring import similarity
from futian_indicators.language.normalise import normalise

DATED = Heading(date=dt.date(2026, 3, 2), doc_number="2026001")
BOOK = [
    CodebookEntry("maker_spaces", "count", "stock", "众创空间", ("众创空间", "创客空间"),
                  cues_zh=("孵化",)),
    CodebookEntry("pilot_platforms", "count", "stock", "行业级中试平台", ("行业级中试平台",)),
    CodebookEntry("talent_apartments", "count", "stock", "人才公寓套数", ("人才公寓",),
                  cues_zh=("筹集", "房源")),
    CodebookEntry("tourism_revenue", "CNY", "flow", "旅游总收入", ("旅游总收入",)),
    CodebookEntry("tourism_revenue_growth", "percent", "growth", "旅游总收入增长",
                  ("同比增长",), base_indicator="tourism_revenue"),
    CodebookEntry("exhibition_events", "count", "flow", "会展活动场次", ("会展活动",),
                  cues_zh=("举办",)),
    CodebookEntry("hotel_rooms_share", "percent", "share", "酒店客房占全市比重",
                  ("酒店客房全市占比",), base_indicator="hotel_rooms"),
    CodebookEntry("hotel_rooms", "count", "stock", "酒店客房", ("酒店客房",)),
    CodebookEntry("hotel_rooms_rank", "rank", "rank", "酒店客房全市排名", ("酒店客房深圳排名",),
                  base_indicator="hotel_rooms"),
]  # fmt: skip


def drafted(text: str, quantity: str) -> DraftFigure:
    draft = draft_figures(normalise(text), "cppcc-2026001", BOOK, DATED)
    (figure,) = [f for f in draft.figures if f.quantity == quantity]
    return figure


@pytest.mark.parametrize(
    ("text", "quantity", "indicator"),
    [
        # a name before the number, or the noun a count counts
        ("全区已建成众创空间41个。", "41个", "maker_spaces"),
        ("落地12个行业级中试平台。", "12个", "pilot_platforms"),
        # the subject phrase matches a name it does not spell out in full
        ("累计建成行业中试平台9个。", "9个", "pilot_platforms"),
        # a growth, share or rank goes to the indicator of its base
        ("2025年实现旅游总收入120亿元，同比增长6.5%。", "6.5%", "tourism_revenue_growth"),
        ("全区拥有酒店客房2.1万间，居全市第2。", "第2", "hotel_rooms_rank"),
        ("全区拥有酒店客房2.1万间、占全市的31%。", "31%", "hotel_rooms_share"),
    ],
)
def test_the_indicator_rests_on_a_name_or_the_subject(
    text: str, quantity: str, indicator: str
) -> None:
    assert drafted(text, quantity).indicator == indicator


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("全年举办招聘会45场。", "45场"),  # 举办 is a cue of exhibition_events, and only a cue
        ("筹集保障性租赁住房3000套。", "3000套"),  # 筹集 alone does not make talent_apartments
        ("2025年实现社会消费品零售总额800亿元，同比增长4.1%。", "4.1%"),  # 同比增长 alone
        ("新增创新型企业200家，占全市的12%。", "12%"),  # 占全市 alone
    ],
)
def test_a_cue_or_a_generic_word_alone_proposes_a_new_indicator(text: str, quantity: str) -> None:
    figure = drafted(text, quantity)
    assert figure.indicator.startswith("new:")
    assert figure.proposal is not None
    assert figure.confidence < 0.7


def test_a_cue_raises_the_confidence_of_a_match() -> None:
    plain = drafted("建成众创空间41个。", "41个")
    cued = drafted("孵化载体方面，建成众创空间41个。", "41个")
    assert plain.indicator == cued.indicator == "maker_spaces"
    assert "cue “孵化”" in dict(cued.rests_on)["indicator"]
    assert "cue" not in dict(plain.rests_on)["indicator"]


def test_a_name_that_only_qualifies_the_subject_does_not_decide() -> None:
    figure = drafted("开展5场众创空间运营培训会。", "5场")
    assert figure.indicator.startswith("new:")  # the count is of 培训会, not of 众创空间


def test_the_proposal_names_the_subject_and_suggests_an_id() -> None:
    figure = drafted("2025年接待游客3200万人次。", "3200万人次")
    assert figure.proposal is not None
    assert figure.proposal.name_zh == "接待游客"
    assert figure.proposal.unit == "count"
    assert figure.indicator == f"new:{figure.proposal.suggested_id}"


def test_similarity_needs_a_run_of_shared_characters() -> None:
    assert similarity("众创空间", "众创空间") == 1.0
    assert similarity("空间", "众创空间") == 0.0  # two characters of a four-character name
    assert similarity("行业中试平台", "行业级中试平台") > 0.8
    assert similarity("企业", "行业级中试平台") == 0.0


@pytest.mark.parametrize(
    ("text", "quantity", "name"),
    [
        ("覆盖38个国家。", "38个", "覆盖国家"),  # the verb and the noun the count counts
        ("引进9个大型央企区域总部。", "9个", "引进大型央企区域总部"),
        ("福田区集聚深圳近三成会计师事务所。", "近三成", "会计师事务所占比"),
    ],
)
def test_a_proposed_name_holds_the_noun_a_number_counts(
    text: str, quantity: str, name: str
) -> None:
    figure = drafted(text, quantity)
    assert figure.proposal is not None
    assert figure.proposal.name_zh == name
