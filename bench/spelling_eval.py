"""Measure the spelling rule on real text: false alarms per 1,000 words and catch rate.

    python bench/spelling_eval.py --news DIR [--misspellings FILE.tsv] [--rules rules.yaml]

--news: a folder of real English news articles (.txt), which the project does not ship;
every spelling finding there is counted (most are false alarms; the script prints the
most frequent flagged words so a person can tell the real slips from the noise).
--misspellings: lines "misspelling<TAB>correction"; each misspelling is put in a
sentence, lower-case in mid-sentence and capitalised at a sentence start, and counted
as caught when flagged, and as corrected when the correction is the first suggestion.
"""

from __future__ import annotations

import argparse
import collections
import random
import time
from pathlib import Path

from lint import config
from lint.document import Document
from lint.linter import Linter, Selection
from lint.words import words


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--news", type=Path, required=True)
    parser.add_argument("--misspellings", type=Path)
    parser.add_argument("--rules", type=Path, default=Path(__file__).resolve().parent.parent / "rules.yaml")
    parser.add_argument("--sample", type=int, default=3000, help="misspellings to try (random sample)")
    args = parser.parse_args()
    rules = config.load(args.rules)
    linter = Linter(rules, Selection(select=frozenset({"spelling"})))

    files = sorted(args.news.rglob("*.txt"))
    if not files:
        parser.error(f"no .txt articles under {args.news}")
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

    if args.misspellings:
        pairs = [line.split("\t") for line in args.misspellings.read_text(encoding="utf-8").splitlines()]
        pairs = [(wrong, right) for wrong, right in pairs if " " not in right and wrong.isalpha()]
        random.Random(1).shuffle(pairs)
        pairs = pairs[:args.sample]
        for position, template in (("mid-sentence", "They said the {} was there."),
                                   ("sentence start", "It rained. {} was there.")):
            caught = corrected = 0
            for wrong, right in pairs:
                word = wrong if position == "mid-sentence" else wrong.capitalize()
                found = [f for f in linter.lint(Document("-", template.format(word))) if f.text == word]
                caught += bool(found)
                corrected += bool(found and found[0].suggestions and found[0].suggestions[0].lower() == right.lower())
            print(f"misspellings ({position}): {len(pairs)} tried, caught {100 * caught / len(pairs):.1f}%, "
                  f"first suggestion right {100 * corrected / len(pairs):.1f}%")


if __name__ == "__main__":
    main()
