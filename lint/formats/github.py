"""--format github: GitHub Actions workflow commands, one per finding, that annotate
the pull request at the finding's place:

    ::error file=news/a.md,line=3,col=5,endLine=3,endColumn=11,title=copydesk haftar::message

Levels: error, warning and notice (for info). GitHub takes columns only within one
line, so a finding that spans lines gives its lines alone. ``endColumn`` is
exclusive, as in every copydesk report. Values are escaped as the Actions runner
expects (% and line ends everywhere; also : and , in properties).
"""

from __future__ import annotations

from ..finding import Finding, Severity
from ..report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, terminal: bool = False) -> str:
    lines = [command(COMMANDS[finding.severity], properties(finding), message(finding))
             for finding in report.findings]
    lines += [command("error", {"file": error.path, "title": "copydesk error"}, error.message)
              for error in report.errors]
    return "".join(line + "\n" for line in lines)


def properties(finding: Finding) -> dict[str, object]:
    place: dict[str, object] = {"file": finding.path, "line": finding.line}
    if finding.end_line == finding.line:
        place.update(col=finding.column, endLine=finding.end_line, endColumn=finding.end_column)
    else:
        place.update(endLine=finding.end_line)
    place["title"] = f"copydesk {finding.rule}"
    return place


def message(finding: Finding) -> str:
    if finding.suggestions:
        return f"{finding.message}\nSuggestion: {', '.join(finding.suggestions)}"
    return finding.message


def command(name: str, props: dict[str, object], text: str) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{name} {listed}::{escape_data(text)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
