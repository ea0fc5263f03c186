"""The vocabulary of options: how a rules file's values are declared, parsed and quoted in
messages. The bottom floor: ``config`` and the check types both use it, and it imports nothing
of copydesk.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

REQUIRED = object()
SURROGATE = re.compile("[\ud800-\udfff]")
SHOWN = 80  # characters of a bad value quoted in a message


class OptionError(ValueError):
    """A bad option value; ``key`` names the option so the error can point at its line."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Option:
    parse: Callable[[Any], Any]
    default: Any = REQUIRED
    doc: str = ""


def text(value: Any) -> str:
    if isinstance(value, (int, float, datetime.date)):  # YAML read a word as a number, a date or true/false
        raise ValueError(f"expected a text, got {describe(value)}: put it in quotes to make it text")
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty text, got {describe(value)}")
    if SURROGATE.search(value):
        raise ValueError(f"{shown(value)} holds a \\u escape of half a character (a surrogate), which is not text")
    return value


def text_list(value: Any) -> tuple[str, ...]:
    """A list of texts; a single text (or a number or date, refused by text()) is a list of one."""
    if isinstance(value, (str, int, float, datetime.date)):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ValueError(f"expected a list of texts, got {describe(value)}")
    return tuple(text(item) for item in value)


def seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
        raise ValueError(f"expected a number of seconds above 0 (at most 3600), got {describe(value)}")
    return float(value)


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {describe(value)}")
    return value


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "an empty mapping" if not value else "a mapping"
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    return f"{type(value).__name__} {shown(value)}"


def shown(value: Any) -> str:
    """A value as a message quotes it: a scalar as written (cut short), a list or mapping by its kind."""
    if isinstance(value, (list, dict)):
        return "[…]" if isinstance(value, list) else "{…}"
    quoted = value.isoformat() if isinstance(value, datetime.date) else repr(value)
    return quoted if len(quoted) <= SHOWN else quoted[:SHOWN - 1] + "…"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
