"""Adapters to the outside engines the checks rely on (dictionary, grammar checkers).

``GRAMMAR_ENGINES`` names the grammar engines, in the order a grammar rule tries them by
default; each is imported only when started (Harper and LanguageTool take long to load).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from .base import GrammarEngine, Settings


def _languagetool(settings: Settings) -> GrammarEngine:
    from . import languagetool

    return languagetool.start(settings)


def _harper(settings: Settings) -> GrammarEngine:
    from . import harper

    return harper.start(settings)


GRAMMAR_ENGINES: dict[str, Callable[[Settings], GrammarEngine]] = {"languagetool": _languagetool, "harper": _harper}


def stop() -> None:
    """Stop the grammar engines this process started, if any (a language server's shutdown;
    a run's end stops them at exit)."""
    for name in GRAMMAR_ENGINES:
        module = sys.modules.get(f"{__name__}.{name}")
        if module is not None:
            module.stop()
