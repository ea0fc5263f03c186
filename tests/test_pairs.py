"""Article pairs (--source): paragraphs aligned by Gale–Church, so a dropped, merged or split
paragraph does not shift the findings after it."""

from __future__ import annotations

from conftest import run, write_rules

from lint.bilingual.align import Bead, align

RULES = """
rules:
  numbers: {type: numbers, severity: error}
  untranslated: {type: untranslated, severity: error}
"""
SOURCE = [
    "قال المتحدث باسم الحكومة إن ٢٥ شخصاً قتلوا في طرابلس يوم الثلاثاء في اشتباكات عنيفة بين الفصائل.",
    "وأضاف أن ١٥٠ آخرين أصيبوا بجروح، بينهم ١٢ طفلاً، ونقلوا إلى مستشفيات المدينة القريبة.",
    "وكانت حكومة الوفاق الوطني قد أعلنت حالة الطوارئ في العاصمة منذ ٣ أسابيع بسبب تدهور الأوضاع الأمنية.",
    "ودعت الأمم المتحدة جميع الأطراف إلى وقف إطلاق النار فوراً والعودة إلى طاولة الحوار.",
    "وقال شهود عيان إن الاشتباكات استمرت حتى ساعات الصباح الأولى من يوم الأربعاء وخلفت ٤٠ منزلاً مدمراً.",
]
TARGET = [
    "A government spokesman said 25 people were killed in Tripoli on Tuesday in violent clashes between factions.",
    "He added that 150 others were wounded, including 12 children, and were taken to nearby city hospitals.",
    "The Government of National Accord had declared a state of emergency in the capital 3 weeks ago because "
    "security had deteriorated.",
    "The United Nations called on all parties to cease fire immediately and return to the negotiating table.",
    "Eyewitnesses said the clashes went on until the early hours of Wednesday and left 40 homes destroyed.",
]


def pair(tmp_path, target_paragraphs, source_paragraphs=SOURCE, *extra):
    (tmp_path / "ar").mkdir(exist_ok=True)
    (tmp_path / "en").mkdir(exist_ok=True)
    (tmp_path / "ar" / "story.txt").write_text("\n\n".join(source_paragraphs) + "\n", encoding="utf-8")
    (tmp_path / "en" / "story.txt").write_text("\n\n".join(target_paragraphs) + "\n", encoding="utf-8")
    result = run("check", "-f", "json", "-c", str(write_rules(tmp_path, RULES)), "--source", str(tmp_path / "ar"),
                 str(tmp_path / "en"), *extra)
    return result, result.json()


def test_a_faithful_translation_has_no_findings(tmp_path):
    result, report = pair(tmp_path, TARGET)
    assert report["findings"] == [] and report["errors"] == [] and result.exit_code == 0


def test_a_dropped_paragraph_is_reported_and_shifts_nothing_after_it(tmp_path):
    target = TARGET[:2] + TARGET[3:]
    target[-1] = target[-1].replace("40", "14")
    _, report = pair(tmp_path, target)
    assert [(f["rule"], f["unit"], f["line"], f["text"][:12]) for f in report["findings"]] == [
        ("untranslated", "source paragraph 3", 3, "He added tha"),
        ("numbers", "source paragraph 5", 7, "14")]
    assert report["findings"][1]["message"] == "14 is not in the source, which has ٤٠ (40) here"


def test_merged_and_split_paragraphs_are_aligned_together(tmp_path):
    target = [TARGET[0] + " " + TARGET[1], TARGET[2], *TARGET[3].split(" to ", 1), TARGET[4]]
    _, report = pair(tmp_path, target)
    assert report["findings"] == []


def test_a_source_file_goes_with_one_article_and_missing_sources_are_errors(tmp_path):
    (tmp_path / "ar").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "ar" / "one.txt").write_text(SOURCE[0], encoding="utf-8")
    (tmp_path / "en" / "one.txt").write_text(TARGET[0].replace("25", "52"), encoding="utf-8")
    (tmp_path / "en" / "two.txt").write_text(TARGET[1], encoding="utf-8")
    rules = str(write_rules(tmp_path, RULES))
    single = run("check", "-f", "json", "-c", rules, "--source", str(tmp_path / "ar" / "one.txt"),
                 str(tmp_path / "en" / "one.txt"))
    assert [f["text"] for f in single.json()["findings"]] == ["52"]
    folder = run("check", "-f", "json", "-c", rules, "--source", str(tmp_path / "ar"), str(tmp_path / "en"))
    assert folder.exit_code == 2
    assert [e["path"] for e in folder.json()["errors"]] == [str(tmp_path / "en" / "two.txt")]
    assert "no source for this article: " in folder.json()["errors"][0]["message"]
    assert [f["text"] for f in folder.json()["findings"]] == ["52"]
    two = run("check", "-c", rules, "--source", str(tmp_path / "ar" / "one.txt"), str(tmp_path / "en"))
    assert two.exit_code == 2 and "is one file, but 2 articles were given" in two.stderr


def test_gale_church_beads():
    assert align([100, 200, 300], [125, 250, 375]) == [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,))]
    assert align([100, 200, 300, 80, 150], [130, 260, 104, 195], 1.3)[2] == Bead((2,), ())
    assert align([100, 200, 300, 80, 150], [130, 260, 490, 195], 1.3)[2] == Bead((2, 3), (2,))
    assert align([100, 200, 300, 80, 150], [130, 260, 390, 60, 104, 195], 1.3)[2] == Bead((2,), (2, 3))
    assert align([100, 200], [130, 150, 260], 1.3)[1] == Bead((), (1,))
