"""r23 open-book reviews: the findings the ob23 lane fixed (reconciling the re-basing text with the ob22 rule that a
Core Place ceases only by a reduction notice; factor display; leftovers)."""

from __future__ import annotations

from tests.families.clause_texts import flat
from tests.families.conftest import OB_CHARITY, open_book_note_of, open_book_result
from tests.families.clause_texts import document_text


def _with_disallowed(catalogue, tmp_path, items):
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import DRAFT_DATE
    from tests.families.conftest import OB_CHARITY as SAMPLE
    source = SAMPLE.read_text()
    assert source.count("  disallowed_costs:\n") == 1
    path = tmp_path / "sheet.yaml"
    path.write_text(source.replace("  disallowed_costs:\n", "  disallowed_costs:\n" + "".join(
        f'    - "{item}"\n' for item in items)))
    return flat(document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)))


def test_an_undelivered_premises_direct_agreement_is_a_termination_ground(catalogue):
    """r23 ob-fresh 15: the landlord's direct agreement the Provider must procure before the start has a consequence:
    the Council may end the agreement if it is not entered into within [20] Business Days after the start."""
    text = flat(document_text(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml")))
    assert "into a direct agreement" in text
    assert "a direct agreement required by clause" in text and "has not been entered into within the time that clause allows" in text
    # r26 ob-fresh 15: one deadline, in the clause that requires the direct agreement
    assert "Within [20] Business Days after the date of this Agreement, the" in text
    quiet = flat(document_text(open_book_result(catalogue, "adult-care-sharing-band.yaml")))
    assert "direct agreement" not in quiet
