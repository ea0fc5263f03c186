"""Lint one file: read it, lint its prose, and with --fix or --diff fix it. What the
parallel runner sends to each worker: it pickles, and builds its linter once per process."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cached_property

from . import files, fix
from .config import RuleSet
from .document import Document, DocumentError
from .files import FileError
from .linter import Linter, Selection
from .prose import view
from .report import FileResult


class Mode(enum.Enum):
    CHECK = "check"
    FIX = "fix"    # write the fixes, report what is left
    DIFF = "diff"  # show the fixes as a diff, write nothing


@dataclass
class FileJob:
    rules: RuleSet
    selection: Selection = Selection()
    mode: Mode = Mode.CHECK

    @cached_property
    def linter(self) -> Linter:
        return Linter(self.rules, self.selection)

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key != "linter"}

    def __call__(self, target: str | Document) -> FileResult | FileError:
        """Lint a path, or a document already read (standard input)."""
        path = target.path if isinstance(target, Document) else target
        if self.mode is Mode.FIX and isinstance(target, Document):
            return FileError(path, "standard input cannot be fixed in place; --diff shows the fixes")
        try:
            snapshot = fix.Snapshot(path) if self.mode is Mode.FIX else None
            document = target if isinstance(target, Document) else (
                Document.from_bytes(path, snapshot.data) if snapshot else files.read(path))
        except DocumentError as error:
            return FileError(path, str(error))
        except OSError as error:
            return FileError(path, f"cannot read: {error.strerror}")
        prose = view(document)
        linted = self.linter.lint_document(document, prose)
        result = FileResult(document.path, linted.findings, document, notes=linted.notes)
        if self.mode is Mode.CHECK:
            return result
        text, fixed = fix.apply(document, prose.text, linted.findings)
        if not fixed:
            return result
        if self.mode is Mode.DIFF:
            return FileResult(document.path, linted.findings, document, notes=linted.notes, fixed=len(fixed),
                              diff=fix.unified_diff(document.path, document.text, text))
        try:
            snapshot.replace(text)  # type: ignore[union-attr]
        except fix.FixError as error:
            return FileError(path, str(error))
        except OSError as error:
            return FileError(path, f"cannot write the fixed file: {error.strerror}")
        fixed_document = Document(document.path, text)
        relinted = self.linter.lint_document(fixed_document)
        return FileResult(document.path, relinted.findings, fixed_document, notes=relinted.notes, fixed=len(fixed))
