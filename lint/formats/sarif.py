"""--format sarif: SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

One run. Each configured rule is a reportingDescriptor whose description and help
come from its check type's documentation; a finding of an engine's sub-rule
(grammar/AnA) points at its rule (grammar). Regions count columns in Unicode code
points, as every copydesk report does, and the run says so (columnKind). A finding
with exactly one suggestion carries it as a proposed fix, for a reviewer to apply;
its ``fixable`` property says whether ``copydesk --fix`` applies it unattended. Files that could not be read are
tool notifications, and make the invocation unsuccessful.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from ..finding import Finding, Severity
from ..report import Report
from ..ruledocs import as_markdown
from ..version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, terminal: bool = False) -> str:
    index = {doc.id: position for position, doc in enumerate(report.rules)}
    run = {
        "tool": {"driver": {
            "name": "copydesk", "version": __version__, "semanticVersion": __version__,
            "rules": [{
                "id": doc.id, "name": doc.id,
                "shortDescription": {"text": doc.summary},
                "fullDescription": {"text": doc.description},
                "help": {"text": doc.help.replace("``", '"'), "markdown": as_markdown(doc.help)},
                "defaultConfiguration": {"level": LEVELS[doc.severity], "enabled": doc.enabled},
                "properties": {"type": doc.type},
            } for doc in report.rules],
        }},
        "invocations": [{
            "executionSuccessful": not report.errors,
            "toolExecutionNotifications": [{
                "level": "error", "message": {"text": error.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(error.path)}}}],
            } for error in report.errors],
        }],
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": uri(result.path)}} for result in report.files],
        "results": [result(finding, index) for finding in report.findings],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def result(finding: Finding, index: dict[str, int]) -> dict:
    location = {"artifactLocation": {"uri": uri(finding.path)}, "region": region(finding)}
    location["region"]["snippet"] = {"text": finding.text}
    entry: dict = {"ruleId": finding.rule, "level": LEVELS[finding.severity],
                   "message": {"text": finding.message}, "locations": [{"physicalLocation": location}],
                   "properties": {"type": finding.type, "fixable": finding.fixable}}
    family = finding.rule.split("/", 1)[0]
    if family in index:
        entry["ruleIndex"] = index[family]
    if finding.replacement is not None:
        entry["fixes"] = [{
            "description": {"text": f'Write "{finding.replacement}"'},
            "artifactChanges": [{"artifactLocation": {"uri": uri(finding.path)}, "replacements": [
                {"deletedRegion": region(finding), "insertedContent": {"text": finding.replacement}}]}],
        }]
    return entry


def region(finding: Finding) -> dict:
    return {"startLine": finding.line, "startColumn": finding.column,
            "endLine": finding.end_line, "endColumn": finding.end_column}


def uri(path: str) -> str:
    """A relative path stays relative (to where copydesk ran); an absolute one is a file: URI."""
    if os.path.isabs(path):
        return "file://" + quote(path.replace(os.sep, "/"))
    return quote(path.replace(os.sep, "/"))
