"""A plain (non-editable) install carries the clause library and works from any folder.

The wheel is built offline from this checkout and unpacked into a folder that stands in for
site-packages; the test then runs the command line from an unrelated directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(dist), str(ROOT)], check=True, capture_output=True, timeout=300)
    [wheel] = dist.glob("partnerdraft-*.whl")
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        assert "assembler/_library/templates/house.docx" in names
        assert "assembler/_library/templates/grant.yaml" in names
        assert "assembler/_library/clauses/grant/payment.md" in names
        assert "assembler/_library/clauses/figures.yaml" in names
        assert any(n.startswith("assembler/_library/samples/grant/") for n in names)
        z.extractall(site)
    return site


def cli(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONNOUSERSITE": "1"}
    env.pop("PARTNERDRAFT_LIBRARY", None)
    return subprocess.run([sys.executable, "-c", "from assembler.cli import main; main()", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_installed_package_works_from_another_folder(installed, tmp_path):
    where = cli(installed, tmp_path, "--version")
    assert where.returncode == 0, where.stderr
    probe = subprocess.run([sys.executable, "-c", "import assembler, sys; print(assembler.__file__)"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(installed)},
                           capture_output=True, text=True)
    assert probe.stdout.startswith(str(installed)), probe.stdout
    assert cli(installed, tmp_path, "new", "grant", "-o", "my-grant.yaml").returncode == 0
    checked = cli(installed, tmp_path, "check", "my-grant.yaml", "--date", "2026-12-03")
    assert checked.returncode == 0, checked.stderr
    made = cli(installed, tmp_path, "assemble", "my-grant.yaml", "-o", "draft.docx", "--date", "2026-12-03")
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "draft.docx").stat().st_size > 10_000
    assert cli(installed, tmp_path, "library", "check").returncode == 0
