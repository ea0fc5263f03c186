"""Markdown and HTML: only prose is linted, at the positions of the source file."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from conftest import ROOT, SEED, rules, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from lint import lint_text
from lint.document import Document
from lint.prose import view
from lint.words import words

FIXTURES = ROOT / "tests" / "fixtures"
PACKAGED = str(ROOT / "rules.yaml")


def places(result) -> list[tuple[int, int, int, str, str]]:
    return [(f["line"], f["column"], f["end_column"], f["rule"], f["text"]) for f in result.json()["findings"]]


def test_markdown_prose_is_linted_at_source_positions_and_nothing_else():
    result = run("check", "-c", PACKAGED, "-f", "json", str(FIXTURES / "hifter-visit.md"))
    assert places(result) == [
        (6, 3, 9, "haftar", "Hifter"),            # heading text; the front matter above is skipped
        (8, 58, 64, "haftar", "Hifter"),
        (10, 1, 7, "haftar", "Hifter"),
        (10, 168, 193, "institutions", "reconciliation government"),
        (14, 9, 15, "haftar", "Hifter"),
        (14, 91, 96, "transliterations", "Rejep"),
        # line 16: only the last "goverment" is prose; inline code, link target and title,
        # and the autolink hold it too
        (16, 177, 186, "spelling", "goverment"),
        # the fenced block (18-20) and the image (22) are skipped; in the HTML block,
        # the attributes are skipped and its text is prose
        (24, 66, 75, "spelling", "goverment"),
        (26, 1, 9, "spelling", "Obsevers"),
        (28, 1, 22, "byline", "Written by Journalist"),
    ]


def test_html_text_is_linted_but_not_tags_attributes_code_or_scripts():
    result = run("check", "-c", PACKAGED, "-f", "json", str(FIXTURES / "hifter-visit.html"))
    assert places(result) == [
        (4, 8, 14, "haftar", "Hifter"),           # <title> is prose; <style> and <script> are not
        (9, 30, 36, "haftar", "Hifter"),          # not the class attribute before it
        (10, 61, 67, "haftar", "Hifter"),
        (11, 4, 10, "haftar", "Hifter"),
        (11, 93, 118, "institutions", "reconciliation government"),
        (12, 159, 168, "spelling", "goverment"),  # not in <code>, href or title
        (15, 12, 18, "haftar", "Hifter"),         # <pre> and <img alt> above are skipped
        (15, 61, 66, "transliterations", "Rejep"),
        (16, 4, 12, "spelling", "Obsevers"),
        (17, 4, 25, "byline", "Written by Journalist"),  # the span is the text, not the <p> around it
    ]


def test_seed_as_markdown_has_the_seed_findings_at_the_same_places(tmp_path):
    markdown = tmp_path / "seed.md"
    shutil.copy(SEED, markdown)
    as_text = run("check", "-c", PACKAGED, "-f", "json", str(SEED)).json()["findings"]
    as_markdown = run("check", "-c", PACKAGED, "-f", "json", str(markdown)).json()["findings"]
    assert [(f["line"], f["column"], f["rule"]) for f in as_markdown] == \
        [(f["line"], f["column"], f["rule"]) for f in as_text]
    assert len(as_text) == 22


def test_crlf_and_cr_line_ends_keep_lines_and_columns():
    text = "<p>Intro</p>\r\n<p><code>Hifter</code> and Hifter</p>\r<p>Hifter</p>\r\n"
    found = lint_text(text, rules(HAFTAR), path="a.html")
    assert [(f.line, f.column, f.text) for f in found] == [(2, 28, "Hifter"), (3, 4, "Hifter")]
    markdown = "# Title\r\n\r\n`Hifter` and Hifter\r\n"
    found = lint_text(markdown, rules(HAFTAR), path="a.md")
    assert [(f.line, f.column, f.text) for f in found] == [(3, 14, "Hifter")]


def test_masking_keeps_every_offset_and_line_end():
    text = "---\ntitle: x\n---\r\n\r\nSee `code` and [a link](http://x.org/y).\r\n"
    prose = view(Document("a.md", text)).text
    assert len(prose) == len(text)
    assert [i for i, c in enumerate(prose) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    assert "code" not in prose and "http" not in prose and "See" in prose and "a link" in prose


def test_nested_lists_quotes_and_tables_map_to_their_source_columns():
    text = "> quoted Hifter\n> - listed Hifter\n\n| a | Hifter |\n|---|---|\n| Hifter | b |\n"
    found = lint_text(text, rules(HAFTAR), path="a.markdown")
    assert [(f.line, f.column) for f in found] == [(1, 10), (2, 12), (4, 7), (6, 3)]


def test_code_between_words_keeps_them_apart():
    # "the `x` the" is not a doubled word, and a term split by code is not the term
    text = "We saw the `cmd` the end; the reconciliation `x` government.\n"
    found = lint_text(text, rules(DOUBLED), path="a.md")
    assert found == []
    assert [f.text for f in lint_text("We saw the **the** end.\n", rules(DOUBLED), path="a.md")] == ["the **the"]


def test_plain_text_and_stdin_are_read_as_plain_text():
    text = "Hifter in `Hifter` and <b>Hifter</b>\n"
    assert len(lint_text(text, rules(HAFTAR), path="a.txt")) == 3
    result = run("check", "-c", PACKAGED, "-f", "json", "-", input=text)
    assert [f["column"] for f in result.json()["findings"] if f["rule"] == "haftar"] == [1, 12, 27]


def test_web_addresses_are_not_prose_in_any_format():
    text = "Hifter spoke, see https://example.com/hifter-visit or www.hifter.org/x today.\n"
    for path in ("a.txt", "a.md", "a.html"):
        assert [f.column for f in lint_text(text, rules(HAFTAR), path=path)] == [1]


HAFTAR = """
version: 1
rules:
  haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}
"""

DOUBLED = """
version: 1
rules:
  doubled: {type: pattern, pattern: '\\b(\\w+)\\s+\\1\\b', message: doubled, ignore_case: true}
  terms: {type: substitution, replace: {reconciliation government: GNA}}
"""


SAMPLES = [
    "- item\n\tcontinued Hifter line\n\n>\tquoted\ttab Hifter\n",
    "> quote Hifter\ncontinues lazily Hifter\n\n1. one\n   two Hifter\n2) three\n",
    "Title Hifter\n===\n\nPara *emph Hifter* and __strong__ and ~~gone~~.\n",
    "- a\n  - b Hifter\n    > c Hifter\n",
    "Not \\*emph\\* Hifter &amp; &copy; x\\\ny\n",
    "line one Hifter  \nline two\n",
    "[Hifter][ref] and [ref] and [x](<a b> 'T')\n\n[ref]: /url\n",
    "a <span title='Hifter'>Hifter</span> <!-- c --> b\n",
    "| a | b |\n|---|---|\n| Hifter | `x` Hifter |\n| c | Hifter |\n",
]


@pytest.mark.parametrize("source", SAMPLES)
def test_markdown_prose_has_exactly_the_words_the_parser_reads_as_text(source):
    """The masked text holds the words of markdown-it's text tokens, each at a source position."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    expected = Counter(word.text for token in parser.parse(source) if token.type == "inline"
                       for child in token.children if child.type == "text" for word in words(child.content))
    prose = view(Document("a.md", source)).text
    assert Counter(word.text for word in words(prose)) == expected


# Markup of both formats, line ends of every kind, the words the rules look for, and any Unicode.
MARKUP = st.one_of(
    st.sampled_from(["Hifter", "Rejep", "goverment", " ", "\n", "\r\n", "\r", "\t", "> ", "- ", "1. ", "# ",
                     "*", "_", "`", "```", "~~", "[", "](", ")", "<", ">", "</", "<p>", "<code>", "</code>",
                     "<!--", "-->", "<!-- copydesk-disable -->", "&amp;", "&#x41;", "\\", "|", "---",
                     "http://x.org/Hifter", " [sic]", "\ufeff", "\u2028"]),
    st.text(max_size=4))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(MARKUP, max_size=60), suffix=st.sampled_from([".md", ".html"]))
def test_any_markup_keeps_offsets_and_findings_point_at_their_text(pieces, suffix):
    text = "".join(pieces)
    document = Document("a" + suffix, text)
    prose = view(document).text
    assert len(prose) == len(text)
    assert Document("p", prose).line_starts == document.line_starts
    assert all(p == t or p in (" ", "\ufffc") for p, t in zip(prose, text))
    for finding in lint_text(text, rules(PROPERTY_RULES), path=document.path):
        start = document.line_starts[finding.line - 1] + finding.column - 1
        end = document.line_starts[finding.end_line - 1] + finding.end_column - 1
        assert 0 <= start < end <= len(text) and text[start:end] == finding.text


PROPERTY_RULES = HAFTAR + """  terms: {type: substitution, replace: {Rejep: Recep}}
  spelling: {type: spelling}
  doubled: {type: pattern, pattern: '\\b(\\w+)\\s+\\1\\b', message: doubled}
"""
