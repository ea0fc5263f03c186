"""The record of one problem: immutable, sortable, independent of any output format."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``--fail-on`` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]


SEVERITY_NAMES = tuple(str(s) for s in Severity)


@dataclass(frozen=True)
class Problem:
    """What a check reports: a span of the document's text, in code-point offsets.

    The linter turns problems into findings; checks never deal with lines, columns
    or paths. ``rule`` overrides the reporting rule id (engines report their own
    sub-rules, e.g. ``grammar/AnA``).
    """

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    rule: str | None = None


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file, as every report format shows it.

    ``line``/``column`` are 1-based; ``end_column`` is exclusive; ``text`` is
    exactly the characters between ``start`` and ``end``, code-point offsets of the
    document's text (not compared: line and column say the same). ``fixable``: --fix may
    write its one suggestion (its check type is fixable). ``unit`` is the id of the translation
    unit (XLIFF, PO, TMX) or the aligned source paragraphs (article pair) it is in, ``source``
    that unit's source text.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    type: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    text: str = field(compare=False)
    suggestions: tuple[str, ...] = field(default=(), compare=False)
    unit: str | None = field(default=None, compare=False)  # the unit of a bilingual file it is in
    source: str | None = field(default=None, compare=False)  # that unit's source text (the HTML report shows it)
    start: int = field(kw_only=True, compare=False)
    end: int = field(kw_only=True, compare=False)
    fixable: bool = field(default=False, kw_only=True, compare=False)

    @property
    def replacement(self) -> str | None:
        """The one suggestion, if there is exactly one: what a fix would write."""
        return self.suggestions[0] if len(self.suggestions) == 1 else None
