"""Controlled vocabularies: the values a categorical column may take.

One place for them, so that curation, the schema and the loaders' filters agree. Light on
purpose: importing it imports nothing else.
"""

from __future__ import annotations

from typing import NamedTuple

SOURCE_KINDS = ("cppcc_proposal_reply", "npc_suggestion_reply")
"""What a source is: a reply to a CPPCC proposal (提案) or a People's Congress suggestion (建议)."""

GEOS = ("futian", "hetao_shenzhen_park", "hetao_zone", "shenzhen", "hong_kong")
"""Areas a figure can be of: Futian District; the Shenzhen Park of the Hetao Shenzhen-Hong Kong
Science and Technology Innovation Cooperation Zone (河套深港科技创新合作区深圳园区); the whole
cooperation zone (河套深港科技创新合作区, the Shenzhen Park and the Hong Kong side); Shenzhen;
Hong Kong (a figure the letter states of Hong Kong itself: 香港方面, 从香港看)."""

STATUSES = ("actual", "target", "plan", "policy", "derived")
"""actual: an outcome; target: 目标/力争; plan: 计划; policy: a rule's parameter (a subsidy cap);
derived: computed by the package from other figures, never typed in."""

CURATED_STATUSES = ("actual", "target", "plan", "policy")
"""The statuses a curator may type (``derived`` is the package's own)."""

QUALIFIERS = ("exact", "approx", "over", "at_least", "nearly", "under", "range", "computed")
"""How the words qualify the number (intervals: :mod:`futian_indicators.language.readings`);
``computed`` marks a derived figure, whose interval is computed from others
(:mod:`futian_indicators.consistency.engine`)."""

CURATED_QUALIFIERS = QUALIFIERS[:-1]
"""The qualifiers words can have."""

UNITS = (
    "CNY",
    "USD",
    "HKD",
    "EUR",
    "JPY",
    "GBP",
    "MOP",
    "count",
    "percent",
    "percentage_point",
    "m2",
    "m",
    "m3",
    "kg",
    "kW",
    "kWh",
    "times",
    "points",
    "days",
    "CNY_per_m2",
    "per_1k_people",
    "per_10k_people",
    "pflops",
    "rank",
)
"""Base units of figure values: money in yuan (CNY, 元, 人民币), US dollars (USD, 美元),
Hong Kong dollars (HKD, 港元, 港币), euros (EUR, 欧元), yen (JPY, 日元), pounds (GBP, 英镑) and
patacas (MOP, 澳门元); a count of things (家, 个, 张, 辆, 处, 宗, 户, 人次 ...); percent (19.3
means 19.3 %; 成, 折 and ‰ are read into it); percentage points; square metres (m2: 平方米,
㎡, 亩 = 2000/3 m2, 公顷, 平方公里); metres (m: 米, 公里, 千米); cubic metres (m3: 立方米);
kilograms (kg: 吨, 公斤); kilowatts (kW: 千瓦, 兆瓦) and kilowatt hours (kWh: 千瓦时); times
(倍, 翻番); points of a score (92.6分); a number of days counted as a measure (优良天数339天);
yuan per square metre (CNY_per_m2: 亿元/平方公里, 元/平方米); a number per thousand and per ten
thousand people (per_1k_people: 每千人口床位4.2张; per_10k_people: 每万人口312件);
petaflops of computing power (P); a rank (第3 is 3: 1 is the first place)."""

SIGNED_UNITS = ("percent", "percentage_point", "times", "rank")
"""The units whose values may be negative or are not amounts (a change in percent, a multiple,
a place); every other unit is an amount that cannot be below 0, so 不超过 and 不足 start at 0."""

MEASURES = ("stock", "flow", "rate", "share", "growth", "ratio", "rank", "parameter")
"""What kind of quantity an indicator is, one meaning each: a stock (a level at a date: firms
counted, patents in force), a flow (counted over a period: GDP, events held, firms served), a rate
(a count per people or per done, 每万人口, 办结率), a share (a part of a whole, 占全市), a growth
(a change over a period, 增长), a ratio (one quantity over another of a different kind), a rank
(a place among areas), a parameter (a rule's number: a subsidy cap, a rate a policy grants)."""

FLOW_MEASURES = ("flow",)
"""The measures counted over a period: their figures may never be ``as_of`` a date (a flow
counted up to a date with no stated start is ``to_date``)."""

PERIOD_MEASURES = (*FLOW_MEASURES, "growth")
"""The measures stated over a period (a flow, and the growth of anything): with no date
stated, their figure is of a year, where a stock's is of a day."""

PERIOD_TYPES = (
    "year",
    "half_year",
    "quarter",
    "month",
    "as_of",
    "to_date",
    "multi_year",
    "since",
)
"""How a period label reads; see :func:`futian_indicators.core.period.parse_period`."""

BASES = ("quote", "context", "convention", "judgement")
"""What a figure's label (period, geo, status) rests on, strongest first: the quote's own words,
other words of the letter (their place is in the evidence table), a documented convention, or the
curator's judgement (the reason is in the figure's note)."""

LABELS = ("period", "geo", "status")
"""The labels of a figure that each have a basis."""

CONVENTIONS = {"period": "letter_date", "geo": "district", "status": "actual"}
"""The one documented convention of each label: ``letter_date`` (a stock, or a count up to now,
stated with no date is as of, or up to, the letter's date; an undated letter cannot give it),
``district`` (Futian, where the letter names no area), ``actual`` (where no target, plan or
policy word governs the figure)."""

LABEL_FILTERS = ("any", "documented", "words")
"""The ``labels=`` filter of ``load_figures``: every figure; those with no judgement basis and
not doubtful; those whose every label rests on words (quote or context)."""

MENTION_KINDS = (
    "quantity",
    "rank",
    "date",
    "doc_number",
    "ordinal",
    "code",
    "duration",
    "page_number",
    "period",
    "address",
    "clock_time",
    "ratio",
)
"""What a number mention in a letter is; only quantity and rank are measures (see extract).
Besides those: ``page_number``, a page number of the published letter (normalisation drops it;
the build finds it in the raw letter); ``period``, a span of months (1-5月, 1至6月);
``address``, a place's number (深南大道5011号, 地铁14号线, 3号楼); ``clock_time``, a time of day
(9:00-18:00); ``ratio``, a proportion of two or more numbers (1:1, 0.03:5.87:94.10)."""

CHECK_KINDS = ("agreement", "monotone", "identity", "bound")
"""What a consistency check asserts (docs/rules.md): the relations a check may test."""

MENTION_REASONS = {
    "date": "a date, not a measure",
    "doc_number": "a document or telephone number, not a measure",
    "ordinal": "an ordinal (a heading, a session, a place in a sequence), not a measure",
    "code": "a name or code that holds a number (20+8, 5G, 百亿级), not a measure",
    "duration": "a length of time that qualifies another number, not a measure",
    "page_number": "a page number of the published letter, not a measure",
    "period": "a span of months or a period, not a measure",
    "address": "a number in an address or the name of a line or building, not a measure",
    "clock_time": "a time of day, not a measure",
    "ratio": "a ratio of numbers (1:1), not a measure",
}
"""For every mention kind that is never a measure, the one-line reason it is not a figure."""

RULE_KINDS = (*CHECK_KINDS, "derivation")
"""The kinds of rule in rules.yaml: the consistency checks, and derivations (rules that compute a
figure no letter states; they test nothing and have their own table)."""

SEVERITIES = ("error", "warning", "info")
"""How much a failed rule matters: error fails ``futian-indicators check``."""

CHECK_STATUSES = ("pass", "tension", "fail")
"""The result of a check: strict readings compatible, only lenient ones, neither."""

LEGACY_CHECK_STATUSES = ("not_applicable",)
"""Statuses only data versions before 2.0.0 have (a guarded rule, or nothing to compare)."""

CHECK_STATUSES_WORST_FIRST = ("fail", "tension", "pass", "not_applicable")
"""The order in which reports and plots list results (not_applicable: older data versions)."""

TARGET_OUTCOMES = ("met", "possibly_met", "not_yet_met", "missed", "no_actual")
"""How a target or plan stands against its latest comparable actual: surely reached; reached
under some reading of the words; not reached by an actual of an earlier period; not reached by
an actual of the target's own period; no comparable actual in the letters."""

TARGET_STATUSES = ("target", "plan")
"""The figure statuses the targets table follows."""

# --- drafting -------------------------------------------------------------------------------------

SOURCE_ID_PATTERN = r"[a-z][a-z0-9]*-[a-z0-9][a-z0-9\-]*"
"""A source id: a body (cppcc, npc, ...), a dash and the document number, in lower case
(``cppcc-2025136``, ``npc-20240294``). A pattern to match in full (``re.fullmatch``)."""

# --- Cells of the tables as text (the build's CSV, the loaders, export, the command line) ------

EXPORT_FORMATS = ("csv", "parquet", "json")
"""The file formats ``export`` writes (``futian-indicators export --format``)."""

LIST_SEPARATOR = ";"
"""Separates several ids in one cell (mentions.figure_id, figures.derived_from, checks.figure_ids
and checks.source_ids); an id never contains it."""

FIGURE_COUNTS = {
    "curated": "curated figures",
    "derived": "derived figures",
    "total": "figures in total",
}
"""What every count of figures is called, wherever it is printed (summary, list, versions):
curated figures are read off a letter (any status but ``derived``), derived figures computed by
the package's rules, and figures in total both."""

ALIAS_SEPARATOR = "|"
"""Separates the aliases in ``indicators.aliases_zh``."""

INF_TEXT = "INF"
"""An open upper end (an infinite bound) written as text, as Table Schema writes it."""

NEG_INF_TEXT = "-INF"
"""An open lower end written as text."""

MISSING_TEXT = ""
"""A missing value (null, NaN) in a CSV cell: the data package's only ``missingValues`` entry."""

# --- readers: labels of the vocabularies above, and the list separator ------------------------


class SourceKindWords(NamedTuple):
    """How a kind of source is named: its id body and its words in English and Chinese."""

    id_body: str
    """The body that starts a source id of this kind (``cppcc`` in ``cppcc-2025136``)."""
    body_en: str
    """The body replied to, short (a plot's legend): ``CPPCC``, ``NPC``."""
    body_en_full: str
    """The body replied to, spelled out (a citation): ``CPPCC``, ``People's Congress``."""
    item_en: str
    """What the body wrote: ``proposal``, ``suggestion``."""
    body_zh: str
    """The body in Chinese: 政协, 人大."""
    item_zh: str
    """What the body wrote, in Chinese: 提案, 建议."""


SOURCE_KIND_WORDS: dict[str, SourceKindWords] = {
    "cppcc_proposal_reply": SourceKindWords("cppcc", "CPPCC", "CPPCC", "proposal", "政协", "提案"),
    "npc_suggestion_reply": SourceKindWords(
        "npc", "NPC", "People's Congress", "suggestion", "人大", "建议"
    ),
}
"""The words of each of :data:`SOURCE_KINDS`."""


class UnitLabels(NamedTuple):
    """How values of a base unit are shown: the divisor from base units and the unit's labels."""

    divisor: float
    """Base units per display unit (1e8: yuan are shown in 亿元)."""
    zh: str
    """The label after a number (亿元, %; empty for a count)."""
    en: str
    """The label in ASCII English, as on a plot's axis (``100 million CNY``)."""
    zh_axis: str = ""
    """On a plot's axis in Chinese, when not ``zh`` (名次 for a rank, 个 for a count)."""


UNIT_LABELS: dict[str, UnitLabels] = {
    "CNY": UnitLabels(1e8, "亿元", "100 million CNY"),
    "USD": UnitLabels(1e8, "亿美元", "100 million USD"),
    "m2": UnitLabels(1e4, "万平方米", "10,000 m²"),
    "percent": UnitLabels(1.0, "%", "%"),
    "percentage_point": UnitLabels(1.0, "个百分点", "percentage points"),
    "count": UnitLabels(1.0, "", "number", "个"),
    "times": UnitLabels(1.0, "倍", "times"),
    "pflops": UnitLabels(1.0, "P", "PFLOPS", "P"),
    "rank": UnitLabels(1.0, "rank", "rank, 1 = first", "名次"),
    "per_10k_people": UnitLabels(1.0, "每万人", "per 10,000 people", "每万人"),
}
"""The display unit of each of :data:`UNITS` (values are stored in base units)."""

SMALL_UNIT_LABELS: dict[str, UnitLabels] = {
    "CNY": UnitLabels(1e4, "万元", "10,000 CNY"),
    "USD": UnitLabels(1e4, "万美元", "10,000 USD"),
    "m2": UnitLabels(1.0, "平方米", "m²"),
}
"""The smaller display unit the letters use for amounts under one display unit (最高200万元)."""
