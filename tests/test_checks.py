"""Each check type on real sentences: what it reports, where, and what it suggests."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import rules
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


def found(text: str, yaml_text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions) for f in lint_text(text, rules(yaml_text))]


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


SPELLING = """
language: en-US
rules:
  spelling: {type: spelling, ignore: [Tobruk]}
  haftar: {type: names, preferred: Haftar, variants: [Hifter]}
"""


def spelled(text: str, yaml_text: str = SPELLING) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions[:1]) for f in lint_text(text, rules(yaml_text)) if f.type == "spelling"]


def test_spelling_catches_slips_in_mid_sentence_and_at_a_sentence_start():
    assert spelled("The goverment met. Obsevers believe it.") == [
        ("goverment", ("government",)), ("Obsevers", ("Observers",))]


def test_spelling_leaves_foreign_names_alone():
    text = ("Khalifa Hifter left Alrajmah for Tripoli, said Tayyip Erdogan and the GNA. "
            "Dbeibah spoke too. Tobruk was calm.")
    assert spelled(text) == []


def test_spelling_capitalised_word_is_a_slip_when_the_article_uses_the_word():
    assert spelled("The government said the Goverment would meet.") == [("Goverment", ("Government",))]


def test_spelling_sentence_start_word_used_as_a_name_elsewhere_is_a_name():
    assert spelled("Bening won. The jury praised Bening for it.") == []


def test_spelling_skips_acronyms_addresses_and_particles():
    assert spelled("The UNSMIL and NATO sites www.unsmil-libya.org and press@unsmil.org quote abu-Salim.") == []


def test_spelling_dialect_follows_language():
    british = SPELLING.replace("en-US", "en-GB")
    text = "a recognisable and favourably received programme"
    assert spelled(text, british) == []
    # In en-US the British forms are told as such, with the American form.
    assert spelled(text) == [("recognisable", ("recognizable",)), ("favourably", ("favorably",)),
                             ("programme", ("program",))]


def test_spelling_ignore_file_relative_to_the_rules_file(tmp_path):
    (tmp_path / "words.txt").write_text("# house words\nmisratan\n", encoding="utf-8")
    yaml_text = "rules:\n  spelling: {type: spelling, ignore_file: words.txt}\n"
    assert [f.text for f in lint_text("the misratan and the goverment", rules(yaml_text, tmp_path))] == ["goverment"]


def test_one_span_one_finding_names_win_over_spelling():
    yaml_text = "rules:\n  spelling: {type: spelling}\n  terms: {type: substitution, replace: {goverment: government}}\n"
    [finding] = lint_text("the goverment said", rules(yaml_text))
    assert finding.rule == "terms"
