"""A general guard (r37 task 3; earlier reviews found such clauses one at a time): for alliance sheets under the
majority rule, with each kind of Reserved Matter added, no sentence of the draft's clauses sends a matter the sheet
reserves (the Target Cost, the Annual Plan, a budget, the KPIs, the shares of Gain and Pain, membership) to the
ordinary majority rule without saving the Reserved Matter in the same sentence."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_EASTMOOR

SHEETS = [ROOT / "samples" / "alliance" / f"{name}.yaml" for name in
          ("small-majority-three-members", "mental-health-four-members-varied", "reablement-home-care-gain-only")]
SHEETS.append(ALLIANCE_EASTMOOR)  # majority rule, a central government grant and a for-cause exit

# each Reserved Matter a sheet may give, with the words that name its subject in a clause
RESERVED = {
    "Approving the Annual Plan and the Target Cost": r"\b(Annual Plan|Target Cost)\b",
    "Changing the Key Performance Indicators or their levels": r"\b(Key Performance Indicators?|KPIs?)\b",
    "Changing the shares of Gain and Pain or the Pain Caps": r"\b(shares? of (Gain|Pain)|Pain Caps?)\b",
    "Admitting a new Alliance Member or removing one": r"\b(admi(t|ts|tting|ssion) (of )?(a )?new|removal of an? (Alliance Member|Provider))\b",
    "Any decision that commits the Commissioner's budget beyond the Annual Plan": r"\bbudgets?\b",
}


def _sentences(text: str):
    for para in text.split("\n"):
        yield from (s for s in re.split(r"(?<=[.;:])\s+(?=[A-Z(])", " ".join(para.split())) if s)


def _majority_number(doc) -> str:
    """The number of the ordinary majority sub-clause, read from the sub-clause that sends every other decision to it."""
    text = clause_text(doc, "alliance.decisions", flat=True)
    m = re.search(r"Every other decision of the ALT.*? is made under clause (\d+\.\d+)", text)
    assert m, "the decisions clause names no ordinary rule"
    return m.group(1)


def ORD(maj: str):
    return re.compile(rf"(under clause {re.escape(maj)}\b(?!\.\d)|\bby (a )?(simple )?majority\b|\bordinary rule\b"
                      r"|\bCommissioners? (alone )?decides?\b|\bdecided by the (Lead )?Commissioners?\b"
                      r"|\bwithout (any )?(further )?decision of the ALT\b|\bwithout the agreement of every\b)")


def _offending_in(texts, maj: str, reserved: list[str]) -> list[str]:
    """The sentences of `texts` ((clause id, text) pairs) that send a reserved subject to the majority sub-clause
    `maj` (or to 'a majority' or 'the ordinary rule') without naming the Reserved Matter."""
    ordinary = ORD(maj)
    topics = [re.compile(pat) for matter, pat in RESERVED.items() if matter in reserved]
    return [f"{cid}: {s}" for cid, text in texts for s in _sentences(text)
            if ordinary.search(s) and "Reserved Matter" not in s and any(t.search(s) for t in topics)]


def _offending(doc, reserved: list[str]) -> list[str]:
    texts = [(c.id, clause_text(doc, c.id)) for c in doc.all_clauses() if c.id.startswith("alliance.")]
    return _offending_in(texts, _majority_number(doc), reserved)


CASES = [(sheet, matter) for sheet in SHEETS for matter in RESERVED]


@pytest.mark.parametrize("sheet,matter", CASES, ids=lambda v: v.stem if hasattr(v, "stem") else v[:24])
def test_no_ordinary_vote_decides_a_reserved_matter(sheet, matter, catalogue):
    source = sheet.read_text()
    head = "    reserved_matters:\n"
    assert head in source
    items = re.search(r"    reserved_matters:\n((?:      - .*\n)+)", source).group(1)
    if matter not in items:
        source = source.replace(head, head + f"      - {matter}\n", 1)
    doc = document_of(catalogue, source)
    reserved = [line[8:] for line in re.search(r"    reserved_matters:\n((?:      - .*\n)+)", source).group(1).splitlines()]
    assert not _offending(doc, reserved), _offending(doc, reserved)


def test_guard_finds_an_ordinary_vote_on_a_reserved_matter():
    """Firing: the guard finds a sentence that sends a reserved subject to the majority sub-clause, and passes one
    that saves the Reserved Matter or concerns a subject the sheet does not reserve."""
    reserved = ["Approving the Annual Plan and the Target Cost"]
    bad = [("alliance.risk-reward", "The ALT may change the Target Cost by a decision under clause 9.3.")]
    assert _offending_in(bad, "9.3", reserved)
    saved = [("alliance.risk-reward", "The ALT may change the Target Cost by a decision under clause 9.3 (or, for a "
              "Reserved Matter, clause 9.4).")]
    other = [("alliance.risk-reward", "The ALT may change the Outcomes by a decision under clause 9.3.")]
    assert not _offending_in(saved + other, "9.3", reserved)
    assert not _offending_in([("x", "It is made under clause 9.31 with the Target Cost.")], "9.3", reserved)
