"""r20 ci-fresh review (Birchfield: a council building leased for a refuge, plus move-on flats bought): findings
the ci16 lane fixed, each with a firing case on the reviewed sheet and a quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

from assembler.assemble import assemble
from assembler.model import Table, iter_paragraphs, plain_text
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import read_termsheet, validate
from tests.conftest import DRAFT_DATE

BIRCHFIELD = Path(__file__).parent / "fixtures" / "co-investment-birchfield-r20.yaml"
TEXT = BIRCHFIELD.read_text(encoding="utf-8")


def draft(catalogue, text: str = TEXT):
    return assemble(validate(load_text(text, "t.yaml"), catalogue), catalogue, today=DRAFT_DATE).document


def clause_text(doc, clause_id: str) -> str:
    c = next(c for c in doc.all_clauses() if c.id == clause_id)
    cells = [plain_text(cell) for b in c.blocks if isinstance(b, Table) for row in [b.header, *b.rows] for cell in row]
    return "\n".join([*(p.text for p in iter_paragraphs(c.blocks)), *cells])


def note(doc, clause_id: str) -> str:
    return next(c for c in doc.all_clauses() if c.id == clause_id).note or ""


def definitions(doc) -> str:
    return "\n".join(clause_text(doc, c.id) for c in doc.all_clauses() if "definition" in c.id or "interpretation" in c.id)


def test_grant_for_the_conversion_works_is_attributed_to_the_converted_homes(catalogue):
    """Finding 2: a grant the sheet gives 'for the conversion works' is attributed to the ten homes in Schedule 1
    (£45,000 each, £99,000 a home with the undervalue), not to the six flats bought (£75,000 each)."""
    doc = draft(catalogue)
    sched = clause_text(doc, "co-investment.schedule-properties")
    assert "£99,000" in sched and "£990,000" in sched
    everything = "\n".join(clause_text(doc, c.id) + (c.note or "") for c in doc.all_clauses())
    assert "£75,000" not in everything
    assert "for each Acquired Home other than a replacement home, nil, the Authority Grant being for the works" in everything
    assert "must spend the Authority Grant only on the works to the property listed in Schedule 1" in \
        clause_text(doc, "co-investment.contributions")
    assert "each home's Attributable Contribution is £99,000 (including £45,000" in note(doc, "co-investment.clawback")


def test_grant_for_homes_bought_stays_with_the_homes_bought(catalogue):
    """Quiet: the same sheet with grant_for: homes_bought (or a grant described as buying homes) keeps the grant in
    the homes bought (£75,000 each) and Schedule 1 shows the undervalue only."""
    for text in (TEXT.replace("      amount: 450,000\n", "      amount: 450,000\n      grant_for: homes_bought\n", 1),
                 TEXT.replace("for the conversion works", "to buy the move-on flats")):
        doc = draft(catalogue, text)
        sched = clause_text(doc, "co-investment.schedule-properties")
        assert "£54,000" in sched and "£99,000" not in sched
        assert "an equal share of the Authority Grant" in "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
        assert "must spend the Authority Grant only on the works" not in clause_text(doc, "co-investment.contributions")
