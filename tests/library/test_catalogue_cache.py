"""The parsed library kept in the user's cache: the same catalogue as a fresh parse, and an edited
clause, manifest or figure never served from it."""

from __future__ import annotations

import shutil

import pytest

from assembler.library import catalogue as catalogue_module
from assembler.library.catalogue import load_catalogue
from assembler.library.paths import LibraryPaths
from tests.conftest import MINILIB


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERDRAFT_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "lib"
    shutil.copytree(MINILIB, root)
    catalogue_module._load.cache_clear()
    yield LibraryPaths(root)
    catalogue_module._load.cache_clear()


def fresh(paths: LibraryPaths):
    """Load as a new process would: nothing remembered in memory, only the cache folder."""
    catalogue_module._load.cache_clear()
    return load_catalogue(paths)


def snapshots(tmp_path) -> int:
    return len(list((tmp_path / "cache" / "catalogue").glob("*.pickle")))


def summary(catalogue) -> list:
    return [sorted((f.id, f.header.model_dump_json(), f.body, f.body_line) for f in catalogue.files),
            {k: m.model_dump_json() for k, m in catalogue.manifests.items()}, catalogue.figures, catalogue.law,
            catalogue.digest]


def test_a_cached_catalogue_is_the_parsed_one(library, tmp_path, monkeypatch):
    first = fresh(library)
    assert snapshots(tmp_path) == 1
    cached = fresh(library)
    assert cached is not first and summary(cached) == summary(first)
    monkeypatch.setenv("PARTNERDRAFT_CACHE", "off")
    assert summary(fresh(library)) == summary(first)


@pytest.mark.parametrize("edit", ["clauses/grant/general.md", "templates/grant.yaml", "clauses/figures.yaml"])
def test_an_edited_library_file_misses(library, tmp_path, edit):
    before = fresh(library)
    path = library.root / edit
    if edit.endswith(".md"):
        path.write_text(path.read_text().replace("title: General", "title: General provisions"))
    else:
        path.write_text(path.read_text() + "\n# edited\n")
    after = fresh(library)
    assert snapshots(tmp_path) == 2
    assert after.digest != before.digest
    if edit.endswith(".md"):
        assert {f.header.title for f in after.files if f.id == "grant.general"} == {"General provisions"}
