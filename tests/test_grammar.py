"""The grammar rule with Harper, the embedded engine, run for real."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEED, rules, run, write_rules

from lint import lint_text
from lint.checks.grammar import without_overlaps
from lint.document import Document
from lint.engines.base import EngineMatch, chunks

HARPER = """
    version: 1
    language: {language}
    rules:
      grammar:
        type: grammar
        engine: harper
"""


def harper_rules(language: str = "en-US", extra: str = "") -> object:
    return rules(HARPER.format(language=language) + extra)


def grammar_findings(text: str, ruleset: object) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.column, f.text) for f in lint_text(text, ruleset) if f.type == "grammar"]


def test_he_have_a_apple():
    findings = grammar_findings("He have a apple.\n", harper_rules())
    assert findings == [("grammar/PronounVerbAgreement", 1, 4, "have"), ("grammar/AnA", 1, 9, "a")]


def test_a_finding_carries_the_engine_message_and_replacements():
    finding = next(f for f in lint_text("He have a apple.", harper_rules()) if f.rule == "grammar/AnA")
    assert finding.message == "Incorrect indefinite article."
    assert finding.suggestions == ("an",)
    assert finding.severity.name == "WARNING"


def test_fresh_install_reports_a_news_in_the_seed_with_harper():
    result = run("check", "--format", "json", str(SEED))
    report = result.json()
    assert report["engines"]["grammar"].startswith("harper 0.2") and report["engines"]["grammar"].endswith("(embedded)")
    grammar = [f for f in report["findings"] if f["type"] == "grammar"]
    # The whole seed, once names, substitutions and spelling have spoken: one real slip, no noise.
    assert [(f["line"], f["column"], f["end_column"], f["text"], f["rule"]) for f in grammar] == [
        (18, 88, 94, "a news", "grammar/MassNouns")]
    assert grammar[0]["suggestions"] == ["news", "some news", "a piece of news"]
    assert grammar[0]["severity"] == "warning"


def test_text_is_the_characters_at_the_position_of_every_grammar_finding():
    text = ("😀 He have a apple.\r\nThe “Wagner” group arrive yesterday 🇱🇾, and they was there.\r\n\r\n"
            + SEED.read_text(encoding="utf-8") + "\rHe have a apple 𝐚𝐧𝐝 a orange.")
    document = Document("x.txt", text)
    findings = [f for f in lint_text(text, harper_rules(extra="        harper_rules: {SpellCheck: true}\n"))
                if f.type == "grammar"]
    assert len(findings) > 10
    for finding in findings:
        start = document.line_starts[finding.line - 1] + finding.column - 1
        end = document.line_starts[finding.end_line - 1] + finding.end_column - 1
        assert finding.text == text[start:end] and finding.text


def test_harper_rules_switch_engine_rules_by_name():
    seed = SEED.read_text(encoding="utf-8")
    assert ("grammar/MassNouns", 18, 88, "a news") in grammar_findings(seed, harper_rules())
    quiet = harper_rules(extra="        harper_rules: {MassNouns: false}\n")
    assert grammar_findings(seed, quiet) == []
    # Off by default in copydesk (house style), on when asked for: Turkey is now Türkiye.
    place_names = harper_rules(extra="        harper_rules: {UpdatePlaceNames: true}\n")
    assert ("grammar/UpdatePlaceNames", 6, 234, "Turkey") in grammar_findings(seed, place_names)


def test_harper_spelling_on_request_skips_words_the_rules_file_accepts():
    ruleset = rules("""
        version: 1
        rules:
          alrajmah: {type: names, preferred: Alrajmah, variants: [Rajmah]}
          grammar:
            type: grammar
            engine: harper
            harper_rules: {SpellCheck: true}
    """)
    findings = grammar_findings("Obsevers saw Khalifa leave Alrajmah.", ruleset)
    assert ("grammar/SpellCheck", 1, 1, "Obsevers") in findings
    assert ("grammar/SpellCheck", 1, 14, "Khalifa") in findings
    assert not any(text == "Alrajmah" for *_, text in findings)


def test_language_picks_the_harper_dialect():
    spelling = "        harper_rules: {SpellCheck: true}\n"
    assert [text for *_, text in grammar_findings("The colour of the flag.", harper_rules("en-US", spelling))] == ["colour"]
    assert grammar_findings("The colour of the flag.", harper_rules("en-GB", spelling)) == []


def test_names_and_substitutions_win_over_grammar_on_the_same_words():
    ruleset = rules("""
        version: 1
        rules:
          fruit: {type: substitution, replace: {a apple: an apple}}
          grammar: {type: grammar, engine: harper}
    """)
    findings = [(f.rule, f.text) for f in lint_text("He have a apple.", ruleset)]
    assert findings == [("grammar/PronounVerbAgreement", "have"), ("fruit", "a apple")]


def test_ignore_and_select_take_engine_rule_ids():
    assert not any(f["rule"] == "grammar/MassNouns"
                   for f in run("check", "-f", "json", "--ignore", "grammar/MassNouns", str(SEED)).json()["findings"])
    selected = run("check", "-f", "json", "--select", "grammar", str(SEED)).json()["findings"]
    assert [f["rule"] for f in selected] == ["grammar/MassNouns"]


def test_an_engine_that_cannot_run_alone_is_an_error(tmp_path):
    path = write_rules(tmp_path, """
        version: 1
        rules:
          grammar: {type: grammar, engine: harper, language: tr-TR}
    """)
    (tmp_path / "a.txt").write_text("Bir haber.\n", encoding="utf-8")
    result = run("check", "-c", str(path), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr == "copydesk: error: rule 'grammar': Harper checks English only, not tr-TR\n"
    assert result.stdout == ""


def test_languagetool_not_installed_falls_to_harper_only_when_listed(tmp_path):
    (tmp_path / "a.txt").write_text("He have a apple.\n", encoding="utf-8")
    listed = write_rules(tmp_path, "version: 1\nrules:\n  grammar: {type: grammar}\n", "listed.yaml")
    report = run("check", "-f", "json", "-c", str(listed), str(tmp_path / "a.txt")).json()
    assert report["engines"]["grammar"].startswith("harper ")
    alone = write_rules(tmp_path, "version: 1\nrules:\n  grammar: {type: grammar, engine: languagetool}\n", "alone.yaml")
    result = run("check", "-c", str(alone), str(tmp_path / "a.txt"))
    assert result.exit_code == 2 and result.stdout == ""
    assert "rule 'grammar': LanguageTool is not installed in " in result.stderr
    assert "COPYDESK_LANGUAGETOOL_URL" in result.stderr and "README" in result.stderr


def test_chunks_cover_the_text_and_prefer_paragraph_breaks():
    paragraph = "One sentence here. Another one there.\n"
    text = (paragraph * 3 + "\n") * 4 + "x" * 250 + " tail"
    spans = chunks(text, 120)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(end - start <= 120 for start, end in spans)
    assert all(text[start - 2:start] == "\n\n" for start, _ in spans[1:4])
    assert chunks("short", 120) == [(0, 5)]


def test_overlapping_matches_keep_the_shortest():
    long_sentence = EngineMatch(0, 50, "LongSentences", "long")
    article = EngineMatch(10, 11, "AnA", "article")
    phrase = EngineMatch(10, 16, "MassNouns", "mass noun")
    later = EngineMatch(60, 64, "Other", "other")
    assert without_overlaps([long_sentence, phrase, later, article]) == [article, later]


def test_harper_debugging_output_does_not_reach_the_report(tmp_path):
    # Harper 0.2 prints "gerund_form: ..." on file descriptor 1 for this sentence.
    (tmp_path / "a.txt").write_text("Either way, we're looking forward to Black Siren's showdown.\n", encoding="utf-8")
    path = write_rules(tmp_path, HARPER.format(language="en-US"))
    done = subprocess.run([sys.executable, "-m", "lint", "check", "-f", "json", "-c", str(path), str(tmp_path / "a.txt")],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["engines"]["grammar"].startswith("harper ")


def test_in_html_a_slip_in_the_prose_is_found_and_the_blanked_tags_are_not_read_as_one():
    # The prose reads "see the report    , and": a space before a comma that the writer did not type.
    text = '<p>He have a apple, see <a href="https://example.com/x">the report</a>, and more.</p>\n'
    findings = [(f.rule, f.column, f.text) for f in lint_text(text, harper_rules(), path="a.html")]
    assert findings == [("grammar/PronounVerbAgreement", 7, "have"), ("grammar/AnA", 12, "a")]
    typed = [(f.rule, f.text) for f in lint_text("See the report , and more.", harper_rules())]
    assert typed == [("grammar/CommaFixes", " ")]


def test_worker_processes_lint_grammar_like_one_process(tmp_path):
    # Forked after this process has linted (its Harper threads running): the workers start their own.
    lint_text("He have a apple.", harper_rules())
    for number in range(4):
        (tmp_path / f"a{number}.txt").write_text(f"Story {number}. He have a apple.\n", encoding="utf-8")
    path = write_rules(tmp_path, HARPER.format(language="en-US"))
    two = run("check", "-f", "json", "--jobs", "2", "-c", str(path), str(tmp_path)).json()  # hung before the fix
    one = run("check", "-f", "json", "--jobs", "1", "-c", str(path), str(tmp_path)).json()
    assert two == one and len(one["findings"]) == 8
