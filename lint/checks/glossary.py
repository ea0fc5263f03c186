"""glossary: a source term is rendered as the glossary says.

When a source segment has a term of the glossary and its translation has none of the
term's English renderings, the whole target segment is reported with the renderings as
suggestions. The source is matched as its language writes words: in Arabic and Persian,
diacritics and tatweel are ignored and a word may carry the clitics و ف ب ل ك and the article
ال ("وبحكومة الوفاق" has "حكومة الوفاق"); Turkish and Russian words match by their stem
("Cumhurbaşkanının" has "Cumhurbaşkanı"). The renderings are matched whole-word and
regardless of case, with a plural, possessive, -ing or -ed ending allowed. A term listed
more than once (a glossary with several English terms for one source term) allows them all.

Options (one of them at least):

* ``terms``: a mapping of source term to an English rendering or a list of them.
* ``file``: a TBX (``.tbx``) or CSV glossary, relative to the rules file. A CSV row is a
  source term then its renderings (more columns, or one cell with ``|`` between them);
  a TBX entry's English terms render each of its other languages' terms.

.. code-block:: yaml

    gna:
      type: glossary
      severity: error
      terms: {"حكومة الوفاق الوطني": [Government of National Accord, GNA]}
      file: glossary.tbx
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import regex

from ..bilingual.glossaries import GlossaryError, read
from ..bilingual.terms import SourceWords, term_keys
from ..context import Context
from ..finding import Problem
from ..options import Option, OptionError, describe, text, text_list
from .base import Check


def term_mapping(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"expected a mapping of source terms to their English renderings, got {describe(value)}")
    return {text(term): text_list(renderings) for term, renderings in value.items()}


class Glossary(Check):
    type_name = "glossary"
    options = {
        "terms": Option(term_mapping, None, "source term -> English rendering(s)"),
        "file": Option(text, None, "a TBX or CSV glossary"),
    }
    terms: dict[str, tuple[str, ...]] | None
    file: str | None

    def validate(self) -> None:
        if self.terms is None and self.file is None:
            raise OptionError("terms", "a glossary rule needs terms, a file, or both")
        self.glossary = dict(self.terms or {})
        if self.file is not None:
            try:
                self.glossary.update(read(os.path.join(self.base_dir, self.file)))
            except GlossaryError as error:
                raise OptionError("file", str(error)) from None
        self._entries: dict[str, dict] = {}  # source language -> the terms by their words' forms (_by_form)

    def check(self, context: Context) -> Iterator[Problem]:
        language = context.source_language or "ar"
        entries = self._entries.get(language) or self._entries.setdefault(language, self._by_form(language))
        for segment, target in context.compared():
            source = SourceWords(segment.source, language)
            for keys, (term, renderings, patterns) in entries.items():
                if source.has(list(keys)) and not any(pattern.search(target) for pattern in patterns):
                    allowed = " or ".join(f'"{rendering}"' for rendering in renderings)
                    yield Problem(segment.start, segment.end,
                                  f"The source has «{term}»: the glossary renders it {allowed}", renderings)

    def _by_form(self, language: str) -> dict[tuple[str, ...], tuple[str, tuple[str, ...], list[regex.Pattern]]]:
        """The terms by the form the source language gives their words: the glossary's
        "سعال" and "السعال" are one term, and allow the renderings of both."""
        entries: dict[tuple[str, ...], tuple[str, tuple[str, ...], list[regex.Pattern]]] = {}
        for term, renderings in self.glossary.items():
            keys = tuple(term_keys(term, language))
            first, known, _ = entries.get(keys, (term, (), []))
            merged = tuple(dict.fromkeys([*known, *renderings]))
            entries[keys] = (first, merged, [rendering_pattern(rendering) for rendering in merged])
        return entries


def rendering_pattern(rendering: str) -> regex.Pattern:
    words = [regex.escape(word) for word in rendering.split()]
    return regex.compile(r"(?<![\p{L}\p{N}])" + r"[\s\-]+".join(words)
                         + r"(?:['’]s|s|es|['’]|ing|ed|d)?(?![\p{L}\p{N}])", regex.IGNORECASE)
