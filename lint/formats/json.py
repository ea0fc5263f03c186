"""--format json: one object, as documented in the README (version 1)."""

from __future__ import annotations

import json

from .. import __version__
from ..finding import Finding
from ..report import Report


def finding_object(finding: Finding) -> dict:
    return {
        "path": finding.path, "line": finding.line, "column": finding.column,
        "end_line": finding.end_line, "end_column": finding.end_column,
        "rule": finding.rule, "type": finding.type, "severity": str(finding.severity),
        "message": finding.message, "text": finding.text, "suggestions": list(finding.suggestions),
    }


def render(report: Report, terminal: bool = False) -> str:
    findings = report.findings
    document = {
        "version": 1,
        "tool": {"name": "copydesk", "version": __version__},
        "engines": report.engines,
        "files": [{"path": result.path, "findings": len(result.findings)} for result in report.files],
        "findings": [finding_object(finding) for finding in findings],
        "errors": [{"path": error.path, "message": error.message} for error in report.errors],
        "summary": {"files": len(report.files), "findings": len(findings), **report.counts()},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
