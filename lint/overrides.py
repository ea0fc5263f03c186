"""Rules that change for some paths: the rules file's ``overrides``.

Each override names path globs and, for the files matching them, a severity for
every rule and/or changes to single rules (``severity``, ``enabled``). Overrides
apply in the order written; a later one wins, and a single rule's change wins
over the override's severity for all rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .checks.base import Check
from .finding import Severity
from .globs import Globs


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
