"""What the checks of one run share about one document, computed once and on demand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any

from .bilingual import Segment
from .document import Document
from .phrases import Hit, PhraseMatcher
from .words import Word, words


class Context:
    """``text`` is the document's prose (see lint.prose): markup and code blanked out,
    every offset the same as in ``document.text``."""

    def __init__(self, document: Document, matcher: PhraseMatcher, accepted: frozenset[str],
                 batch: Mapping[str, Any] | None = None, text: str | None = None,
                 segments: tuple[Segment, ...] = (), source_language: str | None = None) -> None:
        self.document = document
        self.text = document.text if text is None else text
        # With a source (a bilingual file, an article pair): each target's span and its source.
        self.segments = segments
        self.source_language = source_language
        self.accepted = accepted
        self.batch: Mapping[str, Any] = batch or {}  # rule id -> what its batch pass learnt from all files
        self._matcher = matcher

    def target(self, segment: Segment) -> str:
        """A segment's target as the checks read it (its prose)."""
        return self.text[segment.start:segment.end]

    def compared(self) -> Iterator[tuple[Segment, str]]:
        """The segments with a source and a target to compare, each with its target's prose
        (an empty target is the untranslated rule's; a paragraph the translation added has
        no source to compare with)."""
        for segment in self.segments:
            target = self.target(segment)
            if segment.has_target and target.strip() and segment.source.strip():
                yield segment, target

    @cached_property
    def words(self) -> list[Word]:
        return words(self.text)

    @cached_property
    def lines(self) -> list[tuple[int, int, int]]:
        """(1-based number, start, end) of each line that is not empty, without its line end."""
        starts = self.document.line_starts
        text = self.document.text
        found = []
        for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(text)], strict=False), start=1):
            if text.endswith("\r\n", start, end):
                end -= 2
            elif text.endswith(("\n", "\r"), start, end):
                end -= 1
            if end > start:
                found.append((number, start, end))
        return found

    @cached_property
    def all_hits(self) -> list[Hit]:
        """Where any rule's names and terms occur, in text order, with the exceptions
        ("chicken Kiev"): text a rule has ruled on, that no other check should report."""
        return self._matcher.find(self.text, self.words)

    @cached_property
    def _hits_by_rule(self) -> dict[str, list[Hit]]:
        grouped: dict[str, list[Hit]] = defaultdict(list)
        for hit in self.all_hits:
            if not hit.entry.exception:
                grouped[hit.entry.rule].append(hit)
        return grouped

    @property
    def rules_found(self) -> Iterable[str]:
        """The rules with names or terms in this document."""
        return self._hits_by_rule.keys()

    def hits(self, rule_id: str) -> list[Hit]:
        """Where this rule's names and terms occur, in text order (not its exceptions)."""
        return self._hits_by_rule.get(rule_id, [])
