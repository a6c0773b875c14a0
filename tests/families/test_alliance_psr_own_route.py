"""A Provider's own Service Contract that the sheet says was awarded under the Provider Selection Regime while the
other contracts were procured under the Procurement Act 2023 (r34 al-fresh2 findings 3, 12 and 13): the notes state
that route and the regulation 13 point without hedging, the recitals note asks about the council's power to award
and pay under an NHS health care contract under section 75 (pointedly where the Section 75 Agreement is not yet
made), and recital (C) recites each standstill separately."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_HARROWDALE

HAP = "  - key: hap\n    name: Harrowdale Autism Partnership\n"
HAP_DELIVERS = ("Post-diagnostic advice and support for autistic adults and adults with ADHD, including the information "
                "hub in Harrowby")
ROUTE = "  procurement_route: competitive_flexible\n"


def _sheet(*, s75: bool = True) -> str:
    text = ALLIANCE_HARROWDALE.read_text()
    for old in (HAP, HAP_DELIVERS, ROUTE, "  health_care: false"):
        assert old in text, old
    text = text.replace(HAP, HAP + "    procurement_route: provider_selection\n    psr_process: most_suitable_provider\n"
                        "    procurement_started: 2026-05-11\n")
    text = text.replace(HAP_DELIVERS, "Specialist nursing and occupational therapy for autistic adults and adults with ADHD")
    text = text.replace(ROUTE, ROUTE + "  award_lots: 3\n  standstill_end: 2026-11-23\n")
    text = text.replace("  health_care: false", "  health_care: true ")
    if not s75:
        text = text.replace("  section_75_agreement: 22 February 2027 (reference HCC/S75/2027/04)\n",
                            "  section_75_agreement:\n  conditions_long_stop: 2027-06-30\n")
    return text


def test_council_power_under_section_75_is_the_check(catalogue):
    """F3 (firing): the recitals note asks how the Council could award and pay under an NHS health care contract
    (s.12ZB relevant authority; the ICB's function exercised under s.75 / S.I. 2000/617 reg. 9 or s.65Z5), with the
    not-yet-made Section 75 Agreement's own instructions; and no longer asks whether the ICB should contract instead."""
    doc = document_of(catalogue, _sheet(s75=False))
    n = flat(note(doc, "alliance.recitals"))
    assert ("The Autism Partnership's Service Contract is for NHS health care (\"specialist nursing and occupational "
            "therapy for autistic adults and adults with adhd\"), and the instructions say the Council awarded it under "
            "the Provider Selection Regime (a process begun on 11 May 2026) with the ICB's money.") in n
    assert "relevant authority for the Regime (section 12ZB(7) of the National Health Service Act 2006)" in n
    assert "could award that contract, and can pay under it, only by exercising the ICB's function" in n
    assert "The Section 75 Agreement is not yet made (the conditions long-stop is 30 June 2027), so take instructions now" in n
    assert "would usually commission itself" not in n
    made = flat(note(document_of(catalogue, _sheet()), "alliance.recitals"))
    assert "Check that the Section 75 Agreement covers the Council's exercise of that function for the whole Term" in made


def test_settled_route_is_not_hedged(catalogue):
    """F12 (firing): the Autism Partnership's route is given, so the notes to clauses 3 and 26 state the regulation 13
    point and do not say the contract 'may have been awarded' under the Regime; the recitals note keeps regulation 13
    and asks for its current text."""
    doc = document_of(catalogue, _sheet())
    for cid in ("alliance.precedence", "alliance.changes"):
        n = flat(note(doc, cid))
        assert "may have been awarded under the Provider Selection Regime" not in n
        assert ("The Service Contract of the Autism Partnership was awarded under the Provider Selection Regime, so its "
                "variation needs a ground in regulation 13 of S.I. 2023/1348") in n
    r = flat(note(doc, "alliance.recitals"))
    assert "Get the Commissioner's written answer" not in r
    assert ("The Service Contract of the Autism Partnership was awarded under the Regime, so it is outside the Act, and any "
            "variation, including the one that puts this Agreement's terms into it, needs a ground in regulation 13") in r
    # with the Commissioner's recorded assessment, the full regulation 13 summary, flagged as the text as made
    assessed = _sheet().replace(ROUTE, ROUTE + "  health_care_assessment: the main subject-matter is advice and support\n")
    r = flat(note(document_of(catalogue, assessed), "alliance.recitals"))
    assert "Get the Commissioner's written answer" not in r
    assert "(regulation 13(1) and (2), as made: check the regulation as currently in force before relying on a ground)" in r
    assert "the instructions give the route of the Autism Partnership's Service Contract under the Regime" in r


def test_standstills_recited_separately(catalogue):
    """F13 (firing): recital (C) names the contracts the Act procurement awarded, as light touch contracts, ties the
    standstill to them and gives the Regime award its own."""
    text = clause_text(document_of(catalogue, _sheet()), "alliance.recitals", flat=True)
    assert ("The Service Contracts of Spectrum Peer Connect, Neurowork and Kestwick Community Support were awarded "
            "following a competitive flexible procedure") in text
    assert "as light touch contracts." in text
    assert "it awarded were entered into after its standstill period ended on 23 November 2026" in text
    assert "the award of the Autism Partnership's Service Contract under the Provider Selection Regime had its own standstill period" in text


def test_quiet_without_an_own_route(catalogue):
    """Quiet: the fixture as it is (no Provider with its own route) has none of these sentences."""
    doc = document_of(catalogue, ALLIANCE_HARROWDALE.read_text())
    assert "could award that contract, and can pay under it" not in flat(note(doc, "alliance.recitals"))
    assert "variation needs a ground in regulation 13" not in flat(note(doc, "alliance.precedence"))
    assert "its own standstill period" not in clause_text(doc, "alliance.recitals", flat=True)
