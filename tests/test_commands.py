"""copydesk rules, copydesk init, and the pre-commit hook definition."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT, SEED, run, write_rules

from lint import config


def test_rules_lists_id_type_severity_and_what_each_checks(tmp_path):
    path = write_rules(tmp_path, """
        version: 1
        rules:
          haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter, Hafter]}
          terms: {type: substitution, replace: {Rejep: Recep, reconciliation government: GNA}}
          byline: {type: pattern, severity: info, pattern: 'Written by', message: 'Template byline: "{text}"'}
          spelling: {type: spelling, enabled: false}
        """)
    result = run("rules", "-c", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"Rules from {path}:",
        "RULE      TYPE          SEVERITY  CHECKS",
        "haftar    names         error     Haftar, not Hifter, Hafter",
        "terms     substitution  warning   Rejep → Recep; reconciliation government → GNA",
        'byline    pattern       info      Template byline: "…"',
        "spelling  spelling      off       Slips of the keyboard, without flagging every foreign name.",
    ]


def test_rules_with_a_bad_rules_file_exits_2(tmp_path):
    path = write_rules(tmp_path, "version: 1\nrules: {x: {type: nope}}\n")
    result = run("rules", "-c", str(path))
    assert result.exit_code == 2 and f"{path}:2: rule 'x': unknown type 'nope'" in result.stderr


def test_init_writes_a_starter_that_loads_and_checks_the_seed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == 0 and "copydesk.yaml" in result.stdout
    starter = tmp_path / "copydesk.yaml"
    text = starter.read_text(encoding="utf-8")
    assert text.count("\n#") > 10  # commented for a newcomer
    ruleset = config.load(starter)
    assert [check.id for check in ruleset.checks] == [
        "haftar", "terms", "byline", "spelling", "variants", "grammar", "doubled-word"]
    report = run("check", "-f", "json", str(SEED)).json()  # the starter is found from here
    assert report["summary"]["findings"] == 22
    assert {"grammar/MassNouns", "spelling", "haftar"} <= {finding["rule"] for finding in report["findings"]}
    # the commented examples are valid when uncommented
    uncommented = text.replace("# exclude:", "exclude:").replace("#   - drafts", "  - drafts")
    uncommented = "\n".join(line[2:] if line.startswith("#   ") or line.startswith("# overrides") else line
                            for line in uncommented.splitlines())
    assert len(config.parse(uncommented, "starter", str(tmp_path)).overrides) == 2


def test_init_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "copydesk.yaml").write_text("mine\n")
    result = run("init")
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert (tmp_path / "copydesk.yaml").read_text() == "mine\n"


def test_pre_commit_hook_runs_copydesk_check_on_articles():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "copydesk")
    assert hook["entry"] == "copydesk check" and hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert all(pattern.search(name) for name in ("a.md", "b/c.html", "d.txt", "e.markdown", "f.htm"))
    assert not pattern.search("setup.py")
