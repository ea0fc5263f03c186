"""A document as read: its text, where each line starts, and offset -> line/column.

Positions follow the contract: lines end at CRLF, LF or CR; columns count code
points of the line as read; a byte-order mark is not part of the text. Nothing
else is normalised, so a finding's text is the text at its position.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field

LINE_END = re.compile(r"\r\n|\r|\n")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DocumentError(Exception):
    """A file that cannot be read as text; the message says why, for a person."""


@dataclass
class Document:
    path: str
    text: str
    line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.line_starts = [0] + [m.end() for m in LINE_END.finditer(self.text)]

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> "Document":
        return cls(path, decode(data))

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a code-point offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line's content, without its line end."""
        start = self.line_starts[line - 1]
        match = LINE_END.search(self.text, start)
        return start, match.start() if match else len(self.text)

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)


def encoding_of(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark a file starts with (or b"") and the encoding it names (else UTF-8)."""
    return next(((bom, encoding) for bom, encoding in _BOMS if data.startswith(bom)), (b"", "utf-8"))


def encode(text: str, like: bytes) -> bytes:
    """Text as bytes in the encoding and with the byte-order mark of the file it was read from."""
    bom, encoding = encoding_of(like)
    return bom + text.encode(encoding)


def decode(data: bytes) -> str:
    """Decode a file's bytes: a BOM names the encoding, otherwise UTF-8 is required."""
    bom, encoding = encoding_of(data)
    if bom:
        try:
            return data[len(bom):].decode(encoding)
        except UnicodeDecodeError as error:
            raise DocumentError(f"not valid {encoding.upper()} text despite its byte-order mark ({error.reason})") from None
    if b"\x00" in data[:8192]:
        raise DocumentError("a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise DocumentError(
            f"not UTF-8 text: byte 0x{data[error.start]:02x} at line {line}, byte {column} "
            "cannot be decoded; save the file as UTF-8"
        ) from None
