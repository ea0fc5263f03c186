"""The word lists behind the dictionary, in a compact form built once per machine.

Reading them from their libraries takes about half a second at every start (pyspellchecker's
gzipped JSON, wordfreq's lists, and importing wordfreq, which imports langcodes and ftfy); the
same words, marshalled into one file of the user's cache folder (``$XDG_CACHE_HOME/copydesk``,
else ``~/.cache/copydesk``), load in a twentieth of that. The file is named by the versions of
both libraries, so an upgrade builds a new one; it is written to a temporary file and renamed
into place, so two runs starting at once never read half of it. marshal reads data only (it
runs no code), and anything but the two word tables it was written with — a damaged or foreign
file — is ignored and built again. A cache folder that cannot be written costs only the time.
Other tables read from a library's data files (codespell's lists) are kept the same way, by
``table``.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

FORMAT = 1  # bumped when what the file holds changes

Lists = tuple[dict[str, int], dict[str, float]]


def folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "copydesk"


def path() -> Path:
    versions = f"pyspellchecker-{metadata.version('pyspellchecker')}-wordfreq-{metadata.version('wordfreq')}"
    return folder() / f"english-{versions}-{FORMAT}.marshal"


def load() -> Lists:
    """(pyspellchecker's words -> frequency, wordfreq's common words -> frequency)."""
    return kept(path(), from_libraries, valid)


def table(name: str, build: Callable[[], dict]) -> dict:
    """A table (a dict of data) that ``build`` makes, kept under ``name``, which must carry the
    versions of the data it is made from."""
    return kept(folder() / f"{name}-{FORMAT}.marshal", build, lambda found: isinstance(found, dict) and bool(found))


def kept(where: Path, build: Callable[[], Any], valid: Callable[[object], bool]) -> Any:
    """What ``where`` holds if ``valid`` accepts it, else what ``build`` makes, saved there."""
    try:
        found = marshal.loads(where.read_bytes())
        if valid(found):
            return found
    except (OSError, EOFError, ValueError, TypeError):
        pass
    made = build()
    save(where, made)
    return made


def valid(lists: object) -> bool:
    return (isinstance(lists, tuple) and len(lists) == 2
            and all(isinstance(part, dict) and part for part in lists))


def from_libraries() -> Lists:
    import wordfreq
    from spellchecker import SpellChecker

    frequencies = dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)
    return frequencies, dict(wordfreq.get_frequency_dict("en", wordlist="small"))


def save(where: Path, lists: Lists | dict) -> None:
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=where.parent, prefix=".english-")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(marshal.dumps(lists))
        os.replace(temporary, where)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
