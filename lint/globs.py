"""Path globs with git's wildmatch rules (as in .gitignore), relative to a folder.

Used by the rules file's ``exclude`` and ``overrides`` (relative to the rules
file's folder) and by .gitignore files (relative to their own folder).
"""

from __future__ import annotations

import os
import re

import pathspec


class GlobError(ValueError):
    """A glob git would not accept; the message says which, ``index`` where in the list."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


class Globs:
    def __init__(self, patterns: list[str], base: str) -> None:
        for index, pattern in enumerate(patterns):
            try:
                pathspec.GitIgnoreSpec.from_lines([pattern])
            # pathspec's GitWildMatchPatternError is a ValueError; re.error: a range such as [z-a]
            except (ValueError, re.error):
                raise GlobError(f"{pattern!r} is not a path glob such as 'archive/**' or '*.draft.md' "
                                "(check its [ ] ranges, \\ escapes and !)", index) from None
        self.spec = pathspec.GitIgnoreSpec.from_lines(patterns)
        self.base = os.path.abspath(base)

    def matches(self, path: str) -> bool:
        """Whether a file matches. A file outside the base folder is taken relative to
        the current folder; a document without a file name (standard input) matches nothing."""
        relative = self.relative(path)
        return relative is not None and self.spec.match_file(relative)

    def verdict(self, path: str, is_dir: bool = False) -> bool | None:
        """True: ignored; False: re-included by a ! pattern; None: no pattern speaks of it."""
        relative = self.relative(path)
        if relative is None:
            return None
        return self.spec.check_file(relative + ("/" if is_dir else "")).include

    def relative(self, path: str) -> str | None:
        if path.startswith("<"):
            return None
        relative = os.path.relpath(os.path.abspath(path), self.base)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            relative = os.path.normpath(path)
        return relative.replace(os.sep, "/")
