"""Who supplies each field is part of the model: the starter sheet, the JSON Schema and the web form
ask the commissioner's facts first and group legal's under "Legal completes this" with standards."""

from __future__ import annotations

import pytest

from assembler.termsheet.common import supplied_by
from assembler.termsheet.grant import Grant, GrantTermSheet
from assembler.termsheet.loader import load_text
from assembler.termsheet.schema import json_schema
from assembler.termsheet.starter import starter
from assembler.termsheet.supply import HEADING, supplier_at

FAMILIES = ["grant", "alliance", "open-book", "co-investment"]


def test_legal_fields_are_marked_and_the_rest_are_the_commissioners():
    assert supplied_by(Grant.model_fields["statutory_power"]) == "legal"
    assert supplied_by(Grant.model_fields["purpose"]) == "commissioner"
    assert supplier_at(GrantTermSheet, ("grant", "subsidy", "route")) == "legal"  # inside a legal group
    assert supplier_at(GrantTermSheet, ("positions",)) == "legal"
    assert supplier_at(GrantTermSheet, ("document", "deed")) == "legal"
    assert supplier_at(GrantTermSheet, ("recipient", "address")) == "commissioner"
    assert supplier_at(GrantTermSheet, ("grant", "budget", 0, "item")) == "commissioner"


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_marks_some_legal_fields(catalogue, family):
    schema = json_schema(catalogue, family)
    marked = [name for part in [schema, *schema["$defs"].values()]
              for name, prop in part.get("properties", {}).items() if prop.get("supplied_by") == "legal"]
    assert len(marked) >= 3
    positions = schema["properties"]["positions"]["properties"]
    legal = [name for name, prop in positions.items() if prop.get("supplied_by") == "legal"]
    theirs = [name for name, prop in positions.items() if prop.get("supplied_by") != "legal"]
    assert legal and theirs, "each family has positions legal chooses and choices the commissioner makes"
    assert list(positions) == theirs + legal  # the commissioner's choices first


def test_schema_asks_the_commissioners_choices_in_their_words(catalogue):
    positions = json_schema(catalogue, "grant")["properties"]["positions"]["properties"]
    assert positions["payment_basis"]["description"].startswith("When is the grant paid?")
    assert "in advance, before the money is spent" in positions["payment_basis"]["description"]
    assert "supplied_by" not in positions["grant_form"]
    assert positions["dispute_route"]["supplied_by"] == "legal"


@pytest.mark.parametrize("family", FAMILIES)
def test_schema_lists_the_commissioners_properties_first(catalogue, family):
    schema = json_schema(catalogue, family)
    for part in [schema, *schema["$defs"].values()]:
        flags = [prop.get("supplied_by") == "legal" for prop in part.get("properties", {}).values()]
        assert flags == sorted(flags), part.get("title")


def test_starter_asks_the_commissioners_facts_before_legals_in_each_part(catalogue):
    text = starter(catalogue, "grant")
    lines = text.splitlines()
    grant = lines.index("grant:")
    heading = next(i for i, line in enumerate(lines) if i > grant and f"---- {HEADING} ----" in line and line.startswith("  #"))
    keys_after = [line.split(":")[0].strip() for line in lines[heading:] if line.startswith("  ") and
                  not line.startswith("   ") and not line.strip().startswith("#")]
    assert keys_after[:3] == ["statutory_power", "subsidy", "records_years"]
    before = "\n".join(lines[grant:heading])
    assert "  purpose:" in before and "  maximum_sum:" in before and "statutory_power" not in before



def test_starter_asks_the_commissioners_choices_near_the_top_and_not_under_legal(catalogue):
    """Payment timing and a letter or an agreement are the commissioner's decisions: asked as
    questions under "Your choices" right after the document's details, before the legal heading
    inside the positions."""
    text = starter(catalogue, "grant")
    lines = text.splitlines()
    choices = lines.index("# ---- Your choices ----")
    positions = lines.index("positions:")
    legal = next(i for i in range(positions, len(lines)) if lines[i] == f"  # ---- {HEADING} ----")
    assert choices < positions < legal < lines.index("funder:")
    ours = "\n".join(lines[positions:legal])
    assert "  # When is the grant paid?" in ours and "  payment_basis: advance" in ours
    assert "  #   advance: in advance, before the money is spent" in ours
    assert "  # A short grant offer letter or a full grant funding agreement?" in ours
    assert "grant_form: offer-letter" in ours
    assert "dispute_route" not in ours and "clawback_scope" in "\n".join(lines[legal:lines.index("funder:")])
    data = load_text(text, "starter.yaml").data
    assert data["positions"]["payment_basis"] == "advance"  # the sample's choice is kept


def test_match_funding_shortfall_is_the_commissioners_decision():
    from assembler.termsheet.grant import MatchFunding

    assert supplied_by(MatchFunding.model_fields["shortfall"]) == "commissioner"


@pytest.mark.parametrize("family", FAMILIES)
def test_blank_starter_keeps_legals_standards_and_empties_the_commissioners(catalogue, family):
    from assembler.termsheet.validate import validate  # noqa: F401 (the blank sheet loads)

    data = load_text(starter(catalogue, family, blank=True), "blank.yaml").data
    assert data["positions"] and all(data["positions"].values())
    if family == "grant":
        assert data["grant"]["statutory_power"] == "section 1 of the Localism Act 2011"
        assert data["grant"]["subsidy"]["route"]
        assert data["grant"]["purpose"] is None and data["funder"]["name"] is None
        assert data["grant"]["records_years"] == 6


def test_web_form_puts_legal_questions_in_their_own_part_last():
    from assembler.web import form as forms

    nodes = forms.with_legal_part(forms.build(GrantTermSheet, {}))
    assert nodes[-1].label == HEADING
    legal_names = [n.name for n in nodes[-1].children]
    assert "grant.statutory_power" in legal_names and "grant.subsidy" in legal_names
    grant = next(n for n in nodes if n.name == "grant")
    names = [c.name for c in grant.children]
    assert "grant.purpose" in names and "grant.statutory_power" not in names
    statutory = next(n for n in nodes[-1].children if n.name == "grant.statutory_power")
    assert statutory.label == "Grant: statutory power"


def test_web_form_asks_the_commissioners_choices_first_and_legals_positions_last(catalogue):
    pytest.importorskip("starlette")
    from assembler.web.app import Outcome, Web

    app = Web(catalogue)
    nodes, _ = app.nodes(Outcome("grant", {}, {}), show_errors=False)
    assert nodes[0].label == "Your choices"
    assert [n.name for n in nodes[0].children] == ["positions.grant_form", "positions.payment_basis"]
    paid = nodes[0].children[1]
    assert paid.label == "When is the grant paid?" and paid.value == "arrears"
    assert any("before the money is spent" in note.hint for note in paid.children)
    legal_positions = next(n for n in nodes[-1].children if n.name == "positions")
    names = [n.name for n in legal_positions.children]
    assert "positions.dispute_route" in names and "positions.payment_basis" not in names


def test_starter_conditions_read_in_words():
    from assembler.termsheet.starter import plain_condition

    assert plain_condition('positions.get("grant_form") != "offer-letter"') == "grant_form (above) is not offer-letter"
    assert plain_condition('open_book is not none and open_book.basis == "allowable_cost"') == \
        "open_book is given, and open_book.basis is allowable_cost"


def test_blank_lists_show_one_entry_with_every_optional_field(catalogue):
    from assembler.termsheet.starter import starter

    text = starter(catalogue, "grant", blank=True)
    instalments = text[text.index("  instalments:"):text.index("  budget:")]
    assert "condition:" in instalments and "long_stop:" in instalments
    activities = text[text.index("  activities:"):]
    assert activities.splitlines()[1].strip() == "-"  # one empty line to copy, not `[]`
    assert "positions.get(" not in text
