"""The command line contract: inputs, exit codes, report formats, config discovery."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import unicodedata

import click
import pytest
from conftest import ROOT, SEED, run, write_rules

RULES = """
version: 1
rules:
  haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}
  spelling: {type: spelling, severity: warning}
  note: {type: pattern, severity: info, pattern: 'TK', message: Placeholder}
"""


@pytest.fixture
def rules_file(tmp_path):
    return write_rules(tmp_path, RULES)


def test_exit_0_when_clean(rules_file, tmp_path):
    (tmp_path / "clean.txt").write_text("Haftar arrived in Paris.\n", encoding="utf-8")
    result = run("check", "-c", str(rules_file), str(tmp_path / "clean.txt"))
    assert result.exit_code == 0
    assert result.stdout == "No problems in 1 file.\n"


def test_exit_1_on_errors_and_fail_on_levels(rules_file):
    text = "Hifter left.\n"
    assert run("check", "-c", str(rules_file), "-", input=text).exit_code == 1
    warning_only = "The goverment met.\n"
    assert run("check", "-c", str(rules_file), "-", input=warning_only).exit_code == 0
    assert run("check", "-c", str(rules_file), "--fail-on", "warning", "-", input=warning_only).exit_code == 1
    assert run("check", "-c", str(rules_file), "--fail-on", "never", "-", input=text).exit_code == 0
    info_only = "Copy TK here.\n"
    assert run("check", "-c", str(rules_file), "--fail-on", "warning", "-", input=info_only).exit_code == 0
    assert run("check", "-c", str(rules_file), "--fail-on", "info", "-", input=info_only).exit_code == 1


def test_stdin_is_linted_and_named(rules_file):
    result = run("check", "-c", str(rules_file), "-", input="Then Hifter spoke.\n")
    assert result.stdout.splitlines()[0] == (
        '<stdin>:1:6: error: "Hifter" is not the house spelling of this name: write "Haftar" [haftar]')


def test_text_report_is_plain_when_piped_and_has_the_excerpt_with_color(rules_file):
    plain = run("check", "-c", str(rules_file), "-", input="Then Hifter spoke.\n").stdout
    assert "\x1b[" not in plain and "^^^^^^" not in plain
    coloured = run("check", "-c", str(rules_file), "--color", "-", input="Then Hifter spoke.\n").stdout
    assert "\x1b[" in coloured
    lines = click.unstyle(coloured).splitlines()
    assert lines[1] == "    1 | Then Hifter spoke."
    assert lines[2] == "      |      ^^^^^^"
    assert lines[3] == "      = suggestion: Haftar"


def test_json_report_shape(rules_file):
    report = run("check", "-c", str(rules_file), "-f", "json", "-", input="Hifter and the goverment.\n").json()
    assert report["version"] == 1 and report["tool"]["name"] == "copydesk"
    assert report["engines"]["spelling"].startswith("pyspellchecker") and report["engines"]["grammar"] is None
    assert report["files"] == [{"path": "<stdin>", "findings": 2}]
    assert report["findings"][0] == {
        "path": "<stdin>", "line": 1, "column": 1, "end_line": 1, "end_column": 7, "rule": "haftar",
        "type": "names", "severity": "error", "message": '"Hifter" is not the house spelling of this name: write "Haftar"',
        "text": "Hifter", "suggestions": ["Haftar"]}
    assert report["errors"] == []
    assert report["summary"] == {"files": 1, "findings": 2, "error": 1, "warning": 1, "info": 0}


def test_output_file(rules_file, tmp_path):
    target = tmp_path / "report.json"
    result = run("check", "-c", str(rules_file), "-f", "json", "-o", str(target), "-", input="Hifter\n")
    assert result.exit_code == 1 and result.stdout == ""
    assert '"rule": "haftar"' in target.read_text(encoding="utf-8")


def test_select_and_ignore(rules_file):
    text = "Hifter and the goverment.\n"
    selected = run("check", "-c", str(rules_file), "-f", "json", "--select", "spelling", "-", input=text).json()
    assert [f["rule"] for f in selected["findings"]] == ["spelling"]
    ignored = run("check", "-c", str(rules_file), "-f", "json", "--ignore", "spelling,note", "-", input=text).json()
    assert [f["rule"] for f in ignored["findings"]] == ["haftar"]


def test_select_of_an_unknown_rule_is_a_usage_error(rules_file):
    result = run("check", "-c", str(rules_file), "--select", "speling", "-", input="x\n")
    assert result.exit_code == 2
    assert result.stderr == ("copydesk: error: --select: no rule 'speling' in the rules file "
                             "(rules: haftar, note, spelling)\n")


@pytest.mark.parametrize("encoding, newline", [("utf-8", "\r\n"), ("utf-8-sig", "\n"), ("utf-16", "\r\n")])
def test_crlf_bom_and_utf16_positions(rules_file, tmp_path, encoding, newline):
    path = tmp_path / "article.txt"
    path.write_bytes(newline.join(["Headline", "Then Hifter spoke."]).encode(encoding))
    if encoding != "utf-8":
        assert path.read_bytes()[:2] in (codecs.BOM_UTF8[:2], codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    [finding] = run("check", "-c", str(rules_file), "-f", "json", str(path)).json()["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (2, 6, 12)


def test_nfd_text_keeps_positions_of_the_text_as_read(tmp_path):
    rules_file = write_rules(tmp_path, "rules:\n  k: {type: names, preferred: Kılıçdaroğlu, variants: [Kilicdaroglu]}\n")
    text = unicodedata.normalize("NFD", "Kılıçdaroğlu met Kilicdaroglu.")
    [finding] = run("check", "-c", str(rules_file), "-f", "json", "-", input=text.encode()).json()["findings"]
    assert finding["column"] == len(unicodedata.normalize("NFD", "Kılıçdaroğlu met ")) + 1
    assert finding["text"] == "Kilicdaroglu"


def test_unreadable_and_missing_files_exit_2_and_the_rest_is_still_linted(rules_file, tmp_path):
    (tmp_path / "good.txt").write_text("Hifter spoke.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 Hifter\n".encode("latin-1"))
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    result = run("check", "-c", str(rules_file), "-f", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    report = result.json()
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "good.txt")]
    assert report["errors"] == [
        {"path": str(tmp_path / "image.txt"), "message": "a binary file, not text"},
        {"path": str(tmp_path / "latin1.txt"),
         "message": "not UTF-8 text: byte 0xe9 at line 1, byte 4 cannot be decoded; save the file as UTF-8 "
         "(or name its encoding with --encoding, e.g. latin-1)"},
        {"path": str(tmp_path / "missing.txt"), "message": "no such file or folder"},
    ]
    assert f"copydesk: error: {tmp_path / 'missing.txt'}: no such file or folder" in result.stderr


def test_folders_are_walked_for_articles_only(rules_file, tmp_path):
    for name in ("a.txt", "b.md", "c.html", "d.py", ".hidden.txt", "sub/e.txt", ".git/f.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Hifter\n", encoding="utf-8")
    report = run("check", "-c", str(rules_file), "-f", "json", str(tmp_path)).json()
    assert [os.path.relpath(f["path"], tmp_path) for f in report["files"]] == ["a.txt", "b.md", "c.html", "sub/e.txt"]


def test_no_paths_is_a_usage_error():
    result = run("check")
    assert result.exit_code == 2 and "name the files or folders to check" in result.stderr


def test_config_discovery_order(tmp_path, monkeypatch):
    nested = tmp_path / "desk" / "politics"
    nested.mkdir(parents=True)
    write_rules(tmp_path, "rules:\n  upper: {type: pattern, pattern: X, message: upper}\n", "rules.yaml")
    write_rules(tmp_path / "desk", "rules:\n  desk: {type: pattern, pattern: X, message: desk}\n", ".copydesk.yaml")
    env_rules = write_rules(tmp_path, "rules:\n  env: {type: pattern, pattern: X, message: env}\n", "env.yaml")
    monkeypatch.chdir(nested)

    def rule_used() -> str:
        return run("check", "-f", "json", "-", input="X\n").json()["findings"][0]["rule"]

    assert rule_used() == "desk"
    (nested / "copydesk.yaml").write_text("rules:\n  here: {type: pattern, pattern: X, message: here}\n")
    assert rule_used() == "here"
    monkeypatch.setenv("COPYDESK_CONFIG", str(env_rules))
    assert rule_used() == "env"
    assert run("check", "-c", str(tmp_path / "rules.yaml"), "-f", "json", "-", input="X\n").json()["findings"][0]["rule"] == "upper"


def test_packaged_rules_when_no_rules_file_is_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = run("check", "-f", "json", "-", input="Rejep met Hifter.\n").json()
    assert {f["rule"] for f in report["findings"]} >= {"haftar", "transliterations"}


def test_python_dash_m_lint_is_the_same_program():
    result = subprocess.run([sys.executable, "-m", "lint", "check", "-c", str(ROOT / "rules.yaml"), "-f", "json",
                             "--select", "haftar", str(SEED)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert '"rule": "haftar"' in result.stdout


def test_a_closed_pipe_is_not_a_traceback(tmp_path):
    article = tmp_path / "long.txt"
    article.write_text(SEED.read_text(encoding="utf-8") * 300, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "lint", "check", "-c", str(ROOT / "rules.yaml"), str(article)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # like `copydesk check ... | head -0`; click turns EPIPE into a quiet exit
    stderr = process.stderr.read().decode()
    assert process.wait() == 1
    assert stderr == ""
