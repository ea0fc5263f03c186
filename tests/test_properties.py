"""Property tests: any Unicode text, any names and terms — no crash, exact positions."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import config
from lint.document import Document
from lint.linter import Linter

NAME_LETTERS = string.ascii_letters + "ğışçöüĞİŞÇÖÜ’'-" + "\u0306\u0301"
name = st.text(NAME_LETTERS, min_size=2, max_size=8).filter(lambda s: s[0].isalpha())
# Text built from rule spellings, line ends of every kind, punctuation and arbitrary Unicode.
piece = st.one_of(name, st.sampled_from(["\n", "\r\n", "\r", " ", "’s ", ". ", "-", "\ufeff", "🙂", "\u2028"]),
                  st.text(max_size=6))


def rule_set(spellings: list[str]) -> config.RuleSet | None:
    variants = ", ".join(f'"{s}"' for s in spellings[1:])
    yaml_text = (f'rules:\n  group: {{type: names, preferred: "{spellings[0]}", variants: [{variants}]}}\n'
                 "  spelling: {type: spelling}\n  dup: {type: pattern, pattern: '(\\w+) \\1', message: doubled}\n")
    try:
        return config.parse(yaml_text, "rules.yaml", ".")
    except config.ConfigError:
        return None  # e.g. two spellings that fold to the same name: rightly refused


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spellings=st.lists(name, min_size=2, max_size=4, unique=True), pieces=st.lists(piece, max_size=40))
def test_findings_point_at_their_own_text(spellings, pieces):
    rules = rule_set(spellings)
    if rules is None:
        return
    text = "".join(pieces)
    document = Document("doc", text)
    for finding in Linter(rules).lint(document):
        start = document.line_starts[finding.line - 1] + finding.column - 1
        end = document.line_starts[finding.end_line - 1] + finding.end_column - 1
        assert 0 <= start < end <= len(text)
        assert text[start:end] == finding.text
        assert document.position(start) == (finding.line, finding.column)
