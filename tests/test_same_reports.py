"""Speed without changed reports (issue 14): what copydesk remembers per word across the
documents of a process, the one-pass tokenizer and the prebuilt dictionary must never change a
finding. Reports are compared over real-ish articles built here (and over the real articles of
eval/texts/ when they are present: third-party text, never committed) between a fresh process,
a warm one that checked other articles first, and the reverse order."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import regex
import yaml
from conftest import ROOT, SEED
from hypothesis import given
from hypothesis import strategies as st

from lint import config
from lint.document import Document
from lint.linter import Linter
from lint.words import words

# The tokenizer's definition, one match at a time: what the fast tokenizer must equal.
REFERENCE_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*")
REFERENCE_POSSESSIVE = regex.compile(r"['’]s$|(?<=s)['’]$", regex.IGNORECASE)


def reference_words(text: str) -> list[tuple[int, int, str, int]]:
    found = []
    for match in REFERENCE_WORD.finditer(text):
        possessive = REFERENCE_POSSESSIVE.search(match.group())
        found.append((match.start(), match.end(), match.group(),
                      match.start() + possessive.start() if possessive else match.end()))
    return found


@given(st.text(st.sampled_from("aZé\u0301ğ9’'s- \n.İ١🙂\u00ad"), max_size=60) | st.text(max_size=60))
def test_tokenizer_equals_its_definition(text):
    assert [tuple(word) for word in words(text)] == reference_words(text)


def slipped(word: str, chance: random.Random) -> str:
    """A keyboard slip: two letters swapped, one dropped or one doubled."""
    if len(word) < 5 or not word.isalpha():
        return word
    at = chance.randrange(1, len(word) - 2)
    return chance.choice([word[:at] + word[at + 1] + word[at] + word[at + 2:], word[:at] + word[at + 1:],
                          word[:at] + word[at] + word[at:]])


def realish_articles(count: int = 24) -> list[tuple[str, str]]:
    """(file name, text): the sample article's paragraphs and sentences naming the people of
    rules.yaml (house spellings and variants), shuffled, with slips, an all-capitals headline,
    names at sentence starts, written as text, Markdown and HTML."""
    chance = random.Random(14)
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rules = config.load(ROOT / "rules.yaml")
    spellings = sorted({spelling for check in rules.checks if check.type_name == "names"
                        for spelling in (*check.variants, *([check.preferred] if check.preferred else []))})
    articles = []
    for index in range(count):
        body = []
        for _ in range(chance.randint(3, 8)):
            paragraph = chance.choice(paragraphs)
            paragraph = " ".join(slipped(word, chance) if chance.random() < 0.03 else word
                                 for word in paragraph.split(" "))
            names = chance.sample(spellings, 3)
            body.append(f"{names[0]} met {names[1]}’s envoy. {paragraph} {names[2]} said so, and "
                        f"{chance.choice(names).lower()} was written in lower case.")
        headline = chance.choice(spellings).upper() + " VISITS " + chance.choice(spellings).upper()
        kind = index % 3
        if kind == 0:
            articles.append((f"a{index}.txt", headline + "\n\n" + "\n\n".join(body) + "\n"))
        elif kind == 1:
            articles.append((f"a{index}.md", f"# {headline}\n\n" + "\n\n".join(body) + "\n\n`code Hifterr`\n"))
        else:
            articles.append((f"a{index}.html", f"<h1>{headline}</h1>" + "".join(f"<p>{p}</p>" for p in body)))
    for path in sorted((ROOT / "eval" / "texts").glob("*.txt")):  # the real articles, where rebuilt
        articles.append((path.name, path.read_text(encoding="utf-8")))
    return articles


def findings_of(linter: Linter, name: str, text: str) -> list[dict]:
    return [finding.__dict__ | {"severity": str(finding.severity), "suggestions": list(finding.suggestions)} for finding in
            linter.lint(Document(name, text))]


def test_reports_do_not_depend_on_what_the_process_checked_before(tmp_path):
    articles = realish_articles()
    for name, text in articles:
        (tmp_path / name).write_text(text, encoding="utf-8")
    rules_path = tmp_path / "rules.yaml"
    data = yaml.safe_load((ROOT / "rules.yaml").read_text(encoding="utf-8"))
    data["rules"] = {rule: body for rule, body in data["rules"].items() if body["type"] != "grammar"}
    rules_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rules = config.load(rules_path)
    assert "grammar" not in {check.type_name for check in rules.checks}
    # A fresh process, every article in one run.
    done = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "-j", "1", "-f", "json",
                           "-c", str(rules_path), *sorted(name for name, _ in articles)],
                          cwd=tmp_path, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})  # this copy of copydesk
    assert done.returncode == 1, done.stderr
    fresh: dict[str, list[dict]] = {}
    for finding in json.loads(done.stdout)["findings"]:
        fresh.setdefault(finding["path"], []).append(finding)
    assert sum(map(len, fresh.values())) > 100
    assert {finding["rule"] for found in fresh.values() for finding in found} >= {"spelling", "variants", "haftar"}
    # This process, warm from the fresh run's twin, in the reverse order: the same findings.
    linter = Linter(rules)
    for order in (articles, articles[::-1]):
        for name, text in order:
            expected = fresh.get(name, [])
            shown = [{key: finding[key] for key in expected[0]} for finding in findings_of(linter, name, text)] \
                if expected else findings_of(linter, name, text)
            assert shown == expected, name
