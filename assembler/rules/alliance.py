"""Consistency rules for alliance agreements (domain guide, section 1)."""

from __future__ import annotations

import difflib
from collections import Counter
from decimal import Decimal

from assembler.formatting import money, percent
from assembler.rules import RuleContext, RuleSet
from assembler.rules.common import COMMON

RULES = RuleSet()
RULES.extend(COMMON)


def _hint(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _member_keys(ctx: RuleContext) -> list[str]:
    return [m.key for m in ctx.sheet.members]


@RULES.rule("ALLIANCE-ONE-COMMISSIONER", "error", "Exactly one member has the role 'commissioner'.")
def one_commissioner(ctx: RuleContext):
    found = [i for i, m in enumerate(ctx.sheet.members) if m.role == "commissioner"]
    if not found:
        yield "no member has role 'commissioner'; name the public body that commissions the services", ("members",)
    for i in found[1:]:
        yield (f"{ctx.sheet.members[i].name} is a second commissioner; the draft supports one "
               "(treat a co-commissioner as a provider or join the commissioning first)", ("members", i, "role"))


@RULES.rule("ALLIANCE-MEMBER-KEYS-UNIQUE", "error", "Each member has its own key.")
def keys_unique(ctx: RuleContext):
    counts = Counter(_member_keys(ctx))
    seen: set[str] = set()
    for i, m in enumerate(ctx.sheet.members):
        if counts[m.key] > 1 and m.key in seen:
            yield f"the key {m.key!r} is already used by another member; each member needs its own", ("members", i, "key")
        seen.add(m.key)


@RULES.rule("ALLIANCE-UNKNOWN-MEMBER", "error",
            "Every member key used in the shares, the pooled budget and the former contracts names a member "
            "(so every member in the share tables signs).")
def unknown_member(ctx: RuleContext):
    keys = _member_keys(ctx)
    alliance = ctx.sheet.alliance
    used = [(("alliance", "risk_reward", "shares", i, "member"), s.member) for i, s in enumerate(alliance.risk_reward.shares)]
    used += [(("alliance", "former_contracts", i, "member"), c.member) for i, c in enumerate(alliance.former_contracts)]
    if alliance.pooled_budget:
        used.append((("alliance", "pooled_budget", "host"), alliance.pooled_budget.host))
    for loc, key in used:
        if key not in keys:
            yield f"no member has the key {key!r}{_hint(key, keys)}; members are: {', '.join(keys)}", loc


@RULES.rule("ALLIANCE-SHARES-BASIS", "error", "Agreed shares are listed; computed shares are not listed as well.")
def shares_basis(ctx: RuleContext):
    rr = ctx.sheet.alliance.risk_reward
    if rr.basis == "agreed" and not rr.shares:
        yield "basis is 'agreed' but no shares are listed", ("alliance", "risk_reward", "shares")
    if rr.basis != "agreed" and rr.shares:
        yield (f"basis is {rr.basis!r}, so the tool computes the shares; remove the listed shares or set "
               "basis: agreed", ("alliance", "risk_reward", "shares"))
    if rr.basis == "pro_rata" and not ctx.sheet.alliance.sharing_members:
        yield "basis is 'pro_rata' but no Alliance Member has an annual value to share by", ("alliance", "risk_reward", "basis")


@RULES.rule("ALLIANCE-GAIN-SUM", "error", "Gain shares add up to 100%.")
def gain_sum(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.shares and alliance.gain_total != 100:
        yield (f"gain shares add up to {percent(alliance.gain_total)}, not 100%", ("alliance", "risk_reward", "shares"))


@RULES.rule("ALLIANCE-PAIN-SUM", "error", "Pain shares add up to 100% (unless the mechanism is gain-only).")
def pain_sum(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if ctx.positions.get("risk_reward") == "gain-only" or not alliance.shares:
        return
    for i, row in enumerate(alliance.shares):
        if row.pain is None:
            yield (f"{row.name} has no pain share; give one, or choose the gain-only position",
                   ("alliance", "risk_reward", "shares", i, "pain"))
    if all(r.pain is not None for r in alliance.shares) and alliance.pain_total != 100:
        yield (f"pain shares add up to {percent(alliance.pain_total)}, not 100%", ("alliance", "risk_reward", "shares"))


@RULES.rule("ALLIANCE-COMMISSIONER-NO-SHARE", "error",
            "A commissioner that is not an Alliance Member takes no share of gain or pain.")
def commissioner_no_share(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.commissioner_is_member:
        return
    keys = {m.key for m in ctx.sheet.members if m.role == "commissioner"}
    for i, s in enumerate(alliance.risk_reward.shares):
        if s.member in keys:
            yield ("the commissioner is not an Alliance Member (commissioner_is_member: false) but has a share",
                   ("alliance", "risk_reward", "shares", i, "member"))


@RULES.rule("ALLIANCE-ALT-SEAT", "error", "Every Alliance Member, and every member in the share tables, has an ALT seat.")
def alt_seat(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    in_shares = {s.member for s in alliance.shares}
    for i, m in enumerate(ctx.sheet.members):
        needs = m in alliance.alliance_members or m.key in in_shares
        if needs and m.alt_representative is None:
            yield (f"{m.name} has no alt_representative; every Alliance Member has a seat on the Alliance "
                   "Leadership Team (give the seat, even if the name is not yet known)", ("members", i))


@RULES.rule("ALLIANCE-RESERVED-MATTERS", "error", "Majority voting lists the reserved matters that still need unanimity.")
def reserved_matters(ctx: RuleContext):
    if ctx.positions.get("decision_rule") == "majority" and not ctx.sheet.alliance.decisions.reserved_matters:
        yield ("decision rule is 'majority' but no reserved_matters are listed; list the matters every "
               "Alliance Member must agree (e.g. admitting a member, changing shares)", ("alliance", "decisions", "reserved_matters"))


@RULES.rule("ALLIANCE-QUORUM", "error", "The ALT quorum is no more than the number of Alliance Members.")
def quorum(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.quorum > len(alliance.alliance_members):
        yield (f"the quorum of {alliance.quorum} is more than the {len(alliance.alliance_members)} Alliance Members",
               ("alliance", "decisions", "quorum"))


@RULES.rule("ALLIANCE-POOLED-BUDGET", "error", "A pooled budget equals the sum of the members' annual values.")
def pooled_budget(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    pooled = alliance.pooled_budget
    if pooled and pooled.annual_amount != alliance.total_annual_value:
        yield (f"the pooled budget is {money(pooled.annual_amount)} a year but the members' annual values add up "
               f"to {money(alliance.total_annual_value)}", ("alliance", "pooled_budget", "annual_amount"))


@RULES.rule("ALLIANCE-KPIS", "error",
            "A contract worth more than the KPI threshold (GBP 5m, Procurement Act 2023 s.52) sets at least 3 KPIs.")
def kpis(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    threshold = Decimal(str(ctx.figure("kpi_threshold")))
    if alliance.term_value > threshold and len(alliance.kpis) < 3:
        yield (f"the alliance is worth {money(alliance.total_annual_value)} a year ({money(alliance.term_value)} over "
               f"the initial term), more than {money(threshold)}, so at least 3 KPIs are needed "
               f"({ctx.figures['kpi_threshold']['source']}); {len(alliance.kpis)} given", ("alliance", "kpis"))


@RULES.rule("ALLIANCE-PAIN-CAP", "error", "The pain cap gives the figure its basis needs.")
def pain_cap(ctx: RuleContext):
    cap = ctx.sheet.alliance.risk_reward.pain_cap
    loc = ("alliance", "risk_reward", "pain_cap")
    if cap.basis == "percent_of_value" and cap.percent is None:
        yield "pain cap basis is 'percent_of_value' but no percent is given", (*loc, "percent")
    if cap.basis == "fixed_amount" and cap.amount is None:
        yield "pain cap basis is 'fixed_amount' but no amount is given", (*loc, "amount")


@RULES.rule("ALLIANCE-GAIN-ONLY-PAIN", "warning", "Under a gain-only mechanism, pain shares are not used.")
def gain_only_pain(ctx: RuleContext):
    if ctx.positions.get("risk_reward") != "gain-only":
        return
    for i, s in enumerate(ctx.sheet.alliance.risk_reward.shares):
        if s.pain is not None:
            yield "the risk/reward position is 'gain-only', so this pain share is ignored", ("alliance", "risk_reward", "shares", i, "pain")


@RULES.rule("ALLIANCE-PROVIDER-SHARE", "warning", "Every provider with an annual value has a gain share.")
def provider_share(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.risk_reward.basis != "agreed":
        return
    listed = {s.member for s in alliance.risk_reward.shares}
    for i, m in enumerate(ctx.sheet.members):
        if m.role == "provider" and m.annual_value > 0 and m.key not in listed:
            yield f"{m.name} delivers services but has no gain or pain share", ("members", i, "key")


@RULES.rule("ALLIANCE-TERM-LENGTH", "warning", "The initial term plus extensions is no more than 10 years.")
def term_length(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    years = alliance.term.months / 12 + alliance.extension.years
    if years > 10:
        yield (f"the initial term and extensions come to {years:g} years; check that this is justified for the "
               "procurement route and the commissioner's policy", ("alliance", "extension", "years"))
