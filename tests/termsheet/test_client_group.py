"""Who the services are for, read from how the instructions describe them: ages decide first, then
the words "adults" and "children"; job titles and statutes never count; only a clear answer counts."""

from __future__ import annotations

import pytest

from assembler.termsheet.client_group import described, groups_in


@pytest.mark.parametrize("text, groups", [
    ("give adults with multiple and complex needs joined-up support", {"adults"}),
    ("run a lunch club for older people in the village", {"adults"}),
    ("care leavers aged 18 to 24", {"adults"}),
    ("residential care for children looked after by the Council", {"children"}),
    ("supported accommodation for young people aged 16 and 17", {"children"}),
    ("families with children under 5", {"children"}),
    ("help young people aged 16 to 24 find a home", {"children", "adults"}),
    ("give young people leaving care a first home", set()),
    ("Director of Children's Services", set()),
    ("its duties under the Children Act 1989", set()),
])
def test_groups_named_by_a_description(text, groups):
    assert groups_in(text) == groups


def test_one_group_named_everywhere_is_the_answer_with_the_words_that_say_it():
    found, first = described({"alliance": {"purpose": "give adults with multiple and complex needs (homelessness, "
                                                      "substance use) joined-up support"},
                              "data_protection": {"subject_matter": "Support for adults the Council refers"}})
    assert found.people == "adults" and found.field == ("alliance", "purpose")
    assert found.words == "give adults with multiple and complex needs"  # cut before the parenthesis
    assert first[0] == ("alliance", "purpose")


def test_two_groups_or_none_give_no_answer_but_keep_the_description_for_the_note():
    found, first = described({"grant": {"purpose": "help adults and their children"}})
    assert found is None and first == (("grant", "purpose"), "help adults and their children")
    found, first = described({"grant": {"purpose": "support people sleeping rough"}})
    assert found is None and first[1] == "support people sleeping rough"


def test_a_partys_own_fields_are_not_read():
    found, _ = described({"funder": {"legal_form": "local_authority", "name": "X",
                                     "signatory": {"position": "Director of Adult Services"}},
                          "grant": {"purpose": "help children in the borough"}})
    assert found.people == "children"
