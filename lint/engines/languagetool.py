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
"""

from __future__ import annotations

import atexit
import functools
import os
import subprocess
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import language_tool_python
from language_tool_python.download_lt import LocalLanguageTool, confirm_java_compatibility
from language_tool_python.exceptions import LanguageToolError
from language_tool_python.utils import get_language_tool_download_path

from .base import EngineError, EngineMatch, GrammarEngine, Settings, Unavailable, in_chunks

SERVER_ENV = "COPYDESK_LANGUAGETOOL_URL"
CHUNK = 10_000  # code points per request: under the public server's 20 KB limit
WORKERS = 4
HELP = "see the README's Grammar section"


def start(settings: Settings) -> "LanguageTool":
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
                          f"(e.g. apt-get install default-jre-headless), or set {SERVER_ENV} to a LanguageTool server") from None
    try:
        tool = language_tool_python.LanguageTool("en-US", language_tool_download_version=version)
    except (LanguageToolError, OSError) as error:
        raise EngineError(f"the local LanguageTool {version} did not start: {error}; {HELP}") from None
    atexit.register(tool.close)
    return f"http://{tool.host}:{tool.port}/"


class LanguageTool(GrammarEngine):
    def __init__(self, url: str, settings: Settings, where: str) -> None:
        self.where = where
        try:
            # The constructor asks the server for its languages: the readiness probe.
            self._tool = language_tool_python.LanguageTool(settings.language, remote_server=_server_root(url))
            self._tool.mother_tongue = settings.mother_tongue
            _ = self._tool.mother_tongue  # a LanguageTag, or ValueError if the server does not know it
            version = self._request("copydesk").get("software", {}).get("version", "")
        except LanguageToolError as error:
            raise EngineError(f"the LanguageTool {where} does not answer ({_reason(error)}): start it, or "
                              f"correct the rule's 'server' option or {SERVER_ENV}; {HELP}") from None
        except ValueError as error:  # the language or mother tongue is not one the server knows
            raise EngineError(f"the LanguageTool {where}: {error}") from None
        self._tool.enabled_rules = set(settings.enabled_rules)
        self._tool.disabled_rules = set(settings.disabled_rules)
        self._tool.enabled_categories = set(settings.enabled_categories)
        self._tool.disabled_categories = set(settings.disabled_categories)
        self._tool.picky = settings.picky
        self.description = f"languagetool {version or '(unknown version)'} ({where})"

    def check(self, text: str) -> list[EngineMatch]:
        found: list[EngineMatch] = []
        try:
            for offset, chunk, response in in_chunks(text, CHUNK, self._request, _pool()):
                for raw in response["matches"]:
                    match = language_tool_python.Match(raw, chunk)
                    end = _utf16_end(chunk, match.offset, match.error_length)
                    spelling = match.category == "TYPOS"  # LanguageTool's spelling category
                    found.append(EngineMatch(offset + match.offset, offset + end, match.rule_id, match.message,
                                             tuple(match.replacements[:3]), spelling))
        except LanguageToolError as error:
            raise EngineError(f"LanguageTool ({self.where}) failed: {_reason(error)}") from None
        return found

    def _request(self, text: str) -> dict[str, Any]:
        """One /v2/check request; runs in worker threads, so it returns the JSON and the
        calling thread builds the Match objects: Match keeps a class-wide cache of the
        last text's astral characters that two threads at once would mix up."""
        url = urllib.parse.urljoin(self._tool.url, "check")
        return self._tool._query_server(url, self._tool._create_params(text), method="post")


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
