"""Positions as the client counts them.

copydesk counts columns in code points; an LSP client counts them in the code
units of the position encoding agreed at initialisation: UTF-16 unless the
client offers UTF-8 or UTF-32. A character outside the Basic Multilingual
Plane (an emoji, 𝒳) is two UTF-16 units and four UTF-8 bytes, so a finding
after one on the same line moves right by one or three. Lines end at CRLF,
LF or CR, as in the LSP specification and in lint.document.
"""

from __future__ import annotations

from lsprotocol import types

from ..document import Document
from ..finding import Finding

UTF8, UTF16, UTF32 = (types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16,
                      types.PositionEncodingKind.Utf32)


def units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` the text takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class Positions:
    """Offsets of one document's text to and from the client's positions."""

    def __init__(self, document: Document, encoding: str = UTF16) -> None:
        self.document = document
        self.encoding = encoding

    def position(self, offset: int) -> types.Position:
        line, column = self.document.position(offset)
        start = self.document.line_starts[line - 1]
        before = self.document.text[start:start + column - 1]
        return types.Position(line=line - 1, character=units(before, self.encoding))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position (clamped to its line, as the LSP says)."""
        if position.line >= self.document.line_count:
            return len(self.document.text)
        start, end = self.document.line_span(position.line + 1)
        counted = 0
        for index in range(start, end):
            if counted >= position.character:
                return index
            counted += units(self.document.text[index], self.encoding)
        return end

    def finding_range(self, finding: Finding) -> types.Range:
        return types.Range(start=self.position(finding.start), end=self.position(finding.end))
