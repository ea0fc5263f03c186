"""untranslated: text left untranslated, with or without its source.

* In any article, also with no source at all: a run of words in another script than
  English's ("Arabic text left in the article: وقال المتحدث"), Arabic, Persian, Cyrillic,
  Hebrew, Greek, Armenian, Georgian, Devanagari, Chinese, Japanese or Korean. Two letters
  at least; words in another script are then not also spelling findings. With a source, a run
  that its source segment has as it is (a term quoted in Chinese in both) is not reported.
* With a source (a bilingual file or an article pair): a target that is empty (reported on
  its source, the text left untranslated), a source paragraph of an article pair that the
  translation dropped (reported on the paragraph beside which it belongs, see ``--source``),
  and a target identical to its source (ignoring
  case and spacing). A source in Latin letters (Turkish) copied as it is counts only from
  four words on: shorter, it is mostly a name ("Recep Tayyip Erdoğan").

.. code-block:: yaml

    untranslated:
      type: untranslated
      severity: error
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from ..context import Context
from ..finding import Problem
from ..words import fold
from .base import Check

SCRIPTS = ("ARABIC", "CYRILLIC", "HEBREW", "GREEK", "ARMENIAN", "GEORGIAN", "DEVANAGARI", "CJK", "HIRAGANA",
           "KATAKANA", "HANGUL", "THAI", "SYRIAC", "THAANA")
# A run of words of one script: letters and marks of it, with spaces and punctuation between words.
FOREIGN = regex.compile(r"[\p{Arabic}\p{Cyrillic}\p{Hebrew}\p{Greek}\p{Armenian}\p{Georgian}\p{Devanagari}"
                        r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Syriac}\p{Thaana}]"
                        r"[\p{L}\p{M}\p{N}\u200c\u200d\u0640]*")
BETWEEN = regex.compile(r"[\s\p{P}\u00ab\u00bb\u060c\u061b\u061f]*")
PERSIAN = set("پچژگکی")
SHOWN = 60
LATIN_COPY_WORDS = 4  # a Latin-script source copied as it is: a name until this many words


def script(char: str) -> str:
    name = unicodedata.name(char, "").split(" ")[0]
    return {"CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean"}.get(
        name, name.capitalize())


class Untranslated(Check):
    type_name = "untranslated"
    priority = 95  # above variants and spelling: words in another script are this check's

    def check(self, context: Context) -> Iterator[Problem]:
        copied = []  # targets that are their source: one finding each, not also one per foreign run
        for segment in context.segments:
            target = context.target(segment)
            if segment.source_start is None and not segment.has_target:  # an article pair's dropped paragraph
                yield Problem(segment.start, segment.end, f"{segment.unit.capitalize()} has no translation (it "
                                                          f"belongs beside this paragraph): {quoted(segment.source)}")
            elif not segment.has_target or not target.strip():
                start = segment.source_start if segment.source_start is not None else segment.start
                end = segment.source_end if segment.source_end is not None else segment.end
                yield Problem(start, end, f"No translation for this source: {quoted(segment.source)}")
            elif same(segment.source, target) and (non_latin(segment.source)
                                                  or len(segment.source.split()) >= LATIN_COPY_WORDS):
                copied.append((segment.start, segment.end))
                yield Problem(segment.start, segment.end, "The translation is the source text, untranslated")
        where = "translation" if context.segments else "article"
        for problem in foreign_runs(context.text, where):
            if not any(start <= problem.start < end for start, end in copied) and not quoted_from_source(
                    context, problem):
                yield problem


def quoted_from_source(context: Context, problem: Problem) -> bool:
    """Foreign text that its source segment also has, as it is: a term quoted on purpose
    ("Wuhan pneumonia" (武汉肺炎)), not left untranslated."""
    run = context.text[problem.start:problem.end]
    return any(segment.start <= problem.start < segment.end and run in segment.source
               for segment in context.segments)


def foreign_runs(text: str, where: str) -> Iterator[Problem]:
    """Runs of words in one script other than Latin, joined across spaces and punctuation."""
    position = 0
    while (match := FOREIGN.search(text, position)) is not None:
        kind = script(match.group()[0])
        start, end = match.span()
        while True:
            gap = BETWEEN.match(text, end)
            following = FOREIGN.match(text, gap.end() if gap else end)
            if following is None or script(following.group()[0]) != kind:
                break
            end = following.end()
        position = end
        run = text[start:end]
        if sum(char.isalpha() for char in run) < 2:
            continue
        if kind == "Arabic" and PERSIAN & set(run):
            kind = "Persian"
        yield Problem(start, end, f"{kind} text left in the {where}: {quoted(run)}")


def quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"«{text if len(text) <= SHOWN else text[:SHOWN - 1] + '…'}»"


def same(source: str, target: str) -> bool:
    return fold(" ".join(source.split())) == fold(" ".join(target.split()))


def non_latin(text: str) -> bool:
    return FOREIGN.search(text) is not None
