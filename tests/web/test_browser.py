"""Journeys in a real browser (Debian's chromium, driven by Playwright): a new user's small grant
from scratch, an alliance's members added and removed, keyboard only with an accessibility scan.
Screenshots for docs/screenshots/ are written when PARTNERDRAFT_SCREENSHOTS names a folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import audit
from tests.web.conftest import AXE, DRAFT_DATE, _need

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("PARTNERDRAFT_SCREENSHOTS")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


def submit(page, selector: str) -> None:
    """Press a button that posts the form, and wait for the page it brings to have loaded."""
    with page.expect_navigation(wait_until="load"):
        page.click(selector)


def fill_small_grant(page, start_date: str) -> None:
    page.goto("/")
    page.check("#family-grant")
    submit(page, "#start")
    for role, name, short, form in (("funder", "Fenmoor District Council", "Council", "local_authority"),
                                    ("recipient", "Brookside Pantry CIO", "Recipient", "cio")):
        page.fill(f"#f-{role}-name", name)
        page.fill(f"#f-{role}-short-name", short)
        page.select_option(f"#f-{role}-legal-form", form)
        page.fill(f"#f-{role}-address", "1 High Street, Fenmoor FM1 2AB")
    page.fill("#f-grant-project-name", "Brookside Lunch Club")
    page.fill("#f-grant-purpose", "run a weekly lunch club for older residents")
    page.fill("#f-grant-statutory-power", "section 1 of the Localism Act 2011")
    page.fill("#f-grant-maximum-sum", "5000")
    page.fill("#f-grant-funding-period-start", start_date)
    page.fill("#f-grant-funding-period-end", "2027-10-30")
    page.check("#f-grant-subsidy-route-minimal_financial_assistance")
    for list_name, fields in (("instalments", {"date": "2026-12-15", "amount": "5000"}),
                              ("budget", {"item": "Food and venue hire", "amount": "5000"}),
                              ("activities", {"": "Serve a hot lunch every Wednesday"})):
        submit(page, f"button[value='add:grant.{list_name}']")
        for key, value in fields.items():
            page.fill(f"#f-grant-{list_name}-0{'-' + key if key else ''}", value)


def test_a_new_user_fills_a_small_grant_and_downloads_the_draft_and_the_term_sheet(page, tmp_path, catalogue):
    fill_small_grant(page, "31/10/2026")
    submit(page, "#check")
    message = "write dates as YYYY-MM-DD, for example 2026-10-31"
    summary = page.locator(".govuk-error-summary")
    assert message in summary.inner_text()
    assert page.evaluate("document.activeElement.id") == "error-summary"  # focus moves to the summary
    assert message in page.locator("#f-grant-funding-period-start-error").inner_text()
    shot(page, "form-error")
    summary.locator("a[href='#f-grant-funding-period-start']").click()
    assert page.evaluate("location.hash") == "#f-grant-funding-period-start"
    page.locator("#f-grant-funding-period").scroll_into_view_if_needed()
    shot(page, "form-error-field")
    page.fill("#f-grant-funding-period-start", "2026-10-31")
    submit(page, "#check")
    assert page.locator("h1").inner_text() == "Check your answers"
    assert page.locator("#review-pack").is_visible()
    shot(page, "check-answers")
    with page.expect_download() as got:
        page.click("#download-docx")
    docx = tmp_path / "form.docx"
    got.value.save_as(docx)
    errors, _ = audit(docx)
    assert errors == []
    with page.expect_download() as got:
        page.click("#download-yaml")
    sheet = tmp_path / "sheet.yaml"
    got.value.save_as(sheet)
    cli = [sys.executable, "-m", "assembler"]
    assert subprocess.run([*cli, "check", str(sheet), "--date", DRAFT_DATE.isoformat()],
                          capture_output=True).returncode == 0
    subprocess.run([*cli, "assemble", str(sheet), "-o", str(tmp_path / "cli.docx"), "--date",
                    DRAFT_DATE.isoformat()], check=True, capture_output=True)
    assert (tmp_path / "cli.docx").read_bytes() == docx.read_bytes()


def test_alliance_members_are_added_and_removed_and_a_variant_shows_its_note(page):
    page.goto("/new?family=alliance")
    shot(page, "form")
    submit(page, "button[value='add:members']")
    page.fill("#f-members-0-name", "First Trust")
    submit(page, "button[value='add:members']")
    page.fill("#f-members-1-name", "Second Trust")
    assert page.locator("#f-members-1-name").input_value() == "Second Trust"
    submit(page, "button[value='remove:members[0]']")
    assert page.locator("#f-members-0-name").input_value() == "Second Trust"
    assert page.locator("#f-members-1-name").count() == 0
    position = catalogue_position(page)
    radio = page.locator(f"#f-positions-{position['id']}-{position['variant']}")
    radio.check()
    note = page.locator(f"#f-positions-{position['id']}-{position['variant']}-note")
    assert note.is_visible() and note.inner_text().strip()
    assert radio.get_attribute("aria-describedby") == note.get_attribute("id")


def catalogue_position(page) -> dict:
    """A non-standard variant of the first position offered on the page."""
    return page.evaluate("""() => {
      for (const input of document.querySelectorAll("input[name^='positions.']")) {
        const label = document.querySelector(`label[for='${input.id}']`).innerText;
        if (!label.includes('(standard)')) {
          const id = input.name.slice('positions.'.length).replaceAll('_', '-');
          return {id, variant: input.value};
        }
      }
    }""")


def test_keyboard_only_from_start_to_download_and_no_serious_accessibility_violation(browser, server):
    if not AXE.exists():
        _need(f"axe-core ({AXE}; npm pack axe-core)")
    # The scanner is injected as an inline script, which the app's CSP rightly refuses: bypass it here only.
    context = browser.new_context(base_url=server, accept_downloads=True, bypass_csp=True,
                                  viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    keys = page.keyboard
    page.goto("/")
    shot(page, "home")
    scans = [_axe(page)]
    tab_to(page, "family-alliance")  # the first family is chosen; arrows move to grant
    keys.press("ArrowDown")
    keys.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == "family-grant"
    tab_to(page, "start")
    press_enter_and_load(page)
    assert page.url.endswith("/new?family=grant")  # scanned below with its errors shown: the same page and more
    for role, name, short, form in (("funder", "Fenmoor District Council", "Council", "local"),
                                    ("recipient", "Brookside Pantry CIO", "Recipient", "cio")):
        type_into(page, f"f-{role}-name", name)
        type_into(page, f"f-{role}-short-name", short)
        tab_to(page, f"f-{role}-legal-form")
        keys.type(form)  # a select chooses by typing its option's first letters
        type_into(page, f"f-{role}-address", "1 High Street, Fenmoor FM1 2AB")
    assert page.input_value("#f-funder-legal-form") == "local_authority"
    type_into(page, "f-grant-project-name", "Brookside Lunch Club")
    type_into(page, "f-grant-purpose", "run a weekly lunch club for older residents")
    type_into(page, "f-grant-statutory-power", "section 1 of the Localism Act 2011")
    type_into(page, "f-grant-maximum-sum", "5000")
    type_into(page, "f-grant-funding-period-start", "31/10/2026")
    type_into(page, "f-grant-funding-period-end", "2027-10-30")
    for list_name, answers in (("instalments", ["2026-12-15", "5000"]), ("budget", ["Food", "5000"]),
                               ("activities", ["Serve a hot lunch every Wednesday"])):
        tab_to(page, f"f-grant-{list_name}-add")
        press_enter_and_load(page)
        # the new row's first answer has the focus
        assert page.evaluate("document.activeElement.id").startswith(f"f-grant-{list_name}-0")
        keys.type(answers[0])
        for answer in answers[1:]:
            keys.press("Tab")
            keys.type(answer)
    tab_to(page, "f-grant-subsidy-route-not_a_subsidy")
    keys.press("ArrowDown")  # minimal financial assistance
    tab_to(page, "check")
    press_enter_and_load(page)
    assert page.evaluate("document.activeElement.id") == "error-summary"
    scans.append(_axe(page))
    tab_to(page, "")  # the summary's first link
    keys.press("Enter")
    assert page.evaluate("location.hash") == "#f-grant-funding-period-start"
    type_into(page, "f-grant-funding-period-start", "2026-10-31", clear=True)
    tab_to(page, "check")
    press_enter_and_load(page)
    scans.append(_axe(page))
    tab_to(page, "download-docx")
    with page.expect_download() as got:
        keys.press("Enter")
    assert got.value.suggested_filename.endswith(".docx")
    page.goto("/library/alliance")
    scans.append(_axe(page))
    shot(page, "library")
    page.goto("/compare")
    scans.append(_axe(page))
    context.close()
    bad = [v for scan in scans for v in scan if v["impact"] in ("serious", "critical")]
    assert bad == [], json.dumps(bad, indent=1)[:4000]


def press_enter_and_load(page) -> None:
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")


def tab_to(page, element_id: str, limit: int = 600) -> None:
    """Press Tab until the element with this id has the focus ('' : any link in the error summary)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if element_id:
            if page.evaluate("document.activeElement.id") == element_id:
                return
        elif page.evaluate("!!document.activeElement.closest('.govuk-error-summary a')"):
            return
    pytest.fail(f"#{element_id or 'error summary link'} cannot be reached with Tab")


def type_into(page, element_id: str, text: str, clear: bool = False) -> None:
    if page.evaluate("document.activeElement.id") != element_id:
        tab_to(page, element_id)
    if clear:
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
    page.keyboard.type(text)


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                           ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))")
    return [{**v, "url": page.url} for v in result]
