"""The substitution check type on real sentences: what it reports and what it suggests."""

from __future__ import annotations

from conftest import found

TERMS = """
rules:
  terms:
    type: substitution
    replace:
      Rejep: Recep
      reconciliation government: Government of National Accord
      Gaza strip: Gaza Strip
      Daesh: [Islamic State, ISIS]
"""


def test_substitution_words_and_phrases_case_aware():
    text = "REJEP spoke. The Reconciliation government met the reconciliation\ngovernment."
    assert found(text, TERMS) == [
        ("REJEP", ("RECEP",)),
        ("Reconciliation government", ("Government of National Accord",)),
        ("reconciliation\ngovernment", ("Government of National Accord",)),
    ]


def test_substitution_that_only_changes_case_matches_that_case_only():
    assert found("the Gaza strip and the Gaza Strip", TERMS) == [("Gaza strip", ("Gaza Strip",))]


def test_substitution_with_choices_suggests_each():
    assert found("Daesh fighters", TERMS) == [("Daesh", ("Islamic State", "ISIS"))]
