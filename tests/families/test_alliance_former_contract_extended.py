"""Former contracts that are replaced and were extended (former_contracts_extended) to former_contracts_expire, where
a contract gives its own original expiry date (expires) before that date: recital (D), clause 5, Part 2 of Schedule 1
and the key information say it expires as extended on former_contracts_expire and never that it expired early or was
not extended; ALLIANCE-FORMER-CONTRACT-EXTENDED-DATES warns where the fields contradict each other (r44 al-homefirst
finding 1)."""
from __future__ import annotations

import datetime as dt

from tests.families.clause_texts import alliance_key_row, clause_text, document_of
from tests.families.conftest import ALLIANCE_BIG
from tests.rules.helpers import text_findings

TREATMENT = "  former_contracts_treatment: replaced\n"
EXPIRE = TREATMENT + "  former_contracts_expire: 2027-03-31\n"
EXTENDED = EXPIRE + "  former_contracts_extended: true\n"
SHELTER = "reference: TCC/HS/0377,"
RULE = "ALLIANCE-FORMER-CONTRACT-EXTENDED-DATES"


def _text(treatment: str = EXTENDED, expires: str | None = "2026-03-31") -> str:
    text = ALLIANCE_BIG.read_text().replace(TREATMENT, treatment, 1)
    return text.replace(SHELTER, f"{SHELTER} expires: {expires},", 1) if expires else text


def _rules(catalogue, text: str) -> dict[str, list[str]]:
    return text_findings(catalogue, text, ALLIANCE_BIG.name, today=dt.date(2026, 12, 5))


def test_extended_contract_expires_as_extended_everywhere(catalogue):
    """Firing: an original expiry before the extended date is read as extended, not as an early expiry."""
    doc = document_of(catalogue, _text())
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert "(as extended) expire under their own terms on 31 March 2027 and will not be extended further" in recitals
    assert "TCC/HS/0377 on 31 March 2026" not in recitals
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert "Each Former Contract expires under its own terms on 31 March 2027" in transition
    assert "other than TCC/HS/0377" not in transition and "not ended or run on" not in transition
    schedule = clause_text(doc, "alliance.schedule-services", flat=True)
    assert ("TCC/HS/0377 was extended from its original expiry date of 31 March 2026 and ends on 31 March 2027"
            in schedule)
    assert "before the Commencement Date" not in schedule
    assert "TCC/HS/0377" not in " ".join(alliance_key_row(doc, "Former contracts"))
    assert "ALLIANCE-FORMER-CONTRACT-GAP" not in _rules(catalogue, _text())


def test_not_extended_keeps_the_early_expiry(catalogue):
    """Quiet: without the flag the early contract still reads as expiring before the start (the gap)."""
    doc = document_of(catalogue, _text(EXPIRE))
    assert "TCC/HS/0377 (Night shelter and day centre) expired under its own terms on 31 March 2026" in \
        clause_text(doc, "alliance.transition", flat=True)


def test_extended_dates_rule_fires_and_stays_quiet(catalogue):
    """Firing: an own expiry after the extended date, and the flag with no date; quiet: consistent fields."""
    later = _rules(catalogue, _text(expires="2027-09-30"))[RULE]
    assert len(later) == 1 and "'TCC/HS/0377' expires under its own terms on 30 September 2027" in later[0]
    nodate = _rules(catalogue, _text(TREATMENT + "  former_contracts_extended: true\n", None))[RULE]
    assert "former_contracts_expire is empty" in nodate[0]
    assert RULE not in _rules(catalogue, _text())
    assert RULE not in _rules(catalogue, _text(EXPIRE))
