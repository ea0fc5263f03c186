"""Time copydesk against the tools a newsroom would otherwise run, on one corpus, in one run.

    python bench/peers.py [--source DIR] [--size-mb 10] [--articles 3000] [--runs 3] [--keep DIR]

The corpus is built in a temporary folder (or --keep DIR) from text the project may use: the
sample article, the README and design notes, the GPL text in LICENSE, and sentences naming the
people and places of rules.yaml (house spellings mostly, variants sometimes), recombined into
--articles article-sized files of --size-mb megabytes in all, written in turn as plain text,
Markdown and HTML, in ten sections of about a tenth each. With --source DIR (a folder of .txt
news articles the project does not ship) the articles are those instead.

Every tool runs --runs times, in turns, as a separate process; the table shows the median wall
time, MB/s and the peak memory of the largest process of the run (its own or a worker's), and
the ratios copydesk/peer. The rows:

* copydesk without a grammar engine (rules.yaml without its grammar rule), --jobs 1 and 2
  (both reports must be identical), codespell, typos (its default: all cores);
* on one section (about 1 MB), each with its default processes: copydesk without grammar,
  copydesk with its default rules (grammar with Harper, the engine of a machine without
  LanguageTool), and Harper alone with its own defaults (harper-py over the same files, every
  Harper rule it turns on by itself, plain text, no deduplication), in one process and in two;
* the rules' size: 10 and 10,000 synthetic names and terms (no other names) on the corpus;
* memory: the corpus's megabytes in --articles x 10/3 files (10,000 by default), and one file
  of a tenth of the corpus, --jobs 1 (peak memory flat in the number of files, and at most 20x
  the largest file above the one-article run's);
* the cache: a first run into an empty --cache-dir and a second one (identical reports);
* one short article from the command line (start-up included): copydesk check on the sample,
  without a grammar engine and with its default rules (Harper), and codespell on it.

Every copydesk run but the cache's has --no-cache. Peak memory is GNU time's (/usr/bin/time).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jobs_speed import write_article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "hifter-visit-to-france.txt"
BIN = Path(sys.executable).parent
TIME = "/usr/bin/time"  # GNU time (Debian package "time"), for the peak memory
SECTIONS = 10
MANY = "memory: the corpus in 10/3 as many files (--jobs 1)"
LARGE = "memory: one file of a tenth of the corpus (--jobs 1)"

# Sentences to carry the names of rules.yaml into the articles ({} are names).
SENTENCES = [
    "{} met {} on Monday, officials said.",
    "A spokesman for {} said talks with {} would resume next week.",
    "{} told reporters that {} had accepted the invitation.",
    "Forces loyal to {} advanced on positions held by {}, witnesses said.",
    "{} welcomed the statement, while {} declined to comment.",
    "In a televised speech, {} thanked {} for the support.",
]

# Harper alone: the files named on the command line, one Linter, Harper's own default rules
# (plain text, no deduplication, as copydesk asks), lints counted.
HARPER_ALONE = """
import sys, harper
linter = harper.Linter(harper.Dialect.AMERICAN)
print(sum(len(linter.lint(open(path, encoding="utf-8").read(), language="plaintext", dedup=False))
          for path in sys.argv[1:]))
"""


# -- the corpus -------------------------------------------------------------

def prose_paragraphs(path: Path) -> list[str]:
    """The paragraphs of a text or Markdown file, without code blocks, tables or heading marks."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    paragraphs = []
    for block in text.split("\n\n"):
        lines = [line.strip().lstrip("#").strip() for line in block.splitlines()
                 if line.strip() and not line.startswith(("    ", "|", "!", "<"))]
        if len(" ".join(lines)) > 40:
            paragraphs.append(" ".join(lines))
    return paragraphs


def rule_names(rules: dict) -> list[tuple[str, list[str]]]:
    """(house spelling, variants) of every names rule."""
    return [(body.get("preferred") or body["variants"][0], list(body["variants"]))
            for body in rules["rules"].values() if body.get("type") == "names"]


def articles(source: Path | None, count: int, size: int) -> list[str]:
    """``count`` article texts of about ``size`` bytes in all."""
    if source:
        texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted(source.rglob("*.txt"))]
        if not texts:
            sys.exit(f"no .txt files in {source}")
        found, total, index = [], 0, 0
        while total < size:
            found.append(texts[index % len(texts)])
            total += len(found[-1].encode("utf-8"))
            index += 1
        return found
    pool = [*prose_paragraphs(SEED)] * 6 + [
        *prose_paragraphs(ROOT / "README.md"), *prose_paragraphs(ROOT / "docs" / "design.md"),
        *prose_paragraphs(ROOT / "LICENSE")]
    names = rule_names(yaml.safe_load((ROOT / "rules.yaml").read_text(encoding="utf-8")))
    chance = random.Random(7)

    def name() -> str:
        preferred, variants = chance.choice(names)
        return chance.choice(variants) if chance.random() < 0.15 else preferred

    def sentence() -> str:
        return chance.choice(SENTENCES).format(name(), name())

    found = []
    for _ in range(count):
        paragraphs = [sentence().rstrip(".")]
        while sum(map(len, paragraphs)) < 0.9 * size / count:  # the last paragraph overshoots
            paragraphs.append(chance.choice(pool))
            if chance.random() < 0.4:
                paragraphs.append(" ".join(sentence() for _ in range(chance.randint(1, 3))))
        found.append("\n\n".join(paragraphs) + "\n")
    return found


def build(folder: Path, source: Path | None, count: int, size: int) -> int:
    """The corpus in ten section folders; its size in bytes."""
    total = 0
    for index, text in enumerate(articles(source, count, size)):
        section = folder / f"section-{index % SECTIONS}"
        section.mkdir(parents=True, exist_ok=True)
        total += write_article(section, index, text)
    return total


# -- rules files ------------------------------------------------------------

def rules_without_grammar() -> dict:
    rules = yaml.safe_load((ROOT / "rules.yaml").read_text(encoding="utf-8"))
    rules["rules"] = {rule: body for rule, body in rules["rules"].items() if body.get("type") != "grammar"}
    return rules


def with_harper(rules: dict) -> dict:
    return {**rules, "rules": {**rules["rules"], "grammar": {"type": "grammar", "engine": "harper"}}}


def synthetic_name(chance: random.Random) -> str:
    syllables = [chance.choice("bdfghjklmnqrstvwz") + chance.choice("aeiou") + chance.choice(["", "r", "n", "l", "sh"])
                 for _ in range(chance.randint(2, 4))]
    return "".join(syllables).capitalize()


def sized_rules(rules: dict, count: int) -> dict:
    """The rules without their names and terms, plus ``count`` synthetic ones: half in
    names groups (a house spelling and four variants), half in one substitution rule."""
    chance = random.Random(count)
    kept = {rule: body for rule, body in rules["rules"].items() if body.get("type") not in ("names", "substitution")}
    seen: set[str] = set()

    def fresh() -> str:
        while (made := synthetic_name(chance)).casefold() in seen:
            pass
        seen.add(made.casefold())
        return made

    for group in range(count // 2 // 5):
        kept[f"name-{group}"] = {"type": "names", "severity": "error", "preferred": fresh(),
                                 "variants": [fresh() for _ in range(4)]}
    kept["terms"] = {"type": "substitution", "severity": "error",
                     "replace": {f"{fresh().lower()} {fresh().lower()}": fresh() for _ in range(count - count // 2)}}
    return {**rules, "rules": kept}


# -- timing -----------------------------------------------------------------

@dataclass
class Timed:
    walls: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)  # KB
    outputs: set[str] = field(default_factory=set)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def peak_mb(self) -> float:
        return max(self.peaks) / 1024


def run(commands: list[list[str]], into: Timed, keep: bool = False, ok: tuple[int, ...] = (0, 1)) -> None:
    """Run commands side by side, once: the wall time until all end, and the peak memory of
    the largest process (GNU time's maximum resident set: the command's or a worker's)."""
    with tempfile.TemporaryDirectory() as scratch, open(Path(scratch) / "out", "w+", encoding="utf-8") as out, \
            open(Path(scratch) / "err", "w+", encoding="utf-8") as err:
        memory = [Path(scratch) / f"memory-{index}" for index in range(len(commands))]
        started = time.perf_counter()
        processes = [subprocess.Popen([TIME, "-f", "%M", "-o", str(kept), *command], cwd=ROOT, stdout=out, stderr=err)
                     for command, kept in zip(commands, memory, strict=False)]
        codes = [process.wait() for process in processes]
        into.walls.append(time.perf_counter() - started)
        for code, command in zip(codes, commands, strict=False):
            if code not in ok:
                err.seek(0)
                sys.exit(f"{' '.join(command)[:200]} failed ({code}): {err.read()[-2000:]}")
        into.peaks.append(max(int(kept.read_text().split()[-1]) for kept in memory))
        if keep:
            out.seek(0)
            into.outputs.add(out.read())


def copydesk(rules: Path, *arguments: str) -> list[str]:
    return [str(BIN / "copydesk"), "check", "-c", str(rules), "-f", "json", *arguments]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="a folder of .txt articles to use instead")
    parser.add_argument("--size-mb", type=float, default=10)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the corpus here and leave it")
    options = parser.parse_args()
    began = time.perf_counter()
    if not os.access(TIME, os.X_OK):
        sys.exit(f"{TIME} is missing: install GNU time (apt-get install time)")
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        corpus = options.keep or work / "corpus"
        size = build(corpus, options.source, options.articles, int(options.size_mb * 1e6))
        part = corpus / "section-0"
        part_files = sorted(str(path) for path in part.iterdir())
        part_size = sum(os.path.getsize(path) for path in part_files)
        files = sum(1 for _ in corpus.rglob("*.*"))
        many = work / "many"  # the same megabytes in more, smaller files
        build(many, options.source, options.articles * 10 // 3, size)
        large = work / "large.txt"  # one file of a tenth of the corpus
        large.write_text("\n\n".join(articles(options.source, options.articles // 10, size // 10)), encoding="utf-8")
        print(f"corpus: {files} files, {size / 1e6:.1f} MB in {corpus}; Harper part: {part.name}, "
              f"{len(part_files)} files, {part_size / 1e6:.2f} MB")

        def rules_file(name: str, rules: dict) -> Path:
            path = work / f"{name}.yaml"
            path.write_text(yaml.safe_dump(rules, allow_unicode=True, sort_keys=False), encoding="utf-8")
            return path

        plain = rules_without_grammar()
        no_grammar = rules_file("no-grammar", plain)
        small = rules_file("names-10", sized_rules(plain, 10))
        names_10000 = rules_file("names-10000", sized_rules(plain, 10_000))
        harper = rules_file("harper", with_harper(plain))
        cache = work / "cache"
        rows: dict[str, Timed] = {}

        def timed(label: str, *commands: list[str], **how) -> None:
            run(list(commands), rows.setdefault(label, Timed()), **how)

        loads = []
        for _ in range(options.runs):
            loads.append(os.getloadavg()[0])
            timed("copydesk --jobs 1", copydesk(no_grammar, "--no-cache", "-j", "1", str(corpus)), keep=True)
            timed("copydesk --jobs 2", copydesk(no_grammar, "--no-cache", "-j", "2", str(corpus)), keep=True)
            timed("codespell", [str(BIN / "codespell"), str(corpus)], ok=(0, 65))
            timed("typos", [str(BIN / "typos"), str(corpus)], ok=(0, 2))
            timed("10 names and terms", copydesk(small, "--no-cache", "-j", "2", str(corpus)))
            timed("10,000 names and terms", copydesk(names_10000, "--no-cache", "-j", "2", str(corpus)))
            timed(MANY, copydesk(no_grammar, "--no-cache", "-j", "1", str(many)))
            timed(LARGE, copydesk(no_grammar, "--no-cache", "-j", "1", str(large)))
            timed("copydesk without grammar, 1 MB", copydesk(no_grammar, "--no-cache", str(part)))
            timed("copydesk default rules (Harper), 1 MB", copydesk(harper, "--no-cache", str(part)))
            timed("Harper alone (its defaults), 1 MB, 1 process", [sys.executable, "-c", HARPER_ALONE, *part_files])
            timed("Harper alone (its defaults), 1 MB, 2 processes",
                  *([sys.executable, "-c", HARPER_ALONE, *half] for half in (part_files[::2], part_files[1::2])))
            for _ in range(3):  # the shortest runs: more of them
                timed("short article (start-up included)", [str(BIN / "copydesk"), "check", "--no-cache",
                                                            "-c", str(no_grammar), str(SEED)])
                timed("short article, default rules (Harper)", [str(BIN / "copydesk"), "check", "--no-cache",
                                                                "-c", str(harper), str(SEED)])
                timed("short article, codespell", [str(BIN / "codespell"), str(SEED)], ok=(0, 65))
        for label in ("cache: first run", "cache: second run"):
            timed(label, copydesk(no_grammar, "--cache-dir", str(cache), str(corpus)), keep=True)

        jobs1, jobs2 = rows["copydesk --jobs 1"], rows["copydesk --jobs 2"]
        if len(jobs1.outputs | jobs2.outputs) != 1:
            sys.exit("the reports of --jobs 1 and --jobs 2 differ")
        if rows["cache: first run"].outputs != rows["cache: second run"].outputs or \
                rows["cache: first run"].outputs != jobs1.outputs:
            sys.exit("the cached report differs from the uncached one")
        summary = json.loads(next(iter(jobs1.outputs)))["summary"]
        print(f"copydesk findings: {summary['findings']} in {summary['files']} files; load average before each "
              f"round: {', '.join(f'{load:.1f}' for load in loads)} (other work slows the parallel runs first)")
        table(rows, size, part_size, large.stat().st_size, options.runs)
    print(f"benchmark: {time.perf_counter() - began:.0f} s")


def table(rows: dict[str, Timed], size: int, part_size: int, large_size: int, runs: int) -> None:
    """The Markdown table of the README, with the targets' ratios."""
    print(f"\n| run (median of {runs}) | wall s | MB/s | peak MB |\n|---|---|---|---|")
    for label, timed in rows.items():
        megabytes = part_size / 1e6 if "1 MB" in label else SEED.stat().st_size / 1e6 if "short" in label \
            else large_size / 1e6 if label == LARGE else size / 1e6
        print(f"| {label} | {timed.wall:.2f} | {megabytes / timed.wall:.2f} | {timed.peak_mb:.0f} |")
    wall = {label: timed.wall for label, timed in rows.items()}
    harper_alone = min(wall["Harper alone (its defaults), 1 MB, 1 process"],
                       wall["Harper alone (its defaults), 1 MB, 2 processes"])
    one_article = rows["short article (start-up included)"]
    targets = [  # what, measured, the target met (None: no target, for information)
        ("copydesk --jobs 1 / codespell ≤ 2", wall["copydesk --jobs 1"] / wall["codespell"], lambda v: v <= 2),
        ("copydesk --jobs 2 / codespell", wall["copydesk --jobs 2"] / wall["codespell"], None),
        ("copydesk --jobs 2 / typos", wall["copydesk --jobs 2"] / wall["typos"], None),
        ("1 MB: default rules (Harper) / without grammar ≤ 2",
         wall["copydesk default rules (Harper), 1 MB"] / wall["copydesk without grammar, 1 MB"], lambda v: v <= 2),
        ("1 MB: default rules (Harper) / Harper alone with its defaults (its faster row) ≤ 0.15",
         wall["copydesk default rules (Harper), 1 MB"] / harper_alone, lambda v: v <= 0.15),
        ("one article / codespell on it < 2", one_article.wall / wall["short article, codespell"], lambda v: v < 2),
        ("one article: default rules (Harper) / without grammar ≤ 2",
         wall["short article, default rules (Harper)"] / one_article.wall, lambda v: v <= 2),
        ("10,000 names and terms / 10 ≤ 1.3", wall["10,000 names and terms"] / wall["10 names and terms"],
         lambda v: v <= 1.3),
        ("--jobs 1 / --jobs 2 ≥ 1.7", wall["copydesk --jobs 1"] / wall["copydesk --jobs 2"], lambda v: v >= 1.7),
        ("memory: peak in 10/3 as many files / peak ≤ 1.1", rows[MANY].peak_mb / rows["copydesk --jobs 1"].peak_mb,
         lambda v: v <= 1.1),
        ("memory: one large file, peak above one article's / its size ≤ 20",
         (rows[LARGE].peak_mb - one_article.peak_mb) * 2 ** 20 / large_size, lambda v: v <= 20),
        ("cache: second run / first run", wall["cache: second run"] / wall["cache: first run"], None),
    ]
    print("\n| target | measured | met |\n|---|---|---|")
    for label, value, met in targets:
        print(f"| {label} | {value:.2f} | {'' if met is None else 'yes' if met(value) else 'NO'} |")


if __name__ == "__main__":
    main()
