"""--fix and --diff on a .docx: the fixes that keep the formatting, and those that cannot.

A fix is applied when its characters lie in one run, or in neighbouring runs of the same
formatting in the same container (not partly in a link, a field or a tracked change): the
new text takes that formatting. A fix across formatting, paragraphs, tabs or line breaks
would have to choose a formatting for the new text; it is listed, not applied, for the copy
editor to make in Word. Fixes are not recorded as tracked changes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..finding import Finding
from .package import open_word
from .runs import formatting, replace
from .story import Piece


@dataclass
class Edit:
    data: bytes  # the fixed file
    text: str  # its text as copydesk reads it
    fixed: list[Finding] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # the fixes not applied, and why


def apply(data: bytes, findings: list[Finding], include: frozenset[str], limit: int) -> Edit:
    word = open_word(data, include, limit)
    paragraphs = word.paragraphs()
    planned: dict[int, list[tuple[Finding, list[Piece]]]] = defaultdict(list)
    remarks, reached = [], (0, 0)
    for finding in sorted(f for f in findings if f.fixable):
        if (finding.line, finding.column) < reached:  # overlaps a fix already planned
            continue
        pieces = paragraphs[finding.line - 1].covering(finding.column - 1, finding.end_column - 1)
        reason = "it spans two paragraphs" if finding.end_line != finding.line else refusal(pieces)
        if reason:
            remarks.append(f"line {finding.line}, column {finding.column}: {finding.text!r} -> "
                           f"{finding.suggestions[0]!r} not fixed here: {reason}; make this change in Word")
            continue
        planned[finding.line - 1].append((finding, pieces))
        reached = (finding.end_line, finding.end_column)
    for index, fixes in planned.items():
        for finding, pieces in reversed(fixes):  # right to left: offsets on the left stay true
            replace(pieces, finding.column - 1, finding.end_column - 1, finding.suggestions[0])
        paragraphs[index] = paragraphs[index].reread()
    fixed = [finding for fixes in planned.values() for finding, _ in fixes]
    if not fixed:
        return Edit(data, "\n".join(p.text for p in paragraphs), [], remarks)
    edited = {paragraphs[index].partname for index in planned}
    return Edit(word.repack(edited), "\n".join(p.text for p in paragraphs), sorted(fixed), remarks)


def refusal(pieces: list[Piece]) -> str | None:
    """Why these characters cannot be rewritten keeping their formatting (None: they can)."""
    if not all(piece.editable for piece in pieces):
        return "it spans a tab or a line break"
    if len({formatting(piece) for piece in pieces}) > 1:
        return "its characters have different formatting"
    if len({piece.run.getparent() for piece in pieces}) > 1:
        return "it is partly inside a link, a field or a tracked change"
    return None

