"""Markdown: the text of paragraphs, headings and table cells is prose.

Parsed with markdown-it-py (CommonMark, with tables, strikethrough and front
matter). Fenced and indented code, inline code, link targets and reference
labels, autolinks, images, HTML tags, character references, emphasis markers
and front matter are not prose; raw HTML blocks are read as HTML.

markdown-it-py keeps source lines for blocks but no positions inside a line, so
copydesk parses each block's inline content itself and records, for the inline
rules that produce markup, where in that content each piece starts and ends.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import (
    StateInline,
    autolink,
    backtick,
    emphasis,
    entity,
    escape,
    html_inline,
    image,
    link,
    strikethrough,
)
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from . import html
from .layout import MARKUP, OTHER, PROSE, Layout, line_starts_of

SPANS = "copydesk_spans"  # env key: (rule, start, end, link label end) of the inline parse under way
Rule = Callable[[StateInline, bool], bool]

# Inline rules whose source is not prose, and what it is instead (a link's label stays prose).
MARKUP_RULES: dict[str, tuple[Rule, int]] = {
    "backticks": (backtick, OTHER), "autolink": (autolink, OTHER), "image": (image, OTHER),
    "entity": (entity, OTHER), "escape": (escape, OTHER), "link": (link, OTHER),
    "html_inline": (html_inline, MARKUP), "emphasis": (emphasis.tokenize, MARKUP),
    "strikethrough": (strikethrough.tokenize, MARKUP),
}


def _recorded(name: str, rule: Rule) -> Rule:
    def run(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if not rule(state, silent):
            return False
        if not silent:
            label_end = state.md.helpers.parseLinkLabel(state, start, True) if name == "link" else -1
            state.env[SPANS].append((name, start, state.pos, label_end))
        return True
    return run


@functools.cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"typographer": False}).enable(["table", "strikethrough"])
    parser.use(front_matter_plugin)
    parser.disable("inline")  # inline content is parsed block by block below, with positions recorded
    for name, (rule, _) in MARKUP_RULES.items():
        parser.inline.ruler.at(name, _recorded(name, rule))
    return parser


def layout(text: str) -> Layout:
    """The prose of LF-only Markdown text."""
    parser = _parser()
    env: dict = {}
    tokens = parser.parse(text, env)
    found = Layout.of(text)
    line_starts = line_starts_of(text)
    lines = text.split("\n")
    cursors: dict[int, int] = {}  # per source line, where the next table cell's search starts
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first = line_starts[token.map[0]]
        if token.type == "html_block":  # its source lines, as they are (the parser strips indentation)
            end = line_starts[token.map[1]] - 1 if token.map[1] < len(line_starts) else len(text)
            found.paste(html.layout(text[first:end]), first)
        elif token.type == "inline":
            in_cell = index > 0 and tokens[index - 1].type in ("th_open", "td_open")
            starts = _content_starts(token, lines, line_starts, cursors, in_cell)
            if starts is not None:
                _inline(parser, env, token.content, starts, found)
    return found


def _content_starts(token: Token, lines: list[str], line_starts: list[int], cursors: dict[int, int],
                    in_cell: bool) -> list[int] | None:
    """Where each line of an inline token's content starts in the source text.

    A block's content is its source lines less the block's markers (quote marks,
    list bullets, heading hashes, indentation); a table cell is one piece of its row."""
    starts = []
    for number, content in enumerate(token.content.split("\n"), start=token.map[0]):  # type: ignore[index]
        line = lines[number]
        stripped = content.strip()
        if not in_cell and stripped and line.rstrip().endswith(content.rstrip()):
            column = len(line.rstrip()) - len(content.rstrip())
        else:
            found = line.find(stripped, cursors.get(number, 0))
            if found < 0:
                return None  # markup the parser rewrote (tabs in indentation): not read as prose
            column = found - (len(content) - len(content.lstrip()))
            cursors[number] = found + len(stripped)
        starts.append(line_starts[number] + column)
    return starts


def _inline(parser: MarkdownIt, env: dict, content: str, starts: list[int], found: Layout) -> None:
    spans: list[tuple[str, int, int, int]] = []
    env[SPANS] = spans
    parser.inline.parse(content, parser, env, [])
    line_offsets = line_starts_of(content)

    def source(offset: int) -> int:
        line = bisect.bisect_right(line_offsets, offset) - 1
        return max(starts[line] + offset - line_offsets[line], 0)

    def mark(start: int, end: int, kind: int) -> None:
        """Mark a content range, line by line, at the source positions of those lines."""
        while start < end:
            line_end = content.find("\n", start, end)
            stop = end if line_end < 0 else line_end
            found.mark(source(start), source(start) + stop - start, kind)
            start = stop + 1

    mark(0, len(content), PROSE)
    for name, start, end, label_end in spans:
        kind = MARKUP_RULES[name][1]
        if name == "link" and label_end > start:  # [label](target): the brackets are markup, the target not prose
            mark(start, start + 1, MARKUP)
            mark(label_end, label_end + 1, MARKUP)
            mark(label_end + 1, end, kind)
        else:
            mark(start, end, kind)
        if name == "html_inline":
            for comment_start, comment_end, body in html.layout(content[start:end]).comments:
                found.comments.append((source(start + comment_start), source(start + comment_end), body))
