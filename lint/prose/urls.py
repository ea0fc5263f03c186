"""Web and e-mail addresses in running text, found with linkify-it (markdown-it's link finder)."""

from __future__ import annotations

import functools

from linkify_it import LinkifyIt


@functools.cache
def _linkify() -> LinkifyIt:
    return LinkifyIt()


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address. A bare domain counts only with a path or www.
    ("said.It" or "Tripoli.ly" in a sentence missing a space is prose, not a link)."""
    linkify = _linkify()
    if not linkify.pretest(text):
        return []
    return [(match.index, match.last_index) for match in linkify.match(text) or ()
            if match.schema or "/" in match.raw or match.raw.lower().startswith("www.")]
