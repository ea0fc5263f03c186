"""numbers: every number of the source is in its translation, and no other.

With a source (a bilingual file, or ``--source`` for an article pair), each target is
compared with its source segment: "25 dead" must not become "52 dead". Numbers are read
in the source's own digits and separators: Arabic-Indic (٢٥) and Persian (۲۵) digits, the
Arabic decimal and thousands marks (٫ ٬) and percent sign (٪), thousands grouped with
dots (Turkish 1.500), spaces (Russian 1 500) or commas, decimal commas (2,5), ranges
(10-15: two numbers), percentages and years. A scale word after a number counts in either
language ("25 ألف" is "25,000" or "25 thousand", "2.5 million" is 2,500,000). A number the
translation writes out ("three" for ٣, "a dozen", "May" for ٥ in a date, "type II") is accepted;
a number of the translation that the source writes in words (ثلاثة, iki, три) or as an
Arabic dual (مترين, two metres) is not reported as extra; digits right after a Latin letter
are part of a code (R0, ACE2, H1N1, G20): they answer for a source number but are never one
too many, and in the source they are not required.

A wrong or extra number of the translation is reported where it is, saying which number of
the source was expected; a source number that the translation lacks altogether is reported on
the whole target segment. A number repeated on one side only ("COVID-19 … the COVID-19
pandemic") is not a difference; times on the hour ("8:00") need no "00" in the source.
Empty targets are left to the ``untranslated`` check.

.. code-block:: yaml

    numbers:
      type: numbers
      severity: error
"""

from __future__ import annotations

from collections.abc import Iterator

from ..bilingual.numerals import Number, format_value, numbers, worded, written_numbers
from ..context import Context
from ..finding import Problem
from .base import Check


class Numbers(Check):
    type_name = "numbers"

    def check(self, context: Context) -> Iterator[Problem]:
        for segment, target in context.compared():
            in_source = numbers(segment.source, context.source_language or "ar")
            source = [number for number in in_source if number.digits]
            found = numbers(target, "en")
            missing, extra = matched(source, [number for number in found if number.digits],
                                     [number for number in found if not number.digits] + written_numbers(target))
            if extra:  # a number the source writes in words, or an Arabic dual, is in the source
                said = worded(segment.source, context.source_language or "ar").union(
                    *(number.values for number in in_source if not number.digits))  # SARS-CoV-2 in the source
                extra = [number for number in extra if not number.values & said]
            for index, number in enumerate(extra):
                start, end = segment.start + number.start, segment.start + number.end
                if index < len(missing):
                    expected = missing[index]
                    yield Problem(start, end, f"{number.written} is not in the source, which has {expected.shown} here",
                                  (format_value(expected.first),))
                else:
                    yield Problem(start, end, f"{number.written} is not in the source")
            if len(missing) > len(extra):
                lacking = ", ".join(number.shown for number in missing[len(extra):])
                yield Problem(segment.start, segment.end, f"The source has {lacking}, not in this translation")


def matched(source: list[Number], target: list[Number], written: list[Number]) -> tuple[list[Number], list[Number]]:
    """The source numbers that no number of the target stands for, and the target's digit
    numbers that stand for none of the source. A number said twice where the other text says
    it once ("COVID-19 … the COVID-19 pandemic") is not a difference."""
    answers = [*target, *written]
    missing = [number for number in source if not any(other.values & number.values for other in answers)]
    extra = [number for number in target if not any(other.values & number.values for other in source)]
    return missing, extra
