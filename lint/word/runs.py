"""Editing runs without changing how they look: splitting one in two, replacing characters.

A run is a stretch of text with one formatting (its ``w:rPr``). Splitting a run copies its
formatting onto both halves; replacing characters edits the ``w:t`` texts in place.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]

from .story import Element, Paragraph, Piece

RPR = qn("w:rPr")
SPACE = qn("xml:space")


def split_at(paragraph: Paragraph, offsets: Iterable[int]) -> None:
    """Split runs so that every offset of the paragraph's text falls between two runs.
    Right to left, so that the pieces still to split are those of the untouched left part."""
    for offset in sorted(set(offsets), reverse=True):
        inside = next((piece for piece in paragraph.pieces if piece.start < offset < piece.end), None)
        if inside is not None:
            split_run(inside.run, inside.element, offset - inside.start)
            continue
        after = next((index for index, piece in enumerate(paragraph.pieces) if piece.start == offset), None)
        if after and paragraph.pieces[after - 1].run is paragraph.pieces[after].run:
            split_run(paragraph.pieces[after].run, paragraph.pieces[after].element, 0)


def split_run(run: Element, element: Element, at: int) -> None:
    """Split ``run`` before character ``at`` of its child ``element`` (0: before the child)."""
    index = list(run).index(element)
    right = copy.deepcopy(run)
    for child in list(run)[index + (1 if at else 0):]:
        run.remove(child)
    right_children = list(right)
    for child in right_children[:index]:
        if child.tag != RPR:
            right.remove(child)
    if at:
        text = element.text or ""
        set_text(element, text[:at])
        set_text(right_children[index], text[at:])
    run.addnext(right)


def set_text(element: Element, text: str) -> None:
    element.text = text
    if text != text.strip():
        element.set(SPACE, "preserve")


def formatting(piece: Piece) -> bytes:
    properties = piece.run.find(RPR)
    return b"" if properties is None else etree.tostring(properties, method="c14n")


def replace(pieces: list[Piece], start: int, end: int, text: str) -> None:
    """Write ``text`` over the characters start..end of these pieces' w:t elements: the
    first piece takes the new text, the others lose what they held of the span."""
    first, last = pieces[0], pieces[-1]
    before = (first.element.text or "")[:start - first.start]
    after = (last.element.text or "")[end - last.start:]
    if len(pieces) == 1:
        set_text(first.element, before + text + after)
        return
    set_text(first.element, before + text)
    for piece in pieces[1:-1]:
        piece.run.remove(piece.element)
    if after:
        set_text(last.element, after)
    else:
        last.run.remove(last.element)
