"""The names check type on real sentences: what it reports, where, and what it suggests."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import found, rules

from lint import lint_text

HAFTAR = """
rules:
  haftar:
    type: names
    preferred: Haftar
    variants: [Hifter, Hafter]
  bashagha:
    type: names
    preferred: Fathi Bashagha
    variants: [Fathi Bashaga]
  sisi:
    type: names
    preferred: al-Sisi
    variants: [el-Sisi]
  erdogan:
    type: names
    preferred: Erdoğan
    variants: [Erdogan]
"""


def test_names_flags_variants_whole_words_only():
    text = "Hifter met Hafter's envoy; Hiftering and AHifter are not names."
    assert found(text, HAFTAR) == [("Hifter", ("Haftar",)), ("Hafter", ("Haftar",))]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_names_possessive_flags_the_name_and_leaves_the_suffix(apostrophe):
    [finding] = lint_text(f"Hifter{apostrophe}s visit", rules(HAFTAR))
    assert (finding.column, finding.end_column, finding.text) == (1, 7, "Hifter")


def test_names_suggestion_follows_the_case_of_the_text():
    assert found("HIFTER VISITS PARIS", HAFTAR) == [("HIFTER", ("HAFTAR",))]
    assert found("the hifter affair", HAFTAR) == [("hifter", ("Haftar",))]


def test_names_multi_word_and_line_break_inside_a_name():
    assert found("Interior minister Fathi Bashaga said", HAFTAR) == [("Fathi Bashaga", ("Fathi Bashagha",))]
    assert found("minister Fathi\nBashaga said", HAFTAR) == [("Fathi\nBashaga", ("Fathi Bashagha",))]
    assert found("Fathi Bashagha said", HAFTAR) == []


def test_names_al_and_el_prefixes_with_any_dash():
    assert found("President el-Sisi spoke", HAFTAR) == [("el-Sisi", ("al-Sisi",))]
    assert found("President el–Sisi spoke", HAFTAR) == [("el–Sisi", ("al-Sisi",))]
    assert found("President al-Sisi spoke", HAFTAR) == []


def test_names_ignore_unicode_normalisation_and_keep_positions_of_the_text():
    nfd = unicodedata.normalize("NFD", "Erdoğan and Erdogan")
    assert len(nfd) == len("Erdoğan and Erdogan") + 1
    [finding] = lint_text(nfd, rules(HAFTAR))
    assert finding.text == "Erdogan" and finding.column == len("Erdoğan and ") + 2
    assert finding.suggestions == ("Erdoğan",)


def test_names_without_preferred_flag_the_minority_spelling():
    yaml_text = "rules:\n  misrata: {type: names, variants: [Misrata, Misurata]}\n"
    text = "Misurata fighters left Misrata. Misrata is quiet; Misrata's port is open."
    [finding] = lint_text(text, rules(yaml_text))
    assert finding.text == "Misurata" and finding.suggestions == ("Misrata",)
    assert "(1×)" in finding.message and "(3×)" in finding.message


def test_names_without_preferred_tie_goes_to_the_first_spelling_used():
    yaml_text = "rules:\n  misrata: {type: names, variants: [Misrata, Misurata]}\n"
    [finding] = lint_text("Misurata, then Misrata.", rules(yaml_text))
    assert finding.text == "Misrata" and finding.suggestions == ("Misurata",)
