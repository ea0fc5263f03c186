"""Broken rules files: exit 2 and one message naming the file, the line and the key."""

from __future__ import annotations

import pytest

from conftest import run, write_rules

CASES = [
    ("not-yaml", "rules:\n  a: [unclosed\n",
     "rules.yaml:3: not valid YAML: expected ',' or ']', but got '<stream end>'"),
    ("not-a-mapping", "- a\n- b\n",
     "rules.yaml:1: a rules file is a mapping with 'version' and 'rules', not a list"),
    ("unknown-top-level-key", "version: 1\nrule:\n  a: {type: spelling}\n",
     "rules.yaml:2: unknown top-level key 'rule'; did you mean 'rules'?"),
    ("bad-version", "version: 2\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:1: version 2 is not one this copydesk reads: write 'version: 1'"),
    ("bad-language", "language: english\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:1: language 'english' is not a language tag such as en-US or en-GB"),
    ("no-rules", "version: 1\n",
     "rules.yaml:1: 'rules' must be a mapping of rule ids to rules, with at least one rule"),
    ("bad-rule-id", "rules:\n  House_Names: {type: spelling}\n",
     "rules.yaml:2: rule id 'House_Names' must be kebab-case: lower-case letters and digits joined by single "
     "hyphens, e.g. 'house-names'"),
    ("duplicate-rule-id", "rules:\n  a: {type: spelling}\n  a: {type: spelling}\n",
     "rules.yaml:3: 'a' is defined twice"),
    ("rule-not-a-mapping", "rules:\n  a: spelling\n",
     "rules.yaml:2: rule 'a' must be a mapping with a 'type', not str 'spelling'"),
    ("missing-type", "rules:\n  a: {severity: error}\n",
     "rules.yaml:2: rule 'a' has no 'type' (one of: names, substitution, variants, pattern, spelling, grammar)"),
    ("unknown-type", "rules:\n  a:\n    type: name\n    variants: [x, y]\n",
     "rules.yaml:3: rule 'a': unknown type 'name'; did you mean 'names'? (types: names, substitution, variants, pattern, spelling, grammar)"),
    ("bad-severity", "rules:\n  a:\n    type: spelling\n    severity: fatal\n",
     "rules.yaml:4: rule 'a': severity 'fatal' is not one of info, warning, error"),
    ("unknown-option", "rules:\n  a:\n    type: names\n    prefered: Haftar\n    variants: [Hifter]\n",
     "rules.yaml:4: rule 'a': unknown option 'prefered' for type names; did you mean 'preferred'? "
     "(options: variants, preferred, message, type, severity, enabled)"),
    ("missing-option", "rules:\n  a:\n    type: names\n    preferred: Haftar\n",
     "rules.yaml:2: rule 'a': missing option 'variants' (other spellings of the name)"),
    ("empty-group", "rules:\n  a:\n    type: names\n    preferred: Haftar\n    variants: []\n",
     "rules.yaml:5: rule 'a': option 'variants': expected a list of texts, got an empty list"),
    ("variant-equal-to-preferred", "rules:\n  a:\n    type: names\n    preferred: Haftar\n    variants: [Hifter, HAFTAR]\n",
     "rules.yaml:5: rule 'a': option 'variants': 'HAFTAR' is the same name as the preferred spelling "
     "(case and accents typed differently do not count)"),
    ("one-spelling-without-preferred", "rules:\n  a:\n    type: names\n    variants: [Hifter]\n",
     "rules.yaml:4: rule 'a': option 'variants': without 'preferred', list at least two spellings to compare"),
    ("name-in-two-rules", "rules:\n  a: {type: names, preferred: Haftar, variants: [Hifter]}\n"
     "  b: {type: substitution, replace: {Hifter: Haftar}}\n",
     "rules.yaml:3: rule 'b': 'Hifter' is also listed by rule 'a': a name or term belongs to one rule"),
    ("replace-not-a-mapping", "rules:\n  a:\n    type: substitution\n    replace: [Rejep, Recep]\n",
     "rules.yaml:4: rule 'a': option 'replace': expected a mapping of wrong -> right, got a list"),
    ("replace-with-itself", "rules:\n  a:\n    type: substitution\n    replace: {Recep: Recep}\n",
     "rules.yaml:4: rule 'a': option 'replace': 'Recep' is replaced by itself"),
    ("bad-regex", "rules:\n  a:\n    type: pattern\n    pattern: 'Written by (Staff'\n    message: byline\n",
     "rules.yaml:4: rule 'a': option 'pattern': not a valid regular expression: missing ) at position 17"),
    ("missing-message", "rules:\n  a:\n    type: pattern\n    pattern: TK\n",
     "rules.yaml:2: rule 'a': missing option 'message' (what the finding says)"),
    ("bad-group-reference", "rules:\n  a:\n    type: pattern\n    pattern: '(a)'\n    message: m\n    suggestion: '\\2'\n",
     "rules.yaml:6: rule 'a': option 'suggestion': refers to group '2', which the pattern does not have"),
    ("bad-boolean", "rules:\n  a:\n    type: pattern\n    pattern: a\n    message: m\n    ignore_case: maybe\n",
     "rules.yaml:6: rule 'a': option 'ignore_case': expected true or false, got str 'maybe'"),
    ("unknown-engine", "rules:\n  g:\n    type: grammar\n    engine: langtool\n",
     "rules.yaml:4: rule 'g': option 'engine': no engine 'langtool'; did you mean 'languagetool'? "
     "(engines: languagetool, harper)"),
    ("engine-twice", "rules:\n  g:\n    type: grammar\n    engine: [harper, harper]\n",
     "rules.yaml:4: rule 'g': option 'engine': an engine is listed twice"),
    ("server-not-a-url", "rules:\n  g:\n    type: grammar\n    server: localhost:8010\n",
     "rules.yaml:4: rule 'g': option 'server': expected a URL such as http://localhost:8010, got 'localhost:8010'"),
    ("unknown-harper-rule", "rules:\n  g:\n    type: grammar\n    harper_rules: {MassNoun: false}\n",
     "rules.yaml:4: rule 'g': option 'harper_rules': Harper has no rule 'MassNoun'; did you mean 'MassNouns'?"),
    ("harper-rule-not-boolean", "rules:\n  g:\n    type: grammar\n    harper_rules: {MassNouns: maybe}\n",
     "rules.yaml:4: rule 'g': option 'harper_rules': expected true or false, got str 'maybe'"),
    ("missing-ignore-file", "rules:\n  a:\n    type: spelling\n    ignore_file: house-words.txt\n",
     "rules.yaml:4: rule 'a': option 'ignore_file': cannot read {folder}/house-words.txt: No such file or directory"),
]


@pytest.mark.parametrize("name, yaml_text, message", CASES, ids=[case[0] for case in CASES])
def test_bad_rules_file(tmp_path, monkeypatch, name, yaml_text, message):
    write_rules(tmp_path, yaml_text)
    monkeypatch.chdir(tmp_path)
    result = run("check", "-c", "rules.yaml", "-", input="text\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"copydesk: error: {message.format(folder=tmp_path)}\n"


def test_unreadable_and_non_utf8_rules_files(tmp_path):
    missing = run("check", "-c", str(tmp_path / "nope.yaml"), "-", input="x\n")
    assert missing.exit_code == 2
    assert missing.stderr == f"copydesk: error: {tmp_path / 'nope.yaml'}: cannot read the rules file: No such file or directory\n"
    (tmp_path / "latin1.yaml").write_bytes("rules:\n  caf\xe9: {type: spelling}\n".encode("latin-1"))
    latin1 = run("check", "-c", str(tmp_path / "latin1.yaml"), "-", input="x\n")
    assert latin1.stderr == f"copydesk: error: {tmp_path / 'latin1.yaml'}: the rules file is not UTF-8 text\n"


def test_yaml_is_loaded_safely(tmp_path):
    write_rules(tmp_path, "rules: !!python/object/apply:os.system ['echo pwned']\n")
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "-", input="x\n")
    assert result.exit_code == 2 and "not valid YAML" in result.stderr and "pwned" not in result.stdout
