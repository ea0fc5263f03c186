"""Where each unit's target is in an XLIFF (1.2, 2.x) or TMX file, character by character.

translate-toolkit reads the units (see ``store``); no XML library says at which characters
of the file an element's text lies, so the file is also read with expat, which reports
the byte offset of every tag, text run and entity reference. The prose view copies a
target's text from the file itself: an entity (``&amp;``) is its character followed by
spaces, inline tags are blanked (``<g>`` as markup, ``<x/>``, ``<ph>…</ph>`` as other
content), everything outside targets is blank. So a finding's text is the file's.
"""

from __future__ import annotations

import xml.parsers.expat as expat
from dataclasses import dataclass, field

from ..document import DocumentError
from .languages import primary
from .segment import Code, Segment

XML_LANG = "http://www.w3.org/XML/1998/namespace lang"
PLACEHOLDER = "\ufffc"  # other content, as lint.prose blanks it (which reads these views)
# Inline elements whose content is native code (not prose), and those that are markup around prose.
CODE_ELEMENTS = {"x", "bx", "ex", "bpt", "ept", "ph", "it", "ut", "sc", "ec", "cp", "sm", "em"}
MARKUP_ELEMENTS = {"g", "mrk", "pc", "hi", "sub"}


@dataclass
class Event:
    kind: str  # start, end, data, other
    offset: int
    name: str = ""
    attributes: dict = field(default_factory=dict)
    text: str = ""


@dataclass
class Located:
    """What the XML reading found: the segments, the view, and the languages declared."""

    segments: list[Segment]
    view: str
    source_language: str | None
    target_language: str | None


def events(text: str) -> list[Event]:
    """The file's tags and text runs with their character offsets; DocumentError for bad XML."""
    data = text.encode("utf-8")
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")
    parser.buffer_text = False
    found: list[Event] = []
    position = [0, 0]  # byte, character: expat's byte offsets only grow, so one pass converts them

    def offset() -> int:
        byte = parser.CurrentByteIndex
        position[1] += len(data[position[0]:byte].decode("utf-8"))
        position[0] = byte
        return position[1]

    parser.StartElementHandler = lambda name, attrs: found.append(Event("start", offset(), local(name), attrs))
    parser.EndElementHandler = lambda name: found.append(Event("end", offset(), local(name)))
    parser.CharacterDataHandler = lambda data_: found.append(Event("data", offset(), text=data_))
    parser.CommentHandler = lambda _: found.append(Event("other", offset()))
    parser.ProcessingInstructionHandler = lambda *_: found.append(Event("other", offset()))
    parser.StartCdataSectionHandler = lambda: found.append(Event("other", offset()))
    parser.EndCdataSectionHandler = lambda: found.append(Event("other", offset()))
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise DocumentError(f"not well-formed XML: {expat.ErrorString(error.code)} at line {error.lineno}, "
                            f"column {error.offset + 1}", error.lineno) from None
    found.append(Event("other", len(text)))
    return found


def local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


class Reader:
    """The events of one file, the view being painted, and the segments found."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.events = events(text)
        self.view = list(blank_all(text))
        self.segments: list[Segment] = []
        self.source_language: str | None = None
        self.target_language: str | None = None
        self.languages: set[str] = set()  # TMX: the source languages of the units found

    def span_end(self, index: int) -> int:
        return self.events[index + 1].offset

    def content(self, index: int, paint: bool) -> tuple[str, list[str], list[Code], int, int]:
        """From the start tag at ``index`` to its end tag: the decoded text, the inline codes
        (names, and as spans), the content's start and end; with ``paint``, the target's prose
        is copied into the view (and its codes blanked there)."""
        depth, inside_code = 0, 0
        pieces: list[str] = []
        names: list[str] = []
        codes: list[Code] = []
        start = self.span_end(index)
        for position in range(index + 1, len(self.events)):
            event = self.events[position]
            if event.kind == "start":
                depth += 1
                if event.name in CODE_ELEMENTS:
                    inside_code += 1
                    code = code_name(event)
                    names.append(code)
                    codes.append(Code(code, event.offset, self.element_end(position)))
                    self.fill(event.offset, self.span_end(position), PLACEHOLDER, paint)
                elif event.name in MARKUP_ELEMENTS:
                    names.append(code_name(event))
                    codes.append(Code(code_name(event), event.offset, self.span_end(position)))
            elif event.kind == "end":
                if depth == 0:
                    return "".join(pieces), names, codes, start, event.offset
                depth -= 1
                if event.name in CODE_ELEMENTS:
                    inside_code -= 1
                    self.fill(event.offset, self.span_end(position), PLACEHOLDER, paint)
            elif event.kind == "data":
                if inside_code:
                    self.fill(event.offset, self.span_end(position), PLACEHOLDER, paint)
                else:
                    pieces.append(event.text)
                    if paint:
                        self.copy(event, self.span_end(position))
        raise DocumentError("an element is not closed")  # expat refuses such files first

    def element_end(self, index: int) -> int:
        depth = 0
        for position in range(index + 1, len(self.events)):
            kind = self.events[position].kind
            if kind == "start":
                depth += 1
            elif kind == "end":
                if depth == 0:
                    return self.span_end(position)
                depth -= 1
        return len(self.text)

    def copy(self, event: Event, end: int) -> None:
        raw = self.text[event.offset:end]
        if raw.startswith("&") and event.text != raw:  # an entity: its character, then spaces
            char = event.text if event.text not in "\r\n" else " "
            self.view[event.offset:end] = [char] + [" "] * (end - event.offset - 1)
        else:  # text as in the file (expat turns CRLF into LF; the view keeps the file's)
            self.view[event.offset:end] = list(raw)

    def fill(self, start: int, end: int, filler: str, paint: bool = True) -> None:
        if not paint:
            return
        for index in range(start, end):
            if self.text[index] not in "\r\n":
                self.view[index] = filler

    def separate(self, offset: int) -> None:
        """After a target, a paragraph break in the view (over its end tag), so no phrase,
        doubled word or grammar chunk runs from one unit into the next."""
        for index in range(offset, min(offset + 2, len(self.view))):
            self.view[index] = "\n"


def code_name(event: Event) -> str:
    ident = next((event.attributes[key] for key in ("id", "i", "x", "startRef") if key in event.attributes), "")
    return f"<{event.name} {ident}>" if ident else f"<{event.name}>"


def blank_all(text: str) -> str:
    return "".join(char if char in "\r\n" else " " for char in text)


def read_xliff(text: str) -> Located:
    reader = Reader(text)
    unit_id, segment_id, source = "", "", None
    stack: list[str] = []
    for index, event in enumerate(reader.events):
        if event.kind == "end":
            stack.pop()
            if event.name in ("trans-unit", "segment") and source is not None and unit_id:
                # a source with no target: the unit is reported where its translation belongs
                reader.segments.append(Segment(joined(unit_id, segment_id), source[0], source[2], source[2],
                                               tuple(source[1]), has_target=False, source_start=source[3],
                                               source_end=source[2]))
            continue
        if event.kind != "start":
            continue
        container = stack[-1] if stack else ""
        stack.append(event.name)
        attributes = event.attributes
        if event.name == "xliff" and "srcLang" in attributes:
            reader.source_language, reader.target_language = attributes.get("srcLang"), attributes.get("trgLang")
        elif event.name == "file" and "source-language" in attributes:
            reader.source_language = reader.source_language or attributes.get("source-language")
            reader.target_language = reader.target_language or attributes.get("target-language")
        elif event.name in ("trans-unit", "unit"):
            unit_id, segment_id, source = attributes.get("id", str(len(reader.segments) + 1)), "", None
            if attributes.get("restype") == "x-gettext-domain-header":
                unit_id = ""  # a PO header carried over by po2xliff: not a translation
        elif event.name == "segment":
            segment_id, source = attributes.get("id", ""), None
        elif event.name == "source" and container in ("trans-unit", "segment"):
            decoded, names, _, start, end = reader.content(index, paint=False)
            source = (decoded, names, end, start)
        elif event.name == "target" and container in ("trans-unit", "segment") and unit_id and source:
            _, _, codes, start, end = reader.content(index, paint=True)
            reader.segments.append(Segment(joined(unit_id, segment_id), source[0], start, end, tuple(source[1]),
                                           tuple(codes), start < end, source[3], source[2]))
            reader.separate(end)
            source = None
    return Located(reader.segments, "".join(reader.view), reader.source_language, reader.target_language)


def joined(unit: str, segment: str) -> str:
    return f"{unit}::{segment}" if segment else unit


def read_tmx(text: str) -> Located:
    reader = Reader(text)
    events_ = reader.events
    header_language: str | None = None
    unit_language: str | None = None
    unit_id = ""
    variants: list[list] = []  # [language, index of its <seg> start event]
    count = 0
    for index, event in enumerate(events_):
        if event.kind == "start" and event.name == "header":
            header_language = event.attributes.get("srclang")
        elif event.kind == "start" and event.name == "tu":
            count += 1
            unit_id = event.attributes.get("tuid", str(count))
            unit_language, variants = event.attributes.get("srclang", header_language), []
        elif event.kind == "start" and event.name == "tuv":
            variants.append([event.attributes.get(XML_LANG) or event.attributes.get("lang", ""), None])
        elif event.kind == "start" and event.name == "seg" and variants:
            variants[-1][1] = index
        elif event.kind == "end" and event.name == "tu":
            add_tmx_unit(reader, unit_id, unit_language, variants)
    # The units' own srclang says more than the header's (po2tmx writes srclang="en" there).
    used = {primary(language) for language in reader.languages}
    declared = used.pop() if len(used) == 1 else header_language
    return Located(reader.segments, "".join(reader.view), None if declared == "*all*" else declared, "en")


def add_tmx_unit(reader: Reader, unit_id: str, language: str | None, variants: list) -> None:
    source = next((found for lang, found in variants
                   if found is not None and language and primary(lang) == primary(language)), None)
    target = next((found for lang, found in variants if found is not None and primary(lang) == "en"), None)
    if source is None or target is None or source == target:
        return
    decoded, names, _, source_start, source_end = reader.content(source, paint=False)
    _, _, codes, start, end = reader.content(target, paint=True)
    reader.segments.append(Segment(unit_id, decoded, start, end, tuple(names), tuple(codes), start < end,
                                   source_start, source_end))
    reader.languages.add(language or "")
    reader.separate(end)
