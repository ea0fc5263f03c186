"""Overlapping highlights as properly nested pieces, line by line.

HTML elements nest; findings need not. A finding inside another becomes a mark
inside the other's mark. A finding that starts inside another and ends after it
is split where the other ends, and the rest continues as a second piece, so
every character shows every finding that covers it. A finding that spans lines
is split at each line end. The first piece of a finding is its ``head``: the
one a reader jumps to and focuses.
"""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass, field


@dataclass
class Piece:
    start: int
    end: int
    key: int  # which finding (its index in the list given to ``layout``)
    head: bool
    children: list[Piece] = field(default_factory=list)


def layout(spans: list[tuple[int, int]], lines: list[tuple[int, int]]) -> list[list[Piece]]:
    """For each line (start, end offsets without the line end), the top-level pieces
    of the spans (start, end offsets of the text) that fall on it."""
    line_starts = [start for start, _ in lines]
    per_line: list[list[tuple[int, int, int]]] = [[] for _ in lines]
    for key, (start, end) in enumerate(spans):
        first = max(0, bisect.bisect_right(line_starts, start) - 1)
        placed = False
        for index in range(first, len(lines)):
            line_start, line_end = lines[index]
            if index > first and line_start >= end:
                break
            if max(start, line_start) < min(end, line_end):
                per_line[index].append((max(start, line_start), min(end, line_end), key))
                placed = True
        if not placed:
            # Empty, or only line ends (a blank-line pattern): a point where it starts.
            point = min(start, lines[first][1])
            per_line[first].append((point, point, key))
    seen: set[int] = set()
    return [nest(items, seen) for items in per_line]


def nest(items: list[tuple[int, int, int]], seen: set[int]) -> list[Piece]:
    """Pieces of one line as a forest; ``seen`` holds the keys that already have a head."""
    queue = [(start, -end, key) for start, end, key in items]
    heapq.heapify(queue)  # by start, the longer first: an enclosing span opens before its contents
    roots: list[Piece] = []
    open_pieces: list[Piece] = []  # innermost last; each lies inside the one before it
    while queue:
        start, negative_end, key = heapq.heappop(queue)
        end = -negative_end
        while open_pieces and open_pieces[-1].end <= start:
            open_pieces.pop()
        parent = open_pieces[-1] if open_pieces else None
        if parent is not None and end > parent.end:
            heapq.heappush(queue, (parent.end, -end, key))  # the rest, after the parent closes
            end = parent.end
        piece = Piece(start, end, key, head=key not in seen)
        seen.add(key)
        (parent.children if parent is not None else roots).append(piece)
        open_pieces.append(piece)
    return roots
