"""Words of a text, with their offsets, and the normal forms used to compare them.

Words are runs of letters, combining marks and digits, with inner apostrophes
(don't, O'Brien, Hifter’s). Comparison ignores case and Unicode normalisation
(Erdoğan typed as one code point or as g + combining breve is one word), but
offsets always point into the text as read.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import NamedTuple

import regex

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*")
POSSESSIVE = regex.compile(r"['’]s$|(?<=s)['’]$", regex.IGNORECASE)
DASHES = "-‐‑‒–—―"
ASCII_LOWER = regex.compile(r"[a-z]")


class Word(NamedTuple):  # a named tuple: immutable, and the quickest to make (a text has many)
    start: int
    end: int
    text: str
    stem_end: int  # end without a possessive suffix: Hifter’s -> Hifter


def words(text: str) -> list[Word]:
    found: list[Word] = []
    append = found.append
    for match in WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        possessive = POSSESSIVE.search(word) if "'" in word or "’" in word else None
        append(Word(start, end, word, start + possessive.start() if possessive else end))
    return found


def normalize(text: str) -> str:
    """NFC with one kind of apostrophe: the form in which two spellings compare equal."""
    return unicodedata.normalize("NFC", text).replace("’", "'")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The case-blind comparison form of a word or phrase."""
    return normalize(text).casefold()


def fold_separator(between: str) -> str | None:
    """How the text between two words of a phrase compares, or None if it ends the phrase.

    Spacing (one line break at most) compares as one space and any dash as a
    hyphen, so "al-Sisi", "al–Sisi" and "Fathi\\nBashagha" match their rule forms.
    Other short punctuation is kept (U.S. Army); a blank line or longer text is a break.
    """
    if len(between) > 4 or between.count("\n") + between.count("\r") > 1:
        return None
    stripped = between.strip()
    if not stripped:
        return " "
    if all(char in DASHES for char in stripped):
        return "-"
    return fold(regex.sub(r"\s+", " ", between))


def is_all_caps(text: str) -> bool:
    if ASCII_LOWER.search(text):
        return False  # most words and lines: no need to look at every letter
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def match_case(template: str, replacement: str) -> str:
    """Give a replacement the case of the text it replaces (HIFTER -> HAFTAR)."""
    if is_all_caps(template):
        return replacement.upper()
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def plural(count: float, noun: str) -> str:
    """A count with its noun in agreement, for messages: 1 file, 3 files, 0.5 seconds;
    "info" (a severity) is a mass noun: 3 info."""
    return f"{count:g} {noun}" if count == 1 or noun == "info" else f"{count:g} {noun}s"
