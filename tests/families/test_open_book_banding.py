"""Need-banded weekly prices that follow the person, not the bed (services.price_basis: per_resident_band), the
Core Places' least income at the minimum counted on the band mix, and the joint funder's share set placement by
placement (r31 ob-fresh findings 1, 2, 7 and 9; tool notes 1 to 4, 16 and 20). The sheets are the library's own
(Cheviot's three children's homes at two weekly prices, Greystone's two care homes with an ICB), each edited here."""

from __future__ import annotations

from decimal import Decimal

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_CHEVIOT, OB_GREYSTONE, open_book_doc, open_book_model

BANDED = ("  core_places: 7\n", "  core_places: 7\n  price_basis: per_resident_band\n")


def _schedule_text(doc, schedule_id: str) -> str:
    return clause_text(doc, schedule_id, flat=True)


def test_banded_core_places_are_paid_at_the_band_of_the_person_living_there(catalogue):
    d = open_book_doc(catalogue, OB_CHEVIOT, BANDED)
    voids = clause_text(d, "open-book.voids", flat=True)
    assert "for each of the Core Places, for every week of the Service Term and whether or not it is used for a " \
           "Placement, the weekly Price for the band of the assessed needs of the child living in it, as recorded in " \
           "their Individual Placement Agreement and changed under clause" in voids
    assert "While it is empty, the Council pays the weekly Price for the band at which it was last paid" in voids
    assert "whatever the needs of the person placed in it" not in voids
    # the re-banding procedure: who decides, from when, disputes
    assert "Either Party may ask for a child's band to be reviewed where it believes their needs have changed" in voids
    assert "A change of band applies from the date of the request." in voids
    assert "refer the dispute for resolution under clause" in voids
    # a reduction names the band of each place removed
    assert "The notice of a reduction must name the band at which each place removed is paid on the date of the " \
           "notice" in voids
    pricing = clause_text(d, "open-book.pricing", flat=True)
    assert "for the band named for it in the notice of the reduction" in pricing


def test_banded_schedules_give_the_band_mix_and_the_placement_agreement_a_band_row(catalogue):
    d = open_book_doc(catalogue, OB_CHEVIOT, BANDED)
    services = _schedule_text(d, "open-book.schedule-services")
    assert "The weekly Prices are bands of assessed need that follow the child, not the place" in services
    assert 'six at "Residential placement, one child, at Whinfell House or Birkside"' in services
    assert "places of that type" not in services
    form = _schedule_text(d, "open-book.schedule-placement-agreement")
    assert "Band of assessed needs, and its Price" in form


def test_places_typed_by_price_stay_as_they_were_by_default(catalogue):
    """Quiet: without price_basis the Core Places keep their type whoever lives there."""
    d = open_book_doc(catalogue, OB_CHEVIOT)
    voids = clause_text(d, "open-book.voids", flat=True)
    assert "(whatever the needs of the person placed in it)" in voids or "whatever the needs of the child" in voids \
        or "for the type of place shown for it" in voids
    assert "band" not in voids.lower()
    assert "places of that type" in _schedule_text(d, "open-book.schedule-services")
    assert "Band of assessed needs" not in _schedule_text(d, "open-book.schedule-placement-agreement")


def test_least_income_at_the_minimum_keeps_the_cheapest_places(catalogue):
    """Finding 9: with the split known, a reduction to the minimum removes the dearest places first, so the least
    income is the cheapest places' (not every place at the lowest price)."""
    floor = open_book_model(catalogue, OB_CHEVIOT).core_floor
    assert floor.split
    prices = sorted((price, n) for _, price, n in floor.split)
    want, left = Decimal(0), 5
    for price, n in prices:
        take = min(left, n)
        want, left = want + price * take * 52, left - take
    assert floor.least_income(5) == want
    assert floor.least_income(5) >= floor.weekly_price * 5 * 52
    assert floor.least_priced(5).startswith("five at ")


JF = "    share_percent: 50\n"


def test_joint_package_share_set_for_each_placement(catalogue):
    """Tool note 1, finding 7: the joint funding panel sets each person's share; the draft records it in the
    Individual Placement Agreement instead of stating one figure for all."""
    d = open_book_doc(catalogue, OB_GREYSTONE, (JF, JF + "    share_basis: per_placement\n"))
    res = clause_text(d, "open-book.residents", flat=True)
    assert "funds a share of the Prices for the Placements of residents receiving after-care services" in res
    assert "the share the joint funding decision for that person sets from time to time, recorded in their " \
           "Individual Placement Agreement" in res
    assert "funds 50% of the Prices" not in res
    form = _schedule_text(d, "open-book.schedule-placement-agreement")
    assert "Joint package: share of the Price the ICB funds" in form


def test_a_fixed_share_is_stated_once_and_the_form_asks_only_whether(catalogue):
    d = open_book_doc(catalogue, OB_GREYSTONE)
    assert "funds 50% of the Prices" in clause_text(d, "open-book.residents", flat=True)
    assert "Joint package: 50% of the Price funded by the ICB" in _schedule_text(
        d, "open-book.schedule-placement-agreement")


def test_full_chc_through_the_commissioner_suspends_nothing(catalogue):
    """Tool note 2: under a pooled budget the Council goes on paying and recovers the whole Price, so neither the
    Placement nor a Core Place payment stops."""
    d = open_book_doc(catalogue, OB_GREYSTONE, (JF, JF + "    full_chc: through_commissioner\n"))
    res = clause_text(d, "open-book.residents", flat=True)
    assert "the Council continues to pay the Prices for that Placement in full and recovers them from the ICB" in res
    assert "stops paying for that Placement" not in res
    quiet = clause_text(open_book_doc(catalogue, OB_GREYSTONE), "open-book.residents", flat=True)
    assert "stops paying for that Placement" in quiet


def test_charging_is_limited_to_the_social_care_part_of_a_joint_package(catalogue):
    """Tool note 4: the NHS part of a joint package cannot be charged for."""
    d = open_book_doc(catalogue, OB_GREYSTONE)
    res = clause_text(d, "open-book.residents", flat=True)
    assert "any contribution is assessed only on the part of the cost the Council meets as care and support under " \
           "the Care Act 2014, and not on the share the ICB funds as health care" in res
    assert "Care Act 2014 s.22" in flat(note(d, "open-book.residents"))


def test_the_councils_notice_to_end_a_placement_is_a_field(catalogue):
    """Tool note 21: the Council's own notice to end a Placement, 7 days where the sheet is silent."""
    d = open_book_doc(catalogue, OB_GREYSTONE, ("  placement_notice_days:", "  commissioner_notice_days: 28\n"
                                                                         "  placement_notice_days:"))
    assert "may end a Placement by giving" in clause_text(d, "open-book.residents", flat=True)
    assert "at least 28 days' notice, or at once" in clause_text(d, "open-book.residents", flat=True)
    assert "notice to end a placement is as instructed" in flat(note(d, "open-book.residents"))
    quiet = open_book_doc(catalogue, OB_GREYSTONE)
    assert "at least 7 days' notice, or at once" in clause_text(quiet, "open-book.residents", flat=True)


def _chc_findings(catalogue, **jf):
    from tests.families.conftest import open_book_result

    def change(data):
        data["services"]["joint_funder"].update(jf)
    return [f for f in open_book_result(catalogue, OB_GREYSTONE, change).findings
            if f.rule == "OPEN-BOOK-JOINT-FUNDER-CHC"]


def test_chc_rule_asks_about_a_pooled_budget(catalogue):
    """Tool note 15: a joint funder paying through a pooled budget while the draft stops payment on full CHC."""
    [found] = _chc_findings(catalogue, arrangement="the learning disability pooled budget under section 75")
    assert found.severity == "info" and "through_commissioner" in found.message


def test_chc_rule_warns_where_through_commissioner_meets_direct_payment(catalogue):
    [found] = _chc_findings(catalogue, full_chc="through_commissioner", pays="direct")
    assert found.severity == "warning" and "pays: direct" in found.message


def test_chc_rule_is_quiet_when_the_setting_fits(catalogue):
    assert not _chc_findings(catalogue)   # no pooled budget named, payment stops as the sheet's arrangement says
    assert not _chc_findings(catalogue, arrangement="the learning disability pooled budget under section 75",
                             full_chc="through_commissioner")


def test_banded_note_says_what_to_check(catalogue):
    n = flat(note(open_book_doc(catalogue, OB_CHEVIOT, BANDED), "open-book.voids"))
    assert "As instructed, the weekly Prices are bands of assessed need that follow the child" in n
    assert "Check the bands' descriptors against the Council's banding tool" in n
    assert "bands of assessed need" not in flat(note(open_book_doc(catalogue, OB_CHEVIOT), "open-book.voids"))
