"""How reply letters name a figure's area: the city, its levels, the province and the nation,
the district after another area's passage, the Hetao zone and park, parks in general, Hong
Kong, and lists of districts.

Every sentence here is written for the test (none is from a letter of the corpus); each area is
the one a curator gives by docs/curation.md. A number of an area outside the vocabulary (全省,
全国, 港澳, other districts) is no figure of the data set: the draft does not place it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from futian_indicators.drafting import CodebookEntry, draft_figures
from futian_indicators.drafting.heading import Heading
from futian_indicators.language.labels import geo_labels
from futian_indicators.language.normalise import normalise

LETTER = Heading(date=dt.date(2026, 5, 20), doc_number="2026001")
BOOK = [CodebookEntry("listed_companies", "count", "stock", "上市公司", ("上市公司",))]
OUTSIDE = "outside"


def area(text: str, quantity: str) -> str:
    """The draft's area of ``quantity``, or ``outside`` where it is not placed for its area."""
    draft = draft_figures(normalise(text), "cppcc-2026001", BOOK, LETTER)
    got: dict[str, Any] = {f.quantity: f for f in draft.figures}
    missing: dict[str, Any] = {p.mention: p for p in draft.not_placed}
    if quantity in got:
        return str(got[quantity].geo)
    assert "outside the vocabulary" in missing[quantity].why, missing[quantity].why
    return OUTSIDE


CITY = [
    # the city named as the area, in the clause or as its subject
    ("深圳全市新增国家高新技术企业2100家。", "2100家", "shenzhen"),
    ("全市范围内累计建成5G基站7.2万个。", "7.2万个", "shenzhen"),
    ("深圳市共有境内外上市公司580家，其中福田区126家。", "580家", "shenzhen"),
    ("深圳市共有境内外上市公司580家，其中福田区126家。", "126家", "futian"),
    ("全市规上工业增加值增长5.8%，福田增长6.4%。", "5.8%", "shenzhen"),
    ("全市规上工业增加值增长5.8%，福田增长6.4%。", "6.4%", "futian"),
    # a level is no area: the district's figure
    ("今年新增市级重点项目12个。", "12个", "futian"),
    ("入选深圳市级专精特新企业35家。", "35家", "futian"),
    ("获评省级以上荣誉称号20项。", "20项", "futian"),
    ("市区两级共投入专项资金3.5亿元。", "3.5亿元", "futian"),
    # shares, ranks and comparisons with the city stay the district's
    ("全区规上工业企业1200家，占全市的18%。", "18%", "futian"),
    ("研发投入增速高于全市2.3个百分点。", "2.3个百分点", "futian"),
    ("税收收入总量领跑全市，达到860亿元。", "860亿元", "futian"),
    ("与全市相比，人均可支配收入高出1.2万元。", "1.2万元", "futian"),
    ("约占深圳的四成。", "四成", "futian"),
]

CITY_PASSAGES = [
    ("从全市看，新增市场主体31万户。其中个体工商户18万户。", "18万户", "shenzhen"),
    ("就全市而言，规上工业增加值增长6.1%。先进制造业增长7.5%。", "7.5%", "shenzhen"),
    ("放眼全市，数字经济核心产业增加值达1.1万亿元。同比增长9.2%。", "9.2%", "shenzhen"),
    ("全市方面，累计认定高新技术企业2.5万家。福田区累计认定2800家。", "2800家", "futian"),
    # the passage ends at a sentence naming the district, a paragraph's end, a section marker
    ("从全市看，新增上市企业25家。我区新增上市企业6家。", "6家", "futian"),
    ("就全市而言，新增企业3万家。全区新增4100家，占全市的13%。", "4100家", "futian"),
    ("就全市而言，新增企业3万家。全区新增4100家，占全市的13%。", "13%", "futian"),
    ("从全市看，新增上市企业25家。\n\n新增专精特新企业40家。", "40家", "futian"),
    ("从全市看，新增上市企业25家。二是新增孵化载体5个。", "5个", "futian"),
    ("放眼全市，新增独角兽企业8家。区内新增独角兽企业3家。", "3家", "futian"),
    ("从全市看，新增孵化器30家。本区新增孵化器9家。", "9家", "futian"),
    ("从全市看，新增孵化器30家。辖区内新增孵化器9家。", "9家", "futian"),
]

HETAO = [
    ("河套深港科技创新合作区深圳园区已集聚科研机构150家。", "150家", "hetao_shenzhen_park"),
    ("河套深圳园区建设提速。园区累计引进项目200个。", "200个", "hetao_shenzhen_park"),
    ("河套合作区（深圳园区）建设加快。园区已落地重点项目160个。", "160个", "hetao_shenzhen_park"),
    ("河套深港科技创新合作区（深圳园区）集聚国家级平台10个。", "10个", "hetao_shenzhen_park"),
    ("福田区河套片区新增科研项目18个。", "18个", "hetao_shenzhen_park"),
    # a line break inside a sentence does not end the passage
    (
        "河套深圳园区加快建设，集聚科研\n\n机构60家。园区引进人才超5000名。",
        "超5000名",
        "hetao_shenzhen_park",
    ),
    # the passage ends with its paragraph, another area, or the district named
    ("河套深圳园区加快建设。\n\n新增企业800家。", "800家", "futian"),
    ("河套深圳园区加快建设。全区新增企业800家。", "800家", "futian"),
    ("河套深圳园区加快建设。我区新增企业800家。", "800家", "futian"),
    ("河套深圳园区加快建设。全市新增企业2万家。", "2万家", "shenzhen"),
    # 合作区 after the whole zone's name is the zone
    ("深港科技创新合作区建设提速，合作区新增研发机构12家。", "12家", "hetao_zone"),
    ("河套深港科技创新合作区加快建设。合作区累计落地项目180个。", "180个", "hetao_zone"),
    # 园区 for parks in general is no Hetao park
    ("全区12个园区新增入驻企业300家。", "300家", "futian"),
    ("全区12个园区新增入驻企业300家。", "12个", "futian"),
    ("河套深圳园区加快建设。辖区产业园区新增企业100家。", "100家", "futian"),
    ("河套深圳园区加快建设。各科技园区新增企业100家。", "100家", "futian"),
    ("河套深圳园区加快建设。建成特色产业园区6个。", "6个", "futian"),
]

HONG_KONG = [
    ("香港方面，全年本地生产总值增长2.5%。", "2.5%", "hong_kong"),
    ("从香港看，持牌法团达3200家。", "3200家", "hong_kong"),
    ("就香港而言，上市公司总数超过2600家。", "超过2600家", "hong_kong"),
    ("香港地区持牌银行超过160家。", "超过160家", "hong_kong"),
    ("在港设立办事处的福田企业18家。", "18家", "futian"),
    ("联合香港特区政府举办对接活动15场。", "15场", "futian"),
    ("深港合作项目新增30个。", "30个", "futian"),
    ("深港两地联合举办活动20场。", "20场", "futian"),
    ("新增港澳资企业45家。", "45家", "futian"),
    ("引进港澳青年创业团队26个。", "26个", "futian"),
    ("港澳地区来深投资企业超过1.2万家。", "超过1.2万家", OUTSIDE),
]

OTHER_AREAS = [
    # the province and the nation: outside the vocabulary, not placed
    ("全省新增高新技术企业5000家。", "5000家", OUTSIDE),
    ("广东省共有国家级专精特新小巨人企业1500家。", "1500家", OUTSIDE),
    ("从全国看，数字经济规模达53.9万亿元。", "53.9万亿元", OUTSIDE),
    ("就全国而言，上市公司超过5300家。其中科创板590家。", "590家", OUTSIDE),
    # ranks, shares and fields of the province or nation stay the district's
    ("专利授权量占全省的6%。", "6%", "futian"),
    ("全国性金融机构总部达到30家。", "30家", "futian"),
    ("全国重点实验室达到12家。", "12家", "futian"),
    ("广东省重点实验室新增5家。", "5家", "futian"),
    ("营商环境评价位居全国百强区第3位。", "第3位", "futian"),
    ("全区上市公司达到126家，居全国城区前列。", "126家", "futian"),
    # lists of districts are not the district alone
    ("福田、罗湖、南山三区共有上市公司400家。", "400家", OUTSIDE),
    ("南山区新增上市公司20家。", "20家", OUTSIDE),
    ("从南山区迁入企业12家。", "12家", "futian"),
    ("与南山区共建产业园区2个。", "2个", "futian"),
]

LEADS_AND_NAMES = [
    # period and linking words before the area that heads the sentence
    ("近年来，河套深圳园区加快建设，累计引进项目200个。", "200个", "hetao_shenzhen_park"),
    ("据统计，河套深圳园区建成科研空间超70万平方米，集聚人才2万人。", "2万人",
     "hetao_shenzhen_park"),
    ("与此同时，从全市看，新增企业3万家，增长8%。", "8%", "shenzhen"),
    ("据不完全统计，河套深圳园区集聚企业300家，引进人才5000名。", "5000名",
     "hetao_shenzhen_park"),
    ("据初步统计，全市新增企业3万家，增长8%。", "8%", "shenzhen"),
    ("全市层面，新增企业3万家。其中科技型企业1.2万家。", "1.2万家", "shenzhen"),
    ("深圳全年GDP3.6万亿元，增长5.8%。", "5.8%", "shenzhen"),
    ("目前，全市已建成5G基站7万个，我区建成1.2万个。", "1.2万个", "futian"),
    ("在全市率先建成智慧社区120个。", "120个", "futian"),
    # the city inside an institution's name, or qualifying what the district counts
    ("在深圳证券交易所上市的企业新增8家。", "8家", "futian"),
    ("依托深圳数据交易所，完成数据交易12笔。", "12笔", "futian"),
    ("引进深圳重点企业研发中心12家。", "12家", "futian"),
    ("本市新增上市公司30家。", "30家", "shenzhen"),
    ("我市新增上市公司30家，其中我区9家。", "30家", "shenzhen"),
    ("我市新增上市公司30家，其中我区9家。", "9家", "futian"),
    ("2024年全市新增上市公司30家。", "30家", "shenzhen"),
    ("2024年上半年，全市新增上市公司18家，同比增长20%。", "20%", "shenzhen"),
    ("当年全市新增上市公司30家。", "30家", "shenzhen"),
    # other zones and regions: outside the vocabulary
    ("前海合作区新增港资企业500家。", "500家", OUTSIDE),
    ("粤港澳大湾区经济总量超过14万亿元。", "超过14万亿元", OUTSIDE),
    # the district named in the number's sentence: the section heading no longer reaches it
    ("二、在深化河套深港科技创新合作区建设方面\n\n一是完善服务网络，建成区级服务站1个，"
     "引进企业30家。", "30家", "futian"),
    ("二、在深化河套深港科技创新合作区建设方面\n\n一是优化服务，依托我区企业服务中心，"
     "引进企业30家。", "30家", "futian"),
    ("二、在深化河套深港科技创新合作区建设方面\n\n一是优化服务，引进企业30家。", "30家",
     "hetao_zone"),
]  # fmt: skip
SECTIONS = "二、在推进河套深圳园区建设方面\n\n（一）加快园区建设\n\n一是新增项目20个。\n\n" + (
    "（二）强化全区产业支撑\n\n一是新增企业300家。"
)
HEADINGS = [
    # a section heading governs its section, a subsection naming the district its own
    (SECTIONS, "20个", "hetao_shenzhen_park"),
    (SECTIONS, "300家", "futian"),
    ("二、关于河套深港科技创新合作区建设\n\n截至2025年底，已集聚科研机构150家。", "150家",
     "hetao_zone"),
    # Hong Kong as the district's partner in a heading names no area
    ("三、在深化与香港合作方面\n\n一是举办对接活动30场。", "30场", "futian"),
    # 深港 names no area: the passage it stands in governs
    ("河套深港科技创新合作区深圳园区加快建设。深港两地联合举办活动20场。", "20场",
     "hetao_shenzhen_park"),
    ("就香港而言，创科产业增加值占比约1%。\n\n新增企业300家。", "300家", "futian"),
]  # fmt: skip
ALL = CITY + CITY_PASSAGES + HETAO + HONG_KONG + OTHER_AREAS + LEADS_AND_NAMES + HEADINGS


@pytest.mark.parametrize(("text", "quantity", "geo"), ALL)
def test_the_area_a_curator_gives(text: str, quantity: str, geo: str) -> None:
    assert area(text, quantity) == geo


def test_there_are_enough_sentences() -> None:
    assert len(ALL) >= 50


def test_an_area_outside_the_vocabulary_is_not_placed_and_says_why() -> None:
    draft = draft_figures(normalise("全省新增高新技术企业5000家。"), "cppcc-2026001", BOOK, LETTER)
    assert not draft.figures
    (missing,) = draft.not_placed
    assert "“全省”" in missing.why


def test_the_build_reads_parks_in_general_and_the_city_as_the_drafter_does() -> None:
    assert geo_labels("各科技园区新增企业100家") == {"futian"}
    assert geo_labels("全区12个产业园区") == {"futian"}
    assert geo_labels("园区新增项目9个") == {"hetao_shenzhen_park"}
    assert geo_labels("本市新增上市公司30家") == {"shenzhen"}
