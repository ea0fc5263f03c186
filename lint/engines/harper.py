"""Harper, the offline English grammar checker, through the ``harper-py`` package.

Harper runs inside copydesk (no Java, no server). copydesk runs only the Harper rules of
``ALLOWED``, the ones that earn their place on news; every other Harper rule is off unless a
rule's ``harper_rules`` turns it on. Harper's first Linter of a process costs about half a
second (it loads its dictionary), so the engine starts building it in a thread as soon as the
rules are read, while the rest of copydesk starts; each process then keeps that one Linter,
used from that one thread. Documents are linted in paragraph chunks; Harper's own
deduplication is off (it hides real slips behind long-sentence notices) and the grammar check
removes overlaps itself.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import metadata

import harper
import regex

from .base import EngineMatch, GrammarEngine, Settings, Unavailable, in_chunks

CHUNK = 2_000  # code points: one paragraph or a few, as copydesk has always sent them
DIALECTS = {"en-GB": "BRITISH", "en-IE": "BRITISH", "en-NZ": "BRITISH", "en-ZA": "BRITISH",
            "en-AU": "AUSTRALIAN", "en-CA": "CANADIAN", "en-IN": "INDIAN"}

# The Harper rules copydesk runs: those that found a real slip in translated news or catch the
# slips translators make ("a news", "He have", "discussed about", "more better", "despite of",
# "arrived to", "didn't went"). Chosen by linting real translated news with every Harper rule
# that was on before (bench/harper_rules.py): the other rules that fired there were all wrong
# on news (Ching-te read as "the", code read as prose, "then" as "than", style notes), and with
# 800 rules on, Harper checked a twelfth as fast. The README ("Grammar") has the counts.
ALLOWED = frozenset({
    "AnA", "MassNouns", "PronounVerbAgreement", "SimplePastToPastParticiple", "DidPast", "CommaFixes",
    "CorrectNumberSuffix", "Discuss", "MoreBetter", "DespiteOf", "ArriveTo",
})

WORD = regex.compile(r"\p{L}+")


def start(settings: Settings) -> Harper:
    language = settings.language
    if not (language == "en" or language.startswith("en-")):
        raise Unavailable(f"Harper checks English only, not {language}")
    return Harper(settings)


def rule_names() -> frozenset[str]:
    """Every Harper rule's name (read in the Harper thread, which loads Harper once)."""
    return _thread().submit(lambda: frozenset(_linter(harper.Dialect.AMERICAN).get_lint_config())).result()


@functools.lru_cache(maxsize=1)
def _thread() -> ThreadPoolExecutor:
    """The one thread of this process that uses Harper (a Linter must not be shared by threads)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="harper")


_building: dict[harper.Dialect, Future] = {}


def _forking() -> None:
    # Never fork while Harper loads its dictionary in the thread: the child would inherit a
    # half-made one that no thread of its own finishes. Once built, the workers share it.
    for future in _building.values():
        future.result()


def _forked() -> None:
    _thread.cache_clear()
    _building.clear()
    _linters.clear()
    _configured.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_forking, after_in_child=_forked)


def stop() -> None:
    """Stop the Harper thread and its Linters (a language server's shutdown)."""
    if _thread.cache_info().currsize:
        _thread().shutdown(cancel_futures=True)
        _forked()


class Harper(GrammarEngine):
    def __init__(self, settings: Settings) -> None:
        self._dialect = harper.Dialect[DIALECTS.get(settings.language, "AMERICAN")]
        self._switches = tuple(settings.harper_rules)
        self.description = f"harper {metadata.version('harper-py')} (embedded)"
        if self._dialect not in _building:  # start loading Harper now, beside the rest of the start-up
            _building[self._dialect] = _thread().submit(_linter, self._dialect)

    def check(self, text: str) -> list[EngineMatch]:
        with _stdout_silenced():
            return [EngineMatch(offset + lint.span.start, offset + lint.span.end, rule, _plain(lint.message),
                                _suggestions(lint), lint.lint_kind == "Spelling")
                    for offset, _, lints in in_chunks(text, CHUNK, self._lint, _thread())
                    for rule, lint in lints if believable(rule, lint.problem_text)]

    def _lint(self, chunk: str) -> list[tuple[str, harper.Lint]]:
        """Runs in the Harper thread, with the process's Linter for this dialect."""
        linter = _linter(self._dialect)
        if _configured.get(self._dialect) != self._switches:  # two grammar rules may switch differently
            linter.set_lint_config(_configuration(linter, dict(self._switches)))
            _configured[self._dialect] = self._switches
        found = linter.organized_lints(chunk, language="plaintext", dedup=False)
        return [(rule, lint) for rule, lints in found.items() for lint in lints]


def _configuration(linter: harper.Linter, switches: dict[str, bool]) -> dict[str, bool | None]:
    """Every rule off but ALLOWED, then a rule's own switches (Harper fills in its defaults
    for a rule a configuration leaves out, so every rule is named)."""
    return {**{name: name in ALLOWED for name in linter.get_lint_config()}, **switches}


@contextlib.contextmanager
def _stdout_silenced() -> Iterator[None]:
    """Harper 0.2 prints debugging lines ("gerund_form: ...") on standard output for
    some texts, which would corrupt a JSON report: while it runs, file descriptor 1
    goes to the null device."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no standard output at all: nothing to protect
        yield
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def believable(rule: str, text: str) -> bool:
    """Whether a MassNouns finding is worth a copy editor's time. MassNouns finds
    "a news" and "informations", translators' slips, but on 8.6 MB of edited news
    137 of its 209 findings were gerunds ("a hearing", "a ruling") and names
    ("the One China policy"), all wrongly."""
    if rule != "MassNouns":
        return True
    noun = ["", *WORD.findall(text)][-1]
    return not (noun.endswith("ing") or noun[:1].isupper())


_linters: dict[harper.Dialect, harper.Linter] = {}
_configured: dict[harper.Dialect, tuple[tuple[str, bool], ...]] = {}  # the switches each was set to


def _linter(dialect: harper.Dialect) -> harper.Linter:
    """This process's Linter for a dialect, built on first use."""
    if dialect not in _linters:
        _linters[dialect] = harper.Linter(dialect)
    return _linters[dialect]


def _suggestions(lint: harper.Lint) -> tuple[str, ...]:
    """Each suggestion as the text that replaces the span ("" deletes it)."""
    shown: list[str] = []
    for suggestion in lint.suggestions:
        kind = suggestion.kind.name
        replacement = "" if kind == "REMOVE" else suggestion.replacement_text
        if kind == "INSERT_AFTER":
            replacement = lint.problem_text + replacement
        if replacement not in shown:
            shown.append(replacement)
    return tuple(shown[:3])


def _plain(message: str) -> str:
    """Harper writes Markdown code quotes (`news`); a copy editor reads quotation marks."""
    return message.replace("`", '"')
