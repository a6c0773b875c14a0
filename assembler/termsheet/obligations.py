"""Insurance and data protection: two facts every family's term sheet may state.

Both are optional blocks on TermSheetBase. Left out, each settles to a proportionate default so the
draft carries no placeholder: insurance cover from dated figures in clauses/figures.yaml by family
and size, and the data protection roles from the family's own `personal_data` flag (separate
controllers wherever personal data is processed; a processor only where the term sheet says so). The clause text
and the review pack say which defaults were used.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, PrivateAttr, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from assembler.termsheet.common import Money, Strict, TermSheetBase, Text
from assembler.termsheet.common import legal_field

# The figure that measures a family's size for insurance: what the agreement is worth in a year, or
# in all for a one-off grant or a capital partnership. A family not listed is sized as standard.
SIZE_OF = {
    "grant": lambda sheet: sheet.grant.maximum_sum,
    "alliance": lambda sheet: sheet.alliance.total_annual_value,
    "open-book": lambda sheet: sheet.open_book.cost_model.income,
    "co-investment": lambda sheet: sheet.contributions.total,
}


class OtherCover(Strict):
    kind: Text = Field(description="The insurance, e.g. 'motor insurance for vehicles used in the Project' or "
                                   "'cyber liability insurance'.")
    amount: Money = Field(description="The least cover, in pounds, for any one claim or occurrence.")


class Insurance(Strict):
    """The insurance each Party that is not a Public Body must hold. Empty fields take the default
    for the family and size stated in clauses/figures.yaml (insurance_*)."""

    employers_liability: Money | None = Field(
        None, description="Least employer's liability cover, in pounds, for any one occurrence; the law requires at "
        "least 5000000 (Employers' Liability (Compulsory Insurance) Regulations 1998 reg. 3). Empty: the default.")
    public_liability: Money | None = Field(
        None, description="Least public liability cover, in pounds, for any one occurrence, e.g. 5000000. Empty: the default.")
    professional_indemnity: Money | None = Field(
        None, description="Least professional indemnity cover, in pounds, for any one claim and in the aggregate each "
        "year, e.g. 1000000; 0 where none is needed (no professional advice or judgement). Empty: the default.")
    run_off_years: int | None = Field(
        None, ge=0, le=15, description="Years professional indemnity cover is kept after the agreement ends, e.g. 6 "
        "(the limitation period for a claim in contract). Empty: the default.")
    motor: Money | None = Field(
        None, description="Least motor insurance cover for damage to property, in pounds, for any one accident, where "
        "vehicles are used in the work, e.g. 1200000: the policy must meet Road Traffic Act 1988 Part VI, which "
        "allows no limit for death or personal injury and a property limit of no less than the figure in "
        "clauses/figures.yaml (motor_property_damage_minimum). Empty: no motor insurance term.")
    advice: bool | None = Field(
        None, description="Whether the insured Party gives professional advice or judgement in the work (e.g. debt, "
        "benefits, legal or clinical advice). false: no professional indemnity insurance is required unless a level "
        "is given; true: it is required. Empty: the default for the family and size.")
    other: list[OtherCover] = Field(default_factory=list, description="Any other insurance a Party must hold.")
    clinical_negligence: bool | None = Field(
        None, description="Whether the professional indemnity cover must be medical malpractice (clinical negligence) "
        "insurance for the nursing and clinical care given in the work, which many professional indemnity wordings "
        "exclude. Empty: true for an open-book care home with nursing, otherwise false (an alliance states its "
        "clinical negligence level as an 'other' cover).")

    @property
    def abuse_cover(self) -> OtherCover | None:
        """The first 'other' cover for abuse (e.g. 'abuse and molestation cover'): the alliance liability note sets the
        limit on safeguarding claims against it (r29 al-fresh finding 7)."""
        return next((o for o in self.other if "abuse" in o.kind.lower()), None)

    # Set by the term sheet that holds the block: the family and its size, which the defaults need.
    _family: str = PrivateAttr("")
    _size: Any = PrivateAttr(None)  # () -> the agreement's size in pounds, or None
    _nursing: bool = PrivateAttr(False)  # the services include nursing care (an open-book care home with nursing)


@dataclass(frozen=True)
class OtherLine:
    """One other insurance as the draft states it: the sheet's kind read as the name of an insurance
    ('abuse and molestation' becomes 'abuse and molestation insurance'), and a motor item split into the
    vehicles it covers, so the clause can require cover unlimited for death and personal injury (Road
    Traffic Act 1988 s.145(3)(a)) with the amount for damage to property only (r19 ob-fresh finding 7:
    'abuse and molestation of at least £5,000,000' and a motor limit of £5,000,000 'for any one claim')."""
    kind: str
    amount: Decimal
    motor: bool = False
    vehicles: str | None = None  # for a motor item: the vehicles or use it covers, as the sheet gives them

    @property
    def name(self) -> str:
        """The kind without a closing parenthesis ('abuse and molestation cover (which may sit within the public
        liability policy)' is 'abuse and molestation cover'), for a second mention after the insurance clause has
        given it in full (r31 ob-fresh finding 18)."""
        return re.sub(r"\s*\([^()]*\)\s*$", "", self.kind) or self.kind


def _clinical(o: OtherCover) -> bool:
    return bool(re.search(r"(?i)clinical negligence|malpractice", o.kind))


_INSURANCE_WORD = re.compile(r"\b(insurance|cover|policy|policies|indemnity|assurance)\b", re.IGNORECASE)


# the basis of cover typed at the end of a kind: "for any one claim", "per claim", "each and every occurrence"
_BASIS_TAIL = re.compile(r"(?i)[,;]?\s*(?:(?:for|per|in respect of|on an?)\s+)?(?:any one|each and every|each|every|one|per)"
                         r"\s+(?:claim|occurrence|event|incident|loss)(?:\s+(?:or|and)\s+(?:any one\s+|each\s+)?"
                         r"(?:series of\s+)?(?:claims?|occurrences?|events?|incidents?|loss(?:es)?)(?:\s+basis)?)?"
                         r"(?:\s+basis)?\s*$")


def other_line(o: OtherCover) -> OtherLine:
    """The sheet's other insurance read for the draft (see OtherLine). A basis the sheet typed after the kind ("...,
    for any one claim") is dropped: the clause states the basis after the amount (r43 al-careleavers F10: "for any
    one claim of at least £5,000,000 for any one claim or occurrence")."""
    kind = _BASIS_TAIL.sub("", " ".join(o.kind.split())) or " ".join(o.kind.split())
    amount = Decimal(str(o.amount))
    m = re.match(r"(?i)^motor(?:\s+(?:vehicle\s+)?insurance)?\b\s*(.*)$", kind)
    if m:
        rest = m.group(1).strip()
        paren = re.fullmatch(r"\((.*)\)", rest)
        rest = paren.group(1).strip() if paren else re.sub(r"(?i)^(?:for|covering|on)\s+", "", rest)
        return OtherLine(kind="motor insurance", amount=amount, motor=True, vehicles=rest or None)
    if not _INSURANCE_WORD.search(kind):
        head, sep, tail = kind.partition(" (")
        kind = f"{head} insurance{sep}{tail}"
    return OtherLine(kind=kind, amount=amount)


@dataclass(frozen=True)
class Cover:
    """The cover the draft requires, with the names of the figures that supplied any default."""

    employers_liability: Decimal
    public_liability: Decimal
    professional_indemnity: Decimal  # 0: not required
    run_off_years: int
    other: list[OtherLine]
    tier: str  # small, standard or large
    motor: Decimal | None = None  # least property damage cover for any one accident; None: no motor term
    advice: bool | None = None  # the sheet's answer: does the insured Party give professional advice?
    defaults: list[str] = field(default_factory=list)  # e.g. ["employer's liability", ...]
    clinical: Decimal | None = None  # an alliance's clinical negligence level from the sheet (its own clause)
    # The professional indemnity cover is clinical negligence cover for nursing and clinical care (r25 ob-fresh 4).
    pi_clinical: bool = False

    @property
    def abuse(self) -> "OtherLine | None":
        """The other cover the sheet requires for abuse claims ("abuse and molestation cover"), or None: an alliance
        then requires a Provider to report its exclusions, limits and claims rather than restate a weaker duty
        (r29 al-fresh finding 8)."""
        return next((o for o in self.other if "abuse" in o.kind.lower()), None)


def insurance_cover(insurance: Insurance, figures: dict[str, Any]) -> Cover:
    """The cover: each given amount, else the default for the family's size tier.

    A pure function of the block and the figures, used by the clause (as the `cover` filter) and
    the review pack, so the two always agree.
    """
    value = lambda name: figures[name]["value"]  # noqa: E731
    size = insurance._size() if insurance._size else None
    tier = ("standard" if size is None else "small" if size <= Decimal(str(value("insurance_small_value")))
            else "large" if size >= Decimal(str(value("insurance_large_value"))) else "standard")
    pi_needed = (insurance.advice if insurance.advice is not None
                 else tier != "small" or insurance._family in value("insurance_pi_families"))
    defaults = {
        "employer's liability": value(f"insurance_el_{'minimum' if tier == 'small' else 'standard'}"),
        "public liability": value(f"insurance_pl_{tier}"),
        "professional indemnity": value(f"insurance_pi_{tier}") if pi_needed else 0,
        "professional indemnity run-off": value("insurance_pi_run_off_years"),
    }
    given = {
        "employer's liability": insurance.employers_liability,
        "public liability": insurance.public_liability,
        "professional indemnity": insurance.professional_indemnity,
        "professional indemnity run-off": insurance.run_off_years,
    }
    used = [name for name, v in given.items() if v is None]
    chosen = {name: (defaults[name] if v is None else v) for name, v in given.items()}
    pi = Decimal(str(chosen["professional indemnity"]))
    # An alliance requires clinical negligence cover only of the Providers that deliver health care, in its own
    # clause: listed here it bound every Party, non-clinical ones too (r22 al-fresh 1).
    lines, alliance = [(other_line(o), o) for o in insurance.other], insurance._family == "alliance"
    if "professional indemnity run-off" in used and not pi:
        used.remove("professional indemnity run-off")  # no cover, so no run-off default to report
    return Cover(
        employers_liability=Decimal(str(chosen["employer's liability"])),
        public_liability=Decimal(str(chosen["public liability"])),
        professional_indemnity=pi,
        run_off_years=int(chosen["professional indemnity run-off"]) if pi else 0,
        other=[line for line, o in lines if not (alliance and _clinical(o))],
        clinical=next((line.amount for line, o in lines if alliance and _clinical(o)), None),
        tier=tier,
        motor=Decimal(str(insurance.motor)) if insurance.motor is not None else None,
        advice=insurance.advice,
        defaults=used,
        # Nursing makes the professional indemnity cover clinical negligence cover, unless the sheet lists clinical
        # negligence cover of its own among the other insurance (the draft would then ask for it twice).
        pi_clinical=bool(pi) and (insurance.clinical_negligence if insurance.clinical_negligence is not None
                                  else insurance._nursing and not any(_clinical(o) for o in insurance.other)),
    )


Role = Literal["none", "controllers", "joint_controllers", "processor"]


class Safeguarding(Strict):
    """Who the services are for, which decides the safeguarding law the draft cites: a service only
    for adults does not cite the Children Act 2004 or the LADO, one only for children does not cite
    section 42 of the Care Act 2014."""

    people: Literal["children", "adults", "both"] | None = Field(
        None, description="Who the services are for: 'children' (people under 18), 'adults' (people aged 18 "
        "or over, including adults at risk), or 'both'. Empty: read from how the services are described "
        "(their purpose or description, and whose data is shared): one group if every description that "
        "names ages or a group names the same one, otherwise both.")

    authority: str | None = Field(
        None, description="The council whose social care services take safeguarding referrals where the services are "
        "delivered, e.g. 'Westshire County Council' (in a two-tier area the county council, not the district "
        "council). Empty: the draft names the local authority with social services functions for the area.")

    _described: Any = PrivateAttr(None)  # client_group.Described: the group the descriptions name
    _quoted: Any = PrivateAttr(None)  # (field, text): the first description, for the note
    # Set by a family whose sheet knows it (the alliance): every person the services name is aged 16 or over, so the
    # safeguarding note leaves out the Gillick test for children under 16 (r19 al-fresh finding 9)
    _all_16_or_over: bool = PrivateAttr(False)

    @property
    def all_16_or_over(self) -> bool:
        return self._all_16_or_over

    @property
    def inferred(self):
        """The group the service's descriptions name when `people` is left empty (a Described, with
        the words and the field), else None: the safeguarding rule asks for it to be confirmed."""
        return self._described if self.people is None else None

    @property
    def group(self) -> str | None:
        """'children' or 'adults' where the services are for one group only (as given, or as the
        descriptions clearly say); None for both."""
        if self.people in ("children", "adults"):
            return self.people
        return self.inferred.people if self.inferred else None

    @property
    def quoted(self) -> str:
        """The first words the instructions use to describe the services (empty if none)."""
        return self._quoted[1] if self._quoted else ""

    @property
    def children(self) -> bool:
        return self.group != "adults"

    @property
    def adults(self) -> bool:
        return self.group != "children"


class DataFlow(Strict):
    """One flow of shared personal data and the lawful basis each Party sharing it relies on (r24 al-sample 3)."""

    data: str = Field(description="What is shared, e.g. 'referrals and assessments, with health needs'.")
    shared_by: str = Field(description="Who shares it, e.g. 'the Council' or 'every Provider'.")
    shared_with: str = Field(description="Who receives it, e.g. 'the Provider supporting the person'.")
    article_6: str = Field(description="The Article 6 UK GDPR basis the sharer relies on, e.g. 'Article 6(1)(e) (public task)'.")
    condition: str | None = Field(None, description="For health or criminal offence data: the Article 9 condition, with "
                                  "the Schedule 1 DPA 2018 condition, or the Article 10 condition, e.g. 'Article 9(2)(g) "
                                  "with Schedule 1 paragraph 6 (the Council's functions under the Care Act 2014)'. "
                                  "Empty: the flow has no special category or criminal offence data.")


# Criminal offence data (Article 10 UK GDPR): words in the data shared that name it, a DBS check among them.
CRIMINAL_DATA = re.compile(r"\b(?:criminal|offend\w*|offence\w*|conviction\w*|MAPPA|probation|police|DBS|"
                           r"Disclosure and Barring|barred list)\b", re.I)
NEGATION = re.compile(r"\b(?:no|not|never|nor|none|without)\b", re.I)


def first_affirmed(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match of `pattern` in `text` that its own clause (the words since the last full stop, semicolon,
    colon, comma or bracket) does not negate: "no criminal offence data is collected" or "no refuge address is ever
    written into a shared record" names the thing only to rule it out (r43 al-earlyhelp note 14, al-domabuse note 1)."""
    for m in pattern.finditer(text or ""):
        clause = re.split(r"[.;:,()]", text[:m.start()])[-1]
        if not NEGATION.search(clause):
            return m
    return None


ARTICLE_10 = re.compile(r"\b(?:Article|Art\.?)\s*10\b", re.I)


class DataProtection(Strict):
    """Who is controller and who processor of the personal data the agreement involves, and the
    details the data-sharing schedule (controllers) or the Article 28(3) terms (a processor) need."""

    role: Role | None = legal_field(
        None, description="The parties' roles: 'none' (no personal data is processed under the agreement), "
        "'controllers' (each shares data with the others as a separate controller), 'joint_controllers' "
        "(they decide the purposes and means together, Article 26), or 'processor' (one party processes "
        "for another: only where it acts solely on the other's instructions). Empty: 'controllers' "
        "wherever personal data is processed (a grant or open-book term sheet whose personal_data is "
        "true, and every alliance or co-investment partnership), else 'none'. A grant recipient or care "
        "provider that decides how it supports people and keeps its own records is a controller.")
    processor: str | None = Field(None, description="Under 'processor': the short name of the party that processes, e.g. "
                                  "'Recipient'. Empty: the grant recipient or open-book provider.")
    controller: str | None = Field(None, description="Under 'processor': the short name of the party it processes for, e.g. "
                                   "'Council'. Empty: the funder or commissioner.")
    subject_matter: str | None = Field(None, description="What the processing or sharing is about, e.g. 'support for people "
                                       "housed under the Project'.")
    duration: str | None = Field(None, description="How long it lasts, e.g. 'the term and 6 years after it ends'.")
    purposes: str | None = Field(None, description="Nature and purposes, e.g. 'case management and reporting outcomes to the Council'.")
    data_types: str | None = Field(None, description="Types of personal data, naming any health (special category) or "
                                   "criminal offence data, e.g. 'contact details, housing history, health needs'.")
    data_subjects: str | None = Field(None, description="Categories of people, e.g. 'people supported; staff of each party'.")
    lawful_basis: str | None = legal_field(None, description="For shared data: the Article 6 basis and any Article 9 and "
                                     "Schedule 1 DPA 2018 or Article 10 condition for each flow, e.g. 'Article "
                                     "6(1)(e); Article 9(2)(h) with Schedule 1 paragraph 2'.")
    flows: list[DataFlow] = Field(default_factory=list, description="For shared data, where the instructions give it "
                                  "flow by flow: each flow with its lawful basis; the data-sharing Schedule then prints "
                                  "them as a table. Empty: the lawful_basis words stand for all the sharing, and an "
                                  "alliance draft's note asks for the basis flow by flow.")
    retention: str | None = Field(None, description="For shared data: how long each party keeps it, e.g. '6 years after support ends'.")
    security: str | None = Field(None, description="For shared data: the security measures, e.g. 'encrypted email or the "
                                 "shared case system only; access by named staff'.")

    _role: Role = PrivateAttr("none")  # the role in effect: `role`, or the family's default
    _parties: dict = PrivateAttr(default_factory=dict)  # short name -> Party, so clauses print "P3", "the ICB"

    def public_task_parties(self, parties: list) -> list:
        """The parties that rely on public task (Article 6(1)(e)) in some flow, read flow by flow: where the flow's
        basis names parties ('public task for the Trust; legitimate interests for the others'), the parties named in
        its public-task part; otherwise the parties that share it ('every Provider' being each party whose role is
        provider). The schedule's note asks for a basis in law only of those that are not public bodies (r38d al-edge
        tool note 14: it had read '(public task)' anywhere in the table as every Party's)."""
        def named(p, text: str) -> bool:
            return any(n and n.lower() in text for n in (getattr(p, "short_name", None), getattr(p, "name", None)))

        out: list = []
        for f in self.flows:
            a6 = (f.article_6 or "").lower()
            by = (f.shared_by or "").lower()
            for seg in a6.split(";"):
                if "6(1)(e)" not in seg and "public task" not in seg:
                    continue
                # the parties a basis is given 'for' ('... (public task) for the Trust'), not a party whose function
                # the basis cites ('public task: the Council's functions under ...')
                hits = [p for p in parties if " for " in seg and named(p, seg.rsplit(" for ", 1)[1])]
                if not hits:
                    every = any(w in by for w in ("every provider", "each provider", "all providers"))
                    hits = [p for p in parties if (every and getattr(p, "role", None) == "provider") or named(p, by)]
                out += [p for p in hits if p not in out]
        return out

    @property
    def criminal_data_unconditioned(self) -> str | None:
        """The words in the data shared (or its purposes) that make it criminal offence data, a DBS check outcome
        included, where the lawful basis names no Article 10 condition: the data-sharing Schedule then adds the
        Article 10 line (home care sample review, finding 8: DBS outcomes are Article 10 data, not Article 9)."""
        found = first_affirmed(CRIMINAL_DATA, " ".join(filter(None, (self.data_types, self.purposes))))
        basis = self.lawful_basis or ""
        if not found or ARTICLE_10.search(basis) or re.search(r"(?i)\bcriminal\b|\bconvictions?\b", basis):
            return None
        word = found.group(0)
        if re.fullmatch(r"(?i)DBS|Disclosure and Barring|barred list", word):
            return "DBS check outcomes"
        return "the criminal offence data listed"

    @property
    def routine_paragraph_18(self) -> str | None:
        """The part of `lawful_basis` (between semicolons) that rests the sharing of health data on Article 9(2)(g)
        with Schedule 1 paragraph 18 to the DPA 2018 for more than safeguarding disclosures: paragraph 18 covers only
        protecting a child or an individual at risk where the processing is carried out without consent for a reason
        in paragraph 18(2) (clauses/law.yaml, dpa_2018_schedule_1), so it cannot carry routine referral and care
        co-ordination (r28 al-fresh finding 3). None where paragraph 18 is not relied on, or only for safeguarding
        disclosures ("safeguarding disclosures under Article 9(2)(g) with Schedule 1 paragraph 18")."""
        for part in (self.lawful_basis or "").split(";"):
            if (re.search(r"paragraph\s+18\b", part) and re.search(r"9\s*\(\s*2\s*\)\s*\(\s*g\s*\)", part)
                    and not re.search(r"safeguarding disclosures?|disclosures? (?:made )?to (?:safeguard|protect)|"
                                      r"only (?:for|where) safeguarding", part, re.I)
                    and not self._consent_route(part)):
                return part.strip()
        return None

    @staticmethod
    def _consent_route(part: str) -> bool:
        """Whether a part of `lawful_basis` also gives explicit consent (Article 9(2)(a)) as the route for ordinary
        sharing ("... paragraph 18 (safeguarding) or, for ordinary support, Article 9(2)(a) explicit consent"), so that
        paragraph 18 is not relied on for routine sharing (r29 al-fresh finding 2)."""
        return bool(re.search(r"9\s*\(\s*2\s*\)\s*\(\s*a\s*\)|\bexplicit consent\b", part, re.I))

    @property
    def consent_paragraph_18(self) -> str | None:
        """The part of `lawful_basis` that rests health data on explicit consent for ordinary sharing and on Article
        9(2)(g) with Schedule 1 paragraph 18 for safeguarding: the table keeps those words, and the note says what
        each route needs (r29 al-fresh finding 2). None otherwise."""
        for part in (self.lawful_basis or "").split(";"):
            if re.search(r"paragraph\s+18\b", part) and self._consent_route(part):
                return part.strip()
        return None

    def paragraph_18_redraft(self, professional_care: bool) -> str | None:
        """The routine_paragraph_18 part the alliance table replaces with Article 9(2)(h) and Schedule 1 paragraph 2:
        only where the services are health or social care provided by or under the responsibility of professionals
        (`professional_care`: health care in scope or an NHS body a party), or the sheet itself already names that
        condition for some sharing. Otherwise the table keeps the sheet's words and the note raises the point, because
        paragraph 2 does not fit services that are not health or social care, such as youth work (r29 al-fresh
        finding 2). None where there is nothing to replace."""
        part = self.routine_paragraph_18
        if not part:
            return None
        basis = self.lawful_basis or ""
        named = re.search(r"9\s*\(\s*2\s*\)\s*\(\s*h\s*\)|health or social work professional", basis, re.I)
        return part if (professional_care or named) else None

    @property
    def capacity_group(self) -> str | None:
        """The words in the subject matter, data subjects or purposes naming a client group among whom some people
        may lack capacity to consent (Mental Capacity Act 2005, s.2): learning disabilities, dementia, brain injury
        and the like. The alliance data-sharing Schedule then does not rest sharing on explicit consent (r18b al-fresh
        finding 4). None where they name no such group."""
        import re
        text = " ".join(x or "" for x in (self.subject_matter, self.data_subjects, self.purposes))
        m = re.search(r"profound and multiple learning disabilit\w*|\bPMLD\b|learning disabilit\w*|dementia|"
                      r"brain injur\w*|lack(?:s|ing)? (?:mental )?capacity|mental capacity", text, re.I)
        return m.group(0).lower().replace("pmld", "PMLD") if m else None

    @property
    def effective_role(self) -> str:
        return self._role

    @property
    def processor_party(self):
        """The processing party itself, so a clause prints its defined name with the right article."""
        return self._parties.get(self.processor)

    @property
    def controller_party(self):
        return self._parties.get(self.controller)


# A family whose personal_data flag says whether personal data is processed at all: (flag, the party
# that processes and the party it processes for, used only where the term sheet says role: processor).
_PROCESSING_FAMILIES = {
    "grant": (lambda s: s.grant.personal_data, "recipient", "funder"),
    "open-book": (lambda s: s.services.personal_data, "provider", "commissioner"),
}
_SHARING_FAMILIES = ("alliance", "co-investment")


def _size(sheet: TermSheetBase) -> Decimal | None:
    size_of = SIZE_OF.get(sheet.family)
    try:
        return size_of(sheet) if size_of else None
    except AttributeError:  # a family without the figure (e.g. open-book terms not given)
        return None


def settle(sheet: TermSheetBase) -> None:
    """Give the blocks what their defaults need: the family and size for insurance, and the roles
    in effect for data protection. Called by TermSheetBase's validator once the sheet is complete."""
    sheet.insurance._family = sheet.family
    # Measured when the cover is asked for: a family's own validators (an alliance giving its block
    # its members) may run after this one, so the figure is not final yet.
    sheet.insurance._size = lambda: _size(sheet)
    services = getattr(sheet, "services", None)
    sheet.insurance._nursing = sheet.family == "open-book" and bool(getattr(services, "nursing_in_scope", False))
    from assembler.termsheet.client_group import described

    sheet.safeguarding._described, sheet.safeguarding._quoted = described(sheet.model_dump(mode="json"))
    family_authority = getattr(getattr(sheet, "grant", None), "safeguarding_authority", None)  # a grant's own field
    if sheet.safeguarding.authority is None and family_authority:
        object.__setattr__(sheet.safeguarding, "authority", family_authority)
    dp = sheet.data_protection
    role = dp.role
    if role is None:
        role = _default_role(sheet)
    dp._role = role
    dp._parties = {party.short_name: party for party in sheet.parties()}
    if role == "processor" and sheet.family in _PROCESSING_FAMILIES:
        _, processor, controller = _PROCESSING_FAMILIES[sheet.family]
        if dp.processor is None:
            object.__setattr__(dp, "processor", getattr(sheet, processor).short_name)
        if dp.controller is None:
            object.__setattr__(dp, "controller", getattr(sheet, controller).short_name)


def _default_role(sheet: TermSheetBase) -> Role:
    """Separate controllers wherever personal data is processed, for every family. A grant recipient
    or a care provider decides how it supports people and keeps its own statutory records, so it is a
    controller in fact; a processor default would also undercut a grant's "not a contract for
    services" position. Processor terms come only when the term sheet says role: processor."""
    if sheet.family in _PROCESSING_FAMILIES:
        flag, _, _ = _PROCESSING_FAMILIES[sheet.family]
        return "controllers" if flag(sheet) else "none"
    return "controllers" if sheet.family in _SHARING_FAMILIES else "none"


def check_roles(sheet: TermSheetBase) -> None:
    """A processor and a controller named by short name must be parties, and differ; a fault is
    reported at the field (data_protection.processor), with its line, like any other."""
    dp = sheet.data_protection
    if dp.effective_role != "processor":
        return
    names = [p.short_name for p in sheet.parties()]
    for label, name in (("processor", dp.processor), ("controller", dp.controller)):
        if name is None:
            _fail(label, None, f"under role 'processor', give the short name of the {label} ({', '.join(names)})")
        if name not in names:
            _fail(label, name, f"not the short name of a party; use one of {', '.join(names)}")
    if dp.processor == dp.controller:
        _fail("controller", dp.controller, "the processor and the controller must be different parties")


def _fail(field_name: str, value: Any, message: str) -> None:
    if value is not None:
        message = f"{message} (got {value!r})"
    raise ValidationError.from_exception_data("data_protection", [InitErrorDetails(
        type=PydanticCustomError("value_error", "{error}", {"error": message}), loc=("data_protection", field_name), input=value)])
