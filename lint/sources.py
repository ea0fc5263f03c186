"""--source: which source file goes with each article checked.

A source file goes with the one article given; a source folder holds files at the same
relative paths as the articles in the folders given (``--source ar/ en/``: ``en/a/x.txt``
is checked against ``ar/a/x.txt``), and an article named on its own is matched by its name.
"""

from __future__ import annotations

import os

from .files import FileError


class SourceError(ValueError):
    """A --source that cannot go with the paths given (a usage error)."""


def match(source: str, paths: list[str], targets: list) -> tuple[dict[str, str], list[FileError]]:
    """Article path -> source path, and the articles that have no source (errors, not skipped)."""
    articles = [target for target in targets if isinstance(target, str) and target != "-"]
    if len(articles) != len([t for t in targets if not isinstance(t, FileError)]):
        raise SourceError("--source cannot go with standard input: name the article's file")
    if os.path.isfile(source):
        if len(articles) != 1:
            raise SourceError(f"--source {source} is one file, but {len(articles)} articles were given: give one "
                              "article, or a source folder whose files match the articles by relative path")
        return {articles[0]: source}, []
    if not os.path.isdir(source):
        raise SourceError(f"--source {source}: no such file or folder")
    found, missing = {}, []
    folders = [path for path in paths if os.path.isdir(path)]
    for article in articles:
        under = next((folder for folder in folders if is_under(article, folder)), None)
        relative = os.path.relpath(article, under) if under else os.path.basename(article)
        candidate = os.path.join(source, relative)
        if os.path.isfile(candidate):
            found[article] = candidate
        else:
            missing.append(FileError(article, f"no source for this article: {candidate} does not exist "
                                              "(a source folder's files match the articles by relative path)"))
    return found, missing


def is_under(path: str, folder: str) -> bool:
    return os.path.commonpath([os.path.abspath(path), os.path.abspath(folder)]) == os.path.abspath(folder)
