"""Property tests: any Unicode text, any rules — no crash, exact positions, the same findings
in every report format, and fixes that stay fixed. HYPOTHESIS_PROFILE=thorough runs more."""

from __future__ import annotations

import json
import os
import string
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import docx
import regex
import yaml
from bilingual_files import write
from hypothesis import HealthCheck, event, given, reject, settings
from hypothesis import strategies as st
from test_ci_formats import parse_command
from test_format_html import Page

from lint import config, fix
from lint.document import Document, DocumentError, encode
from lint.formats import FORMATS
from lint.formats.junit import xml_text
from lint.job import FileJob, Mode
from lint.linter import Linter
from lint.prose import view
from lint.run import lint_paths

NAME_LETTERS = string.ascii_letters + "ğışçöüĞİŞÇÖÜ’'-" + "\u0306\u0301"
name = st.text(NAME_LETTERS, min_size=2, max_size=8).filter(lambda s: s[0].isalpha())
# Text built from rule spellings, line ends of every kind, punctuation and arbitrary Unicode.
piece = st.one_of(name, st.sampled_from(["\n", "\r\n", "\r", " ", "’s ", ". ", "-", "\ufeff", "🙂", "\u2028"]),
                  st.text(max_size=6))


def rule_set(spellings: list[str]) -> config.RuleSet | None:
    variants = ", ".join(f'"{s}"' for s in spellings[1:])
    yaml_text = (f'rules:\n  group: {{type: names, preferred: "{spellings[0]}", variants: [{variants}]}}\n'
                 "  spelling: {type: spelling}\n  dup: {type: pattern, pattern: '(\\w+) \\1', message: doubled}\n")
    try:
        return config.parse(yaml_text, "rules.yaml", ".")
    except config.ConfigError:
        return None  # e.g. two spellings that fold to the same name: rightly refused


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spellings=st.lists(name, min_size=2, max_size=4, unique=True), pieces=st.lists(piece, max_size=40))
def test_findings_point_at_their_own_text(spellings, pieces):
    rules = rule_set(spellings)
    if rules is None:
        return
    text = "".join(pieces)
    document = Document("doc", text)
    for finding in Linter(rules).lint(document):
        start = document.line_starts[finding.line - 1] + finding.column - 1
        end = document.line_starts[finding.end_line - 1] + finding.end_column - 1
        assert 0 <= start < end <= len(text)
        assert text[start:end] == finding.text
        assert document.position(start) == (finding.line, finding.column)


# -- Any rule set, any document, every format, --fix ---------------------------------------

# What a rule may say: any text on one line (a report gives each finding one line).
one_line = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)), min_size=1, max_size=12)
phrase = st.one_of(name, st.builds(lambda a, b: f"{a} {b}", name, name), st.text(min_size=1, max_size=6))
SAFE_PATTERNS = [r"\b(\w+) \1\b", r"^Written by \w+$", r"TK", r"\d{4}", r"[!?]{2,}", r"\s+$", r"(?i)hifter", r"«[^»]*»"]
pattern_rule = st.fixed_dictionaries(
    {"type": st.just("pattern"),
     "pattern": st.one_of(st.sampled_from(SAFE_PATTERNS), st.builds(regex.escape, st.text(min_size=1, max_size=5))),
     "message": st.one_of(one_line, st.builds(lambda m: m + " {text}", one_line))},
    optional={"suggestion": one_line, "ignore_case": st.booleans(), "severity": st.sampled_from(["error", "info"])})
names_rule = st.fixed_dictionaries(
    {"type": st.just("names"), "variants": st.lists(phrase, min_size=2, max_size=3)},
    optional={"preferred": phrase, "message": one_line, "severity": st.sampled_from(["error", "warning"])})
substitution_rule = st.fixed_dictionaries(
    {"type": st.just("substitution"),
     "replace": st.dictionaries(phrase, st.one_of(phrase, st.lists(phrase, min_size=1, max_size=2)), min_size=1, max_size=3)})
other_rule = st.sampled_from([{"type": "spelling"}, {"type": "variants"}, {"type": "spelling", "severity": "info"}])
rule_sets = st.lists(st.one_of(names_rule, substitution_rule, pattern_rule, other_rule), min_size=1, max_size=5)


def rules_from(bodies: list[dict]) -> tuple[config.RuleSet, list[str]]:
    """The rule set (or a rejected example: rightly refused rules) and the phrases it looks for."""
    text = yaml.safe_dump({"version": 1, "rules": {f"r{index}": body for index, body in enumerate(bodies)}},
                          allow_unicode=True)
    try:
        ruleset = config.parse(text, "rules.yaml", ".")
    except config.ConfigError as error:
        assert error.line is not None, str(error)
        reject()
    phrases = [p for body in bodies for p in [*body.get("variants", ()), body.get("preferred", ""), *body.get("replace", {})] if p]
    return ruleset, phrases


def documents(phrases: list[str]) -> st.SearchStrategy[str]:
    """The rules' own phrases (in any case), set apart as words mostly are, among any text."""
    spelled = st.sampled_from(phrases or ["x"])
    pieces = st.one_of(spelled, spelled.map(str.upper), piece, st.sampled_from(["Written by Staff", "TK", "the the"]))
    apart = st.sampled_from([" ", " ", ". ", "\n", "\r\n", "’s ", "", "\n\n"])
    return st.lists(st.tuples(pieces, apart), min_size=1, max_size=30).map(lambda pairs: "".join(p + a for p, a in pairs))


def offsets(document: Document, finding) -> tuple[int, int]:
    starts = document.line_starts
    return starts[finding.line - 1] + finding.column - 1, starts[finding.end_line - 1] + finding.end_column - 1


@given(bodies=rule_sets, data=st.data(), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_rules_and_text_findings_are_exact_and_every_format_says_the_same(bodies, data, suffix):
    ruleset, phrases = rules_from(bodies)
    text = data.draw(documents(phrases))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "article" + suffix)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        report = lint_paths([path], ruleset)
        if "\x00" in text:
            assert [error.message for error in report.errors] == ["a binary file, not text"]
            return
        assert not report.errors
        document = report.files[0].document
        text = text.removeprefix("\ufeff")  # a byte-order mark is not text
        assert document.text == text
        for finding in report.findings:
            assert 1 <= finding.line <= finding.end_line <= document.line_count
            assert 1 <= finding.column <= len(document.line_text(finding.line)) + 1
            start, end = offsets(document, finding)
            assert (finding.start, finding.end) == (start, end)  # the offsets it carries are its line and column
            assert 0 <= start < end <= len(text)
            assert text[start:end] == finding.text
            assert "\n" not in finding.message and "\r" not in finding.message
        event(f"{min(len(report.findings), 5)} findings (5: five or more)")
        for name, read_back in READERS.items():
            assert read_back(FORMATS[name](report, False), report) == expected(name, report), name


@given(bodies=rule_sets, data=st.data(), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_rules_and_text_fixed_findings_are_not_found_again(bodies, data, suffix):
    ruleset, phrases = rules_from(bodies)
    source = data.draw(documents(phrases)).encode("utf-8")
    try:
        document = Document.from_bytes("article" + suffix, source)
    except DocumentError:  # NUL characters: a binary file, never fixed
        reject()
    linter = Linter(ruleset)
    prose = view(document)
    findings = linter.lint_document(document, prose).findings
    fixed_text, fixed = fix.apply(document, prose.text, findings)
    event(f"{min(len(fixed), 3)} fixed (3: three or more)")
    assert (fixed_text != document.text) == bool(fixed) or fixed_text == document.text
    # where each fixed span is in the new text: shifted by the fixes before it
    shift, moved = 0, []
    for finding in fixed:
        start, end = offsets(document, finding)
        moved.append((finding.rule, start + shift, start + shift + len(finding.suggestions[0])))
        shift += len(finding.suggestions[0]) - (end - start)
    fixed_document = Document(document.path, fixed_text)
    again = {(f.rule, *offsets(fixed_document, f)) for f in linter.lint(fixed_document)}
    assert not again & set(moved)
    # and --fix writes exactly that text, in the file's encoding, and nothing else
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, document.path)
        with open(path, "wb") as handle:
            handle.write(source)
        result = FileJob(ruleset, mode=Mode.FIX)(path)
        with open(path, "rb") as handle:
            assert handle.read() == (encode(fixed_text, source) if fixed else source)
        assert result.fixed == len(fixed)
        assert os.listdir(folder) == [document.path]  # no temporary file left



# Characters an XML part cannot hold (python-docx refuses them); a line end starts a paragraph.
NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\p{Cs}]")


@settings(max_examples=60)
@given(bodies=rule_sets, data=st.data())
def test_any_rules_and_word_file_findings_are_the_characters_at_their_position(bodies, data):
    ruleset, phrases = rules_from(bodies)
    text = NOT_XML.sub("", data.draw(documents(phrases)))
    paragraphs = LINE_ENDS.split(text)
    word = docx.Document()
    for paragraph in paragraphs:  # each cut into runs at random places, every other one bold
        cuts = sorted(data.draw(st.lists(st.integers(0, len(paragraph)), max_size=4)))
        written = word.add_paragraph()
        for index, (start, end) in enumerate(zip([0, *cuts], [*cuts, len(paragraph)])):
            if end > start:
                written.add_run(paragraph[start:end]).bold = index % 2 == 1
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "article.docx")
        word.save(path)
        report = lint_paths([path], ruleset)
    assert not report.errors
    document = report.files[0].document
    assert document.text.split("\n") == paragraphs  # paragraph n is line n
    for finding in report.findings:
        start, end = offsets(document, finding)
        assert 0 <= start < end <= len(document.text)
        assert document.text[start:end] == finding.text
        if finding.line == finding.end_line:
            assert paragraphs[finding.line - 1][finding.column - 1:finding.end_column - 1] == finding.text

# Each format read back into (path, line, column, end_line, end_column, rule, severity, message, text),
# or as much of it as the format carries; ``expected`` is the report's findings cut the same way.
def expected(name: str, report) -> list[tuple]:
    findings = report.findings
    if name == "text":
        return [(f.path, f.line, f.column, str(f.severity), f.message, f.rule) for f in findings]
    if name == "github":
        return [(f.path, f.line, f.column if f.line == f.end_line else None, f.end_line,
                 f.end_column if f.line == f.end_line else None, f.rule, str(f.severity), f.message) for f in findings]
    if name == "junit":
        return [(f.path, f.line, f"{f.rule} {f.line}:{f.column}", str(f.severity), xml_text(f.message)) for f in findings]
    if name == "html":
        return [(f.rule, str(f.severity), f"{f.line}:{f.column}", LINE_ENDS.sub("", f.text), f.text, f.message)
                for f in findings]
    return [(f.path, f.line, f.column, f.end_line, f.end_column, f.rule, str(f.severity), f.message, f.text,
             list(f.suggestions) if name == "json" else list(f.suggestions) if len(f.suggestions) == 1 else [])
            for f in findings]


def read_json(output: str, report) -> list[tuple]:
    return [(f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["severity"],
             f["message"], f["text"], f["suggestions"]) for f in json.loads(output)["findings"]]


def read_sarif(output: str, report) -> list[tuple]:
    findings = []
    for entry in json.loads(output)["runs"][0]["results"]:
        location = entry["locations"][0]["physicalLocation"]
        region = location["region"]
        fixes = [change["replacements"][0]["insertedContent"]["text"]
                 for fix_entry in entry.get("fixes", []) for change in fix_entry["artifactChanges"]]
        findings.append((unquote(location["artifactLocation"]["uri"].removeprefix("file://")), region["startLine"],
                         region["startColumn"], region["endLine"], region["endColumn"], entry["ruleId"],
                         {"note": "info"}.get(entry["level"], entry["level"]), entry["message"]["text"],
                         region["snippet"]["text"], fixes))
    return findings


def read_github(output: str, report) -> list[tuple]:
    findings = []
    for line in output.split("\n")[:-1]:  # the runner reads lines by \n alone, not at \x1e or \u2028
        level, props, message = parse_command(line)
        findings.append((props["file"], int(props["line"]), int(props["col"]) if "col" in props else None,
                         int(props["endLine"]), int(props["endColumn"]) if "endColumn" in props else None,
                         props["title"].removeprefix("copydesk "), {"notice": "info"}.get(level, level),
                         message.split("\nSuggestion: ")[0]))
    return findings


def read_junit(output: str, report) -> list[tuple]:
    root = ElementTree.fromstring(output)
    return [(case.get("classname"), int(case.get("line")), case.get("name"), case.find("failure").get("type"),
             case.find("failure").get("message"))
            for suite in root for case in suite if case.find("failure") is not None]


TEXT_LINE = regex.compile(r"(?P<path>.*?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info): "
                          r"(?P<message>.*) \[(?P<rule>[^\[\]]+)\]")


def read_text(output: str, report) -> list[tuple]:
    lines = output.split("\n")
    assert lines[-1] == "" and lines[-2].endswith(".")  # the summary, then the final line end
    findings = []
    for line in lines[:-2]:
        match = TEXT_LINE.fullmatch(line)
        assert match, line
        findings.append((match["path"], int(match["line"]), int(match["column"]), match["severity"],
                         match["message"], match["rule"]))
    return findings


def read_html(output: str, report) -> list[tuple]:
    page = Page(output)
    items = ListItems(output).items
    return [(item["rule"], item["severity"], item["pos"], "".join(page.marks[number]), item["quote"], item["msg"])
            for number, item in sorted(items.items(), key=lambda pair: int(pair[0]))]


class ListItems(HTMLParser):
    """The finding list of an HTML report: per finding number, its rule, severity, place, quote and message."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.items: dict[str, dict[str, str]] = {}
        self._current: dict[str, str] | None = None
        self._field: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "li" and "data-f" in attributes:
            self._current = self.items.setdefault(attributes["data-f"], {
                "rule": attributes["data-rule"], "severity": attributes["data-severity"],
                "pos": "", "quote": "", "msg": ""})
        classes = (attributes.get("class") or "").split()
        self._field.append(next((name for name in ("pos", "quote", "msg") if name in classes), ""))

    def handle_endtag(self, tag):
        if self._field:
            self._field.pop()

    def handle_data(self, data):
        field = next((name for name in reversed(self._field) if name), None)
        if self._current is not None and field:
            self._current[field] += data


READERS = {"json": read_json, "sarif": read_sarif, "github": read_github, "junit": read_junit,
           "text": read_text, "html": read_html}
LINE_ENDS = regex.compile(r"\r\n|\r|\n")


# -- Any rules file: a RuleSet or one ConfigError with its line, nothing else -----------------

WORDS = ["version", "language", "exclude", "overrides", "rules", "type", "severity", "enabled", "preferred",
         "variants", "replace", "pattern", "message", "suggestion", "ignore_case", "time_limit", "files", "names",
         "spelling", "substitution", "variants", "pattern", "scope", "ignore", "error", "info", "en-US", "a", "[z-a]"]
scalar = st.one_of(st.none(), st.booleans(), st.integers(-2, 2), st.floats(allow_nan=True), st.sampled_from(WORDS),
                   st.text(max_size=5))
yaml_tree = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.one_of(st.sampled_from(WORDS), st.integers(0, 2), st.booleans(), st.none()), inner, max_size=4)),
    max_leaves=12)
rule_like = st.fixed_dictionaries({"type": st.sampled_from(["names", "substitution", "pattern", "spelling", "variants"])},
                                  optional={key: yaml_tree for key in WORDS[6:16]})
rules_like = st.fixed_dictionaries({}, optional={
    "version": yaml_tree, "language": yaml_tree, "exclude": yaml_tree, "overrides": yaml_tree,
    "rules": st.one_of(yaml_tree, st.dictionaries(st.one_of(st.sampled_from(WORDS), st.integers(0, 2), st.none()),
                                                  st.one_of(rule_like, yaml_tree), max_size=3))})


@given(rules_like)
def test_any_rules_file_loads_or_says_where_it_is_wrong(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        config.parse(text, "rules.yaml", ".")
    except config.ConfigError as error:
        assert error.line is not None and "\n" not in error.message, str(error)


# -- Bilingual files: the targets' characters in the XML or PO file -------------------------

def xml_characters(text: str) -> str:
    """What XML can hold: no control characters but tab and line ends, no U+FFFE/U+FFFF."""
    return "".join(char for char in text if char in "\t\n\r" or not (ord(char) < 32 or ord(char) in (0xFFFE, 0xFFFF)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies=rule_sets, data=st.data(), kind=st.sampled_from(["xliff1", "xliff2", "po", "tmx"]))
def test_bilingual_files_findings_are_the_characters_at_their_position(bodies, data, kind):
    """Targets with entities (&amp;, &lt;, &#13;), PO escapes and any Unicode, written by translate-toolkit."""
    ruleset, phrases = rules_from(bodies)
    targets = data.draw(st.lists(documents(phrases).map(xml_characters), min_size=1, max_size=4))
    units = [(f"u{index}", f"مصدر {index} & <{index}>", target) for index, target in enumerate(targets)]
    with tempfile.TemporaryDirectory() as folder:
        path = write(kind, Path(folder), units)
        report = lint_paths([str(path)], ruleset)
        assert not report.errors
        text = Document.from_bytes(str(path), path.read_bytes()).text
        document = Document(str(path), text)
        for finding in report.findings:
            start, end = offsets(document, finding)
            assert text[start:end] == finding.text
            assert finding.unit is not None
