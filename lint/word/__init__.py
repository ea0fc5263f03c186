"""Word documents (.docx): read as prose, annotated with Word comments, fixed in place.

A .docx is read as its paragraphs in reading order — headings, list items, table cells row
by row — one paragraph per line of the document's text, so a finding's ``line`` is the
paragraph's number and its ``column`` the character in that paragraph. Runs are joined
whatever their formatting ("Hif" in bold and "ter" is one word). Tracked changes read as if
all were accepted: inserted text is checked, deleted text is not. Footnotes and endnotes,
headers and footers, and comments already in the file are skipped unless the rules file asks
for them; they then follow the body, so the body's paragraph numbers never change::

    docx:
      include: [footnotes, headers, comments]

An old binary .doc, a password-protected or damaged .docx, and a zip archive that is not a
Word document are each an error for that file, saying what to do; the other files are checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..document import Document

if TYPE_CHECKING:
    from .package import WordFile

SUFFIXES = (".docx", ".doc")
REFUSED = (".doc",)  # walked only to say that an old binary Word file cannot be read
STORIES = ("footnotes", "headers", "comments")  # what a rules file may add to the body


def is_word(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def read(path: str, data: bytes, include: frozenset[str] = frozenset(), limit: int = 10 * 2**20) -> Document:
    """The document's text: its paragraphs joined by line feeds (DocumentError if it is not a .docx)."""
    # python-docx is loaded only when a Word file is checked
    from .package import open_word

    return document_of(path, open_word(data, include, limit))


def document_of(path: str, word: WordFile) -> Document:
    return Document(path, "\n".join(paragraph.text for paragraph in word.paragraphs()))


def parse_include(value: Any) -> frozenset[str]:
    """The rules file's ``docx: {include: [...]}``; ValueError says what is wrong."""
    if not isinstance(value, dict) or set(value) - {"include"}:
        raise ValueError("'docx' takes one key, 'include': a list of what to read besides the body "
                         f"({', '.join(STORIES)})")
    include = value.get("include", [])
    include = [include] if isinstance(include, str) else include
    if not isinstance(include, list) or any(item not in STORIES for item in include):
        raise ValueError(f"'docx: include' lists what to read besides the body, from: {', '.join(STORIES)}")
    return frozenset(include)

