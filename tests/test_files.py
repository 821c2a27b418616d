"""The one atomic writer: whole or not at all, and concurrent writers never mix."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from futian_indicators.core.files import write_atomically

SIZE = 1 << 20


def _writer(path: str, byte: int, times: int) -> None:
    payload = bytes([byte]) * SIZE
    for _ in range(times):
        write_atomically(Path(path), payload)


def test_concurrent_writers_leave_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "table.csv"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(target), b, 20)) for b in (65, 66)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    data = target.read_bytes()
    assert len(data) == SIZE
    assert data in {b"A" * SIZE, b"B" * SIZE}  # one writer's bytes, never a mix
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]  # no temporary left


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "table.csv"
    target.write_bytes(b"old")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_written_file_has_the_usual_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_atomically(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
