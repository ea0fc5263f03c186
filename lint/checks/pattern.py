"""pattern: a regular expression for what must not be published.

Template leftovers ("Written by Journalist"), placeholder text ("TK", "XXX"),
doubled words. The expression runs on each line on its own, so ``^`` and ``$``
mean the start and end of a line whatever the file's line endings; a match
never spans lines. The syntax is Python's (the ``regex`` module), compiled once
when the rules load.

Options:

* ``pattern`` (required): the regular expression.
* ``message`` (required): what to tell the copy editor; ``{text}`` is filled in.
* ``suggestion``: a replacement, with ``\\1`` or ``\\g<name>`` for groups.
* ``ignore_case``: match regardless of case (default false).
* ``time_limit``: seconds the pattern may run on one file (default 5). A
  pattern that backtracks without end on some text, such as ``(a+)+$`` on a
  long line of a's, is stopped there: the file is reported as not checked,
  naming the rule, and the other files are still checked.

.. code-block:: yaml

    byline:
      type: pattern
      severity: error
      pattern: '^Written by (Journalist|Staff|Author)\\s*$'
      message: Template byline left in the article
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import regex

from ..context import Context
from ..finding import Problem
from ..options import Option, OptionError, boolean, seconds, text
from ..words import plural
from .base import Check, CheckError

TIME_LIMIT = 5.0  # seconds per file: a long article takes milliseconds
GROUP_REFERENCE = regex.compile(r"\\(?:(\d+)|g<(\w+)>)")


class Pattern(Check):
    type_name = "pattern"
    options = {
        "pattern": Option(text, doc="the regular expression"),
        "message": Option(text, doc="what the finding says"),
        "suggestion": Option(text, None, "the replacement"),
        "ignore_case": Option(boolean, False, "match regardless of case"),
        "time_limit": Option(seconds, TIME_LIMIT, "seconds the pattern may run on one file"),
    }
    pattern: str
    message: str
    suggestion: str | None
    ignore_case: bool
    time_limit: float

    def validate(self) -> None:
        flags = regex.IGNORECASE if self.ignore_case else 0
        try:
            self.compiled = regex.compile(self.pattern, flags | regex.VERSION0)
        except regex.error as error:
            raise OptionError("pattern", f"not a valid regular expression: {error}") from None
        for reference in GROUP_REFERENCE.finditer(self.suggestion or ""):
            group = reference.group(1) or reference.group(2)
            known = int(group) <= self.compiled.groups if group.isdigit() else group in self.compiled.groupindex
            if not known:
                raise OptionError("suggestion", f"refers to group {group!r}, which the pattern does not have")
        if self.suggestion is not None:
            self._check_template(self.suggestion)

    def _check_template(self, suggestion: str) -> None:
        """Expand the suggestion once against an empty match with the pattern's groups, so
        that a stray backslash is a rules-file error, not a failure on some article."""
        names = {index: name for name, index in self.compiled.groupindex.items()}
        groups = "".join(f"(?P<{names[index]}>)" if index in names else "()"
                         for index in range(1, self.compiled.groups + 1))
        try:
            empty = regex.compile(groups).match("")
            assert empty is not None  # groups that are all empty match the empty text
            empty.expand(suggestion)
        except (regex.error, IndexError) as error:
            raise OptionError("suggestion", f"{suggestion!r} is not a replacement copydesk can fill in ({error}); "
                                            "write \\\\ for a backslash") from None

    def summary(self) -> str:
        return self.message.replace("{text}", "…")

    def check(self, context: Context) -> Iterator[Problem]:
        deadline = time.monotonic() + self.time_limit  # for the whole file: one budget, however many lines
        for line, start, end in context.lines:  # an empty line has no problem: a match there is empty
            for match in self._matches(context.text[start:end], deadline, line):
                if match.end() == match.start():
                    continue
                suggestions = (match.expand(self.suggestion),) if self.suggestion is not None else ()
                message = self.message.replace("{text}", match.group().strip())
                yield Problem(start + match.start(), start + match.end(), message, suggestions)

    def _matches(self, line_text: str, deadline: float, line: int) -> Iterator[regex.Match]:
        try:
            yield from self.compiled.finditer(line_text, timeout=max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            raise CheckError(
                f"rule '{self.id}': its pattern ran for more than {plural(self.time_limit, 'second')} on this file "
                f"and was stopped at line {line}, so the rest of the file was not checked by it; the pattern "
                "backtracks too much on some text: simplify it (a repeat inside a repeat, such as (a+)+, is the usual "
                "cause) or raise its time_limit") from None
