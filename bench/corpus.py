"""The real-article evaluation corpus (eval/): fill, check and describe it.

    python bench/corpus.py stats            # fill `words` and `sha256` from eval/texts/
    python bench/corpus.py verify           # texts present and unchanged, annotations valid
    python bench/corpus.py queries          # the search queries that rebuild eval/texts/
    python bench/corpus.py split            # dev/test counts, per outlet and source language
    python bench/corpus.py count ID NAME..  # whole-word counts of NAMEs in one text
    python bench/corpus.py save ID < s.json # write eval/texts/ID.txt from a JSON string

Annotations (eval/articles/<id>.yaml) are committed; texts (eval/texts/<id>.txt)
are not: they are the search tool's excerpts, rebuilt by re-running each
annotation's `query` (corpus "pages") and saving the result at `rank`.
The format is in eval/README.md. Exit status: 0 fine, 1 problems found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

EVAL = Path(__file__).resolve().parent.parent / "eval"
ID = re.compile(r"[a-z0-9][a-z0-9-]*")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
REQUIRED = ("id", "url", "outlet", "source_language", "kind", "query", "rank")
OPTIONAL = ("words", "sha256", "variants", "consistent", "slips", "notes")
LANGUAGES = {"ar", "tr", "fa", "ru", "uk", "zh"}
KINDS = {"translated", "machine-translated", "wire", "rewritten-wire"}
VARIANT_KINDS = {"spelling", "particle"}
WHATS = {"person", "place", "organisation", "other"}
GROUP_KEYS = {"spellings", "kind", "what", "note"}
SLIP_KEYS = {"text", "fix", "class", "note", "count"}
SLIP_CLASSES = {"typo", "capitalised", "run-together", "apostrophe", "name", "split", "other"}


def split_of(url: str) -> str:
    return "test" if int(hashlib.sha256(url.encode()).hexdigest()[:8], 16) % 2 == 1 else "dev"


def text_path(ident: str) -> Path:
    return EVAL / "texts" / f"{ident}.txt"


def load(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ValueError(f"{path.name}: not valid YAML: {err}") from err
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected a mapping of keys, got {type(data).__name__}")
    return data


def annotations() -> list[tuple[Path, dict | None, str]]:
    """(path, data or None, load error) for every annotation file."""
    found = []
    for path in sorted((EVAL / "articles").glob("*.yaml")):
        try:
            found.append((path, load(path), ""))
        except ValueError as err:
            found.append((path, None, str(err)))
    return found


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and not any(c.islower() for c in letters)


def spans(text: str, spelling: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of `spelling` (a trailing 's, ’s or plural s is the same
    spelling); case-sensitive except in ALL-CAPS lines, where case is lost."""
    pattern = r"(?<![^\W_])" + re.escape(spelling) + r"(?:['’]s|s)?(?![^\W_])"
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        flags = re.IGNORECASE if is_caps(line) else 0
        found += [(offset + m.start(), offset + m.end()) for m in re.finditer(pattern, line, flags)]
        offset += len(line)
    return found


def group_counts(text: str, spellings: list[str]) -> dict[str, int]:
    """Counts of each spelling in a group; longer spellings claim their words first, so
    `Dbeibah` inside `al-Dbeibah` is not counted twice when both are in the group."""
    claimed: list[tuple[int, int]] = []
    counts = {}
    for spelling in sorted(spellings, key=len, reverse=True):
        free = [s for s in spans(text, spelling) if not any(s[0] < e and b < s[1] for b, e in claimed)]
        claimed += free
        counts[spelling] = len(free)
    return {s: counts[s] for s in spellings}


def check_keys(data: dict, problems: list[str]) -> None:
    for key in REQUIRED:
        if data.get(key) in (None, ""):
            problems.append(f"missing `{key}`")
    for key in data:
        if key not in REQUIRED + OPTIONAL:
            problems.append(f"unknown key `{key}` (allowed: {', '.join(REQUIRED + OPTIONAL)})")
    if data.get("source_language") not in LANGUAGES:
        problems.append(f"source_language {data.get('source_language')!r} not one of {sorted(LANGUAGES)}")
    if data.get("kind") not in KINDS:
        problems.append(f"kind {data.get('kind')!r} not one of {sorted(KINDS)}")
    if not isinstance(data.get("rank"), int) or data.get("rank", 0) < 1:
        problems.append("`rank` must be a whole number >= 1 (the result's place in the answer)")
    for key in ("variants", "consistent", "slips"):
        if not isinstance(data.get(key, []) or [], list):
            problems.append(f"`{key}` must be a list")


def check_variants(data: dict, text: str | None, problems: list[str]) -> None:
    for n, group in enumerate(data.get("variants") or [], 1):
        where = f"variants #{n}"
        if not isinstance(group, dict) or not isinstance(group.get("spellings"), dict):
            problems.append(f"{where}: needs `spellings: {{Spelling: count, ...}}`")
            continue
        spellings = group["spellings"]
        if len(spellings) < 2:
            problems.append(f"{where}: a variant needs at least two spellings")
        if any(not isinstance(c, int) or c < 1 for c in spellings.values()):
            problems.append(f"{where}: every count must be a whole number >= 1")
        if group.get("kind") not in VARIANT_KINDS:
            problems.append(f"{where}: kind {group.get('kind')!r} not one of {sorted(VARIANT_KINDS)}")
        if group.get("what") not in WHATS:
            problems.append(f"{where}: what {group.get('what')!r} not one of {sorted(WHATS)}")
        if set(group) - GROUP_KEYS:
            problems.append(f"{where}: unknown keys {sorted(set(group) - GROUP_KEYS)}")
        if text is not None:
            for spelling, found in group_counts(text, [str(s) for s in spellings]).items():
                if found != spellings.get(spelling):
                    problems.append(f"{where}: {spelling!r} annotated {spellings.get(spelling)} times, "
                                    f"the text has it {found} times")


def check_names_and_slips(data: dict, text: str | None, problems: list[str]) -> None:
    for name in data.get("consistent") or []:
        if text is not None and len(spans(text, str(name))) < 2:
            problems.append(f"consistent: {name!r} occurs {len(spans(text, str(name)))} times, needs >= 2")
    for n, slip in enumerate(data.get("slips") or [], 1):
        where = f"slips #{n}"
        if not isinstance(slip, dict) or not slip.get("text"):
            problems.append(f"{where}: needs `{{text: ..., fix: ..., class: ...}}`")
            continue
        if slip.get("class") not in SLIP_CLASSES:
            problems.append(f"{where}: class {slip.get('class')!r} not one of {sorted(SLIP_CLASSES)}")
        if "fix" not in slip or not (slip["fix"] is None or isinstance(slip["fix"], str)):
            problems.append(f"{where}: `fix` must be the right form or null")
        if set(slip) - SLIP_KEYS:
            problems.append(f"{where}: unknown keys {sorted(set(slip) - SLIP_KEYS)}")
        if text is not None:
            found = len(re.findall(r"(?<![^\W_])" + re.escape(str(slip["text"])) + r"(?![^\W_])", text))
            wanted = slip.get("count")
            if found == 0 or (wanted is not None and found != wanted):
                problems.append(f"{where}: {slip['text']!r} occurs {found} times in the text"
                                + (f", annotated {wanted}" if wanted is not None else ""))


def problems_of(path: Path, data: dict) -> list[str]:
    problems: list[str] = []
    check_keys(data, problems)
    if data.get("id") != path.stem or not ID.fullmatch(path.stem):
        problems.append(f"`id` must equal the file name and be [a-z0-9-]+ (got {data.get('id')!r})")
    text_file = text_path(path.stem)
    text = text_file.read_text(encoding="utf-8") if text_file.exists() else None
    check_variants(data, text, problems)
    check_names_and_slips(data, text, problems)
    return problems


def set_key(lines: list[str], key: str, value: str) -> list[str]:
    """Rewrite the top-level `key:` line, or add it after `rank:` (or at the end)."""
    for i, line in enumerate(lines):
        if re.match(rf"{key}:", line):
            lines[i] = f"{key}: {value}"
            return lines
    after = max((i + 1 for i, line in enumerate(lines) if line.startswith(("words:", "rank:"))),
                default=len(lines))
    return [*lines[:after], f"{key}: {value}", *lines[after:]]


def cmd_stats(_: argparse.Namespace) -> int:
    filled = 0
    for path, _, error in annotations():
        if error:
            print(error, file=sys.stderr)
            continue
        text_file = text_path(path.stem)
        if not text_file.exists():
            print(f"{path.name}: no eval/texts/{path.stem}.txt, left as it is", file=sys.stderr)
            continue
        words = len(WORD.findall(text_file.read_text(encoding="utf-8")))
        lines = path.read_text(encoding="utf-8").splitlines()
        lines = set_key(set_key(lines, "words", str(words)), "sha256", sha256_of(text_file))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        filled += 1
    print(f"filled words and sha256 in {filled} annotation(s)")
    return 0


def cmd_verify(_: argparse.Namespace) -> int:
    bad = 0
    items = annotations()
    for path, data, error in items:
        if error:
            print(error)
            bad += 1
            continue
        problems = problems_of(path, data)
        text_file = text_path(path.stem)
        rerun = f"re-run: query {data.get('query')!r}, rank {data.get('rank')}"
        if not text_file.exists():
            problems.insert(0, f"text missing: eval/texts/{path.stem}.txt ({rerun})")
        elif data.get("sha256") != sha256_of(text_file):
            problems.insert(0, f"text changed or sha256 not filled ({rerun}; if new: corpus.py stats)")
        for problem in problems:
            print(f"{path.name}: {problem}")
        bad += bool(problems)
    print(f"{len(items)} annotation(s) in {EVAL / 'articles'}, {bad} with problems")
    return 1 if bad or not items else 0


def cmd_queries(_: argparse.Namespace) -> int:
    wanted: dict[str, list[str]] = collections.defaultdict(list)
    for path, data, _ in annotations():
        if data:
            wanted[str(data.get("query"))].append(f"{path.stem}@{data.get('rank')}")
    for query, uses in wanted.items():
        print(json.dumps(query, ensure_ascii=False), "->", " ".join(uses))
    return 0


def cmd_split(_: argparse.Namespace) -> int:
    rows = [(split_of(str(d.get("url"))), str(d.get("outlet")), str(d.get("source_language")))
            for _, d, _ in annotations() if d]
    total = collections.Counter(r[0] for r in rows)
    print(f"all: {len(rows)}  dev {total['dev']}  test {total['test']}")
    for label, index in (("outlet", 1), ("source language", 2)):
        print(f"\nper {label}:")
        for value in sorted({r[index] for r in rows}):
            halves = collections.Counter(r[0] for r in rows if r[index] == value)
            print(f"  {value:32} dev {halves['dev']:3}  test {halves['test']:3}")
    return 0


def cmd_count(args: argparse.Namespace) -> int:
    text_file = text_path(args.id)
    if not text_file.exists():
        print(f"no text {text_file}", file=sys.stderr)
        return 2
    for name, found in group_counts(text_file.read_text(encoding="utf-8"), args.names).items():
        print(f"{found:4}  {name}")
    return 0


def cmd_save(args: argparse.Namespace) -> int:
    try:
        value = json.loads(sys.stdin.read().strip())
    except json.JSONDecodeError as err:
        value = err
    text = value.get("excerpt") if isinstance(value, dict) else value
    if not isinstance(text, str) or not ID.fullmatch(args.id):
        print(f"need an id of [a-z0-9-]+ (got {args.id!r}) and, on stdin, the excerpt as a JSON string "
              f"with its quotes or an object with an `excerpt` string ({value})", file=sys.stderr)
        return 2
    target = text_path(args.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(WORD.findall(text))} words)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in (("stats", cmd_stats), ("verify", cmd_verify), ("queries", cmd_queries), ("split", cmd_split)):
        sub.add_parser(name).set_defaults(func=func)
    count = sub.add_parser("count")
    count.add_argument("id")
    count.add_argument("names", nargs="+")
    count.set_defaults(func=cmd_count)
    sub.add_parser("save").add_argument("id")
    sub.choices["save"].set_defaults(func=cmd_save)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
