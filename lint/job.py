"""Lint one file: read it, lint its prose, and with --fix or --diff fix it. What the
parallel runner sends to each worker: it pickles, and builds its linter once per process."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import files, fix
from .config import RuleSet
from .document import Document, DocumentError
from .files import FileError
from .linter import Linter, Selection
from .prose import view
from .report import FileResult


Target = str | Document | FileError  # a path, standard input already read, or a path that cannot be read


class Mode(enum.Enum):
    CHECK = "check"
    FIX = "fix"    # write the fixes, report what is left
    DIFF = "diff"  # show the fixes as a diff, write nothing


@dataclass
class FileJob:
    rules: RuleSet
    selection: Selection = Selection()
    mode: Mode = Mode.CHECK
    reading: files.Reading = files.Reading()
    batch: dict[str, Any] = field(default_factory=dict)  # what batch rules learnt from all files

    @cached_property
    def linter(self) -> Linter:
        return Linter(self.rules, self.selection)

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key != "linter"}

    def collect(self, target: Target) -> dict[str, Any] | None:
        """The batch pass over one file (None if it cannot be read: the lint pass reports that)."""
        if isinstance(target, FileError):
            return None
        try:
            document, _ = self._read(target)
        except (DocumentError, OSError):
            return None
        return self.linter.collect(document)

    def __call__(self, target: Target) -> FileResult | FileError:
        """Lint a path, or a document already read (standard input)."""
        if isinstance(target, FileError):
            return target
        path = target.path if isinstance(target, Document) else target
        if self.mode is Mode.FIX and isinstance(target, Document):
            return FileError(path, "standard input cannot be fixed in place; --diff shows the fixes")
        try:
            document, snapshot = self._read(target)
        except DocumentError as error:
            return FileError(path, str(error))
        except OSError as error:
            return FileError(path, files.cannot_read(path, error))
        prose = view(document)
        linted = self.linter.lint_document(document, prose, self.batch)
        result = FileResult(document.path, linted.findings, document, notes=linted.notes + linted.failures)
        if self.mode is Mode.CHECK:
            return result
        text, fixed = fix.apply(document, prose.text, linted.findings)
        if not fixed:
            return result
        if self.mode is Mode.DIFF:
            return FileResult(document.path, linted.findings, document, notes=result.notes, fixed=len(fixed),
                              diff=fix.unified_diff(document.path, document.text, text))
        try:
            snapshot.replace(text)  # type: ignore[union-attr]
        except fix.FixError as error:
            return FileError(path, str(error))
        except OSError as error:
            return FileError(path, f"cannot write the fixed file: {error.strerror}")
        fixed_document = Document(document.path, text)
        relinted = self.linter.lint_document(fixed_document, batch=self.batch)
        return FileResult(document.path, relinted.findings, fixed_document, notes=relinted.notes + relinted.failures,
                          fixed=len(fixed))

    def _read(self, target: str | Document) -> tuple[Document, fix.Snapshot | None]:
        """The document, and for --fix the snapshot that tells later whether the file changed."""
        if isinstance(target, Document):
            return target, None
        if self.mode is Mode.FIX:
            snapshot = fix.Snapshot(target, self.reading)
            return Document.from_bytes(target, snapshot.data, self.reading.encoding), snapshot
        return files.read(target, self.reading), None
