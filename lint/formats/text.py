"""--format text: one line per finding, ``path:line:col: severity: message [rule]``.

For a person at a terminal, each line is followed by the source line with the
span underlined and the suggestions, in colour; piped or written to a file, it
is plain, one finding per line, ready for grep and editors' problem matchers.
"""

from __future__ import annotations

import unicodedata

import click

from ..finding import Finding, Severity
from ..report import Report
from ..words import plural

COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
CONTEXT = 60  # characters of the source line shown on each side of a span


def render(report: Report, terminal: bool = False) -> str:
    lines: list[str] = []
    for result in report.files:
        for finding in result.findings:
            lines.append(headline(finding, terminal))
            if terminal and result.document is not None:
                lines.extend(excerpt(finding, result.document.line_text(finding.line)))
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def headline(finding: Finding, colour: bool) -> str:
    severity = str(finding.severity)
    if colour:
        severity = click.style(severity, fg=COLOURS[finding.severity], bold=True)
    return f"{finding.path}:{finding.line}:{finding.column}: {severity}: {finding.message} [{finding.rule}]"


def excerpt(finding: Finding, line: str) -> list[str]:
    """The source line around the span, the span underlined, and the suggestions."""
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    left, right = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
    before = ("…" if left else "") + line[left:start]
    shown = before + click.style(line[start:end], fg=COLOURS[finding.severity], bold=True) + line[end:right]
    shown += "…" if right < len(line) else ""
    gutter = f"{finding.line:>5} | "
    carets = "^" * max(1, display_width(line[start:end]))
    marker = (" " * (len(gutter) - 2) + "| " + " " * display_width(before)
              + click.style(carets, fg=COLOURS[finding.severity]))
    result = [gutter + shown, marker]
    if finding.suggestions:
        result.append(" " * (len(gutter) - 2) + "= suggestion: " + ", ".join(finding.suggestions))
    return result


def display_width(text: str) -> int:
    """Terminal cells: combining marks take none, East Asian wide characters two."""
    return sum(0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
               for char in text)


def summary(report: Report) -> str:
    findings = report.findings
    files = plural(len(report.files), "file")
    if not findings:
        text = f"No problems in {files}."
    else:
        counts = ", ".join(plural(count, name) for name, count in report.counts().items() if count)
        text = f"{plural(len(findings), 'problem')} in {files} ({counts})."
    if report.unchecked:
        text += f" {plural(report.unchecked, 'file')} could not be checked."
    if report.faults:
        text += f" {plural(report.faults, 'error')} in checked files."
    return text
