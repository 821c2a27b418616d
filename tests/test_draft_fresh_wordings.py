"""Wordings of reply letters the drafter read wrong: completion rates, scheme names, halves of a
year under a plan, changes over a year's end, bases of a rule's rate, Hong Kong's figures, set
phrases, the reply's structure and hotline numbers.

Every sentence here is written for the test (none is from a letter of the corpus); each label is
the one a curator gives by docs/curation.md. The letter is dated 2026-05-20.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from futian_indicators.drafting import CodebookEntry, draft_figures
from futian_indicators.drafting.heading import Heading
from futian_indicators.language.normalise import normalise

LETTER = Heading(date=dt.date(2026, 5, 20), doc_number="2026001")
BOOK = [
    CodebookEntry("gdp", "CNY", "flow", "地区生产总值", ("地区生产总值",)),
    CodebookEntry("listed_companies", "count", "stock", "上市公司", ("上市公司",)),
    CodebookEntry("events_held", "count", "flow", "活动", ("场活动",)),
]


def drafted(text: str) -> dict[str, Any]:
    draft = draft_figures(normalise(text), "cppcc-2026001", BOOK, LETTER)
    return {f.quantity: f for f in draft.figures} | {p.mention: p for p in draft.not_placed}


def figure(text: str, quantity: str) -> Any:
    got = drafted(text)[quantity]
    assert hasattr(got, "period"), f"{quantity} in {text} was not drafted: {got.reason}"
    return got


@pytest.mark.parametrize(
    ("text", "quantity", "status"),
    [
        # a completion rate of a target is what was done, and so are the clauses after it
        ("去年全区固定资产投资完成市下达目标任务的121.5%，新开工项目42个。", "121.5%", "actual"),
        ("去年全区固定资产投资完成市下达目标任务的121.5%，新开工项目42个。", "42个", "actual"),
        ("2025年，全区税收收入完成年度目标的108%，同比增长6.2%。", "108%", "actual"),
        ("2025年，全区税收收入完成年度目标的108%，同比增长6.2%。", "6.2%", "actual"),
        ("全区2025年完成全年目标任务的103%。", "103%", "actual"),
        ("今年1-4月，全区固定资产投资完成年度计划的42.6%，增速居全市第2。", "42.6%", "actual"),
        # a scheme's name holding 计划 sets no plan
        ("全区累计引进输入人才计划专家36名。", "36名", "actual"),
        ("入选“启航计划”的企业共18家。", "18家", "actual"),
        ("依托孔雀计划，累计引进海外人才520名。", "520名", "actual"),
        ("纳入产业人才行动计划的企业达到75家。", "75家", "actual"),
        ("依托“深港人才计划”，引进香港青年120名，计划明年再引进200名。", "120名", "actual"),
        ("依托“深港人才计划”，引进香港青年120名，计划明年再引进200名。", "200名", "plan"),
        # what is aimed at (目标企业, 目标客户) sets no target
        ("新增目标企业45家，储备目标客户300个。", "45家", "actual"),
        ("新增目标企业45家，储备目标客户300个。", "300个", "actual"),
        # the plan words themselves still govern
        ("全区计划新增上市公司8家。", "8家", "plan"),
        ("今年下半年计划：一是新增上市公司5家；二是举办30场活动。", "30场", "plan"),
        # a rate on a base of 上年度 returned is a rule's parameter
        ("按上年度实际缴纳社会保险费的60%返还。", "60%", "policy"),
    ],
)  # fmt: skip
def test_completion_rates_schemes_and_aims_are_no_status_words(
    text: str, quantity: str, status: str
) -> None:
    assert figure(text, quantity).status == status


@pytest.mark.parametrize(
    ("text", "quantity", "period"),
    [
        # a list of plans for the second half: of the letter's year, not the sentence's before
        ("今年下半年计划：一是新增上市公司5家；二是举办30场活动。", "5家", "2026H2"),
        ("今年下半年计划：一是新增上市公司5家；二是举办30场活动。", "30场", "2026H2"),
        ("2025年全区地区生产总值6100亿元。下半年将：一是新增上市公司6家；二是举办20场活动。",
         "20场", "2026H2"),
        ("2025年全区地区生产总值6100亿元。今年，我区将：一是新增上市公司6家；二是举办20场活动。",
         "6家", "2026"),
        ("2025年全区地区生产总值6100亿元。今年计划：一是新增上市公司6家。二是举办20场活动。",
         "20场", "2026"),
        # a completion rate takes the year governing it, not 年度 of the target
        ("2025年，全区税收收入完成年度目标的108%，同比增长6.2%。", "108%", "2025"),
        # a rate stated at a year's end is as of that day
        ("2025年，全区经济平稳。年末城镇登记失业率2.71%，全年新增就业3.2万人。", "2.71%",
         "2025-12-31"),
        ("截至2025年底，全区城镇调查失业率为4.8%。", "4.8%", "2025-12-31"),
        # a change from the year's end before is a flow over the year of the day
        ("截至2025年末，全区上市公司82家，比上年末增加6家。", "82家", "2025-12-31"),
        ("截至2025年末，全区上市公司82家，比上年末增加6家。", "6家", "2025"),
        ("截至2025年底，全区专精特新企业950家，较上年末新增120家。", "120家", "2025"),
        ("截至2025年12月末，全区本外币存款余额比上年末增加1200亿元。", "1200亿元", "2025"),
        # 上年度 as a rule's base is no period: in force on the letter's date
        ("按上年度实际缴纳社会保险费的60%返还。", "60%", "2026-05-20"),
        ("按上年度营业收入的1%给予奖励，最高不超过200万元。", "1%", "2026-05-20"),
        # held N times in a row, with no day of its own: up to the letter's date
        ("中国国际金融论坛已连续举办8届。", "8届", "../2026-05-20"),
        ("2025年9月，福田区举办金融论坛。该论坛已连续举办8届，吸引参会嘉宾2000名。", "8届",
         "../2026-05-20"),
        ("2025年9月，福田区举办金融论坛。该论坛已连续举办8届，吸引参会嘉宾2000名。", "2000名",
         "2025-09"),
        # to a year's end: a stock target on the day, a flow target the year
        ("到2027年底，全区上市公司达到100家，累计新增专精特新企业300家。", "100家", "2027-12-31"),
        ("到2027年底，全区上市公司达到100家，累计新增专精特新企业300家。", "300家", "2027"),
    ],
)  # fmt: skip
def test_the_period_of_plans_year_ends_and_rule_bases(
    text: str, quantity: str, period: str
) -> None:
    assert figure(text, quantity).period == period


@pytest.mark.parametrize(
    ("text", "quantity", "area"),
    [
        ("就香港而言，去年本地生产总值增长2.5%。", "2.5%", "hong_kong"),
        ("就香港而言，去年本地生产总值增长2.5%。香港失业率3.1%。", "3.1%", "hong_kong"),
        ("香港地区现有持牌银行150家，占全国的三成。", "150家", "hong_kong"),
        ("香港地区现有持牌银行150家，占全国的三成。", "三成", "hong_kong"),
        ("香港特区去年吸引外来直接投资1100亿美元。", "1100亿美元", "hong_kong"),
        ("香港方面，去年访港旅客4400万人次，同比增长30%。", "30%", "hong_kong"),
        ("在港注册的初创企业达到4200家。", "4200家", "hong_kong"),
        # the district named after 在港, or Hong Kong as a partner: the district's
        ("在港上市的福田企业达到40家。", "40家", "futian"),
        ("与香港特区政府签署合作协议5项。", "5项", "futian"),
        # 合作区 in a passage about the whole zone is the zone; in a park passage, the park
        ("河套深港科技创新合作区建设全面提速。合作区已集聚科研项目160个。", "160个", "hetao_zone"),
        ("深港科技创新合作区建设全面提速。合作区已集聚科研项目160个。", "160个", "hetao_zone"),
        ("河套深港科技创新合作区建设全面提速。截至2025年底，合作区集聚科研项目160个。", "160个",
         "hetao_zone"),
        ("河套深港科技创新合作区深圳园区建设全面提速。合作区已集聚科研项目160个。", "160个",
         "hetao_shenzhen_park"),
        ("河套深港科技创新合作区深圳园区加快建设。园区已集聚科研项目160个。", "160个",
         "hetao_shenzhen_park"),
    ],
)  # fmt: skip
def test_hong_kong_and_the_zone_opening_their_clauses(text: str, quantity: str, area: str) -> None:
    assert figure(text, quantity).geo == area


@pytest.mark.parametrize(
    ("text", "mention", "why"),
    [
        ("坚持人才是第一资源，引进高层次人才300名。", "第一", "set phrase"),
        ("坚持创新是第一动力，全区研发投入增长12%。", "第一", "set phrase"),
        ("发展是第一要务，全区地区生产总值增长5.6%。", "第一", "set phrase"),
        ("福田区位居全国金融强区第一梯队，持牌金融机构达到290家。", "第一", "set phrase"),
        ("我区从三个维度推进工作，新增企业60家。", "三个", "structure"),
        ("围绕四个环节、两个层面开展工作，举办30场活动。", "四个", "structure"),
        ("围绕四个环节、两个层面开展工作，举办30场活动。", "两个", "structure"),
        ("分三个阶段推进，从四个方面落实，按五个步骤实施。", "三个", "structure"),
        ("分三个阶段推进，从四个方面落实，按五个步骤实施。", "五个", "structure"),
        ("从五个层次构建服务体系，新增服务企业800家。", "五个", "structure"),
        ("市民可拨打12333人社服务热线咨询。", "12333人", "hotline"),
        ("通过12345政务服务热线受理诉求2.3万件。", "12345", "hotline"),
        ("12315平台共受理投诉8000件。", "12315", "hotline"),
        ("请拨打12366纳税服务热线咨询。", "12366", "hotline"),
    ],
)  # fmt: skip
def test_set_phrases_structure_and_hotlines_are_no_figures(
    text: str, mention: str, why: str
) -> None:
    got = drafted(text)[mention]
    assert not hasattr(got, "period") and why in got.reason


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("专利授权量居全市第一。", "第一"),  # a rank stays a figure
        ("全区地区生产总值保持全市第一。", "第一"),
        ("通过12345政务服务热线受理诉求2.3万件。", "2.3万件"),  # what the hotline took
        ("我区从三个维度推进工作，新增企业60家。", "60家"),
        ("从五个层次构建服务体系，新增服务企业800家。", "800家"),
    ],
)
def test_ranks_and_counts_beside_them_stay_figures(text: str, quantity: str) -> None:
    assert hasattr(drafted(text)[quantity], "period")


@pytest.mark.parametrize(
    ("text", "quantity", "status"),
    [
        ("对企业分别给予最高100万元、200万元的一次性奖励。", "最高100万元", "policy"),
        ("对企业分别给予最高100万元、200万元的一次性奖励。", "200万元", "policy"),
        ("对营收首次突破5亿元、10亿元的企业，分别给予50万元、100万元奖励。", "100万元", "policy"),
        ("对首次入选“独角兽计划”的企业给予一次性奖励50万元。", "50万元", "policy"),
    ],
)  # fmt: skip
def test_every_tier_granted_is_a_rules_parameter(text: str, quantity: str, status: str) -> None:
    assert figure(text, quantity).status == status


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("对营收首次突破5亿元、10亿元的企业，分别给予50万元、100万元奖励。", "突破5亿元"),
        ("对营收首次突破5亿元、10亿元的企业，分别给予50万元、100万元奖励。", "10亿元"),
    ],
)
def test_the_tiers_a_grant_is_for_stay_thresholds(text: str, mention: str) -> None:
    assert "threshold" in drafted(text)[mention].reason


@pytest.mark.parametrize(
    ("text", "quantity", "status"),
    [
        ("全区固定资产投资目标完成率达到108%。", "108%", "actual"),
        ("力争完成年度目标任务的100%。", "100%", "target"),  # a completion aimed at
        ("下一步，我区将确保完成年度目标的100%。", "100%", "target"),
        ("获得孔雀计划资助的团队共42个。", "42个", "actual"),
        ("对企业给予最高100万元、200万元、300万元的奖励。", "300万元", "policy"),
    ],
)  # fmt: skip
def test_completion_aimed_at_schemes_funded_and_tiers_granted(
    text: str, quantity: str, status: str
) -> None:
    assert figure(text, quantity).status == status


def test_a_list_head_line_governs_item_paragraphs() -> None:
    text = (
        "2025年，全区实现地区生产总值6100亿元。\n\n今年，我区将重点做好以下工作：\n\n"
        "一是新增上市公司6家。\n\n二是举办20场活动。\n"
    )
    got = [(figure(text, q).status, figure(text, q).period) for q in ("6家", "20场")]
    assert got == [("target", "2026")] * 2
    assert figure(text, "6100亿元").status == "actual"


def test_a_paragraph_after_the_items_is_no_item_of_the_list() -> None:
    text = "我区将重点做好以下工作：\n\n一是新增上市公司6家。\n\n全区去年举办20场活动。\n"
    assert figure(text, "20场").status == "actual"


def test_the_whole_of_hong_kong_is_hong_kong() -> None:
    assert figure("全港失业率3.1%，同比下降0.2个百分点。", "0.2个百分点").geo == "hong_kong"


@pytest.mark.parametrize(
    ("text", "quantity", "area"),
    [
        ("目前在港注册的初创企业达到4200家。", "4200家", "hong_kong"),
        ("对接在港投资机构50家。", "50家", "futian"),  # what the district reached
        ("引进香港地区高校5所。", "5所", "futian"),
    ],
)
def test_hong_kong_names_the_area_only_at_its_clauses_start(
    text: str, quantity: str, area: str
) -> None:
    assert figure(text, quantity).geo == area
