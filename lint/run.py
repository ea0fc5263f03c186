"""The public entry points: lint text, or lint paths into a Report."""

from __future__ import annotations

from . import config, files
from .config import RuleSet
from .document import Document, DocumentError
from .finding import Finding
from .job import FileJob, Mode
from .linter import Linter, Selection
from .parallel import Progress, map_in_order
from .report import Report
from .ruledocs import rule_docs


def lint_text(text: str, rules: RuleSet | None = None, path: str = "<text>") -> list[Finding]:
    """Findings for one text; without rules, the rules file discovery would find. The
    path's suffix says how to read it (.md Markdown, .html HTML, else plain text)."""
    rules = rules or config.load(config.discover())
    return Linter(rules).lint(Document(path, text))


def lint_paths(paths: list[str], rules: RuleSet | None = None, selection: Selection = Selection(), *,
               jobs: int | None = 1, mode: Mode = Mode.CHECK, progress: Progress | None = None) -> Report:
    """Lint files, folders and '-' (standard input), in ``jobs`` processes (None: the
    machine's cores, for runs large enough to gain), in a stable order. Unreadable files
    become report errors; every other file is still linted."""
    rules = rules or config.load(config.discover())
    report = Report(engines=rules.engines(), rules=rule_docs(rules))
    targets = list(_targets(paths, rules, report))
    for result in map_in_order(FileJob(rules, selection, mode), targets, jobs, progress):
        if isinstance(result, files.FileError):
            report.errors.append(result)
            continue
        report.files.append(result)
        report.errors += [files.FileError(result.path, note) for note in result.notes]
    return report


def _targets(paths: list[str], rules: RuleSet, report: Report):
    """Paths to lint; standard input is read here, in this process."""
    for item in files.expand(paths, rules.excludes):
        if isinstance(item, files.FileError):
            report.errors.append(item)
        elif item == files.STDIN:
            try:
                yield files.read(item)
            except DocumentError as error:
                report.errors.append(files.FileError(files.STDIN_NAME, str(error)))
        else:
            yield item


__all__ = ["lint_text", "lint_paths"]
