"""Hostile rules and hostile input: a runaway pattern, files that are not text, too big,
unreadable or looping, and a reader that goes away. Each is reported, exit 2, and the
other files are still checked; nothing tracebacks."""

from __future__ import annotations

import codecs
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED, run, write_rules

RUNAWAY = r"""
version: 1
rules:
  runaway:
    type: pattern
    pattern: '(a+)+$'
    message: a line of a's
    time_limit: 0.5
  tk: {type: pattern, pattern: '\bTK\b', message: placeholder left in}
"""


def test_a_runaway_pattern_is_stopped_and_named_and_the_other_files_are_checked(tmp_path):
    rules = write_rules(tmp_path, RUNAWAY)
    (tmp_path / "a-runaway.txt").write_text("Fine line.\n" + "a" * 30_000 + "!\n", encoding="utf-8")
    (tmp_path / "b-fine.txt").write_text("Story TK.\n", encoding="utf-8")
    result = run("check", "-c", str(rules), "-f", "json", str(tmp_path))
    assert result.exit_code == 2
    report = result.json()
    assert report["errors"] == [{
        "path": str(tmp_path / "a-runaway.txt"),
        "message": "rule 'runaway': its pattern ran for more than 0.5 seconds on this file (stopped at line 2) "
                   "and the file was not checked; the pattern backtracks too much on some text: simplify it "
                   "(a repeat inside a repeat, such as (a+)+, is the usual cause) or raise its time_limit"}]
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [(str(tmp_path / "b-fine.txt"), "tk")]
    assert result.stderr.startswith(f"copydesk: error: {tmp_path / 'a-runaway.txt'}: rule 'runaway': its pattern")


def test_the_time_limit_is_for_the_whole_file_not_each_line(tmp_path):
    # lines that take the pattern some 20 ms each: no line alone reaches the limit, the file does
    rules = write_rules(tmp_path, RUNAWAY.replace("0.5", "0.2"))
    article = tmp_path / "many.txt"
    article.write_text(("a" * 200 + "!\n") * 200, encoding="utf-8")
    result = run("check", "-c", str(rules), "-f", "json", str(article))
    assert result.exit_code == 2
    message = result.json()["errors"][0]["message"]
    assert message.startswith("rule 'runaway': its pattern ran for more than 0.2 seconds on this file (stopped at line ")
    assert 2 < int(message.split("stopped at line ")[1].split(")")[0]) < 200


def test_a_runaway_pattern_under_fix_leaves_the_file_alone(tmp_path):
    rules = write_rules(tmp_path, RUNAWAY + "  haftar: {type: names, preferred: Haftar, variants: [Hifter]}\n")
    article = tmp_path / "a.txt"
    before = ("Hifter spoke.\n" + "a" * 30_000 + "!\n").encode("utf-8")
    article.write_bytes(before)
    result = run("check", "-c", str(rules), "--fix", str(article))
    assert result.exit_code == 2
    assert article.read_bytes() == before
