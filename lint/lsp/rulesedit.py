"""Small edits of a rules file's text, for the code actions: a key added to a rule,
an item added to a rule's list. Only the new text is inserted, where a person
would write it (in the style, flow or block, the file already uses there), so
comments, order and spacing stay as they were. The result is loaded before it
is used: an edit that would not give a valid rules file doing what was asked is
refused (EditError), never written."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import yaml


class EditError(Exception):
    """The rules file cannot be edited for this action; the message says why."""


def dumps(value: Any) -> str:
    """A value as one line of YAML (flow style, quoted where YAML needs it)."""
    return yaml.safe_dump(value, default_flow_style=True, width=2**20).removesuffix("...\n").strip()


def add_item(text: str, rule_id: str, key: str, item: Any) -> str:
    """The text with ``item`` added to the list ``key`` of rule ``rule_id`` (the key
    added, with a list of that one item, if the rule has none)."""
    rule = _rule(text, rule_id)
    value = _value(rule, key)
    if value is None:
        return _verified(text, _add_key(text, rule, key, dumps([item])), rule_id, key, lambda old: [item])
    if not isinstance(value, yaml.SequenceNode):
        raise EditError(f"rule '{rule_id}': '{key}' is not a list; add {dumps(item)} to it by hand")
    return _verified(text, _append(text, value, dumps(item)), rule_id, key, lambda old: [*old, item])


def add_key(text: str, rule_id: str, key: str, value: Any) -> str:
    rule = _rule(text, rule_id)
    if _value(rule, key) is not None:
        raise EditError(f"rule '{rule_id}' already has '{key}'")
    return _verified(text, _add_key(text, rule, key, dumps(value)), rule_id, key, lambda old: value)


def _verified(old: str, new: str, rule_id: str, key: str, expected: Callable[[Any], Any]) -> str:
    """The edited text, if it reads as the old one with only this key of this rule changed
    (values written once and used twice, with a YAML anchor and alias, are compared as
    separate copies: an edit that changes both is refused)."""
    before = _plain(old)
    rule = before["rules"][rule_id]
    rule[key] = expected(rule.get(key))
    try:
        after = _plain(new)
    except yaml.YAMLError:
        after = None
    if after != before:
        raise EditError(f"rule '{rule_id}': copydesk could not add to '{key}' without changing something else; "
                        "edit the rules file by hand")
    return new


def _plain(text: str) -> Any:
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def _rule(text: str, rule_id: str) -> yaml.MappingNode:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise EditError(f"the rules file is not valid YAML ({error}); correct it first") from None
    rules = _value(root, "rules") if isinstance(root, yaml.MappingNode) else None
    rule = _value(rules, rule_id) if isinstance(rules, yaml.MappingNode) else None
    if not isinstance(rule, yaml.MappingNode):
        raise EditError(f"the rules file has no rule '{rule_id}' written as a mapping")
    return rule


def _value(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    return next((value for name, value in mapping.value if name.value == key), None)


def _add_key(text: str, rule: yaml.MappingNode, key: str, value: str) -> str:
    entry = f"{key}: {value}"
    if rule.flow_style:  # {type: variants, severity: warning}
        if not rule.value:
            return _insert(text, rule.end_mark.index - 1, entry)
        return _insert(text, _end(rule.value[-1][1]), f", {entry}")
    indent = rule.value[0][0].start_mark.column
    return _insert_line(text, _end(rule.value[-1][1]), " " * indent + entry)


def _append(text: str, sequence: yaml.SequenceNode, item: str) -> str:
    if sequence.flow_style:  # [[Hamad, Hamid]]
        if not sequence.value:
            return _insert(text, sequence.end_mark.index - 1, item)
        return _insert(text, _end(sequence.value[-1]), f", {item}")
    indent = sequence.start_mark.column  # the column of its first "-"
    return _insert_line(text, _end(sequence.value[-1]), " " * indent + "- " + item)


def _end(node: yaml.Node) -> int:
    """Where a value's own text ends. A block collection "ends" where the next token
    starts, past comments and blank lines: its last item's end is the one wanted."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node.end_mark.index


def _insert(text: str, at: int, inserted: str) -> str:
    return text[:at] + inserted + text[at:]


def _insert_line(text: str, after: int, line: str) -> str:
    """A new line after the line holding offset ``after`` (after its comment, if any)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    end = min((i for i in (text.find("\r", after), text.find("\n", after)) if i >= 0), default=len(text))
    return _insert(text, end, newline + line)
