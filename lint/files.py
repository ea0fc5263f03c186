"""Which files a run reads: paths given, folders walked, standard input as '-'."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from . import gitignore, word
from .document import Document, DocumentError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", *word.SUFFIXES, ".xlf", ".xliff", ".po", ".tmx")
STDIN = "-"
STDIN_NAME = "<stdin>"
MEGABYTE = 2**20
# Files above this are refused, not checked: checking takes some 1.3 s and 45 MB of memory per MB
# of text dense with findings (see README, "When things go wrong"); articles are tens of kB.
MAX_FILE_BYTES = 10 * MEGABYTE
BROKEN_LINK = "a symbolic link to nothing (its target is missing, or the links go round in a loop)"


@dataclass(frozen=True)
class Reading:
    """How files are read: the encoding of files without a byte-order mark (None: UTF-8),
    and the size above which a file is refused."""

    encoding: str | None = None
    max_bytes: int = MAX_FILE_BYTES


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


@dataclass(frozen=True)
class Skipped:
    """A file a folder walk passed over: of a kind copydesk does not read (``kind`` is its
    suffix, such as ".pdf"), or one the rules file excludes (``kind`` is None)."""

    path: str
    kind: str | None


def expand(paths: list[str], excluded: Callable[[str], bool] = lambda path: False,
           ) -> Iterator[str | FileError | Skipped]:
    """Files to lint, in a stable order: given files as they are, folders walked for
    articles (.txt, .md, .html, .docx; .doc to say it cannot be read), skipping hidden entries
    and what .gitignore ignores.
    Files the rules file excludes are left out, named or found, and so are the files of a
    walk that are of another kind; both are yielded as Skipped, for the run to count.
    A missing path is an error."""
    for path in paths:
        if path == STDIN:
            yield path
        elif os.path.isfile(path):
            yield Skipped(path, None) if excluded(path) else path
        elif os.path.isdir(path):
            for found in gitignore.walk(path):
                if isinstance(found, gitignore.Unreadable):
                    yield FileError(found.path, f"cannot read this folder: {found.reason}; its files were not checked")
                elif not is_article(found):
                    yield Skipped(found, kind(found))
                else:
                    yield Skipped(found, None) if excluded(found) else found
        elif os.path.exists(path):
            yield FileError(path, "not a regular file or folder")
        elif os.path.islink(path):
            yield FileError(path, BROKEN_LINK)
        else:
            yield FileError(path, "no such file or folder")


def is_article(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


def kind(path: str) -> str:
    """What a file is, as a person names it: its suffix (".pdf"), or "no suffix"."""
    return os.path.splitext(path)[1].lower() or "no suffix"


def readable_kinds() -> str:
    return ", ".join(suffix for suffix in ARTICLE_SUFFIXES if suffix not in word.REFUSED)


def read(path: str, reading: Reading = Reading()) -> Document:
    """Read and decode one file (or standard input); DocumentError says what is wrong."""
    if path == STDIN:
        return Document.from_bytes(STDIN_NAME, read_at_most(sys.stdin.buffer, reading.max_bytes), reading.encoding)
    return Document.from_bytes(path, read_bytes(path, reading.max_bytes), reading.encoding)


def document(path: str, data: bytes, reading: Reading = Reading(), parts: frozenset[str] = frozenset()) -> Document:
    """A file's bytes as a document: a Word file's paragraphs (with these ``parts`` besides
    the body), else the text in its encoding."""
    if word.is_word(path):
        return word.read(path, data, parts, reading.max_bytes)
    return Document.from_bytes(path, data, reading.encoding)


def read_bytes(path: str, limit: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return read_at_most(handle, limit)
    except OSError as error:
        raise DocumentError(cannot_read(path, error)) from None


def read_at_most(handle: BinaryIO, limit: int) -> bytes:
    """A file's bytes, or DocumentError if it has more than ``limit`` (never reading more)."""
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, ValueError):  # no file behind it (a test's standard input)
        size = 0
    data = handle.read(limit + 1) if size <= limit else b""
    if size > limit or len(data) > limit:
        shown = f"{amount(size)}, " if size > limit else ""
        raise DocumentError(f"{shown}larger than the {amount(limit)} limit: not checked (an article is tens of "
                            "kB; if this file is one, raise --max-file-size)")
    return data


def amount(count: int) -> str:
    """A size as a person reads it: 21 kB, 10 MB, 10.5 MB."""
    return f"{count / 1024:.0f} kB" if count < MEGABYTE else f"{count / MEGABYTE:.3g} MB"


def cannot_read(path: str, error: OSError) -> str:
    if os.path.islink(path) and error.errno in (errno.ENOENT, errno.ELOOP):
        return BROKEN_LINK
    return f"cannot read: {error.strerror}"
