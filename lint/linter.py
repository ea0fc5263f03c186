"""Run a rule set over documents: select and ignore rules, one finding per span, suppression."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .bilingual import Segment, kind
from .bilingual.languages import resolve
from .checks.base import Check, CheckError
from .context import Context
from .document import Document
from .finding import Finding, Problem, Severity
from .intervals import Spans
from .prose import PLACEHOLDER, Prose, view
from .ruleset import RuleSet
from .suppression import Suppressions, followed_by_sic

LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


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

    def runs(self, check: Check) -> bool:
        """Whether a check has anything selected (itself, or one of its sub-rules)."""
        return self.wants(check.id) or any(s.startswith(check.id + "/") for s in self.select)

    def validate(self, rule_ids: Iterable[str]) -> None:
        known = set(rule_ids)
        for option, ids in (("--select", self.select), ("--ignore", self.ignore)):
            unknown = sorted(i for i in ids if i.split("/", 1)[0] not in known)
            if unknown:
                raise SelectionError(f"{option}: no rule {', '.join(map(repr, unknown))} in the rules file "
                                     f"(rules: {', '.join(sorted(known))})")


@dataclass
class Linted:
    """One document's findings, what is wrong with its suppression comments (by line), and
    the rules that could not finish on it (a runaway pattern, a grammar server that failed)."""

    findings: list[Finding]
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class Linter:
    def __init__(self, rules: RuleSet, selection: Selection = Selection()) -> None:
        self.rules = rules
        self.selection = selection
        self.checks = [check for check in rules.checks if selection.runs(check)]
        # Overrides may switch on, for some files, a rule that is off: selected among all of them.
        selected = [check for check in rules.configured if selection.runs(check)]
        self._selected = frozenset(check.id for check in selected)
        self._order = {check.id: index for index, check in enumerate(rules.configured)}
        # Checks that report only where their names or terms were found are looked up by the
        # rules the matcher found in a document; the others run on every document.
        self._where_found = {check.id: check for check in selected if check.only_where_found}
        self._everywhere = [check for check in selected if not check.only_where_found]
        self._severities = None if rules.overrides else self._active("")

    def prepare(self) -> None:
        """Start the outside engines the selected rules use (EngineError if one cannot
        run), so that a missing engine stops the run before any file is reported."""
        for check in self.checks:
            check.prepare()

    @property
    def batch_checks(self) -> list[Check]:
        return [check for check in self.checks if check.batch_scope]

    def collect(self, document: Document, prose: Prose | None = None) -> dict[str, Any]:
        """First pass of a batch run over one document: rule id -> its summary (JSON values)."""
        prose = prose or view(document)
        context = self._context(document, prose)
        return {check.id: check.collect(context) for check in self.batch_checks}

    def combine(self, collected: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """What the batch checks learnt from all documents, whatever their order."""
        summaries = list(collected)
        return {check.id: check.combine([summary[check.id] for summary in summaries]) for check in self.batch_checks}

    def lint(self, document: Document, batch: Mapping[str, Any] | None = None) -> list[Finding]:
        """The findings; CheckError if a rule could not finish (never a silent pass)."""
        linted = self.lint_document(document, batch=batch)
        if linted.failures:
            raise CheckError("; ".join(linted.failures))
        return linted.findings

    def lint_document(self, document: Document, prose: Prose | None = None,
                      batch: Mapping[str, Any] | None = None) -> Linted:
        """Findings in the document's prose (see lint.prose), with this file's overrides,
        less what its suppression comments and [sic] switch off."""
        prose = prose or view(document)
        severities = self._severities if self._severities is not None else self._active(document.path)
        context = self._context(document, prose, batch)
        running = sorted([*(check for check in self._everywhere if check.id in severities),
                          *(self._where_found[rule] for rule in context.rules_found
                            if rule in self._where_found and rule in severities)],
                         key=lambda check: self._order[check.id])  # the rules file's order
        reported: list[tuple[Check, Problem]] = []
        failures = []
        for check in running:
            try:  # what a rule found before it failed stands; the failure is reported beside it
                for problem in check.check(context):
                    if self.selection.wants(problem.rule or check.id):
                        reported.append((check, problem))
            except CheckError as error:
                failures.append(str(error))
        if prose.text != document.text:
            reported = [(check, trimmed(problem, prose.text)) for check, problem in reported]
        units = Units(prose.segments)
        if prose.segments and kind(document.path):  # in a bilingual file only the targets are checked
            reported = [(check, problem) for check, problem in reported if units.at(problem.start) is not None]
        suppressions = Suppressions(document, prose.comments, self.rules.rule_ids)
        findings = []
        for check, problem in one_per_span(reported):
            found = finding(document, check, problem, severities[check.id], units.at(problem.start))
            if not suppressions.covers(found.rule, problem.start, found.line) and not (
                    check.silenced_by_sic and followed_by_sic(prose.text, problem.end)):
                findings.append(found)
        return Linted(sorted(findings), suppressions.errors, failures)

    def _context(self, document: Document, prose: Prose, batch: Mapping[str, Any] | None = None) -> Context:
        """What the checks read; DocumentError when a file with a source has no language copydesk knows."""
        language = resolve(prose.source_language, self.rules.source_language) if prose.segments else None
        return Context(document, self.rules.matcher, self.rules.accepted, batch, prose.text, prose.segments, language)

    def _active(self, path: str) -> dict[str, Severity]:
        """Rule id -> severity of the selected rules that run on this file (overrides applied)."""
        return {check.id: severity for check, severity in self.rules.active(path) if check.id in self._selected}


def trimmed(problem: Problem, prose: str) -> Problem:
    """In Markdown and HTML, a span that starts or ends on markup or spacing (a pattern's
    ``^\\s*`` over a tag) is narrowed to its prose."""
    start, end = problem.start, problem.end
    while start < end and (prose[start].isspace() or prose[start] == PLACEHOLDER):
        start += 1
    while end > start and (prose[end - 1].isspace() or prose[end - 1] == PLACEHOLDER):
        end -= 1
    return problem if (start, end) == (problem.start, problem.end) or start == end else \
        dataclasses.replace(problem, start=start, end=end)


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


class Units:
    """The segment a position is in (None outside every segment, and in a file with none)."""

    def __init__(self, segments: tuple[Segment, ...]) -> None:
        # A unit's target, and its source in the same file (where an empty target is reported).
        spans = [(segment.start, segment.end, segment) for segment in segments]
        spans += [(segment.source_start, segment.source_end, segment) for segment in segments
                  if segment.source_start is not None and segment.source_end is not None]
        self.spans = sorted(spans, key=lambda span: span[0])
        self.starts = [span[0] for span in self.spans]

    def at(self, offset: int) -> Segment | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return None
        _, end, segment = self.spans[index]
        return segment if offset <= end else None


def finding(document: Document, check: Check, problem: Problem, severity: Severity | None = None,
            segment: Segment | None = None) -> Finding:
    line, column = document.position(problem.start)
    end_line, end_column = document.position(problem.end)
    return Finding(
        path=document.path, line=line, column=column, end_line=end_line, end_column=end_column,
        rule=problem.rule or check.id, type=check.type_name, severity=severity or check.severity,
        message=one_line(problem.message), text=document.text[problem.start:problem.end],
        suggestions=problem.suggestions, start=problem.start, end=problem.end,
        fixable=check.fixable and len(problem.suggestions) == 1,
        unit=segment.unit if segment else None,
        source=segment.source if segment else None,
    )


def one_line(message: str) -> str:
    """A message quotes the text it is about, which may span a line break ("reconciliation
    government"); every report shows a message on one line."""
    return LINE_BREAKS.sub(" ", message) if "\n" in message or "\r" in message else message
