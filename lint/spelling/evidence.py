"""What an article says about its own words, for the spelling rule: the words it uses, the
words it capitalises in mid-sentence (its names), its title lines and its web addresses.
Gathered only when an unknown word needs it."""

from __future__ import annotations

import bisect
import functools
from collections import Counter

import regex
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..context import Context
from ..names.evidence import starts_sentence
from ..words import Word, fold

WEB_ADDRESS = regex.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
WEB_CLUE = regex.compile(r"@|www\.|https?://")
RUN, RUN_BEFORE = regex.compile(r"\S+"), regex.compile(r"\S*", regex.REVERSE)
LINE, WORD = regex.compile(r"[^\r\n]+"), regex.compile(r"\p{L}+")
# A brace or =, "key: 'value'" (straight or curly quotes), a call "a.b(", a line of closing brackets.
CODE = regex.compile(r"[{}=]|^\s*\w+\s*:\s*['\"‘’“\d\[{(]|\w\.\w+\(|^\s*[\])},;]+\s*$")
JOINED = 1000  # pyspellchecker count: two pieces that make a word this common were one word


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
        return bool(self.used_one_edit_from(key))

    def used_one_edit_from(self, key: str) -> list[str]:
        """The words of the article one edit from a folded word, with its first letter."""
        if len(key) < 4:
            return []
        return [used for used, distance, _ in process.extract(
            key, self._used_list, scorer=OSA.distance, score_cutoff=1, limit=None)
            if distance == 1 and used[0] == key[0]]

    @functools.cached_property
    def _used_list(self) -> list[str]:
        return sorted(self.used_words)

    @functools.cached_property
    def counts(self) -> Counter:
        """How often the article uses each word (folded, without a possessive)."""
        text = self.context.text
        return Counter(fold(text[w.start:w.stem_end]) for w in self.context.words)

    @functools.cached_property
    def name_uses(self) -> Counter:
        """How often this article capitalises each word in mid-sentence (outside titles)."""
        text = self.context.text
        return Counter(fold(text[w.start:w.stem_end]) for w in self.context.words
                       if text[w.start].isupper() and not starts_sentence(text, w.start)
                       and not self.in_title(w.start))

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [word.start for word in self.context.words]

    def neighbours(self, word: Word) -> list[str]:
        """The folded words just before and after a word."""
        found = self.context.words
        index = bisect.bisect_left(self._starts, word.start)
        return [fold(found[i].text) for i in (index - 1, index + 1) if 0 <= i < len(found)]

    @functools.cached_property
    def titles(self) -> list[tuple[int, int]]:
        """Lines in title case (headlines, subheadings): short, most longer words capitalised,
        no full stop at the end. Capitals there say nothing of names."""
        spans = []
        for line in LINE.finditer(self.context.text):
            words = [w for w in WORD.findall(line.group()) if len(w) > 3]
            body = line.group().rstrip()
            if (2 <= len(words) <= 15 and not body.endswith((".", ",", ";"))
                    and sum(w[0].isupper() for w in words) >= 0.7 * len(words)):
                spans.append(line.span())
        return spans

    def joined_with_neighbour(self, word: Word, dictionary) -> tuple[str, int, int] | None:
        """"compet ition": an unknown word and the next or the one before, a space apart, that
        make an ordinary word together; that word and the pair's span."""
        found, text = self.context.words, self.context.text
        index = bisect.bisect_left(self._starts, word.start)
        for first, second in ((index, index + 1), (index - 1, index)):
            if first < 0 or second >= len(found) or text[found[first].end:found[second].start] != " ":
                continue
            one, other = found[first], found[second]
            whole = one.text + other.text
            if not other.text[0].isupper() and dictionary.frequencies.get(fold(whole), 0) >= JOINED:
                return whole, one.start, other.end
        return None

    @functools.cached_property
    def code(self) -> list[tuple[int, int]]:
        """Lines of script or markup pasted with the article (params: {siteId: ...})."""
        return [line.span() for line in LINE.finditer(self.context.text) if CODE.search(line.group())]

    def in_code(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.code)

    def in_title(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.titles)

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
