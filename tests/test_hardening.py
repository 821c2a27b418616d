"""Bad input fails loudly and precisely; nothing is half-written; data is verified; offline."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import futian_indicators as fi
from futian_indicators import _resources
from futian_indicators.build import store
from futian_indicators.build.tables import build_tables
from futian_indicators.cli import main
from futian_indicators.errors import BuildError, FutianIndicatorsError

from .conftest import RAW, ROOT, copy_package, python, python_env

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


TAMPER = """
import sys, futian_indicators as fi
try:
    {call}
except fi.FutianIndicatorsError as exc:
    print(type(exc).__name__, exc)
else:
    sys.exit("not caught")
"""


def test_an_altered_file_is_caught_by_verify(tmp_path: Path) -> None:
    site = copy_package(tmp_path)
    figures = site / "futian_indicators" / "data" / "figures.parquet"
    data = figures.read_bytes()
    figures.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # same size: only the hash tells
    result = python("-c", TAMPER.format(call="fi.verify()"), path=site)
    assert result.returncode == 0, result.stderr
    assert re.search(
        r"IntegrityError .*'figures\.parquet' has sha256 .* it was altered", result.stdout
    )


def test_a_truncated_file_is_caught_on_load(tmp_path: Path) -> None:
    site = copy_package(tmp_path)
    figures = site / "futian_indicators" / "data" / "figures.parquet"
    figures.write_bytes(figures.read_bytes()[:-10])
    result = python("-c", TAMPER.format(call="fi.load_figures()"), path=site)
    assert result.returncode == 0, result.stderr
    assert re.search(r"has \d+ bytes but the manifest records \d+", result.stdout)


def test_summary_verifies_the_hashes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary"]) == 0
    assert "verified" in capsys.readouterr().out


# ---------------------------------------------------------------------------- determinism


def _outputs(root: Path) -> dict[str, bytes]:
    """Every file a build wrote under ``root``, by path relative to it."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "raw" not in p.relative_to(root).parts
    }


SLOW_RENAMES_BUILD = """
import os, sys, time
rename = os.rename
def slow_rename(source, target):  # a slow file system: folder swaps of two builds overlap
    rename(source, target)
    time.sleep(float(sys.argv[2]))
os.rename = slow_rename
from futian_indicators.cli import main
sys.exit(main(["build", "--root", sys.argv[1]]))
"""


def _build_in_processes(roots: list[Path], pause: float = 0.0) -> list[subprocess.Popen[str]]:
    """Run ``futian-indicators build`` for each root, all at once, each with its own hash seed.

    ``pause`` (seconds) follows every rename, so that the folder swaps of the builds overlap.
    """
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", SLOW_RENAMES_BUILD, str(root), str(pause)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=python_env(PYTHONHASHSEED=str(seed)),
        )
        for seed, root in enumerate(roots, start=1)
    ]
    for run in runs:
        run.communicate(timeout=300)
    return runs


def test_builds_with_different_hash_seeds_write_the_same_bytes(tmp_path: Path) -> None:
    roots = [tmp_path / "a", tmp_path / "b"]
    for root in roots:
        shutil.copytree(RAW, root / "data" / "raw")
    runs = _build_in_processes(roots)  # PYTHONHASHSEED 1 and 2: set and dict orders differ
    assert [run.returncode for run in runs] == [0, 0]
    first, second = (_outputs(root) for root in roots)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    for name in ("figures.csv", "mentions.csv", "datapackage.json"):
        assert first[f"data/processed/{name}"] == (ROOT / "data/processed" / name).read_bytes()


def test_two_concurrent_builds_into_one_tree_leave_a_whole_build(project: Path) -> None:
    assert main(["build", "--root", str(project)]) == 0  # each build now replaces folders
    runs = _build_in_processes([project, project], pause=1.0)
    assert [run.returncode for run in runs] == [0, 0], [run.stderr for run in runs]
    assert main(["build", "--check", "--root", str(project)]) == 0  # complete and current
    assert sorted(p.name for p in project.iterdir()) == ["data", "src"]  # no staging left


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
try:
    socket.create_connection(("localhost", 9))
except OSError as exc:
    assert "network disabled by the test" in str(exc)
else:
    raise SystemExit("the network is not blocked: the test proves nothing")
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
    found = fi.extract_quantities(text)  # any text: it never raises
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
