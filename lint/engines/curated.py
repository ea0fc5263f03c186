"""Curated word lists that a frequency list cannot give, read in place from codespell's package.

A word-frequency list built from the web accepts the misspellings the web makes often ("teh",
"alot", "thats"); codespell's dictionary (``codespell_lib/data/dictionary.txt``: misspelling ->
corrections, kept by its maintainers) says which they are. Its British -> American list
(``dictionary_en-GB_to_en-US.txt``) says which words are the British form of which American one.
Both are read from the installed package with importlib.resources, never copied.
"""

from __future__ import annotations

import functools
from importlib import metadata, resources

from . import wordlists

MISSPELLINGS = "dictionary.txt"
BRITISH = "dictionary_en-GB_to_en-US.txt"


def parse(text: str) -> dict[str, tuple[str, ...]]:
    """codespell's format: ``wrong->right`` or ``wrong->one, other,``; without a trailing
    comma, a list's last item is the reason the entry is there, not a correction."""
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        wrong, arrow, right = line.strip().partition("->")
        if not arrow or not wrong.isascii() or wrong != wrong.lower():
            continue
        parts = [part.strip() for part in right.split(",")]
        fixes = tuple(fix for fix in (parts if len(parts) == 1 else parts[:-1]) if fix)
        if fixes:
            table[wrong] = fixes
    return table


@functools.cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """Parsed once per machine (a few tenths of a second) and kept in compact form (wordlists)."""
    return wordlists.table(f"codespell-{version()}-{name.removesuffix('.txt')}", lambda: parse(
        (resources.files("codespell_lib") / "data" / name).read_text(encoding="utf-8")))


def misspellings() -> dict[str, tuple[str, ...]]:
    """Lower-case misspelling -> its corrections, the likeliest first."""
    return table(MISSPELLINGS)


def british() -> dict[str, str]:
    """British spelling -> the American one (colour -> color, organised -> organized)."""
    return {wrong: fixes[0] for wrong, fixes in table(BRITISH).items()}


def version() -> str:
    return metadata.version("codespell")
