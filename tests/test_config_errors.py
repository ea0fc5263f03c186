"""Broken rules files: exit 2 and one message naming the file, the line and the key."""

from __future__ import annotations

import codecs
import os

import pytest
from conftest import run, write_rules

from lint.config import MAX_RULES_BYTES

RULES_WITH_ACCENT = "rules:\n  erdogan: {type: names, preferred: Erdoğan, variants: [Erdogan]}\n"


def laughs(levels: int = 9) -> str:
    """A "billion laughs" list: each level nine aliases of the one before (9**9 entries)."""
    parts = ["&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    parts += [f"&l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]" for level in range(1, levels)]
    return "[" + ", ".join(parts) + "]"


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
     "rules.yaml:2: rule 'a' has no 'type' (one of: names, substitution, variants, pattern, spelling, grammar, "
     "numbers, untranslated, glossary, consistency, tags)"),
    ("unknown-type", "rules:\n  a:\n    type: name\n    variants: [x, y]\n",
     "rules.yaml:3: rule 'a': unknown type 'name'; did you mean 'names'? (types: names, substitution, "
     "variants, pattern, spelling, grammar, numbers, untranslated, glossary, consistency, tags)"),
    ("bad-severity", "rules:\n  a:\n    type: spelling\n    severity: fatal\n",
     "rules.yaml:4: rule 'a': severity 'fatal' is not one of info, warning, error"),
    ("unknown-option", "rules:\n  a:\n    type: names\n    prefered: Haftar\n    variants: [Hifter]\n",
     "rules.yaml:4: rule 'a': unknown option 'prefered' for type names; did you mean 'preferred'? "
     "(options: variants, preferred, unless, message, type, severity, enabled)"),
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
     "rules.yaml:4: rule 'a': option 'ignore_file': cannot read {folder}/house-words.txt: No such file or "
     "directory"),
    # hostile files: aliases that expand without end, sizes, bytes that are not text, YAML that builds objects
    ("billion-laughs-severity", f"rules:\n  a:\n    type: spelling\n    severity: {laughs()}\n",
     "rules.yaml:4: 'severity': aliases (*name) expand the rules file to more than 10,000 entries beyond "
     "those written; write the entries out, or share fewer"),
    ("billion-laughs-version", f"version: {laughs()}\nrules:\n  a: {{type: spelling}}\n",
     "rules.yaml:1: 'version': aliases (*name) expand the rules file to more than 10,000 entries beyond "
     "those written; write the entries out, or share fewer"),
    ("billion-laughs-variants", f"rules:\n  a:\n    type: names\n    variants: {laughs()}\n",
     "rules.yaml:4: 'variants': aliases (*name) expand the rules file to more than 10,000 entries beyond "
     "those written; write the entries out, or share fewer"),
    ("billion-laughs-override", f"overrides:\n  - files: [a/**]\n    rules:\n      a: {{severity: {laughs()}}}\n"
     "rules:\n  a: {type: spelling}\n",
     "rules.yaml:4: 'severity': aliases (*name) expand the rules file to more than 10,000 entries beyond "
     "those written; write the entries out, or share fewer"),
    ("alias-containing-itself", "rules:\n  a:\n    type: names\n    variants: &v [Hifter, *v]\n",
     "rules.yaml:4: an alias (*name) refers to an anchor (&name) that contains it: the entry would never end"),
    ("nested-too-deep", "rules:\n  a: {type: spelling, severity: " + "[" * 3000 + "]" * 3000 + "}\n",
     "rules.yaml:2: lists or mappings nested too deeply for copydesk to read"),
    ("huge-file", b"rules:\n  a: {type: spelling}\n" + b"# a comment line to pad the file out\n" * (MAX_RULES_BYTES // 37),
     "rules.yaml: the rules file is larger than 5 MB, the most copydesk reads; split its word lists into "
     "ignore files, or trim it"),
    ("latin-1-bytes", "version: 1\nrules:\n  caf\xe9: {type: spelling}\n".encode("latin-1"),
     "rules.yaml:3: the rules file is not UTF-8 text: byte 0xe9 at line 3, byte 6 cannot be decoded; save "
     "the file as UTF-8"),
    ("binary-bytes", b"version: 1\nrules:\x00\x01\x02\n",
     "rules.yaml: the rules file is a binary file, not text"),
    ("python-object", "rules: !!python/object/apply:os.system ['echo pwned']\n",
     "rules.yaml:1: the tag !!python/object/apply:os.system is not allowed: a rules file holds only text, "
     "numbers, true/false, lists and mappings"),
    ("python-name", "rules:\n  a: {type: pattern, pattern: !!python/name:os.system '', message: m}\n",
     "rules.yaml:2: the tag !!python/name:os.system is not allowed: a rules file holds only text, "
     "numbers, true/false, lists and mappings"),
    ("surrogate-escape", 'rules:\n  a: {type: pattern, pattern: x, message: "half \\ud800 a character"}\n',
     "rules.yaml:2: rule 'a': option 'message': 'half \\ud800 a character' holds a \\u escape of half a "
     "character (a surrogate), which is not text"),
    # wrong types everywhere
    ("version-true", "version: true\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:1: version True is not one this copydesk reads: write 'version: 1'"),
    ("version-text", "version: '1'\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:1: version '1' is not one this copydesk reads: write 'version: 1'"),
    ("language-number", "language: 5\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:1: language 5 is not a language tag such as en-US or en-GB"),
    ("language-without-a-dictionary", "language: fr-FR\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:1: language 'fr-FR' is not one copydesk can check: it checks English text, written as one of "
     "en-US, en, en-GB, en-AU, en-NZ, en-IE, en-ZA, en-IN"),
    ("replace-empty", "rules:\n  a:\n    type: substitution\n    replace: {}\n",
     "rules.yaml:4: rule 'a': option 'replace': expected a mapping of wrong -> right, got an empty mapping"),
    ("rules-a-list", "rules:\n  - haftar\n  - spelling\n",
     "rules.yaml:1: 'rules' must be a mapping of rule ids to rules, with at least one rule"),
    ("rule-id-a-number", "rules:\n  1: {type: spelling}\n",
     "rules.yaml:2: rule id 1 must be kebab-case: lower-case letters and digits joined by single hyphens, "
     "e.g. 'house-names'"),
    ("key-a-list", "rules:\n  ? [a, b]\n  : {type: spelling}\n",
     "rules.yaml:2: a key must be a word or a name, not a list or a mapping"),
    ("type-a-list", "rules:\n  a:\n    type: [names]\n    variants: [x, y]\n",
     "rules.yaml:3: rule 'a': unknown type […]; did you mean 'names'? (types: names, substitution, "
     "variants, pattern, spelling, grammar, numbers, untranslated, glossary, consistency, tags)"),
    ("severity-a-mapping", "rules:\n  a:\n    type: spelling\n    severity: {level: error}\n",
     "rules.yaml:4: rule 'a': severity {{…}} is not one of info, warning, error"),
    ("enabled-a-text", "rules:\n  a:\n    type: spelling\n    enabled: 'no'\n",
     "rules.yaml:4: rule 'a': 'enabled' must be true or false"),
    ("variants-a-mapping", "rules:\n  a:\n    type: names\n    variants: {Hifter: Haftar}\n",
     "rules.yaml:4: rule 'a': option 'variants': expected a list of texts, got a mapping"),
    ("preferred-a-number", "rules:\n  a:\n    type: names\n    preferred: 7\n    variants: [Seven]\n",
     "rules.yaml:4: rule 'a': option 'preferred': expected a text, got int 7: put it in quotes to make it text"),
    ("replace-right-a-number", "rules:\n  a:\n    type: substitution\n    replace: {Rejep: 5}\n",
     "rules.yaml:4: rule 'a': option 'replace': expected a text, got int 5: put it in quotes to make it text"),
    ("replace-key-read-as-false", "rules:\n  a:\n    type: substitution\n    replace: {no: none}\n",
     "rules.yaml:4: rule 'a': option 'replace': a wrong form was read as true or false (YAML reads yes, "
     "no, on and off so): put it in quotes, e.g. 'no': none"),
    ("pattern-a-date", "rules:\n  a:\n    type: pattern\n    pattern: 2024-01-31\n    message: m\n",
     "rules.yaml:4: rule 'a': option 'pattern': expected a text, got date 2024-01-31: put it in quotes to "
     "make it text"),
    ("ignore-a-number", "rules:\n  a:\n    type: spelling\n    ignore: [Haftar, 12]\n",
     "rules.yaml:4: rule 'a': option 'ignore': expected a text, got int 12: put it in quotes to make it text"),
    ("exclude-a-mapping", "exclude: {drafts: yes}\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:1: 'exclude' must be a list of path globs such as 'archive/**', not a mapping"),
    ("scope-unknown", "rules:\n  a:\n    type: variants\n    scope: everything\n",
     "rules.yaml:4: rule 'a': option 'scope': expected one of document, batch, got str 'everything'"),
    ("time-limit-zero", "rules:\n  a:\n    type: pattern\n    pattern: x\n    message: m\n    time_limit: 0\n",
     "rules.yaml:6: rule 'a': option 'time_limit': expected a number of seconds above 0 (at most 3600), got int 0"),
    ("time-limit-a-word", "rules:\n  a:\n    type: pattern\n    pattern: x\n    message: m\n    time_limit: fast\n",
     "rules.yaml:6: rule 'a': option 'time_limit': expected a number of seconds above 0 (at most 3600), got str 'fast'"),
    ("suggestion-stray-backslash", "rules:\n  a:\n    type: pattern\n    pattern: x\n    message: m\n    suggestion: 'a\\'\n",
     "rules.yaml:6: rule 'a': option 'suggestion': 'a\\\\' is not a replacement copydesk can fill in (bad escape "
     "(end of pattern) at position 2); write \\\\ for a backslash"),
    ("fixes-go-round", "rules:\n  a: {type: names, preferred: Haftar, variants: [Hifter]}\n"
     "  b: {type: substitution, replace: {Hafter: Hifter}}\n",
     "rules.yaml:3: rule 'b': 'Hifter', written for 'Hafter', is itself flagged by rule 'a' (write 'Haftar'): "
     "the fixes would go round; correct one of them"),
    ("fix-chain-in-one-rule", "rules:\n  a:\n    type: substitution\n    replace: {Rejep: Recep, Recep: Redjep}\n",
     "rules.yaml:2: rule 'a': 'Recep', written for 'Rejep', is itself flagged by this rule (write 'Redjep'): "
     "the fixes would go round; correct one of them"),
    ("grammar-engine-a-mapping", "rules:\n  g:\n    type: grammar\n    engine: {languagetool: yes}\n",
     "rules.yaml:4: rule 'g': option 'engine': expected a list of texts, got a mapping"),
    ("grammar-harper-rules-a-list", "rules:\n  g:\n    type: grammar\n    harper_rules: [MassNouns]\n",
     "rules.yaml:4: rule 'g': option 'harper_rules': expected Harper rule names with true or false, "
     "e.g. {{SpellCheck: true}}, got a list"),
    ("grammar-picky-a-word", "rules:\n  g:\n    type: grammar\n    picky: very\n",
     "rules.yaml:4: rule 'g': option 'picky': expected true or false, got str 'very'"),
    ("grammar-rule-a-number", "rules:\n  g:\n    type: grammar\n    disabled_rules: [EN_A_VS_AN, 3]\n",
     "rules.yaml:4: rule 'g': option 'disabled_rules': expected a text, got int 3: put it in quotes to make it text"),
    ("grammar-server-a-file", "rules:\n  g:\n    type: grammar\n    server: 'file:///etc/passwd'\n",
     "rules.yaml:4: rule 'g': option 'server': expected a URL such as http://localhost:8010, got 'file:///etc/passwd'"),
    # bad globs, unknown keys, duplicates
    ("bad-glob-range", "exclude:\n  - drafts/**\n  - '[z-a]*.md'\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:3: 'exclude': '[z-a]*.md' is not a path glob such as 'archive/**' or '*.draft.md' (check "
     "its [ ] ranges, \\ escapes and !)"),
    ("bad-glob-in-override", "overrides:\n  - files: [opinion/**, '!']\n    severity: info\nrules:\n  a: {type: spelling}\n",
     "rules.yaml:2: 'files': '!' is not a path glob such as 'archive/**' or '*.draft.md' (check its [ ] "
     "ranges, \\ escapes and !)"),
    ("unknown-rule-key", "rules:\n  a:\n    type: spelling\n    severty: error\n",
     "rules.yaml:4: rule 'a': unknown option 'severty' for type spelling; did you mean 'severity'? "
     "(options: ignore, ignore_file, type, severity, enabled)"),
    ("duplicate-key-in-rule", "rules:\n  a:\n    type: spelling\n    severity: error\n    severity: info\n",
     "rules.yaml:5: 'severity' is defined twice"),
    ("duplicate-variant", "rules:\n  a:\n    type: names\n    variants: [Hifter, Haftar, hifter]\n",
     "rules.yaml:4: rule 'a': option 'variants': 'hifter' is the same name as 'Hifter' (case and accents "
     "typed differently do not count)"),
    ("empty-variant", "rules:\n  a:\n    type: names\n    variants: [Hifter, '']\n",
     "rules.yaml:4: rule 'a': option 'variants': expected a non-empty text, got str ''"),
    ("empty-variants-group", "rules:\n  a:\n    type: variants\n    ignore: [[Hamad, Hamid], []]\n",
     "rules.yaml:4: rule 'a': option 'ignore': expected a list of texts, got an empty list"),
]


@pytest.mark.parametrize("name, yaml_text, message", CASES, ids=[case[0] for case in CASES])
def test_bad_rules_file(tmp_path, monkeypatch, name, yaml_text, message):
    if isinstance(yaml_text, bytes):
        (tmp_path / "rules.yaml").write_bytes(yaml_text)
    else:
        write_rules(tmp_path, yaml_text)
    monkeypatch.chdir(tmp_path)
    result = run("check", "-c", "rules.yaml", "-", input="text\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"copydesk: error: {message.format(folder=tmp_path)}\n"


def test_rules_files_that_cannot_be_read(tmp_path):
    missing = run("check", "-c", str(tmp_path / "nope.yaml"), "-", input="x\n")
    assert missing.exit_code == 2
    assert missing.stderr == f"copydesk: error: {tmp_path / 'nope.yaml'}: cannot read the rules file: No such file or directory\n"
    folder = run("check", "-c", str(tmp_path), "-", input="x\n")
    assert folder.stderr == f"copydesk: error: {tmp_path}: the rules file is a folder, not a file\n"
    os.mkfifo(tmp_path / "pipe.yaml")  # opening a pipe to read would wait for a writer for ever
    pipe = run("check", "-c", str(tmp_path / "pipe.yaml"), "-", input="x\n")
    assert pipe.stderr == f"copydesk: error: {tmp_path / 'pipe.yaml'}: the rules file is not a regular file\n"


def test_rules_file_in_utf16_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "rules.yaml").write_bytes(codecs.BOM_UTF16_LE + RULES_WITH_ACCENT.encode("utf-16-le"))
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "-f", "json", "-", input="Erdogan spoke.\n")
    assert [f["suggestions"] for f in result.json()["findings"]] == [["Erdoğan"]]


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system",
                                 "!!python/object/apply:subprocess.call"])
def test_yaml_is_loaded_safely_no_object_is_ever_built(tmp_path, tag):
    marker = tmp_path / "pwned"
    argument = f"['touch {marker}']" if "subprocess" not in tag else f"[[touch, '{marker}']]"
    write_rules(tmp_path, f"rules:\n  a: {{type: pattern, pattern: x, message: {tag} {argument}}}\n")
    result = run("check", "-c", str(tmp_path / "rules.yaml"), "-", input="x\n")
    assert result.exit_code == 2 and f"the tag {tag} is not allowed" in result.stderr
    assert not marker.exists()
