"""Use of the facts in alliance drafts (r37 al-fresh findings 6 to 8, tool notes 2, 3 and 11): a drafting note never says
the instructions do not give a fact that a field gives; the sheet's own involvement body is the defined group; a third
party's staff or data are not its premises; a wholly new Provider's Annual Value is explained as new services; payments
to hosts are not payments to people using the Services; a full name beginning 'The' reads 'the' mid-sentence."""
from __future__ import annotations

import re

from assembler.model import plain_text
from tests.families.clause_texts import all_text, build, clause, clause_text, definition, document_of, flat
from tests.families.conftest import (
    ALLIANCE_BIG,
    ALLIANCE_ELLERBY,
    ALLIANCE_KINGSHOLT,
    ALLIANCE_POOLED_PCC,
    ALLIANCE_REABLEMENT,
    ALLIANCE_THISTLEBURY,
    ALLIANCE_THORNSHIRE,
)

_THISTLEBURY = ALLIANCE_THISTLEBURY.read_text(encoding="utf-8")
_HEARTH_DELIVERS = "    delivers:\n      - Supported lodgings with approved hosts for young people aged 16 to 21 (30 places)\n"
_HEARTH_REGISTERED = ("    registrations:\n      - {regulator: Ofsted, activity: supported accommodation for looked after "
                      "children aged 16 and 17 and care leavers, location: Hearth and Home supported lodgings}\n"
                      + _HEARTH_DELIVERS)


def test_ofsted_note_follows_the_registration_the_sheet_gives(catalogue):
    """Finding 8, firing: with Hearth and Home's Ofsted registration in members[].registrations, the note asks for a
    check of it against the register and no longer says the instructions do not say it is registered."""
    assert _HEARTH_DELIVERS in _THISTLEBURY
    doc = document_of(catalogue, _THISTLEBURY.replace(_HEARTH_DELIVERS, _HEARTH_REGISTERED, 1))
    note = flat(clause(doc, "alliance.operations").note or "")
    assert "The instructions do not say that Hearth and Home is registered" not in note
    assert "The instructions give Hearth and Home's registration with Ofsted (supported accommodation for looked" in note
    assert "check it against Ofsted's register of supported accommodation undertakings" in note


def test_ofsted_note_without_a_registration(catalogue):
    """Finding 8, quiet: with no registration given, the note still says so and asks no register check."""
    note = flat(clause(document_of(catalogue, _THISTLEBURY), "alliance.operations").note or "")
    assert "The instructions do not say that Hearth and Home is registered" in note
    assert "Ofsted's register of supported accommodation undertakings" not in note


_BIG = ALLIANCE_BIG.read_text(encoding="utf-8")
_RUNNING = "  running_costs_budget: 145000\n"


def _ops(doc) -> str:
    return clause_text(doc, "alliance.operations", flat=True)


def test_running_costs_panel_is_the_defined_group(catalogue):
    """Finding 6, firing: a panel of people who use the Services named only in running_costs_include becomes the
    defined group under its own name (defined once, consulted before each Annual Plan), and the note says so."""
    doc = document_of(catalogue, _BIG.replace(_RUNNING, _RUNNING + "  running_costs_include:\n"
                                              "    - service users' reference group, including vouchers for members\n", 1))
    assert "Service Users' Reference Group" in {d.term for d in doc.definitions}
    assert "Lived Experience Group" not in {d.term for d in doc.definitions}
    assert definition(doc, "Service Users' Reference Group").startswith(
        "the standing group of that name, of people who use the Services, that the ALT consults under clause")
    assert "including through the Service Users' Reference Group, which the ALT consults before it approves" in _ops(doc)
    note = flat(clause(doc, "alliance.operations").note or "")
    assert "The instructions name the Service Users' Reference Group among the running costs" in note
    assert "name no standing group" not in note and "Lived Experience Group" not in note


def test_explicit_and_service_named_groups(catalogue):
    """Finding 6, firing: the involvement_group field names the group; a people's panel in the purpose does too."""
    doc = document_of(catalogue, _BIG.replace(_RUNNING, _RUNNING + "  involvement_group: the Tamarmouth People's Panel\n", 1))
    assert "including through the Tamarmouth People's Panel, which the ALT consults" in _ops(doc)
    assert "name the Tamarmouth People's Panel as the group the ALT consults" in flat(clause(doc, "alliance.operations").note)
    purpose = "    than around separate contracts\n"
    assert _BIG.count(purpose) == 1
    doc = document_of(catalogue, _BIG.replace(purpose, "    than around separate contracts, shaped by a people's panel of "
                                              "those who use it\n", 1))
    assert "People's Panel means the standing group of that name" in "\n".join(
        f"{d.term} means {definition(doc, d.term)}" for d in doc.definitions)


def test_no_named_group_is_a_bracketed_proposal(catalogue):
    """Finding 6, quiet: with no group named, the Lived Experience Group is bracketed and the note says none is named."""
    doc = document_of(catalogue, _BIG)
    assert definition(doc, "Lived Experience Group").startswith("[the group, drawn from the people who use the Services")
    assert "including through [the Lived Experience Group, which the ALT consults before it approves each Annual Plan]" in _ops(doc)
    assert "The instructions name no standing group of people who use the Services" in flat(
        clause(doc, "alliance.operations").note)


def _with_dependency(provides: str, description: str, agreement: str) -> str:
    return _BIG.replace(_RUNNING, _RUNNING + "  third_party_dependencies:\n    - {body: the Department for Work and Pensions, "
                        f"provides: {provides}, description: {description}, agreement: {agreement}}}\n", 1)


def test_third_party_staff_are_not_premises(catalogue):
    """Finding 7, firing: a co-located work coach given as 'premises' is the body's staff (and its data, under a
    data-sharing agreement) in Schedule 1 and its note, never its premises."""
    doc = document_of(catalogue, _with_dependency(
        "premises", "a Jobcentre Plus work coach co-located at the Hub two days a week",
        "a co-location and data-sharing agreement"))
    sch = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "Part of the Services depends on staff or data of the following bodies" in sch
    assert "Its staff and personal data it shares" in sch and "Its premises" not in sch
    assert "Each Provider that works with those staff or receives that data must comply" in sch
    note = flat(clause(doc, "alliance.schedule-services").note)
    assert "the Department for Work and Pensions' staff and data" in note
    assert "the draft records it as staff and shared data" in note


def test_third_party_premises_stay_premises(catalogue):
    """Finding 7, quiet: access to a body's building stays premises."""
    doc = document_of(catalogue, _with_dependency(
        "premises", "arrest referral in the custody suites at Tamarmouth police station", "the custody access protocol"))
    sch = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "depends on premises of the following bodies" in sch and "| Its premises" not in sch
    assert "Its premises" in sch
    assert "Each Provider that uses those premises must comply" in sch
    assert "records it as staff" not in flat(clause(doc, "alliance.schedule-services").note)


def test_wholly_new_provider_is_explained_as_new_services(catalogue):
    """Tool note 2, firing: a Provider with no former contract beside Providers that have them has its Annual Value
    explained in Schedule 1 Part 2 as new services (Thornshire's Lettings Hub)."""
    doc = build(ALLIANCE_THORNSHIRE, catalogue).document
    sch = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "holds no Former Contract: its Annual Value of £" in sch
    assert "a year pays for" in sch and "which no Former Contract covered." in sch
    assert "as wholly new to these services" in flat(clause(doc, "alliance.schedule-services").note or "")


def test_no_wholly_new_provider_no_sentence(catalogue):
    """Tool note 2, quiet: where every Provider holds a former contract, Part 2 says nothing of wholly new Providers."""
    doc = build(ALLIANCE_BIG, catalogue).document
    assert "holds no Former Contract" not in clause_text(doc, "alliance.schedule-services", flat=True)


_HARBOUR_VALUE = "    annual_value: 1850000\n"


def _paying(for_words: str, paid_to: str | None = None) -> str:
    extra = f"    payments_to_people_paid_to: {paid_to}\n" if paid_to else ""
    assert _BIG.count(_HARBOUR_VALUE) == 1
    return _BIG.replace(_HARBOUR_VALUE, _HARBOUR_VALUE + "    payments_to_people: 90000\n"
                        f"    payments_to_people_for: {for_words}\n    payments_to_people_ring_fenced: true\n" + extra, 1)


def _budget_texts(doc) -> tuple[str, str]:
    rr = clause(doc, "alliance.schedule-risk-reward")
    return clause_text(doc, "alliance.schedule-risk-reward", flat=True), flat(rr.note or "")


def test_payments_to_hosts_are_not_payments_to_people(catalogue):
    """Tool note 3, firing: payments the sheet says go to third parties (the field, or hosts named in the for-words)
    are described as paid to them in Schedule 5 and its note, not as payments to or for people using the Services."""
    doc = document_of(catalogue, _paying("emergency placements with approved hosts", "the householders who host them"))
    text, note = _budget_texts(doc)
    assert "for emergency placements with approved hosts, paid to the householders who host them" in text
    assert "The payments that Harbour Light makes under paragraph" in text
    assert "makes to or for people using the Services are ring-fenced" not in text
    assert "£90,000 is paid to the householders who host them, not to the people using the Services" in note
    inferred = document_of(catalogue, _paying("allowances to host householders for up to 10 people placed with them"))
    text, note = _budget_texts(inferred)
    assert "is paid to host householders, not to the people using the Services" in note
    assert "paid to host householders;" not in text  # the for-words already say so


def test_payments_to_people_unchanged(catalogue):
    """Tool note 3, quiet: payments for people using the Services keep the standard words."""
    doc = document_of(catalogue, _paying("rent and subsistence for up to three people with no recourse to public funds"))
    text, note = _budget_texts(doc)
    assert "The payments that Harbour Light makes to or for people using the Services are ring-fenced" in text
    assert "not to the people using the Services" not in note


def _signature_lines(doc) -> str:
    return "\n".join(plain_text(line) for block in doc.parties for line in getattr(block, "execution", []) or [])


def test_office_name_reads_the_mid_sentence(catalogue):
    """Tool note 11, firing: 'The Mayor and Burgesses of ...' reads 'the' inside a sentence (the accession deed, the
    signature block), keeping 'The' where it opens a paragraph or a table cell."""
    doc = build(ALLIANCE_KINGSHOLT, catalogue).document
    text = all_text(doc)
    name = "Mayor and Burgesses of the London Borough of Kingsholt"
    assert f"the {name}" in text
    assert not re.search(rf"[a-z,] The {name}", text)
    assert f"on behalf of the {name}" in _signature_lines(doc)


def test_brand_name_keeps_its_the(catalogue):
    """Tool note 11, quiet: a name that is a brand ('The Willowgate Trust') keeps its capital everywhere."""
    doc = build(ALLIANCE_ELLERBY, catalogue).document
    assert "the Willowgate Trust" not in all_text(doc) + _signature_lines(doc)
    assert "The Willowgate Trust" in all_text(doc) + _signature_lines(doc)


def test_article_the_lowered_in_clauses_and_signature(catalogue):
    """Tool note 11, firing: 'The Police and Crime Commissioner for ...' (whose short name takes 'the') reads 'the' in
    the signature block's words too."""
    doc = build(ALLIANCE_POOLED_PCC, catalogue).document
    assert "on behalf of the Police and Crime Commissioner for Ravensmoor and Calderholme" in _signature_lines(doc)


def test_no_claim_without_former_contract_values(catalogue):
    """Tool note 2, quiet: where a former contract's value is not given there is nothing to reconcile, so Part 2
    makes no claim that the other Providers' services are new (the reablement sample)."""
    doc = build(ALLIANCE_REABLEMENT, catalogue).document
    assert "holds no Former Contract" not in clause_text(doc, "alliance.schedule-services", flat=True)
    assert "wholly new" not in flat(clause(doc, "alliance.schedule-services").note or "")
