"""Web and e-mail addresses in running text, found with linkify-it (markdown-it's link finder)."""

from __future__ import annotations

import functools
import re

from linkify_it import LinkifyIt

# Every address kept below has one of these: a scheme's "//", a path's "/", an e-mail's "@",
# or "www.". linkify-it is slow on long texts (its domain test is a regex of every top-level
# domain), so it reads only the lines that have one; an address never spans a line.
CLUE = re.compile(r"[/@]|www\.", re.IGNORECASE)


@functools.cache
def _linkify() -> LinkifyIt:
    return LinkifyIt()


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address. A bare domain counts only with a path or www.
    ("said.It" or "Tripoli.ly" in a sentence missing a space is prose, not a link)."""
    spans: list[tuple[int, int]] = []
    line_end = -1
    for clue in CLUE.finditer(text):
        if clue.start() < line_end:
            continue  # this line is read already
        line_start = max(text.rfind("\n", 0, clue.start()), text.rfind("\r", 0, clue.start())) + 1
        line_end = min(end for end in (text.find("\n", clue.start()), text.find("\r", clue.start()), len(text))
                       if end >= 0)
        spans += [(line_start + start, line_start + end) for start, end in _addresses(text[line_start:line_end])]
    return spans


def _addresses(line: str) -> list[tuple[int, int]]:
    linkify = _linkify()
    if not linkify.pretest(line):
        return []
    return [(match.index, match.last_index) for match in linkify.match(line) or ()
            if match.schema or "/" in match.raw or match.raw.lower().startswith("www.")]
