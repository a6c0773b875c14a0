"""A value left as the example's: `partnerdraft new` starts from a worked example, and a council name,
address or reference still equal to it would put another matter's facts into the draft unnoticed.
rules/common.py adds these to COMMON."""

from __future__ import annotations

from collections.abc import Iterator

from assembler.rules import Loc, RuleContext, RuleSet, walk

EXAMPLES = RuleSet()

# Fields that hold a formula or measure many matters share word for word (CPI to the previous December), not a
# fact of the example's matter: keeping the example's wording there is a choice, not a slip (r43 al-earlyhelp 9).
FORMULA_FIELDS = frozenset({"indexation", "indexed_by"})


@EXAMPLES.rule("COMMON-STARTER-EXAMPLE", "warning",
               "No name, address, reference or other text is still the example term sheet's.")
def example_values(ctx: RuleContext) -> Iterator[tuple[str, Loc]]:
    if not ctx.examples:
        return
    from assembler.termsheet.supply import supplier_at

    for loc, _model, _name, value in walk(ctx.sheet):
        if (isinstance(value, str) and ctx.examples.get(loc) == value and loc[-1] not in FORMULA_FIELDS
                and supplier_at(type(ctx.sheet), loc) != "legal"):
            # legal's fields keep the library's standard in the starter (a statutory power): not a
            # fact of another matter
            yield (f"still the example's value ({value!r}) from `partnerdraft new`: replace it with this "
                   "matter's fact", loc)
