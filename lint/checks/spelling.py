"""spelling: slips of the keyboard, without flagging every foreign name.

Each word is looked up in an offline English dictionary (see the README for
which). Translations are full of names no dictionary knows, so copydesk
reads capitals the way a copy editor does:

* a lower-case word the dictionary does not know is reported ("goverment");
* a capitalised word in mid-sentence is taken to be a name (Alrajmah, Tayyip),
  unless it is one edit away from a word this same article uses (the article
  says "government" elsewhere and here "Goverment");
* a capitalised word that starts a sentence or a line is reported only if it
  is close to a dictionary word ("Obsevers" -> "Observers") and the article
  never uses it in mid-sentence (where it would be a name);
* ALL-CAPS words (acronyms), words with inner capitals (McDonald), words with
  digits, web and e-mail addresses, and Arabic name particles before a dash
  (al-, el-, ibn, abu) are never reported;
* words that any rule of the rules file mentions (names, variants, terms and
  their replacements) are accepted.

Options:

* ``ignore``: more words to accept, e.g. ``[Tobruk, jihadism]``.
* ``ignore_file``: a file of words to accept, one per line (``#`` starts a
  comment), relative to the rules file.

The top-level ``language`` chooses the dialect: en-GB (and en-AU, en-NZ,
en-IE, en-ZA, en-IN) accepts British spellings such as "colour" and "realise".
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator

import regex

from ..context import Context
from ..engines.dictionary import Dictionary, load
from ..finding import Problem
from ..words import Word, fold, is_all_caps, match_case
from .base import Check, Option, OptionError, text, text_list

NAME_PARTICLES = frozenset({"al", "el", "ad", "ag", "ar", "as", "ash", "at", "az", "an", "ibn", "bin",
                            "bint", "abu", "abd", "abdel", "abdul", "bou", "ben", "ould", "wal"})
WEB_ADDRESS = regex.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
SENTENCE_END = ".!?:;…"
OPENERS = "\"'“‘«([{*•–—-_ \t"


class Spelling(Check):
    type_name = "spelling"
    priority = 60
    options = {
        "ignore": Option(text_list, (), "words to accept"),
        "ignore_file": Option(text, None, "a file of words to accept, one per line"),
    }
    ignore: tuple[str, ...]
    ignore_file: str | None

    def validate(self) -> None:
        self._verdicts: dict[str, bool] = {}
        self._ignored = list(self.ignore)
        if self.ignore_file is None:
            return
        path = os.path.join(self.base_dir, self.ignore_file)
        try:
            with open(path, encoding="utf-8-sig") as handle:
                lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or "not UTF-8 text"
            raise OptionError("ignore_file", f"cannot read {path}: {reason}") from None
        self._ignored += [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]

    def accepted_words(self) -> Iterable[str]:
        return self._ignored

    def _unknown(self, stem: str, accepted: frozenset[str]) -> bool:
        """Whether a word (without its possessive) is one spelling must look at; memoised,
        since a few thousand distinct words make up most of any newspaper."""
        verdict = self._verdicts.get(stem)
        if verdict is None:
            key = fold(stem)
            verdict = judged(stem) and key not in accepted and not self.dictionary.known(key)
            if len(self._verdicts) > 200_000:
                self._verdicts.clear()
            self._verdicts[stem] = verdict
        return verdict

    @property
    def dictionary(self) -> Dictionary:
        return load(self.language)

    @property
    def engine(self) -> str:
        return self.dictionary.description

    def check(self, context: Context) -> Iterator[Problem]:
        text = context.text
        unknown = [(word, stem) for word in context.words
                   if self._unknown(stem := text[word.start:word.stem_end], context.accepted)]
        if not unknown:
            return
        dictionary = self.dictionary
        used_words = {fold(word.text) for word in context.words}
        names = {fold(text[w.start:w.stem_end]) for w in context.words
                 if text[w.start].isupper() and not starts_sentence(text, w.start)}
        web_addresses = [match.span() for match in WEB_ADDRESS.finditer(text)]
        for word, stem in unknown:
            key = fold(stem)
            if (any(start <= word.start < end for start, end in web_addresses) or is_particle(text, word, key)
                    or joins_hyphenated(text, word, dictionary)):
                continue
            if not stem[0].isupper():
                suggestions = [candidate for candidate, _ in dictionary.suggest(key)]
            elif starts_sentence(text, word.start):
                suggestions = [] if key in names else close_words(dictionary, key)
            else:
                suggestions = [candidate for candidate in dictionary.one_edit(key)
                               if candidate[0] == key[0] and len(key) >= 4 and candidate in used_words]
                if not suggestions:
                    continue
            if stem[0].isupper() and not suggestions:
                continue
            shown = tuple(match_case(stem, candidate) for candidate in suggestions[:3])
            message = f'"{stem}" is not in the English dictionary'
            if shown:
                message += "; did you mean " + " or ".join(f'"{s}"' for s in shown) + "?"
            yield Problem(word.start, word.stem_end, message, shown)


def judged(stem: str) -> bool:
    """Whether spelling judges a word at all: not acronyms, inner capitals or digits."""
    return len(stem) > 1 and not is_all_caps(stem) and not any(
        char.isdigit() or char.isupper() for char in stem[1:]) and not stem[0].isdigit()


def close_words(dictionary: Dictionary, key: str) -> list[str]:
    """Corrections near enough to be a slip of the keys rather than another name."""
    return [candidate for candidate, edits in dictionary.suggest(key)
            if candidate[0] == key[0] and (edits == 1 and len(key) >= 4 or edits == 2 and len(key) >= 8)]


def starts_sentence(text: str, offset: int) -> bool:
    """Whether a word begins a sentence, a heading or a paragraph (where capitals say nothing)."""
    index = offset - 1
    line_breaks = 0
    while index >= 0 and (text[index] in OPENERS or text[index] in "\r\n"):
        if text[index] == "\n" or (text[index] == "\r" and text[index + 1:index + 2] != "\n"):
            line_breaks += 1
        index -= 1
    if index < 0 or line_breaks > 1 or text[index] in SENTENCE_END:
        return True
    # A single line break: a new line after a heading-like line, or a wrapped sentence.
    return line_breaks == 1 and not (text[index].isalnum() or text[index] in ",")


def joins_hyphenated(text: str, word: Word, dictionary: Dictionary) -> bool:
    """co-ordinator, e-mail: the parts of a hyphenated word written as one known word."""
    before = regex.search(r"([\p{L}]+)-$", text[max(0, word.start - 20):word.start])
    after = regex.match(r"-([\p{L}]+)", text[word.end:word.end + 20])
    return (before is not None and dictionary.known(fold(before.group(1) + word.text))
            or after is not None and dictionary.known(fold(word.text + after.group(1))))


def is_particle(text: str, word: Word, key: str) -> bool:
    """al-, el-, ibn, abu... before a name: part of the name, not an English word."""
    if key not in NAME_PARTICLES:
        return False
    following = regex.match(r"[-‐‑–\s]+(\p{Lu})", text[word.end:word.end + 4])
    return following is not None
