"""Bad input fails loudly and precisely; nothing is half-written; data is verified; offline."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import futian_indicators as fi
from futian_indicators import _resources
from futian_indicators.build import store
from futian_indicators.build.tables import build_tables
from futian_indicators.cli import main
from futian_indicators.errors import BuildError, FutianIndicatorsError, IntegrityError

Edit = Callable[[str, str, str], None]


# ------------------------------------------------------------------------------ bad letters


def _record_hash(project: Path, source_id: str) -> None:
    """Record the letter's current hash, so that the build reaches the letter's other checks."""
    import hashlib

    letter = project / "data" / "raw" / "letters" / f"{source_id}.txt"
    sources = project / "data" / "raw" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    start = text.index(f"source_id: {source_id}")
    at = text.index("sha256: ", start) + len("sha256: ")
    digest = hashlib.sha256(letter.read_bytes()).hexdigest()
    sources.write_text(text[:at] + digest + text[at + 64 :], encoding="utf-8")


def test_a_letter_that_is_not_utf8(project: Path) -> None:
    letter = project / "data" / "raw" / "letters" / "cppcc-2025136.txt"
    letter.write_bytes(letter.read_text(encoding="utf-8").encode("gb18030"))
    _record_hash(project, "cppcc-2025136")
    with pytest.raises(BuildError, match=r"cppcc-2025136\.txt: not UTF-8 at byte \d+; convert"):
        build_tables(project / "data" / "raw")


def test_an_empty_letter(project: Path) -> None:
    (project / "data" / "raw" / "letters" / "cppcc-2025136.txt").write_bytes(b"")
    _record_hash(project, "cppcc-2025136")
    with pytest.raises(BuildError, match=r"cppcc-2025136\.txt: the letter is empty"):
        build_tables(project / "data" / "raw")


def test_a_missing_letter(project: Path) -> None:
    (project / "data" / "raw" / "letters" / "cppcc-2025136.txt").unlink()
    with pytest.raises(BuildError, match=r"cppcc-2025136\.txt: letter not found"):
        build_tables(project / "data" / "raw")


def test_a_foreign_key_to_nothing(project: Path, edit: Edit) -> None:
    edit("indicators.yaml", "base_indicator: gdp_per_unit_land_area", "base_indicator: gdp_unit")
    message = r"base_indicator 'gdp_unit' names no indicators\.indicator_id"
    with pytest.raises(BuildError, match=message):
        build_tables(project / "data" / "raw")


# ------------------------------------------------------------------------- nothing half-done


def test_an_interrupted_build_leaves_the_previous_data(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["build", "--root", str(project)]) == 0
    outputs = [p for p in project.rglob("*") if p.is_file() and "raw" not in p.parts]
    before = {p: p.read_bytes() for p in outputs}
    (project / "data" / "raw" / "figures" / "cppcc-2025136.yaml").write_text(
        (project / "data" / "raw" / "figures" / "cppcc-2025136.yaml")
        .read_text(encoding="utf-8")
        .replace("note: null", "note: changed", 1),
        encoding="utf-8",
    )
    swaps = []
    real_swap = store._swap_in

    def swap_then_die(staged: Path, target: Path, retired: Path) -> None:
        real_swap(staged, target, retired)
        swaps.append(target)
        if len(swaps) == 2:
            raise KeyboardInterrupt  # interrupted after the first output folder was swapped in

    monkeypatch.setattr(store, "_swap_in", swap_then_die)
    with pytest.raises(KeyboardInterrupt):
        main(["build", "--root", str(project)])
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and "raw" not in p.parts}
    assert after == before
    assert not list(project.glob(".build-staging-*"))


# ------------------------------------------------------------------------------- integrity


def test_verify_checks_every_bundled_file() -> None:
    hashes = fi.verify()
    assert set(hashes) >= {"figures.parquet", "sources.parquet"}


def test_a_tampered_file_is_caught_on_load(monkeypatch: pytest.MonkeyPatch) -> None:
    real_read = _resources._read

    def tampered(name: str) -> bytes:
        data = real_read(name)
        return data[:-1] + bytes([data[-1] ^ 1]) if name == "figures.parquet" else data

    monkeypatch.setattr(_resources, "_read", tampered)
    _resources.table.cache_clear()
    try:
        with pytest.raises(
            IntegrityError, match=r"'figures\.parquet' has sha256 .* it was altered"
        ):
            fi.verify()
        truncated = lambda name: real_read(name)[:-10]  # noqa: E731
        monkeypatch.setattr(_resources, "_read", truncated)
        with pytest.raises(IntegrityError, match=r"has \d+ bytes but the manifest records \d+"):
            fi.load_figures()
    finally:
        _resources.table.cache_clear()


def test_summary_verifies_the_hashes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary"]) == 0
    assert "verified" in capsys.readouterr().out


# ---------------------------------------------------------------------------- determinism


def test_two_builds_give_identical_bytes_and_tables(tmp_path: Path) -> None:
    from .conftest import RAW

    first, second = build_tables(RAW), build_tables(RAW)
    for name in first:
        assert store.csv_bytes(first[name]) == store.csv_bytes(second[name])
        pd.testing.assert_frame_equal(first[name], second[name])
        a, b = tmp_path / "a.parquet", tmp_path / "b.parquet"
        a.write_bytes(store.parquet_bytes(first[name]))
        b.write_bytes(store.parquet_bytes(second[name]))
        pd.testing.assert_frame_equal(pd.read_parquet(a), pd.read_parquet(b))


# -------------------------------------------------------------------------------- offline


def test_import_and_every_loader_work_with_sockets_blocked() -> None:
    code = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network disabled by the test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.socket.sendto = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import futian_indicators as fi
for loader in (fi.load_sources, fi.load_indicators, fi.load_figures, fi.load_mentions,
               fi.load_rules, fi.load_checks, fi.data_versions):
    assert len(loader()) > 0
fi.series("gdp"); fi.cite(); fi.verify(); fi.load_figures(version="1.0.0")
print("offline ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "offline ok" in result.stdout
    assert socket.socket.connect.__name__ == "connect"  # this process is untouched


# ------------------------------------------------------------------------------- fuzzing

QUANTITY_ALPHABET = st.sampled_from(
    list("0123456789.,%-～至余多超近约突破以上左右万亿千百十一二两三四五六七八九零〇")
    + list("元亿家个件成倍番第前翻分之年月日号 \n")
)
texts = st.one_of(st.text(), st.text(alphabet=QUANTITY_ALPHABET, max_size=60))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=texts)
def test_parse_quantity_returns_or_raises_the_package_error(text: str) -> None:
    try:
        q = fi.parse_quantity(text)
    except FutianIndicatorsError:
        return
    assert q.lower_lenient <= q.lower <= q.upper <= q.upper_lenient


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=texts)
def test_extract_quantities_offsets_always_index_the_input(text: str) -> None:
    try:
        found = fi.extract_quantities(text)
    except FutianIndicatorsError:
        return
    for row in found.to_dict("records"):
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert text[row["start"] : row["end"]] == row["text"]
    assert (found["end"].iloc[:-1].to_numpy() <= found["start"].iloc[1:].to_numpy()).all()


def test_parquet_is_read_without_a_python_file_or_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Either one lets pyarrow abort the interpreter at exit (measured: 2 of 30 processes)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    calls = []
    real = pq.read_table

    def spy(source: object, **kwargs: object) -> pa.Table:
        calls.append((source, kwargs))
        return real(source, **kwargs)

    monkeypatch.setattr(pq, "read_table", spy)
    _resources.read_parquet_bytes(store.parquet_bytes(fi.load_sources()))
    ((source, kwargs),) = calls
    assert isinstance(source, pa.BufferReader)
    assert kwargs.get("use_threads") is False


def test_processes_that_load_every_table_exit_cleanly() -> None:
    code = (
        "import futian_indicators as fi\n"
        "for name in ('sources', 'indicators', 'figures', 'mentions', 'rules', 'checks'):\n"
        "    getattr(fi, 'load_' + name)()\n"
        "fi.load_figures(version='1.0.0')\n"
    )
    codes = [
        subprocess.run([sys.executable, "-c", code], capture_output=True).returncode
        for _ in range(10)
    ]
    assert codes == [0] * 10
