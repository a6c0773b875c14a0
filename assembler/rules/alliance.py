"""Consistency rules for alliance agreements (domain guide, section 1)."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from decimal import Decimal

from assembler.formatting import long_date, money, percent
from assembler.rules import RuleContext, RuleSet
from assembler.rules.common import COMMON
from assembler.termsheet.alliance import (INDEX_LIMIT, INDEX_SHARE, OTHER_MEASURE, PERCENT_SIGN, YEAR, first_number, lower_is_better,
                                         nil_level, same_service, target_number, target_year)
from assembler.termsheet.common import possessive
from assembler.termsheet.obligations import first_affirmed

RULES = RuleSet()
RULES.extend(COMMON)


def _hint(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _member_keys(ctx: RuleContext) -> list[str]:
    return [m.key for m in ctx.sheet.members]


@RULES.rule("ALLIANCE-ONE-COMMISSIONER", "error",
            "At least one member commissions the services (role 'commissioner'); a co-commissioner is a commissioner, "
            "not a provider.")
def one_commissioner(ctx: RuleContext):
    if not any(m.role == "commissioner" for m in ctx.sheet.members):
        yield "no member has role 'commissioner'; name the public body that commissions the services", ("members",)


@RULES.rule("ALLIANCE-LEAD-COMMISSIONER", "error",
            "Where more than one member is a commissioner, the term sheet names the lead commissioner, and it is one "
            "of them; with one commissioner, none is named.")
def lead_commissioner(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    keys = [m.key for m in alliance.commissioners]
    loc = ("alliance", "lead_commissioner")
    lead = alliance.lead_commissioner
    if len(keys) > 1 and lead is None:
        yield (f"{len(keys)} members are commissioners ({', '.join(keys)}); name the one that leads and acts for them "
               "jointly (lead_commissioner)", loc)
    elif lead is not None and lead not in keys:
        yield f"the lead commissioner {lead!r} is not a member with role 'commissioner'{_hint(lead, keys)}", loc


@RULES.rule("ALLIANCE-RUNNING-COSTS-PAYER", "error",
            "running_costs_payer names one of the Commissioners, and is given only where running_costs is "
            "'commissioner' and there is more than one Commissioner.")
def running_costs_payer(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    payer = alliance.running_costs_payer
    if payer is None:
        return
    loc = ("alliance", "running_costs_payer")
    keys = [m.key for m in alliance.commissioners]
    if alliance.running_costs != "commissioner":
        yield (f"running_costs_payer names {payer!r}, but running_costs is {alliance.running_costs!r}: remove "
               "running_costs_payer, or set running_costs to 'commissioner'", loc)
    elif len(keys) < 2:
        yield ("running_costs_payer is only for a deal with more than one Commissioner; with one, the Commissioner "
               "pays the running costs: remove it", loc)
    elif payer not in keys:
        yield f"the running costs payer {payer!r} is not a member with role 'commissioner'{_hint(payer, keys)}", loc


@RULES.rule("ALLIANCE-PREMISES-OWNER", "error",
            "Each building a Provider holds from another member (premises) names that member's key as owner, and not "
            "the Provider itself.")
def premises_owner(ctx: RuleContext):
    keys = _member_keys(ctx)
    for i, m in enumerate(ctx.sheet.members):
        for j, prem in enumerate(m.premises):
            loc = ("members", i, "premises", j, "owner")
            if prem.owner is None:
                continue  # held from a landlord that is not a party
            if prem.owner not in keys:
                yield f"the owner {prem.owner!r} of {prem.building} is not a member key{_hint(prem.owner, keys)}", loc
            elif prem.owner == m.key:
                yield (f"{prem.building} is owned by its own user {m.key!r}: list under premises only buildings held "
                       "from another member", loc)


@RULES.rule("ALLIANCE-MEMBER-KEYS-UNIQUE", "error", "Each member has its own key.")
def keys_unique(ctx: RuleContext):
    counts = Counter(_member_keys(ctx))
    seen: set[str] = set()
    for i, m in enumerate(ctx.sheet.members):
        if counts[m.key] > 1 and m.key in seen:
            yield f"the key {m.key!r} is already used by another member; each member needs its own", ("members", i, "key")
        seen.add(m.key)


@RULES.rule("ALLIANCE-UNKNOWN-MEMBER", "error",
            "Every member key used in the shares, the pooled budget, the Alliance Manager's host and the former "
            "contracts names a member "
            "(so every member in the share tables signs).")
def unknown_member(ctx: RuleContext):
    keys = _member_keys(ctx)
    alliance = ctx.sheet.alliance
    used = [(("alliance", "risk_reward", "shares", i, "member"), s.member) for i, s in enumerate(alliance.risk_reward.shares)]
    used += [(("alliance", "former_contracts", i, "member"), c.member) for i, c in enumerate(alliance.former_contracts)]
    if alliance.pooled_budget:
        used.append((("alliance", "pooled_budget", "host"), alliance.pooled_budget.host))
        used += [(("alliance", "pooled_budget", "contributions", i, "member"), c.member)
                 for i, c in enumerate(alliance.pooled_budget.contributions)]
    if alliance.case_system_host:
        used.append((("alliance", "case_system_host"), alliance.case_system_host))
    if alliance.alliance_manager_host:
        used.append((("alliance", "alliance_manager_host"), alliance.alliance_manager_host))
    if alliance.lead_provider:
        used.append((("alliance", "lead_provider", "member"), alliance.lead_provider.member))
    if alliance.staff_transfer_in:
        if alliance.staff_transfer_in.from_member:
            used.append((("alliance", "staff_transfer_in", "from_member"), alliance.staff_transfer_in.from_member))
        used += [(("alliance", "staff_transfer_in", "to", i, "member"), t.member)
                 for i, t in enumerate(alliance.staff_transfer_in.to)]
    if alliance.patient_record_host:
        used.append((("alliance", "patient_record_host"), alliance.patient_record_host))
    for loc, key in used:
        if key not in keys:
            yield f"no member has the key {key!r}{_hint(key, keys)}; members are: {', '.join(keys)}", loc
    if alliance.lead_provider and alliance.lead_provider.member in keys and alliance.lead is None:
        yield (f"{alliance.lead_provider.member!r} is not a Provider: only a Provider can be the lead provider",
               ("alliance", "lead_provider", "member"))


@RULES.rule("ALLIANCE-KPI-GATES", "error",
            "Each Provider listed under kpi_gates is a Provider, listed once, and each KPI number it gives is one of "
            "the KPIs listed under kpis; kpi_gates is not given where gain_gate says there is no gate.")
def kpi_gates(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.kpi_gates and alliance.gain_gate is False:
        yield ("kpi_gates lists the KPIs that gate Providers' Gain, but gain_gate is false (no gate): remove kpi_gates, "
               "or set gain_gate to true", ("alliance", "gain_gate"))
    providers = [m.key for m in alliance.providers]
    seen: set[str] = set()
    for i, gate in enumerate(alliance.kpi_gates):
        if gate.member not in providers:
            yield (f"{gate.member!r} is not a Provider{_hint(gate.member, providers)}; only a Provider's share of Gain "
                   f"is gated: {', '.join(providers)}", ("alliance", "kpi_gates", i, "member"))
        elif gate.member in seen:
            yield f"{gate.member!r} is listed twice; give all its KPIs in one entry", ("alliance", "kpi_gates", i, "member")
        seen.add(gate.member)
        bad = [n for n in gate.kpis if n > len(alliance.kpis)]
        if bad:
            yield (f"KPI {', '.join(str(n) for n in bad)} does not exist: {len(alliance.kpis)} KPIs are listed under kpis",
                   ("alliance", "kpi_gates", i, "kpis"))


@RULES.rule("ALLIANCE-EXIT-NOT-BEFORE", "error",
            "A minimum period of membership (exit_not_before) ends after the Commencement Date and before the Initial "
            "Term ends and, where notice must expire at the end of an Alliance Year, on the last day of one.")
def exit_not_before(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    day = alliance.exit_not_before
    if day is None:
        return
    where = ("alliance", "exit_not_before")
    if day <= alliance.term.start or day >= alliance.term.end:
        yield (f"{long_date(day)} is not within the Initial Term ({long_date(alliance.term.start)} to "
               f"{long_date(alliance.term.end)}): give the last day of the minimum period, after the Commencement Date "
               "and before the Initial Term ends, or leave it out for no minimum period", where)
    elif alliance.exit_at_year_end and (day.month, day.day) != (alliance.first_alliance_year_end.month,
                                                                alliance.first_alliance_year_end.day):
        yield (f"notice must expire at the end of an Alliance Year, but {long_date(day)} is not one (each ends on "
               f"{alliance.first_alliance_year_end.day} {alliance.first_alliance_year_end.strftime('%B')}): give "
               "the last day of an Alliance Year", where)


@RULES.rule("ALLIANCE-EXIT-YEAR-END-UNUSED", "warning",
            "Where notice to leave without cause must expire at the end of an Alliance Year (exit_at_year_end) under the "
            "exit position 'for-cause', the Initial Term leaves a member some Alliance Year end on which it could leave "
            "without cause; otherwise the instruction has no effect unless the term is extended (r34 al-fresh "
            "finding 2).")
def exit_year_end_unused(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if not alliance.exit_at_year_end or ctx.positions.get("exit") != "for-cause" or alliance.first_voluntary_exit:
        return
    if alliance.for_cause_end is None:
        why = "members may leave only for cause for the whole Initial Term"
    else:
        why = (f"no Alliance Year ends on or after the last day of the for-cause period ({long_date(alliance.for_cause_end)}) and before the "
               f"Initial Term ends ({long_date(alliance.term.end)})")
    later = (" It takes effect only if the term is extended." if alliance.extension.years
             else " The term cannot be extended, so it never takes effect.")
    yield (f"exit_at_year_end is set, but {why}, so no member can leave without cause during the Initial Term.{later} "
           "Shorten the for-cause period (for_cause_until), or leave exit_at_year_end out", ("alliance", "exit_at_year_end"))


@RULES.rule("ALLIANCE-RING-FENCE-WITHOUT-PAYMENTS", "warning",
            "A member's payments_to_people_ring_fenced is given only with its payments_to_people, which it ring-fences "
            "(r34 al-fresh finding 3).")
def ring_fence_without_payments(ctx: RuleContext):
    for i, m in enumerate(ctx.sheet.members):
        if m.payments_to_people_ring_fenced is not None and not m.payments_to_people:
            yield (f"{m.short_name}: payments_to_people_ring_fenced is given but there are no payments_to_people, so it "
                   "has no effect: give the amount it pays to or for people using the Services, or leave the line out",
                   ("members", i, "payments_to_people_ring_fenced"))


@RULES.rule("ALLIANCE-FEE-RING-FENCED", "warning",
            "A Provider's ring-fenced payments to people (host allowances, bursaries, personal budgets) are money it "
            "passes straight on; where a Fee is paid, the sheet says whether the Fee base leaves them out "
            "(risk_reward.fee.excludes_ring_fenced) (r37 al-fresh finding 15).")
def fee_on_ring_fenced(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    hits = alliance.fee_on_ring_fenced
    if not hits:
        return
    said = ", ".join(f"{m.short_name or m.name} {money(f)} on {money(m.payments_to_people)}" for m, f in hits)
    cap = (" and a Pain Cap set as a percentage of value" if alliance.risk_reward.pain_cap.basis == "percent_of_value"
           else "")
    yield (f"the Fee is charged on ring-fenced payments to people that Providers pass straight on ({said}): set "
           f"risk_reward.fee.excludes_ring_fenced: true to work the Fee{cap} on the Annual Value less those payments, "
           "or confirm that the client wants a margin on them", ("alliance", "risk_reward", "fee"))


@RULES.rule("ALLIANCE-SERVICE-SEASON", "error",
            "Each service given a season (service_seasons) is one of the alliance's listed services, written as listed, "
            "so that Schedule 1 and the budget Schedule can print its season.")
def service_season(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, season in enumerate(alliance.service_seasons):
        if not any(same_service(s, season.service) for s in alliance.services):
            close = difflib.get_close_matches(season.service, alliance.services, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield (f"'{season.service}' is not one of the services listed under services: write it exactly as "
                   f"listed{hint}", ("alliance", "service_seasons", i, "service"))


@RULES.rule("ALLIANCE-FOR-CAUSE-UNTIL", "warning",
            "A for-cause period (for_cause_until) applies only under the exit position 'for-cause', and ends after the "
            "Commencement Date and before the Initial Term ends.")
def for_cause_until(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    until = alliance.for_cause_until
    if until is None:
        return
    where = ("alliance", "for_cause_until")
    if ctx.positions.get("exit") != "for-cause":
        yield ("a for-cause period is given, but the exit position is not 'for-cause', so members may leave without "
               "cause throughout and the period has no effect: choose exit: for-cause, or leave for_cause_until out",
               where)
        return
    end = alliance.for_cause_end
    if end is None:
        yield (f"the for-cause period runs to or beyond the end of the Initial Term ({long_date(alliance.term.end)}), "
               "so it changes nothing: members may leave only for cause for the whole Initial Term; give an earlier "
               "date or fewer years, or leave it out", where)
    elif end <= alliance.term.start:
        yield (f"the for-cause period ends on {long_date(end)}, before the Commencement Date "
               f"({long_date(alliance.term.start)}): give a date within the Initial Term", where)


@RULES.rule("ALLIANCE-SAFEGUARDING-CAP", "warning",
            "Claims for breach of safeguarding obligations are not capped below the public liability cover the "
            "insurance clause requires, under which abuse claims are usually insured.")
def safeguarding_cap(ctx: RuleContext):
    from assembler.termsheet.obligations import insurance_cover

    alliance = ctx.sheet.alliance
    cover = insurance_cover(ctx.sheet.insurance, ctx.figures)
    liability = ctx.positions.get("liability")
    if liability == "capped" and "safeguarding" in alliance.capped_carve_out_kinds:
        cap, what = cover.professional_indemnity, "the professional indemnity level, or a member's ordinary cap if higher"
        where = ("insurance", "professional_indemnity")
    elif liability != "capped" and "safeguarding" in alliance.no_blame_carve_outs and alliance.liability_floor:
        cap, what = alliance.liability_floor, "liability_floor, or a member's Annual Value if higher"
        where = ("alliance", "liability_floor")
    else:
        return
    if cap and cap < cover.public_liability:
        yield (f"claims between the members for breach of safeguarding obligations are capped at {money(cap)} a year "
               f"({what}), below the public liability cover of {money(cover.public_liability)} the insurance clause "
               "requires, under which abuse claims are usually insured: raise the cap to at least the public liability "
               "cover, or confirm the lower figure with the client", where)


@RULES.rule("ALLIANCE-CONTRACT-COMMISSIONER", "error",
            "The Commissioner named as party to a Provider's Service Contract, or as the one that let a former "
            "contract, is a member whose role is 'commissioner', and the Service Contract's is named only for a Provider.")
def contract_commissioner(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    commissioners = [m.key for m in alliance.commissioners]
    named = [(("members", i, "service_contract_with"), m.service_contract_with, m)
             for i, m in enumerate(ctx.sheet.members) if m.service_contract_with]
    named += [(("alliance", "former_contracts", i, "commissioner"), c.commissioner, None)
              for i, c in enumerate(alliance.former_contracts) if c.commissioner]
    named += [(("members", i, "service_contracts", j, "commissioner"), line.commissioner, m)
              for i, m in enumerate(ctx.sheet.members) for j, line in enumerate(m.service_contracts)]
    for loc, key, member in named:
        if member is not None and member.role != "provider":
            yield f"{member.name} is a commissioner; only a Provider holds a Service Contract", loc
        elif key not in commissioners:
            yield (f"{key!r} is not a commissioner; name one of: {', '.join(commissioners)}"
                   f"{_hint(key, commissioners)}", loc)


@RULES.rule("ALLIANCE-SERVICE-CONTRACT-VALUES", "warning",
            "Where a Provider holds several Service Contracts, their first-year values add up to its annual value (its "
            "budget line), so that Schedule 1 and the payment clauses agree with the budget.")
def service_contract_values(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, m, total, value in alliance.service_contract_value_gaps:
        held = alliance.service_contracts_of(m)
        parts = ", ".join(f"{h.reference or h.holder.short_name} {money(h.annual_value)}" for h in held)
        where = ("members", i, "service_contracts") if m.service_contracts else ("members", i, "annual_value")
        yield (f"{m.name} holds {len(held)} Service Contracts ({parts}) worth {money(total)} in all, but its annual "
               f"value is {money(value)}: Schedule 1 lists each contract at its own value, so correct the contracts' "
               "values or the annual value (add any new services to the contract that pays for them)", where)


@RULES.rule("ALLIANCE-SERVICE-LINES", "warning",
            "A Provider's service lines add up to its annual value, and each names a service it delivers, in the same "
            "words, so that Schedule 1 and Schedule 5 agree with the budget.")
def service_lines(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, m, total in alliance.service_line_gaps:
        yield (f"{m.name}'s service lines add up to {money(total)}, but its annual value is {money(m.annual_value)}: "
               "correct a service line or the annual value", ("members", i, "service_lines"))
    for i, j, m, line in alliance.service_lines_unlisted:
        yield (f"{m.name}'s service line {line.service!r} is not one of the services it delivers: write it exactly as "
               "in its delivers list", ("members", i, "service_lines", j, "service"))


@RULES.rule("ALLIANCE-VOLUME-VALUE", "warning",
            "A service line paid by the unit (service_lines[].volume) prices its planned units within the line's budget, "
            "and its cost for each further unit (with the Fee on the price) is not above the price, so that the volume "
            "adjustment clause and Schedule 4's example agree with the budget.")
def volume_value(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, m in enumerate(ctx.sheet.members):
        for j, line in enumerate(m.service_lines):
            v = line.volume
            if v is None:
                continue
            where = ("members", i, "service_lines", j, "volume")
            planned = (v.unit_price * v.planned_units).quantize(Decimal("0.01"))
            if planned > line.annual_value:
                yield (f"{m.name}'s service line {line.service!r} plans {v.planned_units:,} x {money(v.unit_price)} = "
                       f"{money(planned)}, more than the line's annual value of {money(line.annual_value)}: correct the "
                       "planned units, the unit price or the line's annual value", where)
            row = next((x for x in alliance.volume_lines if x.member is m and x.service == line.service), None)
            if row is not None and v.variable_cost is not None and row.target_rate > v.unit_price:
                yield (f"{m.name}'s cost for each further {v.unit} ({money(v.variable_cost)}), with the Fee on the price, "
                       f"is {money(row.target_rate)}, more than the unit price of {money(v.unit_price)}: each extra unit "
                       "would raise the Target Cost by more than it is paid for; check the variable_cost", where)


@RULES.rule("ALLIANCE-PSR-MODIFICATION-VALUE", "warning",
            "A former contract varied under the Provider Selection Regime whose value changes by £500,000 or more over "
            "the term and by 25% or more of its value is named: regulation 13(1)(d) and (2) of S.I. 2023/1348 do not "
            "permit that change on the authority's decision.")
def psr_modification_value(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.former_contracts_treatment != "varied" or ctx.sheet.document.wales:
        return
    limit = Decimal(str(ctx.figure("psr_modification_value")))
    share = Decimal(str(ctx.figure("psr_modification_percent")))
    years = Decimal(alliance.term.months) / 12
    for i, c, new in alliance.psr_contract_changes:
        change = abs(new - c.annual_value)
        lifetime = (change * years).quantize(Decimal("0.01"))
        percent_of = change / c.annual_value * 100
        if lifetime >= limit and percent_of >= share:
            yield (f"former contract {c.reference or c.title!r} is varied under the Provider Selection Regime from "
                   f"{money(c.annual_value)} to {money(new)} a year: a change of {money(lifetime)} over the "
                   f"{alliance.term.months}-month term ({percent_of.quantize(Decimal('0.1'))}% of its annual value). "
                   f"That is not below {money(limit)}, and is not less than {share}% of the original contract's "
                   f"lifetime value unless that was more than {money(lifetime * 100 / share)}, so regulation 13(1)(d) "
                   "and (2) of the Provider Selection Regime Regulations would not permit it on the authority's "
                   "decision (any extension of its term adds to the change): rely on another ground in regulation "
                   "13(1), or award the change by a new process", ("alliance", "former_contracts", i, "annual_value"))


@RULES.rule("ALLIANCE-SERVICE-CONTRACT-SEVERAL", "warning",
            "A Provider that holds several Service Contracts gives them under service_contracts (or by its former "
            "contracts), not by service_contract_with, which names only one Commissioner.")
def service_contract_several(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, m in enumerate(ctx.sheet.members):
        held = alliance.service_contracts_of(m)
        if len(held) < 2 or not m.service_contract_with:
            continue
        how = ("its service_contracts" if m.service_contracts else
               "its former contracts, let by " + " and ".join(h.short_name for h in alliance.service_contract_holders(m)))
        yield (f"{m.name} holds {len(held)} Service Contracts (from {how}), so the draft does not use "
               f"service_contract_with ({m.service_contract_with!r}), which names one Commissioner: delete it, or give "
               "service_contracts if the contracts are not as listed", ("members", i, "service_contract_with"))


@RULES.rule("ALLIANCE-FORMER-CONTRACT-COMMISSIONER", "warning",
            "Where several members commission the services, each former contract names the Commissioner that let it: "
            "the draft never assumes the lead did.")
def former_contract_commissioner(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if not alliance.joint_commissioners:
        return
    for i, c in enumerate(alliance.former_contracts):
        if not c.commissioner:
            yield (f"former contract {c.reference or c.title!r} does not say which Commissioner let it "
                   f"({', '.join(m.key for m in alliance.commissioners)}); the draft leaves it open",
                   ("alliance", "former_contracts", i, "commissioner"))


@RULES.rule("ALLIANCE-FORMER-CONTRACT-SERVICE", "warning",
            "A former contract's service names one of the services listed under alliance.services, in the same words, "
            "so that Schedule 1 maps the contract to it.")
def former_contract_service(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, c in enumerate(alliance.former_contracts):
        if c in alliance.former_contract_service_mismatch:
            yield (f"former contract {c.reference or c.title!r}: {c.service!r} is not one of the listed services; "
                   f"copy one of them exactly (the draft leaves the service open)",
                   ("alliance", "former_contracts", i, "service"))


@RULES.rule("ALLIANCE-FORMER-CONTRACT-ENDS-FIRST", "warning",
            "A former contract that is varied to continue as a Service Contract does not end (on its own terms, or at "
            "the date an exercised extension option takes it to) before the Initial Term ends (r40 al-ld finding 2).")
def former_contract_ends_first(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for c in alliance.former_contracts_ending_first:
        i = alliance.former_contracts.index(c)
        end = c.option_extended_to or c.expires
        field = "option_extended_to" if c.option_extended_to else "expires"
        yield (f"former contract {c.reference or c.title!r} ends on {end:%-d %B %Y}, before the Initial Term ends on "
               f"{alliance.term.end:%-d %B %Y}, and leaves its Provider without a Service Contract: give "
               "option_extended_to if the variation exercises an extension option in it, or shorten the term",
               ("alliance", "former_contracts", i, field))


@RULES.rule("ALLIANCE-FORMER-CONTRACT-GAP", "warning",
            "A former contract that is replaced does not expire under its own terms before the day before the "
            "Commencement Date, leaving its services without a contract in between (r43 al-careleavers note 6).")
def former_contract_gap(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for c in alliance.former_contracts_early:
        i = alliance.former_contracts.index(c)
        days = alliance.former_contract_gap_days(c)
        kind = "grant" if c in alliance.former_grants else "contract"
        yield (f"former {kind} {c.reference or c.title!r} expires on {c.expires:%-d %B %Y}, {days} "
               f"{'day' if days == 1 else 'days'} before the Commencement Date ({alliance.term.start:%-d %B %Y}): the "
               "draft says it is not run on and that its services in the gap are outside this Agreement; confirm how "
               "they are covered until then (a bridging grant or contract has its own power, procurement or subsidy "
               "basis and terms), or correct the date", ("alliance", "former_contracts", i, "expires"))


@RULES.rule("ALLIANCE-FORMER-CONTRACT-EXTENDED-DATES", "warning",
            "former_contracts_extended says the former contracts were extended, but the dates do not fit: no date they "
            "were extended to (former_contracts_expire), or a contract whose own expiry date falls after that date "
            "(r44 al-homefirst finding 1).")
def former_contract_extended_dates(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if not alliance.former_contracts_extended or alliance.former_contracts_treatment != "replaced" \
            or not alliance.former_contracts:
        return
    base = alliance.former_contracts_expire
    if base is None:
        yield ("former_contracts_extended is true but former_contracts_expire is empty: give the date the former "
               "contracts were extended to, or set former_contracts_extended to false; the draft otherwise says they "
               "end by agreement", ("alliance", "former_contracts_extended"))
        return
    for i, c in enumerate(alliance.former_contracts):
        if c.expires and c.expires > base and c not in alliance.former_grants:
            yield (f"former contract {c.reference or c.title!r} expires under its own terms on {c.expires:%-d %B %Y}, "
                   f"after {base:%-d %B %Y}, the date former_contracts_expire says the contracts were extended to: "
                   "correct one of the dates (expires is the contract's own date before any extension)",
                   ("alliance", "former_contracts", i, "expires"))


@RULES.rule("ALLIANCE-REPEALED-FUNCTION", "warning",
            "A statutory function the sheet recites is a provision repealed by the draft date (clauses/law.yaml, "
            "until): the recital leaves it out (r44 al-homefirst finding 2).")
def repealed_function(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    functions = list(alliance.statutory_functions or [])
    for text, name in alliance.statutory_functions_repealed:
        entry = ctx.law.get(name) or {}
        until = entry.get("until")
        if until is None or (ctx.draft_date and until > ctx.draft_date):
            continue
        yield (f"statutory_functions recites {entry.get('title', name)}, which was repealed from {until:%-d %B %Y} "
               f"by {entry.get('repealed_by', 'a later Act')}: the recital leaves it out; remove it, or cite the "
               "power in force that replaced it", ("alliance", "statutory_functions", functions.index(text)))


@RULES.rule("ALLIANCE-FORMER-GRANT-EXTENDED", "info",
            "former_contracts_extended says the former contracts were extended, but some are grants, which are not "
            "extended (r43 al-domabuse notes 3 and 9).")
def former_grant_extended(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if not (alliance.former_contracts_extended and alliance.former_contracts_expiry and alliance.former_grants):
        return
    names = ", ".join(c.reference or c.title for c in alliance.former_grants)
    yield (f"former_contracts_extended is true, but {names} {'is a grant' if len(alliance.former_grants) == 1 else 'are grants'}: "
           "the draft applies the extension only to contracts, and says a grant expires and is not renewed; "
           "confirm which contracts were extended and on what ground", ("alliance", "former_contracts_extended"))


@RULES.rule("ALLIANCE-LINE-FEE-BASE", "warning",
            "A Provider paid a Fee, with several service lines, whose Fee leaves out ring-fenced payments or "
            "pass-through costs says which lines hold them (service_lines[].outside_fee), so that each line's budget "
            "is right (r43 al-careleavers note 9).")
def line_fee_base(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, m, free, given in alliance.service_lines_fee_base_unplaced:
        if not given:
            yield (f"{m.name}'s Fee leaves out {money(free)} (ring-fenced payments or pass-through costs), but its service "
                   "lines do not say which of them holds that amount, so Schedule 5 spreads the Fee over every line in "
                   "proportion to its whole value and the line budgets are wrong line by line (the total is right): give "
                   "outside_fee on the line or lines that hold it", ("members", i, "service_lines"))
        else:
            yield (f"{m.name}'s service lines give {money(given)} as outside_fee, but its Fee leaves out {money(free)} "
                   "(ring-fenced payments or pass-through costs): correct the amounts so that each line's budget is "
                   "right", ("members", i, "service_lines"))


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


@RULES.rule("ALLIANCE-COMMISSIONER-NIL-SHARES", "info",
            "Where one of several Commissioners takes no share of Gain or Pain, the other Commissioners carry the "
            "Commissioners' exposure alone (r31 al-fresh tool note 2.4).")
def commissioner_nil_shares(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if not alliance.joint_commissioners:
        return
    gain_only = ctx.positions.get("risk_reward") == "gain-only"
    keys = {m.key: m for m in alliance.commissioners}
    for i, s in enumerate(alliance.risk_reward.shares):
        m = keys.get(s.member)
        if m is None or s.gain or (not gain_only and s.pain):
            continue
        others = [c.name for c in alliance.commissioners if c.key != m.key]
        yield (f"{m.name} takes no share of {'Gain' if gain_only else 'Gain or Pain'}, so the Commissioners' share and "
               f"their exposure are {', '.join(others)}'s alone; confirm that this is intended and that the funding "
               "agreement between the Commissioners says the same", ("alliance", "risk_reward", "shares", i))


@RULES.rule("ALLIANCE-PAIN-CAP-ABOVE-FEE", "warning",
            "Where a Provider is paid a Fee, its Pain Cap is no more than its Fee, or the client knows that at the cap "
            "the Provider delivers at a loss (r31 al-fresh tool note 2.2).")
def pain_cap_above_fee(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if ctx.positions.get("risk_reward") == "gain-only" or not alliance.has_fee:
        return
    for m in alliance.providers:
        fee, cap = alliance.fee_for(m), alliance.pain_cap_for(m)
        if cap is None or fee <= 0 or cap <= fee:
            continue
        yield (f"{m.name}'s Pain Cap ({money(cap)}) is more than its Fee ({money(fee)}): in a year of Pain at the cap it "
               f"delivers {money(cap - fee)} below cost; confirm that its board accepts this, or lower the cap",
               ("alliance", "risk_reward", "pain_cap"))


@RULES.rule("ALLIANCE-ALT-SEAT", "error", "Every Alliance Member, and every member in the share tables, has an ALT seat.")
def alt_seat(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    in_shares = {s.member for s in alliance.shares}
    for i, m in enumerate(ctx.sheet.members):
        needs = m in alliance.alliance_members or m.key in in_shares
        if needs and m.alt_representative is None:
            yield (f"{m.name} has no alt_representative; every Alliance Member has a seat on the Alliance "
                   "Leadership Team (give the seat, even if the name is not yet known)", ("members", i))


_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)+")


@RULES.rule("ALLIANCE-RESERVED-UNDEFINED-TERM", "warning",
            "A Reserved Matter, printed in the sheet's own words, uses no capitalised phrase that reads as a defined "
            "term the draft never defines (r43 al-domabuse finding 7: 'their share of the Alliance Budget' where there "
            "is no pooled budget).")
def reserved_undefined_term(ctx: RuleContext):
    if not ctx.terms:
        return
    sheet = ctx.sheet
    names = " ".join(f"{p.name} {p.short_name}" for p in sheet.parties())
    known = set(ctx.terms) | {t + "s" for t in ctx.terms}
    # the words the defined terms are made of: a phrase made only of them reads as a term ("Alliance Budget"), one with
    # any other word is a name ("Larkspur House", "Home Office")
    vocabulary = {w for t in known for w in t.split()}
    for i, words in enumerate(sheet.alliance.reserved_matters):
        phrases = [m.group(0) for m in _CAPITALISED.finditer(words)]
        # a possessive ends a phrase: "the Providers' Annual Values" is the Providers' and the Annual Values
        parts = [part.strip() for phrase in phrases for part in re.split(r"\S+(?:'s|’s|s'|s’)(?=\s|$)", phrase)]
        for bare in dict.fromkeys(re.sub(r"^(?:The|A|An|Any|Each)\s+", "", p) for p in parts if p):
            if (" " not in bare or bare in known or bare in names
                    or not all(w in vocabulary for w in bare.split())):
                continue
            yield (f"Reserved Matter {i + 1} speaks of {bare!r} as if it were a defined term, but the draft defines no "
                   f"such term, so the matter it protects is uncertain: reword it with a term the draft defines (the "
                   f"Annual Values, the Target Cost, the Annual Plan{', the Pooled Budget' if sheet.alliance.pooled_budget is not None else ''}) "
                   f"or in plain words", ("alliance", "decisions", "reserved_matters", i))


@RULES.rule("ALLIANCE-RESERVED-MATTERS", "error", "Majority voting lists the reserved matters that still need unanimity.")
def reserved_matters(ctx: RuleContext):
    if ctx.positions.get("decision_rule") == "majority" and not ctx.sheet.alliance.decisions.reserved_matters:
        yield ("decision rule is 'majority' but no reserved_matters are listed; list the matters every "
               "Alliance Member must agree (e.g. admitting a member, changing shares)", ("alliance", "decisions", "reserved_matters"))


@RULES.rule("ALLIANCE-QUORUM", "error", "The ALT quorum is no more than the number of Alliance Members.")
def quorum(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    voting = len(alliance.voting_members)  # a Participating Member without a vote is not counted (r43 al-earlyhelp 23)
    if alliance.quorum > voting:
        yield (f"the quorum of {alliance.quorum} is more than the {voting} Alliance Members"
               f"{' with a vote' if alliance.non_voting_participants else ''}",
               ("alliance", "decisions", "quorum"))


@RULES.rule("ALLIANCE-QUORUM-CANNOT-DECIDE", "warning",
            "Under majority voting the ALT quorum is at least the votes a decision needs, so that a quorate meeting "
            "can make a decision.")
def quorum_cannot_decide(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if ctx.positions.get("decision_rule") != "majority" or alliance.decisions.quorum is None:
        return
    members = len(alliance.voting_members)
    if alliance.quorum < alliance.votes_needed <= members:
        yield (f"a quorum of {alliance.quorum} cannot pass a decision, which needs {alliance.votes_needed} of the "
               f"{members} votes ({alliance.decisions.majority_percent}%); a meeting of only {alliance.quorum} "
               f"members would be quorate but could decide nothing; raise the quorum to {alliance.votes_needed}",
               ("alliance", "decisions", "quorum"))


@RULES.rule("ALLIANCE-POOLED-BUDGET", "error",
            "A pooled budget equals the sum of the members' annual values; where the running costs are paid from it, "
            "it may also hold their yearly budget (the sum plus running_costs_budget, or more than the sum where no "
            "budget is given), so that this rule and ALLIANCE-RUNNING-COSTS-FUNDED agree.")
def pooled_budget(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    pooled = alliance.pooled_budget
    if not pooled or pooled.annual_amount == alliance.total_annual_value:
        return
    total = alliance.total_annual_value
    where = ("alliance", "pooled_budget", "annual_amount")
    if alliance.running_costs == "pooled_budget":
        budget = alliance.running_costs_budget
        if budget is None and pooled.annual_amount > total:
            return  # the headroom is the running costs' money
        if budget is not None and pooled.annual_amount == total + budget:
            return
        wanted = (f"{money(total)}, or {money(total + budget)} with the running costs budget of {money(budget)} "
                  "that are paid from it" if budget is not None else f"at least {money(total)}")
        yield (f"the pooled budget is {money(pooled.annual_amount)} a year but the members' annual values add up "
               f"to {money(total)}; it should be {wanted}", where)
        return
    yield (f"the pooled budget is {money(pooled.annual_amount)} a year but the members' annual values add up "
           f"to {money(total)}", where)


@RULES.rule("ALLIANCE-RUNNING-COSTS-FUNDED", "warning",
            "Running costs paid from the pooled budget have money behind them: a pool that covers only the members' "
            "annual values leaves nothing for them, so the draft has the Commissioners pay them in on top.")
def running_costs_funded(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if not alliance.running_costs_topped_up:
        return
    budget = alliance.running_costs_budget
    amount = (f"{money(budget)} a year ({money(budget * alliance.term_years)} over the initial term)" if budget
              else "the running costs")
    yield (f"the running costs are paid from the pooled budget, but the pooled budget ({money(alliance.pooled_budget.annual_amount)}) "
           f"only covers the members' annual values ({money(alliance.total_annual_value)}), so {amount} has no money behind it; "
           "the draft has the Commissioners pay the running costs into the pooled budget on top of their contributions, "
           "in proportion to those contributions: confirm this with the client, or set running_costs to 'commissioner' "
           "or 'members_pro_rata'", ("alliance", "running_costs"))


@RULES.rule("ALLIANCE-KPI-TARGET-TRAJECTORY", "warning",
            "Where a KPI's target names when it is to be met ('by 2030/31', 'by 30 June 2031') and the sheet gives the "
            "KPI's trajectory, the level for the Alliance Year containing that date is the target: otherwise the draft "
            "prints two different levels for the same year (r38 al-mh tool note 9).")
def kpi_target_trajectory(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    years = alliance.term_years
    for i, t in enumerate(alliance.kpi_trajectories):
        if not 1 <= t.kpi <= len(alliance.kpis) or not t.levels:
            continue
        k = alliance.kpis[t.kpi - 1]
        if not k.target or not YEAR.search(k.target):
            continue
        at = target_year(k.target, alliance.term.start, years)
        levels = [nil_level(level, lower_is_better(k.baseline, k.target)) for level in t.levels]
        if not 1 <= at <= years or at > len(levels):
            continue
        level, goal = first_number(levels[at - 1]), target_number(k.target)
        if level is None or goal is None or level == goal:
            continue
        yield (f"KPI {t.kpi}'s target is '{k.target}', which falls in Alliance Year {at}, but its trajectory gives "
               f"'{levels[at - 1]}' for that year: make the trajectory reach the target in that year, or correct the "
               "target's date", ("alliance", "kpi_trajectories", i, "levels"))


# a level the sheet says is set later ("to be set from the 2027/28 survey"): the KPI is meant not to count until then
_DEFERRED_LEVEL = re.compile(r"\b(?:to be (?:set|agreed|measured|fixed|decided)|set (?:from|by|at|when)|once (?:the )?"
                             r"baseline|after the baseline)\b", re.I)


@RULES.rule("ALLIANCE-KPI-LEVEL-NOT-FIGURE", "warning",
            "Each level a KPI's agreed trajectory gives for an Alliance Year of the initial term is a figure: a level "
            "that is not one ('tbc', or 'none' for a KPI where higher is better) takes the KPI out of the Gain gate and "
            "the Pain tests for that year (r43 al-earlyhelp F3). 'none', 'nil' and 'zero' count as 0 where lower is "
            "better; a level the sheet says is set later ('to be set from the 2027/28 survey') is not warned.")
def kpi_level_not_figure(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    years = alliance.term_years
    for i, t in enumerate(alliance.kpi_trajectories):
        if not 1 <= t.kpi <= len(alliance.kpis):
            continue
        k = alliance.kpis[t.kpi - 1]
        lower = lower_is_better(k.baseline, k.target)
        bad = [(y, level) for y, level in enumerate(list(t.levels)[:years], start=1)
               if first_number(nil_level(level, lower)) is None and not _DEFERRED_LEVEL.search(str(level))]
        if bad:
            said = ", ".join(f"Year {y} ('{level}')" for y, level in bad)
            yield (f"KPI {t.kpi}'s trajectory gives no figure for {said}, so the draft leaves that KPI out of the Gain "
                   "gate and the Pain tests in that year: give each level as a figure (0 for none, where lower is "
                   "better), or confirm that the KPI is not to count that year", ("alliance", "kpi_trajectories", i, "levels"))


@RULES.rule("ALLIANCE-KPI-TWO-FIGURES", "warning",
            "A KPI whose level gives two figures ('125, 80%': a number and a rate) is met only where both are, as Part 3 "
            "of Schedule 2 says; but the year's figure, the pro rata rule and the Gain gate are clearer with one figure "
            "per KPI, so the sheet is better split into two KPIs (r44d al-substance F2).")
def kpi_two_figures(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    agreed = {t.kpi: i for i, t in enumerate(alliance.kpi_trajectories)}
    for n, level in alliance.two_figure_levels:
        gated = [m.defined for m, kpis in alliance.kpi_gate_rows if n in kpis] if alliance.gain_gated else []
        where = ("alliance", "kpi_trajectories", agreed[n], "levels") if n in agreed else ("alliance", "kpis", n - 1, "target")
        yield (f"KPI {n}'s level '{level}' gives two figures: the draft makes the KPI met only where both are met"
               + (f" (it gates the Gain of {', '.join(gated)})" if gated else "")
               + ", and applies the rule for a year's figure to each; split it into two KPIs, each with one figure a "
               "year, and say which of them gate", where)


@RULES.rule("ALLIANCE-KPIS", "warning",
            "A contract under the Procurement Act 2023 worth more than the KPI threshold (GBP 5m, s.52) sets at least 3 KPIs, "
            "unless it is a light touch contract, to which s.52 does not apply.")
def kpis(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.procurement_route not in ACT_ROUTES and alliance.procurement_route != "not_procurement":
        return  # s.52 binds contracts awarded under the Act only
    threshold = Decimal(str(ctx.figure("kpi_threshold")))
    if alliance.term_value > threshold and len(alliance.kpis) < 3:
        yield (f"the alliance is worth {money(alliance.total_annual_value)} a year ({money(alliance.term_value)} over "
               f"the initial term), more than {money(threshold)}, so at least 3 KPIs are needed "
               f"({ctx.figures['kpi_threshold']['source']}); {len(alliance.kpis)} given; section 52 does not apply to a light touch contract, and most care, support and housing services are light touch services, so check which this is", ("alliance", "kpis"))


@RULES.rule("ALLIANCE-PAIN-CAP", "error", "The pain cap gives the figure its basis needs.")
def pain_cap(ctx: RuleContext):
    cap = ctx.sheet.alliance.risk_reward.pain_cap
    loc = ("alliance", "risk_reward", "pain_cap")
    if cap.basis == "percent_of_value" and cap.percent is None:
        yield "pain cap basis is 'percent_of_value' but no percent is given", (*loc, "percent")
    if cap.basis == "fixed_amount" and cap.amount is None:
        yield "pain cap basis is 'fixed_amount' but no amount is given", (*loc, "amount")


@RULES.rule("ALLIANCE-GAIN-CAP", "error",
            "A Gain Cap gives its figure, a percentage or a fixed sum, and not both (r40 al-ld finding 1).")
def gain_cap(ctx: RuleContext):
    cap = ctx.sheet.alliance.risk_reward.gain_cap
    loc = ("alliance", "risk_reward", "gain_cap")
    if cap is None:
        return
    if cap.percent is None and cap.amount is None:
        yield "the Gain Cap has no figure: give percent (of the Target Cost, or of each Provider's Annual Value) or amount", loc
    elif cap.percent is not None and cap.amount is not None:
        yield "the Gain Cap gives both a percent and an amount: keep the one the deal uses", (*loc, "amount")


@RULES.rule("ALLIANCE-GAIN-CAP-NO-GAIN", "warning",
            "A Gain Cap is set only where the Providers take a share of Gain (r40 al-ld finding 1).")
def gain_cap_no_gain(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.risk_reward.gain_cap is None:
        return
    if not any(s.gain > 0 for s in alliance.provider_shares):
        yield ("a Gain Cap is set, but no Provider takes a share of Gain, so it caps nothing: remove it, or give the "
               "Providers' shares of Gain", ("alliance", "risk_reward", "gain_cap"))


@RULES.rule("ALLIANCE-GAIN-CAP-BELOW-PAIN-CAP", "warning",
            "Under gain and pain, the Gain Cap leaves each Provider able to receive at least as much Gain as its Pain "
            "Cap lets it bear, or the client confirms the smaller upside (r40 al-ld finding 1, r42 al-extracare 2).")
def gain_cap_below_pain_cap(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if ctx.positions.get("risk_reward") == "gain-only" or alliance.risk_reward.gain_cap is None:
        return
    for m, most, cap in alliance.gain_cap_below_pain_cap:
        yield (f"under the Gain Cap {m.name} receives at most {money(most)} of Gain in the first Alliance Year but may "
               f"bear up to {money(cap)} of Pain (its Pain Cap): confirm that it accepts the smaller upside, or raise "
               "the Gain Cap", ("alliance", "risk_reward", "gain_cap"))


@RULES.rule("ALLIANCE-COMMISSIONER-CAPS", "error",
            "Each Commissioner's own cap (commissioner_pain.caps) divides a fixed amount between several "
            "Commissioners: every Commissioner that bears Pain has one, each once, and they add up to the amount "
            "(r42 al-prescribing F3).")
def commissioner_caps(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    cp = alliance.risk_reward.commissioner_pain
    if not cp.caps:
        return
    loc = ("alliance", "risk_reward", "commissioner_pain", "caps")
    if ctx.positions.get("risk_reward") == "gain-only":
        yield "a Commissioner's cap on Pain is given, but the mechanism is gain only: there is no Pain to cap", loc
        return
    if not alliance.joint_commissioners:
        yield "caps divides the Commissioners' amount between several Commissioners, but there is one: give amount alone", loc
        return
    if cp.basis != "fixed_amount":
        yield ("caps works with basis 'fixed_amount' (the amount is the total of the Commissioners' caps); with "
               "'uncapped', limit one Commissioner's part with limits instead", loc)
        return
    keys = {m.key for m in alliance.commissioners}
    listed = [c.member for c in cp.caps]
    for i, c in enumerate(cp.caps):
        if c.member not in keys:
            yield f"'{c.member}' is not a Commissioner{_hint(c.member, sorted(keys))}", (*loc, i, "member")
        elif listed.count(c.member) > 1:
            yield f"'{c.member}' has more than one cap: give one amount", (*loc, i, "member")
    for m in alliance.commissioners:
        if m.key not in listed and alliance.commissioner_part(m.key) > 0:
            yield (f"{m.name} bears part of the Commissioners' Pain but has no cap under caps: give it one, so that "
                   "every Commissioner's exposure is stated", loc)
    total = sum((c.amount for c in cp.caps), Decimal(0))
    if cp.amount is not None and total != cp.amount:
        yield (f"the Commissioners' caps add up to {money(total)}, not the amount of {money(cp.amount)}: make the "
               "amount their total", ("alliance", "risk_reward", "commissioner_pain", "amount"))


@RULES.rule("ALLIANCE-COMMISSIONER-CAPS-SPLIT", "warning",
            "Where Pain above the Commissioners' amount returns to the Providers, each Commissioner's cap is in "
            "proportion to its part of the Commissioners' Pain, so that every cap is reached at the same point "
            "(r42 al-prescribing F3).")
def commissioner_caps_split(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    cp = alliance.risk_reward.commissioner_pain
    if not alliance.providers_bear_excess or not alliance.commissioner_caps or not cp.amount:
        return
    for m, amount, _ in alliance.commissioner_caps:
        part = alliance.commissioner_part(m.key)
        if abs(amount - cp.amount * part) >= Decimal("0.01"):
            yield (f"{m.name}'s cap of {money(amount)} is not its part ({percent(part * 100)}) of the Commissioners' "
                   f"{money(cp.amount)}: Pain returns to the Providers only above the total, so {m.name} could bear "
                   "more than its cap first; set the caps in proportion to the shares of Pain, or change the shares",
                   ("alliance", "risk_reward", "commissioner_pain", "caps"))


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


# Which law each procurement route belongs to (clauses/law.yaml names the instrument and its dates).
ACT_ROUTES = ("open", "competitive_flexible", "direct_award", "reserved_mutual", "modification")
PCR_ROUTES = ("pcr2015", "pcr2015_modification")


def _law_for(ctx: RuleContext, started) -> str:
    """The procurement regime for a procurement begun on `started` (S.I. 2024/716 transition)."""
    act = ctx.law["procurement_act_2023"]
    return "procurement_act_2023" if started >= act["in_force"] else "public_contracts_regulations_2015"


@RULES.rule("ALLIANCE-PROCUREMENT-LAW", "error",
            "The procurement route is under the law in force when the procurement began: the Procurement Act 2023 "
            "from 24 February 2025, the PCR 2015 before (modifications of PCR contracts under reg. 72); the "
            "Provider Selection Regime from 1 January 2024.")
def procurement_law(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    yield from _route_law(ctx, alliance.procurement_route, alliance.procurement_started, ("alliance", "procurement_route"))
    for i, m in enumerate(ctx.sheet.members):
        if m.procurement_route is not None:
            yield from _route_law(ctx, m.procurement_route, m.procurement_started, ("members", i, "procurement_route"))


def _route_law(ctx: RuleContext, route, started, loc):
    if started is None or route == "not_procurement" or "procurement_act_2023" not in ctx.law:
        return
    when = f"began on {long_date(started)}"
    if route == "provider_selection":
        psr = ctx.law["provider_selection_regime"]
        if started < psr["in_force"]:
            yield (f"the procurement {when}, before the {psr['title']} came into force on "
                   f"{long_date(psr['in_force'])}; it was under the Public Contracts Regulations 2015 (or the NHS "
                   "2013 procurement regulations): choose pcr2015", loc)
        return
    governing = ctx.law[_law_for(ctx, started)]
    if route in ACT_ROUTES and _law_for(ctx, started) != "procurement_act_2023":
        fix = "pcr2015_modification (regulation 72)" if route == "modification" else "pcr2015"
        yield (f"{route!r} is a route under the Procurement Act 2023, but the procurement {when}, before the Act "
               f"applied ({long_date(ctx.law['procurement_act_2023']['in_force'])}), so the {governing['title']} "
               f"govern it: choose {fix}", loc)
    if route in PCR_ROUTES and _law_for(ctx, started) == "procurement_act_2023":
        fix = "modification (s.74 and Sch. 8)" if route == "pcr2015_modification" else "the Act's route used"
        yield (f"{route!r} is a route under the Public Contracts Regulations 2015, but the procurement {when}, "
               f"on or after {long_date(ctx.law['procurement_act_2023']['in_force'])}, so the Procurement Act 2023 "
               f"governs it: choose {fix}", loc)


@RULES.rule("ALLIANCE-PROCUREMENT-DATE", "warning",
            "A procured alliance gives the date its procurement began, so the law in force can be checked.")
def procurement_date(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.procurement_route != "not_procurement" and alliance.procurement_started is None:
        yield ("procurement_started is not given: the law governing the route (Procurement Act 2023 from "
               "24 February 2025, PCR 2015 before) cannot be checked", ("alliance", "procurement_route"))


def _same(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


@RULES.rule("ALLIANCE-DUPLICATE-MEMBER", "error",
            "No organisation is a member twice (same name, company number or charity number).")
def duplicate_member(ctx: RuleContext):
    seen: dict[tuple[str, str], str] = {}
    for i, m in enumerate(ctx.sheet.members):
        for kind, value in (("name", m.name), ("company number", m.company_number),
                            ("charity number", m.charity_number)):
            if not value:
                continue
            key = (kind, _same(value).replace(" ", "") if kind != "name" else _same(value))
            if key in seen:
                yield (f"{m.name} has the same {kind} ({value}) as {seen[key]}: the same organisation is listed "
                       "twice", ("members", i))
                break
            seen[key] = m.name


@RULES.rule("ALLIANCE-DUPLICATE-FORMER-CONTRACT", "error",
            "No former contract is listed twice (same reference, or same member and title).")
def duplicate_former_contract(ctx: RuleContext):
    seen: set[tuple] = set()
    for i, c in enumerate(ctx.sheet.alliance.former_contracts):
        keys = {("title", c.member, _same(c.title))}
        if c.reference:
            keys.add(("reference", _same(c.reference)))
        if keys & seen:
            yield (f"the former contract {c.title!r}{f' ({c.reference})' if c.reference else ''} is listed twice",
                   ("alliance", "former_contracts", i))
        seen |= keys


@RULES.rule("ALLIANCE-UNANIMITY-QUORUM", "error",
            "Under unanimous decisions the quorum is the whole membership: a decision every Alliance Member must "
            "agree cannot be made at a meeting some of them may miss.")
def unanimity_quorum(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    members = len(alliance.voting_members)
    if ctx.positions.get("decision_rule") == "majority" or alliance.decisions.quorum is None:
        return
    if alliance.decisions.quorum < members:
        yield (f"decisions are unanimous but the quorum is {alliance.decisions.quorum} of {members} Alliance Members; "
               "a unanimous decision needs every member, so leave the quorum out (every member) or choose majority "
               "voting with reserved matters", ("alliance", "decisions", "quorum"))


@RULES.rule("ALLIANCE-COMMISSIONER-EXPOSURE", "warning",
            "Under gain and pain, the term sheet states the Commissioner's own exposure to Pain (capped or uncapped), "
            "so that what lies beyond the Providers' Pain Caps is a choice, not a residual.")
def commissioner_exposure(ctx: RuleContext):
    rr = ctx.sheet.alliance.risk_reward
    if ctx.positions.get("risk_reward") == "gain-only":
        return
    loc = ("alliance", "risk_reward", "commissioner_pain")
    if "commissioner_pain" not in rr.model_fields_set:
        yield ("the Commissioner's exposure to Pain is not stated; the draft makes it bear its own share and all Pain "
               "above the Providers' Pain Caps without limit: confirm with commissioner_pain: {basis: uncapped}, or "
               "give a cap (basis: fixed_amount, amount)", loc)
    elif rr.commissioner_pain.basis == "fixed_amount" and rr.commissioner_pain.amount is None:
        yield "the Commissioner's Pain is capped (basis 'fixed_amount') but no amount is given", (*loc, "amount")


@RULES.rule("ALLIANCE-COMMISSIONER-LIMIT", "error",
            "A limit on one Commissioner's part of the Commissioners' Pain names a Commissioner that takes a part, and "
            "what it cuts off falls on a named Commissioner without a limit: each Commissioner's exposure is a choice "
            "the sheet makes, never an uncapped residual it did not choose (r38d al-mh finding 1).")
def commissioner_limit(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    cp = alliance.risk_reward.commissioner_pain
    if not cp.limits:
        return
    loc = ("alliance", "risk_reward", "commissioner_pain", "limits")
    if ctx.positions.get("risk_reward") == "gain-only":
        yield "a limit on a Commissioner's Pain is given, but the mechanism is gain only: there is no Pain to limit", loc
        return
    if not alliance.joint_commissioners:
        yield ("commissioner_pain.limits divides the Commissioners' Pain between several Commissioners, but there is "
               "one: give its cap as basis: fixed_amount and amount instead", loc)
        return
    if cp.basis != "uncapped":
        yield ("commissioner_pain.limits works with basis 'uncapped' (the Commissioners together uncapped, one of them "
               "limited); with a joint amount (basis 'fixed_amount') say how it divides in the Section 75 Agreement "
               "or an agreement between the Commissioners instead", loc)
        return
    keys = {m.key for m in alliance.commissioners}
    limited = [l.member for l in cp.limits]
    for i, l in enumerate(cp.limits):
        here = (*loc, i)
        if l.member not in keys:
            yield f"'{l.member}' is not a Commissioner: a limit applies to a Commissioner's part of the Pain", (*here, "member")
            continue
        if limited.count(l.member) > 1:
            yield f"'{l.member}' has more than one limit: give one amount", (*here, "member")
        if alliance.commissioner_part(l.member) <= 0:
            yield (f"'{l.member}' has no share of Pain, so it bears no part to limit: give it a share of Pain or take "
                   "out the limit", (*here, "member"))
        if l.excess_to is not None:
            if l.excess_to not in keys:
                yield (f"excess_to '{l.excess_to}' is not a Commissioner: what the limit cuts off falls on a "
                       "Commissioner", (*here, "excess_to"))
            elif l.excess_to == l.member or l.excess_to in limited:
                yield (f"excess_to '{l.excess_to}' is itself limited, so Pain above both limits would fall on no one: "
                       "name a Commissioner without a limit", (*here, "excess_to"))
        elif not [k for k in keys if k not in limited]:
            yield ("every Commissioner's part is limited, so Pain above the limits would fall on no one: leave one "
                   "Commissioner without a limit to bear the rest, or give the Commissioners a joint amount "
                   "(basis: fixed_amount)", here)


@RULES.rule("ALLIANCE-CONTRIBUTION-UPLIFT-GAP", "warning",
            "A Commissioner whose contribution rises by its own uplift (indexed_by) while the Annual Value of a Service "
            "Contract it holds rises by the alliance's indexation leaves the other Commissioners funding the "
            "difference on a contract they do not hold: a choice to make, not a residual (r38d al-mh finding 8).")
def contribution_uplift_gap(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    pb = alliance.pooled_budget
    if pb is None:
        return
    others_of = alliance.balancing_contributors
    for m, words, held in alliance.uplift_gaps:
        i = next(n for n, c in enumerate(pb.contributions) if c.member == m.key)
        others = [o.defined for o in others_of if o is not m]
        payer = " and ".join(others) + (" funds" if len(others) == 1 else " fund") if others else "the other Commissioners fund"
        names = " and ".join(p.defined for p in held)
        yield (f"{m.defined}'s contribution rises by its own uplift ('{words}') but the Annual Value of {names}, "
               f"whose Service Contract it holds, rises by the alliance's indexation "
               f"('{alliance.risk_reward.indexation}'); {payer} the difference on a contract {m.defined} commissions: "
               f"index {names}'s Annual Value by the same uplift, have {m.defined} meet its own contract's indexation "
               "in full, or confirm the split (the note to the clause on service planning says who bears it)",
               ("alliance", "pooled_budget", "contributions", i, "indexed_by"))


@RULES.rule("ALLIANCE-PAIN-ABOVE-CAPS", "error",
            "Where the Providers bear Pain above the Commissioner's amount, each has an overall limit above its Pain Cap, "
            "so that no Provider's exposure is open-ended and the Pain Cap is not a cap in name only.")
def pain_above_caps(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    cp = alliance.risk_reward.commissioner_pain
    if ctx.positions.get("risk_reward") == "gain-only" or not alliance.providers_bear_excess:
        return
    loc = ("alliance", "risk_reward", "commissioner_pain", "providers_limit_percent")
    if cp.providers_limit_percent is None:
        yield ("the Providers bear Pain above the Commissioner's amount (above_cap: providers) with no overall limit, "
               "so their Pain Caps would not be caps: give providers_limit_percent (the most a Provider bears in a "
               "year, as a percentage of its Annual Value), or let the Commissioner bear it (above_cap: commissioner)",
               loc)
        return
    for m in alliance.providers:
        cap, limit = alliance.pain_cap_for(m), alliance.pain_limit_for(m)
        if cap is not None and limit is not None and limit <= cap:
            yield (f"{possessive(m.name)} overall limit on Pain ({money(limit)}) is no more than its Pain Cap ({money(cap)}), so "
                   "Pain above the Commissioner's amount could never return to it: raise providers_limit_percent above "
                   "the Pain Cap, or let the Commissioner bear that Pain (above_cap: commissioner)", loc)


@RULES.rule("ALLIANCE-POOLED-BUDGET-HOST", "error",
            "The pooled budget is held by the Commissioner, which pays the Providers under their Service Contracts: one "
            "payment route.")
def pooled_budget_host(ctx: RuleContext):
    pooled = ctx.sheet.alliance.pooled_budget
    if not pooled:
        return
    host = next((m for m in ctx.sheet.members if m.key == pooled.host), None)
    if host is not None and host.role != "commissioner":
        yield (f"the pooled budget is held by {host.name}, a provider; the Providers are paid under their Service "
               "Contracts with the Commissioner, so the Commissioner holds the pooled budget",
               ("alliance", "pooled_budget", "host"))


@RULES.rule("ALLIANCE-FORMER-CONTRACTS-ROUTE", "error",
            "The treatment of the former contracts fits the procurement route: varied contracts need a modification "
            "route; a new award replaces them.")
def former_contracts_route(ctx: RuleContext):
    from assembler.termsheet.alliance import MODIFICATION_ROUTES, NEW_AWARD_ROUTES

    alliance = ctx.sheet.alliance
    if not alliance.former_contracts:
        return
    route, treatment = alliance.procurement_route, alliance.former_contracts_treatment
    loc = ("alliance", "former_contracts_treatment")
    if treatment == "varied" and route in NEW_AWARD_ROUTES:
        yield (f"the former contracts are 'varied', but the route is {route!r}, a new award: the new Service "
               "Contracts replace them (former_contracts_treatment: replaced), or the route is a modification", loc)
    if treatment == "replaced" and route in MODIFICATION_ROUTES:
        yield (f"the former contracts are 'replaced', but the route is {route!r}, a modification of existing "
               "contracts: they are varied (former_contracts_treatment: varied), or the route is a new award", loc)


@RULES.rule("ALLIANCE-RESERVED-MUTUAL", "error",
            "A contract reserved for public service mutuals (Procurement Act 2023 s.33) is a light touch contract.")
def reserved_mutual(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.procurement_route == "reserved_mutual" and not alliance.light_touch:
        yield ("section 33 of the Procurement Act 2023 reserves only light touch contracts for public service "
               "mutuals, but light_touch is false", ("alliance", "procurement_route"))


@RULES.rule("ALLIANCE-OPEN-BOOK-COST-MODELS", "warning",
            "With open-book terms, every Provider that is not a public body (each Open-Book Provider) has its own cost "
            "model (one reconciliation and one line of the worked example each); a public-body Provider, such as an NHS "
            "trust, is outside the open book and needs none; without open-book terms, a cost model is not used.")
def open_book_cost_models(ctx: RuleContext):
    has_block = ctx.sheet.open_book is not None
    for i, m in enumerate(ctx.sheet.members):
        if m.role == "provider" and m.is_public_body and m.cost_model is not None:
            yield (f"{m.name} is a public body, so it is outside the open book (not an Open-Book Provider): its "
                   "cost_model is not used; its costs are verified under the information clause instead",
                   ("members", i, "cost_model"))
            continue
        if has_block and m.role == "provider" and not m.is_public_body and m.annual_value > 0 and m.cost_model is None:
            yield (f"{m.name} has no cost_model; under the open-book terms each Provider's profit cap is reconciled "
                   "on its own costs, so give its direct costs, overheads and income", ("members", i))
        if not has_block and m.cost_model is not None:
            yield (f"{m.name} has a cost_model but the term sheet has no open_book block, so it is not used",
                   ("members", i, "cost_model"))


@RULES.rule("ALLIANCE-OPEN-BOOK-TOTALS", "warning",
            "Where the sheet gives an open-book cost model and one for each Open-Book Provider, its totals equal the "
            "Providers' own figures added up; the draft uses the Providers' figures and its note names any difference.")
def open_book_totals(ctx: RuleContext):
    for label, given, total in ctx.sheet.alliance.open_book_total_differences:
        yield (f"open_book.cost_model gives {label} of {money(given)}, but the Providers' own cost models add up to "
               f"{money(total)} (a difference of {money(abs(total - given))}); the draft uses the Providers' figures: "
               "correct the total or the Provider's figure", ("open_book", "cost_model", label.replace(" ", "_")))


@RULES.rule("ALLIANCE-DEPUTY", "warning",
            "Every Alliance Member names a deputy for its ALT representative, so that one absence does not make a "
            "meeting inquorate (unanimity needs every member present).")
def deputy(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    members = set(id(m) for m in alliance.alliance_members)
    for i, m in enumerate(ctx.sheet.members):
        rep = m.alt_representative
        if id(m) in members and rep is not None and (rep.deputy or "").strip().lower() == "none":
            yield (f"{m.name} has no deputy on the ALT; name one, or one absence can leave a meeting inquorate",
                   ("members", i, "alt_representative", "deputy"))


HEALTH_CARE_WORDS = re.compile(r"\b(treatment|nursing|nurse|clinical|clinic|palliative|dual diagnosis|mental health|"
                               r"substance (?:use|misuse)|drug and alcohol|detox\w*|prescrib\w*|therap\w*)\b", re.I)
ACT_ROUTES = ("open", "competitive_flexible", "direct_award", "reserved_mutual", "modification")


@RULES.rule("ALLIANCE-HEALTH-CARE-ROUTE", "warning",
            "Where a Service or former contract looks like health care and the route is under the Procurement Act "
            "2023, the Commissioner's view on the Provider Selection Regime is recorded (health_care_assessment).")
def health_care_route(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.procurement_route not in ACT_ROUTES or alliance.health_care_assessment:
        return
    found = [s for s in alliance.services if HEALTH_CARE_WORDS.search(s)]
    found += [c.title for c in alliance.former_contracts if HEALTH_CARE_WORDS.search(c.title)]
    if found:
        yield (f"{found[0]!r} looks like a relevant health care service, which the Provider Selection Regime (S.I. "
               "2023/1348) governs instead of the Procurement Act 2023 where a council or NHS body arranges it; record "
               "the Commissioner's view in health_care_assessment", ("alliance", "procurement_route"))


@RULES.rule("ALLIANCE-MAJORITY-IS-UNANIMITY", "warning",
            "Under majority voting the majority chosen is less than every vote: with few members a percentage can "
            "round up to every member (75% of three members is three votes), so the Reserved Matters would mean nothing.")
def majority_is_unanimity(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    members = len(alliance.alliance_members)
    if ctx.positions.get("decision_rule") != "majority" or members < 2:
        return
    if alliance.votes_needed >= members:
        most = (members - 1) * 100 // members
        yield (f"a majority of {alliance.decisions.majority_percent}% of {members} Alliance Members needs all "
               f"{members} votes, which is unanimity; choose unanimous decisions, or a majority of at most {most}% "
               f"so that {members - 1} of {members} votes pass a decision", ("alliance", "decisions", "majority_percent"))


@RULES.rule("ALLIANCE-SERVICE-PROVIDERS", "error",
            "Where Providers say which services they deliver, each names a listed service and every listed service has "
            "a Provider, so that Schedule 1 leaves no service without someone to deliver it.")
def service_providers(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if not any(p.delivers for p in alliance.providers):
        return
    services = list(alliance.services)
    for i, m in enumerate(ctx.sheet.members):
        for j, named in enumerate(m.delivers):
            if m.role == "commissioner":
                yield (f"{m.name} is a commissioner; only Providers deliver services under their Service Contracts",
                       ("members", i, "delivers", j))
            elif not any(same_service(s, named) for s in services):
                yield (f"{named!r} is not one of the listed services{_hint(named, services)}; write it exactly as "
                       "listed in alliance.services", ("members", i, "delivers", j))
        if m.role == "provider" and not m.delivers:
            yield f"{m.name} is a Provider but delivers none of the listed services; say which it delivers", ("members", i)
    for k, (service, providers) in enumerate(alliance.service_providers):
        if not providers:
            yield (f"no Provider delivers {service!r}; add it to a Provider's 'delivers' list, or take it out of "
                   "the services", ("alliance", "services", k))


@RULES.rule("ALLIANCE-FEE", "warning",
            "A Fee belongs to a Provider, and a Pain Cap equal to the Fee needs a Fee: a Provider with a 0% Fee "
            "whose Pain Cap is its Fee bears no Pain at all.")
def fee(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, m in enumerate(ctx.sheet.members):
        if m.role == "commissioner" and m.fee_percent is not None:
            yield (f"{m.name} is a commissioner and is paid no Fee, so this percentage is ignored; give a Fee only "
                   "to a Provider", ("members", i, "fee_percent"))
        elif (m.role == "provider" and m.annual_value > 0 and alliance.fee_percent_for(m) == 0
              and alliance.risk_reward.pain_cap.basis == "fee" and ctx.positions.get("risk_reward") != "gain-only"):
            yield (f"{m.name} is paid no Fee, and each Provider's Pain Cap is its Fee, so its Pain Cap is £0 and it "
                   "bears no Pain; give it a Fee, or a Pain Cap on another basis (pain_cap.basis)",
                   ("members", i, "fee_percent") if m.fee_percent is not None else
                   ("alliance", "risk_reward", "fee", "percent"))


@RULES.rule("ALLIANCE-FORMER-CONTRACT-VALUES", "warning",
            "Where a Provider's former contracts are listed with their values, its Annual Value either matches "
            "their total or the difference is explained (a service added, or a contract kept outside the alliance).")
def former_contract_values(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    for i, m in enumerate(ctx.sheet.members):
        held = [c for c in alliance.former_contracts if c.member == m.key]
        if m.role != "provider" or not held or any(c.annual_value is None for c in held):
            continue
        total = sum((c.annual_value for c in held), Decimal(0))
        added = m.new_services_value or Decimal(0)
        if total + added != m.annual_value:
            new = f" and {money(added)} of new services" if added else ""
            if (alliance.former_contracts_treatment == "replaced" and not added and m.annual_value > total
                    and m.annual_value <= total * Decimal("1.25")):
                # the former contracts end and this Agreement replaces them, so nothing is paid twice: a modest uplift
                # on the same services is information, not a warning (r38d al-advice tool note 10)
                yield (f"{possessive(m.name)} annual value ({money(m.annual_value)}) is {money(m.annual_value - total)} "
                       f"more than its former contracts listed ({money(total)}); they are replaced, so nothing is paid "
                       "twice: confirm the uplift is intended (give new_services_value only for services the "
                       "alliance adds)", ("members", i, "annual_value"), "info")
                continue
            yield (f"{possessive(m.name)} annual value is {money(m.annual_value)}, but its former contracts listed add up to "
                   f"{money(total)}{new}; confirm the annual value, and list any other contract it holds for these "
                   "services (or say that it continues outside the alliance), or give the part that pays for services "
                   "the alliance adds as new_services_value, so that nothing is paid twice",
                   ("members", i, "annual_value"))


@RULES.rule("ALLIANCE-GRANT-FUNDING", "error",
            "A grant-funded alliance (funding_basis grant) is not a procurement: its route is not_procurement and "
            "this Agreement is the only funding instrument (the single-contract structure).")
def grant_funding(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.funding_basis != "grant":
        return
    loc = ("alliance", "funding_basis")
    if alliance.procurement_route != "not_procurement":
        yield (f"the Providers are funded by grant, but procurement_route is {alliance.procurement_route!r}: a grant "
               "is not awarded by a procurement; set procurement_route to not_procurement (with the Commissioner's "
               "record of why there is no public contract), or funding_basis to contract", loc)
    if ctx.positions.get("structure") != "single-contract":
        yield ("the Providers are funded by grant under this Agreement, but the structure position is "
               f"{ctx.positions.get('structure')!r} (separate Service Contracts for the Services); choose "
               "structure: single-contract, or funding_basis contract", loc)


@RULES.rule("ALLIANCE-NOT-PROCUREMENT-CONTRACT", "warning",
            "Where the route says there is no public contract but this Agreement is itself the contract under which "
            "the Commissioner pays for the Services, the two contradict each other unless the money is a grant.")
def not_procurement_contract(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if (alliance.procurement_route == "not_procurement" and alliance.funding_basis == "contract"
            and ctx.positions.get("structure") == "single-contract"):
        yield ("procurement_route is not_procurement, but with structure single-contract and funding_basis contract "
               "this Agreement is the contract under which the Commissioner pays for the Services, which is what a "
               "public contract is; if the Providers are funded by grant, set funding_basis: grant; otherwise "
               "confirm the assessment that there is no public contract", ("alliance", "funding_basis"))


@RULES.rule("ALLIANCE-LATE-SIGNING", "warning",
            "An alliance agreement signed after its Commencement Date applies back to that date; the gap in between "
            "needs the lawyer's attention.")
def late_signing(ctx: RuleContext):
    signed = ctx.sheet.document.agreement_date
    start = ctx.sheet.alliance.term.start
    if signed is not None and signed > start:
        yield (f"the agreement is to be signed on {long_date(signed)}, after the Commencement Date "
               f"({long_date(start)}): the draft applies it from the Commencement Date, so confirm that the Former "
               "Contracts or Service Contracts cover the Services in between, or move the Commencement Date or sign "
               "earlier", ("document", "agreement_date"))


PO_BOX = re.compile(r"\bP\.?\s*O\.?\s*Box\b|\bPost\s*Office\s*Box\b", re.I)


@RULES.rule("ALLIANCE-PO-BOX-ADDRESS", "warning",
            "A member's address for notices is a street address: notices are delivered by hand, and a PO box cannot "
            "take delivery by hand or be a registered office.")
def po_box_address(ctx: RuleContext):
    for i, m in enumerate(ctx.sheet.members):
        if m.address and PO_BOX.search(m.address):
            yield (f"{possessive(m.name)} address ({m.address}) is a PO box: notices under this Agreement may be delivered by "
                   "hand, which a PO box cannot receive; give the street address of its registered or principal "
                   "office", ("members", i, "address"))


@RULES.rule("ALLIANCE-CONTRIBUTIONS", "error",
            "The contributions to a pooled budget add up to its annual amount, each from a commissioner listed once.")
def contributions(ctx: RuleContext):
    pooled = ctx.sheet.alliance.pooled_budget
    if not pooled or not pooled.contributions:
        return
    loc = ("alliance", "pooled_budget", "contributions")
    if pooled.contributions_total != pooled.annual_amount:
        yield (f"the contributions to the pooled budget add up to {money(pooled.contributions_total)}, but the pooled "
               f"budget is {money(pooled.annual_amount)} a year; correct the amounts so that every pound of it is "
               "paid in by someone", loc)
    roles = {m.key: m for m in ctx.sheet.members}
    seen: set[str] = set()
    for i, c in enumerate(pooled.contributions):
        m = roles.get(c.member)
        if m is not None and m.role != "commissioner":
            yield (f"{m.name} is a provider: Providers are paid from the pooled budget, not into it; list only the "
                   "commissioners that fund it", (*loc, i, "member"))
        if c.member in seen:
            yield f"{c.member!r} is listed twice among the contributors; give one line with its whole contribution", (*loc, i, "member")
        seen.add(c.member)


@RULES.rule("ALLIANCE-CONTRIBUTIONS-STATED", "warning",
            "Where more than one body commissions the services, a pooled budget says what each pays into it and when.")
def contributions_stated(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    pooled = alliance.pooled_budget
    if pooled and not pooled.contributions and alliance.joint_commissioners:
        yield (f"{len(alliance.commissioners)} bodies commission the services but the pooled budget does not say what "
               "each pays into it: list the contributions (member, amount, pays), or the draft leaves each "
               "Commissioner's contribution blank", ("alliance", "pooled_budget", "contributions"))


@RULES.rule("ALLIANCE-MEMBER-ROUTE", "error",
            "A Provider's own procurement route is given with its date, and a modification route only for a Provider "
            "whose Former Contract is varied; a commissioner has no route of its own.")
def member_route(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    held = {c.member for c in alliance.former_contracts}
    for i, m in enumerate(ctx.sheet.members):
        route = m.procurement_route
        if route is None:
            if m.procurement_started is not None:
                yield (f"{m.name} has a procurement_started date but no procurement_route of its own; give its route, "
                       "or remove the date (the alliance's date applies)", ("members", i, "procurement_started"))
            continue
        loc = ("members", i, "procurement_route")
        if m.role != "provider":
            yield f"{m.name} is a commissioner: only a Provider's Service Contract has a route of its own", loc
        elif route in ("modification", "pcr2015_modification") and (
                m.key not in held or alliance.former_contracts_treatment != "varied"):
            yield (f"{possessive(m.name)} route is a modification, but it holds no Former Contract that is varied: a "
                   "modification needs an existing contract; give the route by which its Service Contract was awarded",
                   loc)
        elif route not in ("modification", "pcr2015_modification") and m.key in held \
                and alliance.former_contracts_treatment == "varied":
            yield (f"{possessive(m.name)} Former Contract is varied to become its Service Contract, so its route is the "
                   "modification, not a new award; remove its own route, or list its new contract's route and not the "
                   "former contract", loc)
        if route != "not_procurement" and m.procurement_started is None:
            yield (f"{possessive(m.name)} own route has no procurement_started date: the law governing it cannot be checked",
                   ("members", i, "procurement_started"))


SHARED_SYSTEM = re.compile(r"case management system|shared (care|case) record|shared (case )?system|shared database|"
                           r"shared record", re.I)


@RULES.rule("ALLIANCE-SHARED-SYSTEM-CONTROLLERS", "warning",
            "Where the members share personal data through one shared case system, the term sheet names who hosts it, "
            "so the draft can say who is controller and who processes for whom.")
def shared_system_controllers(ctx: RuleContext):
    dp = getattr(ctx.sheet, "data_protection", None)
    alliance = ctx.sheet.alliance
    if dp is None or alliance.case_system_host is not None:
        return
    text = " ".join(filter(None, (dp.security, dp.purposes, dp.subject_matter)))
    found = first_affirmed(SHARED_SYSTEM, text)  # "no refuge address is written into a shared record" (r43 al-domabuse 1)
    if found and dp.role in ("controllers", "joint_controllers"):
        yield (f"the data is shared through a shared system ('{found.group(0)}') but the term sheet does not say which "
               "member hosts it: give alliance.case_system_host, so the draft can say that each member stays "
               "controller of what it enters and the host processes it for them under Article 28 terms",
               ("alliance", "case_system_host"))


PATIENT_RECORD = re.compile(r"(?:electronic )?(?:patient|health|clinical) record(?: system)?|\bEPR\b", re.I)


@RULES.rule("ALLIANCE-PATIENT-RECORD-ACCESS", "warning",
            "Where the data-sharing security says members' staff use one member's patient record, the term sheet names "
            "that member, so the draft sets the access terms.")
def patient_record_access(ctx: RuleContext):
    dp = getattr(ctx.sheet, "data_protection", None)
    alliance = ctx.sheet.alliance
    if dp is None or alliance.patient_record_host is not None or alliance.case_system_host is not None:
        return
    found = PATIENT_RECORD.search(dp.security or "")
    if found:
        yield (f"the data-sharing security says the members share data through a patient record ('{found.group(0)}'), "
               "but the term sheet does not say whose: give alliance.patient_record_host (the member whose record it "
               "is), so the draft sets the terms on which the other members' staff access it",
               ("alliance", "patient_record_host"))


@RULES.rule("ALLIANCE-FEE-PROFIT-CAP", "warning",
            "With open-book terms inside an alliance, each Open-Book Provider's Fee and its profit cap are on one "
            "basis (a Provider that spends exactly its budget, its Annual Value less its Fee, would otherwise rely on "
            "the Reasonable Profit being lifted to its Fee), and its own cost model is within that budget.")
def fee_profit_cap(ctx: RuleContext):
    ob, alliance = ctx.sheet.open_book, ctx.sheet.alliance
    if ob is None:
        return
    cost_base = ctx.positions.get("open_book_cost_base") or "full-cost"
    over_budget = {m.key: amount for m, amount in alliance.open_book_over_budget}  # what the Sch 10 note states
    for i, m in enumerate(ctx.sheet.members):
        if m.role != "provider" or m.is_public_body or m.annual_value <= 0:
            continue
        fee = alliance.fee_for(m)
        budget = m.annual_value - fee
        model = m.cost_model
        if m.key in over_budget:
            over = over_budget[m.key]
            yield (f"{possessive(m.name)} cost model totals {money(budget + over)}, {money(over)} over its budget of "
                   f"{money(budget)} (its annual value {money(m.annual_value)} less its Fee {money(fee)}): from the "
                   "first day that is either unapproved cost above budget or built-in Pain; set the budget to the cost "
                   "model, or correct the cost model", ("members", i, "cost_model"))
        if ob.basis == "fixed_fee":
            reasonable = ob.fixed_fee or Decimal(0)
        elif ob.basis == "revenue":
            reasonable = m.annual_value * ob.profit_cap / 100
        elif cost_base == "full-cost":
            reasonable = budget * ob.profit_cap / 100
        elif model is not None and model.direct_costs + model.overheads > 0:
            reasonable = budget * model.direct_costs / (model.direct_costs + model.overheads) * ob.profit_cap / 100
        else:
            continue
        reasonable = reasonable.quantize(Decimal("0.01"))
        if fee > reasonable:
            basis = {"fixed_fee": "a fixed sum", "revenue": "its Service Income"}.get(ob.basis, "its Cost Base")
            yield (f"{possessive(m.name)} Fee is {percent(alliance.fee_percent_for(m))} of its annual value ({money(fee)}), but "
                   f"the profit cap is {percent(ob.profit_cap)} of {basis} ({money(reasonable)} if it spends exactly "
                   f"its budget of {money(budget)}): the draft lifts its Reasonable Profit to its Fee plus or minus its "
                   f"share of Gain or Pain, so the {money(fee - reasonable)} difference is not swept as Excess Profit, "
                   "but the two bases still differ; agree one basis with the client (a Fee as a percentage of its "
                   "budgeted Delivery Costs, or a profit cap equal to the Fee)", ("members", i))


@RULES.rule("ALLIANCE-OPEN-BOOK-PERIOD", "warning",
            "With open-book terms inside an alliance, each Reconciliation Period is an Alliance Year: the profit cap "
            "counts the Balancing Amount for the Alliance Year a period covers, and lifts the Reasonable Profit to the "
            "Fee plus or minus the year's share of Gain or Pain, which only works period for year.")
def open_book_period(ctx: RuleContext):
    ob, alliance = ctx.sheet.open_book, ctx.sheet.alliance
    if ob is None:
        return
    if ob.reconciliation != "annually":
        yield (f"open_book.reconciliation is '{ob.reconciliation}', but inside an alliance the profit cap counts each "
               "Provider's Balancing Amount and its Fee plus or minus its share of Gain or Pain for the Alliance Year: "
               "reconcile annually, so that each Reconciliation Period is an Alliance Year", ("open_book", "reconciliation"))
    elif ob.first_period_start is not None and ob.first_period_start != alliance.term.start:
        yield (f"open_book.first_period_start ({ob.first_period_start.isoformat()}) is not the start of the term "
               f"({alliance.term.start.isoformat()}), so the Reconciliation Periods do not match the Alliance Years "
               "the profit cap relies on: start them together", ("open_book", "first_period_start"))


@RULES.rule("ALLIANCE-DP-ROUTINE-PARAGRAPH-18", "info",
            "The lawful basis does not rest routine sharing of health data on Schedule 1 paragraph 18 DPA 2018, "
            "which covers only safeguarding disclosures made without consent.")
def routine_paragraph_18(ctx: RuleContext):
    dp = getattr(ctx.sheet, "data_protection", None)
    part = dp.routine_paragraph_18 if dp is not None and dp.effective_role != "none" else None
    if not part:
        return
    said = (f"the lawful basis rests sharing of health data on Article 9(2)(g) with Schedule 1 paragraph 18 ({part!r}), "
            "which covers only protecting a child or an individual at risk where consent cannot be given, cannot "
            "reasonably be obtained or would prejudice the protection (paragraph 18(1)(c) and (2)); ")
    if dp.paragraph_18_redraft(ctx.sheet.alliance.professional_care):
        yield (said + "the draft's table rests health data on Article 9(2)(h) with paragraph 2 and section 11(1) instead "
               "and keeps paragraph 18 for safeguarding disclosures: give that basis in the sheet (or say 'safeguarding "
               "disclosures under Article 9(2)(g) with Schedule 1 paragraph 18') and confirm that each Party's staff "
               "and volunteers who share health data owe a duty of confidentiality", ("data_protection", "lawful_basis"))
    else:
        yield (said + "the services are not health or social care provided by or under health or social work "
               "professionals, so the draft keeps the sheet's words and its note asks for a condition for routine "
               "sharing: give explicit consent (Article 9(2)(a)) for ordinary support, or another Part 2 condition each "
               "Party meets", ("data_protection", "lawful_basis"))


@RULES.rule("ALLIANCE-INDEXATION-MEASURE-LEFT-OUT", "warning",
            "The definition of Indexation Increase keeps every measure and every share that the sheet's indexation "
            "words name: a pay award (NJC, Agenda for Change), an earnings or NHS cost measure, or 'N% of' a measure "
            "that the formula leaves out means the words were misread (r38d al-edge tool note 8: a 70/30 NJC and CPI "
            "blend became CPI alone); so does a cap or floor the words give ('up to a maximum of 2.5 per cent', "
            "'no less than 1%') that the definition does not state (r42 al-familyhubs F1).")
def indexation_measure_left_out(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    words = alliance.risk_reward.indexation or ""
    definition = alliance.indexation_definition or ""
    if not words or not definition:
        return
    missing = []
    for m in OTHER_MEASURE.finditer(words):
        if not re.search(re.escape(m.group(0)), definition, re.I):
            missing.append(f'"{m.group(0)}"')
    for m in INDEX_SHARE.finditer(words):
        share = f"{Decimal(m.group(1)).normalize():f}%"
        if share not in definition:
            missing.append(f'the share "{m.group(0).strip()}"')
    # the definition as the draft prints it: the formula, then its last sentence on the cap and floor
    stated = definition + (f". never {alliance.indexation_limit_words}" if alliance.indexation_limit_words else "")
    figures = {Decimal(x) for x in re.findall(r"(\d+(?:\.\d+)?)" + PERCENT_SIGN, stated, re.I)}
    limits = [m for m in INDEX_LIMIT.finditer(words) if Decimal(m.group(1)) not in figures]
    if limits and not missing:
        said = ", ".join(f'"{" ".join(m.group(0).split())}"' for m in limits)
        yield (f"the indexation words give a limit ({said}) that the definition of Indexation Increase does not state "
               f"(it reads: \"{definition[:160]}...\"): the draft would index without it; write the limit as 'capped at "
               "2.5%' or 'no less than 1%' after the measure, and check the definition and its note",
               ("alliance", "risk_reward", "indexation"))
    if missing:
        yield (f"the indexation words name {', '.join(dict.fromkeys(missing))}, which the definition of Indexation "
               f"Increase leaves out (it reads: \"{definition[:160]}...\"): write a blend as 'X (for 70% of the Annual "
               "Value) and Y (for 30% of the Annual Value)' or '70% of X and 30% of Y', and check the definition",
               ("alliance", "risk_reward", "indexation"))


@RULES.rule("ALLIANCE-PARTICIPANT-SHARE", "error",
            "A participant (role 'participant', a Participating Member) takes part without a Service Contract or "
            "payment, so it has no share of Gain or Pain and no KPI gate.")
def participant_share(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    names = {m.key: m.name for m in alliance.participants}
    for i, s in enumerate(alliance.risk_reward.shares):
        if s.member in names:
            yield (f"{names[s.member]} is a participant: it takes no share of Gain or Pain; remove its row, or make it "
                   "a provider if it is paid under a Service Contract", ("alliance", "risk_reward", "shares", i, "member"))


@RULES.rule("ALLIANCE-ZERO-PROVIDER", "warning",
            "A Provider with an annual value of nil and no former contract is probably a member that takes part unpaid, "
            "without a Service Contract: role 'participant' says so, and keeps it out of the Service Contract, "
            "procurement and Gain and Pain provisions.")
def zero_provider(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    held = {c.member for c in alliance.former_contracts}
    for i, m in enumerate(ctx.sheet.members):
        if m.role == "provider" and m.annual_value == 0 and m.key not in held and not m.service_contracts:
            yield (f"{m.name} is a Provider with an annual value of £0 and no former contract, so the draft gives it a "
                   "Service Contract, a procurement route and a place in Gain and Pain; if it takes part unpaid, without a "
                   "Service Contract, give it role 'participant' and say what it does under takes_part_by",
                   ("members", i, "annual_value"))


@RULES.rule("ALLIANCE-GRANT-LINES-NO-GRANT", "warning",
            "A service line that says how much of it a central government grant pays for (grant_funded) means nothing "
            "unless the sheet names that grant: the draft shows no grant split and no limit on payment to the grant "
            "(r43 al-domabuse finding 1).")
def grant_lines_no_grant(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.central_grant_funded:
        return
    for i, m in enumerate(ctx.sheet.members):
        for j, line in enumerate(m.service_lines):
            if line.grant_funded is not None:
                yield (f"{possessive(m.name)} service line '{line.service}' says a grant pays {money(line.grant_funded)} "
                       "of it, but no central government grant pays for the Services of an English council Commissioner "
                       "(alliance.central_grant is empty and the funding words name none): give alliance.central_grant, "
                       "or leave grant_funded empty", ("members", i, "service_lines", j, "grant_funded"))


@RULES.rule("ALLIANCE-GRANT-INDEXATION-OPEN", "info",
            "Where the sheet says which service lines a central government grant pays for and the Annual Values are "
            "indexed, it should say whether the grant-funded parts rise if the grant does not (r43 al-careleavers "
            "finding 3): the draft is otherwise silent and the Commissioner funds the difference.")
def grant_indexation_open(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if (alliance.grant_funded_lines and alliance.risk_reward.indexation
            and alliance.central_grant_indexation is None):
        yield (f"the central grant pays for {money(alliance.grant_funded_total)} of the Annual Values, which rise by "
               f"the indexation ('{alliance.risk_reward.indexation}'); a grant that stays the same is not a cut, so the "
               "Commissioner would fund the increase on those parts: say which applies in "
               "alliance.central_grant_indexation (if_grant_rises or commissioner_funds)",
               ("alliance", "central_grant_indexation"))


@RULES.rule("ALLIANCE-EARMARK-NOTHING-POOLED", "warning",
            "A contribution earmarked for particular services (applied_to) by a Commissioner that pays its own Service "
            "Contracts outside the pool and so pays nothing of it into the pool: the earmark applies to nothing and the "
            "clause on it contradicts the clause on its own contracts (r43 al-earlyhelp tool note 10).")
def earmark_nothing_pooled(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    pb = alliance.pooled_budget
    if pb is None:
        return
    for h, ps, values, contribution in alliance.contract_holders_outside_pool:
        for i, c in enumerate(pb.contributions):
            if c.member == h.key and c.applied_to and contribution <= values:
                names = " and ".join(p.defined for p in ps)
                yield (f"{h.defined}'s contribution ({money(contribution)}) is applied to '{c.applied_to}', but it pays "
                       f"{names}'s Service Contracts ({money(values)} in the first year) itself and so pays none of it "
                       "into the pool: set pooled_in_full: true (the pool pays those contracts for it) or leave "
                       "applied_to empty", ("alliance", "pooled_budget", "contributions", i, "applied_to"))


@RULES.rule("ALLIANCE-REINVEST-UNSET", "warning",
            "A Reserved Matter that names a Reinvestment Plan (or reinvesting Gain) has risk_reward.gain_use "
            "'reinvest', or the draft would list a plan nothing in it creates (r44 al-dayops finding 1).")
def reinvest_unset(ctx: RuleContext):
    alliance = ctx.sheet.alliance
    if alliance.risk_reward.gain_use == "reinvest":
        return
    for i, m in enumerate(alliance.decisions.reserved_matters):
        if re.search(r"\breinvest", m, re.I):
            if (getattr(ctx.sheet, "open_book", None) is not None and ctx.positions.get("open_book_excess") == "reinvest"
                    and not re.search(r"\bgain\b", m, re.I)):
                continue  # the open-book Reinvestment Plan for Excess Profit, which the draft defines
            yield (f"the Reserved Matter '{m}' speaks of reinvesting, but risk_reward.gain_use is not 'reinvest', so the "
                   "draft pays each Provider its share of Gain freely and creates no Reinvestment Plan: set gain_use: "
                   "reinvest if every share of Gain must go back into the Services, or reword the matter",
                   ("alliance", "decisions", "reserved_matters", i))
            return
