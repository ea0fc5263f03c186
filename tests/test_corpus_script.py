"""bench/corpus.py: counting rules, the text checks and the line-level stats edit,
on a corpus folder each test builds for itself."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "corpus.py"
spec = importlib.util.spec_from_file_location("corpus_script", SCRIPT)
corpus = importlib.util.module_from_spec(spec)
sys.modules["corpus_script"] = corpus
spec.loader.exec_module(corpus)

TEXT = ("LIBYA: BASHAGHA MEETS HAFTAR\n"
        "Fathi Bashagha met Haftar's envoy. Bachagha said theministry in Tripoli had no word from "
        "al-Dbeibah; Dbeibah's office said Tripoli was calm.\n")

ANNOTATION = """id: libya-test
url: https://example.org/libya-test   # a comment that must survive
outlet: Test Outlet
source_language: ar
kind: translated
query: "Bashagha Bachagha Tripoli"
rank: 2
variants:
  - spellings: {Bashagha: 2, Bachagha: 1}
    kind: spelling
    what: person
  - spellings: {al-Dbeibah: 1, Dbeibah: 1}
    kind: particle
    what: person
consistent: [Haftar, Tripoli]
slips:
  - {text: theministry, fix: the ministry, class: run-together}
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / "articles").mkdir()
    (tmp_path / "texts").mkdir()
    monkeypatch.setattr(corpus, "EVAL", tmp_path)
    return tmp_path


def write(folder: Path, annotation: str = ANNOTATION, text: str | None = TEXT) -> Path:
    path = folder / "articles" / "libya-test.yaml"
    path.write_text(annotation, encoding="utf-8")
    if text is not None:
        (folder / "texts" / "libya-test.txt").write_text(text, encoding="utf-8")
    return path


def test_counts_caps_lines_possessives_and_particles_claimed_once():
    assert corpus.group_counts(TEXT, ["Bashagha", "Bachagha"]) == {"Bashagha": 2, "Bachagha": 1}
    assert corpus.group_counts(TEXT, ["al-Dbeibah", "Dbeibah"]) == {"al-Dbeibah": 1, "Dbeibah": 1}
    assert len(corpus.spans(TEXT, "Haftar")) == 2       # ALL-CAPS headline + possessive
    assert len(corpus.spans(TEXT, "libya")) == 1         # case is lost only in the ALL-CAPS line
    assert corpus.spans("Tripolitania", "Tripoli") == []  # whole words only


def test_stats_fills_words_and_hash_keeping_comments_then_verify_passes(folder, capsys):
    path = write(folder)
    assert corpus.main(["verify"]) == 1                 # sha256 not filled yet
    assert corpus.main(["stats"]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "# a comment that must survive" in lines[1]
    assert lines[7] == f"words: {len(corpus.WORD.findall(TEXT))}"
    assert lines[8] == "sha256: " + hashlib.sha256(TEXT.encode()).hexdigest()
    assert corpus.main(["verify"]) == 0


def test_verify_reports_wrong_counts_unknown_class_and_missing_text(folder, capsys):
    bad = ANNOTATION.replace("Bachagha: 1", "Bachagha: 3").replace("run-together}", "runtogether}")
    write(folder, bad)
    corpus.main(["stats"])
    assert corpus.main(["verify"]) == 1
    out = capsys.readouterr().out
    assert "'Bachagha' annotated 3 times, the text has it 1 times" in out
    assert "class 'runtogether' not one of" in out
    (folder / "texts" / "libya-test.txt").unlink()
    assert corpus.main(["verify"]) == 1
    assert "re-run: query 'Bashagha Bachagha Tripoli', rank 2" in capsys.readouterr().out


def test_verify_fails_on_an_empty_corpus(folder, capsys):
    assert corpus.main(["verify"]) == 1
    assert "0 annotation(s)" in capsys.readouterr().out


def test_split_rule_and_save(folder, capsys, monkeypatch):
    url = "https://example.org/libya-test"
    expected = "test" if int(hashlib.sha256(url.encode()).hexdigest()[:8], 16) % 2 else "dev"
    assert corpus.split_of(url) == expected
    monkeypatch.setattr(sys, "stdin", io.StringIO('"a\\u2019b\\nc"'))
    assert corpus.main(["save", "saved-one"]) == 0
    assert (folder / "texts" / "saved-one.txt").read_text(encoding="utf-8") == "a’b\nc\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO("not json"))
    assert corpus.main(["save", "saved-two"]) == 2
    assert not (folder / "texts" / "saved-two.txt").exists()
