"""Agreed terms the sheet states print without brackets and leave the assumptions list (r29 ob-fresh findings 1
and 2): the extension notice, each party's break notice, the provider's earliest break date (for giving notice or
for it taking effect), breaks for one home only, and deemed approval of a Reinvestment Plan after a reminder.
Where the sheet is silent the bracketed proposals and the "not instructed" notes stay."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

FOXGLOVE = ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml"
REVIEWED = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"


def _doc(catalogue, *edits: tuple[str, str], path=FOXGLOVE):
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return document_of(catalogue, text)


def _assumptions(doc) -> str:
    return flat(doc.clauses[0].note or "")


SILENT = [("  extension_notice_months: 4\n", ""), ("  commissioner_notice_months: 6\n", ""),
          ("  provider_notice_months: 6\n", ""), ("  provider_break_from: 2028-04-01\n", ""),
          ("    deemed_approval: true\n", "")]


def test_agreed_notices_print_without_brackets(catalogue):
    doc = _doc(catalogue)
    term = flat(clause_text(doc, "open-book.term"))
    assert "by giving Foxglove notice at least 4 months before the Service Term would otherwise end" in term
    end = flat(clause_text(doc, "open-book.termination"))
    assert ("The Council may end this Agreement, as a whole or for one or more of the Homes only, by giving "
            "Foxglove at least 6 months' notice.") in end
    assert "at least 6 months' notice, which it may not give before 1 April 2028." in end
    n = flat(note(doc, "open-book.termination"))
    assert "Neither break was instructed" not in n
    assert "Both breaks are as instructed, but the instructions do not say whether 1 April 2028" in n
    listed = _assumptions(doc)
    assert "notice of an extension" not in listed
    assert "Council's break on 6 months' notice" not in listed and "(neither instructed)" not in listed
    assert "that 1 April 2028 is the first day Foxglove may give notice of its break" in listed
    assert "that either party may break for one or more of the homes only" in listed


def test_break_date_for_taking_effect_and_whole_agreement_only(catalogue):
    doc = _doc(catalogue, ("  provider_break_from: 2028-04-01\n",
                           "  provider_break_from: 2028-04-01\n  provider_break_from_is: effect\n  partial_break: false\n"))
    end = flat(clause_text(doc, "open-book.termination"))
    assert ("Foxglove may end this Agreement only by giving the Council at least 6 months' notice, and its notice "
            "may not take effect before 1 April 2028.") in end
    assert "The Council may end this Agreement by giving Foxglove at least 6 months' notice." in end
    n = flat(note(doc, "open-book.termination"))
    assert "Both breaks are as instructed." in n and "one home only" not in n
    listed = _assumptions(doc)
    assert "April 2028" not in listed and "one or more of the homes only" not in listed


def test_silent_sheet_keeps_brackets_and_flags(catalogue):
    doc = _doc(catalogue, *SILENT)
    assert "notice at least [6] months before the Service Term" in flat(clause_text(doc, "open-book.term"))
    end = flat(clause_text(doc, "open-book.termination"))
    assert "at least [6] months' notice" in end and "at least [12] months' notice, which it may not give before [" in end
    assert "Neither break was instructed" in flat(note(doc, "open-book.termination"))
    listed = _assumptions(doc)
    assert "the 6 months' notice of an extension" in listed
    assert "the Council's break on 6 months' notice" in listed


def test_one_notice_given_names_the_other_as_proposal(catalogue):
    doc = _doc(catalogue, *SILENT[:1], *SILENT[2:])
    n = flat(note(doc, "open-book.termination"))
    assert "The instructions give the Council's notice; Foxglove's notice and the date from which Foxglove may break" in n
    assert "at least 6 months' notice. Foxglove" in flat(clause_text(doc, "open-book.termination"))


def test_deemed_approval_agreed_prints_without_brackets(catalogue):
    doc = _doc(catalogue)
    body = flat(clause_text(doc, "common.open-book-excess"))
    assert ("If it has still done neither within 10 Business Days after the reminder, the Reinvestment Plan is treated "
            "as approved. Money") in body
    assert "[or that is treated as approved]" not in body and "[, or treated as approved,]" not in body
    assert "approved in writing or that is treated as approved." in body
    n = flat(note(doc, "common.open-book-excess"))
    assert "Deemed approval is not instructed" not in n and "As instructed, if the commissioner neither" in n


def test_deemed_approval_refused_or_silent(catalogue):
    off = _doc(catalogue, ("    deemed_approval: true\n", "    deemed_approval: false\n"))
    body = flat(clause_text(off, "common.open-book-excess"))
    assert "treated as approved" not in body
    assert "the commissioner's silence does not approve a plan" in flat(note(off, "common.open-book-excess"))
    silent = _doc(catalogue, *SILENT)
    body = flat(clause_text(silent, "common.open-book-excess"))
    assert "[If the Council has done neither within those 30 days" in body
    assert "Deemed approval is not instructed" in flat(note(silent, "common.open-book-excess"))
