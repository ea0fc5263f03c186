"""The command line: options in, exit status out. No linting logic lives here."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__, config
from .engines.base import EngineError
from .finding import SEVERITY_NAMES, Severity
from .formats import FORMATS
from .linter import Selection, SelectionError
from .run import lint_paths

EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2


def rule_ids(value: str | None) -> frozenset[str]:
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copydesk")
def main() -> None:
    """copydesk: checks translated news articles for inconsistent names, wrong
    transliterations and terms, template leftovers, and spelling slips."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-c", "--config", "config_path", metavar="FILE",
              help="Rules file. Default: $COPYDESK_CONFIG, else the nearest copydesk.yaml, "
                   ".copydesk.yaml or rules.yaml upward from here, else the packaged rules.")
@click.option("-f", "--format", "format_name", type=click.Choice(list(FORMATS)), default="text",
              show_default=True, help="Report format.")
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("--select", metavar="IDS", help="Only these rules (comma-separated ids).")
@click.option("--ignore", metavar="IDS", help="Not these rules (comma-separated ids).")
@click.option("--fail-on", type=click.Choice([*reversed(SEVERITY_NAMES), "never"]), default="error",
              show_default=True, help="Exit 1 when a finding is at least this severe.")
@click.option("--color/--no-color", default=None, help="Colour and source excerpts in the text report "
              "(default: only when writing to a terminal).")
def check(paths: tuple[str, ...], config_path: str | None, format_name: str, output: str | None,
          select: str | None, ignore: str | None, fail_on: str, color: bool | None) -> None:
    """Check PATHS: files, folders (walked for .txt, .md and .html) or - for standard input.

    Exit status: 0 no findings at or above --fail-on, 1 such findings,
    2 a usage error, a bad rules file, a file that could not be read, or a
    grammar engine that cannot run."""
    if not paths:
        raise click.UsageError("name the files or folders to check, or - to read standard input")
    try:
        rules = config.load(Path(config_path) if config_path else config.discover())
        selection = Selection(rule_ids(select), rule_ids(ignore))
        selection.validate(check.id for check in rules.checks)
    except (config.ConfigError, SelectionError) as error:
        fail(str(error))
    try:
        report = lint_paths(list(paths), rules, selection)
    except EngineError as error:
        fail(str(error))
    for error in report.errors:
        click.echo(f"copydesk: error: {error.path}: {error.message}", err=True)
    terminal = color if color is not None else (output is None and sys.stdout.isatty())
    write(FORMATS[format_name](report, terminal), output)
    if report.errors:
        sys.exit(EXIT_TROUBLE)
    sys.exit(EXIT_FINDINGS if report.fails(None if fail_on == "never" else Severity.parse(fail_on)) else EXIT_CLEAN)


def write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False, color=True)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"cannot write the report to {output}: {error.strerror}")


def fail(message: str) -> None:
    click.echo(f"copydesk: error: {message}", err=True)
    sys.exit(EXIT_TROUBLE)
