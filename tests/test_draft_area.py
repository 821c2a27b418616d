"""The area the draft gives a number (futian_indicators.drafting.area.geo_of), on made-up text."""

from __future__ import annotations

import pytest

from futian_indicators import vocab
from futian_indicators.drafting.area import geo_of
from futian_indicators.drafting.cues import Place, Segments, paragraph_starts
from futian_indicators.language.normalise import normalise


def geo(text: str, number: str, nth: int = 0) -> tuple[str, str]:
    letter = normalise(text)
    segments = Segments(letter.text, paragraph_starts(letter))
    at = -1
    for _ in range(nth + 1):
        at = letter.text.index(number, at + 1)
    return geo_of(segments, Place.of(segments, (at, at + len(number))))


@pytest.mark.parametrize(
    ("text", "number", "area"),
    [
        # the city named in the clause, or heading the sentence
        ("全市新增上市企业12家。", "12家", "shenzhen"),
        ("从全市看，新登记市场主体8万户，福田新增1万户。", "8万户", "shenzhen"),
        ("从全市看，新登记市场主体8万户，福田新增1万户。", "1万户", "futian"),
        # a share, a rank or a comparison of the city stays the district's
        ("全区律师事务所300家，占全市的41%。", "41%", "futian"),
        ("专利授权量9000件，居全市第2。", "第2", "futian"),
        ("研发投入增长12.5%，高于全市3.1个百分点。", "3.1个百分点", "futian"),
        ("福田区集聚深圳近六成持牌金融机构。", "近六成", "futian"),
        ("消费品零售额多年稳居深圳第一。", "第一", "futian"),
        # the city inside a name or a title is no area
        ("引进香港科学园深圳分园等12家机构。", "12家", "futian"),
        ("出台《深圳市福田区促进消费若干措施》，发放消费券3000万元。", "3000万元", "futian"),
        # the zone and its park by their names
        ("河套深港科技创新合作区落地科研项目80个。", "80个", "hetao_zone"),
        ("河套深港科技创新合作区深圳园区落地科研项目80个。", "80个", "hetao_shenzhen_park"),
        ("推动河套合作区2026年集聚合作平台15个以上。", "15个", "hetao_shenzhen_park"),
        (
            "二是加快在河套深港科技创新合作区整备空间，年内完成8万平方米。",
            "8万平方米",
            "hetao_zone",
        ),
        # a name that holds 河套 is not the zone
        ("建成生物医药产业园及河套科创中心共4个产业园。", "4个", "futian"),
        # named in the middle of a sentence: its clause only
        (
            "新增企业30家，河套深港科技创新合作区落地项目70个，国高企业突破900家。",
            "900家",
            "futian",
        ),
        # the convention
        ("新增孵化载体6个。", "6个", "futian"),
    ],
)
def test_the_area_named_nearest_governs(text: str, number: str, area: str) -> None:
    assert geo(text, number)[0] == area


def test_a_hetao_passage_carries_until_the_next_section_marker() -> None:
    text = (
        "一是科研枢纽加快建设。截至2025年6月，河套深圳园区建设提速。人才引育方面，集聚科研人员"
        "超9000人。平台方面，落地中试平台7个。二是产业加快集聚，新增企业50家。"
    )
    assert geo(text, "超9000人") == ("hetao_shenzhen_park", "“河套深圳园区” opening its passage")
    assert geo(text, "7个")[0] == "hetao_shenzhen_park"
    assert geo(text, "50家")[0] == "futian"


def test_a_passage_ends_where_another_area_is_named_or_the_paragraph_ends() -> None:
    text = "河套深圳园区建设提速。园区新增项目9个。辖区另有孵化器26家。新增载体4个。"
    assert geo(text, "9个")[0] == "hetao_shenzhen_park"
    assert geo(text, "26家")[0] == "futian"
    assert geo(text, "4个")[0] == "futian"  # 辖区 ended the passage
    paragraphs = "河套深圳园区建设提速。\n\n新增孵化载体4个。"
    assert geo(paragraphs, "4个")[0] == "futian"


def test_a_section_heading_names_the_area_of_its_section() -> None:
    text = (
        "二、在推进河套深港科技创新合作区建设方面\n\n（一）强化要素流动\n\n"
        "一是便利通关，推出12条措施。\n\n三、在产业发展方面\n\n一是新增企业40家。"
    )
    why = "“河套深港科技创新合作区” in the heading of its section"
    assert geo(text, "12条") == ("hetao_zone", why)
    assert geo(text, "40家")[0] == "futian"


def test_a_closing_paragraph_leaves_the_section_of_its_heading() -> None:
    text = (
        "二、在推进河套深港科技创新合作区建设方面\n\n一是便利通关，推出12条措施。\n\n"
        "下一步，福田区将力争新增企业60家。"
    )
    assert geo(text, "60家")[0] == "futian"


def test_hong_kong_is_an_area_of_the_vocabulary() -> None:
    assert "hong_kong" in vocab.GEOS
    assert geo("香港方面，全年实现本地生产总值3万亿港元。", "3万亿港元")[0] == "hong_kong"
    assert geo("引进香港高校研发机构5家。", "5家")[0] == "futian"  # 香港 qualifies the count


def test_a_share_of_the_city_is_the_districts_figure_by_convention() -> None:
    area, why = geo("新增专精特新企业60家，占全市的15%。", "15%")
    assert area == "futian"
    assert why.startswith("convention: the district, its share of the city's whole")


def test_a_shenzhen_passage_carries_to_sentences_that_name_no_area() -> None:
    text = "从全市看，新登记市场主体8万户。其中企业3万户。福田新增企业6000户。"
    assert geo(text, "3万户") == ("shenzhen", "“从全市看” opening its passage")
    assert geo(text, "6000户")[0] == "futian"


def test_the_city_heading_a_sentence_carries_no_further() -> None:
    text = "全市新增上市企业20家。新增国家高新技术企业300家。"
    assert geo(text, "20家")[0] == "shenzhen"
    assert geo(text, "300家")[0] == "futian"  # only 从全市看 opens a Shenzhen passage
    policy = "深圳市出台《支持企业上市若干措施》，新增上市企业4家。"
    assert geo(policy, "4家")[0] == "futian"  # the city as the issuer of a rule heads nothing


def test_hetao_alone_is_the_park_unless_it_names_a_building() -> None:
    assert geo("河套新增科研项目12个。", "12个")[0] == "hetao_shenzhen_park"
    assert geo("河套科创中心新增入驻企业12家。", "12家")[0] == "futian"
