"""Controlled vocabularies: the values a categorical column may take.

One place for them, so that curation, the schema and the loaders' filters agree. Light on
purpose: importing it imports nothing else.
"""

from __future__ import annotations

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
"""How the words qualify the number (intervals: :mod:`futian_indicators.language.quantity`);
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

INF_TEXT = "INF"
"""An open upper end (an infinite bound) written as text, as Table Schema writes it."""

NEG_INF_TEXT = "-INF"
"""An open lower end written as text."""

MISSING_TEXT = ""
"""A missing value (null, NaN) in a CSV cell: the data package's only ``missingValues`` entry."""
