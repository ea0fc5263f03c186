"""Which files a run checks and how: exclude, overrides, .gitignore."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEED, run, write_rules

RULES = """
version: 1
exclude: [drafts/**, "*.draft.md"]
overrides:
  - files: [opinion/**]
    rules:
      spelling: {enabled: false}
  - files: [archive/**]
    severity: warning
  - files: [archive/2019/**]
    rules:
      terms: {severity: info}
rules:
  haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}
  terms: {type: substitution, severity: error, replace: {Rejep: Recep}}
  spelling: {type: spelling, severity: warning}
  strict: {type: pattern, enabled: false, pattern: 'Journalist', message: Template byline}
"""


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A newsroom repository: the seed article in several sections, rules at the top."""
    write_rules(tmp_path, RULES, name="copydesk.yaml")
    for folder in ("news", "opinion", "archive/2019", "drafts"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(SEED, tmp_path / folder / "hifter.txt")
    shutil.copy(SEED, tmp_path / "news" / "hifter.draft.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def summary(result) -> dict[str, dict[tuple[str, str], int]]:
    counts: dict[str, dict[tuple[str, str], int]] = {}
    for finding in result.json()["findings"]:
        per_file = counts.setdefault(finding["path"], {})
        key = (finding["rule"], finding["severity"])
        per_file[key] = per_file.get(key, 0) + 1
    return counts


def test_exclude_and_overrides_apply_by_path(newsroom):
    result = run("check", "-f", "json", ".")
    assert summary(result) == {
        "./archive/2019/hifter.txt": {("haftar", "warning"): 16, ("terms", "info"): 1, ("spelling", "warning"): 1},
        "./news/hifter.txt": {("haftar", "error"): 16, ("terms", "error"): 1, ("spelling", "warning"): 1},
        "./opinion/hifter.txt": {("haftar", "error"): 16, ("terms", "error"): 1},
    }
    # archive only warns: with --fail-on error, it alone does not fail the run
    assert run("check", "archive").exit_code == 0
    assert run("check", "news").exit_code == 1


def test_excluded_files_named_on_the_command_line_are_skipped_too(newsroom):
    # as pre-commit passes them
    result = run("check", "-f", "json", "drafts/hifter.txt", "news/hifter.draft.md", "news/hifter.txt")
    assert [f["path"] for f in result.json()["files"]] == ["news/hifter.txt"]


def test_an_override_can_switch_on_a_rule_that_is_off(newsroom):
    rules = RULES.replace("      terms: {severity: info}", "      terms: {severity: info}\n      strict: {enabled: true}")
    write_rules(newsroom, rules, name="copydesk.yaml")
    found = {(f["path"], f["rule"]) for f in run("check", "-f", "json", ".").json()["findings"]}
    assert ("./archive/2019/hifter.txt", "strict") in found
    assert ("./news/hifter.txt", "strict") not in found


def test_gitignore_files_are_followed_in_walks(newsroom):
    (newsroom / ".git").mkdir()
    (newsroom / ".gitignore").write_text("/archive/\n*.tmp.txt\n")
    (newsroom / "news" / ".gitignore").write_text("wire/\n!keep.tmp.txt\n")
    (newsroom / "news" / "wire").mkdir()
    for name in ("wire/a.txt", "x.tmp.txt", "keep.tmp.txt"):
        shutil.copy(SEED, newsroom / "news" / name)
    shutil.copy(SEED, newsroom / "opinion" / "y.tmp.txt")
    checked = [f["path"] for f in run("check", "-f", "json", ".").json()["files"]]
    assert checked == ["./news/hifter.txt", "./news/keep.tmp.txt", "./opinion/hifter.txt"]
    # walking a sub-folder still reads the .gitignore files above it, up to the repository's top
    checked = [f["path"] for f in run("check", "-f", "json", "news").json()["files"]]
    assert checked == ["news/hifter.txt", "news/keep.tmp.txt"]
    # a file named on the command line is checked even if git ignores it
    assert run("check", "-f", "json", "news/x.tmp.txt").json()["summary"]["files"] == 1


def test_walks_do_not_follow_links_to_folders(newsroom):
    (newsroom / "news" / "loop").symlink_to(newsroom)
    checked = [f["path"] for f in run("check", "-f", "json", "news").json()["files"]]
    assert checked == ["news/hifter.txt"]


@pytest.mark.parametrize("body, line, message", [
    ("exclude: 3\n", 2, "'exclude' must be a list of path globs such as 'archive/**', not int 3"),
    ("overrides: {files: x}\n", 2,
     "'overrides' must be a list of entries, each with 'files' and 'rules' or 'severity', not a mapping"),
    ("overrides:\n  - rules: {spelling: {enabled: false}}\n", 3,
     "overrides entry 1 must be a mapping with 'files' (path globs) and 'rules' or 'severity'"),
    ("overrides:\n  - files: [a/**]\n    rule: {}\n", 4, "overrides entry 1: unknown key 'rule'; did you mean 'rules'? (keys: files, severity, rules)"),
    ("overrides:\n  - files: [a/**]\n", 3, "overrides entry 1 changes nothing: give 'rules' or 'severity'"),
    ("overrides:\n  - files: [a/**]\n    severity: warning\n  - files: []\n    severity: info\n", 5,
     "'files' must be a list of path globs such as 'archive/**', not an empty list"),
    ("overrides:\n  - files: [a/**]\n    rules:\n      spelings: {enabled: false}\n", 5,
     "overrides entry 1: no rule 'spelings' in this rules file; did you mean 'spelling'?"),
    ("overrides:\n  - files: [a/**]\n    rules:\n      spelling: {enabled: nope}\n", 5,
     "overrides entry 1: rule 'spelling': 'enabled' must be true or false"),
    ("overrides:\n  - files: [a/**]\n    rules:\n      spelling: {severity: fatal}\n", 5,
     "overrides entry 1: rule 'spelling': severity 'fatal' is not one of info, warning, error"),
    ("overrides:\n  - files: [a/**]\n    rules:\n      spelling: off\n", 5,
     "overrides entry 1: rule 'spelling' takes 'severity' and/or 'enabled', e.g. '{enabled: false}'"),
])
def test_bad_exclude_and_overrides_name_file_and_line(tmp_path, body, line, message):
    path = write_rules(tmp_path, "version: 1\n" + body + "rules:\n  spelling: {type: spelling}\n")
    result = run("check", "-c", str(path), str(SEED))
    assert result.exit_code == 2
    assert result.stderr == f"copydesk: error: {path}:{line}: {message}\n"
