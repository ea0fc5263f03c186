"""Article pairs: a translation and its source in two files, paragraphs aligned.

Paragraphs are blocks between blank lines (or lines, in a text with no blank line). They are
aligned with Gale–Church (``align``), numbers shared by two paragraphs counting as anchors,
so a dropped, merged or split paragraph shifts nothing after it. Each bead becomes a
``Segment`` whose unit names its source paragraphs ("source paragraph 3", "source
paragraphs 3-4"); a source paragraph with no translation is a segment with no target,
placed on the target paragraph beside which it belongs.
"""

from __future__ import annotations

import regex

from .align import Bead, align
from .numerals import numbers
from .segment import Segment

BLANK_LINE = regex.compile(r"(?:\r\n|\r|\n)[ \t\ufffc]*(?:\r\n|\r|\n)\s*")
LINE = regex.compile(r"[^\r\n]+")
# English characters per source character in news translations (measured: see the README).
USUAL_RATIO = {"ar": 1.25, "fa": 1.2, "tr": 1.05, "ru": 0.95, "uk": 0.95}
ANCHOR_WEIGHT = 300.0  # cost units (-100 log): ±150 for a bead whose sides' numbers all agree / all differ


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of a prose view, without the spacing around them."""
    pieces = BLANK_LINE.split(text)
    if len(pieces) == 1:  # no blank line: one paragraph per line
        spans = [match.span() for match in LINE.finditer(text)]
    else:
        spans, position = [], 0
        for separator in BLANK_LINE.finditer(text):
            spans.append((position, separator.start()))
            position = separator.end()
        spans.append((position, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and (text[start].isspace() or text[start] == "\ufffc"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == "\ufffc"):
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def segments(target: str, source: str, language: str) -> tuple[Segment, ...]:
    """The aligned segments of a target prose view and its source prose view."""
    target_spans, source_spans = paragraphs(target), paragraphs(source)
    source_texts = [source[start:end] for start, end in source_spans]
    source_numbers = [{value for number in numbers(text, language) for value in number.values} for text in source_texts]
    target_numbers = [{value for number in numbers(target[start:end], "en") for value in number.values}
                      for start, end in target_spans]

    def affinity(sources: range, targets: range) -> float:
        """Numbers as anchors: shared ones are evidence for a bead, numbers on one side only against it."""
        have = set().union(*(source_numbers[i] for i in sources))
        give = set().union(*(target_numbers[j] for j in targets))
        if not have and not give:
            return 0.0
        return ANCHOR_WEIGHT * (len(have & give) / len(have | give) - 0.5)

    beads = align([len(text) for text in source_texts], [end - start for start, end in target_spans],
                  USUAL_RATIO.get(language), affinity)
    found = []
    for index, bead in enumerate(beads):
        source_text = "\n\n".join(source_texts[i] for i in bead.source)
        if bead.target:
            start, end = target_spans[bead.target[0]][0], target_spans[bead.target[-1]][1]
            found.append(Segment(unit_name(bead), source_text, start, end))
        elif target_spans:  # a dropped paragraph: reported beside the target paragraph before it
            beside = next((b.target[-1] for b in reversed(beads[:index]) if b.target), None)
            if beside is None:
                beside = next(b.target[0] for b in beads[index:] if b.target)
            start, end = target_spans[beside]
            found.append(Segment(unit_name(bead), source_text, start, end, has_target=False))
    return tuple(found)


def unit_name(bead: Bead) -> str:
    if not bead.source:
        return "no source paragraph"
    numbers_ = [index + 1 for index in bead.source]
    if len(numbers_) == 1:
        return f"source paragraph {numbers_[0]}"
    return f"source paragraphs {numbers_[0]}-{numbers_[-1]}"
