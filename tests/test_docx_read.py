"""Word files in: paragraphs in reading order, positions, what is skipped, bad input."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from conftest import run, write_rules
from wordfiles import ARTICLE, RULES, build_article, libreoffice_convert, needs_libreoffice

from lint import config
from lint.document import DocumentError
from lint.run import lint_paths
from lint.word import read


@pytest.fixture
def article(tmp_path):
    write_rules(tmp_path, RULES)
    return build_article(tmp_path / "article.docx")


def test_paragraphs_in_reading_order_with_tracked_changes_accepted(article):
    text = read(str(article), article.read_bytes()).text
    assert text.split("\n") == ARTICLE  # heading, split runs, list item, table cells, changes accepted
    assert "Hafter" not in text  # the tracked deletion
    assert "field marshal" not in text and "Libya desk" not in text and "check the byline" not in text


def test_the_rules_file_adds_footnotes_headers_and_comments_after_the_body(tmp_path, article):
    rules = write_rules(tmp_path, RULES + "docx: {include: [footnotes, headers, comments]}\n", "with-notes.yaml")
    text = read(str(article), article.read_bytes(), config.load(rules).docx_include).text
    assert text.split("\n") == [*ARTICLE, " Hifter is a field marshal.", "Libya desk: Hifter file",
                                 "Hifter? check the byline"]
    report = lint_paths([str(article)], config.load(rules))
    assert sorted({f.line for f in report.findings if f.rule == "haftar"}) == [1, 2, 3, 5, 6, 8, 9, 10]


def test_a_finding_is_at_its_paragraph_and_column(article):
    report = lint_paths([str(article)], config.load(article.parent / "rules.yaml"))
    spans = [(f.line, f.column, f.end_column, f.text, f.rule) for f in report.findings]
    assert spans == [(1, 1, 7, "Hifter", "haftar"), (2, 1, 7, "Hifter", "haftar"),
                     (3, 1, 6, "Rejep", "terms"), (3, 29, 35, "Hifter", "haftar"),
                     (5, 1, 7, "Hifter", "haftar"), (6, 15, 21, "Hifter", "haftar"),
                     (7, 1, 22, "Written by Journalist", "byline")]
    paragraphs = read(str(article), article.read_bytes()).text.split("\n")
    for finding in report.findings:
        assert paragraphs[finding.line - 1][finding.column - 1:finding.end_column - 1] == finding.text


def test_reports_quote_the_paragraph(article):
    coloured = run("check", "-c", str(article.parent / "rules.yaml"), "--color", "--no-cache", str(article))
    assert coloured.exit_code == 1
    assert f"{article}:3:29: " in coloured.stdout
    assert "    3 | Rejep Tayyip Erdogan called \x1b[31m\x1b[1mHifter\x1b[0m." in coloured.stdout  # its paragraph
    page = run("check", "-c", str(article.parent / "rules.yaml"), "-f", "html", "--no-cache", str(article))
    assert "Tayyip Erdogan called" in page.stdout and "Observers say" in page.stdout


def test_folders_are_walked_for_word_files(tmp_path, article):
    (tmp_path / "sub").mkdir()
    build_article(tmp_path / "sub" / "second.docx")
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "-f", "json", "--no-cache", str(tmp_path))
    assert [entry["path"] for entry in result.json()["files"]] == [str(article), str(tmp_path / "sub" / "second.docx")]


@needs_libreoffice
def test_a_file_saved_by_libreoffice(tmp_path):
    source = tmp_path / "from-writer.html"
    source.write_text("<html><body><h1>Hifter in Paris</h1><p><b>Hif</b>ter met <i>Rejep</i> Erdogan.</p>"
                      "<ul><li>Hifter's forces</li></ul><table><tr><td>Tripoli</td><td>Hifter</td></tr></table>"
                      "</body></html>", encoding="utf-8")
    saved = libreoffice_convert(source, "docx:MS Word 2007 XML", tmp_path)
    write_rules(tmp_path, RULES)
    paragraphs = read(str(saved), saved.read_bytes()).text.split("\n")
    assert [p for p in paragraphs if p] == ["Hifter in Paris", "Hifter met Rejep Erdogan.", "Hifter's forces",
                                           "Tripoli", "Hifter"]
    report = lint_paths([str(saved)], config.load(tmp_path / "rules.yaml"))
    assert [f.text for f in report.findings] == ["Hifter", "Hifter", "Rejep", "Hifter", "Hifter"]
    for finding in report.findings:
        assert paragraphs[finding.line - 1][finding.column - 1:finding.end_column - 1] == finding.text


def zipped(entries: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
WORKBOOK_TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                  'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
WORKBOOK_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                 'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
BAD = {
    "old.doc": (OLE + b"WordDocument".ljust(64, b"\0"), ("an old binary Word document (.doc), which copydesk does not "
                "read; open it in Word or LibreOffice and save it as a Word document (.docx)")),
    "locked.docx": (OLE + "EncryptionInfo EncryptedPackage".encode("utf-16-le"),
                    "a password-protected (encrypted) Word document: copydesk cannot read it"),
    "notes.docx": (zipped({"notes.txt": "Hifter"}), "a zip archive, not a Word document"),
    "sheet.docx": (zipped({"[Content_Types].xml": WORKBOOK_TYPES, "_rels/.rels": WORKBOOK_RELS,
                           "xl/workbook.xml": "<workbook/>"}), "an Excel workbook named .docx, not a Word document"),
    "plain.docx": (b"Hifter visited Paris.\n", "not a Word document (a .docx is a zip archive, and this file is not one)"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_what_is_not_a_docx_says_so(name):
    data, message = BAD[name]
    with pytest.raises(DocumentError, match="^" + message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        read(name, data)


def test_damaged_files_are_errors_and_the_others_are_still_checked(tmp_path, article):
    whole = article.read_bytes()
    (tmp_path / "cut.docx").write_bytes(whole[: len(whole) // 2])
    flipped = bytearray(whole)
    with zipfile.ZipFile(article) as archive:  # zeros over the compressed text of the document part
        body = archive.getinfo("word/document.xml").header_offset + 30 + len("word/document.xml") + 100
    flipped[body:body + 40] = bytes(40)
    (tmp_path / "flipped.docx").write_bytes(bytes(flipped))
    for name, (data, _) in BAD.items():
        (tmp_path / name).write_bytes(data)
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "-f", "json", "--no-cache", str(tmp_path))
    assert result.exit_code == 2
    errors = {error["path"].rsplit("/", 1)[1]: error["message"] for error in result.json()["errors"]}
    assert sorted(errors) == sorted([*BAD, "cut.docx", "flipped.docx"])
    assert errors["cut.docx"].startswith("damaged or incomplete (its zip archive cannot be read)")
    assert "damaged Word document" in errors["flipped.docx"]
    assert [entry["path"] for entry in result.json()["files"]] == [str(article)]
    assert result.json()["summary"]["findings"] == 7
    assert "Traceback" not in result.stderr


def test_a_bad_docx_section_in_the_rules_file_names_its_line(tmp_path):
    rules = write_rules(tmp_path, RULES + "docx:\n  include: [footnotes, margins]\n")
    with pytest.raises(config.ConfigError) as raised:
        config.load(rules)
    assert str(raised.value) == (f"{rules}:5: 'docx: include' lists what to read besides the body, from: "
                                 "footnotes, headers, comments")


def test_a_docx_that_unpacks_to_far_more_than_its_size_is_refused():
    document = docx.Document()
    document.add_paragraph("Hifter " * 200_000)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(DocumentError, match="unpacks to more than 20 times the file size limit"):
        read("bomb.docx", buffer.getvalue(), limit=50_000)
