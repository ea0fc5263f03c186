"""What a copy editor marks as meant, so that copydesk does not report it.

In Markdown and HTML, comments switch rules off and on:

* ``<!-- copydesk-disable RULE… -->`` from here on, until
* ``<!-- copydesk-enable RULE… -->``;
* ``<!-- copydesk-disable-next-line RULE… -->`` the line after the comment.

Without rule ids a comment applies to every rule; a rule id also covers its
engine's sub-rules (``grammar`` covers ``grammar/AnA``). In any format, a word
followed by ``[sic]`` (the convention for an error quoted as it was written) is
not reported by the rules that judge spelling (check types with ``silenced_by_sic``:
names, variants and spelling).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .document import Document
from .prose import Comment

DIRECTIVE = regex.compile(r"\s*copydesk-(\S*)(.*)", regex.DOTALL)
KINDS = ("disable", "enable", "disable-next-line")

# The rest of the word (a possessive), closing quotes or emphasis, spacing within the line or
# across one line break (tags blanked out leave long runs of spaces), then [sic].
SIC = regex.compile(r"[\p{L}\p{M}\p{N}'’]*(?:[\"”’'*_)]|[^\S\r\n])*(?:\r\n|\r|\n)?(?:[*_(]|[^\S\r\n])*\[sic\]",
                    regex.IGNORECASE)
SIC_REACH = 2000  # characters after a finding where its [sic] may be (blanked-out tags included)


def followed_by_sic(text: str, end: int) -> bool:
    # An end position keeps each match short: without one, the regex module's match costs
    # the length of the whole text, and a long article's findings cost its length squared.
    return SIC.match(text, end, end + SIC_REACH) is not None


@dataclass(frozen=True)
class _State:
    """Rules switched off: ``ids`` when not ``everything``, else all but ``ids``."""

    everything: bool = False
    ids: frozenset[str] = frozenset()

    def covers(self, family: set[str]) -> bool:
        return self.everything != bool(family & self.ids)

    def disable(self, ids: frozenset[str]) -> _State:
        if not ids:
            return _State(True)
        return _State(True, self.ids - ids) if self.everything else _State(False, self.ids | ids)

    def enable(self, ids: frozenset[str]) -> _State:
        if not ids:
            return _State()
        return _State(True, self.ids | ids) if self.everything else _State(False, self.ids - ids)


class Suppressions:
    """The directives of one document. ``errors`` says, by line, which comments name
    an unknown directive or rule (they are then ignored)."""

    def __init__(self, document: Document, comments: Iterable[Comment], rule_ids: Iterable[str]) -> None:
        self.errors: list[str] = []
        self._offsets: list[int] = []
        self._states: list[_State] = []
        self._next_lines: dict[int, _State] = {}
        known = set(rule_ids)
        state = _State()
        for comment in comments:
            match = DIRECTIVE.fullmatch(comment.body)
            if match is None:
                continue
            line = document.position(comment.start)[0]
            kind, ids = match.group(1), frozenset(match.group(2).replace(",", " ").split())
            problem = self._problem(kind, ids, known)
            if problem:
                self.errors.append(f"line {line}: {problem}")
                continue
            if kind == "disable-next-line":
                target = document.position(comment.end)[0] + 1
                self._next_lines[target] = self._next_lines.get(target, _State()).disable(ids)
                continue
            state = state.disable(ids) if kind == "disable" else state.enable(ids)
            self._offsets.append(comment.start)
            self._states.append(state)

    @staticmethod
    def _problem(kind: str, ids: frozenset[str], known: set[str]) -> str | None:
        if kind not in KINDS:
            return (f"'copydesk-{kind}' is not a copydesk comment; write "
                    + ", ".join(f"copydesk-{k}" for k in KINDS[:-1]) + f" or copydesk-{KINDS[-1]}")
        unknown = sorted(i for i in ids if i.split("/", 1)[0] not in known)
        if unknown:
            return f"copydesk-{kind} names no rule of the rules file: {', '.join(unknown)}"
        return None

    def covers(self, rule: str, start: int, line: int) -> bool:
        """Whether a finding of this rule, starting at this offset and line, is switched off."""
        family = {rule, rule.split("/", 1)[0]}
        if line in self._next_lines and self._next_lines[line].covers(family):
            return True
        index = bisect.bisect_right(self._offsets, start) - 1
        return index >= 0 and self._states[index].covers(family)
