"""Folder walks that skip what git ignores, reading .gitignore files as git does.

Every .gitignore counts for its own folder and below, its patterns relative to
that folder; a deeper file overrides a higher one, and within a file the last
matching pattern wins (so ``!keep.md`` re-includes). The .gitignore files of the
folders above the walked one count too, up to the top of its git repository. A
file in an ignored folder stays ignored, as in git.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import NamedTuple

from .globs import GlobError, Globs

GITIGNORE = ".gitignore"


class Unreadable(NamedTuple):
    """A folder the walk could not list, and why."""

    path: str
    reason: str


def walk(folder: str) -> Iterator[str | Unreadable]:
    """Files under a folder, in a stable order (each folder's files by name, then its
    folders by name), skipping hidden and ignored entries.
    A link to a file is a file, even a link to nothing (reading it says so); links
    to folders are not followed, so a walk never loops."""
    yield from _walk(folder, _inherited(folder))


def _walk(folder: str, levels: list[Globs]) -> Iterator[str | Unreadable]:
    levels = levels + _read(folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield Unreadable(folder, error.strerror or str(error))
        return
    visible = [entry for entry in entries if not entry.name.startswith(".")]
    for entry in visible:
        if _file(entry) and not ignored(entry.path, False, levels):
            yield entry.path
    for entry in visible:
        if entry.is_dir(follow_symlinks=False) and not ignored(entry.path, True, levels):  # as os.walk: no loops
            yield from _walk(entry.path, levels)


def _file(entry: os.DirEntry) -> bool:
    """A file, or a link to nothing (listed, to be reported); never a pipe or a device."""
    try:
        return entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))
    except OSError:  # links that go round in a loop
        return entry.is_symlink()


def ignored(path: str, is_dir: bool, levels: list[Globs]) -> bool:
    for globs in reversed(levels):  # the deepest .gitignore that speaks of the path decides
        verdict = globs.verdict(path, is_dir)
        if verdict is not None:
            return verdict
    return False


def _read(folder: str) -> list[Globs]:
    try:
        with open(os.path.join(folder, GITIGNORE), encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return []
    try:
        return [Globs(lines, folder)]
    except GlobError:  # git skips a pattern it cannot read; so do we
        return [Globs([line for line in lines if _valid(line)], folder)]


def _valid(line: str) -> bool:
    try:
        Globs([line], ".")
    except GlobError:
        return False
    return True


def _inherited(folder: str) -> list[Globs]:
    """The .gitignore files of the folders above this one, top of the repository first."""
    above: list[str] = []
    current = os.path.abspath(folder)
    while True:
        parent = os.path.dirname(current)
        if os.path.exists(os.path.join(current, ".git")) or parent == current:
            break
        above.append(parent)
        current = parent
    if not os.path.exists(os.path.join(current, ".git")):
        return []  # not in a git repository: only the walked tree's own .gitignore files
    return [globs for path in reversed(above) for globs in _read(path)]
