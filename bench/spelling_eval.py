"""Measure the spelling rule on real text: false alarms per 1,000 words and catch rate.

    python bench/spelling_eval.py [--news DIR] [--misspellings FILE.tsv [--hunspell]] [--rules rules.yaml]

--news: a folder of real English news articles (.txt), which the project does not ship;
every spelling finding there is counted (most are false alarms; the script prints the
most frequent flagged words so a person can tell the real slips from the noise).
--misspellings: lines "misspelling<TAB>correction"; each misspelling is put in a
sentence, lower-case in mid-sentence and capitalised at a sentence start, and counted
as caught when flagged, and as corrected when the correction is the first suggestion.
The list used for the README is Wikipedia's "Lists of common misspellings/For machines"
(lines "wrong->right"; convert them to TAB-separated pairs). codespell's dictionary, which
copydesk reads, was built partly from that page, so the figures are also given for the
pairs whose misspelling codespell does not list: those measure the rest of the rule.
--hunspell: the same misspellings, one per line, through Debian's hunspell with its en_US
dictionary (`apt-get install hunspell hunspell-en-us`; `hunspell -a`, its pipe mode), side by side.
"""

from __future__ import annotations

import argparse
import collections
import random
import shutil
import subprocess
import time
from pathlib import Path

from lint import config
from lint.document import Document
from lint.engines import curated
from lint.linter import Linter, Selection
from lint.words import words


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--news", type=Path)
    parser.add_argument("--misspellings", type=Path)
    parser.add_argument("--rules", type=Path, default=Path(__file__).resolve().parent.parent / "rules.yaml")
    parser.add_argument("--sample", type=int, default=3000, help="misspellings to try (random sample)")
    parser.add_argument("--hunspell", action="store_true", help="also run hunspell -d en_US on the misspellings")
    args = parser.parse_args()
    if not args.news and not args.misspellings:
        parser.error("give --news DIR, --misspellings FILE.tsv, or both")
    if args.hunspell and not shutil.which("hunspell"):
        parser.error("--hunspell: no hunspell on PATH (apt-get install hunspell hunspell-en-us)")
    rules = config.load(args.rules)
    linter = Linter(rules, Selection(select=frozenset({"spelling"})))
    if args.news:
        news(parser, args.news, linter)
    if args.misspellings:
        misspellings(args, linter)


def news(parser: argparse.ArgumentParser, folder: Path, linter: Linter) -> None:
    files = sorted(folder.rglob("*.txt"))
    if not files:
        parser.error(f"no .txt articles under {folder}")
    total_words, flagged = 0, collections.Counter()
    started = time.perf_counter()
    size = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        size += len(text.encode())
        total_words += len(words(text))
        flagged.update(f.text for f in linter.lint(Document(str(path), text)))
    elapsed = time.perf_counter() - started
    count = sum(flagged.values())
    print(f"news: {len(files)} articles, {total_words} words, {size / 1e6:.1f} MB in {elapsed:.1f} s")
    print(f"spelling findings: {count} = {1000 * count / total_words:.2f} per 1,000 words")
    print("most flagged:", ", ".join(f"{w} ({n})" for w, n in flagged.most_common(40)))



def misspellings(args: argparse.Namespace, linter: Linter) -> None:
    pairs = [line.split("\t") for line in args.misspellings.read_text(encoding="utf-8").splitlines()]
    pairs = [(wrong, right) for wrong, right in pairs if " " not in right and wrong.isalpha()]
    random.Random(1).shuffle(pairs)
    pairs = pairs[:args.sample]
    listed = curated.misspellings()
    subsets = (("all", pairs), ("not in codespell's list", [p for p in pairs if p[0].lower() not in listed]))
    for position, template in (("mid-sentence", "They said the {} was there."),
                               ("sentence start", "It rained. {} was there.")):
        results = {}
        for wrong, right in pairs:
            word = wrong if position == "mid-sentence" else wrong.capitalize()
            found = [f for f in linter.lint(Document("-", template.format(word))) if f.text == word]
            results[wrong] = (bool(found), bool(found and found[0].suggestions
                                                and found[0].suggestions[0].lower() == right.lower()))
        for name, subset in subsets:
            print(f"copydesk misspellings ({position}, {name}): {summary(subset, results)}")
    if args.hunspell:
        results = hunspell(pairs)
        for name, subset in subsets:
            print(f"hunspell en_US misspellings ({name}): {summary(subset, results)}")


def summary(pairs: list[tuple[str, str]], results: dict[str, tuple[bool, bool]]) -> str:
    if not pairs:
        return "none"
    caught = sum(results[wrong][0] for wrong, _ in pairs)
    corrected = sum(results[wrong][1] for wrong, _ in pairs)
    return (f"{len(pairs)} tried, caught {100 * caught / len(pairs):.1f}%, "
            f"first suggestion right {100 * corrected / len(pairs):.1f}%")


def hunspell(pairs: list[tuple[str, str]]) -> dict[str, tuple[bool, bool]]:
    """hunspell -a on the words, one per line ('^' keeps a word from being read as a command):
    '*', '+' or '-' = accepted, '& word n offset: s1, s2' = suggestions, '# word offset' = none."""
    words = [wrong for wrong, _ in pairs]
    output = subprocess.run(["hunspell", "-d", "en_US", "-a"], input="".join(f"^{w}\n" for w in words),
                            capture_output=True, text=True, check=True).stdout
    answers = [block for block in output.split("\n\n")[:-1]]
    answers[0] = answers[0].split("\n", 1)[1]  # the version banner
    results = {}
    for (wrong, right), answer in zip(pairs, answers, strict=True):
        line = answer.strip()
        first = line.split(": ", 1)[1].split(", ")[0] if line.startswith("&") else ""
        results[wrong] = (line[:1] in "&#", first.lower() == right.lower())
    return results


if __name__ == "__main__":
    main()
