"""The cache: results of unchanged files are reused, and never once anything they depend on changes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, SEED, run, write_rules

import lint.cache
from lint.cache import Cache

PACKAGED = str(ROOT / "rules.yaml")
RULES = """
    version: 1
    rules:
      haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}
      spelling: {type: spelling, severity: warning, ignore_file: words.txt}
    """


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/*.json"))


def check(cache: Path, *args: str) -> dict:
    return run("check", "--cache-dir", str(cache), "-f", "json", *args).json()


def tamper(cache: Path, old: str, new: str) -> None:
    """Rewrite every cached finding's message: a run that shows the new one read the cache."""
    for entry in entries(cache):
        stored = json.loads(entry.read_text(encoding="utf-8"))
        if "findings" in stored:
            for finding in stored["findings"]:
                finding["message"] = finding["message"].replace(old, new)
            entry.write_text(json.dumps(stored), encoding="utf-8")


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    folder.mkdir()
    write_rules(tmp_path, RULES)
    (tmp_path / "words.txt").write_text("# house words\n", encoding="utf-8")
    (folder / "a.txt").write_text("Hifter met the obsevers in Tobruk.\n", encoding="utf-8")
    (folder / "b.md").write_text("# Talks\n\nKhalifa Hifter spoke.\n", encoding="utf-8")
    return folder


def test_a_second_run_reads_the_findings_of_unchanged_files_from_the_cache(tmp_path, edition):
    cache = tmp_path / "cache"
    first = check(cache, "-c", str(tmp_path / "rules.yaml"), str(edition))
    assert first["summary"]["findings"] == 3 and len(entries(cache)) == 2
    assert (cache / ".gitignore").read_text(encoding="utf-8").endswith("*\n") and (cache / "CACHEDIR.TAG").is_file()
    assert check(cache, "-c", str(tmp_path / "rules.yaml"), str(edition)) == first
    tamper(cache, "house spelling", "HOUSE SPELLING")
    again = check(cache, "-c", str(tmp_path / "rules.yaml"), str(edition))
    assert [f["message"] for f in again["findings"]] == [f["message"].replace("house spelling", "HOUSE SPELLING")
                                                        for f in first["findings"]]


def test_a_changed_file_is_checked_again_and_the_others_still_come_from_the_cache(tmp_path, edition):
    cache, rules = tmp_path / "cache", str(tmp_path / "rules.yaml")
    check(cache, "-c", rules, str(edition))
    tamper(cache, "house spelling", "HOUSE SPELLING")
    (edition / "a.txt").write_text("Hifter met the observers in Tobruk.\n", encoding="utf-8")
    found = check(cache, "-c", rules, str(edition))["findings"]
    assert [(Path(f["path"]).name, f["text"], "HOUSE" in f["message"]) for f in found] == [
        ("a.txt", "Hifter", False), ("b.md", "Hifter", True)]


def test_the_same_text_under_another_name_is_reported_under_that_name(tmp_path, edition):
    cache, rules = tmp_path / "cache", str(tmp_path / "rules.yaml")
    check(cache, "-c", rules, str(edition / "a.txt"))
    shutil.copy(edition / "a.txt", edition / "copy.txt")
    assert {f["path"] for f in check(cache, "-c", rules, str(edition / "copy.txt"))["findings"]} == \
        {str(edition / "copy.txt")}


@pytest.mark.parametrize("change", ["rules", "ignore_file", "selection", "version"])
def test_nothing_is_reused_once_the_rules_their_word_lists_the_selection_or_the_version_change(
        tmp_path, edition, monkeypatch, change):
    cache, rules = tmp_path / "cache", tmp_path / "rules.yaml"
    check(cache, "-c", str(rules), str(edition))
    tamper(cache, "house spelling", "HOUSE SPELLING")
    options = []
    if change == "rules":
        rules.write_text(rules.read_text(encoding="utf-8").replace("Haftar", "Hafter"), encoding="utf-8")
    elif change == "ignore_file":
        (tmp_path / "words.txt").write_text("obsevers\n", encoding="utf-8")
    elif change == "selection":
        options = ["--ignore", "spelling"]
    else:
        monkeypatch.setattr(lint.cache, "__version__", "99.0")
    found = check(cache, "-c", str(rules), *options, str(edition))["findings"]
    assert found and not any("HOUSE" in f["message"] for f in found)
    assert ("obsevers" in [f["text"] for f in found]) == (change in ("rules", "version"))
    house = "Hafter" if change == "rules" else "Haftar"
    assert {f["suggestions"][0] for f in found if f["rule"] == "haftar"} == {house}


def test_batch_rules_see_every_file_even_when_the_findings_come_from_the_cache(tmp_path):
    write_rules(tmp_path, "version: 1\nrules:\n  variants: {type: variants, severity: warning, scope: batch}\n")
    folder = tmp_path / "edition"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text("The talks with Dbeibah went on.\n", encoding="utf-8")
    cache, rules = tmp_path / "cache", str(tmp_path / "rules.yaml")
    assert check(cache, "-c", rules, str(folder))["findings"] == []
    for name in ("b", "c"):  # a.txt is unchanged, and is now the odd one out
        (folder / f"{name}.txt").write_text("The talks with Dbeiba went on.\n", encoding="utf-8")
    found = check(cache, "-c", rules, str(folder))["findings"]
    assert [(Path(f["path"]).name, f["text"]) for f in found] == [("a.txt", "Dbeibah")]
    assert check(cache, "-c", rules, "--no-cache", str(folder))["findings"] == found


def test_corrupt_or_strange_entries_are_ignored_and_written_again(tmp_path, edition):
    cache, rules = tmp_path / "cache", str(tmp_path / "rules.yaml")
    expected = check(cache, "-c", rules, str(edition))
    damage = ['{"findings": [', "null", '{"findings": [{"path": 1}], "notes": []}', '{"findings": [], "notes": [7]}',
              "\x00\xff garbage"]
    for index, entry in enumerate(entries(cache)):
        entry.write_bytes(damage[index % len(damage)].encode("latin-1"))
    assert check(cache, "-c", rules, str(edition)) == expected
    assert all("findings" in json.loads(entry.read_text(encoding="utf-8")) for entry in entries(cache))


def test_no_cache_neither_reads_nor_writes_it(tmp_path, edition):
    cache = tmp_path / "cache"
    result = run("check", "--cache-dir", str(cache), "--no-cache", "-c", str(tmp_path / "rules.yaml"), str(edition))
    assert result.exit_code == 1 and not cache.exists()


def test_a_cache_that_cannot_be_written_is_no_cache(tmp_path, edition):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    assert check(blocked, "-c", str(tmp_path / "rules.yaml"), str(edition))["summary"]["findings"] == 3


def test_runs_writing_one_cache_at_once_all_report_the_same_and_leave_whole_entries(tmp_path):
    folder = tmp_path / "edition"
    folder.mkdir()
    for index in range(40):
        shutil.copy(SEED, folder / f"{index:02d}.txt")
        (folder / f"{index:02d}.txt").open("a", encoding="utf-8").write(f"\nNote {index}: Hifter.\n")
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "lint", "check", "-c", PACKAGED, "-f", "json", "--cache-dir", str(cache),
               "-j", "2", str(folder)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = {process.communicate()[0] for process in processes}
    uncached = subprocess.run([*command, "--no-cache"], capture_output=True).stdout
    assert outputs == {uncached}
    assert len(entries(cache)) == 40 and not list(cache.glob("*/.*.tmp"))
    assert all(json.loads(entry.read_text(encoding="utf-8"))["findings"] for entry in entries(cache))


def test_threads_storing_one_entry_at_once_leave_one_whole_entry(tmp_path):
    cache = Cache(tmp_path / "cache", "run")
    values = [{"findings": [], "notes": [str(index) * 5000]} for index in range(8)]
    threads = [threading.Thread(target=cache.put, args=("ab" * 32, value)) for value in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.get("ab" * 32) in values and os.listdir(tmp_path / "cache" / "ab") == ["ab" * 32 + ".json"]


def test_a_file_that_a_rule_could_not_finish_is_never_cached(tmp_path):
    rules = write_rules(tmp_path, "version: 1\nrules:\n  runaway: {type: pattern, pattern: '(a+)+$', message: m, "
                                  "time_limit: 0.2}\n")
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / "runaway.txt").write_text("a" * 30_000 + "!\n", encoding="utf-8")
    (folder / "fine.txt").write_text("All fine.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    assert check(cache, "-c", str(rules), str(folder))["errors"][0]["path"] == str(folder / "runaway.txt")
    stored = [json.loads(entry.read_text(encoding="utf-8")) for entry in entries(cache)]
    assert stored == [{"findings": [], "notes": []}]  # fine.txt only
