"""--fix and --diff: apply the unambiguous suggestions of names and substitution rules.

A finding is fixed when it says it is ``fixable``: its check type is (names and
substitution are) and it has only one suggestion. A fix never rewrites markup: a
finding whose text spans anything but prose (a tag, an emphasis mark) is left for
the copy editor. Writing is safe: the new text goes to a temporary
file in the same folder, gets the original's permissions, and is renamed over
the original only if the file is still exactly as it was read; otherwise the
file is left alone and the run reports it. Killed at any moment, a fix leaves
the old text or the new, never a mix; a temporary file it leaves behind is
hidden (walks skip it) and removed by the next fix of that file. Fixing again
changes nothing.
"""

from __future__ import annotations

import contextlib
import difflib
import glob
import hashlib
import os
import stat
import tempfile

from .document import Document, encode
from .files import Reading, read_at_most
from .finding import Finding

TEMPORARY = ".copydesk"  # suffix of the new text before it is renamed over the file


class FixError(Exception):
    """A file that could not be fixed; the message says why, for a person."""


def apply(document: Document, prose: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """The document's text with the fixable findings fixed, and which findings those were."""
    pieces, position, fixed = [], 0, []
    for finding in sorted(findings):
        start, end = finding.start, finding.end
        if not finding.fixable or start < position or prose[start:end] != document.text[start:end]:
            continue
        pieces += [document.text[position:start], finding.suggestions[0]]
        position = end
        fixed.append(finding)
    return "".join(pieces) + document.text[position:], fixed


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff as git shows one (a/ and b/ names, a note where a last line has no line end)."""
    name = os.path.normpath(path).replace(os.sep, "/")
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)


class Snapshot:
    """A file's bytes and state as read, to tell later whether it changed."""

    def __init__(self, path: str, reading: Reading = Reading()) -> None:
        self.path = os.path.realpath(path)  # fix the file itself, never replace a symbolic link
        self.encoding = reading.encoding
        before = os.stat(self.path)
        with open(self.path, "rb") as handle:
            self.data = read_at_most(handle, reading.max_bytes)
        self.stamp = (before.st_mtime_ns, before.st_size)
        self.digest = hashlib.sha256(self.data).digest()
        self.mode = stat.S_IMODE(before.st_mode)

    def changed(self) -> bool:
        now = os.stat(self.path)
        if (now.st_mtime_ns, now.st_size) != self.stamp:
            return True
        with open(self.path, "rb") as handle:
            return hashlib.sha256(handle.read()).digest() != self.digest

    def replace(self, text: str) -> None:
        """Write the fixed text over the file, keeping its encoding and permissions."""
        try:
            data = encode(text, self.data, self.encoding)
        except UnicodeEncodeError as error:
            raise FixError(f"the fix needs {text[error.start:error.end]!r}, which {error.encoding} cannot hold; "
                           "not fixed (save the file as UTF-8 to fix it)") from None
        self.write(data)

    def write(self, data: bytes) -> None:
        """Write these bytes over the file (atomically, keeping its permissions), unless it changed."""
        folder, name = os.path.split(self.path)
        remove_leftovers(folder, name)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.{os.getpid()}-", suffix=TEMPORARY)
        try:
            with os.fdopen(handle, "wb") as output:
                output.write(data)
                output.flush()
                os.fsync(output.fileno())
            os.chmod(temporary, self.mode)
            if self.changed():
                raise FixError("changed by someone else since copydesk read it; not fixed (check it again)")
            os.replace(temporary, self.path)  # atomic: whoever opens the file reads the old text or the new
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        sync_folder(folder)


def remove_leftovers(folder: str, name: str) -> None:
    """Delete the temporary files a --fix of this file left when it was killed mid-write:
    those of processes that no longer run. (Hidden and without an article's suffix, they
    are never checked meanwhile.)"""
    for leftover in glob.glob(os.path.join(glob.escape(folder), f".{glob.escape(name)}.*-*{TEMPORARY}")):
        pid = os.path.basename(leftover)[len(name) + 2:].split("-", 1)[0]
        if pid.isdigit() and not running(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def sync_folder(folder: str) -> None:
    """Make the rename itself durable (a power cut after it keeps the new text)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:  # some file systems cannot sync a folder; the rename stands regardless
        pass
    finally:
        os.close(descriptor)
