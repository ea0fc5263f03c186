"""Results of unchanged files, kept between runs, for CI that checks a whole edition on every
pull request.

A file's findings are reused when nothing they depend on has changed: its bytes, its path and
the rules (and severities) that apply to it there, the rules file, the words that rules and
``ignore_file`` lists accept, the rules selected, copydesk's version and the versions of the
engines and libraries that read the text. Anything else is a miss, and the file is checked.

Rules with ``scope: batch`` look at every file of a run. Each file's batch summary is cached
by its bytes alone, and its findings under the combined summary of the whole run as well: an
unchanged edition reuses everything, and a change that alters what the batch learns (a new
spelling, one more file) checks every file again.

Entries are small JSON files under ``<folder>/<first two hex digits>/<key>.json``, written to
a temporary file and renamed into place, so runs in parallel never see half an entry; an
entry that cannot be read or makes no sense is a miss and is written again. The folder gets a
``.gitignore`` and a ``CACHEDIR.TAG`` so that git and backup tools leave it alone. Nothing is
ever deleted: remove the folder to reclaim its space.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from .finding import Finding
from .formats.json import read_finding, stored_object
from .linter import Selection
from .ruleset import RuleSet
from .version import __version__

FORMAT = 2  # of the entries; a change of layout or meaning starts a fresh cache
DEFAULT_FOLDER = ".copydesk_cache"
# Libraries whose reading of a text shapes the findings (the engines name their own versions).
LIBRARIES = ("regex", "markdown-it-py", "mdit-py-plugins", "linkify-it-py", "rapidfuzz")
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# copydesk's cache of results: see its README\n"


@dataclass(frozen=True)
class Cache:
    folder: Path
    run: str  # digest of everything the results of a run depend on, besides each file

    @classmethod
    def open(cls, folder: str | Path, rules: RuleSet, selection: Selection) -> Cache:
        run = digest(FORMAT, __version__, rules.digest, sorted(rules.accepted), rules.engines(),
                     [(name, _version(name)) for name in LIBRARIES], sorted(selection.select), sorted(selection.ignore))
        return cls(Path(folder), run)

    def key(self, *parts: Any) -> str:
        return digest(self.run, *parts)

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or None."""
        try:
            with open(self._path(key), "rb") as handle:
                return json.loads(handle.read())
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store a JSON value; a cache that cannot be written is no cache, never an error."""
        path = self._path(key)
        try:
            if not path.parent.is_dir():
                self._prepare()
                path.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(json.dumps(value, ensure_ascii=False).encode("utf-8"))
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass

    def findings(self, key: str) -> tuple[list[Finding], list[str]] | None:
        """A file's findings and notes (on its suppression comments) stored under ``key``, or None."""
        entry = self.get(key)
        if not isinstance(entry, dict) or not isinstance(entry.get("notes"), list) or not all(
                isinstance(note, str) for note in entry["notes"]):
            return None
        stored = entry.get("findings")
        if not isinstance(stored, list):
            return None
        findings = []
        for value in stored:
            finding = read_finding(value)
            if finding is None:  # not what keep() wrote: a miss
                return None
            findings.append(finding)
        return findings, entry["notes"]

    def keep(self, key: str, findings: list[Finding], notes: list[str]) -> None:
        self.put(key, {"findings": [stored_object(finding) for finding in findings], "notes": notes})

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _prepare(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", "# created by copydesk\n*\n"), ("CACHEDIR.TAG", TAG)):
            if not (self.folder / name).exists():
                (self.folder / name).write_text(text, encoding="utf-8")


def digest(*parts: Any) -> str:
    """A hash of JSON values and bytes, each part kept apart from the next."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, ensure_ascii=False).encode("utf-8")
        hashed.update(len(data).to_bytes(8, "little") + data)
    return hashed.hexdigest()


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
