"""Controlled vocabularies: the values a categorical column may take.

One place for them, so that curation, the schema and the loaders' filters agree. Light on
purpose: importing it imports nothing else.
"""

from __future__ import annotations

from typing import NamedTuple

SOURCE_KINDS = ("cppcc_proposal_reply", "npc_suggestion_reply")
"""What a source is: a reply to a CPPCC proposal (提案) or a People's Congress suggestion (建议)."""

GEOS = ("futian", "hetao_shenzhen_park", "shenzhen")
"""Areas a figure can be of: Futian District; the Shenzhen Park of the Hetao Shenzhen-Hong Kong
Science and Technology Innovation Cooperation Zone (河套深港科技创新合作区深圳园区); Shenzhen."""

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

UNITS = ("CNY", "USD", "count", "percent", "percentage_point", "m2", "times", "pflops", "rank")
"""Base units of figure values: yuan, US dollars, a count of things, percent (19.3 means 19.3 %),
percentage points, square metres, times (倍), petaflops of computing power (P), a rank (第3 is 3:
1 is the first place)."""

MEASURES = ("flow", "stock", "rate", "share", "growth", "ratio", "rank", "count")
"""What kind of quantity an indicator is."""

PERIOD_TYPES = ("year", "half_year", "quarter", "month", "as_of", "multi_year", "since")
"""How a period label reads; see :func:`futian_indicators.core.period.parse_period`."""

MENTION_KINDS = ("quantity", "rank", "date", "doc_number", "ordinal", "code", "duration")
"""What a number mention in a letter is; only quantity and rank are measures (see extract)."""

RULE_KINDS = ("agreement", "monotone", "identity", "bound", "target")
"""What a consistency rule asserts (docs/rules.md)."""

SEVERITIES = ("error", "warning", "info")
"""How much a failed rule matters: error fails ``futian-indicators check``."""

CHECK_STATUSES = ("pass", "tension", "fail", "not_applicable")
"""The result of a rule: strict readings compatible, only lenient ones, neither, or no test."""

CHECK_STATUSES_WORST_FIRST = ("fail", "tension", "pass", "not_applicable")
"""The order in which reports and plots list results."""

# --- drafting -------------------------------------------------------------------------------------

SOURCE_ID_PATTERN = r"[a-z][a-z0-9]*-[a-z0-9][a-z0-9\-]*"
"""A source id: a body (cppcc, npc, ...), a dash and the document number, in lower case
(``cppcc-2025136``, ``npc-20240294``). A pattern to match in full (``re.fullmatch``)."""

# --- Cells of the tables as text (the build's CSV, the loaders, export, the command line) ------

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
}
"""The display unit of each of :data:`UNITS` (values are stored in base units)."""

SMALL_UNIT_LABELS: dict[str, UnitLabels] = {
    "CNY": UnitLabels(1e4, "万元", "10,000 CNY"),
    "USD": UnitLabels(1e4, "万美元", "10,000 USD"),
    "m2": UnitLabels(1.0, "平方米", "m²"),
}
"""The smaller display unit the letters use for amounts under one display unit (最高200万元)."""
