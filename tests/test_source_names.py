"""variants with a source: spellings that render one source name are one name (however
rarely each is used), spellings of two source names are never joined."""

from __future__ import annotations

from bilingual_files import write
from conftest import run, write_rules

from lint.names.anchors import anchor, source_words

RULES = "rules:\n  variants: {type: variants}\n"
UNITS = [
    ("1", "قال الوزير عمر إن الوفد سيصل غدا", "The minister Omar said the delegation would arrive tomorrow"),
    ("2", "وأضاف الوزير عمر أن المحادثات ستستمر", "Minister Amer added that the talks would go on"),
    ("3", "وقال المتحدث إن سليم التقى بالوفد", "The spokesman said Salim met the delegation"),
    ("4", "ثم تحدث سالم عن الاتفاق", "Then Salem spoke about the agreement"),
]


def findings(tmp_path, path):
    result = run("check", "-f", "json", "--no-cache", "-c", str(write_rules(tmp_path, RULES)), str(path))
    return [(f["text"], f["message"]) for f in result.json()["findings"]]


def test_with_the_source_one_name_is_one_name_and_two_names_are_two(tmp_path):
    path = write("xliff1", tmp_path, UNITS)
    assert findings(tmp_path, path) == [
        ("Amer", '"Amer" and "Omar" render one name of the source, «عمر»: spell it one way')]


def test_without_the_source_the_english_alone_decides(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("\n\n".join(target for _, _, target in UNITS) + "\n", encoding="utf-8")
    assert [text for text, _ in findings(tmp_path, article)] == ["Salem"]  # and Omar/Amer look like two names


def test_anchors_in_arabic_and_cyrillic_sources():
    arabic = source_words("وقال المشير خليفة حفتر إن الدبيبة وصل إلى مصراتة")
    assert {name: anchor(name, arabic, "ar") for name in ["Haftar", "Hifter", "Dbeibah", "Dbeiba", "Misurata"]} == {
        "Haftar": "حفتر", "Hifter": "حفتر", "Dbeibah": "دبيبه", "Dbeiba": "دبيبه", "Misurata": "مصراته"}
    assert anchor("Paris", arabic, "ar") is None
    russian = source_words("Владимир Путин приехал в Харьков")
    assert anchor("Putin", russian, "ru") == anchor("Poutine", russian, "ru") == "путин"
    assert anchor("Kharkiv", russian, "ru") == anchor("Kharkov", russian, "ru")
