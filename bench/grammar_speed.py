"""Time the grammar stage alone with Harper: the grammar rule over a few MB of articles.

    python bench/grammar_speed.py [--news DIR] [--megabytes 3]

Articles are the sample article and then real news texts from --news (a folder of .txt
files, which the project does not ship; without it, the sample article repeated), in a
fixed shuffled order, until --megabytes of UTF-8. Each is checked as its own document, as
``copydesk check`` does; then the first 1.2 MB again as one document. Reported: MB/s, the
findings, the time to start the engine, and the machine's load average before the run
(other work on this 2-core machine slows the threads first).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from lint import config
from lint.context import Context
from lint.document import Document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "hifter-visit-to-france.txt"
RULES = "version: 1\nrules:\n  grammar: {type: grammar, engine: harper}\n"


def articles(news: Path | None, megabytes: float) -> list[str]:
    paths = sorted(news.rglob("*.txt")) if news else []
    random.Random(7).shuffle(paths)
    texts, size = [SEED.read_text(encoding="utf-8")], 0
    while size < megabytes * 1e6:
        text = paths[len(texts) % len(paths)].read_text(encoding="utf-8", errors="replace") if paths else texts[0]
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--news", type=Path)
    parser.add_argument("--megabytes", type=float, default=3.0)
    options = parser.parse_args()
    texts = articles(options.news, options.megabytes)
    rules = config.parse(RULES, "bench.yaml", ".")
    grammar = rules.checks[0]

    def lint(text: str, path: str) -> int:
        return sum(1 for _ in grammar.check(Context(Document(path, text), rules.matcher, rules.accepted)))

    print(f"load average {os.getloadavg()[0]:.2f}; one Harper thread")
    started = time.perf_counter()
    grammar.prepare()
    lint("He have a apple.", "warm.txt")  # waits for the process's Linter
    print(f"engine ready in {time.perf_counter() - started:.1f} s: {grammar.engine}")
    size = sum(len(text.encode("utf-8")) for text in texts)
    started = time.perf_counter()
    found = sum(lint(text, f"{index}.txt") for index, text in enumerate(texts))
    elapsed = time.perf_counter() - started
    print(f"{len(texts)} articles, {size / 1e6:.2f} MB: {elapsed:.1f} s, {size / 1e6 / elapsed:.3f} MB/s, "
          f"{found} grammar findings")
    big = "\n\n".join(texts)[:1_200_000]
    started = time.perf_counter()
    found = lint(big, "big.txt")
    elapsed = time.perf_counter() - started
    print(f"one document of {len(big.encode('utf-8')) / 1e6:.2f} MB: {elapsed:.1f} s, "
          f"{len(big.encode('utf-8')) / 1e6 / elapsed:.3f} MB/s, {found} grammar findings")


if __name__ == "__main__":
    main()
