"""The rules of a run as they apply: the checks, the one phrase matcher, the accepted words,
``exclude:`` and ``overrides:``. Built by ``config``, which finds and reads the rules file.

Overrides name path globs and, for the files matching them, a severity for every rule and/or
changes to single rules (``severity``, ``enabled``). They apply in the order written; a later
one wins, and a single rule's change wins over the override's severity for all rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .checks import CHECK_TYPES
from .checks.base import Check
from .finding import Severity
from .globs import Globs
from .phrases import PhraseMatcher
from .ruledocs import RuleDoc


@dataclass(frozen=True)
class RuleChange:
    enabled: bool | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class Override:
    files: Globs
    severity: Severity | None = None
    rules: dict[str, RuleChange] = field(default_factory=dict)


def active(checks: Iterable[Check], overrides: Iterable[Override], path: str,
           enabled: set[str]) -> list[tuple[Check, Severity]]:
    """The checks that run on a path, with their severity there. ``enabled`` are the
    ids enabled by the rules file; an override may switch others on."""
    state = {check.id: (check.id in enabled, check.severity) for check in checks}
    for override in overrides:
        if not override.files.matches(path):
            continue
        for rule_id, (on, severity) in state.items():
            change = override.rules.get(rule_id, RuleChange())
            state[rule_id] = (on if change.enabled is None else change.enabled,
                              change.severity or override.severity or severity)
    return [(check, state[check.id][1]) for check in checks if state[check.id][0]]


@dataclass
class RuleSet:
    source: str
    language: str
    checks: list[Check]
    matcher: PhraseMatcher
    accepted: frozenset[str]
    configured: list[Check]  # every rule, enabled or not, in file order (``checks``: the enabled ones)
    exclude: Globs | None = None
    overrides: list[Override] = field(default_factory=list)
    digest: str = ""  # of the rules file's text: part of what cached results depend on
    docx_include: frozenset[str] = frozenset()  # parts of Word files read besides the body
    source_language: str | None = None  # of bilingual files and article pairs that do not say theirs

    @property
    def rule_ids(self) -> list[str]:
        return [check.id for check in self.configured]

    def active(self, path: str) -> list[tuple[Check, Severity]]:
        """The checks that run on this file, with their severity there (overrides applied)."""
        if not self.overrides:
            return [(check, check.severity) for check in self.checks]
        return active(self.configured, self.overrides, path, {check.id for check in self.checks})

    def excludes(self, path: str) -> bool:
        return self.exclude is not None and self.exclude.matches(path)

    def docs(self) -> list[RuleDoc]:
        """What each configured rule checks, in file order (``copydesk rules``, SARIF)."""
        enabled = {check.id for check in self.checks}
        return [RuleDoc(check.id, check.type_name, check.severity, check.id in enabled,
                        check.summary(), check.description(), check.documentation()) for check in self.configured]

    def engines(self) -> dict[str, str | None]:
        """The report's ``engines``: each engine slot of the check types, with the engine
        that runs there (None when no rule of the type runs)."""
        engines: dict[str, str | None] = {
            check_type.engine_slot: None for check_type in CHECK_TYPES.values() if check_type.engine_slot}
        for check in self.checks:
            if check.engine and check.engine_slot:
                engines[check.engine_slot] = check.engine
        return engines
