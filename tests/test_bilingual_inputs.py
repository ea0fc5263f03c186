"""XLIFF 1.2 and 2.x, PO and TMX files written by translate-toolkit: every target is checked
by every rule, findings point at the target's characters in the file and name their unit."""

from __future__ import annotations

import pytest
from bilingual_files import convert, write, write_po
from conftest import run, write_rules

RULES = """
    rules:
      haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}
      dup: {type: pattern, pattern: '\\b(\\w+) \\1\\b', message: Doubled word}
    """
UNITS = [
    ("u1", "قال حفتر إن ٢٥ شخصاً قتلوا", "Hifter said that 25 people were killed"),
    ("u2", "وصل حفتر إلى باريس", "AT&T & Hifter arrived in <Paris> the the same day"),
    ("u3", "قال \"حفتر\"", 'Line one\nand "Hifter" on line two'),
]


def findings(tmp_path, path, rules=RULES):
    result = run("check", "-f", "json", "-c", str(write_rules(tmp_path, rules)), str(path))
    return result, result.json()["findings"]


def at(text: str, finding: dict) -> str:
    lines = text.splitlines(keepends=True)
    start = sum(map(len, lines[:finding["line"] - 1])) + finding["column"] - 1
    end = sum(map(len, lines[:finding["end_line"] - 1])) + finding["end_column"] - 1
    return text[start:end]


@pytest.mark.parametrize("kind", ["xliff1", "xliff2", "po", "tmx"])
def test_every_target_is_checked_where_it_is_in_the_file(tmp_path, kind):
    path = write(kind, tmp_path, UNITS)
    result, found = findings(tmp_path, path)
    text = path.read_text(encoding="utf-8")
    names = [f for f in found if f["rule"] == "haftar"]
    assert len(names) == 3, found  # one per target: sources ("حفتر") and markup are not prose
    assert all(at(text, f) == f["text"] == "Hifter" for f in found if f["rule"] == "haftar")
    doubled = [f for f in found if f["rule"] == "dup"]
    assert [at(text, f) for f in doubled] == ["the the"]
    if kind != "tmx":  # TMX units have no ids unless the tool gives them (tuid)
        assert [f["unit"].split(" | ")[0] for f in names] == ["u1", "u2", "u3"]
    assert result.exit_code == 1


def test_an_entity_in_the_file_is_the_text_of_its_finding(tmp_path):
    path = write("xliff1", tmp_path, [("e1", "أ & ب", "Hifter&Hifter")])
    text = path.read_text(encoding="utf-8")
    assert "Hifter&amp;Hifter" in text
    _, found = findings(tmp_path, path)
    assert [f["text"] for f in found] == ["Hifter", "Hifter"]
    assert all(at(text, f) == f["text"] for f in found)


def test_inline_tags_are_not_prose_but_their_text_is(tmp_path):
    path = tmp_path / "tags.xlf"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a" source-language="ar" target-language="en" datatype="plaintext"><body>
  <trans-unit id="t1"><source>قال <g id="1">حفتر</g> <x id="2"/></source>
   <target>Said <g id="1">Hifter</g> <x id="2"/> <ph id="3">Hifter</ph></target></trans-unit>
 </body></file></xliff>
""", encoding="utf-8")
    _, found = findings(tmp_path, path)
    assert [(f["text"], f["line"], f["unit"]) for f in found] == [("Hifter", 5, "t1")]  # not the one in <ph> code


def test_po_to_xliff_and_tmx_written_by_the_converters(tmp_path):
    po = write_po(tmp_path / "story.po", UNITS[:1], source_language=None)
    xlf = convert("po2xliff", po, tmp_path / "story.xlf")
    tmx = convert("po2tmx", po, tmp_path / "story.tmx", "--language", "en", "--source-language", "ar")
    rules = RULES + "source_language: ar\n"
    for path in (po, tmx):
        _, found = findings(tmp_path, path, rules)
        assert [f["text"] for f in found] == ["Hifter"], path
    # po2xliff writes source-language="en-US" whatever the PO holds: a clear mismatch, not a guess
    result, _ = findings(tmp_path, xlf, rules)
    assert result.exit_code == 2
    assert "says its source language is 'en-US', but the rules file's source_language is 'ar'" in \
        result.json()["errors"][0]["message"]


@pytest.mark.parametrize("name, content, message", [
    ("broken.xlf", '<xliff version="1.2"><file source-language="ar"><body><trans-unit id="1">'
                   "<source>x</source><target>y</trans-unit></body></file></xliff>",
     "not well-formed XML: mismatched tag at line 1"),
    ("broken.po", 'msgid "قال"\nmsgstr "said\n', "not a valid PO file: end-of-line within string on line 2"),
    ("german.xlf", '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en">'
                   '<file id="f"><unit id="1"><segment><source>Haus</source><target>House</target></segment>'
                   "</unit></file></xliff>",
     "source language 'de' is not one copydesk checks translations from"),
    ("french.xlf", '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ar" trgLang="fr">'
                   '<file id="f"><unit id="1"><segment><source>بيت</source><target>maison</target></segment>'
                   "</unit></file></xliff>",
     "the target language is 'fr': copydesk checks English translations"),
    ("nolang.po", 'msgid "قال"\nmsgstr "said"\n', "does not say its source language: set source_language"),
])
def test_bad_bilingual_files_are_clear_errors_and_the_others_are_checked(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    good = write("xliff1", tmp_path, UNITS[:1])
    result = run("check", "-f", "json", "-c", str(write_rules(tmp_path, RULES)), str(bad), str(good))
    report = result.json()
    assert result.exit_code == 2
    assert [e["path"] for e in report["errors"]] == [str(bad)]
    assert message in report["errors"][0]["message"]
    assert [f["text"] for f in report["findings"]] == ["Hifter"]


def test_source_language_in_the_rules_file_is_validated(tmp_path):
    result = run("check", "-c", str(write_rules(tmp_path, RULES + "source_language: klingon\n")),
                 str(write("po", tmp_path, UNITS[:1])))
    assert result.exit_code == 2
    assert "source_language 'klingon' is not one copydesk checks translations from: ar, fa, tr, ru, uk" in \
        result.stderr + result.stdout


def test_the_html_report_shows_the_source_beside_each_flagged_target(tmp_path):
    import re
    path = write("xliff1", tmp_path, UNITS[:2])
    page = run("check", "-f", "html", "-c", str(write_rules(tmp_path, RULES)), str(path)).stdout
    descriptions = re.findall(r'<div class="desc" id="d-\d+">(.*?)</div>', page)
    assert len(descriptions) == 3  # Hifter in u1; Hifter and "the the" in u2
    assert 'Source (u1):</span> <bdi dir="auto">قال حفتر إن ٢٥ شخصاً قتلوا</bdi>' in descriptions[0]
    assert all("Source (u2):" in description and "وصل حفتر إلى باريس" in description
               for description in descriptions[1:])
