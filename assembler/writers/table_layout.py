"""Column widths that follow a table's content.

The lawyer draws proportions in the clause file (`|----|--------|--:|`); the writer keeps them as the
starting point but widens a column until its longest word and its short figures (amounts, references,
postcodes) fit on one line, taking the room from columns that have more than their content needs. A
header that breaks inside a word ("Agree/ment") or an amount that wraps is what a solicitor notices
first in a generated schedule.

Pure functions over text, so the rules are tested without Word; widths are in twips.
"""

from __future__ import annotations

import re

# Arial advance widths in thousandths of an em (the house style's table font), grouped.
_NARROW = set("iljtfrI.,;:'!|()[] ")
_WIDE = set("mwMW%@")
_FIGURE = re.compile(r"^[£$€]?[\d.,:/\-–]+[%p]?$|^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$")
ATOMIC_CHARS = 18  # a cell this short that holds a figure or reference is never wrapped
SAFETY = 1.12  # LibreOffice and Word round glyph widths differently; keep a margin


def text_twips(text: str, points: float, *, bold: bool = False) -> int:
    """Approximate printed width of `text` at `points` in Arial."""
    em = sum(map(_EM.__getitem__, text))
    width = em / 1000 * points * 20 * (1.07 if bold else 1.0)
    return int(width * SAFETY)


class _Advances(dict):
    """Character -> advance width (thousandths of an em), worked out once per character."""

    def __missing__(self, ch: str) -> int:
        if ch in _NARROW:
            em = 280
        elif ch in _WIDE:
            em = 833
        elif ch.isupper() or ch.isdigit() or ch in "£$€#&":
            em = 640 if ch.isupper() else 556
        else:
            em = 520
        self[ch] = em
        return em


_EM = _Advances()


def _atomic(cell: str) -> bool:
    """A short figure, reference or postcode: reads wrongly if wrapped."""
    cell = cell.strip()
    return bool(cell) and len(cell) <= ATOMIC_CHARS and (
        any(ch.isdigit() for ch in cell) or bool(_FIGURE.match(cell)))


def column_widths(header: list[str], rows: list[list[str]], shares: list[int], total: int, *,
                  points: float = 9.5, padding: int = 160) -> list[int]:
    """Widths (twips, summing to `total`) for a table whose cells hold these texts.

    Each column gets at least what its longest word (header in bold) and its short figures need;
    no column is wider than its longest cell unless there is room to spare; the rest of the width
    goes by the drawn `shares`.
    """
    columns = len(header)
    shares = shares if len(shares) == columns else [1] * columns
    need, full = [], []
    for c in range(columns):
        cells = [row[c] for row in rows if c < len(row)]
        words = [text_twips(w, points, bold=True) for w in header[c].split()]
        words += [text_twips(w, points) for cell in cells for w in cell.split()]
        words += [text_twips(cell.strip(), points) for cell in cells if _atomic(cell)]
        need.append(max(words, default=0) + padding)
        longest = max([text_twips(header[c], points, bold=True)]
                      + [text_twips(cell, points) for cell in cells])
        full.append(longest + padding)
    if sum(need) >= total:  # content cannot all fit unbroken: scale the minimums
        return _exact([n * total / sum(need) for n in need], total)
    drawn = [total * s / sum(shares) for s in shares]
    if all(f <= d for f, d in zip(full, drawn)):  # everything fits as drawn: the lawyer's widths
        return _exact(drawn, total)
    widths = [max(need[c], min(drawn[c], full[c])) for c in range(columns)]
    return _exact(_fit(widths, need, full, drawn, total), total)


def _fit(widths: list[float], need: list[int], full: list[int], drawn: list[float],
         total: int) -> list[float]:
    """Shrink columns with slack, or share spare room among columns whose content wants it."""
    excess = sum(widths) - total
    if excess > 0:
        slack = [w - n for w, n in zip(widths, need)]
        return [w - excess * s / sum(slack) for w, s in zip(widths, slack)]
    spare = -excess
    wanting = [max(0.0, f - w) for f, w in zip(full, widths)]
    if sum(wanting) > 0:
        give = min(spare, sum(wanting))
        widths = [w + give * x / sum(wanting) for w, x in zip(widths, wanting)]
        spare -= give
    if spare > 0:  # everything fits on one line: share what is left as drawn
        widths = [w + spare * d / sum(drawn) for w, d in zip(widths, drawn)]
    return widths


def _exact(widths: list[float], total: int) -> list[int]:
    """Whole twips summing exactly to `total`: the last column takes the rounding."""
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out
