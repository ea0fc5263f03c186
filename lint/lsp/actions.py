"""Code actions on copydesk's diagnostics.

* Replace the span with each suggestion (an edit of the document).
* Spelling: add the word to the house words, the file named by the rule's
  ``ignore_file`` (created if it does not exist; when the rule has no
  ``ignore_file``, ``ignore_file: house-words.txt`` is added to it).
* Variants: silence the pair, by adding the two spellings to the rule's
  ``ignore`` as different names.

The last two change files the rules read: they are commands the server runs
(``copydesk.addWord``, ``copydesk.silenceVariants``), which compute the new
texts here and leave it to the server to write them and reload the rules. The
packaged rules are never edited: they belong to copydesk, not the newsroom.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lsprotocol import types

from ..checks.base import Check
from ..config import RuleSet, packaged_rules
from .diagnostics import SOURCE
from .rulesedit import EditError, add_item, add_key

ADD_WORD = "copydesk.addWord"
SILENCE_VARIANTS = "copydesk.silenceVariants"
COMMANDS = (ADD_WORD, SILENCE_VARIANTS)
HOUSE_WORDS = "house-words.txt"


@dataclass(frozen=True)
class Change:
    """A file's new text."""

    path: str
    text: str


def code_actions(uri: str, diagnostics: list[types.Diagnostic], rules: RuleSet | None) -> list[types.CodeAction]:
    """The actions for copydesk's diagnostics in a range; ``rules``: the document's rule set
    (None if it does not load, when only the replacements are offered)."""
    actions: list[types.CodeAction] = []
    editable = rules is not None and os.path.abspath(rules.source) != os.path.abspath(packaged_rules())
    for diagnostic in diagnostics:
        data = diagnostic.data if isinstance(diagnostic.data, dict) else None
        if diagnostic.source != SOURCE or data is None:
            continue
        for suggestion in data.get("suggestions", []):
            title = f'Replace with "{suggestion}"' if suggestion else f'Delete "{data.get("text", "")}"'
            edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diagnostic.range, new_text=suggestion)]})
            actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                            edit=edit, is_preferred=len(data["suggestions"]) == 1))
        if not editable:
            continue
        if data.get("type") == "spelling":
            actions.append(command(f'Add "{data["text"]}" to the house words', diagnostic,
                                   ADD_WORD, uri, diagnostic.code, data["text"]))
        elif data.get("type") == "variants" and data.get("suggestions"):
            pair = [data["text"], data["suggestions"][0]]
            actions.append(command(f'"{pair[0]}" and "{pair[1]}" are different names: stop flagging them',
                                   diagnostic, SILENCE_VARIANTS, uri, diagnostic.code, *pair))
    return actions


def command(title: str, diagnostic: types.Diagnostic, name: str, *arguments: Any) -> types.CodeAction:
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                            command=types.Command(title=title, command=name, arguments=list(arguments)))


def add_word(rules: RuleSet, rule_id: str, word: str, read: Callable[[str], str | None]) -> list[Change]:
    """The changes that make the spelling rule accept ``word``. ``read`` gives a file's
    text as it is now (the editor's, if the file is open there), None if it does not exist."""
    check = rule(rules, rule_id, "spelling")
    if check.ignore_file:
        path = os.path.join(check.base_dir, check.ignore_file)
        return [Change(path, appended(read(path) or "", word))]
    path = os.path.join(check.base_dir, HOUSE_WORDS)
    rules_text = current(rules.source, read)
    return [Change(path, appended(read(path) or "", word)),
            Change(rules.source, add_key(rules_text, rule_id, "ignore_file", HOUSE_WORDS))]


def silence_variants(rules: RuleSet, rule_id: str, spelling: str, other: str,
                     read: Callable[[str], str | None]) -> list[Change]:
    rule(rules, rule_id, "variants")
    return [Change(rules.source, add_item(current(rules.source, read), rule_id, "ignore", [spelling, other]))]


def rule(rules: RuleSet, rule_id: str, type_name: str) -> Any:
    found: Check | None = next((check for check in rules.configured if check.id == rule_id), None)
    if found is None or found.type_name != type_name:
        raise EditError(f"{rules.source} has no {type_name} rule '{rule_id}' (it changed since): check again")
    return found


def current(path: str, read: Callable[[str], str | None]) -> str:
    text = read(path)
    if text is None:
        raise EditError(f"{path} is gone: check again")
    return text


def appended(text: str, word: str) -> str:
    """A words file with one more line, in the line ends it already has."""
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith(("\n", "\r")):
        text += newline
    return text + word + newline
