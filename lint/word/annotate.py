"""--annotate: a copy of a .docx with one Word comment on each finding's characters.

The comment (author "copydesk") says the message, the suggestion and the rule id, and is
anchored on exactly the finding's characters: runs are split at its ends, each half keeping
the run's formatting. Nothing else changes: comments already in the file stay, and every part
of the archive but the document, its comments, and (when the file had no comments) the
package's content types and relationships is copied byte for byte. Word anchors comments in
the body only, so findings in headers, footnotes or existing comments are listed instead.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections import defaultdict

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.text.run import Run

from ..finding import Finding
from .package import WordFile, open_word
from .runs import split_at

AUTHOR, INITIALS = "copydesk", "cd"
TEMPORARY = ".copydesk"
STORY_NAMES = {"footnotes": "a footnote", "endnotes": "an endnote", "headers": "a header or footer",
               "comments": "a comment"}


class AnnotateError(Exception):
    """The annotated copy could not be written; the message says why, for a person."""


def destination(folder: str, path: str) -> str:
    """Where the copy of ``path`` goes: the same relative path under ``folder`` (a path
    outside the current folder keeps its whole path there)."""
    relative = os.path.relpath(path)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = os.path.abspath(path).lstrip(os.sep)
    return os.path.join(folder, relative)


def annotated(data: bytes, findings: list[Finding], include: frozenset[str], limit: int) -> tuple[bytes, list[str]]:
    """The annotated copy's bytes, and what could not be annotated."""
    word = open_word(data, include, limit)
    paragraphs = word.paragraphs()
    placed, remarks = [], []
    for finding in findings:
        story = paragraphs[finding.end_line - 1].story
        if story == "body":
            placed.append(finding)
        else:
            remarks.append(f"line {finding.line}: {finding.text!r} [{finding.rule}] is in {STORY_NAMES[story]}, "
                           "where Word takes no comments: not annotated")
    ends: dict[int, set[int]] = defaultdict(set)
    for finding in placed:
        ends[finding.line - 1].add(finding.column - 1)
        ends[finding.end_line - 1].add(finding.end_column - 1)
    for index, offsets in ends.items():
        split_at(paragraphs[index], offsets)
        paragraphs[index] = paragraphs[index].reread()
    had_comments = has_comments(word)
    for finding in placed:
        first = paragraphs[finding.line - 1].covering(finding.column - 1, finding.column)
        last = paragraphs[finding.end_line - 1].covering(finding.end_column - 2, finding.end_column - 1)
        if not first or not last:
            remarks.append(f"line {finding.line}: {finding.text!r} [{finding.rule}] has no characters: not annotated")
            continue
        runs = [Run(first[0].run, word.document), Run(last[-1].run, word.document)]
        word.document.add_comment(runs, text=comment(finding), author=AUTHOR, initials=INITIALS)
    return (repack(word, had_comments) if placed else data), remarks


def comment(finding: Finding) -> str:
    """The comment's paragraphs: the message, the suggestion, the rule."""
    lines = [finding.message]
    if finding.suggestions:
        label = "Suggestion" if len(finding.suggestions) == 1 else "Suggestions"
        lines.append(f"{label}: {', '.join(finding.suggestions)}")
    lines.append(f"Rule: {finding.rule} (copydesk)")
    return "\n".join(lines)


def has_comments(word: WordFile) -> bool:
    return any(rel.reltype == RT.COMMENTS for rel in word.document.part.rels.values())


def repack(word: WordFile, had_comments: bool) -> bytes:
    part = word.document.part
    comments = next(rel.target_part for rel in part.rels.values() if rel.reltype == RT.COMMENTS)
    edited = {str(part.partname), str(comments.partname)}
    if not had_comments:  # a new part: the package must name its type and the document must point to it
        edited |= {"/[Content_Types].xml", str(part.partname.rels_uri)}
    saved = io.BytesIO()
    word.document.save(saved)
    return word.repack(edited, saved.getvalue())


def write_copy(original: str, data: bytes, target: str) -> None:
    """Write the annotated copy, never over the original, atomically (no half-written copy)."""
    if os.path.exists(target) and os.path.samefile(original, target):
        raise AnnotateError("the annotated copy would replace the file itself; give --annotate another folder")
    folder = os.path.dirname(target) or "."
    temporary = None
    try:
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=TEMPORARY)
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise AnnotateError(f"cannot write the annotated copy {target}: {error.strerror}") from None
