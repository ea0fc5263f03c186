"""A stand-in LanguageTool server on 127.0.0.1 for the tests.

It answers /v2/languages and /v2/check in the shape of LanguageTool's
documented HTTP API (https://languagetool.org/http-api/), records every check
request's parameters, and either replays a recorded response for a known text
or reports the phrases it was told to flag, with LanguageTool's UTF-16 offsets
and lengths. ``pretend_java`` plays the ``java`` command that language-tool-python
runs to start its local server. ``fault`` makes it misbehave on purpose: given a check
request's parameters, it names what to do instead of answering (an HTTP status, "hang",
"hang up", "garbage" or "die"), or None to answer.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import regex

LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "Arabic", "code": "ar", "longCode": "ar"},
    {"name": "Turkish", "code": "tr", "longCode": "tr-TR"},
]
SOFTWARE = {"name": "LanguageTool", "version": "6.6", "buildDate": "2025-03-27 15:31:00 +0000",
            "apiVersion": 1, "premium": False, "premiumHint": "", "status": ""}
RECORDINGS = Path(__file__).parent / "data" / "languagetool"


@dataclass(frozen=True)
class Rule:
    """A LanguageTool rule as /v2/check reports it."""

    id: str
    message: str
    replacements: tuple[str, ...] = ()
    category: str = "GRAMMAR"
    issue_type: str = "grammar"


A_VS_AN = Rule("EN_A_VS_AN", "Use “an” instead of ‘a’ if the following word starts with a vowel sound.",
               ("an",), "MISC", "misspelling")
HE_HAVE = Rule("HE_VERB_AGR", "The pronoun ‘He’ is usually used with a third-person or a past tense verb.",
               ("has", "had"))
MORFOLOGIK = Rule("MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", (), "TYPOS", "misspelling")


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def match_object(text: str, start: int, end: int, rule: Rule) -> dict:
    """One match of /v2/check, offsets and lengths in UTF-16 code units as LanguageTool sends them."""
    offset, length = utf16_length(text[:start]), utf16_length(text[start:end])
    context_start = max(0, start - 40)
    context = text[context_start:end + 40]
    return {
        "message": rule.message, "shortMessage": "",
        "replacements": [{"value": value} for value in rule.replacements],
        "offset": offset, "length": length,
        "context": {"text": context, "offset": utf16_length(text[context_start:start]), "length": length},
        "sentence": text.strip(),
        "type": {"typeName": "Other"},
        "rule": {"id": rule.id, "description": rule.message, "issueType": rule.issue_type,
                 "category": {"id": rule.category, "name": rule.category.title()}},
        "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
    }


def check_response(text: str, language: str, matches: list[dict]) -> dict:
    name = next((entry["name"] for entry in LANGUAGES if entry["longCode"] == language), language)
    return {"software": SOFTWARE, "warnings": {"incompleteResults": False},
            "language": {"name": name, "code": language,
                         "detectedLanguage": {"name": name, "code": language, "confidence": 0.99}},
            "matches": matches}


@dataclass
class FakeLanguageTool:
    """Flags ``phrases`` (whole words, as regular expressions) with their rules."""

    phrases: dict[str, Rule] = field(default_factory=dict)
    delay: float = 0.0  # seconds per check, to see requests overlap
    port: int = 0  # 0: any free port
    requests: list[dict[str, str]] = field(default_factory=list)
    max_in_flight: int = 0
    fault: Callable[[dict[str, str]], int | str | None] | None = None
    hang: float = 3.0  # seconds a "hang" fault keeps the request waiting
    _in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urllib.parse.urlparse(self.path).path
                if path == "/v2/languages":
                    self._send(LANGUAGES)
                elif path == "/v2/healthcheck":
                    self._send("OK")
                else:
                    self.send_error(404)

            def do_POST(self) -> None:
                if self.path != "/v2/check":
                    self.send_error(404)
                    return
                body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
                params = {key: values[0] for key, values in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
                fault = fake.fault(params) if fake.fault and params["text"] != "copydesk" else None
                if fault is None:
                    self._send(fake.answer(params))
                    return
                with fake._lock:
                    fake.requests.append(params)
                if isinstance(fault, int):
                    self.send_error(fault)
                elif fault == "hang":
                    time.sleep(fake.hang)
                elif fault == "garbage":
                    self._send_bytes(b"<html><body>Gateway says hello</body></html>")
                elif fault == "die":  # stop listening, and leave this request unanswered
                    threading.Thread(target=fake.close, daemon=True).start()
                self.close_connection = True  # "hang up" and the rest: no answer on this connection

            def _send(self, data: object) -> None:
                self._send_bytes(json.dumps(data).encode("utf-8"))

            def _send_bytes(self, payload: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def answer(self, params: dict[str, str]) -> dict:
        with self._lock:
            self.requests.append(params)
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            time.sleep(self.delay)
            text = params["text"]
            recorded = recording(text)
            if recorded is not None:
                return recorded
            matches = [match_object(text, found.start(), found.end(), rule)
                       for phrase, rule in self.phrases.items()
                       for found in regex.finditer(rf"\b{phrase}\b", text)]
            return check_response(text, params["language"], sorted(matches, key=lambda m: m["offset"]))
        finally:
            with self._lock:
                self._in_flight -= 1

    @property
    def checks(self) -> list[dict[str, str]]:
        """The check requests for real text (not the engine's readiness probe)."""
        return [params for params in self.requests if params["text"] != "copydesk"]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def recording(text: str) -> dict | None:
    """A recorded /v2/check response whose request text was exactly ``text``."""
    for path in sorted(RECORDINGS.glob("*.json")):
        recorded = json.loads(path.read_text(encoding="utf-8"))
        if recorded["request"]["text"] == text:
            return recorded["response"]
    return None


def pretend_java(args: list[str], pid_file: str) -> None:
    """``java -version``, or ``java -cp languagetool-server.jar ...HTTPServer -p PORT``:
    serve until killed, after writing this process's id to ``pid_file`` (and its
    ``--config`` file's text to ``pid_file``.config)."""
    if args == ["-version"]:
        print('openjdk version "17.0.15" 2025-04-15', file=sys.stderr)
        return
    with open(pid_file, "a", encoding="utf-8") as pids:
        pids.write(f"{os.getpid()}\n")
    if "--config" in args:  # the server's settings file, kept for the test to read
        with open(args[args.index("--config") + 1], encoding="utf-8") as config, \
                open(pid_file + ".config", "w", encoding="utf-8") as kept:
            kept.write(config.read())
    FakeLanguageTool({"a apple": A_VS_AN, "have": HE_HAVE}, port=int(args[args.index("-p") + 1]))
    threading.Event().wait()
