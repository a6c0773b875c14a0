"""Validation errors in a commissioner's words: what is wrong and how to write it.

pydantic words its errors for programmers ("String should match pattern '^[A-Z]...'", "Input should
be a valid string", "Value error, ..."). A term sheet is written by someone who knows the deal, not
regular expressions or Python types, so each error is rewritten from its type and the field's own
constraints and description: the translation is general, not one message per field, so a new field
gets plain messages without code. `plain()` never returns pydantic's wording; a test walks every
field of every family model with bad values of each kind to hold it to that.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from decimal import Decimal
from typing import Any, Callable, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

DATE_FORMAT = "write dates as YYYY-MM-DD"
_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")  # 31/10/2020, 31.10.2020, 31-10-2020
_ISO = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$")
_DIGITS_HINT = re.compile(r"(?<!or )\b(\d+) digits\b")  # "8 digits", not "6 or 7 digits"
_LIBRARY_PREFIXES = ("Value error, ", "Assertion failed, ")


def plain(err: dict[str, Any], field: FieldInfo | None) -> str:
    """The message for one pydantic error; `field` is the field it is about, when known."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if value is None and "input" in err and kind not in _NOT_ABOUT_THE_VALUE:
        return f"is empty: {_needed(kind, field) or _what_to_write(kind, ctx)}"
    handler = _HANDLERS.get(kind)
    if handler is not None:
        return handler(value, ctx, field)
    for prefix, family in _FAMILIES:
        if kind.startswith(prefix):
            return family(value, ctx, field)
    return _fallback(err)


_NOT_ABOUT_THE_VALUE = {"missing", "value_error", "assertion_error", "extra_forbidden"}


def _needed(kind: str, field: FieldInfo | None) -> str:
    """For an empty figure, date or form-bound text that cannot be left open: why it is needed and
    how to write it. Texts left empty become placeholders instead (termsheet/empty.py); figures and
    dates feed the checks (sums against the maximum, dates against the term), so they cannot."""
    if field is None:
        return ""
    unit = _unit(field)
    if kind.startswith("decimal") and unit == "GBP":
        return "this amount is needed for the draft and the checks on its sums: write it in pounds, e.g. 12500"
    if kind.startswith("decimal") and unit == "%":
        return "this percentage is needed for the draft and the checks on it: write it as a number, e.g. 12.5"
    if kind.startswith(("int", "decimal", "float")):
        return "this figure is needed for the draft and the checks on it: write it as a number, e.g. 12"
    if kind.startswith("date"):
        return ("this date is needed for the draft and the checks on its dates: write it as YYYY-MM-DD, "
                "e.g. 2027-03-31")
    if kind.startswith("string") and field.description:
        return f"this is needed (other parts of the draft are built from it): {field.description}"
    return ""


def _unit(field: FieldInfo) -> str:
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    for meta in field.metadata:
        if isinstance(getattr(meta, "json_schema_extra", None), dict):
            extra = {**extra, **meta.json_schema_extra}
    return str(extra.get("unit", ""))


def _what_to_write(kind: str, ctx: dict) -> str:
    """For an empty value (`field:` with nothing after it): what belongs there."""
    if kind in ("literal_error", "enum"):
        return f"choose one of: {', '.join(_options(ctx))}"
    for prefix, what in (("date", f"{DATE_FORMAT}, for example 2020-10-31"), ("int", "write a whole number, e.g. 12"),
                         ("float", "write a number, e.g. 12.5"), ("decimal", "write a number, e.g. 12.5"),
                         ("bool", "write true or false"), ("string", "write the text"),
                         ("list", "write each entry on its own line, indented and starting with '- '"),
                         ("model", "give its fields, indented under it"), ("dict", "give its fields, indented under it")):
        if kind.startswith(prefix):
            return what
    return "give a value, or leave the field out if it is optional"


# --- one function per kind of mistake -------------------------------------------------------------

def _own(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    """A validator of ours raised ValueError/AssertionError: its text is already plain."""
    error = ctx.get("error")
    text = str(error) if error is not None else ""
    for prefix in _LIBRARY_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text or "is not valid here"


def _text_expected(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    if isinstance(value, bool):
        return (f"expected text, got {shown(value)} (true and false without quotes are yes/no answers): "
                f"write it in quotes, e.g. \"{str(value).lower()}\"")
    if isinstance(value, (int, float, Decimal)):
        example = _quoted_example(value, field)
        loses = "any leading zero" if isinstance(value, int) else "any trailing zero"
        return (f"expected text, got the number {shown(value)}: write it in quotes, e.g. \"{example}\" "
                f"(without quotes it is read as a number, which drops {loses})")
    return f"expected text here, got {_kind_of(value)}"


def _too_short_text(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    least = ctx.get("min_length", 1)
    if least <= 1:
        return "must not be empty"
    return f"is too short: at least {least} characters are needed{_got(value)}"


def _too_long_text(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    limit = ctx.get("max_length")
    have = f" (this has {len(value)})" if isinstance(value, str) else ""
    return f"is too long: at most {limit} characters are allowed{have}"


def _pattern(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    how = _description(field)
    return f"{shown(value)} is not in the form this field needs" + (f": {how}" if how else "")


def _list_too_short(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    least, have = ctx.get("min_length", 1), ctx.get("actual_length")
    return f"needs at least {_count(least)}" + (f", this has {have}" if have is not None else "")


def _list_too_long(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    limit, have = ctx.get("max_length"), ctx.get("actual_length")
    return f"has too many entries: at most {limit} are allowed" + (f", this has {have}" if have is not None else "")


def _options(ctx: dict) -> list[str]:
    """The allowed values from pydantic's "'a', 'b' or 'c'" (numbers come unquoted: "1, 2 or 3")."""
    expected = str(ctx.get("expected", ""))
    return re.findall(r"'([^']*)'", expected) or [o for o in re.split(r", | or ", expected) if o]


def _choice(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    options = _options(ctx)
    hint = ""
    if isinstance(value, str):
        hint = did_you_mean(value, options)
    return f"{shown(value)} is not one of the choices{hint}; choose one of: {', '.join(options)}"


def _date(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    if isinstance(value, str) and (m := _DMY.match(value)):
        day, month, year = (int(g) for g in m.groups())
        try:
            example = dt.date(year, month, day).isoformat()
        except ValueError:
            return f"{shown(value)} is not a date in the calendar; {DATE_FORMAT}, for example 2020-10-31"
        return f"{shown(value)}: {DATE_FORMAT}, for example {example}"
    if isinstance(value, str) and _ISO.match(value):
        return f"{shown(value)} is not a date in the calendar: check the day and the month ({DATE_FORMAT})"
    return f"expected a date, got {shown(value)}; {DATE_FORMAT}, for example 2020-10-31"


def _whole_number(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    if isinstance(value, float) or isinstance(value, Decimal):
        return f"must be a whole number, without a fraction (got {shown(value)})"
    return f"expected a whole number, e.g. 12, got {shown(value)}"


def _number(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    return f"expected a number, e.g. 12.5, got {shown(value)}"


def _places(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    places = ctx.get("decimal_places", 2)
    return f"has too many decimal places: at most {places} are allowed, e.g. 1250.50 (got {shown(value)})"


def _digits(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    return f"is too large a number (at most {ctx.get('max_digits')} digits, got {shown(value)})"


def _at_least(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    bound = ctx.get("ge")
    if bound is not None and Decimal(str(bound)) == 0:
        return f"must not be negative (got {shown(value)})"
    return f"must be at least {shown(bound)} (got {shown(value)})"


def _more_than(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    bound = ctx.get("gt")
    if bound is not None and Decimal(str(bound)) == 0:
        return f"must be more than 0 (got {shown(value)})"
    return f"must be more than {shown(bound)} (got {shown(value)})"


def _at_most(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    return f"must be at most {shown(ctx.get('le'))} (got {shown(value)})"


def _less_than(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    return f"must be less than {shown(ctx.get('lt'))} (got {shown(value)})"


def _yes_no(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    return f"expected true or false, got {shown(value)}"


def _list(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    return (f"expected a list, got {_kind_of(value)}: write each entry on its own line, "
            "indented and starting with '- '")


def _mapping(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    return (f"expected a group of fields (name: value lines indented under this one), "
            f"got {_kind_of(value)}")


def _missing(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    needed = _needed(_kind_of_field(field), field) if field is not None else ""
    return f"is missing: {needed}" if needed else "required field is missing"


def _kind_of_field(field: FieldInfo) -> str:
    """The error-type prefix a value of this field would give: 'decimal', 'date', 'int' or ''."""
    import datetime as _dt
    from decimal import Decimal as _Decimal

    annotation = field.annotation
    for t in (annotation, *get_args(annotation)):
        if t is _Decimal:
            return "decimal"
        if t is _dt.date:
            return "date"
        if t is int:
            return "int"
    return ""


def _none_allowed_here(value: Any, ctx: dict, field: FieldInfo | None) -> str:
    return "must not be empty: give a value or leave the field out"


_HANDLERS: dict[str, Callable[[Any, dict, FieldInfo | None], str]] = {
    "value_error": _own,
    "assertion_error": _own,
    "missing": _missing,
    "string_type": _text_expected,
    "string_sub_type": _text_expected,
    "string_too_short": _too_short_text,
    "string_too_long": _too_long_text,
    "string_pattern_mismatch": _pattern,
    "too_short": _list_too_short,
    "too_long": _list_too_long,
    "literal_error": _choice,
    "enum": _choice,
    "int_from_float": _whole_number,
    "decimal_max_places": _places,
    "decimal_max_digits": _digits,
    "decimal_whole_digits": _digits,
    "greater_than_equal": _at_least,
    "greater_than": _more_than,
    "less_than_equal": _at_most,
    "less_than": _less_than,
    "list_type": _list,
    "tuple_type": _list,
    "set_type": _list,
    "dict_type": _mapping,
    "model_type": _mapping,
    "model_attributes_type": _mapping,
    "none_required": _none_allowed_here,
}

# Error types that come in families (date_parsing, date_type, date_from_datetime_inexact, ...).
_FAMILIES: list[tuple[str, Callable[[Any, dict, FieldInfo | None], str]]] = [
    ("date", _date),
    ("datetime", _date),
    ("int_", _whole_number),
    ("float_", _number),
    ("decimal_", _number),
    ("bool_", _yes_no),
]


def _fallback(err: dict[str, Any]) -> str:
    """An error type no handler knows (a newer pydantic, a new kind of field): say so plainly."""
    return f"is not valid here (got {shown(err.get('input'))}); see the field's description in `partnerdraft new`"


# --- finding the field an error is about ---------------------------------------------------------

def describe(err: dict[str, Any], model_class: Any) -> str:
    """One pydantic error about `model_class` in plain words; an unknown field gets a did-you-mean."""
    loc = tuple(err["loc"])
    if err["type"] == "extra_forbidden":
        allowed = fields_at(model_class, loc[:-1])
        return f"unknown field {loc[-1]!r}{did_you_mean(str(loc[-1]), allowed)}"
    return plain(err, field_at(model_class, loc))


def field_at(model_class: Any, loc: tuple) -> FieldInfo | None:
    """The field `loc` points at (a list item's own constraints when it ends in an index), so a
    message can use the field's description and constraints; None when it cannot be found."""
    field: FieldInfo | None = None
    annotation: Any = model_class
    for part in loc:
        if isinstance(part, int):
            item = item_of(annotation)
            if item is None:
                return None
            annotation = item
            own = FieldInfo.from_annotation(item)
            if field is not None and not own.description:
                own.description = field.description
            field = own
            continue
        model = model_in(annotation)
        field = getattr(model, "model_fields", {}).get(part) if model else None
        if field is None:
            return None
        annotation = field.annotation
    return field


def item_of(annotation: Any) -> Any:
    """X for list[X] (also inside Optional); None if the annotation holds no list."""
    if get_origin(annotation) in (list, tuple, set):
        args = get_args(annotation)
        return args[0] if args else Any
    for arg in get_args(annotation):
        if get_origin(arg) in (list, tuple, set):
            return item_of(arg)
    return None


def fields_at(model_class: Any, loc: tuple) -> list[str]:
    """Field names of the model found by walking `loc` (list indexes skipped)."""
    current = model_class
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        current = model_in(field.annotation) if field else None
    return list(getattr(current, "model_fields", {}) or [])


def model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = model_in(arg)
        if found:
            return found
    return None


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --- helpers --------------------------------------------------------------------------------------

def shown(value: Any) -> str:
    """A value as the user typed it in YAML: true, 12.5, 'text'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return repr(value)
    return _kind_of(value)


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "nothing"
    return shown(value)


def _got(value: Any) -> str:
    return f" (got {shown(value)})" if value is not None else ""


def _count(n: int) -> str:
    return "one entry" if n == 1 else f"{n} entries"


def _description(field: FieldInfo | None) -> str:
    """The field's description as the end of a sentence: "Financial year, e.g. '2025/26'" becomes
    "financial year, e.g. '2025/26'." (a name or an abbreviation keeps its capital)."""
    text = (field.description or "").strip() if field else ""
    if not text:
        return ""
    first, second = (text.split() + [""])[:2]
    if first[1:].islower() and not second[:1].isupper():  # not "FCA ..." or "Companies House ..."
        text = text[0].lower() + text[1:]
    return text if text.endswith(".") else text + "."


def _quoted_example(value: Any, field: FieldInfo | None) -> str:
    """The number as text, with the leading zeros the field's pattern or description calls for
    ("8 digits": 1234567 -> 01234567)."""
    digits = format(value, "f") if isinstance(value, Decimal) else str(value)
    pattern = _pattern_of(field)
    if pattern and digits.isdigit():
        for width in range(len(digits), 13):
            try:
                if re.fullmatch(pattern, digits.zfill(width)):
                    return digits.zfill(width)
            except re.error:  # a pattern in pydantic's (Rust) dialect, e.g. \p{L}: no digits to learn
                break
    if digits.isdigit() and field is not None and (hint := _DIGITS_HINT.search(field.description or "")):
        return digits.zfill(int(hint.group(1)))
    return digits


def _pattern_of(field: FieldInfo | None) -> str | None:
    for item in getattr(field, "metadata", None) or ():
        pattern = getattr(item, "pattern", None)
        if isinstance(pattern, str):
            return pattern
    return None
