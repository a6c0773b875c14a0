"""`library check`: every cross-reference cites the clause about its subject.

"Evidence of the insurance required by clause 31" sends the reader to clause 31; if clause 31 is
headed Liability, the reference is wrong even though it resolves. Whether a reference *resolves* is
checked on the clause files (`check._references`); whether it cites the *right* clause needs the
rendered text, because the words before a reference are often built from the term sheet. So this
check assembles every sample of every family and reads each reference in the document model.

The subjects come from the library itself: each clause and schedule heading is split into the
subjects it names ("Withholding, suspension and repayment" names three). Where the few words just
before a reference name one of those subjects and the cited clause's heading does not, the
reference is reported with the sample, the clause and the text. Defined terms are not read as
subjects: "the [[Grant]] set out in" names a defined thing, not a clause's subject.

A word that the library's headings use but the text uses loosely ("the terms of clause 9") is
declared general in `clauses/references.yaml`, and a phrase that is right although it names
another subject is allowed there, each with its reason, so the exception is data a lawyer reviews.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from assembler.errors import Problem, UserError
from assembler.library.catalogue import Catalogue
from assembler.library.clausefile import ClauseFile
from assembler.library.samples import Draft, sample_drafts
from assembler.model import Document, Inline, Paragraph, Ref, Text

DATA_FILE = "references.yaml"
DEFINITION = "definition of "
LEAD_WORDS = 6  # how far back from a reference its subject can be named
_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
_BOUNDARY = re.compile(r"[.;:,()\n]")  # a subject is named in the same phrase as the reference
_SPLIT = re.compile(r",|/|&|\band\b", re.I)  # one heading, several subjects
_LEADING = {"the", "a", "an"}


Subject = tuple[str, ...]


@dataclass(frozen=True)
class Mismatch:
    """A reference whose lead-in names `subject` while the cited heading does not."""

    clause: str  # id of the clause (or "definition of X") holding the reference
    target: str
    subject: str
    text: str  # the lead-in and the reference as printed
    heading: str  # the cited clause's heading as printed, e.g. "clause 31 (Liability)"


def stem(word: str) -> str:
    """A plural's singular, enough to match "payments" with "Payment" (not a linguist's stemmer)."""
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1].lower()  # KPIs, MOUs
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text)]


def subjects_of(heading: str) -> list[Subject]:
    """The subjects one heading names: its parts between commas, slashes and "and"."""
    out = []
    for part in _SPLIT.split(heading):
        ws = words(part)
        while ws and ws[0] in _LEADING:
            ws = ws[1:]
        if ws:
            out.append(tuple(ws))
    return out


def vocabulary(headings: Iterable[str], general: Iterable[str] = ()) -> set[Subject]:
    """Every subject the library's headings name, less those declared general."""
    loose = {tuple(words(g)) for g in general}
    return {s for h in headings for s in subjects_of(h)} - loose


def names(heading: str, subject: Subject) -> bool:
    """Does the heading name the subject: every word of it (plurals aside), or its initials
    ("KPIs" names key performance indicators)?"""
    said = set(words(heading))
    return set(subject) <= said or (len(subject) > 1 and "".join(w[0] for w in subject) in said)


def lead_in(inlines: list[Inline], index: int) -> str:
    """The plain words just before inlines[index], back to punctuation, another reference or a
    defined term (each of which starts a new phrase)."""
    parts: list[str] = []
    for inline in reversed(inlines[:index]):
        if not isinstance(inline, Text):
            break
        pieces = _BOUNDARY.split(inline.text)
        parts.append(pieces[-1])
        if len(pieces) > 1:
            break
    return "".join(reversed(parts))


def found_in(lead: str, vocab: set[Subject]) -> list[Subject]:
    """Subjects named by the last few words of a lead-in, longest first, none inside another."""
    ws = words(lead)[-LEAD_WORDS:]
    hits = [s for s in vocab
            if any(tuple(ws[i:i + len(s)]) == s for i in range(len(ws) - len(s) + 1))]
    hits.sort(key=lambda s: (-len(s), s))
    kept: list[Subject] = []
    for s in hits:
        if not any(_inside(s, k) for k in kept):
            kept.append(s)
    return kept


def _inside(small: Subject, big: Subject) -> bool:
    return any(big[i:i + len(small)] == small for i in range(len(big) - len(small) + 1))


def _sequences(doc: Document):
    """(where, inlines) for every run of text that can hold a reference. Definitions come first,
    named by their term (the definitions clause prints the same inlines again: those are skipped
    by the caller), so a finding points at the `defines:` entry that holds it."""
    for definition in doc.definitions:
        yield f"{DEFINITION}{definition.term}", definition.inlines
    for clause in doc.all_clauses():
        for block in clause.blocks:
            if isinstance(block, Paragraph):
                yield clause.id, block.inlines
            else:
                for row in [block.header, *block.rows]:
                    for cell in row:
                        yield clause.id, cell


def mismatches(doc: Document, vocab: set[Subject]) -> list[Mismatch]:
    """Every reference in the document whose lead-in names a subject its target's heading lacks."""
    clauses = {c.id: c for c in doc.all_clauses()}
    out = []
    seen: set[int] = set()
    for where, inlines in _sequences(doc):
        for i, inline in enumerate(inlines):
            if not isinstance(inline, Ref) or id(inline) in seen:
                continue
            seen.add(id(inline))
            target = clauses.get(inline.target.split("#")[0])
            if target is None:
                continue
            lead = lead_in(inlines, i)
            for subject in found_in(lead, vocab):
                if not names(target.title, subject):
                    cited = inline.prefix + inline.label + inline.suffix
                    out.append(Mismatch(where, inline.target, " ".join(subject),
                                        f"{lead.strip()} {cited}".strip(), f"{cited} ({target.title})"))
    return out


@dataclass(frozen=True)
class Exceptions:
    """What clauses/references.yaml declares: general words, and allowed (clause, target, subject)."""

    general: tuple[str, ...] = ()
    allowed: frozenset[tuple[str, str, str]] = frozenset()


def read_exceptions(catalogue: Catalogue) -> tuple[Exceptions, list[Problem]]:
    from assembler.termsheet.loader import load_file

    path = catalogue.paths.clauses / DATA_FILE
    if not path.is_file():
        return Exceptions(), []
    try:
        data: Any = load_file(path).data
    except UserError as e:
        return Exceptions(), list(e.problems)
    problems = []
    general = []
    for i, entry in enumerate(data.get("general") or []):
        if not isinstance(entry, dict) or not entry.get("word") or not entry.get("reason"):
            problems.append(Problem("each entry needs a word and a reason", str(path), None, f"general[{i}]"))
        else:
            general.append(str(entry["word"]))
    allowed = set()
    for i, entry in enumerate(data.get("allow") or []):
        keys = ("clause", "target", "subject", "reason")
        if not isinstance(entry, dict) or not all(entry.get(k) for k in keys):
            problems.append(Problem(f"each entry needs {', '.join(keys)}", str(path), None, f"allow[{i}]"))
        else:
            allowed.add((str(entry["clause"]), str(entry["target"]), " ".join(words(str(entry["subject"])))))
    return Exceptions(tuple(general), frozenset(allowed)), problems


def check_references(catalogue: Catalogue, drafts: list[Draft] | None = None) -> list[Problem]:
    """Report each reference in the samples' drafts that cites a clause about another subject:
    once per place in the library, naming the samples whose drafts show it."""
    exceptions, problems = read_exceptions(catalogue)
    vocab = vocabulary((f.header.title for f in catalogue.files), exceptions.general)
    used: set[tuple[str, str, str]] = set()
    found: dict[tuple, tuple[Mismatch, list[str]]] = {}
    for sample, doc in sample_drafts(catalogue) if drafts is None else drafts:
        if isinstance(doc, Problem):
            problems.append(Problem(f"the sample does not assemble, so its references cannot be checked: "
                                    f"{doc}", str(sample)))
            continue
        for m in mismatches(doc, vocab):
            source, field = source_of(m, doc, catalogue)
            key = (source.id if source else m.clause, m.target.split("#")[0], m.subject)
            if key in exceptions.allowed:
                used.add(key)
                continue
            drafts = found.setdefault((*_where(m, source, field), m.target, m.subject), (m, []))[1]
            if (name := f"{sample.parent.name}/{sample.name}") not in drafts:
                drafts.append(name)
    for (path, line, field, *_), (m, drafts) in found.items():
        problems.append(Problem(f"[[ref:{m.target}]]: \"{m.text}\" names {m.subject}, but cites "
                                f"{m.heading} (in the draft of {', '.join(drafts)}); cite the clause "
                                f"about {m.subject}, or reword", path, line, field))
    data = str(catalogue.paths.clauses / DATA_FILE)
    for clause, target, subject in sorted(exceptions.allowed - used):
        problems.append(Problem(f"allows {subject!r} before a reference from {clause} to {target}, but no "
                                f"sample's draft has that reference: remove the entry", data, None, "allow"))
    return problems


def _where(m: Mismatch, source: ClauseFile | None, field: str | None) -> tuple[str | None, int | None, str | None]:
    """(file, line, field) of the reference in the clause file, where the fix is made."""
    if source is None:
        return None, None, None
    line = None
    if field == "body":
        at = re.search(re.escape(f"[[ref:{m.target}]]"), source.body, re.I)  # [[Ref:...]] too
        line = source.body_line + source.body.count("\n", 0, at.start()) if at else None
    return str(source.path), line, field


def source_of(m: Mismatch, doc: Document, catalogue: Catalogue) -> tuple[ClauseFile | None, str | None]:
    """The clause file (and the part of it) that printed the reference."""
    if m.clause.startswith(DEFINITION):
        term = m.clause[len(DEFINITION):]
        f = catalogue.terms(doc.family).get(term)
        return f, f"defines.{term}"
    clause = next((c for c in doc.all_clauses() if c.id == m.clause), None)
    for f in catalogue.by_id().get(m.clause, []):
        if clause is None or f.header.variant == clause.variant:
            return f, "body"
    return None, None
