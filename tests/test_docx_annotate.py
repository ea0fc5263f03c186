"""--annotate: a copy of each Word file with a comment on each finding's characters."""

from __future__ import annotations

import os
import zipfile

import docx
import pytest
from conftest import run, write_rules
from wordfiles import ARTICLE, RULES, anchored_comments, build_article, libreoffice_convert, needs_libreoffice

from lint.word import read


@pytest.fixture
def article(tmp_path):
    write_rules(tmp_path, RULES)
    (tmp_path / "desk").mkdir()
    return build_article(tmp_path / "desk" / "article.docx")


def annotate(folder, *paths, rules="rules.yaml"):
    previous = os.getcwd()
    os.chdir(folder)  # copies go under DIR at the path as given, relative to here
    try:
        return run("check", "-c", rules, "--no-cache", "--annotate", "marked", *paths)
    finally:
        os.chdir(previous)


def test_each_finding_gets_a_comment_on_its_own_characters(tmp_path, article):
    before = article.read_bytes()
    result = annotate(tmp_path, "desk/article.docx")
    assert result.exit_code == 1
    assert "copydesk: 1 annotated Word file written to marked." in result.stderr
    copy = tmp_path / "marked" / "desk" / "article.docx"
    assert article.read_bytes() == before  # the original is untouched
    comments = anchored_comments(copy)
    assert comments[0].author == "Desk" and comments[0].text == "Hifter? check the byline"  # kept
    assert comments[0].marked == "Written by Journalist"
    ours = comments[1:]
    assert [(c.author, c.initials) for c in ours] == [("copydesk", "cd")] * 7
    assert [c.marked for c in ours] == ["Hifter", "Hifter", "Rejep", "Hifter", "Hifter", "Hifter",
                                        "Written by Journalist"]
    assert ours[2].text == 'Write "Recep", not "Rejep"\nSuggestion: Recep\nRule: terms (copydesk)'
    assert ours[6].text == "Template byline left in\nRule: byline (copydesk)"


def test_the_copy_reads_as_the_original_with_its_formatting_and_other_parts(tmp_path, article):
    annotate(tmp_path, "desk/article.docx")
    copy = tmp_path / "marked" / "desk" / "article.docx"
    assert read(str(copy), copy.read_bytes()).text.split("\n") == ARTICLE
    split = docx.Document(str(copy)).paragraphs[1]
    assert [(run.text, bool(run.bold)) for run in split.runs if run.text] == [
        ("Hif", True), ("ter", False), (" met Macron on Tuesday.", False)]  # "ter" split off, plain as before
    with zipfile.ZipFile(article) as original, zipfile.ZipFile(copy) as annotated:
        changed = {name for name in original.namelist() if original.read(name) != annotated.read(name)}
        assert changed == {"word/document.xml", "word/comments.xml"}  # the file already had comments
        assert annotated.namelist() == original.namelist()


def test_a_file_without_comments_gets_its_comments_part(tmp_path):
    write_rules(tmp_path, RULES)
    document = docx.Document()
    document.add_paragraph("Rejep Tayyip Erdogan met Hifter.")
    document.save(str(tmp_path / "plain.docx"))
    annotate(tmp_path, "plain.docx")
    copy = tmp_path / "marked" / "plain.docx"
    assert [c.marked for c in anchored_comments(copy)] == ["Rejep", "Hifter"]
    with zipfile.ZipFile(tmp_path / "plain.docx") as original, zipfile.ZipFile(copy) as annotated:
        added = set(annotated.namelist()) - set(original.namelist())
        changed = {name for name in original.namelist() if original.read(name) != annotated.read(name)}
    assert added == {"word/comments.xml"}
    assert changed == {"word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}


def test_never_over_the_original(tmp_path, article):
    before = article.read_bytes()
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("check", "-c", "rules.yaml", "--no-cache", "--annotate", ".", "desk/article.docx")
    finally:
        os.chdir(previous)
    assert result.exit_code == 2
    assert ("copydesk: error: desk/article.docx: the annotated copy would replace the file itself; "
            "give --annotate another folder") in result.stderr
    assert article.read_bytes() == before


def test_findings_where_word_takes_no_comments_are_listed(tmp_path, article):
    write_rules(tmp_path, RULES + "docx: {include: [headers]}\n", "headers.yaml")
    result = annotate(tmp_path, "desk/article.docx", rules="headers.yaml")
    assert result.exit_code == 1
    assert ("copydesk: note: desk/article.docx: line 8: 'Hifter' [haftar] is in a header or footer, "
            "where Word takes no comments: not annotated") in result.stderr
    assert len(anchored_comments(tmp_path / "marked" / "desk" / "article.docx")) == 8


def test_annotate_says_when_there_was_no_word_file(tmp_path):
    write_rules(tmp_path, RULES)
    (tmp_path / "a.txt").write_text("Hifter in Paris.\n", encoding="utf-8")
    result = annotate(tmp_path, "a.txt")
    assert result.exit_code == 1
    assert "copydesk: --annotate: no Word file (.docx) was checked, so nothing was written to marked." in result.stderr
    assert not (tmp_path / "marked").exists()


def test_annotate_is_not_for_fix_or_diff(tmp_path, article):
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "--fix", "--annotate", str(tmp_path / "m"), str(article))
    assert result.exit_code == 2 and "--annotate marks the problems of the files as they are" in result.stderr


@needs_libreoffice
def test_the_annotated_copy_opens_in_libreoffice(tmp_path, article):
    annotate(tmp_path, "desk/article.docx")
    pdf = libreoffice_convert(tmp_path / "marked" / "desk" / "article.docx", "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")


@needs_libreoffice
def test_a_libreoffice_file_annotated_and_read_back_by_libreoffice(tmp_path):
    write_rules(tmp_path, RULES)
    source = tmp_path / "writer.html"
    source.write_text("<p><b>Hif</b>ter met <i>Rejep</i> Erdogan.</p>", encoding="utf-8")
    saved = libreoffice_convert(source, "docx:MS Word 2007 XML", tmp_path)
    annotate(tmp_path, saved.name)
    copy = tmp_path / "marked" / saved.name
    assert [c.marked for c in anchored_comments(copy)] == ["Hifter", "Rejep"]
    (tmp_path / "again").mkdir()
    resaved = libreoffice_convert(copy, "docx:MS Word 2007 XML", tmp_path / "again")  # LibreOffice keeps them
    assert [(c.author, c.marked) for c in anchored_comments(resaved)] == [("copydesk", "Hifter"), ("copydesk", "Rejep")]


def test_a_result_from_the_cache_is_annotated_too(tmp_path, article):
    rules = str(tmp_path / "rules.yaml")
    first = run("check", "-c", rules, "-f", "json", str(article))
    assert first.json()["summary"]["findings"] == 7  # now cached
    again = run("check", "-c", rules, "-f", "json", "--annotate", str(tmp_path / "cached"), str(article))
    copies = list((tmp_path / "cached").rglob("article.docx"))  # at the article's whole path: it is outside here
    assert again.json()["summary"]["findings"] == 7 and len(copies) == 1
    assert [c.marked for c in anchored_comments(copies[0])][-1] == "Written by Journalist"
