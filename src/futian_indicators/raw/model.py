"""The records of ``data/raw``, and the checks each one gets on its own.

A record is valid when its keys, types, controlled vocabularies (:mod:`futian_indicators.vocab`)
and period labels are; :class:`Fields` reads one YAML mapping and collects every problem, with its
place, instead of stopping at the first. Whether a quote is in its letter and its number parses to
the curated value is the build's job (:mod:`futian_indicators.build.tables`).

Examples
--------
>>> [bool(SOURCE_ID_RE.fullmatch(s)) for s in ("cppcc-2025136", "npc-20240294", "2025136")]
[True, True, False]
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from .. import vocab
from ..core.period import parse_period
from ..core.semver import is_semver
from ..errors import CurationError
from .yamlfile import LINE, Where

SOURCE_ID_RE: Final = re.compile(vocab.SOURCE_ID_PATTERN)
"""A source id (match it whole, with ``fullmatch``): a body (cppcc, npc, ...), a dash and the
document number, in lower case. It names the letter and its figures file."""


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One letter, as sources.yaml describes it, with its decoded text."""

    source_id: str
    kind: str
    doc_number: str
    session_zh: str | None
    title_zh: str
    issuer_zh: str | None
    issuer_en: str | None
    recipients_zh: str | None
    date: dt.date | None
    sha256: str
    note: str | None
    raw_path: str
    text: str
    where: Where


@dataclass(frozen=True, slots=True)
class IndicatorRecord:
    """One entry of the codebook."""

    indicator_id: str
    name_en: str
    name_zh: str
    unit: str
    measure: str
    category: str
    description_en: str
    aliases_zh: tuple[str, ...]
    base_indicator: str | None
    where: Where
    cues_zh: tuple[str, ...] = ()
    denominator_indicator: str | None = None
    denominator_geo: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class EvidenceWords:
    """Words of the letter that state one label of a figure (basis ``context``).

    ``words`` occur once in the normalised letter, or once in ``passage``, which occurs once.
    """

    label: str
    words: str
    passage: str | None = None


@dataclass(frozen=True, slots=True)
class FigureRecord:
    """One curated figure, before its quote is checked against the letter."""

    source_id: str
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
    alternative_reading: str | None
    note: str | None
    where: Where
    period_basis: str = "quote"
    geo_basis: str = "quote"
    status_basis: str = "quote"
    evidence: tuple[EvidenceWords, ...] = ()
    doubtful: bool = False

    def basis(self, label: str) -> str:
        """The basis of one label (``period``, ``geo`` or ``status``)."""
        return str(getattr(self, f"{label}_basis"))

    @property
    def figure_id(self) -> str:
        """``<source_id>/<slug>``: stable across releases, never reused."""
        return f"{self.source_id}/{self.slug}"


@dataclass(frozen=True, slots=True)
class NotFigureRecord:
    """A number in a letter that is not a figure, with the reason why."""

    source_id: str
    quote: str
    mention: str
    reason: str
    where: Where


@dataclass(slots=True)
class RawData:
    """Everything read from ``data/raw``, and every problem found while reading it."""

    sources: list[SourceRecord] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    figures: list[FigureRecord] = field(default_factory=list)
    not_figures: list[NotFigureRecord] = field(default_factory=list)
    rules: list[tuple[dict[str, Any], Where]] = field(default_factory=list)
    errata: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Fields:
    """Typed access to one YAML mapping, collecting problems instead of raising."""

    def __init__(self, data: Mapping[str, Any], where: Where, problems: list[str]) -> None:
        self.data, self.where, self.problems = data, where, problems
        self.ok = True

    def fail(self, message: str) -> None:
        """Record a problem of this record, at its place."""
        self.ok = False
        self.problems.append(f"{self.where}: {message}")

    def check_keys(self, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        """Fail on an unknown key (naming the closest allowed one) and on a missing one."""
        allowed = required + optional
        for key in self.data:
            if key != LINE and key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(allowed)}"
                self.fail(f"unknown key {key!r}; {hint}")
        for key in required:
            if key not in self.data:
                self.fail(f"missing key {key!r}; every record needs {', '.join(required)}")

    def text(self, key: str, *, nullable: bool = False) -> str:
        """The value as text (a date as YYYY-MM-DD); ``''`` when it is null and may be."""
        value = self.data.get(key)
        if value is None and nullable:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
            allowed = "a string or null" if nullable else "a string"
            self.fail(f"{key} is {value!r}; expected {allowed}")
            return ""
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not text.strip() and not nullable:
            self.fail(f"{key} is empty; give it a value")
        return text

    def optional_text(self, key: str) -> str | None:
        """The value as text, or None when it is null or empty."""
        return self.text(key, nullable=True) or None

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        """The value, which must be one of ``allowed`` (a near miss is named)."""
        value = self.text(key)
        if value and value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.fail(f"{key} {value!r} is not allowed{hint}; allowed: {', '.join(allowed)}")
        return value

    def number(self, key: str) -> float:
        """The value as a number (NaN when it is not one)."""
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{key} is {value!r}; expected a number in base units (e.g. 594882000000)")
            return float("nan")
        return float(value)

    def date(self, key: str) -> dt.date | None:
        """The value as a date, or None when it is null (or not a date)."""
        value = self.data.get(key)
        if value is None or isinstance(value, dt.date):
            return value
        self.fail(f"{key} is {value!r}; expected a date YYYY-MM-DD or null")
        return None

    def string_list(self, key: str) -> tuple[str, ...]:
        """The value as a list of non-empty strings."""
        value = self.data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(f"{key} is {value!r}; expected a list of non-empty strings")
            return ()
        return tuple(value)

    def period(self, key: str) -> str:
        """The value as a period label that :func:`parse_period` reads."""
        label = self.text(key)
        if label:
            try:
                parse_period(label)
            except CurationError as exc:
                self.fail(str(exc))
        return label


_SOURCE_KEYS = (
    "source_id",
    "kind",
    "doc_number",
    "session_zh",
    "title_zh",
    "issuer_zh",
    "issuer_en",
    "recipients_zh",
    "date",
    "sha256",
    "note",
)


def source_fields(rec: Fields) -> dict[str, Any]:
    """A source record's fields but its letter (``text``, ``raw_path``): the reader adds those."""
    rec.check_keys(_SOURCE_KEYS)
    source_id = rec.text("source_id")
    if source_id and not SOURCE_ID_RE.fullmatch(source_id):
        rec.fail(
            f"source_id {source_id!r} is not <body>-<document number> in lower-case letters, "
            "digits and '-' (e.g. 'cppcc-2025136'); rename it, its letter and its figures file"
        )
    return {
        "source_id": source_id,
        "sha256": rec.text("sha256"),
        "kind": rec.choice("kind", vocab.SOURCE_KINDS),
        "doc_number": rec.text("doc_number"),
        "session_zh": rec.optional_text("session_zh"),
        "title_zh": rec.text("title_zh"),
        "issuer_zh": rec.optional_text("issuer_zh"),
        "issuer_en": rec.optional_text("issuer_en"),
        "recipients_zh": rec.optional_text("recipients_zh"),
        "date": rec.date("date"),
        "note": rec.optional_text("note"),
    }


_INDICATOR_KEYS = (
    "indicator_id",
    "name_en",
    "name_zh",
    "unit",
    "measure",
    "category",
    "description_en",
    "aliases_zh",
    "base_indicator",
)
_INDICATOR_OPTIONAL_KEYS = ("cues_zh", "denominator_indicator", "denominator_geo", "note")


def indicator(rec: Fields) -> IndicatorRecord | None:
    """The codebook entry, or None when it has a problem (recorded in ``rec.problems``)."""
    rec.check_keys(_INDICATOR_KEYS, optional=_INDICATOR_OPTIONAL_KEYS)
    geo = rec.optional_text("denominator_geo")
    if geo is not None and geo not in vocab.GEOS:
        rec.fail(f"denominator_geo {geo!r} is not allowed; allowed: {', '.join(vocab.GEOS)}")
    record = IndicatorRecord(
        indicator_id=rec.text("indicator_id"),
        name_en=rec.text("name_en"),
        name_zh=rec.text("name_zh"),
        unit=rec.choice("unit", vocab.UNITS),
        measure=rec.choice("measure", vocab.MEASURES),
        category=rec.text("category"),
        description_en=rec.text("description_en"),
        aliases_zh=rec.string_list("aliases_zh"),
        base_indicator=rec.optional_text("base_indicator"),
        where=rec.where,
        cues_zh=rec.string_list("cues_zh") if "cues_zh" in rec.data else (),
        denominator_indicator=rec.optional_text("denominator_indicator"),
        denominator_geo=geo,
        note=rec.optional_text("note"),
    )
    return record if rec.ok else None


FIGURE_KEYS = (
    "slug",
    "indicator",
    "geo",
    "geo_basis",
    "period",
    "period_basis",
    "status",
    "status_basis",
    "quote",
    "quantity",
    "value",
    "unit",
    "qualifier",
)
"""The keys every figure record has (``evidence``, ``alternative_reading``, ``doubtful`` and
``note`` are optional)."""

FIGURE_OPTIONAL_KEYS = ("evidence", "alternative_reading", "doubtful", "note")
"""The keys a figure record may have."""

_EVIDENCE_FORMS = (
    "words occurring once in the letter (period: 截至2023年6月底), a mapping "
    "{passage: ..., words: ...} (a passage occurring once, and words once in it), "
    "or a list of such"
)


def _evidence_item(rec: Fields, label: str, value: Any) -> EvidenceWords | None:
    if isinstance(value, str) and value.strip():
        return EvidenceWords(label, value)
    if isinstance(value, Mapping):
        keys = {k for k in value if k != LINE}
        passage, words = value.get("passage"), value.get("words")
        if (
            keys == {"passage", "words"}
            and isinstance(passage, str)
            and isinstance(words, str)
            and passage.strip()
            and words.strip()
        ):
            return EvidenceWords(label, words, passage)
    rec.fail(f"evidence {label} {value!r} is malformed; expected {_EVIDENCE_FORMS}")
    return None


def _evidence(rec: Fields, bases: Mapping[str, str]) -> tuple[EvidenceWords, ...]:
    """The evidence words, by label: required for, and only for, the labels of basis context."""
    value = rec.data.get("evidence")
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        rec.fail(
            f"evidence is {value!r}; expected a mapping from label (period, geo, status) to "
            f"{_EVIDENCE_FORMS}"
        )
        return ()
    items: list[EvidenceWords] = []
    for label, entry in value.items():
        if label == LINE:
            continue
        if label not in vocab.LABELS:
            rec.fail(f"evidence names {label!r}, not a label; allowed: {', '.join(vocab.LABELS)}")
            continue
        if bases.get(label) != "context":
            rec.fail(
                f"evidence for {label}, whose basis is {bases.get(label)!r}, not 'context'; "
                f"remove the evidence or set {label}_basis: context"
            )
            continue
        entries = entry if isinstance(entry, list) and entry else [entry]
        items += [i for e in entries if (i := _evidence_item(rec, label, e)) is not None]
    for label, basis in bases.items():
        if basis == "context" and label not in value:
            rec.fail(
                f"{label}_basis is context but there is no evidence for {label}; add "
                f"evidence: {{{label}: <the words of the letter that state it>}}, or change "
                "the basis"
            )
    return tuple(items)


def _doubtful(rec: Fields) -> bool:
    value = rec.data.get("doubtful", False)
    if not isinstance(value, bool):
        rec.fail(f"doubtful is {value!r}; expected true or false")
        return False
    return value


def figure(rec: Fields, source_id: str) -> FigureRecord | None:
    """A figure of the letter ``source_id``, or None when it has a problem."""
    rec.check_keys(FIGURE_KEYS, optional=FIGURE_OPTIONAL_KEYS)
    bases = {label: rec.choice(f"{label}_basis", vocab.BASES) for label in vocab.LABELS}
    record = FigureRecord(
        source_id=source_id,
        slug=rec.text("slug"),
        indicator=rec.text("indicator"),
        geo=rec.choice("geo", vocab.GEOS),
        period=rec.period("period"),
        status=rec.choice("status", vocab.CURATED_STATUSES),
        quote=rec.text("quote"),
        quantity=rec.text("quantity"),
        value=rec.number("value"),
        unit=rec.choice("unit", vocab.UNITS),
        qualifier=rec.choice("qualifier", vocab.CURATED_QUALIFIERS),
        alternative_reading=rec.optional_text("alternative_reading"),
        note=rec.optional_text("note"),
        where=rec.where,
        period_basis=bases["period"],
        geo_basis=bases["geo"],
        status_basis=bases["status"],
        evidence=_evidence(rec, bases),
        doubtful=_doubtful(rec),
    )
    if record.alternative_reading and not record.note:
        rec.fail("has an alternative_reading but no note; say in note which readings are recorded")
    judged = [label for label in vocab.LABELS if bases[label] == "judgement"]
    if judged and not record.note:
        rec.fail(
            f"the basis of {', '.join(judged)} is judgement but there is no note; give the "
            "reason in note (the words you read, and why they give the label)"
        )
    if record.doubtful and not record.note:
        rec.fail("is doubtful but has no note; say in note why the label may be wrong")
    return record if rec.ok else None


def not_figure(rec: Fields, source_id: str) -> NotFigureRecord | None:
    """A number of the letter ``source_id`` that is not a figure, or None when it has a problem."""
    rec.check_keys(("quote", "mention", "reason"))
    record = NotFigureRecord(
        source_id=source_id,
        quote=rec.text("quote"),
        mention=rec.text("mention"),
        reason=rec.text("reason"),
        where=rec.where,
    )
    return record if rec.ok else None


_ERRATUM_KEYS = ("figure_id", "field", "before", "after", "version", "date", "reason")


def erratum(rec: Fields) -> dict[str, Any] | None:
    """A correction to a released figure, with its place, or None when it has a problem."""
    rec.check_keys(_ERRATUM_KEYS)
    row: dict[str, Any] = {key: rec.text(key, nullable=key == "before") for key in _ERRATUM_KEYS}
    row["date"] = rec.date("date")
    if row["version"] and not is_semver(row["version"]):
        rec.fail(f"version {row['version']!r} is not a semantic version such as '1.0.1'")
    return row | {"where": rec.where} if rec.ok else None
