"""LanguageTool through language-tool-python.

Where it runs: the server named by the rule's ``server`` option or by
COPYDESK_LANGUAGETOOL_URL (for instance LanguageTool's Docker image); else the
local Java server of language-tool-python, started once per run and closed at
exit. copydesk never downloads LanguageTool (about 250 MB): the local server is
available only if Java and a LanguageTool that language-tool-python downloaded
before are both on this machine. A configured server that does not answer is
an error, never a reason to fall back on another engine.

Documents go out in paragraph chunks, a few at a time. LanguageTool counts
offsets and lengths in UTF-16 code units; language-tool-python turns the offset
into code points but not the length, which is converted here.

A server can fail mid-run. Each request waits at most TIMEOUT seconds; one that
times out, cannot connect, is cut off or gets a 5xx or 429 answer is tried again
after 1 s, then 2 s (ATTEMPTS in all), within a budget of DOCUMENT_BUDGET
seconds per document; a 413 (too large) sends the chunk again in halves. What
still fails makes that document's grammar an error (the document is reported
as not fully checked); a server that could not be reached at all is not asked
again in this run, so a dead server costs one document's retries, not every
document's.
"""

from __future__ import annotations

import atexit
import functools
import http.client
import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import language_tool_python
from language_tool_python.download_lt import LocalLanguageTool, confirm_java_compatibility
from language_tool_python.exceptions import LanguageToolError
from language_tool_python.utils import get_language_tool_download_path

from ..words import plural
from .base import EngineError, EngineMatch, GrammarEngine, Settings, Unavailable, chunks, in_chunks

SERVER_ENV = "COPYDESK_LANGUAGETOOL_URL"
CHUNK = 10_000  # code points per request: under the public server's 20 KB limit
WORKERS = 4
# The local server's settings (see the README, "Grammar" and "Speed"): keep the pipelines
# (a LanguageTool set up for one language and set of rules) between requests rather than
# build one per request, and keep the results of sentences checked before.
LOCAL_SERVER_CONFIG = {"pipelineCaching": True, "maxPipelinePoolSize": 50, "pipelineExpireTimeInSeconds": 3600,
                       "cacheSize": 5000}
HELP = "see the README's Grammar section"
TIMEOUT = 30.0  # seconds to wait for one answer (LanguageTool checks 10,000 characters in about a second)
ATTEMPTS = 3  # tries of one request
BACKOFF = 1.0  # seconds before the second try, doubled before each next one
DOCUMENT_BUDGET = 120.0  # seconds of requests and waits for one document, retries included
MIN_CHUNK = 1_000  # a server that refuses (413) a chunk this short is refusing everything
RETRIED = frozenset({408, 429, 500, 502, 503, 504})


class Unanswered(Exception):
    """A request that failed for good; ``reachable`` is False when the server never answered
    (refused, silent or cut off every time), so that it is not asked again in this run."""

    def __init__(self, reason: str, reachable: bool) -> None:
        super().__init__(reason)
        self.reachable = reachable


class TooLarge(Exception):
    """The server refused a request as too large (413)."""


def start(settings: Settings) -> LanguageTool:
    url = settings.server or os.environ.get(SERVER_ENV)
    if url:
        return LanguageTool(url, settings, f"server {url}")
    return LanguageTool(_local_server(), settings, "local server")


@functools.lru_cache(maxsize=1)
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="languagetool")


if hasattr(os, "register_at_fork"):  # a forked worker process has the pool but not its threads
    os.register_at_fork(after_in_child=_pool.cache_clear)


@functools.lru_cache(maxsize=1)
def _local_server() -> str:
    """Start language-tool-python's local server, once per run; its URL."""
    installed = LocalLanguageTool.get_latest_installed_version()
    if installed is None:
        raise Unavailable(f"LanguageTool is not installed in {get_language_tool_download_path()} (a one-time "
                          f"download of about 250 MB, run with Java 17 or later; {HELP}), and no LanguageTool "
                          f"server is set in {SERVER_ENV} or the rule's 'server' option")
    version = installed.version_name
    try:
        confirm_java_compatibility(version)
    except (ModuleNotFoundError, SystemError, SystemExit, OSError, subprocess.CalledProcessError) as error:
        raise Unavailable(f"LanguageTool {version} needs Java 17 or later ({error}); install Java "
                          "(e.g. apt-get install default-jre-headless), "
                          f"or set {SERVER_ENV} to a LanguageTool server") from None
    try:
        tool = language_tool_python.LanguageTool("en-US", language_tool_download_version=version,
                                                 config=LOCAL_SERVER_CONFIG)
    except (LanguageToolError, OSError) as error:
        raise EngineError(f"the local LanguageTool {version} did not start: {error}; {HELP}") from None
    atexit.register(tool.close)
    _started.append(tool)
    return f"http://{tool.host}:{tool.port}/"


_started: list[language_tool_python.LanguageTool] = []  # the local server, if this process started it


def stop() -> None:
    """Close the local server and the request threads this process started, if any (a
    language server's shutdown; a run's end closes them at exit)."""
    while _started:
        _started.pop().close()
    _local_server.cache_clear()
    if _pool.cache_info().currsize:
        _pool().shutdown(cancel_futures=True)
        _pool.cache_clear()


class LanguageTool(GrammarEngine):
    def __init__(self, url: str, settings: Settings, where: str) -> None:
        self.where = where
        try:
            # The constructor asks the server for its languages: the readiness probe.
            self._tool = language_tool_python.LanguageTool(settings.language, remote_server=_server_root(url))
            self._tool.mother_tongue = settings.mother_tongue
            _ = self._tool.mother_tongue  # a LanguageTag, or ValueError if the server does not know it
            answer = self._request("copydesk", time.monotonic() + DOCUMENT_BUDGET)
            version = answer.get("software", {}).get("version", "")
        except (LanguageToolError, Unanswered) as error:
            raise EngineError(f"the LanguageTool {where} does not answer ({_reason(error)}): start it, or "
                              f"correct the rule's 'server' option or {SERVER_ENV}; {HELP}") from None
        except ValueError as error:  # the language or mother tongue is not one the server knows
            raise EngineError(f"the LanguageTool {where}: {error}") from None
        self._tool.enabled_rules = set(settings.enabled_rules)
        self._tool.disabled_rules = set(settings.disabled_rules)
        self._tool.enabled_categories = set(settings.enabled_categories)
        self._tool.disabled_categories = set(settings.disabled_categories)
        self._tool.picky = settings.picky
        self._down: str | None = None  # why the server could not be reached, once it could not
        self.description = f"languagetool {version or '(unknown version)'} ({where})"

    def check(self, text: str) -> list[EngineMatch]:
        if self._down is not None:
            raise EngineError(f"the LanguageTool {self.where} stopped answering earlier in this run "
                              f"({self._down}) and was not asked again")
        deadline = time.monotonic() + DOCUMENT_BUDGET
        found: list[EngineMatch] = []
        try:
            for offset, chunk, response in in_chunks(text, CHUNK, lambda part: self._request(part, deadline), _pool()):
                for raw in response["matches"]:
                    match = language_tool_python.Match(raw, chunk)
                    end = _utf16_end(chunk, match.offset, match.error_length)
                    spelling = match.category == "TYPOS"  # LanguageTool's spelling category
                    found.append(EngineMatch(offset + match.offset, offset + end, match.rule_id, match.message,
                                             tuple(match.replacements[:3]), spelling))
        except Unanswered as failure:
            if not failure.reachable:
                self._down = str(failure)
            raise EngineError(f"the LanguageTool {self.where} failed: {failure}") from None
        except (KeyError, TypeError, ValueError) as error:  # JSON, but not LanguageTool's answer
            raise EngineError(f"the LanguageTool {self.where} sent an answer copydesk cannot read "
                              f"({error!r})") from None
        return found

    def _request(self, text: str, deadline: float) -> dict[str, Any]:
        """One /v2/check request (retried, or split on a 413); runs in worker threads, so it
        returns the JSON and the calling thread builds the Match objects: Match keeps a
        class-wide cache of the last text's astral characters that two threads at once would mix up."""
        try:
            return self._post(text, deadline)
        except TooLarge:
            if len(text) <= MIN_CHUNK:
                raise Unanswered(f"it refuses even {len(text):,} characters as too large (HTTP 413)", True) from None
        matches = []
        for start, end in chunks(text, len(text) // 2 + 1):
            shift = len(text[:start].encode("utf-16-le")) // 2  # LanguageTool's offsets are UTF-16 units
            answer = self._request(text[start:end], deadline)
            matches += [dict(raw, offset=raw["offset"] + shift) for raw in answer["matches"]]
        return {"matches": matches}

    def _post(self, text: str, deadline: float) -> dict[str, Any]:
        """POST /v2/check, tried ATTEMPTS times with growing pauses, never past the deadline."""
        url = urllib.parse.urljoin(self._tool.url, "check")
        body = urllib.parse.urlencode(self._tool._create_params(text)).encode("utf-8")
        reachable, reason, tried = False, "no time left", 0
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(min(BACKOFF * 2 ** (attempt - 1), max(0.0, deadline - time.monotonic())))
            left = deadline - time.monotonic()
            if left <= 0:
                break
            tried += 1
            try:
                return json.loads(_fetch(urllib.request.Request(url, data=body, method="POST"), min(TIMEOUT, left),
                                         deadline))
            except urllib.error.HTTPError as error:
                reachable, reason = True, f"HTTP {error.code} {error.reason}"
                if error.code == 413:
                    raise TooLarge() from None
                if error.code not in RETRIED:
                    raise Unanswered(f"{reason}: {_first_line(error)}", True) from None
            except (TimeoutError, OSError, http.client.HTTPException) as error:  # no answer: refused, silent, cut off
                reason = _reason(error)
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise Unanswered("its answer is not LanguageTool's JSON", True) from None
        tries = plural(tried, "attempt")
        budget = "" if tried == ATTEMPTS else f" in the {DOCUMENT_BUDGET:g} s allowed for a document"
        raise Unanswered(f"{reason}, after {tries}{budget}", reachable)


def _fetch(request: urllib.request.Request, timeout: float, deadline: float) -> bytes:
    """The answer's body; a server that trickles it out slower than the deadline times out."""
    body = b""
    with urllib.request.urlopen(request, timeout=timeout) as response:
        while piece := response.read(65_536):
            body += piece
            if time.monotonic() > deadline:
                raise TimeoutError("timed out")
    return body


def _first_line(error: urllib.error.HTTPError) -> str:
    try:
        text = error.read(2_000).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text.splitlines()[0][:200] if text else "no explanation"


def _server_root(url: str) -> str:
    """The server's root URL, whether or not the user wrote its /v2 API path."""
    url = url.strip().rstrip("/")
    return (url[:-3] if url.endswith("/v2") else url) + "/"


def _utf16_end(text: str, start: int, units: int) -> int:
    """The code-point offset ``units`` UTF-16 code units after ``start``."""
    end = start
    while units > 0 and end < len(text):
        units -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end


def _reason(error: Exception) -> str:
    """Why a request failed, in a few words rather than the HTTP library's paragraph."""
    text = str(error).strip() or type(error).__name__
    for clue, reason in (("Connection refused", "connection refused"), ("timed out", "timed out"),
                         ("Name or service not known", "unknown host"), ("Failed to resolve", "unknown host")):
        if clue in text:
            return reason
    return text.splitlines()[-1]
