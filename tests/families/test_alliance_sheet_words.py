"""Words a term sheet gives that the draft must read, not paste (r43 al-careleavers, al-earlyhelp): a basis of cover
typed after an insurance's kind, a single member given case-record access, a Provider with no service lines of its
own in Schedule 5, a handover line that continues after a semicolon, KPI levels of "none", the cap's reach into the
Service Contracts, and the section 53 note."""
from __future__ import annotations

from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import build, clause_text, document_of, note
from tests.families.conftest import ALLIANCE_ASHENSHIRE, ALLIANCE_BIG, ALLIANCE_SMALL, ALLIANCE_THORNMERE, draft

ABUSE_KIND = ("    - kind: abuse and molestation liability insurance (or public liability insurance that does not\n"
              "        exclude abuse), for any one claim\n")


def _ashenshire(old: str = "", new: str = "") -> str:
    text = ALLIANCE_ASHENSHIRE.read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def _thornmere(old: str = "", new: str = "") -> str:
    text = ALLIANCE_THORNMERE.read_text(encoding="utf-8")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    return text


# --- 24.1(e): a basis typed after the kind is not printed twice (r43 al-careleavers F10) --------------------------

def test_basis_typed_after_the_kind_is_dropped(catalogue):
    """Firing: "..., for any one claim" at the end of the kind is not printed before the amount."""
    text = clause_text(build(ALLIANCE_ASHENSHIRE, catalogue).document, "common.insurance", flat=True)
    assert ("abuse and molestation liability insurance (or public liability insurance that does not exclude abuse) of "
            "at least £5,000,000 for any one claim or occurrence") in text
    assert "for any one claim of at least" not in text


def test_kind_without_a_basis_is_unchanged(catalogue):
    """Quiet: a kind that states no basis keeps every word."""
    doc = document_of(catalogue, _ashenshire(ABUSE_KIND, "    - kind: cyber liability insurance\n"))
    assert "cyber liability insurance of at least £5,000,000 for any one claim or occurrence" in clause_text(
        doc, "common.insurance", flat=True)


# --- 16.7: one member given access is named (r43 al-careleavers F9) ---------------------------------------------

def test_one_member_with_record_access_is_named(catalogue):
    """Firing: after naming only Northlight, the duty is Northlight's, not "each such Alliance Member"'s."""
    text = clause_text(build(ALLIANCE_ASHENSHIRE, catalogue).document, "alliance.information-sharing", flat=True)
    assert "Before any of its Personnel has access, Northlight must:" in text
    assert "each such Alliance Member must" not in text


def test_several_members_with_record_access_keep_each_such(catalogue):
    """Quiet: two members given access keep "each such Alliance Member"."""
    doc = document_of(catalogue, _ashenshire("patient_record_access: [northlight]",
                                             "patient_record_access: [northlight, brackenfield]"))
    assert "each such Alliance Member must:" in clause_text(doc, "alliance.information-sharing", flat=True)


# --- Schedule 5 paragraph 2: a paid Provider with no lines of its own gets a row (r43 al-earlyhelp F12) ---------

def test_provider_without_lines_gets_a_row(catalogue):
    """Firing: Lumen, which gives one service and no service lines, has its row at its Annual Value less its Fee; the
    Learning Trust, with no Annual Value, has none."""
    text = clause_text(build(ALLIANCE_THORNMERE, catalogue).document, "alliance.schedule-budget")
    assert ("Anonymous online counselling and moderated peer support for young people aged 11 to 25\n£295,000\n"
            "£283,200") in text
    assert "Whole-school approaches" not in text


def test_no_lines_anywhere_gives_no_table(catalogue):
    """Quiet: where no Provider gives service lines, Schedule 5 has no service-line table."""
    text = clause_text(build(ALLIANCE_BIG, catalogue).document, "alliance.schedule-budget")
    assert "service lines in the first Alliance Year" not in text


# --- Schedule 8: a handover line continued after a semicolon stays one item (r43 al-earlyhelp F13) --------------

def test_handover_continuation_stays_with_its_member(catalogue):
    """Firing: "Learning Trust: no services to hand over; its academies keep hosting ..." is one item."""
    sheet = read_termsheet(ALLIANCE_THORNMERE, catalogue).model
    items = sheet.alliance.handover_items
    assert items[-1] == ("Learning Trust: no services to hand over; its academies keep hosting the MHSTs under the "
                         "school agreements")
    assert not any(i.startswith("its academies") for i in items)


def test_headed_handover_items_stay_apart(catalogue):
    """Quiet: items each headed by a member stay separate."""
    items = read_termsheet(ALLIANCE_ASHENSHIRE, catalogue).model.alliance.handover_items
    assert [i.split(":")[0] for i in items] == ["Brackenfield", "Northlight", "AYHA", "Forge Futures"]


# --- KPI levels of "none" (r43 al-earlyhelp F3) --------------------------------------------------------------------

KPI6 = "{kpi: 6, levels: ['90', none, none, none, none]}"


def test_none_levels_are_zero_where_lower_is_better(catalogue):
    """Firing: a count that should fall to none reads "none" as 0 in each later year, so it stays in the gate."""
    result = build(ALLIANCE_THORNMERE, catalogue)
    sheet = read_termsheet(ALLIANCE_THORNMERE, catalogue).model
    assert sheet.alliance.trajectories[5].levels == ["90", "0", "0", "0", "0"]
    assert "ALLIANCE-KPI-LEVEL-NOT-FIGURE" not in {f.rule for f in result.findings}
    assert "does not count under clause" not in clause_text(result.document, "alliance.schedule-outcomes", flat=True)


def test_level_that_is_not_a_figure_is_warned(catalogue):
    """Firing: a level that is not a figure ('tbc') is named, with the year it drops out of the gate."""
    result = draft(catalogue, _thornmere(KPI6, "{kpi: 6, levels: ['90', tbc, '0', '0', '0']}"))
    found = [f for f in result.findings if f.rule == "ALLIANCE-KPI-LEVEL-NOT-FIGURE"]
    assert len(found) == 1 and "Year 2 ('tbc')" in found[0].message


def test_none_for_a_higher_is_better_kpi_is_warned(catalogue):
    """Firing: "none" for a KPI where higher is better is not read as 0, and is warned."""
    result = draft(catalogue, _thornmere("{kpi: 1, levels: [50%, 60%, 70%, 80%, 80%]}",
                                         "{kpi: 1, levels: [50%, none, 70%, 80%, 80%]}"))
    found = [f for f in result.findings if f.rule == "ALLIANCE-KPI-LEVEL-NOT-FIGURE"]
    assert len(found) == 1 and "KPI 1" in found[0].message


# --- 23.3: the cap does not reach the Service Contracts (r43 al-careleavers F7) ----------------------------------

def test_cap_says_it_leaves_service_contracts_alone(catalogue):
    """Firing: over Service Contracts, the cap says it does not limit liability under them."""
    text = clause_text(build(ALLIANCE_ASHENSHIRE, catalogue).document, "alliance.liability", flat=True)
    assert "This clause does not limit any liability under a Service Contract, which that Service Contract governs." in text


def test_single_contract_cap_has_no_service_contract_words(catalogue):
    """Quiet: a single-contract alliance has no Service Contracts to carve out."""
    text = clause_text(build(ALLIANCE_SMALL, catalogue).document, "alliance.liability", flat=True)
    assert "does not limit any liability under a Service Contract" not in text


# --- section 53(5): the note says precisely what to read (r43 both reports) ----------------------------------------

def test_section_53_note_names_what_to_read(catalogue):
    """Firing: where a light touch Service Contract is worth more than £5 million, the note names section 53(5) and
    the guidance's Annex A, and no longer asks the bare question."""
    n = note(build(ALLIANCE_ASHENSHIRE, catalogue).document, "alliance.recitals")
    assert "turns on the exceptions in section 53(5)" in n
    assert "Annex A to the Cabinet Office's Guidance: Light Touch Contracts" in n
    assert "check whether section 53(5) excepts" not in n
