"""Slips the spelling rule finds by scanning the text rather than judging one word: words a
lost space or apostrophe joins or splits ("said.The", "Iraq s", "don t"), and an acronym with its
letters transposed ("IEAE" beside "IAEA")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex
from rapidfuzz.distance import OSA

from ..context import Context
from ..engines import slips
from ..engines.dictionary import Dictionary
from ..finding import Problem
from .evidence import Evidence

LOST_SPACE = regex.compile(r"(?<![\p{L}\p{N}.@/])(\p{Ll}{3,})\.(\p{Lu}\p{Ll}+)\b")
ACRONYM = regex.compile(r"\b\p{Lu}{3,6}\b")


def lost_spaces(evidence: Evidence, dictionary: Dictionary) -> Iterator[Problem]:
    """"said.The": two sentences with the space after the full stop lost (not a web address)."""
    text = evidence.context.text
    for match in LOST_SPACE.finditer(text):
        head, tail = match.group(1), match.group(2).casefold()
        if (slips.ordinary(dictionary, head) and (slips.ordinary(dictionary, tail) or tail in evidence.name_uses)
                and not evidence.in_web_address(match.start())):
            fixed = f"{match.group(1)}. {match.group(2)}"
            yield Problem(match.start(), match.end(), f'"{match.group()}": a space is missing after the full stop',
                          (fixed,))


# A name or acronym and a lone s (Iraq s, PUK s), or a contraction's stem and a lone t (don t).
SPACED_APOSTROPHE = regex.compile(r"\b(\p{Lu}\p{L}+) (s)\b(?![-'’])|\b((?:do|does|did|is|was|are|were|ca|wo|could|"
                                  r"should|would|have|has|had)n) (t)\b", regex.IGNORECASE)


def spaced_apostrophes(evidence: Evidence) -> Iterator[Problem]:
    """"Iraq s", "don t": an apostrophe lost and a space left in its place (pasted text)."""
    for match in SPACED_APOSTROPHE.finditer(evidence.context.text):
        if not evidence.in_web_address(match.start()) and (match.group(1) or "")[:1].isupper() | bool(match.group(3)):
            word, ending = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            fixed = f"{word}'{ending}"
            yield Problem(match.start(), match.end(), f'"{match.group()}": an apostrophe lost? "{fixed}"', (fixed,))


DASH_SPACE = regex.compile(r"\b(\p{Ll}{2,})- (\p{Ll}{2,})\b")


def dash_splits(evidence: Evidence, dictionary: Dictionary) -> Iterator[Problem]:
    """"govern- ment": a word broken at a line end and the break lost, both halves may be words
    ("pre- and post-war" is English: "preand" is no word)."""
    for match in DASH_SPACE.finditer(evidence.context.text):
        whole = match.group(1) + match.group(2)
        if dictionary.frequencies.get(whole, 0) >= 1000 and not evidence.in_web_address(match.start()):
            yield Problem(match.start(), match.end(), f'"{match.group()}" looks like one word split by a dash: '
                          f'"{whole}"', (whole,))


def acronym_slips(context: Context, dictionary: Dictionary) -> Iterator[Problem]:
    """"IEAE" in an article that writes "IAEA" more often: the letters of an acronym transposed."""
    uses = Counter(match.group() for match in ACRONYM.finditer(context.text))
    by_letters: dict[str, list[str]] = {}
    for acronym in uses:  # the same letters, reordered or one doubled: IAEA / IEAE
        by_letters.setdefault("".join(sorted(set(acronym))) + str(len(acronym)), []).append(acronym)
    for group in by_letters.values():
        if len(group) < 2:
            continue
        usual = max(group, key=lambda acronym: uses[acronym])
        for other in group:
            if (uses[other] < uses[usual] and OSA.distance(other, usual) <= 2
                    and not dictionary.known(other.casefold())):
                for match in regex.finditer(rf"\b{other}\b", context.text):
                    yield Problem(match.start(), match.end(), f'"{other}" ({uses[other]}×) here, "{usual}" '
                                  f"({uses[usual]}×) elsewhere: letters transposed?", (usual,))
