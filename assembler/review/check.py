"""`library check` for the review pack's data in each manifest: key terms and recommended ranges
must parse, name only fields the family's term sheet has, and name figures that exist."""

from __future__ import annotations

from jinja2 import TemplateSyntaxError

from assembler.errors import LibraryError, Problem
from assembler.library.catalogue import Catalogue
from assembler.library.fields import unknown_fields, unwrap


def check_review_data(cat: Catalogue) -> list[Problem]:
    out = []
    for family, manifest in cat.manifests.items():
        where = str(cat.paths.manifest(family))
        try:
            model = manifest.model_class()
        except LibraryError:
            continue  # reported with the manifest
        sources = [(f"key_terms[{i}].value", t.value) for i, t in enumerate(manifest.key_terms)]
        for i, entry in enumerate(manifest.recommended):
            if entry.when:
                sources.append((f"recommended[{i}].when", "{{ " + entry.when + " }}"))
            if entry.value:
                sources.append((f"recommended[{i}].value", entry.value))
            for bound in ("min", "max"):
                figure = getattr(entry, bound)
                if isinstance(figure, str) and not isinstance(cat.figures.get(figure), dict):
                    out.append(Problem(f"names figure {figure!r}, which clauses/figures.yaml does not define",
                                       where, None, f"recommended[{i}].{bound}"))
            if entry.field and not entry.field.startswith("positions.") and not _has_path(model, entry.field):
                out.append(Problem(f"names field {entry.field!r}, which the {family} term sheet does not have",
                                   where, None, f"recommended[{i}].field"))
        for field, source in sources:
            try:
                unknown = unknown_fields(source, model, family)
            except TemplateSyntaxError as e:
                out.append(Problem(f"template syntax error: {e.message}", where, None, field))
                continue
            for name, _, close in sorted(set(unknown)):
                hint = f" (did you mean {close!r}?)" if close else ""
                out.append(Problem(f"uses {name!r}, which the {family} term sheet does not have{hint}",
                                   where, None, field))
    return out


def _has_path(model, path: str) -> bool:
    current = model
    for part in path.split("."):
        each = part.endswith("[]")
        name = part[:-2] if each else part
        fields = getattr(current, "model_fields", None)
        if fields is None or name not in fields:
            return False
        current = unwrap(fields[name].annotation)
        if each:
            if not (isinstance(current, tuple) and current[0] == "list"):
                return False
            current = current[1]
    return True
