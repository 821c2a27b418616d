"""The built wheel carries the data: install it into a fresh environment and load every table."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import PACKAGE, ROOT

pytestmark = pytest.mark.slow

LOAD_EVERY_TABLE = """
import json, pathlib, sys
from importlib.resources import files
import futian_indicators as fi
assert pathlib.Path(fi.__file__).is_relative_to(sys.prefix), fi.__file__
manifest = json.loads(files("futian_indicators").joinpath("data/manifest.json").read_bytes())
for version in fi.data_versions()["version"]:
    for name in manifest["tables"]:
        getattr(fi, "load_" + name)(version=version)
counts = {name: len(getattr(fi, "load_" + name)()) for name in manifest["tables"]}
assert counts == {name: entry["rows"] for name, entry in manifest["tables"].items()}, counts
assert fi.series("gdp").loc[0, "value"] == 594882000000.0
print(json.dumps(counts))
"""
MANIFEST = json.loads((PACKAGE / "data" / "manifest.json").read_text(encoding="utf-8"))


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
    names = set(zipfile.ZipFile(wheel).namelist())
    for entry in MANIFEST["tables"].values():
        assert f"futian_indicators/data/{entry['file']}" in names
    assert "futian_indicators/data/manifest.json" in names
    assert not [n for n in names if n.startswith(("data/", "tests/"))]


def test_wheel_contains_every_module_of_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {
        "futian_indicators/" + path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
    }
    assert sorted(modules - names) == []


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
    counts = json.loads(result.stdout)
    assert sorted(counts) == sorted(MANIFEST["tables"])
    assert counts["figures"] > 0
