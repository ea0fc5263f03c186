"""A LanguageTool server that fails mid-run: slow, erroring, refusing, hanging up, dying.

The stand-in server (tests/fake_languagetool.py) misbehaves on purpose; the time limits are
cut to fractions of a second so that every retry and give-up happens within the test. Each
failure is retried a bounded number of times and then reported for the files it concerns;
the rest of the run goes on, and no file passes unchecked in silence."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import run, write_rules
from fake_languagetool import A_VS_AN, HE_HAVE, FakeLanguageTool

from lint.engines import languagetool

ARTICLE = "He have a apple.\nHifter spoke.\n"  # two grammar findings, one names finding
FILES = 4


@pytest.fixture(autouse=True)
def quick_limits(monkeypatch):
    monkeypatch.setattr(languagetool, "TIMEOUT", 0.4)
    monkeypatch.setattr(languagetool, "BACKOFF", 0.05)
    monkeypatch.setattr(languagetool, "DOCUMENT_BUDGET", 3.0)


@dataclass
class Run:
    exit_code: int
    stderr: str
    report: dict
    files: list[str]
    server: FakeLanguageTool


@pytest.fixture
def newsroom(tmp_path):
    """Check four articles, with LanguageTool's grammar and a names rule beside it, against
    a stand-in server that misbehaves as ``fault`` says."""
    def check(fault, text: str = ARTICLE) -> Run:
        files = [str(tmp_path / f"a{number}.txt") for number in range(1, FILES + 1)]
        for path in files:
            Path(path).write_text(text, encoding="utf-8")
        server = FakeLanguageTool({"a apple": A_VS_AN, "have": HE_HAVE}, fault=fault, hang=2.0)
        try:
            rules = write_rules(tmp_path, f"""
                version: 1
                rules:
                  haftar: {{type: names, severity: error, preferred: Haftar, variants: [Hifter]}}
                  grammar: {{type: grammar, engine: languagetool, server: '{server.url}'}}
                """)
            result = run("check", "-c", str(rules), "-f", "json", *files)
        finally:
            server.close()
        return Run(result.exit_code, result.stderr, result.json(), files, server)
    return check


def by_file(report) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["path"], []).append(finding["rule"])
    return found


def failing(times: int, fault):
    """A fault for the first ``times`` check requests, then answers."""
    counter = itertools.count()
    return lambda params: fault if next(counter) < times else None


@pytest.mark.parametrize("fault", [500, 503, 429, "hang", "hang up"])
def test_a_passing_fault_is_retried_and_nothing_is_lost(newsroom, fault):
    checked = newsroom(failing(2, fault))
    report, files, server = checked.report, checked.files, checked.server
    assert checked.exit_code == 1, checked.stderr
    assert report["errors"] == []
    assert by_file(report) == {path: ["grammar/HE_VERB_AGR", "grammar/EN_A_VS_AN", "haftar"] for path in files}
    assert len(server.checks) == FILES + 2  # the first file's request tried three times


def test_a_server_that_keeps_failing_is_reported_for_every_file_it_did_not_check(newsroom):
    checked = newsroom(lambda params: 500)
    report, files, server = checked.report, checked.files, checked.server
    assert checked.exit_code == 2
    message = (f"rule 'grammar': the LanguageTool server {server.url} failed: HTTP 500 Internal Server Error, "
               "after 3 attempts; grammar was not checked in this file")
    assert report["errors"] == [{"path": path, "message": message} for path in files]
    assert by_file(report) == {path: ["haftar"] for path in files}  # what the other rules found stands
    assert len(server.checks) == 3 * FILES  # it answers, so each file is tried: three times, no more


@pytest.mark.parametrize("fault, reason", [("hang", "timed out"), ("hang up", "Remote end closed connection without response")])
def test_a_server_that_never_answers_is_given_up_on_after_one_file(newsroom, fault, reason):
    checked = newsroom(lambda params: fault)
    report, files, server = checked.report, checked.files, checked.server
    assert checked.exit_code == 2
    first = f"the LanguageTool server {server.url} failed: {reason}, after 3 attempts"
    assert report["errors"] == [
        {"path": files[0], "message": f"rule 'grammar': {first}; grammar was not checked in this file"},
        *({"path": path, "message": f"rule 'grammar': the LanguageTool server {server.url} stopped answering "
                                     f"earlier in this run ({reason}, after 3 attempts) and was not asked again; "
                                     "grammar was not checked in this file"} for path in files[1:])]
    assert by_file(report) == {path: ["haftar"] for path in files}
    assert len(server.checks) == 3  # three tries for the first file, none for the others


def test_a_server_that_dies_mid_run(newsroom):
    served = itertools.count()
    checked = newsroom(lambda params: "die" if next(served) == 2 else None)  # answers two files, then goes away
    report, files = checked.report, checked.files
    assert checked.exit_code == 2
    assert [(error["path"], error["message"].split(" failed: ")[-1].split(" stopped answering ")[-1][:40])
            for error in report["errors"]] == [
        (files[2], "connection refused, after 3 attempts; gr"),
        (files[3], "earlier in this run (connection refused,")]
    grammar = ["grammar/HE_VERB_AGR", "grammar/EN_A_VS_AN", "haftar"]
    assert by_file(report) == {files[0]: grammar, files[1]: grammar, files[2]: ["haftar"], files[3]: ["haftar"]}


def test_too_large_is_answered_by_sending_halves_down_to_a_floor(newsroom, monkeypatch):
    monkeypatch.setattr(languagetool, "MIN_CHUNK", 8)
    # a server that takes 20 characters at most
    checked = newsroom(lambda params: 413 if len(params["text"]) > 20 else None,
                       "He have a apple.\nHifter spoke, and he spoke.\n")
    report, files, server = checked.report, checked.files, checked.server
    assert checked.exit_code == 1, checked.stderr
    assert [(f["line"], f["column"], f["text"]) for f in report["findings"] if f["path"] == files[0]] == [
        (1, 4, "have"), (1, 9, "a apple"), (2, 1, "Hifter")]
    # the whole text, refused; then pieces of at most half of it, cut at line ends, else at spaces
    assert [len(params["text"]) for params in server.checks[:4]] == [45, 17, 21, 7]


def test_too_large_even_for_the_smallest_piece_is_an_error(newsroom):
    checked = newsroom(lambda params: 413)
    report, server = checked.report, checked.server
    assert checked.exit_code == 2
    assert report["errors"][0]["message"] == (
        f"rule 'grammar': the LanguageTool server {server.url} failed: it refuses even 31 characters as too "
        "large (HTTP 413); grammar was not checked in this file")
    assert len(server.checks) == FILES  # a refusal is not retried as it was


@pytest.mark.parametrize("fault, answer", [("garbage", "its answer is not LanguageTool's JSON"),
                                           (400, "HTTP 400 Bad Request: <!DOCTYPE HTML>")])
def test_an_answer_that_is_not_languagetools_is_reported_not_retried(newsroom, fault, answer):
    checked = newsroom(lambda params: fault)
    report, server = checked.report, checked.server
    assert checked.exit_code == 2
    assert report["errors"][0]["message"] == (f"rule 'grammar': the LanguageTool server {server.url} failed: "
                                              f"{answer}; grammar was not checked in this file")
    assert len(report["errors"]) == FILES and len(server.checks) == FILES


def test_a_document_never_waits_longer_than_its_budget(newsroom, monkeypatch):
    monkeypatch.setattr(languagetool, "DOCUMENT_BUDGET", 0.6)  # room for one wait of 0.4 s and part of another
    checked = newsroom(lambda params: "hang")
    report, server = checked.report, checked.server
    assert report["errors"][0]["message"] == (
        f"rule 'grammar': the LanguageTool server {server.url} failed: timed out, after 2 attempts in the 0.6 s "
        "allowed for a document; grammar was not checked in this file")
    assert len(server.checks) == 2
