"""The prose of a document: the text the checks read, with everything else blanked out.

Articles arrive as plain text, Markdown or HTML. Only their prose is for a copy
editor: code, URLs, link targets, tags and attributes, front matter and scripts
are not. A prose view keeps every offset of the source: each character that is
not prose becomes a space (markup) or U+FFFC (other content: code, an image,
a URL) and line ends stay where they are, so a finding's
line and column are those of the file as read. The format follows the file's
suffix (.md/.markdown, .html/.htm; .xlf/.xliff, .po, .tmx are bilingual files whose
view is their targets' text, see lint.bilingual); anything else, standard input
included, is plain text. Web and e-mail addresses are blanked in every format.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable
from dataclasses import dataclass

from .. import bilingual
from ..bilingual import Segment
from ..document import LINE_END, Document
from . import html
from .layout import PLACEHOLDER, Layout, blank, line_starts_of
from .urls import url_spans

__all__ = ["PLACEHOLDER", "Comment", "Prose", "view"]


def _markdown_layout(text: str) -> Layout:
    from . import markdown  # on first use: markdown-it takes longer to load than a short article to check

    return markdown.layout(text)


# suffix -> what parses LF-only text of that format into a Layout
PARSERS: dict[str, Callable[[str], Layout]] = {".md": _markdown_layout, ".markdown": _markdown_layout,
                                                ".html": html.layout, ".htm": html.layout}


@dataclass(frozen=True)
class Comment:
    """An HTML comment of the source (where suppression directives live), in document offsets."""

    start: int
    end: int
    body: str


@dataclass(frozen=True)
class Prose:
    """The view; for a bilingual file or an article pair, its segments (each target with its
    source) and the source language the file declares."""

    text: str
    comments: tuple[Comment, ...] = ()
    segments: tuple[Segment, ...] = ()
    source_language: str | None = None


def view(document: Document) -> Prose:
    """The prose view; DocumentError for a bilingual file that cannot be read."""
    if bilingual.kind(document.path):
        found = bilingual.read(document)
        return Prose(blank_spans(found.view, url_spans(found.view)), (), found.segments, found.source_language)
    parse = PARSERS.get(os.path.splitext(document.path)[1].lower())
    if parse is None:
        return Prose(blank_spans(document.text, url_spans(document.text)))
    # Parsers see one kind of line end; lines keep their lengths, so positions map back line by line.
    normal = LINE_END.sub("\n", document.text)
    layout = parse(normal)
    masked = layout.masked(normal)
    masked = blank_spans(masked, url_spans(masked))
    return Prose(restore_line_ends(masked, document), tuple(_comments(layout, normal, document)))


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    pieces, position = [], 0
    for start, end in spans:
        pieces += [text[position:start], blank(text[start:end], PLACEHOLDER)]
        position = end
    return "".join(pieces) + text[position:]


def restore_line_ends(normal: str, document: Document) -> str:
    ends = [match.group() for match in LINE_END.finditer(document.text)]
    if all(end == "\n" for end in ends):
        return normal
    lines = normal.split("\n")
    return "".join(line + end for line, end in zip(lines, ends, strict=False)) + lines[-1]


def _comments(layout: Layout, normal: str, document: Document):
    starts = line_starts_of(normal)

    def to_document(offset: int) -> int:
        line = bisect.bisect_right(starts, offset) - 1
        return document.line_starts[line] + offset - starts[line]

    for start, end, body in layout.comments:
        yield Comment(to_document(start), to_document(end), body)
