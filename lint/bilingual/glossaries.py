"""Glossary files: TBX (2 and 3) and CSV, read into source term -> English renderings.

TBX is read with lxml rather than translate-toolkit's tbx store, which keeps one term per
language and takes the first language as the source whatever its xml:lang says: a real
termbase has several terms per language (synonyms, abbreviations) and any order.
"""

from __future__ import annotations

import csv
import io

from lxml import etree  # type: ignore[import-untyped]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class GlossaryError(ValueError):
    """A glossary file that cannot be read; the message says why."""


def read(path: str) -> dict[str, tuple[str, ...]]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise GlossaryError(f"cannot read {path}: {error.strerror}") from None
    terms = from_tbx(data, path) if path.lower().endswith((".tbx", ".xml")) else from_csv(data, path)
    if not terms:
        raise GlossaryError(f"{path} has no term with an English rendering")
    return terms


def local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def from_tbx(data: bytes, path: str) -> dict[str, tuple[str, ...]]:
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise GlossaryError(f"{path} is not well-formed TBX: {error}") from None
    terms: dict[str, tuple[str, ...]] = {}
    for entry in root.iter():
        if local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        by_language: dict[str, list[str]] = {}
        for group in entry:
            if local(group.tag) in ("langSet", "langSec"):
                language = (group.get(XML_LANG) or group.get("lang") or "").lower()
                by_language.setdefault(language[:2], []).extend(
                    "".join(term.itertext()).strip() for term in group.iter() if local(term.tag) == "term")
        english = tuple(term for term in by_language.pop("en", []) if term)
        for terms_of_language in by_language.values():
            for term in terms_of_language:
                if term and english:
                    add(terms, term, english)
    return terms


def add(terms: dict[str, tuple[str, ...]], term: str, renderings: tuple[str, ...]) -> None:
    """A term a glossary lists more than once (for several English terms) allows them all."""
    terms[term] = tuple(dict.fromkeys([*terms.get(term, ()), *renderings]))


def from_csv(data: bytes, path: str) -> dict[str, tuple[str, ...]]:
    """Rows of a source term and its renderings (more columns, or one cell split at |)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GlossaryError(f"{path} is not UTF-8 text") from None
    terms: dict[str, tuple[str, ...]] = {}
    for row in csv.reader(io.StringIO(text)):
        cells = [cell.strip() for cell in row if cell.strip()]
        if len(cells) < 2 or cells[0].startswith("#") or cells[0].lower() in ("source", "term"):
            continue
        add(terms, cells[0], tuple(part.strip() for cell in cells[1:] for part in cell.split("|") if part.strip()))
    return terms
