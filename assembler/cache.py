"""The user's cache folder: work that repeats across runs (compiled clause templates, parsed clause
headers), kept by a hash of its input so an edited clause simply misses. The cache is an
optimisation only: anything unreadable is ignored and anything unwritable is skipped.

PARTNERDRAFT_CACHE names another folder, or `off` to disable it.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path


def folder(kind: str) -> Path | None:
    env = os.environ
    return _folder(kind, env.get("PARTNERDRAFT_CACHE", ""), env.get("XDG_CACHE_HOME"), env.get("HOME"))


@functools.lru_cache(maxsize=32)
def _folder(kind: str, setting: str, xdg: str | None, home: str | None) -> Path | None:
    """The folder for the settings that decide it, worked out once: a cold assembly reads ~160 cache
    files, and finding the home folder for each was a tenth of the reading."""
    if setting.lower() in ("off", "0", "no"):
        return None
    if setting:
        return Path(setting) / kind
    try:
        base = Path(xdg or Path.home() / ".cache")
    except (RuntimeError, KeyError):  # no home folder (some service accounts): no cache
        return None
    return base / "partnerdraft" / kind


def key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def read(kind: str, name: str) -> bytes | None:
    where = folder(kind)
    if where is None:
        return None
    try:
        return (where / name).read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, blob: bytes) -> None:
    where = folder(kind)
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = where / f".{name}.{os.getpid()}.tmp"
        tmp.write_bytes(blob)
        os.replace(tmp, where / name)
    except OSError:
        pass
