"""Where each msgstr of a Gettext PO file is, character by character.

translate-toolkit reads the entries (see ``store``); this reads the file's lines to find the
quoted strings of every ``msgstr`` (and ``msgstr[N]``), so the prose view can hold their
text at its own offsets: the quotes are blank, an escape (``\\"``, ``\\n``) is its character
(a space for a line break) followed by a space. A line that is not PO is a DocumentError
that names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document, DocumentError
from .segment import Segment

KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(?=")')
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"[ \t]*$')
ESCAPES = {"n": " ", "t": " ", "r": " ", '"': '"', "\\": "\\", "a": " ", "b": " ", "f": " ", "v": " "}
DECODED = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


@dataclass
class Entry:
    line: int
    strings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # keyword -> content spans

    def text(self, document: Document, keyword: str) -> str:
        return "".join(unescape(document.text[start:end]) for start, end in self.strings.get(keyword, []))


def unescape(raw: str) -> str:
    return re.sub(r"\\(.)", lambda match: DECODED.get(match.group(1), match.group(1)), raw)


def entries(document: Document) -> list[Entry]:
    found: list[Entry] = []
    current: Entry | None = None
    keyword: str | None = None
    for number in range(1, document.line_count + 1):
        start, end = document.line_span(number)
        line = document.text[start:end]
        stripped = line.lstrip(" \t")
        indent = start + len(line) - len(stripped)
        if not stripped or stripped.startswith("#"):
            if stripped.startswith("#~"):
                keyword = None  # an obsolete entry: not translated any more
            continue
        match = KEYWORD.match(stripped)
        rest = stripped[match.end():] if match else stripped
        string = STRING.match(rest)
        if string is None or (match is None and keyword is None):
            raise DocumentError(f"line {number} is not PO syntax (expected msgid, msgstr or a quoted string): "
                                f"{stripped[:60]!r}", number)
        if match:
            keyword = match.group(1)
            if current is None or keyword == "msgctxt" or (keyword == "msgid" and "msgid" in current.strings):
                current = Entry(number)
                found.append(current)
            if keyword in current.strings:
                raise DocumentError(f"line {number}: a second {keyword} in one entry", number)
            current.strings[keyword] = []
        assert current is not None and keyword is not None  # a string continues the keyword before it
        content_start = indent + (match.end() if match else 0) + 1
        current.strings[keyword].append((content_start, content_start + len(string.group(1))))
    return [entry for entry in found if "msgid" in entry.strings]


def paint(view: list[str], document: Document, spans: list[tuple[int, int]]) -> None:
    for start, end in spans:
        index = start
        while index < end:
            char = document.text[index]
            if char == "\\" and index + 1 < end:
                view[index], view[index + 1] = ESCAPES.get(document.text[index + 1], document.text[index + 1]), " "
                index += 2
            else:
                view[index] = char
                index += 1


def read_po(document: Document, ids: list[str]) -> tuple[list[Segment], str]:
    """The segments (one per msgstr form) and the view; ``ids`` are translate-toolkit's unit
    ids of the same entries, in order."""
    view = [char if char in "\r\n" else " " for char in document.text]
    segments = []
    found = [entry for entry in entries(document) if entry.text(document, "msgid") or "msgctxt" in entry.strings]
    if len(found) != len(ids):
        raise DocumentError(f"translate-toolkit read {len(ids)} entries and copydesk {len(found)}: "
                            "the file may be malformed")
    for entry, unit in zip(found, ids, strict=True):
        forms = sorted((key for key in entry.strings if key.startswith("msgstr")), key=form_number)
        for key in forms:
            spans = entry.strings[key]
            plural = form_number(key) > 0 and "msgid_plural" in entry.strings
            source = entry.text(document, "msgid_plural" if plural else "msgid")
            name = unit if key == "msgstr" else f"{unit}[{form_number(key)}]"
            filled = [span for span in spans if span[1] > span[0]] or spans[:1]
            original = [span for span in entry.strings["msgid_plural" if plural else "msgid"] if span[1] > span[0]]
            segments.append(Segment(name, source, filled[0][0], filled[-1][1], has_target=filled[0][1] > filled[0][0],
                                    source_start=original[0][0] if original else None,
                                    source_end=original[-1][1] if original else None))
            paint(view, document, spans)
    return segments, "".join(view)


def form_number(keyword: str) -> int:
    return int(keyword[7:-1]) if "[" in keyword else 0
