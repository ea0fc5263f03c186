"""What the server knows of the workspace: each document's rules, and what batch
rules learnt from the workspace's files.

A document's rules file is found as ``copydesk check`` finds it (lint.config:
$COPYDESK_CONFIG, else the nearest copydesk.yaml, .copydesk.yaml or rules.yaml
upward, else the packaged rules), but upward from the document's own folder,
or it is the file the client's settings name. Each rules file is loaded once
and kept until it, a file it reads (a spelling ``ignore_file``) or the settings
change; one that does not load is kept as its ConfigError, shown on every
document it governs.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import config, files
from ..config import ConfigError, RuleSet
from ..document import Document
from ..job import FileJob


@dataclass
class Loaded:
    """A rules file in use: its rules, what its batch rules learnt from the workspace
    (None without batch rules), and why its grammar engine cannot run, once known."""

    rules: RuleSet
    batch: Batch | None
    grammar_failure: str | None = None


class RulesFiles:
    def __init__(self) -> None:
        self.explicit: Path | None = None  # the client's "config" setting: one rules file for every document
        self._loaded: dict[Path, Loaded | ConfigError] = {}
        self._lock = threading.Lock()  # documents are linted in worker threads

    def path_for(self, document_path: str) -> Path:
        return self.explicit or config.discover(Path(document_path).parent)

    def for_document(self, document_path: str, folders: list[str],
                     started: Callable[[Batch], None]) -> Loaded | ConfigError:
        """The rules of a document (loaded on first use); ``started`` is given the batch
        of a rules file just loaded whose batch rules need the workspace's files."""
        path = self.path_for(document_path).absolute()
        with self._lock:
            if path in self._loaded:
                return self._loaded[path]
            try:
                rules = config.load(path)
            except ConfigError as error:
                self._loaded[path] = error
                return error
            batch = Batch(rules, folders)
            loaded = self._loaded[path] = Loaded(rules, batch if batch.wanted else None)
        if loaded.batch is not None:
            started(loaded.batch)
        return loaded

    def forget(self) -> None:
        with self._lock:
            self._loaded.clear()

    def depends_on(self, path: str) -> bool:
        """Whether a changed file may change some document's rules: a rules file (one that
        is loaded, or a new one that discovery would now find) or a file a rule reads."""
        if os.path.basename(path) in config.CONFIG_NAMES:
            return True
        target = os.path.abspath(path)
        with self._lock:
            loaded = list(self._loaded.items())
        return any(target == str(rules_path) or target in read_files(rules) for rules_path, rules in loaded)

    def batches(self) -> list[Batch]:
        with self._lock:
            return [loaded.batch for loaded in self._loaded.values()
                    if isinstance(loaded, Loaded) and loaded.batch is not None]


def read_files(loaded: Loaded | ConfigError) -> set[str]:
    """The files a rule set's rules read when it loaded (spelling ``ignore_file``)."""
    if isinstance(loaded, ConfigError):
        return set()
    named = ((check.base_dir, getattr(check, "ignore_file", None)) for check in loaded.rules.configured)
    return {os.path.abspath(os.path.join(folder, name)) for folder, name in named if name}


class Batch:
    """What the batch rules (``scope: batch``) of one rule set learnt from the workspace's
    article files: each file's summary, as ``copydesk check`` collects it (FileJob.collect),
    combined with the open documents' summaries taken from their text in the editor."""

    def __init__(self, rules: RuleSet, folders: Iterable[str]) -> None:
        self.job = FileJob(rules)
        self.folders = list(folders)
        self.summaries: dict[str, dict[str, Any]] = {}
        self.ready = threading.Event()

    @property
    def wanted(self) -> bool:
        return bool(self.job.linter.batch_checks)

    def collect_all(self) -> None:
        """The background pass over the workspace (a worker thread runs it)."""
        for target in files.expand(self.folders, self.job.rules.excludes):
            if isinstance(target, str):
                self.refresh(target)
        self.ready.set()

    def refresh(self, path: str) -> None:
        """A file changed on disk (or was deleted): its summary again."""
        summary = self.job.collect(path) if os.path.isfile(path) else None
        key = os.path.abspath(path)
        if summary is None:
            self.summaries.pop(key, None)
        else:
            self.summaries[key] = summary

    def combined(self, document: Document) -> dict[str, Any]:
        """The batch knowledge for one document, from its text as the editor has it
        (nothing until the workspace has been read: the rules then see this document alone)."""
        if not self.ready.is_set():
            return {}
        key = os.path.abspath(document.path)
        others = [value for name, value in list(self.summaries.items()) if name != key]
        mine = self.job.collect(document)
        return self.job.linter.combine([*others, mine] if mine is not None else others)
