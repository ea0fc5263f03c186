"""Time `copydesk check` on a folder of articles with --jobs 1 and --jobs 2, and check that
both print the same report.

    python bench/jobs_speed.py [--news DIR] [--articles 1000] [--runs 3] [--keep DIR]

The folder is built in a temporary folder (or --keep DIR): a tenth of the articles are the
sample article, the rest real news texts from --news (a folder of .txt files, which the
project does not ship; without it, every article is the sample). Articles are written in turn
as plain text, Markdown (front matter, a heading, paragraphs) and HTML, in ten sections. Each
setting runs --runs times, alternating, as separate processes; the best and the median wall
time are reported, with the CPU time of the run and its workers, and the machine's load
average before each run (other work on the machine slows the parallel run first).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "hifter-visit-to-france.txt"


def build(folder: Path, news: Path | None, count: int) -> int:
    seed = SEED.read_text(encoding="utf-8")
    texts = sorted(news.rglob("*.txt")) if news else []
    size = 0
    for index in range(count):
        section = folder / f"section-{index % 10}"
        section.mkdir(parents=True, exist_ok=True)
        text = seed if index % 10 == 0 or not texts else \
            texts[(index * 7) % len(texts)].read_text(encoding="utf-8", errors="replace")
        size += write_article(section, index, text)
    return size


def write_article(folder: Path, index: int, text: str) -> int:
    """Write an article as plain text, Markdown or HTML (by turns, after ``index``); its size in bytes."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()] or ["(empty)"]
    if index % 3 == 0:
        path, body = folder / f"a{index:04d}.txt", text
    elif index % 3 == 1:
        path = folder / f"a{index:04d}.md"
        body = f"---\ntitle: article {index}\n---\n\n# {paragraphs[0]}\n\n" + "\n\n".join(paragraphs[1:]) + "\n"
    else:
        path = folder / f"a{index:04d}.html"
        body = (f"<!DOCTYPE html>\n<html><head><title>article {index}</title></head>\n<body>\n"
                + "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "\n</body></html>\n")
    path.write_text(body, encoding="utf-8")
    return len(body.encode("utf-8"))


def timed(folder: Path, jobs: int) -> tuple[float, float, str]:
    """Wall time, CPU time (this run and its workers), and the JSON report."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "-c", str(ROOT / "rules.yaml"),
                           "-f", "json", "-j", str(jobs), str(folder)], capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        sys.exit(f"copydesk failed: {done.stderr}")
    return wall, cpu, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.keep or Path(temporary) / "articles"
        size = build(folder, options.news, options.articles)
        print(f"{options.articles} articles, {size / 1e6:.1f} MB, in {folder}")
        results: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
        reports: dict[int, set[str]] = {1: set(), 2: set()}
        for _ in range(options.runs):
            for jobs in (1, 2):
                load = os.getloadavg()[0]
                wall, cpu, report = timed(folder, jobs)
                results[jobs].append((wall, cpu, load))
                reports[jobs].add(report)
        summary = json.loads(next(iter(reports[1])))["summary"]
        print(f"findings: {summary['findings']} in {summary['files']} files")
        for jobs, runs in results.items():
            walls = [wall for wall, _, _ in runs]
            print(f"--jobs {jobs}: best {min(walls):.2f} s, median {statistics.median(walls):.2f} s wall; "
                  f"CPU {statistics.median(cpu for _, cpu, _ in runs):.2f} s; "
                  f"load before runs {', '.join(f'{load:.1f}' for _, _, load in runs)}")
        same = len(reports[1] | reports[2]) == 1
        print("reports of --jobs 1 and --jobs 2:", "identical" if same else "DIFFERENT")


if __name__ == "__main__":
    main()
