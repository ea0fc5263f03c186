"""HTML: the text between tags is prose; tags, attributes, character references,
comments and declarations are not, nor anything inside script, style or code elements.

Read with Python's own HTML parser (html.parser), which is forgiving of the broken
markup content systems produce and reports where each piece of text starts.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .layout import OTHER, PROSE, Layout, line_starts_of

# Elements whose content is not prose: programs, styles, code and machine output.
NOT_PROSE = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "template"})


def layout(text: str) -> Layout:
    """The prose of LF-only HTML text."""
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    return reader.found


class _Reader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)  # references arrive apart from text, at their place
        self.found = Layout.of(text)
        self.line_starts = line_starts_of(text)
        self.inside = 0  # depth of NOT_PROSE elements

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.inside += tag in NOT_PROSE

    def handle_endtag(self, tag: str) -> None:
        if tag in NOT_PROSE and self.inside:
            self.inside -= 1

    def handle_data(self, data: str) -> None:
        start = self.position()
        self.found.mark(start, start + len(data), OTHER if self.inside else PROSE)

    def handle_comment(self, data: str) -> None:
        start = self.position()
        end = min(start + len("<!--") + len(data) + len("-->"), len(self.found.kinds))
        self.found.comments.append((start, end, data))
