"""The language server: documents in, diagnostics and quick fixes out (pygls).

Each open article (.txt, .md, .html) is linted when it opens, when it is saved,
and after each change once the typing pauses (DEBOUNCE), by the same FileJob
that ``copydesk check`` runs on a file. Two passes, each in a thread of its own:
every rule but grammar first, published at once; then grammar, whose engine may
take seconds on a long article, published with the others when it is done. A
result for a version of the text that has since changed is dropped: the last
version wins.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__, files
from ..config import ConfigError
from ..document import Document
from ..engines.base import EngineError
from ..finding import Finding
from ..job import FileJob
from ..linter import Selection
from ..prose import PARSERS
from . import actions
from .diagnostics import at_top, beside, diagnostic
from .positions import Positions
from .rulesedit import EditError
from .workspace import Batch, Loaded, RulesFiles

DEBOUNCE = 0.3  # seconds of quiet after a change before the document is linted
EDITED = (".txt", *PARSERS)  # plain text, and the formats lint.prose reads the prose of
WATCHED = ("**/{copydesk.yaml,.copydesk.yaml,rules.yaml}", "**/*.{txt,md,markdown,html,htm}")


class CopydeskServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("copydesk", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.rules = RulesFiles()
        self.fast: Executor = ThreadPoolExecutor(1, "copydesk-lint")
        self.slow: Executor = ThreadPoolExecutor(1, "copydesk-grammar")
        self.background: Executor = ThreadPoolExecutor(1, "copydesk-batch")
        self.pending: dict[str, asyncio.Task] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self.stopping = False  # a shutdown request came

    # -- which documents, which rules --------------------------------------

    def folders(self) -> list[str]:
        folders = [to_fs_path(folder.uri) for folder in self.workspace.folders.values()]
        root = self.workspace.root_path
        return [folder for folder in folders if folder] or ([root] if root else [])

    def rules_of(self, path: str) -> Loaded | ConfigError:
        return self.rules.for_document(path, self.folders(), self.start_batch)

    def start_batch(self, batch: Batch) -> None:
        """Read the workspace for a rules file's batch rules, then lint the open documents again."""
        self.in_background(batch.collect_all)

    def in_background(self, work: Callable[[], None]) -> None:
        """Work on the batch summaries, after which the open documents are linted again."""
        loop = self.loop
        future = self.background.submit(work)
        if loop is not None:
            future.add_done_callback(lambda _: loop.call_soon_threadsafe(self.lint_all))

    def linted(self, uri: str) -> str | None:
        """The file path of a document copydesk lints: an article in a text format (Word files
        are not edited as text) that is not a file the rules read."""
        path = to_fs_path(uri)
        if path is None or not path.lower().endswith(EDITED) or self.rules.depends_on(path):
            return None
        return path

    # -- linting -----------------------------------------------------------

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        if (previous := self.pending.pop(uri, None)) is not None:
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self.lint(uri, delay))

    def lint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    async def lint(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        path = self.linted(uri)
        if path is None or uri not in self.workspace.text_documents:
            return
        version = self.workspace.get_text_document(uri).version
        current = lambda: uri in self.workspace.text_documents and \
            self.workspace.get_text_document(uri).version == version  # noqa: E731
        document = Document(path, self.workspace.get_text_document(uri).source)
        positions = Positions(document, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        loop = asyncio.get_running_loop()
        first = await loop.run_in_executor(self.fast, self.first_pass, document, current)
        if first is None or not current():
            return
        published, findings, grammar = first
        self.publish(uri, version, [*published, *(diagnostic(f, positions) for f in findings)])
        if grammar is None:
            return
        second = await loop.run_in_executor(self.slow, grammar, current)
        if second is None or not current():
            return
        notes, grammar_findings = second
        notes = [note for note in notes if note.message not in {shown.message for shown in published}]
        shown = sorted([*findings, *beside(findings, grammar_findings)])
        self.publish(uri, version, [*published, *notes, *(diagnostic(f, positions) for f in shown)])

    def first_pass(self, document: Document, current: Callable[[], bool]) -> tuple | None:
        """In the lint thread: every rule but grammar. Diagnostics about the document as a
        whole, the findings, and the grammar pass still to run (None if none)."""
        if not current():
            return None
        loaded = self.rules_of(document.path)
        if isinstance(loaded, ConfigError):
            return [at_top(f"copydesk cannot read the rules file: {loaded}", "rules-file")], [], None
        rules = loaded.rules
        if rules.excludes(document.path):
            return [], [], None
        batch = loaded.batch.combined(document) if loaded.batch is not None else {}
        # All grammar rules, on or off: an override may turn one on for this file.
        grammar_ids = frozenset(check.id for check in rules.configured if check.type_name == "grammar")
        notes, findings = outcome(FileJob(rules, Selection(ignore=grammar_ids), batch=batch), document)
        if not grammar_ids:
            return notes, findings, None
        return notes, findings, lambda still: self.grammar_pass(loaded, grammar_ids, batch, document, still)

    def grammar_pass(self, loaded: Loaded, grammar_ids: frozenset[str], batch: dict, document: Document,
                     current: Callable[[], bool]) -> tuple | None:
        """In the grammar thread: the grammar rules alone, their engine started once."""
        if not current():
            return None
        job = FileJob(loaded.rules, Selection(select=grammar_ids), batch=batch)
        if loaded.grammar_failure is None:
            try:
                job.linter.prepare()
            except EngineError as error:
                loaded.grammar_failure = f"grammar is not checked: {error}"
        if loaded.grammar_failure is not None:
            return [at_top(loaded.grammar_failure, "grammar", types.DiagnosticSeverity.Warning)], []
        return outcome(job, document)

    def publish(self, uri: str, version: int | None, found: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))

    # -- changes to the rules ----------------------------------------------

    def reload(self) -> None:
        self.rules.forget()
        self.lint_all()

    def file_changed(self, path: str) -> None:
        """A file changed on disk (saved, created, deleted, written by another program)."""
        if self.rules.depends_on(path):
            self.reload()
        elif files.is_article(path):
            for batch in self.rules.batches():
                self.in_background(functools.partial(batch.refresh, path))

    def configure(self, settings: Any) -> None:
        """The client's settings: ``{"copydesk": {"config": "path/to/rules.yaml"}}``, the
        rules file for every document (as -c gives it to copydesk check; a relative path is
        relative to the workspace's root); without it, each document's is found from its folder."""
        if not isinstance(settings, dict):
            return  # no settings sent (a client that expects them to be asked for): as they were
        section = settings.get("copydesk", settings)
        path = section.get("config") if isinstance(section, dict) else None
        if not isinstance(path, str) or not path:
            self.rules.explicit = None
            return
        root = self.workspace.root_path
        self.rules.explicit = Path(root or ".", os.path.expanduser(path))  # an absolute path stays as it is

    # -- commands of the code actions --------------------------------------

    def run_command(self, name: str, arguments: list[Any]) -> None:
        uri, rule_id, *words = arguments
        loaded = self.rules_of(to_fs_path(uri) or "")
        if isinstance(loaded, ConfigError):
            raise EditError(f"the rules file does not load: {loaded}")
        if name == actions.ADD_WORD:
            changes = actions.add_word(loaded.rules, rule_id, words[0], self.read)
        else:
            changes = actions.silence_variants(loaded.rules, rule_id, words[0], words[1], self.read)
        for change in changes:
            self.write(change)
        self.reload()

    def read(self, path: str) -> str | None:
        """A file's text: the editor's if it is open there, else the one on disk."""
        uri = from_fs_path(path)
        if uri in self.workspace.text_documents:
            return self.workspace.get_text_document(uri).source
        try:
            return Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as error:
            raise EditError(f"cannot read {path}: {getattr(error, 'strerror', None) or 'not UTF-8 text'}") from None

    def write(self, change: actions.Change) -> None:
        """To disk; into the editor's buffer instead when the file is open there (saving it
        then reloads the rules)."""
        uri = from_fs_path(change.path)
        if uri in self.workspace.text_documents:
            document = self.workspace.get_text_document(uri)
            end = Positions(Document(change.path, document.source), self.workspace.position_encoding or "utf-16")
            whole = types.Range(start=types.Position(line=0, character=0), end=end.position(len(document.source)))
            self.workspace_apply_edit(types.ApplyWorkspaceEditParams(
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=change.text)]})))
            return
        try:
            os.makedirs(os.path.dirname(change.path) or ".", exist_ok=True)
            Path(change.path).write_text(change.text, encoding="utf-8")
        except OSError as error:
            raise EditError(f"cannot write {change.path}: {error.strerror}") from None


def outcome(job: FileJob, document: Document) -> tuple[list[types.Diagnostic], list[Finding]]:
    """What ``copydesk check`` reports for the document: findings, and notes (a suppression
    comment that names no rule, a rule that could not finish) shown at the top."""
    result = job(document)
    if isinstance(result, files.FileError):
        return [at_top(result.message, "copydesk")], []
    return [at_top(note, "copydesk", types.DiagnosticSeverity.Warning) for note in result.notes], result.findings
