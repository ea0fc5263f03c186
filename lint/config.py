"""Find, read and validate a rules file into a RuleSet (``lint/ruleset.py``) ready to run.

Every mistake in a rules file is one ConfigError naming the file, the line and
the rule or key, in words a newsroom editor can act on. Names and terms of all
rules are compiled here, once, into a single phrase matcher.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from . import rulesyaml, word
from .bilingual.languages import SUPPORTED, primary
from .checks import CHECK_TYPES
from .checks.base import Check
from .document import DocumentError, decode
from .engines.dictionary import LANGUAGES
from .finding import SEVERITY_NAMES, Severity
from .globs import GlobError, Globs
from .options import REQUIRED, OptionError, describe, did_you_mean, shown
from .phrases import PhraseMatcher
from .ruleset import Override, RuleChange, RuleSet
from .words import fold, words

GENERIC_NAME = "rules.yaml"  # other tools use it too: such a file is passed over, not read
CONFIG_NAMES = ("copydesk.yaml", ".copydesk.yaml", GENERIC_NAME)
CONFIG_ENV = "COPYDESK_CONFIG"
TOP_LEVEL_KEYS = ("version", "language", "source_language", "exclude", "overrides", "rules", "docx")
RULE_KEYS = ("type", "severity", "enabled")
OVERRIDE_KEYS = ("files", "severity", "rules")
CHANGE_KEYS = ("severity", "enabled")
RULE_ID = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE = regex.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?")
MAX_RULES_BYTES = 5 * 2**20  # the newsroom's rules.yaml is 25 kB


class ConfigError(Exception):
    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path, self.line, self.message = path, line, message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def packaged_rules() -> Path:
    return Path(str(resources.files("lint") / "data" / "rules.yaml"))


def discover(start: Path | None = None, passed_over: list[Path] | None = None) -> Path:
    """The rules file to use when none is given: COPYDESK_CONFIG, then the nearest
    copydesk.yaml, .copydesk.yaml or rules.yaml upward, then the packaged rules. A
    rules.yaml that is some other tool's (Prometheus, Ansible) is passed over, and added
    to ``passed_over`` so that the caller can say so."""
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if not candidate.is_file():
                continue
            if name != GENERIC_NAME or looks_like_copydesk_rules(candidate):
                return candidate
            if passed_over is not None:
                passed_over.append(candidate)
    return packaged_rules()


def looks_like_copydesk_rules(path: Path) -> bool:
    """Whether a file named rules.yaml is meant for copydesk: a mapping with ``version`` and
    ``rules``. One that YAML cannot read counts as copydesk's when it has both keys at the
    start of a line, so that its mistakes are reported rather than passed over."""
    try:
        with path.open("rb") as handle:
            text = handle.read(MAX_RULES_BYTES).decode("utf-8", "replace")
        data = yaml.safe_load(text)
    except OSError:
        return True  # reading it again reports why it cannot be read
    except yaml.YAMLError:
        return all(regex.search(rf"(?m)^{key}\s*:", text) for key in ("version", "rules"))
    return isinstance(data, dict) and "version" in data and isinstance(data.get("rules"), dict)


def load(path: Path) -> RuleSet:
    shown = str(path)
    if path.is_dir() or (path.exists() and not path.is_file()):  # a pipe would wait for a writer for ever
        kind = "a folder, not a file" if path.is_dir() else "not a regular file"
        raise ConfigError(shown, None, f"the rules file is {kind}")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_RULES_BYTES + 1)  # never more: the path may be a device or a pipe
    except OSError as error:
        raise ConfigError(shown, None, f"cannot read the rules file: {error.strerror}") from None
    if len(data) > MAX_RULES_BYTES:
        raise ConfigError(shown, None, f"the rules file is larger than {MAX_RULES_BYTES // 2**20} MB, the most "
                                       "copydesk reads; split its word lists into ignore files, or trim it")
    try:
        text = decode(data, advice="save the file as UTF-8")
    except DocumentError as error:
        raise ConfigError(shown, error.line, f"the rules file is {error}") from None
    return parse(text, shown, str(path.resolve().parent))


def parse(text: str, path: str, base_dir: str) -> RuleSet:
    return _Parser(path, base_dir).parse(text)


class _Parser:
    def __init__(self, path: str, base_dir: str) -> None:
        self.path = path
        self.base_dir = base_dir
        self.root: yaml.Node | None = None

    def error(self, message: str, *keys: Any) -> ConfigError:
        return ConfigError(self.path, self.line(*keys), message)

    def line(self, *keys: Any) -> int | None:
        """The line of the deepest of these nested keys (or list indexes) that exists (1-based)."""
        node, line = self.root, None
        for key in keys:
            if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
                continue
            if not isinstance(node, yaml.MappingNode):
                break
            found = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        return line if line is not None else (self.root.start_mark.line + 1 if self.root else None)

    def parse(self, text: str) -> RuleSet:
        try:
            self.root, data = rulesyaml.load(text)
        except rulesyaml.YAMLProblem as problem:
            raise ConfigError(self.path, problem.line, problem.message) from None
        if not isinstance(data, dict):
            raise self.error(f"a rules file is a mapping with 'version' and 'rules', not {describe(data)}")
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                raise self.error(f"unknown top-level key '{key}'{did_you_mean(str(key), TOP_LEVEL_KEYS)}", key)
        if type(data.get("version", 1)) is not int or data.get("version", 1) != 1:
            raise self.error(f"version {shown(data['version'])} is not one this copydesk reads: write 'version: 1'",
                             "version")
        language = data.get("language", "en-US")
        if not isinstance(language, str) or not LANGUAGE.fullmatch(language):
            raise self.error(f"language {shown(language)} is not a language tag such as en-US or en-GB", "language")
        if language not in LANGUAGES:
            raise self.error(f"language {shown(language)} is not one copydesk can check: it checks English text, "
                             f"written as one of {', '.join(LANGUAGES)}", "language")
        source_language = data.get("source_language")
        if source_language is not None and (not isinstance(source_language, str)
                                            or primary(source_language) not in SUPPORTED):
            raise self.error(f"source_language {shown(source_language)} is not one copydesk checks translations "
                             f"from: {', '.join(SUPPORTED)}", "source_language")
        rules = data.get("rules")
        if not isinstance(rules, dict) or not rules:
            raise self.error("'rules' must be a mapping of rule ids to rules, with at least one rule", "rules")
        checks = [self._build(rule_id, body, language) for rule_id, body in rules.items()]
        matcher = self._matcher(checks)
        accepted = frozenset(fold(word.text) for check in checks
                             for phrase in check.accepted_words() for word in words(phrase))
        enabled = [check for check in checks if rules[check.id].get("enabled", True)]
        exclude = self._globs(data["exclude"], "exclude") if "exclude" in data else None
        overrides = self._overrides(data.get("overrides", []), [check.id for check in checks])
        try:
            docx_include = word.parse_include(data["docx"]) if "docx" in data else frozenset()
        except ValueError as error:
            raise self.error(str(error), "docx") from None
        return RuleSet(self.path, language, enabled, matcher, accepted, checks, exclude, overrides,
                       hashlib.sha256(text.encode("utf-8")).hexdigest(), docx_include,
                       source_language=source_language)

    def _globs(self, value: Any, *where: Any) -> Globs:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(g, str) and g.strip() for g in value):
            raise self.error(f"'{where[-1]}' must be a list of path globs such as 'archive/**', "
                             f"not {describe(value)}", *where)
        try:
            return Globs(value, self.base_dir)
        except GlobError as error:
            raise self.error(f"'{where[-1]}': {error}", *where, error.index) from None

    def _overrides(self, value: Any, rule_ids: list[str]) -> list[Override]:
        if not isinstance(value, list):
            raise self.error("'overrides' must be a list of entries, each with 'files' and 'rules' "
                             f"or 'severity', not {describe(value)}", "overrides")
        return [self._override(index, entry, rule_ids) for index, entry in enumerate(value)]

    def _override(self, index: int, entry: Any, rule_ids: list[str]) -> Override:
        where, name = ("overrides", index), f"overrides entry {index + 1}"
        if not isinstance(entry, dict) or "files" not in entry:
            raise self.error(f"{name} must be a mapping with 'files' (path globs) and 'rules' or 'severity'", *where)
        for key in entry:
            if key not in OVERRIDE_KEYS:
                raise self.error(f"{name}: unknown key '{key}'{did_you_mean(str(key), OVERRIDE_KEYS)} "
                                 f"(keys: {', '.join(OVERRIDE_KEYS)})", *where, key)
        if "rules" not in entry and "severity" not in entry:
            raise self.error(f"{name} changes nothing: give 'rules' or 'severity'", *where)
        files = self._globs(entry["files"], *where, "files")
        severity = self._severity(entry, name, *where) if "severity" in entry else None
        changes = entry.get("rules", {})
        if not isinstance(changes, dict):
            raise self.error(f"{name}: 'rules' must map rule ids to changes such as "
                             "'{enabled: false}' or '{severity: warning}'", *where, "rules")
        rules = {}
        for rule_id, change in changes.items():
            at = (*where, "rules", rule_id)
            if rule_id not in rule_ids:
                raise self.error(f"{name}: no rule '{rule_id}' in this rules file"
                                 f"{did_you_mean(str(rule_id), rule_ids)}", *at)
            if not isinstance(change, dict) or not change or any(key not in CHANGE_KEYS for key in change):
                raise self.error(f"{name}: rule '{rule_id}' takes 'severity' and/or 'enabled', "
                                 "e.g. '{enabled: false}'", *at)
            if not isinstance(change.get("enabled", True), bool):
                raise self.error(f"{name}: rule '{rule_id}': 'enabled' must be true or false", *at, "enabled")
            rules[rule_id] = RuleChange(change.get("enabled"),
                                        self._severity(change, f"{name}: rule '{rule_id}'", *at)
                                        if "severity" in change else None)
        return Override(files, severity, rules)

    def _severity(self, body: dict, name: str, *where: Any) -> Severity:
        if not isinstance(body["severity"], str) or body["severity"] not in SEVERITY_NAMES:
            raise self.error(f"{name}: severity {shown(body['severity'])} is not one of "
                             f"{', '.join(SEVERITY_NAMES)}", *where, "severity")
        return Severity.parse(body["severity"])

    def _build(self, rule_id: Any, body: Any, language: str) -> Check:
        where = ("rules", rule_id)
        if not isinstance(rule_id, str) or not RULE_ID.fullmatch(rule_id):
            raise self.error(f"rule id {shown(rule_id)} must be kebab-case: lower-case letters and digits "
                             "joined by single hyphens, e.g. 'house-names'", *where)
        if not isinstance(body, dict):
            raise self.error(f"rule '{rule_id}' must be a mapping with a 'type', not {describe(body)}", *where)
        type_name = body.get("type")
        if type_name is None:
            raise self.error(f"rule '{rule_id}' has no 'type' (one of: {', '.join(CHECK_TYPES)})", *where)
        if not isinstance(type_name, str) or type_name not in CHECK_TYPES:
            hint = did_you_mean(str(type_name), CHECK_TYPES)
            raise self.error(f"rule '{rule_id}': unknown type {shown(type_name)}{hint}"
                             f" (types: {', '.join(CHECK_TYPES)})", *where, "type")
        check_type = CHECK_TYPES[type_name]
        severity = self._severity(body, f"rule '{rule_id}'", *where) if "severity" in body else Severity.WARNING
        if not isinstance(body.get("enabled", True), bool):
            raise self.error(f"rule '{rule_id}': 'enabled' must be true or false", *where, "enabled")
        options = {}
        for key in body:
            if key not in RULE_KEYS and key not in check_type.options:
                known = [*check_type.options, *RULE_KEYS]
                raise self.error(f"rule '{rule_id}': unknown option '{key}' for type {type_name}"
                                 f"{did_you_mean(str(key), known)} (options: {', '.join(known)})", *where, key)
        for key, option in check_type.options.items():
            if key in body:
                try:
                    options[key] = option.parse(body[key])
                except ValueError as error:
                    raise self.error(f"rule '{rule_id}': option '{key}': {error}", *where, key) from None
            elif option.default is REQUIRED:
                raise self.error(f"rule '{rule_id}': missing option '{key}' ({option.doc})", *where)
            else:
                options[key] = option.default
        try:
            return check_type(rule_id, severity, options, language=language, base_dir=self.base_dir)
        except OptionError as error:
            raise self.error(f"rule '{rule_id}': option '{error.key}': {error}", *where, error.key) from None

    def _matcher(self, checks: list[Check]) -> PhraseMatcher:
        matcher = PhraseMatcher(())
        for check in checks:
            for entry in check.phrases():
                try:
                    matcher.add(entry)
                except KeyError as clash:
                    other = clash.args[0]
                    where = ("listed twice in this rule" if other.rule == check.id
                             else f"also listed by rule '{other.rule}': a name or term belongs to one rule")
                    raise self.error(f"rule '{check.id}': {entry.phrase!r} is {where}", "rules", check.id) from None
        for check in checks:  # a fix must not write what another fix (or this one) undoes
            for entry in check.phrases():
                for target in entry.targets:
                    undone = matcher.entry(target)
                    if undone is not None and undone.targets:
                        by = "this rule" if undone.rule == check.id else f"rule '{undone.rule}'"
                        raise self.error(f"rule '{check.id}': {target!r}, written for {entry.phrase!r}, is itself "
                                         f"flagged by {by} (write {undone.targets[0]!r}): the fixes would go round; "
                                         "correct one of them", "rules", check.id)
        return matcher
