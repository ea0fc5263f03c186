"""Measure the bilingual checks on real translations that copydesk does not ship.

    python bench/bilingual_eval.py build --tico GIT_DIR   # a clone of github.com/tico-19/tico-19.github.io
    python bench/bilingual_eval.py score                  # findings per check, aligner accuracy

The material: TICO-19's translation memories (COVID-19 texts from PubMed, Wikipedia,
Wikinews, Wikivoyage and CMU, translated by professional translators; CC0) for Arabic, Persian
and Russian, and its terminologies (glossaries, with Turkish). TICO-19 translated from English,
so its English is the original; here each file is written as a TMX whose source is the other
language and whose target is the English, as an editor checking a translation into English
would see it: a finding is then a difference between the two that a copy editor would be shown.
``build`` writes eval/bilingual/ (git-ignored): per language a TMX, a CSV glossary, and article
pairs (each TICO document as two plain-text articles, paragraphs of three segments).
``score`` runs each check alone on them and writes every finding with its source to
eval/bilingual/findings/<check>-<language>.txt for a person to read; bench/bilingual_reviewed.yaml
records those readings (real difference or false alarm), and the score uses them.
"""

from __future__ import annotations

import argparse
import io
import random
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import yaml
from translate.storage import tmx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint import config  # noqa: E402
from lint.bilingual.pairs import segments  # noqa: E402
from lint.document import Document  # noqa: E402
from lint.linter import Linter  # noqa: E402
from lint.prose import view  # noqa: E402

OUT = ROOT / "eval" / "bilingual"
TICO_COMMIT = "d97615f9cffa28ec7de571e00fbd513e5a1c7fc7"
LANGUAGES = {"ar": "ar_AR", "fa": "fa_IR", "ru": "ru_RU"}
GLOSSARY_ONLY = {"tr": "tr_TR"}
CHECKS = ["numbers", "untranslated", "glossary", "consistency", "tags", "variants"]
PARAGRAPH = 3  # segments per paragraph of an article pair
REVIEWED = ROOT / "bench" / "bilingual_reviewed.yaml"


def git_show(git_dir: str, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{TICO_COMMIT}:{path}"], check=True,
                          capture_output=True).stdout


def build(git_dir: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for language, region in {**LANGUAGES, **GLOSSARY_ONLY}.items():
        terms = git_show(git_dir, f"data/terminologies/f_en-{region}.csv").decode("utf-8-sig").splitlines()
        rows = [line.split(",") for line in terms[1:]]
        with open(OUT / f"tico-{language}-terms.csv", "w", encoding="utf-8") as handle:
            for row in rows:  # id, en, xx, English term, its translation (terms hold no commas here)
                if len(row) == 5 and row[3].strip() and row[4].strip():
                    handle.write(f'"{row[4].strip()}","{row[3].strip()}"\n')
    for language in LANGUAGES:
        archive = zipfile.ZipFile(io.BytesIO(git_show(git_dir, f"data/TM/all.en-{language}.tmx.zip")))
        store = tmx.tmxfile.parsestring(archive.read(archive.namelist()[0]))
        out = tmx.tmxfile(sourcelanguage=language, targetlanguage="en")
        documents: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for unit in store.units:
            english, other = str(unit.source or ""), str(unit.target or "")
            if english.strip() and other.strip():
                out.addtranslation(other, language, english, "en")
                out.units[-1].xmlelement.set("tuid", unit.getid())  # the unit id findings name
                documents[unit.getid().split(":")[0]].append((other, english))
        (OUT / f"tico-{language}.tmx").write_bytes(bytes(out))
        for name, pairs in documents.items():
            for side, index in ((language, 0), ("en", 1)):
                folder = OUT / "pairs" / language / side
                folder.mkdir(parents=True, exist_ok=True)
                chunks = [" ".join(pair[index] for pair in pairs[start:start + PARAGRAPH])
                          for start in range(0, len(pairs), PARAGRAPH)]
                (folder / f"{name}.txt").write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
        print(f"{language}: {len(out.units)} units, {len(documents)} documents")


def rules_for(check: str, language: str) -> config.RuleSet:
    body = {"type": check}
    if check == "glossary":
        body["file"] = str(OUT / f"tico-{language}-terms.csv")
    return config.parse(yaml.safe_dump({"rules": {check: body}}, allow_unicode=True), "eval.yaml", str(OUT))


def score_checks(reviewed: dict) -> None:
    folder = OUT / "findings"
    folder.mkdir(exist_ok=True)
    print("check          lang  units  findings  real  false alarms  unread  findings per 1,000 units")
    for check in CHECKS:
        for language in LANGUAGES:
            path = OUT / f"tico-{language}.tmx"
            document = Document(str(path), path.read_text(encoding="utf-8"))
            found = Linter(rules_for(check, language)).lint(document)
            units = len(view(document).segments)
            lines = [f"{f.unit}\t{f.line}:{f.column}\t{f.text[:80]!r}\t{f.message}\n\tSOURCE: {f.source}\n"
                     for f in found]
            (folder / f"{check}-{language}.txt").write_text("".join(lines), encoding="utf-8")
            verdicts = reviewed.get(check, {}).get(language, {})
            known = [verdicts[f.unit] for f in found if f.unit in verdicts]
            false = sum(verdict == "false alarm" for verdict in known)
            print(f"{check:14} {language:4} {units:6} {len(found):9} {len(known) - false:5} {false:13} "
                  f"{len(found) - len(known):7} {1000 * len(found) / units:10.1f}")


def score_glossary_matching() -> None:
    """How often the source matcher finds a glossary term where the target has its
    rendering: Arabic-aware (clitics, diacritics, stems) against the term as written."""
    from lint.bilingual.terms import SourceWords
    from lint.checks.glossary import rendering_pattern
    print("\nglossary term found in the source, where the target has its rendering")
    print("lang  targets  copydesk  as written")
    for language in LANGUAGES:
        check = rules_for("glossary", language).checks[0]
        entries = [(list(keys), term, [rendering_pattern(r) for r in renderings])
                   for keys, (term, renderings, _) in check._by_form(language).items()]
        path = OUT / f"tico-{language}.tmx"
        document = Document(str(path), path.read_text(encoding="utf-8"))
        prose = view(document)
        seen = found = literal = 0
        for segment in prose.segments:
            target, source = prose.text[segment.start:segment.end], SourceWords(segment.source, language)
            for keys, term, patterns in entries:
                if any(pattern.search(target) for pattern in patterns):
                    seen += 1
                    found += source.has(keys)
                    literal += term in segment.source
        print(f"{language:4} {seen:8} {100 * found / seen:8.1f}% {100 * literal / seen:9.1f}%")


def score_aligner(seed: int = 7) -> None:
    """On the article pairs: beads as built (all 1-1), then with a paragraph dropped and two
    merged in the English; a pair is right when every bead is the true one."""
    rng = random.Random(seed)
    results = defaultdict(lambda: [0, 0])
    for language in LANGUAGES:
        for source_path in sorted((OUT / "pairs" / language / language).glob("*.txt")):
            target_path = OUT / "pairs" / language / "en" / source_path.name
            source = view(Document(str(source_path), source_path.read_text(encoding="utf-8"))).text
            english = target_path.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
            if len(english) < 4:
                continue
            drop, merge = rng.randrange(1, len(english) - 1), rng.randrange(0, len(english) - 2)
            cases = {
                "as built": (english, [(i,) for i in range(len(english))]),
                "one dropped": (english[:drop] + english[drop + 1:],
                                [(i,) for i in range(len(english)) if i != drop]),
                "two merged": ([*english[:merge], english[merge] + " " + english[merge + 1], *english[merge + 2:]],
                               [(i,) for i in range(merge)] + [(merge, merge + 1)]
                               + [(i,) for i in range(merge + 2, len(english))]),
            }
            for name, (paragraphs_, truth) in cases.items():
                text = "\n\n".join(paragraphs_) + "\n"
                found = [tuple(int(n) - 1 for n in s.unit.split(" ")[-1].split("-"))
                         for s in segments(text, source, language) if s.has_target and "no source" not in s.unit]
                expanded = [tuple(range(bead[0], bead[-1] + 1)) for bead in found]
                results[(language, name)][0] += expanded == truth
                results[(language, name)][1] += 1
    print("\naligner        lang  pairs right")
    for (language, name), (right, total) in sorted(results.items()):
        print(f"{name:14} {language:4} {total:5} {right:5}")


def main() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build").add_argument("--tico", required=True, help="git directory of the TICO-19 site")
    commands.add_parser("score")
    args = parser.parse_args()
    if args.command == "build":
        build(args.tico)
        return
    if not (OUT / "tico-ar.tmx").is_file():
        parser.error(f"no material in {OUT}: run the build command first")
    reviewed = yaml.safe_load(REVIEWED.read_text(encoding="utf-8")) if REVIEWED.is_file() else {}
    score_checks(reviewed or {})
    score_glossary_matching()
    score_aligner()


if __name__ == "__main__":
    main()
