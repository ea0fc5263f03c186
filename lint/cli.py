"""The command line: options in, exit status out. No linting logic lives here."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import NoReturn

import click

from . import config, files
from .cache import DEFAULT_FOLDER
from .engines.base import EngineError
from .files import MAX_FILE_BYTES, MEGABYTE, STDIN, Reading
from .finding import SEVERITY_NAMES, Severity
from .formats import FORMATS
from .job import Mode
from .linter import Selection, SelectionError
from .parallel import SMALL_RUN, cores
from .progress import ProgressBar
from .report import Report
from .ruledocs import table
from .run import lint_paths
from .sources import SourceError
from .starter import StarterError, write_starter
from .version import __version__
from .words import plural

EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2

CONFIG_HELP = ("Rules file. Default: $COPYDESK_CONFIG, else the nearest copydesk.yaml, "
               ".copydesk.yaml or rules.yaml upward from here, else the packaged rules.")


def rule_ids(value: str | None) -> frozenset[str]:
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copydesk")
def main() -> None:
    """copydesk: checks translated news articles for inconsistent names, wrong
    transliterations and terms, template leftovers, and spelling slips."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-c", "--config", "config_path", metavar="FILE", help=CONFIG_HELP)
@click.option("-f", "--format", "format_name", type=click.Choice(list(FORMATS)), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("--select", metavar="IDS", help="Only these rules (comma-separated ids).")
@click.option("--ignore", metavar="IDS", help="Not these rules (comma-separated ids).")
@click.option("--fail-on", type=click.Choice([*reversed(SEVERITY_NAMES), "never"]), default="error",
              show_default=True, help="Exit 1 when a finding is at least this severe.")
@click.option("--color/--no-color", default=None, help="Colour and source excerpts in the text report "
              "(default: only when writing to a terminal).")
@click.option("--fix", is_flag=True, help="Apply the unambiguous suggestions of names and substitution "
              "rules in place, then report what is left.")
@click.option("--diff", is_flag=True, help="Print what --fix would change as a unified diff, instead of "
              "the report; change nothing. Exit 1 if there is something to fix.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help=f"Check files in this many processes. Default: this machine's cores ({cores()}), "
                   f"or one for fewer than {SMALL_RUN} files.")
@click.option("--encoding", metavar="NAME", callback=lambda ctx, param, value: encoding_name(value),
              help="Read files without a byte-order mark in this encoding (e.g. latin-1, cp1252, "
                   "utf-16-le) instead of UTF-8; --fix writes them back in it.")
@click.option("--max-file-size", "max_megabytes", type=click.FloatRange(min=0, min_open=True),
              default=MAX_FILE_BYTES / MEGABYTE, show_default=True, metavar="MB",
              help="Refuse (report, not check) files larger than this many megabytes.")
@click.option("--cache-dir", metavar="DIR", default=DEFAULT_FOLDER, show_default=True, envvar="COPYDESK_CACHE_DIR",
              help="Keep results here and reuse those of unchanged files (also $COPYDESK_CACHE_DIR).")
@click.option("--no-cache", is_flag=True, help="Check every file; neither read nor write the cache.")
@click.option("-v", "--verbose", is_flag=True, help="Say which rules file is in use.")
@click.option("--annotate", metavar="DIR", help="For each Word file (.docx) checked, write a copy under DIR "
              "(same relative path) with a Word comment on each finding.")
@click.option("--source", "source", metavar="PATH",
              help="The source beside the translation: a file (for one article), or a folder whose files "
                   "match the articles by relative path (bilingual checks).")
def check(paths: tuple[str, ...], config_path: str | None, format_name: str, output: str | None,
          select: str | None, ignore: str | None, fail_on: str, color: bool | None,
          fix: bool, diff: bool, jobs: int | None, encoding: str | None, max_megabytes: float,
          cache_dir: str, no_cache: bool, verbose: bool, annotate: str | None,
          source: str | None) -> None:
    """Check PATHS: files, folders (walked for .txt, .md, .html, .docx,
    .xlf, .xliff, .po, .tmx) or - for standard input.

    Exit status: 0 no findings at or above --fail-on, 1 such findings,
    2 a usage error, a bad rules file, a file that could not be read or checked,
    or a grammar engine that cannot run."""
    if not paths:
        raise click.UsageError("name the files or folders to check, or - to read standard input")
    if fix and diff:
        raise click.UsageError("--fix writes the fixes and --diff only shows them: choose one")
    if annotate is not None and (fix or diff):
        raise click.UsageError("--annotate marks the problems of the files as they are: run it without "
                               f"--{'fix' if fix else 'diff'} (or after it)")
    if output is None and sys.stdout is None:
        fail("standard output is closed, so the report would be lost: give -o FILE to write it to a file")
    if fix and STDIN in paths:
        raise click.UsageError("--fix changes files in place and cannot change standard input; "
                               "--diff shows the fixes")
    rules = load_rules(config_path, verbose)
    selection = Selection(rule_ids(select), rule_ids(ignore))
    try:
        selection.validate(rules.rule_ids)
    except SelectionError as error:
        fail(str(error))
    mode = Mode.FIX if fix else Mode.DIFF if diff else Mode.CHECK
    progress = ProgressBar(sys.stderr)
    try:
        report = lint_paths(list(paths), rules, selection, jobs=jobs, mode=mode, progress=progress,
                            reading=Reading(encoding, int(max_megabytes * MEGABYTE)),
                            cache=None if no_cache else cache_dir, annotate=annotate, source=source)
    except EngineError as error:
        fail(str(error))
    except SourceError as error:
        raise click.UsageError(str(error)) from None
    finally:
        progress.close()
    for unreadable in report.errors:
        click.echo(f"copydesk: error: {unreadable.path}: {unreadable.message}", err=True)
    if report.passed_over and report.files:
        click.echo(f"copydesk: passed over {passed_over(report)}", err=True)
    if not report.files and not report.errors:
        if not report.excluded:
            fail(f"no files to check in {', '.join(paths)}: copydesk reads {files.readable_kinds()} files"
                 + (f"; it passed over {passed_over(report)}" if report.passed_over else ""))
        click.echo(f"copydesk: all {plural(report.excluded, 'file')} named or found are excluded by the rules "
                   f"file's exclude: in {rules.source}; nothing to check", err=True)
    for result in report.files:
        for remark in result.remarks:
            click.echo(f"copydesk: note: {result.path}: {remark}", err=True)
    if annotate is not None:
        click.echo(annotated(report, annotate), err=True)
    if mode is Mode.DIFF:
        diff_text = "".join(result.diff for result in report.files)
        write(diff_text, output)
        click.echo(f"copydesk: {fixes(report)} would be fixed.", err=True)
        sys.exit(EXIT_TROUBLE if report.errors else EXIT_FINDINGS if diff_text else EXIT_CLEAN)
    if mode is Mode.FIX:
        click.echo(f"copydesk: {fixes(report)} fixed.", err=True)
    terminal = color if color is not None else (output is None and sys.stdout.isatty())
    write(FORMATS[format_name](report, terminal), output)
    if report.errors:
        sys.exit(EXIT_TROUBLE)
    sys.exit(EXIT_FINDINGS if report.fails(None if fail_on == "never" else Severity.parse(fail_on)) else EXIT_CLEAN)


@main.command()
@click.option("-c", "--config", "config_path", metavar="FILE", help=CONFIG_HELP)
def rules(config_path: str | None) -> None:
    """List the rules of the rules file: id, type, severity, what each checks."""
    ruleset = load_rules(config_path)
    click.echo(f"Rules from {ruleset.source}:")
    click.echo(table(ruleset.docs()), nl=False)


@main.command()
def lsp() -> None:
    """Run the language server on standard input and output, for an editor (see README, In the editor)."""
    from .lsp import serve  # pygls is loaded only for the language server

    serve()


@main.command()
def init() -> None:
    """Write a commented starter copydesk.yaml here (never over an existing one)."""
    try:
        path = write_starter(Path.cwd())
    except StarterError as error:
        fail(str(error))
    click.echo(f"Wrote {path.name}: edit its rules, then run: copydesk check .")


def encoding_name(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        b"x".decode(value, "ignore")  # refuses names that are not text encodings (base64, rot13) too
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"no encoding named {value!r} (e.g. utf-8, latin-1, cp1252, utf-16-le)") from None


def load_rules(config_path: str | None, verbose: bool = False) -> config.RuleSet:
    passed_over: list[Path] = []
    path = Path(config_path) if config_path else config.discover(passed_over=passed_over)
    for other in passed_over:
        click.echo(f"copydesk: note: passed over {other}: it is not a copydesk rules file (no version: and "
                   f"rules:); using {shown_rules(path)} (choose one with -c FILE)", err=True)
    try:
        ruleset = config.load(path)
    except config.ConfigError as error:
        fail(str(error))
    if verbose:
        click.echo(f"copydesk: rules from {shown_rules(path)}", err=True)
    return ruleset


def shown_rules(path: Path) -> str:
    return "the packaged default rules" if path == config.packaged_rules() else str(path)


def passed_over(report: Report) -> str:
    """'3 files it does not read (2 .pdf, 1 .odt)'."""
    by_count = sorted(report.passed_over.items(), key=lambda kv: (-kv[1], kv[0]))
    kinds = ", ".join(f"{count} {kind}" for kind, count in by_count)
    return f"{plural(report.passed_over.total(), 'file')} it does not read ({kinds})"


def fixes(report: Report) -> str:
    fixed = sum(result.fixed for result in report.files)
    files = sum(1 for result in report.files if result.fixed)
    return f"{plural(fixed, 'problem')} in {plural(files, 'file')}"


def annotated(report: Report, folder: str) -> str:
    copies = sum(1 for result in report.files if result.annotated)
    if not copies:
        return f"copydesk: --annotate: no Word file (.docx) was checked, so nothing was written to {folder}."
    return f"copydesk: {plural(copies, 'annotated Word file')} written to {folder}."


def write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False, color=True)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"cannot write the report to {output}: {error.strerror}")


def fail(message: str) -> NoReturn:
    click.echo(f"copydesk: error: {message}", err=True)
    sys.exit(EXIT_TROUBLE)
