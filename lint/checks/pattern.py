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

.. code-block:: yaml

    byline:
      type: pattern
      severity: error
      pattern: '^Written by (Journalist|Staff|Author)\\s*$'
      message: Template byline left in the article
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..context import Context
from ..finding import Problem
from .base import Check, Option, OptionError, boolean, text

GROUP_REFERENCE = regex.compile(r"\\(?:(\d+)|g<(\w+)>)")


class Pattern(Check):
    type_name = "pattern"
    options = {
        "pattern": Option(text, doc="the regular expression"),
        "message": Option(text, doc="what the finding says"),
        "suggestion": Option(text, None, "the replacement"),
        "ignore_case": Option(boolean, False, "match regardless of case"),
    }
    pattern: str
    message: str
    suggestion: str | None
    ignore_case: bool

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

    def summary(self) -> str:
        return self.message.replace("{text}", "…")

    def check(self, context: Context) -> Iterator[Problem]:
        document = context.document
        for line in range(1, document.line_count + 1):
            start, end = document.line_span(line)
            for match in self.compiled.finditer(context.text[start:end]):
                if match.end() == match.start():
                    continue
                suggestions = (match.expand(self.suggestion),) if self.suggestion is not None else ()
                message = self.message.replace("{text}", match.group().strip())
                yield Problem(start + match.start(), start + match.end(), message, suggestions)
