"""Read and validate ``data/raw``: the letters, sources.yaml, indicators.yaml, figures/*.yaml.

This module knows the formats (``docs/curation.md``) and checks each record on its own: keys,
types, controlled vocabularies, period labels, letter bytes. Whether a quote is in its letter and
its number parses to the curated value is the build's job (:mod:`futian_indicators.build.tables`).

Every problem names the file and line; readers return the records they could read and the list of
problems, so one build reports every failure at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from .. import vocab
from ..core.period import parse_period
from ..errors import CurationError, LetterError

_LINE = "__line__"
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the raw data: a file and a line (1-based; 0 when unknown)."""

    path: Path
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


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


if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:  # libyaml's parser where PyYAML has it: ten times faster, the same documents and marks
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader that records, in every mapping, the line it starts on."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file safely, recording each mapping's line under ``__line__``.

    Raises
    ------
    CurationError
        When the file is missing, not UTF-8, or not YAML (the message gives the line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        msg = f"{path}: file not found; create it (see docs/curation.md for its format)"
        raise CurationError(msg) from None
    except UnicodeDecodeError as exc:
        msg = f"{path}: not UTF-8 at byte {exc.start}; save the file as UTF-8"
        raise CurationError(msg) from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        msg = f"{where}: malformed YAML ({problem}); fix the syntax at that line"
        raise CurationError(msg) from None


class _Record:
    """Typed access to one YAML mapping, collecting problems instead of raising."""

    def __init__(self, data: Mapping[str, Any], where: Where, problems: list[str]) -> None:
        self.data, self.where, self.problems = data, where, problems
        self.ok = True

    def fail(self, message: str) -> None:
        self.ok = False
        self.problems.append(f"{self.where}: {message}")

    def check_keys(self, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        allowed = required + optional
        for key in self.data:
            if key != _LINE and key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(allowed)}"
                self.fail(f"unknown key {key!r}; {hint}")
        for key in required:
            if key not in self.data:
                self.fail(f"missing key {key!r}; every record needs {', '.join(required)}")

    def text(self, key: str, *, nullable: bool = False) -> str:
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
        return self.text(key, nullable=True) or None

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value and value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.fail(f"{key} {value!r} is not allowed{hint}; allowed: {', '.join(allowed)}")
        return value

    def number(self, key: str) -> float:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{key} is {value!r}; expected a number in base units (e.g. 594882000000)")
            return float("nan")
        return float(value)

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None or isinstance(value, dt.date):
            return value
        self.fail(f"{key} is {value!r}; expected a date YYYY-MM-DD or null")
        return None

    def string_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(f"{key} is {value!r}; expected a list of non-empty strings")
            return ()
        return tuple(value)

    def period(self, key: str) -> str:
        label = self.text(key)
        if label:
            try:
                parse_period(label)
            except CurationError as exc:
                self.fail(str(exc))
        return label


def _records(
    data: Any, path: Path, problems: list[str], what: str
) -> list[tuple[Mapping[str, Any], Where]]:
    if not isinstance(data, list):
        problems.append(f"{path}: expected a list of {what} records, got {type(data).__name__}")
        return []
    out: list[tuple[Mapping[str, Any], Where]] = []
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(f"{path}: record {index} is {item!r}; expected a mapping of keys")
            continue
        out.append((item, Where(path, item.get(_LINE, 0))))
    return out


def _read_list(path: Path, what: str, problems: list[str]) -> list[tuple[Mapping[str, Any], Where]]:
    try:
        data = read_yaml(path)
    except CurationError as exc:
        problems.append(str(exc))
        return []
    return _records(data, path, problems, what)


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


def read_letter(path: Path, expected_sha256: str) -> str:
    """Read a letter's bytes, verify their sha256 and decode them.

    Raises
    ------
    LetterError
        When the file is missing, empty, not UTF-8, or its bytes differ from the record.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        msg = f"{path}: letter not found; copy it byte for byte from the published source"
        raise LetterError(msg) from None
    if not data:
        raise LetterError(f"{path}: the letter is empty; restore its bytes from the source")
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected_sha256:
        msg = (
            f"{path}: sha256 is {digest!r} but sources.yaml records {expected_sha256!r}; "
            "the letter's bytes changed: restore the original file (letters are never edited), "
            "or, for a new version of the letter, record the new hash in sources.yaml"
        )
        raise LetterError(msg)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"{path}: not UTF-8 at byte {exc.start}; convert the letter to UTF-8 first"
        raise LetterError(msg) from None


def _source(rec: _Record, letters_dir: Path, root: Path) -> SourceRecord | None:
    rec.check_keys(_SOURCE_KEYS)
    source_id = rec.text("source_id")
    sha256 = rec.text("sha256")
    letter_path = letters_dir / f"{source_id}.txt"
    fields: dict[str, Any] = {
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
    if not rec.ok:
        return None
    try:
        text = read_letter(letter_path, sha256)
    except LetterError as exc:
        rec.fail(str(exc))
        return None
    raw_path = letter_path.relative_to(root).as_posix()
    return SourceRecord(
        source_id=source_id, sha256=sha256, raw_path=raw_path, text=text, where=rec.where, **fields
    )


def _indicator(rec: _Record) -> IndicatorRecord | None:
    keys = (
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
    rec.check_keys(keys)
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
    )
    return record if rec.ok else None


FIGURE_KEYS = (
    "slug",
    "indicator",
    "geo",
    "period",
    "status",
    "quote",
    "quantity",
    "value",
    "unit",
    "qualifier",
)


def _figure(rec: _Record, source_id: str) -> FigureRecord | None:
    rec.check_keys(FIGURE_KEYS, optional=("alternative_reading", "note"))
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
    )
    if record.alternative_reading and not record.note:
        rec.fail("has an alternative_reading but no note; say in note which readings are recorded")
    return record if rec.ok else None


def _not_figure(rec: _Record, source_id: str) -> NotFigureRecord | None:
    rec.check_keys(("quote", "mention", "reason"))
    record = NotFigureRecord(
        source_id=source_id,
        quote=rec.text("quote"),
        mention=rec.text("mention"),
        reason=rec.text("reason"),
        where=rec.where,
    )
    return record if rec.ok else None


_FIGURE_FILE_KEYS = ("source_id", "figures", "not_figures")


def read_indicators(path: Path, problems: list[str]) -> list[IndicatorRecord]:
    """The codebook's valid records; every problem with the others goes to ``problems``."""
    return _collect(_read_list(path, "indicator", problems), problems, _indicator)


def _read_figure_file(path: Path, raw: RawData) -> None:
    try:
        data = read_yaml(path)
    except CurationError as exc:
        raw.problems.append(str(exc))
        return
    keys = set(data) - {_LINE} if isinstance(data, dict) else set()
    if not {"source_id", "figures"} <= keys or keys - set(_FIGURE_FILE_KEYS):
        raw.problems.append(
            f"{path}: expected a mapping with the keys source_id, figures and optionally "
            f"not_figures; found {sorted(keys) if keys else type(data).__name__}"
        )
        return
    source_id = str(data["source_id"])
    if path.stem != source_id:
        raw.problems.append(
            f"{path}:{data[_LINE]}: source_id {source_id!r} differs from the file name "
            f"{path.stem!r}; name the file <source_id>.yaml"
        )
        return
    figures = _records(data["figures"], path, raw.problems, "figure")
    raw.figures.extend(_collect(figures, raw.problems, lambda rec: _figure(rec, source_id)))
    not_figures = _records(data.get("not_figures") or [], path, raw.problems, "not_figures")
    make = lambda rec: _not_figure(rec, source_id)  # noqa: E731
    raw.not_figures.extend(_collect(not_figures, raw.problems, make))


def _collect(
    records: list[tuple[Mapping[str, Any], Where]],
    problems: list[str],
    make: Callable[[_Record], _T | None],
) -> list[_T]:
    out = []
    for data, where in records:
        item = make(_Record(data, where, problems))
        if item is not None:
            out.append(item)
    return out


def read_raw(raw_dir: Path) -> RawData:
    """Read everything in ``raw_dir`` (normally ``data/raw``), collecting every problem.

    Parameters
    ----------
    raw_dir : Path
        The folder with ``letters/``, ``figures/``, ``sources.yaml`` and ``indicators.yaml``.

    Returns
    -------
    RawData
        The records that could be read and the problems with the others.
    """
    raw = RawData()
    root = raw_dir.parent.parent if raw_dir.parent.name == "data" else raw_dir
    letters = raw_dir / "letters"
    sources = _read_list(raw_dir / "sources.yaml", "source", raw.problems)
    raw.sources = _collect(sources, raw.problems, lambda rec: _source(rec, letters, root))
    raw.indicators = read_indicators(raw_dir / "indicators.yaml", raw.problems)
    figure_files = sorted((raw_dir / "figures").glob("*.yaml"))
    if not figure_files:
        raw.problems.append(f"{raw_dir / 'figures'}: no figure files (<source_id>.yaml) found")
    for path in figure_files:
        _read_figure_file(path, raw)
    raw.rules = _read_rules(raw_dir / "rules.yaml", raw.problems)
    raw.errata = _read_errata(raw_dir / "errata.yaml", raw.problems)
    return raw


_ERRATUM_KEYS = ("figure_id", "field", "before", "after", "version", "date", "reason")


def _read_errata(path: Path, problems: list[str]) -> list[dict[str, Any]]:
    """Corrections to released figures, each checked for its keys, version and date.

    The file is optional: without it there is no correction.
    """
    if not path.exists():
        return []
    try:
        data = read_yaml(path)
    except CurationError as exc:
        problems.append(str(exc))
        return []
    if not isinstance(data, dict) or set(data) - {_LINE} != {"errata"}:
        problems.append(f"{path}: expected a mapping with the one key errata (docs/curation.md)")
        return []
    errata = []
    for item, where in _records(data["errata"] or [], path, problems, "erratum"):
        rec = _Record(item, where, problems)
        rec.check_keys(_ERRATUM_KEYS)
        row: dict[str, Any] = {
            key: rec.text(key, nullable=key == "before") for key in _ERRATUM_KEYS
        }
        row["date"] = rec.date("date")
        if row["version"] and len(str(row["version"]).split(".")) != 3:
            rec.fail(f"version {row['version']!r} is not a semantic version such as '1.0.1'")
        if rec.ok:
            errata.append(row | {"where": where})
    return errata


def _read_rules(path: Path, problems: list[str]) -> list[tuple[dict[str, Any], Where]]:
    """The rules as written (validated by the rule engine), each with its place."""
    try:
        data = read_yaml(path)
    except CurationError as exc:
        problems.append(str(exc))
        return []
    if not isinstance(data, dict) or set(data) - {_LINE} != {"rules"}:
        problems.append(f"{path}: expected a mapping with the one key rules (see docs/rules.md)")
        return []
    return [
        (_without_lines(item), where)
        for item, where in _records(data["rules"] or [], path, problems, "rule")
    ]


_DATASET_KEYS = ("name", "title", "version", "description", "licenses")


def read_dataset(raw_dir: Path) -> dict[str, Any]:
    """Read ``dataset.yaml``: the dataset's name, title, version (DATA_VERSION), licences.

    Raises
    ------
    CurationError
        When a key is missing or the version is not a semantic version such as ``'1.2.0'``.
    """
    path = raw_dir / "dataset.yaml"
    data = read_yaml(path)
    if not isinstance(data, dict) or not set(_DATASET_KEYS) <= set(data):
        msg = f"{path}: expected a mapping with the keys {', '.join(_DATASET_KEYS)}"
        raise CurationError(msg)
    version = data["version"]
    parts = version.split(".") if isinstance(version, str) else []
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        msg = (
            f"{path}:{data[_LINE]}: version is {version!r}; "
            "expected a quoted semantic version such as '1.2.0'"
        )
        raise CurationError(msg)
    released = data.get("date_released")
    if released is not None and not isinstance(released, dt.date):
        msg = f"{path}: date_released is {released!r}; expected a date YYYY-MM-DD or null"
        raise CurationError(msg)
    out = {key: _without_lines(data[key]) for key in _DATASET_KEYS}
    out["date_released"] = released.isoformat() if released else None
    return out


def _without_lines(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_lines(v) for k, v in data.items() if k != _LINE}
    if isinstance(data, list):
        return [_without_lines(v) for v in data]
    return data
