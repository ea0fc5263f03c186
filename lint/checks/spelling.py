"""spelling: slips of the keyboard, without flagging every foreign name.

Each word is looked up in an offline English dictionary (see the README for
which). Translations are full of names no dictionary knows, so copydesk
reads capitals the way a copy editor does:

* a lower-case word the dictionary does not know is reported ("goverment"),
  unless real English uses it often (counterterrorism) or it is the plural of
  a word (martyrdoms);
* a known misspelling is reported even where the web writes it often ("teh",
  "alot", "thats"): codespell's curated list says which, and its correction
  comes first;
* a capitalised word in mid-sentence is taken to be a name (Alrajmah, Tayyip),
  unless it is one edit away from a word this same article uses (the article
  says "government" elsewhere and here "Goverment"), a known misspelling (it *may* be), or
  a spelling nobody writes one edit from a well-known name ("Erodgan": the
  message says it *may* be a slip and gives the spelling English-language
  outlets use);
* a capitalised word that starts a sentence or a line, or stands in a title,
  is reported if it is close to a common word ("Obsevers" -> "Observers")
  and the article never uses it in mid-sentence (where it would be a name);
  a name gets a "did you mean" only from the article's own words;
* two words with the space lost ("theministry", "attackWith", "Tripolitoday",
  with a name the article uses), a word split by a space ("compet ition"),
  a lost space after a full stop ("said.The"), a lost apostrophe ("Irans",
  "Iraq s"), a letter of another alphabet in a Latin word, and an acronym
  with letters transposed ("IEAE" beside "IAEA") are reported with the fix;
* in an en-US article a British form is told as such with the American one
  (sub-rule ``spelling/british``), and an article that mixes the two forms
  gets one finding for the mix;
* words in other scripts (Arabic, Cyrillic, Chinese), foreign phrases in
  Latin script ("ipso facto", "nous sommes prêts"), ALL-CAPS words
  (acronyms), brands with inner capitals (WhatsApp), words with digits,
  web and e-mail addresses, lines of pasted code, and Arabic name particles
  before a dash (al-, el-, ibn, abu) are never reported;
* words that any rule of the rules file mentions (names, variants, terms and
  their replacements) are accepted.

Options:

* ``ignore``: more words to accept, e.g. ``[Tobruk, jihadism]``.
* ``ignore_file``: a file of words to accept, one per line (``#`` starts a
  comment), relative to the rules file.

The top-level ``language`` chooses the dialect: en-GB (and en-AU, en-NZ, en-IE, en-ZA, en-IN) accepts "colour".
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import regex
from rapidfuzz.distance import OSA

from ..context import Context
from ..engines import gazetteer, slips
from ..engines.dictionary import Dictionary, describe, load
from ..finding import Problem
from ..names.evidence import ORDINARY_FREQUENCY, starts_sentence
from ..names.particles import PREFIXES
from ..options import Option, OptionError, text, text_list
from ..spelling.evidence import Evidence
from ..spelling.scans import acronym_slips, dash_splits, lost_letters, lost_spaces, spaced_apostrophes
from ..words import Word, fold, is_all_caps, match_case
from .base import Check

LETTERS_DASH, DASH_LETTERS = regex.compile(r"([\p{L}]+)-$"), regex.compile(r"-([\p{L}]+)")
BEFORE_NAME = regex.compile(r"[-‐‑–\s]+(\p{Lu})")


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
            dictionary = self.dictionary
            verdict = judged(stem) and key not in accepted and (
                not dictionary.known(key) or bool(dictionary.misspelt(key)) or dictionary.american(key) is not None
                or (stem[0].isupper() and slips.lost_apostrophe(key) is not None))
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
        flagged = []
        verdicts = self._verdicts
        for word in context.words:  # the hottest loop of the rule: a dictionary look-up per word
            stem = word.text if word.stem_end == word.end else text[word.start:word.stem_end]
            verdict = verdicts.get(stem)
            if verdict or (verdict is None and self._unknown(stem, context.accepted)):
                flagged.append((word, stem))
        dictionary = self.dictionary
        evidence = Evidence(context)
        yield from acronym_slips(context, dictionary)
        yield from lost_spaces(evidence, dictionary)
        yield from spaced_apostrophes(evidence)
        yield from dash_splits(evidence, dictionary)
        yield from lost_letters(evidence, dictionary)
        if not flagged:
            return
        british: list[tuple[Word, str, str]] = []
        reported_to = -1  # a problem over two words ("compet ition") covers the second one
        for word, stem in flagged:
            key = fold(stem)
            if (word.start < reported_to or evidence.in_web_address(word.start) or evidence.in_code(word.start)
                    or is_particle(text, word, key)
                    or joins_hyphenated(text, word, dictionary)):
                continue
            american = dictionary.american(key)
            if american is not None:
                british.append((word, stem, american))
            elif problem := self._judge(evidence, word, stem, key):
                reported_to = problem.end
                yield problem
        yield from self._british(british, evidence)

    def _judge(self, evidence: Evidence, word: Word, stem: str, key: str) -> Problem | None:
        """The problem with one word the dictionary questions, or None if it is a name or
        foreign. Capitals are evidence: see the module's documentation."""
        dictionary, text = self.dictionary, evidence.context.text
        if slips.mixed_script(stem):
            used = [w for w in evidence.used_words if len(w) == len(key) and OSA.distance(w, key) <= 2
                    and slips.latin(w)]
            shown = tuple(match_case(stem, w) for w in used[:1])
            return Problem(word.start, word.stem_end, f'"{stem}" mixes letters of two alphabets (a keyboard '
                           f"layout slip)" + (f'; did you mean "{shown[0]}"?' if shown else ""), shown)
        if match := slips.ARTICLE_THEN_NAME.fullmatch(stem):  # elSisi
            return run_together(word, stem, match.groups(), joint="-")
        if not judged_shape(stem):  # attackWith: two words, or a brand
            parts = slips.split_capital(dictionary, stem, evidence.name_uses)
            return run_together(word, stem, parts) if parts else None
        capital = stem[0].isupper()
        opening = capital and (starts_sentence(text, word.start) or evidence.in_title(word.start))
        known = dictionary.known(key)
        # A known word is a misspelling only where capitals say nothing (Carmel, Herat are names);
        # so is a short capitalised one in mid-sentence (Hsi, Lew: names, not "his", "lieu").
        if (not capital or (len(key) >= 4 and (opening or (not known and len(key) >= 5)))) and (
                fixes := dictionary.misspelt(key)):
            shown = tuple(match_case(stem, fix) for fix in fixes[:3])
            hedge = "may be" if capital and not opening else "is"  # in mid-sentence, maybe a name (Resul)
            message = f'"{stem}" {hedge} a common misspelling of {alternatives(shown)}'
            return Problem(word.start, word.stem_end, message, shown)
        if capital and (possessive := slips.lost_apostrophe(key)):
            fixed = match_case(stem, possessive)
            return Problem(word.start, word.stem_end, f'"{stem}" has lost its apostrophe: "{fixed}"?', (fixed,))
        if known or (not capital and slips.foreign(dictionary, key, evidence.neighbours(word))):
            return None  # a foreign phrase; capitalised words are names (Netanyahou is French)
        if capital and evidence.name_uses[key] > (0 if opening else 1):
            return None  # the article uses it as a name elsewhere
        if parts := slips.split(dictionary, key, evidence.name_uses if capital else ()):
            return run_together(word, stem, parts)
        if not capital and (joined := evidence.joined_with_neighbour(word, dictionary)):
            whole, start, end = joined
            written = text[start:end]
            return Problem(start, end, f'"{written}" looks like one word split by a space: "{whole}"', (whole,))
        if not capital:
            if not key.isascii() or slips.in_use(dictionary, key):
                return None  # pinyin tones, a French word; counterterrorism, martyrdoms
            return unknown(word, stem, [candidate for candidate, _ in dictionary.suggest(key)])
        if opening:
            # A common word's slip, unless English text uses the word (a name: Talal, Hossein);
            # else a word of the article one edit away.
            unseen = gazetteer.frequency(key) < gazetteer.UNSEEN
            suggestions = [c for c in slips.close_words(dictionary, key) if unseen and slips.ordinary(dictionary, c)]
            if suggestions := suggestions or evidence.used_one_edit_from(key):
                return unknown(word, stem, suggestions)
        if not opening and len(key) >= 4 and evidence.uses_a_word_one_edit_from(key):
            used = evidence.one_edit_used(word, key, dictionary)
            if used:
                return unknown(word, stem, used)
            # A long name the article writes more often one letter otherwise (Dagolo, Dagalo).
            counts = evidence.counts
            other = [c for c in evidence.used_one_edit_from(key) if len(key) >= 6 and counts[key] == 1
                     and counts[c] > 1 and evidence.name_uses[c] and not dictionary.known(c)]
            if other:
                usual = match_case(stem, other[0])
                return Problem(word.start, word.stem_end, f'"{stem}" once here, "{usual}" '
                               f"{counts[other[0]]}× elsewhere in this article: a slip?", (usual,))
        after_dash = word.start > 0 and text[word.start - 1] in "-‐‑"  # Abu-Steit: part of a longer name
        nearest = None if after_dash else slips.well_known(key)
        if nearest is None or nearest in evidence.used_words:
            return None  # a name; or the article spells it right elsewhere, which variants reports
        if dictionary.frequencies.get(nearest, 0) >= ORDINARY_FREQUENCY:
            in_name = capital and not opening and evidence.after_name_word(word, dictionary)  # Ghalib Mazid
            return None if in_name else unknown(word, stem, [nearest])
        usual = match_case(stem, nearest)
        return Problem(word.start, word.stem_end, f'"{stem}" may be a slip: English-language outlets write '
                       f'this name "{usual}"', (usual,))

    def _british(self, found: list[tuple[Word, str, str]], evidence: Evidence) -> Iterator[Problem]:
        """British forms in an American-English article: each told with its American form, or,
        when the article also uses the American form of some of them, one finding for the mix."""
        mixed = sorted({(fold(stem), american) for _, stem, american in found if american in evidence.used_words})
        rule = f"{self.id}/british"
        if mixed:
            word, stem, american = next(item for item in found if item[2] in evidence.used_words)
            pairs = ", ".join(f'"{british}" and "{american}"' for british, american in mixed)
            yield Problem(word.start, word.stem_end, f"This article mixes British and American spellings ({pairs}): "
                          "use the American ones throughout", (match_case(stem, american),), rule=rule)
            return
        for word, stem, american in found:
            shown = match_case(stem, american)
            yield Problem(word.start, word.stem_end, f'"{stem}" is the British spelling; American English writes '
                          f'"{shown}"', (shown,), rule=rule)


def alternatives(shown: tuple[str, ...]) -> str:
    return " or ".join(f'"{s}"' for s in shown)


def unknown(word: Word, stem: str, suggestions: list[str]) -> Problem | None:
    if stem[0].isupper() and not suggestions:
        return None
    shown = tuple(match_case(stem, candidate) for candidate in suggestions[:3])
    message = f'"{stem}" is not in the English dictionary'
    if shown:
        message += f"; did you mean {alternatives(shown)}?"
    return Problem(word.start, word.stem_end, message, shown)


def run_together(word: Word, stem: str, parts: tuple[str, ...], joint: str = " ") -> Problem:
    pieces, at = [], 0
    for part in parts[:-1]:
        pieces.append(stem[at:at + len(part)])
        at += len(part)
    joined = joint.join([*pieces, stem[at:]])
    lost = "space" if joint == " " else "dash"
    return Problem(word.start, word.stem_end, f'"{stem}" looks like {len(parts)} words with the {lost} lost: '
                   f'"{joined}"', (joined,))


def judged(stem: str) -> bool:
    """Whether spelling judges a word at all: Latin script, not acronyms or digits; inner
    capitals only in the shape of two words run together (attackWith)."""
    return (len(stem) > 1 and not is_all_caps(stem) and (slips.latin(stem) or slips.mixed_script(stem))
            and (judged_shape(stem) or slips.LOWER_THEN_CAPITAL.fullmatch(stem) is not None
                 or slips.CAPITAL_THEN_CAPITAL.fullmatch(stem) is not None
                 or slips.ARTICLE_THEN_NAME.fullmatch(stem) is not None))


def judged_shape(stem: str) -> bool:
    """No inner capitals: a word, a capitalised word or a name."""
    return not any(char.isupper() for char in stem[1:])


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
