"""The built wheel carries the data: install it into a fresh environment and load every table."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

LOAD_EVERY_TABLE = """
import futian_indicators as fi, pathlib, sys
assert pathlib.Path(fi.__file__).is_relative_to(sys.prefix), fi.__file__
counts = {name: len(loader()) for name, loader in
          [("sources", fi.load_sources), ("indicators", fi.load_indicators),
           ("figures", fi.load_figures)]}
assert fi.series("gdp").loc[0, "value"] == 594882000000.0
print(fi.DATA_VERSION, counts)
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("futian_indicators-*.whl")
    return path


def test_wheel_contains_the_tables_and_no_raw_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for table in ("sources", "indicators", "figures"):
        assert f"futian_indicators/data/{table}.parquet" in names
    assert "futian_indicators/data/manifest.json" in names
    assert not [n for n in names if n.startswith(("data/", "tests/"))]


def test_wheel_installed_in_a_fresh_environment_loads_every_table(
    wheel: Path, tmp_path: Path
) -> None:
    env = tmp_path / "venv"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
    subprocess.run([*pip, "--no-deps", "--no-index", str(wheel)], check=True)
    # the dependencies come from this environment, added after the install so that pip cannot
    # mistake this environment's copy of the package (CI installs it) for the wheel's
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(subprocess.check_output([python, "-c", purelib], text=True).strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [python, "-I", "-c", LOAD_EVERY_TABLE], cwd=outside, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "'figures':" in result.stdout
