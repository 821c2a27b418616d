"""YAML files of ``data/raw`` read with line numbers, so that every problem can say where it is.

:func:`read_yaml` records, in every mapping, the line it starts on (under :data:`LINE`);
:class:`Where` is a place (file and line) that problem messages start with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import yaml

from ..errors import CurationError

LINE: Final = "__line__"
"""The key under which :func:`read_yaml` records the line a mapping starts on."""


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the raw data: a file and a line (1-based; 0 when unknown)."""

    path: Path
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:  # libyaml's parser where PyYAML has it: ten times faster, the same documents and marks
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader that records, in every mapping, the line it starts on."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
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


def records_of(
    data: Any, path: Path, problems: list[str], what: str
) -> list[tuple[Mapping[str, Any], Where]]:
    """The mappings of a YAML list, each with its place; every other item is a problem."""
    if not isinstance(data, list):
        problems.append(f"{path}: expected a list of {what} records, got {type(data).__name__}")
        return []
    out: list[tuple[Mapping[str, Any], Where]] = []
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(f"{path}: record {index} is {item!r}; expected a mapping of keys")
            continue
        out.append((item, Where(path, item.get(LINE, 0))))
    return out


def read_list(path: Path, what: str, problems: list[str]) -> list[tuple[Mapping[str, Any], Where]]:
    """The records of a YAML file that is one list; a file that cannot be read is a problem."""
    try:
        data = read_yaml(path)
    except CurationError as exc:
        problems.append(str(exc))
        return []
    return records_of(data, path, problems, what)


def without_lines(data: Any) -> Any:
    """``data`` as the YAML wrote it: without the recorded lines, however deep."""
    if isinstance(data, dict):
        return {k: without_lines(v) for k, v in data.items() if k != LINE}
    if isinstance(data, list):
        return [without_lines(v) for v in data]
    return data
