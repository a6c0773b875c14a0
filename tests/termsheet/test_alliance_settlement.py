"""The alliance's risk/reward arithmetic (`settle`), checked against an independent calculation in
exact fractions: shares add up exactly, caps hold, and the balancing amounts leave every party with
exactly its share."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from assembler.termsheet.alliance import ProviderYear, settle, split_hundred

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
        lines.append(ProviderYear(f"p{i}", f"Provider {i}", paid, cost, percents[i], cap))
    target = Decimal(draw(st.integers(min_value=0, max_value=4_000_000_000))) / 100
    commissioner_cap = draw(st.one_of(st.none(), PENNIES.map(lambda p: Decimal(p) / 100)))
    return target, lines, commissioner_cap


@settings(max_examples=300, deadline=None)
@given(years())
def test_settlement_matches_an_independent_calculation(year):
    target, lines, commissioner_cap = year
    result = settle(target, lines, commissioner_cap=commissioner_cap)
    f = Fraction
    actual = sum((f(p.cost) for p in lines), f(0))
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

    # balancing amounts leave each Provider with exactly its share, and the Commissioner with its own
    for p, line in zip(lines, result.lines):
        assert f(p.paid) + f(line.balancing) - f(p.cost) == f(line.share)
    paid_out = sum((f(p.paid) for p in lines), f(0)) + sum((f(line.balancing) for line in result.lines), f(0))
    assert f(target) - paid_out == f(result.commissioner_share)


def test_the_eight_member_example_in_figures():
    """The sample's own numbers, worked by hand: a 5% overspend of £7,700,000 in Harbour Light's costs."""
    lines = [ProviderYear("a", "A", Decimal(600000), Decimal(600000), Decimal("7.79"), Decimal(18000)),
             ProviderYear("b", "B", Decimal(1850000), Decimal(2235000), Decimal("24.03"), Decimal(55500))]
    result = settle(Decimal(2450000), lines)
    assert result.pain == Decimal(385000)
    assert [line.share for line in result.lines] == [Decimal(-18000), Decimal(-55500)]  # both capped
    assert result.commissioner_share == Decimal(-311500)
    assert [line.balancing for line in result.lines] == [Decimal(-18000), Decimal(329500)]
