"""Drafts for Welsh public bodies, read as LibreOffice reads them (drafting notes printed inline): no
England-only citation, the Welsh statutes and institutions in their place, Welsh names exact."""

from __future__ import annotations

import re

import pytest

from tests.conftest import DRAFT_DATE, ROOT, assemble_to, soffice_text

WELSH = {
    "grant": ROOT / "samples" / "grant" / "welsh-community-grant.yaml",
    "alliance": ROOT / "samples" / "alliance" / "welsh-young-people-alliance.yaml",
}
ENGLISH_GRANT = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"  # a full agreement (the offer letter has short conditions)

# Citations that are wrong for a Welsh public body, in the words a draft would print them. The law
# table's own list (every `cites` of an England-only instrument) is added to these.
ENGLAND_ONLY = [
    "Localism Act", "Care Act 2014", "section 42 of the Care Act", "section 11 of the Children Act 2004",
    "Working Together to Safeguard Children", "Working Together 2023", "bank holiday in England under",
    "Ofsted", "Care Quality Commission", "CQC", "Provider Selection Regime", "local authority designated officer",
    "local safeguarding partners", "Local Government Transparency Code", "a Minister of the Crown, Parliament or",
    "Children's Homes (England)", "General Disposal Consent (England)", "Part 1A",
    "Housing Ombudsman", "Regulator of Social Housing", "two-tier area", "Local Authority Designated Officer",
    'inspection rating below "good"', "Local Government Act 1999 s.3",
]
WELSH_LAW = [
    "Social Services and Well-being (Wales) Act 2014", "section 28 of the Children Act 2004",
    "Wales Safeguarding Procedures", "bank holiday in England and Wales",
    "Act of Senedd Cymru (including an Act of the National Assembly for Wales), Measure of the National Assembly for Wales",
    "Welsh Language (Wales) Measure 2011", "Well-being of Future Generations (Wales) Act 2015",
]
# The full agreement says more than the offer letter's short conditions: the statutory guidance by name and
# the public bodies whose functions a disclosure may serve.
WELSH_LAW_FULL = ["Working Together to Safeguard People", "the Welsh Ministers, Parliament, Senedd Cymru"]
# A Welsh council's housing alliance: its homelessness duties and the law of supported accommodation.
WELSH_HOUSING = [
    "Part 2 of the Housing (Wales) Act 2014", "section 24 of the Local Government and Elections (Wales) Act 2021",
    "Renting Homes (Wales) Act 2016", "Public Services Ombudsman for Wales",
]


def flat(text: str) -> str:
    """One space between words, so a citation wrapped across lines is still found."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def texts(catalogue, tmp_path_factory):
    out = tmp_path_factory.mktemp("wales")
    return {family: soffice_text(assemble_to(path, out / f"{family}.docx", catalogue, notes="inline"))
            for family, path in WELSH.items()}


def banned(catalogue) -> list[str]:
    from_law = [cited for entry in catalogue.law.values() if entry.get("england_only") for cited in entry["cites"]]
    return sorted(set(ENGLAND_ONLY + from_law))


# A sentence that names an England-only Act to say it does not apply here is right, not a slip: "the
# power in section 1 of the Localism Act 2011 applies only in England" is what a Welsh note should say.
DISAPPLIED = ("does not apply in wales", "do not apply in wales", "applies only in england", "apply only in england",
              "not in wales", "england only", "england-only", "in england, not wales", "english equivalent",
              "english counterpart", "counterpart of the english", "instead of the english", "in place of the english")
SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(])")


def asserted_citations(text: str, citations: list[str]) -> list[str]:
    """The citations the text relies on: each one found in a sentence that does not say it is
    England's law and not this draft's."""
    found = []
    for sentence in SENTENCE.split(flat(text)):
        lower = sentence.lower()
        if any(marker in lower for marker in DISAPPLIED):
            continue
        found += [c for c in citations if flat(c).lower() in lower and c not in found]
    return sorted(found)


def test_a_citation_said_not_to_apply_is_not_relied_on():
    relied = "The Council has power under section 1 of the Localism Act 2011 to give the Grant."
    disapplied = "The general power in section 1 of the Localism Act 2011 applies only in England; cite section 24."
    assert asserted_citations(relied, ["Localism Act"]) == ["Localism Act"]
    assert asserted_citations(disapplied, ["Localism Act"]) == []
    assert asserted_citations(disapplied + " " + relied, ["Localism Act"]) == ["Localism Act"]


@pytest.mark.parametrize("family", WELSH)
def test_no_england_only_citation(catalogue, texts, family):
    assert asserted_citations(texts[family], banned(catalogue)) == []


@pytest.mark.parametrize("family", WELSH)
def test_the_welsh_law_in_its_place(texts, family):
    text = flat(texts[family])
    expected = WELSH_LAW + (WELSH_LAW_FULL + WELSH_HOUSING if family == "alliance" else [])
    assert [w for w in expected if w not in text] == []
    # each Welsh form stays its own paragraph or list item, as the English one is
    assert "under section 126 of that Act.\n" in texts[family].replace("\r", "")
    assert "Agreement;- names" not in text and "aware of it. Each Party" not in text


def recital_note(path, catalogue) -> str:
    """The drafting note on the recitals, as the assembled document carries it (the draft prints the
    recitals without it; the lawyer reads it beside them)."""
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet

    document = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
    return flat(document.recitals[0].note)


def test_the_welsh_grant_recites_the_welsh_power_and_its_note(catalogue, texts):
    assert "has power under section 24 of the Local Government and Elections (Wales) Act 2021" in flat(texts["grant"])
    note = recital_note(WELSH["grant"], catalogue)
    assert "in force for principal councils since 1 November 2021" in note
    assert "limits in ss.25 to 27" in note and 'only "so far as necessary"' in note
    # a county borough council's note says nothing of community councils or the English power
    assert "community council" not in note and "Localism Act" not in note


def test_the_welsh_alliance_recites_welsh_procurement(catalogue):
    note = recital_note(WELSH["alliance"], catalogue)
    assert "Social Partnership and Public Procurement (Wales) Act 2023" in note
    assert "since 25 March 2026" in note and "Provider Selection Regime" not in note


def test_welsh_names_come_through_exactly(texts):
    assert "Tŷ'r Dŵr Community Hub CIO" in texts["grant"] and "Gwenllïan Ŵyn-Davies" in texts["grant"]
    assert "Cyngor Bwrdeistref Sirol Bro Ŵy" in texts["alliance"] and "Rhiannon Llŷr" in texts["alliance"]


def test_the_welsh_grant_is_an_offer_letter_with_the_welsh_duties(texts):
    text = flat(texts["grant"])
    assert "Grant Offer Letter" in text and "Welsh language and well-being" in text
    assert "standards that bind the Council under the Welsh Language (Wales) Measure 2011" in text
    assert "well-being objectives under section 3 of the Well-being of Future Generations (Wales) Act 2015" in text


def test_a_cio_signs_by_trustees_not_by_an_officer(texts):
    """The Welsh samples name a trustee as a CIO's first signatory: a chief executive is an employee, not a
    charity trustee, so a block reading 'Charity trustee ... Position: Chief Executive' is wrong."""
    # r22 al-fresh 8: a CIO whose sheet names one signatory (its chair) signs a simple contract by that authorised
    # signatory; no two-trustee block is invented, and the chair, not an officer, is named
    for family in WELSH:
        text = flat(texts[family])
        assert "acting by two of its charity trustees:" not in text
        assert "Position: Chair of Trustees" in text


def test_the_welsh_housing_alliance_keeps_people_housed_on_exit(texts):
    text = flat(texts["alliance"])
    assert "supported standard contract" in text and "keeps a home" in text
    assert "Delivered by" in text  # Schedule 1 allocates each service to its Provider


def test_an_english_draft_keeps_the_english_law(catalogue, tmp_path):
    text = flat(soffice_text(assemble_to(ENGLISH_GRANT, tmp_path / "e.docx", catalogue, notes="inline")))
    assert "section 42(1) of the Care Act 2014" in text and "section 11 of the Children Act 2004" in text
    assert "bank holiday in England under" in text
    assert "Senedd" not in text and "Wales Safeguarding Procedures" not in text


def test_an_english_housing_alliance_has_no_welsh_housing_law(catalogue, tmp_path):
    english = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"
    text = flat(soffice_text(assemble_to(english, tmp_path / "a.docx", catalogue, notes="inline")))
    assert [w for w in WELSH_HOUSING + ["Renting Homes", "Housing Support Grant"] if w in text] == []


def test_the_welsh_housing_alliance_deals_with_the_housing_support_grant(texts):
    """Welsh housing support is paid from an annual grant: its terms flow down, a fall in it reduces the
    Annual Values (with a way out for a Provider) rather than ending the Agreement, and the council's share of
    Gain stays with the grant."""
    text = flat(texts["alliance"])
    assert "Housing Support Grant" in text and "Housing functions" in text
    assert "must not use any payment under this Agreement for anything that is not eligible spending" in text
    assert "reduce the Annual Values of the Providers" in text and "may leave the Alliance by giving at least 3 months' notice" in text
    # the sample gives no gate on Gain (r18b al-fresh finding 2), so there is no withheld share to apply
    assert "applies its own share of any Gain to the housing-related support" in text
    assert "section 76 of the Social Services and Well-being (Wales) Act 2014" in text


def test_the_welsh_council_is_bound_in_its_housing_capacity(texts):
    """The council contracts as local housing authority (recital): that capacity cannot also be one 'other
    than as a Party' that the agreement does not touch."""
    text = flat(texts["alliance"])
    assert "licensing authority, housing authority" not in text
    assert "in performing this Agreement in that capacity it acts as a Party and is bound by its obligations" in text


def test_the_welsh_language_standards_apply_to_the_services(texts):
    """A service delivered for a council bound by the standards is the council's own: the partner makes the
    active offer and follows the standards, not only those the council names on request."""
    text = flat(texts["alliance"])
    assert "offer the service in Welsh at its first contact with each person" in text
    assert "record each person's choice of language" in text
    assert "so far as the Commissioner tells it in writing that they apply" not in text


def clause_ids(sheet_text: str, tmp_path, catalogue) -> set[str]:
    """The clause ids a variant of the Welsh alliance sample assembles to (no Word file needed)."""
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet

    path = tmp_path / "variant.yaml"
    path.write_text(sheet_text, encoding="utf-8")
    document = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
    return {c.id for c in document.clauses}


WELSH_PURPOSE = """help young people aged 16 to 24 who are homeless or at risk of homelessness to find and keep a
    home, and to move on into education, training or work"""


@pytest.mark.parametrize("purpose, services, expected", [
    # homelessness: the council contracts as housing authority, and the grant terms apply
    (None, None, {"alliance.wales-housing-functions", "alliance.wales-housing-support-grant"}),
    # a refuge: housing support paid from the grant, but no homelessness functions recited
    ("give women and children escaping domestic abuse a safe place to stay and support to rebuild their lives",
     ("Refuge accommodation for women and children (42 units)", "Outreach support for women in their own communities"),
     {"alliance.wales-housing-support-grant"}),
    # community wellbeing: neither
    ("help adults with low-level mental health needs to stay well and connected",
     ("Community wellbeing support for adults", "Peer support groups in every town"), set()),
])
def test_the_welsh_housing_clauses_follow_the_services(catalogue, tmp_path, purpose, services, expected):
    text = WELSH["alliance"].read_text(encoding="utf-8")
    assert WELSH_PURPOSE in text
    if purpose:
        text = text.replace(WELSH_PURPOSE, purpose)
        text = text.replace("Supported accommodation for young people aged 16 to 24 (42 units)", services[0])
        text = text.replace("Floating support for young people in their own tenancies", services[1])
    ids = clause_ids(text, tmp_path, catalogue)
    assert {"alliance.wales-housing-functions", "alliance.wales-housing-support-grant"} & ids == expected


def test_an_english_housing_alliance_has_no_welsh_housing_clauses(catalogue, tmp_path):
    english = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"
    ids = clause_ids(english.read_text(encoding="utf-8"), tmp_path, catalogue)
    assert not {"alliance.wales-housing-functions", "alliance.wales-housing-support-grant"} & ids
