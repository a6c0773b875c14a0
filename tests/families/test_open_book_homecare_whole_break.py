"""Home care review r35 (ob-fresh, a reablement service in two Localities): where the sheet says a break ends the
whole agreement (services.partial_break: false), the reduction clause, the break compensation, the partial-ending
clause and the guarantee note do not cross-refer to a break for one zone that the break clause does not give
(finding 2); and the zone word's plural is spelt as English does, 'localities' not 'localitys' (finding 15)."""

from __future__ import annotations

import re

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_HOMECARE, open_book_doc

WHOLE = ("  placement_notice_days: 28\n", "  placement_notice_days: 28\n  partial_break: false\n")
LOCALITY = ("    zone_word: Zone\n", "    zone_word: Locality\n")


def test_whole_break_only_has_no_zone_break_cross_references(catalogue):
    """Firing: partial_break false, so a larger reduction needs agreement, 30.2 compensates only a whole break, and
    the partial-ending clause names the default grounds, not the break."""
    doc = open_book_doc(catalogue, OB_HOMECARE, WHOLE)
    core = flat(clause_text(doc, "open-book.core-support"))
    assert "altogether, may be made only by written agreement; a break under clause" in core
    assert "ending this Agreement for that Zone" not in core
    term = flat(clause_text(doc, "open-book.termination"))
    assert "or ends it for one or more of the Zones" not in term
    assert re.search(r"Where this Agreement ends for some of the Zones only \(under clause \d+\.\d+ or clause \d+\.\d+; "
                     r"a break under clause \d+\.\d+ ends it as a whole\)", term)
    n = flat(note(doc, "open-book.core-support"))
    assert "the instructions allow a break without cause only of the whole agreement, not of one zone" in n
    assert "is ending the agreement for that zone under the termination clause" not in n


def test_zone_break_cross_references_stay_where_a_partial_break_is_given(catalogue):
    """Quiet: partial_break not given, so the break may end the agreement for one zone and the text says so."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    core = flat(clause_text(doc, "open-book.core-support"))
    assert re.search(r"ending this Agreement for that Zone under clause \d+\.\d+", core)
    term = flat(clause_text(doc, "open-book.termination"))
    assert "or ends it for one or more of the Zones" in term
    assert "a break under clause" not in term.split("ends for some of the Zones only")[1][:40]
    assert "is ending the agreement for that zone under the termination clause" in flat(note(doc, "open-book.core-support"))


def test_zone_word_plural_is_spelt_properly(catalogue):
    """Firing: zone word Locality, so the notes speak of 'localities'; quiet: 'zones' stays 'zones'."""
    doc = open_book_doc(catalogue, OB_HOMECARE, LOCALITY)
    notes = " ".join(flat(note(doc, cid)) for cid in ("open-book.core-support", "open-book.schedule-services",
                                                        "open-book.scope"))
    assert "localitys" not in notes.lower()
    assert "localities" in notes
    plain = " ".join(flat(note(open_book_doc(catalogue, OB_HOMECARE), cid)) for cid in ("open-book.core-support",))
    assert "zones" in plain


def test_zone_word_reaches_the_definition_and_the_schedule_title(catalogue):
    """Firing (r35 ob-fresh 15): zone word Locality, so the definition lists 'the localities' and Schedule 1 is
    'Services, localities and KPIs'; quiet: the Zone sample keeps 'zones'."""
    from tests.families.clause_texts import definition
    doc = open_book_doc(catalogue, OB_HOMECARE, LOCALITY)
    assert "the localities listed in" in flat(definition(doc, "Localities"))
    assert any(c.title == "Services, localities and KPIs" for c in doc.all_clauses())
    plain = open_book_doc(catalogue, OB_HOMECARE)
    assert "the zones listed in" in flat(definition(plain, "Zones"))
    assert any(c.title == "Services, zones and KPIs" for c in plain.all_clauses())
