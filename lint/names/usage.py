"""The names of one article and how each spelling is used: where, in which forms, as a first
name or a surname, and next to which other name words.

A name is a capitalised word in mid-sentence, or at a sentence start (or in a headline) a word
no English dictionary knows; it takes in its article (al-Sisi) and a short hyphened tail
(Kim Jong-un). Spellings that differ only in case, apostrophes and kinds of dash are one.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from ..context import Context
from ..engines.dictionary import load
from ..intervals import Spans
from ..words import DASHES, Word, fold, is_all_caps
from .evidence import ORDINARY_FREQUENCY, caps_lines, name_evidence, starts_sentence, within
from .particles import ARTICLES, HYPHENED_ARTICLES, LINKS
from .transliteration import spelling


@dataclass
class Usage:
    """How one spelling (case aside) is used in one article."""

    spans: list[tuple[int, int, bool]] = field(default_factory=list)  # start, end, covered by another rule
    forms: Counter = field(default_factory=Counter)                   # as written
    roles: set[str] = field(default_factory=set)                       # "first" (a name follows) or "last"
    before: set[str] = field(default_factory=set)                      # name words before it (up to 3)
    after: set[str] = field(default_factory=set)                       # name words just after it
    beside: set[str] = field(default_factory=set)                      # both, headlines included

    @functools.cached_property
    def shown(self) -> str:
        """The form to quote: the most used, preferring one not in capitals."""
        return max(self.forms, key=lambda form: (not is_all_caps(form), self.forms[form]))


def gather(context: Context, language: str) -> dict[str, Usage]:
    """Spelling key -> its usage, in order of first use. A span is marked covered where a
    names or substitution rule matched (that rule reports it)."""
    text, found = context.text, context.words
    headlines = caps_lines(text)
    capitals = [index for index, word in enumerate(found) if word.text[0].isupper()]
    names = [index for index in capitals if _is_name(text, found[index], headlines, language)]
    capitalised = set(capitals)
    named = set(names)
    # The words a name's neighbour may be: not a capitalised word that only opens a sentence
    # ("When Dbeibah...", "Does Bashagha..."), which would pass for a first name and part two
    # spellings of one man as two people.
    neighbours = {index for index in capitals if index in named or not starts_sentence(text, found[index].start)}
    covered = Spans()
    covered.add(context.all_hits)
    usages: dict[str, Usage] = {}
    # Two words written elsewhere as one (Ansar Allah / Ansarallah) are one name here.
    single = {spelling(found[index].text).body for index in names}
    taken: set[int] = set()
    for index in names:
        if index in taken:
            continue
        word = found[index]
        start, last = word.start, index
        if index > 0 and _article(text, found[index - 1], word):
            start = found[index - 1].start
        if index + 1 < len(found) and (_name_tail(text, word, found[index + 1], language) or (
                index + 1 in capitalised and _joined(text, word, found[index + 1])
                and spelling(word.text + found[index + 1].text).body in single)):
            last = index + 1  # one name: Jong-un; Ansar Allah where the article also has Ansarallah
            taken.add(last)
        end = found[last].stem_end
        form = text[start:end]
        usage = usages.setdefault(spelling_key(form), Usage())
        usage.spans.append((start, end, covered.overlaps(start, end)))
        usage.forms[form] += 1
        previous = _neighbour(text, found, neighbours, index, -1)
        following = _neighbour(text, found, neighbours, last, 1)
        earlier: list[str] = []  # the name's earlier words: "Mohamed Ahmed Zaki" and "Mohamed Zaky" share one
        while previous is not None and len(earlier) < 3:
            earlier.append(spelling_key(found[previous].text))
            previous = _neighbour(text, found, neighbours, previous, -1)
        usage.beside.update(earlier[:1], [spelling_key(found[following].text)] if following is not None else [])
        if within(headlines, word.start):
            continue  # in a headline every word has a capital: no sign of who is who
        usage.roles.add("first" if following is not None else "last")
        usage.before.update(earlier)
        if following is not None:
            usage.after.add(spelling_key(found[following].text))
    return usages


def mixed_spelling(text: str, count: int, majority: str, majority_count: int) -> str:
    """The message for a name spelled two ways in one article (names and variants rules)."""
    return (f'"{text}" ({count}×) here, "{majority}" ({majority_count}×) elsewhere in this article: '
            "spell the name one way")


def _is_name(text: str, word: Word, headlines: list[tuple[int, int]], language: str) -> bool:
    in_headline = within(headlines, word.start)
    may_be, known = name_evidence(text[word.start:word.stem_end], in_headline, language)
    if not may_be:
        return False
    if not starts_sentence(text, word.start) and not in_headline:
        return True
    # Capitals say nothing here: a name only if no dictionary knows the word.
    return not known


def _name_tail(text: str, word: Word, following: Word, language: str) -> bool:
    """A short lower-case part hyphened to a name (Kim Jong-un), not an English word."""
    return (text[word.end:following.start] == "-" and following.text.islower() and len(following.text) <= 3
            and load(language).frequencies.get(following.text, 0) < ORDINARY_FREQUENCY)


@functools.lru_cache(maxsize=1 << 16)
def spelling_key(form: str) -> str:
    """Spellings that are the same but for case, apostrophes and kinds of dash or space."""
    # Turkish İ folds to i with a dot above: TÜRKİYE and Türkiye are one spelling.
    folded = fold(form).replace("i\u0307", "i").replace("’", "'")
    return " ".join(folded.translate({ord(d): "-" for d in DASHES}).split())


def _article(text: str, particle: Word, name: Word) -> bool:
    between = text[particle.end:name.start]
    key = fold(particle.text)
    return (key in ARTICLES and _joined(text, particle, name)) or \
        (key in HYPHENED_ARTICLES and len(between) == 1 and between in DASHES)


def _joined(text: str, first: Word, second: Word) -> bool:
    between = text[first.end:second.start]
    return between in (" ", "") or (len(between) == 1 and between in DASHES)


def _neighbour(text: str, found: list[Word], names: set[int], index: int, step: int) -> int | None:
    """The name word just before or after this one in the same name, across links like
    'bin' or 'al-' ("Mohammed bin Salman"), or None."""
    other = index + step
    while 0 <= other < len(found):
        left, right = sorted((other, other - step))
        if not _joined(text, found[left], found[right]):
            return None
        if other in names:
            return other
        if fold(found[other].text) not in LINKS:
            return None
        other += step
    return None
