"""variants: one name spelled two ways, found without any list of names.

No list of names is ever complete: the next article brings a new minister or a
new town, and the translation spells it two ways (Dbeibah and Dbeiba, Misrata
and Misurata). This rule gathers the names of an article — capitalised words
in mid-sentence, and words at the start of a sentence that no English
dictionary knows — and finds the ones that are spellings of the same name.
The less used spelling is reported, with the more used one as the suggestion
(on a tie, the one used first)::

    "Hafter" (1×) here, "Haftar" (6×) elsewhere in this article

It knows how names are transliterated into English: vowels that come and go
or change (Hifter/Haftar), q/k/g and gh (Qaddafi/Gaddafi), dh/d/th/z, kh/h,
sh/ch, j/g, ou/u/o/w, i/e/y, doubled letters, a dropped or transposed letter
in long names, diacritics (Erdoğan/Erdogan), al-/el- and spacing
(al-Mishri/Almishri), possessives and headline capitals.

It leaves alone: a name with and without its article (al-Sisi/Sisi), plural
and adjective forms (Houthi/Houthis, Iraq/Iraqi), acronyms (SANA/Sanaa),
ordinary English words, short names that differ by a sound (Salah/Saleh,
Hassan/Hussein, Omar/Amer), two spellings the article uses for two people
("Aguila Saleh" and "Mohamed Salah"; "Salah Badi" and "Aguila Saleh"), and
spellings that a ``names`` or ``substitution`` rule already covers (that rule
reports them). Words the English dictionary knows (Kiev, Gaddafi, Gaza) are
joined only when the difference is one of spelling, not of sound.

Options:

* ``scope``: ``document`` (default) compares the spellings within each
  article; ``batch`` also compares them across all the files of one run, and
  reports a spelling that fewer files use than another ("Hafter" in 2 of 40
  files, "Haftar" in 38) in each file that uses it.
* ``ignore``: groups of spellings that are different names and must never be
  joined, e.g. ``[[Hamad, Hamid], [Bosra, Basra]]``. A false alarm is
  silenced by adding its two spellings here.

.. code-block:: yaml

    variants:
      type: variants
      severity: warning
      scope: batch
      ignore: [[Hamad, Hamid]]
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..context import Context
from ..engines.dictionary import load
from ..finding import Problem
from ..transliteration import fold_letters, judge, maybe_close, spelling
from ..intervals import Spans
from ..words import DASHES, Word, fold, is_all_caps, match_case
from .base import Check, Option, OptionError, describe, text_list
from .names import mixed_spelling
from .spelling import starts_sentence

SCOPES = ("document", "batch")
# A word this common in English is an English word even when capitalised (May, Park, Brown).
ORDINARY_FREQUENCY = 1000
# Particles inside a name ("Mohammed bin Salman", "Abu Bakr al-Baghdadi"): the name goes on.
LINKS = frozenset({"bin", "ibn", "bint", "ben", "abu", "abd", "al", "el", "ad", "as", "ash", "at", "az", "ar",
                   "an", "ez", "ed", "es", "de", "du", "da", "van", "von", "der", "la", "le"})
# The Arabic article before a name: al-/el- (also with a space), or assimilated and hyphenated
# (ash-Shabab, ad-Din, az-Zawiya, Deir ez-Zor): "as", "at", "an" alone are English words.
ARTICLES = frozenset({"al", "el"})
ASSIMILATED_ARTICLES = frozenset({"ad", "ed", "as", "es", "ash", "esh", "at", "et", "az", "ez", "ar", "er", "an", "en",
                                  "ul"})
INNER_CAPITAL = regex.compile(r"(?<=\p{Ll})\p{Lu}")
SCOTTISH = regex.compile(r"Ma?c\p{Lu}")  # McDonald, MacArthur: inner capitals of a name
LINE = regex.compile(r"[^\r\n]+")


def scope(value: Any) -> str:
    if value not in SCOPES:
        raise ValueError(f"expected one of {', '.join(SCOPES)}, got {describe(value)}")
    return value


def name_groups(value: Any) -> tuple[tuple[str, ...], ...]:
    """A list of groups of different names: [[Hamad, Hamid], [Salah, Saleh, Salih]]."""
    if not isinstance(value, list):
        raise ValueError(f"expected a list of groups of names, e.g. [[Hamad, Hamid]], got {describe(value)}")
    for group in value:
        if not isinstance(group, list):
            raise ValueError(f"expected groups of names such as [[Hamad, Hamid]], got {describe(group)} in the list")
    groups = tuple(text_list(group) for group in value)
    for group in groups:
        if len(group) < 2:
            raise ValueError(f"{list(group)!r}: a group needs at least two names that must not be joined")
    return groups


@functools.lru_cache(maxsize=1 << 17)
def one_name(a: str, b: str, language: str) -> bool:
    """Whether two spellings may be one name, whatever the article says of them. Memoised:
    an article compares each of its names with the others, and an edition names the same
    people again and again."""
    first, second = spelling(a), spelling(b)
    if not maybe_close(first, second):
        return False
    return judge(first, second, known=established(a, language) + established(b, language))


@functools.lru_cache(maxsize=1 << 16)
def name_evidence(stem: str, in_headline: bool, language: str) -> tuple[bool, bool]:
    """Whether a word (without its possessive) may be a name, wherever it stands, and whether
    the English dictionary knows it. Memoised: a text names the same people many times."""
    if len(stem) < 2 or not stem[0].isupper() or any(map(str.isdigit, stem)):
        return False, False
    if is_all_caps(stem.removesuffix("s")) and not in_headline:
        return False, False  # an acronym (SANA, MPs): never a spelling of a name
    if INNER_CAPITAL.search(stem) and not SCOTTISH.match(stem):
        return False, False  # a brand or a hashtag (WeBank, BrexitDay), not a transliteration
    dictionary = load(language)
    key = fold(stem)
    if dictionary.frequencies.get(key, 0) >= ORDINARY_FREQUENCY or key in ARTICLES | ASSIMILATED_ARTICLES:
        return False, False
    return True, dictionary.known(key)


def established(word: str, language: str = "en-US") -> bool:
    """A one-word spelling the English dictionary knows (Kiev, Gaddafi, Gaza)."""
    return " " not in word and "-" not in word and load(language).known(fold(word))


@dataclass
class Usage:
    """How one spelling (case aside) is used in one article."""

    spans: list[tuple[int, int, bool]] = field(default_factory=list)  # start, end, covered by another rule
    forms: Counter = field(default_factory=Counter)                   # as written
    roles: set[str] = field(default_factory=set)                       # "first" (a name follows) or "last"
    before: set[str] = field(default_factory=set)                      # name words just before it
    after: set[str] = field(default_factory=set)                       # name words just after it

    @functools.cached_property
    def shown(self) -> str:
        """The form to quote: the most used, preferring one not in capitals."""
        return max(self.forms, key=lambda form: (not is_all_caps(form), self.forms[form]))


class Variants(Check):
    type_name = "variants"
    priority = 90
    options = {
        "scope": Option(scope, "document", "document: within each article; batch: also across the files of a run"),
        "ignore": Option(name_groups, (), "groups of different names that must not be joined"),
    }
    scope: str
    ignore: tuple[tuple[str, ...], ...]

    def validate(self) -> None:
        self._apart: dict[str, set[str]] = {}
        for group in self.ignore:
            keys = [fold_letters(name) for name in group]
            if len(set(keys)) < len(keys):
                raise OptionError("ignore", f"{list(group)!r} lists one name twice")
            for key in keys:
                self._apart.setdefault(key, set()).update(k for k in keys if k != key)

    @property
    def batch_scope(self) -> bool:
        return self.scope == "batch"

    # -- one document -------------------------------------------------------

    def usages(self, context: Context) -> dict[str, Usage]:
        """Spelling key -> its usage, in order of first use."""
        text, found = context.text, context.words
        headlines = caps_lines(text)
        capitals = [index for index, word in enumerate(found) if word.text[0].isupper()]
        names = [index for index in capitals if self._is_name(context, index, headlines)]
        capitalised = set(capitals)
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
            if index + 1 < len(found) and (self._name_tail(text, word, found[index + 1]) or (
                    index + 1 in capitalised and _joined(text, word, found[index + 1])
                    and spelling(word.text + found[index + 1].text).body in single)):
                last = index + 1  # one name: Jong-un; Ansar Allah where the article also has Ansarallah
                taken.add(last)
            end = found[last].stem_end
            form = text[start:end]
            usage = usages.setdefault(_key(form), Usage())
            usage.spans.append((start, end, covered.overlaps(start, end)))
            usage.forms[form] += 1
            if _within(headlines, word.start):
                continue  # in a headline every word has a capital: no sign of who is who
            previous = _neighbour(text, found, capitalised, index, -1)
            following = _neighbour(text, found, capitalised, last, 1)
            usage.roles.add("first" if following is not None else "last")
            if previous is not None:
                usage.before.add(_key(found[previous].text))
            if following is not None:
                usage.after.add(_key(found[following].text))
        return usages

    def _name_tail(self, text: str, word: Word, following: Word) -> bool:
        """A short lower-case part hyphened to a name (Kim Jong-un), not an English word."""
        return (text[word.end:following.start] == "-" and following.text.islower() and len(following.text) <= 3
                and load(self.language).frequencies.get(following.text, 0) < ORDINARY_FREQUENCY)

    def _is_name(self, context: Context, index: int, headlines: list[tuple[int, int]]) -> bool:
        word: Word = context.words[index]
        text = context.text
        in_headline = _within(headlines, word.start)
        may_be, known = name_evidence(text[word.start:word.stem_end], in_headline, self.language)
        if not may_be:
            return False
        if not starts_sentence(text, word.start) and not in_headline:
            return True
        # Capitals say nothing here: a name only if no dictionary knows the word.
        return not known

    def groups(self, usages: dict[str, Usage], rank: Iterable[str]) -> dict[str, str]:
        """Spelling key -> the key of the spelling it is a variant of (heads map to none).
        Each spelling is judged only against the heads that pass the first test of
        ``one_name`` (skeletons at most two edits apart), which rapidfuzz finds at once."""
        heads: list[str] = []
        skeletons: list[str] = []
        variant_of: dict[str, str] = {}
        for key in rank:
            skeleton = spelling(usages[key].shown).skeleton
            close = sorted(index for _, _, index in process.extract(
                skeleton, skeletons, scorer=Levenshtein.distance, score_cutoff=2, limit=None))
            head = next((heads[index] for index in close if self._related(key, heads[index], usages)), None)
            if head is None:
                heads.append(key)
                skeletons.append(skeleton)
            else:
                variant_of[key] = head
        return variant_of

    def _related(self, one: str, other: str, usages: dict[str, Usage]) -> bool:
        if self._apart and other in self._apart.get(fold_letters(one), ()):
            return False
        a, b = usages[one], usages[other]
        return one_name(a.shown, b.shown, self.language) and not self._two_people(a, b)

    def _two_people(self, a: Usage, b: Usage) -> bool:
        """The article uses the two spellings as different names: one always as a first
        name, the other never; or with different first names (or different surnames)."""
        if a.roles != b.roles and len(a.roles) == len(b.roles) == 1:
            return True
        for mine, theirs in ((a.before, b.before), (a.after, b.after)):
            if mine and theirs and not any(x == y or judge(spelling(x), spelling(y)) for x in mine for y in theirs):
                return True
        return False

    def check(self, context: Context) -> Iterator[Problem]:
        usages = self.usages(context)
        if not usages:
            return
        batch: dict[str, tuple[str, str, int, int, int]] = context.batch.get(self.id) or {}
        order = list(usages)
        # The batch's spelling of a name leads its group here too; then the most used, the first used.
        rank = sorted(usages, key=lambda key: (key in batch, -len(usages[key].spans), order.index(key)))
        variant_of = self.groups(usages, rank)
        for key, usage in usages.items():
            if key in batch:
                head_text, _, files, head_files, total = batch[key]
                message = (f'"{usage.shown}" is used in {files} of {total} files, "{head_text}" in {head_files}: '
                           "spell the name one way in all of them")
                yield from self._problems(context, usage, head_text, message)
            elif key in variant_of:
                head = usages[variant_of[key]]
                message = mixed_spelling(usage.shown, len(usage.spans), head.shown, len(head.spans))
                yield from self._problems(context, usage, head.shown, message)

    def _problems(self, context: Context, usage: Usage, correct: str, message: str) -> Iterator[Problem]:
        for start, end, covered in usage.spans:
            if not covered:  # a names or substitution rule reports it
                yield Problem(start, end, message, (match_case(context.text[start:end], correct),))

    # -- all documents of a run (scope: batch) -----------------------------

    def collect(self, context: Context) -> dict[str, tuple[int, str]]:
        return {key: (len(usage.spans), usage.shown) for key, usage in self.usages(context).items()}

    def combine(self, collected: list[dict[str, tuple[int, str]]]) -> dict[str, tuple[str, str, int, int, int]]:
        """Minority spelling key -> (majority as shown, its key, files using the minority,
        files using the majority, files in the run). Majority: used in more files, then
        more often; equal file counts report nothing (no spelling is the batch's)."""
        files: Counter = Counter()
        uses: Counter = Counter()
        forms: dict[str, Counter] = {}
        for summary in collected:
            for key, (count, shown) in summary.items():
                files[key] += 1
                uses[key] += count
                forms.setdefault(key, Counter())[shown] += count
        usages = {key: Usage(forms=forms[key], roles={"any"}) for key in files}
        rank = sorted(files, key=lambda key: (-files[key], -uses[key], key))
        minority = {}
        for key, head in self.groups(usages, rank).items():
            if files[key] < files[head]:
                minority[key] = (usages[head].shown, head, files[key], files[head], len(collected))
        return minority


@functools.lru_cache(maxsize=1 << 16)
def _key(form: str) -> str:
    """Spellings that are the same but for case, apostrophes and kinds of dash or space."""
    return " ".join(fold(form).replace("’", "'").translate({ord(d): "-" for d in DASHES}).split())


def _article(text: str, particle: Word, name: Word) -> bool:
    between = text[particle.end:name.start]
    key = fold(particle.text)
    return (key in ARTICLES and _joined(text, particle, name)) or \
        (key in ASSIMILATED_ARTICLES and len(between) == 1 and between in DASHES)


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


def caps_lines(text: str) -> list[tuple[int, int]]:
    """Where the lines written all in capitals (headlines) are: (start, end) offsets."""
    return [match.span() for match in LINE.finditer(text) if is_all_caps(match.group())]


def _within(spans: list[tuple[int, int]], offset: int) -> bool:
    return bool(spans) and any(start <= offset < end for start, end in spans)
