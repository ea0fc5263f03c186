"""Lint one file: read it, lint its prose, and with --fix or --diff fix it. What the
parallel runner sends to each worker: it pickles, and builds its linter once per process."""

from __future__ import annotations

import dataclasses
import enum
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import files, fix, word
from .bilingual import pairs
from .bilingual.languages import guess, resolve
from .cache import Cache, digest
from .document import Document, DocumentError
from .files import FileError
from .linter import Linter, Selection
from .prose import Prose, view
from .report import FileResult
from .ruleset import RuleSet

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
    annotate: str | None = None  # --annotate: the folder for annotated copies of Word files
    sources: dict[str, str] = field(default_factory=dict)  # --source: an article's path -> its source's

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
        try:
            if self.cache is None or data is None or self.mode is not Mode.CHECK:
                return self.linter.collect(document)
            key = self.cache.key("collect", document.path, self.reading.encoding, data)
            summary = self.cache.get(key)
            if not isinstance(summary, dict):
                # As stored (tuples become lists), so that a run reads the same from a miss as from a hit.
                summary = json.loads(json.dumps(self.linter.collect(document)))
                self.cache.put(key, summary)
        except DocumentError:  # a bilingual file that cannot be read: the lint pass reports it
            return None
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
        source = self.sources.get(path) if isinstance(target, str) else None
        # Findings of an article pair depend on its source too: such runs are not cached.
        cache = self.cache if data is not None and self.mode is Mode.CHECK and source is None else None
        key = cache.key("lint", document.path, self.reading.encoding, self._severities(document), self.batch_digest,
                        data) if cache else ""
        if cache and (stored := cache.findings(key)) is not None:
            return self._annotated(FileResult(document.path, stored[0], document, notes=stored[1]), data)
        try:
            prose = view(document)
            if source is not None:
                prose = self._paired(prose, source)
            linted = self.linter.lint_document(document, prose, self.batch)
        except DocumentError as error:  # a bilingual file or source that cannot be read, an unknown language
            return FileError(path, str(error))
        result = FileResult(document.path, linted.findings, document, notes=linted.notes + linted.failures)
        if self.mode is Mode.CHECK:
            if cache and not linted.failures:  # a rule stopped by its time limit may finish next time
                cache.keep(key, result.findings, result.notes)
            return self._annotated(result, data)
        edit = None
        if word.is_word(path):
            # python-docx is loaded only when a Word file is fixed
            from .word import fix as word_fix
            edit = word_fix.apply(data, linted.findings, self.rules.docx_include, self.reading.max_bytes)  # type: ignore[arg-type]
            text, fixed, result.remarks = edit.text, edit.fixed, edit.remarks
        else:
            text, fixed = fix.apply(document, prose.text, linted.findings)
        if not fixed:
            return result
        if self.mode is Mode.DIFF:
            return FileResult(document.path, linted.findings, document, notes=result.notes, fixed=len(fixed),
                              diff=fix.unified_diff(document.path, document.text, text), remarks=result.remarks)
        try:
            if edit is None:
                snapshot.replace(text)  # type: ignore[union-attr]
            else:
                snapshot.write(edit.data)  # type: ignore[union-attr]
        except fix.FixError as error:
            return FileError(path, str(error))
        except OSError as error:
            return FileError(path, f"cannot write the fixed file: {error.strerror}")
        fixed_document = Document(document.path, text)
        relinted = self.linter.lint_document(fixed_document, batch=self.batch)
        return FileResult(document.path, relinted.findings, fixed_document, notes=relinted.notes + relinted.failures,
                          fixed=len(fixed), remarks=result.remarks)

    def _annotated(self, result: FileResult, data: bytes | None) -> FileResult:
        """With --annotate, a Word file's result after its annotated copy is written."""
        if self.annotate is None or data is None or not word.is_word(result.path):
            return result
        from .word import annotate  # python-docx only when a Word file is annotated
        target = annotate.destination(self.annotate, result.path)
        try:
            copy, result.remarks = annotate.annotated(data, result.findings, self.rules.docx_include,
                                                      self.reading.max_bytes)
            annotate.write_copy(result.path, copy, target)
        except (annotate.AnnotateError, DocumentError) as error:
            result.notes.append(str(error))
        else:
            result.annotated = target
        return result

    def _paired(self, prose: Prose, source_path: str) -> Prose:
        """The article's prose with its paragraphs aligned to those of its source."""
        if prose.segments:
            raise DocumentError("a bilingual file has its source inside it: --source is for articles")
        try:
            source = Document.from_bytes(source_path, files.read_bytes(source_path, self.reading.max_bytes),
                                         self.reading.encoding)
        except DocumentError as error:
            raise DocumentError(f"its source {source_path}: {error}") from None
        source_text = view(source).text
        language = self.rules.source_language or guess(source_text)
        if language is None:
            raise DocumentError(f"cannot tell the language of its source {source_path}: set source_language "
                                "in the rules file")
        language = resolve(language, None, f"its source {source_path}")
        return dataclasses.replace(prose, segments=pairs.segments(prose.text, source_text, language),
                                   source_language=language)

    def _read(self, target: str | Document) -> tuple[Document, fix.Snapshot | None, bytes | None]:
        """The document; for --fix the snapshot that tells later whether the file changed;
        and the file's bytes (None for standard input)."""
        if isinstance(target, Document):
            return target, None, None
        if self.mode is Mode.FIX:
            snapshot = fix.Snapshot(target, self.reading)
            return files.document(target, snapshot.data, self.reading, self.rules.docx_include), snapshot, snapshot.data
        data = files.read_bytes(target, self.reading.max_bytes)
        return files.document(target, data, self.reading, self.rules.docx_include), None, data

    def _severities(self, document: Document) -> list[tuple[str, int]]:
        """The rules that apply to this file, and their severity here (overrides applied)."""
        return [(check.id, int(severity)) for check, severity in self.rules.active(document.path)]
