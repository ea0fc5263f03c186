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


BINARY_PROBE = 8192  # characters looked at for NULs, as git and grep do
BINARY = "a binary file, not text"


class DocumentError(Exception):
    """A file that cannot be read as text; the message says why, for a person (and the
    line, when one is to blame)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Document:
    path: str
    text: str
    line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.line_starts = [0] + [m.end() for m in LINE_END.finditer(self.text)]

    @classmethod
    def from_bytes(cls, path: str, data: bytes, encoding: str | None = None) -> Document:
        return cls(path, decode(data, encoding))

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


def encoding_of(data: bytes, encoding: str | None = None) -> tuple[bytes, str]:
    """The byte-order mark a file starts with (or b"") and the encoding it names (else
    the encoding given, else UTF-8)."""
    return next(((bom, named) for bom, named in _BOMS if data.startswith(bom)), (b"", encoding or "utf-8"))


def encode(text: str, like: bytes, encoding: str | None = None) -> bytes:
    """Text as bytes in the encoding and with the byte-order mark of the file it was read
    from; UnicodeEncodeError if the encoding cannot hold a character of it."""
    bom, named = encoding_of(like, encoding)
    return bom + text.encode(named)


UTF8_ADVICE = "save the file as UTF-8 (or name its encoding with --encoding, e.g. latin-1)"


def decode(data: bytes, encoding: str | None = None, advice: str = UTF8_ADVICE) -> str:
    """Decode a file's bytes: a BOM names the encoding, else ``encoding``, else UTF-8
    (``advice`` says what to do when it is not UTF-8). Text with NUL characters near its
    start is a binary file."""
    bom, named = encoding_of(data, encoding)
    try:
        text = data[len(bom):].decode(named)
    except UnicodeDecodeError as error:
        if bom:
            raise DocumentError(f"not valid {named.upper()} text despite its byte-order mark "
                                f"({error.reason})") from None
        if b"\x00" in data[:BINARY_PROBE]:
            raise DocumentError(BINARY) from None
        at = error.start
        line = data.count(b"\n", 0, at) + 1
        column = at - (data.rfind(b"\n", 0, at) + 1) + 1
        save = advice if encoding is None else "check --encoding, or save the file as UTF-8"
        raise DocumentError(f"not {named.upper()} text: byte 0x{data[at]:02x} at line {line}, byte {column} "
                            f"cannot be decoded; {save}", line) from None
    if "\x00" in text[:BINARY_PROBE]:
        raise DocumentError(BINARY)
    return text
