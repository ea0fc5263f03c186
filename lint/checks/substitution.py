"""substitution: a wrong word or phrase, and what to write instead.

For terminology ("reconciliation government" for the Government of National
Accord), known wrong transliterations (Rejep for Recep) and house style. Words
and phrases match whole and in any case; the suggestion takes the case of the
text (REJEP -> RECEP). A replacement that differs only in case from its wrong
form ("Gaza strip" -> "Gaza Strip") matches that exact case only.

Options:

* ``replace`` (required): a mapping of wrong -> right. A right side may be a
  list of choices; copydesk then suggests each and leaves the choice to you.
* ``unless``: phrases in which a wrong form is right and stays as written
  (a fixed expression, a proper name, a title quoted as published), e.g.
  ``[Kiev Polytechnic Institute]``. Each must contain a wrong form; it matches
  as the wrong forms do, is never reported and never changed by ``--fix``.
* ``message``: replaces the default message; ``{text}`` and ``{suggestion}``
  are filled in.

.. code-block:: yaml

    terms:
      type: substitution
      severity: error
      replace:
        Rejep: Recep
        reconciliation government: Government of National Accord
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..context import Context
from ..finding import Problem
from ..options import Option, OptionError, describe, text, text_list
from ..phrases import Entry, exceptions, exceptions_problem, phrase_key
from ..words import fold, match_case
from .base import Check


def replacements(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"expected a mapping of wrong -> right, got {describe(value)}")
    if any(isinstance(wrong, bool) for wrong in value):
        raise ValueError("a wrong form was read as true or false (YAML reads yes, no, on and off so): "
                         "put it in quotes, e.g. 'no': none")
    return {text(str(wrong) if isinstance(wrong, (int, float)) else wrong): text_list(right)
            for wrong, right in value.items()}


class Substitution(Check):
    type_name = "substitution"
    priority = 100
    fixable = True
    only_where_found = True
    options = {
        "replace": Option(replacements, doc="wrong -> right"),
        "unless": Option(text_list, (), "phrases in which a wrong form is right"),
        "message": Option(text, None, "a message replacing the default one"),
    }
    replace: dict[str, tuple[str, ...]]
    unless: tuple[str, ...]
    message: str | None

    def validate(self) -> None:
        for wrong, rights in self.replace.items():
            if not phrase_key(wrong):
                raise OptionError("replace", f"{wrong!r} has no letters to match")
            if wrong in rights:
                raise OptionError("replace", f"{wrong!r} is replaced by itself")
        if problem := exceptions_problem(self.unless, self.replace):
            raise OptionError("unless", problem)

    def phrases(self) -> Iterable[Entry]:
        for wrong, rights in self.replace.items():
            case_only = any(fold(right) == fold(wrong) for right in rights)
            yield Entry(self.id, wrong, rights, case_sensitive=case_only)
        yield from exceptions(self.id, self.unless)

    def summary(self) -> str:
        summary = "; ".join(f"{wrong} → {' or '.join(rights)}" for wrong, rights in self.replace.items())
        return summary + ("; except in " + ", ".join(self.unless) if self.unless else "")

    def check(self, context: Context) -> Iterator[Problem]:
        for hit in context.hits(self.id):
            suggestions = tuple(dict.fromkeys(
                right if fold(right) == fold(hit.text) else match_case(hit.text, right)
                for right in hit.entry.targets))
            first = suggestions[0]
            if self.message:
                message = self.message.replace("{text}", hit.text).replace("{suggestion}", first)
            elif len(suggestions) == 1:
                message = f'write "{first}", not "{hit.text}"'
            else:
                message = f'"{hit.text}" is not used here: write ' + " or ".join(f'"{s}"' for s in suggestions)
            yield Problem(hit.start, hit.end, message[:1].upper() + message[1:], suggestions)
