"""The bilingual check types on files written by translate-toolkit: numbers, untranslated,
glossary, consistency and tags."""

from __future__ import annotations

import pytest
from bilingual_files import write
from conftest import run, write_rules

RULES = """
    rules:
      numbers: {type: numbers, severity: error}
      untranslated: {type: untranslated, severity: error}
      consistency: {type: consistency}
      tags: {type: tags, severity: error}
"""


def check(tmp_path, kind, units, rules=RULES, **options):
    path = write(kind, tmp_path, units, **options)
    result = run("check", "-f", "json", "--no-cache", "-c", str(write_rules(tmp_path, rules)), str(path))
    report = result.json()
    assert not report["errors"], report["errors"]
    return report["findings"]


@pytest.mark.parametrize("source, target", [
    ("قتل ٢٥ شخصاً", "25 people were killed"),
    ("قتل ثلاثة في ٣ مدن", "Three were killed in three cities"),
    ("خسائر بقيمة ٢٫٥ مليون دولار", "losses of $2.5 million"),
    ("خسائر بقيمة ٢٫٥ مليون دولار", "losses of $2,500,000"),
    ("نزح ٢٥ ألف شخص", "25,000 people were displaced"),
    ("ارتفع بنسبة ١٠-١٥٪ في ٢٠٢٤", "rose by 10-15% in 2024"),
    ("بلغ ١٬٥٠٠٫٥", "reached 1,500.5"),
    ("في ٣/٥/٢٠٢٤", "on 3 May 2024"),
    ("۲۵ نفر کشته شدند", "25 people were killed"),
    ("۳۹،۷۶۸ مورد در ساعت ۸ صبح", "39,768 cases at 8:00 am"),
    ("بعد الصين انتشر كوفيد-19", "After China, COVID-19 spread, and the COVID-19 pandemic grew"),
    ("مستقبل ACE2 والنوع ٢", "the ACE2 receptor and type II"),
    ("يجب إبقاء المولود على بعد مترين لمدة ثلاثة أيام", "the newborn should be kept 2 metres away for 3 days"),
])
def test_numbers_the_translation_has_are_accepted_however_written(tmp_path, source, target):
    assert check(tmp_path, "xliff1", [("n1", source, target)]) == []


@pytest.mark.parametrize("language, source, target", [
    ("tr", "1.500 kişi, yüzde 2,5", "1,500 people, 2.5 percent"),
    ("ru", "1 500 человек, 2,5 млн", "1,500 people, 2.5 million"),
])
def test_numbers_in_turkish_and_russian_separators(tmp_path, language, source, target):
    assert check(tmp_path, "xliff2", [("n1", source, target)], source_language=language) == []


def test_a_wrong_number_is_reported_where_it_is_with_the_source_number(tmp_path):
    found = check(tmp_path, "xliff1", [("n1", "قتل ٢٥ شخصاً في طرابلس", "52 people were killed in Tripoli")])
    assert [(f["text"], f["message"], f["suggestions"], f["unit"]) for f in found] == [
        ("52", "52 is not in the source, which has ٢٥ (25) here", ["25"], "n1")]


def test_a_missing_number_is_reported_on_the_whole_target(tmp_path):
    found = check(tmp_path, "po", [("n1", "قتل ٢٥ شخصاً و١٥٠ جريحاً", "25 people were killed and many hurt")])
    assert [(f["text"], f["message"]) for f in found] == [
        ("25 people were killed and many hurt", "The source has ١٥٠ (150), not in this translation")]


def test_an_extra_number_is_reported(tmp_path):
    found = check(tmp_path, "tmx", [("n1", "قتل شخصان", "Two people were killed on 12 roads")])
    assert [(f["text"], f["message"]) for f in found] == [("12", "12 is not in the source")]


def test_untranslated_targets_empty_and_copied(tmp_path):
    found = check(tmp_path, "xliff1", [("e1", "قال المتحدث", None), ("e2", "وصل حفتر", "وصل حفتر"),
                                       ("e3", "قال", "He said وقال المتحدث")])
    assert [(f["unit"], f["text"], f["message"]) for f in found] == [
        ("e1", "قال المتحدث", "No translation for this source: «قال المتحدث»"),
        ("e2", "وصل حفتر", "The translation is the source text, untranslated"),
        ("e3", "وقال المتحدث", "Arabic text left in the translation: «وقال المتحدث»")]


def test_foreign_text_the_source_quotes_as_it_is_is_not_untranslated(tmp_path):
    assert check(tmp_path, "xliff1", [("q1", "يسمونه (武汉肺炎) أحياناً", "some call it (武汉肺炎)")]) == []


def test_a_turkish_name_copied_as_it_is_is_not_untranslated(tmp_path):
    assert check(tmp_path, "po", [("t1", "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan")], source_language="tr") == []


def test_another_script_in_an_article_with_no_source_and_not_a_spelling_finding(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The minister said وقال المتحدث باسم and left.\nIn Moscow, Путин said no.\n", encoding="utf-8")
    rules = write_rules(tmp_path, RULES + "      spelling: {type: spelling}\n")
    found = run("check", "-f", "json", "-c", str(rules), str(article)).json()["findings"]
    assert [(f["rule"], f["text"], f["message"]) for f in found] == [
        ("untranslated", "وقال المتحدث باسم", "Arabic text left in the article: «وقال المتحدث باسم»"),
        ("untranslated", "Путин", "Cyrillic text left in the article: «Путин»")]


GLOSSARY = RULES + """
      gna:
        type: glossary
        terms: {"حكومة الوفاق الوطني": [Government of National Accord, GNA], "Cumhurbaşkanı": President,
                "правительство": government}
"""


@pytest.mark.parametrize("language, source, good, bad", [
    ("ar", "وقالت وبحكومةِ الوفـــاق الوطني", "the GNA's statement", "the reconciliation government said"),
    ("ar", "أعلنت الحكومة الوفاق الوطني", "the Government of National Accord announced", "the government announced"),
    ("tr", "Cumhurbaşkanının açıklaması", "The President's statement", "Erdogan's statement"),
    ("ru", "заявление правительством", "a government statement", "a cabinet statement"),
])
def test_glossary_terms_are_found_as_the_source_inflects_them(tmp_path, language, source, good, bad):
    found = check(tmp_path, "xliff2", [("g1", source, good), ("g2", source + " ", bad)], GLOSSARY,
                  source_language=language)
    assert [(f["unit"], f["text"]) for f in found if f["rule"] == "gna"] == [("g2", bad)]


def test_glossary_from_tbx_and_csv_files(tmp_path):
    (tmp_path / "terms.tbx").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry><langSet xml:lang="en"><tig><term>House of Representatives</term></tig><tig><term>HoR</term></tig></langSet>
  <langSet xml:lang="ar"><tig><term>مجلس النواب</term></tig></langSet></termEntry>
</body></text></martif>""", encoding="utf-8")
    (tmp_path / "terms.csv").write_text("source,english\nالمجلس الرئاسي,Presidential Council|PC\n", encoding="utf-8")
    rules = RULES + "      tbx: {type: glossary, file: terms.tbx}\n      csv: {type: glossary, file: terms.csv}\n"
    found = check(tmp_path, "xliff1", [("1", "قال مجلس النواب", "the parliament said"),
                                       ("2", "قال لمجلس النواب", "told the HoR"),
                                       ("3", "وقال المجلس الرئاسي", "the council said")], rules)
    assert [(f["rule"], f["unit"], f["suggestions"]) for f in found] == [
        ("tbx", "1", ["House of Representatives", "HoR"]), ("csv", "3", ["Presidential Council", "PC"])]


def test_a_glossary_file_that_cannot_be_read_is_a_rules_error(tmp_path):
    rules = write_rules(tmp_path, RULES + "      g: {type: glossary, file: missing.tbx}\n")
    result = run("check", "-c", str(rules), str(write("po", tmp_path, [("1", "قال", "said")])))
    assert result.exit_code == 2
    assert "missing.tbx: No such file or directory" in result.stderr + result.stdout


def test_consistency_of_sources_and_translations(tmp_path):
    found = check(tmp_path, "xliff1", [
        ("1", "وقال المتحدث باسم الحكومة", "The government spokesman said"),
        ("2", "وقال المتحدث باسم الحكومة", "A government spokesperson said"),
        ("3", "قال وزير الخارجية", "The foreign minister said"),
        ("4", "صرح وزير الداخلية", "The foreign minister said"),
        ("5", "نعم", "Yes"), ("6", "أجل", "Yes")])
    assert [(f["unit"], f["message"]) for f in found] == [
        ("2", "The same source is translated differently in unit 1: «The government spokesman said»"),
        ("4", "Unit 3 has this same translation for a different source: «قال وزير الخارجية»")]


def test_inline_tags_and_placeholders(tmp_path):
    path = tmp_path / "tags.xlf"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a" source-language="ar" target-language="en" datatype="plaintext"><body>
  <trans-unit id="t1"><source>قال <g id="1">حفتر</g> <x id="2"/> %s</source>
   <target>Haftar said <x id="3"/> %s</target></trans-unit>
 </body></file></xliff>
""", encoding="utf-8")
    result = run("check", "-f", "json", "-c", str(write_rules(tmp_path, RULES)), str(path))
    found = result.json()["findings"]
    assert [(f["text"], f["message"]) for f in found] == [
        ("Haftar said <x id=\"3\"/> %s", "The source has <g 1>, <x 2>, missing here"),
        ('<x id="3"/>', "<x 3> is not in the source")]
    po = check(tmp_path, "po", [("p1", "قال %(name)s في %d", "said %(name)s")])
    assert [(f["text"], f["message"]) for f in po] == [("said %(name)s", "The source has %d, missing here")]
