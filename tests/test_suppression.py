"""Suppression comments in Markdown and HTML, and [sic] in any format."""

from __future__ import annotations

from conftest import rules, run, write_rules

from lint import lint_text
from lint.checks.base import Check
from lint.finding import Problem, Severity

RULES = """
version: 1
rules:
  haftar: {type: names, severity: error, preferred: Haftar, variants: [Hifter]}
  terms: {type: substitution, severity: error, replace: {Rejep: Recep}}
  spelling: {type: spelling}
"""

ARTICLE = """Hifter met Rejep.

<!-- copydesk-disable haftar -->
Hifter met Rejep.
<!-- copydesk-enable haftar -->
Hifter met Rejep.

<!-- copydesk-disable -->
Hifter met Rejep and the goverment.
<!-- copydesk-enable -->

<!-- copydesk-disable-next-line terms -->
Hifter met Rejep.
Hifter met Rejep.

<!-- copydesk-disable-next-line -->
Hifter met Rejep.
"""


def found(text: str, path: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in lint_text(text, rules(RULES), path=path)]


def test_each_comment_form_in_markdown():
    assert found(ARTICLE, "a.md") == [
        (1, "haftar"), (1, "terms"),
        (4, "terms"),                     # haftar disabled between 3 and 5
        (6, "haftar"), (6, "terms"),
        # 8-10: everything off
        (13, "haftar"),                   # next line: terms off
        (14, "haftar"), (14, "terms"),    # the line after that: back on
        # 17: everything off on the next line
    ]


def test_each_comment_form_in_html():
    html = "".join(f"<p>{line}</p>\n" if line and not line.startswith("<!--") else line + "\n"
                   for line in ARTICLE.splitlines())
    assert found(html, "a.html") == found(ARTICLE, "a.md")


def test_enable_one_rule_inside_disable_all_and_sub_rules():
    text = ("<!-- copydesk-disable -->\n<!-- copydesk-enable terms -->\nHifter met Rejep.\n"
            "<!-- copydesk-disable terms -->\nHifter met Rejep.\n")
    assert found(text, "a.md") == [(3, "terms")]


def test_comments_in_plain_text_are_text():
    assert found("<!-- copydesk-disable -->\nHifter\n", "a.txt") == [(2, "haftar")]


def test_a_comment_naming_no_rule_is_an_error_naming_the_line(tmp_path):
    write_rules(tmp_path, RULES)
    article = tmp_path / "a.md"
    article.write_text("Hifter.\n\n<!-- copydesk-disable haftr -->\nHifter.\n<!-- copydesk-disabled -->\n")
    result = run("check", "-c", str(tmp_path / "rules.yaml"), str(article))
    assert result.exit_code == 2
    assert f"{article}: line 3: copydesk-disable names no rule of the rules file: haftr" in result.stderr
    assert f"{article}: line 5: 'copydesk-disabled' is not a copydesk comment" in result.stderr
    assert result.stdout.count("[haftar]") == 2  # the file is still checked, the bad comment ignored


def test_sic_spares_names_variants_and_spelling_only():
    text = 'He wrote: "Hifter [sic] met the goverment [sic] and Rejep [sic]", then Hifter’s [sic] aide.\n'
    for path in ("a.txt", "a.md", "a.html"):
        assert found(text, path) == [(1, "terms")]


def test_sic_must_follow_the_word():
    text = "Hifter met the goverment. [sic] is not here. *Hifter* *[sic]*\n"
    assert found(text, "a.md") == [(1, "haftar"), (1, "spelling")]
    assert found("<p>Hifter</p>\n\n<p>[sic] starts a paragraph</p>\n", "a.html") == [(1, "haftar")]
    assert found("<p>“<i>Hifter</i>” \n <i>[sic]</i></p>\n", "a.html") == []


def test_sic_spares_the_variants_rule():
    ruleset = rules("version: 1\nrules:\n  variants: {type: variants}\n")
    text = "Fighters left Misrata on Monday. Misrata is a port city. The Misurata brigades held.\n"
    assert [(f.rule, f.text) for f in lint_text(text, ruleset)] == [("variants", "Misurata")]
    assert lint_text(text.replace("Misurata brigades", "Misurata [sic] brigades"), ruleset) == []


class Variants(Check):
    """variants: a stand-in check of a type that [sic] silences, as the real variants type."""

    type_name = "variants"
    silenced_by_sic = True

    def check(self, context):
        for word in context.words:
            if word.text == "Hifter":
                yield Problem(word.start, word.end, "one spelling per article")


def test_sic_spares_a_variants_check_by_its_type_name():
    ruleset = rules(RULES)
    ruleset.checks.append(Variants("variants", Severity.WARNING, {}, language="en-US", base_dir="."))
    ruleset.configured.append(ruleset.checks[-1])
    text = "Hifter [sic] and Hifter.\n"
    assert [(f.column, f.rule) for f in lint_text(text, ruleset)] == [(18, "haftar"), (18, "variants")]
    ruleset.checks[-1].silenced_by_sic = False  # the same check, of a type [sic] does not silence, is not spared
    assert (1, "variants") in [(f.column, f.rule) for f in lint_text(text, ruleset)]


def test_comments_inside_code_are_not_directives_and_inline_ones_are():
    text = ("```html\n<!-- copydesk-disable -->\n```\n\nHifter met Rejep. `<!-- copydesk-disable -->`\n"
            "Hifter met Rejep. <!-- copydesk-disable-next-line terms -->\nHifter met Rejep.\n")
    assert found(text, "a.md") == [(5, "haftar"), (5, "terms"), (6, "haftar"), (6, "terms"), (7, "haftar")]
    html = "<script>// <!-- copydesk-disable --></script><style>/* <!-- copydesk-disable --> */</style>\n<p>Hifter</p>\n"
    assert found(html, "a.html") == [(2, "haftar")]
