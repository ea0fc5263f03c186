"""Which source language a bilingual file or article pair is in, and the ones copydesk knows."""

from __future__ import annotations

import unicodedata

from ..document import DocumentError

# Source languages the bilingual checks understand (digits, clitics, stems, transliteration).
SUPPORTED = {"ar": "Arabic", "fa": "Persian", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian"}
PERSIAN_LETTERS = set("پچژگکی")
UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")
TURKISH_LETTERS = set("ğışİĞŞ")


def primary(tag: str) -> str:
    """The language of a tag such as ar-LY, ar_EG or tr: its first subtag, lower-cased."""
    return tag.replace("_", "-").split("-", 1)[0].strip().lower()


def resolve(declared: str | None, configured: str | None, where: str = "the file") -> str:
    """The source language: the file's own, else the rules file's ``source_language``; a
    language copydesk does not know, a mismatch, or none at all is a DocumentError."""
    language = primary(declared) if declared else None
    wanted = primary(configured) if configured else None
    if language and wanted and language != wanted:
        raise DocumentError(f"{where} says its source language is {declared!r}, but the rules file's "
                            f"source_language is {configured!r}: correct one of them")
    found = language or wanted
    if not found:
        raise DocumentError(f"{where} does not say its source language: set source_language "
                            f"({', '.join(SUPPORTED)}) in the rules file")
    if found not in SUPPORTED:
        given = declared if language else configured
        raise DocumentError(f"source language {given!r} is not one copydesk checks translations from "
                            f"(it knows {', '.join(f'{code} ({name})' for code, name in SUPPORTED.items())})")
    return found


def guess(text: str) -> str | None:
    """The source language of an article by its letters (for an article pair without
    ``source_language``): Arabic or Persian script, Cyrillic (Russian or Ukrainian), Turkish."""
    counts = {"arabic": 0, "cyrillic": 0, "turkish": 0, "persian": 0, "ukrainian": 0}
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("ARABIC"):
            counts["arabic"] += 1
            counts["persian"] += char in PERSIAN_LETTERS
        elif name.startswith("CYRILLIC"):
            counts["cyrillic"] += 1
            counts["ukrainian"] += char in UKRAINIAN_LETTERS
        elif char in TURKISH_LETTERS:
            counts["turkish"] += 1
    if counts["arabic"] >= max(counts["cyrillic"], 1):
        return "fa" if counts["persian"] * 20 > counts["arabic"] else "ar"
    if counts["cyrillic"]:
        return "uk" if counts["ukrainian"] * 50 > counts["cyrillic"] else "ru"
    return "tr" if counts["turkish"] else None
