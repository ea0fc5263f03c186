"""Run a rule set over documents: select and ignore rules, one finding per span."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

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

    @property
    def batch_checks(self) -> list[Check]:
        return [check for check in self.checks if check.batch_scope]

    def collect(self, document: Document) -> dict[str, Any]:
        """First pass of a batch run over one document: rule id -> its picklable summary."""
        context = Context(document, self.rules.matcher, self.rules.accepted)
        return {check.id: check.collect(context) for check in self.batch_checks}

    def combine(self, collected: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """What the batch checks learnt from all documents, whatever their order."""
        summaries = list(collected)
        return {check.id: check.combine([summary[check.id] for summary in summaries]) for check in self.batch_checks}

    def lint(self, document: Document, batch: Mapping[str, Any] | None = None) -> list[Finding]:
        context = Context(document, self.rules.matcher, self.rules.accepted, batch)
        reported = [(check, problem) for check in self.checks for problem in check.check(context)
                    if self.selection.wants(problem.rule or check.id)]
        return sorted(finding(document, check, problem) for check, problem in one_per_span(reported))


def one_per_span(reported: list[tuple[Check, Problem]]) -> list[tuple[Check, Problem]]:
    """Drop a problem that overlaps one of a higher-priority check (names over spelling)."""
    kept = [item for item in reported if item[0].priority is None]
    taken = Spans()
    for priority in sorted({check.priority for check, _ in reported if check.priority is not None}, reverse=True):
        level = [(check, problem) for check, problem in reported
                 if check.priority == priority and not taken.overlaps(problem.start, problem.end)]
        kept += level
        taken.add(problem for _, problem in level)
    return kept


class Spans:
    """A union of half-open spans, merged, that answers 'does this overlap?' by bisection."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, problems: Iterable[Problem]) -> None:
        spans = sorted([*zip(self.starts, self.ends), *((p.start, p.end) for p in problems)])
        self.starts, self.ends = [], []
        for start, end in spans:
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


def finding(document: Document, check: Check, problem: Problem) -> Finding:
    line, column = document.position(problem.start)
    end_line, end_column = document.position(problem.end)
    return Finding(
        path=document.path, line=line, column=column, end_line=end_line, end_column=end_column,
        rule=problem.rule or check.id, type=check.type_name, severity=check.severity,
        message=problem.message, text=document.text[problem.start:problem.end],
        suggestions=problem.suggestions,
    )
