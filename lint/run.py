"""The public entry points: lint text, or lint paths into a Report."""

from __future__ import annotations


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
    errors; every other file is still linted. An outside engine that cannot run
    raises EngineError before any file is read."""
    rules = rules or config.load(config.discover())
    linter = Linter(rules, selection)
    linter.prepare()
    report = Report(engines=rules.engines())
    for item in files.expand(paths):
        if isinstance(item, files.FileError):
            report.errors.append(item)
            continue
        try:
            document = files.read(item)
        except DocumentError as error:
            report.errors.append(files.FileError(item, str(error)))
            continue
        report.files.append(FileResult(document.path, linter.lint(document), document))
    return report


__all__ = ["lint_text", "lint_paths"]
