"""The paragraphs of a Word document in reading order, each with where its characters live.

A paragraph's text is the text of its runs, joined whatever their formatting, read as if
every tracked change were accepted: insertions (``w:ins``, ``w:moveTo``) are read, deletions
(``w:del``, ``w:moveFrom``) are not. A tab reads as a tab and a manual line or page break as
U+000B (as Word's own object model gives it), so that a paragraph stays one line. Drawings,
text boxes, equations, field codes and footnote marks are not prose and are left out.
Each character is a ``Piece`` of a run, which is what annotating and fixing edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

Element = Any  # an lxml element of a Word part
BREAK = "\v"

# Containers inside a paragraph whose runs are read: links, fields, content controls, and
# tracked insertions; every other child of a paragraph (deletions, properties, bookmarks,
# equations) holds no prose.
INLINE = frozenset(qn(f"w:{name}") for name in
                   ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple",
                    "dir", "bdo"))
# Block-level children that are walked for paragraphs (tables, rows, cells, content controls).
BLOCKS = frozenset(qn(f"w:{name}") for name in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo"))
P, R, T = qn("w:p"), qn("w:r"), qn("w:t")
RUN_TEXT = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): BREAK, qn("w:cr"): BREAK,
            qn("w:noBreakHyphen"): "\u2011"}


@dataclass(frozen=True)
class Piece:
    """Characters of one run child: a ``w:t`` text, or a tab or break (one character)."""

    start: int  # offset in the paragraph's text
    text: str
    element: Element
    run: Element

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def editable(self) -> bool:
        return self.element.tag == T


@dataclass
class Paragraph:
    element: Element
    story: str  # "body", "footnotes", "endnotes", "headers", "comments"
    partname: str
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    def covering(self, start: int, end: int) -> list[Piece]:
        """The pieces holding characters start..end of the paragraph's text."""
        return [piece for piece in self.pieces if piece.start < end and piece.end > start]

    def reread(self) -> Paragraph:
        return read_paragraph(self.element, self.story, self.partname)


def block_paragraphs(container: Element) -> Iterator[Element]:
    """The ``w:p`` elements of a body, cell, note, header or comment, in reading order."""
    return within(container, P, BLOCKS)


def within(container: Element, tag: str, through: frozenset[str]) -> Iterator[Element]:
    """The ``tag`` elements below ``container``, in document order, looking inside the
    elements named in ``through`` (tables and cells for paragraphs, hyperlinks for runs)."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag in through:
            yield from within(child, tag, through)


def read_paragraph(element: Element, story: str, partname: str) -> Paragraph:
    paragraph = Paragraph(element, story, partname)
    offset = 0
    for run in runs(element):
        for child in run:
            text = text_of(child)
            if text:
                paragraph.pieces.append(Piece(offset, text, child, run))
                offset += len(text)
    return paragraph


def runs(container: Element) -> Iterator[Element]:
    return within(container, R, INLINE)


def text_of(child: Element) -> str:
    if child.tag == T:
        # A raw line end inside w:t shows as a space in Word; here it must not end the line.
        return (child.text or "").replace("\r", " ").replace("\n", " ")
    return RUN_TEXT.get(child.tag, "")
