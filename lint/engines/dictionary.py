"""The offline English dictionary behind the spelling rule.

Words come from pyspellchecker's English word-frequency list (about 160,000
words, American spelling); British spellings are accepted for en-GB and its
relatives by mapping them to the American form (colour -> color, realise ->
realize, centre -> center, travelled -> traveled). Suggestions are the known
words within two edits (a transposition counts as one), most frequent first,
found with rapidfuzz among words of similar length.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from importlib import metadata

import regex
from rapidfuzz import process
from rapidfuzz.distance import OSA

BRITISH_DIALECTS = ("en-GB", "en-AU", "en-NZ", "en-IE", "en-ZA", "en-IN")

# Regular British -> American differences; each is tried on its own.
_AMERICAN_FORMS = [
    (regex.compile(r"our(?=s?$|ite|able|ed|ing|er|ful|less)"), "or"),
    (regex.compile(r"is(?=e$|es$|ed$|ing$|ation|er$|ers$)"), "iz"),
    (regex.compile(r"ys(?=e$|es$|ed$|ing$|is$)"), "yz"),
    (regex.compile(r"tre(?=s?$|d$)"), "ter"),
    (regex.compile(r"ogue(?=s?$)"), "og"),
    (regex.compile(r"ence(?=s?$)"), "ense"),
    (regex.compile(r"(?<=[aeiou])ll(?=ed$|ing$|er$|ers$)"), "l"),
    (regex.compile(r"amme(?=s?$)"), "am"),
    (regex.compile(r"(?<=[^aeiou])ae"), "e"),
]


class Dictionary:
    def __init__(self, language: str) -> None:
        from spellchecker import SpellChecker

        self.language = language
        self.frequencies: dict[str, int] = SpellChecker(language="en", distance=1).word_frequency.dictionary
        self.british = language in BRITISH_DIALECTS
        self.description = f"pyspellchecker {metadata.version('pyspellchecker')} ({language})"

    @functools.lru_cache(maxsize=65536)
    def known(self, word: str) -> bool:
        """Whether a folded (lower-case, straight-apostrophe) word is English."""
        if word in self.frequencies:
            return True
        return self.british and any(
            pattern.sub(american, word) in self.frequencies
            for pattern, american in _AMERICAN_FORMS if pattern.search(word))

    @functools.cached_property
    def _by_length(self) -> dict[int, list[str]]:
        buckets: dict[int, list[str]] = defaultdict(list)
        for word in self.frequencies:
            buckets[len(word)].append(word)
        return buckets

    @functools.lru_cache(maxsize=16384)
    def suggest(self, word: str, max_distance: int = 2) -> tuple[tuple[str, int], ...]:
        """Known words near a folded word, as (word, edits), nearest and most used first."""
        pool = [candidate for length in range(len(word) - max_distance, len(word) + max_distance + 1)
                for candidate in self._by_length.get(length, ())]
        found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=max_distance, limit=None)
        ranked = sorted(found, key=lambda item: (item[1], -self.frequencies[item[0]]))
        return tuple((candidate, int(distance)) for candidate, distance, _ in ranked)


@functools.lru_cache(maxsize=None)
def load(language: str) -> Dictionary:
    """One dictionary per language and process: loading it takes a tenth of a second."""
    return Dictionary(language)
