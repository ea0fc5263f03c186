"""Lint one file: read it, lint its prose, and with --fix or --diff fix it. What the
parallel runner sends to each worker: it pickles, and builds its linter once per process."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import files, fix
from .cache import Cache, digest
from .ruleset import RuleSet
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
    cache: Cache | None = None  # results of unchanged files (checking only; never for standard input)

    @cached_property
    def linter(self) -> Linter:
        return Linter(self.rules, self.selection)

    @cached_property
    def batch_digest(self) -> str:
        return digest(self.batch)

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key != "linter"}

    def collect(self, target: Target) -> dict[str, Any] | None:
        """The batch pass over one file (None if it cannot be read: the lint pass reports that)."""
        if isinstance(target, FileError):
            return None
        try:
            document, _, data = self._read(target)
        except (DocumentError, OSError):
            return None
        if self.cache is None or data is None:
            return self.linter.collect(document)
        key = self.cache.key("collect", document.path, self.reading.encoding, data)
        summary = self.cache.get(key)
        if not isinstance(summary, dict):
            # As stored (tuples become lists), so that a run reads the same from a miss as from a hit.
            summary = json.loads(json.dumps(self.linter.collect(document)))
            self.cache.put(key, summary)
        return summary

    def __call__(self, target: Target) -> FileResult | FileError:
        """Lint a path, or a document already read (standard input)."""
        if isinstance(target, FileError):
            return target
        path = target.path if isinstance(target, Document) else target
        if self.mode is Mode.FIX and isinstance(target, Document):
            return FileError(path, "standard input cannot be fixed in place; --diff shows the fixes")
        try:
            document, snapshot, data = self._read(target)
        except DocumentError as error:
            return FileError(path, str(error))
        except OSError as error:
            return FileError(path, files.cannot_read(path, error))
        cache = self.cache if data is not None else None
        key = cache.key("lint", document.path, self.reading.encoding, self._severities(document), self.batch_digest,
                        data) if cache else ""
        if cache and (stored := cache.findings(key)) is not None:
            return FileResult(document.path, stored[0], document, notes=stored[1])
        prose = view(document)
        linted = self.linter.lint_document(document, prose, self.batch)
        result = FileResult(document.path, linted.findings, document, notes=linted.notes + linted.failures)
        if self.mode is Mode.CHECK:
            if cache and not linted.failures:  # a rule stopped by its time limit may finish next time
                cache.keep(key, result.findings, result.notes)
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

    def _read(self, target: str | Document) -> tuple[Document, fix.Snapshot | None, bytes | None]:
        """The document; for --fix the snapshot that tells later whether the file changed; and
        when results are cached, the file's bytes."""
        if isinstance(target, Document):
            return target, None, None
        if self.mode is Mode.FIX:
            snapshot = fix.Snapshot(target, self.reading)
            return Document.from_bytes(target, snapshot.data, self.reading.encoding), snapshot, None
        data = files.read_bytes(target, self.reading.max_bytes)
        document = Document.from_bytes(target, data, self.reading.encoding)
        return document, None, data if self.cache and self.mode is Mode.CHECK else None

    def _severities(self, document: Document) -> list[tuple[str, int]]:
        """The rules that apply to this file, and their severity here (overrides applied)."""
        return [(check.id, int(severity)) for check, severity in self.rules.active(document.path)]
