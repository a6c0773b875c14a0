"""Every validation message speaks to a commissioner: no regular expressions, no pydantic wording.

The walk below visits every field of every family model (nested blocks and list items too) and
feeds it each kind of bad value it can fail on (wrong type, unknown choice, text that does not match
its form, too long, too many or too few entries, negative, out of range, a UK-style date, true where
a number belongs), plus every valid choice and an empty optional (to reach the cross-field checks).
Every message that comes back must be free of library wording and must have been translated
(never the fallback), and the walk must have met each kind of error it aims at.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import typing
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assembler.errors import UserError
from assembler.termsheet.loader import Loaded, load_file, load_text
from assembler.termsheet.messages import plain
from assembler.termsheet.validate import validate
from tests.conftest import samples

LIBRARY_WORDING = [
    "should match pattern", "input should", "string should", "list should", "decimal input",
    "field required", "extra inputs are not permitted", "value error", "assertion failed",
    "valid string", "valid integer", "valid boolean", "valid decimal", "valid date", "valid list",
    "valid dictionary", "datetimes provided", "after validation", "pydantic", "type=", "unable to",
    "fractional part", "none is not", "instance of",
]
REGEX = re.compile(r"\^|\\[dwsDWS]|\[[A-Za-z0-9]-|\{\d+,?\d*\}|\(\?")
FALLBACK = "is not valid here (got"


def plain_data(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_data(v) for v in value]
    return value


def unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the annotation without Optional, whether None is allowed)."""
    args = get_args(annotation)
    if get_origin(annotation) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else annotation), len(rest) < len(args)
    return annotation, False


def constraint(field: FieldInfo, name: str) -> Any:
    for item in field.metadata:
        if getattr(item, name, None) is not None:
            return getattr(item, name)
    return None


def fields_of(model: type[BaseModel], prefix: tuple = ()):
    """(loc, field, annotation) for every field, depth first; list items get index 0."""
    for name, field in model.model_fields.items():
        loc = (*prefix, name)
        annotation, _ = unwrap(field.annotation)
        yield loc, field, field.annotation
        if get_origin(annotation) is list:
            item = get_args(annotation)[0]
            item_field = FieldInfo.from_annotation(item)
            yield (*loc, 0), item_field, item
            inner, _ = unwrap(item)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                yield from fields_of(inner, (*loc, 0))
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from fields_of(annotation, loc)


def choices(annotation: Any) -> list:
    if get_origin(annotation) is typing.Literal:
        return list(get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [m.value for m in annotation]
    return []


def values_for(field: FieldInfo, annotation: Any) -> list[Any]:
    """Bad values of each kind the field can fail on, and valid alternatives that reach the
    cross-field checks."""
    base, optional = unwrap(annotation)
    out: list[Any] = [None] if optional else [None]  # None: empty where a value is needed, or a valid blank
    scalar_wrong = [{"x": 1}, ["x"]]
    options = choices(base)
    if options:
        return out + scalar_wrong + ["not-a-choice", 3] + options
    if base is str:
        out += scalar_wrong + [1234567, 12.5, True, "", "x" * 2001, "!! not in form !!", "a" * 41]
        if (limit := constraint(field, "max_length")) is not None:
            out.append("A" * (limit + 1))
        return out
    if base is bool:
        return out + scalar_wrong + ["maybe", 5, True, False]
    if base is int:
        out += scalar_wrong + ["many", 1.5, True, -1, 10**7]
        for name, step in (("ge", -1), ("gt", 0), ("le", 1), ("lt", 0)):
            if (bound := constraint(field, name)) is not None:
                out.append(int(bound) + step)
        return out
    if base is Decimal:
        return out + scalar_wrong + ["lots", -1, "1.234", 1.234, True, 101, 10**12, "£-5"]
    if base is dt.date:
        return out + scalar_wrong + ["31/10/2020", "2020-02-30", "2020-13-01", "soon", 20201031, True]
    origin = get_origin(base)
    if origin is list:
        item = get_args(base)[0]
        sample = {} if isinstance(unwrap(item)[0], type) and issubclass(unwrap(item)[0], BaseModel) else "x"
        out += ["x", {"x": 1}, [], [sample] * 25]
        if (limit := constraint(field, "max_length")) is not None:
            out.append([sample] * (limit + 1))
        return out
    if origin is dict:
        return out + ["x", ["x"], {"a": {"b": 1}}]
    if isinstance(base, type) and issubclass(base, BaseModel):
        return out + ["x", ["x"], 5, {}, {"not_a_field": 1}]
    return out + scalar_wrong


def set_at(data: Any, loc: tuple, value: Any) -> None:
    """Put value at loc, making the blocks and list items on the way (empty ones fail too, which
    only adds messages to check)."""
    for here, nxt in zip(loc, loc[1:]):
        empty: Any = [] if isinstance(nxt, int) else {}
        if isinstance(here, int):
            while len(data) <= here:
                data.append(copy.deepcopy(empty))
            if not isinstance(data[here], type(empty)):
                data[here] = empty
            data = data[here]
        else:
            if not isinstance(data.get(here), type(empty)):
                data[here] = empty
            data = data[here]
    last = loc[-1]
    if isinstance(last, int):
        while len(data) <= last:
            data.append(None)
    data[last] = value


@cache
def walk() -> tuple[tuple[str, tuple, Any, str, str], ...]:
    """(family, loc, value, error types, message) for every message the walk provokes."""
    from assembler.library.catalogue import load_catalogue
    from assembler.library.paths import LibraryPaths
    from pydantic import ValidationError
    from tests.conftest import ROOT

    catalogue = load_catalogue(LibraryPaths(ROOT))
    found = []
    for family, manifest in sorted(catalogue.manifests.items()):
        model = manifest.model_class()
        sample = samples(family)[0]  # the walk makes any block it needs, so one sample a family will do
        base = plain_data(load_file(sample).data)
        for loc, field, annotation in fields_of(model):
            for value in values_for(field, annotation):
                data = plain_data(base)
                set_at(data, loc, value)
                try:
                    model.model_validate(data)
                    kinds = ""
                except ValidationError as e:
                    kinds = " ".join(sorted({err["type"] for err in e.errors()}))
                try:
                    validate(Loaded(sample.name, data), catalogue)
                except UserError as caught:
                    found += [(family, loc, value, kinds, p.message) for p in caught.problems]
    return tuple(found)


def test_the_walk_meets_every_kind_of_error():
    kinds = {kind for *_, kinds, _ in walk() for kind in kinds.split()}
    wanted = {"missing", "extra_forbidden", "string_type", "string_too_short", "string_too_long",
              "string_pattern_mismatch", "too_short", "too_long", "literal_error", "enum", "int_parsing",
              "int_from_float", "bool_parsing", "list_type", "model_type", "dict_type", "greater_than_equal",
              "less_than_equal", "value_error", "decimal_max_places", "date_from_datetime_parsing",
              "date_from_datetime_inexact"}
    assert wanted <= kinds, sorted(wanted - kinds)
    assert len(walk()) > 2000


def test_no_message_shows_library_wording_or_a_regular_expression():
    bad = [(family, loc, value, kind, message) for family, loc, value, kind, message in walk()
           if any(w in message.lower() for w in LIBRARY_WORDING) or REGEX.search(message)
           or FALLBACK in message]
    assert bad == []


def test_cross_field_checks_are_reached_and_plain():
    own = {message for *_, kinds, message in walk() if "value_error" in kinds.split()}
    assert any("lease_years" in m for m in own)  # co-investment's property check
    assert all(not m.lower().startswith("value error") for m in own)


# --- the messages the brief names, through the real loader and validator -------------------------

GRANT = samples("grant")[0]


def problems(edit) -> list[str]:
    from assembler.library.catalogue import load_catalogue
    from assembler.library.paths import LibraryPaths
    from tests.conftest import ROOT

    text = edit(GRANT.read_text())
    with pytest.raises(UserError) as caught:
        validate(load_text(text, "t.yaml"), load_catalogue(LibraryPaths(ROOT)))
    return [str(p) for p in caught.value.problems]


def _replace_once(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)
    return edit


def test_a_uk_date_is_shown_the_iso_form_of_itself():
    start = re.search(r"start: (\S+)", GRANT.read_text()).group(1)
    uk = dt.date.fromisoformat(start.strip("'\"")).strftime("%d/%m/%Y")
    [found] = problems(_replace_once(f"start: {start}", f"start: {uk}"))
    assert found.endswith(f"grant.funding_period.start: '{uk}': write dates as YYYY-MM-DD, "
                          f"for example {dt.date.fromisoformat(start.strip(chr(39) + chr(34))).isoformat()}")


def test_a_company_number_without_quotes_is_told_to_quote_it():
    def edit(text: str) -> str:
        return re.sub(r"(\n  legal_form: \w+\n)", r"\1  company_number: 01234567\n", text, count=1)
    [found] = problems(edit)
    assert "company_number: expected text, got the number 1234567: write it in quotes, e.g. \"01234567\"" in found


def test_a_choice_lists_the_allowed_values():
    [found] = problems(_replace_once("route: ", "route: grant_aid\n    # was: "))
    assert "grant.subsidy.route: 'grant_aid' is not one of the choices; choose one of: not_a_subsidy, " \
           "minimal_financial_assistance, assessed, scheme" in found


def test_text_too_long_gives_the_limit():
    found = problems(_replace_once("project_name: ", "project_name: " + "x" * 2001 + "\n  # was: "))
    assert any("grant.project_name: is too long: at most 2000 characters are allowed (this has 2001)" in p
               for p in found)


def test_lists_say_how_many_are_needed_or_allowed():
    short = plain({"type": "too_short", "ctx": {"min_length": 3, "actual_length": 2}, "input": []}, None)
    assert short == "needs at least 3 entries, this has 2"
    long = plain({"type": "too_long", "ctx": {"max_length": 20, "actual_length": 21}, "input": []}, None)
    assert long == "has too many entries: at most 20 are allowed, this has 21"


def test_the_walk_produced_the_plain_forms_for_lists():
    messages = {message for *_, message in walk()}
    assert any("has too many entries: at most 20 are allowed" in m for m in messages)  # alliance members
    assert any("needs at least 3 entries" in m for m in messages)
    assert any("needs at least one entry" in m for m in messages)


def test_an_error_type_no_handler_knows_is_still_plain():
    message = plain({"type": "a_future_type", "input": "x", "msg": "Input should be something"}, None)
    assert message == "is not valid here (got 'x'); see the field's description in `partnerdraft new`"


def test_numeric_choices_are_listed_too():
    message = plain({"type": "literal_error", "ctx": {"expected": "1, 2 or 3"}, "input": 5}, None)
    assert message == "5 is not one of the choices; choose one of: 1, 2, 3"


def test_own_validators_lose_the_library_prefix():
    message = plain({"type": "value_error", "ctx": {"error": ValueError("two parties share the short name X")},
                     "msg": "Value error, two parties share the short name X", "input": {}}, None)
    assert message == "two parties share the short name X"
