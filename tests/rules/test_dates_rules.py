"""The rules every family shares on dates (rules/dates.py) and percentages (rules/rates.py): each fires on the fact it guards and stays
quiet on every sample at the draft date the samples were brought current for."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from assembler.cli import main
from assembler.rules.dates import DATES
from assembler.rules.rates import RATES
from tests.conftest import ROOT
from tests.rules.helpers import RULES_DATE, findings

SAMPLES = sorted((ROOT / "samples").glob("*/*.yaml"))
GRANT = ROOT / "samples" / "grant" / "community-single-payment.yaml"
HOMES = ROOT / "samples" / "co-investment" / "affordable-homes-partnership.yaml"
ADULT = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"
ALLIANCE = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"


def _period_over(d):
    d["grant"]["funding_period"]["start"] = "2025-04-01"
    d["grant"]["funding_period"]["end"] = "2026-03-31"
    d["grant"]["instalments"][0]["date"] = "2025-05-01"


def _start_passed(d):
    d["grant"]["funding_period"]["start"] = "2026-11-01"
    d["grant"]["instalments"][0]["date"] = "2026-11-15"


def _signed_in_the_past(d):
    d["document"]["agreement_date"] = "2026-03-23"


def _shorthold_lettings(d):
    d["partnership"]["purpose"] = "let homes on assured shorthold tenancies to households leaving hostels"


def _shorthold_disposal(d):
    d["disposal"]["permitted"].append("assured shorthold tenancies to nominated households")


def _fraction_return(d):
    d["contributions"]["investments"][0]["return_rate"] = 0.05


def _high_return(d):
    d["contributions"]["investments"][0]["return_rate"] = 45


# (rule, sample, change that makes it fire, words the message must hold)
FIRES = [
    ("COMMON-TERM-ENDED", GRANT, _period_over, "grant.funding_period ended on 31 March 2026, before the draft date"),
    ("COMMON-DATES-PAST", GRANT, _start_passed,
     "2 dates are already past at the draft date (3 December 2026): funding period commencement 1 November 2026 "
     "(grant.funding_period.start); instalment 15 November 2026 (grant.instalments.0.date)"),
    ("COMMON-DATES-PAST", GRANT, _signed_in_the_past,
     "1 date is already past at the draft date (3 December 2026): agreement date 23 March 2026 "
     "(document.agreement_date)"),
    ("COMMON-LAW-SHORTHOLD", HOMES, _shorthold_lettings,
     "partnership.purpose speaks of assured shorthold tenancies, which cannot be granted from 1 May 2026"),
    ("COMMON-LAW-SHORTHOLD", HOMES, _shorthold_disposal,
     "disposal.permitted.1 speaks of assured shorthold tenancies"),
    ("COMMON-PERCENT-FRACTION", HOMES, _fraction_return,
     "contributions.investments.0.return_rate is 0.05%; if 5% was meant, write 5"),
    ("COMMON-RATE-RANGE", HOMES, _high_return,
     "contributions.investments.0.return_rate is 45%, outside the usual range for annual return to a social "
     "investor in a co-investment partnership (2% to 12%;"),
]


@pytest.mark.parametrize("rule, sample, change, words", FIRES, ids=[f[0] for f in FIRES])
def test_rule_fires(catalogue, rule, sample, change, words):
    found = findings(catalogue, sample, change)
    assert any(words in m for m in found.get(rule, [])), found.get(rule)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_sample_is_quiet_at_the_draft_date(catalogue, sample):
    """The samples' dates are current: no term over, no date already past, no odd percentage."""
    found = findings(catalogue, sample)
    assert not set(found) & {r.id for r in DATES.rules + RATES.rules}, found


def test_every_shared_rule_has_a_firing_case():
    assert {r.id for r in DATES.rules + RATES.rules} == {f[0] for f in FIRES}


def test_a_term_ending_on_the_draft_date_is_not_over(catalogue):
    def ends_today(d):
        d["grant"]["funding_period"]["start"] = "2026-04-01"
        d["grant"]["funding_period"]["end"] = "2026-12-03"
        d["grant"]["instalments"][0]["date"] = "2026-12-03"
    assert "COMMON-TERM-ENDED" not in findings(catalogue, GRANT, ends_today)
    assert "COMMON-TERM-ENDED" in findings(catalogue, GRANT, ends_today, today=dt.date(2026, 12, 4))


def test_the_draft_date_moves_the_judgment(catalogue):
    """The same sample, judged a year on, has its commencement in the past."""
    later = findings(catalogue, ALLIANCE, today=dt.date(2027, 12, 1))
    assert "term commencement 1 July 2027" in later["COMMON-DATES-PAST"][0]


def test_rate_ranges_come_from_the_figures_with_their_source(catalogue):
    def shares(d):
        d["alliance"]["risk_reward"]["shares"][0]["gain"] = 95
    found = findings(catalogue, ALLIANCE, shares)
    [message] = [m for m in found["COMMON-RATE-RANGE"] if "gain" in m]
    assert "(1% to 90%; Library judgment" in message
    assert "COMMON-RATE-RANGE" not in findings(catalogue, ADULT)


def test_check_takes_the_draft_date(tmp_path):
    """`check --date` judges at the given date; the same sheet passes today's samples' date."""
    runner = CliRunner()
    ok = runner.invoke(main, ["check", "--date", RULES_DATE.isoformat(), str(GRANT)])
    assert ok.exit_code == 0, ok.output
    late = runner.invoke(main, ["check", "--date", "2028-04-01", str(GRANT)])
    assert late.exit_code == 1
    assert "COMMON-TERM-ENDED" in late.output


def test_review_and_check_judge_alike(tmp_path):
    runner = CliRunner()
    review = runner.invoke(main, ["review", str(GRANT), "--date", "2028-04-01"])
    assert review.exit_code == 1 and "COMMON-TERM-ENDED" in review.output
