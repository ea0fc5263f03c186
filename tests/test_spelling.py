"""The spelling check type on real sentences: slips it reports, names it leaves alone."""

from __future__ import annotations

from conftest import rules

from lint import lint_text

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
