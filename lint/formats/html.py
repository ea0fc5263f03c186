"""--format html: one self-contained page a copy editor reads in a browser.

Each article is shown as it reads, line by line, with every finding highlighted
where it is (a colour and an underline per severity); its message and
suggestions show on hover and on keyboard focus. A side list jumps to each
finding, counts them per severity and rule, and filters them; a suggestion that
``--fix`` applies says so. The page needs no
network and no server: the style and a small script are inline (from
``lint/data/report.*``), and a Content-Security-Policy with the script's hash
keeps anything else from running. Every text from the run is HTML-escaped and
no data is embedded in the script: it reads what it needs from the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from string import Template

from ..document import Document
from ..finding import Finding, Severity
from ..report import FileResult, Report
from ..version import __version__
from .spans import Piece, layout
from .text import plural

SEVERITIES = sorted(Severity, reverse=True)


def render(report: Report, terminal: bool = False) -> str:
    findings = report.findings
    style, script = asset("report.css"), asset("report.js")
    files = plural(len(report.files), "file")
    return Template(asset("report.html")).substitute(
        title=escape(f"copydesk: {plural(len(findings), 'problem')} in {files}"),
        style=style,
        script=script,
        policy=policy(style, script),
        summary=summary(report),
        articles=articles(report),
        filters=filters(findings),
        findings=finding_list(report),
    )


def asset(name: str) -> str:
    return (resources.files("lint") / "data" / name).read_text(encoding="utf-8")


def policy(style: str, script: str) -> str:
    """Only our own style and script may apply: nothing loads, nothing injected runs."""
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"
    return f"default-src 'none'; style-src {digest(style)}; script-src {digest(script)}"


def escape(value: str) -> str:
    """Text content: & < > escaped (quotes only matter inside attributes)."""
    return html.escape(value, quote=False)


def attribute(value: str) -> str:
    """A quoted attribute value."""
    return '"' + html.escape(value, quote=True) + '"'


def summary(report: Report) -> str:
    counts = report.counts()
    parts = [f'<span class="badge sev-{name}">{plural(count, name)}</span>' for name, count in counts.items()]
    engines = ", ".join(f"{escape(name)}: {escape(engine or 'none')}"
                        for name, engine in sorted(report.engines.items()))
    line = (f"{plural(len(report.findings), 'problem')} in {plural(len(report.files), 'file')} "
            f"{' '.join(parts)}")
    if report.unchecked:
        line += f' <span class="badge trouble">{plural(report.unchecked, "file")} could not be checked</span>'
    if report.faults:
        line += f' <span class="badge trouble">{plural(report.faults, "error")} in checked files</span>'
    return (f'<p class="counts">{line}</p>\n'
            f'<p class="tool">copydesk {escape(__version__)}' + (f" · {engines}" if engines else "") + "</p>")


def articles(report: Report) -> str:
    parts = []
    if report.errors:
        items = "".join(f"<li><code>{escape(error.path)}</code>: {escape(error.message)}</li>"
                        for error in report.errors)
        parts.append(f'<section class="trouble" aria-labelledby="trouble"><h2 id="trouble">Could not be checked</h2>'
                     f"<ul>{items}</ul></section>")
    if not report.files:
        parts.append('<p class="empty-run">No files were checked.</p>')
    parts.extend(article(index, result, first) for index, result, first in numbered(report))
    return "\n".join(parts)


def numbered(report: Report) -> Iterator[tuple[int, FileResult, int]]:
    """Each file, its index, and the number of its first finding: numbers run across the
    report and name a finding's mark (f-N), description (d-N) and list item."""
    number = 1
    for index, result in enumerate(report.files):
        yield index, result, number
        number += len(result.findings)


def article(index: int, result: FileResult, first_number: int) -> str:
    heading = (f'<h2 id="a-{index}"><code>{escape(result.path)}</code> '
               f'<span class="tally">{plural(len(result.findings), "problem")}</span></h2>')
    if result.document is None:
        body = '<p class="note">The text of this file is not available.</p>'
    elif not result.findings:
        body = ('<details><summary>No problems found; show the text</summary>'
                f'{article_text(result.document, [], first_number)}</details>')
    else:
        body = article_text(result.document, result.findings, first_number)
    return f'<article aria-labelledby="a-{index}">{heading}{body}</article>'


def article_text(document: Document, findings: list[Finding], first_number: int) -> str:
    """The article, one element per line, each finding a <mark> (or nested marks) in place."""
    lines = [document.line_span(number) for number in range(1, document.line_count + 1)]
    spans = [(finding.start, finding.end) for finding in findings]
    rows = []
    for number, ((start, end), pieces) in enumerate(zip(lines, layout(spans, lines), strict=False), start=1):
        text = marked(document.text, start, end, pieces, findings, first_number)
        rows.append(f'<div class="line"><span class="ln" aria-hidden="true">{number}</span>'
                    f'<span class="tx" dir="auto">{text}</span></div>')
    return '<div class="text">' + "\n".join(rows) + "</div>"


def marked(text: str, start: int, end: int, pieces: list[Piece], findings: list[Finding], first_number: int) -> str:
    """text[start:end] escaped, with the pieces (and their children) as marks."""
    out, position = [], start
    for piece in pieces:
        out.append(escape(text[position:piece.start]))
        out.append(mark(piece, findings[piece.key], first_number + piece.key))
        out.append(marked(text, piece.start, piece.end, piece.children, findings, first_number))
        out.append("</mark>")
        position = piece.end
    out.append(escape(text[position:end]))
    return "".join(out)


def mark(piece: Piece, finding: Finding, number: int) -> str:
    classes = f"sev-{finding.severity}" + ("" if piece.head else " cont")
    classes += " empty" if piece.start == piece.end else ""
    if piece.head:
        return (f'<mark id="f-{number}" class="{classes}" data-f="{number}" tabindex="0" '
                f'aria-describedby="d-{number}">')
    return f'<mark class="{classes}" data-f="{number}">'


def filters(findings: list[Finding]) -> str:
    """Counts per severity and per rule, each a checkbox that shows or hides those findings."""
    by_severity = Counter(finding.severity for finding in findings)
    by_rule = Counter(finding.rule for finding in findings)
    severity_of: dict[str, Severity] = {}  # a rule's colour: its most severe finding's
    for finding in findings:
        severity_of[finding.rule] = max(finding.severity, severity_of.get(finding.rule, Severity.INFO))
    severities = "".join(
        checkbox("severity", str(severity), f'<span class="badge sev-{severity}">{severity}</span>',
                 by_severity[severity])
        for severity in SEVERITIES)
    rules = "".join(
        checkbox("rule", rule, f'<code class="sev-{severity_of[rule]}">{escape(rule)}</code>', count)
        for rule, count in sorted(by_rule.items(), key=lambda item: (-severity_of[item[0]], -item[1], item[0])))
    return (f'<fieldset><legend>Severity</legend>{severities}</fieldset>'
            f'<fieldset><legend>Rule</legend>{rules or "<p>none</p>"}</fieldset>')


def checkbox(kind: str, value: str, label: str, count: int) -> str:
    disabled = "" if count else " disabled"
    return (f'<label class="filter"><input type="checkbox" data-filter="{kind}" value={attribute(value)} '
            f'checked{disabled}> '
            f'{label} <span class="count">{count}</span></label>')


def finding_list(report: Report) -> str:
    """Per file, one item per finding: where, what, and the suggestions; each jumps to its mark."""
    parts = []
    for index, result, first in numbered(report):
        if not result.findings:
            continue
        items = [finding_item(finding, first + offset, result.document is not None)
                 for offset, finding in enumerate(result.findings)]
        parts.append(f'<h3><a href="#a-{index}"><code>{escape(result.path)}</code></a> '
                     f'<span class="count">{len(result.findings)}</span></h3><ol>{"".join(items)}</ol>')
    return "\n".join(parts) or '<p class="none">No problems found.</p>'


def finding_item(finding: Finding, number: int, in_text: bool) -> str:
    where = f'<span class="pos">{finding.line}:{finding.column}</span> <bdi class="quote">{escape(finding.text)}</bdi>'
    link = f'<a class="jump" href="#f-{number}">{where}</a>' if in_text else where
    suggestions = ""
    if finding.suggestions:
        label = "Suggestion" if len(finding.suggestions) == 1 else "Suggestions"
        shown = " · ".join(f"<bdi>{escape(suggestion)}</bdi>" if suggestion else "<em>remove it</em>"
                           for suggestion in finding.suggestions)
        fixable = ' <span class="fixable">(--fix writes it)</span>' if finding.fixable else ""
        suggestions = f' <span class="sugg">{label}: {shown}{fixable}</span>'
    return (f'<li class="sev-{finding.severity}" data-f="{number}" data-severity="{finding.severity}" '
            f'data-rule={attribute(finding.rule)}>{link}'
            f'<div class="desc" id="d-{number}"><span class="badge sev-{finding.severity}">{finding.severity}</span> '
            f'<code class="rule">{escape(finding.rule)}</code> <span class="msg">{escape(finding.message)}</span>'
            f'{suggestions}{source_beside(finding)}</div></li>')


SOURCE_SHOWN = 400  # characters of a source segment shown beside its target


def source_beside(finding: Finding) -> str:
    """The source of the flagged target (a bilingual file, an article pair), in its own direction."""
    if not finding.source:
        return ""
    source = " ".join(finding.source.split())
    shown = source if len(source) <= SOURCE_SHOWN else source[:SOURCE_SHOWN - 1] + "…"
    return (f' <span class="source"><span class="label">Source ({escape(finding.unit or "")}):</span> '
            f'<bdi dir="auto">{escape(shown)}</bdi></span>')
