"""Web and e-mail addresses in running text, found with linkify-it (markdown-it's link finder)."""

from __future__ import annotations

import functools
import re

import regex
from linkify_it import LinkifyIt

# Every address kept below has one of these: a scheme's "//", a path's "/", an e-mail's "@",
# or "www.". linkify-it is slow on long texts (its domain test is a regex of every top-level
# domain), so it reads only the stretches of text without spacing that have one: an address
# never holds a space or a line end.
CLUE = re.compile(r"[/@]|www\.", re.IGNORECASE)
STRETCH, STRETCH_BEFORE = regex.compile(r"\S+"), regex.compile(r"\S*", regex.REVERSE)


@functools.cache
def _linkify() -> LinkifyIt:
    return LinkifyIt()


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address. A bare domain counts only with a path or www.
    ("said.It" or "Tripoli.ly" in a sentence missing a space is prose, not a link)."""
    spans: list[tuple[int, int]] = []
    stretch_end = -1
    for clue in CLUE.finditer(text):
        if clue.start() < stretch_end:
            continue  # this stretch is read already
        before, after = STRETCH_BEFORE.match(text, 0, clue.start()), STRETCH.match(text, clue.start())
        assert before is not None and after is not None  # both may match nothing, so both match
        start, stretch_end = before.start(), after.end()
        spans += [(start + begin, start + end) for begin, end in _addresses(text[start:stretch_end])]
    return spans


def _addresses(stretch: str) -> list[tuple[int, int]]:
    linkify = _linkify()
    if not linkify.pretest(stretch):
        return []
    return [(match.index, match.last_index) for match in linkify.match(stretch) or ()
            if match.schema or "/" in match.raw or match.raw.lower().startswith("www.")]
