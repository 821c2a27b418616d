"""The grammar's tables for the docs, made from the grammar's own tables and code.

Three tables that the method and curation pages show, each built from the package at docs-build
time (:mod:`generate` writes them to ``docs/_generated/``), so that none can drift from the code:

- :func:`qualifiers_page`: every reading of a qualifier, its words (from
  :mod:`futian_indicators.language.lexicon`), its strict and lenient interval as a formula, and
  an example. The formula is not typed in: each end the rule of
  :mod:`futian_indicators.language.readings` gives is matched against a list of candidate
  formulas on stated numbers chosen so that no two candidates agree, and a rule no candidate
  matches stops the build. The example intervals are what :func:`~futian_indicators.parse_quantity`
  reads. The forms with no qualifier word (fractions, doublings, ranks) follow, read the same way;
- :func:`units_page`: every base unit of :data:`futian_indicators.vocab.UNITS`, its unit words
  and their factors (:data:`~futian_indicators.language.lexicon.UNIT_WORDS`), the forms read
  into it with no unit word, and where an ``under`` reading starts;
- :func:`mention_kinds_page`: every kind of :data:`futian_indicators.vocab.MENTION_KINDS`, with
  mentions of it that the finder finds in sample words, and the reason it is not a figure.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal

from myst_text import table, text

from futian_indicators import extract_quantities, parse_quantity, vocab
from futian_indicators.core.interval import Interval
from futian_indicators.language import lexicon, readings
from futian_indicators.language.mentions import AUTOMATIC_REASONS, MEASURE_KINDS
from futian_indicators.language.normalise import page_numbers
from futian_indicators.language.readings import Stated


def _number(value: float) -> str:
    """A number as the method page writes it: 1,100; 16.6667; ∞."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def interval_text(interval: Interval) -> str:
    """An interval as the method page writes it: ``[99.5, 100.5]``, ``(100, ∞)``."""
    left = "[" if interval.lower_closed else "("
    right = "]" if interval.upper_closed else ")"
    return f"{left}{_number(interval.lower)}, {_number(interval.upper)}{right}"


# --- Qualifiers -----------------------------------------------------------------------------

_A, _N, _K = readings.APPROX_BAND, readings.NEARLY_BAND, readings.LENIENT_BAND_FACTOR

#: The formulas an end of a reading's interval may be, as functions of the stated number
#: (notation of :mod:`futian_indicators.language.readings`; u is one unit of the last written
#: digit, after a multiplier).
_END_FORMULAS: Mapping[str, Callable[[Stated], Decimal | None]] = {
    "x": lambda s: s.value,
    "x-h": lambda s: s.value - s.half,
    "x+h": lambda s: s.value + s.half,
    "x-h'": lambda s: s.value - s.half_nonzero,
    "x+h'": lambda s: s.value + s.half_nonzero,
    "x+s": lambda s: s.value + s.step,
    "x+u": lambda s: s.value + s.step_written,
    "x-max(h, a·x)": lambda s: s.value - max(s.half, _A * s.value),
    "x+max(h, a·x)": lambda s: s.value + max(s.half, _A * s.value),
    "x-max(h', k·a·x)": lambda s: s.value - max(s.half_nonzero, _K * _A * s.value),
    "x+max(h', k·a·x)": lambda s: s.value + max(s.half_nonzero, _K * _A * s.value),
    "x·(1-n)": lambda s: s.value * (1 - _N),
    "x·(1-k·n)": lambda s: s.value * (1 - _K * _N),
    "L": lambda s: s.floor,
    "∞": lambda s: None,
}


def _probe(x: str, h: str, h_nonzero: str, step: str, written: str) -> Stated:
    return Stated(
        value=Decimal(x),
        half=Decimal(h),
        half_nonzero=Decimal(h_nonzero),
        step=Decimal(step),
        step_written=Decimal(written),
        floor=Decimal(-3),
        truncatable=False,
    )


# Stated numbers on which no two candidate formulas agree (h' both below and above k·a·x, h both
# below and above a·x), so the formula that fits a rule on all of them is the rule's.
_PROBES = (
    _probe("1000", "0.5", "30", "200", "7"),
    _probe("1000", "0.5", "300", "200", "7"),
    _probe("2000", "150", "300", "200", "7"),
)


def _formula(ends: list[float], lower: bool, reading: str) -> str:
    """The candidate formula that gives these ends (one a probe), or an error naming the rule."""
    for name, formula in _END_FORMULAS.items():
        values = [formula(p) for p in _PROBES]
        expected = [(-math.inf if lower else math.inf) if v is None else float(v) for v in values]
        if expected == ends:
            return "-∞" if name == "∞" and lower else name
    side = "lower" if lower else "upper"
    msg = (
        f"the {side} end of the reading {reading!r} fits none of the formulas of "
        f"docs/_ext/grammar_tables.py ({ends}); add the rule's formula to _END_FORMULAS"
    )
    raise ValueError(msg)


def _formula_text(intervals: list[Interval], reading: str) -> str:
    """A reading's interval on the probes, as a formula with its brackets: ``(x, x+s)``."""
    lower = _formula([i.lower for i in intervals], True, reading)
    upper = _formula([i.upper for i in intervals], False, reading)
    closed = {(i.lower_closed, i.upper_closed) for i in intervals}
    if len(closed) != 1:
        raise ValueError(f"the reading {reading!r} closes its ends differently on the probes")
    ((lower_closed, upper_closed),) = closed
    return f"{'[' if lower_closed else '('}{lower}, {upper}{']' if upper_closed else ')'}"


def rule_formulas(reading: str) -> tuple[str, str]:
    """The strict and the lenient formula of a reading of :data:`readings.RULES`, from its rule.

    Examples
    --------
    >>> rule_formulas("more")
    ('(x, x+s)', '[x, x+s]')
    """
    results = [readings.RULES[reading](p) for p in _PROBES]
    return (
        _formula_text([strict for strict, _ in results], reading),
        _formula_text([lenient for _, lenient in results], reading),
    )


def _range_formulas() -> tuple[str, str]:
    """The formulas of :func:`readings.range_rule`, checked on two ends as the rules are."""
    low, high = _PROBES[0], _probe("2000", "0.25", "70", "200", "7")
    strict, lenient = readings.range_rule(low, high)
    expected = (
        (float(low.value - low.half), float(high.value + high.half)),
        (float(low.value - low.half_nonzero), float(high.value + high.half_nonzero)),
    )
    if ((strict.lower, strict.upper), (lenient.lower, lenient.upper)) != expected:
        raise ValueError("the range rule is no longer [a-h_a, b+h_b]; update grammar_tables.py")
    return "[a-h_a, b+h_b]", "[a-h'_a, b+h'_b]"


def _words(table: Mapping[str, str | None], reading: str | None) -> list[str]:
    return [word for word, r in table.items() if r == reading]


def _reading_words(reading: str) -> tuple[str, str]:
    """The words of a reading, by where they stand, and an example phrase made of the first."""
    more = ", ".join(lexicon.MORE_AFTER_UNITS)
    if reading == "exact":
        achieved = _words(lexicon.PRE_QUALIFIERS, None)
        return f"(none), {', '.join(achieved)} (before)", "100家"
    if reading == "more_written":
        words = ", ".join(lexicon.AFTER_NUMBER_QUALIFIERS)
        return f"{words} (right after a multiplier: 30万余)", "30万余元"
    places = [
        ("before", _words(lexicon.PRE_QUALIFIERS, reading), "{}100家"),
        ("before 百, 千, 万, 亿", _words(lexicon.BARE_MULTIPLIER_QUALIFIERS, reading), "{}百家"),
        ("after the number", _words(lexicon.AFTER_NUMBER_QUALIFIERS, reading), "100{}家"),
        ("after the unit", _words(lexicon.POST_QUALIFIERS, reading), "100家{}"),
        ("a few characters before, in the clause",
         _words(lexicon.DISTANT_QUALIFIERS, reading), ""),
    ]  # fmt: skip
    post = f"after the unit; 多 only after {more}"
    parts = [
        f"{', '.join(words)} ({post if where == 'after the unit' and '多' in words else where})"
        for where, words, _ in places
        if words
    ]
    example = next(form.format(words[0]) for _, words, form in places if words and form)
    return "; ".join(parts), example


def _example_row(words: str) -> list[str]:
    q = parse_quantity(words)
    return [text(words), interval_text(q.strict), interval_text(q.lenient)]


#: The phrases of the forms with no qualifier word of their own, read by the grammar.
FORM_EXAMPLES = (
    "三分之一",
    "1/3",
    "近三分之二",
    "1/3左右",
    "百分之十二",
    "七成",
    "1.8‰",
    "六折",
    "翻番",
    "翻两番",
    "翻一番多",
    "第3",
    "前三",
)


def qualifiers_page() -> str:
    """The qualifier table: every reading, its words, its formulas, an example read by the code."""
    rows = []
    for reading in [*readings.RULES, "range"]:
        if reading == "range":
            separators = ", ".join(lexicon.RANGE_SEPARATORS)
            words, example = f"a and b joined by {separators}", "100-200家"
            strict, lenient = _range_formulas()
        else:
            words, example = _reading_words(reading)
            strict, lenient = rule_formulas(reading)
        qualifier = readings.QUALIFIER_OF_READING[reading]
        rows.append(
            [f"`{qualifier}`", f"`{reading}`", text(words), text(strict), text(lenient),
             *_example_row(example)]
        )  # fmt: skip
    constants = (
        f"a = `APPROX_BAND` = {_A}, n = `NEARLY_BAND` = {_N}, k = `LENIENT_BAND_FACTOR` = {_K}"
    )
    header = ["qualifier", "reading", "words", "strict", "lenient", "example", "its strict",
              "its lenient"]  # fmt: skip
    truncated = _example_row("99%")
    forms = [
        [text(words), text(q.unit), f"`{q.qualifier}`", _number(q.value),
         interval_text(q.strict), interval_text(q.lenient)]
        for words in FORM_EXAMPLES
        for q in [parse_quantity(words)]
    ]  # fmt: skip
    return "\n\n".join(
        [
            table(header, rows),
            f"Constants: {constants}; L is 0 for the units that cannot be negative, -∞ for the "
            f"others ({', '.join(f'`{u}`' for u in vocab.SIGNED_UNITS)}); an exact 0 and the "
            "low end 0 of a range never reach below 0. For "
            f"{', '.join(f'`{u}`' for u in sorted(readings.TRUNCATED_UNITS))} the lenient upper "
            "end of an exact number is at least x+2h, since a share may be truncated rather "
            f"than rounded: 99% is {truncated[1]} strictly and {truncated[2]} leniently.",
            "The forms with no qualifier word of their own (they take the qualifiers of a "
            "number: 近三分之二, 1/3左右), as the grammar reads them:",
            table(["words", "unit", "qualifier", "value", "strict", "lenient"], forms),
        ]
    )


# --- Base units -----------------------------------------------------------------------------

#: Phrases read into a unit with no unit word of their own (or with a rate's words around).
UNIT_FORM_EXAMPLES = ("三分之一", "1/3", "百分之十二", "翻两番", "第3", "前三", "120亿元/平方公里")
#: Sentences whose number the words around give a unit (a rate per population).
UNIT_CONTEXT_EXAMPLES = ("每千人口床位4.2张", "每万人口发明专利312件")


def _factor(word: str, factor: Decimal, unit: str) -> str:
    if factor == 1:
        return text(word)
    shown = _number(float(factor))
    return f"{text(word)} (= {shown} {unit})"


def unit_forms() -> dict[str, list[str]]:
    """The phrases read into each unit with no unit word of theirs, by the unit the code gives."""
    forms: dict[str, list[str]] = {}
    for words in UNIT_FORM_EXAMPLES:
        forms.setdefault(parse_quantity(words).unit, []).append(words)
    for sentence in UNIT_CONTEXT_EXAMPLES:
        row = extract_quantities(sentence).iloc[0]
        forms.setdefault(str(row["unit"]), []).append(sentence)
    return forms


def units_page() -> str:
    """The base units: their unit words and factors, other forms, where ``under`` starts."""
    forms = unit_forms()
    multipliers = ", ".join(lexicon.MULTIPLIERS)
    rows = []
    for unit in vocab.UNITS:
        words = [(w, word) for w, word in lexicon.UNIT_WORDS.items() if word.unit == unit]
        spelled = ", ".join(_factor(w, word.factor, unit) for w, word in words)
        scalable = any(word.scalable for _, word in words)
        floor = "0" if unit in readings.NON_NEGATIVE_UNITS else "-∞"
        rows.append(
            [f"`{unit}`", spelled or "—", "yes" if scalable else "no",
             text(", ".join(forms.get(unit, []))) or "—", floor]
        )  # fmt: skip
    header = ["unit", "unit words", f"after {multipliers}", "other forms",
              "不超过, 不足 start at"]  # fmt: skip
    return table(header, rows)


# --- Mention kinds --------------------------------------------------------------------------

#: Sample words of the genre, each holding mentions of the kind it is listed under.
KIND_SAMPLES: Mapping[str, str] = {
    "quantity": "超1100亿元，20余场，七成，89.1%，10000P，翻两番，百分之十二，1/3左右",
    "rank": "全市第一，全市第3，前三",
    "date": "2024年，2023年8月底，2023年上半年，2015我区",
    "doc_number": "第2025136号，TA 20210091，电话83678350",
    "ordinal": "第5年，第二十四届，政协五届七次会议，一是，（一）",
    "code": "“20+8”，5G，1.0版本，世界500强，百亿级",
    "duration": "3年累计增长，3天内",
    "period": "1-5月，1至6月",
    "address": "深南大道5011号，地铁14号线",
    "clock_time": "办公时间9:00-18:00",
    "ratio": "按1:1配套",
}
#: A raw letter's page break, for the one kind normalisation drops (the build finds it raw).
PAGE_NUMBER_SAMPLE = "的问题，\n\n\n\n4\n\n对接"


def kind_examples(kind: str) -> list[str]:
    """The mentions of a kind that the finder finds in its sample words."""
    if kind == "page_number":
        return [PAGE_NUMBER_SAMPLE[a:b] for a, b in page_numbers(PAGE_NUMBER_SAMPLE)]
    frame = extract_quantities(KIND_SAMPLES[kind])
    return [str(t) for t in frame.loc[frame["kind"] == kind, "text"]]


def mention_kinds_page() -> str:
    """Every mention kind: found examples, whether it is a measure, the reason it is not."""
    rows = []
    for kind in vocab.MENTION_KINDS:
        examples = kind_examples(kind)
        if not examples:
            msg = f"the sample words of the mention kind {kind!r} hold none: fix KIND_SAMPLES"
            raise ValueError(msg)
        measure = "yes" if kind in MEASURE_KINDS else "no"
        reason = AUTOMATIC_REASONS.get(kind, "curated as a figure, or given a reason")
        rows.append([f"`{kind}`", text(", ".join(examples)), measure, text(reason)])
    return table(["kind", "examples (as the finder finds them)", "a measure?", "reason"], rows)


#: The fragments of this module, by file name (under ``docs/_generated/``).
PAGES: Mapping[str, Callable[[], str]] = {
    "qualifiers.md": qualifiers_page,
    "units.md": units_page,
    "mention_kinds.md": mention_kinds_page,
}
