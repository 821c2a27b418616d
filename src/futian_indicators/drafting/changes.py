"""The files a draft adds to ``data/raw``, written all or none.

A draft changes up to three files: it copies the letter to ``letters/<source_id>.txt``, appends a
record to ``sources.yaml`` and writes ``figures/<source_id>.yaml``. Every new content is made in
memory first (an append is the old bytes and the record), then each file is replaced with
:func:`~futian_indicators.core.files.write_atomically`. When a write fails, the files already
written are put back as they were (a new file is removed, a replaced one gets its old bytes) and
so are the folders made for them: ``data/raw`` is left as it was, and the error is raised.

Examples
--------
>>> import pathlib, tempfile
>>> raw = pathlib.Path(tempfile.mkdtemp())
>>> _ = (raw / "sources.yaml").write_text("- source_id: a\\n", encoding="utf-8")
>>> letter = Change(raw / "letters" / "b.txt", b"text")
>>> apply_all([letter, appended(raw / "sources.yaml", "- source_id: b\\n")])
>>> print((raw / "sources.yaml").read_text(encoding="utf-8"), end="")
- source_id: a
<BLANKLINE>
- source_id: b
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core import files

__all__ = ["Change", "appended", "apply_all"]


@dataclass(frozen=True, slots=True)
class Change:
    """A file and its whole new content."""

    path: Path
    data: bytes


def appended(path: Path, record: str) -> Change:
    """``path`` with a record of a YAML list added at its end, one blank line after the last one.

    The old bytes are kept as they are; a missing file is made with the record alone.
    """
    existing = path.read_bytes() if path.exists() else b""
    separator = b"" if not existing else (b"\n" if existing.endswith(b"\n") else b"\n\n")
    return Change(path, existing + separator + record.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class _Undo:
    """How to put one written file back: its old bytes, or None when it was new."""

    path: Path
    before: bytes | None
    folders: tuple[Path, ...]  # the folders made for it, innermost first


def _make_folders(folder: Path) -> tuple[Path, ...]:
    """Make ``folder`` and its missing parents; the ones made, innermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir()
    return tuple(missing)


def _remove(folders: Sequence[Path]) -> None:
    """Remove folders made for a file, innermost first, unless something else was put there."""
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _undo(done: Sequence[_Undo]) -> None:
    """Put the written files back, last first."""
    for step in reversed(done):
        if step.before is None:
            step.path.unlink(missing_ok=True)
        else:
            files.write_atomically(step.path, step.before)
        _remove(step.folders)


def apply_all(changes: Sequence[Change]) -> None:
    """Write every change in order, each atomically; on any failure, undo those written.

    Raises
    ------
    BaseException
        Whatever a write raised, after the files written before it were put back.
    """
    done: list[_Undo] = []
    try:
        for change in changes:
            before = change.path.read_bytes() if change.path.exists() else None
            folders = _make_folders(change.path.parent)
            try:
                files.write_atomically(change.path, change.data)
            except BaseException:
                _remove(folders)
                raise
            done.append(_Undo(change.path, before, folders))
    except BaseException:
        _undo(done)
        raise
