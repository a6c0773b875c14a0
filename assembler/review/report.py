"""The review pack laid out as sections of text and tables, so every writer (Markdown, HTML, Word)
prints the same content in the same order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assembler.assemble import NOT_ADVICE
from assembler.review import Review
from assembler.review.open_facts import WHO


@dataclass
class Grid:
    header: list[str]
    rows: list[list[str]]  # a cell may hold several lines ("\n")
    widths: list[int] = field(default_factory=list)  # relative column widths; empty means equal


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Grid] = field(default_factory=list)
    new_page: bool = False  # start the next section on a new page (print formats)


@dataclass
class Report:
    title: str
    subtitle: str
    sections: list[Section]


SECTION_TITLES = ("Key terms", "Positions", "Deviations", "Standard against this deal", "Open placeholders", "Findings",
                  "Appendix: provenance")
_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


_ACRONYMS = {"ip": "IP", "kpi": "KPI", "kpis": "KPIs", "alt": "ALT", "spv": "SPV", "vat": "VAT",
             "tupe": "TUPE", "mfa": "MFA", "lha": "LHA"}


def words(code: str) -> str:
    """A library code as a reader says it: `minimal_financial_assistance` -> "minimal financial
    assistance", `funder-notice` -> "funder notice", `ip_ownership` -> "IP ownership"."""
    return " ".join(_ACRONYMS.get(w, w) for w in code.replace("_", " ").replace("-", " ").split())


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words_in(text: str) -> str:
    """Codes a key-term line printed as they are (`route: minimal_financial_assistance`) in words."""
    return _CODE.sub(lambda m: words(m.group()), text)


def layout(review: Review) -> Report:
    return Report(
        title=f"Review pack: {review.title}",
        subtitle=f"Term sheet {review.source}. {NOT_ADVICE}",
        sections=[_key_terms(review), _positions(review), _deviations(review), _standard(review), _placeholders(review),
                  _findings(review), _provenance(review)],
    )


def _key_terms(review: Review) -> Section:
    if not review.key_terms:
        return Section("Key terms", paragraphs=[f"The {review.family} manifest lists no key terms "
                                                f"(key_terms in templates/{review.family}.yaml)."], new_page=True)
    return Section(new_page=True, title="Key terms", tables=[Grid(["Term", "Value"],
                   [[k.label, _words_in("\n".join(k.lines))] for k in review.key_terms], [1, 3])])


def _positions(review: Review) -> Section:
    """The positions this draft uses; those whose clause is not in the draft are named in one line."""
    rows, unused = [], []
    for p in review.positions:
        if not p.in_draft:
            unused.append(words(p.position))
            continue
        standard = "yes" if p.is_standard else f"no (standard: {words(p.standard_variant or 'none')})"
        chosen = words(p.variant) + ("" if p.chosen_in_sheet else " (the standard, not chosen in the term sheet)")
        rows.append([_sentence(words(p.position)), chosen, standard, "" if p.is_standard else p.reason])
    used = len(rows)
    intro = f"{used} positions in this draft; {sum(r[2] != 'yes' for r in rows)} not the library's standard."
    paragraphs = [intro] + ([f"Not used in this draft: {', '.join(unused)}."] if unused else [])
    return Section("Positions", paragraphs=paragraphs,
                   tables=[Grid(["Position", "Variant chosen", "Standard", "Reason (drafting note) for a non-standard choice"],
                                rows, [3, 3, 3, 7])])


def _deviations(review: Review) -> Section:
    if not review.deviations:
        return Section("Deviations", paragraphs=["None: every position is standard and every figure is within "
                                                 "the library's recommended ranges."])
    return Section("Deviations", tables=[Grid(["Deviation", "Figures", "Why it matters", "Term-sheet field"],
                                              [[_words_in(d.label), d.figures, d.reason, d.where]
                                               for d in review.deviations],
                                              [3, 4, 6, 3])])


def _standard(review: Review) -> Section:
    """Each clause whose wording differs from the standard positions', the two side by side."""
    title = "Standard against this deal"
    comparison = review.standard
    if comparison is None:
        return Section(title, paragraphs=["Not available: the draft cannot be assembled until the errors under "
                                          "Findings are corrected."])
    if not comparison.differences:
        return Section(title, paragraphs=[comparison.note])
    count = len(comparison.differences)
    intro = (f"{count} clause{'s' if count != 1 else ''} of this draft read{'s' if count == 1 else ''} differently from the same term sheet on the "
             "library's standard positions; only the paragraphs that differ are shown, numbered as each draft numbers them.")
    return Section(title, paragraphs=[comparison.note + intro if comparison.note else intro],
                   tables=[Grid(["Clause", "Standard wording", "This deal's wording"],
                   [[d.where, d.standard, d.deal] for d in comparison.differences], [2, 5, 5])])


def _placeholders(review: Review) -> Section:
    if review.placeholders is None:
        return Section("Open placeholders", paragraphs=["Not available: the draft cannot be assembled until the "
                                                        "errors under Findings are corrected."])
    forms = _form_blanks(review)
    if not review.placeholders:
        return Section("Open placeholders", paragraphs=["None: every fact is supplied.", *forms,
                                                        *_standard_values_intro(review)],
                       tables=_standard_values(review))
    tables, counts = [], []
    for supplier, heading in WHO.items():
        rows = [r for r in review.open_facts if r.supplier == supplier]
        counts.append(f"{heading.lower()}: {len(rows)}")
        if rows:
            tables.append(Grid([heading, "Where it appears", "Term-sheet field (line)"],
                               [[r.label, "\n".join(r.where), _field_line(r)] for r in rows], [3, 4, 2]))
    intro = f"{len(review.open_facts)} facts still to be supplied ({'; '.join(counts)})."
    return Section("Open placeholders", paragraphs=[intro, *forms, *_standard_values_intro(review)],
                   tables=tables + _standard_values(review))


def _standard_values_intro(review: Review) -> list[str]:
    if not review.standard_values:
        return []
    return [f"Legal to confirm: {len(review.standard_values)} of legal's facts still hold the standard value "
            "nobody has chosen for this matter; the draft states each as settled (last table)."]


def _standard_values(review: Review) -> list[Grid]:
    if not review.standard_values:
        return []
    return [Grid(["Legal to confirm (standard value)", "Value", "Term-sheet field (line)"],
                 [[r.label, _words_in(str(r.value)),
                   f"{r.field} (line {r.line})" if r.line else f"{r.field} (not in the term sheet: the standard applies)"]
                  for r in review.standard_values], [3, 4, 3])]


def _field_line(row) -> str:
    if not row.field:
        return ""
    return f"{row.field} (line {row.line})" if row.line else f"{row.field} (not in the term sheet yet: add it)"


def _form_blanks(review: Review) -> list[str]:
    """Blanks in forms completed later (an accession deed) are named apart: they are not open facts."""
    where = list(dict.fromkeys(w for _, w in review.form_blanks))
    if not where:
        return []
    return [f"Not counted: {len(review.form_blanks)} blanks in forms to be completed when they are used "
            f"({', '.join(where)})."]


def _findings(review: Review) -> Section:
    if not review.findings:
        return Section("Findings", paragraphs=["None: the consistency rules found nothing to report."])
    counts = {s: sum(f.severity == s for f in review.findings) for s in ("error", "warning", "info")}
    intro = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    if counts["error"]:
        intro += ". Errors stop assembly: correct them and run review again."
    intro += ". \"For you\": the commissioner answers it; \"for legal\": a field under \"Legal completes this\"."
    return Section("Findings", paragraphs=[intro], tables=[Grid(["Severity", "Rule", "Message", "Where", "Who"],
                   [[f.severity, f.rule, f.message, f.where, f.who] for f in review.findings], [1, 3, 6, 4, 1])])


def _circulated(c) -> Grid:
    """The version that went to the other parties, and whether it still matches."""
    rows = [["Circulated file", c.file], ["Edition", c.edition], ["Content hash (as circulated)", c.content_sha256],
            ["Made from this term sheet", "yes" if c.termsheet_matches else
             "no: the term sheet has changed since, so this draft differs from what was circulated"],
            ["Edited after partnerdraft wrote it", "yes: the hash is of the edited file" if c.edited_since else "no"]]
    return Grid(["Circulated version", ""], rows, [2, 5])


def _provenance(review: Review) -> Section:
    """An appendix: what identifies this draft, for whoever has to match a file to it later."""
    section = Section("Appendix: provenance", new_page=True, paragraphs=[
        "The draft's Word file carries the same values in its document properties (File > Info > Properties). "
        "partnerdraft_content_sha256 is the hash of the draft as `partnerdraft assemble` writes it: a draft "
        "whose content no longer matches it has been edited since."])
    properties = {n: v for n, v in review.properties.items() if n != "clauses"}  # listed below, one a row
    section.tables.append(Grid(["Property", "Value"], [[n, v] for n, v in sorted(properties.items())], [1, 4]))
    if review.circulated:
        section.tables.append(_circulated(review.circulated))
    if review.clauses:
        section.tables.append(Grid(["Clause", "Version", "Status", "Variant"],
                                   [[c.id, c.version, c.status, c.variant] for c in review.clauses], [3, 1, 1, 2]))
    return section
