"""Draft the annotation of a new letter: every measure it mentions, as a figure to review.

``futian-indicators extract LETTER.txt --source-id ID`` (:func:`extract_letter`) adds a letter
to ``data/raw``: it copies the letter to ``letters/<ID>.txt``, appends a draft record to
``sources.yaml`` (what the heading, salutation, signature and date state:
:mod:`futian_indicators.drafting.heading`) and writes ``figures/<ID>.yaml`` with a draft figure for
every quantity and rank the extractor finds (:func:`draft_figures`). The draft builds as it stands
(``futian-indicators build``); a curator then reviews each figure, corrects it and replaces its
note. Nothing here is final data: every draft note starts with ``draft:``.

How a draft figure is proposed
------------------------------
indicator
    The codebook's ``aliases_zh`` are looked for around the number, among the indicators whose
    unit is the number's unit (``…`` in an alias stands for a gap: 体量…全市第一). An alias
    the number stands inside wins first (覆盖国家 in 覆盖56个国家, 香港高校 in 香港5所高校);
    then the nearest alias in the number's phrase (up to 、), then its clause (up to ，；：), then
    its sentence. Within a level an alias right after a count comes first (5个
    *大型央企研发中心*), then the nearest before the number (*地区生产总值* 5948.82亿元), then the
    nearest after; an alias with another number between it and this one comes after those with
    none; of two at the same place the longer wins. When several indicators share the winning
    alias (同比增长), the one whose other words (other aliases, name, base indicator's words)
    stand nearest before the number wins: 同比增长 after 知识产权质押融资登记金额 is
    ``ip_pledge_financing_growth``. A number with no alias of its unit around it is *not placed*.
period, status, geo
    From the words around the number: :mod:`futian_indicators.drafting.cues`.
quote
    The number's clause, narrowed so that the number's words occur once in it, widened clause by
    clause until it occurs once in the letter.
value, unit, qualifier
    :func:`~futian_indicators.language.quantity.parse_quantity` of the number's words.
note
    ``draft: confidence 0.9; indicator from alias “…” (…); period … from …; status … (…)``.
    Confidence is 0.9 for an alias in the number's phrase, 0.7 in its clause, 0.5 in its
    sentence, less 0.2 when another number stands between, 0.1 when several indicators share
    the alias (0.3 when nothing tells them apart) and 0.1 when the letter states no period. The
    figure record has no key for it (the build would refuse one), and the note is where a
    reviewer reads it; a figure whose note still says ``draft:`` is unreviewed.

A number that cannot be placed (no alias, no value, no period) is listed in comments at the top of
the draft and under ``not_figures`` with the reason ``draft: not placed; review``, so that every
number stays accounted for and the draft builds as any curated letter does.
"""

from __future__ import annotations

import hashlib
import os
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import yaml

from ..core.period import parse_period
from ..errors import ArgumentError, CurationError, LetterError, QuantityParseError
from ..language.mentions import MEASURE_KINDS, mention_spans
from ..language.normalise import NormalisedText, normalise
from ..language.quantity import parse_quantity
from ..raw.records import FIGURE_KEYS, read_indicators, read_yaml
from .cues import (
    CLAUSE,
    LEVEL_NAMES,
    PHRASE,
    SENTENCE,
    LetterDates,
    Offsets,
    Periods,
    Place,
    Segments,
    geo_of,
    status_of,
)
from .heading import KIND_BY_BODY, Heading, read_heading

NOT_PLACED_REASON: Final = "draft: not placed; review"
"""The reason a draft gives, under ``not_figures``, to a number it could not place."""

SOURCE_ID_RE: Final = re.compile(r"[a-z][a-z0-9]*-[a-z0-9][a-z0-9\-]*")
"""A source id: a body (cppcc, npc, ...), a dash and the document number, in lower case."""

# ---------------------------------------------------------------------------------------------
# The codebook
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CodebookEntry:
    """What a draft needs of one indicator: its id, unit, measure, words and base."""

    indicator_id: str
    unit: str
    measure: str
    name_zh: str
    aliases_zh: tuple[str, ...]
    base_indicator: str | None = None


def read_codebook(raw_dir: Path) -> list[CodebookEntry]:
    """Read ``indicators.yaml`` for drafting, with the build's reader; invalid records are skipped.

    Raises
    ------
    CurationError
        When the file is missing, is not YAML or holds no valid indicator.
    """
    path = raw_dir / "indicators.yaml"
    problems: list[str] = []
    entries = [
        CodebookEntry(r.indicator_id, r.unit, r.measure, r.name_zh, r.aliases_zh, r.base_indicator)
        for r in read_indicators(path, problems)
    ]
    if not entries:
        detail = f" ({problems[0]})" if problems else ""
        msg = f"{path}: no indicator records found{detail}; a draft needs the codebook's aliases_zh"
        raise CurationError(msg)
    return entries


# ---------------------------------------------------------------------------------------------
# Indicators
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Occurrence:
    """An alias of an indicator found in a letter."""

    start: int
    end: int
    alias: str
    entry: CodebookEntry


def _alias_pattern(alias: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in alias.split("…") if p]
    return re.compile(r"[^。！？]{0,40}?".join(parts))


@dataclass(frozen=True, slots=True)
class _Choice:
    """The indicator proposed for a number, the alias it rests on, and how sure that is."""

    entry: CodebookEntry
    alias: str
    where: str
    confidence: float


# The rank of an alias's place relative to the number (smaller wins within a level).
_AROUND, _RIGHT_AFTER, _BEFORE, _AFTER = range(4)
_PLACE_NAMES: Final = ("around", "right after", "before", "after")
_LEVEL_CONFIDENCE: Final = {PHRASE: 0.9, CLAUSE: 0.7, SENTENCE: 0.5}


class _Matcher:
    """Finds the codebook's aliases in a letter, and chooses an indicator for a number."""

    def __init__(self, codebook: Sequence[CodebookEntry], segments: Segments) -> None:
        self.segments, self.text = segments, segments.text
        self.by_id = {e.indicator_id: e for e in codebook}
        self.order = {e.indicator_id: i for i, e in enumerate(codebook)}
        self.patterns = [
            (alias, _alias_pattern(alias), entry)
            for entry in codebook
            for alias in entry.aliases_zh
        ]
        self.cache: dict[Offsets, list[_Occurrence]] = {}

    def occurrences(self, sentence: Offsets) -> list[_Occurrence]:
        """Every alias in a sentence."""
        if sentence not in self.cache:
            self.cache[sentence] = [
                _Occurrence(m.start(), m.end(), alias, entry)
                for alias, pattern, entry in self.patterns
                for m in pattern.finditer(self.text, *sentence)
            ]
        return self.cache[sentence]

    def wraps(self, mention: Offsets) -> list[_Occurrence]:
        """The aliases the number stands inside (覆盖国家 in 覆盖56个国家)."""
        text, found = self.text, []
        for alias, _, entry in self.patterns:
            for cut in range(1, len(alias) if "…" not in alias else 1):
                head, tail = alias[:cut], alias[cut:]
                if text.startswith(head, mention[0] - cut) and text.startswith(tail, mention[1]):
                    end = mention[1] + len(tail)
                    found.append(_Occurrence(mention[0] - cut, end, alias, entry))
        return found

    def measure(self, entry: CodebookEntry) -> str:
        """The measure that decides stock or flow: a share's, growth's or rank's base's."""
        base = self.by_id.get(entry.base_indicator or "")
        return base.measure if base is not None else entry.measure

    def context(self, place: Place, occurrence: _Occurrence) -> int:
        """How near before the number the indicator's other words stand (smaller: nearer)."""
        entry = occurrence.entry
        words = {*entry.aliases_zh, entry.name_zh}
        base = self.by_id.get(entry.base_indicator or "")
        if base is not None:
            words |= {*base.aliases_zh, base.name_zh}
        at, best = place.mention[0], 10**6
        for word in words - {occurrence.alias}:
            for m in _alias_pattern(word).finditer(self.text, *place.sentence):
                best = min(best, at - m.end() if m.end() <= at else 1000 + m.start() - at)
        return best

    def _key(
        self, occ: _Occurrence, place: Place, unit: str, others: Sequence[Offsets]
    ) -> tuple[int, bool, int, int, int]:
        """Sort key of an alias: level, number between, place, distance, longer first."""
        mention = place.mention
        length = -len(occ.alias.replace("…", ""))
        if occ.start < mention[0] and occ.end > mention[1]:
            return PHRASE, False, _AROUND, 0, length
        after = occ.start >= mention[1]
        distance = occ.start - mention[1] if after else max(0, mention[0] - occ.end)
        lo, hi = (mention[1], occ.start) if after else (occ.end, mention[0])
        between = any(lo <= s and e <= hi for s, e in others)
        where = (
            (_RIGHT_AFTER if distance == 0 and unit == "count" else _AFTER) if after else _BEFORE
        )
        level = self.segments.level_of((occ.start, occ.end), mention)
        return level, between, where, distance, length

    def choose(self, place: Place, unit: str, others: Sequence[Offsets]) -> _Choice | None:
        """The indicator for the number at ``place`` (None: no alias of its unit around)."""
        candidates = [*self.wraps(place.mention), *self.occurrences(place.sentence)]
        keyed = [
            (self._key(occ, place, unit, others), occ)
            for occ in candidates
            if occ.entry.unit == unit
        ]
        if not keyed:
            return None
        best = min(key for key, _ in keyed)
        tied = {occ.entry.indicator_id: occ for key, occ in keyed if key == best}
        level, between, where_rank, _, _ = best
        where = f"{_PLACE_NAMES[where_rank]} the number, {LEVEL_NAMES[level]}"
        confidence = _LEVEL_CONFIDENCE[level] - (0.2 if between else 0.0)
        if between:
            where += ", another number between"
        if len(tied) == 1:
            (occ,) = tied.values()
            return _Choice(occ.entry, occ.alias, where, confidence)
        near = {i: self.context(place, occ) for i, occ in tied.items()}
        ranked = sorted(tied, key=lambda i: (near[i], self.order[i]))
        resolved = near[ranked[0]] < near[ranked[1]]
        where += f"; shared by {', '.join(sorted(tied))}: " + (
            "its other words stand nearest" if resolved else "nothing tells them apart"
        )
        occ = tied[ranked[0]]
        return _Choice(occ.entry, occ.alias, where, confidence - (0.1 if resolved else 0.3))


# ---------------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------------


def _quote(letter: NormalisedText, segments: Segments, mention: Offsets) -> Offsets | None:
    """The mention's clause, narrowed to hold its words once, widened to occur once."""
    text, words = letter.text, letter.text[slice(*mention)]
    starts = letter.find_all(words)
    before = [s for s in starts if s < mention[0]]
    after = [s for s in starts if s > mention[0]]
    lo = before[-1] + 1 if before else 0
    hi = after[0] + len(words) - 1 if after else len(text)

    def bounded(span: Offsets) -> Offsets:
        return max(span[0], lo), min(span[1], hi)

    span = bounded(segments.span(CLAUSE, *mention))
    while len(letter.find_all(text[slice(*span)])) != 1:
        wider = [bounded(segments.widen(span, side)) for side in (-1, 1)]
        wider += [bounded((span[0] - 1, span[1])), bounded((span[0], span[1] + 1))]
        grown = [s for s in wider if s != span]
        if not grown:
            return None
        span = grown[0]
    return span


# ---------------------------------------------------------------------------------------------
# The draft
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DraftFigure:
    """A draft figure: the keys of a figure record, its confidence, and where its number is."""

    slug: str
    indicator: str
    geo: str
    period: str
    status: str
    quote: str
    quantity: str
    value: float
    unit: str
    qualifier: str
    note: str
    confidence: float
    start: int  # the number's span in the normalised letter
    end: int


@dataclass(frozen=True, slots=True)
class NotPlaced:
    """A measure the draft could not place, a passage that holds it once, and why."""

    quote: str
    mention: str
    why: str
    start: int
    end: int


@dataclass(slots=True)
class Draft:
    """The draft annotation of one letter."""

    source_id: str
    figures: list[DraftFigure] = field(default_factory=list)
    not_placed: list[NotPlaced] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _slug(indicator: str, period: str, taken: set[str]) -> str:
    p = parse_period(period)
    if p.type in ("year", "as_of"):
        suffix = str(p.end.year)
    elif p.type == "since":
        suffix = str(p.start.year)
    elif p.type == "multi_year":
        suffix = f"{p.start.year}-{p.end.year}"
    else:
        suffix = period.lower()
    base = f"{indicator.replace('_', '-')}-{suffix}"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


class _Drafter:
    """Drafts the figures of one letter."""

    def __init__(
        self, letter: NormalisedText, codebook: Sequence[CodebookEntry], dates: LetterDates
    ) -> None:
        self.letter, self.text, self.dates = letter, letter.text, dates
        self.segments = Segments(self.text)
        self.matcher = _Matcher(codebook, self.segments)
        self.periods = Periods(self.segments, dates)
        self.taken: set[str] = set()

    def figure(self, mention: Offsets, others: Sequence[Offsets]) -> DraftFigure | str:
        """A draft figure for the number at ``mention``, or why it cannot be placed."""
        words = self.text[slice(*mention)]
        try:
            quantity = parse_quantity(words)
        except QuantityParseError:
            return "the grammar gives it no value (a bare or malformed number)"
        place = Place.of(self.segments, mention)
        choice = self.matcher.choose(place, quantity.unit, others)
        if choice is None:
            return f"no alias of an indicator in {quantity.unit} around it"
        period = self.periods.of(place, self.matcher.measure(choice.entry))
        if period is None:
            return "no period words, and the letter is undated"
        status, status_why = status_of(self.text, place, period.label, self.dates)
        confidence = max(0.1, min(0.9, choice.confidence - (0.0 if period.stated else 0.1)))
        note = (
            f"draft: confidence {confidence:.1f}; indicator from alias “{choice.alias}” "
            f"({choice.where}); period {period.label} from {period.why}; status {status} "
            f"({status_why}); review, then replace this note"
        )
        return DraftFigure(
            slug=_slug(choice.entry.indicator_id, period.label, self.taken),
            indicator=choice.entry.indicator_id,
            geo=geo_of(self.segments, place),
            period=period.label,
            status=status,
            quote="",
            quantity=words,
            value=quantity.value,
            unit=quantity.unit,
            qualifier=quantity.qualifier,
            note=note,
            confidence=round(confidence, 1),
            start=mention[0],
            end=mention[1],
        )


def draft_figures(
    letter: NormalisedText,
    source_id: str,
    codebook: Sequence[CodebookEntry],
    heading: Heading | None = None,
) -> Draft:
    """Draft a figure for every quantity and rank the extractor finds in a letter.

    Parameters
    ----------
    letter : NormalisedText
        The normalised letter (:func:`futian_indicators.language.normalise.normalise`).
    source_id : str
        Its source id.
    codebook : sequence of CodebookEntry
        The indicators to choose from (:func:`read_codebook`).
    heading : Heading, optional
        What the letter states about itself (its date above all); read from it if not given.

    Returns
    -------
    Draft
        The draft figures, and the numbers it could not place (see the module docs).

    Examples
    --------
    >>> book = [CodebookEntry("gdp", "CNY", "flow", "地区生产总值", ("地区生产总值", "GDP"))]
    >>> text = "2024年实现地区生产总值5948.82亿元，共3家。福田区科技创新局2025年1月2日"
    >>> draft = draft_figures(normalise(text), "cppcc-2025001", book)
    >>> f = draft.figures[0]
    >>> f.slug, f.indicator, f.period, f.status, f.quote
    ('gdp-2024', 'gdp', '2024', 'actual', '2024年实现地区生产总值5948.82亿元')
    >>> f.quantity, f.value, f.unit, f.qualifier, f.confidence
    ('5948.82亿元', 594882000000.0, 'CNY', 'exact', 0.9)
    >>> print(textwrap.fill(f.note, 80))
    draft: confidence 0.9; indicator from alias “地区生产总值” (before the number, same
    phrase); period 2024 from “2024年”; status actual (no target, plan or policy
    words); review, then replace this note
    >>> [(n.mention, n.quote, n.why) for n in draft.not_placed]
    [('3家', '共3家', 'no alias of an indicator in count around it')]
    """
    heading = heading if heading is not None else read_heading(letter.text)
    drafter = _Drafter(letter, codebook, LetterDates.of(heading.date, heading.doc_number))
    spans = [(s, e) for s, e, kind in mention_spans(letter.text) if kind in MEASURE_KINDS]
    draft = Draft(source_id)
    for mention in spans:
        result = drafter.figure(mention, [s for s in spans if s != mention])
        quote = _quote(letter, drafter.segments, mention)
        words = letter.text[slice(*mention)]
        if quote is None:
            draft.problems.append(f"no passage around {words!r} occurs once in the letter")
        elif isinstance(result, str):
            passage = letter.text[slice(*quote)]
            draft.not_placed.append(NotPlaced(passage, words, result, *mention))
        else:
            draft.figures.append(replace(result, quote=letter.text[slice(*quote)]))
    return draft


# ---------------------------------------------------------------------------------------------
# YAML
# ---------------------------------------------------------------------------------------------

_WIDTH: Final = 96


def _scalar(value: Any, *, quoted: bool = False) -> str:
    """One YAML scalar as PyYAML writes it (quoted where it must be), on one line."""
    style = '"' if quoted else None
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_style=style)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _number(value: float) -> str:
    """A value YAML reads back as exactly this float (no exponent: YAML 1.1 needs a dot)."""
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def _entry(key: str, value: Any, indent: str) -> list[str]:
    """``key: value`` lines; a long text is folded (``>-``) at spaces."""
    text = _number(value) if key == "value" else _scalar(value, quoted=key == "period")
    line = f"{indent}{key}: {text}"
    if len(line) <= _WIDTH or not isinstance(value, str) or " " not in value:
        return [line]
    body = textwrap.wrap(value, _WIDTH - 6, break_long_words=False, break_on_hyphens=False)
    return [f"{indent}{key}: >-", *(f"{indent}  {part}" for part in body)]


def _comments(text: str, indent: str = "# ") -> list[str]:
    return textwrap.wrap(
        text, _WIDTH, initial_indent=indent, subsequent_indent="#     " if indent != "# " else "# "
    )


_FIGURE_KEYS: Final = (*FIGURE_KEYS, "note")


def render_figures(draft: Draft, letter_name: str) -> str:
    """The draft as the text of ``figures/<source_id>.yaml`` (format: docs/curation.md)."""
    n, m = len(draft.figures), len(draft.not_placed)
    lines = _comments(
        f"DRAFT figures of {draft.source_id}, written by `futian-indicators extract` from "
        f"{letter_name}. Nothing here is reviewed: check each figure's indicator, period, status "
        "and geo against its quote, correct it, and replace its note (each says 'draft:' until "
        f"then). Format: docs/curation.md. {n} figure(s) drafted; {m} number(s) not placed:"
    )
    for p in draft.not_placed:
        lines += _comments(f"{p.mention} in “{p.quote}”: {p.why}", indent="#   - ")
    if m:
        lines += _comments(
            f"Each is listed under not_figures with the reason '{NOT_PLACED_REASON}': curate "
            "it as a figure, or give it its reason."
        )
    for problem in draft.problems:
        lines += _comments(f"PROBLEM: {problem}")
    lines += [f"source_id: {_scalar(draft.source_id)}", "figures:" + ("" if n else " []")]
    for i, figure in enumerate(draft.figures):
        lines += [""] if i else []
        for key in _FIGURE_KEYS:
            lines += _entry(key, getattr(figure, key), "  - " if key == "slug" else "    ")
    if m:
        lines += ["", "not_figures:"]
        for p in draft.not_placed:
            lines += _entry("quote", p.quote, "  - ")
            lines += _entry("mention", p.mention, "    ")
            lines += _entry("reason", NOT_PLACED_REASON, "    ")
    return "\n".join(lines) + "\n"


def render_source(
    source_id: str,
    *,
    kind: str,
    heading: Heading,
    sha256: str,
    issuer_en: str | None,
    notes: Iterable[str],
) -> str:
    """A draft record of ``sources.yaml`` (format: docs/curation.md), as text to append."""
    note = " ".join(
        [
            "DRAFT record written by futian-indicators extract from the letter's heading, "
            "salutation, signature and closing date; review every field, then replace this "
            "note with what the letter does not state.",
            *notes,
        ]
    )
    fields: list[tuple[str, Any]] = [
        ("source_id", source_id),
        ("kind", kind),
        ("doc_number", heading.doc_number),
        ("session_zh", heading.session_zh),
        ("title_zh", heading.title_zh),
        ("issuer_zh", heading.issuer_zh),
        ("issuer_en", issuer_en),
        ("recipients_zh", heading.recipients_zh),
        ("date", heading.date),
        ("sha256", sha256),
        ("note", note),
    ]
    lines = []
    for i, (key, value) in enumerate(fields):
        if key == "doc_number" and value is not None:
            lines.append(f"  {key}: {_scalar(str(value), quoted=True)}")
        else:
            lines += _entry(key, value, "- " if i == 0 else "  ")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The command: files in, files out
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExtractReport:
    """What :func:`extract_letter` wrote."""

    draft: Draft
    figures_path: Path
    letter_path: Path | None  # None: the letter was already in place
    source_added: bool


def _check_source_id(source_id: str) -> None:
    if not SOURCE_ID_RE.fullmatch(source_id):
        msg = (
            f"source id {source_id!r} is not <body>-<document number> in lower-case letters, "
            "digits and '-' (e.g. 'cppcc-2025136', 'npc-20240294'); fix --source-id"
        )
        raise ArgumentError(msg)


def _read_letter(path: Path) -> tuple[bytes, NormalisedText]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        msg = f"letter {str(path)!r} not found; give the path of the letter's text file"
        raise ArgumentError(msg) from None
    except IsADirectoryError:
        msg = f"letter {str(path)!r} is a folder; give the path of the letter's text file"
        raise ArgumentError(msg) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = (
            f"letter {str(path)!r} is not UTF-8 (at byte {exc.start}); convert it first, "
            "e.g. with iconv -f GB18030 -t UTF-8"
        )
        raise LetterError(msg) from None
    letter = normalise(text)
    if not letter.text:
        msg = f"letter {str(path)!r} is empty; give the text of the letter"
        raise LetterError(msg)
    return data, letter


def _kind(source_id: str, heading: Heading) -> tuple[str, list[str]]:
    """The letter's kind, from its heading, else from the source id's body."""
    body, number = source_id.split("-", 1)
    named = KIND_BY_BODY.get(body)
    if heading.kind and named and heading.kind != named:
        other = next(b for b, k in KIND_BY_BODY.items() if k == heading.kind)
        msg = (
            f"source id {source_id!r} names a {named} but the letter's heading makes it a "
            f"{heading.kind} (提案/政协: cppcc, 建议/人大: npc); use '{other}-{number}'"
        )
        raise ArgumentError(msg)
    if heading.kind:
        return heading.kind, []
    if named:
        return named, [f"The heading names neither 提案 nor 建议: kind follows the id's {body!r}."]
    msg = (
        f"the letter's heading names neither 提案/政协 nor 建议/人大, and source id {source_id!r} "
        "has no known body to tell its kind; name it 'cppcc-<number>' or 'npc-<number>'"
    )
    raise ArgumentError(msg)


def _sources(path: Path) -> list[Mapping[str, Any]]:

    data = read_yaml(path) if path.exists() else []
    return [r for r in (data if isinstance(data, list) else []) if isinstance(r, dict)]


def _source_record(
    source_id: str, heading: Heading, sha256: str, sources: Sequence[Mapping[str, Any]]
) -> str:
    """The draft record of sources.yaml: the heading's fields, and notes on what is missing."""
    kind, notes = _kind(source_id, heading)
    issuers = {r.get("issuer_zh"): r.get("issuer_en") for r in sources if r.get("issuer_en")}
    issuer_en = issuers.get(heading.issuer_zh) if heading.issuer_zh else None
    notes += heading.notes
    if heading.issuer_zh and issuer_en is None:
        notes.append("issuer_en is null: give the issuer's English name.")
    number = source_id.split("-", 1)[1]
    if heading.doc_number is None:
        notes.append("The heading states no document number: doc_number follows the source id.")
    elif heading.doc_number != number:
        notes.append(f"The letter's document number {heading.doc_number} is not the source id's.")
    if heading.title_zh is None:
        notes.append("The heading states no title in 《》 or “”: title_zh is a placeholder.")
    doc_number = heading.doc_number or number
    title = heading.title_zh or f"(no title stated: the reply to {doc_number})"
    heading = replace(heading, doc_number=doc_number, title_zh=title)
    return render_source(
        source_id, kind=kind, heading=heading, sha256=sha256, issuer_en=issuer_en, notes=notes
    )


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    staged.write_bytes(data)
    staged.replace(path)


def _append(path: Path, record: str) -> None:
    """Append a record to a YAML list file, one blank line after the last one."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(separator + record)


def extract_letter(
    letter_path: Path,
    source_id: str,
    *,
    root: Path,
    out: Path | None = None,
    force: bool = False,
) -> ExtractReport:
    """Add a letter to ``root/data/raw`` with a draft of its figures (see the module docs).

    Copies the letter to ``letters/<source_id>.txt`` (unless it is there), appends a draft
    record to ``sources.yaml`` (unless it has one with the letter's sha256) and writes the draft
    figures to ``out`` (default ``figures/<source_id>.yaml``). Every check runs before anything
    is written.

    Raises
    ------
    ArgumentError
        (exit 2) No ``data/raw`` under ``root``; the letter file is missing; the source id is
        malformed or names the wrong body; ``out`` exists and ``force`` is not set.
    LetterError
        (exit 1) The letter is not UTF-8 or is empty; the id is another letter's.
    CurationError
        (exit 1) indicators.yaml or sources.yaml cannot be read.
    """
    raw_dir = root / "data" / "raw"
    if not raw_dir.is_dir():
        msg = f"no data/raw folder in {str(root)!r}; run in a checkout, or pass --root"
        raise ArgumentError(msg)
    _check_source_id(source_id)
    data, letter = _read_letter(letter_path)
    out = out if out is not None else raw_dir / "figures" / f"{source_id}.yaml"
    if out.exists() and not force:
        raise ArgumentError(f"{str(out)!r} exists; pass --force to overwrite it")
    heading = read_heading(letter.text)
    sha256 = hashlib.sha256(data).hexdigest()
    sources = _sources(raw_dir / "sources.yaml")
    known = next((r for r in sources if r.get("source_id") == source_id), None)
    if known is not None and known.get("sha256") != sha256:
        msg = (
            f"sources.yaml already describes {source_id!r}, with another sha256 "
            f"({str(known.get('sha256'))[:12]}…; this letter's is {sha256[:12]}…): choose "
            "another source id, or remove that record first"
        )
        raise LetterError(msg)
    target = raw_dir / "letters" / f"{source_id}.txt"
    if target.exists() and target.read_bytes() != data:
        msg = f"{target} holds another letter, and letters are never replaced: choose another id"
        raise LetterError(msg)
    record = None if known else _source_record(source_id, heading, sha256, sources)
    number = source_id.split("-", 1)[1]  # the document number, where the heading states none
    dated = replace(heading, doc_number=heading.doc_number or number)
    draft = draft_figures(letter, source_id, read_codebook(raw_dir), dated)
    copied = not target.exists()
    if copied:
        _write_atomic(target, data)
    if record is not None:
        _append(raw_dir / "sources.yaml", record)
    _write_atomic(out, render_figures(draft, letter_path.name).encode("utf-8"))
    return ExtractReport(draft, out, target if copied else None, record is not None)


def summary(report: ExtractReport, root: Path) -> str:
    """What ``futian-indicators extract`` did, in a few lines."""

    def shown(path: Path) -> str:
        return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)

    draft = report.draft
    lines = [
        f"wrote {shown(report.figures_path)}: {len(draft.figures)} draft figure(s), "
        f"{len(draft.not_placed)} number(s) not placed"
        + (" (listed at the top of the file)" if draft.not_placed else "")
    ]
    if report.letter_path is not None:
        lines.append(f"copied the letter to {shown(report.letter_path)}")
    if report.source_added:
        lines.append(f"appended a draft record of {draft.source_id} to data/raw/sources.yaml")
    lines += [f"problem: {p}" for p in draft.problems]
    lines.append("review the draft (every note says 'draft:'), then run 'futian-indicators build'")
    return "\n".join(lines)
