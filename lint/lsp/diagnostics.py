"""Findings as LSP diagnostics: the range in the client's encoding, the severity,
the rule id as ``code``, the suggestions in the message and, in ``data``, what
the code actions need."""

from __future__ import annotations

from lsprotocol import types

from ..checks import CHECK_TYPES
from ..finding import Finding, Severity
from ..intervals import Spans
from .positions import Positions

SOURCE = "copydesk"
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
TOP = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))


def diagnostic(finding: Finding, positions: Positions) -> types.Diagnostic:
    return types.Diagnostic(
        range=positions.finding_range(finding), message=message(finding), severity=SEVERITIES[finding.severity],
        code=finding.rule, source=SOURCE,
        data={"type": finding.type, "text": finding.text, "suggestions": list(finding.suggestions)})


def message(finding: Finding) -> str:
    """The finding's message, with its suggestions unless it already quotes them."""
    missing = [s for s in finding.suggestions if f'"{s}"' not in finding.message]
    if not missing:
        return finding.message
    return f"{finding.message} (suggestion: {', '.join(missing)})"


def at_top(text: str, code: str, severity: types.DiagnosticSeverity = types.DiagnosticSeverity.Error
           ) -> types.Diagnostic:
    """A problem with the document as a whole (its rules file, a rule that could not run)."""
    return types.Diagnostic(range=TOP, message=text, severity=severity, code=code, source=SOURCE)


def beside(others: list[Finding], grammar: list[Finding]) -> list[Finding]:
    """The grammar findings that no finding of a higher-priority rule overlaps. Grammar
    runs apart from the other rules (so that it never delays them), so this keeps what
    the linter's one_per_span keeps when all rules run together: grammar has the
    lowest priority, and patterns (no priority) overlap anything."""
    taken = Spans()
    taken.add(finding for finding in others if CHECK_TYPES[finding.type].priority is not None)
    return [finding for finding in grammar if not taken.overlaps(finding.start, finding.end)]
