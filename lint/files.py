"""Which files a run reads: paths given, folders walked, standard input as '-'."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .document import Document, DocumentError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class FileError:
    path: str
    message: str


def expand(paths: list[str]) -> Iterator[str | FileError]:
    """Files to lint, in a stable order: given files as they are, folders walked for
    articles (.txt, .md, .html), hidden folders skipped. A missing path is an error."""
    for path in paths:
        if path == STDIN or os.path.isfile(path):
            yield path
        elif os.path.isdir(path):
            yield from _walk(path)
        elif os.path.exists(path):
            yield FileError(path, "not a regular file or folder")
        else:
            yield FileError(path, "no such file or folder")


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield os.path.join(root, name)


def read(path: str) -> Document:
    """Read and decode one file (or standard input); DocumentError says what is wrong."""
    if path == STDIN:
        return Document.from_bytes(STDIN_NAME, sys.stdin.buffer.read())
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read: {error.strerror}") from None
    return Document.from_bytes(path, data)
