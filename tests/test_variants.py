"""The variants rule: spellings of one name found without a list, in an article and across a batch."""

from __future__ import annotations

import pickle

import pytest
from conftest import SEED, rules, run, write_rules

from lint.document import Document
from lint.linter import Linter
from lint.names.evidence import established
from lint.names.transliteration import same_name
from lint.run import lint_paths, lint_text

VARIANTS_ONLY = """
version: 1
rules:
  variants: {type: variants, severity: warning}
"""


def judged(a: str, b: str) -> bool:
    return same_name(a, b, known=established(a) + established(b))


# Real spellings of one name (sources: tests/data/variant_pairs.yaml), one group per kind of variation.
@pytest.mark.parametrize("a, b", [
    ("Haftar", "Hifter"), ("Misrata", "Misurata"), ("Nasrallah", "Nasrullah"),     # vowels come, go, change
    ("Qaddafi", "Gaddafi"), ("Tobruk", "Tubruq"), ("Ghadames", "Gadames"),         # q/k/g, gh
    ("Gaddafi", "Gadhafi"), ("Gaddafi", "Gathafi"),                                # dh/d/th
    ("Mikhail", "Mihail"),                                                         # kh/h
    ("Bashagha", "Bachagha"),                                                      # sh/ch
    ("Jamal", "Djamel"), ("Jamal", "Gamal"),                                       # j/dj/g
    ("Rouhani", "Rowhani"), ("Jolani", "Jawlani"), ("Houthi", "Huthi"),            # ou/u/o/w
    ("Zelensky", "Zelenskiy"), ("Sergei", "Sergey"), ("Yasser", "Yasir"),          # i/e/y
    ("Mohamed", "Mohammed"), ("Sisi", "Sissi"), ("Haniyeh", "Haniyyah"),           # doubled letters
    ("Zawahiri", "Zawahri"), ("Sirte", "Sirt"), ("Kilicdaroglu", "Kilicdarolu"),   # dropped letters
    ("Yuganskneftegas", "Yuganksneftegas"),                                        # transposed letters
    ("Erdoğan", "Erdogan"), ("Kılıçdaroğlu", "Kilicdaroglu"),                      # diacritics
    ("al-Qaeda", "el-Qaida"), ("al-Mishri", "Almishri"), ("Ahmadi-Nejad", "Ahmadinejad"),  # article, spacing
    ("Dbeibah", "Dbeiba"), ("Dbeibah", "Dbeibeh"),
])
def test_spellings_of_one_name_are_joined(a, b):
    assert judged(a, b)


# Real look-alikes that are different names (sources: tests/data/variant_pairs.yaml).
@pytest.mark.parametrize("a, b", [
    ("Ahmed", "Mohamed"), ("Salah", "Saleh"), ("Hassan", "Hussein"), ("Omar", "Amer"), ("Hamad", "Hamid"),
    ("Jamal", "Kamal"), ("Jamal", "Jamil"), ("Basra", "Bosra"), ("Zawiya", "Zuwara"),
    ("Iran", "Iraq"), ("Austria", "Australia"), ("Obama", "Osama"), ("Slovakia", "Slovenia"),
    ("Gaza", "Giza"), ("Oman", "Amman"),
    ("Houthi", "Houthis"), ("Iraq", "Iraqi"), ("Hussein", "Husseini"), ("Kurds", "Kurdish"),  # plural, adjective
    ("Somali", "Somalia"), ("Argentine", "Argentina"),
    ("al-Sisi", "Sisi"),                                                                       # with/without article
])
def test_look_alikes_stay_apart(a, b):
    assert not judged(a, b)


def test_seed_article_lone_haftar_is_flagged_with_the_majority_spelling(tmp_path):
    result = run("check", "-c", str(write_rules(tmp_path, VARIANTS_ONLY)), "-f", "json", str(SEED))
    findings = result.json()["findings"]
    assert [(f["line"], f["column"], f["text"], f["suggestions"], f["rule"]) for f in findings] == \
        [(10, 270, "Haftar", ["Hifter"], "variants")]
    assert findings[0]["message"] == ('"Haftar" (1×) here, "Hifter" (16×) elsewhere in this article: '
                                      "spell the name one way")


def lint(text: str, yaml: str = VARIANTS_ONLY) -> list:
    return lint_text(text, rules(yaml))


def test_possessives_and_headline_capitals_count_as_the_same_spelling():
    text = ("MISRATA FIGHTERS RETURN\n\nFighters from Misrata returned. Misrata's council met.\n"
            "Residents of Misurata said the Misrata brigades left.\n")
    findings = lint(text)
    assert [(f.text, f.suggestions) for f in findings] == [("Misurata", ("Misrata",))]
    assert '"Misurata" (1×) here, "Misrata" (4×)' in findings[0].message


def test_tie_suggests_the_spelling_used_first():
    findings = lint("Officials in Dbeibah's office denied it. Later the office of Dbeiba confirmed it.")
    assert [(f.text, f.suggestions) for f in findings] == [("Dbeiba", ("Dbeibah",))]


def test_minority_in_capitals_gets_a_suggestion_in_capitals():
    findings = lint("HAFTER ARRIVES\n\nThe forces of Khalifa Haftar moved. Haftar said so.\n")
    assert [(f.text, f.suggestions) for f in findings] == [("HAFTER", ("HAFTAR",))]


def test_spacing_and_article_variants():
    text = "The Houthis, or Ansar Allah, said Ansarallah would reply. Ansar Allah fighters."
    assert [(f.text, f.suggestions) for f in lint(text)] == [("Ansarallah", ("Ansar Allah",))]
    text = "Egypt's president, Abdel Fattah al-Sisi, met aides. Al-Sisi said el-Sisi was right."
    assert [(f.text, f.suggestions) for f in lint(text)] == [("el-Sisi", ("al-Sisi",))]


def test_name_with_and_without_article_is_not_a_variant():
    assert lint("Officials said Fayez al-Sarraj met Sarraj aides in Tripoli. Sarraj left.") == []


def test_two_people_with_look_alike_names_are_not_joined():
    text = ("Parliament speaker Aguila Saleh met Mohamed Salah. Saleh said Salah should visit. "
            "Militia leader Salah Badi rejected it.")
    assert lint(text) == []
    text = "Hezbollah leader Hassan Nasrallah praised the late Saddam Hussein, who Nasrallah called brave."
    assert lint(text) == []


def test_acronyms_and_ordinary_words_are_not_names():
    assert lint("State news agency SANA said troops reached Sanaa. In Sanaa, officials agreed.") == []
    assert lint("Prime Minister Theresa May met Mai officials in Paris; May said so.") == []


def test_ignore_option_silences_a_pair():
    yaml = VARIANTS_ONLY.replace("severity: warning}", "severity: warning, ignore: [[Hifter, Haftar]]}")
    assert lint_text(SEED.read_text(encoding="utf-8"), rules(yaml)) == []


@pytest.mark.parametrize("option, message", [
    ("scope: edition", "option 'scope': expected one of document, batch, got str 'edition'"),
    ("ignore: [Hifter, Haftar]", "option 'ignore': expected groups of names such as [[Hamad, Hamid]], got str 'Hifter' "
                                 "in the list"),
    ("ignore: [[Hifter]]", "option 'ignore': ['Hifter']: a group needs at least two names that must not be joined"),
    ("ignore: [[Hifter, hifter]]", "option 'ignore': ['Hifter', 'hifter'] lists one name twice"),
])
def test_bad_options_are_config_errors(tmp_path, option, message):
    path = write_rules(tmp_path, f"version: 1\nrules:\n  variants:\n    type: variants\n    {option}\n")
    result = run("check", "-c", str(path), str(SEED))
    assert result.exit_code == 2
    assert f"rule 'variants': {message}" in result.stderr


def test_names_rule_keeps_its_spellings_and_variants_finds_the_rest():
    yaml = """
    version: 1
    rules:
      haftar: {type: names, severity: error, variants: [Haftar, Hifter]}
      variants: {type: variants}
    """
    text = "Khalifa Haftar met aides. Haftar said Hifter was a typo. Haftar left. Hafter stayed."
    findings = lint(text, yaml)
    assert sorted((f.rule, f.text, f.suggestions) for f in findings) == [
        ("haftar", "Hifter", ("Haftar",)), ("variants", "Hafter", ("Haftar",))]


def test_spelling_is_silent_on_a_word_variants_reports():
    yaml = """
    version: 1
    rules:
      spelling: {type: spelling}
      variants: {type: variants}
    """
    text = "Hafter arrived on Monday.\n\nForces loyal to Khalifa Haftar moved. Haftar said so."
    alone = lint_text(text, rules(yaml.replace("      variants: {type: variants}\n", "")))
    assert [(f.rule, f.text) for f in alone] == [("spelling", "Hafter")]  # the spelling rule would flag it
    assert [(f.rule, f.text, f.suggestions) for f in lint(text, yaml)] == [("variants", "Hafter", ("Haftar",))]


BATCH = """
version: 1
rules:
  variants: {type: variants, scope: batch}
"""


def write_batch(folder):
    (folder / "a.txt").write_text("Khalifa Haftar met aides. Haftar said so.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Forces of Haftar advanced.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Khalifa Hafter spoke. Hafter left.\n", encoding="utf-8")
    return [str(folder / name) for name in ("a.txt", "b.txt", "c.txt")]


def test_batch_scope_flags_the_spelling_few_files_use(tmp_path):
    paths = write_batch(tmp_path)
    report = lint_paths(paths, rules(BATCH))
    found = [(f.path.rsplit("/", 1)[-1], f.text, f.suggestions, f.message) for f in report.findings]
    message = '"Hafter" is used in 1 of 3 files, "Haftar" in 2: spell the name one way in all of them'
    assert found == [("c.txt", "Hafter", ("Haftar",), message)] * 2
    reversed_report = lint_paths(list(reversed(paths)), rules(BATCH))
    assert sorted(reversed_report.findings) == sorted(report.findings)  # file order does not matter


def test_document_scope_does_not_look_across_files(tmp_path):
    assert lint_paths(write_batch(tmp_path), rules(VARIANTS_ONLY)).findings == []


def test_batch_summaries_are_picklable(tmp_path):
    linter = Linter(rules(BATCH))
    summary = linter.collect(Document("c.txt", "Then Khalifa Hafter spoke. Hafter left."))
    assert pickle.loads(pickle.dumps(summary)) == {"variants": {"khalifa": (1, "Khalifa"), "hafter": (2, "Hafter")}}
