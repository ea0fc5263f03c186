"""What the grammar engines share: their settings, their findings, their errors,
and the paragraph chunks a long document is checked in.

An engine module (``languagetool.py``, ``harper.py``) has a ``start(settings)``
function that returns a ready GrammarEngine, raises Unavailable when the engine
cannot run on this machine (the next engine in the rule's list may), or raises
EngineError when it was set up to run and does not (a server that does not answer).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import TypeVar

import regex

Result = TypeVar("Result")

# Where a long text may be cut, best first: blank lines, line ends, sentence ends, spaces.
_CUTS = (
    regex.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*"),
    regex.compile(r"\r\n|\r|\n"),
    regex.compile(r"(?<=[.!?…][\"'”’»)\]]*)\s+"),
    regex.compile(r"\s+"),
)


class EngineError(Exception):
    """An engine the rules ask for cannot run; the message says which, why and what to do."""


class Unavailable(Exception):
    """This engine cannot run on this machine; the message says what is missing and how to get it."""


@dataclass(frozen=True)
class Settings:
    """A grammar rule's options, as the engines read them."""

    language: str
    server: str | None = None
    mother_tongue: str | None = None
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    harper_rules: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class EngineMatch:
    """One slip an engine found, in code-point offsets of the text it was given."""

    start: int
    end: int
    rule: str
    message: str
    suggestions: tuple[str, ...] = ()
    spelling: bool = False  # a spelling match, dropped on words the rules file accepts


class GrammarEngine(ABC):
    description: str  # for the report's engines entry, e.g. "harper 0.2.0 (embedded)"

    @abstractmethod
    def check(self, text: str) -> list[EngineMatch]:
        """The matches in a whole document, at code-point offsets of ``text``."""


def chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering ``text``, each at most ``limit`` code
    points, cut after blank lines if possible, else at line ends, sentence ends, spaces."""
    return list(_pack(text, 0, len(text), limit, _CUTS))


def _pack(text: str, start: int, end: int, limit: int, cuts: tuple[regex.Pattern, ...]) -> Iterator[tuple[int, int]]:
    if end - start <= limit:
        yield start, end
        return
    if not cuts:
        yield from ((at, min(at + limit, end)) for at in range(start, end, limit))
        return
    chunk_start = piece_start = start
    for cut in [match.end() for match in cuts[0].finditer(text, start, end)] + [end]:
        if cut - chunk_start > limit and piece_start > chunk_start:
            yield chunk_start, piece_start
            chunk_start = piece_start
        if cut - chunk_start > limit:
            yield from _pack(text, chunk_start, cut, limit, cuts[1:])
            chunk_start = cut
        piece_start = cut
    if chunk_start < end:
        yield chunk_start, end


def in_chunks(text: str, limit: int, fetch: Callable[[str], Result],
              pool: Executor) -> Iterator[tuple[int, str, Result]]:
    """Run ``fetch`` on the text's chunks concurrently; yield (offset, chunk, result) in
    text order, in the calling thread. Chunks with nothing but spacing are skipped."""
    spans = [(start, text[start:end]) for start, end in chunks(text, limit) if text[start:end].strip()]
    results = pool.map(fetch, [chunk for _, chunk in spans])
    for (start, chunk), result in zip(spans, results, strict=False):
        yield start, chunk, result
