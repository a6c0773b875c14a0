"""The open-book family end to end, and the open_book block carried by a grant: samples validate,
assemble, carry the right clauses with real figures, and open cleanly in Word and LibreOffice."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from assembler.assemble import assemble, check_rules
from assembler.cli import main
from assembler.formatting import money, money_words
from assembler.model import Paragraph, Table, iter_paragraphs, plain_text
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT, assemble_to, audit, samples, soffice_text

OPEN_BOOK_SAMPLES = samples("open-book")
GRANT_WITH_BLOCK = ROOT / "samples" / "grant" / "care-leavers-open-book.yaml"
CARRIERS = [*OPEN_BOOK_SAMPLES, GRANT_WITH_BLOCK]
SHARED_CLAUSES = [
    "common.open-book-costs", "common.open-book-cost-base", "common.open-book-profit-cap",
    "common.open-book-excess", "common.open-book-related-parties", "common.open-book-information",
]
SHARED_SCHEDULES = [
    "common.open-book-schedule-costs", "common.open-book-schedule-reconciliation",
    "common.open-book-schedule-reporting",
]
CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
ADULT = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"


def whole_pounds(cell: str) -> str:
    """A money cell as `money` writes it alone: a column with any pence shows '.00' on whole pounds too."""
    return cell[:-3] if cell.endswith(".00") else cell


def ids(paths):
    return [f"{p.parent.name}/{p.stem}" for p in paths]


def test_the_family_has_samples():
    assert {CHARITY, ADULT} <= set(OPEN_BOOK_SAMPLES)


@pytest.fixture(scope="module")
def built(catalogue, tmp_path_factory):
    """Each carrier sample assembled once: (sheet, assembly, docx path)."""
    out = {}
    folder = tmp_path_factory.mktemp("open-book")
    for path in CARRIERS:
        sheet = read_termsheet(path, catalogue)
        result = assemble(sheet, catalogue, today=DRAFT_DATE)
        docx = assemble_to(path, folder / f"{path.parent.name}-{path.stem}.docx", catalogue)
        out[path] = (sheet, result, docx)
    return out


@pytest.fixture(scope="module")
def lo_text(built):
    return {path: soffice_text(docx) for path, (_, _, docx) in built.items()}


def clause(result, clause_id):
    return next(c for c in result.document.all_clauses() if c.id == clause_id)


def table_rows(clause_obj) -> list[list[str]]:
    rows = []
    for block in clause_obj.blocks:
        if isinstance(block, Table):
            rows += [[plain_text(cell) for cell in row] for row in block.rows]
    return rows


def paragraphs_text(clause_obj) -> str:
    return "\n".join(p.text for p in iter_paragraphs(clause_obj.blocks))


@pytest.mark.parametrize("path", CARRIERS, ids=ids(CARRIERS))
def test_sample_validates_without_rule_errors(path, catalogue):
    sheet = read_termsheet(path, catalogue)
    assert sheet.model.open_book is not None
    assert [f for f in check_rules(sheet, catalogue) if f.severity == "error"] == []


@pytest.mark.parametrize("path", CARRIERS, ids=ids(CARRIERS))
def test_sample_carries_the_shared_open_book_clauses_and_schedules(path, built):
    _, result, _ = built[path]
    clause_ids = [c.id for c in result.document.clauses]
    schedule_ids = [s.id for s in result.document.schedules]
    sheet = built[path][0]
    for cid in SHARED_CLAUSES:
        if cid == "common.open-book-cost-base" and sheet.model.open_book.basis != "allowable_cost":
            assert cid not in clause_ids   # no Cost Base clause where the cap is not on costs
            continue
        assert cid in clause_ids
    for sid in SHARED_SCHEDULES:
        assert sid in schedule_ids
    # in manifest order: costs before profit cap before excess
    assert clause_ids.index("common.open-book-costs") < clause_ids.index("common.open-book-profit-cap") \
        < clause_ids.index("common.open-book-excess")


def test_grant_samples_without_the_block_have_no_open_book_clauses(catalogue):
    for path in samples("grant"):
        if path == GRANT_WITH_BLOCK:
            continue
        sheet = read_termsheet(path, catalogue)
        result = assemble(sheet, catalogue, today=DRAFT_DATE)
        assert not [c.id for c in result.document.all_clauses() if "open-book" in c.id]
        assert "Excess Profit" not in {d.term for d in result.document.definitions}


def test_charity_sample_names_parties_and_homes(built):
    _, result, _ = built[CHARITY]
    doc = result.document
    assert [p.name for p in doc.parties] == ["Northmoor City Council", "Meadowbank Children's Trust"]
    homes = table_rows(clause(result, "open-book.schedule-services"))
    assert ["St Brigid's House", "41 Abbey Road, Northmoor NM2 7JX", "4", "3"] in homes   # places, core places
    assert ["Rowan House children's home", "Ofsted", "SC482913", "4"] in homes
    definitions = {d.term: plain_text(d.inlines) for d in doc.definitions}
    # two parties: each role is held by one party, so the draft names that party and defines no role term
    assert not {"Open-Book Provider", "Open-Book Commissioner", "Public Body"} & set(definitions)
    assert definitions["Reasonable Profit"] == "for each Reconciliation Period, 5% of the Allowable Costs for that period"  # ob-sample r20 10: no separate Cost Base


def test_charity_worked_example_shows_the_term_sheets_figures(built):
    sheet, result, _ = built[CHARITY]
    ob = sheet.model.open_book
    schedule = clause(result, "common.open-book-schedule-reconciliation")
    rows = dict((r[0], r[1]) for r in table_rows(schedule))
    allowable = ob.cost_model.direct_costs + ob.cost_model.overheads          # overheads within the 12% cap
    maximum = allowable * ob.profit_cap / 100
    excess = ob.cost_model.income - allowable - maximum
    assert ob.cost_model.income == ob.expected_income                          # one set of numbers
    assert rows["Allowable Costs"] == money(allowable) == "£2,955,000"
    assert rows["Reasonable Profit (5% of the Allowable Costs)"] == money(maximum) == "£147,750"
    assert rows["Excess Profit"] == money(excess) == "£300"
    # reinvest position; £300 is below the £5,000 carry-forward threshold (ob-fresh r15 22, ob-sample r15 5)
    # r16 ob-sample 8: one row, the £300 shown once
    assert rows["Carried forward to the next Reconciliation Period (in the final period: transferred to the Reinvestment Fund)"] == money(excess)
    assert not any(k.startswith("Transferred to the Reinvestment Fund") for k in rows)
    assert rows["Refunded to the Council"] == "£0"    # the table names the parties, not the role terms
    assert rows["Profit the Trust keeps"] == money(maximum)
    text = paragraphs_text(schedule)
    assert f"the Reasonable Profit is {money_words(maximum)}" in text
    assert f"must transfer {money_words(excess)} to the Reinvestment Fund" not in text
    assert f"Because the Excess Profit of {money(excess)} is less than [£5,000], it is not transferred" in text
    assert "transferred to the Reinvestment Fund when it reaches [£5,000] or, if sooner, in the final Reconciliation Period" in text
    assert f"The Trust keeps profit of {money_words(maximum)}." in text and "It keeps profit" not in text


def test_adult_care_sample_uses_every_alternative_variant(built):
    sheet, result, _ = built[ADULT]
    chosen = {c.id: c.variant for c in result.document.clauses if c.variant}
    assert chosen["common.open-book-profit-cap"] == "sharing-band"
    assert chosen["common.open-book-cost-base"] == "direct-cost"
    assert chosen["common.open-book-excess"] == "split"
    assert chosen["common.open-book-information"] == "continuous"
    ex = sheet.model.open_book.examples["direct-cost/sharing-band/split"]
    rows = dict((r[0], whole_pounds(r[1])) for r in table_rows(clause(result, "common.open-book-schedule-reconciliation")))
    assert rows["Overheads that count"] == money(ex.overheads_allowed)
    assert rows["Top of the Sharing Band"] == money(ex.band_limit)
    assert rows[f"Refunded to {sheet.model.commissioner.defined}"] == money(ex.refund) == "£4.94"  # 60% of 60% of 13.73 (8.24), by hand
    assert rows["Transferred to the Reinvestment Fund"] == money(ex.reinvest)
    assert ex.refund + ex.reinvest == ex.excess
    regs = table_rows(clause(result, "open-book.schedule-services"))
    assert ["Marsh End care home", "Care Quality Commission", "1-2345678901", "6"] in regs
    assert "Reinvestment Plan" in [s.title for s in result.document.schedules]


def test_grant_carrying_the_block_resolves_references_across_the_document(built):
    sheet, result, _ = built[GRANT_WITH_BLOCK]
    doc = result.document
    numbers = {c.id: c.number for c in doc.all_clauses()}
    costs = clause(result, "common.open-book-costs")
    first = next(iter_paragraphs(costs.blocks)).text
    assert first.startswith(f"This clause, clause {numbers['common.open-book-cost-base']}, "
                            f"clause {numbers['common.open-book-profit-cap']},")
    definitions = {d.term: plain_text(d.inlines) for d in doc.definitions}
    recon = f"Schedule {numbers['common.open-book-schedule-reconciliation']}"
    assert definitions["Reconciliation Statement"].endswith(f"in the form set out in {recon}")
    assert "Open-Book Provider" not in definitions  # one provider: the draft says "the Trust"
    # the grant's own terms and the open-book terms sit in one definitions clause
    assert {"Grant", "Excess Profit", "Reinvestment Fund"} <= set(definitions)
    rows = dict((r[0], r[1]) for r in table_rows(clause(result, "common.open-book-schedule-reconciliation")))
    ex = sheet.model.open_book.examples["full-cost/hard-cap/split"]
    refunded = [label for label in rows if label.startswith("Refunded to ")]
    assert refunded and "Open-Book" not in refunded[0]
    assert rows[refunded[0]] == money(ex.refund) == "£7,200"
    assert "Reinvestment Plan" in [s.title for s in doc.schedules]


@pytest.mark.parametrize("path", CARRIERS, ids=ids(CARRIERS))
def test_docx_passes_the_openxml_audit(path, built):
    errors, prediction = audit(built[path][2])
    assert errors == []
    assert prediction == "opens-clean"


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", CARRIERS, ids=ids(CARRIERS))
def test_libreoffice_shows_numbers_and_references_as_the_model_resolved_them(path, built, lo_text):
    _, result, _ = built[path]
    lines = {_normal(line) for line in lo_text[path].splitlines()}
    checked = 0
    for c in [*result.document.clauses, *result.document.schedules]:
        if not c.id.startswith(("common.open-book", "open-book.")):
            continue
        if c.kind == "clause":
            assert f"{c.number}. {c.title}" in lines
        for para in iter_paragraphs(c.blocks):
            if para.kind == "numbered" and para.number:
                assert _normal(f"{para.number} {para.text}") in lines, para.text
                checked += 1
    assert checked > 20
    # a cross-reference's cached number is what LibreOffice prints
    assert re.search(r"Disallowed Costs means the costs described in clause \d+\.\d+", lo_text[path])


@pytest.mark.parametrize("path", CARRIERS, ids=ids(CARRIERS))
def test_assembling_twice_gives_identical_bytes(path, built, catalogue, tmp_path):
    again = assemble_to(path, tmp_path / "again.docx", catalogue)
    assert again.read_bytes() == built[path][2].read_bytes()


# --- bad input for the new fields: file:line: field: message, and nothing written --------------


def _bad(tmp_path: Path, source: Path, key: str, replacement: str) -> tuple[Path, int]:
    """The sample with the line `  key: ...` of the open_book block replaced; returns file and line."""
    lines = source.read_text(encoding="utf-8").splitlines()
    start = lines.index("open_book:")
    n = next(i for i in range(start, len(lines)) if lines[i].startswith(f"  {key}:"))
    lines[n] = replacement
    bad = tmp_path / "bad.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return bad, n + 1


@pytest.mark.parametrize("source", [CHARITY, GRANT_WITH_BLOCK], ids=ids([CHARITY, GRANT_WITH_BLOCK]))
@pytest.mark.parametrize(
    "key, replacement, field, message",
    [
        ("profit_cap", "  profit_cap: five", "open_book.profit_cap", "expected a number, e.g. 12.5, got 'five'"),
        ("profit_cap", "  profit_capp: 5", "open_book.profit_capp",
         "unknown field 'profit_capp' (did you mean 'profit_cap'?)"),
        ("profit_cap", "  profit_cap: 22.6", "open_book.profit_cap", "must be at most 15 (got 22.6)"),
        ("overhead_cap", "  overhead_cap: 140", "open_book.overhead_cap",
         "must be at most 100 (got 140)"),
        ("reconciliation", "  reconciliation: monthly", "open_book.reconciliation", "'monthly' is not one of the choices"),
    ],
    ids=["wrong-type", "unknown-key", "cap-out-of-range", "overhead-out-of-range", "bad-choice"],
)
def test_bad_open_book_input_is_reported_with_file_line_field(source, key, replacement, field, message, tmp_path):
    bad, line = _bad(tmp_path, source, key, replacement)
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(main, ["assemble", str(bad), "-o", str(out), "--date", "2026-12-03"])
    assert result.exit_code == 1
    assert f"bad.yaml:{line}: {field}: {message}" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_fixed_fee_basis_renders_a_fixed_reasonable_profit(catalogue, tmp_path):
    text = CHARITY.read_text(encoding="utf-8").replace(
        "  basis: allowable_cost", "  basis: fixed_fee\n  fixed_fee: 120000")
    path = tmp_path / "fixed.yaml"
    path.write_text(text, encoding="utf-8")
    sheet = read_termsheet(path, catalogue)
    result = assemble(sheet, catalogue, today=DRAFT_DATE)
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    assert definitions["Reasonable Profit"].startswith("for each Reconciliation Period, £120,000 for each period of 12 months")
    rows = dict((r[0], r[1]) for r in table_rows(clause(result, "common.open-book-schedule-reconciliation")))
    assert rows["Reasonable Profit"] == "£120,000"
    assert rows["Excess Profit"] == money(Decimal(3103050) - Decimal(2955000) - Decimal(120000)) == "£28,050"


def test_paragraph_kinds_in_the_reconciliation_schedule(built):
    _, result, _ = built[CHARITY]
    kinds = [b.kind for b in clause(result, "common.open-book-schedule-reconciliation").blocks
             if isinstance(b, Paragraph)]
    # how it works, worked example, occupancy scenarios, statement, re-basing when Core Places are lost
    assert kinds.count("heading") == 5


def test_rebasing_example_works_the_interim_factor_from_the_budget(built):
    """r18 ob-sample 3 and 12: the re-basing formula is shown in the schedule with the sheet's figures: one Core
    Place lost removes 36.33 weeks (52 less the 15.67 a non-core place is expected to be bought), so the factor is
    (£2,955,000 + £147,750 - £39,000) / (£4,950 x 582.67) = 1.0622."""
    _, result, _ = built[CHARITY]
    schedule = clause(result, "common.open-book-schedule-reconciliation")
    rows = {r[0]: r[1:] for r in table_rows(schedule) if len(r) == 3}
    assert rows["Factor F for this change"] == ["1.0622", "1.0665"]
    assert rows["U − D (weeks a year)"] == ["619 − 36.33 = 582.67", "619 − 72.66 = 546.34"]
    assert "F = (C + P − S) ÷ (W × (U − D))" in paragraphs_text(schedule)


def test_open_book_values_are_data_not_markup(catalogue, tmp_path):
    text = CHARITY.read_text(encoding="utf-8").replace(
        "    - Fundraising and marketing costs", "    - \"{{ 7*7 }} and [[ref:common.notices]] and [[Grant]]\"")
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    result = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    costs = paragraphs_text(clause(result, "common.open-book-costs"))
    assert "{{ 7*7 }} and [[ref:common.notices]] and [[Grant]];" in costs
    assert "49" not in costs


def test_open_book_positions_are_offered_to_the_grant_family(catalogue):
    grant = catalogue.positions("grant")
    for name, standard in [("open_book_cost_base", "full-cost"), ("open_book_margin", "hard-cap"),
                           ("open_book_excess", "refund"), ("open_book_access", "annual")]:
        assert grant[name].standard == standard
        assert catalogue.positions("open-book")[name].standard == standard


def test_charity_schedule_shows_occupancy_scenarios_and_break_even(built):
    """The worked example's income is the pricing schedule's; the scenarios scale the weekly places."""
    sheet, result, _ = built[CHARITY]
    ob = sheet.model.open_book
    schedule = clause(result, "common.open-book-schedule-reconciliation")
    rows = {r[0]: r[1:] for r in table_rows(schedule) if r[0].endswith("%")}
    # 95% of 728 weeks at £4,950 plus 1,200 hours at £32.50; costs held at £2,955,000
    assert rows["95%"] == ["£3,462,420", "£507,420", "£359,670", "£147,750"]
    assert rows["80%"] == ["£2,921,880", "(£33,120)", "£0", "(£33,120)"]   # below break-even: a loss
    assert set(rows) == {"80%", "90%", "95%"}
    text = paragraphs_text(schedule)
    assert f"at {ob.break_even_occupancy}% occupancy" in text and ob.break_even_occupancy == Decimal("80.9")
    assert "The budget assumes 85.03% occupancy" in text


def test_price_cover_wording_follows_the_figures(catalogue, tmp_path):
    """'cover the full cost and the Reasonable Profit' only where the prices at expected units do."""
    import copy as _copy
    import dataclasses

    from assembler.termsheet.loader import load_file

    sheet = read_termsheet(CHARITY, catalogue)
    result = assemble(sheet, catalogue, today=DRAFT_DATE)
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "cover the full cost of the Care Services and the Reasonable Profit" in pricing
    data = _copy.deepcopy(dict(load_file(CHARITY).data))
    data["open_book"]["unit_prices"][0]["price"] = 4800
    data["open_book"]["cost_model"]["income"] = 3010200
    short = type(sheet.model).model_validate(data)
    assert short.open_book.price_cover["full-cost"] < 0
    result = assemble(dataclasses.replace(sheet, model=short), catalogue, today=DRAFT_DATE)
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "cover the full cost" not in pricing
    assert "do not cover the budgeted Allowable Costs and the Reasonable Profit in full" in pricing


SUBSIDIARY = ROOT / "samples" / "open-book" / "supported-accommodation-subsidiary.yaml"


def test_subsidiary_sample_times_the_reconciliation_for_gift_aid(catalogue):
    """A charity's wholly owned company: the gift to the parent waits for the reconciliation (CTA 2010
    s.199 allows 9 months), and the statutory profit-cap power is said not to reach supported
    accommodation."""
    sheet = read_termsheet(SUBSIDIARY, catalogue)
    result = assemble(sheet, catalogue, today=DRAFT_DATE)
    tax = paragraphs_text(clause(result, "open-book.tax"))
    assert "must not make a gift or other payment of its profit" in tax
    assert "section 199 of the Corporation Tax Act 2010" in tax
    law = clause(result, "open-book.change-in-law")
    assert "section 17 of the Children's Wellbeing and Schools Act 2026" not in paragraphs_text(law)
    rows = dict((r[0], whole_pounds(r[1])) for r in table_rows(clause(result, "common.open-book-schedule-reconciliation")))
    provider = sheet.model.provider.defined
    assert rows[f"Overheads above the Overhead Cap, borne by {provider}"] == "£15,000"
    ex = sheet.model.open_book.examples["full-cost/hard-cap/refund"]
    assert rows[f"What {provider} is left with after those Overheads"] == money(ex.provider_result)
    chosen = {c.id: c.variant for c in result.document.clauses if c.variant}
    assert chosen["open-book.voids"] == "void-payment" and chosen["open-book.losses"] == "carried-forward"


def test_childrens_homes_draft_cites_no_adult_care_law_for_human_rights(built):
    _, result, _ = built[CHARITY]
    ids_ = [c.id for c in result.document.clauses]
    assert "open-book.compliance-with-law" in ids_ and "common.compliance-with-law" not in ids_
    note = next(c for c in result.document.clauses if c.id == "open-book.compliance-with-law").note
    assert "Human Rights Act 1998, section 6(3)(b)" in note and "section 73" not in note


def test_charity_states_each_rule_once_and_holds_the_fund_for_the_council(built):
    """The trust is for the commissioner, pointing to the scope clause only for the other purchasers'
    share (it was 'subject to' that clause); a plan is never approved by silence; the grant-funded
    cost rule and the loss rule are stated once, the other places referring to them."""
    _, result, _ = built[CHARITY]
    excess = paragraphs_text(clause(result, "common.open-book-excess"))
    assert "on trust for the Council, subject to the Trust's power and duty to apply it" in excess
    assert "the share of it that clause 10.2 attributes to other purchasers of places as that clause provides" in excess
    assert "Subject to clause" not in excess
    # never approved by bare silence: only after a reminder goes unanswered (r14 ob-sample 9)
    assert "treated as having approved" not in excess
    # r22 ob-sample 13: deemed approval is uninstructed, so it is bracketed.
    assert "[If the Council has done neither within those 30 days, the Trust may remind it in writing. If it has still done neither within 10 Business Days after the reminder, the Reinvestment Plan is treated as approved.]" in excess
    costs = paragraphs_text(clause(result, "common.open-book-costs"))
    assert "already paid for by another public body" not in costs
    assert "that is not Service Income, to the extent it is met from it (see clause" in costs
    cap = paragraphs_text(clause(result, "common.open-book-profit-cap"))
    assert "is not set against the Actual Profit of any later" not in cap
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "before the end of the period of 30 days beginning with the day on which it receives" in pricing


def test_commissioner_places_apportion_by_the_schedule_columns_they_name(built):
    """Clause 9.1 divides the column 'Places for the ...' by 'All places' and Schedule 1 has both
    columns (a review read 'Places' as all places, loading another purchaser's bed on the commissioner);
    fees for the commissioner's places are Service Income even while its payment is suspended."""
    _, result, _ = built[SUBSIDIARY]
    scope = paragraphs_text(clause(result, "open-book.scope"))
    assert 'divided by the number in its column "All places"' in scope
    assert "including while the" in scope and "payment for it is suspended, are Service Income" in scope
    assert "Quayside House 6/8" in scope
    row = table_rows(clause(result, "open-book.schedule-services"))[0]
    assert row[2:] == ["6", "8"]   # the commissioner's places, then all places


def test_charity_kpis_are_measured_over_a_year_and_a_repeated_miss_can_be_remedied(built):
    """With 14 places a quarter has one or two placement endings, so a percentage KPI is measured over
    the 12 months ending with each quarter; a repeated miss is a material breach that can be remedied."""
    _, result, _ = built[CHARITY]
    text = paragraphs_text(clause(result, "open-book.performance"))
    assert 'measured over the period shown for it in the column "Measured over"' in text
    # r31 ob-sample 13: no KPI is measured over rolling 12 months here, so the term is not defined
    assert '"Rolling 12 months" means' not in text
    assert "cannot be remedied" not in text


@pytest.mark.parametrize(("passes_through", "expected", "absent"), [
    (False, "or (b) a change in the rates of the national minimum wage", "except so far as the percentage increase"),
    (True, "or (b) an increase in the national living wage under the National Minimum Wage Act 1998, except so far as "
           "the percentage increase", "a change in the rates of the national minimum wage"),
])
def test_national_living_wage_rise_is_a_relevant_change_in_law_only_by_choice(catalogue, tmp_path, passes_through,
                                                                              expected, absent):
    text = CHARITY.read_text(encoding="utf-8")
    if passes_through:
        text = text.replace("  absence_rate: 100\n", "  absence_rate: 100\n  minimum_wage_change_in_law: true\n")
    path = tmp_path / "wage.yaml"
    path.write_text(text, encoding="utf-8")
    result = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    assert expected in definitions["Relevant Change in Law"]
    assert absent not in definitions["Relevant Change in Law"]
    # r17 ob-sample 6: one "but not", its exclusions lettered, no second "other than" reading as an exception
    assert definitions["Relevant Change in Law"].count("other than") == 0
    assert ", but not (a) a change whose terms had been made, published in draft or announced by the Government" in definitions["Relevant Change in Law"]
    body = "\n".join(p.text for p in iter_paragraphs(clause(result, "open-book.change-in-law").blocks))
    assert "If a Relevant Change in Law changes the cost" in body


def test_user_choice_award_ties_each_core_place_to_an_existing_placement(built):
    """r14 ob-sample 1, 5, 6 and ob-fresh 1, 2: a user-choice award covers only the people whose choice it
    rests on, so each Core Place is held for an Existing Placement (identified in the award decision
    record), is paid for 4 weeks after that placement ends and then stops being a Core Place with the
    Prices re-based, never below the instructed minimum at a home (the Council ends the agreement for that
    home instead); the extension needs a recorded lawful basis. Earlier (r13) the Council could remove a
    Core Place on notice below the minimum and without re-basing. A competitively procured draft has none
    of this."""
    _, result, _ = built[CHARITY]
    voids = paragraphs_text(clause(result, "open-book.voids"))
    # r23 ob-sample 1: the place stays a Core Place until removed by the 6 months' notice of a reduction.
    assert "When a Placement in one of the Core Places ends, the place remains one of the Core Places and the Council pays for it under clause" in voids
    assert "for 4 more weeks" not in voids
    assert "it may remove the place from the Core Places only by a reduction under clause 7.5" in voids
    assert ("Where a Placement in one of the Core Places ends at a home that then has no more than two Core Places, "
            "clause 7.6 does not apply to that place and the Council must, within [20] Business Days after that Placement ends, either") in voids
    assert "This applies despite the minimum number of Core Places" not in voids
    assert "are not re-based" not in voids
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    # r34 ob-sample 1: eleven children placed for eleven block-booked places, so the Core Places are the eleven from
    # the start date; the occupancy-based identification (r14, r21 ob-sample 11) is the bracketed alternative.
    assert definitions["Core Places"] == ("the places in the Homes that the Council block-books under clause 7, being eleven on 1 July 2027, as reduced from time to time under clause 7.5 and clause 29.9")
    assert "[Alternatively: on 1 July 2027 a place is one of the Core Places only if it is then occupied by an Existing Placement, or held for one under clause 5.5 while the child is away" in voids
    assert "(eleven children in all)" in definitions["Existing Placement"]
    term = paragraphs_text(clause(result, "open-book.term"))
    assert "but only if, before giving notice, it has given the Trust the confirmation described in clause 3.3 for the extension" in term
    # r23 ob-sample 4: the confirmation records the lawful basis (a new award or a modification), not only s.74
    # r31 ob-fresh 11: the one clause of pre-conditions also names the earlier contract's continuation
    assert "that it has recorded the basis on which the Placement, filling, continuation or extension may lawfully be awarded or made, and has published any notice the Procurement Act 2023 requires for it" in paragraphs_text(clause(result, "open-book.services"))
    services = paragraphs_text(clause(result, "open-book.services"))
    assert "a Placement that is not an Existing Placement, including one that continues under clause" in services
    _, quiet, _ = built[SUBSIDIARY]
    assert "Existing Placement" not in paragraphs_text(clause(quiet, "open-book.voids"))
    assert "4 more weeks" not in paragraphs_text(clause(quiet, "open-book.voids"))


def test_core_places_floor_the_occupancy_scenarios_and_the_break_even_sentence(catalogue, tmp_path):
    """ob-fresh r13 finding 2: the Council pays for the Core Places whether or not they are used, so a
    scenario below their share (78.6% here) shows the Core Places payment, not a smaller income, and
    the schedule says income cannot fall below it unless payment is suspended. Without Core Places
    (void-payment) the income scales down."""
    def rows_and_text(positions_extra, services_extra=""):
        text = CHARITY.read_text(encoding="utf-8")
        assert "\nopen_book:\n" in text and "\npositions:\n" in text
        text = text.replace("\nopen_book:\n", "\nopen_book:\n  occupancy_scenarios: [70, 90, 95]\n")
        if positions_extra:
            text = text.replace("\npositions:\n", "\npositions:\n" + positions_extra)
            text = text.replace("\nservices:\n", "\nservices:\n" + services_extra)
        path = tmp_path / f"floor{len(positions_extra)}.yaml"
        path.write_text(text, encoding="utf-8")
        result = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
        schedule = clause(result, "common.open-book-schedule-reconciliation")
        return {r[0]: r[1:] for r in table_rows(schedule) if r[0].endswith("%")}, paragraphs_text(schedule)
    rows, text = rows_and_text("")
    # 11 Core Places x 52 weeks x £4,950 = £2,831,400, plus 1,200 hours at £32.50 held at budget in the table
    assert rows["70%"][0] == "£2,870,400"
    assert "bring in £2,831,400 a year" in text and "cannot fall below that unless a payment is suspended under clause" in text
    rows, text = rows_and_text("  open_book_voids: void-payment\n", "  void_rate: 80\n")
    assert rows["70%"][0] != "£2,870,400" and "cannot fall below" not in text


def test_childrens_draft_speaks_of_children_and_pastes_no_wording_twice(built):
    """ob-sample r13 findings 10 to 14: children's words in a children's draft, Recital D without the
    term sheet's second Schedule 5 bracket, defined terms capitalised, real references."""
    _, result, _ = built[CHARITY]
    services = paragraphs_text(clause(result, "open-book.services"))
    assert "so that the children already placed at the Homes need not move" in services
    assert "a Placement that is not an Existing Placement, including one" in services and "subject to the next paragraph" not in services
    recitals = paragraphs_text(clause(result, "open-book.recitals"))
    assert "living in the Homes would otherwise have to move" in recitals
    assert "(the user choice justification in Schedule 5" not in recitals
    related = paragraphs_text(clause(result, "common.open-book-related-parties"))
    assert "the first item above" not in related
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    assert definitions["Reinvestment Fund"].endswith("moving on from, the Homes")
    assert "at the same places, whoever pays for it" in definitions["Open-Book Services"]


def test_only_restricted_gifts_are_left_out_and_service_income_names_no_grants(built):
    """ob-sample r13 finding 7 and ob-fresh finding 10: only restricted donations and grants for the
    services are left out (the sheet's words), and Service Income no longer includes grants only to
    exclude them again."""
    _, result, _ = built[CHARITY]
    scope = paragraphs_text(clause(result, "open-book.scope"))
    assert "receives on terms restricting their use to the Open-Book Services" in scope
    assert "despite the definition of that term" not in scope and "This is the only rule" not in scope
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    assert "including fees, charges and interest" in definitions["Service Income"]


def test_provider_break_and_re_basing_cannot_push_costs_onto_the_council(built, catalogue, tmp_path):
    """r14 ob-sample 2, 3 and 4, ob-fresh 7 and 8: the provider may end the agreement only on 12 months'
    notice from halfway through the initial term (1 July 2029 on a term from 1 July 2027 of 48 months),
    and re-basing never raises the Prices when it ends a home by its own choice or for its default; the
    review re-bases the whole homes' costs on the budgeted units, unscaled by the Council's share; a home that
    ends takes its share of the expected units by places (Harbour View: 3 of 14), so the formula can be
    worked; an hourly Price with a variable cost is left out of re-basing, its income deducted."""
    _, result, _ = built[CHARITY]
    termination = paragraphs_text(clause(result, "open-book.termination"))
    # r20 ob-sample 7: the Trust's right to end for one or more Homes is stated expressly.
    assert ("The Trust may end this Agreement, as a whole or for one or more of the Homes, only by giving the Council "
            "at least [12] months' notice, which it may not give before [1 July 2029].") in termination
    assert "Either the Council or the Trust may end" not in termination
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    # r17 ob-sample 1: re-basing is a position; the adult-care sample chooses it and its review divides by the share
    _, adult, _ = built[ADULT]
    review = paragraphs_text(clause(adult, "open-book.price-review"))
    # r27 ob-fresh 7: the share cancelled out, so neither side is scaled; the units removed are under 5.8
    assert "less the units removed under clause 5.8, adjusted in the same way" in review
    assert "same share of the Service Income" not in review
    # r19 ob-sample 1: a home that ends takes out its own budgeted weeks, not a share by places
    assert _removed_rows(result) == {"This Agreement ends for Rowan House": "171.67",
                                     "This Agreement ends for St Brigid's House": "171.67",
                                     "This Agreement ends for The Willows": "156",
                                     "This Agreement ends for Harbour View": "119.67",
                                     "[One of the Core Places is removed]": "[36.33]"}
    assert "may not be more than one where this Agreement ends for a home at the Trust's election under clause" in pricing
    # r16 ob-sample 14: an hourly Price is left out of the interim re-basing by default, its income deducted.
    # r19 ob-sample 22: the hourly Price is a defined term (the Support Price), not a quoted label.
    assert "each of the Prices other than the Support Price is multiplied" in pricing
    assert "deduct the income the current Support Price would bring in" in pricing
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    assert definitions["Support Price"].startswith('the hourly Price for additional one-to-one support')
    # r20 ob-sample 9: the Prices are in Part 2 of Schedule 2, not the cost model in Part 1.
    assert definitions["Support Price"].endswith("set out in Part 2 of Schedule 2")
    assert "would bring in for its expected units in Part 2 of Schedule 2 (reduced, for each home for which this Agreement has ended, in the same proportion as the units of the weekly Price removed for that home under clause 5.8 are of that Price's expected units), because that Price is not re-based; and" in pricing
    text = CHARITY.read_text(encoding="utf-8")
    old = "      price: 32.50\n      expected_units: 1200\n"
    assert old in text
    path = tmp_path / "rebased.yaml"
    path.write_text(text.replace(old, old + "      rebase: true\n"), encoding="utf-8")
    varied = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    pricing = paragraphs_text(clause(varied, "open-book.pricing"))
    assert "each of the Prices is multiplied" in pricing
    assert "deduct the income" not in pricing


def test_losing_a_core_place_removes_the_budgeted_spare_weeks_once(built):
    """r16 ob-sample 1 and 2: failing agreement, losing a Core Place removes 52 weeks less the 15.67 weeks the
    budget expects of each non-core place ((619 - 572) / 3), not all 52; the note gives the factors (1.0622 and
    1.1329 with the hourly income held out); and a home that ends is removed once, not again as Core Places."""
    ts, result, _ = built[CHARITY]
    assert ts.model.open_book.core_rebase["removed_weeks"] == Decimal("36.33")
    assert ts.model.open_book.core_rebase["factors"] == [Decimal("1.0622"), Decimal("1.1329")]
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "(failing agreement within 20 Business Days, none)" not in pricing
    # r20 ob-sample 6: the default is a figure in the table of units removed; its working is in the note.
    # r34 ob-sample 2: bracketed with the uninstructed re-basing on a reduction it serves
    assert _removed_rows(result)["[One of the Core Places is removed]"] == "[36.33]"
    assert "the units removed for that place are 52 less those weeks" in pricing
    assert "Core Places that cease because this Agreement has ended for their home are not Core Places removed" in pricing
    assert "stop counting: the units and costs of that home are removed once" in pricing
    note = clause(result, "open-book.pricing").note
    notes = note if isinstance(note, str) else plain_text(note)
    assert "rise by a factor of 1.0622 for the first place and 1.0665 for the second (1.1328 on the original Price)" in notes
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    assert "as reduced from time to time under clause 7.5 and clause 29.9" in definitions["Core Places"]  # r34 ob-sample 1


def test_existing_list_timing_living_wage_fallback_and_the_losses_note(built, catalogue, tmp_path):
    """r14 ob-fresh 19: the list of existing placements is due 20 Business Days before the start or, if
    the agreement is signed late, 5 Business Days after it takes effect; ob-fresh 14: a national living
    wage element of the index is replaced by average weekly earnings if the wage stops being set each
    April; ob-sample 8 and ob-fresh 13: the losses note does not call the income secure, and points to
    carrying losses forward."""
    _, result, _ = built[CHARITY]
    placements = paragraphs_text(clause(result, "open-book.placements"))
    # r22 ob-sample 9: one list, given under clause 7 on the date of this Agreement and 20 Business Days before the start.
    assert "as listed by the Council under clause 7.9 and confirmed by the Trust" in placements
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "national living wage" not in pricing
    note = next(c for c in result.document.clauses if c.id == "open-book.losses").note
    # r24 ob-sample 1: no losses position given, so the clause brackets the two-period carry-forward and the note says so
    assert "the clause brackets the compromise most likely to be agreed" in (note if isinstance(note, str) else plain_text(note))
    text = CHARITY.read_text(encoding="utf-8")
    old = "  indexation: the Consumer Prices Index including owner occupiers' housing costs (CPIH) for the 12 months to the previous March, capped at 4%\n"
    assert old in text
    path = tmp_path / "wage.yaml"
    path.write_text(text.replace(old, "  indexation: 70% of the increase in the National Living Wage that April and 30% of CPI for the 12 months to the previous December\n"
                                 ).replace("      price: 4950\n", "      price: 5500\n"),   # 572 weeks x £5,500 cover the cost
                    encoding="utf-8")
    wage = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    # r25 ob-fresh 5: the index fallback sits in the price review clause, not the re-basing clause
    pricing = paragraphs_text(clause(wage, "open-book.price-review"))
    assert "If the national living wage is no longer set each April, its part of the review is replaced by" in pricing
    note = next(c for c in wage.document.clauses if c.id == "open-book.losses").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "That guarantee falls while a payment for a Core Place is suspended" in note
    assert "secure enough" not in note


def test_one_lowest_inspection_outcome_lets_the_council_suspend_referrals(built):
    """r14 ob-fresh 8: termination needs the lowest outcome twice in a row, which a short contract may never
    see, so one such outcome (one inadequate judgment for a children's home) lets the Council suspend new
    Referrals."""
    _, result, _ = built[CHARITY]
    text = paragraphs_text(clause(result, "open-book.termination"))
    assert "or where any of the Homes is judged inadequate once, the Council may by notice suspend new Referrals" in text
    _, accommodation, _ = built[SUBSIDIARY]
    text = paragraphs_text(clause(accommodation, "open-book.termination"))
    assert "supported accommodation service receives the lowest of Ofsted's three inspection outcomes once" in text


def test_overheads_are_apportioned_over_all_the_places_together(built):
    """r14 ob-fresh 6: Overheads are allocated to the homes or settings as a whole, so the Council's share is
    its places at all of them over all their places, as the cost schedule's allocation method says (13 of
    15 there), not setting by setting like a shared cost of one setting."""
    _, result, _ = built[SUBSIDIARY]
    text = paragraphs_text(clause(result, "open-book.scope"))
    assert "apportioned to the places the" in text and "by places available across all the" in text
    assert "in the same way as a shared cost" not in text


def test_an_eot_owned_provider_pays_the_chapter_10a_bonus_from_its_kept_profit(catalogue):
    """ob-fresh r15 findings 4 and 13: with eot_trustee, the Disallowed Costs name the trustee and make any
    Chapter 10A of Part 4 ITEPA 2003 bonus a cost of the provider's kept profit (never an Allowable Cost,
    so it cannot enlarge the Cost Base), and a disposal by the trustee is a change of control."""
    import copy as _copy
    import dataclasses

    from assembler.termsheet.loader import load_file

    sheet = read_termsheet(ADULT, catalogue)
    plain = assemble(sheet, catalogue, today=DRAFT_DATE)
    assert "Chapter 10A" not in paragraphs_text(clause(plain, "common.open-book-costs"))
    data = _copy.deepcopy(dict(load_file(ADULT).data))
    data["open_book"]["eot_trustee"] = "Acme EOT Trustee Limited"
    model = type(sheet.model).model_validate(data)
    result = assemble(dataclasses.replace(sheet, model=model), catalogue, today=DRAFT_DATE)
    costs = paragraphs_text(clause(result, "common.open-book-costs"))
    assert "any payment to Acme EOT Trustee Limited" in costs
    assert "under Chapter 10A of Part 4 of the Income Tax (Earnings and Pensions) Act 2003" in costs
    assert re.search(r"may pay such a bonus only out of the Actual Profit it keeps under clause \d+\)", costs)
    assert costs.count("dividends, distributions") == 1
    control = paragraphs_text(clause(result, "open-book.financial-distress"))
    assert "any disposal by it, or by any later trustee, of shares in" in control


def test_r16_sample_user_choice_core_places_and_the_minimum(built):
    """r16 ob-sample 3: the continuation of the children already placed is subject to the user-choice limit,
    and one who is not an Existing Placement stays under the earlier contract until a basis is recorded;
    4: the Core Places are those the Existing Placements occupy on the start date, and the Council's list says
    which they are; 5: at the minimum the Council must record a basis or end the home, and the note says that
    Harbour View starts at the minimum."""
    _, result, _ = built[CHARITY]
    placements = paragraphs_text(clause(result, "open-book.placements"))
    assert "Subject to clause 3.3, every child placed by the Council" in placements
    # r31 ob-fresh 11: said once, in clause 3.3, which 8.3 refers to
    assert "the placement of such a child continues under the Existing Contract and not under this Agreement" in \
        paragraphs_text(clause(result, "open-book.services"))
    assert "clause 3.3 sets when it continues under this Agreement, and how it continues until then" in placements
    assert "say which of them are Existing Placements" in paragraphs_text(clause(result, "open-book.voids"))
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    # r34 ob-sample 1: the sheet's eleven Core Places from the start date
    assert definitions["Core Places"].startswith("the places in the Homes that the Council block-books under clause 7, being eleven")
    assert "shown as such in the list the Council gives under clause 7.9" in definitions["Existing Placement"]
    voids = paragraphs_text(clause(result, "open-book.voids"))
    assert "give the Trust the confirmation described in clause 3.3 for filling the place; or" in voids
    assert "give notice to end this Agreement for that home under clause 29.1" in voids
    assert "the Council may end this Agreement for that home" not in voids
    note = clause(result, "open-book.voids").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "Harbour View starts at the minimum (two Core Places of three places)" in note


def test_r16_sample_refunds_law_notes_trustees_and_continued_placements(built):
    """r16 ob-sample 6: the note says the cost-based review goes beyond the instructed indexation; 7: a
    specification dated after the transparency notice is flagged; 9: refunds from the fund respect the other
    purchasers' share; 10: Law takes in guidance only as the law applies it; 11: the SSRO note says the
    2026/27 rate must be inserted; 12: notes state the known procurement position; 13: a trustee-director's
    pay needs authority; 15: a Placement continued after the end keeps its terms."""
    _, result, _ = built[CHARITY]

    def note_of(cid):
        n = clause(result, cid).note
        return n if isinstance(n, str) else plain_text(n)

    assert "The annual review is indexation alone, as instructed" in note_of("open-book.price-review")
    schedule = next(s for s in result.document.schedules if s.id == "open-book.schedule-services")
    snote = schedule.note if isinstance(schedule.note, str) else plain_text(schedule.note)
    assert "The specification is dated 14 January 2027, after the transparency notice of 16 November 2026" in snote
    # r34 ob-sample 4: the instructed reinvestment rolls unplanned or unspent money into a further plan, so the
    # other purchasers' share is dealt with only when the fund closes
    excess = paragraphs_text(clause(result, "common.open-book-excess"))
    assert "the other purchasers' share being paid to them" not in excess
    assert "(or, as to their share, to the other purchasers)" in excess
    definitions = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    assert "guidance to which a Party need only have regard is not made a duty to comply" in definitions["Law"]
    cap = note_of("common.open-book-profit-cap")
    assert "must be inserted from the SSRO's published guidance before the draft is sent" in cap
    assert "was not found" not in cap and "still to be inserted" not in cap
    assert "need not publish a contract termination notice" in note_of("open-book.termination")
    assert "which the procurement route says this is" in note_of("open-book.performance")
    assert "a public body in Scotland or Northern Ireland is" not in note_of("common.governing-law")
    assert "NHS trust" not in note_of("common.open-book-costs")
    # r17 ob-sample 8: the recital states the fact; the section 44(3) point is for the note, not an argument in a recital
    recitals = paragraphs_text(clause(result, "open-book.recitals"))
    assert "did not require it" not in recitals and ". It published a transparency notice on 16 November 2026" in recitals
    scope = paragraphs_text(clause(result, "open-book.scope"))
    assert "for a director who is a charity trustee of the Trust, only where the employment is authorised" in scope
    assert "s.185(3)(a)" in note_of("open-book.scope")
    termination = paragraphs_text(clause(result, "open-book.termination"))
    assert "continues in force for it, including those on the services, registration, payment" in termination


def test_r17_price_review_is_a_position_index_by_default(built):
    """r17 ob-sample 1 and ob-fresh 5: the annual review is the instructed index unless the sheet chooses
    re-basing; the index review multiplies each Price by one plus the index (floor at zero), leaves the
    over-recovery to the reconciliation, and adds a change in law on top; the adult-care sample chooses
    re-basing, which keeps the base statement and the collar, and its note warns off a ramp-up year as a base."""
    _, result, _ = built[CHARITY]
    review = paragraphs_text(clause(result, "open-book.price-review"))
    assert ("each of the Prices is multiplied by one plus the rate of the index for that review date (one plus that rate being the \"review factor\"), the index being "
            "the percentage change over the 12 months to the March before that review date in the Consumer Prices Index "
            "including owner occupiers' housing costs (CPIH all items, 12-month rate, ONS series L55O), as first "
            "published by the Office for National Statistics and disregarding later revisions, but not more than 4%; if "
            "that rate is below zero, the Prices do not change") in review
    assert "base statement" not in review
    assert "by the percentage that:" in review and "the change in Allowable Costs it causes in a full year, with the Reasonable Profit on that change, bears to" in review  # r20 ob-sample 4; r23 ob-sample 6 (lettered)
    assert "This adjustment is in addition to the review under clause 6.1." in review
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "base statement" not in pricing and "is otherwise not limited by the index for the year, and needs no Reconciliation Statement" in pricing
    note = clause(result, "open-book.price-review").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "the £3,103,050 the Prices bring in at the expected units becomes £3,196,141.50" in note
    assert "not an instruction" not in note
    _, adult, _ = built[ADULT]
    review = paragraphs_text(clause(adult, "open-book.price-review"))
    assert 'the latest Reconciliation Statement that has been agreed or decided by the review date (the "base statement")' in review
    assert "The factor may not be more than one plus the change in the index for this review date alone" in review
    note = clause(adult, "open-book.price-review").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "The instructions choose re-basing rather than indexation alone" in note
    assert "where the first Reconciliation Period includes a ramp-up" in note
    law = paragraphs_text(clause(adult, "open-book.change-in-law"))
    assert "which the limit in clause 6.2 does not hold back" in law


def test_r17_lapsing_core_places_are_capped_and_a_home_below_the_minimum_at_the_start_is_caught(built, catalogue, tmp_path):
    """r17 ob-sample 2 and 3: a Core Place that lapses as its existing placement ends re-bases the Prices only up to a
    cap per place and per Contract Year (bracketed defaults the note flags, or the sheet's figures); the default
    weeks count the places that were Core Places on the start date, not a hard-coded number; a home already below
    the minimum on the start date is dealt with as if an existing placement there had ended."""
    _, result, _ = built[CHARITY]
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    # r20 ob-sample 6: the limits are lettered sub-clauses of clause 5.9
    # r34 ob-sample 2: re-basing on a reduction is not instructed, so the caps are bracketed with its trigger
    assert ("[where the change is a reduction in the Core Places, may not "
            "be more than one plus the product of [3%] and the number of places removed in that change;]") in pricing
    # r24 ob-sample 9(b): the yearly limit reads plainly and counts the catch-up under clause 5.10
    assert ("[where clause 5.9(a) applies, may not, together with the other such factors that take effect in the same "
            "Contract Year and any part applied in it under clause 5.10, increase the Prices by more than [8%];]") in pricing
    assert "The Council may agree in writing to a larger increase than clause 5.9(a) and clause 5.9(b) allow." in pricing
    # r19 ob-sample 3: the default weeks are the cost model's (its eleven Core Places), whatever the Core Places on the
    # start date; places missing then are re-based as lapses on that date (clause 7), so the figure still holds.
    assert "52 less the 15.67 weeks the budget expects each place that is not a Core Place to be bought (619 expected weeks less 572" in (
        clause(result, "open-book.pricing").note if isinstance(clause(result, "open-book.pricing").note, str)
        else plain_text(clause(result, "open-book.pricing").note))
    note = clause(result, "open-book.pricing").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "a bracketed 3% for each place removed and a bracketed 8% in any Contract Year" in note
    assert "the uncapped factor for one place is 1.0622" in note
    # r34 ob-sample 1: the occupancy-based start (and its minimum) applies where the sheet instructs it
    tied_path = tmp_path / "tied.yaml"
    tied_path.write_text(CHARITY.read_text(encoding="utf-8").replace(
        "  minimum_core_places: 2\n", "  minimum_core_places: 2\n  core_places_follow_placements: true\n"), encoding="utf-8")
    tied = assemble(read_termsheet(tied_path, catalogue), catalogue, today=DRAFT_DATE)
    voids = paragraphs_text(clause(tied, "open-book.voids"))
    assert "if any of the Homes then has fewer than two Core Places, as many other places at that" in voids
    assert "are treated as Core Places from that date, and clause" in voids
    assert "applies to each of them as if an Existing Placement at that home had ended on that date" in voids
    assert "(counting any place treated as one of them under clause 7.8(b)) fall short" in voids
    # r20 ob-sample 3: the definition includes places that remain Core Places under the lapse and minimum rules.
    defined = {d.term: plain_text(d.inlines) for d in tied.document.definitions}["Core Places"]
    assert defined.endswith("as reduced or kept under clause 7.5 to clause 7.8 and clause 29.9")
    text = CHARITY.read_text(encoding="utf-8")
    old = "  minimum_core_places: 2\n"
    assert old in text
    path = tmp_path / "capped.yaml"
    path.write_text(text.replace(old, old + "  core_rebase_cap: 7\n  core_rebase_year_cap: 10\n"), encoding="utf-8")
    varied = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    pricing = paragraphs_text(clause(varied, "open-book.pricing"))
    assert "may not be more than one plus the product of 7% and the number of places removed in that change" in pricing and "increase the Prices by more than 10%;" in pricing
    note = clause(varied, "open-book.pricing").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "not instructed" not in note.split("caps the rise")[1][:120]
    assert "the uncapped factor for one place" not in note          # 1.0622 is within a 7% cap
    # quiet: no user-choice award, no lapsing cap and no start-date minimum paragraph
    _, adult, _ = built[ADULT]
    assert "places ceasing in that change" not in paragraphs_text(clause(adult, "open-book.pricing"))


def test_r21_lapse_cap_shortfall_options_and_bracketed_no_catch_up(built, catalogue, tmp_path):
    """r21 ob-sample 1 and 3, as changed by r23 ob-sample 2: the cap on re-basing for lapsed Core Places counts the
    places ceasing in one change; with catch-up not instructed a later re-basing recovers the shortfall (no bracketed
    no-catch-up words: a capped profit with a loss never recovered), and the note says so with the figures; an
    instructed 'false' prints the no-catch-up words unbracketed and the options."""
    _, result, _ = built[CHARITY]
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "the product of [3%] and the number of places removed in that change" in pricing
    assert "A shortfall left by those limits is not recovered" not in pricing
    note = clause(result, "open-book.pricing").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "The note on losses gives what the Core Places alone bring in against the budget." in " ".join(note.split())
    assert "Whether that shortfall is recovered is not instructed. The draft recovers it under clause" in note
    assert "(c) a catch-up" not in note
    text = CHARITY.read_text(encoding="utf-8")
    old = "  minimum_core_places: 2\n"
    for value, present in (("true", False), ("false", True)):
        path = tmp_path / f"catch-{value}.yaml"
        path.write_text(text.replace(old, old + f"  core_rebase_catch_up: {value}\n"), encoding="utf-8")
        varied = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
        pricing = paragraphs_text(clause(varied, "open-book.pricing"))
        assert ("A shortfall left by those limits is not recovered" in pricing) is present
        assert "[A shortfall" not in pricing
        vnote = clause(varied, "open-book.pricing").note
        vnote = vnote if isinstance(vnote, str) else plain_text(vnote)
        assert ("a catch-up, so that the part of a factor a limit holds back" in vnote) is present


def test_r21_day_one_list_lapse_subject_award_scope_split_reports_and_inspections(built):
    """r21 ob-sample 2, 8, 9, 12, 13: the Council lists the Existing Placements at signing and before the start;
    5.5 is subject to the lapse rules; 3.3 is split with a clear tail; reports run from the Service Term;
    the inadequate-rating trigger is two consecutive full inspections. Quiet: an adult sheet keeps none of it."""
    _, result, _ = built[CHARITY]
    voids = paragraphs_text(clause(result, "open-book.voids"))
    assert ("The Council must give the Trust a list of each child it has placed and who lives in one of the Homes, "
            "on the date of this Agreement and again 20 Business Days before 1 July 2027.") in voids
    assert "show the place each Existing Placement occupies or is held for." in voids
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "clause 7.1 continues to apply after the Placement ends, subject to the rules in clause 7 on a place whose Placement has ended." in pricing
    services = paragraphs_text(clause(result, "open-book.services"))
    # r23 ob-sample 1: clause 7.6 keeps the empty place a Core Place; 3.4 makes the Council decide and say why
    assert "It must tell the Trust its decision, with brief reasons, within [20] Business Days" in services
    assert "until then the Council's payments for places continue" not in services
    info = paragraphs_text(clause(result, "common.open-book-information"))
    assert "for each quarter, the first beginning on 1 July 2027, within 20 Business Days" in info
    termination = paragraphs_text(clause(result, "open-book.termination"))
    assert "judged inadequate overall at two consecutive full inspections" in termination
    _, adult, _ = built[ADULT]
    assert "list of the Existing Placements" not in paragraphs_text(clause(adult, "open-book.voids"))
    assert "whose Existing Placement has ended" not in paragraphs_text(clause(adult, "open-book.pricing"))
    assert "judged inadequate overall" not in paragraphs_text(clause(adult, "open-book.termination"))


def test_r21_premises_direct_agreement_and_no_parent_guarantee_without_a_parent(built, catalogue, tmp_path):
    """r21 ob-sample 5: homes owned by a related party need a landlord's direct agreement for step-in and the
    wind-down; the note asks who owns the other homes and raises no parent company guarantee for a provider
    with no parent. Quiet: a sheet naming no premises arrangement gets no clause."""
    _, result, _ = built[CHARITY]
    termination = paragraphs_text(clause(result, "open-book.termination"))
    assert ("The Trust must procure that, within [20] Business Days after the date of this Agreement, Meadowbank "
            "Property Ltd (wholly owned trading subsidiary of the Trust), as owner or landlord of Rowan "
            "House and St Brigid's House, enters into a direct agreement with the Council for those homes only") in termination
    assert "to occupy the home for up to [6] months, at the rent then payable, while the Council steps in under clause" in termination
    note = clause(result, "open-book.financial-distress").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "parent company guarantee" not in note
    # r25 ob-sample 17: the homes of unknown tenure are covered by 29.7 unless the Trust owns them.
    assert ("The Trust must also use all reasonable endeavours to procure a direct agreement in the same terms from any owner or landlord of The Willows "
            "and Harbour View other than the Trust.") in termination
    assert ("The instructions do not say who owns The Willows and Harbour View, so that clause also requires a direct "
            "agreement from any owner or landlord of them other than the Trust: ask who owns them") in " ".join(note.split())
    assert any("premises direct agreement" in a for a in result.document.assumptions)
    text = CHARITY.read_text(encoding="utf-8")
    old = "arrangement: owns Rowan House and St Brigid's House and leases them to the Trust"
    assert old in text
    path = tmp_path / "no-premises.yaml"
    path.write_text(text.replace(old, "arrangement: provides payroll services to the Trust"), encoding="utf-8")
    varied = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    assert "direct agreement" not in paragraphs_text(clause(varied, "open-book.termination"))
    vnote = clause(varied, "open-book.financial-distress").note
    vnote = vnote if isinstance(vnote, str) else plain_text(vnote)
    assert "The instructions do not say who owns the homes: ask" in vnote
    # a parent (a related party that owns the provider's shares) is asked for a guarantee
    path = tmp_path / "parent.yaml"
    path.write_text(text.replace("relationship: wholly owned trading subsidiary of the Trust",
                                 "relationship: charity that owns all the Trust's shares"), encoding="utf-8")
    varied = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    pnote = clause(varied, "open-book.financial-distress").note
    pnote = pnote if isinstance(pnote, str) else plain_text(pnote)
    assert "Take instructions on a guarantee (or a deed of undertaking) from Meadowbank Property Ltd." in pnote


def test_r21_clause_1_lists_every_bracketed_assumption_and_clause_7_note_does_not_hedge(built):
    """r21 ob-sample 6 and 7: the note to clause 1 lists the figures the draft invents (14 days, 4 weeks, 20 Business
    Days, the caps, the debt trigger, compensation heads, related-party notice); the clause 7 note states the
    per-home minimum the sheet gives without offering another reading."""
    _, result, _ = built[CHARITY]
    joined = " | ".join(result.document.assumptions)
    for phrase in ("the 14 days after the Council's notice", "the 20 Business Days within which the Council must tell the Trust whether it will confirm",
                   "within which it must confirm it may fill a place at the minimum", "([3%] for each place and [8%] in a Contract Year)",
                   "the £10,000 unpaid-debt trigger", "the heads of compensation on a break",
                   "the 20 Business Days' notice before a new or changed Related-Party Arrangement"):
        assert phrase in joined, phrase
    note = clause(result, "open-book.voids").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "The instructed minimum applies at each home (eight in all across the four homes)." in note
    assert "confirm which" not in note


def test_r21_deprivation_of_liberty_wording_fits_any_statutory_scheme(built):
    """r21 ob-sample 14: the provider flags a possible deprivation of liberty that needs authorising by a court or
    under any statutory scheme that applies, not by a court alone."""
    _, result, _ = built[CHARITY]
    regulatory = paragraphs_text(clause(result, "open-book.regulatory"))
    assert "needs to be authorised by a court or under any statutory scheme that applies" in regulatory
    assert "needs authority from a court" not in regulatory


def test_r17_overheads_without_categories_are_not_defined_by_themselves(built):
    """r17 ob-sample 12: with no overhead categories the schedule states the rule in one sentence, not as a one-item
    list pointing back to the definition; a sheet that lists overhead lines keeps its list."""
    _, result, _ = built[CHARITY]
    schedule = next(s for s in result.document.schedules if s.id == "common.open-book-schedule-costs")
    text = "\n".join(p.text for p in iter_paragraphs(schedule.blocks))
    assert ("Overheads are Allowable Costs only up to the Overhead Cap, and only so far as they are central costs within "
            "the definition of Overheads, allocated by the method this Schedule sets out.") in text
    assert "the central costs the definition of Overheads describes" not in text


def test_r17_provider_keeps_a_business_continuity_plan(built):
    """r17 ob-sample 14: the force majeure definition relies on a reasonable business continuity plan, so the
    provider must keep, follow and test one and show it on request."""
    _, result, _ = built[CHARITY]
    regulatory = paragraphs_text(clause(result, "open-book.regulatory"))
    assert ("The Trust must keep a business continuity plan for the Care Services, follow it, test it at least once a "
            "year, and give the Council a copy within 10 Business Days after being asked.") in regulatory


def test_rebasing_reworked_independently_from_the_sheet(built):
    """r19 ob-sample 1, 2, 3 and 5, re-worked by hand from the sheet: a home that ends takes out its own budgeted
    weeks (52 for each of its Core Places, 15.67 = (619 - 11 x 52) / 3 for each other place), not a share by places;
    the second lapse is worked on the Price the first produced (W is the current Price) and the cumulative factor is
    labelled as such; one rounding rule; the cap's shortfall is not caught up; missing Core Places at the start are
    re-based as lapses on that date."""
    ts, result, _ = built[CHARITY]
    noncore = ((Decimal(619) - 11 * 52) / 3).quantize(Decimal("0.01"))
    assert noncore == Decimal("15.67")
    weeks = {h.name: h.expected_weeks for h in ts.model.services.homes}
    assert weeks == {"Rowan House": Decimal("171.67"), "St Brigid's House": Decimal("171.67"),
                     "The Willows": 156, "Harbour View": Decimal("119.67")}
    target = Decimal(2955000) + Decimal(147750) - Decimal("32.50") * 1200
    removed = 52 - noncore
    f1 = (target / (Decimal(4950) * (619 - removed))).quantize(Decimal("0.0001"))
    p1 = (Decimal(4950) * f1).quantize(Decimal("0.01"))
    f2 = (target / (p1 * (619 - 2 * removed))).quantize(Decimal("0.0001"))
    p2 = (p1 * f2).quantize(Decimal("0.01"))
    assert (f1, p1, f2, p2) == (Decimal("1.0622"), Decimal("5257.89"), Decimal("1.0665"), Decimal("5607.54"))
    schedule = clause(result, "common.open-book-schedule-reconciliation")
    rows = {r[0]: r[1:] for r in table_rows(schedule) if len(r) == 3}
    assert rows["W, the current weekly Price"] == ["£4,950.00", "£5,257.89"]
    assert rows["Weekly Price after re-basing (before any cap)"] == ["£5,257.89", "£5,607.54"]
    assert rows["Cumulative factor on the original Price of £4,950"] == ["1.0622", str((p2 / 4950).quantize(Decimal("0.0001")))]
    text = paragraphs_text(schedule)
    assert "the weekly Price becomes £5,098.50 and then £5,251.46" in text
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert _removed_rows(result)["This Agreement ends for Rowan House"] == "171.67"
    assert "The units for a home are the same whatever the number of Core Places there" in pricing
    note = clause(result, "open-book.pricing").note
    assert "52 for each of its Core Places in Schedule 1 and 15.67 for each of its other places" in (
        note if isinstance(note, str) else plain_text(note))
    assert "multiplied by the places at that home and divided by" not in pricing
    assert "A shortfall left by those limits is not recovered at a later re-basing" not in pricing  # r23 ob-sample 2
    assert "is worked out to four decimal places, rounded half up." in pricing
    assert "Each number of units under clause 5.8 is worked out to two decimal places" in pricing
    voids = paragraphs_text(clause(result, "open-book.voids"))
    # r34 ob-sample 1: places empty at the start stay Core Places; the occupancy test is the bracketed alternative
    assert "each other place shown there is treated as one of the Core Places removed on that date by a reduction" in voids


def test_cost_model_is_warranted_and_carved_out_of_non_reliance(built):
    """r19 ob-sample 4: the Prices rest on the provider's cost model, so it warrants the model and the Open-Book
    Information, with a price reduction for an overstated budget, and the non-reliance clause is made subject to it."""
    _, result, _ = built[CHARITY]
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert "The Trust warrants that the cost model in Schedule 2 was prepared in good faith" in pricing
    assert "If the cost model overstated what the Direct Costs or the Overheads" in pricing
    general = paragraphs_text(clause(result, "common.general"))
    assert "Subject to clause 5.2, each Party acknowledges that, in entering into this Agreement, it has not relied" in general


def test_r19_definitions_references_and_drafting(built):
    """r19 ob-sample 9, 11, 12, 13, 21, 22: the Prices and the loss clause name every route by which the Prices change;
    a s.78 termination for some Homes re-bases; the refund is allocated between the purchasers; regulation 40 events
    reach the Council without delay; the clause heading no longer duplicates clause 6; 'No Party may'."""
    _, result, _ = built[CHARITY]
    text = "\n".join(paragraphs_text(c) for c in result.document.clauses)
    text += "\n" + "\n".join(plain_text(d.inlines) for d in result.document.definitions)
    text += "\n" + "\n".join(c.title for c in result.document.clauses)
    # r20 ob-sample 11: the definition also names the warranty reduction (5.2), and 6.2 now works both ways.
    # r25 ob-sample 7: and the catch-up under clause 5.10.
    assert "as reviewed under clause 6.1, increased or reduced under clause 6.2, reduced under clause 5.2, re-based " \
           "under clause 5.7 and increased under clause 5.10" in text
    assert ("A loss does not entitle the Trust to a change in the Prices except under clause 5.7, clause 5.10, clause 6.1, "
            "clause 6.2 or clause ") in text  # the last: the change in law clause (r33 ob-fresh 18)
    # r31 ob-sample 4: a home ending by run-off after the minimum clause is a trigger too (bracketed beside end_home)
    assert "only under clause 29.1, clause 29.3 or clause 29.4[, or when this Agreement ends for a home under clause 7.7" in text
    assert "allocated, as clause 10.2 provides, between the Council and the other purchasers of places in the Homes" in text
    assert ("requires it to notify to the placing authority, without delay and in any event within 1 Business Day, and "
            "must tell the Council within 1 Business Day about any other notification") in text
    assert "Prices, payment and price review" not in text
    assert "No Party may commit any Prohibited Act." in text and "No Party may hold any person in slavery" in text
    assert "keep paying the Price for that place" in text
    # Quiet: adult care has no regulation 40 duty.
    _, adult, _ = built[ADULT]
    assert "regulation 40 of the Children's Homes" not in paragraphs_text(clause(adult, "open-book.regulatory"))


def test_r20_change_in_law_moves_prices_both_ways_from_the_day_it_takes_effect(built):
    """r20 ob-sample 4: 28.1 adjusts for any change in cost, so 6.2 must reduce as well as increase the Prices, and
    from the day the change takes effect, not the next 1 July review."""
    _, result, _ = built[CHARITY]
    review = paragraphs_text(clause(result, "open-book.price-review"))
    assert "increases or reduces the Allowable Costs under clause 28.1, the Prices are increased or reduced, from the " \
           "day the change takes effect" in review
    assert "at the next review date" not in review
    law = paragraphs_text(clause(result, "open-book.change-in-law"))
    assert "reflected in the Prices from that day, in addition to the index, as clause 6.2 provides" in law


def test_r20_reconciliation_disagreement_goes_direct_to_expert_determination(built):
    """r20 ob-sample 5: with the escalation-expert route, an unagreed Reconciliation Statement goes straight to expert
    determination (as the note's timetable says), not through the senior officers' steps first."""
    _, result, _ = built[CHARITY]
    cap = paragraphs_text(clause(result, "common.open-book-profit-cap"))
    assert "may refer the figures in question, by notice to the other, direct to expert determination under clause" in cap
    assert "refer the disagreement to be resolved under" not in cap
    assert any("60 days before a referral to expert determination" in a for a in result.document.assumptions)


def test_r20_kpi_measurement_periods_are_bracketed_assumptions_and_deferral_spares_rolling_measures(built):
    """r20 ob-sample 12: the "Measured over" periods are not in the sheet, so they are bracketed and listed as an
    assumption; the deferral of small-number periods does not apply to a rolling measure (it would double-count)."""
    _, result, _ = built[CHARITY]
    rows = table_rows(clause(result, "open-book.schedule-services"))
    measured = [r[-1] for r in rows if len(r) == 5 and r[0] != "Measure"]
    assert measured and all(m.startswith("[") and m.endswith("]") for m in measured)
    assert any("the period over which each Service KPI is measured" in a for a in result.document.assumptions)
    performance = paragraphs_text(clause(result, "open-book.performance"))
    # r21 ob-sample 4: the minimum applies to rolling measures too (counted within the rolling period, not deferred)
    assert "other than one measured over a rolling period" not in performance
    assert ("is not failed in a reporting period in which fewer than [5] cases fall within its measure. A case is each "
            "event the Service KPI measures or each child it counts. For a Service KPI measured over a rolling period, "
            "the cases are those within that rolling period.") in performance
    # r21 ob-sample 4: steady performance below a dated target is compared with a year earlier, not "not improved"
    assert "or is worse than in the same reporting period 12 months earlier." in performance
    assert "has not improved" not in performance


def test_r20_rebasing_factor_held_at_one_when_the_trust_is_excluded(built):
    """r20 ob-sample 7: an ending under the s.78 clause because the Trust is an excluded or excludable supplier is
    the Trust's doing, like a default ending, so the re-basing factor is held at one."""
    _, result, _ = built[CHARITY]
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    assert ("may not be more than one where this Agreement ends for a home at the Trust's election under clause 29.1, "
            "or under clause 29.3, or under clause 29.4 because the Trust is an excluded or excludable supplier;") in pricing


def _removed_rows(result):
    """r20 ob-sample 6: the units removed (clause 5.8) are a table: change -> weeks a year."""
    c = clause(result, "open-book.pricing")
    tables = [b for b in c.blocks if isinstance(b, Table)]
    assert tables, "no table of units removed"
    return {plain_text(r[0]): plain_text(r[1]) for r in tables[0].rows}


def test_r20_break_costs_do_not_apply_to_a_notice_the_minimum_forces(built):
    """r20 ob-sample 8: a notice the Council must give under clause 7.7 (a home would fall below the minimum of
    Core Places and the place cannot be lawfully refilled) is not a break, so the 29.2 break costs do not apply;
    the note says so and gives the Trust's counter-argument. Quiet where there is no user-choice minimum."""
    _, result, _ = built[CHARITY]
    termination = paragraphs_text(clause(result, "open-book.termination"))
    # r24 ob-sample 10: the exception sits in the notice it is about (clause 7.7(b)), not misdescribed in 29.2
    assert "Nothing is payable under clause 29.2 where clause 7" not in termination
    # the sample sets minimum_core_ending: end_home, so ending the home is the operative option, free of break costs
    assert ("give notice to end this Agreement for that home under clause 29.1, in which case the Council goes on "
            "paying for the empty place under clause 7.1 until the ending takes effect, and nothing is payable under "
            "clause 29.2[; or]") in paragraphs_text(clause(result, "open-book.voids"))
    note = clause(result, "open-book.voids").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "Take instructions on an alternative" in note
    assert "The break costs in the termination clause do not apply to that notice" in note
    assert "break costs apply to that notice as drafted" not in note
    _, adult, _ = built[ADULT]
    assert "Nothing is payable under clause" not in paragraphs_text(clause(adult, "open-book.termination"))


def test_r20_expected_units_are_cited_in_part_2_not_the_cost_model(built):
    """r20 ob-sample 9: the Prices and their expected units are in Part 2 of Schedule 2 ("Prices"), not the cost
    model in Part 1, so 5.2, 5.7 and 6.2 cite Part 2; the cost model is still cited for budgeted costs."""
    _, result, _ = built[CHARITY]
    pricing = paragraphs_text(clause(result, "open-book.pricing"))
    review = paragraphs_text(clause(result, "open-book.price-review"))
    assert "would bring in for the expected units in Part 2 of Schedule 2." in pricing and "That reduction does not limit" in pricing
    assert "would bring in for the expected units in Part 2 of Schedule 2, less the units removed under clause 5.8" in pricing
    assert "expected units in Part 2 of Schedule 2" in review
    assert "units in that cost model" not in pricing and "units in the cost model" not in pricing + review
    assert "take the budgeted Allowable Costs in the cost model in Schedule 2" in pricing


def test_r20_core_places_note_gives_the_lapse_shortfall_the_day_one_count_and_the_fallback(built):
    """r20 ob-sample 1: the losses note (the one home of the Core Places economics) gives the figures the provider's
    lawyer will check (guaranteed income and gap, the shortfall one capped lapse leaves), the day-one point (Core
    Places counted on the start date, not at the award) and the negotiating fallback (losses carried forward).
    Quiet on a sheet with no user-choice award."""
    _, result, _ = built[CHARITY]
    note = clause(result, "open-book.losses").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "£2,831,400 a year" in note and "£123,600 less than the budgeted Allowable Costs of £2,955,000" in note
    assert "one Core Place removed with the factor held to the cap leaves the Trust £93,007 a year short" in note
    assert "the Core Places are counted on 1 July 2027" in note
    assert "current list of the children placed" in note
    assert "keep the bracketed text and settle the number of periods" in note  # r24 ob-sample 1
    _, adult, _ = built[ADULT]
    note = clause(adult, "open-book.losses").note
    note = note if isinstance(note, str) else plain_text(note)
    assert "held to the cap" not in note and "counted on" not in note


def test_r20_survival_lists_the_earlier_contract_and_prohibited_act_duties(built):
    """r20 ob-sample 14: the survival clause lists the Prohibited Act notice and investigation duties (24.7, 24.8),
    which must outlive the Agreement."""
    _, result, _ = built[CHARITY]
    general = paragraphs_text(clause(result, "common.general"))
    assert "clause 24.7, clause 24.8," in general
