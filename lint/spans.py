"""Which parts of a text are taken: a union of spans that answers 'does this overlap?' quickly."""

from __future__ import annotations

import bisect
from typing import Iterable, Protocol


class Spanned(Protocol):
    """Anything with start and end offsets: a problem, a phrase hit."""

    start: int
    end: int


class Spans:
    """A union of half-open spans, merged, that answers 'does this overlap?' by bisection."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, spans: Iterable[Spanned]) -> None:
        merged = sorted([*zip(self.starts, self.ends), *((span.start, span.end) for span in spans)])
        self.starts, self.ends = [], []
        for start, end in merged:
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start
