"""What the dictionary can say of a word it does not know, beyond "unknown".

* two words with the space lost ("theministry", "attackWith", "Tripolitoday"): where the word
  splits into two common words, or a name the article uses and a common word;
* a word of another language written in Latin script (a French quote, "ipso facto");
* a capitalised word nobody writes, a slip of a frequent word or a well-known name.
"""

from __future__ import annotations

from collections.abc import Collection

import regex
import wordfreq

from . import gazetteer
from .dictionary import FOREIGN_PHRASE, Dictionary

ORDINARY = 1000       # pyspellchecker count: a word this common is an ordinary English word
EVERYDAY = 10_000     # ...and this common, one that follows a name in running text (Tripoli|today)
FUNCTION_WORDS = frozenset(wordfreq.top_n_list("en", 100))  # the, of, and, to, in, ministry is not
LOWER_THEN_CAPITAL = regex.compile(r"(\p{Ll}{3,})(\p{Lu}\p{Ll}*)")
# Two parts only: three capitalised parts are a brand or an agency's name (LuganskInformCenter).
CAPITAL_THEN_CAPITAL = regex.compile(r"\p{Lu}\p{Ll}{2,}(?:\p{Lu}\p{Ll}*|\p{Lu}{2,})")
CAPITALISED_PART = regex.compile(r"\p{Lu}(?:\p{Ll}+|\p{Lu}+)")
ARTICLE_THEN_NAME = regex.compile(r"(al|el)(\p{Lu}\p{Ll}{2,})")  # elSisi: al-/el- with the dash lost
LATIN = regex.compile(r"[\p{Latin}\p{M}'’ʿʾ]+")  # with the ayn and hamza of transliterations (Jaʿfar)
LATIN_LETTER = regex.compile(r"\p{Latin}")
OTHER_SCRIPT = regex.compile(r"[^\p{Latin}\p{Common}\p{Inherited}]")


def english(word: str) -> float:
    return wordfreq.zipf_frequency(word, "en")


def ordinary(dictionary: Dictionary, word: str, count: int = ORDINARY) -> bool:
    return dictionary.frequencies.get(word, 0) >= count and not dictionary.misspelt(word)


def split(dictionary: Dictionary, word: str, names: Collection[str] = ()) -> tuple[str, str] | None:
    """The two words a folded word is made of: a function word (the, of, in) and an ordinary
    word ("theministry"), or, for a capitalised word, a name the article uses and an everyday
    word ("Tripolitoday"). Two long words side by side are left alone: English closes up
    compounds (counterterrorism) that no dictionary lists."""
    best, score = None, 0
    for at in range(1, len(word) - 1):
        head, tail = word[:at], word[at:]
        if names:
            fits = len(head) >= 3 and head in names and len(tail) >= 3 and ordinary(dictionary, tail, EVERYDAY)
        else:
            fits = ((head in FUNCTION_WORDS and len(tail) >= 3 and ordinary(dictionary, tail))
                    or (tail in FUNCTION_WORDS and len(tail) > 1 and len(head) >= 3 and ordinary(dictionary, head)))
        rank = min(dictionary.frequencies.get(head, 0), dictionary.frequencies.get(tail, 0))
        if fits and rank >= score:
            best, score = (head, tail), rank
    return best


def split_capital(dictionary: Dictionary, word: str, names: Collection[str]) -> tuple[str, ...] | None:
    """Words run together where the later ones keep their capital: "attackWith", "ministerIt",
    "RussiaThe", "PrigozhinWagner", "DniproHPP". A brand (iPhone, YouTube,
    WhatsApp) is none of these: the parts must be ordinary words, or names of the article (or
    well-known places) and everyday words, at least one of them a name."""
    if match := LOWER_THEN_CAPITAL.fullmatch(word):
        parts: tuple[str, ...] = (match.group(1), match.group(2))
        fits = ordinary(dictionary, parts[0]) and ordinary(dictionary, parts[1].casefold())
    elif CAPITAL_THEN_CAPITAL.fullmatch(word):
        parts = tuple(CAPITALISED_PART.findall(word))
        folded = [part.casefold() for part in parts]
        named = [part in names or gazetteer.is_place(part) for part in folded]  # RussiaThe, PressIran
        fits = any(named) and all(name or ordinary(dictionary, part, EVERYDAY)
                                  for part, name in zip(folded, named, strict=True))
    else:
        return None
    return parts if fits else None


def close_words(dictionary: Dictionary, key: str) -> list[str]:
    """Corrections near enough to be a slip of the keys rather than another name."""
    return [candidate for candidate, edits in dictionary.suggest(key)
            if candidate[0] == key[0] and ((edits == 1 and len(key) >= 4) or (edits == 2 and len(key) >= 8))]


def foreign(dictionary: Dictionary, word: str, neighbours: Collection[str]) -> bool:
    """A folded word of another language found there beside another such word (ipso facto,
    persona non grata, "nous sommes prêts"). One such word alone among English ones is more
    likely a slip ("the agence said") than a quotation."""
    return dictionary.foreignness(word) >= FOREIGN_PHRASE and any(
        dictionary.foreignness(other) >= max(FOREIGN_PHRASE, english(other)) for other in neighbours)


def mixed_script(word: str) -> bool:
    """Latin letters with a stray letter of another script ("Zaporizhzhшa"): a slip of the
    keyboard layout, never a word."""
    latin_letters = len(LATIN_LETTER.findall(word))
    return 0 < len(OTHER_SCRIPT.findall(word)) < latin_letters


def latin(word: str) -> bool:
    """Whether a word is in Latin script: other scripts are never judged as English."""
    return LATIN.fullmatch(word) is not None


IN_USE = 2.5  # zipf in real English text: a closed compound no list has (counterterrorism)
PLURAL = regex.compile(r"(?:(?<=[^aeiou])ies|e?s)$")


def in_use(dictionary: Dictionary, word: str) -> bool:
    """A lower-case word the dictionary lacks but English uses: frequent in real text and no
    known misspelling, or the regular plural of an ordinary word (martyrdoms, sanctities). Verb
    endings are not taken: "departmenting" is a slip."""
    if gazetteer.frequency(word) >= IN_USE:
        return True
    for match in PLURAL.finditer(word):
        base = word[:match.start()]
        if any(ordinary(dictionary, stem) for stem in (base, base + "e", base + "y")):
            return True
    return False


def lost_apostrophe(word: str) -> str | None:
    """"Irans", "Libyas": a well-known place with an s and no apostrophe; its possessive."""
    if len(word) > 4 and word.endswith("s") and gazetteer.is_place(word[:-1]):
        return word[:-1] + "'s"
    return None


def well_known(word: str) -> str | None:
    """A well-known name or a frequent word that a folded spelling nobody uses is a slip of."""
    return gazetteer.nearest(word)
