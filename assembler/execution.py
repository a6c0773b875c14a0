"""Execution blocks: how each legal form signs the agreement, as a simple contract or as a deed.

A simple contract needs no execution formalities: every body signs it by one person it has
authorised, named with their position (checked 2026-12-03, recorded in clauses/figures.yaml):
- company: Companies Act 2006 s.43(1)(b): a contract may be made on behalf of a company by a person
  acting under its authority, express or implied (a chief executive under the board's authority,
  not "a director"; s.44 is for documents the company itself executes).
- registered society: a person its committee authorises under its rules (CCBSA 2014 s.45(1) protects a party
  dealing in good faith from limits on that authority, subject to s.47 for a charitable society).
- CIO: a body corporate (Charities Act 2011 s.205(2)); where the signatory is a charity trustee, two
  charity trustees, as the Charity Commission's model CIO constitutions provide ("a document is validly
  executed by signature if it is signed by at least two of the charity trustees"); where it is an
  officer such as a chief executive, that officer alone as the CIO's authorised signatory (never named
  as a trustee); council: an authorised officer; the trustees of
  an unincorporated charity: two trustees authorised by a resolution of the trustees under s.333
  Charities Act 2011, on behalf of all (the trustees are the party and contract personally).
The formal blocks below apply ONLY to a deed, following the statute or rules each form executes under:
- company, charitable company, CIC: Companies Act 2006 s.44(2): two authorised signatories (every
  director, and the secretary), or a director in the presence of a witness who attests; a deed must
  also be delivered as a deed (s.46).
- CIO: Charitable Incorporated Organisations (General) Regulations 2012 reg.20 (documents) and
  reg.21 (deeds): signed by at least two charity trustees and expressed to be executed by the CIO.
- registered society: Co-operative and Community Benefit Societies Act 2014 s.53(3): signed by two
  authorised signatories and expressed to be executed by the society; s.53(4) for a deed.
- unincorporated charity: Charities Act 2011 s.333: two or more trustees authorised by the others.
- limited partnership: no legal personality in England and Wales (Limited Partnerships Act 1907): its
  general partner signs for it, a company general partner as a company does (s.43 or s.44).
- limited liability partnership: a body corporate (Limited Liability Partnerships Act 2000 s.1(2));
  Companies Act 2006 ss.43 to 47 apply to it as modified by the Limited Liability Partnerships
  (Application of Companies Act 2006) Regulations 2009 (SI 2009/1804): a contract by a member it
  authorises; a deed signed by two members (or one member in the presence of a witness) and delivered.
- police and crime commissioner: a corporation sole (Police Reform and Social Responsibility Act
  2011 s.1(2)), acting by the office holder or an officer the commissioner authorises.
- councils, combined and fire authorities, higher education corporations: the common seal, or an
  authorised signatory under the body's standing orders; NHS bodies and registered providers: an
  authorised signatory under their constitution or rules.
"""

from __future__ import annotations

import re

from assembler.model import Inline, Placeholder, Text, open_mark
from assembler.termsheet.common import EXECUTION, Party, possessive

SIGN = "____________________________"

# kind -> (how it signs as a simple contract, how it executes a deed, the signers' capacities)
WORDING: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "seal": ("Signed for and on behalf of {name} by its authorised signatory",
             "The common seal of {name} was affixed to this deed in the presence of the officer or officers "
             "its constitution authorises to attest it",
             ("Authorised officer",)),
    "corporation_sole": ("Signed for and on behalf of {name}, a corporation sole, by the commissioner or "
                         "an officer the commissioner has authorised",
                         "Executed as a deed by {name}, a corporation sole, acting by the commissioner, "
                         "in the presence of",
                         ("Commissioner or authorised officer",)),
    "authorised_signatory": ("Signed for and on behalf of {name} by its authorised signatory",
                             "Executed as a deed by {name} acting by its authorised signatories under "
                             "its constitution",
                             ("Authorised signatory", "Authorised signatory")),
    "company": ("Signed for and on behalf of {name} acting by two directors, or by a director in "
                "the presence of a witness",
                # One method a block, not two run together: a director with a witness who attests
                # (s.44(2)(b)); the drafting note names the alternative of two authorised signatories.
                "Executed as a deed by {name} acting by a director in the presence of a witness",
                ("Director", "Witness")),
    "cio": ("Signed by {name}, a charitable incorporated organisation, acting by two of its charity trustees",
            "Executed as a deed by {name}, a charitable incorporated organisation, acting by two of its "
            "charity trustees",
            ("Charity trustee", "Charity trustee")),
    "society": ("Signed by {name}, a registered society, acting by two authorised signatories under its rules",
                "Executed as a deed by {name}, a registered society, acting by two authorised "
                "signatories under its rules",
                ("Authorised signatory (member of the committee or secretary)",
                 "Authorised signatory (member of the committee or secretary)")),
    "limited_partnership": ("Signed for and on behalf of {name} by {partner}, its general partner, acting by "
                            "its authorised signatory",
                            "Executed as a deed by {name}, acting by its general partner {partner}, acting by a "
                            "director in the presence of a witness",
                            ("Director", "Witness")),
    "llp": ("Signed for and on behalf of {name}, a limited liability partnership, by a member authorised by it",
            "Executed as a deed by {name}, a limited liability partnership, acting by two members",
            ("Member", "Member")),
    "trustees": ("Signed on behalf of the trustees of {name} by two trustees authorised under section 333 "
                 "of the Charities Act 2011",
                 "Executed as a deed on behalf of the trustees of {name} by two trustees authorised under "
                 "section 333 of the Charities Act 2011, in the presence of a witness",
                 ("Trustee", "Trustee")),
}

# An individual's signature on a deed must be witnessed (Law of Property (Miscellaneous Provisions)
# Act 1989 s.1(3)): the commissioner signs in person, and so do the trustees of an unincorporated charity.
WITNESSED_DEEDS = frozenset({"corporation_sole", "trustees"})


# A simple contract: one authorised signatory for every body. The commissioner signs in person or by
# an officer; the trustees of an unincorporated charity, having no corporate existence, authorise.
SIMPLE_HEAD = "Signed for and on behalf of {name} by its authorised signatory"
SIMPLE_HEAD_TWO = "Signed for and on behalf of {name} by its authorised signatories"
SIMPLE_HEADS = {
    "corporation_sole": WORDING["corporation_sole"][0],
    "limited_partnership": WORDING["limited_partnership"][0],
    "llp": WORDING["llp"][0],
}


def execution_lines(party: Party, *, deed: bool) -> list[list[Inline]]:
    """The lines of a party's signature block: for a simple contract, one authorised signatory with
    their name, position and the date; for a deed, the attestation the legal form executes by, then for
    each person who signs a signature line, their name and (for the first) position; a witness also
    gives an address."""
    if not deed:
        return _simple_lines(party)
    _, as_deed, signers = WORDING[EXECUTION[party.legal_form]]
    lines: list[list[Inline]] = [[Text(as_deed.format(name=party.name_inline, partner=general_partner(party)) + ":")]]
    who = party.possessive
    if deed and EXECUTION[party.legal_form] in WITNESSED_DEEDS:
        # An officer could sign a deed for the commissioner only under a power given by deed
        # (Powers of Attorney Act 1971 s.1), so the deed block is for the commissioner in person.
        signers = ("Commissioner",) if EXECUTION[party.legal_form] == "corporation_sole" else signers
        signers = (*signers, "Witness")
    if EXECUTION[party.legal_form] == "seal":
        lines.append([Text("(Common seal)")])  # the space where the seal is affixed
    for i, capacity in enumerate(signers):
        lines.append([Text(f"{capacity}: {SIGN}")])
        if i == 0 and capacity == "Director" and not (_is_director(party.signatory.position)
                                                      or _directs_general_partner(party)):
            # A chief executive or other officer is not a director unless the term sheet says so: the
            # director who signs is written in at signing.
            lines.append([Text("Name: "), Placeholder(f"name of {who} director", kind="blank")])
        elif i == 0 and EXECUTION[party.legal_form] == "society" and not _is_society_officer(party.signatory.position):
            # A society's deed is signed by two of the signatories its rules authorise (usually members of the
            # committee or the secretary): a chief executive is neither unless the term sheet says so.
            lines.append([Text("Name: "), Placeholder(f"name of {who} committee member or secretary", kind="blank")])
        elif i == 0 and EXECUTION[party.legal_form] == "seal":
            # The officer who attests the seal is the one the council's constitution names (often the
            # monitoring officer or a legal officer), not necessarily the signatory of a simple contract.
            whose = possessive(party.defined)  # "the Council's"
            lines.append([Text("Name: "), Placeholder(f"name of {whose} attesting officer", kind="blank")])
            lines.append([Text("Position: "), Placeholder(f"position of {whose} attesting officer", kind="blank")])
        elif i == 0:
            lines.append([Text("Name: "), _or_open(party.signatory.name, f"name of {who} signatory")])
            lines.append([Text("Position: "), _or_open(party.signatory.position, f"position of {who} signatory")])
        elif party.signatory.second_name and "witness" not in capacity.lower() and i == 1:
            # The second of two signers the form executes by (two charity trustees, two authorised signatories,
            # two members): named where the sheet names them (r28 ob-fresh finding 12).
            lines.extend(_second_lines(party, capacity.split(" (")[0].lower()))
        else:
            # Who else signs, and a witness's address, are written in at signing: form blanks.
            lines.append([Text("Name: "), Placeholder(f"name of {who} {capacity.split(' (')[0].lower()}", kind="blank")])
        if "witness" in capacity.lower():
            lines.append([Text("Address: "), Placeholder(f"address of {who} witness", kind="blank")])
    return lines


def _simple_lines(party: Party) -> list[list[Inline]]:
    """One authorised signatory signs a simple contract for any body (Companies Act 2006 s.43(1)(b),
    a registered society's committee under its rules): the name and position come from the term sheet, or are open facts."""
    who = party.possessive
    if EXECUTION[party.legal_form] == "cio" and _is_trustee(party.signatory.position) and party.signatory.second_name:
        # A CIO is a body corporate and may make a simple contract by one person it authorises: the two-trustee
        # block only where the sheet names the second trustee, not from a "Chair of Trustees" title alone; the
        # execution note asks for the trustees' resolution or the constitution's rule (r22 al-fresh finding 8).
        return _cio_lines(party)
    if EXECUTION[party.legal_form] == "trustees":
        return _trustee_lines(party)
    head = SIMPLE_HEADS.get(EXECUTION[party.legal_form], SIMPLE_HEAD)
    second = party.signatory.second_name
    if second and head == SIMPLE_HEAD:
        head = SIMPLE_HEAD_TWO
    lines = [
        [Text(head.format(name=party.name_inline, partner=general_partner(party)) + ":")],
        [Text(f"Signature: {SIGN}")],
        [Text("Name: "), _or_open(party.signatory.name, f"name of {who} signatory")],
        [Text("Position: "), _or_open(party.signatory.position, f"position of {who} signatory")],
        [Text("Date: ____________________")],
    ]
    if second:
        # The sheet names a second signatory (r28 ob-fresh finding 12: a charitable company's finance director
        # named beside its chief executive was dropped): the block carries both, each signing and dating.
        lines += [[Text(f"Signature: {SIGN}")], *_second_lines(party, "second signatory"),
                  [Text("Date: ____________________")]]
    return lines


def _cio_lines(party: Party) -> list[list[Inline]]:
    """A CIO signs by two charity trustees (the model constitutions' rule), the first named from the
    term sheet where given, the second written in at signing."""
    who = party.possessive
    return [
        [Text(WORDING["cio"][0].format(name=party.name_inline) + ":")],
        [Text(f"Charity trustee: {SIGN}")],
        [Text("Name: "), _or_open(party.signatory.name, f"name of {who} signatory")],
        [Text("Position: "), _or_open(party.signatory.position, f"position of {who} signatory")],
        [Text(f"Charity trustee: {SIGN}")],
        *_second_lines(party, "second charity trustee"),
        [Text("Date: ____________________")],
    ]


def _trustee_lines(party: Party) -> list[list[Inline]]:
    """The trustees of an unincorporated charity are the party: two of them sign for all under the
    authority of a resolution of the trustees under Charities Act 2011 s.333 (a review: one "authorised
    signatory" does not bind trustees who contract personally). The first is named from the term sheet
    where given, the second written in at signing."""
    who = party.possessive
    return [
        [Text(f"Signed by two of the trustees of {party.name}, under the authority conferred by a resolution "
              "of its trustees under section 333 of the Charities Act 2011, on behalf of all its trustees:")],
        [Text(f"Trustee: {SIGN}")],
        [Text("Name: "), _or_open(party.signatory.name, f"name of {who} first signing trustee")],
        [Text(f"Trustee: {SIGN}")],
        *_second_lines(party, "second signing trustee"),
        [Text("Date: ____________________")],
    ]


def _second_lines(party: Party, role: str) -> list[list[Inline]]:
    """The second signer of a two-signature block: named from the term sheet where the deal knows them
    (reviews and writers asked for the CIO's second trustee), otherwise a blank written in at signing."""
    if not party.signatory.second_name:
        return [[Text("Name: "), Placeholder(f"name of {possessive(party.defined)} {role}", kind="blank")]]
    lines = [[Text("Name: "), Text(party.signatory.second_name)]]
    if party.signatory.second_position:
        lines.append([Text("Position: "), Text(party.signatory.second_position)])
    return lines


def _is_trustee(position: str | None) -> bool:
    """Whether the signatory is a charity trustee (a chair or a trustee, or not named yet). A CIO is a
    body corporate (Charities Act 2011 s.205) and may make a simple contract by any person it
    authorises, so a chief executive signs alone as its authorised signatory; two charity trustees
    sign where the signatory is one of them, as the model constitutions' execution rule provides, and
    a second trustee is never invented from a chief executive."""
    return not position or bool(re.search(r"\btrustee|\bchair", position, re.I))


# A board title: "Director", "Managing Director", "Executive Director", "Company Director". A job title
# with "director" in it ("Investment Director", "Director of Housing") is not a statutory director,
# which a review flagged: the director who signs a deed is then written in at signing.
BOARD_DIRECTOR = re.compile(r"^\s*((managing|executive|non-executive|company|board)\s+)?director\b(?!\s+(of|for)\b)", re.I)
# A position that says the signatory sits on the board besides holding a job title: "Chief Executive
# and a director of the Charity", "Finance Director and one of its directors" (a review found the
# named director of a charity left as a blank in its deed block).
BOARD_MEMBER = re.compile(r"\b(?:a|one of (?:the|its))\s+(?:statutory\s+)?directors?\s+of\s+(?:the|its|this)\b"
                          r"|\bone of (?:the|its) directors\b|\b(?:a|also a) (?:statutory|board) director\b", re.I)


SOCIETY_OFFICER = re.compile(r"\b(?:secretary|committee|board member|member of the board|chair(?:man|woman|person)?|"
                             r"treasurer)\b", re.IGNORECASE)


def _is_society_officer(position: str | None) -> bool:
    """Whether the term sheet says a registered society's signatory is a member of its committee (board) or its
    secretary ('Company Secretary', 'Chair of the Board'); a 'Chief Executive' is not, unless the title says so."""
    return bool(position) and bool(SOCIETY_OFFICER.search(position))


def _is_director(position: str | None) -> bool:
    """Whether the term sheet says the signatory is a director of the company (a title such as 'Chief
    Executive', 'Investment Director' or 'Director of Finance' does not)."""
    return bool(position) and bool(BOARD_DIRECTOR.search(position) or BOARD_MEMBER.search(position))


def _directs_general_partner(party: Party) -> bool:
    """Whether a limited partnership's signatory is said to be a director of its named general partner ("Director of
    Sandpiper GP Limited"): that director signs for the general partner, so the name fills the block."""
    position, partner = party.signatory.position, getattr(party, "general_partner", None)
    return bool(position and partner) and re.search(r"\bdirector\s+of\s+(?:the\s+)?" + re.escape(partner.strip()),
                                                     position, re.I) is not None


def general_partner(party: Party) -> str:
    """A limited partnership's general partner, which signs for it: named, or an open fact."""
    return party.general_partner or open_mark(f"name of {party.possessive} general partner")


def _or_open(value: str | None, label: str) -> Inline:
    return Text(value) if value else Placeholder(label)
