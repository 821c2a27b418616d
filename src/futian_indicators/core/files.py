"""The one way the package writes a file: whole or not at all.

Every writer (the build's store, the release archive, the drafter) goes through
:func:`write_atomically`. The bytes go to a temporary file of a unique name in the target's own
folder (so the final rename never crosses a file system and two runs never share a temporary
file), are flushed to disk, and replace the target with :func:`os.replace`; the folder is then
flushed too, so the rename itself survives a crash. A reader sees the old file or the new one,
never a part.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomically(folder / "a.txt", b"one")
>>> write_atomically(folder / "a.txt", b"two")
>>> (folder / "a.txt").read_bytes(), sorted(p.name for p in folder.iterdir())
(b'two', ['a.txt'])
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["fsync_folder", "write_atomically"]


def fsync_folder(path: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk, where the platform allows it."""
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder for fsync
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; on any failure the old file is untouched.

    Parameters
    ----------
    path : Path
        The file to write; its folder must exist.
    data : bytes
        The whole new content.
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file readable by its owner only; give it the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    fsync_folder(path.parent)
