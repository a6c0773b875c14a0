"""The rule machinery: a set's condition travels with its rules when sets are merged."""

from __future__ import annotations

from types import SimpleNamespace

from assembler.rules import RuleContext, RuleSet


def test_a_sets_condition_guards_its_rules_after_merging():
    guarded = RuleSet(applies=lambda ctx: ctx.sheet.block is not None)

    @guarded.rule("T-BLOCK", "warning", "Reads the block.")
    def reads_block(ctx):
        yield f"block is {ctx.sheet.block.size}", ("block",)

    plain = RuleSet()

    @plain.rule("T-ALWAYS", "info", "Always speaks.")
    def always(ctx):
        yield "here", ()

    merged = RuleSet()
    merged.extend(plain)
    merged.extend(guarded)
    without = RuleContext(SimpleNamespace(block=None), {}, {})
    with_block = RuleContext(SimpleNamespace(block=SimpleNamespace(size=3)), {}, {})
    assert [f.rule for f in merged.run(without)] == ["T-ALWAYS"]
    assert [(f.rule, f.message) for f in merged.run(with_block)] == [("T-ALWAYS", "here"), ("T-BLOCK", "block is 3")]
