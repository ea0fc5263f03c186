"""Harper, the offline English grammar checker, through the ``harper-py`` package.

Harper runs inside copydesk (no Java, no server). A Harper Linter takes about a
second to build and must not be used by two threads at once, so each worker
thread builds one per dialect, once, on first use, and keeps it. Documents are
linted in paragraph chunks on all cores; Harper's own deduplication is off (it
hides real slips behind long-sentence notices) and the grammar check removes
overlaps itself.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata

import harper
import regex

from ..parallel import cores_per_process
from .base import EngineMatch, GrammarEngine, Settings, Unavailable, in_chunks

CHUNK = 2_000  # code points: small enough to spread one article over the cores
THREADS = 4  # at most: each builds its own Linter (half a second, tens of MB)
DIALECTS = {"en-GB": "BRITISH", "en-IE": "BRITISH", "en-NZ": "BRITISH", "en-ZA": "BRITISH",
            "en-AU": "AUSTRALIAN", "en-CA": "CANADIAN", "en-IN": "INDIAN"}

# Harper rules that are on in Harper but off in copydesk unless a rule's
# harper_rules turns them on. Measured on 5 MB of edited English news (BBC, ABC,
# Reuters, Al Jazeera, TASS...), where nearly every hit of these was not a slip.
QUIET = frozenset({
    # Other copydesk rules own these: spelling (and it knows names), doubled words.
    "SpellCheck", "RepeatedWords",
    # Readability, not grammar.
    "LongSentences",
    # House style, not grammar (AP style has no Oxford comma; "some 400" and
    # "post-war" are newsroom English; Turkey is still Turkey in most style books).
    "OxfordComma", "DisjointPrefixes", "CompoundNouns", "SplitWords", "WellBeing", "InDemandInDepth",
    "SoonToBe", "BuiltIn", "UpdatePlaceNames", "Regionalisms", "QuantifierNumeralConflict", "AvoidCurses",
    "Excellent", "Freezing", "LitotesDirectPositive", "WouldNeverHave", "AvoidAndAlso", "CondenseAllThe",
    "TheProperNounPossessive", "RedundantThat", "ThatWhich", "RedundantFirsts", "DiscourseMarkers",
    "OkToOkay", "Hedging", "FillerWords", "RoadMap", "FindOut", "ExpandMemoryShorthands",
    "ExpandTimeShorthands", "ExpandDirectory", "ExpandWith", "ExpandMinimum", "ExpandGovt",
    "AsSoonAsPossible", "AdjectiveOfA", "MultipleFrequencyAdverbs", "TheLastDays", "OutOfDate",
    "DoubleCheckHyphen", "WorstCaseScenario", "HyphenateNumberDay", "AppleNames",
    # Typography that the publishing system sets, and sports scores read as ranges (6-3).
    "Dashes", "NumericRangeEnDash", "UseEllipsisCharacter", "EllipsisLength", "NoFrenchSpaces",
    "Spaces", "UnclosedQuotes", "DotInitialisms", "FootInchMinuteSecondSymbols",
    # Capitals: foreign names, headlines, HTML tags (<i>).
    "OrthographicConsistency", "SentenceCapitalization", "CapitalizePersonalPronouns", "NationalCapitals",
    "Holidays", "UnitedOrganizations", "NotablePlaces", "DayOneNames",
    # Mostly wrong on news copy: "Theresa May will" read as two modal verbs,
    # "due to reduced demand" as a verb after "to", "it's time" as a possessive...
    "MissingPreposition", "MissingTo", "WrongNegative", "MergeWords", "PhrasalVerbAsCompoundNoun",
    "TransposedSpace", "OneOfTheSingular", "Damages", "DoubleModal", "ModalBeAdjective", "TheirToTheyre",
    "TheirToThere", "LetsConfusion", "NotTo", "PronounKnew", "QuiteQuiet", "There", "Everyone", "Everyday",
    "Therein", "HadOf", "TheyToThem", "WhomSubjectOfVerb", "SingleBe", "Confident", "ModalOf", "ThatThan",
    "WereWhere", "ToTwoToo", "WayTooAdjective", "ItsContraction", "ItsPossessive", "InflectedVerbAfterTo",
    "NounVerbConfusion", "PronounInflectionBe", "PronounContraction", "OnFloor", "HelloGreeting", "DoToDueTo",
    "HowTo", "ThereToTheir", "QuantifierNeedsOf", "AdjectiveDoubleDegree", "PluralDecades", "HeDos",
    "VeryLess", "ProgressiveNeedsBe", "WillNonLemma",
})

WORD = regex.compile(r"\p{L}+")
_local = threading.local()


def start(settings: Settings) -> Harper:
    language = settings.language
    if not (language == "en" or language.startswith("en-")):
        raise Unavailable(f"Harper checks English only, not {language}")
    return Harper(settings)


def rule_names() -> frozenset[str]:
    """Every Harper rule's name (reading them takes about half a second)."""
    return frozenset(harper.get_default_lint_config())


@functools.lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    # Threads share this process's cores: a worker of a --jobs run gets its share, not all.
    return ThreadPoolExecutor(max_workers=min(THREADS, cores_per_process()), thread_name_prefix="harper")


if hasattr(os, "register_at_fork"):  # a forked worker process has the pool but not its threads
    os.register_at_fork(after_in_child=_pool.cache_clear)


def stop() -> None:
    """Stop the threads and their Linters (a language server's shutdown)."""
    if _pool.cache_info().currsize:
        _pool().shutdown(cancel_futures=True)
        _pool.cache_clear()


class Harper(GrammarEngine):
    def __init__(self, settings: Settings) -> None:
        self._dialect = harper.Dialect[DIALECTS.get(settings.language, "AMERICAN")]
        self._config: dict[str, bool | None] = {**{name: False for name in QUIET}, **dict(settings.harper_rules)}
        self.description = f"harper {metadata.version('harper-py')} (embedded)"

    def check(self, text: str) -> list[EngineMatch]:
        with _stdout_silenced():
            return [EngineMatch(offset + lint.span.start, offset + lint.span.end, rule, _plain(lint.message),
                                _suggestions(lint), lint.lint_kind == "Spelling")
                    for offset, _, lints in in_chunks(text, CHUNK, self._lint, _pool())
                    for rule, lint in lints if believable(rule, lint.problem_text)]

    def _lint(self, chunk: str) -> list[tuple[str, harper.Lint]]:
        """Runs in a worker thread, with that thread's own Linter."""
        linter = _linter(self._dialect)
        linter.set_lint_config(self._config)
        found = linter.organized_lints(chunk, language="plaintext", dedup=False)
        return [(rule, lint) for rule, lints in found.items() for lint in lints]


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


def _linter(dialect: harper.Dialect) -> harper.Linter:
    """This thread's Linter for a dialect, built on first use."""
    if not hasattr(_local, "linters"):
        _local.linters = {}
    if dialect not in _local.linters:
        _local.linters[dialect] = harper.Linter(dialect)
    return _local.linters[dialect]


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
