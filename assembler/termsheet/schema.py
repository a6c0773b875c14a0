"""The JSON Schema of a family's term sheet: pydantic's, plus the positions the library offers."""

from __future__ import annotations

from typing import Any

from assembler.library.catalogue import Catalogue
from assembler.library.choices import commissioner_choices
from assembler.termsheet.common import LEGAL


def json_schema(catalogue: Catalogue, family: str) -> dict[str, Any]:
    manifest = catalogue.manifest(family)
    schema = manifest.model_class().model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"partnerdraft {family} term sheet"
    schema["properties"]["positions"] = positions_schema(catalogue, family)
    if not commissioner_choices(catalogue, family):
        schema["properties"]["positions"]["supplied_by"] = LEGAL
    for part in [schema, *schema.get("$defs", {}).values()]:
        _commissioner_first(part)
    return schema


def _commissioner_first(part: dict[str, Any]) -> None:
    """Properties in the order a commissioner answers them: theirs first, legal's (marked
    `"supplied_by": "legal"`) after, so an editor's completion lists the facts they know first."""
    properties = part.get("properties")
    if not isinstance(properties, dict):
        return
    legal = [k for k, v in properties.items() if isinstance(v, dict) and v.get("supplied_by") == LEGAL]
    part["properties"] = {**{k: v for k, v in properties.items() if k not in legal},
                          **{k: properties[k] for k in legal}}


def positions_schema(catalogue: Catalogue, family: str) -> dict[str, Any]:
    """Positions are library data, so their allowed values come from the clause files. The
    commissioner's choices come first, asked as their question with each answer in plain words;
    legal's positions follow, marked `"supplied_by": "legal"`."""
    properties = {}
    choices = commissioner_choices(catalogue, family)
    positions = catalogue.positions(family)
    for name in [*choices, *(n for n in sorted(positions) if n not in choices)]:
        position = positions[name]
        variants = sorted(position.variants)
        properties[name] = {
            "type": "string",
            "enum": variants,
            "default": position.standard,
            "description": f"Variants: {', '.join(variants)}; standard: {position.standard}.",
        }
        if name in choices:
            answers = "; ".join(f"{v}: {words}" for v, words in choices[name].answers.items())
            properties[name]["description"] = f"{choices[name].question} {answers}. Standard: {position.standard}."
        else:
            properties[name]["supplied_by"] = LEGAL
    return {
        "type": "object",
        "description": "Chosen alternatives, position: variant. Omitted positions take the library's standard.",
        "properties": properties,
        "additionalProperties": False,
    }
