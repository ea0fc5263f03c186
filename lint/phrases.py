"""One matcher for every name and term of a rule set, built once when the rules load.

Rule phrases are keyed by their folded words and separators; the text is walked
word by word and extended only while the words so far are the start of some
phrase, so the cost grows with the text, not with the number of phrases.
Matches are leftmost-longest and whole-word; a possessive ending ('s, ’s) on
the last word is left out of the match. An exception (a rule's ``unless``
phrase, "chicken Kiev") is matched like any phrase, so that the shorter wrong
form inside it ("Kiev") is not, and the checks then ignore it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .words import Word, fold, fold_separator, normalize, words


@dataclass(frozen=True)
class Entry:
    """A phrase one rule looks for. ``targets`` are its corrections (none for a correct form);
    an ``exception`` is a phrase in which the rule's wrong form is right, and reports nothing."""

    rule: str
    phrase: str
    targets: tuple[str, ...] = ()
    case_sensitive: bool = False
    exception: bool = False


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    entry: Entry


def phrase_key(phrase: str) -> str:
    """The comparison key of a phrase as written in a rules file ('' if it has no words)."""
    found = words(phrase)
    key = ""
    for index, word in enumerate(found):
        if index:
            key += fold_separator(phrase[found[index - 1].end:word.start]) or " "
        key += fold(word.text)
    return key


def exceptions(rule: str, phrases: Iterable[str]) -> Iterator[Entry]:
    """The entries of a rule's ``unless`` phrases."""
    for phrase in phrases:
        yield Entry(rule, phrase, exception=True)


def exceptions_problem(phrases: Iterable[str], wrong_forms: Iterable[str]) -> str | None:
    """Why one of a rule's ``unless`` phrases cannot work with its wrong forms, or None."""
    inside = PhraseMatcher(())
    keys = set()
    for form in wrong_forms:
        keys.add(phrase_key(form))
        with contextlib.suppress(KeyError):  # forms that differ only in case: one is enough
            inside.add(Entry("", form))
    for phrase in phrases:
        key = phrase_key(phrase)
        if not key:
            return f"{phrase!r} has no letters to match"
        if key in keys:
            return f"{phrase!r} is itself one of the forms this rule reports"
        if not inside.find(phrase, words(phrase)):
            return f"{phrase!r} contains none of the forms this rule reports, so it excuses nothing"
    return None


class PhraseMatcher:
    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries: dict[str, Entry] = {}
        self._prefixes: set[str] = set()
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        """Add a phrase; raise KeyError with the entry already holding its key."""
        key = phrase_key(entry.phrase)
        if key in self._entries:
            raise KeyError(self._entries[key])
        self._entries[key] = entry
        found = words(entry.phrase)
        for index in range(1, len(found) + 1):
            self._prefixes.add(phrase_key(entry.phrase[:found[index - 1].end]))

    def entry(self, phrase: str) -> Entry | None:
        """The entry that would match this phrase as written, if any."""
        found = self._entries.get(phrase_key(phrase))
        if found is not None and found.case_sensitive and normalize(phrase) != normalize(found.phrase):
            return None
        return found

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str, text_words: list[Word]) -> list[Hit]:
        hits: list[Hit] = []
        folded = [fold(w.text) for w in text_words]
        prefixes, entries = self._prefixes, self._entries
        index = 0
        while index < len(text_words):
            word = text_words[index]
            if folded[index] not in prefixes and (
                    word.stem_end == word.end or fold(text[word.start:word.stem_end]) not in entries):
                index += 1  # no phrase starts with this word: most words of any text
                continue
            best = self._longest_at(text, text_words, folded, index)
            if best is None:
                index += 1
                continue
            last, end, entry = best
            start = text_words[index].start
            matched = text[start:end]
            if not entry.case_sensitive or normalize(matched) == normalize(entry.phrase):
                hits.append(Hit(start, end, matched, entry))
            index = last + 1
        return hits

    def _longest_at(self, text: str, text_words: list[Word], folded: list[str],
                    first: int) -> tuple[int, int, Entry] | None:
        best = None
        key = ""
        for index in range(first, len(text_words)):
            word = text_words[index]
            if index > first:
                separator = fold_separator(text[text_words[index - 1].end:word.start])
                if separator is None:
                    break
                key += separator
            full = key + folded[index]
            if full in self._entries:
                best = (index, word.end, self._entries[full])
            elif word.stem_end != word.end:
                stem = key + fold(text[word.start:word.stem_end])
                if stem in self._entries:
                    best = (index, word.stem_end, self._entries[stem])
            if full not in self._prefixes:
                break
            key = full
        return best

