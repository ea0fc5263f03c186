"""Which spans are taken: overlap questions answered by bisection, not by scanning."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Protocol


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Spans:
    """A union of half-open spans, merged, that answers 'does this overlap?' by bisection."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, items: Iterable[Spanned]) -> None:
        spans = sorted([*zip(self.starts, self.ends, strict=False), *((item.start, item.end) for item in items)])
        self.starts, self.ends = [], []
        for start, end in spans:
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start
