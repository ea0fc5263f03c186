"""What every check type shares: declared options, and the interface the linter calls.

A check type is a class; each rule of that type in the rules file is one instance,
built and validated when the rules load. ``check()`` yields problems in offsets
of the document's text and never prints or reads files.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, Iterator

from ..finding import Problem, Severity
from ..phrases import Entry
from ..ruledocs import first_paragraph, type_documentation

if TYPE_CHECKING:
    from ..context import Context

REQUIRED = object()
SURROGATE = re.compile("[\ud800-\udfff]")
SHOWN = 80  # characters of a bad value quoted in a message


class OptionError(ValueError):
    """A bad option value; ``key`` names the option so the error can point at its line."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class CheckError(Exception):
    """A rule could not finish on one document (a runaway pattern, an engine that failed);
    the message names the rule, says why and what to do. That file is reported as not
    checked; the run goes on with the others."""


@dataclass(frozen=True)
class Option:
    parse: Callable[[Any], Any]
    default: Any = REQUIRED
    doc: str = ""


def text(value: Any) -> str:
    if isinstance(value, (int, float, datetime.date)):  # YAML read a word as a number, a date or true/false
        raise ValueError(f"expected a text, got {describe(value)}: put it in quotes to make it text")
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty text, got {describe(value)}")
    if SURROGATE.search(value):
        raise ValueError(f"{shown(value)} holds a \\u escape of half a character (a surrogate), which is not text")
    return value


def text_list(value: Any) -> tuple[str, ...]:
    """A list of texts; a single text (or a number or date, refused by text()) is a list of one."""
    if isinstance(value, (str, int, float, datetime.date)):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ValueError(f"expected a list of texts, got {describe(value)}")
    return tuple(text(item) for item in value)


def seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
        raise ValueError(f"expected a number of seconds above 0 (at most 3600), got {describe(value)}")
    return float(value)


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {describe(value)}")
    return value


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "an empty mapping" if not value else "a mapping"
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    return f"{type(value).__name__} {shown(value)}"


def shown(value: Any) -> str:
    """A value as a message quotes it: a scalar as written (cut short), a list or mapping by its kind."""
    if isinstance(value, (list, dict)):
        return "[…]" if isinstance(value, list) else "{…}"
    quoted = value.isoformat() if isinstance(value, datetime.date) else repr(value)
    return quoted if len(quoted) <= SHOWN else quoted[:SHOWN - 1] + "…"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


class Check:
    """Base class of the check types; subclasses set the class attributes below."""

    type_name: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    # Overlapping problems: a higher priority silences a lower one; None never conflicts.
    priority: ClassVar[int | None] = None
    # True for a check that reports only where the phrase matcher found its own names or
    # terms (names, substitution): the linter skips it in a document where none were, so a
    # rules file with thousands of names costs no more per document than one with ten.
    only_where_found: ClassVar[bool] = False

    def __init__(self, rule_id: str, severity: Severity, options: dict[str, Any], *,
                 language: str, base_dir: str) -> None:
        self.id = rule_id
        self.severity = severity
        self.language = language
        self.base_dir = base_dir  # where paths in options are relative to
        for name, value in options.items():
            setattr(self, name, value)
        self.validate()

    def validate(self) -> None:
        """Check options against each other; raise OptionError."""

    def prepare(self) -> None:
        """Get an outside engine ready before the first document (start it, probe it);
        raise EngineError if it cannot run. Called once per run; checks without
        engines have nothing to do."""

    def phrases(self) -> Iterable[Entry]:
        """Names and terms this rule needs found (they join the rule set's one matcher)."""
        return ()

    def accepted_words(self) -> Iterable[str]:
        """Words this rule vouches for, that no spelling or grammar engine should flag."""
        for entry in self.phrases():
            yield entry.phrase
            yield from entry.targets

    @property
    def engine(self) -> str | None:
        """The outside engine behind this check, for the report's ``engines``."""
        return None

    def summary(self) -> str:
        """What this rule checks, in a line (``copydesk rules``); by default its type's purpose."""
        purpose = first_paragraph(type_documentation(self)).split(":", 1)[-1].strip()
        return purpose[:1].upper() + purpose[1:]

    @property
    def batch_scope(self) -> bool:
        """Whether this rule looks across all files of a run (it then has collect() and combine())."""
        return False

    def collect(self, context: "Context") -> Any:
        """Batch pass, per document: a small summary of JSON values (it may run in another
        process, and is kept in the cache between runs)."""
        raise NotImplementedError

    def combine(self, collected: list[Any]) -> Any:
        """Batch pass, once per run: merge the summaries (in any order) into what check() reads
        from ``context.batch[self.id]``."""
        raise NotImplementedError

    def check(self, context: "Context") -> Iterator[Problem]:
        raise NotImplementedError
