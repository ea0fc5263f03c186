"""The pattern check type on real sentences: where it matches and what it says."""

from __future__ import annotations

import pytest
from conftest import rules

from lint import lint_text

PATTERNS = r"""
rules:
  byline:
    type: pattern
    pattern: '^Written by (Journalist|Staff)\s*$'
    message: Template byline left in the article
  doubled:
    type: pattern
    pattern: '\b(\w+) \1\b'
    message: 'Doubled word "{text}"'
    suggestion: '\1'
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_pattern_anchors_work_per_line_whatever_the_line_ending(newline):
    text = newline.join(["Body text.", "Written by Journalist", "Written by Staff here"])
    [finding] = lint_text(text, rules(PATTERNS))
    assert (finding.line, finding.column, finding.text) == (2, 1, "Written by Journalist")


def test_pattern_message_and_suggestion_use_the_match():
    [finding] = lint_text("the the talks", rules(PATTERNS))
    assert finding.message == 'Doubled word "the the"' and finding.suggestions == ("the",)
