"""Hostile rules and hostile input: a runaway pattern, files that are not text, too big,
unreadable or looping, and a reader that goes away. Each is reported, exit 2, and the
other files are still checked; nothing tracebacks."""

from __future__ import annotations

import codecs
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
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
    (tmp_path / "a-runaway.txt").write_text("Fine line TK.\n" + "a" * 30_000 + "!\n", encoding="utf-8")
    (tmp_path / "b-fine.txt").write_text("Story TK.\n", encoding="utf-8")
    result = run("check", "-c", str(rules), "-f", "json", str(tmp_path))
    assert result.exit_code == 2
    report = result.json()
    assert report["errors"] == [{
        "path": str(tmp_path / "a-runaway.txt"),
        "message": "rule 'runaway': its pattern ran for more than 0.5 seconds on this file and was stopped at "
                   "line 2, so the rest of the file was not checked by it; the pattern backtracks too much on some "
                   "text: simplify it (a repeat inside a repeat, such as (a+)+, is the usual cause) or raise its "
                   "time_limit"}]
    # what the other rules found stands, in that file too
    assert [(Path(f["path"]).name, f["rule"]) for f in report["findings"]] == [("a-runaway.txt", "tk"),
                                                                              ("b-fine.txt", "tk")]
    assert result.stderr.startswith(f"copydesk: error: {tmp_path / 'a-runaway.txt'}: rule 'runaway': its pattern")


def test_the_time_limit_is_for_the_whole_file_not_each_line(tmp_path):
    # lines that take the pattern some 20 ms each: no line alone reaches the limit, the file does
    rules = write_rules(tmp_path, RUNAWAY.replace("0.5", "0.2"))
    article = tmp_path / "many.txt"
    article.write_text(("a" * 200 + "!\n") * 200, encoding="utf-8")
    result = run("check", "-c", str(rules), "-f", "json", str(article))
    assert result.exit_code == 2
    message = result.json()["errors"][0]["message"]
    assert message.startswith("rule 'runaway': its pattern ran for more than 0.2 seconds on this file and was stopped "
                              "at line ")
    assert 2 < int(message.split("stopped at line ")[1].split(",")[0]) < 200


def test_a_runaway_pattern_under_fix_is_reported_and_the_other_rules_fixes_are_made(tmp_path):
    rules = write_rules(tmp_path, RUNAWAY + "  haftar: {type: names, preferred: Haftar, variants: [Hifter]}\n")
    article = tmp_path / "a.txt"
    article.write_bytes(("Hifter spoke.\n" + "a" * 30_000 + "!\n").encode("utf-8"))
    result = run("check", "-c", str(rules), "--fix", str(article))
    assert result.exit_code == 2
    assert f"copydesk: error: {article}: rule 'runaway': its pattern ran for more than 0.5 seconds" in result.stderr
    assert article.read_bytes() == ("Haftar spoke.\n" + "a" * 30_000 + "!\n").encode("utf-8")


HAFTAR = "version: 1\nrules:\n  haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}\n"


def test_every_input_fault_in_one_run_is_reported_and_the_rest_is_checked(tmp_path, monkeypatch):
    rules = write_rules(tmp_path, HAFTAR)
    news = tmp_path / "news"
    news.mkdir()
    (news / "a-good.txt").write_text("Hifter spoke.\n", encoding="utf-8")
    (news / "b-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (news / "c-latin1.txt").write_bytes("Caf\xe9 Hifter\n".encode("latin-1"))
    (news / "d-utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "Tripoli\r\nHifter met\r\n".encode("utf-16-le"))
    (news / "e-utf16-no-bom.txt").write_bytes("Hifter\n".encode("utf-16-le"))
    (news / "f-empty.txt").write_bytes(b"")
    (news / "g-gone.txt").symlink_to(news / "nowhere.txt")
    (news / "h-loop.txt").symlink_to(news / "i-loop.txt")
    (news / "i-loop.txt").symlink_to(news / "h-loop.txt")
    (news / "j-locked.txt").write_text("Hifter\n", encoding="utf-8")
    (news / "k-big.txt").write_text("Hifter " * 3000, encoding="utf-8")
    os.mkfifo(news / "pipe.txt")  # not a regular file: a walk passes it by, never waits on it
    (news / "z-folder").mkdir()
    (news / "z-folder" / "loop").symlink_to(news)  # links to folders are not followed: no loop
    locked = str(news / "j-locked.txt")
    real_open = open

    def refusing_open(path, *args, **kwargs):  # tests run as root, where chmod 000 changes nothing
        if str(path) == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("lint.files.open", refusing_open, raising=False)
    result = run("check", "-c", str(rules), "-f", "json", "--max-file-size", "0.01", str(news))
    assert result.exit_code == 2
    report = result.json()
    assert [(f["path"], f["findings"]) for f in report["files"]] == [
        (str(news / "a-good.txt"), 1), (str(news / "d-utf16.txt"), 1), (str(news / "f-empty.txt"), 0)]
    assert [(f["line"], f["column"], f["text"]) for f in report["findings"]] == [(1, 1, "Hifter"), (2, 1, "Hifter")]
    link = "a symbolic link to nothing (its target is missing, or the links go round in a loop)"
    assert [(Path(e["path"]).name, e["message"]) for e in report["errors"]] == [
        ("b-binary.txt", "a binary file, not text"),
        ("c-latin1.txt", "not UTF-8 text: byte 0xe9 at line 1, byte 4 cannot be decoded; save the file as UTF-8 "
                         "(or name its encoding with --encoding, e.g. latin-1)"),
        ("e-utf16-no-bom.txt", "a binary file, not text"),
        ("g-gone.txt", link),
        ("h-loop.txt", link),
        ("i-loop.txt", link),
        ("j-locked.txt", "cannot read: Permission denied"),
        ("k-big.txt", "21 kB, larger than the 10 kB limit: not checked (an article is tens of kB; "
                      "if this file is one, raise --max-file-size)"),
    ]
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 8


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    rules = write_rules(tmp_path, HAFTAR)
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("Hifter\n", encoding="utf-8")
    (tmp_path / "shut").mkdir()
    real_scandir = os.scandir

    def refusing_scandir(path):  # root lists any folder: simulate a folder of someone else's
        if str(path).endswith("shut"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_scandir(path)

    monkeypatch.setattr("lint.gitignore.os.scandir", refusing_scandir)
    report = run("check", "-c", str(rules), "-f", "json", str(tmp_path)).json()
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "open" / "a.txt")]
    assert report["errors"] == [{"path": str(tmp_path / "shut"),
                                 "message": "cannot read this folder: Permission denied; its files were not checked"}]


def as_another_user() -> list[str]:
    """A command prefix that runs without root's right to read anything (None: cannot)."""
    if os.geteuid() != 0:
        return []
    if not Path("/usr/bin/setpriv").exists():
        pytest.skip("running as root without setpriv: chmod 000 cannot be tested for real")
    prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import lint"], capture_output=True, cwd=ROOT)
    if probe.returncode != 0:
        pytest.skip("this Python's packages cannot be read by an unprivileged user (e.g. under /root)")
    return prefix


def test_chmod_000_for_real_as_a_user_who_cannot_read():
    folder = Path(tempfile.mkdtemp(prefix="copydesk-chmod-"))  # outside pytest's private temporary folder
    try:
        folder.chmod(0o755)
        (folder / "a.txt").write_text("Hifter\n", encoding="utf-8")
        (folder / "b.txt").write_text("Hifter\n", encoding="utf-8")
        (folder / "b.txt").chmod(0o000)
        rules = write_rules(folder, HAFTAR)
        rules.chmod(0o644)
        (folder / "a.txt").chmod(0o644)
        result = subprocess.run([*as_another_user(), sys.executable, "-m", "lint", "check", "-c", str(rules),
                                 "-f", "json", str(folder)], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert result.returncode == 2, result.stderr
        report = json.loads(result.stdout)
        assert [f["path"] for f in report["files"]] == [str(folder / "a.txt")]
        assert report["errors"] == [{"path": str(folder / "b.txt"), "message": "cannot read: Permission denied"}]
    finally:
        shutil.rmtree(folder)


def test_encoding_option_reads_and_fixes_in_that_encoding(tmp_path):
    rules = write_rules(tmp_path, HAFTAR + "  erdogan: {type: names, preferred: Erdoğan, variants: [Erdogan]}\n")
    article = tmp_path / "a.txt"
    article.write_bytes("Caf\xe9 Hifter\n".encode("latin-1"))
    result = run("check", "-c", str(rules), "-f", "json", "--encoding", "latin-1", str(article))
    assert [(f["column"], f["text"]) for f in result.json()["findings"]] == [(6, "Hifter")]
    assert run("check", "-c", str(rules), "--encoding", "latin-1", "--fix", str(article)).exit_code == 0
    assert article.read_bytes() == "Caf\xe9 Haftar\n".encode("latin-1")
    # a fix latin-1 cannot hold is not made, and the file is left as it was
    article.write_bytes("Caf\xe9 Erdogan\n".encode("latin-1"))
    result = run("check", "-c", str(rules), "--encoding", "latin-1", "--fix", "-f", "json", str(article))
    assert result.exit_code == 2
    assert result.json()["errors"] == [{"path": str(article), "message": "the fix needs 'ğ', which latin-1 "
                                        "cannot hold; not fixed (save the file as UTF-8 to fix it)"}]
    assert article.read_bytes() == "Caf\xe9 Erdogan\n".encode("latin-1")


def test_encoding_option_keeps_byte_order_marks_first_and_says_what_failed(tmp_path):
    rules = write_rules(tmp_path, HAFTAR)
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + b"Hifter\n")
    (tmp_path / "ascii.txt").write_bytes("Caf\xe9 Hifter\n".encode("latin-1"))
    report = run("check", "-c", str(rules), "-f", "json", "--encoding", "ascii", str(tmp_path)).json()
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "bom.txt")]
    assert report["errors"] == [{"path": str(tmp_path / "ascii.txt"), "message": "not ASCII text: byte 0xe9 at "
                                 "line 1, byte 4 cannot be decoded; check --encoding, or save the file as UTF-8"}]


@pytest.mark.parametrize("name", ["klingon", "base64", "rot13"])
def test_an_unknown_encoding_is_a_usage_error(name):
    result = run("check", "--encoding", name, str(SEED))
    assert result.exit_code == 2
    assert f"Invalid value for '--encoding': no encoding named '{name}'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_100_megabyte_file_is_refused_without_being_read_and_the_rest_is_checked(tmp_path):
    rules = write_rules(tmp_path, HAFTAR)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 100 MB on paper, nothing on the disk
        handle.truncate(100 * 2**20)
    (tmp_path / "small.txt").write_text("Hifter\n", encoding="utf-8")
    result = run("check", "-c", str(rules), "-f", "json", str(huge), str(tmp_path / "small.txt"))
    assert result.exit_code == 2
    report = result.json()
    assert report["errors"] == [{"path": str(huge), "message": "100 MB, larger than the 10 MB limit: not checked "
                                 "(an article is tens of kB; if this file is one, raise --max-file-size)"}]
    assert report["summary"]["findings"] == 1


def test_standard_input_is_read_only_up_to_the_limit(tmp_path):
    rules = write_rules(tmp_path, HAFTAR)
    result = run("check", "-c", str(rules), "-f", "json", "--max-file-size", "1", "-", input=b"Hifter " * 200_000)
    assert result.exit_code == 2
    assert result.json()["errors"][0]["message"].startswith("larger than the 1 MB limit: not checked")


def test_a_broken_pipe_or_a_closed_standard_output_never_tracebacks(tmp_path):
    long_article = tmp_path / "long.txt"
    long_article.write_text(SEED.read_text(encoding="utf-8") * 200, encoding="utf-8")
    command = [sys.executable, "-m", "lint", "check", "-c", str(ROOT / "rules.yaml"), str(long_article)]
    reader = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    reader.stdout.read(100)  # as `| head -c 100`: read a little, then go away
    reader.stdout.close()
    stderr = reader.stderr.read().decode()
    assert reader.wait(timeout=120) == 1
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    closed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, timeout=120,
                            preexec_fn=lambda: os.close(1))
    assert closed.returncode == 2
    assert closed.stderr.decode() == ("copydesk: error: standard output is closed, so the report would be lost: "
                                      "give -o FILE to write it to a file\n")
