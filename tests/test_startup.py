"""What a command imports before it does any work: a cold `partnerdraft assemble` is measured against a bare
python-docx build (docs/performance.md), and each module it need not import is time on every run."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "co-investment" / "affordable-homes-partnership.yaml"


def test_validating_a_term_sheet_does_not_look_for_pydantic_plugins():
    """assembler/__init__.py stands in for pydantic's plugin loader, which imported importlib.metadata (and the
    email package) on every run; the term-sheet models still build and validate."""
    script = ("import sys\n"
              "from assembler.library.catalogue import load_catalogue\n"
              "from assembler.termsheet.validate import read_termsheet\n"
              f"sheet = read_termsheet({str(SAMPLE)!r}, load_catalogue())\n"
              "print(sheet.family, 'importlib.metadata' in sys.modules, 'email' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == ["co-investment", "False", "False"]
