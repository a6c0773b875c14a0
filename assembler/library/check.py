"""`partnerdraft library check`: the library checks itself, the way sqlfluff checks its rules.

Unique ids, valid headers, one standard per position, parsable conditions and text, every field a
clause uses present in the family model, every term defined once, every reference resolvable, every
clause used by a manifest, and (over every sample's draft) every reference citing the clause about
the subject its words name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from jinja2 import TemplateSyntaxError

from assembler.errors import LibraryError, Problem
from assembler.library.catalogue import Catalogue
from assembler.library.clausefile import ClauseFile
from assembler.library.extent import check_extent
from assembler.library.fields import unknown_fields
from assembler.library.notes import check_notes
from assembler.library.placeholders import check_placeholders
from assembler.render.jinja import environment

MARK = re.compile(r"\[\[(.+?)\]\]")


def check_library(catalogue: Catalogue) -> list[Problem]:
    problems = list(catalogue.faults)
    for check in (_ids, _folders, _positions, _templates, _terms, _references, _manifests, _fields, check_placeholders, check_notes, check_extent):
        problems.extend(check(catalogue))
    from assembler.review.check import check_review_data  # the review pack's data in manifests

    problems.extend(check_review_data(catalogue))
    from assembler.library.choices import check_choices  # the positions the commissioner decides

    problems.extend(check_choices(catalogue))
    if not problems:  # the samples assemble only from a sound library
        from assembler.library.references import check_references  # each reference cites its subject
        from assembler.library.samples import sample_drafts
        from assembler.library.terms import check_unused_terms  # every defined term is used

        drafts = sample_drafts(catalogue)
        problems.extend(check_references(catalogue, drafts))
        problems.extend(check_unused_terms(catalogue, drafts))
    return list(dict.fromkeys(problems))  # one report per fault, in order


def _p(f: ClauseFile, message: str, field: str | None = None, line: int | None = None) -> Problem:
    return Problem(message, str(f.path), line, field)


def _ids(cat: Catalogue) -> list[Problem]:
    seen = Counter((f.id, f.header.variant) for f in cat.files)
    out = []
    for f in cat.files:
        if seen[(f.id, f.header.variant)] > 1:
            out.append(_p(f, f"id {f.id!r} (variant {f.header.variant or 'none'}) is defined by more than one file", "id"))
    return out


def _folders(cat: Catalogue) -> list[Problem]:
    out = []
    for f in cat.files:
        folder = f.path.relative_to(cat.paths.clauses).parts[0]
        if f.family != folder:
            out.append(_p(f, f"id {f.id!r} should start with the folder name '{folder}.'", "id"))
        if folder != "common" and folder not in cat.manifests:
            out.append(_p(f, f"folder {folder!r} is not a family with a manifest in templates/"))
    return out


def _positions(cat: Catalogue) -> list[Problem]:
    out = []
    by_id: dict[str, list[ClauseFile]] = defaultdict(list)
    for f in cat.files:
        by_id[f.id].append(f)
    for clause_id, files in by_id.items():
        positioned = {f.header.position for f in files}
        if len(files) > 1 and (None in positioned or len(positioned) > 1):
            out.append(_p(files[0], f"{clause_id!r} has several files; each must be a variant of one position", "position"))
    for name, position in cat.positions().items():
        standards = [v for v, fs in position.variants.items() if any(f.header.standard for f in fs)]
        first = next(iter(position.variants.values()))[0]
        if len(standards) != 1:
            out.append(_p(first, f"position {name!r} needs exactly one standard variant, has {len(standards)}"
                                 f" ({', '.join(standards) or 'none'})", "standard"))
        for variant, fs in position.variants.items():
            for f in fs:
                if not f.header.note:
                    out.append(_p(f, f"variant {variant!r} of position {name!r} needs a drafting note saying when to choose it", "note"))
    return out


def _templates(cat: Catalogue) -> list[Problem]:
    out = []
    env = environment()
    for f in cat.files:
        pieces = [("body", f.body, f.body_line), *((f"defines.{t}", d, 2) for t, d in f.header.defines.items())]
        if f.header.note:
            pieces.append(("note", f.header.note, 2))
        for field, source, line in pieces:
            try:
                env.parse(source)
            except TemplateSyntaxError as e:
                out.append(_p(f, f"template syntax: {e.message}", field, line + (e.lineno or 1) - 1))
        if f.header.when:
            try:
                env.compile_expression(f.header.when)
            except TemplateSyntaxError as e:
                out.append(_p(f, f"`when` does not parse: {e.message}", "when", 2))
    return out


def _marks(f: ClauseFile) -> list[tuple[str, str, int | None]]:
    """(where, mark, file line) for every [[...]] in the body and the definitions."""
    found = [("body", m.group(1), f.body_line + f.body.count("\n", 0, m.start()))
             for m in MARK.finditer(f.body)]
    for term, text in f.header.defines.items():
        found += [(f"defines.{term}", m, None) for m in MARK.findall(text)]
    return found


def _scope(f: ClauseFile, cat: Catalogue) -> list[str]:
    """Families a clause can appear in: its own, or every family for a common clause."""
    return sorted(cat.manifests) if f.family == "common" else [f.family]


def _terms(cat: Catalogue) -> list[Problem]:
    out = []
    definers: dict[str, list[ClauseFile]] = defaultdict(list)
    for f in cat.files:
        for term in f.header.defines:
            definers[term].append(f)
    for term, files in definers.items():
        variants = {(f.id, f.header.position) for f in files}
        if len(variants) > 1:
            names = ", ".join(sorted({f.id for f in files}))
            out.append(_p(files[0], f"the term {term!r} is defined by more than one clause ({names})", "defines"))
    terms = {family: cat.terms(family) for family in cat.manifests}  # once, not once per mark
    for f in cat.files:
        for where, mark, line in _marks(f):
            name = mark.split("|")[0].strip()
            if name[:1] in "?_@#" or name.lower().startswith("ref:") or name in ("definitions", "survivors", "third-party-rights"):
                continue
            families = _scope(f, cat)
            missing = [fam for fam in families if name not in terms[fam]]
            if missing:
                out.append(_p(f, f"[[{name}]] is not defined in the library (for {', '.join(missing)})", where, line))
    return out


def _references(cat: Catalogue) -> list[Problem]:
    out = []
    by_id = cat.by_id()
    for f in cat.files:
        for where, mark, line in _marks(f):
            if mark[:4].lower() != "ref:":
                continue
            target, _, anchor = mark[4:].strip().partition("#")
            if target not in by_id:
                out.append(_p(f, f"[[{mark}]] points at {target!r}, which no clause file defines", where, line))
            elif anchor and (lacking := [t for t in ([f] if f.id == target else by_id[target])
                                         if f"[[#{anchor}]]" not in t.body]):
                # Any variant may be chosen, so every variant must carry the anchor (a variant
                # referring to itself needs it only in itself).
                names = ", ".join(t.path.name for t in lacking)
                out.append(_p(f, f"[[{mark}]]: {names} has no paragraph marked [[#{anchor}]]", where, line))
            else:
                families = {t.family for t in by_id[target]}
                if f.family != "common" and not families & {f.family, "common"}:
                    out.append(_p(f, f"[[{mark}]] points outside the {f.family} family", where))
        for where, mark, line in _marks(f):
            if mark.startswith("@"):
                for family in _scope(f, cat):
                    manifest = cat.manifests[family]
                    if f.id in manifest.entries and mark[1:] not in manifest.parties:
                        out.append(_p(f, f"[[{mark}]]: the {family} family has no party role {mark[1:]!r}", where, line))
    return out


def _manifests(cat: Catalogue) -> list[Problem]:
    out = []
    by_id = cat.by_id()
    used = set()
    for family, manifest in cat.manifests.items():
        where = str(cat.paths.manifest(family))
        for section, ids in manifest.sections:
            expected = {"recitals": "recital", "clauses": "clause", "schedules": "schedule"}[section]
            for clause_id in ids:
                used.add(clause_id)
                files = by_id.get(clause_id)
                if not files:
                    out.append(Problem(f"lists {clause_id!r}, which no clause file defines", where, None, section))
                    continue
                for f in files:
                    if f.header.kind != expected:
                        out.append(_p(f, f"is kind {f.header.kind!r} but the {family} manifest lists it under {section}", "kind"))
                    if f.family not in (family, "common"):
                        out.append(Problem(f"lists {clause_id!r} from another family", where, None, section))
        dupes = [i for i, n in Counter(manifest.entries).items() if n > 1]
        for clause_id in dupes:
            out.append(Problem(f"lists {clause_id!r} more than once", where))
        try:
            manifest.model_class()
            rules = manifest.rules_module()
        except (LibraryError, AttributeError) as e:  # AttributeError: the model class is not in its module
            out.append(Problem(f"model or rules cannot be loaded: {e}", where))
        else:
            if not hasattr(rules, "RULES"):
                out.append(Problem(f"model or rules cannot be loaded: module {manifest.rules!r} has no RULES", where))
        if not (cat.paths.samples / manifest.starter).is_file():
            out.append(Problem(f"starter sample {manifest.starter!r} does not exist under samples/", where, None, "starter"))
    for f in cat.files:
        if f.id not in used and not set(f.header.aliases) & used:
            out.append(_p(f, f"{f.id!r} is not used by any family manifest", "id"))
    return out


def _fields(cat: Catalogue) -> list[Problem]:
    out = []
    for f in cat.files:
        for family in _scope(f, cat):
            manifest = cat.manifests[family]
            if f.id not in manifest.entries:
                continue
            try:
                model = manifest.model_class()
            except LibraryError:
                continue
            sources = [("body", f.body), *((f"defines.{t}", d) for t, d in f.header.defines.items())]
            if f.header.when:
                sources.append(("when", "{{ " + f.header.when + " }}"))
            if f.header.note:
                sources.append(("note", f.header.note))
            for where, source in sources:
                try:
                    unknown = unknown_fields(source, model, family)
                except TemplateSyntaxError:
                    continue  # reported by _templates
                for name, line, close in sorted(set(unknown)):
                    hint = f" (did you mean {close!r}?)" if close else ""
                    at = f.body_line + line - 1 if where == "body" else None
                    out.append(_p(f, f"uses {name!r}, which the {family} term sheet does not have{hint}",
                                  where, at))
    return out


# Survival said anywhere but the shared survival sub-clause makes a second list that drifts from the
# first (the reviewers found an alliance's term clause and its general clause naming different
# clauses). A clause that survives says so in its header (`survives: true`); one that must point at
# the list refers to it.
_SURVIVAL = re.compile(r"\bsurviv\w*|\bcontinues? (?:in force |to apply |to have effect )?after "
                       r"(?:this \[\[Agreement\]\]|it|the end)\b|\bintended to continue\b", re.I)
_ANCHOR_MARK = re.compile(r"\[\[#[^\]]*\]\]")
_SURVIVAL_HOME = "common.general"


def library_warnings(catalogue: Catalogue, drafts=None) -> list[Problem]:
    """What `library check` reports without failing: wording a lawyer would query that the library
    can still assemble (survival stated outside the survival clause; drafting notes that call a
    party by a role name the draft does not define)."""
    out = _survival_outside_home(catalogue)
    if drafts is None:
        from assembler.library.samples import sample_drafts

        drafts = sample_drafts(catalogue)
    from assembler.library.notes import undefined_roles
    from assembler.model import Document

    for sample, doc in drafts:
        if isinstance(doc, Document):
            out += [Problem(message, str(sample), None, "drafting notes") for message in undefined_roles(doc)]
    return list(dict.fromkeys(out))


def _survival_outside_home(cat: Catalogue) -> list[Problem]:
    """Each paragraph outside the survival sub-clause that says what continues after the end, unless
    it is the list itself (an offer letter's `[[survivors]]`) or points at the sub-clause."""
    out = []
    for f in cat.files:
        if f.id == _SURVIVAL_HOME:
            continue
        for n, paragraph in enumerate(f.body.split("\n")):
            said = _SURVIVAL.search(_ANCHOR_MARK.sub("", paragraph))
            if not said or "[[survivors]]" in paragraph or f"ref:{_SURVIVAL_HOME}#survival" in paragraph:
                continue
            words = " ".join(paragraph[max(0, said.start() - 40): said.end() + 40].split())
            out.append(_p(f, "says what continues after the agreement ends outside the survival sub-clause "
                             f"(...{words}...); mark the clauses that survive `survives: true` and refer to "
                             f"[[ref:{_SURVIVAL_HOME}#survival]] instead", "body", f.body_line + n))
    return out
