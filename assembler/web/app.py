"""`partnerdraft serve`: the term-sheet form, the library browser and compare, over the same
operations as the command line (assembler/operations.py). Stateless: the form state travels with each
request (in the posted fields, or as a hidden copy of the term sheet on the check page), nothing a user
typed is kept after the response, and no cookies are set, so several workers can serve a team.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from assembler import operations
from assembler.errors import Problem, UserError
from assembler.library.catalogue import Catalogue, load_catalogue
from assembler.library.choices import commissioner_choices
from assembler.termsheet.loader import MAX_BYTES, dotted
from assembler.web import form as forms
from assembler.web.guard import Guard

# The most form fields one post may carry: Starlette's default (1000) is below what a large alliance's form holds
# (eight members and their item fields), so the form would refuse a sheet the command line reads.
MAX_FORM_FIELDS = 10_000

HERE = Path(__file__).parent
SEVERITIES = ("error", "warning", "info")


@dataclass
class Outcome:
    """A term sheet as the form holds it, and what validation and the rules say about it."""

    family: str
    raw: dict[str, Any]  # the form's values, every leaf a string
    data: dict[str, Any] = field(default_factory=dict)  # as term-sheet data (what is downloaded)
    sheet: Any = None  # the validated TermSheet, when valid
    problems: list[Problem] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)

    @property
    def errors(self) -> list[Any]:
        return [f for f in self.findings if f.severity == "error"]


class Web:
    """The app's operations over one catalogue; `today` fixes the draft date (else the usual rule)."""

    def __init__(self, catalogue: Catalogue, today: dt.date | None = None):
        self.catalogue = catalogue
        self.today = today
        self._example_notes: dict[str, dict[str, dict[str, str]]] = {}
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True))
        self.env.globals.update(field_id=forms.field_id, severities=SEVERITIES, rows_prefix=forms.ROWS,
                                families=self.families)

    def example_notes(self, family: str) -> dict[str, dict[str, str]]:
        """The notes as they read for the family's example term sheet (while the user's does not
        validate yet): the same for every request, so made once per worker."""
        if family not in self._example_notes:
            self._example_notes[family] = operations.position_notes(self.catalogue, family, today=self.today)
        return self._example_notes[family]

    def families(self) -> list[tuple[str, str]]:
        return [(name, m.title) for name, m in sorted(self.catalogue.manifests.items())]

    def family(self, name: str) -> str:
        """A family named in a request, checked against the library (never used as a path)."""
        if name not in self.catalogue.manifests:
            raise UserError(f"unknown agreement family {name!r}")
        return name

    def model(self, family: str):
        return self.catalogue.manifest(family).model_class()

    def page(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(template).render(**values), status_code=status)

    # ---- evaluating a term sheet --------------------------------------------------------------

    def evaluate(self, family: str, raw: dict[str, Any]) -> Outcome:
        """Validate the form's values through the file loader and validator, then run the rules."""
        model = self.model(family)
        positions = {k: v for k, v in (raw.get("positions") or {}).items() if isinstance(v, str) and v}
        data = {"family": family, **forms.typed(model, raw)}
        if positions:
            data["positions"] = positions
        outcome = Outcome(family, raw, data)
        blob = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            outcome.sheet = operations.read_upload(blob, "term sheet", self.catalogue)
        except UserError as e:
            outcome.problems = e.problems
            return outcome
        from assembler.assemble import check_rules

        outcome.findings = check_rules(outcome.sheet, self.catalogue, today=self.today)
        return outcome

    def nodes(self, outcome: Outcome, show_errors: bool) -> tuple[list[forms.Node], list[dict[str, str]]]:
        """The form's questions with each problem and finding at its field, and the error summary."""
        choices = self.choice_node(outcome)
        nodes = forms.with_legal_part(([choices] if choices.children else [])
                                      + forms.build(self.model(outcome.family), outcome.raw),
                                      self.position_node(outcome))
        index = {n.name: n for n in _walk(nodes)}
        summary = []
        if show_errors:
            for p in outcome.problems:
                target = _nearest(p.field or "", index)
                if target is not None:
                    target.errors.append(p.message)
                summary.append({"href": "#" + (target.id if target else "form"), "field": p.field or "",
                                "message": p.message, "severity": "error"})
        for f in outcome.findings:
            name = dotted(f.loc)
            target = _nearest(name, index)
            if target is not None:
                target.findings.append((f.severity, f"{f.rule}: {f.message}"))
            summary.append({"href": "#" + (target.id if target else "form"), "field": name,
                            "message": f"{f.rule}: {f.message}", "severity": f.severity})
        return nodes, summary

    def choice_node(self, outcome: Outcome) -> forms.Node:
        """The positions the commissioner decides (a letter or an agreement, when the money is paid),
        each asked as its question with every answer in plain words, first on the form."""
        given = outcome.raw.get("positions") or {}
        positions = self.catalogue.positions(outcome.family)
        group = forms.Node("choices", "Your choices", "Decisions about the deal that are yours: the usual "
                           "answer is marked.", "positions")
        for name, choice in commissioner_choices(self.catalogue, outcome.family).items():
            standard = positions[name].standard
            options = [(v, f"{v} (the usual choice)" if v == standard else v) for v in choice.answers]
            node = forms.Node(f"positions.{name}", choice.question, "", "choice",
                              value=given.get(name) or standard or "", options=options)
            node.children = [forms.Node(f"positions.{name}.{v}", v, words, "note") for v, words in choice.answers.items()]
            group.children.append(node)
        return group

    def position_node(self, outcome: Outcome) -> forms.Node:
        given = outcome.raw.get("positions") or {}
        notes = (operations.position_notes(self.catalogue, outcome.family, outcome.sheet, today=self.today)
                 if outcome.sheet is not None else self.example_notes(outcome.family))
        group = forms.Node("positions", "Positions", "Where the library offers alternative terms: the "
                           "standard is marked; each note says when to choose a variant.", "positions")
        choices = commissioner_choices(self.catalogue, outcome.family)
        for name, position in sorted(self.catalogue.positions(outcome.family).items()):
            if name in choices:
                continue
            chosen = given.get(name) or position.standard or ""
            options = [(v, f"{v} (standard)" if v == position.standard else v) for v in sorted(position.variants)]
            node = forms.Node(f"positions.{name}", forms.label_of(name), "", "choice", value=chosen,
                              options=options)
            node.children = [forms.Node(f"positions.{name}.{v}", v, notes.get(name, {}).get(v, ""), "note")
                             for v, _ in options]
            group.children.append(node)
        return group

    # ---- pages ------------------------------------------------------------------------------

    def form_page(self, outcome: Outcome, *, show_errors: bool, status: int = 200, focus: str = "") -> HTMLResponse:
        nodes, summary = self.nodes(outcome, show_errors)
        if focus:
            forms.focus(nodes, focus)
        errors = [s for s in summary if s["severity"] == "error"]
        return self.page("form.html", status, family=outcome.family,
                         title=_title(self.catalogue, outcome.family, outcome.raw.get("positions")), nodes=nodes,
                         summary=summary, errors=errors, show_errors=show_errors)

    def check_page(self, outcome: Outcome) -> HTMLResponse:
        from assembler.review import build_review
        from assembler.review.report import layout
        from assembler.writers.html import report_html

        review = build_review(outcome.sheet, self.catalogue, today=self.today)
        body = re.search(r"<body>(.*)</body>", report_html(layout(review)), re.S).group(1)
        body = re.sub(r"<colgroup>.*?</colgroup>", "", body, flags=re.S)  # inline widths: CSP forbids them
        body = re.sub(r"<(/?)h1>", r"<\1h3>", re.sub(r"<(/?)h2>", r"<\1h4>", body))  # under the page's h2
        nodes, summary = self.nodes(outcome, show_errors=True)
        return self.page("check.html", family=outcome.family,
                         title=_title(self.catalogue, outcome.family, outcome.raw.get("positions")),
                         answers=_answers(outcome.data), summary=summary, review_html=body,
                         state=json.dumps(outcome.data, ensure_ascii=False),
                         blocked=bool(outcome.errors), pdf=shutil.which("soffice") is not None)


def _title(catalogue, family: str, positions) -> str:
    """The agreement's title as the draft prints it: a manifest title may depend on a position (a
    grant offer letter), so it is rendered, never shown as its template."""
    from assembler.assemble import document_title

    chosen = {k: v for k, v in (positions or {}).items() if isinstance(v, str) and v} if isinstance(positions, dict) else {}
    return document_title(catalogue.manifest(family).title, {"positions": chosen})


def _walk(nodes: list[forms.Node]):
    for n in nodes:
        yield n
        yield from _walk(n.children)


def _nearest(name: str, index: dict[str, forms.Node]) -> forms.Node | None:
    """The form element for a term-sheet path, or for its nearest enclosing group."""
    while name:
        if name in index and index[name].kind != "note":
            return index[name]
        cut = max(name.rfind("."), name.rfind("["))
        name = name[:cut] if cut > 0 else ""
    return None


def _answers(data: Any, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(data, dict):
        return [row for k, v in data.items() for row in _answers(v, forms.join(prefix, k))]
    if isinstance(data, list):
        return [row for i, v in enumerate(data) for row in _answers(v, forms.join(prefix, i))]
    return [(prefix, forms.shown(data))]


# ---- request handlers ----------------------------------------------------------------------------

def _web(request: Request) -> Web:
    return request.app.state.web


async def home(request: Request) -> Response:
    return _web(request).page("home.html", max_kb=MAX_BYTES // 1000)


async def new(request: Request) -> Response:
    web = _web(request)
    family = web.family(request.query_params.get("family", ""))
    return web.form_page(Outcome(family, {}), show_errors=False)


async def form_post(request: Request) -> Response:
    """Every button on the form posts here: add or remove a row, or check the answers."""
    web = _web(request)
    posted = await request.form(max_fields=MAX_FORM_FIELDS)
    family = web.family(str(posted.get("family", "")))
    model = web.model(family)
    if "state" in posted:  # "Change" from the check page: the term sheet as it was checked
        raw = forms.raw(_state(posted))
        raw["positions"] = raw.get("positions") or {}
        return web.form_page(web.evaluate(family, raw), show_errors=True)
    raw = forms.read_posted(model, posted)
    action = str(posted.get("action", "check"))
    if action.startswith(("add:", "remove:")):
        target = forms.edit_rows(model, raw, action)
        return web.form_page(Outcome(family, raw), show_errors=False, focus=target)
    outcome = web.evaluate(family, raw)
    if outcome.problems:
        return web.form_page(outcome, show_errors=True)
    return web.check_page(outcome)


async def upload(request: Request) -> Response:
    web = _web(request)
    posted = await request.form(max_fields=MAX_FORM_FIELDS)
    item = posted.get("termsheet")
    blob = await item.read() if hasattr(item, "read") else b""
    name = "uploaded term sheet"
    try:
        loaded = operations.load_upload(blob, name)
    except UserError as e:
        return web.page("home.html", 400, max_kb=MAX_BYTES // 1000, upload_errors=e.problems)
    family = loaded.data.get("family")
    if family not in web.catalogue.manifests:
        problem = Problem(f"unknown or missing family {family!r}; the library has "
                          f"{', '.join(sorted(web.catalogue.manifests))}", name)
        return web.page("home.html", 400, max_kb=MAX_BYTES // 1000, upload_errors=[problem])
    raw = forms.raw(loaded.data)
    raw["positions"] = raw.get("positions") if isinstance(raw.get("positions"), dict) else {}
    return web.form_page(web.evaluate(family, raw), show_errors=True)


def _state(posted) -> dict[str, Any]:
    try:
        state = json.loads(str(posted.get("state", "")))
    except ValueError:
        raise UserError("the form's saved answers are damaged; start again or upload the term sheet") from None
    if not isinstance(state, dict):
        raise UserError("the form's saved answers are damaged; start again or upload the term sheet")
    return state


DOWNLOADS = {
    "yaml": ("termsheet.yaml", "application/yaml; charset=utf-8"),
    "docx": ("draft.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("draft.pdf", "application/pdf"),
    "review": ("review-pack.html", "text/html; charset=utf-8"),
}


async def download(request: Request) -> Response:
    """A download from the check page: the term sheet travels with the request and is validated again."""
    web = _web(request)
    posted = await request.form(max_fields=MAX_FORM_FIELDS)
    kind = str(posted.get("kind", ""))
    if kind not in DOWNLOADS:
        raise UserError(f"unknown download {kind!r}")
    state = _state(posted)
    family = web.family(str(state.get("family", "")))
    blob = json.dumps(state, ensure_ascii=False).encode("utf-8")
    sheet = operations.read_upload(blob, "term sheet", web.catalogue)
    if kind == "yaml":
        body = operations.sheet_yaml(web.catalogue, family, state).encode("utf-8")
    elif kind == "review":
        from assembler.review import build_review
        from assembler.review.report import layout
        from assembler.writers.html import report_html

        body = report_html(layout(build_review(sheet, web.catalogue, today=web.today))).encode("utf-8")
    else:
        draft = operations.draft_bytes(sheet, web.catalogue, today=web.today, pdf=kind == "pdf")
        body = draft.pdf if kind == "pdf" else draft.docx
    filename, media = DOWNLOADS[kind]
    filename = f"{family}-{filename}"
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


async def library(request: Request) -> Response:
    return _web(request).page("library.html")


async def library_family(request: Request) -> Response:
    web = _web(request)
    family = web.family(request.path_params["family"])
    return web.page("library_family.html", family=family, title=_title(web.catalogue, family, None),
                    **operations.standard_terms(web.catalogue, family, today=web.today))


async def deviations(request: Request) -> Response:
    web = _web(request)
    family = web.family(request.path_params["family"])
    posted = await request.form(max_fields=MAX_FORM_FIELDS)
    item = posted.get("termsheet")
    blob = await item.read() if hasattr(item, "read") else b""
    sheet = operations.read_upload(blob, "uploaded term sheet", web.catalogue)
    if sheet.family != family:
        raise UserError(f"this term sheet is for {sheet.family}, not {family}")
    from assembler.review import build_review

    review = build_review(sheet, web.catalogue, today=web.today)
    return web.page("deviations.html", family=family, title=_title(web.catalogue, family, None),
                    deviations=review.deviations)


async def compare_page(request: Request) -> Response:
    return _web(request).page("compare.html")


async def compare_post(request: Request) -> Response:
    """Redline two uploads (term sheets or drafts); each is saved under a name the server chooses."""
    from assembler.compare import compare

    web = _web(request)
    posted = await request.form(max_fields=MAX_FORM_FIELDS)
    with tempfile.TemporaryDirectory(prefix="partnerdraft-web-") as folder:
        paths = []
        for side in ("old", "new"):
            item = posted.get(side)
            blob = await item.read() if hasattr(item, "read") else b""
            if not blob:
                raise UserError(f"choose the {side} term sheet or draft")
            if len(blob) > MAX_BYTES * 10:
                raise UserError(f"the {side} file is too large")
            path = Path(folder) / f"{side}.{'docx' if blob[:2] == b'PK' else 'yaml'}"
            path.write_bytes(blob)
            paths.append(path)
        redline, lines = compare(paths[0], paths[1], web.catalogue, author="partnerdraft", today=web.today)
    return Response(redline, media_type=DOWNLOADS["docx"][1],
                    headers={"Content-Disposition": 'attachment; filename="redline.docx"'})


async def user_error(request: Request, exc: UserError) -> Response:
    web = _web(request)
    return web.page("problem.html", 400, problems=exc.problems)


async def not_found(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("Not found", status_code=getattr(exc, "status_code", 404))


def create_app(catalogue: Catalogue | None = None, today: dt.date | None = None) -> Starlette:
    routes = [
        Route("/", home),
        Route("/new", new),
        Route("/form", form_post, methods=["POST"]),
        Route("/upload", upload, methods=["POST"]),
        Route("/download", download, methods=["POST"]),
        Route("/library", library),
        Route("/library/{family}", library_family),
        Route("/library/{family}/deviations", deviations, methods=["POST"]),
        Route("/compare", compare_page),
        Route("/compare", compare_post, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={UserError: user_error, 404: not_found, 405: not_found})
    app.state.web = Web(catalogue or load_catalogue(), today)
    app.add_middleware(Guard, limit=MAX_BYTES * 2 + 100_000)
    return app
