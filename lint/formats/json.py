"""--format json: one object, as documented in the README (version 1).

The cache keeps findings with the same code: a finding's object plus what only copydesk
reads back (its offsets, whether --fix applies it), and reads them back with ``read_finding``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C version where there is one
from typing import Any

from ..finding import Finding, Severity
from ..report import Report
from ..version import __version__


def finding_object(finding: Finding) -> dict:
    found = {
        "path": finding.path, "line": finding.line, "column": finding.column,
        "end_line": finding.end_line, "end_column": finding.end_column,
        "rule": finding.rule, "type": finding.type, "severity": str(finding.severity),
        "message": finding.message, "text": finding.text, "suggestions": list(finding.suggestions),
    }
    if finding.unit is not None:  # only findings in bilingual files have one
        found["unit"] = finding.unit
    return found


def stored_object(finding: Finding) -> dict:
    """A finding as the cache keeps it: its report object, its offsets and its fixability."""
    return {**finding_object(finding), "start": finding.start, "end": finding.end, "fixable": finding.fixable}


# The members of a stored finding and the JSON type of each, or a tuple of the types it may have
# (a new member needs a line here; None for an optional member is type(None)).
STORED: dict[str, type | tuple[type, ...]] = {
    "path": str, "line": int, "column": int, "end_line": int, "end_column": int, "rule": str, "type": str,
    "severity": str, "message": str, "text": str, "suggestions": list, "start": int, "end": int, "fixable": bool,
}
SEVERITIES = {str(severity): severity for severity in Severity}


def read_finding(value: Any) -> Finding | None:
    """A finding from ``stored_object``'s JSON, or None if the value is not one."""
    if not isinstance(value, dict) or value.keys() != STORED.keys() or not all(
            type(value[name]) in (kind if isinstance(kind, tuple) else (kind,)) for name, kind in STORED.items()):
        return None
    if value["severity"] not in SEVERITIES or not all(type(s) is str for s in value["suggestions"]):
        return None
    return Finding(**{**value, "severity": SEVERITIES[value["severity"]], "suggestions": tuple(value["suggestions"])})


def render(report: Report, terminal: bool = False) -> str:
    findings = report.findings
    document = {
        "version": 1,
        "tool": {"name": "copydesk", "version": __version__},
        "engines": report.engines,
        "files": [{"path": result.path, "findings": len(result.findings)} for result in report.files],
        "findings": findings,
        "errors": [{"path": error.path, "message": error.message} for error in report.errors],
        "summary": {"files": len(report.files), "findings": len(findings), **report.counts()},
    }
    # As json.dumps(document, indent=2) writes it; but with an indent, json encodes in pure
    # Python a piece at a time, which for tens of thousands of findings is most of the time a
    # large run spends after its workers are done: findings are written here, flat as they are.
    members = [f"{encode_basestring(key)}: {_findings(findings) if key == 'findings' else _indented(value)}"
               for key, value in document.items()]
    return "{\n  " + ",\n  ".join(members) + "\n}\n"


def _indented(value: object) -> str:
    """A member's value, one level deep (JSON strings hold no line ends)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _findings(findings: list[Finding]) -> str:
    if not findings:
        return "[]"
    return "[\n    " + ",\n    ".join(map(_flat_object, map(finding_object, findings))) + "\n  ]"


def _flat_object(value: dict) -> str:
    """A finding's object, three levels deep: its values are texts, numbers and lists of texts."""
    members = []
    for key, item in value.items():
        if type(item) is str:
            shown = encode_basestring(item)
        elif type(item) is int:
            shown = str(item)
        elif type(item) is list and all(type(entry) is str for entry in item):
            shown = "[\n        " + ",\n        ".join(map(encode_basestring, item)) + "\n      ]" if item else "[]"
        else:
            shown = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n      ")
        members.append(f"\n      {encode_basestring(key)}: {shown}")
    return "{" + ",".join(members) + "\n    }"
