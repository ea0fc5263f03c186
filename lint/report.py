"""The result of a run, as every format receives it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .document import Document
from .files import FileError, Skipped
from .finding import Finding, Severity
from .ruledocs import RuleDoc


@dataclass
class FileResult:
    path: str
    findings: list[Finding]
    document: Document | None = field(repr=False, default=None)
    notes: list[str] = field(default_factory=list)  # mistakes in its suppression comments
    fixed: int = 0  # findings fixed (--fix) or that would be (--diff)
    diff: str = ""  # --diff: what --fix would change
    remarks: list[str] = field(default_factory=list)  # not errors: fixes left for Word, findings not annotated
    annotated: str = ""  # --annotate: where the annotated copy of this Word file was written


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    engines: dict[str, str | None] = field(default_factory=dict)
    rules: list[RuleDoc] = field(default_factory=list)  # the rules the run applied, for SARIF
    skipped: list[Skipped] = field(default_factory=list)  # files excluded, or of kinds not read

    @property
    def passed_over(self) -> Counter[str]:
        """Files of kinds copydesk does not read that folder walks passed over, by kind."""
        return Counter(item.kind for item in self.skipped if item.kind is not None)

    @property
    def excluded(self) -> int:
        return sum(1 for item in self.skipped if item.kind is None)

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.files for finding in result.findings]

    def counts(self) -> dict[str, int]:
        by_severity = Counter(str(finding.severity) for finding in self.findings)
        return {str(severity): by_severity.get(str(severity), 0) for severity in sorted(Severity, reverse=True)}

    @property
    def unchecked(self) -> int:
        """Files that could not be checked at all (unreadable, refused, not fixable)."""
        checked = {result.path for result in self.files}
        return len({error.path for error in self.errors if error.path not in checked})

    @property
    def faults(self) -> int:
        """Errors about files that were checked: a bad suppression comment, a rule that
        could not finish on that file."""
        checked = {result.path for result in self.files}
        return sum(1 for error in self.errors if error.path in checked)

    def fails(self, threshold: Severity | None) -> bool:
        """Whether any finding is at or above the --fail-on level (None: never)."""
        return threshold is not None and any(f.severity >= threshold for f in self.findings)
