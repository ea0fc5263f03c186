"""The public entry points: lint text, or lint paths into a Report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import config, files, sources
from .cache import Cache
from .document import Document, DocumentError
from .finding import Finding
from .job import FileJob, Mode, Target
from .linter import Linter, Selection
from .parallel import Progress, map_in_order
from .report import Report
from .ruleset import RuleSet


def lint_text(text: str, rules: RuleSet | None = None, path: str = "<text>") -> list[Finding]:
    """Findings for one text; without rules, the rules file discovery would find. The
    path's suffix says how to read it (.md Markdown, .html HTML, else plain text)."""
    rules = rules or config.load(config.discover())
    return Linter(rules).lint(Document(path, text))


def lint_paths(paths: list[str], rules: RuleSet | None = None, selection: Selection = Selection(), *,
               jobs: int | None = 1, mode: Mode = Mode.CHECK, progress: Progress | None = None,
               reading: files.Reading = files.Reading(), cache: str | Path | None = None,
               annotate: str | None = None, source: str | None = None) -> Report:
    """Lint files, folders and '-' (standard input), in ``jobs`` processes (None: the
    machine's cores, for runs large enough to gain), in a stable order, read as ``reading``
    says. Unreadable files become report errors; every other file is still linted. An
    outside engine that cannot run raises EngineError before any file is read. With a
    ``cache`` folder, the results of unchanged files are reused from it and new ones kept
    there (see lint.cache). With an ``annotate`` folder, each Word file checked gets an
    annotated copy there (see lint.word.annotate). With a ``source``
    (a file or folder, see lint.sources), each article is checked against its source;
    SourceError if they cannot go together."""
    rules = rules or config.load(config.discover())
    job = FileJob(rules, selection, mode, reading, annotate=annotate)
    job.linter.prepare()  # before the workers start: they get the rules with their engines ready
    report = Report(engines=rules.engines(), rules=rules.docs())
    targets: list[Target] = []
    for item in _targets(paths, rules, reading):
        if isinstance(item, files.Skipped):
            report.skipped.append(item)
        else:
            targets.append(item)
    if source is not None:
        job.sources, unmatched = sources.match(source, paths, targets)
        report.errors += unmatched
        targets = [target for target in targets if not isinstance(target, str) or target in job.sources]
    job.cache = None if cache is None else Cache.open(cache, rules, selection)
    job.batch = batch_pass(job, targets, jobs)
    for result in map_in_order(job, targets, jobs, progress):
        if isinstance(result, files.FileError):
            report.errors.append(result)
            continue
        report.files.append(result)
        report.errors += [files.FileError(result.path, note) for note in result.notes]
    return report


def batch_pass(job: FileJob, targets: list[Target], jobs: int | None) -> dict[str, Any]:
    """What rules with ``scope: batch`` learn from every file before any is linted
    (nothing to do without such rules). Summaries are small and picklable, so this
    pass runs in worker processes like the linting itself."""
    if not job.linter.batch_checks:
        return {}
    summaries = map_in_order(job.collect, targets, jobs)
    return job.linter.combine(summary for summary in summaries if summary is not None)


def _targets(paths: list[str], rules: RuleSet, reading: files.Reading) -> Iterator[Target | files.Skipped]:
    """What to lint, in order, with the paths that cannot be (errors keep their place in
    the report); standard input is read here, in this process."""
    for item in files.expand(paths, rules.excludes):
        if item == files.STDIN:
            try:
                yield files.read(item, reading)
            except DocumentError as error:
                yield files.FileError(files.STDIN_NAME, str(error))
        else:
            yield item


__all__ = ["lint_paths", "lint_text"]
