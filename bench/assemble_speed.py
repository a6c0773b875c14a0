"""Benchmark: `partnerdraft assemble` on the largest sample against a bare python-docx build of the
same paragraphs (cold, a new process each run), the same draft warm in one process (the web app's
path: read, validate, check, assemble, write), `partnerdraft batch` over 100 term sheets, and
`partnerdraft --help`. Prints the machine, the date and the load, then a table of wall and CPU
times and the ratios; not a timed test.

Each command runs once untimed first (bytecode written, user cache filled, as for any run but a
user's very first), then `--runs` times; the cold assemble and the bare build run in turn, so that
the machine's load falls on both alike. The first-run cost is timed apart with an empty cache.

    python bench/assemble_speed.py [--runs 5] [--batch 100]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATE = "2026-04-01"


def largest_sample() -> Path:
    return max((ROOT / "samples").glob("*/*.yaml"), key=lambda p: p.stat().st_size)


def partnerdraft() -> list[str]:
    found = shutil.which("partnerdraft", path=str(Path(sys.executable).parent)) or shutil.which("partnerdraft")
    return [found] if found else [sys.executable, "-m", "assembler"]


def child_env(**extra: str) -> dict[str, str]:
    """The environment for timed children. Python may write bytecode (an installed package has its
    own; PYTHONDONTWRITEBYTECODE in a shell would make every run compile the package again)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


@dataclass
class Timing:
    """Medians over the timed runs: wall time, and CPU time (user + system) of the process and its children,
    which a busy machine inflates far less than wall time."""

    wall: float
    cpu: float


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _medians(runs: list[tuple[float, float]]) -> Timing:
    return Timing(statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))


def alternately(commands: list[list[str]], runs: int, env: dict[str, str] | None = None) -> list[Timing]:
    """Medians of each command in a new process, the commands run in turn (a, b, a, b, ...) so that a change in
    the machine's load falls on all of them alike: the ratio is the figure to trust on a shared machine. A
    warm-up run of each, not timed, writes bytecode and fills the user cache, as any run after the first has."""
    env = env or child_env()
    for command in commands:
        subprocess.run(command, check=True, capture_output=True, env=env)
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            times[i].append(_run(command, env))
    return [_medians(t) for t in times]


def empty_cache(command: list[str], runs: int, tmp: Path) -> Timing:
    """Medians with a new, empty user cache each run: the first run after a clause, figure or template is
    edited (or ever)."""
    return _medians([_run(command, child_env(PARTNERDRAFT_CACHE=str(tmp / f"cache-{i}"))) for i in range(runs)])


def bare_command(sample: Path, out: Path) -> list[str]:
    """A child process that imports python-docx and writes every paragraph of the assembled text into a blank
    document: the floor for any tool that produces the same words through python-docx."""
    from assembler.assemble import assemble
    from assembler.library.catalogue import load_catalogue
    from assembler.termsheet.validate import read_termsheet
    from assembler.writers.text import to_text

    catalogue = load_catalogue()
    doc = assemble(read_termsheet(sample, catalogue), catalogue, today=dt.date.fromisoformat(DATE)).document
    lines = out.with_suffix(".txt")
    lines.write_text(to_text(doc), encoding="utf-8")
    script = ("import sys, docx\n"
              "d = docx.Document()\n"
              "for line in open(sys.argv[1], encoding='utf-8'):\n"
              "    d.add_paragraph(line.rstrip('\\n'))\n"
              "d.save(sys.argv[2])\n")
    return [sys.executable, "-c", script, str(lines), str(out)]


def warm(sample: Path, out: Path, runs: int) -> Timing:
    """Medians, in this process after one warm-up, of what `assemble` does for one draft (the web app's path):
    read, validate, check, assemble, write."""
    from assembler.library.catalogue import load_catalogue
    from assembler.operations import DraftRequest, write_draft

    catalogue = load_catalogue()
    request = DraftRequest(sample, out, force=True, today=dt.date.fromisoformat(DATE))
    write_draft(request, catalogue)
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        write_draft(request, catalogue)
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return _medians(times)


def batch(count: int, tmp: Path) -> Timing:
    """`partnerdraft batch` over `count` term sheets (the samples, copied round), once: wall time, and the CPU
    time of it and its workers."""
    sheets = tmp / "sheets"
    sheets.mkdir()
    samples = sorted((ROOT / "samples").glob("*/*.yaml"))
    for i in range(count):
        shutil.copy(samples[i % len(samples)], sheets / f"{i:03d}-{samples[i % len(samples)].name}")
    command = [*partnerdraft(), "batch", str(sheets), "-o", str(tmp / "drafts"), "--date", DATE, "--force"]
    return Timing(*_run(command, child_env()))


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def pages(docx: Path) -> str:
    soffice = shutil.which("soffice")
    if not soffice:
        return "unknown (no LibreOffice)"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", tmp, str(docx)], check=True, capture_output=True)
        pdf = next(Path(tmp).glob("*.pdf"))
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "unknown")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=100, help="term sheets for the batch run (0: skip)")
    args = parser.parse_args()
    sample = largest_sample()
    rows: list[tuple[str, str, str, str]] = []  # what, wall, CPU, load average (1/5/15 min) when it ended
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.docx"
        command = [*partnerdraft(), "assemble", str(sample), "-o", str(out), "--date", DATE, "--force"]
        started = load()
        cold, bare = alternately([command, bare_command(sample, Path(tmp) / "bare.docx")], args.runs)
        rows += [("`partnerdraft assemble`, cold (new process)", f"{cold.wall:.2f} s", f"{cold.cpu:.2f} s", load()),
                 ("bare python-docx build of the same paragraphs", f"{bare.wall:.2f} s", f"{bare.cpu:.2f} s", load()),
                 ("**ratio** (target 2x)", f"**{cold.wall / bare.wall:.2f}x**", f"**{cold.cpu / bare.cpu:.2f}x**", "")]
        in_process = warm(sample, Path(tmp) / "warm.docx", max(args.runs, 7))
        rows.append(("warm, one process: read, validate, check, assemble, write (target 150 ms)",
                     f"{in_process.wall * 1000:.0f} ms", f"{in_process.cpu * 1000:.0f} ms", load()))
        first = empty_cache(command, args.runs, Path(tmp))
        rows.append(("`partnerdraft assemble` with an empty user cache (first run after a library edit)",
                     f"{first.wall:.2f} s", f"{first.cpu:.2f} s", load()))
        [help_time] = alternately([[*partnerdraft(), "--help"]], args.runs)
        rows.append(("`partnerdraft --help`", f"{help_time.wall:.3f} s", f"{help_time.cpu:.3f} s", load()))
        if args.batch:
            batched = batch(args.batch, Path(tmp))
            rows.append((f"`partnerdraft batch`, {args.batch} term sheets, {os.cpu_count()} workers (target 30 s)",
                         f"{batched.wall:.1f} s", f"{batched.cpu:.1f} s", load()))
        print(f"date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {platform.platform()}, "
              f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; load average at the start {started}")
        print(f"sample: {sample.relative_to(ROOT)} ({pages(out)} pages); medians of {args.runs} runs (warm: "
              f"{max(args.runs, 7)}), cold and bare run in turn\n")
        print("| what | wall | CPU | load average after (1/5/15 min) |")
        print("|---|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
