"""Timings of the web app, warm, in process (not a timed test): a validation round trip (a form
posted with a mistake, answered with the message at its field) and a Word download.

    .venv/bin/python bench/web_speed.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time
import warnings
from pathlib import Path

warnings.simplefilter("ignore")
from starlette.testclient import TestClient  # noqa: E402

from assembler.web.app import create_app  # noqa: E402
from tests.web.formdata import encoded, form_fields, hidden_state  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def timed(fn, runs: int = 15) -> float:
    fn()
    fn()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    client = TestClient(create_app(today=dt.date(2026, 12, 3)))
    sample = ROOT / "samples" / "grant" / "community-single-payment.yaml"
    form = client.post("/upload", files={"termsheet": (sample.name, sample.read_bytes())}).text
    fields = form_fields(form)
    wrong = [(k, "31/10/2026" if k == "grant.funding_period.start" else v) for k, v in fields]
    state = hidden_state(client.post("/form", **encoded(fields)).text)

    def validation():
        page = client.post("/form", **encoded(wrong)).text
        assert "write dates as YYYY-MM-DD" in page

    def word():
        assert client.post("/download", data={"state": state, "kind": "docx"}).content[:2] == b"PK"

    def blank_form():
        client.post("/form", data={"family": "grant", "action": "check", "grant.funding_period.start": "31/10/2026"})

    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; {dt.datetime.now():%Y-%m-%d %H:%M}")
    print(f"validation round trip, complete grant with one mistake: {timed(validation):.0f} ms (median)")
    print(f"validation round trip, blank grant form:               {timed(blank_form):.0f} ms (median)")
    print(f"Word download (validate, check, assemble, write):      {timed(word, 8):.0f} ms (median)")


if __name__ == "__main__":
    main()
