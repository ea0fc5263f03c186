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

import functools
import os
from collections.abc import Iterable, Iterator

import regex
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..context import Context
from ..engines.dictionary import Dictionary, describe, load
from ..finding import Problem
from ..names.evidence import starts_sentence
from ..names.particles import PREFIXES
from ..options import Option, OptionError, text, text_list
from ..words import Word, fold, is_all_caps, match_case
from .base import Check

WEB_ADDRESS = regex.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
WEB_CLUE = regex.compile(r"@|www\.|https?://")
LETTERS_DASH, DASH_LETTERS = regex.compile(r"([\p{L}]+)-$"), regex.compile(r"-([\p{L}]+)")
BEFORE_NAME = regex.compile(r"[-‐‑–\s]+(\p{Lu})")
RUN, RUN_BEFORE = regex.compile(r"\S+"), regex.compile(r"\S*", regex.REVERSE)


class Spelling(Check):
    type_name = "spelling"
    priority = 60
    silenced_by_sic = True
    engine_slot = "spelling"
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
        return describe(self.language)

    def check(self, context: Context) -> Iterator[Problem]:
        text = context.text
        unknown = []
        verdicts = self._verdicts
        for word in context.words:  # the hottest loop of the rule: a dictionary look-up per word
            stem = word.text if word.stem_end == word.end else text[word.start:word.stem_end]
            verdict = verdicts.get(stem)
            if verdict or (verdict is None and self._unknown(stem, context.accepted)):
                unknown.append((word, stem))
        if not unknown:
            return
        dictionary = self.dictionary
        evidence = Evidence(context)
        for word, stem in unknown:
            key = fold(stem)
            if (evidence.in_web_address(word.start) or is_particle(text, word, key)
                    or joins_hyphenated(text, word, dictionary)):
                continue
            if not stem[0].isupper():
                suggestions = [candidate for candidate, _ in dictionary.suggest(key)]
            elif starts_sentence(text, word.start):
                suggestions = [] if key in evidence.names else close_words(dictionary, key)
            else:
                if len(key) < 4 or not evidence.uses_a_word_one_edit_from(key):
                    continue  # a name: most capitalised words a dictionary does not know
                suggestions = [candidate for candidate in dictionary.one_edit(key)
                               if candidate[0] == key[0] and candidate in evidence.used_words]
                if not suggestions:
                    continue
            if stem[0].isupper() and not suggestions:
                continue
            shown = tuple(match_case(stem, candidate) for candidate in suggestions[:3])
            message = f'"{stem}" is not in the English dictionary'
            if shown:
                message += "; did you mean " + " or ".join(f'"{s}"' for s in shown) + "?"
            yield Problem(word.start, word.stem_end, message, shown)


class Evidence:
    """What the article says about its words, gathered only if an unknown word needs it."""

    def __init__(self, context: Context) -> None:
        self.context = context

    @functools.cached_property
    def used_words(self) -> set[str]:
        return {fold(word.text) for word in self.context.words}

    def uses_a_word_one_edit_from(self, key: str) -> bool:
        """Whether the article uses a word one edit (a transposition counts as one) from a folded
        word: rapidfuzz tells at once, where listing the known words one edit away takes long."""
        return any(distance == 1 for _, distance, _ in process.extract(
            key, self._used_list, scorer=OSA.distance, score_cutoff=1, limit=None))

    @functools.cached_property
    def _used_list(self) -> list[str]:
        return sorted(self.used_words)

    @functools.cached_property
    def names(self) -> set[str]:
        """Words this article capitalises in mid-sentence."""
        text = self.context.text
        return {fold(text[w.start:w.stem_end]) for w in self.context.words
                if text[w.start].isupper() and not starts_sentence(text, w.start)}

    @functools.cached_property
    def web_addresses(self) -> list[tuple[int, int]]:
        """WEB_ADDRESS's matches, looked for only in the runs of non-spacing characters that
        have an @, www. or http:// (an address never spans spacing): scanning every word for an
        @ costs more than the whole rule."""
        text, spans, run_end = self.context.text, [], -1
        for clue in WEB_CLUE.finditer(text):
            if clue.start() < run_end:
                continue
            before, after = RUN_BEFORE.match(text, 0, clue.start()), RUN.match(text, clue.start())
            assert before is not None and after is not None  # both may match nothing, so both match
            run_start, run_end = before.start(), after.end()
            spans += [(run_start + match.start(), run_start + match.end())
                      for match in WEB_ADDRESS.finditer(text[run_start:run_end])]
        return spans

    def in_web_address(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.web_addresses)


def judged(stem: str) -> bool:
    """Whether spelling judges a word at all: not acronyms, inner capitals or digits."""
    return len(stem) > 1 and not is_all_caps(stem) and not any(
        char.isdigit() or char.isupper() for char in stem[1:]) and not stem[0].isdigit()


def close_words(dictionary: Dictionary, key: str) -> list[str]:
    """Corrections near enough to be a slip of the keys rather than another name."""
    return [candidate for candidate, edits in dictionary.suggest(key)
            if candidate[0] == key[0] and ((edits == 1 and len(key) >= 4) or (edits == 2 and len(key) >= 8))]


def joins_hyphenated(text: str, word: Word, dictionary: Dictionary) -> bool:
    """co-ordinator, e-mail: the parts of a hyphenated word written as one known word."""
    before = LETTERS_DASH.search(text[max(0, word.start - 20):word.start])
    after = DASH_LETTERS.match(text[word.end:word.end + 20])
    return ((before is not None and dictionary.known(fold(before.group(1) + word.text)))
            or (after is not None and dictionary.known(fold(word.text + after.group(1)))))


def is_particle(text: str, word: Word, key: str) -> bool:
    """al-, el-, ibn, abu... before a name: part of the name, not an English word."""
    if key not in PREFIXES:
        return False
    following = BEFORE_NAME.match(text[word.end:word.end + 4])
    return following is not None
