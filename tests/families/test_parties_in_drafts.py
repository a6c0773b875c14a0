"""Parties as real agreements have them, through the whole draft: short names with digits, '&',
apostrophes and accents come through exactly; "the" is written only where the name takes it; the
public-body class decides who pays and whose profit is capped under open-book terms; each legal form
signs with its own execution block, in the document model and in Word as LibreOffice reads it."""

from __future__ import annotations

import re

import pytest
from ruamel.yaml import YAML

from assembler.assemble import assemble
from assembler.library.terms import unused_terms
from assembler.model import plain_text
from assembler.termsheet.validate import read_termsheet
from assembler.writers.docx import render_docx
from assembler.writers.text import to_text
from tests.conftest import DRAFT_DATE, ROOT, soffice_text

ALLIANCE = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
GRANT = ROOT / "samples" / "grant" / "care-leavers-open-book.yaml"
NAMES = ["PCC", "St Mungo's", "P3", "The Zone", "BCHA & Partners", "Cymdeithas Tai Glân"]


def _member(key, name, short, form, **extra):
    return {"key": key, "name": name, "short_name": short, "role": "provider", "legal_form": form,
            "address": f"1 {short} Street, Northbrook NB1 1AA", "annual_value": 100000,
            "alt_representative": {"position": "Chief Executive"}, **extra}


@pytest.fixture(scope="module")
def alliance(tmp_path_factory, catalogue):
    """The small alliance with a police and crime commissioner commissioning five providers of
    every awkward name, carrying open-book terms."""
    yaml = YAML()
    data = yaml.load(ALLIANCE.read_text())
    council = data["members"][0]
    council.update(name="Police and Crime Commissioner for Northbrook", short_name="PCC", article=True,
                   legal_form="police_and_crime_commissioner")
    data["members"][1:] = [
        _member("foyer", "St Mungo's Community Housing", "St Mungo's", "cio", charity_number="1190123"),
        _member("pathways", "P3 Charity", "P3", "charitable_company", company_number="08123456",
                charity_number="1151234"),
        _member("zone", "The Zone (Northbrook) Limited", "The Zone", "registered_provider",
                company_number="07123456", rsh_number="L4512"),
        _member("bcha", "BCHA & Partners Limited", "BCHA & Partners", "exempt_charity_society",
                society_number="RS009876"),
        _member("glan", "Cymdeithas Tai Glân Cyfyngedig", "Cymdeithas Tai Glân", "community_benefit_society",
                society_number="31240R"),
    ]
    data["alliance"]["risk_reward"]["basis"] = "equal"
    del data["alliance"]["risk_reward"]["shares"]
    data["open_book"] = yaml.load(GRANT.read_text())["open_book"]
    path = tmp_path_factory.mktemp("parties") / "alliance.yaml"
    with path.open("w") as handle:
        yaml.dump(data, handle)
    sheet = read_termsheet(path, catalogue)
    return sheet, assemble(sheet, catalogue, today=DRAFT_DATE).document


@pytest.fixture(scope="module")
def grant(tmp_path_factory, catalogue):
    """A grant from an integrated care board to "P3", executed as a deed."""
    yaml = YAML()
    data = yaml.load(GRANT.read_text())
    data["document"]["deed"] = True
    data["funder"].update(name="NHS Northbrook Integrated Care Board", short_name="ICB", article=True,
                          legal_form="integrated_care_board")
    data["recipient"].update(name="P3 Charity", short_name="P3")
    path = tmp_path_factory.mktemp("parties") / "grant.yaml"
    with path.open("w") as handle:
        yaml.dump(data, handle)
    sheet = read_termsheet(path, catalogue)
    return sheet, assemble(sheet, catalogue, today=DRAFT_DATE).document


def _no_wrong_article(text: str) -> None:
    for name in ["The Zone", "St Mungo's", "P3", "BCHA & Partners", "Cymdeithas Tai Glân"]:
        m = re.search(rf"\b[Tt]he {re.escape(name)}", text); assert not m, text[max(0, m.start() - 300):m.end() + 100]
    assert not re.search(r"\b[Tt]he The\b", text)


def test_short_names_come_through_exactly(alliance):
    sheet, doc = alliance
    assert [p.short_name for p in doc.parties] == NAMES
    text = to_text(doc)
    for name in NAMES:
        assert f"({'the ' if name == 'PCC' else ''}{name})" in text  # the parties block
    _no_wrong_article(text)


def test_a_police_and_crime_commissioner_is_never_an_open_book_provider(alliance):
    sheet, doc = alliance
    assert [p.is_public_body for p in sheet.model.parties()] == [True] + [False] * 5
    defs = {d.term: plain_text(d.inlines) for d in doc.definitions}
    # One public body: the roles it alone holds read as its name; the five providers keep the term.
    assert "Open-Book Commissioner" not in defs and "Public Body" not in defs
    assert defs["Open-Book Provider"].endswith(
        "(in this Agreement, St Mungo's, P3, The Zone, BCHA & Partners and Cymdeithas Tai Glân)")
    assert "PCC" not in defs["Open-Book Provider"].split("(in this Agreement")[1]


def test_provider_list_in_the_alliance_reads_as_english(alliance):
    _, doc = alliance
    defs = {d.term: plain_text(d.inlines) for d in doc.definitions}
    assert defs["Provider"].endswith("St Mungo's, P3, The Zone, BCHA & Partners and Cymdeithas Tai Glân")


def test_role_marks_drop_the_article_a_name_does_not_take(grant):
    _, doc = grant
    text = to_text(doc)
    _no_wrong_article(text)
    assert "P3 must " in text  # "The [[@recipient]] must" opens a sentence without "The"
    assert "The ICB " in text and "the ICB " in text
    assert "(P3)" in text and "(the ICB)" in text


def test_a_simple_contract_is_signed_by_one_authorised_signatory_for_every_form(alliance):
    """Companies Act 2006 s.43(1)(b), CCBSA 2014 s.52: no director, no witness, no second signatory
    on a simple contract, whatever the legal form, except a CIO (two charity trustees, as the model
    constitutions provide); the commissioner signs in person or by an officer."""
    _, doc = alliance
    heads = {p.short_name: plain_text(p.execution[0]) for p in doc.parties}
    assert heads["PCC"] == ("Signed for and on behalf of Police and Crime Commissioner for Northbrook, a "
                            "corporation sole, by the commissioner or an officer the commissioner has authorised:")
    # r22 al-fresh 8: a CIO whose sheet names one signatory signs by that authorised signatory
    assert heads["St Mungo's"] == "Signed for and on behalf of St Mungo's Community Housing by its authorised signatory:"
    assert heads["P3"] == "Signed for and on behalf of P3 Charity by its authorised signatory:"
    assert heads["BCHA & Partners"] == "Signed for and on behalf of BCHA & Partners Limited by its authorised signatory:"
    lines = {p.short_name: [plain_text(line) for line in p.execution] for p in doc.parties}
    cio = lines["St Mungo's"]
    assert [line.split(":")[0] for line in cio][1:] == ["Signature", "Name", "Position", "Date"]
    for party in doc.parties:
        if party.short_name not in lines:
            continue
        block = lines[party.short_name]
        assert len(block) == 5 and block[1] == "Signature: ____________________________", block
        assert block[2].startswith("Name: ") and block[3].startswith("Position: ")
        assert block[4] == "Date: ____________________"
        assert not re.search(r"[Dd]irector|[Ww]itness|[Tt]rustee|two ", block[0] + block[1]), block
    assert not doc.deed


def test_the_signatory_named_in_the_term_sheet_signs_a_company_s_simple_contract(alliance):
    """The solicitors' case: a charity's chief executive signs under the board's authority."""
    from assembler.execution import execution_lines

    sheet, _ = alliance
    p3 = next(p for p in sheet.model.parties() if p.short_name == "P3")
    p3 = p3.model_copy(update={"name": "St Mary's Housing & Support Trust",
                               "signatory": p3.signatory.model_copy(update={"name": "Daniel Okafor",
                                                                            "position": "Chief Executive"})})
    assert [plain_text(line) for line in execution_lines(p3, deed=False)] == [
        "Signed for and on behalf of St Mary's Housing & Support Trust by its authorised signatory:",
        "Signature: ____________________________", "Name: Daniel Okafor", "Position: Chief Executive",
        "Date: ____________________"]


def test_the_formal_blocks_are_kept_for_a_deed(alliance):
    """CA 2006 s.44(2)(b) (a director and a witness, one method a block), CIO regs 20-21, CCBSA s.53."""
    from assembler.execution import execution_lines

    sheet, _ = alliance
    deeds = {p.short_name: [plain_text(line) for line in execution_lines(p, deed=True)]
             for p in sheet.model.parties()}
    assert "acting by two of its charity trustees" in deeds["St Mungo's"][0]
    assert "acting by a director in the presence of a witness" in deeds["P3"][0]
    assert "acting by two authorised signatories under its rules" in deeds["BCHA & Partners"][0]
    assert sum(line.startswith("Charity trustee: ") for line in deeds["St Mungo's"]) == 2
    assert "Witness: ____________________________" in deeds["P3"]
    assert "Address: [address of P3's witness]" in deeds["P3"]
    assert all(block[0].startswith(("Executed as a deed", "The common seal of")) for block in deeds.values())
    assert not any("Date: ____" in line for block in deeds.values() for line in block)


def test_a_deed_is_executed_as_a_deed(grant):
    _, doc = grant
    assert doc.deed
    heads = [plain_text(p.execution[0]) for p in doc.parties]
    assert heads == [
        "Executed as a deed by NHS Northbrook Integrated Care Board acting by its authorised signatories "
        "under its constitution:",
        "Executed as a deed by P3 Charity acting by a director in the presence of a witness:",
    ]
    text = to_text(doc)
    assert "This Agreement has been executed as a deed and is delivered" in text
    assert "Date: ____" not in text.split("SIGNATURE")[-1]


def test_a_commissioner_executes_a_deed_in_person_before_a_witness(alliance):
    from assembler.execution import execution_lines

    sheet, _ = alliance
    pcc = sheet.model.parties()[0]
    lines = [plain_text(line) for line in execution_lines(pcc, deed=True)]
    assert lines[0] == ("Executed as a deed by Police and Crime Commissioner for Northbrook, a corporation sole, "
                        "acting by the commissioner, in the presence of:")
    assert "Commissioner: ____________________________" in lines
    assert "Witness: ____________________________" in lines and "Address: [address of PCC's witness]" in lines


def test_the_description_gives_the_registration_numbers_each_form_has(alliance):
    _, doc = alliance
    by_name = {p.short_name: p.description for p in doc.parties}
    assert by_name["PCC"] == "a police and crime commissioner, a corporation sole"
    assert by_name["The Zone"] == ("a company registered in England and Wales (number 07123456) and a private "
                                  "registered provider of social housing (Regulator of Social Housing "
                                  "registration number L4512)")
    assert by_name["BCHA & Partners"] == ("a society registered under the Co-operative and Community Benefit "
                                         "Societies Act 2014 that is an exempt charity (registered number RS009876)")


def test_a_cio_and_a_community_benefit_society_are_described_by_their_register():
    from assembler.assemble import _description
    from assembler.termsheet.common import Party

    cio = Party(name="Llwybrau Ifanc", short_name="Llwybrau Ifanc", legal_form="cio", charity_number="1178350",
                address="1 Stryd Fawr")
    assert _description(cio) == ("a charitable incorporated organisation registered with the Charity Commission "
                                 "for England and Wales (charity number 1178350)")
    society = cio.model_copy(update={"legal_form": "community_benefit_society", "charity_number": None,
                                     "society_number": "7461"})
    assert _description(society) == ("a community benefit society registered under the Co-operative and Community "
                                     "Benefit Societies Act 2014 (registered number 7461)")


def test_a_registered_provider_is_described_by_its_status_and_the_form_its_numbers_show(alliance):
    """"Registered provider" is a regulatory status, not a legal form: a society that is one says so."""
    from assembler.assemble import _description

    sheet, _ = alliance
    zone = next(p for p in sheet.model.parties() if p.short_name == "The Zone")
    society = zone.model_copy(update={"company_number": None, "society_number": "RS007412"})
    assert _description(society) == (
        "a registered society under the Co-operative and Community Benefit Societies Act 2014 (number "
        "RS007412) and a private registered provider of social housing (Regulator of Social Housing "
        "registration number L4512)")
    assert _description(zone.model_copy(update={"company_number": None})) == (
        "a private registered provider of social housing (Regulator of Social Housing registration number L4512)")


def test_no_term_goes_unused(alliance, grant):
    assert unused_terms(alliance[1]) == []
    assert unused_terms(grant[1]) == []


def test_libreoffice_reads_the_names_and_signature_blocks(alliance, grant, catalogue, tmp_path):
    """Conformance: the Word file says what the model says, as LibreOffice reads it."""
    for name, (_, doc) in (("alliance", alliance), ("grant", grant)):
        docx = tmp_path / f"{name}.docx"
        docx.write_bytes(render_docx(doc, catalogue.paths.house))
        lines = [" ".join(line.split()) for line in soffice_text(docx).splitlines()]
        text = "\n".join(lines)
        _no_wrong_article(text)
        position = 0
        for party in doc.parties:
            for want in (" ".join(plain_text(line).split()) for line in party.execution):
                found = next((i for i in range(position, len(lines)) if lines[i] == want), None)
                assert found is not None, f"{name}: LibreOffice text lacks {want!r} after line {position}"
                position = found + 1
        for party in doc.parties:
            assert f"{party.name}, {party.description}, of {party.address} ({party.defined})" in text


@pytest.mark.parametrize(("sheet_says", "manifest_says", "deed"), [
    (None, False, False), (None, True, True), (False, True, False), (True, False, True)])
def test_the_term_sheet_decides_deed_or_simple_contract_before_the_manifest(
        grant, catalogue, sheet_says, manifest_says, deed):
    from assembler.assemble import is_deed

    sheet, _ = grant
    document = sheet.model.document.model_copy(update={"deed": sheet_says})
    model = sheet.model.model_copy(update={"document": document})
    manifest = catalogue.manifest("grant").model_copy(update={"deed": manifest_says})
    assert is_deed(type(sheet)(**{**vars(sheet), "model": model}), manifest) is deed


def test_every_built_in_family_is_a_simple_contract_by_default(catalogue):
    assert not any(catalogue.manifest(f).deed for f in ("grant", "alliance", "open-book", "co-investment"))


@pytest.mark.parametrize("short, name, expected", [
    ("Willowgate", "The Willowgate Trust", False), ("Ashdown", "Ashdown Children's Charity", False),
    ("Council", "Ellerby Council", True), ("Trust", "The Willowgate Trust", True),
    ("Kitchen", "Kitchen", True), ("Society", "The Hollybrook Society Limited", True)])
def test_a_single_proper_name_from_the_front_of_the_full_name_takes_no_article(short, name, expected):
    """r18b al-fresh finding 3: "Willowgate" for "The Willowgate Trust" was defined "(the Willowgate)"
    though the draft's data Schedules used "Willowgate"; a leading "The" of the full name is skipped."""
    from assembler.termsheet.common import takes_article
    assert takes_article(short, name) is expected
