"""The sentence above the signature blocks, shared by the Word and text writers."""

from __future__ import annotations

from assembler.model import Document


def signing_statement(doc: Document) -> str:
    """A deed says it is delivered on the date stated (a deed takes effect on delivery); a simple
    contract says it was entered into on that date."""
    if doc.deed:
        return ("This Agreement has been executed as a deed and is delivered and takes effect on the date "
                "stated at the beginning of it.")
    return "This Agreement has been entered into on the date stated at the beginning of it."
