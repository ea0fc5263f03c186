"""Adapters to the outside engines the checks rely on (dictionary, grammar checkers).

``GRAMMAR_ENGINES`` names the grammar engines, in the order a grammar rule tries them by
default; each is imported only when started (Harper and LanguageTool take long to load).
"""

from __future__ import annotations

from collections.abc import Callable

from .base import GrammarEngine, Settings


def _languagetool(settings: Settings) -> GrammarEngine:
    from . import languagetool

    return languagetool.start(settings)


def _harper(settings: Settings) -> GrammarEngine:
    from . import harper

    return harper.start(settings)


GRAMMAR_ENGINES: dict[str, Callable[[Settings], GrammarEngine]] = {"languagetool": _languagetool, "harper": _harper}
