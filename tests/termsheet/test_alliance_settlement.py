"""The alliance's risk/reward arithmetic (`settle`), checked against an independent calculation in
exact fractions: the Actual Cost is costs plus Fees (like the Target Cost), shares add up exactly, caps
hold, and the balancing amounts leave every Provider with exactly its Fee plus or minus its share; and
the points where the caps bite are where `settle` says they are."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from assembler.termsheet.alliance import ProviderYear, commissioner_cap_reached, settle, split_hundred

PENNIES = st.integers(min_value=0, max_value=500_000_000)  # up to £5m in pence


def half_up(value: Fraction) -> Fraction:
    """To the nearest penny, a half penny up, computed without Decimal (for amounts of either sign)."""
    pennies = value * 100
    sign = -1 if pennies < 0 else 1
    whole, rest = divmod(abs(pennies), 1)
    return Fraction(sign * (int(whole) + (1 if rest >= Fraction(1, 2) else 0)), 100)


@st.composite
def years(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    weights = [Decimal(draw(st.integers(min_value=0, max_value=1000))) for _ in range(n + 1)]
    if sum(weights) == 0:
        weights[0] = Decimal(1)
    percents = split_hundred(weights)  # n Provider shares and the Commissioner's, adding up to 100
    lines = []
    for i in range(n):
        paid = Decimal(draw(PENNIES)) / 100
        cost = Decimal(draw(PENNIES)) / 100
        cap = draw(st.one_of(st.none(), PENNIES.map(lambda p: Decimal(p) / 100)))
        fee = Decimal(draw(st.integers(min_value=0, max_value=50_000_000))) / 100
        lines.append(ProviderYear(f"p{i}", f"Provider {i}", paid, cost, percents[i], cap, fee))
    target = Decimal(draw(st.integers(min_value=0, max_value=4_000_000_000))) / 100
    commissioner_cap = draw(st.one_of(st.none(), PENNIES.map(lambda p: Decimal(p) / 100)))
    return target, lines, commissioner_cap


@settings(max_examples=300, deadline=None)
@given(years())
def test_settlement_matches_an_independent_calculation(year):
    target, lines, commissioner_cap = year
    result = settle(target, lines, commissioner_cap=commissioner_cap)
    f = Fraction
    actual = sum((f(p.cost) + f(p.fee) for p in lines), f(0))  # like the Target Cost, it includes the Fees
    outcome = f(target) - actual
    assert f(result.actual) == actual and f(result.outcome) == outcome

    # the shares, and the Commissioner's remainder, add up exactly to the Gain or the Pain
    shares = [f(line.share) for line in result.lines]
    assert sum(shares) + f(result.commissioner_share) == outcome

    if outcome >= 0:  # Gain: each Provider's percentage, to the penny, half up
        assert shares == [half_up(outcome * f(p.share) / 100) for p in lines]
    else:
        pain = -outcome
        raw = [half_up(pain * f(p.share) / 100) for p in lines]
        capped = [r if p.cap is None else min(r, f(p.cap)) for r, p in zip(raw, lines)]
        assert f(result.beyond_caps) == sum(raw) - sum(capped)
        left = pain - sum(capped)
        if commissioner_cap is None or left <= f(commissioner_cap):
            assert [-s for s in shares] == capped  # every Provider within its cap
            assert -f(result.commissioner_share) == left and result.spill_over == 0
        else:  # the Commissioner bears exactly its cap; the rest returns to the Providers
            assert -f(result.commissioner_share) == f(commissioner_cap)
            assert f(result.spill_over) == left - f(commissioner_cap)
            assert all(-s >= c for s, c in zip(shares, capped))

    # balancing amounts leave each Provider with exactly its Fee plus its share, and the Commissioner its own
    for p, line in zip(lines, result.lines):
        assert f(p.paid) + f(line.balancing) - f(p.cost) == f(p.fee) + f(line.share)
        assert f(line.ends_with) == f(p.fee) + f(line.share)
    paid_out = sum((f(p.paid) for p in lines), f(0)) + sum((f(line.balancing) for line in result.lines), f(0))
    assert f(target) - paid_out == f(result.commissioner_share)


def test_the_eight_member_example_in_figures():
    """Worked by hand: two Providers with Fees of 5% of value (£30,000 and £92,500), which are also their
    Pain Caps; a £385,000 overspend in B's costs. An ordinary margin is no Gain: at cost plus Fee the
    outcome is nil."""
    even = [ProviderYear("a", "A", Decimal(600000), Decimal(570000), Decimal("7.79"), Decimal(30000), Decimal(30000)),
            ProviderYear("b", "B", Decimal(1850000), Decimal(1757500), Decimal("24.03"), Decimal(92500), Decimal(92500))]
    assert settle(Decimal(2450000), even).outcome == 0
    lines = [even[0], ProviderYear("b", "B", Decimal(1850000), Decimal(2142500), Decimal("24.03"), Decimal(92500),
                                   Decimal(92500))]
    result = settle(Decimal(2450000), lines)
    assert result.pain == Decimal(385000)
    # A: 7.79% of £385,000 is £29,991.50, within its £30,000 cap; B: 24.03% is £92,515.50, capped at £92,500
    assert [line.share for line in result.lines] == [Decimal("-29991.50"), Decimal(-92500)]
    assert result.commissioner_share == Decimal("-262508.50")
    # B kept £385,000 less than its Fee, so the Commissioner pays it back all but its share
    assert [line.balancing for line in result.lines] == [Decimal("-29991.50"), Decimal(292500)]
    assert [line.ends_with for line in result.lines] == [Decimal("8.50"), Decimal(0)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=1, max_value=5_000_000), st.integers(min_value=1, max_value=60)),
                min_size=1, max_size=6),
       st.integers(min_value=1_000, max_value=5_000_000))
def test_commissioner_cap_is_reached_where_settle_says(caps_and_shares, commissioner_cap):
    """Just below the computed point the Commissioner is within its cap; just above, Pain spills back."""
    total = sum(s for _, s in caps_and_shares)
    if total > 100:
        caps_and_shares = [(c, max(1, s * 100 // total)) for c, s in caps_and_shares]
    points = [(Decimal(c), Decimal(s)) for c, s in caps_and_shares]
    reach = commissioner_cap_reached(points, shares_total=sum((s for _, s in points), Decimal(0)),
                                     commissioner_cap=Decimal(commissioner_cap))
    assert reach is not None  # every Provider is capped, so the Commissioner's cap is reached in the end

    def spill(pain: Decimal) -> Decimal:
        lines = [ProviderYear(f"p{i}", "P", Decimal(0), Decimal(0), s, c) for i, (c, s) in enumerate(points)]
        lines[0] = ProviderYear("p0", "P", Decimal(0), pain, points[0][1], points[0][0])
        return settle(Decimal(0), lines, commissioner_cap=Decimal(commissioner_cap)).spill_over

    assert spill(max(reach - 1, Decimal(0))) == 0
    assert spill(reach + 1) > 0


def test_deduction_for_services_not_delivered_is_borne_once():
    """al-sample review (r15) finding 1: a Provider that does not deliver £100,000 of services has its
    payments reduced by £100,000 and the Target Cost reduced by the same amount (clause "target"); its
    Delivery Costs fall by £100,000. Measured after that reduction (clause "balancing"), its Balancing
    Amount is unchanged and it is left with its Fee: it bears the £100,000 once, through the reduction.
    Measured before it (the old wording), the Balancing Amount would take the £100,000 a second time."""
    value, fee, not_delivered = Decimal(1_850_000), Decimal(92_500), Decimal(100_000)
    other = ProviderYear("b", "Other", Decimal(1_000_000), Decimal(950_000), Decimal(20), Decimal(50_000), Decimal(50_000))
    target = value + Decimal(1_000_000)

    def provider(paid):
        return ProviderYear("a", "Harbour", paid, value - fee - not_delivered, Decimal(30), fee, fee)

    reduced = settle(target - not_delivered, [provider(value - not_delivered), other])
    assert reduced.outcome == 0
    line = reduced.lines[0]
    assert line.balancing == 0 and line.ends_with == fee
    # what it keeps in all: payments after the reduction, less its costs, plus its Balancing Amount
    assert line.paid - line.cost + line.balancing == fee
    # the old measure (payments before the reduction) would recover the £100,000 again
    before = settle(target - not_delivered, [provider(value), other])
    assert before.lines[0].balancing == -not_delivered
