"""The sample article with the repository's rules: every position the issue pins."""

from __future__ import annotations

import hashlib

from conftest import ROOT, SEED, run

# The shared sample article's SHA-256, taken when the project started, so that every clone
# checks its copy without the shared folder beside it.
SHARED_SEED_SHA256 = "a4d340aa97ede262d44afa580dd6120e846e382a55fef982cdb2adeae9dac357"
HIFTER = ["2:1", "4:58", "6:1", "10:9", "12:1", "12:33", "14:116", "14:241", "18:19", "18:118",
          "18:186", "20:52", "22:83", "22:228", "26:12", "28:8"]


def seed_report() -> dict:
    result = run("check", "-c", str(ROOT / "rules.yaml"), "--format", "json", "--select",
                 "haftar,transliterations,institutions,byline,spelling,placeholder,doubled-word", str(SEED))
    assert result.exit_code == 1, result.stderr
    return result.json()


def at(finding: dict) -> str:
    return f"{finding['line']}:{finding['column']}"


def test_seed_is_the_shared_sample_byte_for_byte():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SHARED_SEED_SHA256


def test_every_hifter_is_reported_with_haftar_as_suggestion():
    findings = [f for f in seed_report()["findings"] if f["rule"] == "haftar"]
    assert [at(f) for f in findings] == HIFTER
    assert {f["text"] for f in findings} == {"Hifter"}
    assert all(f["suggestions"] == ["Haftar"] and f["severity"] == "error" for f in findings)
    assert all(f["end_column"] == f["column"] + len("Hifter") for f in findings)


def test_transliteration_term_byline_and_spelling_slip():
    findings = {at(f): f for f in seed_report()["findings"]}
    assert findings["10:91"]["text"] == "Rejep" and findings["10:91"]["suggestions"] == ["Recep"]
    assert findings["22:1"]["text"] == "Obsevers" and findings["22:1"]["suggestions"][0] == "Observers"
    for position in ("6:168", "18:307"):
        assert findings[position]["text"] == "reconciliation government"
        assert findings[position]["suggestions"] == ["Government of National Accord"]
    assert findings["24:1"]["text"] == "Written by Journalist" and findings["24:1"]["rule"] == "byline"


def test_the_house_spelling_and_foreign_names_are_not_reported():
    report = seed_report()
    assert "10:270" not in {at(f) for f in report["findings"]}
    spelling = [f["text"] for f in report["findings"] if f["type"] == "spelling"]
    assert spelling == ["Obsevers"]


def test_every_finding_text_is_the_text_at_its_position():
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for finding in seed_report()["findings"]:
        line = lines[finding["line"] - 1]
        assert line[finding["column"] - 1:finding["end_column"] - 1] == finding["text"]


def test_summary_counts_match_findings():
    report = seed_report()
    findings = report["findings"]
    assert report["summary"]["findings"] == len(findings) == report["files"][0]["findings"]
    assert report["summary"]["error"] == sum(f["severity"] == "error" for f in findings)
    assert report["summary"]["warning"] == sum(f["severity"] == "warning" for f in findings)
