"""The cached house-template shell: the same parts docxtpl and python-docx save for any marking and
reference, and a changed template never served from the cache."""

from __future__ import annotations

import io
import zipfile

import pytest

from assembler.writers import shell
from tests.conftest import ROOT

HOUSE = ROOT / "templates" / "house.docx"
MARKING = "DRAFT 3 December 2026 – subject to contract – for legal review, not legal advice"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERDRAFT_CACHE", str(tmp_path / "cache"))
    shell._shell_for.cache_clear()
    yield
    shell._shell_for.cache_clear()


@pytest.mark.parametrize("reference", ["LEGAL/2026/031", "", " ", "A & B <C> \"quoted\" 'single'",
                                       "Café – £5,000 ≥ 1", "  leading and trailing  "])
@pytest.mark.parametrize("comments", [False, True])
def test_filled_stand_ins_give_the_parts_docxtpl_renders(reference, comments):
    _, parts = shell.shell_parts(HOUSE, comments=comments, marking=MARKING, reference=reference)
    rendered = shell.build_shell(HOUSE.read_bytes(), comments, {"marking": MARKING, "reference": reference})
    assert parts == rendered.parts


@pytest.mark.parametrize("reference", ["tab\there", "line\nbreak", "{{ marking }}", "100% {sure}"])
def test_a_value_docxtpl_treats_specially_is_rendered_by_docxtpl(reference):
    assert not shell.plain(reference)
    _, parts = shell.shell_parts(HOUSE, comments=False, marking=MARKING, reference=reference)
    rendered = shell.build_shell(HOUSE.read_bytes(), False, {"marking": MARKING, "reference": reference})
    assert parts == rendered.parts


def test_the_shell_is_kept_in_the_user_cache(tmp_path):
    shell.cached_shell(HOUSE, False)
    assert len(list((tmp_path / "cache" / "shell").glob("*.pickle"))) == 1
    shell._shell_for.cache_clear()
    shell.cached_shell(HOUSE, False)  # read back, not built again
    assert len(list((tmp_path / "cache" / "shell").glob("*.pickle"))) == 1


def test_an_edited_template_misses_the_cache(tmp_path):
    template = tmp_path / "house.docx"
    template.write_bytes(HOUSE.read_bytes())
    before = shell.shell_parts(template, comments=False, marking=MARKING, reference="R1")[1]
    template.write_bytes(_edited(HOUSE.read_bytes(), "word/header1.xml", b"{{ marking }}", b"Edited {{ marking }}"))
    after = shell.shell_parts(template, comments=False, marking=MARKING, reference="R1")[1]
    assert b"Edited DRAFT" in after["word/header1.xml"]
    assert b"Edited" not in before["word/header1.xml"]
    assert len(list((tmp_path / "cache" / "shell").glob("*.pickle"))) == 2


def _edited(docx: bytes, name: str, old: bytes, new: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            blob = zin.read(info)
            zout.writestr(info, blob.replace(old, new) if info.filename == name else blob)
    return out.getvalue()
