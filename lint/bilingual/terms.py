"""Finding a glossary term in a source text, as the source language writes its words.

Arabic and Persian: diacritics (harakat), tatweel and the hamza forms of alef are ignored
(أ إ آ ٱ → ا, ى → ي, ة → ه, ك → ک and ي → ی for Persian), and a word may carry the clitics و ف
(and), ب ل ك (in, for, as) and the article ال before it ("وبالحكومة" is "حكومة"). Turkish and
Russian words match by their Snowball stem ("Cumhurbaşkanının" is "Cumhurbaşkanı",
"правительством" is "правительство"); Ukrainian by a light suffix stripper.
"""

from __future__ import annotations

import functools

import regex
import snowballstemmer

WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u0640]+(?:['’][\p{L}]+)*")  # a ZWNJ (U+200C) ends a word: بیماری‌ها
ARABIC_MARKS = regex.compile(r"[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
CONJUNCTIONS, PREPOSITIONS, ARTICLE = ("و", "ف"), ("ب", "ل", "ك"), "ال"
STEMMERS = {"tr": "turkish", "ru": "russian"}
# As arabic_form writes them (ی as ي): هایی, های, ها, ای, ی, ان
PERSIAN_ENDINGS = ("هايي", "هاي", "ها", "اي", "ي", "ان")
UKRAINIAN_ENDINGS = sorted(["ами", "ями", "ові", "еві", "ого", "ому", "ими", "іми", "ах", "ях", "ам", "ям", "ом", "ем",
                            "ів", "их", "им", "ій", "ої", "ою", "ею", "а", "я", "у", "ю", "і", "и", "е", "о", "й", "ь"],
                           key=len, reverse=True)


def arabic_form(word: str) -> str:
    return ARABIC_MARKS.sub("", word).translate(ARABIC_LETTERS)


def arabic_readings(word: str) -> set[str]:
    """The word and the word without each possible run of clitics before it."""
    word = arabic_form(word)
    readings = {word}
    for conjunction in ("", *CONJUNCTIONS):
        if not word.startswith(conjunction):
            continue
        rest = word[len(conjunction):]
        for preposition in ("", *PREPOSITIONS):
            if not rest.startswith(preposition):
                continue
            bare = rest[len(preposition):]
            if preposition == "ل" and bare.startswith("ل"):  # لل = ل + ال
                bare = "ال" + bare[1:]
            readings.add(bare)
            if bare.startswith(ARTICLE):
                readings.add(bare[2:])
    return {reading for reading in readings if len(reading) >= 2}


def bare_term_word(word: str) -> str:
    word = arabic_form(word)
    return word[2:] if word.startswith(ARTICLE) and len(word) > 3 else word


@functools.lru_cache(maxsize=4)
def stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS[language])


def stem(word: str, language: str) -> str:
    lowered = (word.replace("I", "ı").replace("İ", "i") if language == "tr" else word).lower()
    lowered = regex.sub(r"['’].*$", "", lowered)  # Turkish suffixes after an apostrophe: Meclis'te
    if language in STEMMERS:
        return stemmer(language).stemWord(lowered)
    if language == "uk":
        ending = next((end for end in UKRAINIAN_ENDINGS if lowered.endswith(end) and len(lowered) - len(end) >= 3), "")
        return lowered[:len(lowered) - len(ending)]
    return lowered


def word_keys(word: str, language: str) -> frozenset[str]:
    """The forms under which a source word is looked up."""
    if language == "fa":  # Persian suffixes: plural ها, ezafe and indefinite ی (بیماری‌های, ویروسی)
        readings = arabic_readings(word)
        return frozenset(readings | {reading[:-len(ending)] for reading in readings for ending in PERSIAN_ENDINGS
                                     if reading.endswith(ending) and len(reading) - len(ending) >= 3})
    if language == "ar":
        return frozenset(arabic_readings(word))
    if language in ("tr", "ru", "uk"):
        return frozenset({stem(word, language)})
    return frozenset({word.casefold()})


def term_keys(term: str, language: str) -> list[str]:
    """The form of each word of a glossary term, as ``word_keys`` would find it."""
    words = [match.group() for match in WORD.finditer(term)]
    if language in ("ar", "fa"):
        return [bare_term_word(word) for word in words]
    if language in ("tr", "ru", "uk"):
        return [stem(word, language) for word in words]
    return [word.casefold() for word in words]


class SourceWords:
    """A source segment's words, indexed by their forms: a glossary of thousands of terms is
    looked up in it at the cost of a set look-up per term."""

    def __init__(self, text: str, language: str) -> None:
        self.language = language
        self.keys = [word_keys(match.group(), language) for match in WORD.finditer(text)]
        self.positions: dict[str, list[int]] = {}
        for index, keys in enumerate(self.keys):
            for key in keys:
                self.positions.setdefault(key, []).append(index)

    def same(self, index: int, key: str) -> bool:
        if key in self.keys[index]:
            return True
        if self.language != "tr":
            return False
        # Snowball's Turkish stems differ by a letter between forms ("Cumhurbaşka", "Cumhurbaşkan")
        return any(len(shorter) >= 4 and longer.startswith(shorter) and len(longer) - len(shorter) <= 2
                   for found in self.keys[index] for shorter, longer in [sorted((found, key), key=len)])

    def has(self, keys: list[str]) -> bool:
        if not keys:
            return False
        starts = self.positions.get(keys[0], ()) if self.language != "tr" else range(len(self.keys))
        return any(start + len(keys) <= len(self.keys)
                   and all(self.same(start + offset, key) for offset, key in enumerate(keys)) for start in starts)


def contains(text: str, term: str, language: str) -> bool:
    """Whether the term's words occur in the text in a row (each as the language inflects it)."""
    return SourceWords(text, language).has(term_keys(term, language))
