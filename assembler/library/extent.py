"""England-only law in a draft for Wales: part of `library check`.

England and Wales are one jurisdiction, but the statutes these agreements cite often are not shared:
the Care Act 2014's safeguarding duties, the Localism Act 2011's general power of competence and the
Children Act 2004 s.11 apply in England, and Wales has its own. `clauses/law.yaml` marks such an
instrument `england_only: true` and lists under `cites` the words a clause uses to cite it. A clause
that cites one must give a Welsh draft something else: the citation sits in a branch of
`{% if ... %}` that a Welsh draft does not take (a test on `document.wales` or `document.country`),
or the file's `when:` leaves Welsh drafts out. Anything else is a fault, reported at its file line.

The check reads the file's text (body, note and definitions; not `sources:`, which list the lawyer's
references and may name both laws) and follows the if/elif/else tags around each citation. A branch
is left out of Welsh drafts when a condition that tests the country says so: it is evaluated with the
country set to Wales and every other name undefined (false), so `document.wales and x` is read as
false, which errs towards reporting.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from jinja2 import ChainableUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assembler.errors import Problem

_COUNTRY = re.compile(r"\bdocument\.(?:wales|country)\b")
_TAG = re.compile(r"\{%-?\s*(if|elif|else|endif)\b(.*?)-?%\}", re.S)
_WALES = SimpleNamespace(wales=True, country="wales")
_ENV = ImmutableSandboxedEnvironment(undefined=ChainableUndefined)


def england_only(law: dict) -> list[tuple[str, dict]]:
    """(name, entry) of each instrument the law table marks as England-only and says how it is cited."""
    return [(name, entry) for name, entry in law.items() if entry.get("england_only") and entry.get("cites")]


def check_extent(catalogue) -> list[Problem]:
    """Every citation of England-only law with no Welsh form, at its file line."""
    instruments = england_only(catalogue.law)
    if not instruments:
        return []
    out = []
    for f in catalogue.files:
        if f.header.when and _mentions_country(f.header.when) and not _true_in_wales(f.header.when):
            continue  # the whole clause is left out of Welsh drafts
        text = f.path.read_text(encoding="utf-8")
        for line, name, entry, cited in citations_without_welsh_form(text, instruments):
            out.append(Problem(
                f"cites {cited!r} ({entry['title']}: England only) with no form for Wales; put it under "
                f"{{% if not document.wales %}} and give the Welsh law in the other branch "
                f"({_counterpart(entry, catalogue.law)}), or leave Wales out with when:",
                str(f.path), line, _part(text, line)))
    return out


def citations_without_welsh_form(text: str, instruments) -> list[tuple[int, str, dict, str]]:
    """(line, instrument name, entry, words cited) for each citation that a Welsh draft would print."""
    skipped = _source_lines(text)
    events = _branches(text)
    found: dict[tuple[int, str, str], dict] = {}
    for name, entry in instruments:
        for cited in entry["cites"]:
            # a folded note or definition may break the words across lines
            pattern = re.compile(r"\s+".join(re.escape(word) for word in cited.split()), re.I)
            for m in pattern.finditer(text):
                at = m.start()
                line = text.count("\n", 0, at) + 1
                if line in skipped or _left_out_of_wales(events, at):
                    continue
                found[(line, name, cited)] = entry
    return [(line, name, entry, cited) for (line, name, cited), entry in sorted(found.items(), key=lambda x: x[0])]


def _branches(text: str) -> list[tuple[int, int, list[tuple[str, bool]]]]:
    """(start, end, conditions) of each if/elif/else branch: the conditions are (expression, must be
    true) pairs that hold inside the branch (the earlier branches' tests false, this one's true)."""
    spans = []
    stack: list[dict] = []
    for m in _TAG.finditer(text):
        kind, expr = m.group(1), m.group(2).strip()
        if kind == "if":
            stack.append({"start": m.end(), "conds": [(expr, True)], "previous": [expr]})
        elif not stack:
            continue  # an unbalanced tag: the template check reports it
        elif kind in ("elif", "else"):
            frame = stack[-1]
            spans.append((frame["start"], m.start(), frame["conds"]))
            negated = [(e, False) for e in frame["previous"]]
            frame["conds"] = negated + ([(expr, True)] if kind == "elif" else [])
            frame["previous"] = frame["previous"] + ([expr] if kind == "elif" else [])
            frame["start"] = m.end()
        else:  # endif
            frame = stack.pop()
            spans.append((frame["start"], m.start(), frame["conds"]))
    return spans


def _left_out_of_wales(spans, at: int) -> bool:
    """Whether some branch around the position cannot be taken in a Welsh draft."""
    for start, end, conds in spans:
        if start <= at < end:
            for expr, wanted in conds:
                if _mentions_country(expr) and _true_in_wales(expr) is not wanted:
                    return True
    return False


def _mentions_country(expr: str) -> bool:
    return bool(_COUNTRY.search(expr))


def _true_in_wales(expr: str) -> bool:
    try:
        return bool(_ENV.compile_expression(expr)(document=_WALES))
    except (TemplateSyntaxError, UndefinedError, TypeError, AttributeError):
        return True  # unreadable, or it needs more of the sheet than the country: treated as taken, so the citation is reported


def _source_lines(text: str) -> set[int]:
    """Lines of the header's `sources:` list: references for the lawyer, never printed in a draft."""
    lines = text.split("\n")
    out: set[int] = set()
    inside = False
    for n, line in enumerate(lines, start=1):
        if n > 1 and line.strip() == "---":
            break
        if line.startswith("sources:"):
            inside = True
            out.add(n)
        elif inside and (line.startswith("  ") or not line.strip()):
            out.add(n)
        else:
            inside = False
    return out


def _part(text: str, line: int) -> str:
    """'note', 'defines' or 'body': which part of the file the line is in, for the report."""
    lines = text.split("\n")
    end = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    if line > end:
        return "body"
    key = next((lines[i].split(":")[0] for i in range(line - 1, -1, -1) if re.match(r"^\w+:", lines[i])), "")
    return key or "header"


def _counterpart(entry: dict, law: dict) -> str:
    wales = str(entry.get("wales", "")).strip()
    return law[wales]["title"] if wales in law else wales or "the Welsh law"
