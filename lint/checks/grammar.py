"""grammar: the slips no list foresees ("published a news that", "He have a apple").

A grammar engine reads the whole article and reports what it finds, each
finding under its own rule id: the rule's id, a slash and the engine's rule
(``grammar/MassNouns``, ``grammar/MORFOLOGIK_RULE_EN_US``), so that
``--ignore grammar/MassNouns`` silences one engine rule. Where a grammar finding
overlaps a names, substitution or spelling finding, only the other is shown;
where two grammar findings overlap, only the shorter.

Engines (the first one that can run on this machine is used; the report's
``engines.grammar`` says which, which version, and where it ran):

* ``languagetool``: LanguageTool through language-tool-python. It runs on the
  server named by ``server`` or by the COPYDESK_LANGUAGETOOL_URL variable (for
  instance LanguageTool's Docker image), else on the local Java server that
  language-tool-python installs, started once per run. copydesk never downloads
  LanguageTool itself; the README (section Grammar) says how to prepare it.
* ``harper``: Harper, embedded, offline, English only. Its spelling check is
  off (the spelling rule owns spelling and knows names), and so are its
  readability, house-style and typography rules and those that, measured on
  edited news copy, were mostly wrong; ``harper_rules`` turns any back on.
  Its MassNouns ("a news") is not reported on -ing words ("a hearing") or
  names ("One China"), where it was always wrong.

An engine named alone that cannot run, or a LanguageTool server that is
configured and does not answer, is an error (exit status 2), never a silent
switch to another engine. A LanguageTool spelling match on a word that a rule
of the rules file accepts (names, their variants, terms and replacements,
spelling ignore lists) is dropped.

Options:

* ``engine``: an engine or an ordered list, default ``[languagetool, harper]``.
* ``language``: the language to check, default the rules file's ``language``
  (en-GB, en-AU, en-CA, en-IN pick Harper's British, Australian, Canadian and
  Indian English).
* ``harper_rules``: Harper rules to turn on or off by name, e.g.
  ``{SpellCheck: true, MassNouns: false}``.
* LanguageTool only: ``server`` (a URL such as ``http://localhost:8010``),
  ``mother_tongue`` (the source language, e.g. ``ar``: it turns on
  LanguageTool's false-friend rules), ``enabled_rules``, ``disabled_rules``,
  ``enabled_categories``, ``disabled_categories`` (lists of LanguageTool rule
  and category ids) and ``picky`` (true: LanguageTool's stricter rules too).

.. code-block:: yaml

    grammar:
      type: grammar
      severity: warning
      engine: [languagetool, harper]
      mother_tongue: ar
      disabled_rules: [EN_QUOTES]
      harper_rules: {MassNouns: true}
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from ..context import Context
from ..engines import GRAMMAR_ENGINES
from ..engines.base import EngineError, EngineMatch, GrammarEngine, Settings, Unavailable
from ..finding import Problem, Severity
from ..options import Option, OptionError, boolean, describe, did_you_mean, text, text_list
from ..words import fold, words
from .base import Check, CheckError

ENGINES = tuple(GRAMMAR_ENGINES)
URL = regex.compile(r"https?://[^\s/]+\S*")


def engine_names(value: Any) -> tuple[str, ...]:
    names = text_list(value)
    for name in names:
        if name not in ENGINES:
            raise ValueError(f"no engine {name!r}{did_you_mean(name, ENGINES)} (engines: {', '.join(ENGINES)})")
    if len(set(names)) < len(names):
        raise ValueError("an engine is listed twice")
    return names


def url(value: Any) -> str:
    if not URL.fullmatch(text(value).strip()):
        raise ValueError(f"expected a URL such as http://localhost:8010, got {value!r}")
    return value.strip()


def switches(value: Any) -> tuple[tuple[str, bool], ...]:
    if not isinstance(value, dict) or not value:
        raise ValueError("expected Harper rule names with true or false, e.g. {SpellCheck: true}, "
                         f"got {describe(value)}")
    return tuple((text(name), boolean(on)) for name, on in value.items())


class Grammar(Check):
    type_name = "grammar"
    priority = 50
    engine_slot = "grammar"
    options = {
        "engine": Option(engine_names, ENGINES, "an engine or an ordered list of engines"),
        "language": Option(text, None, "the language to check (default: the rules file's language)"),
        "harper_rules": Option(switches, (), "Harper rules turned on or off by name"),
        "server": Option(url, None, "the URL of a LanguageTool server"),
        "mother_tongue": Option(text, None, "the source language, for LanguageTool's false friends"),
        "enabled_rules": Option(text_list, (), "LanguageTool rules to turn on"),
        "disabled_rules": Option(text_list, (), "LanguageTool rules to turn off"),
        "enabled_categories": Option(text_list, (), "LanguageTool rule categories to turn on"),
        "disabled_categories": Option(text_list, (), "LanguageTool rule categories to turn off"),
        "picky": Option(boolean, False, "LanguageTool's stricter rules too"),
    }
    engine_list: tuple[str, ...]
    language: str
    harper_rules: tuple[tuple[str, bool], ...]
    server: str | None
    mother_tongue: str | None
    enabled_rules: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    enabled_categories: tuple[str, ...]
    disabled_categories: tuple[str, ...]
    picky: bool

    def __init__(self, rule_id: str, severity: Severity, options: dict[str, Any], *,
                 language: str, base_dir: str) -> None:
        options = dict(options)
        # The option "engine" lists the engines to try; the property Check.engine names the one that runs.
        self.engine_list = options.pop("engine", ENGINES)
        options["language"] = options.get("language") or language
        super().__init__(rule_id, severity, options, language=language, base_dir=base_dir)

    def validate(self) -> None:
        if self.harper_rules:
            from ..engines import harper  # its rule names take half a second to read: only when needed

            known = harper.rule_names()
            for name, _ in self.harper_rules:
                if name not in known:
                    raise OptionError("harper_rules", f"Harper has no rule {name!r}{did_you_mean(name, known)}")
        self.settings = Settings(
            language=self.language, server=self.server, mother_tongue=self.mother_tongue,
            enabled_rules=self.enabled_rules, disabled_rules=self.disabled_rules,
            enabled_categories=self.enabled_categories, disabled_categories=self.disabled_categories,
            picky=self.picky, harper_rules=self.harper_rules)
        self._engine: GrammarEngine | None = None

    @property
    def engine(self) -> str | None:
        return self._engine.description if self._engine else None

    def prepare(self) -> None:
        """Start the first engine of the list that can run here (once)."""
        if self._engine is not None:
            return
        reasons: list[str] = []
        for name in self.engine_list:
            try:
                self._engine = GRAMMAR_ENGINES[name](self.settings)
                return
            except Unavailable as why:
                reasons.append(str(why))
            except EngineError as error:
                raise EngineError(f"rule '{self.id}': {error}") from None
        if len(reasons) == 1:
            raise EngineError(f"rule '{self.id}': {reasons[0]}")
        raise EngineError(f"rule '{self.id}': no grammar engine can run here: " + "; ".join(reasons))

    def check(self, context: Context) -> Iterator[Problem]:
        self.prepare()
        assert self._engine is not None
        text = context.text
        try:
            engine_matches = self._engine.check(text)
        except EngineError as error:  # this document only: the run goes on, the file is reported
            raise CheckError(f"rule '{self.id}': {error}; grammar was not checked in this file") from None
        matches = [match for match in engine_matches
                   if from_the_writer(match, text, context.document.text)
                   and not (match.spelling and accepted(text[match.start:match.end], context.accepted))]
        for match in without_overlaps(matches):
            yield Problem(match.start, match.end, match.message, match.suggestions, rule=f"{self.id}/{match.rule}")


def from_the_writer(match: EngineMatch, prose: str, source: str) -> bool:
    """Whether a match points at what the writer wrote. In Markdown and HTML the engine
    reads the prose, markup blanked: one lying wholly on blanks ("the report</a>, and"
    read as "the report    , and") is the blanking's doing."""
    read, written = prose[match.start:match.end], source[match.start:match.end]
    return read == written or any(a == b and not a.isspace() for a, b in zip(read, written, strict=False))


def accepted(span: str, accepted_words: frozenset[str]) -> bool:
    """Whether every word of a span (possessive 's aside) is one the rules file vouches for."""
    found = words(span)
    return bool(found) and all(fold(span[word.start:word.stem_end]) in accepted_words for word in found)


def without_overlaps(matches: Iterable[EngineMatch]) -> list[EngineMatch]:
    """One match per stretch of text: where matches overlap, the shortest (most precise)."""
    starts: list[int] = []
    kept: list[EngineMatch] = []
    for match in sorted(matches, key=lambda m: (m.end - m.start, m.start)):
        at = bisect.bisect_right(starts, match.start)
        if (at and kept[at - 1].end > match.start) or (at < len(kept) and kept[at].start < match.end):
            continue
        starts.insert(at, match.start)
        kept.insert(at, match)
    return kept
