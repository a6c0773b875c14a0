"""From a validated term sheet to a resolved document model: the engine's pipeline, one step a call."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from dataclasses import dataclass
from typing import Any

from assembler import __version__
from assembler.errors import Problem, UserError
from assembler.execution import execution_lines, general_partner
from assembler.formatting import long_date
from assembler.library.catalogue import Catalogue
from assembler.model import Definition, Document, Inline, PartyBlock, Placeholder, Table, Term, Text, open_mark
from assembler.plan import Plan, make_plan
from assembler.render.clauses import render_clause, render_inlines
from assembler.render.markup import Role
from assembler.resolve import number_document, place_definitions, resolve_references, used_terms
from assembler.rules import Finding, RuleContext
from assembler.termsheet.common import LEGAL_FORM_WORDS, LegalForm, Party
from assembler.termsheet.validate import TermSheet

NOT_ADVICE = "First draft for legal review. Not legal advice."


@dataclass
class Assembly:
    document: Document
    plan: Plan
    findings: list[Finding]


FOR_REVIEW, CIRCULATION = "for legal review", "for circulation"  # the `edition` property


def draft_date(sheet: TermSheet, today: dt.date | None = None) -> dt.date:
    """The date the draft speaks from: the `--date` given, else the term sheet's
    document.draft_date, else today. `check`, `assemble` and `review` all take it from here, so the
    rules judge dates the same way whichever command runs them, and the marking prints the same date."""
    return today or sheet.model.document.draft_date or dt.date.today()


def context_for(sheet: TermSheet, catalogue: Catalogue, today: dt.date | None = None) -> dict[str, Any]:
    """The names clause files see: the term sheet's fields, parties (and `commissioning`, the parties
    that commission or fund it), positions, figures, the law in force (`law.<instrument>.in_force`)
    and the draft date."""
    model = sheet.model
    context = {name: getattr(model, name) for name in type(model).model_fields}
    context.update(parties=model.parties(), commissioning=model.commissioning_parties(),
                   positions=sheet.positions, figures=catalogue.figures,
                   law=catalogue.law, draft_date=draft_date(sheet, today),
                   third_party_rights=[])  # the clauses a non-party may enforce: set from the plan
    # The positions the term sheet itself chooses (the rest take the library's standard), so a note can say
    # plainly when the draft's choice is an assumption, not an instruction.
    given = sheet.source.data.get("positions") if isinstance(sheet.source.data, dict) else None
    context["positions_instructed"] = sorted(given) if isinstance(given, dict) else []
    # A document laid out as a letter (a grant offer letter) calls itself "this letter", not "this
    # Agreement": clause text is reworded as it is rendered (assembler/render/clauses.py).
    context["letter"] = _is_letter(catalogue.manifest(sheet.family), context)
    # A phrase pasted from the term sheet, with the lower-case names of things the draft defines read as its
    # defined terms, where the family's model knows them (the alliance's in_terms); elsewhere it is unchanged.
    context["terms"] = getattr(model, "in_terms", None) or (lambda text: text)
    derived = getattr(model, "derived_context", None)  # figures a family works out from the whole sheet
    if derived:
        context.update(derived())
    return context


class Roles:
    """What clause markup asks of the parties: `[[@role]]` (a party field) gives that party's name;
    `stand_in(term)` gives the one party holding a defined role term (a clause's `holders:`), so a
    two-party draft says "the Council" and "the Trust" rather than "the Public Body" and "the
    Open-Book Provider"; `two_parties` lets "each other Party" read "the other Party", and
    `sole_private` lets "each Party that is not a Public Body" read "the Trust"."""

    def __init__(self, sheet: TermSheet, stand_ins: dict[str, Role] | None = None):
        self.sheet = sheet
        self.stand_ins = stand_ins or {}
        parties = sheet.model.parties()
        self.two_parties = len(parties) == 2
        # "each Party that is not a Public Body" in a draft between one public body and one other
        # party is that other party, by name
        private = [p for p in parties if not p.is_public_body]
        self.sole_private = (Role(private[0].short_name, private[0].takes_article)
                             if self.two_parties and len(private) == 1 else None)
        self.survivors: list[str] = []  # `[[survivors]]`: set from the plan (see `survivors`)
        self.third_party_rights: list[str] = []  # `[[third-party-rights]]`: likewise

    def __call__(self, name: str) -> Role:
        party = getattr(self.sheet.model, name, None)
        if not isinstance(party, Party):
            raise KeyError(name)
        return Role(party.short_name, party.takes_article)

    def stand_in(self, term: str) -> Role | None:
        return self.stand_ins.get(term)


def roles_for(sheet: TermSheet, catalogue: Catalogue | None = None, context: dict[str, Any] | None = None) -> Roles:
    """The parties' names for clause markup; with the library and the context, role terms held by a
    single party stand in for that party."""
    if catalogue is None or context is None:
        return Roles(sheet)
    return Roles(sheet, role_stand_ins(catalogue, sheet.family, context))


def role_stand_ins(catalogue: Catalogue, family: str, context: dict[str, Any]) -> dict[str, Role]:
    """Each role term (`holders:` in the clause that defines it) that exactly one party holds in this
    draft, with that party's name."""
    from assembler.render.jinja import compile_condition

    out: dict[str, Role] = {}
    for f in catalogue.files:
        if f.family not in (family, "common"):
            continue
        for term, expression in f.header.holders.items():
            if term in out:
                continue
            held = compile_condition(expression)(**context)
            held = [held] if isinstance(held, Party) else list(held or [])
            if len(held) == 1:
                out[term] = Role(held[0].short_name, held[0].takes_article)
    return out


def _anchors(clauses: dict[str, list]) -> set[str]:
    """Every "clause-id#anchor" the rendered clauses carry on a paragraph or item."""
    from assembler.model import iter_paragraphs

    return {f"{c.id}#{p.anchor}" for section in clauses.values() for c in section
            for p in iter_paragraphs(c.blocks) if getattr(p, "anchor", None)}


def marked(plan: Plan, key: str) -> list[str]:
    """The reference targets a header key marks in this draft, in the draft's order: each selected
    clause whose `key` is true, or the anchors it lists. `survives` feeds the survival clause and
    `third_party_rights` the third-party carve-out, so each lists the clauses actually in the draft:
    never one that is left out, never missing one a family adds."""
    out: list[str] = []
    for f in plan.selected():
        value = getattr(f.header, key)
        if value is True:
            out.append(f.id)
        elif value:
            out.extend(f"{f.id}#{anchor}" for anchor in value)
    return out


def check_rules(sheet: TermSheet, catalogue: Catalogue, *, today: dt.date | None = None) -> list[Finding]:
    """The family's consistency findings, judged at the draft date (see `draft_date`)."""
    rules = catalogue.manifest(sheet.family).rules_module().RULES
    return rules.run(RuleContext(sheet.model, sheet.positions, catalogue.figures, catalogue.law,
                                 draft_date(sheet, today), examples=starter_examples(sheet, catalogue),
                                 terms=frozenset(catalogue.terms(sheet.family))))


def is_library_sample(sheet: TermSheet, catalogue: Catalogue) -> bool:
    """A sheet under the library's samples/ folder: a worked example whose every value is meant, so
    neither the starter-example warning nor the review pack's legal-to-confirm list applies to it."""
    try:
        return Path(sheet.source.path).resolve().is_relative_to(catalogue.paths.samples.resolve())
    except OSError:
        return False


def starter_examples(sheet: TermSheet, catalogue: Catalogue) -> dict[tuple, str]:
    """The texts this sheet still shares with the family's example term sheet, by location: none for
    the library's own samples (whose values are meant to be there), and never wording that other
    samples use too ("Chief Executive", a statutory power), which is common ground, not another
    matter's fact."""
    from assembler.rules import walk

    if is_library_sample(sheet, catalogue):
        return {}
    samples = catalogue.paths.samples.resolve()
    starter = samples / catalogue.manifest(sheet.family).starter
    examples = example_texts(starter)
    kept = {loc: value for loc, _model, _name, value in walk(sheet.model)
            if isinstance(value, str) and examples.get(loc) == value}
    if not kept:  # the usual case: the library's other samples are read only when something matches
        return {}
    shared = _shared_texts(samples, starter)
    return {loc: value for loc, value in kept.items() if value not in shared}


@functools.cache
def _shared_texts(samples: Path, starter: Path) -> frozenset[str]:
    """Every text that some sample other than the starter also uses, anywhere in it."""
    from assembler.termsheet.loader import load_file, strings

    return frozenset(text for path in sorted(samples.glob("*/*.yaml")) if path.resolve() != starter.resolve()
                     for _, text in strings(load_file(path).data))


@functools.cache
def example_texts(path: Path) -> dict[tuple, str]:
    """The starter's own facts, by location: its texts that name something. Read once a process:
    `check_rules` runs on every assembly, and the web app's every request."""
    from assembler.termsheet.loader import load_file, strings

    # A name, address or reference: not a choice ("binding"), a date, a figure, or a one-word
    # defined term ("Council") that any matter may share.
    return {loc: text for loc, text in strings(load_file(path).data)
            if len(text) >= 5 and any(ch.isalpha() for ch in text)
            and (" " in text.strip() and any(ch.isupper() for ch in text) or any(ch.isdigit() for ch in text))}


def assemble(sheet: TermSheet, catalogue: Catalogue, *, today: dt.date | None = None,
             findings: list[Finding] | None = None, circulation: bool = False) -> Assembly:
    """The draft's document model. `findings` are the rules' results when the caller has already
    run them (the review pack reports them too), so they are not run twice. `circulation` gives the
    version a solicitor sends to the other parties once it has been reviewed: still a draft subject
    to contract, without the review notice (the writer leaves out the drafting notes)."""
    if findings is None:
        findings = check_rules(sheet, catalogue, today=today)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise UserError([sheet.source.problem(f.loc, f"{f.rule}: {f.message}") for f in errors])
    context = context_for(sheet, catalogue, today)
    roles = roles_for(sheet, catalogue, context)
    plan = make_plan(catalogue, sheet.family, sheet.positions, context)
    roles.survivors = marked(plan, "survives")
    roles.third_party_rights = context["third_party_rights"] = marked(plan, "third_party_rights")
    manifest = catalogue.manifest(sheet.family)
    deed = is_deed(sheet, manifest)
    clauses = {section: [render_clause(f, context, roles) for f in getattr(plan, section)]
               for section in ("recitals", "clauses", "schedules")}
    present = _anchors(clauses)
    if (kept := [t for t in roles.survivors if "#" not in t or t in present]) != roles.survivors:
        # a `survives` anchor on a paragraph this sheet leaves out (a conditional paragraph): the survival
        # clause lists only the anchors the draft has, so render again only the clauses that print that list
        roles.survivors = kept
        clauses = {section: [render_clause(f, context, roles) if "[[survivors]]" in f.body else c
                             for f, c in zip(getattr(plan, section), clauses[section])]
                   for section in ("recitals", "clauses", "schedules")}
    doc = Document(
        family=sheet.family,
        title=document_title(manifest.title, context),
        subtitle=" ".join(render_plain_text(plan, manifest.subtitle, context)).strip(),
        reference=sheet.model.document.reference or "",
        date=_date(sheet),
        date_year=_date_year(sheet),
        marking=_marking(sheet, today, circulation),
        parties=[_party_block(role, party, deed) for role in manifest.parties for party in _parties_in(sheet, role)],
        deed=deed,
        circulation=circulation,
        letter=_is_letter(manifest, context),
        **clauses,
    )
    doc.assumptions = assumptions(plan, context, roles)
    _note_assumptions(doc)
    _note_target_date(doc, sheet)
    doc.definitions = _definitions(doc, sheet, catalogue, plan, context, roles)
    _rename_terms(doc, manifest, context)
    _lower_the_in_names(doc, context["parties"])
    place_definitions(doc)
    targets = number_document(doc)
    resolve_references(doc, targets, plan.omitted, sheet.source.path)
    doc.properties = _properties(doc, sheet, catalogue)
    return Assembly(doc, plan, [*findings, *term_findings(doc)])


def term_findings(doc: Document) -> list[Finding]:
    """The defined-term faults of the finished draft (library/terms.py) as findings, so `assemble`
    prints them and the review pack lists them with the rules' findings."""
    from assembler.library.terms import term_problems

    return [Finding("COMMON-DRAFT-TERMS", "info", message) for message in term_problems(doc)]


def assumptions(plan: Plan, context: dict[str, Any], roles) -> list[str]:
    """What the draft assumes where the instructions are silent, clause by clause in the draft's
    order: each `assumptions:` sentence of a selected clause that renders to something."""
    from assembler.render.clauses import render_plain

    out: list[str] = []
    for f in plan.selected():
        for source in f.header.assumptions:
            text = " ".join(render_plain(f, source, context, roles).split())
            if text:
                out.append(text.rstrip(".;"))
    return out


def _note_assumptions(doc: Document) -> None:
    """The reviewing solicitor sees every assumption in one place: a note on the first clause."""
    if not doc.assumptions or not doc.clauses:
        return
    if len(doc.assumptions) == 1:  # one assumption: a sentence, not a list with a lone "(a)"
        listed = (f"Assumption made where the instructions are silent, to be confirmed with the client before the "
                  f"draft goes out: {doc.assumptions[0]}.")
    else:
        items = "; ".join(f"({chr(ord('a') + i)}) {a}" if i < 26 else a for i, a in enumerate(doc.assumptions))
        listed = (f"Assumptions made where the instructions are silent, each to be confirmed with the client "
                  f"before the draft goes out: {items}.")
    first = doc.clauses[0]
    first.note = f"{first.note} {listed}" if first.note else listed


def _is_letter(manifest, context: dict[str, Any]) -> bool:
    """Whether the manifest's `letter` condition holds for this term sheet."""
    if not manifest.letter:
        return False
    from assembler.render.jinja import compile_condition

    return bool(compile_condition(manifest.letter)(**context))


def document_title(title: str, context: dict[str, Any]) -> str:
    """The manifest's title, rendered: a position may choose the form of the document (a grant offer
    letter rather than an agreement), and its title with it."""
    return " ".join(render_plain_text(None, title, context)).strip() if "{" in title else title


def render_plain_text(plan: Plan | None, source: str, context: dict[str, Any]) -> list[str]:
    from assembler.render.jinja import compile_template
    from assembler.render.markup import _TOKEN  # values unwrapped to plain text

    text = compile_template(source).render(**context)
    return [_TOKEN.sub(lambda m: m.group("value") or m.group("hole") or m.group(0), text)]


def _parties_in(sheet: TermSheet, role: str) -> list[Party]:
    """A manifest party field holds one party (`funder`) or a list of them (`members`)."""
    value = getattr(sheet.model, role)
    parties = value if isinstance(value, list) else [value]
    return [p for p in parties if isinstance(p, Party)]


def _date(sheet: TermSheet) -> Inline:
    """Always a blank: a simple contract takes effect, and is dated, when the last party signs, and
    a deed when it is delivered, so a date printed from the instructions (a target) would be wrong
    the day signing slips. A form blank, not an open fact: `--final` accepts it."""
    return Placeholder("date", kind="blank")


def _date_year(sheet: TermSheet) -> str:
    """The year of the target date, printed after the blank ("[date] 2027"); none without one."""
    date = sheet.model.document.agreement_date
    return str(date.year) if date else ""


def _note_target_date(doc: Document, sheet: TermSheet) -> None:
    """The target date is the partner's to know: a sentence on the first clause's note."""
    date = sheet.model.document.agreement_date
    if not date or not doc.clauses or doc.circulation:
        return
    if doc.letter:
        # An offer letter is dated the day it is issued, not when it is accepted (a review): dating it
        # later would misstate when the offer was made.
        said = (f"Date the letter on the day it is issued for acceptance (the target date is {long_date(date)}); "
                "it binds when it is accepted, not on the date it bears. Check any date in the draft that "
                "assumes acceptance by then.")
    else:
        said = (f"The date is left blank, to be written in on completion ({'on delivery of the deed' if doc.deed else 'when the last party signs'}); "
                f"the target date is {long_date(date)}. Check any date in the draft that assumes completion by then.")
    first = doc.clauses[0]
    first.note = f"{first.note} {said}" if first.note else said


def _marking(sheet: TermSheet, today: dt.date | None, circulation: bool = False) -> str:
    marking = f"DRAFT {long_date(draft_date(sheet, today))} – subject to contract"
    return marking if circulation else f"{marking} – for legal review, not legal advice"


def is_deed(sheet: TermSheet, manifest) -> bool:
    """The term sheet's `document.deed` if given, else the family's manifest (`deed:`, default no)."""
    chosen = sheet.model.document.deed
    return manifest.deed if chosen is None else chosen


def _party_block(role: str, party: Party, deed: bool = False) -> PartyBlock:
    description = _description(party)
    signatory = party.signatory
    name = party.name
    if party.is_trust:
        # An unincorporated charity has no legal personality: the party is its trustees for the time
        # being, named (or a placeholder for their names) and defined together (a review: the trust
        # itself cannot contract, lend or hold a charge).
        names = party.trustee_names or open_mark(f"names of the trustees of {party.name}")
        name = f"{names}, the trustees for the time being of {party.name}"
    return PartyBlock(
        role=role, name=name, short_name=party.short_name, description=description, together=party.is_trust,
        address=party.address,
        signatory_name=Text(signatory.name) if signatory.name else Placeholder(f"name of {party.possessive} signatory"),
        signatory_position=Text(signatory.position) if signatory.position else Placeholder(f"position of {party.possessive} signatory"),
        article=party.takes_article, public_body=party.is_public_body,
        execution=execution_lines(party, deed=deed),
    )


def _description(party: Party) -> str:
    """The party's legal form and the numbers it is registered under. A registered provider of social
    housing is a regulatory status, not a legal form: it is described as such with its regulator's
    number, after the company or registered society it is where its numbers show that."""
    if party.legal_form == LegalForm.registered_provider:
        return _registered_provider(party)
    if party.legal_form == LegalForm.local_authority:
        # "A local authority" alone is too thin for an agreement: the 1972 Act's meaning (in England a
        # county, district or London borough council; in Wales a county or county borough council)
        # describes it by statute, as Schedule 1 paragraph 7 to the Freedom of Information Act 2000 does.
        return "a local authority within the meaning of the Local Government Act 1972"
    if party.legal_form == LegalForm.charitable_company and party.company_number and party.charity_number:
        # Two registrations, each with its own register: the company's and the charity's. Most charitable
        # companies are limited by guarantee, but the sheet does not say so: the draft does not assume it
        # (four reviews asked for it to be checked at Companies House instead).
        limited = f" limited by {party.limited_by}" if party.limited_by else ""
        return (f"a company{limited} incorporated in {_where_incorporated(party.company_number)} (company number "
                f"{party.company_number}) and a charity registered with the Charity Commission for England "
                f"and Wales (charity number {party.charity_number})")
    if party.legal_form == LegalForm.limited_partnership:
        return _limited_partnership(party)
    if party.legal_form == LegalForm.llp:
        # A body corporate incorporated under the Limited Liability Partnerships Act 2000, on the
        # companies register with an OC (England and Wales), SO (Scotland) or NC (Northern Ireland) number.
        prefix = (party.company_number or "").upper()[:2]
        where = {"SO": "Scotland", "NC": "Northern Ireland"}.get(prefix, "England and Wales")
        number = f" (registered number {party.company_number})" if party.company_number else ""
        return f"a limited liability partnership incorporated in {where} under the Limited Liability Partnerships Act 2000{number}"
    numbers = []
    if party.company_number:
        numbers.append(f"company number {party.company_number}")
    if party.charity_number:
        numbers.append(f"registered charity number {party.charity_number}")
    if party.society_number:
        numbers.append(f"registered society number {party.society_number}")
    if party.rsh_number:
        numbers.append(f"Regulator of Social Housing registration number {party.rsh_number}")
    words = FULL_FORM_WORDS.get(party.legal_form, LEGAL_FORM_WORDS[party.legal_form])
    if party.legal_form == LegalForm.cio and party.charity_number and not party.company_number:
        # A CIO is registered as a charity by definition: the register it is on, and its number.
        return f"{words} registered with the Charity Commission for England and Wales (charity number {party.charity_number})"
    if party.legal_form == LegalForm.unincorporated_charity and party.charity_number and not party.company_number:
        return f"{words} registered with the Charity Commission for England and Wales (charity number {party.charity_number})"
    if party.legal_form in FULL_FORM_WORDS and party.society_number and len(numbers) == 1:
        return f"{words} (registered number {party.society_number})"
    if party.legal_form == LegalForm.community_interest_company:
        # r26 tool note: a CIC is limited by shares or by guarantee, as Companies House records it.
        if party.limited_by:
            words += f" limited by {party.limited_by}"
        words += f" incorporated in {_where_incorporated(party.company_number)}"
    if party.legal_form in (LegalForm.company, LegalForm.charitable_company) and party.limited_by:
        # The sheet says how it is limited: "a company limited by guarantee incorporated in England and Wales".
        kind = "a charitable company" if party.legal_form == LegalForm.charitable_company else "a company"
        words = f"{kind} limited by {party.limited_by} incorporated in {_where_incorporated(party.company_number)}"
    return words + (f" ({', '.join(numbers)})" if numbers else "")


# A registered society is described by the Act it is registered under, as its own documents describe it.
FULL_FORM_WORDS = {
    LegalForm.community_benefit_society: "a community benefit society registered under the Co-operative and "
                                         "Community Benefit Societies Act 2014",
    LegalForm.cooperative_society: "a co-operative society registered under the Co-operative and Community "
                                   "Benefit Societies Act 2014",
    LegalForm.exempt_charity_society: "a society registered under the Co-operative and Community Benefit Societies "
                                      "Act 2014 that is an exempt charity",
}


def _limited_partnership(party: Party) -> str:
    """A limited partnership has no legal personality in England and Wales: it is named with its
    register and number, and with the general partner that acts for it."""
    number = (party.company_number or "").upper()
    where = {"SL": "Scotland", "NL": "Northern Ireland"}.get(number[:2], "England and Wales")
    registered = f" (registered number {party.company_number})" if party.company_number else ""
    partner = general_partner(party)
    if party.general_partner and party.general_partner_number:
        partner += f" (company number {party.general_partner_number})"
    return (f"a limited partnership registered in {where} under the Limited Partnerships Act 1907{registered}, "
            f"acting by its general partner {partner}")


def _where_incorporated(company_number: str | None) -> str:
    """Where Companies House registered a company, from its number's prefix: SC Scotland, NI Northern
    Ireland, otherwise England and Wales."""
    prefix = (company_number or "")[:2].upper()
    return {"SC": "Scotland", "NI": "Northern Ireland"}.get(prefix, "England and Wales")


def _registered_provider(party: Party) -> str:
    charity = f", registered charity number {party.charity_number}" if party.charity_number else ""
    if party.company_number:
        form = f"a company registered in England and Wales (number {party.company_number}{charity})"
    elif party.society_number:
        form = ("a registered society under the Co-operative and Community Benefit Societies Act 2014 "
                f"(number {party.society_number}{charity})")
    else:
        form = f"a registered charity (number {party.charity_number})" if party.charity_number else ""
    status = "a private registered provider of social housing"
    if party.rsh_number:
        status += f" (Regulator of Social Housing registration number {party.rsh_number})"
    return f"{form} and {status}" if form else status


def _definitions(doc: Document, sheet: TermSheet, catalogue: Catalogue, plan: Plan, context, roles) -> list[Definition]:
    """Only the terms the draft uses, each once, alphabetically; terms used inside definitions count.
    A term defined by the chosen variant of a clause takes that variant's wording. A definition that
    renders empty is left out: the draft defines that term in its own words where it first uses it
    (an offer letter's opening names "the Parties"), and a second definition would contradict it."""
    library = catalogue.terms(sheet.family)
    library.update({term: f for f in plan.selected() for term in f.header.defines})
    party_terms = {p.short_name for p in sheet.model.parties()}
    pending = sorted(used_terms(doc) - party_terms)
    definitions: dict[str, Definition] = {}
    problems = []
    while pending:
        term = pending.pop()
        if term in definitions or term in party_terms:
            continue
        source = library.get(term)
        if source is None:
            problems.append(Problem(f"the draft uses the term {term!r}, which no clause defines", sheet.source.path))
            continue
        inlines = render_inlines(source, source.header.defines[term], context, roles, 2)
        if not inlines:
            definitions[term] = None
            continue
        definitions[term] = Definition(term, inlines)
        pending.extend(i.name for i in inlines if isinstance(i, Term) and i.name not in definitions)
    if problems:
        raise UserError(problems)
    return [definitions[t] for t in sorted(definitions, key=str.casefold) if definitions[t] is not None]


def _words_as_terms(doc: Document, words: dict[str, str]) -> None:
    """A plain word the manifest names ('zone') prints as its defined term ('Zone', a use of "Zones") in the
    clauses and tables where a determiner comes before it; a name that merely contains the word ("the home care
    zones procurement") is left alone."""
    pattern = re.compile(r"\b(a|an|each|every|that|the|this|any|one|its|which|per|another|other|same|either|all|"
                         r"both|those|these|no)( )(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")\b(?!-)", re.I)

    def split(inlines: list) -> list:
        out: list = []
        for i in inlines:
            if not isinstance(i, Text) or not pattern.search(i.text):
                out.append(i)
                continue
            at = 0
            for m in pattern.finditer(i.text):
                if m.group(3) not in words:  # the word itself must be lower case
                    continue
                name, _, display = words[m.group(3)].partition("|")
                article = m.group(1)
                if article.lower() == "a" and (display or name)[:1] in "AEIOU":  # "a area" reads "an Area"
                    article += "n"
                out.append(Text(i.text[at:m.start(1)] + article + " "))
                out.append(Term(name, display or name))
                at = m.end(3)
            out.append(Text(i.text[at:]))
        return [i for i in out if not (isinstance(i, Text) and not i.text)]

    # "Zones means the zones listed in Schedule 1" stays: a definition block keeps its words
    _map_block_inlines(doc, split, skip_definitions=True)


def _map_block_inlines(doc: Document, fn, skip_definitions: bool = False) -> None:
    """Apply `fn` to the inlines of every paragraph and every table cell in every clause: the one walk the passes
    that rewrite words after rendering (terms made of words, renamed terms, a leading "The" in names) share."""
    for clause in doc.all_clauses():
        for block in clause.blocks:
            if isinstance(block, Table):
                block.header = [fn(cell) for cell in block.header]
                block.rows = [[fn(cell) for cell in row] for row in block.rows]
            elif not (skip_definitions and block.kind == "definition"):
                block.inlines = fn(block.inlines)


def _rename_terms(doc: Document, manifest, context: dict[str, Any]) -> None:
    """The manifest's `term_names` whose condition holds: each use of a listed term, and its definition, prints
    under the other name (a lease's "Lease Date" for "Transfer Date"), the definitions kept in alphabetical order."""
    from assembler.render.jinja import compile_condition

    names: dict[str, str] = {}
    words: dict[str, str] = {}
    for entry in manifest.term_names:
        if compile_condition(entry.when)(**context):
            # A name written as "{{ expression }}" is the term sheet's own name for the thing (the involvement group
            # the sheet names): the expression is evaluated over the term sheet, as the condition is.
            names.update({old: (str(compile_condition(new.strip()[2:-2].strip())(**context))
                                if new.strip().startswith("{{") and new.strip().endswith("}}") else new)
                          for old, new in entry.names.items()})
            words.update(entry.words)
    if not names:
        return
    if words:
        _words_as_terms(doc, words)

    # A plural renamed to its singular ("Homes" printed "Home" where the sheet has one home) takes its quantifier
    # and verb with it: "each of the Homes" reads "the Home", "the Homes are" reads "the Home is".
    singular = {old for old, new in names.items() if old == new + "s"}
    before = re.compile(r"\b(?:each|one|any|either|all) of the $|\ball the $")
    after = re.compile(r"^ (are|have|were|concerned)\b")

    def renamed(inlines: list) -> list:
        out = [Term(names.get(i.name, i.name), names.get(i.display, i.display)) if isinstance(i, Term) else i
               for i in inlines]
        if not singular:
            return out
        for n, i in enumerate(out):
            if not (isinstance(i, Term) and i.display + "s" in singular and names.get(i.display + "s") == i.display):
                continue
            if n and isinstance(out[n - 1], Text):
                out[n - 1] = Text(before.sub("the ", out[n - 1].text))
            if n + 1 < len(out) and isinstance(out[n + 1], Text):
                out[n + 1] = Text(after.sub(lambda m: {"are": " is", "have": " has", "were": " was", "concerned": ""}[m.group(1)],
                                            out[n + 1].text))
        return out

    _map_block_inlines(doc, renamed)
    doc.definitions = sorted((Definition(names.get(d.term, d.term), renamed(d.inlines)) for d in doc.definitions),
                             key=lambda d: d.term.casefold())
    # A drafting note is plain text: a renamed term of more than one word reads under its new name there too (a
    # one-word term, such as "Transfer", is too often an ordinary word to replace).
    phrases = sorted((old for old in names if " " in old), key=len, reverse=True)
    if phrases:
        pattern = re.compile(r"\b(" + "|".join(re.escape(old) for old in phrases) + r")\b")
        for clause in doc.all_clauses():
            if isinstance(clause.note, str):
                clause.note = pattern.sub(lambda m: names[m.group(1)], clause.note)


def _lower_the_in_names(doc: Document, parties: list) -> None:
    """A full legal name whose leading "The" is an article (the party's short name takes "the": "The Mayor and
    Burgesses of the London Borough of X", the Council) reads "the" inside a sentence, in every clause, table,
    definition and note; its "The" keeps its capital only where it opens a paragraph, a table cell or a sentence
    (r37 al-fresh tool note 11, as Party.name_inline does for lists). A name whose "The" belongs to it ("The Zone",
    whose short name takes no article) is left as written; so is the parties block."""
    from assembler.model import plain_text

    names = sorted({p.name for p in parties if p.name and p.name_inline != p.name}, key=len, reverse=True)
    if not names:
        return
    pattern = re.compile("|".join(re.escape(n) for n in names))

    def opens(prior: str) -> bool:
        prior = prior.rstrip()
        return not prior or prior[-1] in ".!?" or prior.endswith(("\u201c", '"'))

    def fixed(text: str, before: str) -> str:
        return pattern.sub(lambda m: m.group(0) if opens(before + text[:m.start()]) else "t" + m.group(0)[1:], text)

    def inlines_fixed(inlines: list) -> list:
        out, before = [], ""
        for i in inlines:
            if isinstance(i, Text):
                i = Text(fixed(i.text, before))
            out.append(i)
            before += plain_text([i])
        return out

    _map_block_inlines(doc, inlines_fixed)
    for clause in doc.all_clauses():
        if isinstance(clause.note, str):
            clause.note = fixed(clause.note, "")
    doc.definitions = [Definition(d.term, inlines_fixed(d.inlines)) for d in doc.definitions]


def library_version(catalogue: Catalogue) -> str:
    """The package version plus a hash of every clause file, manifest and figure the library holds
    (taken when the catalogue was loaded, so not read again for every draft)."""
    from assembler.library.catalogue import library_digest

    return f"{__version__}+lib.{(catalogue.digest or library_digest(catalogue.paths))[:10]}"


def _properties(doc: Document, sheet: TermSheet, catalogue: Catalogue) -> dict[str, str]:
    clauses = [f"{c.id}@{c.version}" + (f"[{c.variant}]" if c.variant else "") for c in doc.all_clauses()]
    return {
        "title": f"{doc.title} {doc.subtitle}".strip(),
        "family": sheet.family,
        "termsheet_sha256": sheet.digest,
        "library_version": library_version(catalogue),
        "generator": f"partnerdraft {__version__}",
        "clauses": ", ".join(clauses),
        "notice": NOT_ADVICE,
        "edition": CIRCULATION if doc.circulation else FOR_REVIEW,
    }
