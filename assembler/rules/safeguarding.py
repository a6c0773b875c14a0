"""Who the services are for decides the safeguarding law the draft cites (Children Act 2004 s.11 and
Working Together for children; Care Act 2014 s.42 and the Safeguarding Adults Board for adults).
Where `safeguarding.people` is left empty but every description of the services names one group
("adults with multiple and complex needs"), the draft follows the description; this rule says so and
asks for it to be confirmed, because the clause then leaves the other group's law out."""

from __future__ import annotations

from assembler.rules import RuleContext, RuleSet

SAFEGUARDING = RuleSet()

_OTHER = {"adults": "children will also be supported (not only met in the households of the adults supported)",
          "children": "adults at risk will also be supported"}


# "info": the library's samples rely on the reading (their descriptions are clear), and the family
# suites keep their samples free of warnings.
@SAFEGUARDING.rule("COMMON-SAFEGUARDING-PEOPLE", "info",
                   "Who the services are for is confirmed where the draft reads it from their description.")
def people_read_from_description(ctx: RuleContext):
    safeguarding = getattr(ctx.sheet, "safeguarding", None)
    found = safeguarding.inferred if safeguarding is not None else None
    if found is None or not _shared_clause(ctx):
        return
    yield (f"the services are described as for {found.people} only ({found.words!r}), so the safeguarding "
           f"clause cites only the law for {found.people}; confirm it by giving safeguarding.people: "
           f"{found.people}, or give 'both' if {_OTHER[found.people]}", found.field)


def _shared_clause(ctx: RuleContext) -> bool:
    """Whether the draft carries the shared safeguarding clause, which reads the group: an open-book
    contract has its own (by the setting's regulator) and an offer letter its own short conditions."""
    return ctx.sheet.family != "open-book" and ctx.positions.get("grant_form") != "offer-letter"
