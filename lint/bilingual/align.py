"""Gale–Church alignment of paragraphs (or sentences) by their lengths.

W. A. Gale and K. W. Church, "A Program for Aligning Sentences in Bilingual Corpora"
(Computational Linguistics 19(1), 1993): a translation's pieces are about as long as
their originals times a constant, with a variance that grows with the length. Dynamic
programming finds the sequence of beads — 1-1, 1-0 (a source paragraph dropped), 0-1 (one
added), 2-1 (two merged into one), 1-2 (one split in two) — that is most probable. The
constant is the ratio of the two texts' lengths, unless that is far from the ratio usual for
the language pair (a dropped paragraph changes it): then the usual one. The variance is the
paper's 6.8, the beads' penalties its -100·log priors. As hunalign does with a dictionary,
an optional ``affinity`` lowers the cost of beads whose pieces share anchors (numbers).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

VARIANCE = 6.8
# -100 log of each bead's prior probability, as in the paper's program.
PENALTIES = {(1, 1): 0, (1, 0): 450, (0, 1): 450, (2, 1): 230, (1, 2): 230}
BIG = 2500.0


@dataclass(frozen=True)
class Bead:
    """Indices of the source pieces and of the target pieces aligned together."""

    source: tuple[int, ...]
    target: tuple[int, ...]


def match_cost(source_length: int, target_length: int, ratio: float) -> float:
    """-100 log of the probability that pieces of these lengths translate each other. A piece
    with no counterpart (a dropped or added paragraph) costs its bead's penalty only: how long
    an omission is says nothing of whether it is one, and a capped length cost would make
    merging it into a neighbour look cheaper."""
    if source_length == 0 or target_length == 0:
        return 0.0
    mean = (source_length + target_length / ratio) / 2
    z = abs(ratio * source_length - target_length) / math.sqrt(VARIANCE * mean)
    probability = 2 * (1 - 0.5 * (1 + math.erf(z / math.sqrt(2))))
    return -100 * math.log(probability) if probability > 0 else BIG


def length_ratio(source: list[int], target: list[int], usual: float | None) -> float:
    found = (sum(target) / sum(source)) if sum(source) and sum(target) else 1.0
    if usual is None or 0.8 <= found / usual <= 1.25:
        return found
    return usual


def align(source: list[int], target: list[int], usual_ratio: float | None = None,
          affinity: Callable[[range, range], float] | None = None) -> list[Bead]:
    """The most probable beads for pieces of these lengths, in order. ``affinity`` of a
    source and a target range is subtracted from that bead's cost."""
    ratio = length_ratio(source, target, usual_ratio)
    rows, columns = len(source), len(target)
    cost = [[math.inf] * (columns + 1) for _ in range(rows + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (columns + 1) for _ in range(rows + 1)]
    cost[0][0] = 0.0
    for i in range(rows + 1):
        for j in range(columns + 1):
            if i == j == 0:
                continue
            for (di, dj), penalty in PENALTIES.items():
                if i < di or j < dj or cost[i - di][j - dj] == math.inf:
                    continue
                total = cost[i - di][j - dj] + penalty + match_cost(sum(source[i - di:i]), sum(target[j - dj:j]), ratio)
                if affinity is not None and di and dj:
                    total -= affinity(range(i - di, i), range(j - dj, j))
                if total < cost[i][j]:
                    cost[i][j], back[i][j] = total, (di, dj)
    beads = []
    i, j = rows, columns
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]
