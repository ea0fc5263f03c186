"""How long after a change the editor shows its diagnostics: `copydesk lsp` on a 1 MB document.

    python bench/lsp_latency.py [--megabytes 1] [--changes 7] [--rules FILE]

The document is built from the project's own texts (the sample article, the README, the
design notes), repeated to the size asked, as plain text. A client (pygls's) starts the
server over stdio, opens the document and waits for its diagnostics, then makes each change
(a word typed in a paragraph in the middle: "Hifter ") and times, from the didChange sent,
the first publishDiagnostics for that version (every rule but grammar) and, when the rules
have grammar, the one that adds grammar. Each change waits for the previous one's grammar,
so that each is timed alone. The times include the server's debounce (lint.lsp.server
DEBOUNCE), which is what a writer waits; the median and the range are reported.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lint import config

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds" / "hifter-visit-to-france.txt", ROOT / "README.md", ROOT / "docs" / "design.md")
TYPED = "Hifter "


def document(megabytes: float) -> str:
    own = "\n\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
    size = int(megabytes * 2**20)
    text = (own + "\n\n") * (size // len((own + "\n\n").encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


class Timer:
    """The publishDiagnostics the server sends, by version, with when they came."""

    def __init__(self, client: LanguageClient) -> None:
        self.arrived: dict[int, list[tuple[float, int]]] = {}
        self.changed = asyncio.Event()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.arrived.setdefault(params.version or 0, []).append((time.perf_counter(), len(params.diagnostics)))
            self.changed.set()

    async def wait(self, version: int, count: int) -> list[tuple[float, int]]:
        while len(self.arrived.get(version, [])) < count:
            self.changed.clear()
            await self.changed.wait()
        return self.arrived[version]


async def measure(text: str, changes: int, rules: Path) -> tuple[list[float], list[float], int]:
    folder = Path(tempfile.mkdtemp(prefix="copydesk-lsp-bench-"))
    path = folder / "long-article.txt"
    path.write_text(text, encoding="utf-8")
    client = LanguageClient("lsp-latency", "1")
    timer = Timer(client)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env["COPYDESK_CONFIG"] = str(rules.resolve())
    await client.start_io(sys.executable, "-m", "lint", "lsp", env=env)
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=from_fs_path(str(folder))))
    client.initialized(types.InitializedParams())
    uri = from_fs_path(str(path))
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    passes = 2 if any(check.type_name == "grammar" for check in config.load(rules).checks) else 1
    opened = await asyncio.wait_for(timer.wait(1, passes), 1800)
    line = text[:len(text) // 2].count("\n")
    first, complete = [], []
    for version in range(2, changes + 2):
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=line, character=0),
                                  end=types.Position(line=line, character=0)), text=TYPED)]))
        arrived = await asyncio.wait_for(timer.wait(version, passes), 1800)
        first.append(arrived[0][0] - sent)
        complete.append(arrived[-1][0] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, complete, opened[0][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--changes", type=int, default=7)
    parser.add_argument("--rules", type=Path, help="rules file (default: the repository's rules.yaml)")
    options = parser.parse_args()
    text = document(options.megabytes)
    first, complete, findings = asyncio.run(measure(text, options.changes, options.rules or ROOT / "rules.yaml"))
    print(f"document: {len(text.encode('utf-8')) / 2**20:.2f} MB, {text.count(chr(10)) + 1} lines, "
          f"{findings} diagnostics before grammar")
    for name, times in (("first diagnostics (all rules but grammar)", first), ("with grammar", complete)):
        print(f"{name}: median {statistics.median(times):.2f} s over {len(times)} changes "
              f"(min {min(times):.2f}, max {max(times):.2f})")


if __name__ == "__main__":
    main()
