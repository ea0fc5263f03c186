"""How names get transliterated into English, and whether two spellings are one name.

A spelling is reduced to a sequence of sounds: diacritics, case, apostrophes,
hyphens and spaces go; letters that stand for one sound become one symbol
(kh, gh, sh, ch, dh, th, zh, dj, ph, ck, ou, oo, ei, ay...); doubled letters
become single. Two spellings are then aligned with a weighted edit distance
whose costs follow the usual ways one name is spelled differently: vowels that
come and go or change (a/e/i, o/u), q/k/g, dh/d/th/z, kh/h, sh/ch, j/g,
glides (y, w, h), transposed letters. Consonants that have nothing to do with
each other cost a full edit.

Short names have little room for change: "Salah" and "Saleh", "Hassan" and
"Hussein", "Omar" and "Amer" are different names. How much a pair may differ
grows with the number of consonants (see ``allowance``); the figures were tuned
on a set of real variant pairs and real look-alike pairs (bench/variants_eval.py).
rapidfuzz finds the few pairs worth aligning among all the names of a batch.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

from .particles import ARTICLES, STRIPPED

# Letters that Unicode does not decompose into a base letter and a mark.
_PLAIN = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe",
                        "ð": "d", "þ": "th", "ŀ": "l", "ʿ": "", "ʾ": "", "ʻ": "", "'": "", "’": "",
                        "‘": "", "`": "", "´": ""})
_SEPARATORS = regex.compile(r"[\s\-‐‑‒–—―]+")

# A name with and without its article (al-Mishri/Mishri, ash-Sharaa) is compared without it;
# fused, only al/el (Almishri).
_FUSED_ARTICLE = regex.compile(rf"^(?:{'|'.join(sorted(ARTICLES))})(?=[^aeiouy])")

CONSONANT_GROUPS = [  # longest first; each maps to one symbol
    ("sch", "S"), ("tch", "S"), ("dzh", "j"), ("dt", "t"), ("dj", "j"), ("zh", "j"), ("kh", "x"), ("gh", "g"),
    ("sh", "S"), ("ch", "S"), ("dh", "D"), ("th", "T"), ("ph", "f"), ("ck", "k"),
    ("c", "k"), ("x", "ks"), ("w", "v"),
]
VOWEL_CLUSTERS = {  # a run of vowel letters -> one vowel symbol
    "a": "a", "aa": "a", "e": "e", "i": "i", "ee": "i", "ii": "i", "ie": "i", "y": "i", "iy": "i", "yi": "i",
    "o": "o", "oo": "u", "u": "u", "ou": "u", "uu": "u", "oe": "o",
    "ai": "ai", "ay": "ai", "ei": "ai", "ey": "ai", "aye": "ai",
    "au": "au", "aw": "au", "ow": "o", "ew": "u", "ea": "i", "ae": "ai", "ue": "u", "ua": "wa", "oa": "wa", "uo": "o",
}
VOWELS = "aeiouy"

# Substitution costs between sound symbols; a pair not listed costs 1 (consonants)
# or VOWEL_CHANGE (vowels).
_SIMILAR = {
    ("e", "i"): 0.15, ("o", "u"): 0.15, ("a", "e"): 0.5, ("a", "i"): 0.6, ("a", "o"): 0.6, ("a", "u"): 0.7,
    ("ai", "e"): 0.3, ("wa", "a"): 0.3, ("wa", "o"): 0.4, ("x", "q"): 0.4, ("x", "g"): 0.5, ("ai", "i"): 0.3,
    ("ai", "a"): 0.4, ("au", "o"): 0.2, ("au", "u"): 0.3, ("au", "a"): 0.4,
    ("k", "g"): 0.4, ("k", "x"): 0.4, ("x", "h"): 0.3, ("g", "j"): 0.4, ("g", "h"): 0.6,
    ("d", "D"): 0.2, ("T", "D"): 0.2, ("d", "T"): 0.3, ("t", "T"): 0.3, ("D", "z"): 0.3, ("T", "s"): 0.4,
    # voiced/voiceless pairs (Mahmoud/Mahmout, Ahmed/Ahmet, Rajab/Recep): cheap, one of the
    # commonest ways a name from Turkish, Russian or Persian differs
    ("d", "z"): 0.5, ("d", "t"): 0.4, ("s", "z"): 0.4, ("s", "S"): 0.4, ("j", "S"): 0.6, ("j", "z"): 0.5,
    ("v", "f"): 0.5, ("b", "p"): 0.4, ("v", "b"): 0.6, ("Y", "j"): 0.5, ("k", "q"): 0.2, ("q", "g"): 0.3,
}
SIMILAR = {**_SIMILAR, **{(b, a): cost for (a, b), cost in _SIMILAR.items()}}
VOWEL_CHANGE = 0.6
VOWEL_GAP = 0.5      # a vowel that comes or goes (Misrata/Misurata, Zawahiri/Zawahri)
DIPHTHONG_GAP = 0.8
CONSONANT_GAP = 1.3  # more than any vowel change: a name of four consonants never gains a fifth
TRANSPOSITION = 0.6
GLIDES = {"Y": 0.2, "h": 0.3, "v": 0.4}  # y, h, w that come or go (Haniyeh/Hanieh, Yevgeny/Evgeny)


@dataclass(frozen=True)
class Spelling:
    """A name as compared: its article (if any) and the sounds of the rest."""

    article: bool
    body: str                    # folded letters, no article, separators or apostrophes
    sounds: tuple[str, ...]      # one symbol per sound
    consonants: int

    @functools.cached_property  # spellings are memoised, and compared with many others
    def skeleton(self) -> str:
        """Consonant classes only: the coarse key that rapidfuzz compares first."""
        return "".join(_COARSE.get(sound, sound) for sound in self.sounds if not is_vowel(sound))


_COARSE = {"q": "k", "g": "k", "x": "h", "D": "d", "T": "d", "z": "d", "S": "s", "j": "k", "Y": "", "v": "v", "f": "v",
           "p": "b"}


def fold_letters(text: str) -> str:
    """Lower case, no diacritics or apostrophes: Kılıçdaroğlu -> kilicdaroglu."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).translate(_PLAIN)


def split_article(folded: str) -> tuple[bool, str]:
    """('al-mishri' | 'almishri' | 'al mishri') -> (True, 'mishri')."""
    parts = [part for part in _SEPARATORS.split(folded) if part]
    if len(parts) > 1 and parts[0] in STRIPPED:
        return True, "".join(parts[1:])
    joined = "".join(parts)
    fused = _FUSED_ARTICLE.match(joined)
    if len(parts) == 1 and fused and len(joined) >= 6:
        return True, joined[2:]
    return False, joined


@functools.lru_cache(maxsize=65536)
def spelling(name: str) -> Spelling:
    article, body = split_article(fold_letters(name))
    sounds = tuple(_sounds(body))
    return Spelling(article, body, sounds, sum(1 for sound in sounds if not is_vowel(sound)))


def is_vowel(sound: str) -> bool:
    return sound[0] in "aeiou"


def _sounds(body: str) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if not char.isalpha():
            index += 1
            continue
        if char in "uw" and 0 < index < len(body) - 1 and body[index - 1] in "aeio" and body[index + 1] in "aei":
            _add(out, "v")
            index += 1
            continue
        if char in VOWELS or (char == "w" and index > 0 and body[index - 1] in VOWELS
                              and (index + 1 == len(body) or body[index + 1] not in VOWELS)):
            end = index + 1
            while end < len(body) and (body[end] in "aeiou" or (body[end] == "y" and _vowel_y(body, end))
                                       or (body[end] == "w" and (end + 1 == len(body) or body[end + 1] not in VOWELS))):
                end += 1
            if char == "y" and not _vowel_y(body, index):
                _add(out, "Y")
                index += 1
                continue
            _add(out, _vowel_run(body[index:end]))
            index = end
            continue
        for letters, symbol in CONSONANT_GROUPS:
            if body.startswith(letters, index):
                for sound in symbol:
                    _add(out, sound)
                index += len(letters)
                break
        else:
            _add(out, char)
            index += 1
    # A final h after a vowel is silent in English spellings (Fallujah/Falluja, Raqqah/Raqqa).
    if len(out) > 2 and out[-1] == "h" and is_vowel(out[-2]):
        out.pop()
    return out


def _vowel_y(body: str, index: int) -> bool:
    """A y between consonants or at the end is a vowel (Kyiv, Zelensky); before a vowel a consonant."""
    return index + 1 == len(body) or body[index + 1] not in "aeiou"


def _vowel_run(run: str) -> list[str]:
    if run in VOWEL_CLUSTERS:
        return [VOWEL_CLUSTERS[run]]
    if run[:2] in VOWEL_CLUSTERS and len(run) > 2:
        return [VOWEL_CLUSTERS[run[:2]], *_vowel_run(run[2:])]
    return [VOWEL_CLUSTERS.get(letter, letter) for letter in run]


def _add(out: list[str], sounds: list[str] | str) -> None:
    for sound in sounds:
        if not out or out[-1] != sound:  # doubled letters are one sound
            out.append(sound)


def _gap(sound: str, final: bool) -> float:
    if is_vowel(sound):
        if len(sound) > 1:
            return DIPHTHONG_GAP  # Shanghai/Chang
        return 0.3 if final and sound == "e" else VOWEL_GAP
    return GLIDES.get(sound, CONSONANT_GAP)


def _change(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if (a, b) in SIMILAR:
        return SIMILAR[(a, b)]
    return VOWEL_CHANGE if is_vowel(a) and is_vowel(b) else CONSONANT_GAP + (0.0 if is_vowel(a) == is_vowel(b) else 0.5)


def distance(a: tuple[str, ...], b: tuple[str, ...], cutoff: float = math.inf) -> float:
    """Weighted edit distance between two sound sequences (with transpositions); once it
    must exceed ``cutoff``, some figure above ``cutoff`` instead of the exact one."""
    gaps_a, gaps_b = _gaps(a), _gaps(b)
    before: list[float] = []  # the rows two and one above this one
    previous = [0.0] * (len(b) + 1)
    for j in range(1, len(b) + 1):
        previous[j] = previous[j - 1] + gaps_b[j - 1]
    for i in range(1, len(a) + 1):
        sound, gap = a[i - 1], gaps_a[i - 1]
        row = [previous[0] + gap] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            other = b[j - 1]
            change = _CHANGES.get((sound, other))
            if change is None:
                change = _CHANGES[sound, other] = _change(sound, other)
            best = min(previous[j] + gap, row[j - 1] + gaps_b[j - 1], previous[j - 1] + change)
            if i > 1 and j > 1 and sound == b[j - 2] and a[i - 2] == other:
                best = min(best, before[j - 2] + TRANSPOSITION)
            row[j] = best
        # Costs are never negative and a cell looks back two rows at most (a transposition):
        # when two rows in a row are all above the cutoff, so is every cell after them.
        if min(row) > cutoff and min(previous) > cutoff:
            return min(row)
        before, previous = previous, row
    return previous[-1]


_CHANGES: dict[tuple[str, str], float] = {}  # _change of each pair of sounds, as met


@functools.lru_cache(maxsize=1 << 16)
def _gaps(sounds: tuple[str, ...]) -> tuple[float, ...]:
    """What it costs for each sound of a spelling to come or go."""
    return tuple(_gap(sound, index == len(sounds) - 1) for index, sound in enumerate(sounds))


# Tuned on the development half of tests/data/variant_pairs.yaml (bench/variants_eval.py).
ALLOWANCE = {0: 0.0, 1: 0.0, 2: 0.2, 3: 0.55, 4: 1.1}
ALLOWANCE_PER_CONSONANT = 0.3
# Words the English dictionary knows (Kiev, Gaddafi, Gaza) are established spellings: they join
# only on small differences (doubling, q/g, e/i), and two of them (Somali/Somalia) on less still.
KNOWN_ALLOWANCE = 0.5
BOTH_KNOWN_ALLOWANCE = 0.35
# Endings that make another word from a name: plurals, adjectives, nisbas (Iraq/Iraqi, Hussein/Husseini,
# Islamophobes/Islamophobia). A final a or e that comes or goes is a spelling (Sirte/Sirt), not one of these.
DERIVATIONS = frozenset({"", "s", "es", "i", "is", "n", "an", "ian", "ians", "ans", "ns", "ese", "ish", "ite", "ites",
                         "ist", "ists", "ism", "ia", "ic", "ics", "a", "e"})
SPELLING_ENDINGS = frozenset({"", "a", "e"})


def allowance(consonants: int) -> float:
    if consonants in ALLOWANCE:
        return ALLOWANCE[consonants]
    return ALLOWANCE[4] + ALLOWANCE_PER_CONSONANT * (consonants - 4)


def is_derivation(a: str, b: str) -> bool:
    """Whether two bodies are one stem with different English endings (Houthi/Houthis, Iraq/Iraqi)."""
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    endings = {a[stem:], b[stem:]}
    if stem < 3 or not endings <= DERIVATIONS or endings <= SPELLING_ENDINGS:
        return False
    return not any(ending[:1] == "i" and a[stem - 1] in VOWELS for ending in endings)


def score(a: Spelling, b: Spelling, cutoff: float = math.inf) -> float:
    """How far two spellings are, in edits of sound (0 = the same spelling but for case,
    diacritics, apostrophes, spacing or doubled letters); past ``cutoff``, not exactly."""
    return distance(a.sounds, b.sounds, cutoff)


def same_name(a: str, b: str, *, known: int = 0) -> bool:
    """Whether two spellings are one name. ``known``: how many of them the English dictionary knows."""
    return judge(spelling(a), spelling(b), known=known)


def judge(a: Spelling, b: Spelling, *, known: int = 0) -> bool:
    if a.body == b.body:
        return a.article == b.article  # a name with and without its article: two forms, not variants
    if is_derivation(a.body, b.body):
        return False
    if not maybe_close(a, b):
        return False
    limit = allowance(max(a.consonants, b.consonants))
    if known:
        limit = min(limit, BOTH_KNOWN_ALLOWANCE if known > 1 else KNOWN_ALLOWANCE)
    return score(a, b, limit + 1e-9) <= limit + 1e-9


def maybe_close(a: Spelling, b: Spelling) -> bool:
    """The cheap first test: consonant skeletons at most two edits apart."""
    return Levenshtein.distance(a.skeleton, b.skeleton, score_cutoff=2) <= 2
