"""Former contracts that are replaced, one of which expires under its own terms well before the Commencement Date
(former_contracts[].expires): recital (D), clause 5, Part 2 of Schedule 1 and the key information give that
contract's own date, clause 5 does not run it on, the note and a rule (ALLIANCE-FORMER-CONTRACT-GAP) point at the gap;
and former_contracts_extended with a grant among the former contracts (ALLIANCE-FORMER-GRANT-EXTENDED) (r43
al-careleavers notes 6 and 10, al-domabuse notes 3 and 9)."""
from __future__ import annotations

import datetime as dt

from assembler.assemble import assemble
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.families.clause_texts import alliance_key_row, clause_text, document_of, note
from tests.families.conftest import ALLIANCE_BIG
from tests.rules.helpers import text_findings

TREATMENT = "  former_contracts_treatment: replaced\n"
EXPIRE = TREATMENT + "  former_contracts_expire: 2027-03-31\n"
SHELTER = "reference: TCC/HS/0377,"
GAP = "ALLIANCE-FORMER-CONTRACT-GAP"
EXTENDED = "ALLIANCE-FORMER-GRANT-EXTENDED"


def _text(treatment: str = EXPIRE, expires: str | None = "2027-01-31") -> str:
    text = ALLIANCE_BIG.read_text().replace(TREATMENT, treatment, 1)
    return text.replace(SHELTER, f"{SHELTER} expires: {expires},", 1) if expires else text


def _rules(catalogue, text: str) -> dict[str, list[str]]:
    return text_findings(catalogue, text, ALLIANCE_BIG.name, today=dt.date(2026, 12, 5))


def test_contract_expiring_before_the_start_is_named_everywhere(catalogue):
    """Firing: the early contract's own date in recital (D), clause 5, Schedule 1 and the key information, in the
    present tense for a draft made before it; clause 5 keeps it out of the ending by agreement and the run-on."""
    doc = document_of(catalogue, _text())
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert ("The Former Contracts expire under their own terms on 31 March 2027 (TCC/HS/0377 on 31 January 2027) "
            "and are not extended") in recitals
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert "Each Former Contract other than TCC/HS/0377 expires under its own terms on 31 March 2027" in transition
    assert ("TCC/HS/0377 (Night shelter and day centre) expires under its own terms on 31 January 2027, before the "
            "Commencement Date, and is not extended. It is not ended or run on under clause 5.") in transition
    assert "does not apply to it" in transition and "outside this Agreement" in transition
    schedule = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "The following contracts expire on 31 March 2027 (TCC/HS/0377 on 31 January 2027)" in schedule
    assert "TCC/HS/0377 ends under its own terms on 31 January 2027, before the Commencement Date" in schedule
    assert "ended under its own terms" not in schedule
    assert "(TCC/HS/0377 on 31 January 2027)" in " ".join(alliance_key_row(doc, "Former contracts"))
    n = note(doc, "alliance.transition")
    assert "expires under its own terms on 31 January 2027, 59 days before the Commencement Date" in n


def test_past_expiry_reads_in_the_past_tense(catalogue):
    """Firing: a draft made after the early contract expired says it expired."""
    sheet = validate(load_text(_text(), ALLIANCE_BIG.name), catalogue)
    doc = assemble(sheet, catalogue, today=dt.date(2027, 2, 10)).document
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert "TCC/HS/0377 (Night shelter and day centre) expired under its own terms on 31 January 2027" in transition
    assert "TCC/HS/0377 ended under its own terms on 31 January 2027" in clause_text(doc, "alliance.schedule-services", flat=True)


def test_gap_rule_fires_and_stays_quiet(catalogue):
    """Firing: the early contract; quiet: every contract expires the day before the Commencement Date."""
    messages = _rules(catalogue, _text())[GAP]
    assert len(messages) == 1 and "'TCC/HS/0377' expires on 31 January 2027, 59 days before" in messages[0]
    assert GAP not in _rules(catalogue, _text(expires="2027-03-31"))
    assert GAP not in _rules(catalogue, _text(expires=None))


def test_contracts_without_an_early_one_read_as_before(catalogue):
    """Quiet: no contract gives its own date, so nothing is excepted."""
    doc = document_of(catalogue, _text(expires=None))
    assert "(TCC/HS/0377" not in clause_text(doc, "alliance.recitals", flat=True)
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert "Each Former Contract expires under its own terms on 31 March 2027" in transition
    assert "not ended or run on" not in transition


def test_extended_flag_with_a_grant(catalogue):
    """Firing: the flag with a grant among the contracts names only the contracts as extended; quiet: no grant."""
    grant = SHELTER + " kind: grant,"
    text = _text(EXPIRE + "  former_contracts_extended: true\n", None).replace(SHELTER, grant, 1)
    doc = document_of(catalogue, text)
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert "expire under their own terms on 31 March 2027 (the contracts among them as extended)" in recitals
    assert "(as extended)" not in recitals
    assert "TCC/HS/0377 is a grant, which is not extended" in note(doc, "alliance.transition")
    assert EXTENDED in _rules(catalogue, text)
    plain = _text(EXPIRE + "  former_contracts_extended: true\n", None)
    assert EXTENDED not in _rules(catalogue, plain)
    assert "(as extended) expire" in clause_text(document_of(catalogue, plain), "alliance.recitals", flat=True)
