"""Open-book safeguarding notes that follow the client group: restrictive practice, and the Act named for regulated
activity."""

from __future__ import annotations

from assembler.termsheet.loader import load_file
from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import (
    OB_CHEVIOT, open_book_doc, open_book_result, OPEN_BOOK_SAMPLE_DIR,
)


def test_restrictive_practice_note_follows_the_client_group(catalogue):
    res = open_book_result(catalogue, "adult-care-sharing-band.yaml")
    sg = next(c for c in res.document.clauses if c.id == "open-book.safeguarding").note
    desc = " ".join(load_file(OPEN_BOOK_SAMPLE_DIR / "adult-care-sharing-band.yaml").data["services"]["description"].split()).lower()
    if "dementia" in desc:
        assert "in dementia care" in sg
    ld = open_book_result(catalogue, "adult-care-sharing-band.yaml", lambda d: d["services"].update(
        description="provide residential care for adults with a learning disability or autism"))
    sg = next(c for c in ld.document.clauses if c.id == "open-book.safeguarding").note
    assert "positive behaviour support and STOMP" in sg and "dementia" not in sg


def test_safeguarding_note_names_the_act_for_regulated_activity(catalogue):
    """ob-fresh 11: 'that Act' followed a citation of the Children Act 2004; the note names the Safeguarding
    Vulnerable Groups Act 2006, Schedule 4, paragraph 1(1A) (verified on legislation.gov.uk)."""
    n = flat(note(open_book_doc(catalogue, OB_CHEVIOT), "open-book.safeguarding"))
    assert "(Safeguarding Vulnerable Groups Act 2006, Schedule 4, paragraph 1(1A))" in n
    assert "paragraph 1(1A) of that Act" not in n


def test_oliver_mcgowan_code_dates_and_contractual_duty(catalogue):
    """r31 ob-fresh 19: the note records that the code was laid on 19 June 2025 and became final on 6 September 2025,
    and the clause makes its standards a contractual duty."""
    res = open_book_result(catalogue, "adult-care-sharing-band.yaml")
    n = flat(note(res.document, "open-book.safeguarding"))
    assert "laid before Parliament on 19 June 2025 and became final on 6 September 2025" in n
    body = clause_text(res.document, "open-book.safeguarding", flat=True)
    assert "the training meets the standards of the Oliver McGowan code of practice" in body


def test_no_oliver_mcgowan_code_for_a_childrens_home(catalogue):
    """Quiet: a children's home draft (Ofsted, not CQC) has neither the duty nor the dates."""
    res = open_book_result(catalogue, "childrens-homes-charity.yaml")
    assert "McGowan" not in note(res.document, "open-book.safeguarding")
    assert "McGowan" not in clause_text(res.document, "open-book.safeguarding")
