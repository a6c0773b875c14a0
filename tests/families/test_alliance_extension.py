"""The alliance's extension option: an option exercisable 'in one or more periods' up to a total (extension.periods:
several) reaches the extension sub-clause, the Key Information table and the term note (r42 al-familyhubs F6: the
draft gave one fixed three-year extension where the instructions said 'up to 3 years, in one or more periods')."""
from __future__ import annotations

from tests.families.clause_texts import alliance_key_row, build, clause_text, flat, flat_note, variant_of
from tests.families.conftest import ALLIANCE_BIG

_EXTENSION = "    years: 5\n    notice_months: 12\n"


def _several(catalogue):
    return variant_of(catalogue, ALLIANCE_BIG, _EXTENSION, _EXTENSION + "    periods: several\n")


def test_extension_in_several_periods(catalogue):
    """Firing: the Commissioner may extend once or more than once, by periods of a year or more, up to the total, each
    by notice before the Term would otherwise end; the Key Information row and the values say so; the note too."""
    doc = _several(catalogue)
    t = clause_text(doc, "alliance.term-termination", flat=True)
    assert ("may extend the Term once or more than once, by periods of one year or more, not exceeding five years in "
            "total, each by notice to every other Party given at least twelve months before the Term would otherwise "
            "end (for the Initial Term, on or before") in t
    assert "Each extension binds every Alliance Member" in t
    assert "extend the Term once, by five years" not in t
    row = flat(" ".join(alliance_key_row(doc, "Extension")))
    assert "to extend, once or more than once, by periods of one year or more, up to five years in total" in row
    assert "if the Term is extended in full" in flat(clause_text(doc, "alliance.key-information"))
    assert "with extensions of one year or more, up to five years in total, at the Commissioner's option" in \
        flat_note(doc, "alliance.term-termination")


def test_extension_once_by_default(catalogue):
    """Quiet: without periods, the option is one extension by the years given, as before."""
    doc = build(ALLIANCE_BIG, catalogue).document
    t = clause_text(doc, "alliance.term-termination", flat=True)
    assert "may extend the Term once, by five years, by notice to every other Party" in t
    assert "The extension binds every Alliance Member" in t
    assert "once or more than once" not in flat(clause_text(doc, "alliance.key-information"))
    assert "one option for the Commissioner to extend by five years" in flat(" ".join(alliance_key_row(doc, "Extension")))
