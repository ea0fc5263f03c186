"""One source segment and where its translation is: what bilingual checks read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """An inline tag or placeholder (``<x id="2"/>``, ``%s``) and its span in the document."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A unit of a bilingual file (or an aligned paragraph of an article pair).

    ``start``/``end`` is the span of the target's content in the document (``start == end``
    for a unit with no target: then at the end of its source, where a translation belongs);
    the target's text is the prose view there. ``source`` is the source text as read.
    """

    unit: str
    source: str
    start: int
    end: int
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[Code, ...] = ()
    has_target: bool = True
    # Where the source is in the document (in a bilingual file; an article pair's source is
    # another file): an empty target is reported there, on the text left untranslated.
    source_start: int | None = None
    source_end: int | None = None
