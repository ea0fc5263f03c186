"""The public entry points: lint text, or lint paths into a Report."""

from __future__ import annotations


from typing import Any

from . import config, files
from .config import RuleSet
from .document import Document, DocumentError
from .finding import Finding
from .linter import Linter, Selection
from .report import FileResult, Report


def lint_text(text: str, rules: RuleSet | None = None, path: str = "<text>") -> list[Finding]:
    """Findings for one text; without rules, the rules file discovery would find."""
    rules = rules or config.load(config.discover())
    return Linter(rules).lint(Document(path, text))


def lint_paths(paths: list[str], rules: RuleSet | None = None, selection: Selection = Selection()) -> Report:
    """Lint files, folders and '-' (standard input). Unreadable files become report
    errors; every other file is still linted."""
    rules = rules or config.load(config.discover())
    linter = Linter(rules, selection)
    report = Report(engines=rules.engines())
    documents = []
    for item in files.expand(paths):
        if isinstance(item, files.FileError):
            report.errors.append(item)
            continue
        try:
            documents.append(files.read(item))
        except DocumentError as error:
            report.errors.append(files.FileError(item, str(error)))
    batch = batch_pass(linter, documents)
    for document in documents:
        report.files.append(FileResult(document.path, linter.lint(document, batch), document))
    return report


def batch_pass(linter: Linter, documents: list[Document]) -> dict[str, Any]:
    """What rules with ``scope: batch`` learn from every document before any is linted
    (nothing to do without such rules). Summaries are small and picklable, so this
    pass can run in worker processes like the linting itself."""
    if not linter.batch_checks:
        return {}
    return linter.combine(linter.collect(document) for document in documents)


__all__ = ["lint_text", "lint_paths"]
