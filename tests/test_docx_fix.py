"""--fix and --diff on Word files: fixes that keep the formatting, the others listed."""

from __future__ import annotations

import io
import os
import zipfile

import docx
import pytest
from conftest import run, write_rules
from wordfiles import RULES, anchored_comments, build_article, tracked

import lint.word.fix as word_fix
from lint.word import read


def paragraphs(path):
    return read(str(path), path.read_bytes()).text.split("\n")


@pytest.fixture
def article(tmp_path):
    write_rules(tmp_path, RULES)
    return build_article(tmp_path / "article.docx")


def test_fix_keeps_formatting_and_lists_what_it_cannot_fix(tmp_path, article):
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "--fix", "--no-cache", str(article))
    assert paragraphs(article) == [
        "Haftar in Paris",
        "Hifter met Macron on Tuesday.",  # "Hif" bold + "ter" plain: which formatting would "Haftar" take?
        "Recep Tayyip Erdogan called Haftar.",
        "Tripoli",
        "Haftar's forces",
        "Observers say Haftar wants Sirte.",  # inside the tracked insertion
        "Written by Journalist",
    ]
    assert "copydesk: 5 problems in 1 file fixed." in result.stderr
    assert (f"copydesk: note: {article}: line 2, column 1: 'Hifter' -> 'Haftar' not fixed here: its characters "
            "have different formatting; make this change in Word") in result.stderr
    assert result.exit_code == 1  # what is left: the split Hifter and the byline
    assert f"{article}:2:1: error:" in result.stdout and f"{article}:7:1: warning:" in result.stdout
    document = docx.Document(str(article))
    assert document.paragraphs[0].style.name == "Heading 1"
    assert [(r.text, bool(r.bold)) for r in document.paragraphs[1].runs] == [("Hif", True), ("ter met Macron on Tuesday.", False)]
    assert anchored_comments(article)[0].marked == "Written by Journalist"  # its comment kept
    assert sorted(os.listdir(tmp_path)) == ["article.docx", "rules.yaml"]  # no temporary file left


def test_runs_of_the_same_formatting_are_fixed_together_and_other_parts_kept(tmp_path):
    write_rules(tmp_path, RULES)
    document = docx.Document()
    first = document.add_paragraph()
    for text in ("Hif", "ter and Rej", "ep."):
        first.add_run(text).italic = True
    link = document.add_paragraph("Calls to ")
    tracked(link, "Haftar", "Hif")
    link.add_run("ter went unanswered.")
    path = tmp_path / "runs.docx"
    document.save(str(path))
    before = path.read_bytes()
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "--fix", "--no-cache", str(path))
    assert paragraphs(path) == ["Haftar and Recep.", "Calls to Hifter went unanswered."]
    assert "line 2, column 10: 'Hifter' -> 'Haftar' not fixed here: it is partly inside a link, a field or a " \
           "tracked change" in result.stderr
    assert all(run.italic for run in docx.Document(str(path)).paragraphs[0].runs)
    with zipfile.ZipFile(path) as fixed, zipfile.ZipFile(io.BytesIO(before)) as original:
        assert [name for name in original.namelist() if original.read(name) != fixed.read(name)] == ["word/document.xml"]


def test_fixing_twice_changes_nothing(tmp_path, article):
    run("check", "-c", str(tmp_path / "rules.yaml"), "--fix", "--no-cache", str(article))
    once = article.read_bytes()
    again = run("check", "-c", str(tmp_path / "rules.yaml"), "--fix", "--no-cache", str(article))
    assert "copydesk: 0 problems in 0 files fixed." in again.stderr
    assert article.read_bytes() == once


def test_diff_shows_paragraphs_and_writes_nothing(tmp_path, article):
    before = article.read_bytes()
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "--diff", "--no-cache", str(article))
    assert result.exit_code == 1
    assert "-Rejep Tayyip Erdogan called Hifter.\n+Recep Tayyip Erdogan called Haftar.\n" in result.stdout
    assert article.read_bytes() == before


def test_a_word_file_changed_since_it_was_read_is_not_fixed(tmp_path, article, monkeypatch):
    real_apply = word_fix.apply
    edited = build_article(tmp_path / "edited.docx").read_bytes()

    def apply_while_someone_saves(*args):  # the translator saves a new version while copydesk works
        article.write_bytes(edited)
        os.utime(article, ns=(1, 1))
        return real_apply(*args)

    monkeypatch.setattr(word_fix, "apply", apply_while_someone_saves)
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "--fix", "-j", "1", "--no-cache", str(article))
    assert result.exit_code == 2
    assert f"{article}: changed by someone else since copydesk read it; not fixed" in result.stderr
    assert article.read_bytes() == edited
