"""Defined terms a generated draft defines and never uses.

The definitions clause lists only terms the draft uses, so what can go unused is a term defined
elsewhere: a party's short name in the parties block ("Trust") that no clause ever calls that party,
and a term a clause defines in passing (`(the "Existing Parties")`). A lawyer strikes such a term on
first reading; `library check` finds it first in every sample's draft (`check_unused_terms`), and
`unused_terms(document)` in any one.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable

from assembler.errors import Problem
from assembler.model import Clause, Document, Paragraph, Table, Term, iter_inlines, plain_text

# A term defined in running text: ("Existing Parties") or (the "Alliance Agreement").
_INLINE_DEFINITION = re.compile(r'\((?:the |each |an? )?["“]([^"”]{2,60})["”]\)')


def check_unused_terms(catalogue, drafts=None) -> list[Problem]:
    """Every defined term a sample's draft never uses, reported against the sample (a sample that
    does not assemble is the references check's to report)."""
    from assembler.library.samples import sample_drafts

    return [Problem(message, str(sample), None, "defined terms")
            for sample, doc in (sample_drafts(catalogue) if drafts is None else drafts)
            if isinstance(doc, Document) for message in unused_terms(doc)]


def unused_terms(doc: Document, texts: list | None = None, body: str | None = None) -> list[str]:
    """Each defined term of the draft that nothing else in it uses, as a sentence naming where it is
    defined; empty for a clean draft. `texts` and `body` are the draft's clause texts and body text
    when the caller has them (`term_problems` gathers them once for all its checks)."""
    texts = _clause_texts(doc) if texts is None else texts
    body = _body_text(doc, texts) if body is None else body
    used = {i.name for c in doc.all_clauses() for i in iter_inlines(c.blocks) if isinstance(i, Term)}
    used |= {i.name for d in doc.definitions for i in d.inlines if isinstance(i, Term)}
    out = []
    for party in doc.parties:
        if party.short_name not in used and not _mentions(body, party.short_name):
            out.append(f"the parties block defines {party.short_name!r} for {party.name}, "
                       "but no clause uses it")
    for clause, clause_texts in texts:
        for text in clause_texts:
            for term in _INLINE_DEFINITION.findall(text):
                if len(_occurrences(body, term)) < 2:
                    out.append(f"{clause.id} defines {term!r} in its text, but nothing else uses it")
    return out


def _texts(blocks) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [plain_text(cell) for row in [block.header, *block.rows] for cell in row]
    return out


def _clause_texts(doc: Document) -> list[tuple[Clause, list[str]]]:
    """Each clause of the draft with its paragraphs' and cells' text, in the draft's order."""
    return [(clause, _texts(clause.blocks)) for clause in doc.all_clauses()]


def _body_text(doc: Document, texts: list | None = None) -> str:
    texts = _clause_texts(doc) if texts is None else texts
    parts = [t for _, clause_texts in texts for t in clause_texts]
    parts += [plain_text(d.inlines) for d in doc.definitions]
    return "\n".join(parts)


_WORD = re.compile(r"\w")


def _occurrences(text: str, term: str) -> list[int]:
    """Where `term` stands in `text` as a whole word (no letter or digit either side), left to right
    without overlaps, as a regular expression with a look-behind would find it; `str.find` does it
    without trying the look-behind at every character of a 50-page draft."""
    out, start = [], 0
    while term and (i := text.find(term, start)) >= 0:
        end = i + len(term)
        if (i == 0 or not _WORD.match(text, i - 1)) and not _WORD.match(text, end):
            out.append(i)
            start = end
        else:
            start = i + 1
    return out


def _mentions(text: str, term: str) -> bool:
    return bool(_occurrences(text, term))


# A term a clause defines in its text with "means": "Attributable Contribution" means ...
_MEANS_DEFINITION = re.compile(r'["“]([A-Z][^"”]{1,60})["”] means\b')


def term_problems(doc: Document) -> list[str]:
    """What a reader of the finished draft notices about its defined terms, each as a sentence: a
    term defined twice (in the definitions clause and again in a clause's text, or in two clauses),
    a term used in lower case after "the" where the capitalised term is defined ("the homes" beside
    "Homes"), and a term defined and never used. Read from the document model, so it holds for any
    sheet, not only the samples."""
    texts = _clause_texts(doc)
    body = _body_text(doc, texts)
    return [*_defined_twice(doc, texts), *_lower_case_uses(doc, body), *unused_terms(doc, texts, body)]


def _defined_twice(doc: Document, texts: list | None = None) -> list[str]:
    where: dict[str, list[str]] = {d.term: ["the definitions clause"] for d in doc.definitions}
    for clause, clause_texts in _clause_texts(doc) if texts is None else texts:
        for text in clause_texts:
            for term in {*_INLINE_DEFINITION.findall(text), *_MEANS_DEFINITION.findall(text)}:
                place = _place(clause)
                if place not in where.setdefault(term, []):
                    where[term].append(place)
    return [f"{term!r} is defined more than once: in {' and in '.join(places)}"
            for term, places in where.items() if len(places) > 1]


def _place(clause) -> str:
    kind = {"schedule": "Schedule", "recital": "the recitals"}.get(clause.kind, "clause")
    if clause.kind == "recital":
        return kind
    return f"{kind} {clause.number} ({clause.title})" if clause.number else clause.title


# Terms whose lower-case form has its own ordinary meaning in an agreement ("the law of England and
# Wales", "the parties to a dispute"), so a lower-case use is no sign of a missed defined term.
_ORDINARY = {"Agreement", "Law", "Party", "Parties"}


def _lower_case_uses(doc: Document, body: str | None = None) -> list[str]:
    body = _body_text(doc) if body is None else body
    own = {d.term: plain_text(d.inlines) for d in doc.definitions}
    terms = [term for term in sorted({*own, *(p.short_name for p in doc.parties)})
             if term.lower() != term and term[:1].isupper() and term not in _ORDINARY]
    if not terms:
        return []
    count_in = _the_counter(tuple(sorted({term.lower() for term in terms})))
    in_body = count_in(body)
    out = []
    for term in terms:
        lower = term.lower()
        # A term's own definition may use the ordinary word ("Homes means the homes at ...").
        count = in_body[lower] - (count_in(own[term])[lower] if term in own else 0)
        if count > 0:
            out.append(f"'the {lower}' appears {count} time{'s' if count > 1 else ''} in lower case "
                       f"although {term!r} is a defined term: use the defined term, or say why not")
    return out


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


@functools.lru_cache(maxsize=16)
def _the_counter(lowers: tuple[str, ...]) -> Callable[[str], Counter]:
    """A function counting, in a text, each of `lowers` after "the " as a whole word (not after a
    letter or hyphen, not before one). One scan for every term: a scan per term, each testing the
    look-behind at every character of a 50-page draft, took about 0.3 s a draft. At each "the " the
    scan finds the longest term there; a shorter term that also matches there is a prefix of it
    ending at a word boundary, so it is counted with it."""
    longest_first = sorted(lowers, key=len, reverse=True)
    pattern = re.compile("the (?=(" + "|".join(map(re.escape, longest_first)) + r")(?![\w-]))")
    within = {t: [u for u in lowers if u != t and t.startswith(u) and not _WORD_OR_HYPHEN.match(t, len(u))]
              for t in lowers}

    def count_in(text: str) -> Counter:
        counts: Counter = Counter()
        for m in pattern.finditer(text):
            if m.start() and _WORD_OR_HYPHEN.match(text, m.start() - 1):
                continue
            counts[m.group(1)] += 1
            for shorter in within[m.group(1)]:
                counts[shorter] += 1
        return counts

    return count_in
