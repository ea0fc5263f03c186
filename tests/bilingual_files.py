"""Bilingual files written by translate-toolkit (its storage classes and its converters)
from segments the tests give: (unit id, source, target) triples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from translate.storage import pypo, tmx, xliff, xliff2

Units = list[tuple[str, str, str]]


def write_xliff1(path: Path, units: Units, source_language: str = "ar") -> Path:
    store = xliff.xlifffile(sourcelanguage=source_language, targetlanguage="en")
    for ident, source, target in units:
        unit = store.addsourceunit(source)
        unit.setid(ident)
        if target is not None:
            unit.target = target
    path.write_bytes(bytes(store))
    return path


def write_xliff2(path: Path, units: Units, source_language: str = "ar") -> Path:
    store = xliff2.Xliff2File(sourcelanguage=source_language)
    store.settargetlanguage("en")
    for ident, source, target in units:
        unit = store.addsourceunit(source)
        unit.setid(ident)
        unit.target = target
    path.write_bytes(bytes(store))
    return path


def write_po(path: Path, units: Units, source_language: str | None = "ar") -> Path:
    store = pypo.pofile()
    header = {"Language": "en"} | ({"X_Source_Language": source_language} if source_language else {})
    store.updateheader(add=True, **header)
    for ident, source, target in units:
        unit = store.addsourceunit(source)
        unit.setcontext(ident)
        unit.target = target
    path.write_bytes(bytes(store))
    return path


def write_tmx(path: Path, units: Units, source_language: str = "ar") -> Path:
    store = tmx.tmxfile(sourcelanguage=source_language, targetlanguage="en")
    for _, source, target in units:
        store.addtranslation(source, source_language, target, "en")
    path.write_bytes(bytes(store))
    return path


def convert(tool: str, source: Path, output: Path, *options: str) -> Path:
    """Run one of translate-toolkit's converters (po2xliff, po2tmx) as a user would."""
    subprocess.run([sys.executable, "-m", f"translate.convert.{tool}", *options, str(source), str(output)],
                   check=True, capture_output=True)
    return output


WRITERS = {"xliff1": (write_xliff1, ".xlf"), "xliff2": (write_xliff2, ".xliff"), "po": (write_po, ".po"),
           "tmx": (write_tmx, ".tmx")}


def write(kind: str, folder: Path, units: Units, name: str = "story", **options) -> Path:
    writer, suffix = WRITERS[kind]
    return writer(folder / f"{name}{suffix}", units, **options)
