"""Open-book Recital (A): a Care Act duty given as "sections 18 and 8" is stated as the Act states it (the duty to
meet eligible needs under section 18, met by arranging services of the kinds in section 8), as "section 18" already
was, rather than "must secure ... under sections 18 and 8"."""

from __future__ import annotations

from tests.families.clause_texts import clause_text
from tests.families.conftest import OB_ADULT, OB_LIVING, open_book_doc

_RECITALS = "open-book.recitals"


def test_sections_18_and_8_read_as_the_care_act_duty(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_ADULT), _RECITALS, flat=True)
    assert ("The Council must meet the eligible needs for care and support of the adults for whom section 18 of the "
            "Care Act 2014 makes it responsible, and may do so by arranging services of the kinds described in "
            "section 8 of that Act") in text
    assert "must secure care and support" not in text


def test_section_18_alone_reads_the_same_way(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_LIVING), _RECITALS, flat=True)
    assert "for whom section 18 of the Care Act 2014 makes it responsible" in text


def test_a_duty_under_another_act_keeps_the_sheet_s_words(catalogue):
    # quiet: a duty that names neither section keeps the generic sentence with the sheet's own words
    doc = open_book_doc(catalogue, OB_ADULT, (
        "    care and support for adults whose eligible needs it must meet, under sections 18 and 8 of the\n"
        "    Care Act 2014\n",
        "    care and support for adults with learning disabilities under its social services functions\n"))
    text = clause_text(doc, _RECITALS, flat=True)
    assert "The Council must secure care and support for adults with learning disabilities" in text
    assert "makes it responsible" not in text


def test_sections_8_and_18_with_section_5_read_as_the_act_states_them(catalogue):
    """r32 ob-fresh finding 16: 'under sections 8 and 18 ... and a diverse and sustainable market ... under section 5'
    was printed as 'must secure ... a diverse and sustainable market': section 5 is a duty to promote a market."""
    doc = open_book_doc(catalogue, OB_ADULT, (
        "    care and support for adults whose eligible needs it must meet, under sections 18 and 8 of the\n"
        "    Care Act 2014\n",
        "    care and support for adults whose eligible needs it must meet, under sections 8 and 18 of the\n"
        "    Care Act 2014, and a diverse and sustainable market in care home services under section 5 of\n"
        "    that Act\n"))
    text = clause_text(doc, _RECITALS, flat=True)
    assert "for whom section 18 of the Care Act 2014 makes it responsible" in text
    assert ("it must also promote the efficient and effective operation of a market in services for meeting care and "
            "support needs (section 5 of that Act)") in text
    assert "must secure" not in text and "diverse and sustainable" not in text
