"""Bilingual files read with translate-toolkit: which units there are and in which language.

translate-toolkit (the field's standard reader of XLIFF, PO and TMX) parses and validates the
file and names its units; ``xmlview`` and ``poview`` find where each target's characters are,
which no reader of these formats reports. The two readings are compared unit for unit, so
a file the two read differently is an error rather than findings in the wrong place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..document import Document, DocumentError
from . import poview, xmlview
from .segment import Segment

SUFFIXES = {".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".tmx": "tmx"}
XLIFF2 = "urn:oasis:names:tc:xliff:document:2."


@dataclass(frozen=True)
class Bilingual:
    """A bilingual file's prose view (only the targets' text) and its segments."""

    view: str
    segments: tuple[Segment, ...]
    source_language: str | None


def kind(path: str) -> str | None:
    return SUFFIXES.get(os.path.splitext(path)[1].lower())


def read(document: Document) -> Bilingual:
    """The view and segments of an XLIFF, PO or TMX document; DocumentError if it is not one."""
    form = kind(document.path) or "xliff"
    data = document.text.encode("utf-8")
    if form == "po":
        store = parsed("po", data)
        ids = [unit.getid().replace("\x04", " | ") for unit in store.units
               if not unit.isheader() and not unit.isobsolete()]
        segments, view = poview.read_po(document, ids)
        return Bilingual(view, tuple(segments), store.parseheader().get("X-Source-Language") or None)
    located = (xmlview.read_tmx if form == "tmx" else xmlview.read_xliff)(document.text)
    store = parsed(form if form == "tmx" or XLIFF2 not in document.text[:4096] else "xliff2", data)
    declared = [unit for unit in store.units if not is_header(unit)]
    if form != "tmx" and len(declared) != len(located.segments):
        raise DocumentError(f"translate-toolkit read {len(declared)} units and copydesk {len(located.segments)}: "
                            "the file may not be XLIFF")
    if not located.segments:
        raise DocumentError("no translation units with an English target in this file" if form == "tmx"
                            else "no translation units in this file")
    target = located.target_language
    if target and not target.lower().startswith("en"):
        raise DocumentError(f"the target language is {target!r}: copydesk checks English translations")
    return Bilingual(located.view, tuple(located.segments), located.source_language)


def is_header(unit) -> bool:
    element = getattr(unit, "xmlelement", None)
    return element is not None and element.get("restype") == "x-gettext-domain-header"


def parsed(form: str, data: bytes):
    """The translate-toolkit store; its parse errors as DocumentError."""
    from translate.storage import pypo, tmx, xliff, xliff2  # only when such a file is checked
    from translate.storage.poparser import PoParseError
    store_class: Any = {"po": pypo.pofile, "tmx": tmx.tmxfile, "xliff": xliff.xlifffile,
                        "xliff2": xliff2.Xliff2File}[form]
    try:
        return store_class.parsestring(data)
    except PoParseError as error:
        raise DocumentError(f"not a valid PO file: {error}") from None
    except Exception as error:  # lxml's and translate-toolkit's own errors for a file they cannot read
        raise DocumentError(f"cannot read this {form.upper().rstrip('2')} file: {error}") from None
