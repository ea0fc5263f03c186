"""Which characters of a text are prose, as a format parser finds them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MARKUP, PROSE, OTHER = 0, 1, 2  # what a character is: markup (tags, emphasis marks), prose, or other content
RUN = re.compile(rb"\x00+|\x01+|\x02+")
NOT_LINE_END = re.compile(r"[^\n\r]+")
LF = re.compile("\n")
# Content that is not prose (code, an image, a URL) becomes this, not a space: it is something,
# so the words on either side of it do not join into one phrase or a doubled word.
PLACEHOLDER = "\ufffc"


def line_starts_of(text: str) -> list[int]:
    """Where each line of an LF-only text starts."""
    return [0, *(match.end() for match in LF.finditer(text))]


def blank(text: str, filler: str = " ") -> str:
    """The filler for every character but line ends, so offsets and lines stay as they were."""
    return NOT_LINE_END.sub(lambda match: filler * len(match.group()), text)


@dataclass
class Layout:
    """What each character of an LF-only text is (MARKUP, PROSE or OTHER), and its HTML
    comments as (start, end, body) in offsets of that text. Everything is markup until said."""

    kinds: bytearray
    comments: list[tuple[int, int, str]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Layout:
        return cls(bytearray(len(text)))

    def mark(self, start: int, end: int, kind: int) -> None:
        if end > start:
            self.kinds[start:end] = bytes((kind,)) * (end - start)

    def paste(self, other: Layout, offset: int) -> None:
        """Take a part's layout (e.g. an HTML block inside Markdown) found at ``offset``."""
        self.kinds[offset:offset + len(other.kinds)] = other.kinds
        self.comments += [(start + offset, end + offset, body) for start, end, body in other.comments]

    def masked(self, text: str) -> str:
        """The prose of the text, everything else blanked (line ends kept)."""
        pieces = []
        for run in RUN.finditer(bytes(self.kinds)):
            piece, kind = text[run.start():run.end()], run.group()[0]
            pieces.append(piece if kind == PROSE else blank(piece, PLACEHOLDER if kind == OTHER else " "))
        return "".join(pieces)
