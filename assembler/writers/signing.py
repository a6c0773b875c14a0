"""The sentence above the signature blocks, shared by the Word and text writers."""

from __future__ import annotations

from assembler.model import Document


def signing_statement(doc: Document) -> str:
    """A deed says it is delivered on the date stated (a deed takes effect on delivery); a simple
    contract takes effect when the last Party signs, as the term clauses say, and that is the date
    written at its beginning on completion, so the two never differ."""
    if doc.deed:
        return ("This Agreement has been executed as a deed and is delivered and takes effect on the date "
                "stated at the beginning of it.")
    if doc.family == "co-investment":
        # Most of a co-investment agreement takes effect only on the Completion Date, under its conditions clause:
        # the signing line dates the agreement and leaves when each part takes effect to that clause.
        return ("This Agreement is dated the date on which the last of the Parties signs it, which is the date to "
                "be written at the beginning of it.")
    return ("This Agreement takes effect on the date on which the last of the Parties signs it, which is "
            "the date to be written at the beginning of it.")
