"""What a command imports before it does any work: a cold `partnerdraft assemble` is measured against a bare
python-docx build (docs/performance.md), and each module it need not import is time on every run."""

from __future__ import annotations

import os
import subprocess
import sys
import typing

import pytest

from assembler import compiled
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


_DATACLASS_SCRIPT = """
import dataclasses, sys, typing
import assembler
from assembler import compiled

@dataclasses.dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int = 2
    tags: list = dataclasses.field(default_factory=list)

ref = typing.ForwardRef("dict[str, Point] | None")
fresh = compile("dict[str, Point] | None", "<string>", "eval")
print(compiled._new, dataclasses.exec is compiled._exec, sep="|", end="|")
print(
      Point(1) == Point(1), Point(1) < Point(2), repr(Point(1)),
      ref.__forward_code__.co_code == fresh.co_code, ref._evaluate(globals(), None, recursive_guard=frozenset()) is not None,
      sep="|")
compiled.save()
"""


def _define_dataclass(cache) -> list[str]:
    env = {**os.environ, "PARTNERDRAFT_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", _DATACLASS_SCRIPT], capture_output=True, text=True, cwd=ROOT,
                          check=True, env=env)
    return done.stdout.strip().split("|")


def test_the_compiled_cache_fills_once_and_then_gives_the_same_code(tmp_path):
    """assembler/compiled.py: the first process compiles a dataclass's methods and a forward reference and
    saves them; the next loads them (compiles nothing new), and the class and reference behave as the
    standard library's own."""
    if not compiled.supported():
        pytest.skip("the compiled cache is for CPython 3.11 only")
    first = _define_dataclass(tmp_path)
    assert list((tmp_path / "compiled").iterdir())
    second = _define_dataclass(tmp_path)
    assert first[0] == "True" and second[0] == "False"  # compiled afresh, then loaded
    assert first[1:] == second[1:] == ["True", "True", "True", "Point(x=1, y=2, tags=[])", "True", "True"]


def test_a_bad_forward_reference_is_still_a_syntax_error():
    """A text that is not an expression raises as the builtin compile makes typing raise, and is not kept."""
    with pytest.raises(SyntaxError):
        typing.ForwardRef("1 +")


def test_the_compiled_cache_leaves_other_compile_calls_alone():
    code = compiled._compile("x = 1", "<mine>", "exec")
    assert code.co_filename == "<mine>"
