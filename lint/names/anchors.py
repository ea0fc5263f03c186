"""Which source name an English spelling renders: the source word with the same sounds.

Arabic and Cyrillic letters are mapped to the coarse consonant classes of
``transliteration`` (the skeleton: q/g/k/j one class, h/kh, d/dh/th/z, s/sh, f/v/w, b/p),
as English spellings are; short vowels, which Arabic does not write, and long vowels and
glides, which English spells many ways, are left out. An English name in a target segment
renders the word of its source segment whose skeleton is the same (or, from four consonants
on, one edit away). Arabic clitics and the article (و ب ل ال) are tried off (the reading that fits with the
fewest letters taken off is the source name); و and ي may be a
consonant or a vowel, so both readings are tried. A Turkish source is Latin already.
"""

from __future__ import annotations

import functools
import itertools

import regex
from rapidfuzz.distance import Levenshtein

from ..bilingual.segment import Segment
from ..bilingual.terms import arabic_form, arabic_readings, stem
from .evidence import established
from .transliteration import fold_letters, is_derivation, spelling

SOURCE_WORD = regex.compile(r"[\p{L}\p{M}]+")
ARABIC_CLASSES = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "d", "د": "d", "ذ": "d", "ز": "d", "ض": "d", "ظ": "d",
    "ج": "k", "ق": "k", "ك": "k", "ک": "k", "گ": "k", "غ": "k", "ژ": "k", "ح": "h", "خ": "h", "ه": "h",
    "ر": "r", "س": "s", "ش": "s", "ص": "s", "چ": "s", "ف": "v", "ل": "l", "م": "m", "ن": "n",
}
CYRILLIC_CLASSES = {
    "б": "b", "п": "b", "в": "v", "ф": "v", "г": "k", "ґ": "k", "к": "k", "ж": "k", "д": "d", "з": "d",
    "т": "t", "л": "l", "м": "m", "н": "n", "р": "r", "с": "s", "ш": "s", "щ": "s", "ч": "s", "ц": "ts",
    "х": "h",
}
OPTIONAL = {"و": "v", "ي": "", "ی": ""}  # و is w or a vowel; ي y or a vowel (y is no class)


def squeeze(skeleton: str) -> str:
    """One symbol for a run of the same class (doubled letters, kh after h)."""
    return "".join(symbol for symbol, _ in itertools.groupby(skeleton))


@functools.lru_cache(maxsize=1 << 15)
def source_readings(word: str, language: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The readings of a source word (without each possible run of Arabic clitics; a
    Turkish or Russian stem) with the skeletons each may have (و and ي read both ways)."""
    if language in ("ar", "fa"):
        found = []
        for reading in sorted(arabic_readings(word) | {arabic_form(word)}, key=len):
            bare = reading[:-1] if reading.endswith(("ه", "ة")) and len(reading) > 2 else reading
            options = [[ARABIC_CLASSES[char]] if char in ARABIC_CLASSES else
                       (["", OPTIONAL[char]] if char in OPTIONAL else [""]) for char in bare]
            if sum(len(option) > 1 for option in options) > 4:
                options = [option[:1] for option in options]
            skeletons = {squeeze("".join(choice)) for choice in itertools.product(*options)}
            # English drops a final ح or ه after a vowel (Saleh, Fallujah: the h is silent).
            skeletons |= {skeleton[:-1] for skeleton in skeletons if skeleton.endswith("h")}
            found.append((reading, frozenset(skeleton for skeleton in skeletons if skeleton)))
        return tuple(found)
    if language in ("ru", "uk"):
        classes = dict(CYRILLIC_CLASSES, г="h") if language == "uk" else CYRILLIC_CLASSES
        skeleton = squeeze("".join(classes.get(char, "") for char in word.lower()))
        return ((fold_letters(stem(word, language)), frozenset({skeleton} - {""})),)
    return ((fold_letters(stem(word, language)), frozenset({english_skeleton(word)} - {""})),)


@functools.lru_cache(maxsize=1 << 15)
def english_skeleton(name: str) -> str:
    return squeeze(spelling(name).skeleton)


def close(english: str, source: frozenset[str]) -> int | None:
    """How many edits the nearest reading of the source is from an English skeleton (None: too far)."""
    limit = 1 if len(english) >= 4 else 0
    best = min((Levenshtein.distance(english, skeleton, score_cutoff=limit) for skeleton in source), default=None)
    return best if best is not None and best <= limit else None


def anchor(name: str, source_words: list[str], language: str) -> str | None:
    """The source word (in the reading the English renders: كندا for Canada, not the ندا left
    when its first letter is taken for a clitic) that an English name renders, or None when
    no word, or more than one equally near, does."""
    skeleton = english_skeleton(name)
    if len(skeleton) < 2:
        return None
    scored = []
    for word in source_words:
        readings = [(distance, reading) for reading, skeletons in source_readings(word, language)
                    if (distance := close(skeleton, skeletons)) is not None]
        if readings:
            best = min(distance for distance, _ in readings)
            # The longest reading that fits: the fewest letters taken for clitics.
            scored.append((best, max((reading for distance, reading in readings if distance == best), key=len)))
    if not scored:
        return None
    best = min(distance for distance, _ in scored)
    keys = {key for distance, key in scored if distance == best}
    return keys.pop() if len(keys) == 1 else None


def source_words(text: str) -> list[str]:
    return [match.group() for match in SOURCE_WORD.finditer(text)]


def anchored(spans: dict[str, list[tuple[int, int]]], text: str, segments: tuple[Segment, ...],
             language: str) -> dict[str, set[str]]:
    """Spelling key -> the source names its uses render (in the segments they are in)."""
    ordered = sorted((segment for segment in segments if segment.source.strip() and segment.has_target),
                     key=lambda segment: segment.start)
    words = {id(segment): source_words(segment.source) for segment in ordered}
    found: dict[str, set[str]] = {}
    for key, uses in spans.items():
        for start, end in uses:
            segment = next((s for s in ordered if s.start <= start < s.end), None)
            if segment is not None and (name := anchor(text[start:end], words[id(segment)], language)):
                found.setdefault(key, set()).add(name)
    return found


def one_source_name(key: str, shown: dict[str, str], rank: list[str], sources: dict[str, set[str]],
                    language: str) -> tuple[str, str] | None:
    """The spelling (key) that leads the renderings of a source name this spelling renders
    too (ranked before it: used more, or first), and that name; however rarely each is used."""
    for name in sorted(sources.get(key, ())):
        for other in rank:
            if other == key:
                break
            if name in sources.get(other, ()) and may_join(shown[key], shown[other], language):
                return other, name
    return None


def may_join(mine: str, theirs: str, language: str) -> bool:
    """Whether two renderings of one source word may be one name: not one word and its
    derivation (Iraq, Iraqi), not two words on one stem (Coronaviridae, Coronaviruses); words
    the dictionary knows join only each other, with the same consonants (Omar, Amer), not a
    word it does not know (Italy, Attilio)."""
    first, second = spelling(mine), spelling(theirs)
    if first.body == second.body or is_derivation(first.body, second.body) or shared_stem(mine, theirs):
        return False
    known = established(mine, language) + established(theirs, language)
    return known == 0 or (known == 2 and english_skeleton(mine) == english_skeleton(theirs))


def shared_stem(a: str, b: str, length: int = 6) -> bool:
    """Two words on one stem with endings of their own (Coronaviridae, Coronaviruses)."""
    first, second = fold_letters(a), fold_letters(b)
    pairs = enumerate(zip(first, second, strict=False))
    common = next((index for index, (x, y) in pairs if x != y), min(len(first), len(second)))
    return common >= length and len(first) - common >= 2 and len(second) - common >= 2
