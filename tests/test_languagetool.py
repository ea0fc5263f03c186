"""The grammar rule with LanguageTool, through language-tool-python's own classes.

A stand-in server on 127.0.0.1 (tests/fake_languagetool.py) answers in
LanguageTool's /v2/check shape: it replays recorded responses and records the
requests. With COPYDESK_LANGUAGETOOL_URL set, one test runs against that real server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, rules, run, write_rules
from fake_languagetool import A_VS_AN, HE_HAVE, MORFOLOGIK, FakeLanguageTool

from lint import lint_text
from lint.document import Document
from lint.engines import languagetool
from lint.engines.base import EngineError

REAL_SERVER = os.environ.get(languagetool.SERVER_ENV)  # read before the fixtures hide it


@pytest.fixture
def server():
    fake = FakeLanguageTool({"a apple": A_VS_AN, "have": HE_HAVE, "Haftar": MORFOLOGIK, "Haftar’s": MORFOLOGIK, "Alrajmah": MORFOLOGIK,
                             "Hifter": MORFOLOGIK})
    yield fake
    fake.close()


def on(server: FakeLanguageTool, options: str = "", language: str = "en-US", extra_rules: str = ""):
    return rules(f"""
        version: 1
        language: {language}
        rules:
{extra_rules}          grammar:
            type: grammar
            engine: languagetool
            server: {server.url}
{options}""")


def test_offsets_and_lengths_after_characters_outside_the_basic_plane(server):
    # Replays a recorded exchange (tests/data/languagetool/astral-characters.json).
    text = "Breaking 📰: Russia published a news that 𝐇𝐢𝐟𝐭𝐞𝐫 left. 😀 He have a apple."
    findings = lint_text(text, on(server))
    assert [(f.rule, f.column, f.end_column, f.text) for f in findings] == [
        ("grammar/A_UNCOUNTABLE", 30, 36, "a news"),
        ("grammar/MORFOLOGIK_RULE_EN_US", 42, 48, "𝐇𝐢𝐟𝐭𝐞𝐫"),
        ("grammar/HE_VERB_AGR", 60, 64, "have"),
        ("grammar/EN_A_VS_AN", 65, 66, "a"),
    ]
    assert findings[0].message == "Uncountable nouns are usually not used with an indefinite article. Use simply “news”."
    assert findings[0].suggestions == ("news",)


def test_long_documents_go_in_paragraph_chunks_concurrently_at_exact_positions(server, monkeypatch):
    monkeypatch.setattr(languagetool, "CHUNK", 300)
    server.delay = 0.05
    paragraphs = [f"Paragraph {n} 😀: he said that He have a apple, and then he left for the day.\n"
                  f"Its second line is here, with nothing wrong in it at all.\n" for n in range(12)]
    text = "\n".join(paragraphs)
    findings = lint_text(text, on(server))
    sent = sorted((params["text"] for params in server.checks), key=text.index)  # they arrive in any order
    assert len(sent) > 4 and server.max_in_flight > 1
    assert all(len(chunk) <= 300 for chunk in sent)
    assert "".join(sent) == text
    assert all(chunk.endswith(".\n\n") for chunk in sent[:-1])  # cut at paragraph breaks
    document = Document("x", text)
    assert len(findings) == 24
    for finding in findings:
        start = document.line_starts[finding.line - 1] + finding.column - 1
        assert text[start:start + len(finding.text)] == finding.text and finding.text in ("have", "a apple")


def test_spelling_matches_on_words_the_rules_file_accepts_are_dropped(server):
    names = """          haftar: {type: names, preferred: Haftar, variants: [Hifter]}
"""
    text = "Haftar’s men left Alrajmah. Hifter went to France."
    findings = [(f.rule, f.text) for f in lint_text(text, on(server, extra_rules=names))]
    # Haftar: a name the rules file accepts; Hifter: the names rule reports it, and wins the overlap.
    assert findings == [("grammar/MORFOLOGIK_RULE_EN_US", "Alrajmah"), ("haftar", "Hifter")]


def test_a_mother_tongue_the_server_does_not_know(server):
    with pytest.raises(EngineError, match="unsupported language: 'xx'"):
        lint_text("He have a apple.", on(server, "            mother_tongue: xx\n"))


def test_rule_and_category_options_are_sent(server):
    options = """            mother_tongue: ar
            enabled_rules: [EN_QUOTES]
            disabled_rules: [WHITESPACE_RULE, EN_A_VS_AN]
            enabled_categories: [STYLE]
            disabled_categories: [TYPOS]
            picky: true
"""
    lint_text("He have a apple.", on(server, options, language="en-GB"))
    (sent,) = server.checks
    assert sent["language"] == "en-GB"
    assert sent["motherTongue"] == "ar"
    assert sent["enabledRules"] == "EN_QUOTES"
    assert sorted(sent["disabledRules"].split(",")) == ["EN_A_VS_AN", "WHITESPACE_RULE"]
    assert sent["enabledCategories"] == "STYLE"
    assert sent["disabledCategories"] == "TYPOS"
    assert sent["level"] == "picky"


def test_defaults_send_only_the_language_and_the_text(server):
    lint_text("He have a apple.", on(server))
    (sent,) = server.checks
    assert sent == {"language": "en-US", "text": "He have a apple."}


def test_report_names_the_engine_version_and_server(server, tmp_path):
    path = write_rules(tmp_path, f"version: 1\nrules:\n  grammar: {{type: grammar, server: '{server.url}'}}\n")
    result = run("check", "-f", "json", "-c", str(path), "-", input="He have a apple.")
    report = result.json()
    assert report["engines"]["grammar"] == f"languagetool 6.6 (server {server.url})"
    assert [f["rule"] for f in report["findings"]] == ["grammar/HE_VERB_AGR", "grammar/EN_A_VS_AN"]
    assert result.exit_code == 0  # warnings only


def test_server_from_the_environment(server, tmp_path, monkeypatch):
    monkeypatch.setenv(languagetool.SERVER_ENV, server.url + "/v2/")
    path = write_rules(tmp_path, "version: 1\nrules:\n  grammar: {type: grammar}\n")
    report = run("check", "-f", "json", "-c", str(path), "-", input="He have a apple.").json()
    assert report["engines"]["grammar"] == f"languagetool 6.6 (server {server.url}/v2/)"
    assert len(report["findings"]) == 2


def test_a_dead_server_stops_the_run_before_any_report(tmp_path):
    path = write_rules(tmp_path, "version: 1\nrules:\n  grammar: {type: grammar, server: 'http://127.0.0.1:9'}\n")
    result = run("check", "-c", str(path), "-", input="He have a apple.")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("copydesk: error: rule 'grammar': the LanguageTool server http://127.0.0.1:9 "
                                    "does not answer (connection refused): start it, or correct the rule's "
                                    "'server' option or COPYDESK_LANGUAGETOOL_URL")


def test_a_dead_server_in_the_environment_is_not_skipped_for_harper(tmp_path, monkeypatch):
    monkeypatch.setenv(languagetool.SERVER_ENV, "http://127.0.0.1:9")
    path = write_rules(tmp_path, "version: 1\nrules:\n  grammar: {type: grammar, engine: [languagetool, harper]}\n")
    result = run("check", "-c", str(path), "-", input="He have a apple.")
    assert result.exit_code == 2
    assert "http://127.0.0.1:9 does not answer" in result.stderr


def test_a_language_the_server_does_not_check(server):
    ruleset = on(server, options="            language: fr-FR\n")
    with pytest.raises(EngineError, match=rf"^rule 'grammar': the LanguageTool server {server.url}: unsupported language: 'fr-FR'$"):
        lint_text("Il a une pomme.", ruleset)


def test_an_installed_languagetool_without_java_is_unavailable(tmp_path, monkeypatch):
    (tmp_path / "lt" / "LanguageTool-6.6").mkdir(parents=True)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no java here
    path = write_rules(tmp_path, "version: 1\nrules:\n  grammar: {type: grammar, engine: languagetool}\n")
    result = run("check", "-c", str(path), "-", input="He have a apple.")
    assert result.exit_code == 2
    assert result.stderr.startswith("copydesk: error: rule 'grammar': LanguageTool 6.6 needs Java 17 or later")


def test_the_local_server_starts_once_per_run_and_stops_at_exit(tmp_path):
    installed = tmp_path / "lt" / "LanguageTool-6.6"
    installed.mkdir(parents=True)
    (installed / "languagetool-server.jar").write_bytes(b"")
    java = tmp_path / "bin" / "java"  # plays Java running LanguageTool's HTTPServer
    java.parent.mkdir()
    java.write_text(f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(Path(__file__).parent)!r})\n"
                    f"import fake_languagetool\nfake_languagetool.pretend_java(sys.argv[1:], {str(tmp_path / 'pids')!r})\n")
    java.chmod(0o755)
    path = write_rules(tmp_path, """
        version: 1
        rules:
          grammar: {type: grammar, engine: languagetool}
          grammar-gb: {type: grammar, engine: languagetool, language: en-GB}
    """)
    env = {**os.environ, "PATH": f"{java.parent}{os.pathsep}{os.environ['PATH']}", "LTP_PATH": str(tmp_path / "lt")}
    env.pop(languagetool.SERVER_ENV, None)
    done = subprocess.run([sys.executable, "-m", "lint", "check", "-f", "json", "-c", str(path), "-"],
                          input="He have a apple.", capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    report = json.loads(done.stdout)
    assert report["engines"]["grammar"] == "languagetool 6.6 (local server)"
    assert sorted(f["rule"] for f in report["findings"]) == [
        "grammar-gb/EN_A_VS_AN", "grammar-gb/HE_VERB_AGR", "grammar/EN_A_VS_AN", "grammar/HE_VERB_AGR"]
    (pid,) = map(int, (tmp_path / "pids").read_text().split())  # one server for both rules
    settings = (tmp_path / "pids.config").read_text(encoding="utf-8").split()
    assert {"pipelineCaching=true", "maxPipelinePoolSize=50", "cacheSize=5000"} <= set(settings)
    for _ in range(50):
        if not _alive(pid):
            break
        time.sleep(0.1)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(not REAL_SERVER, reason="set COPYDESK_LANGUAGETOOL_URL to run against a real LanguageTool")
def test_a_real_languagetool_server(tmp_path):
    path = write_rules(tmp_path, f"version: 1\nrules:\n  grammar: {{type: grammar, server: '{REAL_SERVER}'}}\n")
    text = "😀 He have a apple. Russia published a news that the Elysee denied."
    report = run("check", "-f", "json", "-c", str(path), "-", input=text).json()
    assert report["engines"]["grammar"].startswith("languagetool ")
    findings = report["findings"]
    assert any(f["text"] == "a" and f["column"] == text.index("a apple") + 1 for f in findings), findings
    for finding in findings:
        assert text[finding["column"] - 1:finding["end_column"] - 1] == finding["text"]
