"""consistency: one source, one translation, within a bilingual file.

Two checks of segmented files (XLIFF, PO, TMX), as translation-QA tools make them:

* the same source segment translated two ways: the later target is reported, quoting the
  earlier one and naming its unit;
* two different source segments given the same translation (of three words at least:
  shorter ones, "Yes", "He said:", are rightly shared): the later one is reported.

Sources compare ignoring case, spacing and Arabic diacritics; targets ignoring case and spacing.

.. code-block:: yaml

    consistency:
      type: consistency
      severity: warning
"""

from __future__ import annotations

from collections.abc import Iterator

from ..bilingual.terms import arabic_form
from ..context import Context
from ..finding import Problem
from ..words import fold
from .base import Check

MIN_SHARED_WORDS = 3
SHOWN = 60


def key(text: str) -> str:
    return fold(" ".join(arabic_form(text).split()))


def quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"«{text if len(text) <= SHOWN else text[:SHOWN - 1] + '…'}»"


class Consistency(Check):
    type_name = "consistency"

    def check(self, context: Context) -> Iterator[Problem]:
        by_source: dict[str, tuple[str, str, str]] = {}  # source -> (target key, target, unit)
        by_target: dict[str, tuple[str, str, str]] = {}  # target -> (source key, source, unit)
        for segment in context.segments:
            target = context.target(segment)
            if not segment.has_target or not target.strip():
                continue
            source_key, target_key = key(segment.source), key(target)
            earlier = by_source.setdefault(source_key, (target_key, target, segment.unit))
            if earlier[0] != target_key:
                yield Problem(segment.start, segment.end, f"The same source is translated differently in unit "
                                                          f"{earlier[2]}: {quoted(earlier[1])}")
                continue
            shared = by_target.setdefault(target_key, (source_key, segment.source, segment.unit))
            if shared[0] != source_key and len(target.split()) >= MIN_SHARED_WORDS:
                yield Problem(segment.start, segment.end, f"Unit {shared[2]} has this same translation for a "
                                                          f"different source: {quoted(shared[1])}")
