"""The co-investment family end to end: samples validate and assemble into the expected draft, the
Word file is clean and stable, LibreOffice reads the same numbers the model resolved, and bad input is
reported by file, line and field without writing anything."""

from __future__ import annotations

import re
from pathlib import Path
from decimal import Decimal

import pytest
from click.testing import CliRunner

from assembler.assemble import assemble
from assembler.cli import main
from assembler.errors import UserError
from assembler.model import Clause, Ref, Table, iter_paragraphs, plain_text
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import read_termsheet, validate
from tests.conftest import DRAFT_DATE, assemble_to, audit, samples, soffice_text

SAMPLES = samples("co-investment")
HOMES = next(p for p in SAMPLES if p.stem == "affordable-homes-partnership")
HUB = next(p for p in SAMPLES if p.stem == "community-asset-lease")


def test_there_are_at_least_two_samples():
    assert len(SAMPLES) >= 2


SAMPLES_TEXT = {p.stem: p.read_text(encoding="utf-8") for p in SAMPLES}


@pytest.fixture(scope="module")
def drafts(catalogue):
    return {p.stem: assemble(read_termsheet(p, catalogue), catalogue, today=DRAFT_DATE) for p in SAMPLES}


def clause(doc, clause_id: str) -> Clause:
    return next(c for c in doc.all_clauses() if c.id == clause_id)


def text_of(c: Clause) -> str:
    return "\n".join(p.text for p in iter_paragraphs(c.blocks))


def tables(c: Clause) -> list[list[list[str]]]:
    return [[[plain_text(cell) for cell in row] for row in [b.header, *b.rows]]
            for b in c.blocks if isinstance(b, Table)]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_validates_without_errors(catalogue, path):
    sheet = read_termsheet(path, catalogue)
    assert sheet.family == "co-investment"
    result = assemble(sheet, catalogue, today=DRAFT_DATE)
    assert [f for f in result.findings if f.severity == "error"] == []
    assert result.document.schedules


def test_housing_partnership_draft(drafts):
    doc = drafts["affordable-homes-partnership"].document
    assert [p.name for p in doc.parties] == [
        "Trentvale District Council", "Pathway Homes & Support",
        "Keystone Social Property Fund Limited", "St Hugh's Community Foundation"]
    assert [p.role for p in doc.parties] == ["authority", "delivery", "investors", "investors"]
    ids = [c.id for c in doc.clauses]
    for expected in ("co-investment.vehicle", "co-investment.conditions-precedent", "co-investment.acquisition",
                     "co-investment.asset-transfer", "co-investment.nominations", "co-investment.security",
                     "co-investment.clawback", "co-investment.disposal", "co-investment.subsidy-control",
                     "co-investment.end-of-term", "common.disputes"):
        assert expected in ids
    assert [c.id for c in doc.schedules] == [
        "co-investment.schedule-properties", "co-investment.schedule-contributions",
        "co-investment.schedule-waterfall", "common.schedule-data-sharing", "co-investment.schedule-criteria",
        "co-investment.schedule-outcomes", "co-investment.schedule-restriction", "co-investment.schedule-agreed-forms",
        "co-investment.schedule-exit"]
    # Positions: the sample chooses the authority option; the rest are standard.
    assert clause(doc, "co-investment.end-of-term").variant == "authority-option"
    assert clause(doc, "co-investment.asset-transfer").variant == "transfer"
    assert clause(doc, "co-investment.clawback").variant == "full"
    # The option price is stated in the Agreement's own defined terms, not the approval's words.
    # r14 ci-sample 12: the greater of two limbs, then who values.
    assert ("is the greater of:\nits Market Value, subject to the tenancies of it then in place, as at the date of the "
            "notice of exercise, less its Attributable Contribution (in pounds, not indexed), or nil if its Attributable "
            "Contribution is more; and\n[its Release Amount].\nAny valuation needed to fix the price is made by a RICS") in text_of(
        clause(doc, "co-investment.end-of-term"))
    definitions = {d.term: plain_text(d.inlines) for d in doc.definitions}
    assert definitions["Investor"] == "each of the Fund and the Foundation, and any person that becomes bound as an Investor under clause 10.7"
    assert definitions["Authority Grant"].startswith("the cash grant of £2,600,000 (two million six hundred thousand pounds)")
    assert "Secretary of State has given" not in text_of(clause(doc, "co-investment.conditions-precedent"))
    assert "section 124(2) and (3) of the Charities Act 2011" in text_of(clause(doc, "co-investment.conditions-precedent"))


def test_property_schedule_has_one_row_per_property(drafts):
    doc = drafts["affordable-homes-partnership"].document
    [table] = tables(clause(doc, "co-investment.schedule-properties"))
    assert table[0] == ["No.", "Address", "Title number", "Tenure", "Held for", "Homes (beds)", "Value", "Price paid",
                        "Attributable Contribution per home"]  # r21 ci-sample 17  # the paragraph above says it is the Attributable Contribution of each home
    rows = table[1:-1]
    assert len(rows) == 8
    assert rows[7][1:6] == ["2 O'Brien Court, Trentborough TB21 1TT", "LL209310", "Freehold", "General purposes", "1 (2-bed)"]
    # Clawback follows each home: a nil-price transfer attributes the whole valuation to the one home, and
    # the £2,600,000 grant pays for the 52 homes to be bought and is attributed only to them (r15 ci-sample 2).
    assert rows[7][6:] == ["£85,000", "£0", "£85,000"]
    assert table[-1] == ["Total", "", "", "", "", "8", "£640,000", "£0", "£640,000"]


def test_contributions_add_up_in_the_draft(drafts):
    """The commissioner sees each line, the subtotals, the total and the stated total."""
    doc = drafts["affordable-homes-partnership"].document
    summary, investments, drawdowns = tables(clause(doc, "co-investment.schedule-contributions"))
    lines = {tuple(r[:2]): r[3] for r in summary[1:]}
    assert lines[("Council", "Capital grant from the Council's housing capital programme")] == "£2,600,000"
    assert lines[("Foundation", "Subordinated social investment, repaid in one sum after ten years")] == "£500,000"
    assert summary[-2] == ["Total of all Contributions", "", "", "£5,990,000"]
    assert summary[-1] == ["Total stated in the approval", "", "", "£5,990,000"]
    amounts = [Decimal(r[3].lstrip("£").replace(",", "")) for r in summary[1:]
               if r[1] and not r[0].endswith("subtotal")]
    assert sum(amounts) == Decimal(5990000)
    assert investments[1] == ["Fund", "£2,000,000", "4.5%", "Fixed rate on capital outstanding, owed whatever the income",
                              "Twenty equal yearly instalments of capital and return (see below)", "4 July 2049",
                              "£153,752.29 (capital and return)"]
    # the explanation is a paragraph under the table, not a narrow column (r18b ci-fresh finding 23)
    assert ("Repayment of the capital of the Fund: return only, at 4.5% a year (simple, calculated daily on a 365-day year) "
            "on capital drawn and outstanding, paid yearly in arrear on 4 July 2028 and 4 July 2029 (the first payment "
            "for the period from its drawdown); then twenty equal yearly instalments of capital and that year's return, "
            "from 4 July 2030.") in text_of(clause(doc, "co-investment.schedule-contributions"))
    assert investments[2][3].endswith("not cumulative") and investments[2][5:] == ["31 May 2037", "Up to £10,000 (return on the full capital)"]
    assert drawdowns[-1] == ["Total", "", "£5,350,000", ""]
    assert len(drawdowns) == 1 + 6 + 1


def test_waterfall_orders_fixed_before_surplus_share(drafts):
    doc = drafts["affordable-homes-partnership"].document
    [table] = tables(clause(doc, "co-investment.schedule-waterfall"))
    steps = [(r[0], r[1]) for r in table[1:]]
    assert [s[0] for s in steps] == ["1", "2", "3", "4", "5", "6"]
    assert steps[0][1] == "Operating Costs" and steps[1][1] == "Payment into the Repairs Reserve"
    assert steps[2][1].startswith("Fixed Investor Return to the Fund at 4.5%")
    # r16 ci-sample 1: the Foundation's capital, due in one sum, is built up year by year before its own capped
    # share of what remains and before any surplus, and surplus is swept into the reserve until it holds the capital.
    assert steps[3][1].startswith("Payment into the Capital Repayment Reserve towards the Investment Capital of the Foundation")
    # r23 ci-sample 6: paid out of each Partnership Year's Gross Income, not "due on 1 July", a month into a year
    # whose income the Debt Service Retention does not hold for it.
    assert table[4][2].startswith("£55,555.56 out of the Gross Income of each Partnership Year from the one starting on "
                                  "1 June 2028 to the one starting on 1 June 2036 (£500,000 over nine years: £55,555.56 "
                                  "in each of the first eight and £55,555.52 in the last), with any shortfall carried "
                                  "forward")  # r21 ci-sample 11: no 4p over
    assert "due on 1 July" not in table[4][2]
    assert table[4][2].endswith("paid before any share of what remains")
    assert steps[4][1].startswith("Share of what remains to the Foundation")
    assert table[6][2] == "The balance, after any further payment into the Capital Repayment Reserve set out below"
    assert steps[5][1].startswith("Partnership Surplus")
    # The reserve is the term sheet's share of Gross Income, not "at least" it.
    assert table[2][2] == "8% of the whole Gross Income (not of the Partnership Surplus)"  # r20 ci-sample 2


def test_outcomes_framework_shows_how_homes_add_up(drafts):
    doc = drafts["affordable-homes-partnership"].document
    homes, outcomes = tables(clause(doc, "co-investment.schedule-outcomes"))
    assert homes[1][1] == "8" and homes[2][1] == "52" and homes[3] == ["Total", "60"]
    assert outcomes[1][2] == "40 homes by 30 November 2029 and 60 homes by 31 May 2030"


def test_homes_target_without_homes_to_buy_leaves_out_the_buying_row(catalogue):
    """A scheme that builds or converts its homes has a homes target but buys none: the outcomes table must not
    point at the buying clause, which the draft leaves out (it used to stop the draft being assembled)."""
    text = SAMPLES_TEXT["housing-land-transfer"].replace("homes_to_acquire: 14", "homes_to_acquire: 0").replace("homes_target: 20", "homes_target: 6")
    sheet = validate(load_text(text, "t.yaml"), catalogue)
    doc = assemble(sheet, catalogue, today=DRAFT_DATE).document
    homes = tables(clause(doc, "co-investment.schedule-outcomes"))[0]
    assert [row[0] for row in homes][-1] == "Total"
    assert not any("bought" in row[0] for row in homes)


def test_community_lease_draft(drafts):
    doc = drafts["community-asset-lease"].document
    assert doc.parties[1].name == "Carnegie Hub Harrowfield Limited"
    assert plain_text([doc.parties[1].signatory_name]) == "Tom O'Donnell"
    assert clause(doc, "co-investment.asset-transfer").variant == "lease"
    assert clause(doc, "co-investment.asset-transfer").title == "Lease of properties"
    assert clause(doc, "co-investment.clawback").variant == "tapered"
    assert "reduced by 1/15 of that contribution" in text_of(clause(doc, "co-investment.clawback"))
    assert clause(doc, "common.disputes").variant == "escalation-expert"
    ids = {c.id for c in doc.all_clauses()}
    assert "co-investment.acquisition" not in ids and "co-investment.schedule-criteria" not in ids
    assert "co-investment.nominations" not in ids
    [table] = tables(clause(doc, "co-investment.schedule-properties"))
    assert table[1][3] == "Lease of 35 years out of this title, from and including the Lease Date"
    summary = tables(clause(doc, "co-investment.schedule-contributions"))[0]
    assert summary[-2][3] == summary[-1][3] == "£650,000"
    subsidy = text_of(clause(doc, "co-investment.subsidy-control"))
    assert "minimal financial assistance under section 36" in subsidy
    assert "gross value of £270,000" in subsidy and "total £18,500" in subsidy
    definitions = {d.term: plain_text(d.inlines) for d in doc.definitions}
    assert definitions["Investor"] == "the Lender and any person that becomes bound as an Investor under clause 7.7"
    assert "Acquired Home" not in definitions


# The Word file. ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def words(catalogue, tmp_path_factory):
    """Each sample assembled to .docx once, with LibreOffice's text reading of it."""
    out = {}
    for path in SAMPLES:
        docx = assemble_to(path, tmp_path_factory.mktemp(path.stem) / f"{path.stem}.docx", catalogue)
        out[path.stem] = (docx, soffice_text(docx))
    return out


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_docx_opens_clean(words, path):
    errors, prediction = audit(words[path.stem][0])
    assert errors == []
    assert prediction == "opens-clean"


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_libreoffice_numbers_match_the_model(words, drafts, path):
    """Every numbered paragraph appears with the label the model gave it, and every cross-reference
    in it with the number the model resolved."""
    text = words[path.stem][1]
    lines = [line.strip() for line in text.splitlines()]
    doc = drafts[path.stem].document
    for c in doc.clauses:
        assert f"{c.number}. {c.title}" in lines, c.id
    for c in doc.schedules:
        assert f"Schedule {c.number} {c.title}" in lines, c.id
    checked = refs = 0
    for c in [*doc.clauses, *doc.schedules]:
        for p in iter_paragraphs(c.blocks):
            if not p.number or p.kind != "numbered":
                continue
            start = f"{p.number} {p.text[:50]}"
            match = [line for line in lines if line.startswith(start)]
            assert match, f"{c.id}: no line starts with {start!r}"
            for ref in (i for i in p.inlines if isinstance(i, Ref)):
                assert ref.prefix + ref.label in match[0]
                refs += 1
            checked += 1
    assert re.search(r"^\s*1\.1 ", text, re.MULTILINE) and re.search(r"^\s*\(a\) ", text, re.MULTILINE)
    assert checked > 100 and refs > 20


def test_assembling_twice_gives_identical_files(catalogue, tmp_path):
    a = assemble_to(HOMES, tmp_path / "a.docx", catalogue).read_bytes()
    b = assemble_to(HOMES, tmp_path / "b.docx", catalogue).read_bytes()
    assert a == b


# Bad input. --------------------------------------------------------------------------------------

TEXT = HOMES.read_text(encoding="utf-8")
HUB_TEXT = HUB.read_text(encoding="utf-8")


def line(text: str, needle: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if needle in row)


def problems_for(text: str, catalogue, name: str = "t.yaml") -> list[str]:
    with pytest.raises(UserError) as caught:
        validate(load_text(text, name), catalogue)
    return [str(p) for p in caught.value.problems]


def test_wrong_type_for_a_return_rate(catalogue):
    text = TEXT.replace("return_rate: 4.5", "return_rate: generous")
    assert problems_for(text, catalogue) == [
        f"t.yaml:{line(text, 'generous')}: contributions.investments[0].return_rate: 'generous' is not a "
        "percentage; write a number from 0 to 100, e.g. 12.5"]


def test_unknown_key_gets_a_suggestion(catalogue):
    text = TEXT.replace("  homes_target: 60", "  homes_targt: 60")
    found = problems_for(text, catalogue)
    assert found == [f"t.yaml:{line(text, 'homes_targt')}: partnership.homes_targt: unknown field 'homes_targt' "
                     "(did you mean 'homes_target'?)"]


def test_out_of_range_lease(catalogue):
    text = HUB_TEXT.replace("lease_years: 35", "lease_years: 1500")
    [found] = problems_for(text, catalogue)
    assert found.startswith(f"t.yaml:{line(text, 'lease_years: 1500')}: "
                            "contributions.authority[0].properties[0].lease_years: ")
    assert found.endswith("must be at most 999 (got 1500)")


def test_unknown_tenure(catalogue):
    text = HUB_TEXT.replace("tenure: leasehold", "tenure: commonhold")
    [found] = problems_for(text, catalogue)
    assert found.startswith(f"t.yaml:{line(text, 'commonhold')}: contributions.authority[0].properties[0].tenure: ")
    assert found.endswith("'commonhold' is not one of the choices; choose one of: freehold, leasehold")


def test_leasehold_without_length(catalogue):
    text = HUB_TEXT.replace("          lease_years: 35\n", "")
    [found] = problems_for(text, catalogue)
    assert "contributions.authority[0].properties[0]: a leasehold property needs lease_years" in found


def test_property_contribution_with_an_amount(catalogue):
    text = TEXT.replace("      description: Freehold transfer of eight homes owned by the Council (seven empty; 2 O'Brien Court occupied)\n",
                        "      description: Freehold transfer of eight homes owned by the Council (seven empty; 2 O'Brien Court occupied)\n"
                        "      amount: 640000\n")
    [found] = problems_for(text, catalogue)
    assert "contributions.authority[0]: a property contribution takes its value from the properties' valuations" in found


def test_bad_title_number(catalogue):
    text = TEXT.replace("title_number: LL234517", "title_number: LL-234517")
    [found] = problems_for(text, catalogue)
    assert found.startswith(f"t.yaml:{line(text, 'LL-234517')}: contributions.authority[0].properties[2].title_number: ")


@pytest.mark.parametrize(("name", "old", "new", "date", "needle", "message"), [
    pytest.param("bad.yaml", "return_rate: 4.5", "return_rate: generous", "2026-04-01", "return_rate: 4.5",
                 "contributions.investments[0].return_rate:", id="for-bad-input"),
    pytest.param("short.yaml", "stated_total: 5,990,000", "stated_total: 6,000,000", "2026-12-03", "stated_total:",
                 "contributions.stated_total: COINV-CONTRIBUTIONS-TOTAL", id="when-a-rule-fails"),
])
def test_cli_writes_nothing(tmp_path, name, old, new, date, needle, message):
    sheet = tmp_path / name
    sheet.write_text(TEXT.replace(old, new), encoding="utf-8")
    out = tmp_path / sheet.with_suffix(".docx").name
    result = CliRunner().invoke(main, ["assemble", str(sheet), "-o", str(out), "--date", date])
    assert result.exit_code == 1
    assert f"{sheet}:{line(TEXT, needle)}: {message}" in result.output
    assert not out.exists()
    assert "Traceback" not in result.output


# Every alternative. ------------------------------------------------------------------------------

def _variants(catalogue):
    """The family's own positions (the open-book block's are tested with the block)."""
    out = []
    for name, position in sorted(catalogue.positions("co-investment").items()):
        if name.startswith("open_book_"):
            continue
        for variant in sorted(position.variants):
            out.append((name, variant))
    return out


def test_every_position_offers_alternatives(catalogue):
    positions = catalogue.positions("co-investment")
    for name in ("vehicle", "authority_contribution", "security_ranking", "clawback_basis", "end_of_term"):
        assert len(positions[name].variants) >= 2, name
        for files in positions[name].variants.values():
            assert all(f.header.note for f in files)


def test_every_variant_assembles(catalogue):
    """Each variant of each position, chosen on a sample it fits, assembles without error."""
    fits = {("authority_contribution", "lease"): HUB, ("authority_contribution", "cash"): None}
    extra = {("clawback_basis", "uplift-share"): "clawback:\n  years: 25\n  uplift_share: 50\n"}
    seen = []
    for name, variant in _variants(catalogue):
        path = fits.get((name, variant), HOMES)
        if path is None:
            text = _cash_only(TEXT)
        else:
            text = (TEXT if path == HOMES else HUB_TEXT)
        text = re.sub(r"(?ms)^positions:.*\Z", "", text) + f"positions:\n  {name}: {variant}\n"
        if (name, variant) in extra:
            text = text.replace("clawback:\n  years: 25\n", extra[(name, variant)])
        sheet = validate(load_text(text, f"{name}-{variant}.yaml"), catalogue)
        doc = assemble(sheet, catalogue, today=DRAFT_DATE).document
        chosen = [c for c in doc.all_clauses() if c.position == name]
        assert chosen and all(c.variant == variant for c in chosen), (name, variant)
        seen.append((name, variant))
    assert ("vehicle", "spv") in seen and ("end_of_term", "sale") in seen


def _cash_only(text: str) -> str:
    """The housing sample with the eight homes replaced by a larger cash grant."""
    start = text.index("    - kind: property")
    end = text.index("    - kind: grant")
    text = text[:start] + text[end:]
    text = text.replace("amount: 2,600,000", "amount: 3,240,000").replace("  property_count: 8\n", "")
    text = text.replace("  homes_to_acquire: 52", "  homes_to_acquire: 60")
    return text.replace("    amount: 1,300,000\n", "    amount: 1,620,000\n")


def test_cash_variant_draft(catalogue):
    text = _cash_only(TEXT) + ""
    text = re.sub(r"(?ms)^positions:.*\Z", "", text) + "positions:\n  authority_contribution: cash\n"
    doc = assemble(validate(load_text(text, "cash.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    assert "The Council contributes cash only." in text_of(clause(doc, "co-investment.asset-transfer"))
    # No land: no property schedule, and nothing that presupposes a transfer (definitions, conditions, notes).
    assert "co-investment.schedule-properties" not in [c.id for c in doc.schedules]
    recitals = " ".join(p.text for c in doc.recitals for p in iter_paragraphs(c.blocks))
    assert "best consideration" not in recitals
    body = "\n".join(text_of(c) for c in doc.all_clauses())
    notes = "\n".join(c.note or "" for c in doc.all_clauses())
    for word in ("Transferred Propert", "Transfer Date", "gratuitous benefit", "reported on title to each",
                 "limited title guarantee", "Schedule 1 shows"):
        assert word not in body and word not in notes, word


def test_delivery_organisation_can_contribute_its_own_property(catalogue):
    """The Society also puts in the cottage next door that it owns: it is listed apart from the
    Council's lease, counts towards the total, and is not a Transferred Property."""
    own = (
        "  delivery:\n"
        "    - kind: property\n"
        "      description: The caretaker's cottage next to the library, owned by the Society\n"
        "      properties:\n"
        "        - address: 1 Carnegie Place, Harrowfield HF2 4LB\n"
        "          title_number: WYK771203\n"
        "          tenure: freehold\n"
        "          valuation: 95,000\n"
        "          homes: 1\n"
        "    - kind: own_funds\n"
    )
    text = HUB_TEXT.replace("  delivery:\n    - kind: own_funds\n", own)
    text = text.replace("stated_total: 650,000", "stated_total: 745,000").replace("property_count: 1", "property_count: 2")
    doc = assemble(validate(load_text(text, "own.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    schedule = clause(doc, "co-investment.schedule-properties")
    council, society = tables(schedule)
    assert [r[1] for r in council[1:-1]] == ["The Old Library, 2 Carnegie Place, Harrowfield HF2 4LB"]
    assert society[1] == ["2", "1 Carnegie Place, Harrowfield HF2 4LB", "WYK771203", "Freehold", "1", "£95,000"]
    assert "Two properties are contributed at the start of the Partnership, with a total value of £215,000 " \
           "providing one home." in text_of(schedule)
    summary = tables(clause(doc, "co-investment.schedule-contributions"))[0]
    assert ["Society", "The caretaker's cottage next to the library, owned by the Society", "Property",
            "£95,000"] in summary
    assert summary[-2][3] == summary[-1][3] == "£745,000"
    assert "The Society must hold the properties it contributes" in text_of(clause(doc, "co-investment.contributions"))


def test_agreement_with_an_option_is_a_deed_and_names_every_charged_property(drafts):
    """The fuller sample is signed as a deed (the Charity grants an option); the priority table ranks the
    investors, in order, before the Council's covenants; the restriction is in standard Form L."""
    doc = drafts["affordable-homes-partnership"].document
    assert doc.deed is True
    forms = clause(doc, "co-investment.schedule-agreed-forms")
    [priority] = tables(forms)
    assert [row[:3] for row in priority[1:]] == [
        ["1", "the Fund", "Investor Charge"], ["2", "the Foundation", "Investor Charge"],
        ["3", "the Council", "Covenants in each Transfer and the Authority Restriction; the Authority Option"]]
    text = text_of(forms)
    assert "The Authority Option is postponed to each Investor Charge and does not bind a sale by an Investor" in priority[-1][3]
    assert "every Partnership Property listed in" in text and "section 33 of the Local Government" in text
    restriction = text_of(clause(doc, "co-investment.schedule-restriction"))
    assert restriction.count("No disposition of the registered estate by the proprietor of the registered estate "
                             "or by the proprietor of any registered charge, not being a charge registered before "
                             "the entry of this restriction, is to be registered without a certificate signed by") == 1
    # r20 ci-sample finding 14 (ci16): Form L's optional closing words are used; the note says to check the text
    # against Schedule 4 before lodging
    assert "have been complied with or that they do not apply to the disposition." in restriction
    assert "set the whole text against Form L in the current Schedule 4" in (clause(doc, "co-investment.schedule-restriction").note or "")


def test_missing_terms_are_in_the_draft(drafts):
    """Warranties, works, VAT and SDLT, the liability cap, financial covenants, exit after force majeure and
    a deadlock that does not end in court."""
    doc = drafts["affordable-homes-partnership"].document
    ids = [c.id for c in doc.clauses]
    for wanted in ("co-investment.warranties", "co-investment.works", "co-investment.tax",
                   "co-investment.liability", "co-investment.financial-covenants"):
        assert wanted in ids, wanted
    assert "limited to £5,990,000" in text_of(clause(doc, "co-investment.liability"))
    assert "at least 1.2 times" in text_of(clause(doc, "co-investment.financial-covenants"))
    governance = text_of(clause(doc, "co-investment.governance"))
    assert "No Party may start court proceedings about a deadlock" in governance
    nominations = text_of(clause(doc, "co-investment.nominations"))
    # The Council nominates to every letting, so no counting rule is printed (it means nothing at 100%).
    assert "nominate the tenant for every letting of the homes" in nominations
    assert "counted across all the homes in each year" not in nominations
    assert "no home may be let on an assured shorthold tenancy" in nominations
    hub = drafts["community-asset-lease"].document
    assert "co-investment.financial-covenants" not in [c.id for c in hub.clauses]
    assert "co-investment.works" not in [c.id for c in hub.clauses]


def test_tapered_clawback_keeps_the_asset_lock(drafts):
    doc = drafts["housing-land-transfer"].document
    clawback = text_of(clause(doc, "co-investment.clawback"))
    assert "reduced by 1/20 of that contribution" in clawback
    assert "does not shorten or release the Asset Lock" in clawback
    assert "mortgagee in possession" in clawback
    conditions = text_of(clause(doc, "co-investment.conditions-precedent"))
    assert "consent under section 32 of the Housing Act 1985" in conditions
    assert "section 124(4) of that Act on the charge to the Council" in conditions


def test_a_lease_that_ends_with_the_term_goes_back_to_the_council(catalogue):
    """A lease as long as the partnership term: it ends on the term's last day, its heads protect the lender and
    contract out of Part II of the Landlord and Tenant Act 1954, the building goes back to the Council at the end
    (the Society cannot keep what it no longer holds), and the grant is in the Attributable Contribution."""
    doc = assemble(validate(load_text(HUB_TEXT.replace("lease_years: 35", "lease_years: 15"), "lease.yaml"), catalogue),
                   catalogue, today=DRAFT_DATE).document
    lease = text_of(clause(doc, "co-investment.asset-transfer"))
    assert "for a term of 15 years from and including the Lease Date" in lease
    assert "be contracted out of sections 24 to 28 of the Landlord and Tenant Act 1954" in lease
    assert "to grant a new lease on the same terms for the rest of the term to the Investor, if it asks for one" in lease
    end = text_of(clause(doc, "co-investment.end-of-term"))
    assert "When the lease of a Leased Property ends, the Society must give it back to the Council" in end
    assert "keeps the Partnership Properties" not in end
    # The £120,000 undervalue and the £150,000 grant, both on the one building: £270,000.
    [table] = tables(clause(doc, "co-investment.schedule-properties"))
    assert table[1][-1] == "£270,000"
    # The 35-year lease in the sample outlasts the 15-year term: the Society keeps it after the term.
    hub = assemble(read_termsheet(HUB, catalogue), catalogue, today=DRAFT_DATE).document
    assert "keeps the Partnership Properties" in text_of(clause(hub, "co-investment.end-of-term"))


def test_limited_partnership_investor_acts_by_its_general_partner(catalogue):
    """An English limited partnership has no legal personality: the parties block describes it as acting by its
    general partner, and the general partner executes the deed for it (a company's block)."""
    text = TEXT.replace(
        '  - name: Keystone Social Property Fund Limited\n    short_name: Fund\n    legal_form: company\n'
        '    company_number: "11223344"\n',
        '  - name: Keystone Social Property Fund LP\n    short_name: Fund\n    legal_form: limited_partnership\n'
        '    company_number: LP021457\n    general_partner: Keystone GP Limited\n    general_partner_number: "11223344"\n')
    result = assemble(validate(load_text(text, "lp.yaml"), catalogue), catalogue, today=DRAFT_DATE)
    assert not [f for f in result.findings if f.rule == "COMMON-LIMITED-PARTNERSHIP"]
    fund = next(p for p in result.document.parties if p.short_name == "Fund")
    assert fund.description == ("a limited partnership registered in England and Wales under the Limited Partnerships Act 1907 (registered "
                                "number LP021457), acting by its general partner Keystone GP Limited (company number "
                                "11223344)")
    first = plain_text(fund.execution[0])
    assert first.startswith("Executed as a deed by Keystone Social Property Fund LP, acting by its general partner "
                            "Keystone GP Limited, acting by a director")


def test_an_exempt_charity_states_that_it_is_exempt_in_the_transfer_and_the_charge(catalogue):
    """A charitable registered society is an exempt charity: the transfer and charge say so (Charities Act 2011
    ss.122(2) and 125 as amended), never that it is "a charity that is not an exempt charity"."""
    text = HOMES.read_text().replace('  legal_form: charitable_company\n  company_number: "04356789"\n  charity_number: "1098765"\n',
                                     '  legal_form: exempt_charity_society\n  society_number: RS008123\n')
    doc = assemble(validate(load_text(text, "exempt.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    forms = text_of(clause(doc, "co-investment.schedule-agreed-forms"))
    assert "held by Pathway Homes & Support, an exempt charity" in forms
    assert "the charity is an exempt charity" in forms
    assert "not an exempt charity" not in forms
    charity = text_of(clause(assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document,
                             "co-investment.schedule-agreed-forms"))
    assert "a charity that is not an exempt charity" in charity


def test_refurbishment_of_the_transferred_homes_gives_the_lenders_a_collateral_warranty(catalogue):
    """The works budget for the Schedule 1 homes: each charging Investor (and the Council, which may buy the homes back)
    gets a direct claim against the main contractor; without a works budget no warranty is asked for."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    works = text_of(clause(doc, "co-investment.works"))
    assert "must also procure for each Investor that holds an Investor Charge over them and for the Council a " \
           "collateral warranty from the main contractor" in works
    text = HOMES.read_text().replace("  works_budget: 100,000\n", "")
    works = text_of(clause(assemble(validate(load_text(text, "nobudget.yaml"), catalogue), catalogue,
                                    today=DRAFT_DATE).document, "co-investment.works"))
    assert "collateral warranty" not in works


def test_a_surplus_share_or_target_return_is_limited_recourse(catalogue):
    """The Foundation's capped share of surplus is paid only from what is left at its step of the waterfall: a shortfall
    is no breach and no Default Event; the Fund's fixed return stays a debt."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    returns = text_of(clause(doc, "co-investment.returns-surplus"))
    assert "The Investor Return of the Foundation is payable only from the Gross Income left at its step of Schedule 3" \
           in returns
    assert "a shortfall in it is not a breach of this Agreement and not a Default Event" in returns
    assert "of the Fund is payable only" not in returns and "the Fund and the Foundation is payable" not in returns


def test_limited_recourse_return_is_owed_at_maturity_only_so_far_as_payable(catalogue):
    """Where a return is limited recourse, the maturity, exit and liability clauses owe it only so far as clause 11.3
    makes it payable, and an instalment of capital missed for want of income is carried to the Maturity Date and is not
    a Default Event; with fixed returns only, none of this is said."""
    text = HOMES.read_text().replace("return_basis: fixed\n      repayment: amortising",
                                     "return_basis: target\n      cumulative: true\n      repayment: amortising")
    assert "return_basis: target\n      cumulative: true\n      repayment: amortising" in text
    doc = assemble(validate(load_text(text, "target.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    returns = text_of(clause(doc, "co-investment.returns-surplus"))
    assert ("An instalment of the Fund's Investment Capital not paid in a year because the Gross Income left at its "
            "step of Schedule 3 is not enough is carried forward and is due in full on the Maturity Date") in returns
    for cid in ("co-investment.liability",):  # this sample's end-of-term variant repays on sale instead
        body = text_of(clause(doc, cid))
        # the Foundation's capped share is not carried forward, so the clause says it is owed none (r18b finding 13)
        assert ("then outstanding and any Investor Return then carried forward (an Investor whose return is not "
                "carried forward from year to year being owed none), so far as clause") in body
        assert "Investment Capital and Investor Return then outstanding" not in body
    # Fixed returns only (the community lease): a full debt, and no carried-forward instalment.
    fixed = assemble(read_termsheet(HUB, catalogue), catalogue, today=DRAFT_DATE).document
    assert "makes it payable" not in text_of(clause(fixed, "co-investment.end-of-term"))
    assert "is carried forward and is due in full" not in text_of(clause(fixed, "co-investment.returns-surplus"))


def test_cover_note_counts_the_stresses_below_one_truthfully(catalogue):
    """The clause 12 note says how many stresses leave net income short of the debt service, not just the worst one;
    and where the cover test counts a target return at its full rate it offers the options (quiet with fixed returns)."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    note = clause(doc, "co-investment.financial-covenants").note
    assert "and in one (voids at 10%, rents 10% lower and costs 20% higher) net income does not cover" in note
    assert "does not even meet" not in note
    text = HOMES.read_text().replace("operating_cost_per_home: 1,500", "operating_cost_per_home: 1,850") \
        .replace("return_basis: fixed\n      repayment: amortising",
                 "return_basis: target\n      cumulative: true\n      repayment: amortising")
    note = clause(assemble(validate(load_text(text, "weak.yaml"), catalogue), catalogue, today=DRAFT_DATE).document,
                  "co-investment.financial-covenants").note
    below_one = re.search(r"in (\w+) of them net income does not cover the debt service at all", note)
    assert below_one and below_one.group(1) in {"two", "three", "four", "five", "six"}
    land = clause(assemble(validate(load_text(SAMPLES_TEXT["housing-land-transfer"], "land.yaml"), catalogue),
                           catalogue, today=DRAFT_DATE).document, "co-investment.financial-covenants").note
    assert "A target return is not a debt" in land and "is never a Default Event, and a failed plan for it" in land
    assert "share of what remains" not in land
    fixed = assemble(read_termsheet(HUB, catalogue), catalogue, today=DRAFT_DATE).document
    quiet = "\n".join(c.note or "" for c in fixed.all_clauses())
    assert "three-year rolling average" not in quiet and "A target return is not a debt" not in quiet


def test_nominations_note_speaks_of_lha_only_under_lha(catalogue):
    """The Local Housing Allowance cap by bedrooms is stated only where the sheet sets lha_by_bedrooms; a social-rent
    cap under the Rent Standard is said once, and the nominations heads point to the clause's cap."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "capped at the Local Housing Allowance rate for the home's bedrooms" in clause(doc, "co-investment.nominations").note
    assert "the rent cap for each home by the number of its bedrooms" in text_of(clause(doc, "co-investment.schedule-agreed-forms"))
    text = HOMES.read_text().replace("  registered_provider: false\n", "  registered_provider: true\n  lha_by_bedrooms: false\n") \
        .replace("rent_cap: the Local Housing Allowance for the Broad Rental Market Area",
                 "rent_cap: social rent under the Regulator of Social Housing's Rent Standard")
    assert "lha_by_bedrooms: false" in text
    social = assemble(validate(load_text(text, "social.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    note = clause(social, "co-investment.nominations").note
    assert "Local Housing Allowance" not in note and "Rent Standard permits" not in note
    assert "Rents are capped at social rent under the Regulator of Social Housing's Rent Standard" in note
    forms = text_of(clause(social, "co-investment.schedule-agreed-forms"))
    assert "by the number of its bedrooms" not in forms and "the rent cap in clause" in forms


def test_vehicle_note_gives_the_councils_net_contribution(catalogue):
    """The clause 2 note gives the Council's grant plus its undervalue (what the Attributable Contribution counts), not
    the gross value of the land plus the grant."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    note = clause(doc, "co-investment.vehicle").note
    assert "pays a grant of £2,600,000 and transfers land at an undervalue of £640,000: £3,240,000 in all" in note


def test_no_replacement_home_mechanism_without_one(catalogue):
    """With no homes to buy and a lease, the definitions point to the reinvestment paragraph of the clawback clause,
    not to a replacement-home mechanism in the disposal clause that is not there, and say nothing of homes bought."""
    text = HUB_TEXT
    doc = assemble(validate(load_text(text, "hub.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    words = "\n".join(text_of(c) for c in doc.all_clauses())
    if "homes_to_acquire: 0" in text or "homes_to_acquire" not in text:
        assert "bought to replace" not in words
        assert "becomes a Partnership Property under clause" in words
    homes = "\n".join(text_of(c) for c in assemble(read_termsheet(HOMES, catalogue), catalogue,
                                                     today=DRAFT_DATE).document.all_clauses())
    assert "bought to replace" in homes


def test_limited_partnership_signatory_who_directs_its_general_partner_fills_the_deed_block(catalogue):
    """A limited partnership signs by its general partner acting by a director: a signatory stated to be a director
    of the named general partner fills the block; a job title alone ("Investment Director") leaves it for signing."""
    lp = HOMES.read_text().replace('''    legal_form: company
    company_number: "11223344"
    address: 40 Queen Square''', '''    legal_form: limited_partnership
    company_number: LP021947
    general_partner: Keystone GP Limited
    general_partner_number: "13804527"
    address: 40 Queen Square''')
    assert "general_partner: Keystone GP Limited" in lp
    named = assemble_to_text(lp.replace("position: Investment Director", "position: Director of Keystone GP Limited"),
                             catalogue)
    assert "Name: Ruth Oyelaran" in named and "name of Fund's director" not in named
    titled = assemble_to_text(lp, catalogue)
    assert "name of Fund's director" in titled


def assemble_to_text(text, catalogue):
    doc = assemble(validate(load_text(text, "lp.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    fund = next(p for p in doc.parties if p.short_name == "Fund")
    return "\n".join(plain_text(line) for line in fund.execution)


def test_notes_do_not_admit_unread_sources(catalogue):
    """Notes say what to check against the current text of a source, never that it was not read."""
    for path in SAMPLES:
        doc = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
        notes = "\n".join(c.note or "" for c in doc.all_clauses())
        assert "we have not" not in notes and "we could not" not in notes, path.stem


def test_works_vat_note_raises_group_5_zero_rating_for_a_registered_provider(catalogue):
    """A registered provider converting a building may have the contractor's conversion services zero-rated
    (Group 5 item 3): the works note says so for one, and not for a charity that is not registered."""
    def works_note(text):
        doc = assemble(validate(load_text(text, "w.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
        return clause(doc, "co-investment.works").note or ""
    plain = SAMPLES_TEXT["affordable-homes-partnership"]
    assert "Group 5 item 3" not in works_note(plain)
    rp = plain.replace('  legal_form: charitable_company\n  company_number: "04356789"',
                       '  legal_form: registered_provider\n  rsh_number: L4297\n  company_number: "04356789"')
    assert "rsh_number: L4297" in rp
    note = works_note(rp)
    assert "whether VAT on the works can be recovered" in note
    assert "may be zero-rated (Value Added Tax Act 1994 Sch. 8 Group 5 item 3 and note 21" in note


def test_share_of_what_remains_only_where_an_investment_has_that_basis(catalogue):
    """A target return alone: the waterfall and Scheduled Debt Service speak of a target return only; with a capped
    share of surplus (the homes sample) they speak of a share of what remains."""
    land = assemble(validate(load_text(SAMPLES_TEXT["housing-land-transfer"], "land.yaml"), catalogue), catalogue,
                    today=DRAFT_DATE).document
    assert "share of what remains" not in "\n".join(text_of(c) for c in land.all_clauses())
    homes = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "share of what remains" in "\n".join(text_of(c) for c in homes.all_clauses())


def _land_pari_passu() -> str:
    """The housing-land sample with the Council's charge ranking equally with the Fund's, an uplift-share clawback,
    and one flat worth £100,000 more after its works (so that there is an uplift to share)."""
    text = SAMPLES_TEXT["housing-land-transfer"]
    text = text.replace("security_ranking: authority-first", "security_ranking: pari-passu")
    text = text.replace("clawback_basis: tapered", "clawback_basis: uplift-share")
    text = text.replace("clawback:\n  years: 20", "clawback:\n  years: 20\n  uplift_share: 50")
    text = text.replace("          valuation: 155000\n", "          valuation: 155000\n          value_after_works: 255000\n", 1)
    assert text.count("pari-passu") == 1 and "value_after_works: 255000" in text
    return text


def test_equal_ranking_states_the_dilution_in_figures_and_ranks_the_uplift_share_after_the_fund(catalogue):
    """r14 ci-fresh 1: an Investor's enforcement is a Clawback Event, so the Council's whole Clawback Amount shared
    pro rata with the Fund's capital and the Fund recovered a fraction of what it lent, with nothing telling it so.
    The uplift share now ranks after the Investor Charges on that enforcement, the note gives the figures (worked
    here by hand), and the loan-to-value covenant says that it measures the capital against the whole value."""
    from assembler.credit.co_investment import pari_passu

    sheet = validate(load_text(_land_pari_passu(), "land.yaml"), catalogue)
    pp = pari_passu(sheet.model)
    # six flats: undervalue = valuation (no price), plus the £400,000 grant; one flat's value rises by £100,000
    values = [155_000, 155_000, 170_000, 155_000, 155_000, 170_000]
    assert pp.capital == 1_900_000 and pp.contributions == sum(values) + 400_000 and pp.uplift == 50_000
    assert pp.value == sum(values) + 100_000 and pp.uplift_after
    expected = (pp.value * Decimal(1_900_000) / (1_900_000 + pp.contributions)).quantize(Decimal("0.01"))
    assert pp.recovered == expected < pp.capital
    doc = assemble(sheet, catalogue, today=DRAFT_DATE).document
    security = clause(doc, "co-investment.security")
    assert f"would recover about {pp.percent}% of the net proceeds" in security.note
    assert "a secured loan to value of" in security.note
    assert "ranks after the amounts secured by the Investor Charge" in text_of(security)
    assert "ranks after the amounts secured by the Investor Charge" in text_of(clause(doc, "co-investment.clawback"))
    # quiet where the Investors rank first
    homes = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "ranks after the amounts secured by the Investor Charge" not in text_of(clause(homes, "co-investment.clawback"))
    assert "secured loan to value" not in clause(homes, "co-investment.security").note


def test_euv_sh_is_its_own_basis_not_market_value(catalogue):
    """r14 ci-fresh 8: 'Market Value ... on the basis of EUV-SH' mixed two Red Book bases; the covenant now uses a
    defined EUV-SH Value, and the basis rule accepts it (it values the homes let as social housing)."""
    from tests.rules.test_co_investment_rules import fired

    text = SAMPLES_TEXT["affordable-homes-partnership"].replace(
        "valuation_basis: market value subject to existing tenancies",
        "valuation_basis: existing use value for social housing (EUV-SH)")
    sheet = validate(load_text(text, "euv.yaml"), catalogue)
    assert not fired(sheet, catalogue, "COINV-LTV-BASIS")
    covenants = text_of(clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "co-investment.financial-covenants"))
    assert "of the EUV-SH Value of the Partnership Properties" in covenants
    assert "Market Value of the Partnership Properties (on the basis of existing use" not in covenants


def test_a_target_return_shortfall_never_becomes_a_default_through_the_cover_test(catalogue):
    """r14 ci-fresh 2 and ci-sample 10: the cover test counted a target return at its full rate, so a shortfall the
    term sheet says is never a default could become one through a failed plan. A breach the return alone causes
    is now no Default Event; the Test Years end with the tested capital's repayment; and the review pack's Test Years
    count the target-return loan's instalments, as the clause does (they said 'no cover covenant')."""
    from assembler.credit.cashflow import test_years

    text = SAMPLES_TEXT["affordable-homes-partnership"].replace(
        "return_basis: fixed\n      repayment: amortising",
        "return_basis: target\n      cumulative: true\n      repayment: amortising")
    sheet = validate(load_text(text, "target.yaml"), catalogue)
    covenants = text_of(clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "co-investment.financial-covenants"))
    assert "neither the failure to meet the test nor any failure to cure it or to propose or carry out a plan" in covenants
    assert test_years(sheet.model), "the pack's Test Years count the target-return loan the covenant tests"
    homes = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "neither the failure to meet the test" not in text_of(clause(homes, "co-investment.financial-covenants"))
    definitions = "\n".join(p.text for p in iter_paragraphs(clause(homes, "common.definitions").blocks))
    assert re.search(r"Test Year means .* the last being the one in which the Investment Capital of the Fund is repaid in "
                     r"full", definitions)


def test_uplift_is_shared_home_by_home_on_the_valuation_basis_and_a_carried_return_ends_at_maturity(catalogue):
    """r14 ci-fresh 7 and 22: the uplift share was counted on the whole building while the clawback is per home, on
    a basis that differed from the Schedule 1 valuation; and what became of a target return still carried forward
    at maturity was not said. Both are now stated, and only where they apply."""
    text = _land_pari_passu().replace("          bedrooms: 1\n", "          bedrooms: 1\n          homes: 2\n", 1) \
        .replace("homes_target: 20", "homes_target: 21")
    doc = assemble(validate(load_text(text, "land.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    clawback = text_of(clause(doc, "co-investment.clawback"))
    assert "on the same basis as its valuation shown in Schedule" in clawback
    assert "by the number of homes affected by the Clawback Event and divided by the number of homes in the property" \
        in clawback
    waterfall = text_of(clause(doc, "co-investment.schedule-waterfall"))
    assert "A shortfall carried forward is paid before the return for the year in which it is paid" in waterfall
    assert "is extinguished when that Investor's Investment Capital has been repaid in full" in waterfall
    single = text_of(clause(assemble(validate(load_text(_land_pari_passu(), "land.yaml"), catalogue), catalogue,
                                     today=DRAFT_DATE).document, "co-investment.clawback"))
    assert "divided by the number of homes in the property" not in single
    homes = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "extinguished" not in text_of(clause(homes, "co-investment.schedule-waterfall"))


def test_the_councils_net_contribution_and_the_clawback_choices_are_stated(catalogue):
    """r14 ci-fresh 5 and ci-sample 5: Schedule 2 counted a property at its full value although the delivery body
    pays for it, with nothing saying where that payment comes from; and the full clawback and the equal split of
    the grant read as agreed terms, with homes carrying more than their value."""
    text = SAMPLES_TEXT["housing-land-transfer"].replace("          valuation: 155000\n",
                                                         "          valuation: 155000\n          consideration: 5000\n", 1)
    sheet = validate(load_text(text, "land.yaml"), catalogue)
    schedule = text_of(clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "co-investment.schedule-contributions"))
    net = sheet.model.contributions.authority_total - 5000
    assert f"in addition to its cash Contributions, so the net contribution of the Council is £{net:,.0f}" in schedule
    homes = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "net contribution of the Council" not in text_of(clause(homes, "co-investment.schedule-contributions"))
    note = clause(homes, "co-investment.clawback").note
    # r15 ci-sample 2: the grant is attributed only to the fifty-two homes it buys, so a transferred home carries its
    # own value (£78,000 at 12 Sandsfield Lane), never more, and the option price there is not nil
    assert "it is not an agreed term, and nor is the division of the Authority Grant equally between the homes bought" in note
    assert "£50,000 a home, the grant divided between the fifty-two homes it pays for" in note
    assert "for example" not in note and "more than the home is worth" not in note
    schedule = tables(clause(homes, "co-investment.schedule-properties"))[0]
    assert schedule[1][0:2] == ["1", "12 Sandsfield Lane, Trentborough TB21 2AB"] and schedule[1][-1] == "£78,000"
    assert schedule[-1][-1] == "£640,000"


def _lp_lender(text: str) -> str:
    """The community hub sample (a lease) with its lender an English limited partnership acting by its general partner."""
    old = '    legal_form: community_interest_company\n    company_number: "12845671"\n'
    assert old in text
    return text.replace(old, '    legal_form: limited_partnership\n    company_number: LP021947\n'
                             '    general_partner: Pennine Community GP Limited\n    general_partner_number: "13804527"\n')


def test_a_limited_partnership_investor_holds_its_charge_and_any_new_lease_through_its_general_partner(catalogue):
    """An English limited partnership has no legal personality and cannot hold a legal charge or a lease (r14 ci-fresh
    finding 4): the Investor Charge is granted to its general partner for it, a new lease on disclaimer goes to the
    general partner or its nominee, and the charge's terms deal with a change of general partner. A company investor
    reads as before."""
    def draft(text):
        return assemble(validate(load_text(text, "hub.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    lp = draft(_lp_lender(SAMPLES_TEXT["community-asset-lease"]))
    definition = next(d for d in lp.definitions if d.term == "Investor Charge")
    assert ("(for the Lender, which as a limited partnership cannot itself hold a legal charge, the charge is granted to "
            "Pennine Community GP Limited, or its successor as general partner, as general partner of, and for the account "
            "of, the Lender)") in plain_text(definition.inlines)
    lease = text_of(clause(lp, "co-investment.asset-transfer"))
    assert "(for the Lender, to its general partner, or a nominee it names, holding the new lease for the Lender)" in lease
    forms = text_of(clause(lp, "co-investment.schedule-agreed-forms"))
    assert "in favour of its general partner Pennine Community GP Limited as general partner of, and for the account of" in forms
    assert "on any change of its general partner the outgoing general partner must transfer the charge" in forms
    assert "Limited Partnerships Act 1907" in (clause(lp, "co-investment.security").note or "")
    company = draft(SAMPLES_TEXT["community-asset-lease"])
    whole = "\n".join(text_of(c) for c in company.all_clauses())
    assert "general partner" not in whole


def test_a_lease_reads_as_a_lease_and_a_transfer_as_a_transfer(drafts, catalogue):
    """The Council that grants a lease transfers nothing (r14 ci-fresh finding 21): the lease draft's terms are "Lease",
    "Leased Property" and "Lease Date", defined and used; a freehold transfer keeps "Transfer", "Transferred Property" and
    "Transfer Date". The lease binds the tenant from signing, so the 1954 Act notice and declaration come before this
    Agreement is signed (finding 17)."""
    from assembler.resolve import used_terms

    hub = drafts["community-asset-lease"].document
    terms = {d.term for d in hub.definitions}
    assert {"Lease", "Leased Property", "Lease Date"} <= terms
    assert not {"Transfer", "Transferred Property", "Transfer Date"} & (terms | used_terms(hub))
    lease = text_of(clause(hub, "co-investment.asset-transfer"))
    assert "each before this Agreement is signed (this Agreement being the contract by which" in lease
    assert "it is itself the (conditional) contract for the" in (clause(hub, "co-investment.asset-transfer").note or "")
    homes = drafts["affordable-homes-partnership"].document
    terms = {d.term for d in homes.definitions}
    assert {"Transfer", "Transferred Property", "Transfer Date"} <= terms
    assert not {"Lease", "Leased Property", "Lease Date"} & terms


def test_the_property_schedule_states_the_valuation_basis_and_date(catalogue):
    """r14 ci-sample 11 and ci-fresh 18: the schedule says what the value shown is (the unrestricted value of the
    interest contributed, disregarding this Agreement's restrictions) and, where the sheet gives it, the valuation date."""
    text = SAMPLES_TEXT["community-asset-lease"]
    old = "          valuation: "
    assert text.count(old) == 1
    dated = text.replace(old, "          valuation_date: 2026-09-02\n" + old)
    doc = assemble(validate(load_text(dated, "hub.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    schedule = text_of(clause(doc, "co-investment.schedule-properties"))
    assert ("is the unrestricted market value of the interest let (the lease granted, at a peppercorn rent, not the freehold "
            "the Council keeps), disregarding the restrictions that this Agreement places on its use, letting and disposal, "
            "determined by a RICS Registered Valuer as at 2 September 2026") in schedule
    assert tables(clause(doc, "co-investment.schedule-properties"))[0][0][6] == "Value"  # the paragraph below says it is the unrestricted value; a shorter head keeps "Contribution" whole


def test_a_foreseeable_bullet_shortfall_is_met_from_the_charitys_own_resources_with_a_proposed_grace(catalogue):
    """r15 ci-sample 3: on the sample's own figures only £488,905.66 is left for the Foundation's £500,000 due on
    31 May 2037. r20 ci-sample 1: the twelve-month grace in 26.1(i) that answered it was invented ("a patch"). Now the
    default is non-repayment on the Maturity Date from the Schedule 3 sources (the reserve, then the Charity's own
    resources or a consented refinancing), no grace is added, and the note gives the figures, the Charity's reserves
    and the options to take instructions on; a bullet the business plan covers changes nothing. r23 ci-sample 1: a
    shortfall built into the model must not be an immediate Default Event: a bracketed [60] Business Days, flagged in the
    note as the draft's proposal, before step-in and clawback open."""
    short = "due in one sum, is not repaid in full on its Maturity Date"
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    default = clause(doc, "co-investment.default-termination")
    assert f"or because the Investment Capital of the Foundation, {short}" in text_of(default)
    assert ("it does not repay the Investment Capital of the Foundation in full within [60] Business Days after its "
            "Maturity Date from the sources set out in Schedule 3.") in text_of(default)
    assert "twelve months" not in text_of(default) and "twelve months" not in default.note
    assert ("the Capital Repayment Reserve holds only £488,905.66 on 31 May 2037 towards the Foundation's £500,000 due "
            "that day, £11,094.34 short") in default.note
    assert "(the Charity's unrestricted reserves were £3,450,000 at its last accounts)" in default.note
    assert "This draft proposes a period of grace that the commercial terms do not give" in default.note
    assert "only a refinancing can meet it" not in default.note  # £3,450,000 of reserves cover £11,094.34
    poor = SAMPLES_TEXT["affordable-homes-partnership"].replace("unrestricted_reserves: 3,450,000",
                                                                "unrestricted_reserves: 10,000")
    thin = clause(assemble(validate(load_text(poor, "homes.yaml"), catalogue), catalogue, today=DRAFT_DATE).document,
                  "co-investment.default-termination").note
    assert ("(the Charity's unrestricted reserves were £10,000 at its last accounts, less than that balance, so on these "
            "figures only a refinancing can meet it)") in thin
    assert "(the term this draft uses, which its reserves do not support)" in thin
    waterfall = text_of(clause(doc, "co-investment.schedule-waterfall"))
    assert ("from the Capital Repayment Reserve and, for any balance, from the Charity's own resources held outside the "
            "Partnership Account or from a refinancing consented to under clause") in waterfall
    text = SAMPLES_TEXT["affordable-homes-partnership"].replace("maturity: 2037-05-31", "maturity: 2047-05-31")
    sheet = validate(load_text(text, "homes.yaml"), catalogue)
    assert not sheet.model.derived_context()["credit"].bullet_shortfalls
    quiet = clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "co-investment.default-termination")
    assert short not in text_of(quiet) and "foreseeable gap" not in quiet.note


def test_the_commission_order_is_its_own_condition_and_insurance_and_subsidy_apply_from_signing(catalogue):
    """r15 ci-sample 5 and 6: the s.124 advice and the s.105 order were one broken sentence, with an order over homes
    not yet identified as a condition of completion; and insurance (from the date of this Agreement) and the
    subsidy database deadline (before the long-stop) sat in clauses that took effect only on completion."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    cps = text_of(clause(doc, "co-investment.conditions-precedent"))
    assert ("on each Investor Charge, and have taken every other step that Part 7 of that Act requires for the "
            "transactions to be completed on the Completion Date;") in cps
    # r23 ci-sample 3: the order is no longer a Completion Condition (completion hung on the Commission's timetable):
    # clause 3.3 makes the Charity apply within 20 Business Days after completion, for the homes held then and a
    # general authority over those bought later, and clause 28 makes the grant conditional on the order.
    assert "the Charity Commission has made an order" not in cps
    assert ("Within 20 Business Days after the Completion Date, the Charity must apply to the Charity Commission for an "
            "order under section 105 of the Charities Act 2011, as section 117(1) of that Act requires, sanctioning the "
            "grant of the Authority Option over the Partnership Properties held on the Completion Date and authorising "
            "generally its grant over each home bought later, on the terms of clause 28.") in cps
    assert "nor can the Completion Condition in clause 3.2(i)." in cps  # r23 ci-sample 12: the s.24 condition comes before it
    assert "every Acquired Home" not in cps
    option = text_of(clause(doc, "co-investment.end-of-term"))
    assert ("The grant of the Authority Option is conditional on the order applied for under clause 3.3. Until that "
            "order is made, no property is subject to the Authority Option") in option
    assert "the grant over that home is conditional on the order" in option
    assert "Where that order does not extend to a home bought later" in option
    assert "up to 52 further applications" in clause(doc, "co-investment.end-of-term").note
    signing = next(line for line in cps.split("\n") if "take effect on the date of this Agreement" in line)
    for heading in ("Compliance with law", "Subsidy control", "Insurance"):
        number = next(c.number for c in doc.clauses if c.title == heading)
        assert f"clause {number}," in signing


LAND = next(p for p in SAMPLES if p.stem == "housing-land-transfer")


def test_a_property_to_be_vacated_is_a_completion_condition_not_a_tenancy_taken_over(catalogue):
    """ci-fresh review, finding 2: a secure tenancy the Council must end before the transfer is a
    completion condition, and Schedule 1, the transfer clause and the title warranty say so instead of
    saying there is no tenancy; a sheet without one keeps its wording (quiet)."""
    text = LAND.read_text(encoding="utf-8")
    flat1 = "          use: One-bedroom flat for move-on accommodation\n"
    assert text.count(flat1) >= 1
    vacated = text.replace(flat1, flat1 + "          vacate_before_transfer: the secure tenancy (the tenant is moving "
                           "to another Council flat)\n", 1)
    doc = assemble(validate(load_text(vacated, "v.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    conditions = text_of(clause(doc, "co-investment.conditions-precedent"))
    assert ("the Council has ended the secure tenancy (the tenant is moving to another Council flat) of Flat 1, Canal "
            "House, 3 Wharf Road, Northmoor NM1 4WR, shown in Schedule 1 as to end before the Transfer Date, every "
            "tenant and other occupier has left") in conditions
    assert "no claim to exercise the right to buy" in conditions
    schedule = text_of(clause(doc, "co-investment.schedule-properties"))
    assert ("Flat 1, Canal House, 3 Wharf Road, Northmoor NM1 4WR is at the date of this Agreement occupied under the "
            "secure tenancy") in schedule
    assert "is not one the property is transferred subject to" in text_of(clause(doc, "co-investment.asset-transfer"))
    assert "shown there as to end before the Transfer Date" in text_of(clause(doc, "co-investment.warranties"))
    quiet = assemble(validate(load_text(text, "q.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    assert "to end before the Transfer Date" not in text_of(clause(quiet, "co-investment.conditions-precedent"))
    assert "is not one the property is transferred subject to" not in text_of(clause(quiet, "co-investment.asset-transfer"))


def test_an_investor_that_is_an_unincorporated_charity_is_its_trustees(catalogue):
    """ci-fresh review, finding 1: the trustees are the party, defined together, sign by two under a
    s.333 resolution whose certified copy is a completion condition, and take the Investor Charge."""
    text = LAND.read_text(encoding="utf-8").replace(
        "    short_name: Fund\n    legal_form: company\n    company_number: \"13579246\"\n",
        "    short_name: Fund\n    legal_form: unincorporated_charity\n    charity_number: \"1012437\"\n"
        "    trustees: [Ann Lee, Bo Grant]\n", 1)
    assert "unincorporated_charity" in text
    result = assemble(validate(load_text(text, "t.yaml"), catalogue), catalogue, today=DRAFT_DATE)
    doc = result.document
    fund = next(p for p in doc.parties if p.short_name == "Fund")
    assert fund.name == "Ann Lee and Bo Grant, the trustees for the time being of Harbourside Social Impact Fund Limited"
    assert fund.together
    assert "section 333 of the Charities Act 2011" in text_of(clause(doc, "co-investment.conditions-precedent"))
    assert "a reference to the Fund is a reference to the trustees for the time being" in text_of(clause(doc, "common.definitions"))
    assert "in favour of the trustees of Harbourside Social Impact Fund Limited for the time being" in \
        text_of(clause(doc, "co-investment.schedule-agreed-forms"))
    quiet = assemble(read_termsheet(LAND, catalogue), catalogue, today=DRAFT_DATE).document
    assert "section 333" not in text_of(clause(quiet, "co-investment.conditions-precedent"))
    assert not any(p.together for p in quiet.parties)


def test_an_approved_sale_is_a_permitted_disposal_and_no_investor_can_veto_the_option(catalogue):
    """ci-fresh review, findings 3 and 4: where the draft lets approved sales be reinvested, such a sale
    is a Permitted Disposal (so only unused proceeds trigger clawback), and the Investors' consent to
    listed disposals does not reach the Authority Option or a transfer to a Substitute Provider."""
    homes = HOMES.read_text(encoding="utf-8")
    licence = homes.replace(
        "    - a sale of a home that the Partnership Board approves, with the net proceeds used to buy a replacement home in the Partnership Area\n",
        "    - a licence of a spare room to a volunteer mentor approved by the Council\n", 1)
    assert licence != homes
    doc = assemble(validate(load_text(licence, "l.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    disposal = text_of(clause(doc, "co-investment.disposal"))
    assert "a sale of a Partnership Property that the Partnership Board approves, with the prior written consent of " \
           "the Council" in disposal
    assert "the grant of the Authority Option, a transfer under it or a transfer to a Substitute Provider, needs the prior written " \
           "consent" in disposal
    assert "A transfer under the Authority Option or to a Substitute Provider needs no further consent" in disposal
    clawback = text_of(clause(doc, "co-investment.clawback"))
    assert "(a sale approved under clause" in clawback
    # The sheet lists its own approved sale: it is the anchor, and no second sale item is added.
    listed = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "prior written consent of the Council and" not in text_of(clause(listed, "co-investment.disposal")).split(
        "The Permitted Disposals are")[1].split("Throughout")[0]
    # r18b ci-fresh 5: the listed sale buys a replacement home, so it is drawn in defined terms and named by clause.
    assert "(a sale under clause" in text_of(clause(listed, "co-investment.clawback"))
    # Quiet: no listed disposals, no reinvestment, so no approved sale.
    hub = assemble(read_termsheet(HUB, catalogue), catalogue, today=DRAFT_DATE).document
    assert "approved under" not in text_of(clause(hub, "co-investment.clawback"))
    assert "Partnership Board approves, with the prior" not in text_of(clause(hub, "co-investment.disposal"))


def test_shared_homes_bring_in_the_hmo_management_regulations(catalogue):
    """ci-fresh review, finding 5: homes shared by residents who are not one household are likely HMOs,
    so the management clause applies the 2006 Management Regulations and licensing; homes that are not
    shared do not get the sub-clause (quiet)."""
    text = LAND.read_text(encoding="utf-8")
    shared = text.replace("use: One-bedroom flat for move-on accommodation",
                          "use: Three-bedroom flat shared by three young people", 1)
    assert shared != text
    doc = assemble(validate(load_text(shared, "s.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    ops = clause(doc, "co-investment.operations")
    assert "the Management of Houses in Multiple Occupation (England) Regulations 2006" in text_of(ops)
    assert "under Part 2 or Part 3 of that Act" in text_of(ops)
    assert "s.56" in ops.note
    quiet = assemble(read_termsheet(LAND, catalogue), catalogue, today=DRAFT_DATE).document
    assert "multiple occupation" not in text_of(clause(quiet, "co-investment.operations"))


def test_an_excepted_part_gets_telecoms_heads_only_when_it_is_a_telecoms_site(catalogue):
    """r16 ci-fresh review, finding 4: a substation the authority keeps is excepted with the rights under its own
    lease and neutral access, damage and works heads; the Electronic Communications Code and the roof and
    structure heads come in only when the sheet describes a telecoms installation."""
    anchor = "          lease_years: 35\n"
    assert anchor in HUB_TEXT

    def lease_of(excepted: str) -> Clause:
        text = HUB_TEXT.replace(anchor, anchor + f"          excepted: {excepted}\n", 1)
        doc = assemble(validate(load_text(text, "x.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
        return clause(doc, "co-investment.asset-transfer")

    sub = lease_of("the electricity substation used by Eastern Power Networks plc under a lease dated 3 March 1988")
    assert "Electronic Communications Code" not in text_of(sub) + sub.note
    assert "roof and structure" not in text_of(sub) + sub.note
    assert "together with the rights granted by the lease, wayleave or other agreement under which it is used" in text_of(sub)
    assert "Electricity Act 1989" in sub.note
    mast = lease_of("the rooftop site used under the Electronic Communications Code agreement dated 14 May 2019")
    assert "including an operator under the Electronic Communications Code" in text_of(mast)
    assert "roof and structure that support the excepted part" in text_of(mast)


def test_self_contained_flats_with_a_shared_staff_base_are_not_hmos(catalogue):
    """r16 ci-fresh review, finding 6: self-contained flats that share only a staff base and garden are not
    shared homes, so neither the HMO sub-clause nor the HMO note applies; a shared flat still gets them."""
    text = LAND.read_text(encoding="utf-8")
    flats = text.replace("use: One-bedroom flat for move-on accommodation",
                         "use: Twelve one-bedroom self-contained supported flats with a shared staff base and garden", 1)
    assert flats != text
    doc = assemble(validate(load_text(flats, "f.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    ops = clause(doc, "co-investment.operations")
    assert "multiple occupation" not in text_of(ops) + ops.note
    shared = text.replace("use: One-bedroom flat for move-on accommodation", "use: Flat shared by three young people", 1)
    doc = assemble(validate(load_text(shared, "s.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    assert "multiple occupation" in text_of(clause(doc, "co-investment.operations"))


def test_lease_notes_rely_on_the_lease_covenants_not_a_transfer_and_deed_of_covenant(catalogue):
    """r16 ci-fresh review, finding 10: in a lease deal the notes say the lease covenants bind assignees under the
    Landlord and Tenant (Covenants) Act 1995, not the freehold model's Transfer, s.33 deed and deed of covenant."""
    doc = assemble(read_termsheet(HUB, catalogue), catalogue, today=DRAFT_DATE).document
    forms = clause(doc, "co-investment.schedule-agreed-forms").note
    assert "Landlord and Tenant (Covenants) Act 1995" in forms
    assert "The Transfer is executed" not in forms and "deed of covenant" not in forms
    assert "the Transfer (or the purchase)" not in clause(doc, "co-investment.schedule-restriction").note
    assert "the deed of covenant" not in clause(doc, "co-investment.end-of-term").note


def test_the_property_schedule_total_follows_the_grant_rounding_rule(catalogue):
    """r16 ci-fresh review, finding 9: the definition adds the grant's rounding difference to the last home listed,
    so Schedule 1 shows that home's figure and a total of the whole undervalue and grant, not the rounded share
    times the homes."""
    text = HUB_TEXT.replace("          homes: 0\n", "          homes: 7\n", 1).replace(
        "          valuation: 120,000\n", "          valuation: 140,000\n", 1).replace("  stated_total: 650,000\n", "  stated_total: 670,000\n", 1)
    assert text.count("homes: 7") == 1 and text.count("valuation: 140,000") == 1
    doc = assemble(validate(load_text(text, "r.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    [table] = tables(clause(doc, "co-investment.schedule-properties"))
    # £150,000 grant over 7 homes: £21,428.57 each, the last £21,428.58; undervalue £140,000 over 7: £20,000.
    assert table[1][-1] == "£41,428.57 (homes 1 to 6); £41,428.58 (home 7)"
    assert table[-1][-1] == "£290,000 (all homes)"


def test_tenant_support_names_the_social_care_authority_in_a_two_tier_area(catalogue):
    """r16 ci-fresh review, finding 2 (part): a district council has no social care functions, so the support
    sub-clause names the county council that has them (from the safeguarding authority) instead of the Council's
    own social care services; a council with them keeps the words (quiet)."""
    text = LAND.read_text(encoding="utf-8")
    district = text.replace("  name: Northmoor Borough Council\n", "  name: Northmoor District Council\n", 1)
    district += "safeguarding:\n  people: adults\n  authority: Westshire County Council\n"
    doc = assemble(validate(load_text(district, "d.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    ops = text_of(clause(doc, "co-investment.operations"))
    assert "the Council's housing and other services, and with the social care services of Westshire County Council" in ops
    assert "housing, social care and other services" not in ops
    quiet = assemble(read_termsheet(LAND, catalogue), catalogue, today=DRAFT_DATE).document
    assert "the Council's housing, social care and other services" in text_of(clause(quiet, "co-investment.operations"))


def test_data_sharing_note_checks_paragraph_6_and_a_county_council_that_is_not_a_party(catalogue):
    """r16 ci-fresh 5: the lawful basis names Schedule 1 paragraph 6 for a provider that is not a public body, and
    health data from a county council that is not a Party: the Schedule 4 note says both, and neither check appears
    where the basis does not raise it."""
    from tests.conftest import ROOT
    sheet = read_termsheet(ROOT / "tests" / "rules" / "fixtures" / "co-investment-supported-lease.yaml", catalogue)
    note = " ".join(clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "common.schedule-data-sharing").note.split())
    assert "The table relies on Schedule 1 paragraph 6 (statutory and government purposes)" in note
    assert "The table names a county council, which is not a Party" in note
    plain = clause(assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document,
                   "common.schedule-data-sharing").note
    assert "The table names a county council" not in plain


def test_a_general_consent_identified_only_by_a_report_is_named_with_its_letter_blank(catalogue):
    """r16 ci-sample 2: the s.25 condition relied on 'the paragraph identified in the report to the Council's Cabinet',
    a document outside the Agreement. The condition now names the 2010 general consents (as amended in 2014) with the
    letter left to insert, and the note says which consents exist and what to check; a lettered reference is kept."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    cp = clause(doc, "co-investment.conditions-precedent")
    assert ("are given under General Consent [letter of the general consent relied on] of the General Consents under "
            "section 25 of the Local Government Act 1988 (Local Authority assistance for privately let housing) 2010, as "
            "amended by the general consents issued under that section in 2014, and that every condition") in text_of(cp)
    assert "Cabinet" not in text_of(cp)
    assert "the 2014 general consents added Consent AA and amended Consent B" in cp.note
    assert "s.25(1)(b) for a gratuitous benefit" in cp.note
    text = SAMPLES_TEXT["affordable-homes-partnership"].replace(
        "in the paragraph identified in the report to the Council's Cabinet of 12 March 2026", "General Consent C")
    sheet = validate(load_text(text, "homes.yaml"), catalogue)
    quiet = clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "co-investment.conditions-precedent")
    assert "General Consent C, and that every condition" in text_of(quiet)
    assert "letter of the general consent" not in text_of(quiet) and "Consent AA" not in quiet.note


def test_the_investment_agreements_are_defined_and_this_agreement_prevails(drafts):
    """r16 ci-sample 4: 'loan or investment agreement' was undefined and nothing said how it relates to this
    Agreement; now it is the Investment Agreement, this Agreement prevails, and no payment is due twice."""
    doc = drafts["affordable-homes-partnership"].document
    text = text_of(clause(doc, "co-investment.contributions"))
    assert "If an Investment Agreement conflicts with this Agreement, this Agreement prevails between the Parties." in text
    assert "An Investor must not exercise a right under its Investment Agreement that this Agreement or the Priority Deed restricts." in text
    assert "discharges the same payment under this Agreement." in text
    assert "have signed that Investor's Investment Agreement" in text_of(clause(doc, "co-investment.conditions-precedent"))


def test_the_return_before_rent_is_paid_from_the_charitys_own_cash_and_not_again_from_income(drafts):
    """r16 ci-sample 7: the £7,643.84 accrued before rent could be paid from the Fund's own advance or the
    Foundation's junior capital, and Schedule 3 step 3 did not deduct it from the first payment of return."""
    doc = drafts["affordable-homes-partnership"].document
    assert ("The Charity must pay it from its own cash Contribution, not from the Authority Grant or any Investment "
            "Capital.") in text_of(clause(doc, "co-investment.contributions"))
    [table] = tables(clause(doc, "co-investment.schedule-waterfall"))
    # r20 ci-sample 12: the rule, not the estimate, in the operative text; the figure is in the note.
    assert table[3][2].endswith("less the part of the first payment that accrued before rent starts on 1 September 2027, "
                                "which is paid from cash Contributions under clause 5 and not from Gross Income")
    contributions = clause(doc, "co-investment.contributions")
    assert "£7,643.84" not in text_of(contributions) and "£7,643.84" not in str(table)
    assert ("The return that accrues on capital drawn before rent starts on 1 September 2027 is £7,643.84 if each "
            "drawdown is made on the first date the Drawdown Timetable gives for it") in contributions.note


def test_the_buying_obligation_is_limited_to_the_cash_and_the_all_in_cap_includes_sdlt(drafts):
    """r16 ci-sample 6: the note said the obligation was to buy as many homes as the Contributions allow, but the
    clause did not; and SDLT at the higher rates was outside the all-in cost cap with only £42k of headroom."""
    doc = drafts["affordable-homes-partnership"].document
    acq = clause(doc, "co-investment.acquisition")
    assert ("and let it within six months after buying it [and in any case by 31 May 2030], so far as the cash Contributions "
            "available under this Agreement allow. The Charity is not "
            "obliged to use its other resources to buy homes.") in text_of(acq)
    assert "leave £5,242,356.16 against 52 homes at the all-in cap of £100,000 (£5,200,000): £42,356.16 of headroom" in acq.note
    assert "including fees and any stamp duty land tax, does not exceed £100,000" in text_of(clause(doc, "co-investment.works"))


def test_a_home_transferred_with_an_occupier_needs_agreement_before_completion_and_replacements_are_partnership_property(drafts):
    """r16 ci-sample 8 and 9: how the household at 2 O'Brien Court is dealt with was only an obligation before the
    Transfer Date; now it is a Completion Condition with a note on its status. And a home bought to replace a
    Transferred Property was outside the Partnership Property definition ('one of them' meant bought homes only)."""
    doc = drafts["affordable-homes-partnership"].document
    cp = clause(doc, "co-investment.conditions-precedent")
    assert ("the Council and the Charity have agreed in writing, as clause 9 requires, whether the household occupying "
            "2 O'Brien Court, Trentborough TB21 1TT is to be rehoused by the Council or granted a new tenancy by the "
            "Charity;") in text_of(cp)
    assert "Housing Act 1996 s.209 in its current form" in cp.note
    # r20 ci-sample 17: replacements reach Partnership Property through the Acquired Home definition
    definitions = {d.term: plain_text(d.inlines) for d in doc.definitions}
    assert definitions["Partnership Property"] == "each property listed in Schedule 1 and each Acquired Home"
    assert definitions["Acquired Home"].startswith("each home that the Charity buys with cash Contributions under clause 6, each replacement home it buys under clause 14.7")


def test_the_execution_note_names_the_sheets_signatories_the_deed_blocks_leave_blank(drafts):
    """r16 ci-sample 12: Helen Marsh and Ruth Oyelaran were named in the term sheet but nowhere in the draft. The
    blocks still leave them blank (a seal is attested by the constitution's officer; 'Investment Director' is not shown
    to be a board director), and the note now names them and says when to write them in."""
    doc = drafts["affordable-homes-partnership"].document
    note = next(c.note for c in doc.clauses if c.id == "common.general")
    assert ("The commercial terms name Helen Marsh (Director of Planning, Regeneration and Communities) as the signatory for "
            "the Council, but its seal is attested by the officer its constitution authorises") in note
    assert ("The commercial terms name Ruth Oyelaran (Investment Director) as the signatory for the Fund, but the block is for "
            "a director") in note and "s.44(2)(a)" in note
    assert "Samuel Adeyemi" not in note  # a director of the Charity: the block already names him


def test_stamp_duty_note_works_above_the_two_per_cent_band(catalogue):
    """A fresh-sheet writer's London price cap (£395,000) crashed every command with a traceback: the tax note's
    second band became a float once the cap passed £250,000. The note now works through the 5% band too: at a
    £300,000 cap, 5% surcharge on the whole (£15,000), 2% of £125,000 (£2,500) and 5% of £50,000 (£2,500)."""
    from tests.conftest import ROOT

    source = (ROOT / "samples" / "co-investment" / "housing-land-transfer.yaml").read_text(encoding="utf-8")
    for old, new in (("  price_cap: 140,000", "  price_cap: 300,000"), ("  all_in_cap: 155,000", "  all_in_cap: 330,000"),
                     ("  homes_to_acquire: 14", "  homes_to_acquire: 7"), ("  homes_target: 20", "  homes_target: 13")):
        assert old in source
        source = source.replace(old, new, 1)
    doc = assemble(validate(load_text(source, "cap.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    note = " ".join(next(c for c in doc.all_clauses() if c.id == "co-investment.tax").note.split())
    assert ("£20,000 on a home at the £300,000 price cap (5% of the whole price plus 2% of the £125,000 above £125,000 "
            "and 5% of the £50,000 above £250,000)") in note


def test_authority_first_clawback_is_tested_with_the_investors_security(catalogue):
    """ci-fresh (r17) finding 2: with the Authority's clawback charge ranking first, the loan-to-value covenant also
    tests the capital together with the clawback, the note gives the combined figures, and a step-in transfer
    releases the Authority's charge against a new first charge from the Substitute Provider. Quiet on other rankings."""
    from assembler.credit import co_investment as credit
    text = SAMPLES_TEXT["housing-land-transfer"].replace("  min_dscr: 1.15\n", "  min_dscr: 1.15\n  max_ltv: 60\n", 1)
    sheet = validate(load_text(text, "land.yaml"), catalogue)
    af = credit.authority_first(sheet.model)
    assert af is not None and af.clawback > 0 and af.value > 0
    doc = assemble(sheet, catalogue, today=DRAFT_DATE).document
    cov = clause(doc, "co-investment.financial-covenants")
    assert "together with the total of the Clawback Amounts that the charge of" in text_of(cov)
    assert f"secures up to £{af.clawback:,.0f}" in cov.note.replace(".00", "")
    assert f"about {af.tested_ltv}% of it" in cov.note
    step = clause(doc, "co-investment.default-termination")
    assert "must release its charge over each Partnership Property transferred" in text_of(step)
    assert "takes a new first charge from" in step.note
    homes = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert credit.authority_first(read_termsheet(HOMES, catalogue).model) is None
    assert "must release its charge over each" not in text_of(clause(homes, "co-investment.default-termination"))
    assert "Clawback Amounts that the charge of" not in text_of(clause(homes, "co-investment.financial-covenants"))


def test_courts_only_dispute_route_imposes_no_expert_or_mediation(catalogue):
    """ci-fresh (r17) finding 3: where the sheet sends disputes to the courts, a deadlock and a rejected covenant
    plan go to clause 30 as a Dispute, no clause imposes an expert or mediation or bars the courts, and the
    governance note agrees. The other routes keep the expert and mediation steps."""
    text = SAMPLES_TEXT["affordable-homes-partnership"].replace(
        "positions:\n  end_of_term: authority-option\n", "positions:\n  end_of_term: authority-option\n  dispute_route: courts\n", 1)
    doc = assemble(validate(load_text(text, "courts.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    gov, cov = clause(doc, "co-investment.governance"), clause(doc, "co-investment.financial-covenants")
    for body in (text_of(gov), text_of(cov)):
        assert "expert" not in body and "mediation" not in body and "court proceedings about a deadlock" not in body
    assert "any Party may refer it as a Dispute under" in text_of(gov)
    assert "whether it acted reasonably as a Dispute under" in text_of(cov)
    assert "never has to end in court" not in gov.note and "taken as a Dispute to the courts" in gov.note
    usual = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "independent expert" in text_of(clause(usual, "co-investment.governance"))
    assert "must try mediation under" in text_of(clause(usual, "co-investment.governance"))


@pytest.mark.parametrize("change, share", [
    (("rent_cap: the Local Housing Allowance for the Broad Rental Market Area",
      "rent_cap: 80% of market rent, and no more than the Local Housing Allowance"), "80%"),
    (("  rent_cap: the Local Housing Allowance for the Broad Rental Market Area\n",
      "  rent_cap: the Local Housing Allowance for the Broad Rental Market Area\n  market_rent_percent: 75\n"), "75%"),
])
def test_a_market_rent_cap_is_the_lower_of_it_and_the_lha(catalogue, change, share):
    """ci-fresh (r17) finding 5: '80% of market rent, and no more than the Local Housing Allowance' caps each rent at
    the lower of the two (from rent_cap's words or market_rent_percent), in the clause, its note and the heads."""
    text = SAMPLES_TEXT["affordable-homes-partnership"]
    assert change[0] in text
    doc = assemble(validate(load_text(text.replace(change[0], change[1], 1), "cap.yaml"), catalogue), catalogue,
                   today=DRAFT_DATE).document
    nom = clause(doc, "co-investment.nominations")
    assert f"above the lower of {share} of the open market rent for the home, as assessed by a RICS Registered Valuer, " \
           "and the Local Housing Allowance rate" in text_of(nom)
    assert "in each case as it stands when the tenancy is granted" in text_of(nom)
    assert f"the lower of {share} of the home's open market rent and the Local Housing Allowance rate" in nom.note
    assert f"and {share} of its open market rent, whichever is lower" in text_of(clause(doc, "co-investment.schedule-agreed-forms"))
    usual = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "open market rent" not in text_of(clause(usual, "co-investment.nominations"))


ELMHURST = __import__("pathlib").Path(__file__).parent / "fixtures" / "co-investment-elmhurst-r17.yaml"


def test_elmhurst_figures_match_the_reviewers_hand_working(catalogue):
    """ci-fresh (r17) findings 1, 2 and 6 on the sheet's own numbers: 10 one-bed flats at £165, 4 two-bed at £198 and
    a two-bed lodge at £198 make £2,640 a week; the 8% reserve is £10,543.10 and the cover 1.29 / 1.48; the Council's
    first charge (£1,424,998) and Commonweal's capital are about 91% of the £2,380,000 expected value; refinancing
    Keystone's shortfall at 7.5% over 15 years costs more than the income left, and the note says so."""
    from assembler.credit import co_investment as credit
    sheet = read_termsheet(ELMHURST, catalogue)
    assert credit.rent_roll(sheet.model, 0) == Decimal(2640) * 52
    doc = assemble(sheet, catalogue, today=DRAFT_DATE).document
    waterfall = clause(doc, "co-investment.returns-surplus").note
    assert "£10,543.10 a year" in waterfall and "the cover is 1.29 with the reserve deducted and 1.48 without it" in waterfall
    assert "14 (10 \u00d7 1-bed, 4 \u00d7 2-bed)" in "\n".join("|".join(r) for t in tables(clause(doc, "co-investment.schedule-properties")) for r in t)
    cov = clause(doc, "co-investment.financial-covenants").note
    assert "secures up to £1,424,998 of clawback" in cov and "about 91% of it" in cov and "about 104%" in cov
    refi = clause(doc, "co-investment.schedule-waterfall").note
    assert "7.5% over fifteen years (the refinancing terms the Parties assumed)" in refi and "costs more than the governance clause allows" in refi
    [r] = credit.refinancings(sheet.model, credit.bullet_shortfalls(sheet.model, credit.waterfall_years(sheet.model)))
    assert r.fails and Decimal(15_000) < r.left < Decimal(16_500) and Decimal(29_000) < r.cost < Decimal(32_000)
    home = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    quiet = clause(home, "co-investment.schedule-waterfall").note
    assert "within what the governance clause allows" in quiet and "costs more than the governance clause allows" not in quiet


def test_a_society_without_an_audit_is_not_asked_for_audited_accounts(catalogue):
    """ci-fresh (r17) finding 7: Fenbridge CLT's members have disapplied the audit (2014 Act s.84), so the draft asks
    for its annual accounts with the report the law requires, not audited accounts; an audited body still gives them."""
    doc = assemble(read_termsheet(ELMHURST, catalogue), catalogue, today=DRAFT_DATE).document
    gov, cov = clause(doc, "co-investment.governance"), clause(doc, "co-investment.financial-covenants")
    assert "its approved annual accounts, with the report on them that the law governing it requires (where its " \
           "members have disapplied the audit under section 84 of the Co-operative and Community Benefit Societies " \
           "Act 2014" in text_of(gov)
    assert "audited" not in text_of(cov) and "audited accounts when" not in cov.note
    assert "its audited annual accounts" not in text_of(gov)
    usual = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "its audited annual accounts within six months" in text_of(clause(usual, "co-investment.governance"))


def test_withdrawable_shares_and_a_grant_already_received(catalogue):
    """ci-fresh (r17) finding 8: cash from withdrawable community shares is committed only if the board suspends
    withdrawals (a condition and a covenant, with a note to check the rules), and a grant already received is
    evidenced as held, not conditioned on being paid. A grant still to be paid keeps the grant-agreement condition."""
    doc = assemble(read_termsheet(ELMHURST, catalogue), catalogue, today=DRAFT_DATE).document
    cps = text_of(clause(doc, "co-investment.conditions-precedent"))
    assert "evidence that it holds the grant of £150,000" in cps and "no condition of it remains unmet" not in cps
    assert "its board has suspended withdrawals of share capital under its rules" in cps
    contrib = clause(doc, "co-investment.contributions")
    assert "must keep withdrawals of its share capital suspended" in text_of(contrib)
    assert "let the board suspend withdrawals" in contrib.note
    text = ELMHURST.read_text().replace("      received: true\n", "") \
        .replace("(withdrawable shares, closed", "(shares, closed")
    other = assemble(validate(load_text(text, "e.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    cps = text_of(clause(other, "co-investment.conditions-precedent"))
    assert "a copy of its signed grant agreement for the grant of £150,000" in cps and "suspended withdrawals" not in cps


def test_eligibility_lost_affordability_target_and_clawback_per_home(catalogue):
    """ci-fresh (r17) findings 9, 10 and 14: a tenant who stops being eligible is not a breach or a Clawback Event
    (with a note on possession grounds); a rent-to-pay target for every household gets a note with the sheet's lowest
    rent and the pay it needs; Clawback Events are per home, and a home vacant while being let is not one."""
    doc = assemble(read_termsheet(ELMHURST, catalogue), catalogue, today=DRAFT_DATE).document
    nom = clause(doc, "co-investment.nominations")
    assert "because its tenant stops being an Eligible Person after the tenancy is granted" in text_of(nom)  # r24 ci-fresh 1
    assert "on a ground for possession in Schedule 2 to the Housing Act 1988" in nom.note
    out = clause(doc, "co-investment.schedule-outcomes").note
    assert '"No more than 35% for every tenant household"' in out and "£165 a week (about £715 a month)" in out
    assert "at least about £2,042.86 a month" in out
    claw = text_of(clause(doc, "co-investment.clawback"))
    assert "is a Clawback Event for each home in a Partnership Property that it affects" in claw
    assert "while it is vacant and Fenbridge CLT is taking reasonable steps to let it, or is waiting for the County Council to nominate" in claw  # r24 ci-fresh 1
    home = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "which no landlord can promise" not in (clause(home, "co-investment.schedule-outcomes").note or "")


def test_the_authoritys_own_use_is_ended_by_its_move_not_a_tenancy(catalogue):
    """ci-fresh (r17) finding 13: where what must end before the transfer is the authority's own use (a store), the
    condition is its move out, removal of its equipment and making good, with no person having a right to occupy (the
    excepted rooftop aside); no tenant, right to buy or surrender. A tenancy still gets the tenancy wording."""
    doc = assemble(read_termsheet(ELMHURST, catalogue), catalogue, today=DRAFT_DATE).document
    cp = clause(doc, "co-investment.conditions-precedent")
    body = text_of(cp)
    assert "has ended, at Elmhurst House, Coldharbour Lane, Fenbridge FB7 2EH, the County Council's own use" in body
    assert "removed its equipment and other property and made good" in body and "right to buy" not in body
    assert "(other than under the exception and reservation shown in" in body
    assert "There is no tenancy to end" in cp.note and "surrender or notice to quit" not in cp.note
    assert "must end that use, remove its equipment, make good" in text_of(clause(doc, "co-investment.schedule-properties"))
    text = ELMHURST.read_text().replace("the County Council's own use of the former laundry wing as an equipment store",
                                        "the secure tenancy of the caretaker's flat in the former laundry wing")
    other = assemble(validate(load_text(text, "t.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    assert "every tenant and other occupier has left" in text_of(clause(other, "co-investment.conditions-precedent"))


def test_a_county_council_that_is_not_a_housing_authority_has_no_part_6_or_7(catalogue):
    """ci-fresh (r17) finding 16: a county council in a two-tier area (nominations.housing_authority: false) has no
    allocation scheme or homelessness duties, so the nominations note says so and the vehicle note does not speak of
    its housing functions."""
    doc = assemble(read_termsheet(ELMHURST, catalogue), catalogue, today=DRAFT_DATE).document
    note = clause(doc, "co-investment.nominations").note
    assert "is not a local housing authority (section 1 of the Housing Act 1985)" in note
    assert "private rented sector offer" not in note and "its own housing functions" not in "\n".join(
        c.note or "" for c in doc.all_clauses())


def test_society_default_event_and_investment_agreement_definition(catalogue):
    """ci-fresh (r17) findings 20 and 22: the Investment Agreement definition points to no approval step that does
    not exist, and a registered society's Default Event speaks of its registered rules, not of a charity."""
    doc = assemble(read_termsheet(ELMHURST, catalogue), catalogue, today=DRAFT_DATE).document
    text = "\n".join(text_of(c) for c in doc.all_clauses())
    assert "approved under clause 5" not in text
    assert "it stops being a registered society whose registered rules include objects covering the Partnership " \
           "Purpose" in text_of(clause(doc, "co-investment.default-termination"))
    home = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    assert "it stops being a charity or other body whose objects include" in text_of(
        clause(home, "co-investment.default-termination"))


def test_unapplied_cash_is_held_on_trust_and_own_resource_payments_survive_the_contribution_cap(drafts):
    doc = drafts["affordable-homes-partnership"].document
    vehicle = text_of(clause(doc, "co-investment.vehicle"))
    assert "holds the cash Contributions standing to the credit of the Partnership Account" in vehicle
    contributions = text_of(clause(doc, "co-investment.contributions"))
    assert "except that the Charity must pay from its own resources the sums that the financial waterfall" in contributions
    nominations = text_of(clause(doc, "co-investment.nominations"))
    # ci-sample r20 finding 8: a fall-back letting is reported separately, not deemed a Council nomination
    assert "counts as a nomination by the Council for the purposes of the Outcomes Framework" not in nominations
    assert re.search(r"did not object, is not a breach of clause \d+\.1 and does not count as a nomination by the "
                     r"Council; the Charity must report it separately in each Impact Report", nominations)


def test_reserve_note_states_its_rent_basis_and_the_flat_rent_reading(drafts):
    # the sample gives bedroom rents (used for the transferred homes) and one rent per home: the note says which
    note = clause(drafts["affordable-homes-partnership"].document, "co-investment.returns-surplus").note
    assert "at the rents for their bedrooms and the fifty-two homes bought at £105 a week" in note
    assert "on £105 a week for all sixty homes the cover would be about 1.30 rather than 1.34" in note
    # a sheet with one rent only has no second reading
    quiet = clause(drafts["community-asset-lease"].document, "co-investment.returns-surplus").note or ""
    assert "for all" not in quiet or "the cover would be about" not in quiet


def test_drawdown_definitions_cover_only_the_phrases_the_table_uses(drafts):
    text = text_of(clause(drafts["affordable-homes-partnership"].document, "co-investment.schedule-contributions"))
    assert "homes bought (or acquired) within the Acquisition Criteria means" in text
    assert "the legal charge over the transferred homes means the Investor Charge" in text
    assert "conditions precedent being satisfied" not in text and "a plan, undertaking or other document" not in text


def test_liability_cap_leaves_subsidy_recovery_uncapped(drafts):
    text = text_of(clause(drafts["affordable-homes-partnership"].document, "co-investment.liability"))
    assert "any sum the Charity must repay under clause 22" in text


def test_charity_completion_conditions_cannot_be_waived(drafts):
    # ci-sample r20 finding 4: the s.124 advice and the Commission's order for the option are not waivable
    text = text_of(clause(drafts["affordable-homes-partnership"].document, "co-investment.conditions-precedent"))
    # r23 ci-sample 3: the Commission's order is no longer a Completion Condition; only the s.124 advice is non-waivable.
    assert re.search(r"A Required Consent cannot be waived by anyone, and nor can the Completion Condition in "
                     r"clause \d+\.\d+\([a-z]\)\. Any other Completion Condition", text)
    assert "because without it" not in text
    one = text_of(clause(drafts["housing-land-transfer"].document, "co-investment.conditions-precedent"))
    assert re.search(r"and nor can the Completion Condition in clause \d+\.\d+\([a-z]\)\. Any other", one)
    quiet = text_of(clause(drafts["community-asset-lease"].document, "co-investment.conditions-precedent"))
    assert "A Required Consent cannot be waived by anyone. Any other Completion Condition" in quiet


def test_operative_clauses_state_the_rule_and_the_notes_give_the_reasons(drafts):
    # ci-sample r20 finding 12: the reasons move from the clauses to the drafting notes
    doc = drafts["affordable-homes-partnership"].document
    reasons = {"co-investment.disposal": "because the price already takes account",
               "co-investment.governance": "so that no drawdown or other right that waits for it",
               "co-investment.default-termination": "the clawback is counted once",
               "co-investment.end-of-term": "never recovers the same contribution twice",
               "co-investment.schedule-agreed-forms": "which are written for residential property"}
    for cid, reason in reasons.items():
        c = clause(doc, cid)
        assert reason not in text_of(c), cid
    assert "is not a Clawback Event." in text_of(clause(doc, "co-investment.disposal"))
    assert "is treated as approved." in text_of(clause(doc, "co-investment.governance"))
    assert "Standard Conditions of Sale (Fifth Edition, 2018 Revision) so far as" in text_of(
        clause(doc, "co-investment.schedule-agreed-forms"))


def test_homes_target_does_not_say_bought_and_let_by_the_same_day(drafts):
    # ci-sample r20 finding 3: buying deadline = letting date; transferred homes are not "bought"
    text = text_of(clause(drafts["affordable-homes-partnership"].document, "co-investment.purpose-outcomes"))
    assert ("sixty (60) affordable homes in the Partnership Area let by 31 May 2030: eight in the Transferred "
            "Properties and fifty-two Acquired Homes.") in text
    assert "bought by 31 May 2030 and let by" not in text


def test_partnership_property_is_defined_through_acquired_home(drafts):
    # ci-sample r20 finding 17: the definitions no longer overlap
    definitions = {d.term: plain_text(d.inlines) for d in drafts["affordable-homes-partnership"].document.definitions}
    assert definitions["Partnership Property"] == "each property listed in Schedule 1 and each Acquired Home"
    lease = {d.term: plain_text(d.inlines) for d in drafts["community-asset-lease"].document.definitions}
    assert "Acquired Home" not in lease["Partnership Property"]


def test_cure_right_is_listed_among_the_assumptions(drafts):
    # ci-sample r20 finding 11: the cure right is this draft's term, so the assumptions list names it
    doc = drafts["affordable-homes-partnership"].document
    notes = " ".join(c.note or "" for c in doc.all_clauses())
    assert ("the right for the Charity to cure a cover shortfall from its own resources within 20 Business Days after "
            "giving the certificate, in no more than two Test Years and not in two consecutive Test Years") in notes
    quiet = drafts["community-asset-lease"].document
    if "cure" not in " ".join(text_of(c) for c in quiet.all_clauses()):
        assert "to cure a cover shortfall" not in " ".join(c.note or "" for c in quiet.all_clauses())


def test_end_of_term_table_knows_the_investors_are_repaid_before_the_term_ends(drafts):
    # ci-sample r20 finding 15: both maturities fall years before the term ends
    doc = drafts["affordable-homes-partnership"].document
    rows = {r[0]: r[2] for t in tables(clause(doc, "co-investment.schedule-exit")) for r in t[1:]}
    assert rows["Authority option"] == ("Already repaid by their Maturity Dates; any Investment Capital still "
                                        "outstanding is repaid from the price")
    assert "by their Maturity Dates by refinancing" not in text_of(clause(doc, "co-investment.end-of-term"))


def test_homes_the_sheet_lets_on_licences_are_not_forced_onto_assured_tenancies(catalogue):
    """r20 ci-fresh finding 1: where a permitted disposal allows licences of some homes to their residents (refuge
    units, hostel rooms), the tenancy clause requires assured periodic tenancies only for the other homes and permits
    licences for those; with no such disposal every home is let on an assured periodic tenancy."""
    marker = "    - a sale of a home that the Partnership Board approves"
    text = HOMES.read_text(encoding="utf-8").replace(
        marker, "    - licences of hostel rooms to residents, and tenancies of the other homes\n" + marker)
    doc = assemble(validate(load_text(text, "licences.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    lettings = text_of(clause(doc, "co-investment.nominations"))
    assert "Each home, other than the hostel rooms, must be let on an assured tenancy that is a periodic tenancy" in lettings
    assert "occupation of the hostel rooms only under licences to occupy" in lettings
    assert "Each home must be let on an assured tenancy" not in lettings
    assert "for the hostel rooms a licence to occupy" in text_of(clause(doc, "co-investment.schedule-agreed-forms"))
    quiet = text_of(clause(assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document,
                           "co-investment.nominations"))
    assert "Each home must be let on an assured tenancy that is a periodic tenancy" in quiet
    assert "licences to occupy" not in quiet


def test_a_grant_for_works_to_the_scheduled_property_is_flagged_when_attributed_to_homes_bought(catalogue):
    """r20 ci-fresh finding 2: where homes are bought and the Authority Grant is described as for works (a conversion),
    the grant is attributed to the Schedule 1 homes (ci16); only where the sheet says grant_for: homes_bought all the
    same does the works note flag the description and give the per-home figures; a grant with no such words gets no
    such note."""
    text = HOMES.read_text(encoding="utf-8").replace(
        "description: Capital grant from the Council's housing capital programme\n",
        "description: Capital grant from the Council's housing capital programme for the refurbishment works\n")
    sheet = validate(load_text(text, "works.yaml"), catalogue)
    homes = sheet.model.contributions.homes_in_schedule
    assert homes and sheet.model.acquisition.homes_to_acquire
    note = clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "co-investment.works").note or ""
    assert "attributed to the homes in Schedule 1 in equal shares" in note and "none of it to the homes bought" in note
    forced = text.replace("for the refurbishment works\n", "for the refurbishment works\n      grant_for: homes_bought\n")
    note = clause(assemble(validate(load_text(forced, "works.yaml"), catalogue), catalogue, today=DRAFT_DATE).document,
                  "co-investment.works").note or ""
    assert "should instead be attributed to the" in note and "homes there (" in note
    assert "homes bought carrying none" in note
    quiet = clause(assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document,
                   "co-investment.works").note or ""
    assert "should instead be attributed" not in quiet


def test_pre_rent_return_is_split_across_the_payments_it_falls_in(catalogue):
    """r20 ci-fresh finding 5: where the return accrued before rent starts is more than the first payment (a payment
    due before rent starts), clause 5 splits it across that payment and the next, and the figures add up; Schedule 3
    no longer sends that first payment to Blue Door's resources outside the account. One payment: the old wording."""
    from assembler.credit.co_investment import pre_income_return, pre_income_split
    text = HOMES.read_text(encoding="utf-8")
    sheet = validate(load_text(text, "homes.yaml"), catalogue)
    split = pre_income_split(sheet.model)
    assert sum(a for _, a in split) == pre_income_return(sheet.model)
    doc = assemble(sheet, catalogue, today=DRAFT_DATE).document
    contrib = text_of(clause(doc, "co-investment.contributions"))
    if len(split) == 1:
        assert "falls due with the first payment of that return" in contrib
    else:
        assert f"is paid {split[0][1]:,}" in contrib.replace("£", "")


BIRCHFIELD = Path(__file__).parent / "fixtures" / "co-investment-birchfield-r20.yaml"  # the r20 ci-fresh review sheet


def test_birchfield_refuge_licences_and_pre_rent_return_split(catalogue):
    """r20 ci-fresh findings 1 and 5 on the reviewed sheet: refuge units on licences, the move-on flats on assured
    periodic tenancies; the £20,206.85 pre-rent return split into the £17,404.11 paid on 31 March 2028 and the
    £2,802.74 paid with the 31 March 2029 instalment; Schedule 3 no longer also sends that first payment to Blue Door's
    resources outside the account."""
    doc = assemble(read_termsheet(BIRCHFIELD, catalogue), catalogue, today=DRAFT_DATE).document
    lettings = text_of(clause(doc, "co-investment.nominations"))
    assert "Each home, other than the refuge units, must be let on an assured tenancy" in lettings
    assert "occupation of the refuge units only under licences to occupy" in lettings
    contrib = text_of(clause(doc, "co-investment.contributions"))
    assert ("is paid £17,404.11 on 31 March 2028 and £2,802.74, accrued from 31 March 2028 to 1 May 2028, with the "
            "payment due on 31 March 2029") in contrib
    waterfall = text_of(clause(doc, "co-investment.schedule-waterfall"))
    assert "first such payment, due on 31 March 2028" not in waterfall


def test_shared_accommodation_rate_note_names_the_domestic_abuse_exemption(catalogue):
    """r20 ci-fresh finding 9: where the client group is survivors of domestic abuse, the nominations note names the
    shared accommodation rate exemption (S.I. 2022/942, from 1 October 2022) and says families with children are
    outside the rate; a sheet for another client group does not get it."""
    note = clause(assemble(read_termsheet(BIRCHFIELD, catalogue), catalogue, today=DRAFT_DATE).document,
                  "co-investment.nominations").note or ""
    # r23 ci-sample 9: the exemption is now in the list of exceptions for every sheet; the evidence point is this cohort's.
    assert "victims of domestic abuse and of modern slavery (S.I. 2022/942, from 1 October 2022)" in " ".join(note.split())
    assert "The domestic abuse exemption needs written evidence from a person acting in an official capacity" in " ".join(note.split())
    assert "a household with children is outside it" in note
    text = BIRCHFIELD.read_text(encoding="utf-8").replace("domestic abuse", "homelessness")
    quiet = clause(assemble(validate(load_text(text, "other.yaml"), catalogue), catalogue, today=DRAFT_DATE).document,
                   "co-investment.nominations").note or ""
    assert "The domestic abuse exemption needs written evidence" not in " ".join(quiet.split())


def test_title_criterion_is_bracketed_unless_the_sheet_gives_a_minimum_lease_term(catalogue):
    """r20 ci-fresh finding 12: with no minimum unexpired lease term in the sheet the Acquisition Criteria bracket
    [85] years and the note calls it an assumption, not a lenders' usual requirement; acquisition.min_lease_years
    states the agreed figure without brackets."""
    doc = assemble(read_termsheet(BIRCHFIELD, catalogue), catalogue, today=DRAFT_DATE).document
    crit = clause(doc, "co-investment.schedule-criteria")
    body = " ".join(" ".join(" ".join(r) for r in t) for t in tables(crit)) + text_of(crit)
    assert "at least [85] years unexpired" in body
    assert "99 years" not in body and "usual lenders' requirement" not in (crit.note or "")
    assert "this draft's assumption" in (crit.note or "")
    text = BIRCHFIELD.read_text(encoding="utf-8").replace("  price_cap: 118,000\n", "  price_cap: 118,000\n  min_lease_years: 80\n")
    crit = clause(assemble(validate(load_text(text, "lease.yaml"), catalogue), catalogue, today=DRAFT_DATE).document,
                  "co-investment.schedule-criteria")
    body = " ".join(" ".join(" ".join(r) for r in t) for t in tables(crit)) + text_of(crit)
    assert "at least 80 years unexpired" in body and "[85]" not in body


def test_bare_excepted_land_gets_no_apparatus_rights_and_refuge_entry_is_escorted(catalogue):
    """r20 ci-fresh finding 8: an excepted highway verge (bare land, no agreement or apparatus) is reserved without
    the pasted lease/wayleave and cables wording, with no entry to the rest of the property except in an emergency or
    on five Business Days' notice, escorted at a refuge; an excepted substation let under a lease keeps its rights."""
    from tests.conftest import ROOT
    doc = assemble(read_termsheet(BIRCHFIELD, catalogue), catalogue, today=DRAFT_DATE).document
    lease = text_of(clause(doc, "co-investment.asset-transfer"))
    assert "with no right to enter the rest of the property except in an emergency" in lease
    assert "accompanied by Blue Door's staff and subject to its security procedures" in lease
    assert "wayleave or other agreement under which it is used" not in lease
    sub = assemble(read_termsheet(ROOT / "tests" / "rules" / "fixtures" / "co-investment-supported-lease.yaml", catalogue),
                   catalogue, today=DRAFT_DATE).document
    assert "wayleave or other agreement under which it is used" in text_of(clause(sub, "co-investment.asset-transfer"))


def test_repayment_at_the_end_of_the_term_names_the_same_sources_as_the_waterfall(catalogue):
    """r20 ci-fresh 19: the end-of-term clause allowed repayment only "by refinancing or from the Partnership Account",
    while Schedule 3 also allows the Charity's own resources held outside the account."""
    text = SAMPLES_TEXT["affordable-homes-partnership"].replace("end_of_term: authority-option", "end_of_term: asset-lock")
    doc = assemble(validate(load_text(text, "homes.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    end = text_of(clause(doc, "co-investment.end-of-term"))
    assert ("from the Partnership Account (including the Capital Repayment Reserve), from its own resources held outside "
            "the Partnership Account or from a refinancing consented to under clause") in end
    assert "by refinancing or from the Partnership Account" not in end


def test_the_surplus_note_says_when_the_business_plan_first_leaves_a_surplus(catalogue):
    """r20 ci-fresh 10 and ci-sample 2: on the business plan the sweep into the Capital Repayment Reserve takes all
    that is left after the Investors, so the agreed uses of surplus (and a reserve taken only from surplus) receive
    nothing for years; the note says so with the figures. Where the surplus arises in the first year with every home
    let, the note is quiet. Schedule 3 says the Repairs Reserve is a share of the whole Gross Income."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    note = clause(doc, "co-investment.returns-surplus").note
    assert ("no Partnership Surplus arises before the Partnership Year starting 1 June 2037 (about £51,163.77 in that "
            "year).") in note
    # r21 ci-sample 2: the figures follow the Schedule 3 order (the capped share after the reserve payment).
    assert ("In the Partnership Year starting 1 June 2030, with every home let, Gross Income of £321,504.27 less "
            "Operating Costs (£90,000) and the Repairs Reserve (£25,720.34) leaves £205,783.93, applied in the "
            "Schedule 3 order") in " ".join(note.split())
    assert "8% of the whole Gross Income (not of the Partnership Surplus)" in str(
        tables(clause(doc, "co-investment.schedule-waterfall")))
    text = SAMPLES_TEXT["affordable-homes-partnership"]
    for old, new in (("1: 92.05", "1: 392.05"), ("2: 113.92", "2: 413.92"), ("3: 136.93", "3: 436.93"),
                     ("rent_per_home_week: 105.00", "rent_per_home_week: 405.00")):
        text = text.replace(old, new)
    quiet = clause(assemble(validate(load_text(text, "homes.yaml"), catalogue), catalogue, today=DRAFT_DATE).document,
                   "co-investment.returns-surplus").note
    assert "no Partnership Surplus arises" not in quiet


def test_the_works_deadline_does_not_catch_a_home_transferred_occupied(catalogue):
    """r20 ci-sample 6: 7.3(a) required works to every Schedule 1 property by 31 August 2027, including 2 O'Brien
    Court, which transfers with a household in it. An occupied property's works now run from when it is first vacant;
    with no occupied property the deadline reads as before."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    works = text_of(clause(doc, "co-investment.works"))
    assert ("by 31 August 2027 or, if later, three months after the Transfer Date of the property concerned, except "
            "2 O'Brien Court, Trentborough TB21 1TT, which is transferred occupied: the works to it must be completed "
            "within three months after it first becomes vacant, or earlier if the occupier agrees; and") in works
    text = SAMPLES_TEXT["affordable-homes-partnership"]
    start = text.index("          occupiers: >-")
    end = text.index("\n", text.index("\n", start) + 1)
    while text[end + 1:].startswith("            "):
        end = text.index("\n", end + 1)
    quiet = text[:start] + text[end + 1:]
    qdoc = assemble(validate(load_text(quiet, "homes.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    qworks = text_of(clause(qdoc, "co-investment.works"))
    assert "transferred occupied" not in qworks
    assert "three months after the Transfer Date of the property concerned; and" in qworks


def test_the_rent_cap_by_bedrooms_comes_with_nominations_matched_to_bedroom_entitlement(catalogue):
    """r20 ci-sample 7: the cap is the LHA rate for the home's bedrooms, but housing costs support follows the
    household's bedroom entitlement, so a nominee entitled to fewer bedrooms faces a shortfall. The clause now asks
    the Council to nominate to match and the Charity to tell it the rent and the nominee's rate before the offer; a
    cap that is not the LHA rate by bedrooms adds nothing."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    noms = clause(doc, "co-investment.nominations")
    assert ("The Council must, so far as reasonably practicable, nominate for each home a household entitled, for "
            "housing costs support, to the number of bedrooms the home has. Before offering a tenancy to a nominated "
            "household, the Charity must tell the Council in writing the rent and the Local Housing Allowance rate for "
            "the number of bedrooms that household is entitled to.") in text_of(noms)
    assert "Housing costs support is assessed at the rate for the number of bedrooms the household is entitled to" in noms.note
    text = SAMPLES_TEXT["affordable-homes-partnership"].replace(
        "  rent_cap: the Local Housing Allowance for the Broad Rental Market Area",
        "  rent_cap: the Local Housing Allowance for the Broad Rental Market Area\n  lha_by_bedrooms: false")
    quiet = clause(assemble(validate(load_text(text, "homes.yaml"), catalogue), catalogue, today=DRAFT_DATE).document,
                   "co-investment.nominations")
    assert "entitled, for housing costs support" not in text_of(quiet)
    assert "Housing costs support is assessed" not in quiet.note


def test_the_works_budget_reading_is_stated_as_the_drafts_reading(catalogue):
    """r20 ci-sample 9: the note called the works budget's reading (the budget for the Schedule 1 properties) one of
    "the agreed commercial terms"; it is the draft's reading of an unlabelled figure."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    note = clause(doc, "co-investment.works").note
    assert "the standard and the all-in cost cap of £100,000 for each home bought are the agreed commercial terms." in note
    assert ("The instructions give a works budget of £100,000 without saying what it covers: this draft reads it as the "
            "budget, including fees, for the works to the properties in Schedule 1. Confirm that reading") in note


def test_the_authoritys_decision_records_its_procurement_conclusion(catalogue):
    """r20 ci-sample 10: the note asked whether the Agreement is a public contract under the Procurement Act 2023, but
    nothing in the Agreement recorded a decision; the Completion Condition on the Council's decision now does."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    cps = text_of(clause(doc, "co-investment.conditions-precedent"))
    assert ("the consents on which it relies and its conclusion, with reasons, on whether this Agreement is a public "
            "contract under the Procurement Act 2023;") in cps


def test_the_share_of_what_remains_and_the_surplus_have_a_payment_date(catalogue):
    """r20 ci-sample 16: Schedule 3 gave no date for paying the Foundation's share of what remains or applying the
    surplus; both now follow the approval of the Annual Impact Report."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    waterfall = text_of(clause(doc, "co-investment.schedule-waterfall"))
    assert re.search(r"The share of what remains to the Foundation for a Partnership Year is paid, and any Partnership "
                     r"Surplus of a Partnership Year is applied, within 20 Business Days after the Annual Impact Report "
                     r"for that Partnership Year is approved under clause \d+\.\d+\.", waterfall)


def test_notes_say_what_to_check_rather_than_admit_an_unfinished_check(catalogue):
    """r20 ci-sample 18: the freedom of information note ("has not been verified for this draft") and the data sharing
    Schedule's note ("had been found when this draft was prepared") left their checks undone; they now say what to
    check and what to do with the answer."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    foi = clause(doc, "common.freedom-of-information").note
    assert "has not been verified" not in foi
    assert "whether the duty applies to this Agreement if it is a public contract, and if it does, plan the redactions now" in foi
    sharing = clause(doc, "common.schedule-data-sharing").note
    assert "had been found when this draft was prepared" not in sharing
    assert ("Before signing, check whether regulations have brought sections 118 and 119 into force: if they have, name "
            "the Information Commission in this Schedule; if not, keep the Information Commissioner.") in sharing


def test_the_option_note_puts_the_commission_order_after_completion(catalogue):
    """r20 ci-sample 5: completion depended on a Charity Commission order with a long-stop of 31 August 2027.
    r23 ci-sample 3: the order is applied for after completion and the option granted once it is made; the notes say
    so once each, and what the Council relies on meanwhile."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    note = " ".join(clause(doc, "co-investment.end-of-term").note.split())
    assert "Completion waits on that order" not in note
    assert ("The order is not a Completion Condition: the Charity applies within 20 Business Days after completion and "
            "grants the option once the order is made.") in note
    cp = " ".join(clause(doc, "co-investment.conditions-precedent").note.split())
    assert ("The Commission's order for the option is not a Completion Condition, so completion does not wait on the "
            "Commission. Until the order is made the Council relies on the clawback and the Authority Restriction, and "
            "if it is refused there is no option.") in cp


def test_the_charitys_top_up_of_the_debt_service_retention_is_capped(catalogue):
    """r23 ci-sample 2: the Charity's duty to make up the Debt Service Retention from its own resources was unlimited.
    It is capped: at covenants.retention_top_up_cap where the sheet agrees one, otherwise at a highlighted placeholder,
    and clause 5.9 (no Party contributes more) points at the cap."""
    open_cap = SAMPLES_TEXT["affordable-homes-partnership"].replace("  retention_top_up_cap: 100000\n", "", 1)
    assert open_cap != SAMPLES_TEXT["affordable-homes-partnership"]
    doc = assemble(validate(load_text(open_cap, "homes.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    waterfall = clause(doc, "co-investment.schedule-waterfall")
    assert ("The Charity need not pay more than [amount of the cap on the top-up, to be agreed] in total over the "
            "Partnership Term from its own resources under paragraph 2 of Schedule 3.") in text_of(waterfall)
    assert "without limit" not in waterfall.note
    assert "starting with the Fund's £67,931.51 due on 4 July 2028" in waterfall.note
    contributions = clause(doc, "co-investment.contributions")
    assert "to make up the Debt Service Retention, up to the cap in paragraph 3 of Schedule 3, and to repay" in text_of(contributions)
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document  # the sample agrees £100,000
    waterfall = clause(doc, "co-investment.schedule-waterfall")
    assert "The Charity need not pay more than £100,000 in total" in text_of(waterfall)
    assert "capped at the agreed £100,000" in waterfall.note


def test_cash_is_applied_pro_rata_and_unspent_cash_goes_back_without_double_recovery(catalogue):
    """r23 ci-sample 5: nothing said whose cash was spent first, and the Attributable Contribution divided the whole
    Authority Grant between the homes bought, so the Council could take back unspent grant and still carry the whole
    grant as clawback. Each purchase is now treated as made pro rata from the cash paid in; unspent cash is repaid
    within 20 Business Days (an Investor's as a prepayment); and only the grant not repaid is divided between the
    homes. Quiet: a sheet whose grant pays for works to listed properties has none of this."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    acq = text_of(clause(doc, "co-investment.acquisition"))
    assert ("Each payment for buying or refurbishing an Acquired Home is treated as made from the cash Contributions "
            "then in the Partnership Account in proportion to each Party's cash Contributions paid in and not yet "
            "applied.") in acq
    assert "treat any sum repaid to an Investor as a prepayment of its Investment Capital" in acq
    assert "a revised schedule of the Attributable Contribution" in acq
    definitions = {d.term: plain_text(d.inlines) for d in doc.definitions}
    assert "the Authority Grant less any part of it repaid under clause 6.8, divided equally" in \
        definitions["Attributable Contribution"]
    quiet = assemble(read_termsheet(HUB, catalogue), catalogue, today=DRAFT_DATE).document
    assert not any("is treated as made from the cash Contributions" in text_of(c) for c in quiet.all_clauses())


def test_nominations_note_has_current_shared_rate_exceptions_and_flags_the_fall_back_letting(catalogue):
    """r23 ci-sample 9: the shared accommodation rate exceptions were out of date (the hostel exemption has had no age
    condition since 31 May 2021; victims of domestic abuse and of modern slavery are exempt from 1 October 2022).
    r23 ci-sample 10: with 100% nominations, the fall-back letting itself is the draft's proposal, not only its five
    Business Days. Quiet: a sheet with fewer than all nominations keeps the five-day sentence alone."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    n = " ".join(clause(doc, "co-investment.nominations").note.split())
    assert "aged 25 or over" not in n
    assert ("people who have spent at least three months in a homeless hostel, at any age since 31 May 2021; some "
            "people managed under MAPPA; victims of domestic abuse and of modern slavery (S.I. 2022/942, from "
            "1 October 2022)") in n
    assert ("The fall-back letting is not in the commercial terms, which give the Council every nomination: put it "
            "to the Council as a proposal") in n
    for p in SAMPLES:
        sheet = read_termsheet(p, catalogue)
        if getattr(sheet, "nominations", None) is not None and sheet.nominations.percentage < 100:
            quiet = " ".join(clause(assemble(sheet, catalogue, today=DRAFT_DATE).document,
                                    "co-investment.nominations").note.split())
            assert "The fall-back letting is not in the commercial terms" not in quiet


def test_exit_schedule_says_the_asset_lock_holds_what_the_council_does_not_buy(catalogue):
    """r23 ci-sample 11: Schedule 9 marked the asset lock "Does not apply" while clause 28 keeps every home the
    Council does not buy under the clawback and disposal clauses. Under the Authority Option it now says so.
    Quiet: a sheet on another route keeps "Does not apply" for routes it does not take."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    [table] = tables(clause(doc, "co-investment.schedule-exit"))
    assert table[1][0] == "Asset lock"
    assert table[1][-1] == "Applies to any property the Council does not buy under the Authority Option (clause 28)"
    assert table[2][-1] == "Applies" and table[3][-1] == "Does not apply"


def test_reserve_note_flags_a_surplus_use_that_would_provide_for_the_same_replacements_twice(catalogue):
    """r23 ci-fresh 7: the reserve was taken ahead of the Investors while one agreed use of surplus was itself a
    sinking fund for replacements, so the same work was provided for twice. The note now names the use and the two
    ways out. Quiet: the Trentborough sample's uses of surplus include no such fund."""
    text = SAMPLES_TEXT["affordable-homes-partnership"]
    uses = re.search(r"\n  uses:\n((?:    - .*\n)+)", text)
    assert uses, "the sample lists its uses of surplus"
    firing = text.replace(uses.group(0), uses.group(0) + "    - a sinking fund for replacing kitchens and boilers\n", 1)
    note = " ".join(clause(assemble(validate(load_text(firing, "homes.yaml"), catalogue), catalogue,
                                    today=DRAFT_DATE).document, "co-investment.returns-surplus").note.split())
    assert ("One of the agreed uses of surplus, a sinking fund for replacing kitchens and boilers, overlaps the Repairs "
            "Reserve") in note
    assert "or make the Repairs Reserve that fund and delete the use" in note
    quiet = " ".join(clause(assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document,
                            "co-investment.returns-surplus").note.split())
    assert "overlaps the Repairs Reserve" not in quiet


def test_security_note_states_the_councils_unsecured_contribution_with_its_figure(catalogue):
    """r23 ci-sample 4: the Council's £3,240,000 sat wholly unsecured and the note only asked whether it should take a
    charge. Where the sheet is silent the note now gives the figure and recommends a postponed charge for the
    Clawback Amounts, released on an Investor's sale."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    n = " ".join(clause(doc, "co-investment.security").note.split())
    assert "so on a default its £3,240,000 contribution is recoverable only as that unsecured debt" in n
    assert ("Recommend to the Council a legal charge securing the Clawback Amounts, ranking after the Investor Charges "
            "(or after some of them) and released on a sale by an Investor or a receiver under the Priority Deed") in n


def test_clauses_in_force_on_signing_name_the_liability_limits_by_reference(catalogue):
    """r23 ci-sample 16: "clause 27 (so far as it limits liability for obligations that run from that date)" was
    obscure; clause 3.1 now names the limits themselves, by cross-reference."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    cp = text_of(clause(doc, "co-investment.conditions-precedent"))
    assert "clause 27.1 to clause 27.3, clause 29" in cp
    assert "so far as it limits liability" not in cp


def test_priority_deed_precedence_on_enforcement_is_stated_in_the_security_clause_and_cross_referred(catalogue):
    """r23 ci-sample 17: the rule that the Priority Deed prevails on the enforcement timetable was stated four times.
    It is stated in clause 10.5; clause 26.4 cross-refers and the Priority Deed's heads of terms no longer restate
    the Schedule's own exception."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    default = text_of(clause(doc, "co-investment.default-termination"))
    assert "This clause does not affect clause 10.5 on enforcement." in default
    assert "where they differ, the Priority Deed prevails" not in default
    assert "the one exception to the rule" not in text_of(clause(doc, "co-investment.schedule-agreed-forms"))
    assert "which prevails over this Agreement on the timetable for enforcement" in text_of(clause(doc, "co-investment.security"))


def test_an_absent_investor_is_not_bound_by_the_budget(catalogue):
    """r23 ci-sample 18: a Board meeting is quorate with one Investor and decides by consensus of those present, so an
    absent Investor could be bound by the budget that drives Operating Costs and the cover test. The budget and any
    approval above it now need each Investor's consent, not to be unreasonably withheld. Quiet: without Investor
    Charges the sentence is not added."""
    doc = assemble(read_termsheet(HOMES, catalogue), catalogue, today=DRAFT_DATE).document
    gov = text_of(clause(doc, "co-investment.governance"))
    assert ("The approval of the annual budget, and any approval of Operating Costs above it, also needs the written "
            "consent of each Investor, which it must not unreasonably withhold or delay.") in gov
    text = SAMPLES_TEXT["affordable-homes-partnership"].replace("  investor_charge: true\n", "  investor_charge: false\n")
    assert text != SAMPLES_TEXT["affordable-homes-partnership"]
    quiet = assemble(validate(load_text(text, "homes.yaml"), catalogue), catalogue, today=DRAFT_DATE).document
    assert "also needs the written consent" not in text_of(clause(quiet, "co-investment.governance"))
