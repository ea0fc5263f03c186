"""`unless`: phrases in which a rule's wrong form is right (chicken Kiev), for names and substitution."""

from __future__ import annotations

import pytest
from conftest import rules, run, write_rules

from lint import lint_text
from lint.config import ConfigError

KYIV = """
version: 1
rules:
  kyiv:
    type: names
    severity: error
    preferred: Kyiv
    variants: [Kiev]
    unless: [chicken Kiev, Battle of Kiev]
  streets:
    type: substitution
    severity: error
    replace: {Rejep: Recep}
    unless: [Rejep Street]
  variants: {type: variants}
"""


def found(text: str, yaml_text: str = KYIV) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in lint_text(text, rules(yaml_text))]


def test_a_variant_inside_an_exception_is_not_reported_and_one_outside_is():
    text = "Kyiv hosted a dinner: CHICKEN KIEV, then Chicken Kiev's sauce. Kiev denied it."
    assert found(text) == [("kyiv", "Kiev")]
    assert lint_text(text, rules(KYIV))[0].column == text.index("Kiev denied") + 1


def test_an_exception_matches_across_a_line_break_and_with_a_variant_inside_it():
    assert found("the Battle\nof Kiev in 1941 and the Battle of Kyiv in 2022") == []


def test_substitution_takes_exceptions_too():
    assert found("Rejep Street was renamed; Rejep Erdogan spoke.") == [("streets", "Rejep")]


def test_without_preferred_an_exception_is_not_counted_as_a_spelling():
    yaml_text = """
    version: 1
    rules:
      kyiv: {type: names, variants: [Kyiv, Kiev], unless: [chicken Kiev]}
    """
    # Two "Kiev" in the dish and one "Kyiv": no mixed spelling in the article.
    assert found("Kyiv restaurants serve chicken Kiev; chicken Kiev is on every menu.", yaml_text) == []
    assert found("Kyiv and Kiev, and chicken Kiev, chicken Kiev.", yaml_text) == [("kyiv", "Kiev")]


def test_fix_leaves_an_exception_as_written(tmp_path):
    path = tmp_path / "menu.txt"
    path.write_text("In Kiev the chicken Kiev was cold.\n", encoding="utf-8")
    config = write_rules(tmp_path, KYIV)
    run("check", "-c", str(config), "--fix", str(path))
    assert path.read_text(encoding="utf-8") == "In Kyiv the chicken Kiev was cold.\n"


def test_copydesk_rules_shows_the_exceptions(tmp_path):
    out = run("rules", "-c", str(write_rules(tmp_path, KYIV))).stdout
    assert "Kyiv, not Kiev; except in chicken Kiev, Battle of Kiev" in out


@pytest.mark.parametrize("unless, says", [
    ("[chicken]", "'chicken' contains none of the forms this rule reports, so it excuses nothing"),
    ("[KIEV]", "'KIEV' is itself one of the forms this rule reports"),
    ("['--']", "'--' has no letters to match"),
    ("{a: b}", "expected a list of texts"),
])
def test_an_exception_that_cannot_work_is_refused(unless, says):
    yaml_text = f"""
    version: 1
    rules:
      kyiv: {{type: names, preferred: Kyiv, variants: [Kiev], unless: {unless}}}
    """
    with pytest.raises(ConfigError, match="rule 'kyiv': option 'unless': ") as error:
        rules(yaml_text)
    assert says in str(error.value)


def test_one_exception_in_two_rules_is_refused():
    yaml_text = """
    version: 1
    rules:
      kyiv: {type: names, preferred: Kyiv, variants: [Kiev], unless: [chicken Kiev]}
      dish: {type: substitution, replace: {chicken: poultry}, unless: [chicken Kiev]}
    """
    with pytest.raises(ConfigError, match="'chicken Kiev' is also listed by rule 'kyiv'"):
        rules(yaml_text)
