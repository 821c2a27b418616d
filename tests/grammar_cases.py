"""The tuning set of the quantity grammar: sentences written for tuning it, by construct.

Each case is (construct, sentence, gold), gold a list of (value in base units, base unit,
qualifier), the quantities a careful reader takes from the sentence. Written for this project
in the genre of reply letters, work reports and bulletins; none is copied from a document, none
is from the bundled letters or from the held-out set (``tests/heldout``), which is never tuned on.
"""

from __future__ import annotations

Gold = tuple[float, str, str]
Case = tuple[str, str, list[Gold]]

CASES: list[Case] = [
    # --- 点 decimals in Chinese numerals
    ("numeral_decimal", "全年实现税收收入三点二亿元。", [(3.2e8, "CNY", "exact")]),
    ("numeral_decimal", "绿化覆盖率达到百分之四十五点二。", [(45.2, "percent", "exact")]),
    ("numeral_decimal", "新修道路四点六公里。", [(4600, "m", "exact")]),
    ("numeral_decimal", "人均住房面积约三十二点五平方米。", [(32.5, "m2", "approx")]),
    ("numeral_decimal", "失业率下降零点三个百分点。", [(0.3, "percentage_point", "exact")]),
    ("numeral_decimal", "更新电梯二点一万台。", [(21000, "count", "exact")]),
    # --- Chinese integers, round numerals
    ("numeral_chinese", "辖区共有社工两万三千人。", [(23000, "count", "exact")]),
    ("numeral_chinese", "累计调解纠纷六百余宗。", [(600, "count", "over")]),
    ("numeral_chinese", "新开办托育机构三十家。", [(30, "count", "exact")]),
    (
        "numeral_chinese",
        "举办招聘会十二场次，提供岗位八千多个。",
        [(12, "count", "exact"), (8000, "count", "over")],
    ),
    ("numeral_chinese", "全区共有学校一百二十所。", [(120, "count", "exact")]),
    # --- formal numerals
    ("numeral_formal", "中标金额人民币捌拾万元整。", [(800000, "CNY", "exact")]),
    ("numeral_formal", "补助资金陆仟万元。", [(6e7, "CNY", "exact")]),
    ("numeral_formal", "保证金为叁万元。", [(30000, "CNY", "exact")]),
    ("numeral_formal", "合同价款玖佰捌拾元。", [(980, "CNY", "exact")]),
    # --- Arabic with 千/百/千万/百万
    ("arabic_small_multiplier", "发放补贴6千万元。", [(6e7, "CNY", "exact")]),
    ("arabic_small_multiplier", "项目概算约35百万元。", [(3.5e7, "CNY", "approx")]),
    ("arabic_small_multiplier", "年接待访客2千万人次。", [(2e7, "count", "exact")]),
    ("arabic_small_multiplier", "建成4千平方米的活动中心。", [(4000, "m2", "exact")]),
    ("arabic_small_multiplier", "服务居民6百余人。", [(600, "count", "over")]),
    # --- sections
    ("sections", "全年投入资金2亿3000万元。", [(2.3e8, "CNY", "exact")]),
    ("sections", "常住外籍人口4万2000人。", [(42000, "count", "exact")]),
    ("sections", "客流量达3万6千人次。", [(36000, "count", "exact")]),
    ("sections", "共投入三亿五千万元。", [(3.5e8, "CNY", "exact")]),
    ("sections", "累计融资两万万元。", [(2e8, "CNY", "exact")]),
    # --- bare multipliers after a qualifier
    ("bare_multiplier", "参与市民超万人。", [(10000, "count", "over")]),
    ("bare_multiplier", "线上观看近万人次。", [(10000, "count", "nearly")]),
    ("bare_multiplier", "带动投资上亿元。", [(1e8, "CNY", "at_least")]),
    ("bare_multiplier", "服务企业上千家。", [(1000, "count", "at_least")]),
    ("bare_multiplier", "受惠群众逾万人。", [(10000, "count", "over")]),
    # --- full-width digits and thousands separators
    ("fullwidth", "新增床位１２０张。", [(120, "count", "exact")]),
    ("fullwidth", "增长８．５％。", [(8.5, "percent", "exact")]),
    ("thousands", "营业收入1,234.5亿元。", [(1.2345e11, "CNY", "exact")]),
    ("thousands", "总额达 2 345.6 亿元。", [(2.3456e11, "CNY", "exact")]),
    ("thousands", "共12,300家。", [(12300, "count", "exact")]),
    # --- count words
    (
        "unit_count",
        "新增公交线路5条，投放车辆120辆。",
        [(5, "count", "exact"), (120, "count", "exact")],
    ),
    ("unit_count", "受理案件36宗，立案12起。", [(36, "count", "exact"), (12, "count", "exact")]),
    (
        "unit_count",
        "改造小区47处，涉及住户3200户。",
        [(47, "count", "exact"), (3200, "count", "exact")],
    ),
    (
        "unit_count",
        "种植乔木5000株，建成驿站8间。",
        [(5000, "count", "exact"), (8, "count", "exact")],
    ),
    (
        "unit_count",
        "发放证书900张，办理业务1500笔。",
        [(900, "count", "exact"), (1500, "count", "exact")],
    ),
    (
        "unit_count",
        "收集问卷600份，报告病例3例。",
        [(600, "count", "exact"), (3, "count", "exact")],
    ),
    (
        "unit_count",
        "借阅图书2.5万册次，服务1.2万件次。",
        [(25000, "count", "exact"), (12000, "count", "exact")],
    ),
    (
        "unit_count",
        "建成人才房300套，新建楼宇4栋。",
        [(300, "count", "exact"), (4, "count", "exact")],
    ),
    # --- area, length, volume, mass, energy
    ("unit_area", "整备土地120亩。", [(120 * 2000 / 3, "m2", "exact")]),
    ("unit_area", "新增绿地3.5公顷。", [(35000, "m2", "exact")]),
    ("unit_area", "辖区面积78.66平方千米。", [(7.866e7, "m2", "exact")]),
    ("unit_area", "建成面积5000m²的展厅。", [(5000, "m2", "exact")]),
    ("unit_area", "占地2.3km²。", [(2.3e6, "m2", "exact")]),
    (
        "unit_length",
        "新建自行车道12公里，河道护岸800米。",
        [(12000, "m", "exact"), (800, "m", "exact")],
    ),
    ("unit_length", "管网长度3.2千米。", [(3200, "m", "exact")]),
    ("unit_volume", "日处理污水15万立方米。", [(150000, "m3", "exact")]),
    (
        "unit_mass",
        "清运垃圾3.6万吨，回收废品800吨。",
        [(3.6e7, "kg", "exact"), (8e5, "kg", "exact")],
    ),
    ("unit_energy", "新增光伏装机5000千瓦。", [(5000, "kW", "exact")]),
    ("unit_energy", "储能容量2.5万千瓦。", [(25000, "kW", "exact")]),
    ("unit_energy", "充电负荷12兆瓦。", [(12000, "kW", "exact")]),
    ("unit_energy", "节约用电300万千瓦时。", [(3e6, "kWh", "exact")]),
    # --- currencies
    ("unit_currency", "吸引港资12亿港元。", [(1.2e9, "HKD", "exact")]),
    ("unit_currency", "合同金额500万欧元。", [(5e6, "EUR", "exact")]),
    ("unit_currency", "投资3亿日元。", [(3e8, "JPY", "exact")]),
    ("unit_currency", "融资200万英镑。", [(2e6, "GBP", "exact")]),
    (
        "unit_currency",
        "港澳投资8000万澳门元、3亿港币。",
        [(8e7, "MOP", "exact"), (3e8, "HKD", "exact")],
    ),
    ("unit_currency", "实际使用外资5.6亿美元。", [(5.6e8, "USD", "exact")]),
    ("unit_currency", "注册资本人民币3000万元。", [(3e7, "CNY", "exact")]),
    # --- scores, days, rates
    ("unit_score", "满意度测评得分92.6分。", [(92.6, "points", "exact")]),
    ("unit_days", "空气质量优良天数339天。", [(339, "days", "exact")]),
    ("unit_rate", "地均产出120亿元/平方公里。", [(120e8 / 1e6, "CNY_per_m2", "exact")]),
    ("unit_rate", "均价6.5万元/平方米。", [(65000, "CNY_per_m2", "exact")]),
    ("unit_rate", "每千人口拥有床位4.2张。", [(4.2, "per_1k_people", "exact")]),
    ("unit_rate", "每万人口发明专利拥有量312件。", [(312, "per_10k_people", "exact")]),
    # --- qualifiers and shapes
    ("qualifier", "增速高于2%。", [(2, "percent", "over")]),
    ("qualifier", "成本低于100万元。", [(1e6, "CNY", "under")]),
    ("qualifier", "面积大于500平方米。", [(500, "m2", "over")]),
    (
        "qualifier",
        "不少于30家，至少5个，最多8人。",
        [(30, "count", "at_least"), (5, "count", "at_least"), (8, "count", "under")],
    ),
    ("qualifier", "将近2000人，20万元上下。", [(2000, "count", "nearly"), (2e5, "CNY", "approx")]),
    ("qualifier", "最高奖励500万元。", [(5e6, "CNY", "under")]),
    ("qualifier", "投资超过80万元以上。", [(8e5, "CNY", "over")]),
    ("qualifier", "约300人左右参加。", [(300, "count", "approx")]),
    (
        "qualifier",
        "签约项目25个，节约资金30万元。",
        [(25, "count", "exact"), (3e5, "CNY", "exact")],
    ),
    ("qualifier", "少于10人，多于6家。", [(10, "count", "under"), (6, "count", "over")]),
    ("qualifier", "不低于85%，小于3%。", [(85, "percent", "at_least"), (3, "percent", "under")]),
    ("range", "增长6%-6.5%。", [(6.25, "percent", "range")]),
    ("range", "投资20至30亿元。", [(2.5e9, "CNY", "range")]),
    ("range", "新增3万—4万个。", [(35000, "count", "range")]),
    ("range", "规模约100亿～120亿元。", [(1.1e10, "CNY", "range")]),
    ("fraction", "占全区三分之一。", [(100 / 3, "percent", "exact")]),
    ("fraction", "约1/4左右。", [(25, "percent", "approx")]),
    ("fraction", "死亡率1.2‰。", [(0.12, "percent", "exact")]),
    ("fraction", "商品八折出售，近三成。", [(80, "percent", "exact"), (30, "percent", "nearly")]),
    ("doubling", "产值翻一番多。", [(2, "times", "over")]),
    ("doubling", "总量实现翻番。", [(2, "times", "exact")]),
    # --- not quantities (none listed); the quantities beside them are
    ("not_quantity", "根据福府〔2023〕12号文件。", []),
    ("not_quantity", "1-6月累计增长8%。", [(8, "percent", "exact")]),
    ("not_quantity", "地铁11号线福田站。", []),
    ("not_quantity", "地址：福华路268号。", []),
    ("not_quantity", "请拨打12345热线。", []),
    ("not_quantity", "咨询电话0755-82918888。", []),
    ("not_quantity", "邮编518048。", []),
    ("not_quantity", "办公时间8:30-17:30。", []),
    ("not_quantity", "提供7×24小时服务。", []),
    ("not_quantity", "按1:1配套，结构为0.1:6.2:93.7。", []),
    ("not_quantity", "保持两位数增长，三次产业协调。", []),
    ("not_quantity", "升级至2.0版本，建设5G基站。", []),
    ("not_quantity", "创建5A级景区，第三批名单。", []),
]
