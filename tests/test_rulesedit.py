"""The code actions' edits of a rules file: only the new text inserted, comments and layout kept."""

from __future__ import annotations

import pytest

from lint.lsp.actions import appended
from lint.lsp.rulesedit import EditError, add_item, add_key

RULES = """version: 1
rules:
  # names spelled two ways
  variants: {type: variants, severity: warning}  # on
  spelling:
    type: spelling   # the dictionary
    ignore:
      - Tobruk   # a town

  # the last rule
  other:
    type: variants
    ignore: [[Hamad, Hamid]]
"""


@pytest.mark.parametrize("rule, key, item, old, new", [
    ("variants", "ignore", ["Dbeiba", "Dbeibah"], "severity: warning}  # on\n",
     "severity: warning, ignore: [[Dbeiba, Dbeibah]]}  # on\n"),
    ("spelling", "ignore", "Zliten", "      - Tobruk   # a town\n", "      - Tobruk   # a town\n      - Zliten\n"),
    ("other", "ignore", ["Yes", "No"], "[[Hamad, Hamid]]", "[[Hamad, Hamid], ['Yes', 'No']]"),
])
def test_an_item_is_added_where_a_person_would_add_it(rule, key, item, old, new):
    assert add_item(RULES, rule, key, item) == RULES.replace(old, new)


def test_a_key_goes_after_the_last_one_of_a_block_rule():
    edited = add_key(RULES, "spelling", "ignore_file", "house words.txt")
    assert "      - Tobruk   # a town\n    ignore_file: house words.txt\n\n  # the last rule\n" in edited


def test_crlf_files_keep_their_line_ends():
    edited = add_item(RULES.replace("\n", "\r\n"), "spelling", "ignore", "Zliten")
    assert "      - Tobruk   # a town\r\n      - Zliten\r\n" in edited
    assert "\n" not in edited.replace("\r\n", "")


def test_refused_rather_than_written_wrong():
    with pytest.raises(EditError, match="no rule 'names'"):
        add_item(RULES, "names", "ignore", "x")
    with pytest.raises(EditError, match="'type' is not a list"):
        add_item(RULES, "other", "type", "x")
    with pytest.raises(EditError, match="already has 'ignore'"):
        add_key(RULES, "spelling", "ignore", ["x"])
    # An alias: inserting after its end would change the rule it points at too.
    aliased = "version: 1\nrules:\n  a: &one {type: variants}\n  b: *one\n"
    with pytest.raises(EditError):
        add_item(aliased, "b", "ignore", ["Hamad", "Hamid"])


def test_words_files_get_one_more_line():
    assert appended("", "qadis") == "qadis\n"
    assert appended("# ours\nmukhtars", "qadis") == "# ours\nmukhtars\nqadis\n"
    assert appended("a\r\n", "qadis") == "a\r\nqadis\r\n"
