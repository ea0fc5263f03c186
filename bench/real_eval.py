"""Score copydesk's `variants` and `spelling` rules on the real-article corpus (issue 12).

    python bench/real_eval.py [--corpus eval] [--corpus OTHER/eval] [--split dev|test|all]
                              [--rules bench/real_eval_rules.yaml] [--show misses|false] [--json]

Each --corpus DIR has articles/*.yaml (annotations, committed) and texts/*.txt (the excerpts,
git-ignored, rebuilt from the stored queries); the format is the corpus helpers' one
(`eval/articles/<id>.yaml`: variants, consistent, slips). An article is in the test half when
int(sha256(url).hexdigest()[:8], 16) is odd, else in dev; tune on dev only.

How it counts (comparisons ignore case, a possessive 's, and kinds of dash and spacing):

* A *group* is one annotated name written several ways. Its reference spelling is the one the
  article uses most, or, on a tie, the one it uses first. The group is *found* when copydesk
  reports a `variants` finding whose text is one of the group's other spellings, or contains one
  of them as whole words, or is contained in one ("Abdul" reported where "Abdul Hamid" is
  annotated), or a `spelling` finding on one of those spellings whose first suggestion is
  another spelling of the group ("IEAE" -> "IAEA"). Recall = groups found / groups.
* A *false alarm* is a spelling that `variants` reports in an article and that is no spelling of
  any annotated group of that article; each such spelling counts once per article, however often
  it occurs. Reported as false alarms per 100 articles.
* A *slip* (an annotated non-word) is *found* when `spelling` reports a finding whose text is the
  slip's text (for class `name`, a `variants` finding counts too). Recall per class and overall.
* A *non-slip finding* is a `spelling` finding whose text is no annotated slip and no spelling of
  an annotated group; counted per 1,000 words (words as copydesk counts them). Findings of the
  sub-rule `spelling/british` (a British form in an en-US article, said as such) are counted
  apart: they are style notes, not claimed misspellings.
* Entries whose note starts with "unsure" are ignored both ways: never a miss, never noise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lint import config
from lint.document import Document
from lint.linter import Linter
from lint.words import POSSESSIVE, fold, words

DASHES = "-‐‑‒–—―"
RULES = Path(__file__).resolve().parent / "real_eval_rules.yaml"


def key(form: str) -> str:
    """The comparison form of a spelling: case, possessive, dashes and spacing aside."""
    folded = fold(POSSESSIVE.sub("", form.strip()))
    return " ".join(folded.translate({ord(d): " " for d in DASHES}).split())


def contains(outer: str, inner: str) -> bool:
    """Whether one spelling holds another as whole words."""
    return f" {inner} " in f" {outer} "


def split_of(url: str) -> str:
    return "test" if int(hashlib.sha256(url.encode()).hexdigest()[:8], 16) % 2 == 1 else "dev"


def unsure(entry: dict) -> bool:
    return str(entry.get("note") or "").strip().lower().startswith("unsure")


@dataclass
class Article:
    id: str
    url: str
    text: str
    groups: list[list[str]]          # spellings of each group, the reference first
    group_kinds: list[str]
    slips: list[dict]
    doubtful: set[str] = field(default_factory=set)  # keys of unsure entries

    @property
    def words(self) -> int:
        return len(words(self.text))


def reference_first(spellings: dict, text: str) -> list[str]:
    """The group's spellings, its reference (most used, then first in the text) first."""
    def first_use(spelling: str) -> int:
        at = fold(text).find(fold(spelling))
        return at if at >= 0 else len(text)
    ranked = sorted(spellings, key=lambda s: (-int(spellings[s] or 0), first_use(s)))
    return [str(s) for s in ranked]


def load_corpus(folders: list[Path]) -> tuple[list[Article], list[str]]:
    articles, problems, seen = [], [], set()
    for folder in folders:
        annotations = sorted((folder / "articles").glob("*.yaml"))
        if not annotations:
            problems.append(f"{folder}: no articles/*.yaml")
        for path in annotations:
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as error:
                problems.append(f"{path}: not YAML ({error.__class__.__name__})")
                continue
            if not isinstance(data, dict) or "url" not in data:
                problems.append(f"{path}: no url")
                continue
            text_path = folder / "texts" / f"{path.stem}.txt"
            if not text_path.exists():
                problems.append(f"{path.stem}: no text at {text_path} (rebuild the texts)")
                continue
            if data["url"] in seen:
                problems.append(f"{path.stem}: url already in the corpus, counted once")
                continue
            seen.add(data["url"])
            text = text_path.read_text(encoding="utf-8")
            variants = [g for g in data.get("variants") or [] if isinstance(g, dict) and g.get("spellings")]
            slips = [s for s in data.get("slips") or [] if isinstance(s, dict) and s.get("text")]
            article = Article(path.stem, data["url"], text,
                              [reference_first(g["spellings"], text) for g in variants if not unsure(g)],
                              [str(g.get("kind", "spelling")) for g in variants if not unsure(g)],
                              [s for s in slips if not unsure(s)])
            article.doubtful = {key(str(s["text"])) for s in slips if unsure(s)} | {
                key(str(sp)) for g in variants if unsure(g) for sp in g["spellings"]}
            articles.append(article)
    return articles, problems


def score(articles: list[Article], linter: Linter) -> dict:
    groups_found, groups_total = Counter(), Counter()
    slips_found, slips_total = Counter(), Counter()
    false_alarms, noise, british, total_words = [], [], 0, 0
    misses = []
    for article in articles:
        findings = linter.lint(Document(article.id, article.text))
        total_words += article.words
        reported = {key(f.text): f for f in findings if f.type == "variants"}
        # A spelling finding that corrects a name to another spelling the article uses
        # ("IEAE" -> "IAEA") tells the copy editor the same thing.
        corrected = {key(f.text): f for f in findings if f.type == "spelling" and f.suggestions}
        spelled = [f for f in findings if f.type == "spelling"]
        for spellings, kind in zip(article.groups, article.group_kinds, strict=True):
            keys = [key(s) for s in spellings]
            hit = any(contains(r, k) or contains(k, r) for r in reported for k in keys[1:]) or any(
                k in corrected and key(corrected[k].suggestions[0]) in keys for k in keys[1:])
            groups_total[kind] += 1
            groups_found[kind] += hit
            if not hit:
                misses.append(f"{article.id}: name {' / '.join(spellings)} ({kind})")
        every_spelling = {key(s) for spellings in article.groups for s in spellings} | article.doubtful
        for r, finding in reported.items():
            if not any(contains(r, k) or contains(k, r) for k in every_spelling):
                false_alarms.append(f"{article.id}: variants {finding.text!r}: {finding.message}")
        slip_keys = {key(str(s["text"])) for s in article.slips}
        for slip in article.slips:
            wanted = key(str(slip["text"]))
            kinds = ("spelling", "variants") if slip.get("class") == "name" else ("spelling",)
            hit = any(key(f.text) == wanted or (contains(key(f.text), wanted) and " " in wanted)
                      for f in findings if f.type in kinds)
            slips_total[slip.get("class", "other")] += 1
            slips_found[slip.get("class", "other")] += hit
            if not hit:
                misses.append(f"{article.id}: slip {slip['text']!r} ({slip.get('class')}, fix {slip.get('fix')!r})")
        for finding in spelled:
            if finding.rule.endswith("/british"):
                british += 1
            elif not any(contains(k, key(finding.text)) for k in slip_keys | every_spelling):
                noise.append(f"{article.id}: spelling {finding.text!r}: {finding.message}")
    return {
        "articles": len(articles), "words": total_words,
        "names": {"groups": sum(groups_total.values()), "found": sum(groups_found.values()),
                  "recall": ratio(sum(groups_found.values()), sum(groups_total.values())),
                  "by_kind": {k: [groups_found[k], groups_total[k]] for k in sorted(groups_total)},
                  "false_alarms": len(false_alarms),
                  "false_alarms_per_100_articles": ratio(100 * len(false_alarms), len(articles), 2)},
        "slips": {"slips": sum(slips_total.values()), "found": sum(slips_found.values()),
                  "recall": ratio(sum(slips_found.values()), sum(slips_total.values())),
                  "by_class": {k: [slips_found[k], slips_total[k]] for k in sorted(slips_total)},
                  "non_slip_findings": len(noise),
                  "non_slip_per_1000_words": ratio(1000 * len(noise), total_words, 2),
                  "british_notes": british},
        "_misses": misses, "_false": false_alarms + noise,
    }


def ratio(part: float, whole: float, digits: int = 3) -> float | None:
    return round(part / whole, digits) if whole else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a folder with articles/ and texts/ (repeatable; default: this repository's eval/)")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--rules", type=Path, default=RULES)
    parser.add_argument("--show", choices=("misses", "false"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    args.corpus = args.corpus or [RULES.parent.parent / "eval"]
    articles, problems = load_corpus(args.corpus)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    articles = [a for a in articles if args.split == "all" or split_of(a.url) == args.split]
    if not articles:
        parser.error(f"no annotated article with its text in the {args.split} split of {args.corpus}")
    rules = config.load(args.rules)
    result = score(articles, Linter(rules))
    if args.show:
        print("\n".join(result["_misses" if args.show == "misses" else "_false"]) or "(none)")
    figures = {k: v for k, v in result.items() if not k.startswith("_")}
    figures["split"] = args.split
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    names, slips = figures["names"], figures["slips"]
    print(f"{args.split}: {figures['articles']} articles, {figures['words']} words")
    print(f"name inconsistencies: {names['found']}/{names['groups']} found (recall {names['recall']}), "
          f"by kind {names['by_kind']}; false alarms {names['false_alarms']} "
          f"= {names['false_alarms_per_100_articles']} per 100 articles")
    print(f"non-word slips: {slips['found']}/{slips['slips']} found (recall {slips['recall']}), "
          f"by class {slips['by_class']}; non-slip spelling findings {slips['non_slip_findings']} "
          f"= {slips['non_slip_per_1000_words']} per 1,000 words; British-form notes {slips['british_notes']}")


if __name__ == "__main__":
    main()
