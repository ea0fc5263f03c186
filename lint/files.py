"""Which files a run reads: paths given, folders walked, standard input as '-'."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from . import gitignore
from .document import Document, DocumentError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


def expand(paths: list[str], excluded: Callable[[str], bool] = lambda path: False) -> Iterator[str | FileError]:
    """Files to lint, in a stable order: given files as they are, folders walked for
    articles (.txt, .md, .html), skipping hidden entries and what .gitignore ignores.
    Files the rules file excludes are left out, named or found. A missing path is an error."""
    for path in paths:
        if path == STDIN:
            yield path
        elif os.path.isfile(path):
            if not excluded(path):
                yield path
        elif os.path.isdir(path):
            yield from (found for found in gitignore.walk(path, is_article) if not excluded(found))
        elif os.path.exists(path):
            yield FileError(path, "not a regular file or folder")
        else:
            yield FileError(path, "no such file or folder")


def is_article(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


def read(path: str) -> Document:
    """Read and decode one file (or standard input); DocumentError says what is wrong."""
    if path == STDIN:
        return Document.from_bytes(STDIN_NAME, sys.stdin.buffer.read())
    return Document.from_bytes(path, read_bytes(path))


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read: {error.strerror}") from None
