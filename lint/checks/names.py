"""names: one person's, place's or group's name, and the spellings it must not have.

Readers notice first when one man is "Hifter" in one paragraph and "Haftar" in
the next. List the spellings of a name; copydesk finds them as whole words,
whatever their case, with or without a possessive (Hifter's, Hifter’s), and
whether accented letters were typed precomposed or with combining marks.

Options:

* ``variants`` (required): the other spellings, e.g. ``[Hifter, Hafter]``.
  Multi-word names ("Fathi Bashaga") and al-/el- forms ("el-Sisi") work; any
  dash in the text matches a hyphen in the rule, and a line break a space.
* ``preferred``: the house spelling. Every variant is then reported, with the
  preferred form as the suggestion in the case of the text (HIFTER -> HAFTAR).
  Without it, an article that mixes spellings has its less used spellings
  reported, suggesting the one it uses most (on a tie, the one used first).
* ``unless``: phrases in which a variant is right and stays as written: a
  fixed expression, a historical or proper name, a title quoted as published,
  e.g. ``[chicken Kiev, Battle of Kiev]``. Each must contain a variant; it
  matches as names do (any case, any dash), is never reported, never changed
  by ``--fix``, and the ``variants`` rule leaves it alone too.
* ``message``: replaces the default message; ``{text}`` and ``{suggestion}``
  are filled in.

.. code-block:: yaml

    haftar:
      type: names
      severity: error
      preferred: Haftar
      variants: [Hifter, Hafter, Heftar]
    kyiv:
      type: names
      severity: error
      preferred: Kyiv
      variants: [Kiev]
      unless: [chicken Kiev]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from ..context import Context
from ..finding import Problem
from ..names.usage import mixed_spelling
from ..options import Option, OptionError, text, text_list
from ..phrases import Entry, Hit, exceptions, exceptions_problem, phrase_key
from ..words import match_case
from .base import Check


class Names(Check):
    type_name = "names"
    priority = 100
    fixable = True
    silenced_by_sic = True
    only_where_found = True
    options = {
        "variants": Option(text_list, doc="other spellings of the name"),
        "preferred": Option(text, None, "the house spelling"),
        "unless": Option(text_list, (), "phrases in which a variant is right (chicken Kiev)"),
        "message": Option(text, None, "a message replacing the default one"),
    }
    variants: tuple[str, ...]
    preferred: str | None
    unless: tuple[str, ...]
    message: str | None

    def validate(self) -> None:
        seen: dict[str, str] = {}
        if self.preferred is not None:
            seen[phrase_key(self.preferred)] = self.preferred
        for variant in self.variants:
            key = phrase_key(variant)
            if not key:
                raise OptionError("variants", f"{variant!r} has no letters to match")
            if key in seen:
                what = "the preferred spelling" if seen[key] == self.preferred else f"{seen[key]!r}"
                raise OptionError("variants", f"{variant!r} is the same name as {what} "
                                              "(case and accents typed differently do not count)")
            seen[key] = variant
        if self.preferred is None and len(self.variants) < 2:
            raise OptionError("variants", "without 'preferred', list at least two spellings to compare")
        if problem := exceptions_problem(self.unless, self.variants):
            raise OptionError("unless", problem)

    def phrases(self) -> Iterable[Entry]:
        if self.preferred is not None:
            yield Entry(self.id, self.preferred)
        for variant in self.variants:
            yield Entry(self.id, variant, () if self.preferred is None else (self.preferred,))
        yield from exceptions(self.id, self.unless)

    def summary(self) -> str:
        if self.preferred is None:
            summary = "One spelling per article of " + ", ".join(self.variants)
        else:
            summary = f"{self.preferred}, not " + ", ".join(self.variants)
        return summary + ("; except in " + ", ".join(self.unless) if self.unless else "")

    def check(self, context: Context) -> Iterator[Problem]:
        hits = context.hits(self.id)
        if self.preferred is not None:
            for hit in hits:
                if hit.entry.targets:
                    yield self._problem(hit, hit.entry.targets[0], None)
            return
        counts = Counter(hit.entry.phrase for hit in hits)
        if len(counts) < 2:
            return
        first_use = {phrase: index for index, phrase in reversed(list(enumerate(h.entry.phrase for h in hits)))}
        majority = max(counts, key=lambda phrase: (counts[phrase], -first_use[phrase]))
        majority_text = next(hit.text for hit in hits if hit.entry.phrase == majority)
        for hit in hits:
            if hit.entry.phrase != majority:
                yield self._problem(hit, majority_text, (counts[hit.entry.phrase], counts[majority]))

    def _problem(self, hit: Hit, correct: str, counts: tuple[int, int] | None) -> Problem:
        suggestion = match_case(hit.text, correct)
        if self.message:
            message = self.message.replace("{text}", hit.text).replace("{suggestion}", suggestion)
        elif counts is None:
            message = f'"{hit.text}" is not the house spelling of this name: write "{suggestion}"'
        else:
            message = mixed_spelling(hit.text, counts[0], correct, counts[1])
        return Problem(hit.start, hit.end, message, (suggestion,))

