"""--format html without a browser: the page holds the article as read, one mark per
finding at its place, overlapping findings nested or split, and nothing unescaped."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from conftest import ROOT, SEED, run, write_rules

from lint.document import Document
from lint.finding import Finding, Severity
from lint.formats import html
from lint.formats.spans import Piece, layout
from lint.report import FileResult, Report

HOSTILE = (
    "Headline <script>window.pwned=1</script> and more\n"
    'A quote "><img src=x onerror="window.pwned=2"> ends here &amp; there.\n'
    "</div></main><script>window.pwned=3</script><!--\n"
    "Hifter met them.\n"
)
HOSTILE_RULES = r"""
    version: 1
    rules:
      haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}
      code:
        type: pattern
        severity: warning
        pattern: 'window\.pwned=\d'
        message: 'Code in the article: "{text}" <b>bold</b>'
      tag:
        type: pattern
        severity: info
        pattern: '<script>[^<]*</script>'
        message: A <script> tag in the text
        suggestion: '"><img src=x onerror=alert(1)>'
      crossing:
        type: pattern
        severity: warning
        pattern: 'pwned=1</script> and'
        message: Crosses the end of the tag
"""


class Page(HTMLParser):
    """The parts of a report page the tests look at, as a browser's parser sees them."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.lines: list[str] = []  # text of each .tx element
        self.marks: dict[str, list[str]] = {}  # data-f -> text of each of its pieces
        self.heads: list[str] = []  # data-f of the focusable marks, in page order
        self.scripts: list[str] = []
        self._open: list[tuple[str, dict]] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "mark":
            self.marks.setdefault(attributes["data-f"], []).append("")
            if "tabindex" in attributes:
                self.heads.append(attributes["data-f"])
        if tag == "span" and attributes.get("class") == "tx":
            self.lines.append("")
        if tag == "script":
            self.scripts.append("")
        self._open.append((tag, attributes))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for tag, attributes in self._open:
            if tag == "mark":
                self.marks[attributes["data-f"]][-1] += data
            if tag == "span" and attributes.get("class") == "tx":
                self.lines[-1] += data
            if tag == "script":
                self.scripts[-1] += data


def html_report(tmp_path, *args: str) -> tuple[int, str]:
    output = tmp_path / "report.html"
    result = run("check", "--format", "html", "-o", str(output), *args)
    return result.exit_code, output.read_text(encoding="utf-8")


def test_seed_report_marks_every_finding_where_it_is(tmp_path):
    findings = run("check", "-f", "json", "-c", str(ROOT / "rules.yaml"), str(SEED)).json()["findings"]
    exit_code, source = html_report(tmp_path, "-c", str(ROOT / "rules.yaml"), str(SEED))
    page = Page(source)
    assert exit_code == 1
    assert len(findings) == 22
    assert page.heads == [str(number) for number in range(1, 23)]
    assert ["".join(page.marks[str(number)]) for number in range(1, 23)] == [f["text"] for f in findings]
    assert "\n".join(page.lines) == SEED.read_text(encoding="utf-8").removesuffix("\n")
    assert re.search(r'<li class="sev-error" data-f="1" data-severity="error" data-rule="haftar">'
                     r'<a class="jump" href="#f-1"><span class="pos">2:1</span>', source)
    assert 'Suggestion: <bdi>Haftar</bdi>' in source
    assert '<code class="sev-error">haftar</code> <span class="count">16</span>' in source


def test_hostile_text_paths_and_messages_are_shown_not_run(tmp_path):
    article = tmp_path / '"><i>x.txt'
    article.write_text(HOSTILE, encoding="utf-8")
    rules = write_rules(tmp_path, HOSTILE_RULES)
    exit_code, source = html_report(tmp_path, "-c", str(rules), str(article))
    page = Page(source)
    assert exit_code == 1
    assert [tag for tag, _ in page.tags if tag in ("script", "img", "i", "b")] == ["script"]
    assert not [name for _, attributes in page.tags for name in attributes if name.startswith("on")]
    assert "\n".join(page.lines) == HOSTILE
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in source
    assert 'Code in the article: "window.pwned=1" &lt;b&gt;bold&lt;/b&gt;' in source
    assert '/"&gt;&lt;i&gt;x.txt</code>' in source
    # The page allows its own script (by hash) and nothing else.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', source).group(1)
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy


def test_overlapping_findings_nest_and_split_and_each_keeps_its_text(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    rules = write_rules(tmp_path, HOSTILE_RULES)
    findings = run("check", "-f", "json", "-c", str(rules), str(article)).json()["findings"]
    _, source = html_report(tmp_path, "-c", str(rules), str(article))
    page = Page(source)
    assert len(page.heads) == len(findings) == 7
    assert ["".join(page.marks[head]) for head in page.heads] == [f["text"] for f in findings]
    crossing = next(str(n) for n, f in enumerate(findings, 1) if f["rule"] == "crossing")
    assert page.marks[crossing] == ["pwned=1", "</script>", " and"]  # split where code, then tag end
    # The code finding sits inside the tag finding.
    assert re.search(r'<mark id="f-\d" class="sev-info"[^>]*>&lt;script&gt;<mark id="f-\d" class="sev-warning"', source)


def spans(pieces: list[Piece]) -> list:
    return [(p.start, p.end, p.key, p.head, spans(p.children)) for p in pieces]


def test_layout_nests_a_span_inside_another_and_splits_a_crossing_one():
    lines = [(0, 20)]
    assert spans(layout([(0, 10), (2, 5)], lines)[0]) == [(0, 10, 0, True, [(2, 5, 1, True, [])])]
    assert spans(layout([(0, 10), (5, 15)], lines)[0]) == [
        (0, 10, 0, True, [(5, 10, 1, True, [])]), (10, 15, 1, False, [])]
    assert spans(layout([(3, 8), (3, 8)], lines)[0]) == [(3, 8, 0, True, [(3, 8, 1, True, [])])]
    assert spans(layout([(0, 4), (4, 8)], lines)[0]) == [(0, 4, 0, True, []), (4, 8, 1, True, [])]


def test_layout_splits_at_line_ends_and_keeps_empty_and_line_end_spans():
    document = Document("x.txt", "one\r\ntwo\n\nthree")
    lines = [document.line_span(n) for n in range(1, document.line_count + 1)]
    assert lines == [(0, 3), (5, 8), (9, 9), (10, 15)]
    assert [spans(line) for line in layout([(1, 12)], lines)] == [
        [(1, 3, 0, True, [])], [(5, 8, 0, False, [])], [], [(10, 12, 0, False, [])]]
    # An empty span, and one covering only line ends, show as a point where they start.
    assert [spans(line) for line in layout([(6, 6), (8, 10)], lines)] == [
        [], [(6, 6, 0, True, []), (8, 8, 1, True, [])], [], []]


def finding_at(document: Document, start: int, end: int, rule: str, severity: Severity) -> Finding:
    (line, column), (end_line, end_column) = document.position(start), document.position(end)
    return Finding(document.path, line, column, end_line, end_column, rule, "pattern", severity,
                   f"about {rule}", document.text[start:end], start=start, end=end)


def test_a_finding_across_lines_is_one_focusable_mark_and_continuation_pieces():
    document = Document("a.txt", "first line\nsecond line\n")
    report = Report([FileResult("a.txt", [finding_at(document, 6, 17, "span", Severity.INFO)], document)])
    page = Page(html.render(report))
    assert page.heads == ["1"]
    assert page.marks["1"] == ["line", "second"]
    assert '<mark class="sev-info cont" data-f="1">second</mark>' in html.render(report)


def test_clean_files_unreadable_files_and_counts(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing wrong here.\n", encoding="utf-8")
    exit_code, source = html_report(tmp_path, "-c", str(ROOT / "rules.yaml"), str(clean), str(tmp_path / "missing.txt"))
    assert exit_code == 2
    assert "Could not be checked" in source and "missing.txt</code>: no such file or folder" in source
    assert "<details><summary>No problems found; show the text</summary>" in source
    assert "Nothing wrong here." in source
    assert "0 problems in 1 file" in source and "1 file could not be checked" in source
    assert '<p class="none">No problems found.</p>' in source


def test_a_removal_suggestion_and_a_file_without_its_text():
    document = Document("a.txt", "Written by Journalist\n")
    removal = Finding("a.txt", 1, 1, 1, 22, "byline", "pattern", Severity.ERROR, "Template byline",
                      "Written by Journalist", ("",), start=0, end=21)
    source = html.render(Report([FileResult("a.txt", [removal], document), FileResult("b.txt", [removal], None)]))
    assert source.count("Suggestion: <em>remove it</em>") == 2
    assert 'The text of this file is not available.' in source
    assert Page(source).heads == ["1"]  # the second file's finding is listed, with nothing to jump to
    assert '<a class="jump" href="#f-1">' in source and 'href="#f-2"' not in source
