"""Read ``data/raw``: the letters, sources.yaml, indicators.yaml, figures/*.yaml, rules, errata.

The formats are in ``docs/curation.md``; each record is checked on its own
(:mod:`futian_indicators.raw.model`). Readers return the records they could read and the list of
problems, so one build reports every failure at once; every problem names the file and line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ..core.semver import is_semver
from ..errors import CurationError, LetterError
from . import model
from .model import Fields, IndicatorRecord, RawData, SourceRecord
from .yamlfile import LINE, Where, read_list, read_yaml, records_of, without_lines

_T = TypeVar("_T")


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


def _source(rec: Fields, letters_dir: Path, root: Path) -> SourceRecord | None:
    fields = model.source_fields(rec)
    if not rec.ok:
        return None
    letter_path = letters_dir / f"{fields['source_id']}.txt"
    try:
        text = read_letter(letter_path, fields["sha256"])
    except LetterError as exc:
        rec.fail(str(exc))
        return None
    raw_path = letter_path.relative_to(root).as_posix()
    return SourceRecord(raw_path=raw_path, text=text, where=rec.where, **fields)


def _collect(
    records: list[tuple[Mapping[str, Any], Where]],
    problems: list[str],
    make: Callable[[Fields], _T | None],
) -> list[_T]:
    out = []
    for data, where in records:
        item = make(Fields(data, where, problems))
        if item is not None:
            out.append(item)
    return out


def read_indicators(path: Path, problems: list[str]) -> list[IndicatorRecord]:
    """The codebook's valid records; every problem with the others goes to ``problems``."""
    return _collect(read_list(path, "indicator", problems), problems, model.indicator)


_FIGURE_FILE_KEYS = ("source_id", "figures", "not_figures")


def _read_figure_file(path: Path, raw: RawData) -> None:
    try:
        data = read_yaml(path)
    except CurationError as exc:
        raw.problems.append(str(exc))
        return
    keys = set(data) - {LINE} if isinstance(data, dict) else set()
    if not {"source_id", "figures"} <= keys or keys - set(_FIGURE_FILE_KEYS):
        raw.problems.append(
            f"{path}: expected a mapping with the keys source_id, figures and optionally "
            f"not_figures; found {sorted(keys) if keys else type(data).__name__}"
        )
        return
    source_id = str(data["source_id"])
    if path.stem != source_id:
        raw.problems.append(
            f"{path}:{data[LINE]}: source_id {source_id!r} differs from the file name "
            f"{path.stem!r}; name the file <source_id>.yaml"
        )
        return
    figures = records_of(data["figures"], path, raw.problems, "figure")
    raw.figures.extend(_collect(figures, raw.problems, lambda rec: model.figure(rec, source_id)))
    not_figures = records_of(data.get("not_figures") or [], path, raw.problems, "not_figures")
    make = lambda rec: model.not_figure(rec, source_id)  # noqa: E731
    raw.not_figures.extend(_collect(not_figures, raw.problems, make))


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
    sources = read_list(raw_dir / "sources.yaml", "source", raw.problems)
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
    if not isinstance(data, dict) or set(data) - {LINE} != {"errata"}:
        problems.append(f"{path}: expected a mapping with the one key errata (docs/curation.md)")
        return []
    return _collect(
        records_of(data["errata"] or [], path, problems, "erratum"), problems, model.erratum
    )


def _read_rules(path: Path, problems: list[str]) -> list[tuple[dict[str, Any], Where]]:
    """The rules as written (validated by :mod:`futian_indicators.consistency.rules`)."""
    try:
        data = read_yaml(path)
    except CurationError as exc:
        problems.append(str(exc))
        return []
    if not isinstance(data, dict) or set(data) - {LINE} != {"rules"}:
        problems.append(f"{path}: expected a mapping with the one key rules (see docs/rules.md)")
        return []
    return [
        (without_lines(item), where)
        for item, where in records_of(data["rules"] or [], path, problems, "rule")
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
    if not is_semver(version):
        msg = (
            f"{path}:{data[LINE]}: version is {version!r}; "
            "expected a quoted semantic version such as '1.2.0'"
        )
        raise CurationError(msg)
    released = data.get("date_released")
    if released is not None and not isinstance(released, dt.date):
        msg = f"{path}: date_released is {released!r}; expected a date YYYY-MM-DD or null"
        raise CurationError(msg)
    out = {key: without_lines(data[key]) for key in _DATASET_KEYS}
    out["date_released"] = released.isoformat() if released else None
    return out
