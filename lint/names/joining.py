"""One name written with a hyphen and with a space in the same article: "Amir-Abdollahian" and
"Amir Abdollahian", "Abdel-Fattah" and "Abdel Fattah", "al-Shaabi" and "al Shaabi". The words
are the same, so the sound comparison sees one spelling; the page shows two."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import NamedTuple

from ..words import DASHES, Word, fold
from .particles import ARTICLES


class Joined(NamedTuple):
    start: int
    end: int
    written: str   # as in the text
    usual: str     # the form the article uses more often (or first)
    uses: int
    usual_uses: int


def mixed_joins(text: str, words: list[Word]) -> list[Joined]:
    """The less used of two ways of joining the same two name words, each occurrence."""
    forms: dict[tuple[str, str], dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for first, second in itertools.pairwise(words):
        between = text[first.end:second.start]
        joint = "-" if len(between) == 1 and between in DASHES else " " if between == " " else None
        head_ok = first.text[0].isupper() or fold(first.text) in ARTICLES
        if joint is None or not head_ok or not second.text[0].isupper() or len(first.text) < 2:
            continue
        forms[fold(first.text), fold(second.text)][joint].append((first.start, second.stem_end))
    found = []
    for ways in forms.values():
        if len(ways) < 2:
            continue
        # The more used joint, or on a tie the one used first, is the article's.
        usual, other = sorted(ways, key=lambda joint: (-len(ways[joint]), ways[joint][0][0]))
        usual_start, usual_end = ways[usual][0]
        for start, end in ways[other]:
            found.append(Joined(start, end, text[start:end], text[usual_start:usual_end],
                                len(ways[other]), len(ways[usual])))
    return sorted(found)
