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

WORD = regex.compile(r"[\p{L}\p{M}\u0640]+(?:['’][\p{L}]+)*")
ARABIC_MARKS = regex.compile(r"[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
CONJUNCTIONS, PREPOSITIONS, ARTICLE = ("و", "ف"), ("ب", "ل", "ك"), "ال"
STEMMERS = {"tr": "turkish", "ru": "russian"}
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


def same_word(text_word: str, term_word: str, language: str) -> bool:
    if language in ("ar", "fa"):
        return bare_term_word(term_word) in arabic_readings(text_word)
    if language in ("tr", "ru", "uk"):
        a, b = stem(text_word, language), stem(term_word, language)
        shorter, longer = sorted((a, b), key=len)
        # Snowball's Turkish stems differ by a letter between forms ("Cumhurbaşka", "Cumhurbaşkan")
        return a == b or (language == "tr" and len(shorter) >= 4 and longer.startswith(shorter)
                          and len(longer) - len(shorter) <= 2)
    return text_word.casefold() == term_word.casefold()


def contains(text: str, term: str, language: str) -> bool:
    """Whether the term's words occur in the text in a row (each as the language inflects it)."""
    wanted = [match.group() for match in WORD.finditer(term)]
    found = [match.group() for match in WORD.finditer(text)]
    if not wanted:
        return False
    return any(all(same_word(found[index + offset], word, language) for offset, word in enumerate(wanted))
               for index in range(len(found) - len(wanted) + 1))
