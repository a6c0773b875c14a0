"""Benchmark: `partnerdraft assemble` on the largest sample against a bare python-docx build of the
same paragraphs (cold, a new process each run), the same draft warm in one process (the web app's
path: read, validate, check, assemble, write), `partnerdraft batch` over 100 term sheets, and
`partnerdraft --help`. Prints the machine, the date, wall times and ratios; not a timed test.

Each command runs once untimed first (bytecode written, user cache filled, as for any run but a
user's very first), then `--runs` times; the first-run cost is timed apart with an empty cache.

    python bench/assemble_speed.py [--runs 5] [--batch 100]

The bare build writes every paragraph of the assembled document model as plain text into a blank
python-docx document: the floor for any tool that produces the same words through python-docx.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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


def wall(command: list[str], runs: int, env: dict[str, str] | None = None, warm_up: bool = True) -> float:
    """Median wall time of `command` in a new process. The warm-up run, not timed, writes bytecode
    and fills the user cache, as any run after the first has them."""
    env = env or child_env()
    if warm_up:
        subprocess.run(command, check=True, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def empty_cache(command: list[str], runs: int, tmp: Path) -> float:
    """Median wall time with a new, empty user cache each run: the first run after a clause, figure
    or template is edited (or ever)."""
    times = []
    for i in range(runs):
        env = child_env(PARTNERDRAFT_CACHE=str(tmp / f"cache-{i}"))
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_python_docx(sample: Path, out: Path, runs: int) -> float:
    """Median wall time of a child process that imports python-docx and writes the same paragraphs."""
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
    return wall([sys.executable, "-c", script, str(lines), str(out)], runs)


def warm(sample: Path, out: Path, runs: int) -> float:
    """Median time, in this process after one warm-up, of what `assemble` does for one draft."""
    from assembler.library.catalogue import load_catalogue
    from assembler.operations import DraftRequest, write_draft

    catalogue = load_catalogue()
    request = DraftRequest(sample, out, force=True, today=dt.date.fromisoformat(DATE))
    write_draft(request, catalogue)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write_draft(request, catalogue)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def batch(count: int, tmp: Path) -> float:
    """Wall time of `partnerdraft batch` over `count` term sheets (the samples, copied round)."""
    sheets = tmp / "sheets"
    sheets.mkdir()
    samples = sorted((ROOT / "samples").glob("*/*.yaml"))
    for i in range(count):
        shutil.copy(samples[i % len(samples)], sheets / f"{i:03d}-{samples[i % len(samples)].name}")
    return wall([*partnerdraft(), "batch", str(sheets), "-o", str(tmp / "drafts"), "--date", DATE, "--force"], 1,
                warm_up=False)


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
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.docx"
        command = [*partnerdraft(), "assemble", str(sample), "-o", str(out), "--date", DATE, "--force"]
        assemble = wall(command, args.runs)
        first = empty_cache(command, args.runs, Path(tmp))
        bare = bare_python_docx(sample, Path(tmp) / "bare.docx", args.runs)
        help_time = wall([*partnerdraft(), "--help"], args.runs)
        in_process = warm(sample, Path(tmp) / "warm.docx", args.runs)
        batched = batch(args.batch, Path(tmp)) if args.batch else None
        print(f"date: {dt.date.today().isoformat()}; machine: {platform.platform()}, {os.cpu_count()} cores, "
              f"Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}")
        print(f"sample: {sample.relative_to(ROOT)} ({pages(out)} pages)")
        print(f"partnerdraft assemble (cold, new process): {assemble:.2f} s (median of {args.runs})")
        print(f"bare python-docx, same paragraphs: {bare:.2f} s")
        print(f"ratio: {assemble / bare:.1f}x (target 2x)")
        print(f"partnerdraft assemble with an empty user cache (first run after a library edit): {first:.2f} s")
        print(f"warm, in one process (read, validate, check, assemble, write): {in_process * 1000:.0f} ms "
              f"(target 150 ms)")
        if batched is not None:
            print(f"partnerdraft batch, {args.batch} term sheets, {os.cpu_count()} workers: {batched:.1f} s "
                  f"(target 30 s)")
        print(f"partnerdraft --help: {help_time:.3f} s")


if __name__ == "__main__":
    main()
