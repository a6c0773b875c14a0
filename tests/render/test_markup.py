"""Clause markup becomes model blocks: numbering levels, tables, inline marks, located errors."""

from __future__ import annotations

import pytest

from assembler.model import Paragraph, Placeholder, Ref, Table, Term, Text, plain_text
from assembler.render.markup import MarkupError, parse_blocks, parse_inlines


def roles(name: str) -> str:
    return {"funder": "Council", "recipient": "Trust"}[name]


def test_paragraphs_items_and_subitems_get_levels():
    blocks = parse_blocks("First.\n\n- one\n  - deeper\n- two\n\n> plain body\n\n## Heading", roles)
    kinds = [(b.kind, b.level, b.text) for b in blocks]
    assert kinds == [
        ("numbered", 1, "First."),
        ("numbered", 2, "one"),
        ("numbered", 3, "deeper"),
        ("numbered", 2, "two"),
        ("body", 1, "plain body"),
        ("heading", 0, "Heading"),
    ]


def test_inline_marks():
    inlines = parse_inlines("The [[@funder]] pays [[Instalment|Instalments]] under [[ref:grant.payment]] "
                            "and [[Ref:grant.payment#timing]] to [[?bank account]].", roles)
    assert inlines[0] == Text("The ")
    assert Term("Council", "Council") in inlines or Text("Council") in inlines or any(
        getattr(i, "text", getattr(i, "display", "")) == "Council" for i in inlines)
    assert Term("Instalment", "Instalments") in inlines
    refs = [i for i in inlines if isinstance(i, Ref)]
    assert [(r.target, r.capital) for r in refs] == [("grant.payment", False), ("grant.payment#timing", True)]
    assert Placeholder("bank account") in inlines


def test_anchor_is_taken_off_the_paragraph():
    [para] = parse_blocks("Pay within 30 days. [[#timing]]", roles)
    assert para.anchor == "timing" and para.text == "Pay within 30 days."


def test_table_widths_and_alignment_come_from_the_separator():
    [table] = parse_blocks("| Item | Amount |\n|---------|---:|\n| Food | £10 |", roles)
    assert isinstance(table, Table)
    assert table.widths == [9, 3] and table.right == [False, True]
    assert [[c[0].text for c in row] for row in table.rows] == [["Food", "£10"]]


def test_amounts_in_a_column_share_one_form():
    [table] = parse_blocks("| Item | Amount | Other |\n|---|---:|---|\n| Food | £1,250 | £10 |\n"
                           "| Rent | £312.50 | £20 |\n| Total | £1,562.50 | n/a |", roles)
    assert [[plain_text(c) for c in row] for row in table.rows] == [
        ["Food", "£1,250.00", "£10"], ["Rent", "£312.50", "£20"], ["Total", "£1,562.50", "n/a"]]


def test_table_rows_must_match_the_header():
    with pytest.raises(MarkupError, match="2 cells but the header has 3"):
        parse_blocks("| A | B | C |\n|---|---|---|\n| 1 | 2 |", roles)


def test_table_needs_a_separator():
    with pytest.raises(MarkupError, match=r"\|---\|"):
        parse_blocks("| A | B |\n| 1 | 2 |", roles)


def test_unknown_mark_is_an_error():
    with pytest.raises(MarkupError):
        parse_inlines("see [[nonsense:thing]]", roles)


def test_paragraph_text_property_joins_inlines():
    para = Paragraph([Text("a "), Term("Grant", "Grant"), Text(" b")])
    assert para.text == "a Grant b"


def test_a_term_with_display_text_inside_a_table_cell():
    [table] = parse_blocks("| Who | Pays |\n|---|---|\n| [[Instalment|Instalments]] | yes |", roles)
    assert table.rows[0][0] == [Term("Instalment", "Instalments")]
    assert table.rows[0][1] == [Text("yes")]


def test_a_form_blank_is_a_placeholder_of_its_own_kind():
    inlines = parse_inlines("Dated [[_date of the deed]] and [[?fee]].", lambda r: r)
    blank, fact = [i for i in inlines if isinstance(i, Placeholder)]
    assert blank == Placeholder("date of the deed", kind="blank") and not blank.is_open
    assert fact == Placeholder("fee") and fact.is_open


def test_a_role_keeps_or_drops_the_article_its_party_takes():
    """`the [[@role]]` reads "the Council" but "P3"; a sentence opening "The [[@role]]" reads "P3 must"
    and keeps "The Council must"; "the" inside another word ("breathe") is never touched."""
    from assembler.render.markup import Role

    parties = {"funder": Role("Council", True), "recipient": Role("P3", False)}
    text = plain_text(parse_inlines("The [[@recipient]] must pay the [[@funder]]; the [[@funder]] "
                                    "may ask (the [[@recipient]]) to breathe [[@recipient]].", parties.__getitem__))
    assert text == "P3 must pay the Council; the Council may ask (P3) to breathe P3."
    text = plain_text(parse_inlines("The [[@funder]] pays the [[@recipient]]'s costs.", parties.__getitem__))
    assert text == "The Council pays P3's costs."


@pytest.mark.parametrize("name, expected", [("Good Neighbours", "Good Neighbours' costs"), ("St Mungo's", "St Mungo's costs"),
                                            ("Trust", "Trust's costs"), ("Hope Press", "Hope Press's costs")])
def test_a_possessive_after_a_name_ending_in_s(name, expected):
    """`[[@recipient]]'s` after a plural name reads "Good Neighbours'" (a persona found "Good
    Neighbours's" throughout a letter), as placeholders already did."""
    from assembler.render.markup import Role

    text = plain_text(parse_inlines("the [[@recipient]]'s costs", {"recipient": Role(name, False)}.__getitem__))
    assert text.endswith(expected)


class _TwoParties:
    """Roles for a two-party draft whose Public Body is the Council: what assemble.Roles gives."""

    two_parties = True
    survivors = ["common.notices", "grant.records#keep"]
    third_party_rights = []

    def __call__(self, name: str) -> str:
        return roles(name)

    def stand_in(self, term: str):
        from assembler.render.markup import Role

        return {"Public Body": Role("Council"), "Open-Book Provider": Role("P3", article=False)}.get(term)


@pytest.mark.parametrize("source, expected", [
    ("Each [[Public Body]] may publish it.", "The Council may publish it."),
    ("tell that [[Public Body]] at once", "tell the Council at once"),
    ("give any [[Public Body]] the records", "give the Council the records"),
    ("as the [[Public Body|Public Bodies]] ask", "as the Council ask"),
    ("costs of an [[Open-Book Provider]]", "costs of P3"),
    ("[[Public Body]]'s functions", "the Council's functions"),
])
def test_a_role_term_held_by_one_party_reads_as_that_party(source, expected):
    inlines = parse_inlines(source, _TwoParties())
    assert plain_text(inlines) == expected
    assert not any(isinstance(i, Term) and i.name in ("Public Body", "Open-Book Provider") for i in inlines)


def test_a_role_term_held_by_several_parties_stays_a_defined_term():
    inlines = parse_inlines("Each [[Public Body]] may publish it.", roles)
    assert plain_text(inlines) == "Each Public Body may publish it."
    assert Term("Public Body", "Public Body") in inlines


@pytest.mark.parametrize("source, expected", [
    ("notify the other [[Parties]] at once", "notify the other Party at once"),
    ("Each other [[Party]] may object.", "The other Party may object."),
    ("bind any other [[Party]]", "bind the other Party"),
    ("gives to another [[Party]]", "gives to the other Party"),
    ("Each [[Party]] must act.", "Each Party must act."),
])
def test_a_two_party_draft_speaks_of_the_other_party(source, expected):
    assert plain_text(parse_inlines(source, _TwoParties())) == expected


def test_a_multi_party_draft_keeps_the_other_parties():
    assert plain_text(parse_inlines("notify the other [[Parties]]", roles)) == "notify the other Parties"


def test_survivors_list_a_reference_to_each_surviving_clause():
    inlines = parse_inlines("After the end, [[survivors]] continue.", _TwoParties())
    refs = [i for i in inlines if isinstance(i, Ref)]
    assert [r.target for r in refs] == ["common.notices", "grant.records#keep"]
    assert Text(" and ") in inlines
    assert plain_text(parse_inlines("None: [[third-party-rights]].", _TwoParties())) == "None: ."


class _CouncilAndTrust(_TwoParties):
    """The Council (the one public body) and the Trust."""

    @property
    def sole_private(self):
        from assembler.render.markup import Role

        return Role("Trust")


@pytest.mark.parametrize("source, expected", [
    ("Each [[Party]] that is not a [[Public Body]] must give each [[Public Body]] its policy.",
     "The Trust must give the Council its policy."),
    ("unless each [[Party]] that is not a [[Public Body]] agrees", "unless the Trust agrees"),
    ("send it to the relevant [[Public Body]]", "send it to the Council"),
    ("where the other [[Parties]] agree in writing", "where the other Party agrees in writing"),
    ("The [[Parties]] to the [[Dispute]] must share the fees.", "The Parties must share the fees."),
    ("Each [[Party]] to the [[Dispute]] must nominate", "Each Party must nominate"),
])
def test_two_party_wording_is_made_by_the_markup(source, expected):
    """The many-party phrasings of the shared clauses read as the two parties, at the markup level
    (terms, not text replaced after rendering)."""
    inlines = parse_inlines(source, _CouncilAndTrust())
    assert plain_text(inlines) == expected
    assert not any(isinstance(i, Term) and i.name in ("Public Body", "Dispute") for i in inlines)


def test_in_a_draft_of_more_parties_the_words_stay():
    source = "Each [[Party]] that is not a [[Public Body]] must tell the [[Parties]] to the [[Dispute]]."
    assert plain_text(parse_inlines(source, roles)) == source.replace("[[", "").replace("]]", "")
