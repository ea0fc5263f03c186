"""Which Harper rules earn their place on news: each rule's findings on real articles.

    python bench/harper_rules.py --news DIR [--samples 3] [--json FILE]

Lints every .txt article under DIR (real news, which the project does not ship) with every
Harper rule on (Harper's defaults, its spelling check aside: copydesk's spelling rule owns
spelling), in the paragraph chunks copydesk sends, and prints per rule: its findings, whether
copydesk runs it (lint.engines.harper.ALLOWED) and a few findings in context, for a person to
tell slips from false alarms. Then the time Harper takes over the same text with its defaults,
with copydesk's rules only, and with no rule at all (its parsing alone). Each setting runs in a
fresh process: Harper remembers the texts it has linted.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

import harper

from lint.engines.base import chunks
from lint.engines.harper import ALLOWED, CHUNK

TIMED = """
import sys, time, harper
from lint.engines.base import chunks
from lint.engines.harper import ALLOWED, CHUNK
every = harper.get_default_lint_config()
setting = {"defaults": {}, "copydesk": {name: name in ALLOWED for name in every},
           "none": {name: False for name in every}}[sys.argv[1]]
linter = harper.Linter(harper.Dialect.AMERICAN)
linter.set_lint_config(setting)
linter.lint("Warm up.", language="plaintext", dedup=False)
texts = [open(path, encoding="utf-8").read() for path in sys.argv[2:]]
started = time.perf_counter()
for text in texts:
    for start, end in chunks(text, CHUNK):
        linter.lint(text[start:end], language="plaintext", dedup=False)
print(time.perf_counter() - started)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=Path, required=True)
    parser.add_argument("--samples", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write every finding here")
    options = parser.parse_args()
    paths = sorted(options.news.rglob("*.txt"))
    if not paths:
        parser.error(f"no .txt articles under {options.news}")
    linter = harper.Linter(harper.Dialect.AMERICAN)
    linter.set_lint_config({"SpellCheck": False})
    found: dict[str, list[dict]] = collections.defaultdict(list)
    size = 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        size += len(text.encode("utf-8"))
        for start, end in chunks(text, CHUNK):
            for rule, lints in linter.organized_lints(text[start:end], language="plaintext", dedup=False).items():
                for lint in lints:
                    at, to = start + lint.span.start, start + lint.span.end
                    found[rule].append({"file": path.name, "text": lint.problem_text, "message": lint.message,
                                        "context": " ".join(text[max(0, at - 50):to + 50].split())})
    print(f"{len(paths)} articles, {size / 1e6:.2f} MB; {sum(map(len, found.values()))} findings of "
          f"{len(found)} rules (every Harper rule but SpellCheck on)\n")
    print("| rule | findings | copydesk runs it |\n|---|---|---|")
    for rule, hits in sorted(found.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"| {rule} | {len(hits)} | {'yes' if rule in ALLOWED else 'no'} |")
    for rule, hits in sorted(found.items()):
        print(f"\n{rule} ({len(hits)}):")
        for hit in hits[:options.samples]:
            print(f"  {hit['text']!r} in …{hit['context']}…")
    if options.json:
        options.json.write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
    print("\nHarper over the same text, in copydesk's chunks, one process each:")
    for setting in ("defaults", "copydesk", "none"):
        done = subprocess.run([sys.executable, "-c", TIMED, setting, *map(str, paths)], capture_output=True,
                              text=True, check=True)
        seconds = float(done.stdout)
        print(f"  {setting:9} {seconds:6.1f} s  {size / 1e6 / seconds:.3f} MB/s")


if __name__ == "__main__":
    main()
