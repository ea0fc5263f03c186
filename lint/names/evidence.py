"""What a text says of a word being a name: capitals (in mid-sentence, not at a sentence start
or in an all-capitals headline), its shape (acronyms, brands) and the English dictionary."""

from __future__ import annotations

import functools

import regex

from ..engines.dictionary import load
from ..words import fold, is_all_caps
from .particles import ARTICLES, HYPHENED_ARTICLES

# A word this common in English is an English word even when capitalised (May, Park, Brown).
ORDINARY_FREQUENCY = 1000
INNER_CAPITAL = regex.compile(r"(?<=\p{Ll})\p{Lu}")
SCOTTISH = regex.compile(r"Ma?c\p{Lu}")  # McDonald, MacArthur: inner capitals of a name
LINE = regex.compile(r"[^\r\n]+")
SENTENCE_END = ".!?:;…"
TITLES = "Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Prof|Sen|Rep|Gov|Sheikh|St|Mt|Hon"
TITLE_BEFORE = regex.compile(rf"(?<![\p{{L}}.])(?:{TITLES})\.$")  # "Mr. Talal": no sentence ends there
OPENERS = "\"'“‘«([{*•–—-_ \t"


@functools.lru_cache(maxsize=1 << 16)
def name_evidence(stem: str, in_headline: bool, language: str) -> tuple[bool, bool]:
    """Whether a word (without its possessive) may be a name, wherever it stands, and whether
    the English dictionary knows it. Memoised: a text names the same people many times."""
    if len(stem) < 2 or not stem[0].isupper() or any(map(str.isdigit, stem)):
        return False, False
    if is_all_caps(stem.removesuffix("s")) and not in_headline:
        return False, False  # an acronym (SANA, MPs): never a spelling of a name
    if INNER_CAPITAL.search(stem) and not SCOTTISH.match(stem):
        return False, False  # a brand or a hashtag (WeBank, BrexitDay), not a transliteration
    dictionary = load(language)
    key = fold(stem)
    if dictionary.frequencies.get(key, 0) >= ORDINARY_FREQUENCY or key in ARTICLES | HYPHENED_ARTICLES:
        return False, False
    return True, dictionary.known(key)


def established(word: str, language: str = "en-US") -> bool:
    """A one-word spelling the English dictionary knows (Kiev, Gaddafi, Gaza)."""
    return " " not in word and "-" not in word and load(language).known(fold(word))


def starts_sentence(text: str, offset: int) -> bool:
    """Whether a word begins a sentence, a heading or a paragraph (where capitals say nothing)."""
    index = offset - 1
    line_breaks = 0
    while index >= 0 and (text[index] in OPENERS or text[index] in "\r\n"):
        if text[index] == "\n" or (text[index] == "\r" and text[index + 1:index + 2] != "\n"):
            line_breaks += 1
        index -= 1
    if index < 0 or line_breaks > 1:
        return True
    if text[index] in SENTENCE_END:
        # "Mr. Talal", "Gen. Haftar": a title's full stop does not end the sentence.
        return not (text[index] == "." and line_breaks == 0 and TITLE_BEFORE.search(text, max(0, index - 6), index + 1))
    # A single line break: a new line after a heading-like line, or a wrapped sentence.
    return line_breaks == 1 and not (text[index].isalnum() or text[index] in ",")


def caps_lines(text: str) -> list[tuple[int, int]]:
    """Where the lines written all in capitals (headlines) are: (start, end) offsets."""
    return [match.span() for match in LINE.finditer(text) if is_all_caps(match.group())]


def within(spans: list[tuple[int, int]], offset: int) -> bool:
    return bool(spans) and any(start <= offset < end for start, end in spans)
