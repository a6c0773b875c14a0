"""Communication support for alliance meetings: the sheet's list becomes lettered items of the governance clause,
in Business Days with figures, and Schedule 3 refers to that clause rather than repeating the list (r28 al-fresh
finding 12), for any representative or participant who needs it (r32 al-fresh finding 9)."""
from __future__ import annotations

import pytest

from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_STAINMOOR_ALE

ITEMS = ("  communication_requirements:\n"
         "    - papers in plain English sent at least five working days before the meeting\n"
         "    - a quiet room and agreed breaks when the meeting is held in person\n"
         "    - live captions and the option to take part online\n")


def test_several_items_become_a_lettered_list_in_business_days(catalogue):
    text = ALLIANCE_STAINMOOR_ALE.read_text().replace("  communication_requirements:\n    - British Sign Language interpretation\n", ITEMS)
    doc = document_of(catalogue, text)
    gov = clause_text(doc, "alliance.governance")
    assert "the Alliance Manager must arrange, for any representative or participant who needs it:\n" in gov
    assert "papers in plain English sent at least 5 Business Days before the meeting;\n" in gov
    assert "a quiet room and agreed breaks when the meeting is held in person; and\n" in gov
    assert "live captions and the option to take part online.\n" in gov
    assert "working days" not in gov
    assert "provides the communication support that clause" in clause_text(doc, "alliance.schedule-alt", flat=True)


def test_one_item_stays_a_sentence(catalogue):
    gov = clause_text(document_of(catalogue, ALLIANCE_STAINMOOR_ALE.read_text()), "alliance.governance", flat=True)
    assert ("the Alliance Manager must arrange, for any representative or participant who needs it, British Sign "
            "Language interpretation.") in gov


def test_domestic_abuse_alliance_involves_survivors_children_not_carers(catalogue):
    """Firing (r32 al-fresh finding 9): where the alliance's purpose is domestic abuse support, people who use the
    Services are involved with their children, not "their carers"; quiet: other alliances keep carers."""
    source = ALLIANCE_STAINMOOR_ALE.read_text()
    quiet = clause_text(document_of(catalogue, source), "alliance.operations", flat=True)
    assert "and their carers," in quiet
    da = source.replace("  purpose: >-\n", "  purpose: >-\n    support victims and survivors of domestic abuse and their children;\n", 1)
    text = clause_text(document_of(catalogue, da), "alliance.operations", flat=True)
    assert "and their carers," not in text
    assert "people who use the Services and, where appropriate, their children," in text


def test_support_tied_to_a_forum_is_required_only_there(catalogue):
    """r34 al-fresh2 finding 11 (firing): an item the sheet ties to one forum ("... for the lived-experience panel")
    is required at that forum's and the user group's meetings, not at every ALT and Operational Group meeting; the
    general items still apply to every meeting; the note says so. (Quiet) items with no forum stay general."""
    old = "  communication_requirements:\n    - British Sign Language interpretation\n"
    source = ALLIANCE_STAINMOOR_ALE.read_text()
    mixed = source.replace(old, old + "    - Easy Read papers and a paid peer facilitator for the lived-experience panel\n")
    doc = document_of(catalogue, mixed)
    gov = clause_text(doc, "alliance.governance", flat=True)
    assert "the Alliance Manager must arrange, for any representative or participant who needs it, British Sign Language interpretation." in gov
    assert ("For every meeting of the lived-experience panel and of that group, it must also arrange Easy Read papers and "
            "a paid peer facilitator.") in gov
    assert "interpretation; and" not in gov
    from tests.families.clause_texts import flat, note
    n = flat(note(doc, "alliance.governance"))
    assert "Easy Read papers and a paid peer facilitator for the meetings of the lived-experience panel and the user group only" in n
    only = document_of(catalogue, source.replace(old, "  communication_requirements:\n    - Easy Read papers and a paid peer facilitator for the lived-experience panel\n"))
    gov = clause_text(only, "alliance.governance", flat=True)
    assert ("For every meeting of the lived-experience panel and of the group of people who use the Services that the ALT "
            "consults under clause") in gov
    assert "For every meeting of the ALT" not in gov


# r38d al-edge finding 5: communication requirements about the people who use the Services reach service delivery.

def test_community_language_interpreters_reach_service_delivery(catalogue):
    """Firing: community language interpreters are for the families served, so each Provider arranges them in
    delivering its part of the Services, never using a child to interpret, and the note says so."""
    text = ALLIANCE_STAINMOOR_ALE.read_text().replace(
        "    - British Sign Language interpretation\n",
        "    - community language interpreters (in particular Urdu, Punjabi and Polish)\n")
    doc = document_of(catalogue, text)
    gov = clause_text(doc, "alliance.governance", flat=True)
    assert ("In delivering its part of the Services, each Provider must arrange, at its own cost within its Annual "
            "Value, an interpreter (including in Urdu, Punjabi or Polish) for any person using its part of the Services "
            "who needs one;") in gov
    assert "must never ask a child to interpret" in gov
    assert "the clause also makes each Provider arrange it in delivering its own part of the Services" in " ".join(
        note(doc, "alliance.governance").split())


def test_meeting_only_support_stays_with_the_meetings(catalogue):
    """Quiet: British Sign Language interpretation alone, or meeting papers, may be for a representative: no
    service-delivery duty."""
    gov = clause_text(document_of(catalogue, ALLIANCE_STAINMOOR_ALE.read_text()), "alliance.governance", flat=True)
    assert "In delivering its part of the Services, each Provider must arrange" not in gov


MEETING_PEOPLE = ("  communication_requirements:\n"
                  "    - British Sign Language interpretation where a parent carer representative asks for it\n"
                  "    - papers in Easy Read for disabled young people taking part\n")
SERVICE_PEOPLE = ("  communication_requirements:\n"
                  "    - community language interpreters for families\n")


def test_meeting_items_about_people_stay_with_meetings_and_the_service_duty_is_general(catalogue):
    """Firing (r40 al-shortbreaks finding 4, al-resettle finding 11): items tied to meetings and the people taking part
    stay with the Alliance Manager, without a second condition; the Providers' service duty is a general one and does
    not repeat the meeting items."""
    text = ALLIANCE_STAINMOOR_ALE.read_text().replace(
        "  communication_requirements:\n    - British Sign Language interpretation\n", MEETING_PEOPLE)
    doc = document_of(catalogue, text)
    gov = clause_text(doc, "alliance.governance", flat=True)
    assert "the Alliance Manager must arrange:" in gov
    assert "for any representative or participant who needs it:" not in gov
    assert "each Provider must meet the communication needs of the people it serves" in gov
    assert "must never ask a child to interpret" in gov
    service = gov[gov.index("In delivering its part of the Services"):]
    assert "parent carer representative" not in service and "taking part" not in service
    assert "keeps them there" in note(doc, "alliance.governance")


def test_service_items_use_the_sheets_words(catalogue):
    """Firing: an interpreting item about the people who use the Services becomes the Providers' duty to arrange an
    interpreter for any of those people who needs one (r43 al-earlyhelp F10: the sheet's noun phrase is not pasted
    after "for any person ... who needs it")."""
    text = ALLIANCE_STAINMOOR_ALE.read_text().replace(
        "  communication_requirements:\n    - British Sign Language interpretation\n", SERVICE_PEOPLE)
    gov = clause_text(document_of(catalogue, text), "alliance.governance", flat=True)
    assert "an interpreter for any family member using its part of the Services who needs one;" in gov
    assert "for any person using the Services who needs it" not in gov
    assert "meet the communication needs of the people it serves" not in gov


def test_meeting_only_items_give_no_service_duty(catalogue):
    """Quiet: British Sign Language interpretation alone stays with the meetings, for whoever needs it."""
    gov = clause_text(document_of(catalogue, ALLIANCE_STAINMOOR_ALE.read_text()), "alliance.governance", flat=True)
    assert "In delivering its part of the Services" not in gov
    assert "for any representative or participant who needs it, British Sign Language interpretation." in gov


# r43 al-careleavers F5 and al-earlyhelp F10: the sheet's interpreting needs become one interpreter duty, every language
# kept, the person never doubled, and BSL kept in the Providers' duty where the sheet lists it.

CARELEAVERS_NEEDS = ("  communication_requirements:\n"
                     "    - interpreters for young people whose first language is not English, including Pashto, "
                     "Tigrinya, Arabic and Kurdish Sorani\n")
EARLYHELP_NEEDS = ("  communication_requirements:\n"
                   "    - British Sign Language interpretation\n"
                   "    - an interpreter for any young person or parent who needs one\n")


@pytest.mark.parametrize("needs, meeting, service", [
    (CARELEAVERS_NEEDS,
     "must arrange an interpreter (including in Pashto, Tigrinya, Arabic or Kurdish Sorani) for any representative or "
     "young person taking part who needs one.",
     "an interpreter (including in Pashto, Tigrinya, Arabic or Kurdish Sorani) for any young person using its part of "
     "the Services who needs one;"),
    (EARLYHELP_NEEDS,
     "must arrange an interpreter (including in British Sign Language) for any representative, young person or parent "
     "taking part who needs one.",
     "an interpreter (including in British Sign Language) for any young person or parent using its part of the "
     "Services who needs one;"),
])
def test_interpreting_needs_become_one_interpreter_duty(catalogue, needs, meeting, service):
    """Firing: the meetings and the Services each get one interpreter duty for those who need one, with each
    language the sheet lists, and no "who needs it ... who needs one"."""
    text = ALLIANCE_STAINMOOR_ALE.read_text().replace(
        "  communication_requirements:\n    - British Sign Language interpretation\n", needs)
    gov = clause_text(document_of(catalogue, text), "alliance.governance", flat=True)
    assert meeting in gov and service in gov
    assert "who needs it, an interpreter" not in gov and "who needs it, interpreters" not in gov


def test_a_plain_sign_language_item_is_not_restated(catalogue):
    """Quiet: "British Sign Language interpretation" alone stays the sheet's words at the meetings."""
    gov = clause_text(document_of(catalogue, ALLIANCE_STAINMOOR_ALE.read_text()), "alliance.governance", flat=True)
    assert "who needs it, British Sign Language interpretation." in gov
    assert "an interpreter (including" not in gov
