"""The compiled cache: code Python compiles from text at every start, kept in the user's cache folder.

Every command defines about 100 dataclasses (the draft's document model, the credit model, the rules'
findings, the library's records). For each, the standard library writes the source of `__init__`,
`__repr__`, `__eq__` and the rest as text and compiles it: about 430 small compilations, 50 ms or
more of a cold `assemble` (a tenth of it). pydantic and `typing` read the package's string
annotations (`from __future__ import annotations`) as forward references, each compiled from its
text: about 1,200 more, another 15 ms. All of it is redone by every new process although the text
depends only on the installed code. Here the compiled code is kept by its text in one file of the
user's cache folder (assembler/cache.py), so a cold run loads it instead of compiling it again.

How: `dataclasses` calls `exec(text, globals, namespace)` to define each method, and `typing` calls
`compile(text, "<string>", "eval")` for each forward reference. We give those two modules their own
`exec` and `compile` (a module global shadows the builtin for that module only), which look the text
up in the cache and use the compiled code. Compiling here uses exactly what the builtins would (file
name "<string>", no inherited `__future__` flags: neither module has any), so the code is the same;
only where it comes from changes. Any other call, or a miss, is compiled as before and remembered;
`save()` writes what was new when the command ends (assembler/cli.py).

Only on CPython 3.11, where this was measured and checked (the cache is also keyed by the exact
Python version, as marshalled code is specific to it); on anything else nothing is changed.
PARTNERDRAFT_CACHE=off turns it off with the other caches.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from typing import Any

from assembler import cache as disk_cache

_KIND = "compiled"
_MAX_ENTRIES = 4000  # a bound for a cache that outlives many library edits: see save()

_codes: dict[str, Any] = {}  # mode + NUL + source text: its compiled code (loaded, then added to)
_used: set[str] = set()  # the keys this process asked for
_new = False  # whether a text was compiled here, so save() has something to write


def _bundle_name() -> str:
    return disk_cache.key("compiled", "1", sys.implementation.name, sys.version) + ".marshal"


def supported() -> bool:
    """CPython 3.11 only: the version whose `dataclasses` and `typing` this was checked against."""
    return sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)


def install() -> None:
    """Give `dataclasses` and `typing` the caching `exec` and `compile`, and load the cache, before
    any of the package's dataclasses and models are defined."""
    import dataclasses
    import typing

    if not supported() or getattr(dataclasses, "exec", None) is _exec:
        return
    _load()
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # shadows the builtin for that module only
    typing.compile = _compile  # type: ignore[attr-defined]  # likewise


def _load() -> None:
    blob = disk_cache.read(_KIND, _bundle_name())
    if blob is None:
        return
    try:
        codes = marshal.loads(blob)
    except (ValueError, EOFError, TypeError):  # damaged or from another build: compile afresh
        return
    if isinstance(codes, dict):
        _codes.update(codes)


def _exec(source: Any, globals: dict | None = None, locals: dict | None = None) -> None:
    """`exec` as `dataclasses` calls it, with the text's compiled code taken from the cache."""
    if isinstance(source, str):
        source = _code(source, "exec")
    if globals is None:  # the builtin would use its caller's globals: those of dataclasses, not ours
        import dataclasses

        globals = vars(dataclasses)
    builtins.exec(source, globals, locals)


def _compile(source: Any, filename: str, mode: str, *args: Any, **kwargs: Any) -> Any:
    """`compile` as `typing` calls it for a forward reference (text, "<string>", "eval"); any other
    call goes straight to the builtin."""
    if isinstance(source, str) and filename == "<string>" and mode == "eval" and not args and not kwargs:
        return _code(source, "eval")
    return builtins.compile(source, filename, mode, *args, **kwargs)


def _code(source: str, mode: str) -> Any:
    """The compiled code of `source`, from the cache or compiled now (a SyntaxError is raised as the
    builtin raises it, and nothing is kept)."""
    global _new
    key = mode + "\x00" + source
    code = _codes.get(key)
    if code is None:
        code = _codes[key] = builtins.compile(source, "<string>", mode, dont_inherit=True)
        _new = True
    _used.add(key)
    return code


_at_end: list = []  # other caches' writers, run by save() (see at_end)


def at_end(writer) -> None:
    """Have `writer()` run when the command ends, with save(): the command line leaves by os._exit,
    which runs no atexit handlers (assembler/cli.py says why). The template bundle uses it."""
    if writer not in _at_end:
        _at_end.append(writer)


def save() -> None:
    """Write what this process compiled that the caches lacked (see _save_compiled), and run the
    writers other caches registered with at_end. Called once, as the command ends."""
    _save_compiled()
    for writer in _at_end:
        writer()


def _save_compiled() -> None:
    """Write the cache if this process compiled anything new (a first run, an edited dataclass). Past
    the bound, only the texts this process used are kept, so stale entries cannot pile up."""
    global _new
    if not _new:
        return
    keep = _codes if len(_codes) <= _MAX_ENTRIES else {t: c for t, c in _codes.items() if t in _used}
    disk_cache.write(_KIND, _bundle_name(), marshal.dumps(keep))
    _new = False
