"""`partnerdraft new FAMILY`: the family's starter sample with every field explained in a comment.

The values come from a tested sample, so the starter checks and assembles as written; the comments
come from the model's field descriptions and the library's positions, so they never drift.
"""

from __future__ import annotations

import io
import re
import textwrap
import typing
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from assembler.library.catalogue import Catalogue
from assembler.library.choices import Choice, commissioner_choices
from assembler.library.fields import unwrap
from assembler.termsheet.common import LEGAL, supplied_by
from assembler.termsheet.supply import EXPLAINED, HEADING, is_legal, ordered

HEADER = """\
partnerdraft term sheet: {title} ({family})
Fill in the values, then run:  partnerdraft check FILE  and  partnerdraft assemble FILE -o draft.docx
Leave a value empty (or delete an optional line) where the fact is not yet known: the draft shows a
highlighted placeholder. Amounts are pounds (GBP); dates are YYYY-MM-DD.
Your own decisions about the deal are near the top, under "Your choices". In each part, your facts
come first; the fields under a "Legal completes this" line are for your legal adviser (the law relied
on, the drafting positions, how the agreement is signed): leave their standard values as they are
unless legal chooses otherwise.
The draft is a first draft for legal review, not legal advice.
"""


def _title(manifest, positions: dict) -> str:
    """The title under the sheet's positions (a title may depend on a position, e.g. a grant's form)."""
    from assembler.assemble import document_title

    return document_title(manifest.title, {"positions": positions})


EXAMPLE_NOTE = """\
EVERY VALUE BELOW IS AN EXAMPLE from a fictional matter: replace each one with this matter's facts.
partnerdraft check warns about any name, address or reference still equal to the example.
(partnerdraft new {family} --blank writes this sheet with no values at all.)
"""
BLANK_NOTE = """\
No values of yours are filled in: a list shows one entry to copy. Legal's fields keep their standard
values (positions at the library's standard: partnerdraft clauses --family {family} lists the others).
"""


def starter(catalogue: Catalogue, family: str, *, blank: bool = False) -> str:
    """The family's starter term sheet, each field explained; with `blank`, no example values."""
    manifest = catalogue.manifest(family)
    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load((catalogue.paths.samples / manifest.starter).read_text(encoding="utf-8"))
    _strip_comments(data)
    _add_data_questions(data)
    _show_item_fields(data, manifest.model_class())
    if blank:
        data.pop("positions", None)
        _blank(data, manifest.model_class())
    note = (BLANK_NOTE if blank else EXAMPLE_NOTE).format(family=family)
    title = _title(manifest, dict(data.get("positions") or {}))
    data.yaml_set_start_comment(HEADER.format(title=title, family=family) + note)
    _annotate(data, manifest.model_class(), 0)
    data.yaml_set_comment_before_after_key("data_protection", before=_data_heading(family), indent=0)
    _annotate_positions(data, catalogue, family)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


# The facts the data-sharing terms need (the review pack lists any left open); the commissioner's first.
DATA_QUESTIONS = ("subject_matter", "purposes", "data_types", "data_subjects", "duration", "retention", "security",
                  "role", "lawful_basis")
# Where a family says whether personal data is processed at all (the others always share it).
_PERSONAL_DATA_FLAG = {"grant": "grant.personal_data", "open-book": "services.personal_data"}


def _show_item_fields(node: Any, model: Any) -> None:
    """The first entry of each list shows every field an entry may have, the optional ones empty: a
    commissioner copies that entry, and the persona who needed an instalment's `condition:` found it
    only by guessing from a column of the draft."""
    if not isinstance(node, CommentedMap) or not hasattr(model, "model_fields"):
        return
    for key, value in node.items():
        field = model.model_fields.get(str(key))
        if field is None:
            continue
        inner = unwrap(field.annotation)
        if isinstance(value, CommentedMap) and isinstance(inner, type):
            _show_item_fields(value, inner)
        elif isinstance(value, CommentedSeq) and isinstance(inner, tuple) and isinstance(inner[1], type):
            item_model = inner[1]
            if value and isinstance(value[0], CommentedMap) and hasattr(item_model, "model_fields"):
                for name, item_field in item_model.model_fields.items():
                    if name not in value[0] and not item_field.is_required() and _is_plain(item_field):
                        value[0][name] = None
                for item in value:
                    _show_item_fields(item, item_model)


def _is_plain(field: FieldInfo) -> bool:
    """A field written as one value (text, a number, a date), not a group or a list."""
    inner = unwrap(field.annotation)
    return not isinstance(inner, tuple) and not (isinstance(inner, type) and issubclass(inner, BaseModel))


def _add_data_questions(data: CommentedMap) -> None:
    """Every data-protection question in the sheet, empty where the example does not answer it: when
    personal data is processed, the draft's data-sharing terms are built from these answers, and
    an answer left out would surface only as a placeholder in the review pack."""
    block = data.get("data_protection")
    if not isinstance(block, CommentedMap):
        block = CommentedMap()
        data["data_protection"] = block
    for name in DATA_QUESTIONS:
        if name not in block:
            block[name] = None


def _data_heading(family: str) -> str:
    flag = _PERSONAL_DATA_FLAG.get(family)
    when = (f"if {flag} is true (information about people: names, contact details, case notes)" if flag
            else "(a partnership of this kind always shares some information about people)")
    text = ("Personal data: the draft's data-sharing terms are built from these answers. Answer them " + when +
            "; an answer left empty shows as a placeholder for you to supply." +
            (f" With {flag} false they are not used." if flag else ""))
    return "\n".join(textwrap.wrap(text, 98))


def _blank(node: Any, model: Any = None, legal: bool = False) -> None:
    """Every value of the commissioner's emptied (the family kept); a list keeps one emptied entry to
    show its shape (a list of plain values, one empty line). Legal's fields keep their standard: the
    field's default where it has one, else the example's choice or wording (a statutory power, a
    subsidy route); legal's dates and figures are emptied, being facts of the matter."""
    if isinstance(node, CommentedMap):
        fields = getattr(model, "model_fields", {}) if model is not None else {}
        for key in list(node):
            value = node[key]
            if key == "family":
                continue
            field = fields.get(str(key))
            own = field is not None and supplied_by(field) == LEGAL
            inner = unwrap(field.annotation) if field is not None else None
            if isinstance(value, CommentedMap):
                _blank(value, inner if isinstance(inner, type) else None, legal or own)
            elif isinstance(value, CommentedSeq):
                item = inner[1] if isinstance(inner, tuple) else None
                _blank(value, item if isinstance(item, type) else None, legal or own)
            elif (own or legal) and field is not None and _standard(field, value, own) is not _EMPTY:
                node[key] = _standard(field, value, own)
            else:
                node[key] = None
    elif isinstance(node, CommentedSeq):
        del node[1:]
        if node and isinstance(node[0], (CommentedMap, CommentedSeq)):
            _blank(node[0], model, legal)
        elif node:
            node[0] = None  # one empty line to copy: `[]` read as code to the first commissioner persona


_EMPTY = object()


def _standard(field: FieldInfo, example: Any, own: bool) -> Any:
    """The standard a blank sheet keeps for one of legal's fields: its default, else the example's
    choice, or its wording where the field itself is legal's (a statutory power; not a name inside a
    legal group); `_EMPTY` for a date or a figure, which belongs to the matter."""
    if not field.is_required() and field.default is not None and isinstance(field.default, (str, int, bool, Enum)):
        return field.default.value if isinstance(field.default, Enum) else field.default
    if isinstance(example, str) and (own or _allowed(field.annotation)) and not _DATE.match(example):
        return example
    if isinstance(example, bool):
        return example
    return _EMPTY


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _strip_comments(node: Any) -> None:
    if isinstance(node, (CommentedMap, CommentedSeq)):
        node.ca.items.clear()
        node.ca.comment = None
        for child in node.values() if isinstance(node, CommentedMap) else node:
            _strip_comments(child)


_OWN_HEADING = ("positions", "data_protection")  # explained by their own heading, set by `starter`


def _annotate(node: Any, model: type[BaseModel], indent: int, legal: bool = False) -> None:
    """Each field's comment, with the commissioner's fields first and legal's after a "Legal
    completes this" line (inside a group that is legal's already, no second heading)."""
    if not isinstance(node, CommentedMap):
        return
    order = ordered(model, [str(k) for k in node])
    for key in order:
        node.move_to_end(key)
    first_legal = next((k for k in order if is_legal(model, k)), None) if not legal else None
    for key in list(node):
        field = model.model_fields.get(str(key))
        if field is None:
            continue
        comment = describe(field)
        if key == first_legal and key != "positions":
            comment = f"---- {HEADING} ----\n{EXPLAINED}\n{comment}"
        if indent or key not in _OWN_HEADING:
            node.yaml_set_comment_before_after_key(key, before=comment, indent=indent)
        legal_here = legal or is_legal(model, str(key))
        inner = unwrap(field.annotation)
        value = node[key]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            _annotate(value, inner, indent + 2, legal_here)
        elif isinstance(inner, tuple) and isinstance(inner[1], type) and issubclass(inner[1], BaseModel):
            for item in value if isinstance(value, CommentedSeq) else []:
                _annotate(item, inner[1], indent + 4, legal_here)


def describe(field: FieldInfo) -> str:
    """One comment line or two: meaning, unit, allowed values, whether required."""
    parts = [field.description or ""]
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    for meta in field.metadata:
        if getattr(meta, "json_schema_extra", None):
            extra = {**extra, **meta.json_schema_extra}
    if "unit" in extra:
        parts.append(f"Unit: {extra['unit']}.")
    allowed = _allowed(field.annotation)
    if allowed:
        parts.append(f"Allowed: {', '.join(allowed)}.")
    standard = default_list(field)
    if standard and "Left out" not in (field.description or ""):
        parts.append(f"Left out: {', '.join(str(v) for v in standard)}.")
    parts.append("Required." if field.is_required() else "Optional.")
    return " ".join(p for p in parts if p)


def default_list(field: FieldInfo) -> list[Any]:
    """A list field's default when it is a list of plain values (occupancy at 80, 90 and 95 per cent): what
    applies when the sheet leaves the field out, which the comment and the web form both say."""
    if field.default_factory is None:
        return []
    try:
        standard = field.default_factory()
    except TypeError:  # a factory that wants the validated data: no plain default to state
        return []
    if not isinstance(standard, list) or any(isinstance(v, (BaseModel, dict, list)) for v in standard):
        return []
    return standard


def _allowed(annotation: Any) -> list[str]:
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return [str(a) for a in typing.get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [m.value for m in annotation]
    for arg in typing.get_args(annotation):
        found = _allowed(arg)
        if found:
            return found
    return []


def _annotate_positions(data: CommentedMap, catalogue: Catalogue, family: str, *, given_only: bool = False) -> None:
    """The positions block: the commissioner's choices first, each asked as a question with every
    answer in plain words, placed near the top (a letter or an agreement is decided first); then
    legal's positions at their standards under a "Legal completes this" line. With `given_only` (a
    sheet written back, which must keep its meaning) only the positions the data chooses are written:
    a position written out at its standard reads as instructed, and the drafting notes say so."""
    positions = catalogue.positions(family)
    choices = asked = commissioner_choices(catalogue, family)
    chosen = data.get("positions") or CommentedMap()
    if given_only:
        positions = {k: v for k, v in positions.items() if k in chosen}
        choices = {k: v for k, v in choices.items() if k in chosen}
    block = CommentedMap()
    for name, choice in choices.items():
        block[name] = chosen.get(name, positions[name].standard)
        block.yaml_set_comment_before_after_key(name, before=_question(choice, positions[name].standard), indent=2)
    legal = [name for name in sorted(positions) if name not in choices]
    for name in legal:
        position = positions[name]
        block[name] = chosen.get(name, position.standard)
        variants = ", ".join(f"{v}{' (standard)' if v == position.standard else ''}" for v in sorted(position.variants))
        files = [f for fs in position.variants.values() for f in fs]
        conditions = {f.header.when for f in files}
        only = ""
        if len(conditions) == 1 and None not in conditions:  # e.g. the open-book positions
            only = " Applies only when " + plain_condition(conditions.pop()) + "."
        comment = f"Choose one of: {variants}.{only}"
        if choices and name == legal[0]:
            comment = f"---- {HEADING} ----\n{EXPLAINED}\n{comment}"
        block.yaml_set_comment_before_after_key(name, before=comment, indent=2)
    data.pop("positions", None)
    where = list(data).index("document") + 1 if asked and "document" in data else len(data)
    if given_only:
        heading = ("Positions: only those this term sheet chooses are listed; every other position is at the "
                   f"library's standard\n(`partnerdraft clauses --family {family}` lists them; add a line here to "
                   "choose otherwise).")
        if not block and where < len(data):  # none chosen: no block, only the words, before the next field's
            after = list(data)[where]
            slots = data.ca.items.setdefault(after, [None, [], None, None])
            own, slots[1] = slots[1] or [], []
            data.yaml_set_comment_before_after_key(after, before=heading, indent=0)
            slots[1] += own
            return
        data.insert(where, "positions", block)
        data.yaml_set_comment_before_after_key("positions", before=heading, indent=0)
        return
    data.insert(where, "positions", block)
    if choices:
        heading = (f"---- {CHOICES_HEADING} ----\n{CHOICES_EXPLAINED}\n"
                   "Alternatives the library offers; `partnerdraft clause ID` shows each variant's drafting note.")
    else:
        heading = (f"---- {HEADING} ----\n{EXPLAINED}\nAlternatives the library offers, each at its standard unless "
                   "chosen otherwise; `partnerdraft clause ID` shows each variant's drafting note.")
    data.yaml_set_comment_before_after_key("positions", before=heading, indent=0)


CHOICES_HEADING = "Your choices"
CHOICES_EXPLAINED = ("Decisions about the deal that are yours: answer each question by writing one of its answers\n"
                     "after the colon (the usual choice is marked).")


_POSITION = re.compile(r'positions\.get\("(\w+)"\)\s*(==|!=)\s*"([\w-]+)"')
_FIELD_IS = re.compile(r'\b([a-z_]+(?:\.[a-z_]+)*)\s*(==|!=)\s*"([\w-]+)"')


def plain_condition(condition: str) -> str:
    """A clause's `when:` condition in the words a commissioner reads in the starter: the first
    persona run met 'positions.get("grant_form") != "offer-letter"' and took it for code."""
    def position(m: re.Match) -> str:
        return f"{m[1]} (above) {'is' if m[2] == '==' else 'is not'} {m[3]}"

    def field(m: re.Match) -> str:
        return f"{m[1]} {'is' if m[2] == '==' else 'is not'} {m[3]}"

    text = _POSITION.sub(position, condition)
    text = _FIELD_IS.sub(field, text).replace(" is not none", " is given")
    return text.replace(" and ", ", and ")


def _question(choice: Choice, standard: str | None) -> str:
    """A commissioner's choice as its question and each answer on its own line, the usual one marked."""
    lines = [choice.question]
    for variant, words in choice.answers.items():
        usual = " (the usual choice)" if variant == standard else ""
        lines += textwrap.wrap(f"{variant}: {words}{usual}", 96, initial_indent="  ", subsequent_indent="      ")
    return "\n".join(lines)
