"""What every check type shares: the interface the linter calls, and its documentation.

A check type is a class; each rule of that type in the rules file is one instance,
built and validated when the rules load. ``check()`` yields problems in offsets
of the document's text and never prints or reads files.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ..finding import Problem, Severity
from ..options import Option
from ..phrases import Entry

if TYPE_CHECKING:
    from ..context import Context


class CheckError(Exception):
    """A rule could not finish on one document (a runaway pattern, an engine that failed);
    the message names the rule, says why and what to do. That file is reported as not
    checked; the run goes on with the others."""


class Check:
    """Base class of the check types; subclasses set the class attributes below."""

    type_name: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    # Overlapping problems: a higher priority silences a lower one; None never conflicts.
    priority: ClassVar[int | None] = None
    # Whether --fix may apply a finding of this type that has exactly one suggestion.
    fixable: ClassVar[bool] = False
    # Whether a word followed by [sic] (an error quoted as written) is left alone.
    silenced_by_sic: ClassVar[bool] = False
    # The key under which the report's ``engines`` names this type's engine (None: no engine).
    engine_slot: ClassVar[str | None] = None
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

    @classmethod
    def documentation(cls) -> str:
        """The type's user documentation: its module's docstring."""
        return inspect.cleandoc(sys.modules[cls.__module__].__doc__ or cls.type_name)

    @classmethod
    def description(cls) -> str:
        """The documentation's first paragraph: what the type is for."""
        return " ".join(cls.documentation().split("\n\n", 1)[0].split())

    def summary(self) -> str:
        """What this rule checks, in a line (``copydesk rules``); by default its type's purpose."""
        purpose = self.description().split(":", 1)[-1].strip()
        return purpose[:1].upper() + purpose[1:]

    @property
    def batch_scope(self) -> bool:
        """Whether this rule looks across all files of a run (it then has collect() and combine())."""
        return False

    def collect(self, context: Context) -> Any:
        """Batch pass, per document: a small summary of JSON values (it may run in another
        process, and is kept in the cache between runs)."""
        raise NotImplementedError

    def combine(self, collected: list[Any]) -> Any:
        """Batch pass, once per run: merge the summaries (in any order) into what check() reads
        from ``context.batch[self.id]``."""
        raise NotImplementedError

    def check(self, context: Context) -> Iterator[Problem]:
        raise NotImplementedError
