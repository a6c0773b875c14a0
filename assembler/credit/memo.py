"""Credit figures worked out once per term sheet.

One check and one draft of a co-investment deal ask for the same figures many times: the clauses' credit view, the
COINV- rule that reads it again, and the CREDIT- rules that each run the cash-flow model or a stress case; inside
the model every month asks for the income of the same number of homes. Worked out each time, the month-by-month
model took about 1.2 s of a 1.7 s draft.

Term-sheet models are frozen, so a figure worked out from a sheet holds as long as that sheet lives. The memo keeps
the figures of the last few sheets it was asked about, by identity, and holds each of those sheets so that its id
cannot be reused by another while it is remembered. Memoised functions must be pure functions of the sheet and of
hashable arguments, and their callers must not change what they return.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

KEEP = 4  # sheets remembered: a check and its draft use one; the web app and tests move on to the next

_sheets: OrderedDict[int, tuple[object, dict]] = OrderedDict()
_lock = threading.Lock()

F = TypeVar("F", bound=Callable[..., Any])


def _memo_for(sheet: object) -> dict:
    """The figures remembered for `sheet` (a new, empty memo for a sheet not among the last KEEP)."""
    with _lock:
        entry = _sheets.get(id(sheet))
        if entry is not None and entry[0] is sheet:
            _sheets.move_to_end(id(sheet))
            return entry[1]
        memo: dict = {}
        _sheets[id(sheet)] = (sheet, memo)
        _sheets.move_to_end(id(sheet))
        while len(_sheets) > KEEP:
            _sheets.popitem(last=False)
        return memo


def per_sheet(fn: F) -> F:
    """`fn(sheet, *args, **kwargs)`, worked out once for each sheet and arguments."""

    positional = fn.__code__.co_argcount - 1  # the arguments after the sheet
    defaults = fn.__defaults__ or ()
    first_default = positional - len(defaults)

    @functools.wraps(fn)
    def memoised(sheet, *args, **kwargs):
        if first_default <= len(args) < positional:  # `model(sheet)` is `model(sheet, Case())`: one entry
            args += defaults[len(args) - first_default:]
        memo = _memo_for(sheet)
        key = (fn, args, tuple(sorted(kwargs.items()))) if kwargs else (fn, args)
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = fn(sheet, *args, **kwargs)
            return value

    memoised.uncached = fn  # type: ignore[attr-defined]
    return memoised  # type: ignore[return-value]


def forget() -> None:
    """Drop every remembered figure (for tests that time or count the work itself)."""
    with _lock:
        _sheets.clear()
