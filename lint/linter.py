"""Run a rule set over documents: select and ignore rules, one finding per span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .checks.base import Check
from .config import RuleSet
from .context import Context
from .document import Document
from .finding import Finding, Problem


class SelectionError(ValueError):
    """--select or --ignore names a rule the rules file does not have."""


@dataclass(frozen=True)
class Selection:
    """Which rule ids to report; an id also selects its engine sub-rules (grammar -> grammar/AnA)."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()

    def wants(self, rule: str) -> bool:
        family = {rule, rule.split("/", 1)[0]}
        return (not self.select or bool(family & self.select)) and not family & self.ignore

    def validate(self, rule_ids: Iterable[str]) -> None:
        known = set(rule_ids)
        for option, ids in (("--select", self.select), ("--ignore", self.ignore)):
            unknown = sorted(i for i in ids if i.split("/", 1)[0] not in known)
            if unknown:
                raise SelectionError(f"{option}: no rule {', '.join(map(repr, unknown))} in the rules file "
                                     f"(rules: {', '.join(sorted(known))})")


class Linter:
    def __init__(self, rules: RuleSet, selection: Selection = Selection()) -> None:
        self.rules = rules
        self.selection = selection
        self.checks = [check for check in rules.checks
                       if selection.wants(check.id) or any(s.startswith(check.id + "/") for s in selection.select)]

    def prepare(self) -> None:
        """Start the outside engines the selected rules use (EngineError if one cannot
        run), so that a missing engine stops the run before any file is reported."""
        for check in self.checks:
            check.prepare()

    def lint(self, document: Document) -> list[Finding]:
        context = Context(document, self.rules.matcher, self.rules.accepted)
        reported = [(check, problem) for check in self.checks for problem in check.check(context)
                    if self.selection.wants(problem.rule or check.id)]
        return sorted(finding(document, check, problem) for check, problem in one_per_span(reported))


def one_per_span(reported: list[tuple[Check, Problem]]) -> list[tuple[Check, Problem]]:
    """Drop a problem that overlaps one of a higher-priority check (names over spelling)."""
    ranked = sorted((item for item in reported if item[0].priority is not None),
                    key=lambda item: -item[0].priority)  # type: ignore[operator]
    kept: list[tuple[Check, Problem]] = [item for item in reported if item[0].priority is None]
    taken: list[tuple[int, int, int]] = []
    for check, problem in ranked:
        if any(start < problem.end and problem.start < end and priority > check.priority
               for start, end, priority in taken):
            continue
        taken.append((problem.start, problem.end, check.priority))  # type: ignore[arg-type]
        kept.append((check, problem))
    return kept


def finding(document: Document, check: Check, problem: Problem) -> Finding:
    line, column = document.position(problem.start)
    end_line, end_column = document.position(problem.end)
    return Finding(
        path=document.path, line=line, column=column, end_line=end_line, end_column=end_column,
        rule=problem.rule or check.id, type=check.type_name, severity=check.severity,
        message=problem.message, text=document.text[problem.start:problem.end],
        suggestions=problem.suggestions,
    )
