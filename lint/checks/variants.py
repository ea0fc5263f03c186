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
sh/ch, j/g, ou/u/o/w, i/e/y, voiced and voiceless consonants (Mahmoud/Mahmout,
Ahmed/Ahmet), simplified clusters (Hemedti/Hemeti), doubled letters, a dropped
or transposed letter in long names (Bashagha/Bashagah), diacritics
(Erdoğan/Erdogan), al-/el- and spacing (al-Mishri/Almishri), a hyphen or a
space between two words of a name (Amir-Abdollahian/Amir Abdollahian),
possessives and headline capitals (a spelling used only in an ALL-CAPS
headline counts). Given-name elements written several ways (Abdel/Abdul,
Mohammed/Muhammad/Mohamed, Youssef/Yusuf, and Turkish forms: Mehmet, Ahmet)
are one name only when the rest of the name is the same ("Abdul Hamid
Dbeibah" and "Abdel Hamid Dbeibah"). When several spellings are each used
about as often, every one is reported but the one the others are closest to.

With a source (a bilingual file, or ``--source``), each spelling is matched with the word of
its source segment that it transliterates (Arabic and Cyrillic letters read as the same
sound classes as English ones: حفتر is h-f-t-r, as Haftar and Hifter are). Two spellings
that render one source name are reported even when each is used once and however far apart
they look (but words the dictionary knows join only each other, with the same consonants,
and never one word with another on its stem, Coronaviridae and Coronaviruses); two spellings
that render two different source names are never joined, however
alike they are in English.

It leaves alone: a name with and without its article (al-Sisi/Sisi), plural
and adjective forms (Houthi/Houthis, Iraq/Iraqi), acronyms (SANA/Sanaa),
ordinary English words, short names that differ by a sound (Salah/Saleh,
Hassan/Hussein, Omar/Amer), two spellings the article uses for two people
("Aguila Saleh" and "Mohamed Salah"; "Salah Badi" and "Aguila Saleh"; a place
and a man, "Sulaimani-based" and "Qasim Soleimani"; but a
family name that ends a name after bin or ibn is shared by kin: "Miteb bin
Thunayan" and "Saud bin Abdullah bin Thanayan" are one spelling question), and
spellings that a ``names`` or ``substitution`` rule already covers (that rule
reports them), and a spelling given in brackets right after another one, which
gives the two forms on purpose ("the area of Nisêbîn (Nusaybin)"). Words the
English dictionary knows (Kiev, Gaddafi, Gaza) are joined only when the
difference is one of spelling, not of sound.

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
from collections.abc import Iterable, Iterator
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..context import Context
from ..engines.dictionary import load
from ..finding import Problem
from ..names.anchors import anchored, one_source_name
from ..names.elements import same_element
from ..names.evidence import established, glosses
from ..names.joining import mixed_joins
from ..names.transliteration import fold_letters, judge, maybe_close, score, spelling
from ..names.usage import Usage, gather, mixed_spelling
from ..options import Option, OptionError, describe, text_list
from ..words import fold, match_case
from .base import Check

SCOPES = ("document", "batch")
# A word the English word list counts this often is a title or a word, not the rest of a name
# (Sheikh 699, Emir 353, Ayatollah 108; Hamid and Salman 0).
TITLE_FREQUENCY = 100


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


class Variants(Check):
    type_name = "variants"
    priority = 90
    silenced_by_sic = True
    options = {
        "scope": Option(scope, "document", "document: within each article; batch: also across the files of a run"),
        "ignore": Option(name_groups, (), "groups of different names that must not be joined"),
    }
    scope: str
    ignore: tuple[tuple[str, ...], ...]

    def validate(self) -> None:
        self._sources: dict[str, set[str]] = {}  # with a source: spelling key -> the source names it renders
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

    def groups(self, usages: dict[str, Usage], rank: Iterable[str],
               counts: dict[str, int] | None = None) -> dict[str, str]:
        """Spelling key -> the key of the spelling it is a variant of (heads map to none).
        A spelling joins the group of the first spelling ranked before it that it is related
        to, head or not (Hamiti, Hemedti, Hemeti: a chain is one name). Each is judged only
        against the spellings whose skeletons are at most two edits from its own, which
        rapidfuzz finds at once. With ``counts``, a group of three or more where no spelling
        is used most is led by the spelling the others are closest to."""
        keys: list[str] = []
        skeletons: list[str] = []
        variant_of: dict[str, str] = {}
        members: dict[str, list[str]] = {}
        for key in rank:
            skeleton = spelling(usages[key].shown).skeleton
            close = sorted(index for _, _, index in process.extract(
                skeleton, skeletons, scorer=Levenshtein.distance, score_cutoff=2, limit=None))
            related = next((keys[index] for index in close if self._related(key, keys[index], usages)), None)
            keys.append(key)
            skeletons.append(skeleton)
            if related is None:
                members[key] = [key]
            else:
                head = variant_of.get(related, related)
                variant_of[key] = head
                members[head].append(key)
        if counts:
            for group in members.values():
                if len(group) > 2 and counts[group[0]] == counts[group[1]]:
                    centre = min(group, key=lambda key: (sum(score(spelling(usages[key].shown),
                                                                   spelling(usages[other].shown))
                                                             for other in group if other != key), group.index(key)))
                    for key in group:
                        variant_of.pop(key, None)
                        if key != centre:
                            variant_of[key] = centre
        return variant_of

    def _related(self, one: str, other: str, usages: dict[str, Usage]) -> bool:
        if self._apart and other in self._apart.get(fold_letters(one), ()):
            return False
        if self._sources.get(one) and self._sources.get(other) and not self._sources[one] & self._sources[other]:
            return False  # they render two different names of the source
        a, b = usages[one], usages[other]
        if same_element(a.shown, b.shown):  # Abdel/Abdul, Mehmet/Mohammed: only in the same full name
            frequencies = load(self.language).frequencies  # a title (Sheikh, Prince) is no part of it
            return any(frequencies.get(word, 0) < TITLE_FREQUENCY for word in a.beside & b.beside)
        return one_name(a.shown, b.shown, self.language) and not self._two_people(a, b)

    def _two_people(self, a: Usage, b: Usage) -> bool:
        """The article uses the two spellings as different names: one always as a first
        name, the other never; or with different first names (or different surnames)."""
        if a.roles != b.roles and len(a.roles) == len(b.roles) == 1:
            # A place ("Sulaimani-based") and a man with a first name (Qasim Soleimani); a place
            # written once plainly and once before "-based" is still one place.
            return "place" not in a.roles | b.roles or bool(a.before if "place" in b.roles else b.before)
        for mine, theirs in ((a.before, b.before), (a.after, b.after)):
            if mine and theirs and not any(x == y or judge(spelling(x), spelling(y)) for x in mine for y in theirs):
                return True
        return False

    def check(self, context: Context) -> Iterator[Problem]:
        for joined in mixed_joins(context.text, context.words):
            if not self._covered(context, joined.start, joined.end):
                message = mixed_spelling(joined.written, joined.uses, joined.usual, joined.usual_uses)
                yield Problem(joined.start, joined.end, message, (joined.usual,))
        usages = gather(context, self.language)
        if not usages:
            return
        spans = {key: [(start, end) for start, end, _ in usage.spans] for key, usage in usages.items()}
        language = context.source_language
        self._sources = anchored(spans, context.document.text, context.segments, language) \
            if context.segments and language else {}
        batch: dict[str, tuple[str, str, int, int, int]] = context.batch.get(self.id) or {}
        order = list(usages)
        # The batch's spelling of a name leads its group here too; then the most used, the first used.
        rank = sorted(usages, key=lambda key: (key in batch, -len(usages[key].spans), order.index(key)))
        variant_of = self.groups(usages, rank, {key: len(usage.spans) for key, usage in usages.items()})
        if glossed := glosses(context.text):
            variant_of = {key: head for key, head in variant_of.items()
                          if frozenset((fold(usages[key].shown), fold(usages[head].shown))) not in glossed}
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
            elif (rendered := one_source_name(key, {k: u.shown for k, u in usages.items()}, rank, self._sources,
                                              self.language)) is not None:
                head_key, name = rendered
                message = (f'"{usage.shown}" and "{usages[head_key].shown}" render one name of the source, «{name}»: '
                           "spell it one way")
                yield from self._problems(context, usage, usages[head_key].shown, message)

    @staticmethod
    def _covered(context: Context, start: int, end: int) -> bool:
        return any(hit.start < end and start < hit.end for hit in context.all_hits)

    def _problems(self, context: Context, usage: Usage, correct: str, message: str) -> Iterator[Problem]:
        for start, end, covered in usage.spans:
            if not covered:  # a names or substitution rule reports it
                yield Problem(start, end, message, (match_case(context.text[start:end], correct),))

    # -- all documents of a run (scope: batch) -----------------------------

    def collect(self, context: Context) -> dict[str, tuple[int, str]]:
        return {key: (len(usage.spans), usage.shown) for key, usage in gather(context, self.language).items()}

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
