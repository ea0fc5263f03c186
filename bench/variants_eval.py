"""Precision and recall of the name-variant matcher on real spellings; false alarms
and cost on real news articles.

    python bench/variants_eval.py [--errors] [--tune]
    python bench/variants_eval.py --news /work/data/news [--show]

Data: tests/data/variant_pairs.yaml. Positive pairs are two spellings of one
"same" group; negative pairs are the "different" look-alikes, plus every pair of
spellings from two different "same" groups that the cheap skeleton test lets
through (the pairs a check would actually weigh). Each entry goes to the
development half or the test half by a hash of its id (cross-group pairs: when
both groups fall in the same half). Tune on "dev" only; "test" is the figure to
report. --tune searches the allowances on dev and prints the best few.

--news DIR lints every .txt article under DIR with a rules file holding only
``variants`` and prints the findings per 100 articles, for the dev and test
halves of the articles (split by a hash of the path) — professional articles
that use their names consistently, so each finding is a false alarm unless
--show reveals a real inconsistency — and the time the check takes per MB.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.names import transliteration as tr
from lint.names.evidence import established

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "variant_pairs.yaml"


def half(key: str) -> str:
    return "dev" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "test"


def pairs() -> list[tuple[str, str, bool, str]]:
    """(a, b, same?, half) for every pair the evaluation weighs."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    found = []
    for group in data["same"]:
        for a, b in itertools.combinations(group["spellings"], 2):
            found.append((a, b, True, half(group["id"])))
    for entry in data["different"]:
        a, b = entry["names"]
        found.append((a, b, False, half(a + "/" + b)))
    for one, other in itertools.combinations(data["same"], 2):
        if half(one["id"]) != half(other["id"]):
            continue
        for a, b in itertools.product(one["spellings"], other["spellings"]):
            if tr.fold_letters(a) != tr.fold_letters(b) and tr.maybe_close(tr.spelling(a), tr.spelling(b)):
                found.append((a, b, False, half(one["id"])))
    return found


def judged(a: str, b: str) -> bool:
    return tr.same_name(a, b, known=established(a) + established(b))


def measure(items, which: str) -> tuple[int, int, int, int, list]:
    tp = fp = fn = tn = 0
    errors = []
    for a, b, same, part in items:
        if which != "all" and part != which:
            continue
        said = judged(a, b)
        if said and same:
            tp += 1
        elif said:
            fp += 1
            errors.append(("false join", a, b, part))
        elif same:
            fn += 1
            errors.append(("missed", a, b, part))
        else:
            tn += 1
    return tp, fp, fn, tn, errors


def report(items, which: str) -> str:
    tp, fp, fn, tn, _ = measure(items, which)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return (f"{which:5} pairs {tp + fp + fn + tn:5}  variants {tp + fn:4}  look-alikes {fp + tn:5}  "
            f"precision {precision:.3f}  recall {recall:.3f}  (false joins {fp}, missed {fn})")


def tune(items) -> None:
    """Grid over the allowances, scored on dev only: F0.5 (precision counts double)."""
    results = []
    for a2, a3, a4, per, known in itertools.product((0.0, 0.2, 0.35), (0.35, 0.5, 0.55, 0.6, 0.7),
                                                      (0.9, 1.0, 1.1, 1.2), (0.2, 0.3, 0.4), (0.2, 0.35, 0.5)):
        tr.ALLOWANCE.update({2: a2, 3: a3, 4: a4})
        tr.ALLOWANCE_PER_CONSONANT, tr.KNOWN_ALLOWANCE = per, known
        tp, fp, fn, _, _ = measure(items, "dev")
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
        results.append((round(f, 4), p, r, (a2, a3, a4, per, known)))
    for f, p, r, params in sorted(results, reverse=True)[:8]:
        print(f"F0.5 {f:.3f}  precision {p:.3f}  recall {r:.3f}  "
              f"allowance 2,3,4={params[:3]} per={params[3]} known={params[4]}")


def news(folder: Path, show: bool) -> None:
    from lint.checks.variants import Variants
    from lint.config import parse
    from lint.document import Document
    from lint.linter import Linter

    rules = parse("version: 1\nrules:\n  variants: {type: variants}\n", "variants.yaml", ".")
    linter = Linter(rules)
    check = next(c for c in rules.checks if isinstance(c, Variants))
    documents = [Document.from_bytes(str(path), path.read_bytes()) for path in sorted(folder.rglob("*.txt"))]
    counts = {"dev": [0, 0], "test": [0, 0]}
    started = time.perf_counter()
    for document in documents:
        findings = linter.lint(document)
        part = half(document.path)
        counts[part][0] += 1
        counts[part][1] += len(findings)
        if show:
            for finding in findings:
                print(f"  {part:4} {finding.path}:{finding.line}:{finding.column}: {finding.message}")
    elapsed = time.perf_counter() - started
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    for part, (articles, found) in counts.items():
        print(f"{part:5} articles {articles:5}  findings {found:4}  "
              f"per 100 articles {100 * found / max(articles, 1):.2f}")
    print(f"time {elapsed:.1f} s for {megabytes:.1f} MB: {elapsed / megabytes:.2f} s per MB "
          f"(whole linter with only the '{check.id}' rule)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the false joins and missed variants")
    parser.add_argument("--tune", action="store_true", help="grid-search the allowances on the dev half")
    parser.add_argument("--news", type=Path, metavar="DIR", help="measure false alarms and cost on the articles in DIR")
    parser.add_argument("--show", action="store_true", help="with --news: print each finding")
    args = parser.parse_args()
    if args.news:
        news(args.news, args.show)
        return
    items = pairs()
    if args.tune:
        tune(items)
        return
    for which in ("dev", "test", "all"):
        print(report(items, which))
    if args.errors:
        for kind, a, b, part in sorted(measure(items, "all")[4]):
            print(f"  {part:4} {kind}: {a} / {b}")


if __name__ == "__main__":
    main()
